// Tilskudsberegneren: én arbejdsgiver, en eller flere ansættelser, hver under sin ordning.
// Situationen bygges af felterne og sendes til /calculate; afslag forklares med /variable og /trace.
import {
  beregn, datotekst, delTraceNavn, el, feltVaerdi, hent, hentSidedata, kildeliste, kr, lavFelt, levendeBeregning,
  maanedsnavn, paragraf, paragrafLink, parametreITrace, periodeFraAdresse, saetInput, send, tal, tilApi, udskriftsoplysninger,
} from "./faelles.js";
import { KILDEGRAD, antagneNote, antagneVaerdier, gaelderIkke, ikkeValgteSatser, satsParameter, vaerdiITrace } from "./forklaring.js";

const STANDARD = { fra: "2026-03", antal: "12" };
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
  q.set("fra", feltVaerdi(form.fra));
  q.set("antal", form.antal.value);
  for (const i of inputs(document.getElementById("arbejdsgiverfelter"))) q.set(`v.${i._spec.navn}`, feltVaerdi(i));
  ansaettelser.forEach((a, n) => {
    q.set(`a${n + 1}`, a.noegle);
    for (const i of inputs(a.boks)) q.set(`a${n + 1}.${i._noegle}`, feltVaerdi(i));
  });
  history.replaceState(null, "", `${location.pathname}?${q}`);
  document.getElementById("del-link").href = location.href;
  udskriftsoplysninger();
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
    // Regnestykkets sats, mængde og andel (en mængde, der er et udfyldt felt, står der allerede).
    const rs = o.regnestykke || {};
    for (const rolle of ["sats", "maengde", "andel", "beloeb_er"]) {
      const maal = rs[`${rolle}_entitet`] === "virksomhed" ? v : person;
      if (rs[rolle] && !(rs[rolle] in maal)) beregn(maal, rs[rolle], perioder);
    }
  }
  if (reg.i_alt) beregn(v, reg.i_alt, perioder);
  return { personer, virksomheder: { v } };
}

function beskrivSti(sti) {
  const [entitet, id, variabel, periode] = sti;
  let hvem = entitet === "virksomheder" ? "arbejdsgiveren" : id;
  const a = ansaettelser.findIndex((x) => id === x.aid || id === `${x.aid}k`);
  if (a >= 0) hvem = `ansættelse ${a + 1}${id.endsWith("k") ? " (kollegaen)" : ""}`;
  // Feltet ved sin danske etiket, ikke variablens interne navn.
  const felt = variabel ? document.querySelector(`[data-variabel="${CSS.escape(variabel)}"]`) : null;
  const navn = felt ? `"${document.querySelector(`label[for="${CSS.escape(felt.id)}"]`)?.textContent.trim() || variabel}"` : variabel;
  return [hvem, navn, periode].filter(Boolean).join(", ");
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

// Alle ordningers beløb og betingelser: i en ordnings forklaring følges træet ikke ind i dem.
function andreOrdningersVariabler(o) {
  const ud = new Set();
  for (const x of reg.ordninger) {
    if (x.noegle === o.noegle) continue;
    for (const n of [x.tilskud, x.berettiget, x.afslagsgrund, x.kollega_afslagsgrund]) if (n && n !== o.tilskud && n !== o.afslagsgrund && n !== o.berettiget) ud.add(n);
  }
  return ud;
}

// /trace af hver ansættelses beløb og afslagsgrund(e) i alle måneder: ét kald for hele sagen.
async function spor(sag, perioder) {
  const spoergsmaal = JSON.parse(JSON.stringify(sag));
  const fjernNull = (obj) => { for (const [k, v] of Object.entries(obj)) if (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => x === null)) delete obj[k]; };
  Object.values(spoergsmaal.personer).forEach(fjernNull);
  fjernNull(spoergsmaal.virksomheder.v);
  const spoerg = (obj, navn) => { obj[navn] = Object.fromEntries(perioder.map((m) => [m, null])); };
  for (const a of ansaettelser) {
    const o = ordning(a.noegle);
    const person = spoergsmaal.personer[a.aid];
    for (const [navn, entitet] of [[o.tilskud, o.tilskud_entitet], [o.afslagsgrund, o.afslagsgrund_entitet]]) {
      if (navn) spoerg(entitet === "virksomhed" ? spoergsmaal.virksomheder.v : person, navn);
    }
    const kollega = spoergsmaal.personer[`${a.aid}k`];
    if (kollega && o.kollega_afslagsgrund) spoerg(kollega, o.kollega_afslagsgrund);
  }
  const { status: kode, data } = await send("/trace", spoergsmaal);
  if (kode !== 200) return null;
  const personer = Object.keys(spoergsmaal.personer);
  return { trace: data.trace, kildegrader: data.kildegrader || {}, personer };
}

