"""En vægtet serie som PolicyEngines MicroSeries: en pandas Series med en vægt pr. række, hvor
`sum()`, `mean()`, `median()`, `count()` og `value_counts()` er vægtede, og en sammenligning
(`s > 0`) giver en ny vægtet serie, så `(s > 0).sum()` er et vægtet antal.

Vægtene følger indekset (person- eller virksomheds-id), så et udsnit (`s[s > 0]`) beholder de
rigtige vægte. `s.uvaegtet` er den almindelige Series (én række = én række).

Usikkerhed: `s.sum_95()` er summens 95 %-interval [nedre, øvre] fra rækkernes replikatgrupper
(`analyse/usikkerhed.py`; egne data uden grupper: bredden 0), og `s.groupby(noegle)` grupperer
vægtet: `.sum()`, `.mean()`, `.count()` og `.sum_95()` (en tabel med total, interval og rækker
pr. gruppe). `noegle` er en serie eller et array med samme længde, eller — for en serie fra
`Mikrosimulering.beregn` — navnet på en variabel (fx "maalgruppe", "sektor").
"""

import numpy
import pandas

from openfisca_dk_jobcenter.analyse import usikkerhed


class MikroSerie(pandas.Series):
    _metadata = ["vaegte", "grupper", "antal_grupper", "opslag"]

    def __init__(self, *args, vaegte=None, grupper=None, antal_grupper=0, opslag=None, **kwargs):
        super().__init__(*args, **kwargs)
        if vaegte is not None:
            self.vaegte = pandas.Series(numpy.asarray(vaegte, dtype=numpy.float64), index=self.index)
        elif not isinstance(getattr(self, "vaegte", None), pandas.Series):
            self.vaegte = None
        if grupper is not None:
            self.grupper = pandas.Series(numpy.asarray(grupper, dtype=numpy.int64), index=self.index)
            self.antal_grupper = int(antal_grupper)
        elif not isinstance(getattr(self, "grupper", None), pandas.Series):
            self.grupper, self.antal_grupper = None, 0
        if opslag is not None:
            self.opslag = opslag
        elif not callable(getattr(self, "opslag", None)):
            self.opslag = None

    def _g(self):
        """Replikatgrupperne for rækkerne i denne serie (None uden grupper)."""
        if self.grupper is None:
            return None
        if len(self.grupper) == len(self) and self.grupper.index.equals(self.index):
            return self.grupper.to_numpy()
        return self.grupper.reindex(self.index).to_numpy()

    def sum_95(self):
        """Summens 95 %-interval [nedre, øvre] (bredden 0 for hele populationen)."""
        vaerdier = numpy.nan_to_num(numpy.asarray(self.to_numpy(), dtype=numpy.float64))
        g = self._g()
        if g is None or self.antal_grupper < 2:
            total = float((vaerdier * self._w()).sum())
            return [total, total]
        _, nedre, oevre = usikkerhed.interval(vaerdier, self._w(), g, self.antal_grupper)
        if (vaerdier >= 0).all():
            nedre = max(nedre, 0.0)  # en sum af ikke-negative tal (kroner, antal) er ikke negativ
        return [nedre, oevre]

    def groupby(self, by=None, *args, **kwargs):
        """Vægtet gruppering (se modulets beskrivelse); `by` som pandas' for alt andet end en
        variabels navn, en serie eller et array."""
        if isinstance(by, str) and by not in (self.index.names or []) and self.opslag is not None:
            by = self.opslag(by)
        if isinstance(by, (pandas.Series, numpy.ndarray, list)) and not args and not kwargs:
            return VaegtetGruppering(self, by)
        return super().groupby(by, *args, **kwargs)

    @property
    def _constructor(self):
        return MikroSerie

    @property
    def _constructor_expanddim(self):
        return pandas.DataFrame

    def _w(self):
        """Vægtene for rækkerne i denne serie (1 for alle uden vægte)."""
        if self.vaegte is None:
            return numpy.ones(len(self))
        if len(self.vaegte) == len(self) and self.vaegte.index.equals(self.index):
            return self.vaegte.to_numpy()
        return self.vaegte.reindex(self.index).to_numpy()

    @property
    def uvaegtet(self):
        return pandas.Series(self.to_numpy(), index=self.index, name=self.name)

    def sum(self, *args, **kwargs):
        vaerdier = numpy.asarray(self.to_numpy(), dtype=numpy.float64)
        return float(numpy.nansum(vaerdier * self._w()))

    def count(self, *args, **kwargs):
        """Vægtet antal rækker med en værdi (ikke NaN)."""
        return float(self._w()[self.notna().to_numpy()].sum())

    def mean(self, *args, **kwargs):
        vaerdier = numpy.asarray(self.to_numpy(), dtype=numpy.float64)
        w = self._w()
        med = ~numpy.isnan(vaerdier)
        return float((vaerdier[med] * w[med]).sum() / w[med].sum()) if w[med].sum() else float("nan")

    def median(self, *args, **kwargs):
        return self.quantile(0.5)

    def quantile(self, q=0.5, *args, **kwargs):
        vaerdier = numpy.asarray(self.to_numpy(), dtype=numpy.float64)
        w = self._w()
        med = ~numpy.isnan(vaerdier)
        vaerdier, w = vaerdier[med], w[med]
        if not len(vaerdier):
            return float("nan")
        orden = numpy.argsort(vaerdier, kind="stable")
        kumuleret = numpy.cumsum(w[orden])
        return float(vaerdier[orden][numpy.searchsorted(kumuleret, q * kumuleret[-1])])

    def value_counts(self, *args, **kwargs):
        """Vægtet antal pr. værdi, størst først."""
        return pandas.Series(self._w(), index=self.index).groupby(self.to_numpy()).sum().sort_values(ascending=False)


class VaegtetGruppering:
    """`MikroSerie.groupby(...)`: vægtede summer, gennemsnit og antal pr. gruppe, med interval."""

    def __init__(self, serie, noegle):
        self.serie = serie
        noegle = noegle.reindex(serie.index) if isinstance(noegle, pandas.Series) else noegle
        self.noegle = numpy.asarray(noegle)
        if len(self.noegle) != len(serie):
            raise ValueError(f"groupby: nøglen har {len(self.noegle)} værdier, serien {len(serie)}")
        self.navne = sorted(pandas.unique(self.noegle), key=str)

    def _del(self, navn):
        return self.serie[self.noegle == navn]

    def sum(self):
        return pandas.Series({n: self._del(n).sum() for n in self.navne}, name=self.serie.name)

    def mean(self):
        return pandas.Series({n: self._del(n).mean() for n in self.navne}, name=self.serie.name)

    def count(self):
        return pandas.Series({n: self._del(n).count() for n in self.navne}, name=self.serie.name)

    def sum_95(self):
        """Tabel pr. gruppe: `sum`, `sum_95_nedre`, `sum_95_oevre` og `raekker` (uvægtede rækker
        med en værdi ≠ 0; under 30 er totalen usikker)."""
        raekker = []
        for n in self.navne:
            d = self._del(n)
            nedre, oevre = d.sum_95()
            vaerdier = numpy.nan_to_num(numpy.asarray(d.to_numpy(), dtype=numpy.float64))
            raekker.append({"gruppe": n, "sum": d.sum(), "sum_95_nedre": nedre, "sum_95_oevre": oevre,
                            "raekker": int((vaerdier != 0).sum())})
        return pandas.DataFrame(raekker).set_index("gruppe")
