// Regeloversigten: alle parametre og variabler fra /parameters og /variables, søgbare, med detaljer
// fra /parameter/<id> og /variable/<id>, og afhængigheder fra /trace.
import { datotekst, delTraceNavn, denneMaaned, el, hent, kildeliste, kr, maanedsnavn, send, tal } from "./faelles.js";

const soeg = document.getElementById("soeg");
const fundne = document.getElementById("fundne");
const antalFundet = document.getElementById("antal-fundet");
const detalje = document.getElementById("detalje");
let indeks = [];
let reg;

const ascii = (s) => s.toLowerCase().replaceAll("æ", "ae").replaceAll("ø", "oe").replaceAll("å", "aa");

async function bygIndeks() {
  const [parametre, variabler] = await Promise.all([hent("/parameters"), hent("/variables")]);
  indeks = [
    ...Object.entries(parametre).map(([id, p]) => ({ slags: "parameter", id, beskrivelse: p.description || "", ekstra: "" })),
    ...Object.entries(variabler).map(([id, v]) => ({ slags: "variabel", id, beskrivelse: v.description || "", ekstra: "" })),
  ];
  indeks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));  // navnene er ASCII: ikke dansk "aa" = "å"
}

// Kilder og paragraffer bliver søgbare, efterhånden som detaljerne er hentet (i baggrunden).
async function hentDetaljerIBaggrunden() {
  const koe = [...indeks];
  const arbejder = async () => {
    while (koe.length) {
      const post = koe.shift();
      try {
        const d = await hent(post.slags === "parameter" ? `/parameter/${post.id}` : `/variable/${post.id}`);
        const refs = post.slags === "parameter" ? d.metadata?.reference : d.references;
        post.ekstra = JSON.stringify(refs || "") + (d.documentation || "");
      } catch { /* detaljen vises med sin egen fejl, når den åbnes */ }
    }
    visListe();
  };
  await Promise.all([arbejder(), arbejder(), arbejder(), arbejder()]);
}

function visListe() {
  const q = soeg.value.trim();
  const slags = document.querySelector('input[name="slags"]:checked').value;
  const ord = q ? [q.toLowerCase(), ascii(q)] : [];
  const valgt = location.hash.slice(1);
  const liste = indeks.filter((p) => (slags === "alle" || p.slags === slags)
    && (!ord.length || ord.some((o) => `${p.id} ${p.beskrivelse} ${p.ekstra}`.toLowerCase().includes(o))));
  fundne.replaceChildren(...liste.map((p) => el("li", {},
    el("a", { href: `#${p.slags}/${p.id}`, "aria-current": valgt === `${p.slags}/${p.id}` ? "true" : undefined },
      el("span", { klasse: "slags", tekst: p.slags === "parameter" ? "Parameter " : "Variabel " }), el("code", { tekst: p.id }), el("br"), p.beskrivelse))));
  antalFundet.textContent = `${liste.length} af ${indeks.length} regler vist.`;
}

// --- Hvem bruger hvad: hver ordnings beløb, berettigelse og afslagsgrund sporet med /trace. ---
let brug;
function traceMaaneder() {
  const ms = [];
  for (let aar = 2015; aar <= Number(denneMaaned().slice(0, 4)); aar++) ms.push(`${aar}-07`);
  ms.push(denneMaaned());
  return [...new Set(ms)];
}

async function traceOrdning(o, maaneder) {
  const p = {};
  const v = { ansatte: ["p"] };
  for (const [navn, entitet] of [[o.tilskud, o.tilskud_entitet], [o.berettiget, o.berettiget_entitet], [o.afslagsgrund, o.afslagsgrund_entitet]]) {
    if (navn) (entitet === "virksomhed" ? v : p)[navn] = Object.fromEntries(maaneder.map((m) => [m, null]));
  }
  return send("/trace", { personer: { p }, virksomheder: { v } });
}

