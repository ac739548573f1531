"""Realistic Dutch ideas and concepts for the demo event, per G360 theme, from a seed.

A demo day fills about 47 tables with some 40 ideas each, so the texts are built from
per-theme building blocks: a frame ("Waarom geen …?", "Laten we …!") around a noun phrase
or an infinitive phrase, an optional target group, an optional Genk place and an optional
reason clause. Every block is a complete constituent, so any combination stays grammatical
Dutch. A set of hand-written whole ideas per theme adds the odd, specific post-it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.event_plan import G360_THEMES

THEME_CODES: tuple[str, ...] = tuple(theme.code for theme in G360_THEMES)

MIN_IDEA_WORDS = 5
MAX_IDEA_WORDS = 25
MAX_IDEA_CHARS = 200
MAX_TITLE_CHARS = 80

# How often a draw is a hand-written idea rather than a built one: often enough to give
# every table a few specific post-its, rarely enough that they do not repeat much.
_WHOLE_SHARE = 0.12
_GROUP_SHARE = 0.55
_PLACE_SHARE = 0.7
_REASON_SHARE = 0.35
_ATTEMPTS = 30

_WIJKEN: tuple[str, ...] = (
    "Winterslag",
    "Waterschei",
    "Zwartberg",
    "Bret-Gelieren",
    "Kolderbos",
    "Termien",
    "Sledderlo",
    "Camerlo",
    "Boxbergheide",
    "Hoevenzavel",
    "Genk-Centrum",
    "Langerlo",
)

_WIJK_PLACES: tuple[str, ...] = (
    *(f"in {wijk}" for wijk in _WIJKEN),
    "in elke wijk",
    "in onze wijk",
    "in alle Genkse wijken",
)
_MINE_PLACES: tuple[str, ...] = (
    "in Winterslag",
    "in Waterschei",
    "in Zwartberg",
    "in de cités",
    "in de oude mijnwijken",
)


@dataclass(frozen=True)
class _Vocabulary:
    """One theme's building blocks for ideas, and the phrases its concepts are made of."""

    # Three kinds of noun phrase, all indefinite ("een wooncoach", "betaalbare
    # huurwoningen"): ones a target group and any place can follow ("voor senioren in
    # Termien"), local ones that take a neighbourhood but no group, and city-wide ones
    # that take neither. None has a "voor"-phrase of its own, so "voor <group>" can follow.
    things: tuple[str, ...]
    local_things: tuple[str, ...]
    citywide_things: tuple[str, ...]
    # The same three kinds of infinitive phrase, verb last ("leegstaande panden
    # ombouwen tot woningen"). Local actions and policies are what a city can do, so
    # they can follow "De stad moet"; the others only follow "we".
    actions: tuple[str, ...]
    local_actions: tuple[str, ...]
    policies: tuple[str, ...]
    # Plural noun phrases that follow "voor" (or `action_group_word` after an action).
    groups: tuple[str, ...]
    # Complete prepositional phrases ("in Winterslag", "rond de Molenvijver").
    places: tuple[str, ...]
    # Complete clauses that follow a comma ("zodat …", "want …").
    reasons: tuple[str, ...]
    whole: tuple[str, ...]
    alive: tuple[str, ...]
    i_can: tuple[str, ...]
    we_can: tuple[str, ...]
    city_can: tuple[str, ...]
    # May contain "{wijk}", filled with the neighbourhood the ideas name.
    first_steps: tuple[str, ...]
    partners: tuple[str, ...]
    goals: tuple[str, ...]
    # "samen koken en eten met nieuwe bewoners", not "voor nieuwe bewoners".
    action_group_word: str = "voor"


_WONEN = _Vocabulary(
    things=(
        "betaalbare huurwoningen",
        "meer sociale woningen",
        "kangoeroewoningen",
        "een wooncoach",
        "een hogere renovatiepremie",
        "groepswoningen met een gedeelde tuin",
        "een woonloket",
        "energiezuinige huurwoningen",
        "kleinere, betaalbare woningen",
        "starterswoningen",
        "aangepaste woningen",
        "een klusjesdienst",
        "hulp bij het zoeken naar een huurwoning",
        "een woonbegeleider",
        "isolatiepremies",
        "meer begeleid wonen",
        "een goedkope lening om een huis te kopen",
    ),
    local_things=(
        "strengere controles op huisjesmelkers",
        "een conciërge per woonblok",
        "minder leegstaande panden",
        "meer groen tussen de woonblokken",
        "een opknapbeurt voor de oude mijnwoningen",
        "veilige stoepen en betere straatverlichting",
        "een huurdersvereniging per woonblok",
        "een welkomstpakket voor nieuwe bewoners",
    ),
    citywide_things=(
        "een huurwaarborgfonds",
        "een openbare wachtlijst voor sociale woningen",
        "snellere toewijzing van sociale woningen",
        "een vast deel betaalbare woningen in elk nieuw bouwproject",
    ),
    actions=(
        "leegstaande panden ombouwen tot woningen",
        "oude mijnwoningen renoveren",
        "samen een wooncoöperatie oprichten",
        "huurwoningen energiezuinig maken",
        "kangoeroewonen aanmoedigen",
        "gratis energiescans aanbieden",
        "kleine herstellingen gratis uitvoeren",
        "een huurwaarborg voorschieten",
        "appartementen boven winkels inrichten",
        "een woonbeurs organiseren",
        "uitleg geven over huurcontracten",
        "een groepsaankoop van isolatiemateriaal organiseren",
    ),
    local_actions=(
        "huisjesmelkers harder aanpakken",
        "de cités opknappen met respect voor het mijnerfgoed",
        "de woontorens beter onderhouden",
        "leegstaande panden opkopen",
        "de straten en stoepen vernieuwen",
        "meer groen aanleggen tussen de woningen",
    ),
    policies=(
        "leegstand zwaarder belasten",
        "de wachtlijst voor sociale woningen openbaar maken",
        "bij elk nieuw project betaalbare woningen opleggen",
        "renovatiepremies vooraf uitbetalen",
        "huurwoningen strenger controleren",
        "sociale woningen sneller toewijzen",
    ),
    groups=(
        "jonge gezinnen",
        "senioren",
        "alleenstaande ouders",
        "starters",
        "studenten",
        "mensen met een beperking",
        "grote gezinnen",
        "huurders met een klein inkomen",
        "nieuwkomers",
        "alleenstaanden",
        "gepensioneerde mijnwerkers",
        "oudere Genkenaren",
    ),
    places=(*_WIJK_PLACES, "in de oude cités", "in de mijnwijken", "rond het Shopping 1"),
    reasons=(
        "zodat jonge gezinnen niet wegtrekken uit Genk",
        "want de wachtlijsten zijn veel te lang",
        "want wonen wordt in Genk steeds duurder",
        "zodat iedereen zich thuis voelt in de wijk",
        "want huren is voor veel mensen onbetaalbaar geworden",
        "zodat mensen in hun eigen wijk kunnen blijven wonen",
        "want iedereen heeft recht op een goede woning",
        "zodat de wijk leefbaar blijft",
        "want een goede woning is de basis van alles",
        "omdat veel huurders hun rechten niet kennen",
    ),
    whole=(
        "Huurprijzen in Genk moeten betaalbaar blijven, ook voor wie alleen woont.",
        "Een sociale woning zou geen wachtlijst van vijf jaar mogen hebben.",
        "Laat oudere Genkenaren samenwonen met jonge gezinnen, zoals vroeger in de cité.",
        "De mijnwoningen in Winterslag zijn prachtig, maar vaak vochtig en koud.",
        "Geef huurders ook een premie om hun woning beter te isoleren.",
        "Bouw woningen die gewone mensen kunnen betalen, geen dure appartementen.",
        "Meer woningen met een tuintje, waar kinderen veilig kunnen spelen.",
        "Een huisbaas die niets herstelt, moet sneller aangepakt worden.",
        "In Kolderbos voelen mensen zich niet thuis in de grote woonblokken.",
        "Wie nieuw is in de straat, krijgt een welkomstbezoek van de buren.",
        "Boven de winkels in Genk-Centrum is plaats voor veel appartementen.",
        "Jongeren die in Genk opgroeiden, verdienen voorrang op een starterswoning.",
        "Een klusjesdienst voor senioren die zelf geen ladder meer op kunnen.",
        "Zorg dat je in je eigen wijk kunt blijven wonen als je ouder wordt.",
        "Waarom staan er zoveel huizen leeg terwijl mensen een woning zoeken?",
        "Betaalbaar wonen mag niet betekenen dat je in een slechte woning terechtkomt.",
        "Controleer de kwaliteit van huurwoningen ter plaatse, niet alleen op papier.",
        "De straten in Zwartberg verdienen meer onderhoud en betere verlichting.",
        "Een deelauto per woonblok, dan heeft niet elk gezin een tweede auto nodig.",
        "Laat bewoners zelf mee beslissen hoe hun woonblok opgeknapt wordt.",
        "Maak van de oude tuinwijken weer plekken waar jonge gezinnen willen wonen!",
        "Ik woon al dertig jaar in Waterschei en wil hier ook oud worden.",
    ),
    alive=(
        "Veel jonge gezinnen vinden in Genk geen betaalbare huurwoning en trekken weg.",
        "De wachtlijst voor een sociale woning is zo lang dat mensen de moed opgeven.",
        "In de oude mijnwoningen is het vaak koud en vochtig, en de energiefactuur is hoog.",
        "Huurders durven een slechte huisbaas niet aan te spreken, uit schrik hun woning "
        "kwijt te raken.",
        "Senioren willen in hun eigen wijk blijven wonen, maar hun huis is te groot of niet "
        "aangepast.",
        "Nieuwe bewoners voelen zich niet meteen thuis, omdat niemand hen wegwijs maakt.",
    ),
    i_can=(
        "Ik kan mijn buren vertellen waar ze met vragen over huur en premies terechtkunnen.",
        "Ik kan nieuwe buren welkom heten en hen wegwijs maken in de straat.",
        "Ik kan mijn ervaring met renoveren delen op een bewonersavond.",
        "Ik kan een oudere buur helpen met kleine klusjes in huis.",
        "Ik kan melden welke panden in mijn straat al lang leegstaan.",
    ),
    we_can=(
        "Samen met de buren een bewonersgroep opstarten die de problemen in de woonblokken "
        "bundelt.",
        "Een lijst maken van leegstaande panden in de wijk en die aan de stad bezorgen.",
        "Een klusjesploeg van vrijwilligers oprichten voor de senioren in de buurt.",
        "Een infoavond over huurrechten organiseren, met tolken voor wie dat nodig heeft.",
        "Samen een groepsaankoop voor dakisolatie organiseren.",
    ),
    city_can=(
        "Leegstaande panden opkopen en verhuren via een sociaal verhuurkantoor.",
        "Huisjesmelkers strenger controleren en slechte woningen ongeschikt verklaren.",
        "Een woonloket openen waar huurders en eigenaars met al hun vragen terechtkunnen.",
        "Renovatiepremies vooraf uitbetalen, zodat ook mensen zonder spaargeld kunnen starten.",
        "Bij nieuwe bouwprojecten een vast deel betaalbare woningen opleggen.",
    ),
    first_steps=(
        "Een eerste bewonersavond plannen in {wijk}, nog voor de zomer.",
        "Met vijf buren in {wijk} een lijst maken van de grootste woonproblemen.",
        "Een afspraak vragen bij de schepen van wonen om het concept voor te stellen.",
        "Een rondgang maken in {wijk} en de leegstaande panden in kaart brengen.",
        "Een folder over huurrechten maken en in {wijk} huis aan huis bussen.",
    ),
    partners=(
        "OCMW",
        "woonloket van de stad",
        "sociaal verhuurkantoor",
        "sociale huisvestingsmaatschappij",
        "huurdersbond",
        "opbouwwerker van de wijk",
        "wijkgezondheidscentrum",
    ),
    goals=(
        "Zo kan iedere Genkenaar betaalbaar en goed wonen.",
        "Zo voelen meer mensen zich echt thuis in hun wijk.",
        "Zo blijven jonge gezinnen en senioren in hun eigen buurt wonen.",
    ),
)

