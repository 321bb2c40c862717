// Jobrotationsbudgettet: ansatte i uddannelse og vikarer hos én arbejdsgiver, måned for måned.
// Alle beløb (løn, kursusudgifter, ydelse, nettoudgift) regnes af /calculate.
import { antagneNote, antagneVaerdier } from "./forklaring.js";
import {
  beloeb, beregn, danskTidsfelt, denneMaaned, el, feltVaerdi, hent, hentSidedata, lavFelt, levendeBeregning, maanedsnavn,
  periodeFraAdresse, saetInput, send, tilApi, udskriftsoplysninger,
} from "./faelles.js";

// Et nyt budget begynder i indeværende måned (browserens dato): et budget lægges for det, der kommer.
const STANDARD = { fra: denneMaaned(), antal: "6" };
const form = document.getElementById("budget");
const generelt = document.getElementById("fejl-generelt");
const resultat = document.getElementById("resultat");
const status = document.getElementById("resultat-status");
const banner = document.getElementById("ordning-status");
let spec;
const raekker = { medarbejder: [], vikar: [] };
const naeste = { medarbejder: 1, vikar: 1 };
const PRAEFIKS = { medarbejder: "m", vikar: "vk" };
const TITEL = { medarbejder: "Ansat i uddannelse", vikar: "Vikar" };

function felter(specs, id, sti, vaerdier) {
  return el("div", { klasse: "felter" }, specs.map((s) => {
    const boks = lavFelt(s, `${id}-${s.navn}`, `${sti}/${s.navn}`, vaerdier.get(s.navn), opdater);
    boks.querySelector("[data-variabel]")._spec = s;
    return boks;
  }));
}

// Rækkens første og sidste måned er sidens egne felter (ikke variabler): uden for dem er rækkens
// timer og kursusudgifter 0 (budgettets "perioderede" variabler); alt andet gælder hele perioden.
function maanedsfelt(id, etiket, hjaelp, vaerdi) {
  const input = danskTidsfelt(el("input", { id: `f-${id}`, name: id, type: "text", "aria-describedby": `h-${id}` }), "maaned", vaerdi || "");
  input.addEventListener("input", opdater);
  input.addEventListener("change", opdater);
  const boks = el("div", { klasse: "felt" }, el("label", { for: `f-${id}`, tekst: etiket }), input,
    el("p", { klasse: "hjaelp", id: `h-${id}`, tekst: hjaelp }), el("p", { klasse: "fejl", id: `e-${id}`, hidden: true }));
  return { boks, input };
}

function tilfoej(slags, vaerdier = new Map()) {
  const id = `${PRAEFIKS[slags]}${naeste[slags]++}`;
  const r = { id, slags };
  r.legend = el("legend");
  r.fjern = el("button", { type: "button", klasse: "sekundaer", tekst: `Fjern` });
  r.fra = maanedsfelt(`${id}-fra`, "Fra måned", "Første måned med timer (og kursusudgifter). Tom: projektets første måned.", vaerdier.get("fra"));
  r.til = maanedsfelt(`${id}-til`, "Til måned", "Sidste måned med timer (og kursusudgifter). Tom: projektets sidste måned.", vaerdier.get("til"));
  // Et nyt vikariat begynder som eksempel den 1. i budgettets første måned (ikke på en fast dato).
  if (slags === "vikar" && !vaerdier.has("jobrotation_vikariat_start") && /^\d{4}-\d{2}$/.test(feltVaerdi(form.fra))) {
    vaerdier = new Map([...vaerdier, ["jobrotation_vikariat_start", `${feltVaerdi(form.fra)}-01`]]);
  }
  const felterne = felter(spec[slags], id, `personer/${id}`, vaerdier);
  felterne.append(r.fra.boks, r.til.boks);
  r.boks = el("fieldset", { klasse: "under", id: `raekke-${id}` }, r.legend, felterne, el("p", {}, r.fjern));
  r.fjern.addEventListener("click", () => {
    raekker[slags] = raekker[slags].filter((x) => x !== r);
    r.boks.remove();
    nummerer();
    opdater();
    document.getElementById(`tilfoej-${slags}`).focus();
  });
  raekker[slags].push(r);
  document.getElementById(slags === "medarbejder" ? "medarbejdere" : "vikarer").append(r.boks);
  nummerer();
  return r;
}

function nummerer() {
  for (const slags of Object.keys(raekker)) {
    raekker[slags].forEach((r, i) => {
      r.legend.textContent = `${TITEL[slags]} ${i + 1}`;
      r.fjern.textContent = `Fjern ${TITEL[slags].toLowerCase()} ${i + 1}`;
    });
  }
}

const inputs = (rod) => [...rod.querySelectorAll("[data-variabel]")];

