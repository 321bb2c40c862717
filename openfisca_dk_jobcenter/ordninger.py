"""Ordningerne ét sted: hvilken variabel, der er tilskuddet til arbejdsgiveren, og på hvilken entitet.

`virksomhed_tilskud_i_alt`, sammenligningen af reformer og benchmarkene læser denne liste, så en
ny ordning tilføjes ét sted.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Ordning:
    noegle: str
    navn: str
    tilskud: str
    entitet: str  # "person" eller "virksomhed": hvor tilskudsvariablen er defineret
    # Valgfri bool-variabel på samme entitet, der tæller deltagerne; None: dem med tilskud > 0.
    # Til ordninger uden kroner (virksomhedspraktik giver hverken udgift eller tilskud).
    antal: str | None = None


ORDNINGER = (
    Ordning("voksenlaerling", "Voksenlærling", "voksenlaerling_tilskud", "person"),
    Ordning("jobrotation", "Jobrotation", "jobrotationsydelse", "virksomhed"),
    Ordning("loentilskud", "Løntilskud", "loentilskud", "person"),
    Ordning("opkvalificering", "Opkvalificering ved ansættelse", "opkvalificering_tilskud", "person"),
    Ordning(
        "virksomhedspraktik", "Virksomhedspraktik", "virksomhedspraktik_tilskud", "person", antal="virksomhedspraktik_praktikant"
    ),
)


def ordning(noegle):
    """Ordningen med nøglen `noegle`."""
    for o in ORDNINGER:
        if o.noegle == noegle:
            return o
    raise KeyError(f"ukendt ordning '{noegle}'; kendte: {', '.join(o.noegle for o in ORDNINGER)}")