const kortTitel = (titel) => (titel || "").replace(/\s*\(lov nr\.[^)]*\)/, "");
const grad = (k, dato) => (k ? el("span", { klasse: `kildegrad ${k}`, "data-kildegrad": k, "data-dato": dato, tekst: KILDEGRAD[k] || k }) : null);

// Regnestykket for én måned: "45,00 kr. × 160 praktiktimer = 7.200,00 kr." og satsens kilde.
async function regnestykkeCelle(o, a, svar, spor_, m, beloeb) {
  const rs = o.regnestykke;
  if (!rs || rs.uden_beloeb || beloeb <= 0) return { celle: el("td", { klasse: "regnestykke tom", "data-overskrift": "Sådan er det regnet", tekst: "–" }) };
  const hent_ = (navn, entitet) => Number(vaerdi(svar, entitet, a.aid, navn, m) ?? 0);
  if (rs.beloeb_er) {
    const udgift = hent_(rs.beloeb_er, rs.beloeb_er_entitet);
    return { celle: el("td", { klasse: "regnestykke", "data-overskrift": "Sådan er det regnet", "data-regnestykke": m }, `Dokumenteret kursusudgift: ${kr(udgift)}`) };
  }
  const sats = hent_(rs.sats, rs.sats_entitet);
  const maengde = hent_(rs.maengde, rs.maengde_entitet);
  const andel = rs.andel ? hent_(rs.andel, rs.andel_entitet) : 1;
  const dele = [kr(sats), `${tal(maengde)} ${rs.enhed}`];
  if (andel < 1) dele.push(`${ANDEL.format(andel)} af måneden`);
  const passer = Math.abs(sats * maengde * andel - beloeb) < Math.max(0.01, 1e-6 * beloeb);  // 32-bit tal
  const linje = `${dele.join(" × ")} ${passer ? "=" : "≈"} ${kr(beloeb)}`;
  const celle = el("td", { klasse: "regnestykke", "data-overskrift": "Sådan er det regnet", "data-regnestykke": m }, el("span", { klasse: "linje", tekst: linje }));
  const nr = (entitet) => (entitet === "virksomhed" ? 0 : spor_ ? spor_.personer.indexOf(a.aid) : 0);
  const parameter = spor_ ? satsParameter(spor_.trace, rs, m, nr) : null;
  if (parameter) {
    const data = await hent(`/parameter/${parameter.id}`).catch(() => null);
    const refs = data?.metadata?.reference;
    const p = paragraf(refs);
    const k = spor_.kildegrader[parameter.noegle];
    celle.append(el("span", { klasse: "kilde", "data-parameter": parameter.id },
      "Sats: ", p ? paragrafLink(p) : el("a", { href: `/regler#parameter/${parameter.id}`, tekst: parameter.id }),
      p ? [" (", el("a", { href: `/regler#parameter/${parameter.id}`, tekst: "reglen" }), ")"] : [], " ", grad(k, parameter.dato)));
  }
  return { celle, parameter };
}
const ANDEL = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 3 });