function gemIUrl() {
  const q = new URLSearchParams();
  q.set("fra", feltVaerdi(form.fra));
  q.set("antal", form.antal.value);
  for (const i of inputs(document.getElementById("projektfelter"))) q.set(`p.${i._spec.navn}`, feltVaerdi(i));
  for (const slags of Object.keys(raekker)) {
    q.set(PRAEFIKS[slags], String(raekker[slags].length));
    raekker[slags].forEach((r, n) => {
      for (const i of inputs(r.boks)) q.set(`${PRAEFIKS[slags]}${n + 1}.${i._spec.navn}`, feltVaerdi(i));
      if (r.fra.input.value) q.set(`${PRAEFIKS[slags]}${n + 1}.fra`, feltVaerdi(r.fra.input));
      if (r.til.input.value) q.set(`${PRAEFIKS[slags]}${n + 1}.til`, feltVaerdi(r.til.input));
    });
  }
  history.replaceState(null, "", `${location.pathname}?${q}`);
  document.getElementById("del-link").href = location.href;
  udskriftsoplysninger();
}

function situation(perioder) {
  const personer = {};
  const v = { ansatte: [] };
  for (const i of inputs(document.getElementById("projektfelter"))) saetInput(v, i._spec, tilApi(i._spec, feltVaerdi(i)), perioder);
  for (const slags of Object.keys(raekker)) {
    for (const r of raekker[slags]) {
      const p = {};
      const fra = r.fra.input.dataset.iso || perioder[0];
      const til = r.til.input.dataset.iso || perioder.at(-1);
      for (const i of inputs(r.boks)) {
        saetInput(p, i._spec, tilApi(i._spec, feltVaerdi(i)), perioder);
        if (spec.perioderet.includes(i._spec.navn) && p[i._spec.navn]) {
          for (const m of perioder) if (m < fra || m > til) p[i._spec.navn][m] = 0;
        }
      }
      const afslag = spec[`${slags}_afslagsgrund`];
      if (afslag) beregn(p, afslag, perioder);
      personer[r.id] = p;
      v.ansatte.push(r.id);
    }
  }
  for (const k of spec.kolonner) beregn(v, k.navn, perioder);
  return { personer, virksomheder: { v } };
}

function beskrivSti(sti) {
  const [entitet, id, variabel, periode] = sti;
  let hvem = entitet === "virksomheder" ? "projektet" : id;
  for (const slags of Object.keys(raekker)) {
    const n = raekker[slags].findIndex((r) => r.id === id);
    if (n >= 0) hvem = `${TITEL[slags].toLowerCase()} ${n + 1}`;
  }
  return [hvem, variabel, periode].filter(Boolean).join(", ");
}

const { opdater, beregnNu } = levendeBeregning({
  form, generelt, resultat, status, beskrivSti, gemIUrl, titel: "Budget",
  spoerg: async (perioder) => {
    const sag = situation(perioder);
    const [svar] = await Promise.all([send("/calculate", sag), tjekNyeForloeb(perioder[0])]);
    return { ...svar, sag };
  },
  vis: (data, perioder, sag) => visBudget(data, perioder, sag),
  ryd: () => {
    document.getElementById("budgettabel").replaceChildren();
    document.getElementById("bemaerkninger").replaceChildren();
    document.getElementById("antagne").replaceChildren();
  },
});

// Måneder, hvis jobrotationsydelse bygger på antagne værdier (kildegrad "antaget"): /trace af
// ydelsen i hver måned, som i beregneren (forklaring.js).
async function antagneMaaneder(sag, perioder) {
  if (!spec.ydelse) return new Map();
  const spoergsmaal = JSON.parse(JSON.stringify(sag));
  const fjernNull = (obj) => { for (const [k, x] of Object.entries(obj)) if (x && typeof x === "object" && !Array.isArray(x) && Object.values(x).every((y) => y === null)) delete obj[k]; };
  Object.values(spoergsmaal.personer).forEach(fjernNull);
  fjernNull(spoergsmaal.virksomheder.v);
  spoergsmaal.virksomheder.v[spec.ydelse] = Object.fromEntries(perioder.map((m) => [m, null]));
  const { status: kode, data } = await send("/trace", spoergsmaal);
  const ud = new Map();
  if (kode !== 200) return ud;
  for (const m of perioder) {
    const fundet = antagneVaerdier(data.trace, data.kildegrader, `${spec.ydelse}<${m}>`, m, { stop: new Set(), udelad: new Set(), sats: null });
    if (fundet.size) ud.set(m, fundet);
  }
  return ud;
}

