"""Modellens grundlag ved siden af publicerede tal, pr. ordning og år (`docs/validering.md`).

`PUBLICEREDE` er de publicerede tal med kilde og kildegrad (fra STAR, Beskæftigelses-
ministeriet og Danmarks Statistik; se docs/validering.md). Et tal med `kalibrer=True` bruges til
at kalibrere den syntetiske befolknings deltagelse (`analyse/deltagelsesfaktorer.py`); de andre er
kontroltal, modellen ikke er tilpasset til.

Målene:
- `tilgang`: personer, der begynder i ordningen i året og får tilskud (voksenlærlinge: aftalen
  starter i året);
- `helaarspersoner`: personmåneder i ordningen ÷ 12 (jobrotation: vikarer med ydelse;
  virksomhedspraktik: praktikanter);
- `personer`: personer med tilskud (eller deltagelse) i året;
- `bestand_oktober`: personer i ordningen i oktober;
- `udgift_kr`: kroner i året.
"""

from dataclasses import dataclass

import pandas
from openfisca_core.periods import period

from openfisca_dk_jobcenter.analyse.mikrosimulering import Mikrosimulering
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

AAR = tuple(range(2015, 2027))
PERSONER = 100_000  # rækker pr. år i valideringen: som demoen og Mikrosimulering (samme seed)
SEED = 2026
GRAENSE = 0.15  # afvigelser over 15 % forklares i docs/validering.md

STAR_VL = "https://star.dk/om-styrelsen/nyt/nyheder/2023/06/ny-evaluering-af-forsoeg-med-voksenlaerlingeordningen/"
BM_VL = "https://bm.dk/nyheder/nyheder/2022/09/rekordmange-bliver-voksenlaerlinge/"
UDD_VL = "https://www.uddannelsesbladet.dk/undervisning/2022/januar/antallet-af-voksenlaerlinge-boomer/"
DST_2016K3 = "https://www.dst.dk/da/Statistik/nyt/NytHtml?cid=21883"
FH_JR = "https://fho.dk/blog/2019/04/09/effektiv-jobordning-skal-have-nyt-liv/"
DST_2020K3 = "https://www.dst.dk/da/Statistik/nyt/NytHtml?cid=31952"
DST_2021K1 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=31954"
DST_2021K2 = "https://www.dst.dk/da/Statistik/nyt/NytHtml?cid=33301"
DST_2021K3 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=33302"
DST_2022 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=44860"


@dataclass(frozen=True)
class Publiceret:
    ordning: str
    aar: int
    maal: str  # tilgang | helaarspersoner | personer | udgift_kr
    vaerdi: float
    kilde: str
    kildegrad: str
    note: str
    kalibrer: bool = False