_WERK = _Vocabulary(
    things=(
        "een jobbeurs",
        "een jobcoach",
        "meer stageplaatsen",
        "werkervaringsplaatsen",
        "sollicitatietraining",
        "taallessen op de werkvloer",
        "kinderopvang op vroege en late uren",
        "een mentorproject",
        "omscholing naar technische jobs",
        "begeleiding bij het starten van een eigen zaak",
        "een werkwinkel",
        "een netwerk van peters en meters",
        "meer jobs in de sociale economie",
        "zomerjobs bij de stad",
        "een jobclub",
        "vrijwilligerswerk als opstap naar een job",
    ),
    local_things=(
        "een bedrijvencentrum voor starters",
        "meer lokale jobs in de zorg",
        "meer winkels en werkplaatsen",
        "een coworkingplek",
        "een buurtwerkplaats",
        "een jobpunt van de VDAB",
    ),
    citywide_things=(
        "anoniem solliciteren bij de stad",
        "een diversiteitsplan bij elk Genks bedrijf",
        "een prijs voor werkgevers met een divers team",
        "snellere erkenning van buitenlandse diploma's",
        "nieuwe bedrijven op de terreinen van Ford",
        "betere busverbindingen naar de industrieterreinen",
    ),
    actions=(
        "bedrijfsbezoeken organiseren",
        "sollicitatietrainingen geven",
        "cv-ateliers organiseren",
        "stages aanbieden bij Genkse bedrijven",
        "taallessen combineren met werkervaring",
        "een koffiemoment met werkgevers houden",
        "infosessies over jobs in de zorg houden",
        "technische opleidingen aanbieden",
        "een mentorprogramma opstarten",
        "een startersdag houden",
        "een jobbeurs organiseren",
    ),
    local_actions=(
        "kleine ondernemers ondersteunen",
        "een jobpunt openen",
        "leegstaande winkels verhuren aan starters",
        "lokale werkgevers samenbrengen",
    ),
    policies=(
        "anoniem solliciteren invoeren",
        "werkgevers belonen voor een divers personeelsbeleid",
        "buitenlandse diploma's sneller erkennen",
        "vacatures in eenvoudig Nederlands schrijven",
        "discriminatie bij aanwervingen harder aanpakken",
        "nieuwe bedrijven naar de oude Ford-terreinen halen",
    ),
    groups=(
        "jongeren zonder diploma",
        "werknemers van Ford Genk en de toeleveranciers",
        "vrouwen die lang thuis waren",
        "nieuwkomers",
        "vijftigplussers",
        "schoolverlaters",
        "mensen met een migratieachtergrond",
        "laaggeschoolde werkzoekenden",
        "jonge moeders",
        "mensen met een beperking",
        "langdurig werklozen",
    ),
    places=(
        *_WIJK_PLACES,
        "op C-mine",
        "in het Shopping 1",
        "op de industrieterreinen",
        "bij De Schacht",
    ),
    reasons=(
        "want door de sluiting van Ford verliezen duizenden mensen hun job",
        "zodat talent in Genk niet verloren gaat",
        "want wie werkt, hoort er echt bij",
        "want werk geeft mensen hun trots terug",
        "zodat jongeren een voorbeeld zien",
        "want veel bedrijven vinden geen personeel",
        "zodat mensen hun eigen kracht terugvinden",
        "zodat werkgevers het talent in de wijken leren kennen",
        "omdat een eerste werkervaring alles verandert",
    ),
    whole=(
        "Bedrijven moeten durven kiezen voor talent, niet voor een naam op een cv.",
        "Na Ford moeten we de technische kennis van de arbeiders in Genk houden.",
        "Mijn dochter heeft een diploma, maar wordt nooit uitgenodigd voor een gesprek.",
        "Laat de stad zelf het goede voorbeeld geven met een divers personeel.",
        "Een jobbeurs in de wijk, niet alleen in Hasselt of Brussel.",
        "Gepensioneerde mijnwerkers kunnen jongeren een vak leren.",
        "Werkgevers en werkzoekenden moeten elkaar gewoon vaker ontmoeten.",
        "Vrouwen die geen Nederlands spreken, vinden bijna nooit een job.",
        "Maak stages betaald, zodat ook jongeren uit arme gezinnen kunnen meedoen.",
        "Een ingenieur uit Syrië mag hier geen taxichauffeur moeten worden.",
        "Help werknemers van Ford Genk om een eigen zaak te starten.",
        "Jobs in de zorg en de logistiek zijn er genoeg, de opleidingen niet.",
        "Geef werkzoekenden een peter of meter uit het bedrijfsleven.",
        "Waarom vraagt de VDAB niet aan werkgevers welk talent ze missen?",
        "Een werkervaringsplaats bij de stad voor elke jongere die wil werken.",
        "Deeltijds werken met kinderopvang erbij, dat zou veel moeders helpen.",
        "Het Shopping 1 zoekt altijd verkopers: leid jongeren uit de wijk daarvoor op!",
        "Wie Nederlands leert, moet dat ook op het werk kunnen oefenen.",
        "Een bus die 's nachts rijdt, zodat ploegenwerk mogelijk wordt.",
        "Werkgevers met een divers team verdienen een pluim van de stad.",
    ),
    alive=(
        "Door de sluiting van Ford Genk verliezen duizenden gezinnen hun inkomen.",
        "Jongeren met een vreemde naam worden minder vaak uitgenodigd voor een "
        "sollicitatiegesprek.",
        "Veel nieuwkomers hebben een diploma uit hun thuisland dat hier niet erkend wordt.",
        "Werkgevers vinden geen personeel, terwijl in de wijken veel talent onbenut blijft.",
        "Wie lang thuis was, weet niet goed hoe je vandaag solliciteert.",
        "Jonge moeders willen werken, maar vinden geen opvang op de uren dat ze moeten beginnen.",
    ),
    i_can=(
        "Ik kan mijn netwerk openstellen en iemand voorstellen aan mijn werkgever.",
        "Ik kan een jongere uit mijn straat helpen met zijn cv.",
        "Ik kan als gepensioneerde vakman mijn ervaring doorgeven.",
        "Ik kan vacatures die ik zie doorsturen naar mensen in mijn wijk.",
        "Ik kan een werkzoekende meenemen naar een jobbeurs.",
    ),
    we_can=(
        "Een groep peters en meters opstarten die werkzoekenden naar een job begeleiden.",
        "Bedrijfsbezoeken organiseren, zodat jongeren zien welke jobs er in Genk zijn.",
        "Een netwerkavond houden waar werkgevers en werkzoekenden elkaar ontmoeten.",
        "Samen met verenigingen sollicitatietrainingen geven in de wijk.",
        "Verhalen verzamelen van Genkenaren die na een ontslag een nieuwe job vonden.",
    ),
    city_can=(
        "Zelf het goede voorbeeld geven met een divers personeelsbeleid en anoniem solliciteren.",
        "Werkgevers met een divers team belonen bij stadsopdrachten.",
        "Samen met de VDAB een jobpunt openen in de wijken.",
        "Kinderopvang op vroege en late uren voorzien voor werkende ouders.",
        "Bij Vlaanderen aandringen op een snellere erkenning van buitenlandse diploma's.",
    ),
    first_steps=(
        "Drie Genkse werkgevers uitnodigen voor een gesprek over diversiteit op de werkvloer.",
        "Een eerste jobcafé organiseren in {wijk}.",
        "Vijf peters en meters zoeken die een werkzoekende willen begeleiden.",
        "Met de VDAB afspreken om de cijfers voor {wijk} te bekijken.",
        "Een lijst maken van stageplaatsen bij bedrijven in en rond Genk.",
    ),
    partners=(
        "VDAB",
        "werkwinkel",
        "Genkse werkgevers",
        "vakbonden",
        "Voka",
        "Unizo",
        "interimkantoren",
        "sociale-economiebedrijven",
        "OCMW",
    ),
    goals=(
        "Zo vinden meer Genkenaren een job die bij hun talent past.",
        "Zo wordt de Genkse werkvloer een afspiegeling van de stad.",
        "Zo gaat er na Ford geen talent verloren.",
    ),
)

