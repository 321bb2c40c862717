"""Kilderne, variablerne henviser til (deres `reference`), samlet ét sted.

Lovteksten først, så de officielle sider (STAR, Beskæftigelsesministeriet), så jobcentrenes og
kommunernes sider. Parametrenes kilder står i deres YAML-filer med en kildegrad pr. værdi
(docs/genereret/kilder.md).
"""

# ----- Lov om en aktiv beskæftigelsesindsats (LAB) -----

# LAB, lov nr. 548 af 7. maj 2019 (i kraft 1. januar 2020), på retsinformation.
LAB = "https://www.retsinformation.dk/eli/lta/2019/548"

# En paragraf eller et kapitel i LAB: elov.dk's side for netop den (den konsoliderede lov med én
# side pr. paragraf og pr. kapitel); retsinformations ELI-adresse ovenfor er hele loven. Henvisningens
# ord (stk., nr., "før 2020") står i variablens `documentation` under "Hjemmel".
ELOV_LAB = "https://www.elov.dk/lov-om-en-aktiv-beskaeftigelsesindsats"
# Den tidligere lov (LBK nr. 1342 af 21. november 2016): reglerne før 2020.
ELOV_LAB_2016 = "https://www.elov.dk/beskaeftigelsesindsatsloven"


def lab(paragraf):
    """elov.dk's side for LAB § `paragraf` (fx 155 eller '80a')."""
    return f"{ELOV_LAB}/paragraf/{paragraf}/"


def lab_kapitel(kapitel):
    """elov.dk's side for LAB kapitel `kapitel`."""
    return f"{ELOV_LAB}/kapitel/{kapitel}/"


def lab_2016(paragraf):
    """elov.dk's side for § `paragraf` i den tidligere lov (reglerne før 2020)."""
    return f"{ELOV_LAB_2016}/paragraf/{paragraf}/"


LAB_KAP_11 = lab_kapitel(11)  # virksomhedspraktik, §§ 60-65
LAB_KAP_12 = lab_kapitel(12)  # løntilskud, §§ 66-80
LAB_KAP_22 = lab_kapitel(22)  # jobrotation, §§ 149-153
LAB_KAP_23 = lab_kapitel(23)  # voksenlærlinge, §§ 154-160
LAB_153 = lab(153)  # ingen jobrotationsydelse ved godtgørelse

# Bekendtgørelse om en aktiv beskæftigelsesindsats (BEK nr. 2636 af 28. december 2021) § 86:
# bruttostøtteintensiteten for løntilskud til private arbejdsgivere over et år.
BEK_86 = "https://www.elov.dk/bekendtgorelse-om-en-aktiv-beskaeftigelsesindsats/paragraf/86/"
# L 238 (2020-21), som fremsat: LAB § 80 a, den midlertidige løntilskudsordning for langtidsledige
# seniorer (1. september 2021 – 31. december 2022).
L238_SENIOR = "https://ft.dk/samling/20201/lovforslag/l238/20201_l238_som_fremsat.htm"
# Den tidligere lov, kap. 12: løntilskud før 2020 (§ 51).
ELOV_GL_KAP_12 = f"{ELOV_LAB_2016}/kapitel/12/"

# ----- Styrelsen for Arbejdsmarked og Rekruttering (STAR) og Beskæftigelsesministeriet -----

STAR_JOBROTATION = "https://www.star.dk/indsatser-og-ordninger/virksomhedsrettede-redskaber/jobrotationsordningen/"
# Spørgsmål og svar om jobrotation, 15-03-21: forsøget for vikariater påbegyndt i 2021.
STAR_JOBROTATION_FORSOEG_2021 = (
    "https://www.star.dk/da/indsatser-og-ordninger/virksomhedsrettede-redskaber/jobrotationsordningen/spoergsmaal-og-svar/"
)
STAR_VOKSENLAERLING = "https://star.dk/indsatser-og-ordninger/uddannelsesindsats/voksenlaerlingeordningen/"
STAR_OPKVALIFICERING = (
    "https://star.dk/da/indsatser-og-ordninger/jobrettet-voksen-og-efteruddannelse-veu/uddannelser-for-ledige/"
    "ordninger-jobrettet-veu/opkvalificering-ved-ansaettelse/"
)
# Spørgsmål og svar om virksomhedspraktik, 9. marts 2020 (4 uger for jobparate).
STAR_PRAKTIK_SPOERGSMAAL = (
    "https://www.star.dk/da/indsatser-og-ordninger/virksomhedsrettede-redskaber/virksomhedspraktik/spoergsmaal-og-svar/"
)
# Overgangsreglerne i beskæftigelsesreformen 2015 (løntilskuddets varighed fra 1. januar 2015).
STAR_OVERGANG_2015 = (
    "http://star.dk/da/Indsatser-og-ordninger/Virksomhedsrettede-redskaber/Job-med-loentilskud/"
    "Overgangsregler%20i%20Beskaeftigelsesreformen.aspx"
)
# Beskæftigelsesministeriet, aftalen af 28. maj 2021 om langtidsledige: 20 kr. ekstra i timen til
# løntilskud for langtidsledige over 50 år (seniorordningen, LAB § 80 a).
BM_AFTALE_LANGTIDSLEDIGE_2021 = (
    "https://bm.dk/arbejdsomraader/politiske-aftaler/politiske-aftaler/2021/"
    "aftale-om-tiltag-maalrette-langtidsledige-under-coronakrisen/"
)
# Beskæftigelsesministeriet, Satser for 2018: løntilskud og jobrotationsydelse.
BM_SATSER_2018 = (
    "https://bm.dk/ydelser-satser/satser-for-2018/"
    "loentilskud-jobrotationsydelse-prisloft-paa-6-ugers-jobrettet-uddannelse-og-raadighedsbeloeb/"
)

