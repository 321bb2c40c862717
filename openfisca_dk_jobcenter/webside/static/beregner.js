// Tilskudsberegneren: én arbejdsgiver, en eller flere ansættelser, hver under sin ordning.
// Situationen bygges af felterne og sendes til /calculate; afslag forklares med /variable og /trace.
import {
  beregn, datotekst, delTraceNavn, el, feltVaerdi, hent, hentSidedata, kildeliste, kr, lavFelt, levendeBeregning,
  maaneder, maanedsnavn, parametreITrace, periodeFraAdresse, saetInput, send, tal, tilApi,
} from "./faelles.js";

const STANDARD = { fra: "2026-03", antal: "12" };
const KILDEGRAD = { verificeret: "Verificeret", sekundaer: "Sekundær", antaget: "Antaget" };
const form = document.getElementById("beregner");
const liste = document.getElementById("ansaettelser");
const generelt = document.getElementById("fejl-generelt");
const resultat = document.getElementById("resultat");
const resultater = document.getElementById("resultater");
const status = document.getElementById("resultat-status");
let reg;
let ansaettelser = [];
let naeste = 1;

const ordning = (noegle) => reg.ordninger.find((o) => o.noegle === noegle) || reg.ordninger[0];

function ordningsvalg(aid, valgt) {
  const id = `${aid}-ordning`;
  const select = el("select", { id: `f-${id}`, name: id, "aria-describedby": `h-${id}` },
    reg.ordninger.map((o) => el("option", { value: o.noegle, tekst: o.navn })));
  select.value = valgt;
  return el("div", { klasse: "felt" },
    el("label", { for: `f-${id}`, tekst: "Ordning" }), select,
    el("p", { klasse: "hjaelp", id: `h-${id}`, tekst: "Den ordning, ansættelsen søges under. Felterne nedenfor følger ordningen." }),
  );
}

function feltgruppe(titel, felter, aid, vaerdier, hvorPraefiks) {
  if (!felter.length) return null;
  return el("fieldset", { klasse: "under" }, el("legend", { tekst: titel }),
    el("div", { klasse: "felter" }, felter.map((spec) => {
      const { id, sti, noegle } = feltNavne(aid, spec, hvorPraefiks);
      const boks = lavFelt(spec, id, sti, vaerdier.get(noegle), opdater);
      boks.querySelector("[data-variabel]")._spec = spec;
      boks.querySelector("[data-variabel]")._noegle = noegle;
      return boks;
    })));
}

function feltNavne(aid, spec, praefiks) {
  if (spec.hvor === "kollega") return { id: `${aid}k-${spec.navn}`, sti: `personer/${aid}k/${spec.navn}`, noegle: `k.${spec.navn}` };
  if (spec.hvor === "virksomhed") return { id: `${aid}v-${spec.navn}`, sti: `virksomheder/v/${spec.navn}`, noegle: `v.${spec.navn}` };
  return { id: `${aid}-${spec.navn}`, sti: `personer/${aid}/${spec.navn}`, noegle: `${praefiks}${spec.navn}` };
}

function ordningsfelter(a, vaerdier) {
  const o = ordning(a.noegle);
  const egne = o.felter.filter((f) => f.hvor !== "kollega");
  const kollega = o.felter.filter((f) => f.hvor === "kollega");
  a.ordningsdel.replaceChildren(...[
    feltgruppe(`Ansættelsen under ordningen (${o.navn.toLowerCase()})`, egne, a.aid, vaerdier, ""),
    feltgruppe("Den ansatte, som er i uddannelse imens", kollega, a.aid, vaerdier, ""),
  ].filter(Boolean));
}