_JEUGD = _Vocabulary(
    things=(
        "meer kinderopvang",
        "betaalbare kinderopvang",
        "speelstraten",
        "een Huis van het Kind",
        "huiswerkklassen",
        "een oppasdienst",
        "een ontmoetingsplek",
        "veilige speelpleinen",
        "een opvoedingswinkel",
        "sportkampen in de vakanties",
        "een fietsschool",
        "een zomerspeelplein",
        "gezonde schoolmaaltijden",
        "naschoolse opvang",
    ),
    local_things=(
        "een jeugdhuis",
        "een straathoekwerker",
        "een tienercafé",
        "veilige fietspaden naar school",
        "meer groen en speelruimte",
        "een skatepark",
        "een overdekte hangplek",
        "een zebrapad aan elke school",
        "een nieuwe speeltuin",
        "een trapveldje",
    ),
    citywide_things=(
        "langere openingsuren van het jeugdhuis",
        "een geboortepakket van de stad",
        "een jeugdraad met een eigen budget",
    ),
    actions=(
        "een voorleesuur organiseren",
        "een oudercafé houden",
        "gratis zwemlessen organiseren",
        "babysitters opleiden",
        "uitstappen naar Bokrijk organiseren",
        "de naschoolse opvang uitbreiden",
        "een zomerkamp organiseren",
        "een kinderboerderij openen",
        "een speelpleinwerking opstarten",
    ),
    local_actions=(
        "de speeltuinen opknappen",
        "het jeugdhuis vaker openhouden",
        "jongeren mee laten beslissen over hun plein",
        "veilige schoolroutes aanleggen",
        "de parken beter verlichten",
        "jeugdverenigingen meer lokalen geven",
        "meer speelstraten toelaten",
        "een hangplek voor tieners inrichten",
    ),
    policies=(
        "de wachtlijsten in de kinderopvang wegwerken",
        "jongeren een eigen budget geven",
        "een jeugdraad oprichten",
        "de prijs van kinderopvang laten afhangen van het inkomen",
    ),
    # Families and children: the group-taking phrases are what parents look for.
    groups=(
        "jonge gezinnen",
        "jonge moeders",
        "alleenstaande ouders",
        "kinderen van nieuwkomers",
        "gezinnen met weinig geld",
        "werkende ouders",
        "grote gezinnen",
        "kinderen uit de buurt",
        "gezinnen die pas in Genk wonen",
    ),
    places=(
        *_WIJK_PLACES,
        "rond de Molenvijver",
        "in de Stiemerbeekvallei",
        "aan elke school",
        "in de cités",
    ),
    reasons=(
        "zodat kinderen met plezier opgroeien",
        "want nu hangen jongeren rond zonder iets te doen",
        "zodat ouders kunnen gaan werken",
        "want jonge gezinnen hebben het vaak zwaar",
        "zodat jonge gezinnen in Genk blijven",
        "want elk kind verdient dezelfde kansen",
        "omdat jongeren zelf het best weten wat ze nodig hebben",
        "zodat ouders elkaar leren kennen",
    ),
    whole=(
        "Het jeugdhuis zou ook op zondag open moeten zijn.",
        "Onze kinderen kunnen niet veilig met de fiets naar school in Waterschei.",
        "Kinderopvang is te duur voor een gezin met één inkomen.",
        "Jongeren willen een plek waar ze mogen zijn zonder dat iemand klaagt.",
        "Laat tieners zelf hun speelplein ontwerpen!",
        "Een speelstraat in de zomer brengt de hele straat samen.",
        "De speeltuin in Kolderbos is al jaren kapot.",
        "Meer Chiro en scouts in de wijken waar nu geen jeugdbeweging is.",
        "Jonge ouders hebben nood aan iemand om hun vragen aan te stellen.",
        "Waarom zijn er zo weinig activiteiten voor meisjes van twaalf tot zestien?",
        "Een jeugdhuis in Zwartberg waar jongeren zelf de baas zijn.",
        "Huiswerkbegeleiding na school voor kinderen wiens ouders geen Nederlands spreken.",
        "Laat jongeren meebeslissen in de gemeenteraad, met een eigen jeugdraad.",
        "Veel gezinnen weten niet dat het Huis van het Kind bestaat.",
        "Een fietspad langs de Europalaan waar kinderen echt veilig zijn.",
        "Kinderen moeten kunnen spelen in de natuur, zoals in de Stiemerbeekvallei.",
        "Geef jonge gezinnen een welkomstpakket als ze in Genk komen wonen.",
        "Opvang voor zieke kinderen, zodat ouders niet hun job riskeren.",
        "Een straathoekwerker die de jongeren van de wijk echt kent.",
        "Sportkampen moeten betaalbaar zijn voor elk kind in Genk.",
    ),
    alive=(
        "Jonge ouders staan op lange wachtlijsten voor kinderopvang.",
        "Tieners hangen rond op straat, omdat het jeugdhuis te weinig open is.",
        "Kinderen kunnen niet veilig met de fiets naar school, omdat de fietspaden slecht zijn.",
        "Veel gezinnen kunnen een sportkamp of een jeugdbeweging niet betalen.",
        "Jonge gezinnen kennen het aanbod van het Huis van het Kind vaak niet.",
        "De speelpleinen in de wijk zijn versleten en 's avonds niet veilig.",
    ),
    i_can=(
        "Ik kan af en toe oppassen op de kinderen van een alleenstaande buurvrouw.",
        "Ik kan voorlezen in de bib of op school.",
        "Ik kan als monitor meehelpen op het speelplein.",
        "Ik kan andere ouders vertellen waar ze met opvoedingsvragen terechtkunnen.",
        "Ik kan met de buren een speelstraat aanvragen in onze straat.",
    ),
    we_can=(
        "Met de ouders van de school een oppasnetwerk opstarten.",
        "Samen een speelstraat organiseren in de zomervakantie.",
        "Jongeren zelf een plan laten maken voor hun hangplek.",
        "Een oudercafé opstarten waar jonge ouders elkaar ontmoeten.",
        "Als vereniging een paar plaatsen gratis aanbieden aan gezinnen met weinig geld.",
    ),
    city_can=(
        "Meer plaatsen in de kinderopvang creëren, ook op vroege en late uren.",
        "Veilige fietsroutes naar alle scholen aanleggen.",
        "Het jeugdhuis meer middelen geven om langer open te blijven.",
        "Een Huis van het Kind uitbouwen in elke grote wijk.",
        "De speelpleinen opknappen samen met de kinderen die er spelen.",
    ),
    first_steps=(
        "Jongeren uit {wijk} uitnodigen om te vertellen wat zij willen.",
        "Een speelstraat aanvragen voor de zomer in {wijk}.",
        "Met de school en het Huis van het Kind een eerste oudercafé plannen.",
        "Een wandeling maken langs de speelpleinen van {wijk} en noteren wat stuk is.",
        "De jeugddienst vragen welke lokalen in {wijk} leegstaan.",
    ),
    partners=(
        "jeugddienst",
        "Huis van het Kind",
        "Kind en Gezin",
        "jeugdhuis",
        "scholen in de wijk",
        "speelpleinwerking",
        "Chiro en scouts",
        "straathoekwerkers",
        "CLB",
    ),
    goals=(
        "Zo groeien kinderen in Genk op met dezelfde kansen.",
        "Zo kiezen jonge gezinnen ervoor om in Genk te blijven.",
        "Zo krijgen jongeren een eigen plek in hun wijk.",
    ),
)

