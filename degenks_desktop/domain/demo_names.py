"""Realistic first and last names of Genk residents, by origin, for the demo data generator."""

from __future__ import annotations

ORIGINS: tuple[str, ...] = (
    "belgian",
    "italian",
    "turkish",
    "moroccan",
    "greek",
    "polish",
    "spanish",
    "other_eu",
    "other",
)

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "belgian": {
        "f": (
            "Marie", "Anna", "Els", "Griet", "Hilde", "Kristel", "Sofie", "Lies",
            "Katrien", "An", "Inge", "Leen", "Nele", "Veerle", "Marleen", "Lotte",
            "Emma", "Lore", "Fien", "Ine", "Marie-Louise", "Jeanine", "Godelieve",
            "Mieke", "Liesbeth", "Annelies", "Hanne", "Elke", "Karolien", "Chloë",
            "Anne-Marie", "Noor",
        ),
        "m": (
            "Jan", "Pieter", "Koen", "Tom", "Bart", "Wim", "Dirk", "Luc", "Jef",
            "Stijn", "Joris", "Geert", "Jean-Pierre", "Frank", "Patrick", "Johan",
            "Kris", "Wouter", "Thijs", "Lars", "Jens", "Ruben", "Sander", "Maarten",
            "Bram", "Seppe", "Jozef", "Lode", "Jan-Willem", "Raf", "Gust",
        ),
    },
    "italian": {
        "f": (
            "Maria", "Giuseppina", "Anna", "Rosa", "Francesca", "Giulia", "Chiara",
            "Sara", "Elena", "Lucia", "Angela", "Carmela", "Concetta", "Antonella",
            "Paola", "Teresa", "Giovanna", "Federica", "Valentina", "Alessia",
            "Martina", "Sofia", "Rosaria", "Filomena", "Graziella", "Nunzia",
            "Laura", "Silvia", "Maria Grazia",
        ),
        "m": (
            "Giuseppe", "Salvatore", "Antonio", "Francesco", "Giovanni", "Vincenzo",
            "Rocco", "Domenico", "Luigi", "Pietro", "Angelo", "Carmelo", "Calogero",
            "Gaetano", "Michele", "Marco", "Luca", "Alessandro", "Matteo", "Lorenzo",
            "Nicola", "Stefano", "Fabio", "Sergio", "Mario", "Raffaele", "Gianluca",
            "Pasquale", "Niccolò", "Gian Marco",
        ),
    },
    "turkish": {
        "f": (
            "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Büşra",
            "Gülşen", "Sevgi", "Özlem", "Hülya", "Songül", "Derya", "Esra", "Kübra",
            "Şeyma", "Yasemin", "Dilek", "Nurcan", "Gülay", "Tuğba", "Ebru", "Melek",
            "Sibel", "Çiğdem", "Nazlı", "Aynur", "Ece", "Işıl", "İlknur",
        ),
        "m": (
            "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim",
            "İsmail", "Osman", "Yusuf", "Murat", "Emre", "Burak", "Kemal", "Ömer",
            "Serkan", "Gökhan", "Oğuz", "Çağlar", "Süleyman", "Ramazan", "Yiğit",
            "Tolga", "Fatih", "Cem", "Halil", "Uğur", "Barış", "Şükrü", "Erdoğan",
        ),
    },
    "moroccan": {
        "f": (
            "Fatima", "Khadija", "Aicha", "Malika", "Naima", "Samira", "Nadia",
            "Karima", "Latifa", "Zineb", "Hanane", "Souad", "Rachida", "Meryem",
            "Salma", "Imane", "Sanae", "Houda", "Loubna", "Yasmina", "Nora", "Hafsa",
            "Ikram", "Soukaina", "Ilham", "Najat", "Siham", "Btissam", "Fatima-Zahra",
        ),
        "m": (
            "Mohamed", "Ahmed", "Youssef", "Mustapha", "Abdelkader", "Hassan",
            "Rachid", "Karim", "Said", "Khalid", "Abdellah", "Omar", "Hamid", "Driss",
            "Mourad", "Nordin", "Bilal", "Hicham", "Adil", "Amine", "Ayoub",
            "Soufiane", "Mehdi", "Brahim", "Jamal", "Abdelaziz", "Redouane",
            "Zakaria", "Ilias",
        ),
    },
    "greek": {
        "f": (
            "Maria", "Eleni", "Katerina", "Georgia", "Dimitra", "Sofia", "Anastasia",
            "Vasiliki", "Ioanna", "Despina", "Christina", "Paraskevi", "Athina",
            "Evangelia",
        ),
        "m": (
            "Georgios", "Dimitrios", "Konstantinos", "Ioannis", "Nikolaos",
            "Christos", "Panagiotis", "Vasilis", "Athanasios", "Michalis", "Stavros",
            "Kostas", "Spyros", "Giannis",
        ),
    },
    "polish": {
        "f": (
            "Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Magdalena", "Ewa",
            "Anna", "Żaneta", "Beata", "Dorota", "Monika", "Justyna", "Aleksandra",
            "Urszula", "Jadwiga", "Bożena",
        ),
        "m": (
            "Michał", "Paweł", "Łukasz", "Wojciech", "Tomasz", "Krzysztof", "Piotr",
            "Marcin", "Grzegorz", "Jakub", "Mateusz", "Jarosław", "Przemysław",
            "Bartłomiej", "Zbigniew",
        ),
    },
    "spanish": {
        "f": (
            "María", "Carmen", "Dolores", "Pilar", "Lucía", "Isabel", "Rocío", "Inés",
            "Concepción", "Ana", "Mercedes", "Begoña", "Nuria", "Montserrat", "Ángela",
            "María José",
        ),
        "m": (
            "José", "Antonio", "Manuel", "Francisco", "Jesús", "Javier", "Ángel",
            "Álvaro", "Rubén", "Íñigo", "Sergio", "Andrés", "Joaquín", "Ramón", "Raúl",
            "José Luis",
        ),
    },
    "other_eu": {
        "f": (
            "Sanne", "Femke", "Sabine", "Jutta", "Claire", "Élodie", "Françoise",
            "Mădălina", "Ioana", "Andreea", "Gergana", "Desislava", "Joana", "Inês",
            "Conceição", "Anneke",
        ),
        "m": (
            "Joost", "Sjoerd", "Jürgen", "Jörg", "Matthias", "François", "Rémi",
            "Thierry", "Andrei", "Ștefan", "Mihai", "Gheorghe", "Dimitar", "Hristo",
            "João", "Gonçalo", "Luís",
        ),
    },
    "other": {
        "f": (
            "Grâce", "Merveille", "Divine", "Exaucée", "Rania", "Lina", "Hiba", "Nour",
            "Farzana", "Zahra", "Priya", "Ananya", "Lakshmi", "Xiaoling", "Mei",
            "Larissa", "Fernanda", "Ana Clara",
        ),
        "m": (
            "Jean-Marie", "Patrice", "Trésor", "Fiston", "Ahmad", "Khaled", "Bassel",
            "Tarek", "Wahid", "Farid", "Jawad", "Rahul", "Arjun", "Vikram", "Wei",
            "Hao", "Thiago", "João Pedro",
        ),
    },
}

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "belgian": (
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
        "Goossens", "Wouters", "Vermeulen", "Van den Bosch", "Vande Velde",
        "Van de Velde", "Vandenberghe", "Hendrickx", "Vanhees", "Vanderstraeten",
        "Smeets", "Thijs", "Geerts", "Lambrechts", "Bosmans", "Stevens", "Leemans",
        "Vangeel", "Schepers", "Noelmans", "Vandebroek", "Haesen", "Moors",
        "Coenen", "Vanheusden", "Gielen", "Kenis", "Cuypers", "Reynders", "Hermans",
        "Daniëls", "Van Gompel", "Vos", "De Smet", "De Backer", "Bollen", "Houben",
        "Jorissen", "Vanderhoydonck", "Verheyen", "Op de Beeck", "Hoeterickx",
        "Dubois",
    ),
    "italian": (
        "Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
        "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "D'Angelo",
        "Lo Bue", "La Rosa", "Lo Presti", "Di Stefano", "Di Marco", "Cannizzaro",
        "Caruso", "Messina", "Giordano", "Lombardo", "Mancuso", "Vitale",
        "Lo Iacono", "Sciortino", "Licata", "Puglisi", "D'Amico", "Dell'Aquila",
        "Li Causi", "Pellegrino", "Santoro",
    ),
    "turkish": (
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
        "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara",
        "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy",
        "Korkmaz", "Bulut", "Türkmen", "Acar", "Karataş", "Tekin", "Akgül", "Uçar",
        "Ünal",
    ),
    "moroccan": (
        "El Amrani", "El Idrissi", "Benali", "Bouzid", "El Khattabi", "Amrani",
        "Azzouzi", "Boukhari", "El Ouali", "Bennani", "Chaoui", "Lahlou", "El Hajji",
        "Tahiri", "Ouazzani", "Ait Ahmed", "Ait Ouali", "Bouazza", "El Moussaoui",
        "Benjelloun", "Haddouchi", "Zerouali", "El Alaoui", "Boulahrouz",
        "Ben Haddou", "Azzaoui", "El Yousfi", "Mokhtari", "Achahbar",
    ),
    # Genitive-form surnames: the same for women and men.
    "greek": (
        "Georgiou", "Dimitriou", "Papageorgiou", "Oikonomou", "Christodoulou",
        "Antoniou", "Alexiou", "Nikolaou", "Konstantinou", "Papadimitriou",
        "Ioannou", "Vasileiou", "Athanasiou", "Theodorou",
    ),
    # Surnames without a feminine (-ska) form, so any first name fits.
    "polish": (
        "Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek",
        "Zając", "Król", "Wieczorek", "Wróbel", "Pawlak", "Dudek", "Kołodziej",
        "Żak", "Gąsior", "Ślusarczyk", "Stępień", "Maćkowiak", "Kościelniak",
    ),
    "spanish": (
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez",
        "Sánchez", "Pérez", "Gómez", "Muñoz", "Jiménez", "Ruiz", "Díaz", "Álvarez",
        "Moreno", "Peña", "Núñez", "Ibáñez", "de la Cruz",
    ),
    "other_eu": (
        "de Vries", "Bakker", "van Dijk", "Visser", "Müller", "Schmidt", "Schäfer",
        "Weiß", "Lefèvre", "Girard", "Lemaire", "Popescu", "Ionescu", "Stănescu",
        "Dumitrescu", "Ivanov", "Georgiev", "Silva", "Santos", "Gonçalves",
        "Ferreira",
    ),
    "other": (
        "Mbuyi", "Kabongo", "Tshibangu", "Mukendi", "Ilunga", "Lukusa", "Haddad",
        "Khalil", "Darwish", "Hamdan", "Al-Hassan", "Ahmadi", "Rahimi", "Hosseini",
        "Sharma", "Patel", "Singh", "Kumar", "Wang", "Li", "Zhang", "Chen", "Liu",
        "Oliveira", "Souza", "Pereira",
    ),
}

