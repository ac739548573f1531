"""The shape of a G360-style event: its themes, the city's neighbourhoods, table sizes.

The eight "hoe kunnen we" questions follow the city's coalition agreement of 2013 as the
source texts describe it (housing, work, youth and young families, languages and talent,
finances and city government) plus three themes of De Genks' own think tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TABLE_SIZE = 10
"""How many people a table is planned for; the G360 seated about ten."""

TABLE_CAPACITY = 12
"""How many chairs a table has: room for two walk-ins on top of the plan."""


@dataclass(frozen=True)
class ThemePlan:
    """A theme as the organisers set it up: short name, question and colour."""

    code: str
    name: str
    question: str
    colour: str


# Theme texts are event data entered by the organisers, in the event's language (Dutch),
# not interface text: they are not run through the translation mechanism.
G360_THEMES: tuple[ThemePlan, ...] = (
    ThemePlan(
        "wonen",
        "Wonen",
        "Hoe kunnen we ervoor zorgen dat iedere Genkenaar betaalbaar en kwaliteitsvol woont, "
        "in een wijk waar hij of zij zich thuis voelt?",
        "#C0392B",
    ),
    ThemePlan(
        "werk",
        "Werk",
        "Hoe kunnen we meer Genkenaren aan het werk helpen, en Genkse werkgevers werk laten "
        "maken van een divers personeelsbeleid?",
        "#1F618D",
    ),
    ThemePlan(
        "jeugd",
        "Jeugd en jonge gezinnen",
        "Hoe kunnen we van Genk een stad maken waar kinderen, jongeren en jonge gezinnen "
        "kansen krijgen en graag opgroeien?",
        "#27AE60",
    ),
    ThemePlan(
        "taal",
        "Taal en talent",
        "Hoe kunnen we samen met scholen, ouders en verenigingen de taal en de talenten van "
        "alle Genkenaren beter laten groeien?",
        "#8E44AD",
    ),
    ThemePlan(
        "financien",
        "Financiën en stadsbestuur",
        "Hoe kunnen we als stad zuinig en open met ons geld omgaan, en burgers mee laten "
        "beslissen over wat voorrang krijgt?",
        "#7F8C8D",
    ),
    ThemePlan(
        "samenleven",
        "Samenleven in de wijk",
        "Hoe kunnen we Genkenaren van alle origines meer laten samenleven in hun wijk, en "
        "hun eigen kracht en verantwoordelijkheid prikkelen?",
        "#E67E22",
    ),
    ThemePlan(
        "vrijetijd",
        "Vrije tijd",
        "Hoe kunnen we het aanbod van sport, cultuur en jeugdwerk zo maken dat het alle "
        "Genkenaren bereikt, ook wie we vandaag niet zien?",
        "#16A085",
    ),
    ThemePlan(
        "dienstverlening",
        "Dienstverlening",
        "Hoe kunnen we de dienstverlening van stad en OCMW toegankelijk en klantgericht "
        "maken voor de hele diversiteit van Genk?",
        "#2C3E50",
    ),
)

GENK_NEIGHBOURHOODS: tuple[str, ...] = (
    "Centrum",
    "Bret-Gelieren",
    "Bokrijk",
    "Boxbergheide",
    "Camerlo",
    "Hoevenzavel",
    "Kolderbos",
    "Langerlo",
    "Sledderlo",
    "Termien",
    "Waterschei",
    "Winterslag",
    "Zwartberg",
    "Nieuw-Texas",
    "Kattevennen",
    "Sint-Martinus-Genk",
)


def tables_needed(people: int, table_size: int = TABLE_SIZE) -> int:
    """How many tables seat `people` at about `table_size` each (at least one)."""
    return max(1, math.ceil(people / table_size))