_TAAL = _Vocabulary(
    things=(
        "taalcafés",
        "een taalbuddy",
        "Nederlandse les met kinderopvang",
        "leesouders",
        "voorleesmomenten",
        "een talentenbank",
        "een talentenbeurs",
        "taalstages bij verenigingen",
        "huiswerkbegeleiding",
        "een oudercafé",
        "taalkampen in de zomer",
        "een praatgroep Nederlands",
        "gratis bijles",
        "een schrijfatelier",
        "een verhalenavond",
        "meertalige voorleesboeken",
    ),
    local_things=(
        "een taalvriendelijke markt",
        "een boekenkast in elke wachtzaal",
        "een ruilhoek voor boeken",
        "een taalpunt",
    ),
    citywide_things=(
        "schoolbrieven in eenvoudig Nederlands",
        "een prijs voor verborgen talent",
        "meer ruimte voor de thuistaal op school",
        "erkenning van buitenlandse diploma's",
    ),
    actions=(
        "taalcafés organiseren",
        "een talentenshow organiseren",
        "voorleesuurtjes in de thuistaal en in het Nederlands houden",
        "taalmaatjes zoeken",
        "huiswerkbegeleiding opzetten",
        "een kookcursus in het Nederlands geven",
        "gratis Nederlandse les organiseren",
        "een leesclub opstarten",
        "taalstages bij verenigingen regelen",
        "een talentenbeurs houden",
        "verhalen uit het mijnverleden laten opschrijven",
        "taallessen koppelen aan een sportclub",
    ),
    local_actions=(
        "de bib vaker en langer openhouden",
        "scholen en verenigingen laten samenwerken",
        "een taalcafé openen in een leeg winkelpand",
    ),
    policies=(
        "de thuistaal van kinderen waarderen",
        "talenten van ouders inzetten op school",
        "diploma's en vaardigheden van nieuwkomers erkennen",
        "Nederlandse les gratis maken voor iedereen",
    ),
    groups=(
        "anderstalige ouders",
        "nieuwkomers",
        "Turkse en Marokkaanse moeders",
        "kinderen met een taalachterstand",
        "Poolse gezinnen",
        "oudere Italiaanse Genkenaren",
        "jongeren",
        "kleuters",
        "anderstalige senioren",
        "vluchtelingen",
        "ouders die weinig Nederlands spreken",
        "Griekse en Italiaanse grootouders",
    ),
    places=(*_WIJK_PLACES, "op C-mine", "in het Shopping 1", "in de bib", "bij De Schacht"),
    reasons=(
        "want taal is de sleutel tot alles",
        "zodat taal geen drempel meer is",
        "want iedereen heeft een talent",
        "want wie zich begrepen voelt, durft meer",
        "want in de les alleen leer je het niet",
        "omdat veel talent nu onzichtbaar blijft",
        "zodat meertaligheid een troef wordt",
        "want oefenen gaat het best in het echte leven",
    ),
    whole=(
        "Ik volg Nederlandse les, maar buiten de klas spreekt niemand Nederlands met mij.",
        "Mijn buurvrouw naait prachtig: laat haar dat talent aan anderen leren!",
        "Laat kinderen ook trots zijn op hun thuistaal, naast het Nederlands.",
        "Een taalcafé in de bib, elke woensdag, voor iedereen die wil oefenen.",
        "Ouders moeten de brieven van school kunnen begrijpen.",
        "Een voetbalclub is de beste plek om Nederlands te leren.",
        "Oudere Italiaanse Genkenaren kunnen prachtige verhalen vertellen over de mijn.",
        "Waarom geen talentenavond waar elke wijk laat zien wat ze kan?",
        "Nederlandse les zonder kinderopvang bereikt de moeders niet.",
        "Laat studenten bijles geven aan kinderen in de wijk.",
        "Veel nieuwkomers spreken vier talen, maar het Nederlands nog niet.",
        "Scholen en verenigingen moeten elkaar beter kennen en samenwerken.",
        "Een talentenbank waar je kunt zoeken wie in de wijk wat kan.",
        "Voorlezen aan kleuters in hun eigen taal én in het Nederlands.",
        "Mijn vader was mijnwerker en leerde Nederlands in de ondergrond.",
        "Geef taalbuddy's een klein bedankje, zodat meer mensen meedoen.",
        "De markt is een ideale plek om Nederlands te oefenen.",
        "Er is zoveel talent in Genk dat niemand ziet.",
        "Ook grootouders willen Nederlands leren om met hun kleinkinderen te praten.",
        "Laat jongeren uit Genk hun talent tonen op een podium op C-mine!",
    ),
    alive=(
        "Veel ouders spreken weinig Nederlands en kunnen hun kinderen niet helpen met "
        "hun huiswerk.",
        "Wie Nederlands leert, krijgt buiten de les nauwelijks kansen om te oefenen.",
        "Kinderen beginnen met een taalachterstand aan het eerste leerjaar.",
        "Er zit veel talent in Genk dat niemand ziet, omdat het geen diploma heeft.",
        "Oudere Italiaanse en Turkse Genkenaren voelen zich soms buitengesloten door de taal.",
        "Verenigingen willen nieuwe leden, maar weten niet hoe ze anderstaligen bereiken.",
    ),
    i_can=(
        "Ik kan een uur per week Nederlands praten met iemand die de taal leert.",
        "Ik kan voorlezen aan kinderen in de bib.",
        "Ik kan mijn talent, koken of naaien, delen in een workshop.",
        "Ik kan als taalbuddy meegaan naar de dokter of de school.",
        "Ik kan mijn buren aanmoedigen om Nederlands met mij te spreken.",
    ),
    we_can=(
        "Een taalcafé opstarten in het lokaal van onze vereniging.",
        "Een talentenbank maken van wat mensen in de wijk kunnen.",
        "Scholen en verenigingen samenbrengen om taalstages te organiseren.",
        "Een voorleesploeg van vrijwilligers vormen.",
        "Een talentenavond organiseren waar iedereen iets laat zien.",
    ),
    city_can=(
        "Nederlandse les aanbieden met kinderopvang erbij.",
        "Brieven en folders in eenvoudig Nederlands schrijven.",
        "Verenigingen belonen die anderstalige leden goed begeleiden.",
        "Nieuwkomers helpen om hun diploma's en ervaring te laten erkennen.",
        "Taalcafés steunen met een lokaal en wat werkingsmiddelen.",
    ),
    first_steps=(
        "Tien taalbuddy's zoeken in {wijk}.",
        "Een eerste taalcafé houden in de bib.",
        "Met twee scholen in {wijk} afspreken over een oudercafé.",
        "Een oproep doen in de wijkkrant voor de talentenbank.",
        "Een lijst maken van verenigingen die anderstaligen willen verwelkomen.",
    ),
    partners=(
        "Huis van het Nederlands",
        "bibliotheek",
        "scholen",
        "CVO",
        "oudercomités",
        "verenigingen",
        "Agentschap Integratie en Inburgering",
        "leesouders",
    ),
    goals=(
        "Zo krijgt iedere Genkenaar de kans om zijn taal en talent te laten groeien.",
        "Zo wordt meertaligheid in Genk een troef in plaats van een drempel.",
        "Zo zien we het talent dat vandaag onzichtbaar blijft.",
    ),
)

_FINANCIEN = _Vocabulary(
    things=(
        "een wijkbudget",
        "een infoavond over de begroting",
        "een jaarlijkse stemming over investeringen",
        "een burgerpanel",
        "uitleg over de stadsfinanciën",
        "inspraakavonden",
        "een spel over de stadsbegroting",
    ),
    local_things=(
        "meer geld voor de stoepen",
        "zuinige straatverlichting",
        "een buurtvergadering over de uitgaven",
        "een vragenuur met de schepenen",
    ),
    citywide_things=(
        "een livestream van de gemeenteraad",
        "zonnepanelen op alle stadsgebouwen",
        "minder dure prestigeprojecten",
        "open data over alle uitgaven",
        "een burgerbegroting",
        "een duidelijk overzicht van de schulden van de stad",
        "een jongerenraad met een eigen budget",
        "minder geld voor dure evenementen",
        "een vragenuur voor burgers in de gemeenteraad",
        "een online stemplatform",
        "een jaarverslag in gewone taal",
        "een begroting in gewone taal",
    ),
    actions=(
        "een begrotingsspel organiseren",
        "infoavonden over de begroting houden",
        "een wijkbudget vrijmaken",
        "een stemming over grote projecten organiseren",
        "een infosessie over de stadsfinanciën houden",
    ),
    local_actions=(
        "eerst de stoepen herstellen en dan pas nieuwe pleinen aanleggen",
        "de straatverlichting zuiniger maken",
        "een buurtbudget laten beheren door de bewoners",
    ),
    policies=(
        "energie besparen in alle stadsgebouwen",
        "elke uitgave online zetten",
        "grote projecten eerst aan de wijken voorleggen",
        "burgers laten stemmen over de grote investeringen",
        "de gemeenteraad live uitzenden",
        "subsidies open en eerlijk verdelen",
        "kosten delen met de buurgemeenten",
        "lege stadsgebouwen verkopen of delen",
        "een burgerpanel samenstellen",
        "samen met de burgers prioriteiten kiezen",
    ),
    groups=(
        "buurtcomités",
        "verenigingen",
        "jongeren",
        "alle Genkenaren",
        "senioren",
        "scholen",
        "bewonersgroepen",
        "nieuwe Genkenaren",
    ),
    places=(
        "in elke wijk",
        "in onze wijk",
        "in alle Genkse wijken",
        "in Genk-Centrum",
        "in Winterslag",
        "in Waterschei",
        "in Zwartberg",
        "in Kolderbos",
        "in Termien",
        "in Boxbergheide",
        "op C-mine",
    ),
    reasons=(
        "want het is ons belastinggeld",
        "zodat iedereen ziet waar het geld naartoe gaat",
        "want burgers weten zelf wat hun wijk nodig heeft",
        "zodat er meer geld overblijft voor de wijken",
        "want nu begrijpt bijna niemand de begroting",
        "omdat vertrouwen begint bij openheid",
        "zodat de stad zuinig blijft",
        "want de schulden mogen niet blijven stijgen",
    ),
    whole=(
        "Ik wil weten waar mijn belastinggeld naartoe gaat, in gewone taal.",
        "Laat elke wijk zelf beslissen over een klein budget.",
        "Eerst de kapotte stoepen herstellen, dan pas nieuwe prestigeprojecten.",
        "De gemeenteraad moet online te volgen zijn, ook van thuis.",
        "Waarom krijgen burgers de begroting nooit te zien voor ze gestemd wordt?",
        "Een stad die zuinig is met geld, mag dat ook trots laten zien.",
        "Laat jongeren een deel van het jeugdbudget zelf verdelen!",
        "Zonnepanelen op het stadhuis en de scholen besparen op termijn veel geld.",
        "Elke euro die de stad uitgeeft, moet je online kunnen terugvinden.",
        "Een jaarlijkse burgerdag waarop de stad haar rekeningen uitlegt.",
        "Vraag de mensen wat voorrang moet krijgen voor je geld uitgeeft.",
        "Subsidies voor verenigingen moeten voor iedereen duidelijk en eerlijk zijn.",
        "Minder dure feesten en meer geld voor de wijken.",
        "Een burgerpanel van gewone Genkenaren dat de grote uitgaven mee bekijkt.",
        "De begroting van Genk op één A4, dat zou al veel helpen.",
        "Laat buurtcomités zelf kiezen welke straat eerst heraangelegd wordt.",
        "Samenwerken met Hasselt en As kan veel kosten besparen.",
        "Open data over de stadsfinanciën, zodat journalisten en burgers kunnen meekijken.",
    ),
    alive=(
        "Veel Genkenaren weten niet waar hun belastinggeld naartoe gaat.",
        "De begroting van de stad is voor gewone mensen onleesbaar.",
        "Burgers hebben het gevoel dat grote beslissingen achter gesloten deuren vallen.",
        "Buurtcomités moeten lang wachten op kleine bedragen voor hun wijk.",
        "Mensen ergeren zich aan dure projecten, terwijl de stoep voor hun deur kapot is.",
    ),
    i_can=(
        "Ik kan naar een gemeenteraad gaan en er mijn buren over vertellen.",
        "Ik kan meedenken in een burgerpanel.",
        "Ik kan mijn stem uitbrengen bij een burgerbegroting.",
        "Ik kan voorstellen voor mijn wijk indienen.",
        "Ik kan mee nalezen of de begroting in gewone taal echt begrijpelijk is.",
    ),
    we_can=(
        "Als buurtcomité samen bepalen waar een wijkbudget naartoe gaat.",
        "Een infoavond organiseren waar de begroting in gewone taal wordt uitgelegd.",
        "Met de wijk een lijst van prioriteiten opstellen.",
        "Een begrotingsspel spelen met jongeren.",
        "Met andere buurtcomités ervaringen uitwisselen over wijkbudgetten.",
    ),
    city_can=(
        "Elk jaar een deel van de begroting door burgers laten verdelen.",
        "Alle uitgaven online zetten in een duidelijk overzicht.",
        "De gemeenteraad live uitzenden en uitleggen wat er beslist is.",
        "Grote projecten eerst voorleggen aan de wijken.",
        "Energie besparen in stadsgebouwen en tonen wat dat opbrengt.",
    ),
    first_steps=(
        "Een infoavond over de begroting plannen in {wijk}.",
        "Een burgerpanel van twintig Genkenaren samenstellen.",
        "De schepen van financiën vragen om de begroting in gewone taal uit te leggen.",
        "In {wijk} vijf voorstellen verzamelen voor een wijkbudget.",
        "Een proefproject met een klein wijkbudget voorstellen aan het stadsbestuur.",
    ),
    partners=(
        "dienst financiën",
        "gemeenteraadsleden",
        "buurtcomités",
        "jongerenraad",
        "seniorenraad",
        "communicatiedienst van de stad",
        "wijkmanager",
    ),
    goals=(
        "Zo weet iedereen waar het geld van de stad naartoe gaat.",
        "Zo beslissen Genkenaren mee over wat voorrang krijgt.",
        "Zo blijft de stad zuinig en open met ons geld.",
    ),
)