# ----- Jobcentre og kommuner -----

# Københavns Kommune, Refusion for privat løntilskud (bruttostøtteintensitet 50 pct. over et år) og
# Støtteberegneren (hvad de samlede lønomkostninger er).
KK_PRIVAT_LOENTILSKUD = "https://www.kk.dk/indhold/refusion-privat-l%C3%B8ntilskud"
KK_STOETTEBEREGNER = "https://www.kk.dk/artikel/st%C3%B8tteberegneren"

# Jobcenter Aalborg, Jobcenter for erhverv: voksenlærling, virksomhedspraktik, løntilskud,
# opkvalificering ved ansættelse (udateret side).
AALBORG = "https://www.aalborg.dk/erhverv/jobcenter-for-erhverv"
# Jobcenter Høje-Taastrup, Jobrotation (side fra 14. marts 2017): jobrotation og løntilskud.
HOEJE_TAASTRUP = "https://www.htk.dk/erhverv/jobcenter-for-erhverv/jobrotation"
FREDERIKSBERG_PRAKTIK = (
    "https://www.frederiksberg.dk/job-og-ledighed/kurser-uddannelse-og-virksomhedsforloeb/"
    "loentilskud-virksomhedspraktik-og-jobrotation/virksomhedspraktik"
)
KOEBENHAVN_PRAKTIK = "https://www.kk.dk/indhold/om-virksomhedspraktik"
# Rødovre Kommune, opkvalificering ved ansættelse i ordinært job (regional uddannelsespulje).
ROEDOVRE_OPKVALIFICERING = "https://www.rk.dk/jobcenter/borger/uddannelse/opkvalificering-ved-ansaettelse-i-ordinaert-job"

# ----- Lov nr. 1750 af 29. december 2025 (beskæftigelsesreformens første fase) og ældre STAR-sider -----

# Lov nr. 1750 af 29. december 2025 (L 66, 2025/1): afskaffelse af jobrotation.
LOV_1750 = "https://www.retsinformation.dk/eli/lta/2025/1750"
# STAR, spørgsmål fra webinar 21. januar 2026: lov nr. 1750 i kraft 1. februar og 1. juli 2026.
STAR_REFORM_WEBINAR = "https://star.dk/implementering/beskaeftigelsesreform/svar-paa-spoergsmaal-fra-webinar-den-21-januar-2026"
# Cabi, overblik over reformen: hvornår der ikke længere bevilges nye forløb; igangsatte kan gennemføres.
CABI_REFORM = "https://www.cabiweb.dk/temaer/den-aktive-beskaeftigelsesindsats/beskaeftigelsesreformen-2026-2027"
# STAR's voksenlærlingeside i 2015-udgaven (beskæftigelsesreformen) og 2018-udgaven (forsøget 1. april 2018).
STAR_VOKSENLAERLING_2015 = "http://star.dk/da/Indsatser-og-ordninger/Voksenlaerling.aspx"
STAR_VOKSENLAERLING_2018 = "https://star.dk/indsatser-og-ordninger/virksomhedsrettede-redskaber/voksenlaerling/"
# info.jobnet.dk (STAR), Tilskud til voksenlærlinge: forsøgene 1. august 2020 – 31. december 2021.
STAR_JOBNET_VOKSENLAERLING = "https://info.jobnet.dk/arbejdsgiver/fakta-om-jobcentrenes-tilbud/tilskud-til-voksenlaerlinge/"
# STAR's nyhed 27. juni 2023 om evalueringen af de tre forsøg med voksenlærlingeordningen siden august 2020.
STAR_VOKSENLAERLING_FORSOEG_EVALUERING = (
    "https://star.dk/om-styrelsen/nyt/nyheder/2023/06/ny-evaluering-af-forsoeg-med-voksenlaerlingeordningen/"
)