// Hvem bruger hvad. En ordnings beregning læser også andre ordningers beløb (samspillet: de samme
// timer giver kun ét tilskud; løntilskuddet spørger, om timerne giver voksenlærlingetilskud). Det,
// der kun nås gennem en anden ordnings beløb eller betingelser, er den anden ordnings regel: det
// tæller som "læst gennem samspillet" med navnet på den ordning, det blev læst gennem, ikke som brugt.
function ordningsvariabler(o) {
  return [o.tilskud, o.berettiget, o.afslagsgrund, o.kollega_afslagsgrund].filter(Boolean);
}

async function brugskort() {
  if (brug) return brug;
  brug = (async () => {
    reg = reg || await hent("/webside/ordninger.json");
    const ejer = new Map();  // variabel -> ordningen, hvis beløb eller betingelse den er
    for (const o of reg.ordninger) for (const n of ordningsvariabler(o)) if (!ejer.has(n)) ejer.set(n, o.navn);
    const kort = { parametre: new Map(), afhaenger: new Map(), brugtAf: new Map() };
    const post = (map, noegle, lav) => { if (!map.has(noegle)) map.set(noegle, lav()); return map.get(noegle); };
    for (const o of reg.ordninger) {
      let svar = await traceOrdning(o, traceMaaneder());
      if (svar.status !== 200) svar = await traceOrdning(o, [denneMaaned()]);
      if (svar.status !== 200) continue;
      const trace = svar.data.trace;
      const egne = new Set(ordningsvariabler(o));
      // Bredde først fra ordningens egne variabler; `gennem` er den anden ordning, en node blev nået igennem.
      const koe = Object.keys(trace).filter((k) => egne.has(delTraceNavn(k)[0])).map((k) => [k, null]);
      const set = new Map();
      while (koe.length) {
        const [noegle, forrige] = koe.shift();
        const [variabel] = delTraceNavn(noegle);
        const gennem = forrige ?? (ejer.has(variabel) && !egne.has(variabel) ? ejer.get(variabel) : null);
        if (set.has(noegle) && (set.get(noegle) === null || set.get(noegle) === gennem)) continue;
        set.set(noegle, gennem);
        const node = trace[noegle];
        const a = post(kort.afhaenger, variabel, () => ({ ordninger: new Set(), samspil: new Set() }));
        (gennem ? a.samspil : a.ordninger).add(gennem ? `${o.navn} (gennem ${gennem})` : o.navn);
        for (const d of node.dependencies || []) {
          const [dv] = delTraceNavn(d);
          post(kort.brugtAf, dv, () => new Set()).add(variabel);
          koe.push([d, gennem]);
        }
        for (const pn of Object.keys(node.parameters || {})) {
          const [pid] = delTraceNavn(pn);
          const b = post(kort.parametre, pid, () => ({ ordninger: new Set(), samspil: new Set(), variabler: new Set() }));
          if (gennem) b.samspil.add(`${o.navn} (gennem ${gennem})`);
          else b.ordninger.add(o.navn);
          b.variabler.add(variabel);
        }
      }
    }
    return kort;
  })();
  return brug;
}

// En parameter "bruges", når /trace nævner den selv, en node over den eller et blad under den.
function brugAfParameter(kort, id) {
  const ordninger = new Set();
  const samspil = new Set();
  const variabler = new Set();
  for (const [pid, b] of kort.parametre) {
    if (pid === id || id.startsWith(`${pid}.`) || pid.startsWith(`${id}.`)) {
      b.ordninger.forEach((o) => ordninger.add(o));
      b.samspil.forEach((o) => samspil.add(o));
      b.variabler.forEach((v) => variabler.add(v));
    }
  }
  for (const o of ordninger) for (const x of [...samspil]) if (x.startsWith(`${o} (`)) samspil.delete(x);
  return { ordninger, samspil, variabler };
}

