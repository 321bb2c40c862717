"""Analytikerens egne data: personer (og eventuelt virksomheder) som CSV eller Parquet.

Personfilen har en kolonne `virksomhed_id` og ellers kolonner med variabelnavne:
- `navn` gælder alle årets måneder (eller altid, for datoer);
- `navn@ÅÅÅÅ-MM` gælder kun den måned (fx `voksenlaerling_praktiktimer@2026-03`).
Virksomhedsfilen (valgfri) har `virksomhed_id` og virksomhedsvariabler (fx `sektor`). Uden den
får hver `virksomhed_id` en virksomhed med standardværdier.

Filer, som danske kontorer har dem, læses, når intet er tvetydigt: CSV med semikolon (dansk
Excel), komma eller tabulator; UTF-8 (med eller uden BOM) eller Windows-1252; decimalkomma
("160,5"); en tom celle (eller en manglende værdi i Parquet) er "ikke oplyst", som et udeladt
input i web-API'et og YAML-testene (variablens standardværdi).

Alt tjekkes, før noget simuleres: ukendt eller dobbelt kolonne, tomt `virksomhed_id`, ukendt
enum-værdi, værdier uden for variablens domæne (`domaener.py`: negative timer, flere timer end
måneden har, uendelige tal, datoer uden for 1900-2100), sandhedsværdier der ikke er ja/nej, og
personer, der peger på en virksomhed, der ikke findes. Fejlen nævner filen, rækken og kolonnen
(`BefolkningsFejl`); rækken er linjenummeret i regnearket (overskriften er linje 1).

En fil, der ikke kan være en befolkning (NUL-bytes, over `MAX_CSV_BYTES`), afvises, før den læses.
"""

import codecs
import csv
from pathlib import Path

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning import celler
from openfisca_dk_jobcenter.befolkning.celler import FOERSTE_RAEKKE, raekke
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.vaegt import udtag_replikatgrupper, udtag_saerlige_kolonner
from openfisca_dk_jobcenter.model import domaener

ID = "virksomhed_id"
SANDT = {"true", "1", "ja", "sand", "yes"}
FALSK = {"false", "0", "nej", "falsk", "no"}
MAX_CSV_BYTES = 1024**3  # 1 GiB; større befolkninger: Parquet
PROEVE = 64 * 1024
SEPARATORER = (";", ",", "\t")


def _kodning(sti):
    """'utf-8-sig' hvis hele filen er gyldig UTF-8 (læst i bidder), ellers 'cp1252'."""
    dekoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(sti, "rb") as f:
            while bid := f.read(1024 * 1024):
                dekoder.decode(bid)
            dekoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _overskrift(sti, kodning):
    """(separator, kolonnenavne) fra første linje; separatoren er den, der deler linjen i flest."""
    with open(sti, encoding=kodning, newline="") as f:
        linje = f.readline(PROEVE)
    if not linje.strip():
        raise BefolkningsFejl(f"{sti}: filen er tom (første linje skal være kolonnernes navne)")
    separator = max(SEPARATORER, key=linje.count)
    navne = [n.strip() for n in next(csv.reader([linje], delimiter=separator))]
    set_ = {}
    for i, navn in enumerate(navne, start=1):
        if navn in set_:
            raise BefolkningsFejl(
                f"{sti}: kolonnen '{navn}' står to gange i overskriften (kolonne {set_[navn]} og {i})"
            )
        set_[navn] = i
    if "" in set_:
        raise BefolkningsFejl(f"{sti}: kolonne {set_['']} har intet navn i overskriften")
    return separator, navne


def _kontroller_csv(sti):
    stoerrelse = sti.stat().st_size
    if stoerrelse > MAX_CSV_BYTES:
        raise BefolkningsFejl(
            f"{sti}: filen er {stoerrelse / 1024**3:.1f} GiB; højst {MAX_CSV_BYTES // 1024**3} GiB som CSV (brug Parquet)"
        )
    with open(sti, "rb") as f:
        proeve = f.read(PROEVE)
    if b"\x00" in proeve:
        raise BefolkningsFejl(f"{sti}: filen indeholder NUL-bytes; det er ikke en CSV-fil (tekst)")


