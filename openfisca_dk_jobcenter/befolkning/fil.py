"""Analytikerens egne data: personer (og eventuelt virksomheder) som CSV eller Parquet.

Personfilen har en kolonne `virksomhed_id` og ellers kolonner med variabelnavne:
- `navn` gælder alle årets måneder (eller altid, for datoer);
- `navn@ÅÅÅÅ-MM` gælder kun den måned (fx `voksenlaerling_praktiktimer@2026-03`).
Virksomhedsfilen (valgfri) har `virksomhed_id` og virksomhedsvariabler (fx `sektor`). Uden den
får hver `virksomhed_id` en virksomhed med standardværdier.

Alt tjekkes, før noget simuleres: ukendt kolonne, ukendt enum-værdi, negative tal, umulige eller
manglende datoer, sandhedsværdier der ikke er ja/nej, og personer, der peger på en virksomhed,
der ikke findes. Fejlen nævner filen, rækken og kolonnen (`BefolkningsFejl`).
"""

from pathlib import Path

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.vaegt import udtag_saerlige_kolonner

ID = "virksomhed_id"
SANDT = {"true", "1", "ja", "sand", "yes"}
FALSK = {"false", "0", "nej", "falsk", "no"}


def laes_tabel(sti):
    sti = Path(sti)
    if not sti.exists():
        raise BefolkningsFejl(f"{sti}: filen findes ikke")
    try:
        if sti.suffix.lower() == ".parquet":
            return pandas.read_parquet(sti)
        if sti.suffix.lower() == ".csv":
            return pandas.read_csv(sti, dtype=str, keep_default_na=False)
    except Exception as fejl:  # noqa: BLE001 (pandas' mange fejltyper: vi giver én klar besked)
        raise BefolkningsFejl(f"{sti}: kan ikke læses: {fejl}") from None
    raise BefolkningsFejl(f"{sti}: ukendt filtype '{sti.suffix}' (brug .csv eller .parquet)")


def laes_befolkning(tax_benefit_system, personfil, virksomhedsfil=None, aar=2026):
    """En `Befolkning` fra analytikerens filer, valideret mod `tax_benefit_system`."""
    personer = laes_tabel(personfil)
    if ID not in personer.columns:
        raise BefolkningsFejl(f"{personfil}: kolonnen '{ID}' mangler (den knytter personer til virksomheder)")
    if len(personer) == 0:
        raise BefolkningsFejl(f"{personfil}: ingen personer")
    person_ids = personer[ID].astype(str).to_numpy()
    if virksomhedsfil is not None:
        virksomheder = laes_tabel(virksomhedsfil)
        if ID not in virksomheder.columns:
            raise BefolkningsFejl(f"{virksomhedsfil}: kolonnen '{ID}' mangler")
        virksomhed_ids = virksomheder[ID].astype(str).to_numpy()
        dubletter = pandas.Series(virksomhed_ids).duplicated().to_numpy()
        if dubletter.any():
            r = int(numpy.flatnonzero(dubletter)[0])
            raise BefolkningsFejl(f"{virksomhedsfil}: række {r + 1}, kolonne {ID}: '{virksomhed_ids[r]}' står to gange")
        findes = numpy.isin(person_ids, virksomhed_ids)
        if not findes.all():
            r = int(numpy.flatnonzero(~findes)[0])
            raise BefolkningsFejl(
                f"{personfil}: række {r + 1}, kolonne {ID}: virksomheden '{person_ids[r]}' findes ikke i {virksomhedsfil}"
            )
        uden_personer = ~numpy.isin(virksomhed_ids, person_ids)
        if uden_personer.any():
            r = int(numpy.flatnonzero(uden_personer)[0])
            raise BefolkningsFejl(f"{virksomhedsfil}: række {r + 1}: virksomheden '{virksomhed_ids[r]}' har ingen personer")
    else:
        virksomheder = pandas.DataFrame({ID: pandas.unique(person_ids)})
        virksomhed_ids = virksomheder[ID].astype(str).to_numpy()

    # Personerne sorteres efter virksomhed (stabilt), så befolkningen kan deles i hele virksomheder.
    orden_v = {v: i for i, v in enumerate(virksomhed_ids)}
    person_virksomhed = numpy.fromiter((orden_v[v] for v in person_ids), dtype=numpy.int64, count=len(person_ids))
    orden = numpy.argsort(person_virksomhed, kind="stable")
    b = Befolkning(aar=aar, person_virksomhed=person_virksomhed[orden], antal_virksomheder=len(virksomhed_ids))
    personer, vaegt, raekke_ids = udtag_saerlige_kolonner(personer, personfil)
    b.vaegt = None if vaegt is None else vaegt[orden]
    b.person_id, b.virksomhed_id, b.kilde = raekke_ids[orden], virksomhed_ids, str(personfil)
    _kolonner(tax_benefit_system, personer, personfil, "person", b, orden)
    _kolonner(tax_benefit_system, virksomheder, virksomhedsfil, "virksomhed", b, None)
    return b