// --- Kildegrad: fra /parameter/<id>, hvis API'et har den med, ellers fra parameterens YAML-metadata. ---
const GRADER = {
  verificeret: ["Verificeret", "lovteksten eller en officiel side (retsinformation, ft.dk, star.dk, bm.dk)"],
  sekundaer: ["Sekundær", "en sekundær side (en kommune, en a-kasse, et fagforbund)"],
  antaget: ["Antaget", "ikke fundet: værdien er ført videre eller antaget, og kilden siger hvorfra"],
};
function gradMaerke(grad) {
  const g = GRADER[grad] ? grad : "ukendt";
  return el("span", { klasse: `kildegrad ${g}`, tekst: GRADER[grad]?.[0] || "Ikke oplyst" });
}
function gradForklaring() {
  return el("p", { klasse: "hjaelp" }, "Kildegrad: ", ...Object.values(GRADER).flatMap(([navn, tekst], i) => [i ? "; " : "", el("strong", { tekst: navn }), `: ${tekst}`]), ".");
}

// Web-API'ets /parameter/<id>: `values` {dato: værdi}, `kildegrad` {dato: grad} og
// `vaerdikilder` {dato: værdiens egen kilde} (docs/webapi.md).
function fraApi(data, dato) {
  const grad = data.kildegrad?.[dato];
  return { vaerdi: data.values?.[dato], kildegrad: typeof grad === "string" ? grad : undefined, reference: data.vaerdikilder?.[dato] };
}

function vaerditekst(v, enhed) {
  if (v === null || v === undefined) return "(ophørt)";
  if (v === true) return "Ja";
  if (v === false) return "Nej";
  if (enhed === "currency-DKK" && typeof v === "number") return kr(v);
  return tal(v);
}

// Et pænt trin til aksen: 1, 2 eller 5 gange en tierpotens.
function paentTrin(spaend) {
  const raa = spaend / 4 || 1;
  const potens = 10 ** Math.floor(Math.log10(raa));
  return [1, 2, 5, 10].map((f) => f * potens).find((t) => t >= raa);
}

