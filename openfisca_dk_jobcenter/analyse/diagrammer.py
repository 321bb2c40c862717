"""Diagrammer (PNG) til analytikerens notat: udgift pr. ordning før og efter, en varianters
udgiftskurve og en årsserie. Titlen nævner år, befolkning, rækker og vægtede personer; akserne
har ord og enheder; forklaringerne er ord, ikke `sti=værdi`."""

import matplotlib

matplotlib.use("Agg")  # ingen skærm: tegn til fil
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402

from openfisca_dk_jobcenter.analyse.tabel import antal, enhed  # noqa: E402

MIO = 1e6


def undertitel(koersel):
    return (
        f"{koersel['aar']} · {koersel['befolkning']} · {antal(koersel['raekker'])} rækker "
        f"≈ {antal(koersel['vaegtede_personer'])} personer (vægtet)"
    )


def udgift_pr_ordning(pr_ordning, sti, koersel, uden_kroner=(), titel="Udgift pr. ordning, landstal"):
    """Søjler pr. ordning med kroner: grundlaget og hver reform, i mio. kr.; ordninger uden
    kroner (virksomhedspraktik) vises ved siden af med deltagere."""
    tabel = pr_ordning[pr_ordning["ordning"] != "I alt"]
    ordninger = [o for o in dict.fromkeys(tabel["ordning"]) if o not in uden_kroner]
    deltagerordninger = [o for o in dict.fromkeys(tabel["ordning"]) if o in uden_kroner]
    reformer = list(dict.fromkeys(tabel["reform"]))
    kun_grundlag = reformer == ["Grundlag"]
    serier = [("Grundlag (gældende regler)", tabel[tabel["reform"] == reformer[0]].set_index("ordning"), "grundlag")]
    if not kun_grundlag:
        serier += [(f"Reform: {r}", tabel[tabel["reform"] == r].set_index("ordning"), "reform") for r in reformer]
    bredde_ratio = [max(len(ordninger), 1), max(len(deltagerordninger), 0.001)]
    fig, akser = plt.subplots(1, 2 if deltagerordninger else 1, figsize=(max(7, 1.7 * (len(ordninger) + len(deltagerordninger)) + 2), 5),
                              dpi=120, gridspec_kw={"width_ratios": bredde_ratio} if deltagerordninger else None, squeeze=False)
    ax = akser[0][0]
    x = numpy.arange(len(ordninger))
    bredde = 0.8 / len(serier)
    for i, (navn, del_, hvad) in enumerate(serier):
        hoejder = [del_[f"{hvad}_kr"].get(o, 0.0) / MIO for o in ordninger]
        ax.bar(x + (i - (len(serier) - 1) / 2) * bredde, hoejder, bredde, label=navn)
    ax.set_xticks(x, ordninger, rotation=15, ha="right")
    ax.set_ylabel("mio. kr. pr. år")
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    if deltagerordninger:
        ax2 = akser[0][1]
        x2 = numpy.arange(len(deltagerordninger))
        for i, (navn, del_, hvad) in enumerate(serier):
            kolonne = "modtagere_grundlag" if hvad == "grundlag" else "modtagere_reform"
            hoejder = [float(del_[kolonne].get(o, 0) or 0) for o in deltagerordninger]
            ax2.bar(x2 + (i - (len(serier) - 1) / 2) * bredde, hoejder, bredde, label=navn)
        ax2.set_xticks(x2, deltagerordninger, rotation=15, ha="right")
        ax2.set_ylabel("deltagere i året (ingen udgift)")
        ax2.grid(axis="y", alpha=0.3)
    fig.suptitle(f"{titel}\n{undertitel(koersel)}", fontsize=10)
    fig.tight_layout()
    _gem(fig, sti)