def laes_tabel(sti):
    sti = Path(sti)
    if not sti.exists():
        raise BefolkningsFejl(f"{sti}: filen findes ikke")
    endelse = sti.suffix.lower()
    if endelse not in (".csv", ".parquet"):
        raise BefolkningsFejl(f"{sti}: ukendt filtype '{sti.suffix}' (brug .csv eller .parquet)")
    if endelse == ".parquet":
        with open(sti, "rb") as f:
            if f.read(4) != b"PAR1":
                raise BefolkningsFejl(f"{sti}: ikke en Parquet-fil (mangler 'PAR1' i starten)")
    else:
        _kontroller_csv(sti)
    try:
        if endelse == ".parquet":
            tabel = pandas.read_parquet(sti)
            tabel.attrs[FOERSTE_RAEKKE] = 1
            dubletter = tabel.columns[tabel.columns.duplicated()]
            if len(dubletter):
                raise BefolkningsFejl(f"{sti}: kolonnen '{dubletter[0]}' står to gange")
            return tabel
        kodning = _kodning(sti)
        separator, navne = _overskrift(sti, kodning)
        tabel = pandas.read_csv(
            sti, sep=separator, dtype=str, keep_default_na=False, encoding=kodning, header=0, names=navne
        )
    except BefolkningsFejl:
        raise
    except Exception as fejl:  # noqa: BLE001 (pandas' mange fejltyper: vi giver én klar besked)
        raise BefolkningsFejl(f"{sti}: kan ikke læses: {fejl}") from None
    tabel.attrs[FOERSTE_RAEKKE] = 2  # linje 1 er overskriften
    return tabel


_raekke = raekke


def laes_befolkning(tax_benefit_system, personfil, virksomhedsfil=None, aar=2026):
    """En `Befolkning` fra analytikerens filer, valideret mod `tax_benefit_system`."""
    personer = laes_tabel(personfil)
    if ID not in personer.columns:
        raise BefolkningsFejl(f"{personfil}: kolonnen '{ID}' mangler (den knytter personer til virksomheder)")
    if len(personer) == 0:
        raise BefolkningsFejl(f"{personfil}: ingen personer")
    person_ids = _ids(personer, personfil)
    if virksomhedsfil is not None:
        virksomheder = laes_tabel(virksomhedsfil)
        if ID not in virksomheder.columns:
            raise BefolkningsFejl(f"{virksomhedsfil}: kolonnen '{ID}' mangler")
        virksomhed_ids = _ids(virksomheder, virksomhedsfil)
        dubletter = pandas.Series(virksomhed_ids).duplicated().to_numpy()
        if dubletter.any():
            r = int(numpy.flatnonzero(dubletter)[0])
            raise BefolkningsFejl(
                f"{virksomhedsfil}: række {_raekke(virksomheder, r)}, kolonne {ID}: '{virksomhed_ids[r]}' står to gange"
            )
        findes = numpy.isin(person_ids, virksomhed_ids)
        if not findes.all():
            r = int(numpy.flatnonzero(~findes)[0])
            raise BefolkningsFejl(
                f"{personfil}: række {_raekke(personer, r)}, kolonne {ID}: virksomheden '{person_ids[r]}' "
                f"findes ikke i {virksomhedsfil}"
            )
        uden_personer = ~numpy.isin(virksomhed_ids, person_ids)
        if uden_personer.any():
            r = int(numpy.flatnonzero(uden_personer)[0])
            raise BefolkningsFejl(
                f"{virksomhedsfil}: række {_raekke(virksomheder, r)}: virksomheden '{virksomhed_ids[r]}' har ingen personer"
            )
    else:
        virksomheder = pandas.DataFrame({ID: pandas.unique(person_ids)})
        virksomhed_ids = virksomheder[ID].astype(str).to_numpy()

    # Personerne sorteres efter virksomhed (stabilt), så befolkningen kan deles i hele virksomheder.
    orden_v = {v: i for i, v in enumerate(virksomhed_ids)}
    person_virksomhed = numpy.fromiter((orden_v[v] for v in person_ids), dtype=numpy.int64, count=len(person_ids))
    orden = numpy.argsort(person_virksomhed, kind="stable")
    b = Befolkning(aar=aar, person_virksomhed=person_virksomhed[orden], antal_virksomheder=len(virksomhed_ids))
    personer, vaegt, raekke_ids = udtag_saerlige_kolonner(personer, personfil)
    personer, grupper, b.antal_grupper = udtag_replikatgrupper(personer, personfil)
    b.gruppe = None if grupper is None else grupper[orden]
    b.vaegt = None if vaegt is None else vaegt[orden]
    b.person_id, b.virksomhed_id, b.kilde = raekke_ids[orden], virksomhed_ids, str(personfil)
    _kolonner(tax_benefit_system, personer, personfil, "person", b, orden)
    _kolonner(tax_benefit_system, virksomheder, virksomhedsfil, "virksomhed", b, None)
    return b