function tilfoejAnsaettelse(noegle, vaerdier = new Map()) {
  const aid = `a${naeste++}`;
  const a = { aid, noegle: ordning(noegle).noegle };
  const valg = ordningsvalg(aid, a.noegle);
  const fjern = el("button", { type: "button", klasse: "sekundaer", tekst: "Fjern ansættelsen" });
  a.legend = el("legend");
  a.ordningsdel = el("div");
  a.boks = el("fieldset", { klasse: "kort ansaettelse", id: `ans-${aid}` }, a.legend,
    el("div", { klasse: "ansaettelse-top" }, valg, fjern),
    feltgruppe("Den, der ansættes", reg.personfelter, aid, vaerdier, ""),
    a.ordningsdel);
  valg.querySelector("select").addEventListener("change", (h) => {
    a.noegle = h.target.value;
    ordningsfelter(a, new Map());
    opdater();
  });
  fjern.addEventListener("click", () => {
    ansaettelser = ansaettelser.filter((x) => x !== a);
    a.boks.remove();
    nummerer();
    opdater();
    document.getElementById("tilfoej").focus();
  });
  ordningsfelter(a, vaerdier);
  ansaettelser.push(a);
  liste.append(a.boks);
  nummerer();
  return a;
}

function nummerer() {
  ansaettelser.forEach((a, i) => {
    a.legend.textContent = `Ansættelse ${i + 1}`;
    a.boks.querySelector("button.sekundaer").hidden = ansaettelser.length === 1;
  });
}

function inputs(rod) {
  return [...rod.querySelectorAll("[data-variabel]")];
}

// Sagen i URL'en: fra, antal, v.<felt> for arbejdsgiveren, a<n>=ordning og a<n>.<felt>.
function gemIUrl() {
  const q = new URLSearchParams();
  q.set("fra", form.fra.value);
  q.set("antal", form.antal.value);
  for (const i of inputs(document.getElementById("arbejdsgiverfelter"))) q.set(`v.${i._spec.navn}`, feltVaerdi(i));
  ansaettelser.forEach((a, n) => {
    q.set(`a${n + 1}`, a.noegle);
    for (const i of inputs(a.boks)) q.set(`a${n + 1}.${i._noegle}`, feltVaerdi(i));
  });
  history.replaceState(null, "", `${location.pathname}?${q}`);
  document.getElementById("del-link").href = location.href;
}

function situation(perioder) {
  const personer = {};
  const v = { ansatte: [] };
  for (const i of inputs(document.getElementById("arbejdsgiverfelter"))) saetInput(v, i._spec, tilApi(i._spec, feltVaerdi(i)), perioder);
  for (const a of ansaettelser) {
    const o = ordning(a.noegle);
    const person = {};
    let kollega = null;
    for (const i of inputs(a.boks)) {
      const spec = i._spec;
      const maal = spec.hvor === "kollega" ? (kollega ??= {}) : spec.hvor === "virksomhed" ? v : person;
      saetInput(maal, spec, tilApi(spec, feltVaerdi(i)), perioder);
    }
    personer[a.aid] = person;
    v.ansatte.push(a.aid);
    if (kollega) {
      personer[`${a.aid}k`] = kollega;
      v.ansatte.push(`${a.aid}k`);
    }
    for (const [navn, entitet] of [[o.tilskud, o.tilskud_entitet], [o.berettiget, o.berettiget_entitet], [o.afslagsgrund, o.afslagsgrund_entitet]]) {
      if (navn) beregn(entitet === "virksomhed" ? v : person, navn, perioder);
    }
    if (kollega && o.kollega_afslagsgrund) beregn(kollega, o.kollega_afslagsgrund, perioder);
  }
  if (reg.i_alt) beregn(v, reg.i_alt, perioder);
  return { personer, virksomheder: { v } };
}

function beskrivSti(sti) {
  const [entitet, id, variabel, periode] = sti;
  let hvem = entitet === "virksomheder" ? "arbejdsgiveren" : id;
  const a = ansaettelser.findIndex((x) => id === x.aid || id === `${x.aid}k`);
  if (a >= 0) hvem = `ansættelse ${a + 1}${id.endsWith("k") ? " (kollegaen)" : ""}`;
  return [hvem, variabel, periode].filter(Boolean).join(", ");
}

const { opdater, beregnNu } = levendeBeregning({
  form, generelt, resultat, status, beskrivSti, gemIUrl, titel: "Beregnet",
  spoerg: async (perioder) => {
    const sag = situation(perioder);
    return { ...(await send("/calculate", sag)), sag };
  },
  vis: async (data, perioder, sag) => {
    const kort = await visResultat(data, perioder, sag);
    return () => resultater.replaceChildren(...kort);
  },
  ryd: () => resultater.replaceChildren(),
});

async function variabel(navn) {
  return hent(`/variable/${encodeURIComponent(navn)}`);
}