async function visBudget(svar, perioder, sag) {
  const v = svar.virksomheder.v;
  const antagne = await antagneMaaneder(sag, perioder);
  const summer = Object.fromEntries(spec.kolonner.map((k) => [k.navn, 0]));
  const tabel = document.getElementById("budgettabel");
  tabel.replaceChildren(
    el("caption", { tekst: "Udgifter, jobrotationsydelse og nettoudgift pr. måned (kr.)" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Måned" }), spec.kolonner.map((k) => el("th", { scope: "col", klasse: "tal", tekst: k.overskrift })))),
    el("tbody", {}, perioder.map((m) => el("tr", { klasse: antagne.has(m) ? "antaget" : null, "data-antaget": antagne.has(m) ? "1" : null },
      el("th", { scope: "row" }, maanedsnavn(m), antagne.has(m) ? el("span", { klasse: "antaget-maerke", tekst: "Antaget værdi*" }) : null),
      spec.kolonner.map((k) => {
        const b = Number(v[k.navn][m] ?? 0);
        summer[k.navn] += b;
        return el("td", { klasse: "tal", "data-variabel": k.navn, "data-maaned": m, "data-vaerdi": String(b), "data-overskrift": k.overskrift, tekst: beloeb(b) });
      })))),
    el("tfoot", {}, el("tr", { klasse: "sum" }, el("th", { scope: "row", tekst: "I alt" }), spec.kolonner.map((k) => el("td", { klasse: "tal", "data-total": k.navn, "data-vaerdi": String(summer[k.navn]), "data-overskrift": k.overskrift, tekst: beloeb(summer[k.navn]) })))),
  );
  // Hvorfor en ansats eller vikars timer ikke giver ydelse: afslagsgrunden fra modellen.
  const noter = [];
  for (const slags of Object.keys(raekker)) {
    const navn = spec[`${slags}_afslagsgrund`];
    if (!navn) continue;
    const variabel = await hent(`/variable/${navn}`);
    raekker[slags].forEach((r, n) => {
      const grupper = new Map();
      for (const m of perioder) {
        const g = svar.personer[r.id][navn][m];
        if (g && g !== variabel.defaultValue) grupper.set(g, [...(grupper.get(g) || []), m]);
      }
      for (const [g, ms] of grupper) {
        noter.push(el("li", {}, el("strong", { tekst: `${TITEL[slags]} ${n + 1}: ` }), `${variabel.possibleValues[g]} `,
          `(${ms.length === perioder.length ? "alle måneder" : ms.map(maanedsnavn).join(", ")}). `,
          el("a", { href: `/regler#variabel/${navn}`, tekst: "Se reglen" })));
      }
    });
  }
  const alleAntagne = new Map();
  for (const fundet of antagne.values()) for (const [noegle, x] of fundet) if (!alleAntagne.has(x.id) || alleAntagne.get(x.id).dato > x.dato) alleAntagne.set(x.id, { ...x, noegle });
  document.getElementById("bemaerkninger").replaceChildren(...(noter.length ? [
    el("div", { klasse: "afslag" }, el("h3", { tekst: "Timer uden jobrotationsydelse" }), el("ul", {}, noter)),
  ] : []));
  // Under tabellen: hvilke måneder og værdier ydelsen bygger på, der er antaget, og hvorfor.
  const note = document.getElementById("antagne");
  note.replaceChildren(...(alleAntagne.size ? [
    el("p", { klasse: "antaget-total", "data-antaget-total": "budget" }, `Jobrotationsydelsen i ${antagne.size === 1 ? "1 måned" : `${antagne.size} måneder`} (${[...antagne.keys()].map(maanedsnavn).join(", ")}) bygger på antagne værdier*.`),
    await antagneNote(alleAntagne, "ydelsen og nettoudgiften"),
  ] : []));
}

// Tager ordningen imod nye forløb? Modellen spørges om et nyt, ellers godkendt forløb (eksemplets
// ansatte og vikar, projektet godkendt), der begynder den første dag i budgettets første måned og i
// dag. Siden vurderer intet selv: svarer modellen 0 kr., vises modellens egne afslagsgrunde.
const nyeForloeb = new Map();
function spoergOmNytForloeb(maaned) {
  const perioder = [maaned];
  const medarbejder = {};
  const vikar = {};
  const v = { ansatte: ["medarbejder", "vikar"] };
  const eksempel = (s) => tilApi(s, s.eksempel === true ? "1" : s.eksempel === false ? "0" : s.eksempel);
  for (const s of spec.medarbejder) saetInput(medarbejder, s, eksempel(s), perioder);
  for (const s of spec.vikar) saetInput(vikar, s, eksempel(s), perioder);
  for (const s of spec.projekt) saetInput(v, s, eksempel(s), perioder);
  if (vikar.jobrotation_vikariat_start) vikar.jobrotation_vikariat_start = { ETERNITY: `${maaned}-01` };
  if (spec.medarbejder_afslagsgrund) beregn(medarbejder, spec.medarbejder_afslagsgrund, perioder);
  if (spec.vikar_afslagsgrund) beregn(vikar, spec.vikar_afslagsgrund, perioder);
  beregn(v, spec.ydelse, perioder);
  return send("/calculate", { personer: { medarbejder, vikar }, virksomheder: { v } });
}

async function lukketFor(maaned) {
  if (!nyeForloeb.has(maaned)) nyeForloeb.set(maaned, spoergOmNytForloeb(maaned));
  const { status: kode, data } = await nyeForloeb.get(maaned);
  if (kode !== 200 || Number(data.virksomheder.v[spec.ydelse][maaned] ?? 0) > 0) return null;
  const grunde = [];
  // Vikaren først: det er vikariatets første dag, der afgør, om et nyt forløb kan bevilges.
  for (const [hvem, navn] of [["vikar", spec.vikar_afslagsgrund], ["medarbejder", spec.medarbejder_afslagsgrund]]) {
    if (!navn) continue;
    const variabel = await hent(`/variable/${navn}`);
    const g = data.personer[hvem][navn][maaned];
    if (g && g !== variabel.defaultValue) grunde.push({ noegle: g, tekst: variabel.possibleValues[g], variabel, navn });
  }
  return { maaned, grunde };
}

async function tjekNyeForloeb(maaned) {
  if (!spec.ydelse) return;
  const idag = denneMaaned();
  const maaneder_ = [...new Set([maaned, idag])];
  const lukkede = (await Promise.all(maaneder_.map(lukketFor))).filter(Boolean);
  if (!lukkede.length) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  // Én sætning for alle lukkede måneder, og hver afslagsgrund én gang: den ansattes og vikarens
  // grund er ofte den samme (ordningen er afskaffet) med næsten samme ord; vikarens vises.
  const hvornaar = lukkede.map((l) => `${maanedsnavn(l.maaned)}${l.maaned === idag ? " (i dag)" : l.maaned === maaned && maaneder_.length > 1 ? " (budgettets første måned)" : ""}`);
  const grunde = new Map();
  for (const g of lukkede.flatMap((l) => l.grunde)) {
    if (!grunde.has(g.noegle)) grunde.set(g.noegle, { ...g, regler: new Set() });
    grunde.get(g.noegle).regler.add(g.navn);
  }
  banner.replaceChildren(
    el("p", {}, el("strong", { tekst: `Jobrotation tager ikke imod nye forløb, der begynder i ${hvornaar.join(" eller i ")}.` })),
    el("p", { tekst: "Et nyt forløb med en godkendt vikar og et godkendt projekt giver ingen jobrotationsydelse efter modellens regler, fordi:" }),
    el("ul", {}, [...grunde.values()].map((g) => el("li", {}, `${g.tekst}. `,
      [...g.regler].flatMap((navn, i) => [i ? " · " : "", el("a", { href: `/regler#variabel/${navn}`, tekst: g.regler.size > 1 ? `Reglen for ${navn.includes("vikar") ? "vikaren" : "den ansatte"}` : "Se reglen og dens kilder" })])))),
  );
  banner.hidden = false;
}

async function start() {
  spec = await hentSidedata("/webside/budget.json", "felterne");
  if (!spec) return;
  const q = new URLSearchParams(location.search);
  periodeFraAdresse(form, q, STANDARD);
  const projekt = new Map([...q.entries()].filter(([k]) => k.startsWith("p.")).map(([k, v]) => [k.slice(2), v]));
  document.getElementById("projektfelter").append(...felter(spec.projekt, "p", "virksomheder/v", projekt).children);
  document.querySelectorAll("#projektfelter [data-variabel]").forEach((i, n) => { i._spec = spec.projekt[n]; });
  for (const slags of Object.keys(raekker)) {
    const antal = q.has(PRAEFIKS[slags]) ? Number(q.get(PRAEFIKS[slags])) : 1;
    for (let n = 1; n <= Math.min(antal, 50); n++) {
      const p = `${PRAEFIKS[slags]}${n}.`;
      tilfoej(slags, new Map([...q.entries()].filter(([k]) => k.startsWith(p)).map(([k, v]) => [k.slice(p.length), v])));
    }
    document.getElementById(`tilfoej-${slags}`).addEventListener("click", () => {
      const r = tilfoej(slags);
      r.boks.querySelector("input, select").focus();
      opdater();
    });
  }
  form.fra.addEventListener("input", opdater);
  form.fra.addEventListener("change", opdater);
  form.antal.addEventListener("input", opdater);
  form.addEventListener("submit", (h) => { h.preventDefault(); beregnNu(); });
  document.getElementById("indlaeser").hidden = true;
  form.hidden = false;
  gemIUrl();
  beregnNu();
}

start();