_SAMENLEVEN = _Vocabulary(
    action_group_word="met",
    things=(
        "een buurtfeest",
        "een straatbarbecue",
        "een buurtmoestuin",
        "kookavonden met gerechten uit alle culturen",
        "een wijkkrant in meerdere talen",
        "een ontmoetingsplek",
        "een buurtconciërge",
        "een burenhulpnetwerk",
        "een repaircafé",
        "een wandeling langs het mijnerfgoed",
        "een koffiehoek",
        "een wijkcafé",
        "een verhalenavond over het mijnverleden",
        "een welkomstpakket",
        "een voetbaltoernooi tussen de straten",
        "een straatontbijt",
    ),
    local_things=(
        "meer bankjes op de pleinen",
        "een jaarlijkse burendag",
        "een buurtcomité met mensen van alle origines",
        "propere straten en pleinen",
        "een vaste wijkagent",
        "buurtbemiddeling bij ruzies",
        "een opendeurdag in de moskee en de kerk",
    ),
    citywide_things=(
        "een stadsfeest van alle culturen",
        "een meldpunt voor discriminatie",
        "een Genkse dag van de buren",
    ),
    actions=(
        "samen koken en eten",
        "een buurtfeest organiseren",
        "verhalen van mijnwerkersfamilies verzamelen",
        "een moestuin delen",
        "een straatontbijt houden",
        "een burendag organiseren",
        "een wandeling maken langs de cités",
        "de feesten van alle culturen samen vieren",
        "samen thee drinken",
        "een muziekavond organiseren",
        "samen de straat opruimen",
    ),
    local_actions=(
        "het buurtcomité openstellen voor nieuwe bewoners",
        "buurtbemiddeling aanbieden bij ruzies",
        "een buurtbudget samen besteden",
        "de pleinen opnieuw gezellig maken",
        "een ontmoetingsruimte openhouden",
    ),
    policies=(
        "buurtinitiatieven sneller steunen",
        "een opbouwwerker per wijk inzetten",
        "de verhalen van de mijn doorgeven aan de kinderen",
        "discriminatie bij het huren harder aanpakken",
    ),
    groups=(
        "buren van alle origines",
        "nieuwe bewoners",
        "oudere buren",
        "Italiaanse en Turkse families",
        "Marokkaanse en Belgische moeders",
        "jongeren en senioren",
        "mensen die alleen wonen",
        "Poolse en Griekse gezinnen",
        "nieuwkomers",
        "oud-mijnwerkers en hun kleinkinderen",
    ),
    places=(
        *_WIJK_PLACES,
        "rond de Molenvijver",
        "in de Stiemerbeekvallei",
        "op het wijkplein",
        "in de cités",
        "bij De Schacht",
    ),
    reasons=(
        "zodat buren elkaar weer groeten",
        "want veel mensen kennen hun buren niet",
        "zodat niemand zich alleen voelt",
        "want Genk is altijd een stad van vele origines geweest",
        "zodat vooroordelen verdwijnen",
        "want in de mijn werkte iedereen ook samen",
        "omdat mensen elkaar zo echt leren kennen",
        "zodat de wijk van iedereen is",
    ),
    whole=(
        "In de mijn stonden Italianen, Turken en Belgen zij aan zij: waarom nu niet meer?",
        "Ik ken na tien jaar nog altijd de naam van mijn buren niet.",
        "Een straatfeest waar elke familie een gerecht van thuis meebrengt.",
        "Laat oude mijnwerkers hun verhaal vertellen aan de jongeren van de wijk.",
        "Op het plein in Winterslag zou een terrasje veel doen.",
        "Het buurtcomité moet ook de nieuwe bewoners uitnodigen.",
        "Samen de straat opruimen en daarna samen eten!",
        "Een vaste wijkagent die iedereen bij naam kent.",
        "Buren die ruzie hebben, moeten sneller hulp krijgen van een bemiddelaar.",
        "Vier het Suikerfeest, Kerstmis en de Sint samen in de wijk.",
        "Een moestuin in Zwartberg waar Turkse en Belgische buren samen tuinieren.",
        "Meer bankjes, zodat oudere mensen buiten een praatje kunnen maken.",
        "Waarom geen open huis in de moskee, de kerk en het jeugdhuis op dezelfde dag?",
        "Nieuwe buren verdienen een welkom, geen achterdocht.",
        "De cités waren vroeger één grote familie, dat gevoel wil ik terug.",
        "Jongeren en senioren kunnen samen een buurtkrant maken.",
        "Een repaircafé waar iedereen zijn talent kan tonen.",
        "Mensen van verschillende origines wonen naast elkaar, maar praten te weinig met elkaar.",
        "Elke straat een buurtpeter of -meter die nieuwe bewoners wegwijs maakt.",
        "Een wijkfeest rond de Molenvijver voor heel Genk!",
    ),
    alive=(
        "Buren van verschillende origines leven naast elkaar, maar niet met elkaar.",
        "Oudere bewoners voelen zich soms vreemd in hun eigen wijk.",
        "Nieuwe bewoners weten niet bij wie ze terechtkunnen.",
        "Kleine ergernissen tussen buren groeien uit tot ruzies, omdat niemand bemiddelt.",
        "Het mijnverleden heeft Genk samengebracht, maar jongeren kennen die verhalen niet meer.",
        "Op de pleinen is weinig te doen, dus komen mensen er niet samen.",
    ),
    i_can=(
        "Ik kan mijn buren uitnodigen voor een tas koffie of thee.",
        "Ik kan een nieuwe buur welkom heten.",
        "Ik kan meehelpen op het buurtfeest.",
        "Ik kan mijn verhaal over het leven in de cité delen.",
        "Ik kan een buur aanspreken als er iets scheelt, in plaats van te klagen.",
    ),
    we_can=(
        "Met het buurtcomité een jaarlijks straatfeest organiseren.",
        "Een moestuin aanleggen waar buren van alle origines samenwerken.",
        "Een kookavond houden waar elke familie een gerecht meebrengt.",
        "Een welkomstploeg vormen voor nieuwe bewoners.",
        "Verhalen van oude mijnwerkersfamilies opnemen en delen.",
    ),
    city_can=(
        "Een ontmoetingsruimte in elke wijk openhouden.",
        "Buurtbemiddeling bekendmaken en vlot bereikbaar maken.",
        "Kleine buurtinitiatieven snel en eenvoudig steunen.",
        "Pleinen gezellig inrichten met bankjes, groen en speeltuigen.",
        "Een opbouwwerker per wijk inzetten.",
    ),
    first_steps=(
        "Een straatontbijt organiseren in {wijk}, op een zondag in juni.",
        "Vijf buren van verschillende origines samenbrengen in een eerste werkgroep.",
        "Het buurtcomité van {wijk} uitnodigen om het idee te bespreken.",
        "Een lokaal zoeken in {wijk} waar buren samen kunnen koken.",
        "Een lijst maken van de verhalen die we willen verzamelen.",
    ),
    partners=(
        "opbouwwerk",
        "buurtbemiddeling",
        "moskeevereniging",
        "parochie",
        "Italiaanse en Turkse verenigingen",
        "wijkagent",
        "jeugdhuis",
        "seniorenvereniging",
    ),
    goals=(
        "Zo wordt de wijk een plek waar iedereen zich thuis voelt.",
        "Zo leren buren van alle origines elkaar echt kennen.",
        "Zo prikkelen we de eigen kracht van de wijk.",
    ),
)