function vaerdi(svar, entitet, id, navn, maaned) {
  const obj = entitet === "virksomhed" ? svar.virksomheder.v : svar.personer[id];
  return obj?.[navn]?.[maaned];
}

async function visResultat(svar, perioder, sag) {
  const kort = [];
  const afslagTilTrace = [];
  for (const [n, a] of ansaettelser.entries()) {
    const o = ordning(a.noegle);
    const afslagVar = o.afslagsgrund ? await variabel(o.afslagsgrund) : null;
    const kollegaVar = o.kollega_afslagsgrund ? await variabel(o.kollega_afslagsgrund) : null;
    let sum = 0;
    const afslag = new Map();
    const raekker = perioder.map((m) => {
      const beloeb = Number(vaerdi(svar, o.tilskud_entitet, a.aid, o.tilskud, m) ?? 0);
      sum += beloeb;
      const grund = o.afslagsgrund ? vaerdi(svar, o.afslagsgrund_entitet, a.aid, o.afslagsgrund, m) : null;
      const berettiget = o.berettiget ? vaerdi(svar, o.berettiget_entitet, a.aid, o.berettiget, m) : null;
      const kollegaGrund = kollegaVar ? svar.personer[`${a.aid}k`]?.[o.kollega_afslagsgrund]?.[m] : null;
      let tekst;
      let klasse;
      if (grund && grund !== afslagVar.defaultValue) {
        if (!afslag.has(grund)) afslag.set(grund, { maaneder: [], variabel: afslagVar, navn: o.afslagsgrund, vaerdi: grund, nummer: afslag.size + 1, hvem: o.afslagsgrund_entitet === "virksomhed" ? null : a.aid });
        afslag.get(grund).maaneder.push(m);
        tekst = `Nej (afslag ${afslag.get(grund).nummer})`;
        klasse = "nej";
      } else if (berettiget === false) {
        tekst = "Nej";
        klasse = "nej";
      } else {
        tekst = berettiget === true || grund ? "Ja" : "–";
        klasse = "ja";
      }
      if (kollegaGrund && kollegaGrund !== kollegaVar.defaultValue) {
        const k = `kollega:${kollegaGrund}`;
        if (!afslag.has(k)) afslag.set(k, { maaneder: [], variabel: kollegaVar, navn: o.kollega_afslagsgrund, vaerdi: kollegaGrund, kollega: true, nummer: afslag.size + 1, hvem: `${a.aid}k` });
        afslag.get(k).maaneder.push(m);
      }
      return el("tr", {},
        el("th", { scope: "row", tekst: maanedsnavn(m) }),
        el("td", { klasse: "tal", "data-maaned": m, "data-vaerdi": String(beloeb), tekst: kr(beloeb) }),
        el("td", {}, el("span", { klasse, tekst })));
    });
    const helArbejdsgiver = o.tilskud_entitet === "virksomhed";
    const tabelId = `tabel-${a.aid}`;
    const afslagsbokse = [...afslag.values()].map((af) => {
      afslagTilTrace.push(af);
      af.boks = el("div", { klasse: "afslag" },
        el("h4", { tekst: `Afslag ${af.nummer}${af.kollega ? " (den ansatte i uddannelse)" : ""}: ${af.variabel.possibleValues[af.vaerdi]}` }),
        el("p", { tekst: `Gælder ${af.maaneder.length === perioder.length ? "alle måneder" : af.maaneder.map(maanedsnavn).join(", ")}.` }),
        el("p", {}, el("strong", { tekst: "Hjemmel og kilder: " })),
        kildeliste(af.variabel.references),
        el("p", {}, el("a", { href: `/regler#variabel/${af.navn}`, klasse: "til-reglen", tekst: `Se reglen "${af.variabel.description}" i regeloversigten` })));
      return af.boks;
    });
    kort.push(el("section", { klasse: "resultatkort", "aria-labelledby": `titel-${a.aid}`, "data-ordning": o.noegle, "data-ansaettelse": a.aid },
      el("h3", { id: `titel-${a.aid}`, tekst: `Ansættelse ${n + 1}: ${o.navn}` }),
      el("p", { klasse: "total" }, `I alt: `, el("span", { "data-total": a.aid, "data-vaerdi": String(sum), tekst: kr(sum) })),
      helArbejdsgiver ? el("p", { tekst: `Beløbet gives til arbejdsgiveren samlet for ordningen (${o.tilskud}), ikke pr. ansat.` }) : null,
      afslagsbokse,
      el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-labelledby": `titel-${a.aid}` },
        el("table", { id: tabelId },
          el("caption", { tekst: `${o.navn}: tilskud måned for måned` }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Måned" }), el("th", { scope: "col", klasse: "tal", tekst: "Tilskud" }), el("th", { scope: "col", tekst: "Berettiget" }))),
          el("tbody", {}, raekker),
          el("tfoot", {}, el("tr", { klasse: "sum" }, el("th", { scope: "row", tekst: "I alt" }), el("td", { klasse: "tal", tekst: kr(sum) }), el("td"))))),
    ));
  }
  if (reg.i_alt) {
    let sum = 0;
    const raekker = perioder.map((m) => {
      const b = Number(svar.virksomheder.v[reg.i_alt][m] ?? 0);
      sum += b;
      return el("tr", {}, el("th", { scope: "row", tekst: maanedsnavn(m) }), el("td", { klasse: "tal", "data-maaned": m, "data-vaerdi": String(b), tekst: kr(b) }));
    });
    kort.push(el("section", { klasse: "resultatkort", id: "arbejdsgiver", "aria-labelledby": "titel-arbejdsgiver" },
      el("h3", { id: "titel-arbejdsgiver", tekst: "Arbejdsgiverens tilskud i alt (alle ansættelser og ordninger)" }),
      el("p", { klasse: "total" }, "I alt: ", el("span", { "data-total": "arbejdsgiver", "data-vaerdi": String(sum), tekst: kr(sum) })),
      el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-labelledby": "titel-arbejdsgiver" },
        el("table", {}, el("caption", { tekst: "Alle tilskud til arbejdsgiveren måned for måned" }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Måned" }), el("th", { scope: "col", klasse: "tal", tekst: "Tilskud i alt" }))),
          el("tbody", {}, raekker),
          el("tfoot", {}, el("tr", { klasse: "sum" }, el("th", { scope: "row", tekst: "I alt" }), el("td", { klasse: "tal", tekst: kr(sum) })))))));
  }
  if (afslagTilTrace.length) await forklarMedTrace(afslagTilTrace, sag);
  return kort;
}

