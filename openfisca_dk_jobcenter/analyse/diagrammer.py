"""Diagrammer (PNG) til analytikerens notat: udgift pr. ordning før og efter, og en
varianters udgiftskurve."""

import matplotlib

matplotlib.use("Agg")  # ingen skærm: tegn til fil
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402

from openfisca_dk_jobcenter.analyse.skriv import atomisk_fil  # noqa: E402

MIO = 1e6


def udgift_pr_ordning(pr_ordning, sti, titel="Udgift pr. ordning"):
    """Søjler pr. ordning: grundlaget og hver reform, i mio. kr."""
    tabel = pr_ordning[pr_ordning["ordning"] != "I alt"]
    ordninger = list(dict.fromkeys(tabel["ordning"]))
    reformer = list(dict.fromkeys(tabel["reform"]))
    serier = [("Grundlag", tabel[tabel["reform"] == reformer[0]].set_index("ordning")["grundlag_kr"])]
    serier += [(r, tabel[tabel["reform"] == r].set_index("ordning")["reform_kr"]) for r in reformer]
    x = numpy.arange(len(ordninger))
    bredde = 0.8 / len(serier)
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(ordninger) + 2), 4.5), dpi=120)
    for i, (navn, serie) in enumerate(serier):
        hoejder = [serie.get(o, 0.0) / MIO for o in ordninger]
        ax.bar(x + (i - (len(serier) - 1) / 2) * bredde, hoejder, bredde, label=navn)
    ax.set_xticks(x, ordninger, rotation=15, ha="right")
    ax.set_ylabel("mio. kr. pr. år")
    ax.set_title(titel)
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    _gem(fig, sti)


def variantkurve(pr_ordning, vaerdier, parametersti, sti):
    """Samlet udgift (og pr. ordning) som funktion af parameterens værdi."""
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=120)
    navne = list(vaerdier)
    xs = [vaerdier[n] for n in navne]
    ax.plot(xs, [i_alt.loc[n, "reform_kr"] / MIO for n in navne], marker="o", label="I alt")
    for ordning in dict.fromkeys(pr_ordning.loc[pr_ordning["ordning"] != "I alt", "ordning"]):
        del_ = pr_ordning[pr_ordning["ordning"] == ordning].set_index("reform")
        ys = [del_.loc[n, "reform_kr"] / MIO for n in navne]
        if max(ys) - min(ys) > 1e-9:
            ax.plot(xs, ys, marker=".", linestyle="--", label=ordning)
    grundlag = i_alt["grundlag_kr"].iloc[0] / MIO
    ax.axhline(grundlag, color="grey", linewidth=0.8, linestyle=":", label="Grundlag")
    ax.set_xlabel(parametersti)
    ax.set_ylabel("mio. kr. pr. år")
    ax.set_title("Udgift efter parameterværdi")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    _gem(fig, sti)


def _gem(fig, sti):
    with atomisk_fil(sti, "wb") as f:
        fig.savefig(f, format="png")
    plt.close(fig)