_VRIJETIJD = _Vocabulary(
    things=(
        "goedkope sportkampen",
        "een vrijetijdspas met korting",
        "gratis zwemmen op zondag",
        "een openluchtcinema",
        "een wandelclub",
        "fietstochten",
        "gratis concerten",
        "dansles",
        "een minivoetbalveld",
        "muziekles",
        "straattheater",
        "een sportdag",
        "kunstateliers",
        "gratis proeflessen",
    ),
    local_things=(
        "een skatepark",
        "vrij toegankelijke sportvelden",
        "verlichte looppaden",
        "een festival met muziek uit alle culturen",
        "een lokaal voor de jeugdbeweging",
        "meisjesvoetbal",
        "een zomerbar",
    ),
    citywide_things=(
        "een cultuuragenda in meerdere talen",
        "langere openingsuren van het zwembad",
        "een lidgeld dat afhangt van het inkomen",
        "een sportpas voor elk kind",
    ),
    actions=(
        "gratis proeflessen organiseren",
        "sport naar het plein brengen",
        "een zomerfestival organiseren",
        "een filmavond houden",
        "wandelingen organiseren",
        "een dansworkshop organiseren",
        "goedkope tickets aanbieden",
        "een fietstocht langs het mijnerfgoed organiseren",
        "een petanqueclub opstarten",
        "een sportdag organiseren",
        "kunstateliers openen",
    ),
    local_actions=(
        "de sportvelden 's avonds openhouden",
        "de speelpleinwerking uitbreiden",
        "een pleintje inrichten als sportveld",
        "meer fietspaden aanleggen",
    ),
    policies=(
        "het lidgeld laten afhangen van het inkomen",
        "verenigingen helpen om nieuwe leden te vinden",
        "cultuur naar de wijken brengen",
        "het zwembad langer openhouden",
    ),
    groups=(
        "kinderen uit gezinnen met weinig geld",
        "meisjes",
        "senioren",
        "tieners",
        "nieuwkomers",
        "mensen met een beperking",
        "moeders met jonge kinderen",
        "jongeren die nergens lid van zijn",
        "gezinnen",
        "oudere Genkenaren",
        "jongeren van alle origines",
    ),
    places=(
        *_WIJK_PLACES,
        "op C-mine",
        "rond de Molenvijver",
        "in de Stiemerbeekvallei",
        "bij De Schacht",
        "op de pleinen",
    ),
    reasons=(
        "zodat ook wie weinig geld heeft kan meedoen",
        "want nu zien we altijd dezelfde mensen",
        "zodat iedereen iets vindt dat bij hem past",
        "want sport brengt mensen samen",
        "zodat cultuur er is voor iedereen",
        "want veel gezinnen weten niet wat er te doen is",
        "omdat een hobby je zelfvertrouwen geeft",
        "want vrije tijd mag geen luxe zijn",
    ),
    whole=(
        "Het lidgeld van de voetbalclub is voor ons gezin met vier kinderen te duur.",
        "Een openluchtcinema aan de Molenvijver in de zomer, dat zou geweldig zijn.",
        "Waarom zie je in C-mine zo weinig mensen uit de cités?",
        "Meisjes willen ook voetballen, maar er is bijna geen ploeg voor hen.",
        "Een vrijetijdspas waarmee je met korting naar het zwembad en de bioscoop kunt.",
        "Laat jongeren zelf een festival organiseren, met hulp van de stad.",
        "De Stiemerbeekvallei is prachtig om te wandelen, maar weinig mensen kennen ze.",
        "Sportvelden zouden 's avonds open en verlicht moeten zijn.",
        "Een skatepark in Waterschei, daar vragen de jongeren al lang om.",
        "Senioren willen ook sporten, maar wel op hun eigen tempo.",
        "Toon het aanbod van de verenigingen op een grote vrijetijdsmarkt.",
        "Cultuur moet ook naar de wijken komen, niet alleen naar het centrum.",
        "Een muziekschool die instrumenten uitleent aan kinderen die er geen kunnen kopen.",
        "De jeugdbeweging moet zich ook voorstellen aan nieuwe gezinnen.",
        "Samen fietsen langs de oude mijnsites: sport en geschiedenis in één!",
        "Een zomerbar in het park, met muziek van alle culturen.",
        "Gratis proeflessen, zodat kinderen eerst kunnen proberen voor ze lid worden.",
        "KRC Genk kan jongeren uit de wijken gratis naar een match laten gaan.",
    ),
    alive=(
        "Het lidgeld van sportclubs is voor veel gezinnen te hoog.",
        "In de cultuurzalen zien we altijd dezelfde mensen.",
        "Meisjes stoppen vroeg met sporten, omdat er weinig aanbod voor hen is.",
        "Veel gezinnen weten niet wat er in Genk te doen is.",
        "Jongeren vinden het jeugdwerk niet, of voelen zich er niet welkom.",
        "Senioren zitten vaak alleen thuis, terwijl er aanbod is in hun wijk.",
    ),
    i_can=(
        "Ik kan een kind uit de buurt meenemen naar de training.",
        "Ik kan als vrijwilliger helpen in de sportclub.",
        "Ik kan mijn hobby tonen in een gratis workshop.",
        "Ik kan een oudere buur meenemen naar een concert.",
        "Ik kan het aanbod van de stad delen in mijn netwerk.",
    ),
    we_can=(
        "Als club een paar plaatsen aanbieden aan kinderen die het lidgeld niet kunnen betalen.",
        "Een sportdag organiseren op het plein in de wijk.",
        "Een filmavond in openlucht houden.",
        "De verenigingen samen laten voorstellen op een vrijetijdsmarkt.",
        "Een wandelgroep opstarten die elke week vertrekt vanuit de wijk.",
    ),
    city_can=(
        "Een vrijetijdspas invoeren met korting voor wie weinig verdient.",
        "Sportvelden en speelpleinen ook 's avonds open en verlicht houden.",
        "Cultuur naar de wijken brengen met voorstellingen op straat.",
        "Verenigingen steunen die nieuwe doelgroepen bereiken.",
        "Een vrijetijdsbegeleider inzetten die gezinnen de weg wijst.",
    ),
    first_steps=(
        "Een sportdag plannen in {wijk} in de paasvakantie.",
        "Drie clubs vragen om elk twee plaatsen gratis aan te bieden.",
        "Een eerste filmavond organiseren rond de Molenvijver.",
        "Jongeren uit {wijk} bevragen over wat ze graag zouden doen.",
        "Een lijst maken van al het vrijetijdsaanbod in {wijk}.",
    ),
    partners=(
        "sportdienst",
        "cultuurdienst",
        "jeugddienst",
        "C-mine",
        "sportclubs",
        "jeugdhuis",
        "bibliotheek",
        "KRC Genk",
        "vrijetijdsverenigingen",
    ),
    goals=(
        "Zo bereiken sport, cultuur en jeugdwerk alle Genkenaren.",
        "Zo zien we ook wie we vandaag niet zien.",
        "Zo wordt vrije tijd in Genk betaalbaar voor elk gezin.",
    ),
)

_DIENSTVERLENING = _Vocabulary(
    things=(
        "een loket",
        "een vast aanspreekpunt",
        "hulp bij digitale formulieren",
        "huisbezoeken",
        "tolken",
        "een infopunt",
        "een computerhoek met begeleiding",
        "een zitdag",
        "begeleiding bij papierwerk",
        "uitleg in eenvoudige taal",
        "een onthaal met meertalige medewerkers",
    ),
    local_things=(
        "een wijkloket",
        "een spreekuur van het OCMW",
        "pictogrammen en duidelijke bordjes",
    ),
    citywide_things=(
        "langere openingsuren van het stadhuis",
        "afspraken op zaterdag",
        "brieven in eenvoudig Nederlands",
        "een sms als je aan de beurt bent",
        "minder wachttijd aan de balie",
        "een eenvoudige website met alle diensten",
        "vriendelijke en geduldige baliemedewerkers",
        "een overzicht van alle hulp in Genk",
        "een gratis telefoonnummer",
    ),
    actions=(
        "formulieren samen invullen",
        "een zitdag houden",
        "huisbezoeken organiseren",
        "tolken inschakelen",
        "een vaste contactpersoon aanduiden",
        "computerlessen organiseren",
        "infosessies over premies en rechten houden",
        "afspraken aan huis maken",
    ),
    local_actions=(
        "een wijkloket openen",
        "een zitdag van het OCMW organiseren",
    ),
    policies=(
        "de openingsuren aanpassen aan werkende mensen",
        "alle brieven in eenvoudig Nederlands schrijven",
        "het OCMW en de stad onder één dak brengen",
        "de wachttijden aan de balie halveren",
        "baliemedewerkers opleiden in omgaan met diversiteit",
        "de website eenvoudiger maken",
        "met pictogrammen werken",
        "brieven vooraf laten nalezen door bewoners",
    ),
    groups=(
        "senioren",
        "mensen die niet goed kunnen lezen",
        "anderstaligen",
        "nieuwkomers",
        "mensen zonder computer",
        "werkende ouders",
        "mensen met een beperking",
        "ouderen die alleen wonen",
        "jongeren",
        "mensen in armoede",
    ),
    places=(
        *_WIJK_PLACES,
        "in het stadhuis",
        "in het Shopping 1",
        "in de bib",
        "in het wijkgezondheidscentrum",
    ),
    reasons=(
        "want nu weet niemand waar hij terechtkan",
        "zodat niemand nog van het kastje naar de muur wordt gestuurd",
        "want de stad is er voor iedereen",
        "zodat iedereen zijn rechten kent",
        "want veel mensen raken de weg kwijt in de regels",
        "omdat de drempel nu voor veel mensen te hoog is",
        "zodat de drempel naar het OCMW lager wordt",
        "want een vriendelijk woord doet wonderen",
    ),
    whole=(
        "De brieven van de stad zijn zo moeilijk dat ik ze niet begrijp.",
        "Ik werk overdag en kan nooit naar het stadhuis als het open is.",
        "Eén loket voor stad en OCMW, in plaats van van de ene naar de andere dienst.",
        "Mijn moeder heeft geen computer: hoe moet zij een premie aanvragen?",
        "Een loket in het Shopping 1, waar iedereen toch al komt.",
        "Baliemedewerkers moeten tijd krijgen om dingen rustig uit te leggen.",
        "Laat brieven eerst lezen door gewone mensen voor ze verstuurd worden.",
        "Waarom moet ik drie keer hetzelfde formulier invullen?",
        "Een vast aanspreekpunt bij het OCMW, niet elke keer iemand anders.",
        "Pictogrammen in het stadhuis helpen wie niet goed Nederlands leest.",
        "Een zitdag in het wijkgezondheidscentrum, dicht bij de mensen.",
        "Senioren moeten ook nog gewoon kunnen bellen naar een echte mens.",
        "Een tolk aan de balie voor wie het Nederlands nog niet beheerst.",
        "Open op zaterdagvoormiddag, dat zou veel werkende mensen helpen!",
        "De website van de stad moet je kunnen gebruiken zonder diploma.",
        "Een sms als je aan de beurt bent, dan hoef je niet uren te wachten.",
        "Medewerkers die de wijk kennen, helpen mensen sneller.",
        "Een dienst die zelf naar de mensen toe gaat, in plaats van omgekeerd.",
    ),
    alive=(
        "De brieven van de stad en het OCMW zijn voor veel mensen te moeilijk.",
        "Wie geen computer heeft, raakt niet meer wegwijs in alle formulieren.",
        "Werkende mensen kunnen niet naar het stadhuis tijdens de openingsuren.",
        "Mensen worden van het ene loket naar het andere gestuurd.",
        "Anderstaligen begrijpen niet altijd wat er aan de balie gezegd wordt.",
        "Senioren durven niet te bellen, omdat ze in een wachtrij met keuzemenu's belanden.",
    ),
    i_can=(
        "Ik kan een buur helpen met het invullen van een formulier.",
        "Ik kan meegaan naar het stadhuis om voor een buur te tolken.",
        "Ik kan laten weten welke brieven ik niet begrijp.",
        "Ik kan mijn kennis van computers delen met senioren.",
        "Ik kan nieuwe buren vertellen waar ze met welke vraag terechtkunnen.",
    ),
    we_can=(
        "Met vrijwilligers een zitdag houden waar mensen hulp krijgen met papierwerk.",
        "Brieven van de stad testen bij bewoners voor ze verstuurd worden.",
        "Een lijst maken van waar je met welke vraag terechtkunt, in meerdere talen.",
        "Een computercafé opstarten in de bib.",
        "Ervaringen aan de balie verzamelen en aan de stad bezorgen.",
    ),
    city_can=(
        "Alle brieven in eenvoudig Nederlands schrijven, met pictogrammen waar het kan.",
        "Eén loket maken voor stad en OCMW.",
        "Ook 's avonds en op zaterdag open zijn, op afspraak.",
        "Baliemedewerkers opleiden om met diversiteit om te gaan.",
        "Een vast aanspreekpunt geven aan wie vaak met de diensten te maken heeft.",
    ),
    first_steps=(
        "Tien brieven van de stad verzamelen en herschrijven in eenvoudige taal.",
        "Een eerste zitdag organiseren in {wijk}.",
        "Een gesprek vragen met de verantwoordelijke van het onthaal.",
        "Bewoners van {wijk} bevragen over hun laatste bezoek aan het stadhuis.",
        "Een proef voorstellen met een avondloket, één keer per week.",
    ),
    partners=(
        "onthaal van het stadhuis",
        "OCMW",
        "bibliotheek",
        "wijkgezondheidscentrum",
        "tolkendienst",
        "seniorenraad",
        "Welzijnsschakels",
        "Samenlevingsopbouw",
    ),
    goals=(
        "Zo vindt iedereen vlot de weg naar de diensten van stad en OCMW.",
        "Zo wordt de stad een dienstverlener die iedereen begrijpt.",
        "Zo valt niemand nog uit de boot door papierwerk.",
    ),
)