async function visResultat(svar, perioder, sag) {
  const kort = [];
  const spor_ = await spor(sag, perioder);
  for (const [n, a] of ansaettelser.entries()) {
    const o = ordning(a.noegle);
    const afslagVar = o.afslagsgrund ? await variabel(o.afslagsgrund) : null;
    const kollegaVar = o.kollega_afslagsgrund ? await variabel(o.kollega_afslagsgrund) : null;
    const stop = andreOrdningersVariabler(o);
    let sum = 0;
    let sumAntaget = 0;
    const antagneMaaneder = [];
    const antagne = new Map();
    const afslag = new Map();
    const raekker = [];
    for (const m of perioder) {
      const beloeb = Number(vaerdi(svar, o.tilskud_entitet, a.aid, o.tilskud, m) ?? 0);
      sum += beloeb;
      const grund = o.afslagsgrund ? vaerdi(svar, o.afslagsgrund_entitet, a.aid, o.afslagsgrund, m) : null;
      const berettiget = o.berettiget ? vaerdi(svar, o.berettiget_entitet, a.aid, o.berettiget, m) : null;
      const kollegaGrund = kollegaVar ? svar.personer[`${a.aid}k`]?.[o.kollega_afslagsgrund]?.[m] : null;
      let tekst;
      let klasse;
      if (grund && grund !== afslagVar.defaultValue) {
        if (!afslag.has(grund)) afslag.set(grund, { maaneder: [], variabel: afslagVar, navn: o.afslagsgrund, vaerdi: grund, nummer: afslag.size + 1, hvem: o.afslagsgrund_entitet === "virksomhed" ? null : a.aid, ordning: o });
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
        if (!afslag.has(k)) afslag.set(k, { maaneder: [], variabel: kollegaVar, navn: o.kollega_afslagsgrund, vaerdi: kollegaGrund, kollega: true, nummer: afslag.size + 1, hvem: `${a.aid}k`, ordning: o });
        afslag.get(k).maaneder.push(m);
      }
      const { celle, parameter } = await regnestykkeCelle(o, a, svar, spor_, m, beloeb);
      // Bygger månedens beløb på en antaget værdi (fx 2026's sats ført videre ind i 2027)?
      let antaget = new Map();
      if (spor_) {
        antaget = antagneVaerdier(spor_.trace, spor_.kildegrader, `${o.tilskud}<${m}>`, m, { stop, udelad: ikkeValgteSatser(spor_.trace, o.regnestykke, m, parameter), sats: parameter });
      }
      if (antaget.size) {
        antagneMaaneder.push(m);
        sumAntaget += beloeb;
        for (const [noegle, v] of antaget) if (!antagne.has(v.id) || antagne.get(v.id).dato > v.dato) antagne.set(v.id, { ...v, noegle });
        celle.append(el("span", { klasse: "antaget-maerke", tekst: "Bygger på en antaget værdi*" }));
      }
      raekker.push(el("tr", { klasse: antaget.size ? "antaget" : null, "data-antaget": antaget.size ? "1" : null },
        el("th", { scope: "row", tekst: maanedsnavn(m) }),
        el("td", { klasse: "tal", "data-maaned": m, "data-vaerdi": String(beloeb), "data-overskrift": "Tilskud", tekst: kr(beloeb) }),
        el("td", { "data-overskrift": "Berettiget" }, el("span", { klasse, tekst })),
        celle));
    }
    const helArbejdsgiver = o.tilskud_entitet === "virksomhed";
    const afslagsbokse = [];
    for (const af of afslag.values()) afslagsbokse.push(await afslagsboks(af, perioder, spor_));
    const rs = o.regnestykke;
    kort.push(el("section", { klasse: "resultatkort", "aria-labelledby": `titel-${a.aid}`, "data-ordning": o.noegle, "data-ansaettelse": a.aid },
      el("h3", { id: `titel-${a.aid}`, tekst: `Ansættelse ${n + 1}: ${o.navn}` }),
      el("p", { klasse: "total" }, "I alt: ", el("span", { "data-total": a.aid, "data-vaerdi": String(sum), tekst: kr(sum) })),
      antagneMaaneder.length ? el("p", { klasse: "antaget-total", "data-antaget-total": a.aid },
        `Heraf ${kr(sumAntaget)} i ${antagneMaaneder.length === 1 ? "1 måned" : `${antagneMaaneder.length} måneder`} (${maanedsspaend(antagneMaaneder)}), der bygger på antagne værdier*: beløbet kan ændre sig, når reglerne kendes.`) : null,
      helArbejdsgiver ? el("p", { tekst: `Beløbet gives til arbejdsgiveren samlet for ordningen, ikke pr. ansat.` }) : null,
      rs?.uden_beloeb ? el("p", { klasse: "uden-beloeb", tekst: rs.uden_beloeb }) : null,
      afslagsbokse,
      el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-labelledby": `titel-${a.aid}` },
        el("table", { id: `tabel-${a.aid}`, klasse: "stabel" },
          el("caption", { tekst: `${o.navn}: tilskud måned for måned` }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Måned" }), el("th", { scope: "col", klasse: "tal", tekst: "Tilskud" }), el("th", { scope: "col", tekst: "Berettiget" }), el("th", { scope: "col", tekst: "Sådan er det regnet" }))),
          el("tbody", {}, raekker),
          el("tfoot", {}, el("tr", { klasse: "sum" }, el("th", { scope: "row", tekst: "I alt" }), el("td", { klasse: "tal", "data-overskrift": "Tilskud", tekst: kr(sum) }), el("td"), el("td"))))),
      antagne.size ? await antagneNote(antagne) : null,
    ));
  }
  const i_alt = reg.i_alt ? arbejdsgiverKort(svar, perioder) : null;
  if (i_alt) kort.push(i_alt);
  return kort;
}

