"""How the words people type in a registrations file name the app's values.

Each list maps an answer key to the words (Dutch and English) that mean it; matching is
lenient (domain.text_matching.match_choice) but never a guess between two answers.
"""

from __future__ import annotations

GENDER_WORDS: dict[str, tuple[str, ...]] = {
    "f": ("v", "vrouw", "vrouwelijk", "f", "female", "woman", "w"),
    "m": ("m", "man", "mannelijk", "male"),
    "x": (
        "x",
        "anders",
        "ander",
        "other",
        "non-binair",
        "non-binary",
        "nonbinair",
        "genderneutraal",
    ),
}
ORIGIN_WORDS: dict[str, tuple[str, ...]] = {
    "belgian": ("belgisch", "belg", "belgië", "belgie", "belgian", "belgium", "vlaams"),
    "italian": ("italiaans", "italiaan", "italië", "italie", "italian", "italy"),
    "turkish": ("turks", "turk", "turkije", "turkish", "turkey", "türkiye"),
    "moroccan": ("marokkaans", "marokkaan", "marokko", "moroccan", "morocco"),
    "greek": ("grieks", "griek", "griekenland", "greek", "greece"),
    "polish": ("pools", "pool", "polen", "polish", "poland"),
    "spanish": ("spaans", "spanjaard", "spanje", "spanish", "spain"),
    "other_eu": ("ander eu", "andere eu", "eu", "other eu", "europees", "european"),
    "other": ("ander", "andere", "other", "overig", "niet eu", "non eu"),
}
EDUCATION_WORDS: dict[str, tuple[str, ...]] = {
    "primary": ("lager", "lager onderwijs", "basis", "basisonderwijs", "primary", "geen"),
    "secondary": (
        "secundair",
        "secundair onderwijs",
        "middelbaar",
        "secondary",
        "aso",
        "tso",
        "bso",
        "kso",
        "high school",
    ),
    "higher": (
        "hoger",
        "hoger onderwijs",
        "hogeschool",
        "universiteit",
        "bachelor",
        "master",
        "higher",
        "university",
        "college",
        "doctoraat",
    ),
}
WORK_WORDS: dict[str, tuple[str, ...]] = {
    "employed": (
        "werkend",
        "werknemer",
        "bediende",
        "arbeider",
        "ambtenaar",
        "employed",
        "employee",
        "loontrekkende",
    ),
    "self_employed": (
        "zelfstandige",
        "zelfstandig",
        "ondernemer",
        "self-employed",
        "freelance",
        "freelancer",
    ),
    "job_seeker": (
        "werkzoekend",
        "werkzoekende",
        "werkloos",
        "job seeker",
        "unemployed",
        "looking for work",
    ),
    "student": ("student", "studerend", "scholier", "leerling", "pupil"),
    "retired": ("gepensioneerd", "pensioen", "retired", "pensioner", "op pensioen"),
    "home": ("huisvrouw", "huisman", "thuis", "homemaker", "housewife", "huishouden"),
    "other": ("andere", "anders", "other", "arbeidsongeschikt", "ziek", "vrijwilliger"),
}
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("nl", "nederlands", "vlaams", "dutch", "flemish"),
    "fr": ("fr", "frans", "french", "français"),
    "en": ("en", "engels", "english"),
    "de": ("de", "duits", "german", "deutsch"),
    "tr": ("tr", "turks", "turkish", "türkçe"),
    "ar": ("ar", "arabisch", "arabic"),
    "ber": ("ber", "berbers", "tamazight", "amazigh", "berber"),
    "it": ("it", "italiaans", "italian", "italiano"),
    "pl": ("pl", "pools", "polish", "polski"),
    "es": ("es", "spaans", "spanish", "español"),
    "el": ("el", "grieks", "greek"),
}
WEEKDAY_WORDS: tuple[tuple[str, ...], ...] = (
    ("maandag", "monday", "ma", "mon"),
    ("dinsdag", "tuesday", "di", "tue"),
    ("woensdag", "wednesday", "wo", "wed"),
    ("donderdag", "thursday", "do", "thu"),
    ("vrijdag", "friday", "vr", "fri"),
    ("zaterdag", "saturday", "za", "sat"),
    ("zondag", "sunday", "zo", "sun"),
)
