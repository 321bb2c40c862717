"""Diagrammer (PNG) til analytikerens notat: udgift pr. ordning før og efter, en varianters
udgiftskurve og en årsserie. Titlen nævner år, befolkning, rækker og vægtede personer; akserne
har ord og enheder (dansk tusindtalspunktum og decimalkomma) og begynder i 0; søjlerne har
deres værdi og 95 %-interval (fejlstreger); en ordning, reformen afskaffer, eller en total med
for få rækker, står skrevet ved søjlen; en kildelinje nederst nævner modellens version, reglernes
år, befolkningen og rækkerne; forklaringerne er ord, ikke `sti=værdi`."""

import re
from importlib import metadata

import matplotlib

matplotlib.use("Agg")  # ingen skærm: tegn til fil
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from openfisca_dk_jobcenter.analyse.tabel import FAA_RAEKKER, antal, enhed  # noqa: E402

MIO = 1e6


def dansk(vaerdi, decimaler=0):
    """1234567.8 → '1.234.567,8' (dansk tusindtalspunktum og decimalkomma)."""
    return f"{vaerdi:,.{decimaler}f}".replace(",", "X").replace(".", ",").replace("X", ".")


DANSK_AKSE = FuncFormatter(lambda v, _: dansk(v, 0 if abs(v) >= 10 or float(v).is_integer() else 1))


def befolkning_tekst(koersel):
    """Befolkningen i ord: 'syntetisk (seed 2026)' bliver 'syntetisk befolkning (trækning 2026)'."""
    return re.sub(r"syntetisk \(seed (\d+)\)", r"syntetisk befolkning (trækning \1)", str(koersel["befolkning"]))


def undertitel(koersel):
    return (
        f"{koersel['aar']} · {befolkning_tekst(koersel)} · {antal(koersel['raekker'])} rækker "
        f"≈ {antal(koersel['vaegtede_personer'])} personer (vægtet)"
    )


def kildelinje(koersel, aar=None):
    """'Kilde: openfisca-dk-jobcenter 0.5.0, regler for 2026; befolkning …; fejlstreger: …'."""
    try:
        version = metadata.version("openfisca-dk-jobcenter")
    except metadata.PackageNotFoundError:
        version = "(version ukendt)"
    aar = aar or koersel["aar"]
    interval = "stikprøvens 95 %-interval" if koersel.get("replikatgrupper", 0) >= 2 else "hele populationen, intet stikprøveinterval"
    return (
        f"Kilde: openfisca-dk-jobcenter {version}, regler i kraft i {aar}; {befolkning_tekst(koersel)}, "
        f"{antal(koersel['raekker'])} rækker ≈ {antal(koersel['vaegtede_personer'])} personer. "
        f"Fejlstreger: {interval} (ikke modellens antagelser)."
    )


def _kilde(fig, koersel, aar=None):
    fig.text(0.01, 0.01, _ombryd(kildelinje(koersel, aar), 130), fontsize=7, color="#444444", ha="left", va="bottom")


def _fejl(del_, kolonne, ordninger, skala):
    """Asymmetriske fejlstreger (2 × n) fra intervallets kolonner; 0 uden interval."""
    nedre, oevre = f"{kolonne}_95_nedre", f"{kolonne}_95_oevre"
    if nedre not in del_.columns:
        return None
    rad = []
    for o in ordninger:
        v = float(del_[kolonne].get(o, 0) or 0)
        lo = del_[nedre].get(o, v)
        hi = del_[oevre].get(o, v)
        lo = v if lo is None or lo != lo else float(lo)
        hi = v if hi is None or hi != hi else float(hi)
        rad.append(((v - lo) / skala, (hi - v) / skala))
    return numpy.array(rad).T.clip(min=0)


def _note(del_, o, hvad, hoejde, grundlag_del):
    """Hvorfor en søjle er tom (reformen afskaffer ordningen, eller ingen rækker), eller at den
    hviler på under FAA_RAEKKER rækker; None ellers."""
    raekker = del_["raekker_reform" if hvad == "reform" else "raekker_grundlag"].get(o) if "raekker_grundlag" in del_ else None
    raekker = None if raekker is None or raekker != raekker else int(raekker)
    if hvad == "reform" and hoejde == 0 and float(grundlag_del["grundlag_kr"].get(o, 0) or 0) > 0:
        return "afskaffet i reformen"
    if hoejde == 0 and raekker == 0:
        return "ingen rækker i befolkningen"
    if raekker is not None and raekker < FAA_RAEKKER:
        return f"få rækker ({raekker})"
    return None