def _ids(tabel, fil):
    """`virksomhed_id` som tekst; en tom celle er en fejl (personen ville høre til virksomheden '')."""
    ids = tabel[ID].astype(str).str.strip().to_numpy()
    tomme = (ids == "") | tabel[ID].isna().to_numpy()
    if tomme.any():
        r = int(numpy.flatnonzero(tomme)[0])
        raise BefolkningsFejl(f"{fil}: række {_raekke(tabel, r)}, kolonne {ID}: tom (hver række skal nævne sin virksomhed)")
    return ids


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
        vaerdier = _konverter(variabel, tabel[kolonne], fil, kolonne, tabel.attrs.get(FOERSTE_RAEKKE, 1))
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


def _fejl_i_raekke(fil, kolonne, maske, vaerdier, hvad, foerste=1):
    r = int(numpy.flatnonzero(maske)[0])
    raise BefolkningsFejl(f"{fil}: række {r + foerste}, kolonne '{kolonne}': {hvad} ('{vaerdier[r]}')")


def _mangler(serie, tekst):
    """Tomme celler (CSV) og manglende værdier (Parquet: None, NaN, NaT): "ikke oplyst"."""
    return (tekst == "") | serie.isna().to_numpy()


def _konverter(variabel, serie, fil, kolonne, foerste=1):
    """Kolonnen som variablens værdier; en tom celle får variablens standardværdi (ikke oplyst)."""
    tekst = serie.astype(str).str.strip().to_numpy()
    mangler = _mangler(serie, tekst)
    standard = variabel.default_value
    type_ = variabel.value_type.__name__

    def fejl(maske, hvad):
        _fejl_i_raekke(fil, kolonne, maske, tekst, hvad, foerste)

    if type_ == "Enum":
        tekst = numpy.where(mangler, standard.name, tekst)
        kendte = {m.name for m in variabel.possible_values}
        ukendt = ~numpy.isin(tekst, list(kendte))
        if ukendt.any():
            fejl(ukendt, f"ukendt værdi; tilladt: {', '.join(sorted(kendte))}")
        return tekst
    if type_ == "date":
        if serie.dtype.kind == "M":
            datoer = serie.to_numpy().astype("datetime64[D]")
        else:
            datoer = pandas.to_datetime(pandas.Series(tekst), format="%Y-%m-%d", errors="coerce").to_numpy().astype("datetime64[D]")
            umulig = numpy.isnat(datoer) & ~mangler
            if umulig.any():
                fejl(umulig, "umulig dato (skriv ÅÅÅÅ-MM-DD)")
        datoer = numpy.where(mangler | numpy.isnat(datoer), numpy.datetime64(standard, "D"), datoer)
        maske, besked = domaener.ugyldige(variabel, datoer)
        if besked:
            fejl(maske, f"datoen {besked}")
        return datoer
    if type_ == "bool":
        if serie.dtype.kind == "b":
            return numpy.where(mangler, standard, serie.to_numpy(dtype=bool, na_value=standard))
        lav = numpy.char.lower(tekst.astype(str))
        ugyldig = ~numpy.isin(lav, list(SANDT | FALSK)) & ~mangler
        if ugyldig.any():
            fejl(ugyldig, "forventede ja/nej (true/false, 1/0)")
        return numpy.where(mangler, standard, numpy.isin(lav, list(SANDT)))
    if serie.dtype.kind in "iuf":
        tal = serie.to_numpy(dtype=numpy.float64, na_value=numpy.nan)
    else:
        tal = celler.tal(tekst)  # decimalkomma (dansk Excel): "160,5" og "1.234,5"
        ikke_tal = numpy.isnan(tal) & ~mangler & ~numpy.isin(numpy.char.lower(tekst.astype(str)), ["nan"])
        if ikke_tal.any():
            fejl(ikke_tal, "ikke et tal")
        tal = numpy.where(mangler, numpy.nan, tal)
    tal = numpy.where(mangler, standard, tal)
    maske, besked = domaener.ugyldige(variabel, tal)
    if besked:
        fejl(maske, besked)
    if domaener.variablens_domaene(variabel) is None:
        negativ = tal < 0
        if negativ.any():
            fejl(negativ, "negativt tal (timer, kroner, måneder og år kan ikke være negative)")
    return tal.astype(variabel.dtype)