# For a theme code the organisers made up: ideas about Genk in general.
_GENERAL = _Vocabulary(
    things=(
        "een ontmoetingsplek",
        "een wijkfeest",
        "betere busverbindingen",
        "een aanspreekpunt",
        "een vrijwilligersbank",
        "veilige fietspaden",
        "meer bankjes",
    ),
    local_things=(
        "meer groen",
        "propere straten",
        "meer straatverlichting",
        "een buurtcomité",
        "een wijkkrant",
        "meer bomen in de straten",
        "een wandelpad langs de oude mijnsites",
    ),
    citywide_things=(
        "een autoluwe Europalaan",
        "een jaarlijkse burgerdag",
    ),
    actions=(
        "een buurtfeest organiseren",
        "een wijkwandeling organiseren",
        "een infoavond houden",
        "een ontmoetingsmoment organiseren",
        "een vrijwilligersbeurs houden",
    ),
    local_actions=(
        "samen de straten opruimen",
        "de fietspaden verbeteren",
        "meer bomen planten",
        "de pleinen gezelliger maken",
        "buren met elkaar laten kennismaken",
    ),
    policies=(
        "het mijnverleden zichtbaar houden",
        "de Europalaan autoluw maken",
        "de bewoners vaker om hun mening vragen",
    ),
    groups=(
        "alle Genkenaren",
        "buren",
        "senioren",
        "jongeren",
        "gezinnen",
        "nieuwkomers",
        "Genkenaren van alle origines",
    ),
    places=(*_WIJK_PLACES, "op C-mine", "rond de Molenvijver", "in de Stiemerbeekvallei"),
    reasons=(
        "zodat Genk een stad voor iedereen blijft",
        "want samen maken we Genk",
        "zodat iedereen zich Genkenaar voelt",
        "want de wijken verdienen meer aandacht",
        "omdat Genk sterker is dan we denken",
    ),
    whole=(
        "Genk is een stad van vele origines, daar mogen we trots op zijn.",
        "Luister vaker naar de mensen in de wijken zelf.",
        "Het mijnverleden verbindt ons, laten we dat zichtbaar houden.",
        "Meer groen en minder beton in Genk-Centrum!",
        "Waarom vraagt de stad niet vaker wat de buurt zelf wil?",
        "Elke wijk in Genk verdient evenveel aandacht.",
        "Een dag als vandaag zou elk jaar moeten terugkomen.",
        "Veilige fietspaden tussen alle wijken en het centrum.",
    ),
    alive=(
        "Veel Genkenaren voelen zich niet gehoord in de keuzes die voor hun wijk gemaakt worden.",
        "Genk verandert snel, en niet iedereen kan volgen.",
        "Mensen willen zich inzetten, maar weten niet waar ze moeten beginnen.",
    ),
    i_can=(
        "Ik kan mijn buren aanspreken en warm maken om mee te doen.",
        "Ik kan een paar uur per maand vrijwilligerswerk doen.",
        "Ik kan mijn ervaring delen met wie het plan uitwerkt.",
    ),
    we_can=(
        "Samen met het buurtcomité een eerste actie in de wijk organiseren.",
        "Een werkgroep vormen met mensen van alle origines.",
        "Ideeën uit de wijk verzamelen en aan de stad voorleggen.",
    ),
    city_can=(
        "Een aanspreekpunt aanduiden dat het idee mee opvolgt.",
        "Een klein budget vrijmaken om het idee uit te proberen.",
        "De betrokken diensten rond de tafel brengen.",
    ),
    first_steps=(
        "Een eerste bijeenkomst plannen in {wijk}.",
        "Vijf mensen zoeken die het idee mee willen trekken.",
        "Het idee voorstellen aan het buurtcomité van {wijk}.",
    ),
    partners=("stadsbestuur", "OCMW", "buurtcomités", "verenigingen", "opbouwwerk", "bewoners"),
    goals=(
        "Zo wordt Genk een stad waar iedereen mee kan.",
        "Zo bouwen we samen aan een sterker Genk.",
    ),
)

_VOCABULARIES: dict[str, _Vocabulary] = {
    "wonen": _WONEN,
    "werk": _WERK,
    "jeugd": _JEUGD,
    "taal": _TAAL,
    "financien": _FINANCIEN,
    "samenleven": _SAMENLEVEN,
    "vrijetijd": _VRIJETIJD,
    "dienstverlening": _DIENSTVERLENING,
}

# Frames around a noun phrase: (pattern, closing mark, may take a reason clause).
_THING_FRAMES: tuple[tuple[str, str, bool], ...] = (
    ("{}", ".", True),
    ("Graag {}", ".", True),
    ("Wij willen {}", ".", True),
    ("Er is nood aan {}", ".", True),
    ("Genk heeft nood aan {}", ".", True),
    ("Wij dromen van {}", ".", True),
    ("Wat dacht je van {}", "?", False),
)
# "Waarom geen …?" needs the noun phrase without its article, so it is built apart.
_WHY_NOT_THING = "Waarom geen {}"

_ACTION_FRAMES: tuple[tuple[str, str, bool], ...] = (
    ("{}", ".", True),
    ("Laten we {}", "!", True),
    ("Kunnen we niet {}", "?", False),
    ("Waarom niet {}", "?", False),
    ("Wij willen {}", ".", True),
    ("Voorstel: {}", ".", True),
)
# Subjects for what a city can do; the flag says whether the verb is plural.
_CITY_ACTORS: tuple[tuple[str, bool], ...] = (
    ("De stad", False),
    ("Het stadsbestuur", False),
    ("Genk", False),
    ("We", True),
)
# What citizens do together is not the city's job: those actions only follow "we".
_CITIZEN_FRAMES: tuple[str, ...] = ("We moeten {}", "We kunnen {}", "Samen kunnen we {}")
_MODALS: tuple[tuple[str, str], ...] = (("moet", "moeten"), ("kan", "kunnen"))

# Every frame's opening words, longest first, so a concept title can drop them and keep
# the idea's own key phrase.
_OPENERS: tuple[str, ...] = tuple(
    sorted(
        {
            *(frame.removesuffix("{}") for frame, _, _ in _THING_FRAMES + _ACTION_FRAMES),
            _WHY_NOT_THING.removesuffix("{}"),
            "Waarom niet ",
            *(frame.removesuffix("{}") for frame in _CITIZEN_FRAMES),
            *(
                f"{actor} {plural if is_plural else singular} "
                for actor, is_plural in _CITY_ACTORS
                for singular, plural in _MODALS
            ),
        }
        - {""},
        key=len,
        reverse=True,
    )
)
_REASON_CUT = re.compile(r",\s+(?:zodat|want|omdat|dan)\s")
# Words a title must not end on: they announce something that was cut off.
_DANGLING = frozenset(
    {
        *("aan", "als", "bij", "de", "dat", "die", "door", "een", "en", "het", "in", "met"),
        *("naar", "of", "om", "op", "over", "rond", "te", "tot", "van", "voor", "want"),
        "zodat",
    }
)
_NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht")
_VOLUNTEERS = (
    "twee vrijwilligers",
    "drie vrijwilligers",
    "een paar buren",
    "vier enthousiaste buren",
    "een vrijwilliger met tijd",
    "jongeren uit de wijk",
)