function visVaerdi(v, variabel) {
  if (v === true) return "Ja";
  if (v === false) return "Nej";
  if (variabel.possibleValues && v in variabel.possibleValues) return variabel.possibleValues[v];
  return typeof v === "number" ? tal(v) : String(v);
}

// En henvisning til elov.dk's side for en paragraf i LAB som "LAB § 155" (ellers null).
function paragrafIReference(r) {
  const m = typeof r === "string" && /elov\.dk\/lov-om-en-aktiv-beskaeftigelsesindsats\/paragraf\/([^/]+)\/?$/.exec(r);
  return m ? `LAB § ${m[1]}` : null;
}

// Betingelserne, afslagsgrunden er afgjort af (dens direkte afhængigheder i /trace), med
// personens værdi og hver betingelses egen paragraf: den, der står "Nej" ved, er hjemlen.
async function visBetingelser(af, trace, personer) {
  const node = trace[`${af.navn}<${af.maaneder[0]}>`];
  if (!node?.dependencies?.length) return;
  const nr = af.hvem ? personer.indexOf(af.hvem) : 0;
  const linjer = [];
  for (const dep of node.dependencies) {
    const [navn] = delTraceNavn(dep);
    const v = await variabel(navn);
    const vaerdi = trace[dep]?.value?.[v.entity === "virksomhed" ? 0 : nr];
    const paragraffer = (v.references || []).map(paragrafIReference).filter(Boolean);
    linjer.push(el("li", { "data-betingelse": navn },
      el("a", { href: `/regler#variabel/${navn}`, tekst: v.description }), `: ${visVaerdi(vaerdi, v)}`,
      paragraffer.length ? ` (${paragraffer.join("; ")})` : ""));
  }
  af.boks.append(el("p", {}, el("strong", { tekst: `Betingelserne bag afgørelsen (${maanedsnavn(af.maaneder[0])}):` })),
    el("ul", { klasse: "kilder betingelser" }, linjer));
}