def _skriv_noter(ax, x, ordninger, serier_data, grundlag_del):
    """Én note pr. ordning over dens søjler (forskellige noter under hinanden)."""
    top = ax.get_ylim()[1]
    for xi, o in zip(x, ordninger, strict=True):
        noter = dict.fromkeys(t for del_, hvad, hoejder, oevre in serier_data
                              if (t := _note(del_, o, hvad, hoejder[o], grundlag_del)))
        if noter:
            hoejst = max(max(hoejder[o], oevre[o]) for _, _, hoejder, oevre in serier_data)
            ax.text(xi, hoejst + top * 0.06, "\n".join(noter), ha="center", va="bottom", fontsize=7, color="#aa3300")


def _vaerdier_paa_soejler(ax, xs, hoejder, decimaler, smalle=False):
    """Værdien i søjlen (hvid, lodret i smalle søjler), eller over den (sort), når søjlen er for
    lav til teksten."""
    top = ax.get_ylim()[1]
    for xi, h in zip(xs, hoejder, strict=True):
        if not h:
            continue
        if h > 0.12 * top:
            ax.text(xi, h / 2, dansk(h, decimaler), ha="center", va="center", fontsize=7, color="white", fontweight="bold",
                    rotation=90 if smalle or len(dansk(h, decimaler)) > 6 else 0)
        else:
            ax.text(xi, h + top * 0.005, dansk(h, decimaler), ha="center", va="bottom", fontsize=7)


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
                              dpi=120, gridspec_kw={"width_ratios": bredde_ratio} if deltagerordninger else None, squeeze=False,
                              layout="none")
    ax = akser[0][0]
    bredde = 0.8 / len(serier)
    grundlag_del = serier[0][1]
    akser_data = []
    for akse_nr, (akse, navne, skala, decimaler) in enumerate(
        [(ax, ordninger, MIO, 1)] + ([(akser[0][1], deltagerordninger, 1, 0)] if deltagerordninger else [])
    ):
        xa = numpy.arange(len(navne))
        serier_data, soejler = [], []
        for i, (navn, del_, hvad) in enumerate(serier):
            kolonne = f"{hvad}_kr" if akse_nr == 0 else ("modtagere_grundlag" if hvad == "grundlag" else "modtagere_reform")
            hoejder = [float(del_[kolonne].get(o, 0.0) or 0) / skala for o in navne]
            fejl = _fejl(del_, kolonne, navne, skala)
            xs = xa + (i - (len(serier) - 1) / 2) * bredde
            akse.bar(xs, hoejder, bredde, label=navn, yerr=fejl, error_kw={"elinewidth": 1, "capsize": 3, "ecolor": "#333333"})
            oevre = hoejder if fejl is None else [h + f for h, f in zip(hoejder, fejl[1], strict=True)]
            serier_data.append((del_, hvad, dict(zip(navne, hoejder, strict=True)), dict(zip(navne, oevre, strict=True))))
            soejler.append((xs, hoejder))
        akse.set_xticks(xa, navne, rotation=15, ha="right")
        akse.yaxis.set_major_formatter(DANSK_AKSE)
        top = max([max(o.values()) for *_, o in serier_data] + [1e-9])
        akse.set_ylim(0, top * 1.15)  # aksen fra 0, plads over søjlerne til noterne
        akse.grid(axis="y", alpha=0.3)
        for xs, hoejder in soejler:
            _vaerdier_paa_soejler(akse, xs, hoejder, decimaler, smalle=len(serier) > 2)
        akser_data.append((akse, xa, navne, serier_data))
    ax.set_ylabel("mio. kr. pr. år")
    ax.legend(fontsize=8)
    if deltagerordninger:
        akser[0][1].set_ylabel("deltagere i året (ingen udgift)")
    for akse, xa, navne, serier_data in akser_data:
        _skriv_noter(akse, xa, navne, serier_data, grundlag_del)
    fig.suptitle(f"{titel}\n{undertitel(koersel)}", fontsize=10)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    _kilde(fig, koersel)
    _gem(fig, sti)


