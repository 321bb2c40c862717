// Forklaringen af et svar ud fra /trace: regnestykket bag et beløb (satsens parameter, paragraf
// og kildegrad), de antagne værdier, en måned bygger på, og betingelserne bag et afslag.
// Alt læses af /trace's træ og /parameter/<id>; siden regner ikke selv beløbet.
import { datotekst, delTraceNavn, el, hent, kr, tal } from "./faelles.js";

export const KILDEGRAD = { verificeret: "Verificeret", sekundaer: "Sekundær", antaget: "Antaget" };

// Værdien af en variabel i /trace for måneden (eller uden periode), for entitetens nummer.
export function vaerdiITrace(trace, navn, maaned, nr) {
  const node = trace[`${navn}<${maaned}>`] || trace[`${navn}<ETERNITY>`];
  return node?.value?.[nr];
}

// De parametre, en variabel slog op i måneden: [{noegle, id, dato, vaerdi}].
function laesteParametre(trace, navn, maaned) {
  return Object.entries(trace[`${navn}<${maaned}>`]?.parameters || {}).map(([noegle, vaerdi]) => {
    const [id, dato] = delTraceNavn(noegle);
    return { noegle, id, dato, vaerdi };
  });
}

// Parameteren, satsen i regnestykket kommer fra i måneden: den første i `satsvalg`, hvis
// betingelser holder, når dens værdi er satsen; ellers den læste parameter med satsens værdi.
export function satsParameter(trace, rs, maaned, nr) {
  const laest = laesteParametre(trace, rs.sats, maaned);
  const sats = Number(vaerdiITrace(trace, rs.sats, maaned, nr(rs.sats_entitet)));
  if (!laest.length || !sats) return null;
  const holder = (b) => String(vaerdiITrace(trace, b.variabel, maaned, nr(b.entitet))) === String(b.vaerdi);
  const valgt = (rs.satsvalg || []).find((v) => v.naar.every(holder));
  // Beregnede værdier er 32-bit tal (203,17 bliver 203,1699981…): sammenlign med en lille tolerance.
  const samme = (p) => Math.abs(Number(p.vaerdi) - sats) < 0.005;
  const kandidat = valgt && laest.find((p) => p.id === valgt.parameter);
  if (kandidat && samme(kandidat)) return kandidat;
  return laest.find(samme) || null;
}

// De antagne værdier (kildegrad "antaget"), månedens beløb bygger på: parametre læst på en dag i
// måneden i ordningens egen beregning. Træet følges ikke ind i andre ordningers beløb og
// betingelser (samspillet mellem ordningerne), og satser, formlen læste, men ikke valgte, tæller
// ikke. Den valgte sats tæller altid.
export function antagneVaerdier(trace, kildegrader, rod, maaned, { stop, udelad, sats }) {
  const fundet = new Map();
  const set = new Set();
  const tilfoej = (noegle, vaerdi) => {
    const [id, dato] = delTraceNavn(noegle);
    if (kildegrader?.[noegle] === "antaget" && !udelad.has(noegle) && dato.startsWith(maaned)) fundet.set(noegle, { id, dato, vaerdi });
  };
  const gaa = (noegle) => {
    if (set.has(noegle) || !trace[noegle]) return;
    set.add(noegle);
    if (noegle !== rod && stop.has(delTraceNavn(noegle)[0])) return;
    for (const [p, v] of Object.entries(trace[noegle].parameters || {})) tilfoej(p, v);
    for (const d of trace[noegle].dependencies || []) gaa(d);
  };
  gaa(rod);
  if (sats && kildegrader?.[sats.noegle] === "antaget") fundet.set(sats.noegle, { id: sats.id, dato: sats.dato, vaerdi: sats.vaerdi });
  return fundet;
}

// Satserne, formlen for satsen læste i måneden, undtagen den valgte (de tæller ikke som grundlag).
export function ikkeValgteSatser(trace, rs, maaned, valgt) {
  if (!rs?.sats) return new Set();
  return new Set(laesteParametre(trace, rs.sats, maaned).map((p) => p.noegle).filter((n) => n !== valgt?.noegle));
}

// En betingelse, hvis egen formel læser en kontakt (en ja/nej-parameter), der er slået fra på
// datoen, gælder ikke da (fx et forsøg uden for sine datoer): den vises ikke blandt betingelserne.
export function gaelderIkke(trace, noegle) {
  const parametre = Object.values(trace[noegle]?.parameters || {});
  return parametre.length > 0 && parametre.every((v) => v === false);
}

// Hvad der er antaget, og hvorfor: værdiens egen kilde fra /parameter/<id> (fx "den nye hovedlov
// ... ventet i kraft 1. januar 2027 ... værdien fra 2026 videreføres").
export async function antagneNote(antagne, hvad = "beløbet") {
  // Værdier med samme dato og samme kilde (fx alle uddannelser i faelles.faglaert, ført videre ind
  // i 2027 af samme grund) står i ét punkt, så grunden står én gang.
  const grupper = new Map();
  for (const [id, v] of antagne) {
    const data = await hent(`/parameter/${id}`).catch(() => null);
    const datoer = Object.keys(data?.values || {}).filter((d) => d <= v.dato).sort();
    const fra = datoer.at(-1);
    const kilde = fra ? data.vaerdikilder?.[fra] : null;
    const noegle = `${fra}|${kilde}`;
    if (!grupper.has(noegle)) grupper.set(noegle, { fra, kilde, vaerdier: [] });
    grupper.get(noegle).vaerdier.push(
      { id, led: [el("a", { href: `/regler#parameter/${id}`, tekst: data?.description || id }), ` = ${visTal(v.vaerdi, data?.metadata?.unit)}`] });
  }
  const punkter = [...grupper.values()].map(({ fra, kilde, vaerdier }) =>
    el("li", { "data-antaget-parameter": vaerdier.map((x) => x.id).join(" ") },
      vaerdier.flatMap((x, i) => (i ? ["; ", ...x.led] : x.led)),
      fra ? ` (${vaerdier.length > 1 ? "værdierne" : "værdien"} fra ${datotekst(fra)})` : "", kilde ? `: ${kilde}` : ""));
  return el("div", { klasse: "antaget-note" },
    el("p", {}, el("strong", { tekst: "* Antagne værdier. " }),
      `Modellen har ikke fundet disse værdier i en kilde for månederne: de er ført videre fra tidligere eller antaget, og ${hvad} er derfor usikkert, indtil reglerne kendes.`),
    el("ul", { klasse: "kilder" }, punkter));
}

function visTal(v, enhed) {
  if (v === true) return "Ja";
  if (v === false) return "Nej";
  if (typeof v === "string") return v.replaceAll("_", " ");
  return enhed === "currency-DKK" ? kr(v) : tal(v);
}