// Trappediagram som inline SVG: værdien fra hver dato til den næste.
function trappe(punkter, enhed) {
  const tal = punkter.filter((p) => typeof p.vaerdi === "number" || typeof p.vaerdi === "boolean" || p.vaerdi === null);
  if (!tal.length) return null;
  const B = 640; const H = 260; const V = 64; const HM = 16; const T = 16; const BU = 36;
  const tid = (d) => new Date(`${d}T00:00:00Z`).getTime();
  const x0 = tid(tal[0].dato);
  const sidste = tal.at(-1).dato;
  const x1 = Math.max(tid(sidste) + 365 * 864e5, Date.now());
  const ys = tal.map((p) => (p.vaerdi === null ? 0 : Number(p.vaerdi)));
  const trin = paentTrin(Math.max(...ys, 0) - Math.min(...ys, 0));
  const ymax = Math.ceil((Math.max(...ys, 0) * 1.05) / trin) * trin || 1;
  const ymin = Math.floor(Math.min(...ys, 0) / trin) * trin;
  const X = (t) => V + ((t - x0) / (x1 - x0)) * (B - V - HM);
  const Y = (y) => T + (1 - (y - ymin) / (ymax - ymin)) * (H - T - BU);
  let sti = "";
  tal.forEach((p, i) => {
    const y = Y(p.vaerdi === null ? 0 : Number(p.vaerdi));
    const xa = X(tid(p.dato));
    const xb = i + 1 < tal.length ? X(tid(tal[i + 1].dato)) : X(x1);
    sti += `${i ? "L" : "M"}${xa.toFixed(1)},${y.toFixed(1)} L${xb.toFixed(1)},${y.toFixed(1)} `;
  });
  const ns = "http://www.w3.org/2000/svg";
  const s = (tag, a = {}, tekst) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(a)) e.setAttribute(k, v);
    if (tekst !== undefined) e.textContent = tekst;
    return e;
  };
  const svg = s("svg", { viewBox: `0 0 ${B} ${H}`, class: "trin", role: "img", "aria-labelledby": "trin-titel" });
  svg.append(s("title", { id: "trin-titel" }, `Trappediagram: værdien over tid, ${tal.length} værdier fra ${datotekst(tal[0].dato)}. Tabellen ovenfor har de samme tal.`));
  const sandhed = tal.every((p) => typeof p.vaerdi === "boolean");
  for (let y = ymin; y <= ymax + 1e-9; y += sandhed ? 1 : trin) {
    svg.append(s("line", { x1: V, x2: B - HM, y1: Y(y), y2: Y(y), class: "gitter" }));
    svg.append(s("text", { x: V - 6, y: Y(y) + 4, "text-anchor": "end" }, sandhed ? (y ? "Ja" : "Nej") : Number(y.toPrecision(6)).toLocaleString("da-DK")));
  }
  const aar0 = new Date(x0).getUTCFullYear();
  const aar1 = new Date(x1).getUTCFullYear();
  const skridt = Math.max(1, Math.ceil((aar1 - aar0) / 8));
  for (let aar = aar0 + 1; aar <= aar1; aar += skridt) {
    const x = X(Date.UTC(aar, 0, 1));
    svg.append(s("line", { x1: x, x2: x, y1: H - BU, y2: H - BU + 5, class: "akse" }));
    svg.append(s("text", { x, y: H - BU + 18, "text-anchor": "middle" }, String(aar)));
  }
  svg.append(s("line", { x1: V, x2: B - HM, y1: H - BU, y2: H - BU, class: "akse" }));
  svg.append(s("line", { x1: V, x2: V, y1: T, y2: H - BU, class: "akse" }));
  svg.append(s("path", { d: sti, class: "linje" }));
  if (enhed) svg.append(s("text", { x: 4, y: 12 }, enhed));
  return svg;
}

const ENHEDER = { "currency-DKK": "kr.", "/1": "", year: "år", month: "måneder", week: "uger" };