PUBLICEREDE = (
    Publiceret("voksenlaerling", 2016, "tilgang", 3_600, STAR_VL, "verificeret",
               "STAR: «Det årlige antal af voksenlærlinge er steget fra 3.600 i 2016 til 6.900 i 2021»", True),
    Publiceret("voksenlaerling", 2019, "tilgang", 4_780, BM_VL, "verificeret",
               "afledt: 2 × 2.390 påbegyndte forløb i 1. halvår 2019 (kontroltal)"),
    Publiceret("voksenlaerling", 2021, "tilgang", 6_900, STAR_VL, "verificeret", "STAR, samme citat", True),
    Publiceret("voksenlaerling", 2022, "tilgang", 8_660, BM_VL, "verificeret",
               "afledt: 2 × 4.330 påbegyndte forløb i 1. halvår 2022 (kontroltal)"),
    Publiceret("voksenlaerling", 2020, "bestand_oktober", 9_437, UDD_VL, "sekundaer",
               "Uddannelsesbladet efter STAR: «fra 9.437 til 11.724» voksenlærlinge, oktober 2020 til oktober 2021 (kontroltal)"),
    Publiceret("voksenlaerling", 2021, "bestand_oktober", 11_724, UDD_VL, "sekundaer", "samme (kontroltal)"),
    Publiceret("jobrotation", 2016, "helaarspersoner", 750, DST_2016K3, "verificeret",
               "afledt: gennemsnit af DST's 2. og 3. kvt. 2016 (900 og 600 fuldtidspersoner i jobrotation)", True),
    Publiceret("jobrotation", 2017, "helaarspersoner", 300, FH_JR, "sekundaer",
               "FH: «I 2012 var 1.200 helårspersoner i jobrotation mod kun 300 personer i 2017»", True),
    Publiceret("loentilskud", 2021, "helaarspersoner", 2_567, DST_2021K3, "verificeret",
               "afledt: gennemsnit af DST's 1.-3. kvt. 2021 (2.700, 2.100, 2.900 fuldtidspersoner ansat med løntilskud)", True),
    Publiceret("virksomhedspraktik", 2020, "helaarspersoner", 9_867, DST_2020K3, "verificeret",
               "afledt: gennemsnit af DST's 2.-4. kvt. 2020 (6.100, 11.200, 12.300 fuldtidspersoner)", True),
    Publiceret("virksomhedspraktik", 2021, "helaarspersoner", 8_533, DST_2021K2, "verificeret",
               "afledt: gennemsnit af DST's 1.-3. kvt. 2021 (6.600, 8.200, 10.800 fuldtidspersoner)", True),
    Publiceret("virksomhedspraktik", 2022, "helaarspersoner", 9_933, DST_2022, "verificeret",
               "afledt: 2021-niveauet + 1.400 («1.400 flere i virksomhedspraktik», årsgennemsnit; kontroltal)"),
)

def _i_ordningen(ms, o, maaned):
    """Pr. person: er personen i ordningen i måneden? De publicerede tal tæller personer, også hvor
    tilskuddet går til virksomheden (jobrotation: vikarerne), så registrets deltagervariabel på
    personen tæller (`Ordning.deltagervariabel`), ellers tilskud > 0."""
    navn = o.deltagervariabel
    if navn:
        return ms.beregn(navn, maaned).astype(bool)
    return ms.beregn(o.tilskud, maaned) > 0


def maal_aar(aar, personer=PERSONER, seed=SEED):
    """{(ordning, mål): modellens vægtede tal} for grundlaget i `aar`."""
    ms = Mikrosimulering(befolkning=syntetisk_befolkning(personer, seed=seed, aar=aar), aar=aar)
    ud = {}
    for o in ORDNINGER:
        maaneder_ = period(str(aar)).get_subperiods("month")
        pr_maaned = [_i_ordningen(ms, o, m) for m in maaneder_]
        i_aaret = pr_maaned[0].copy()
        for m in pr_maaned[1:]:
            i_aaret = i_aaret | m
        i_aaret = i_aaret.astype(bool)
        ud[(o.noegle, "helaarspersoner")] = sum(m.astype(float).sum() for m in pr_maaned) / 12
        ud[(o.noegle, "personer")] = i_aaret.astype(float).sum()
        ud[(o.noegle, "bestand_oktober")] = pr_maaned[9].astype(float).sum()
        ud[(o.noegle, "udgift_kr")] = ms.beregn(o.tilskud, aar).sum()
        if o.startdato:  # deltagerens første dag står i registret (målet `tilgang`)
            start = ms.beregn(o.startdato, "eternity").uvaegtet
            # En vikar/lærling regnes efter personen; beløbet kan ligge hos virksomheden (jobrotation).
            startet = (start.to_numpy().astype("datetime64[Y]").astype(int) + 1970) == aar
            ud[(o.noegle, "tilgang")] = float((i_aaret.to_numpy() & startet) @ i_aaret._w())
    return ud


