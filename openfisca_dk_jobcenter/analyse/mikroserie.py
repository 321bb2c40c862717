"""En vægtet serie som PolicyEngines MicroSeries: en pandas Series med en vægt pr. række, hvor
`sum()`, `mean()`, `median()`, `count()` og `value_counts()` er vægtede, og en sammenligning
(`s > 0`) giver en ny vægtet serie, så `(s > 0).sum()` er et vægtet antal.

Vægtene følger indekset (person- eller virksomheds-id), så et udsnit (`s[s > 0]`) beholder de
rigtige vægte. `s.uvaegtet` er den almindelige Series (én række = én række).
"""

import numpy
import pandas


class MikroSerie(pandas.Series):
    _metadata = ["vaegte"]

    def __init__(self, *args, vaegte=None, **kwargs):
        super().__init__(*args, **kwargs)
        if vaegte is not None:
            self.vaegte = pandas.Series(numpy.asarray(vaegte, dtype=numpy.float64), index=self.index)
        elif not isinstance(getattr(self, "vaegte", None), pandas.Series):
            self.vaegte = None

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