async function visParameter(id) {
  const data = await hent(`/parameter/${id}`);
  const titel = el("h2", { tekst: data.description || id });
  const dele = [titel, el("p", {}, "Parameter ", el("code", { tekst: id }))];
  if (data.subparams) {
    dele.push(el("p", { tekst: "En gruppe af parametre:" }), el("ul", {}, Object.entries(data.subparams).map(([k, v]) => el("li", {}, el("a", { href: `#parameter/${id}.${k}`, tekst: `${id}.${k}` }), ` – ${v.description || ""}`))));
    return dele;
  }
  const enhed = data.metadata?.unit;
  const datoer = Object.keys(data.values || {}).sort();
  const punkter = datoer.map((d) => ({ dato: d, ...fraApi(data, d) }));
  dele.push(el("dl", { klasse: "egenskaber" },
    el("dt", { tekst: "Enhed" }), el("dd", { tekst: enhed ? `${ENHEDER[enhed] ?? enhed} (${enhed})` : "ikke oplyst" }),
    el("dt", { tekst: "Kilder" }), el("dd", {}, kildeliste(data.metadata?.reference)),
    el("dt", { tekst: "Fil" }), el("dd", {}, data.source ? el("a", { href: data.source, tekst: data.source.split("/").slice(-2).join("/") }) : "–")));
  if (data.documentation) dele.push(el("details", {}, el("summary", { tekst: "Dokumentation" }), el("p", { tekst: data.documentation, klasse: "doku" })));
  dele.push(el("h3", { tekst: "Historik" }),
    el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-label": "Historik" }, el("table", { id: "historik", klasse: "stabel" },
      el("caption", { tekst: "Værdien fra hver dato, med kilde og kildegrad" }),
      el("thead", {}, el("tr", {}, ["Fra", "Værdi", "Kildegrad", "Kilde for værdien"].map((t) => el("th", { scope: "col", tekst: t })))),
      el("tbody", {}, [...punkter].reverse().map((p) => el("tr", { "data-dato": p.dato },
        el("th", { scope: "row", tekst: datotekst(p.dato) }),
        el("td", { klasse: "tal", "data-overskrift": "Værdi", tekst: vaerditekst(p.vaerdi, enhed) }),
        el("td", { "data-kildegrad": p.kildegrad || "", "data-overskrift": "Kildegrad" }, gradMaerke(p.kildegrad)),
        el("td", { "data-overskrift": "Kilde" }, p.reference ? kildeliste(Array.isArray(p.reference) ? p.reference : [p.reference]) : "Parameterens kilder ovenfor")))))),
    gradForklaring());
  const svg = trappe(punkter, ENHEDER[enhed] ?? enhed);
  if (svg) dele.push(el("h3", { tekst: "Over tid" }), svg);
  const brugt = el("div", {}, el("p", { klasse: "status", tekst: "Finder de ordninger, der bruger parameteren …" }));
  dele.push(el("h3", { tekst: "Bruges af ordningerne" }), brugt);
  brugskort().then((kort) => {
    const { ordninger, samspil, variabler } = brugAfParameter(kort, id);
    brugt.replaceChildren(
      ordninger.size ? el("ul", { id: "bruges-af" }, [...ordninger].sort().map((o) => el("li", { tekst: o }))) : el("p", { id: "bruges-af", tekst: "Ingen ordning brugte parameteren i de sporede måneder (juli hvert år og i dag)." }),
      samspil.size ? el("p", { id: "laest-gennem-samspil", tekst: `Læses også, når en anden ordning tjekker samspillet (de samme timer giver kun ét tilskud): ${[...samspil].sort().join("; ")}.` }) : null,
      variabler.size ? el("p", {}, "Slås op af: ", ...[...variabler].sort().flatMap((v, i) => [i ? ", " : "", el("a", { href: `#variabel/${v}`, tekst: v })])) : null);
  });
  return dele;
}