def tabel(aar_liste=AAR, personer=PERSONER, seed=SEED):
    """Valideringstabellen: én række pr. (ordning, år, mål) med modellens tal, det publicerede
    tal (hvis der er et), kilden og afvigelsen."""
    publiceret = {(p.ordning, p.aar, p.maal): p for p in PUBLICEREDE}
    navne = {o.noegle: o.navn for o in ORDNINGER}
    raekker = []
    for aar in aar_liste:
        m = maal_aar(aar, personer, seed)
        for o in ORDNINGER:
            hoved = _hovedmaal(o.noegle)
            andre = [p.maal for p in PUBLICEREDE if p.ordning == o.noegle and p.aar == aar and p.maal != hoved]
            for maal in [hoved, *andre]:
                p = publiceret.get((o.noegle, aar, maal))
                model = m[(o.noegle, maal)]
                raekker.append({
                    "ordning": navne[o.noegle], "aar": aar, "maal": maal, "model": round(model),
                    "model_udgift_mio_kr": round(m[(o.noegle, "udgift_kr")] / 1e6, 1),
                    "publiceret": None if p is None else round(p.vaerdi),
                    "afvigelse": None if p is None or not p.vaerdi else round((model - p.vaerdi) / p.vaerdi, 3),
                    "kalibreret": bool(p and p.kalibrer), "kildegrad": "" if p is None else p.kildegrad,
                    "kilde": "" if p is None else p.kilde,
                })
    return pandas.DataFrame(raekker)


def _hovedmaal(noegle):
    """Det mål, ordningen sammenlignes på hvert år: målet for de tal, den er kalibreret til
    (ellers `personer`)."""
    maal = {p.maal for p in PUBLICEREDE if p.ordning == noegle and p.kalibrer}
    return maal.pop() if len(maal) == 1 else "personer"


def _dk(tal, decimaler=0):
    """12345.6 → '12.345,6' (dansk tusindtalspunktum og decimalkomma)."""
    return f"{tal:,.{decimaler}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def markdown(t):
    """Tabellen som Markdown (det, docs/validering.md indeholder mellem markørerne)."""
    linjer = [
        "| ordning | år | mål | model (vægtet) | model, mio. kr. | publiceret | afvigelse | kalibreret | kildegrad | kilde |",
        "|---|---|---|---:|---:|---:|---:|---|---|---|",
    ]
    for _, r in t.iterrows():
        pub = "—" if pandas.isna(r["publiceret"]) else _dk(r["publiceret"])
        afv = "—" if pandas.isna(r["afvigelse"]) else _dk(r["afvigelse"] * 100, 1) + " %"
        if afv != "—" and r["afvigelse"] > 0:
            afv = "+" + afv
        linjer.append(
            f"| {r['ordning']} | {r['aar']} | {r['maal']} | {_dk(r['model'])} | {_dk(r['model_udgift_mio_kr'], 1)} | {pub} | "
            f"{afv} | {'ja' if r['kalibreret'] else 'nej'} | {r['kildegrad'] or '—'} | {r['kilde'] or '—'} |"
        )
    return "\n".join(linjer)


def dokument(t):
    """Det, docs/validering.md indeholder mellem markørerne: valideringstabellen, arbejdsstyrken
    pr. år (vægten) og deltagelsesfaktorerne (kalibreringen)."""
    from openfisca_dk_jobcenter.befolkning import kalibrering

    linjer = [markdown(t), "", "Arbejdsstyrken, den syntetiske befolkning vægtes til (`befolkning/kalibrering.py`):", "",
              "| år | personer | kildegrad | kilde | note |", "|---|---:|---|---|---|"]
    for aar in AAR:
        k = kalibrering.arbejdsstyrke(aar)
        linjer.append(f"| {aar} | {_dk(k.vaerdi)} | {k.kildegrad} | {k.kilde} | {k.note} |")
    linjer += ["", "Deltagelsesfaktorer (`befolkning/deltagelse.json`; år uden publiceret tal: nærmeste år, interpoleret):", "",
               "| ordning | " + " | ".join(str(a) for a in AAR) + " |", "|---|" + "---:|" * len(AAR)]
    for o in ORDNINGER:
        faktorer = [_dk(kalibrering.deltagelsesfaktor(o.noegle, a), 3) for a in AAR]
        linjer.append(f"| {o.navn} | " + " | ".join(faktorer) + " |")
    return "\n".join(linjer)


__all__ = ["PUBLICEREDE", "dokument", "maal_aar", "markdown", "tabel"]