def _kolonner(tbs, tabel, fil, entitet, b, orden):
    for kolonne in tabel.columns:
        if kolonne == ID:
            continue
        navn, _, maaned = kolonne.partition("@")
        variabel = tbs.variables.get(navn)
        sted = f"{fil}: kolonne '{kolonne}'"
        if variabel is None:
            raise BefolkningsFejl(f"{sted}: ukendt variabel '{navn}'")
        if variabel.entity.key != entitet:
            raise BefolkningsFejl(f"{sted}: '{navn}' hører til entiteten {variabel.entity.key}, ikke {entitet}")
        if variabel.formulas:
            raise BefolkningsFejl(f"{sted}: '{navn}' beregnes af modellen og kan ikke gives som input")
        vaerdier = _konverter(variabel, tabel[kolonne], fil, kolonne)
        if orden is not None:
            vaerdier = vaerdier[orden]
        if maaned:
            if entitet != "person" or variabel.definition_period != "month":
                raise BefolkningsFejl(f"{sted}: kun personers månedsvariabler kan gives pr. måned")
            try:
                aar_str, m_str = maaned.split("-")
                aar_i, m = int(aar_str), int(m_str)
            except ValueError:
                raise BefolkningsFejl(f"{sted}: måneden skal skrives ÅÅÅÅ-MM") from None
            if aar_i != b.aar or not 1 <= m <= 12:
                raise BefolkningsFejl(f"{sted}: måneden {maaned} ligger ikke i det simulerede år {b.aar}")
            if navn not in b.personer_maaned:
                grund = b.personer.pop(navn, None)
                b.personer_maaned[navn] = numpy.repeat(
                    (grund if grund is not None else numpy.full(len(vaerdier), variabel.default_value, dtype=vaerdier.dtype))[None, :],
                    12,
                    axis=0,
                )
            b.personer_maaned[navn][m - 1] = vaerdier
        elif entitet == "person":
            if navn in b.personer_maaned:
                b.personer_maaned[navn][:] = vaerdier
            else:
                b.personer[navn] = vaerdier
        else:
            b.virksomheder[navn] = vaerdier


def _fejl_i_raekke(fil, kolonne, maske, vaerdier, hvad):
    r = int(numpy.flatnonzero(maske)[0])
    raise BefolkningsFejl(f"{fil}: række {r + 1}, kolonne '{kolonne}': {hvad} ('{vaerdier[r]}')")


def _konverter(variabel, serie, fil, kolonne):
    tekst = serie.astype(str).str.strip().to_numpy()
    type_ = variabel.value_type.__name__
    if type_ == "Enum":
        kendte = {m.name for m in variabel.possible_values}
        ukendt = ~numpy.isin(tekst, list(kendte))
        if ukendt.any():
            _fejl_i_raekke(fil, kolonne, ukendt, tekst, f"ukendt værdi; tilladt: {', '.join(sorted(kendte))}")
        return tekst
    if type_ == "date":
        if serie.dtype.kind == "M":
            datoer = serie.to_numpy().astype("datetime64[D]")
            mangler = numpy.isnat(datoer)
        else:
            mangler = tekst == ""
            datoer = pandas.to_datetime(pandas.Series(tekst), format="%Y-%m-%d", errors="coerce").to_numpy().astype("datetime64[D]")
        if mangler.any():
            _fejl_i_raekke(fil, kolonne, mangler, tekst, "datoen mangler")
        umulig = numpy.isnat(datoer)
        if umulig.any():
            _fejl_i_raekke(fil, kolonne, umulig, tekst, "umulig dato (skriv ÅÅÅÅ-MM-DD)")
        return datoer
    if type_ == "bool":
        lav = numpy.char.lower(tekst.astype(str))
        ugyldig = ~numpy.isin(lav, list(SANDT | FALSK))
        if ugyldig.any():
            _fejl_i_raekke(fil, kolonne, ugyldig, tekst, "forventede ja/nej (true/false, 1/0)")
        return numpy.isin(lav, list(SANDT))
    tal = pandas.to_numeric(pandas.Series(tekst), errors="coerce").to_numpy(dtype=numpy.float64)
    ikke_tal = numpy.isnan(tal)
    if ikke_tal.any():
        _fejl_i_raekke(fil, kolonne, ikke_tal, tekst, "ikke et tal")
    negativ = tal < 0
    if negativ.any():
        _fejl_i_raekke(fil, kolonne, negativ, tekst, "negativt tal (timer, kroner, måneder og år kan ikke være negative)")
    return tal.astype(variabel.dtype)