async function visVariabel(navn) {
  const data = await hent(`/variable/${navn}`);
  const dele = [el("h2", { tekst: data.description || navn }), el("p", {}, "Variabel ", el("code", { tekst: navn }))];
  const formler = Object.entries(data.formulas || {});
  dele.push(el("dl", { klasse: "egenskaber" },
    el("dt", { tekst: "Hvem" }), el("dd", { tekst: data.entity === "virksomhed" ? "Arbejdsgiveren (virksomhed)" : "Personen" }),
    el("dt", { tekst: "Periode" }), el("dd", { tekst: { MONTH: "Pr. måned", ETERNITY: "Én gang (uden periode)", YEAR: "Pr. år" }[data.definitionPeriod] || data.definitionPeriod }),
    el("dt", { tekst: "Type" }), el("dd", { tekst: data.possibleValues ? "Kategori (en af de mulige værdier nedenfor)" : { Float: "Tal", Int: "Heltal", Boolean: "Ja/nej", Date: "Dato", String: "Tekst" }[data.valueType] || data.valueType }),
    el("dt", { tekst: "Standardværdi" }), el("dd", { tekst: data.possibleValues ? `${data.defaultValue} – ${data.possibleValues[data.defaultValue]}` : String(data.defaultValue) }),
    el("dt", { tekst: "Hjemmel og kilder" }), el("dd", { id: "hjemmel" }, kildeliste(data.references)),
    el("dt", { tekst: "Beregnes" }), el("dd", { tekst: formler.length ? "Af en formel (se nedenfor)" : "Nej: et input, som oplyses" })));
  if (data.documentation) dele.push(el("p", { tekst: data.documentation }));
  if (data.possibleValues) {
    dele.push(el("h3", { tekst: "Mulige værdier" }), el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-label": "Mulige værdier" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Værdi" }), el("th", { scope: "col", tekst: "Betydning" }))),
      el("tbody", {}, Object.entries(data.possibleValues).map(([k, v]) => el("tr", {}, el("td", {}, el("code", { tekst: k })), el("td", { tekst: v })))))));
  }
  const afh = el("div", {}, el("p", { klasse: "status", tekst: formler.length ? "Sporer beregningen …" : "Et input afhænger ikke af andre regler." }));
  dele.push(el("h3", { tekst: "Afhænger af" }), afh);
  for (const [dato, f] of formler) {
    dele.push(el("details", {}, el("summary", { tekst: `Formlen fra ${dato === "0001-01-01" ? "begyndelsen" : datotekst(dato)}` }),
      el("pre", { tekst: f.content, klasse: "formel" }), f.source ? el("p", {}, el("a", { href: f.source, tekst: "Kildekoden" })) : null));
  }
  const brugtAf = el("div", {});
  dele.push(el("h3", { tekst: "Bruges af" }), brugtAf);
  if (formler.length) {
    const periode = data.definitionPeriod === "ETERNITY" ? "ETERNITY" : data.definitionPeriod === "YEAR" ? denneMaaned().slice(0, 4) : denneMaaned();
    const v = { ansatte: ["p"] };
    const p = {};
    (data.entity === "virksomhed" ? v : p)[navn] = { [periode]: null };
    send("/trace", { personer: { p }, virksomheder: { v } }).then(({ status, data: t }) => {
      const node = status === 200 ? t.trace[`${navn}<${periode}>`] : null;
      if (!node) {
        afh.replaceChildren(el("p", { tekst: `Beregningen kunne ikke spores for ${periode}: ${t?.error ? JSON.stringify(t.error) : status}` }));
        return;
      }
      afh.replaceChildren(
        el("p", { tekst: `Ifølge /trace for ${periode === "ETERNITY" ? "variablen" : maanedsnavn(periode)} (en person uden andre oplysninger):` }),
        el("ul", { id: "afhaenger-af" },
          (node.dependencies || []).map((d) => { const [dv, dp] = delTraceNavn(d); return el("li", {}, "Variabel ", el("a", { href: `#variabel/${dv}`, tekst: dv }), dp && dp !== periode ? ` (${dp})` : ""); }),
          Object.entries(node.parameters || {}).map(([pn, val]) => { const [pid, pd] = delTraceNavn(pn); return el("li", {}, "Parameter ", el("a", { href: `#parameter/${pid}`, tekst: pid }), ` = ${vaerditekst(val)}`, pd ? ` (værdien fra ${datotekst(pd)})` : ""); })));
    });
  }
  brugskort().then((kort) => {
    const hvem = [...(kort.brugtAf.get(navn) || [])].sort();
    const ordninger = [...(kort.afhaenger.get(navn)?.ordninger || [])].sort();
    const samspil = [...(kort.afhaenger.get(navn)?.samspil || [])].filter((x) => !ordninger.some((o) => x.startsWith(`${o} (`))).sort();
    brugtAf.replaceChildren(
      el("p", { id: "brugt-af-ordninger", tekst: ordninger.length ? `Ordninger: ${ordninger.join(", ")}.` : "Ingen ordnings egen beregning brugte variablen i de sporede måneder." }),
      samspil.length ? el("p", { id: "brugt-gennem-samspil", tekst: `Læses også gennem samspillet med en anden ordning: ${samspil.join("; ")}.` }) : null,
      hvem.length ? el("p", {}, "Variabler: ", ...hvem.flatMap((v, i) => [i ? ", " : "", el("a", { href: `#variabel/${v}`, tekst: v })])) : null);
  });
  return dele;
}