def _vocabulary(theme_code: str) -> _Vocabulary:
    return _VOCABULARIES.get(theme_code, _GENERAL)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fits(text: str) -> bool:
    words = len(text.split())
    return MIN_IDEA_WORDS <= words <= MAX_IDEA_WORDS and len(text) <= MAX_IDEA_CHARS


def _places_for(core: str, vocabulary: _Vocabulary, local: bool) -> tuple[str, ...]:
    # The cités and the mine heritage are in the old mining districts, not in every wijk.
    if "mijn" in core or "cité" in core:
        return _MINE_PLACES
    # A home visit happens in a neighbourhood, not in the town hall.
    if "huis" in core:
        return _WIJK_PLACES
    return _WIJK_PLACES if local else vocabulary.places


def _body(vocabulary: _Vocabulary, rng: random.Random, use_thing: bool) -> tuple[str, bool]:
    """The phrase with its optional group and place, and whether it is one that takes a group."""
    scope = rng.random()
    grouped, local = scope < 0.6, 0.6 <= scope < 0.85
    if use_thing:
        pools = (vocabulary.things, vocabulary.local_things, vocabulary.citywide_things)
    else:
        pools = (vocabulary.actions, vocabulary.local_actions, vocabulary.policies)
    core = rng.choice(pools[0] if grouped else pools[1] if local else pools[2])
    parts = [core]
    if grouped and rng.random() < _GROUP_SHARE:
        word = "voor" if use_thing else vocabulary.action_group_word
        parts.append(f"{word} {rng.choice(vocabulary.groups)}")
    if (grouped or local) and rng.random() < _PLACE_SHARE:
        place = rng.choice(_places_for(core, vocabulary, local))
        # "de cités opknappen in de cités": the phrase already says where.
        if place.split(" ", 1)[1] not in core:
            parts.append(place)
    return " ".join(parts), grouped


def _thing_frame(body: str, rng: random.Random) -> tuple[str, str, bool, str]:
    """A frame for a noun phrase: pattern, closing mark, takes a reason, and the body."""
    if rng.random() < 0.15:
        # "Waarom geen meer …" is not Dutch; "Waarom niet meer …" is.
        if body.startswith("meer "):
            return "Waarom niet {}", "?", False, body
        return _WHY_NOT_THING, "?", False, body.removeprefix("een ")
    frame, mark, reasoned = rng.choice(_THING_FRAMES)
    return frame, mark, reasoned, body


def _action_frame(body: str, by_citizens: bool, rng: random.Random) -> tuple[str, str, bool]:
    """A frame for an infinitive phrase: pattern, closing mark, takes a reason."""
    if rng.random() >= 0.35:
        return rng.choice(_ACTION_FRAMES)
    if by_citizens:
        frame = "We kunnen {}" if body.startswith("samen ") else rng.choice(_CITIZEN_FRAMES)
    else:
        actor, is_plural = rng.choice(_CITY_ACTORS)
        singular, plural = rng.choice(_MODALS)
        frame = f"{actor} {plural if is_plural else singular} {{}}"
    return frame, ".", True


def _built_idea(vocabulary: _Vocabulary, rng: random.Random) -> str:
    """A frame around a noun or infinitive phrase, with group, place and reason optional."""
    use_thing = rng.random() < 0.5
    body, grouped = _body(vocabulary, rng, use_thing)
    if use_thing:
        frame, mark, reasoned, body = _thing_frame(body, rng)
    else:
        frame, mark, reasoned = _action_frame(body, grouped, rng)
    text = frame.format(body)
    if reasoned and rng.random() < _REASON_SHARE:
        text = f"{text}, {rng.choice(vocabulary.reasons)}"
    return _capitalise(text) + mark


def idea_text(theme_code: str, rng: random.Random) -> str:
    """One idea as a duo would write it, in Dutch."""
    vocabulary = _vocabulary(theme_code)
    if rng.random() < _WHOLE_SHARE:
        return rng.choice(vocabulary.whole)
    for _ in range(_ATTEMPTS):
        text = _built_idea(vocabulary, rng)
        if _fits(text):
            return text
    return rng.choice(vocabulary.whole)


def ideas_for_table(theme_code: str, count: int, rng: random.Random) -> list[str]:
    """`count` ideas for one table, no two the same.

    Falls back to numbered variants only if the vocabulary is exhausted.
    """
    ideas: list[str] = []
    seen: set[str] = set()
    attempts = 0
    # Generous: a theme's vocabulary holds far more combinations than any table needs.
    while len(ideas) < count and attempts < count * 20 + 100:
        attempts += 1
        text = idea_text(theme_code, rng)
        if text not in seen:
            seen.add(text)
            ideas.append(text)
    number = 2
    while len(ideas) < count:
        base = idea_text(theme_code, rng)
        # The number is one more word: prefer a base that leaves room for it.
        for _ in range(_ATTEMPTS):
            if len(base.split()) < MAX_IDEA_WORDS:
                break
            base = idea_text(theme_code, rng)
        text = f"{base[:-1]} ({number}){base[-1]}"
        number += 1
        if text not in seen:
            seen.add(text)
            ideas.append(text)
    return ideas


def _key_phrase(idea: str) -> str:
    """The heart of an idea: without its frame, its reason clause and its closing mark."""
    text = " ".join(idea.split())
    question = text.endswith("?")
    text = text.rstrip(".!?").strip()
    stripped = False
    for opener in _OPENERS:
        if text.startswith(opener) and len(text) > len(opener):
            text = text[len(opener) :]
            stripped = True
            break
    cut = _REASON_CUT.search(text)
    if cut is not None and len(text[: cut.start()].split()) >= 2:
        text = text[: cut.start()]
    text = text.strip(" ,:;")
    # A question that is still a question once its frame is gone keeps its mark.
    if question and not stripped and text:
        text += "?"
    return _capitalise(text)


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    words = text.rstrip("?").split()
    while words and len(" ".join(words)) > limit:
        words.pop()
    while len(words) > 1 and words[-1].lower().strip(",") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",:;")


_PROPER_FIRST_WORDS = frozenset(
    {
        *_WIJKEN,
        "Genk",
        "Genkse",
        "Genkenaren",
        "Nederlands",
        "Nederlandse",
        "Italiaanse",
        "Turkse",
        "Marokkaanse",
        "Griekse",
        "Poolse",
        "Belgische",
        "Ford",
        "Bokrijk",
        "Chiro",
        "Europalaan",
        "Molenvijver",
        "Stiemerbeekvallei",
    }
)


def _lower_first(text: str) -> str:
    """The phrase as it reads mid-sentence: names and acronyms keep their capital."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first not in _PROPER_FIRST_WORDS:
        return text[:1].lower() + text[1:]
    return text


def _wijk_named(ideas: list[str]) -> str | None:
    for idea in ideas:
        for wijk in _WIJKEN:
            if wijk in idea:
                return wijk
    return None


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def concept_from_ideas(theme_code: str, ideas: list[str], rng: random.Random) -> ConceptText:
    """A concept a table writes out of one selected idea (and the ideas merged with it)."""
    vocabulary = _vocabulary(theme_code)
    sources = [" ".join(idea.split()) for idea in ideas if idea.strip()]
    if not sources:
        sources = [idea_text(theme_code, rng)]
    keys = [_key_phrase(idea) for idea in sources]
    key = keys[0] if any(char.isalnum() for char in keys[0]) else "Ons idee"
    title = _shortened(key, MAX_TITLE_CHARS).rstrip(".") or "Ons idee"

    if sources[0].endswith("?"):
        # Quoted whole: "Waarom geen conciërge …?" loses its article once stripped.
        opening = f"We vertrokken van de vraag: {_lower_first(sources[0])}"
    else:
        opening = rng.choice(
            (
                "Ons voorstel: {}.",
                "Aan onze tafel groeide dit idee: {}.",
                "We werken dit idee verder uit: {}.",
            )
        ).format(_lower_first(key))
    sentences = [opening]
    others = [
        _lower_first(source if source.endswith("?") else other)
        for source, other in zip(sources[1:], keys[1:], strict=True)
        if other
    ]
    if len(others) == 1:
        sentences.append(f"We namen ook het idee ‘{others[0]}’ mee.")
    elif others:
        amount = _NUMBER_WORDS[len(others)] if len(others) < len(_NUMBER_WORDS) else "nog"
        sentences.append(f"We voegden er {amount} verwante ideeën aan toe, zoals ‘{others[0]}’.")
    sentences.append(rng.choice(vocabulary.goals))

    named = _wijk_named(sources)
    wijk = named or rng.choice(_WIJKEN)
    alive = rng.choice(vocabulary.alive)
    if named is not None and rng.random() < 0.5:
        alive += f" Aan onze tafel zaten mensen uit {named} die dat elke dag merken."

    helpers = rng.sample(vocabulary.partners, 2)
    if named is not None or rng.random() < 0.5:
        helpers.insert(0, f"buurtcomité {wijk}")
    helpers.append(rng.choice(_VOLUNTEERS))

    return ConceptText(
        title=title,
        description=" ".join(sentences),
        what_is_alive=alive,
        what_i_can_do=rng.choice(vocabulary.i_can),
        what_we_can_do=rng.choice(vocabulary.we_can),
        what_the_city_can_do=rng.choice(vocabulary.city_can),
        first_step=rng.choice(vocabulary.first_steps).format(wijk=wijk),
        who_is_needed=_capitalise(_listed(helpers)),
    )
