"""Navngiven reform: jobrotationens uddannelsesgrænse efter den senere ordlyd af LAB § 150,
stk. 1, nr. 1 — ansatte med op til en mellemlang videregående uddannelse (ikke kandidat) kan
give jobrotationsydelse, fra 1. januar 2024, hvor STAR viser reglen i kraft.

Grundlaget har nu samme grænse fra 1. januar 2022 (lovteksten verificeret, datoen antaget, se
parameteren jobrotation.medarbejder.hoejeste_uddannelse); reformen ændrer derfor intet fra 2024 i
forhold til grundlaget og bevares, så den kan bruges uændret, hvis grundlagets dato flyttes.
"""

from openfisca_core.reforms import Reform

FRA = "2024-01-01"


def _mvu(parametre):
    parametre.jobrotation.medarbejder.hoejeste_uddannelse.update(start=FRA, value="mellemlang_videregaaende")
    return parametre


class jobrotation_uddannelsesgraense_mvu(Reform):
    name = "Jobrotation: uddannelsesgrænse op til mellemlang videregående uddannelse fra 2024 (LAB § 150, ny ordlyd)"

    def apply(self):
        self.modify_parameters(modifier_function=_mvu)