// Satserne og grænserne bag et afslag: /trace for afslagsgrunden i den første måned med afslaget.
async function forklarMedTrace(afslag, sag) {
  const spoergsmaal = JSON.parse(JSON.stringify(sag));
  const fjernNull = (obj) => { for (const [k, v] of Object.entries(obj)) if (v && typeof v === "object" && Object.values(v).every((x) => x === null)) delete obj[k]; };
  Object.values(spoergsmaal.personer).forEach(fjernNull);
  fjernNull(spoergsmaal.virksomheder.v);
  const ansatte = spoergsmaal.virksomheder.v.ansatte;
  for (const af of afslag) {
    const hvem = Object.keys(spoergsmaal.personer)[0];
    spoergsmaal.personer[hvem][af.navn] = { ...(spoergsmaal.personer[hvem][af.navn] || {}), [af.maaneder[0]]: null };
  }
  spoergsmaal.virksomheder.v.ansatte = ansatte;
  const { status: kode, data } = await send("/trace", spoergsmaal);
  if (kode !== 200) return;
  for (const af of afslag) {
    await visBetingelser(af, data.trace, Object.keys(spoergsmaal.personer));
    const parametre = parametreITrace(data.trace, `${af.navn}<${af.maaneder[0]}>`);
    if (!parametre.size) continue;
    af.boks.append(el("details", { open: parametre.size <= 8 },
      el("summary", {}, el("strong", { tekst: `Satser og grænser, afgørelsen bygger på (${parametre.size}, ${maanedsnavn(af.maaneder[0])})` })),
      el("ul", { klasse: "kilder" }, [...parametre].map(([navn, v]) => {
        const [id, dato] = delTraceNavn(navn);
        // /trace's `kildegrader`: graden af værdien i kraft på datoen (docs/webapi.md).
        const k = data.kildegrader?.[navn];
        const grad = el("span", { klasse: "grad-plads" },
          k ? [" ", el("span", { klasse: `kildegrad ${k}`, "data-kildegrad": k, "data-dato": dato, tekst: KILDEGRAD[k] || k })] : []);
        return el("li", {}, el("a", { href: `/regler#parameter/${id}`, tekst: id }), ` = ${v === true ? "Ja" : v === false ? "Nej" : tal(v)}`, dato ? ` (værdien fra ${datotekst(dato)})` : "", grad);
      }))));
  }
}

async function start() {
  reg = await hentSidedata("/webside/ordninger.json", "ordningerne");
  if (!reg) return;
  const q = new URLSearchParams(location.search);
  periodeFraAdresse(form, q, STANDARD);
  const vaerdier = new Map([...q.entries()]);
  const ag = document.getElementById("arbejdsgiverfelter");
  for (const spec of reg.arbejdsgiverfelter) {
    const boks = lavFelt(spec, `v-${spec.navn}`, `virksomheder/v/${spec.navn}`, vaerdier.get(`v.${spec.navn}`), opdater);
    boks.querySelector("[data-variabel]")._spec = spec;
    ag.append(boks);
  }
  const numre = [...q.keys()].map((k) => /^a(\d+)$/.exec(k)).filter(Boolean).map((m) => Number(m[1])).sort((x, y) => x - y);
  if (!numre.length) tilfoejAnsaettelse(reg.ordninger[0].noegle);
  for (const n of numre) {
    const egne = new Map([...q.entries()].filter(([k]) => k.startsWith(`a${n}.`)).map(([k, v]) => [k.slice(`a${n}.`.length), v]));
    tilfoejAnsaettelse(q.get(`a${n}`), egne);
  }
  form.fra.addEventListener("input", opdater);
  form.antal.addEventListener("input", opdater);
  document.getElementById("tilfoej").addEventListener("click", () => {
    const a = tilfoejAnsaettelse(reg.ordninger[0].noegle);
    a.boks.querySelector("select").focus();
    opdater();
  });
  form.addEventListener("submit", (h) => { h.preventDefault(); beregnNu(); });
  document.getElementById("indlaeser").hidden = true;
  form.hidden = false;
  gemIUrl();
  beregnNu();
}

start();