def variantkurve(pr_ordning, vaerdier, parametersti, sti, koersel, system):
    """Samlet udgift (og pr. ordning, der ændrer sig) som funktion af parameterens værdi, med
    parameterens beskrivelse og enhed på aksen og dagens værdi markeret."""
    from openfisca_dk_jobcenter.analyse.forbehold import _find

    parameter = _find(system.parameters, parametersti)
    beskrivelse = parameter.description if parameter is not None and parameter.description else parametersti
    enhed_ = enhed(parameter)
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=120, layout="none")
    navne = list(vaerdier)
    xs = [vaerdier[n] for n in navne]
    # En sand/falsk- eller kategori-parameter: værdierne som tekst på en kategorisk akse.
    kategorisk = any(isinstance(x, bool | str) for x in xs)
    if kategorisk:
        from openfisca_dk_jobcenter.analyse.tabel import parametervaerdi

        xs = [parametervaerdi(x) for x in xs]
    ys = numpy.array([i_alt.loc[n, "reform_kr"] / MIO for n in navne], dtype=float)
    fejl = None
    if "reform_kr_95_nedre" in i_alt.columns:
        fejl = numpy.array([ys - [i_alt.loc[n, "reform_kr_95_nedre"] / MIO for n in navne],
                            [i_alt.loc[n, "reform_kr_95_oevre"] / MIO for n in navne] - ys], dtype=float).clip(min=0)
    ax.errorbar(xs, ys, yerr=fejl, marker="o", capsize=3, label="Alle ordninger i alt (95 %-interval)")
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
    ax.yaxis.set_major_formatter(DANSK_AKSE)
    ax.set_ylim(bottom=0)
    ax.set_title(f"Udgift efter parameterværdi\n{undertitel(koersel)}", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    _kilde(fig, koersel)
    _gem(fig, sti)


def aarsserie(serie, sti, koersel):
    """Udgift i alt pr. år: grundlaget og hver reform, med 95 %-interval og aksen fra 0."""
    fig, ax = plt.subplots(figsize=(7.5, 5.4), dpi=120, layout="none")
    i_alt = serie[serie["ordning"] == "I alt"]
    reformer = list(dict.fromkeys(i_alt["reform"]))
    foerste = i_alt[i_alt["reform"] == reformer[0]]
    linjer = [("Grundlag (gældende regler)", foerste, "grundlag_kr", "-")]
    linjer += [(f"Reform: {r}", i_alt[i_alt["reform"] == r], "reform_kr", "--") for r in reformer if r != "Grundlag"]
    for navn, del_, kolonne, stil in linjer:
        y = del_[kolonne].to_numpy(dtype=float) / MIO
        fejl = None
        if f"{kolonne}_95_nedre" in del_.columns:
            fejl = numpy.array([y - del_[f"{kolonne}_95_nedre"].to_numpy(dtype=float) / MIO,
                                del_[f"{kolonne}_95_oevre"].to_numpy(dtype=float) / MIO - y]).clip(min=0)
        ax.errorbar(del_["aar"], y, yerr=fejl, marker="o", linestyle=stil, capsize=3, label=navn)
        for a, v in zip(del_["aar"], y, strict=True):
            ax.annotate(dansk(v, 0), (a, v), textcoords="offset points", xytext=(6, 6), fontsize=7)
    ax.set_xticks(sorted(set(i_alt["aar"])))
    ax.set_xlabel("år")
    ax.set_ylabel("mio. kr. pr. år, alle ordninger")
    ax.yaxis.set_major_formatter(DANSK_AKSE)
    ax.set_ylim(bottom=0)
    ax.set_title(f"Udgift pr. år\n{befolkning_tekst(koersel)} · {antal(koersel['raekker'])} rækker pr. år, "
                 "vægtet til arbejdsstyrken", fontsize=10)
    ax.legend(fontsize=8, loc="lower left")
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    aar = sorted(set(i_alt["aar"]))
    _kilde(fig, koersel, f"{aar[0]}-{aar[-1]}" if len(aar) > 1 else aar[0])
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
    # `tight_layout` efterlader en pladsholder som layoutmotor, og med en motor tegner savefig
    # figuren to gange (en prøvetegning til layoutet); layoutet er lavet, så motoren fjernes. Uden
    # brugerens matplotlib-indstillinger (figurerne laves med `layout="none"` af samme grund): med
    # `figure.autolayout` ville `None` give en ny motor, der lagde figuren om uden plads til
    # kildelinjen.
    with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    fig.savefig(sti, format="png")
    plt.close(fig)