NATIVE_SCRIPT_NAMES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "greek": (
        ("Γιώργος", "Παπαδόπουλος", "m"),
        ("Ελένη", "Παπαδοπούλου", "f"),
        ("Δημήτρης", "Νικολαΐδης", "m"),
        ("Μαρία", "Γεωργίου", "f"),
        ("Κωνσταντίνος", "Οικονόμου", "m"),
        ("Αικατερίνη", "Καραγιάννη", "f"),
        ("Νίκος", "Βλάχος", "m"),
        ("Σοφία", "Δημητρίου", "f"),
        ("Παναγιώτης", "Χριστοδούλου", "m"),
        ("Ιωάννα", "Αντωνίου", "f"),
    ),
    "moroccan": (
        ("محمد", "العلوي", "m"),
        ("فاطمة", "الإدريسي", "f"),
        ("يوسف", "بنعلي", "m"),
        ("خديجة", "العمراني", "f"),
        ("أحمد", "الخطابي", "m"),
        ("مريم", "بناني", "f"),
        ("رشيد", "التازي", "m"),
        ("سلمى", "الفاسي", "f"),
        ("كريم", "الموساوي", "m"),
        ("نعيمة", "الزروالي", "f"),
    ),
}

LONG_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Maria Dolores Esperanza", "Fernández de la Peña-Vanderstraeten", "f"),
    ("Jean-Pierre Alphonse", "Vanderstraeten-Kowalczyk", "m"),
    ("Marie-Louise Godelieve", "Van den Bossche-D'Alessandro", "f"),
    ("Giuseppe Salvatore Maria", "Dell'Acqua Lo Bue-Vanderhoydonck", "m"),
    ("Fatima-Zahra Khadija", "Ben Abdeslam El Idrissi-Ouazzani", "f"),
    ("Gülşen Şükriye", "Karaağaçlıoğlu-Vandenberghe", "f"),
    ("Konstantinos Panagiotis", "Papadimitriou-Hadjikyriakou", "m"),
    ("Przemysław Bartłomiej", "Szczepańczyk-Vanheusden", "m"),
    ("Maria do Rosário da Conceição", "Gonçalves dos Santos Ferreira", "f"),
    ("Mohamed Amine Abdelkader", "El Moussaoui-Op de Beeck", "m"),
)