// Før en regel er valgt: hver ordnings beløb, afslagsgrunde og satser i dag med kildegrad.
async function visOversigt() {
  reg = reg || await hent("/webside/ordninger.json");
  const idag = new Date().toISOString().slice(0, 10);
  const ordninger = [];
  for (const o of reg.ordninger) {
    const satser = [];
    for (const valg of o.regnestykke?.satsvalg || []) {
      const data = await hent(`/parameter/${valg.parameter}`).catch(() => null);
      const dato = Object.keys(data?.values || {}).filter((d) => d <= idag).sort().at(-1);
      if (!dato) continue;
      satser.push(el("li", {}, el("a", { href: `#parameter/${valg.parameter}`, tekst: data.description || valg.parameter }), `: ${vaerditekst(data.values[dato], data.metadata?.unit)} fra ${datotekst(dato)} `, gradMaerke(fraApi(data, dato).kildegrad)));
    }
    ordninger.push(el("li", {}, el("strong", { tekst: o.navn }), ": ",
      el("a", { href: `#variabel/${o.tilskud}`, tekst: "beløbet" }),
      o.afslagsgrund ? [", ", el("a", { href: `#variabel/${o.afslagsgrund}`, tekst: "afslagsgrundene" })] : "",
      o.regnestykke?.uden_beloeb ? " (intet beløb)" : "",
      satser.length ? el("ul", {}, satser) : null));
  }
  return [
    el("h2", { tekst: "Reglerne i modellen" }),
    el("p", { tekst: "Vælg en parameter eller en variabel i listen, eller begynd ved en ordning. Hver ordnings beløb og afslagsgrunde er variabler; satserne er parametre med historik og kildegrad." }),
    el("div", { klasse: "regel-start" }, el("h3", { tekst: "Ordningerne og deres satser i dag" }), el("ul", { id: "oversigt" }, ordninger)),
    gradForklaring(),
  ];
}

async function visValgt(flytFokus) {
  const [slags, ...rest] = location.hash.slice(1).split("/");
  const id = decodeURIComponent(rest.join("/"));
  visListe();
  if (!id) {
    try {
      detalje.replaceChildren(...await visOversigt());
    } catch (fejl) {
      detalje.replaceChildren(el("p", { tekst: `Vælg en parameter eller en variabel i listen. (Oversigten kunne ikke hentes: ${fejl.message})` }));
    }
    document.title = "Regler – jobcentrenes virksomhedsordninger";
    return;
  }
  detalje.replaceChildren(el("p", { klasse: "status", tekst: "Henter …" }));
  try {
    const dele = slags === "parameter" ? await visParameter(id) : await visVariabel(id);
    detalje.replaceChildren(...dele);
    document.title = `${id} – Regler`;
  } catch (fejl) {
    detalje.replaceChildren(el("h2", { tekst: "Findes ikke" }), el("p", { tekst: `${id}: ${fejl.message}` }));
  }
  if (flytFokus) detalje.focus();
}

async function start() {
  try {
    await bygIndeks();
  } catch (fejl) {
    antalFundet.textContent = `Reglerne kunne ikke hentes: ${fejl.message}`;
    return;
  }
  const q = new URLSearchParams(location.search);
  if (q.get("q")) soeg.value = q.get("q");
  soeg.addEventListener("input", () => {
    const ny = new URLSearchParams(location.search);
    if (soeg.value) ny.set("q", soeg.value); else ny.delete("q");
    history.replaceState(null, "", `${location.pathname}${ny.size ? `?${ny}` : ""}${location.hash}`);
    visListe();
  });
  document.querySelectorAll('input[name="slags"]').forEach((r) => r.addEventListener("change", visListe));
  window.addEventListener("hashchange", () => visValgt(true));
  // Et link til en bestemt regel (fx fra et afslag i beregneren) lander på reglen, også på en telefon.
  await visValgt(Boolean(location.hash));
  visListe();
  hentDetaljerIBaggrunden();
}

start();
