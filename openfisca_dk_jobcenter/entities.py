"""Entiteterne: personen og virksomheden (arbejdsgiveren).

Alle, der er knyttet til arbejdsgiveren — ansatte, vikarer, lærlinge, praktikanter — har rollen
`ansat`; virksomheden er den, der modtager tilskuddene.
"""

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="personer",
    label="Person",
    doc="En person: en ansat, en ledig, en vikar, en lærling eller en praktikant.",
    is_person=True,
)

Virksomhed = build_entity(
    key="virksomhed",
    plural="virksomheder",
    label="Virksomhed (arbejdsgiveren)",
    doc="Den private eller offentlige arbejdsgiver, der modtager jobcenterets tilskud.",
    roles=[
        {
            "key": "ansat",
            "plural": "ansatte",
            "label": "Ansat",
            "doc": "Alle, der er knyttet til arbejdsgiveren: ansatte, vikarer, lærlinge og praktikanter.",
        },
    ],
)

entities = [Person, Virksomhed]