function maanedsspaend(ms) {
  return ms.length === 1 ? maanedsnavn(ms[0]) : `${maanedsnavn(ms[0])} – ${maanedsnavn(ms.at(-1))}`;
}

// Arbejdsgiverens samlede tilskud: kun, når det siger noget nyt (flere ansættelser, eller et
// samlet beløb, der ikke er ansættelsens eget, fx løntilskuddet i uddannelse med løntilskud).
function arbejdsgiverKort(svar, perioder) {
  let sum = 0;
  const samme = ansaettelser.length === 1 && perioder.every((m) => {
    const o = ordning(ansaettelser[0].noegle);
    return Math.abs(Number(svar.virksomheder.v[reg.i_alt][m] ?? 0) - Number(vaerdi(svar, o.tilskud_entitet, ansaettelser[0].aid, o.tilskud, m) ?? 0)) < 0.005;
  });
  if (samme) return null;
  const raekker = perioder.map((m) => {
    const b = Number(svar.virksomheder.v[reg.i_alt][m] ?? 0);
    sum += b;
    return el("tr", {}, el("th", { scope: "row", tekst: maanedsnavn(m) }), el("td", { klasse: "tal", "data-maaned": m, "data-vaerdi": String(b), tekst: kr(b) }));
  });
  return el("section", { klasse: "resultatkort", id: "arbejdsgiver", "aria-labelledby": "titel-arbejdsgiver" },
    el("h3", { id: "titel-arbejdsgiver", tekst: "Arbejdsgiverens tilskud i alt (alle ansættelser og ordninger)" }),
    el("p", { klasse: "total" }, "I alt: ", el("span", { "data-total": "arbejdsgiver", "data-vaerdi": String(sum), tekst: kr(sum) })),
    el("div", { klasse: "tabel-rul", tabindex: "0", role: "region", "aria-labelledby": "titel-arbejdsgiver" },
      el("table", {}, el("caption", { tekst: "Alle tilskud til arbejdsgiveren måned for måned" }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", tekst: "Måned" }), el("th", { scope: "col", klasse: "tal", tekst: "Tilskud i alt" }))),
        el("tbody", {}, raekker),
        el("tfoot", {}, el("tr", { klasse: "sum" }, el("th", { scope: "row", tekst: "I alt" }), el("td", { klasse: "tal", tekst: kr(sum) }))))));
}

function visVaerdi(v, variabel) {
  if (v === true) return "Ja";
  if (v === false) return "Nej";
  if (variabel.possibleValues && v in variabel.possibleValues) return variabel.possibleValues[v];
  if (variabel.valueType === "Date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.startsWith("9999") || v.startsWith("0001") ? "ikke oplyst" : datotekst(v);
  return typeof v === "number" ? tal(v) : String(v);
}

// Et afslag: først afslagsgrunden med rene ord, den afgørende betingelse med sin værdi og sin
// egen paragraf; derefter, foldet sammen, alle betingelser, satserne og grænserne og kilderne.
async function afslagsboks(af, perioder, spor_) {
  const m = af.maaneder[0];
  const nr = af.hvem && spor_ ? spor_.personer.indexOf(af.hvem) : 0;
  const afgoerendePost = af.ordning.afgoerende?.[af.navn]?.[af.vaerdi];
  const afgoerendeNavn = afgoerendePost?.betingelse;
  const boks = el("div", { klasse: "afslag", "data-afslag": af.vaerdi });
  boks.append(
    el("h4", { tekst: `Afslag ${af.nummer}${af.kollega ? " (den ansatte i uddannelse)" : ""}: ${af.variabel.possibleValues[af.vaerdi]}` }),
    el("p", { klasse: "afslag-maaneder", tekst: `Gælder ${af.maaneder.length === perioder.length ? "alle måneder" : af.maaneder.map(maanedsnavn).join(", ")}.` }));
  if (afgoerendeNavn) {
    const v = await variabel(afgoerendeNavn);
    const trace = spor_?.trace || {};
    const vaerdi_ = vaerdiITrace(trace, afgoerendeNavn, m, v.entity === "virksomhed" ? 0 : nr);
    const p = paragraf(afgoerendePost.hjemmel ?? v.references) || paragraf(af.variabel.references);
    boks.append(el("p", { klasse: "afgoerende", "data-afgoerende": afgoerendeNavn },
      el("strong", { tekst: "Afgørende betingelse: " }), `${v.description}: `, el("strong", { tekst: vaerdi_ === undefined ? "–" : visVaerdi(vaerdi_, v) }),
      p ? [" (", paragrafLink(p), ")"] : "", ". ",
      el("a", { href: `/regler#variabel/${afgoerendeNavn}`, klasse: "til-reglen", tekst: `Reglen "${v.description}" i regeloversigten` })));
  } else {
    const p = paragraf(af.variabel.references);
    if (p) boks.append(el("p", { klasse: "afgoerende" }, el("strong", { tekst: "Hjemmel: " }), paragrafLink(p)));
  }
  const alle = el("details", { klasse: "alle-betingelser" }, el("summary", {}, el("strong", { tekst: "Alle betingelser, satser og kilder" })));
  if (spor_) {
    const linjer = await betingelser(af, spor_, nr, afgoerendeNavn);
    if (linjer.length) alle.append(el("p", { tekst: `Betingelserne bag afgørelsen i ${maanedsnavn(m)}:` }), el("ul", { klasse: "kilder betingelser" }, linjer));
    const parametre = parametreITrace(spor_.trace, `${af.navn}<${m}>`);
    if (parametre.size) {
      alle.append(el("p", { tekst: `Satser og grænser, afgørelsen bygger på (${parametre.size}, ${maanedsnavn(m)}):` }),
        el("ul", { klasse: "kilder" }, [...parametre].map(([navn, v]) => {
          const [id, dato] = delTraceNavn(navn);
          // /trace's `kildegrader`: graden af værdien i kraft på datoen (docs/webapi.md).
          const k = spor_.kildegrader?.[navn];
          return el("li", {}, el("a", { href: `/regler#parameter/${id}`, tekst: id }), ` = ${v === true ? "Ja" : v === false ? "Nej" : tal(v)}`, dato ? ` (værdien fra ${datotekst(dato)})` : "",
            el("span", { klasse: "grad-plads" }, k ? [" ", grad(k, dato)] : []));
        })));
    }
  }
  alle.append(el("p", {}, el("strong", { tekst: "Hjemmel og kilder for afslagsgrundene: " })), kildeliste(af.variabel.references),
    el("p", {}, el("a", { href: `/regler#variabel/${af.navn}`, klasse: "til-afslagsgrundene", tekst: `Alle afslagsgrunde for ${af.ordning.navn.toLowerCase()} i regeloversigten` })));
  boks.append(alle);
  return boks;
}

// Afslagsgrundens direkte afhængigheder i /trace med personens værdi og hver betingelses egen
// paragraf. Skjult: en betingelse, der ikke gælder på datoen (dens kontakt er slået fra, fx et
// forsøg uden for sine datoer), og tal, der ikke er betingelser (fx den del af måneden, der er i
// tilskudsperioden), medmindre det er dem, afslaget står på.
async function betingelser(af, spor_, nr, afgoerendeNavn) {
  const node = spor_.trace[`${af.navn}<${af.maaneder[0]}>`];
  const linjer = [];
  for (const dep of node?.dependencies || []) {
    const [navn] = delTraceNavn(dep);
    const v = await variabel(navn);
    const vaerdi_ = spor_.trace[dep]?.value?.[v.entity === "virksomhed" ? 0 : nr];
    const afgoerende = navn === afgoerendeNavn;
    if (!afgoerende && (gaelderIkke(spor_.trace, dep) || typeof vaerdi_ === "number")) continue;
    const p = paragraf(v.references);
    linjer.push(el("li", { "data-betingelse": navn, klasse: afgoerende ? "afgoerende-linje" : null },
      el("a", { href: `/regler#variabel/${navn}`, tekst: v.description }), `: ${visVaerdi(vaerdi_, v)}`,
      p ? [" (", paragrafLink(p), ")"] : ""));
  }
  return linjer;
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
  form.fra.addEventListener("change", opdater);
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