def variantkurve(pr_ordning, vaerdier, parametersti, sti, koersel, system):
    """Samlet udgift (og pr. ordning, der ændrer sig) som funktion af parameterens værdi, med
    parameterens beskrivelse og enhed på aksen og dagens værdi markeret."""
    from openfisca_dk_jobcenter.analyse.forbehold import _find

    parameter = _find(system.parameters, parametersti)
    beskrivelse = parameter.description if parameter is not None and parameter.description else parametersti
    enhed_ = enhed(parameter)
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=120)
    navne = list(vaerdier)
    xs = [vaerdier[n] for n in navne]
    # En sand/falsk- eller kategori-parameter: værdierne som tekst på en kategorisk akse.
    kategorisk = any(isinstance(x, bool | str) for x in xs)
    if kategorisk:
        from openfisca_dk_jobcenter.analyse.tabel import parametervaerdi

        xs = [parametervaerdi(x) for x in xs]
    ax.plot(xs, [i_alt.loc[n, "reform_kr"] / MIO for n in navne], marker="o", label="Alle ordninger i alt")
    for ordning in dict.fromkeys(pr_ordning.loc[pr_ordning["ordning"] != "I alt", "ordning"]):
        del_ = pr_ordning[pr_ordning["ordning"] == ordning].set_index("reform")
        ys = [del_.loc[n, "reform_kr"] / MIO for n in navne]
        if max(ys) - min(ys) > 1e-9:
            ax.plot(xs, ys, marker=".", linestyle="--", label=ordning)
    grundlag = i_alt["grundlag_kr"].iloc[0] / MIO
    ax.axhline(grundlag, color="grey", linewidth=0.8, linestyle=":", label="Udgift med gældende regler")
    if parameter is not None and not kategorisk:
        try:
            i_dag = float(parameter(f"{koersel['aar']}-01-01"))
        except (TypeError, ValueError):
            i_dag = None
        if i_dag is not None:
            ax.axvline(i_dag, color="black", linewidth=0.8, linestyle="--",
                       label=f"Gældende værdi {koersel['aar']}: {i_dag:g} {enhed_}".rstrip())
    ax.set_xlabel(_ombryd(f"{beskrivelse} ({enhed_})" if enhed_ else beskrivelse))
    ax.set_ylabel("mio. kr. pr. år")
    ax.set_title(f"Udgift efter parameterværdi\n{undertitel(koersel)}", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    _gem(fig, sti)


def aarsserie(serie, sti, koersel):
    """Udgift i alt pr. år: grundlaget og hver reform."""
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=120)
    i_alt = serie[serie["ordning"] == "I alt"]
    reformer = list(dict.fromkeys(i_alt["reform"]))
    foerste = i_alt[i_alt["reform"] == reformer[0]]
    ax.plot(foerste["aar"], foerste["grundlag_kr"] / MIO, marker="o", label="Grundlag (gældende regler)")
    for r in reformer:
        if r == "Grundlag":
            continue
        del_ = i_alt[i_alt["reform"] == r]
        ax.plot(del_["aar"], del_["reform_kr"] / MIO, marker="o", linestyle="--", label=f"Reform: {r}")
    ax.set_xticks(sorted(set(i_alt["aar"])))
    ax.set_xlabel("år")
    ax.set_ylabel("mio. kr. pr. år, alle ordninger")
    ax.set_title(f"Udgift pr. år\n{koersel['befolkning']} · {antal(koersel['raekker'])} rækker pr. år, vægtet til arbejdsstyrken",
                 fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    _gem(fig, sti)


def _ombryd(tekst, bredde=70):
    ord_, linjer, linje = tekst.split(), [], ""
    for o in ord_:
        if len(linje) + len(o) + 1 > bredde and linje:
            linjer.append(linje)
            linje = o
        else:
            linje = f"{linje} {o}".strip()
    return "\n".join([*linjer, linje])


def _gem(fig, sti):
    # Diagrammerne skrives i resultatsættets midlertidige mappe (atomisk.atomisk_mappe).
    fig.savefig(sti, format="png")
    plt.close(fig)
