// Fælles for siderne: kald til web-API'et, felter, fejl ved feltet, tal og datoer på dansk.
// Siden lægger ingen regel til: alt, der afgør et beløb, kommer fra /calculate og /trace.

const cache = new Map();

export async function hent(sti) {
  if (!cache.has(sti)) {
    cache.set(sti, fetch(sti, { headers: { Accept: "application/json" } }).then(async (svar) => {
      if (!svar.ok) {
        cache.delete(sti);
        throw new Error(`${sti} svarede ${svar.status}`);
      }
      return svar.json();
    }));
  }
  return cache.get(sti);
}

// Sidens egne data (felter, ordninger). Kan de ikke hentes, står det på siden i stedet for
// "Indlæser …", og svaret er null.
export async function hentSidedata(sti, hvad) {
  try {
    return await hent(sti);
  } catch (fejl) {
    document.getElementById("indlaeser").textContent = `Siden kunne ikke hente ${hvad}: ${fejl.message}`;
    return null;
  }
}

// Perioden fra adressen (et delt link), ellers sidens standard.
// Adressen har måneden som ÅÅÅÅ-MM (også ældre links); feltet viser den på dansk ("marts 2026").
export function periodeFraAdresse(form, q, standard) {
  danskTidsfelt(form.fra, "maaned", q.get("fra") || standard.fra);
  form.antal.value = q.get("antal") || standard.antal;
}

export async function send(sti, krop) {
  const svar = await fetch(sti, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(krop),
  });
  let data;
  try {
    data = await svar.json();
  } catch {
    data = { error: `${sti} svarede ${svar.status} uden JSON` };
  }
  return { status: svar.status, data };
}

export function el(tag, egenskaber = {}, ...boern) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(egenskaber)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "tekst") e.textContent = v;
    else if (k === "klasse") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const b of boern.flat()) {
    if (b === undefined || b === null || b === false) continue;
    e.append(b instanceof Node ? b : document.createTextNode(String(b)));
  }
  return e;
}

const KR = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const TAL = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 4 });
export const kr = (v) => `${KR.format(Number(v) || 0)} kr.`;
export const beloeb = (v) => KR.format(Number(v) || 0);  // i tabeller, hvis overskrift siger "kr."
export const tal = (v) => (typeof v === "number" ? TAL.format(v) : String(v));

const MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
export function maanedsnavn(m) {
  const [aar, md] = m.split("-").map(Number);
  return `${MAANEDER[md - 1]} ${aar}`;
}
export function datotekst(d) {
  const [aar, md, dag] = d.split("-").map(Number);
  return `${dag}. ${MAANEDER[md - 1]} ${aar}`;
}

// --- Datoer og måneder på dansk i alle browsere ---
// De indbyggede <input type=date/month> følger browserens sprog (mm/dd/yyyy, "March 2026" i en
// engelsk browser). Siden bruger derfor tekstfelter med sin egen fortolkning: datoer vises som
// dd-mm-åååå og måneder som "marts 2026"; adressen og API'et får ÅÅÅÅ-MM-DD og ÅÅÅÅ-MM.
const gyldigDato = (aar, md, dag) => {
  const d = new Date(Date.UTC(aar, md - 1, dag));
  return aar >= 1900 && aar <= 2200 && d.getUTCFullYear() === aar && d.getUTCMonth() === md - 1 && d.getUTCDate() === dag;
};
const to = (n) => String(n).padStart(2, "0");

// "17-05-1984", "17.5.1984", "17/5/1984" eller "1984-05-17" -> "1984-05-17"; ellers null.
export function fortolkDato(tekst) {
  const t = String(tekst ?? "").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let aar; let md; let dag;
  if (m) [aar, md, dag] = [m[1], m[2], m[3]].map(Number);
  else if ((m = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(t))) [dag, md, aar] = [m[1], m[2], m[3]].map(Number);
  else return null;
  return gyldigDato(aar, md, dag) ? `${aar}-${to(md)}-${to(dag)}` : null;
}
export function datoSomTekst(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

// "marts 2026", "mar. 2026", "3-2026", "03.2026" eller "2026-03" -> "2026-03"; ellers null.
export function fortolkMaaned(tekst) {
  const t = String(tekst ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  let aar; let md;
  if (m) [aar, md] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{1,2})[-./ ](\d{4})$/.exec(t))) [md, aar] = [Number(m[1]), Number(m[2])];
  else if ((m = /^([a-zæøå]+)\.? (\d{4})$/.exec(t)) && m[1].length >= 3) {
    md = MAANEDER.findIndex((navn) => navn.startsWith(m[1])) + 1;
    aar = Number(m[2]);
  } else return null;
  return md >= 1 && md <= 12 && aar >= 1900 && aar <= 2200 ? `${aar}-${to(md)}` : null;
}
export function maanedSomTekst(iso) {
  return /^\d{4}-\d{2}$/.test(iso || "") && Number(iso.slice(5)) >= 1 && Number(iso.slice(5)) <= 12 ? maanedsnavn(iso) : null;
}

// Et dansk dato- eller månedsfelt: tekst med fortolkning. Værdien til adressen og API'et står i
// data-iso (tom, når feltet ikke kan læses); når feltet forlades, skrives det pænt på dansk.
export function danskTidsfelt(input, slags, vaerdi) {
  const [fortolk, somTekst] = slags === "maaned" ? [fortolkMaaned, maanedSomTekst] : [fortolkDato, datoSomTekst];
  input.dataset.tid = slags;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("spellcheck", "false");
  if (slags === "dato") input.setAttribute("inputmode", "numeric");
  input.setAttribute("placeholder", slags === "maaned" ? "fx marts 2026" : "dd-mm-åååå");
  const opdaterIso = () => { input.dataset.iso = fortolk(input.value) || ""; };
  input.value = somTekst(fortolk(vaerdi) || "") || (vaerdi ?? "");
  opdaterIso();
  input.addEventListener("input", opdaterIso);
  input.addEventListener("change", () => {
    opdaterIso();
    if (input.dataset.iso) input.value = somTekst(input.dataset.iso);
  });
  return input;
}
export const TIDSFEJL = {
  dato: "Skriv datoen som dd-mm-åååå, fx 17-05-1984.",
  maaned: "Skriv en måned som \"marts 2026\" eller 03-2026.",
};

const DATOFORM = /^(\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/;

// Felter med en dato eller måned, der ikke kan læses: [[input, besked], …] (tomme felter er ok).
export function tidsfejl(rod) {
  return [...rod.querySelectorAll("[data-tid]")]
    .filter((i) => i.value.trim() && !i.dataset.iso)
    .map((i) => [i, (i.dataset.tid === "dato" && DATOFORM.test(i.value.trim()) ? "Datoen findes ikke. " : "") + TIDSFEJL[i.dataset.tid]]);
}

// Måneder fra "ÅÅÅÅ-MM", `antal` i alt (til perioderne i situationen).
export function maaneder(fra, antal) {
  let [aar, md] = fra.split("-").map(Number);
  const ud = [];
  for (let i = 0; i < antal; i++) {
    ud.push(`${aar}-${String(md).padStart(2, "0")}`);
    md += 1;
    if (md > 12) { md = 1; aar += 1; }
  }
  return ud;
}

export function denneMaaned() {
  const nu = new Date();
  return `${nu.getFullYear()}-${String(nu.getMonth() + 1).padStart(2, "0")}`;
}

// Sidens egne felter (periode): tjekkes kun for at kunne bygge en situation, ikke for jura.
export function periodeFejl(fra, antal) {
  if (!fra) return ["fra", TIDSFEJL.maaned];
  if (!/^\d+$/.test(antal || "") || Number(antal) < 1 || Number(antal) > 36) return ["antal", "Skriv et helt antal måneder fra 1 til 36."];
  return null;
}

// Et felt for en variabel: etiket, hjælpetekst og plads til API'ets fejl lige under feltet.
export function lavFelt(spec, id, sti, vaerdi, vedAendring) {
  const hjaelpId = `h-${id}`;
  const fejlId = `e-${id}`;
  const hjaelp = el("p", { klasse: "hjaelp", id: hjaelpId, tekst: spec.hjaelp });
  const fejl = el("p", { klasse: "fejl", id: fejlId, hidden: true });
  let input;
  const faelles = { id: `f-${id}`, name: id, "data-sti": sti, "data-variabel": spec.navn, "aria-describedby": hjaelpId };
  if (spec.type === "bool") {
    input = el("input", { ...faelles, type: "checkbox" });
    input.checked = vaerdi === undefined ? spec.eksempel === true : vaerdi === true || vaerdi === "1" || vaerdi === "true";
    input.addEventListener("change", vedAendring);
    return el("div", { klasse: "felt afkryds" }, input, el("label", { for: faelles.id, tekst: spec.etiket }), hjaelp, fejl);
  }
  if (spec.type === "enum") {
    input = el("select", faelles, spec.vaerdier.map((v) => el("option", { value: v.noegle, tekst: v.etiket })));
    input.value = vaerdi ?? spec.eksempel;
    input.addEventListener("change", vedAendring);
  } else {
    input = el("input", { ...faelles, type: "text", inputmode: spec.type === "dato" ? undefined : "decimal", autocomplete: "off" });
    if (spec.type === "dato") danskTidsfelt(input, "dato", vaerdi ?? spec.eksempel ?? "");
    else input.value = vaerdi ?? spec.eksempel ?? "";
    input.addEventListener("input", vedAendring);
    input.addEventListener("change", vedAendring);
  }
  return el("div", { klasse: "felt" }, el("label", { for: faelles.id, tekst: spec.etiket }), input, hjaelp, fejl);
}

// Feltets værdi, som formularen gemmer den (til URL'en).
// En dato eller måned gemmes som ÅÅÅÅ-MM-DD / ÅÅÅÅ-MM, når den kan læses, ellers som den er skrevet.
export function feltVaerdi(input) {
  if (input.type === "checkbox") return input.checked ? "1" : "0";
  return input.dataset.tid && input.dataset.iso ? input.dataset.iso : input.value;
}

// Værdien til API'et. Et tal med dansk komma sendes med punktum; alt andet sendes, som det er
// skrevet, så API'et selv siger, hvad der er galt. Tomt felt: udeladt (modellens standardværdi).
export function tilApi(spec, raa) {
  if (spec.type === "bool") return raa === "1" || raa === true;
  const tekst = String(raa ?? "").trim();
  if (tekst === "") return undefined;
  if (spec.type === "tal" || spec.type === "heltal") {
    const normal = /^-?\d+(,\d+)?$/.test(tekst) ? tekst.replace(",", ".") : tekst;
    return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : normal;
  }
  return tekst;
}

// Værdien i situationen: ETERNITY-variabler én gang, måneds-variabler for hver måned.
export function saetInput(objekt, spec, vaerdi, perioder) {
  if (vaerdi === undefined) return;
  if (spec.periode === "eternity") objekt[spec.navn] = { ETERNITY: vaerdi };
  else objekt[spec.navn] = Object.fromEntries(perioder.map((p) => [p, vaerdi]));
}

export function beregn(objekt, navn, perioder) {
  objekt[navn] = Object.fromEntries(perioder.map((p) => [p, null]));
}

// API'ets 400-krop som blade: [{sti: ["personer", "a1", "timeloen", "2026-02"], besked}].
export function fejlBlade(data, sti = []) {
  if (typeof data === "string") return [{ sti, besked: data }];
  if (Array.isArray(data)) return data.flatMap((d, i) => fejlBlade(d, [...sti, String(i)]));
  if (data && typeof data === "object") return Object.entries(data).flatMap(([k, v]) => fejlBlade(v, [...sti, k]));
  return [{ sti, besked: String(data) }];
}

export function rydFejl(rod, generelt) {
  rod.querySelectorAll("[aria-invalid]").forEach((i) => {
    i.removeAttribute("aria-invalid");
    i.setAttribute("aria-describedby", i.getAttribute("aria-describedby").replace(/ e-\S+/g, ""));
  });
  rod.querySelectorAll(".fejl").forEach((f) => { f.hidden = true; f.textContent = ""; });
  generelt.hidden = true;
  generelt.textContent = "";
}

export function visFeltFejl(input, besked) {
  // Et felt uden egen fejlplads (fx sat af en ældre skabelon) får en lige under sig.
  let fejl = document.getElementById(`e-${input.name}`);
  if (!fejl) {
    fejl = el("p", { klasse: "fejl", id: `e-${input.name}` });
    input.after(fejl);
  }
  input.setAttribute("aria-invalid", "true");
  const beskrevet = input.getAttribute("aria-describedby") || "";
  if (!beskrevet.split(" ").includes(fejl.id)) input.setAttribute("aria-describedby", `${beskrevet} ${fejl.id}`.trim());
  fejl.textContent = besked;
  fejl.hidden = false;
}

// Feltets etiket, som brugeren ser den.
export function etiketFor(input) {
  return document.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim() || input.name;
}

// API'ets beskeder nævner variablens interne navn ('voksenlaerling_praktiktimer'); brugeren
// kender feltet ved dets danske etiket.
export function medEtiket(besked, navn, etiket) {
  if (!navn || !etiket) return besked;
  return besked.split(`'${navn}'`).join(`"${etiket}"`).split(navn).join(`"${etiket}"`);
}

// Læg hver fejl fra API'et ved det felt, den nævner (entitet/id/variabel); resten i den fælles boks.
export function visApiFejl(rod, generelt, data, beskrivSti) {
  const uplacerede = [];
  for (const { sti, besked } of fejlBlade(data)) {
    const noegle = sti.slice(0, 3).join("/");
    const input = sti.length >= 3 ? rod.querySelector(`[data-sti="${CSS.escape(noegle)}"]`) : null;
    if (input) visFeltFejl(input, medEtiket(besked, sti[2], etiketFor(input)));
    else uplacerede.push(sti.length && sti[0] !== "error" ? `${beskrivSti(sti)}: ${besked}` : besked);
  }
  if (uplacerede.length) {
    generelt.replaceChildren(el("p", { tekst: "Web-API'et kunne ikke regne på sagen:" }), el("ul", {}, uplacerede.map((b) => el("li", { tekst: b }))));
    generelt.hidden = false;
  }
}

// En variabels eller parameters kilder: URL'er som links, paragraffer som tekst.
export function kildeliste(referencer) {
  const liste = (Array.isArray(referencer) ? referencer : referencer ? [referencer] : []).map((r) => (typeof r === "string" ? { title: r, href: /^https?:\/\/\S+$/.test(r) ? r : null } : r));
  return el("ul", { klasse: "kilder" }, liste.map((r) => el("li", {}, r.href ? el("a", { href: r.href, rel: "noopener", tekst: r.title && r.title !== r.href ? r.title : linktekst(r.href) }) : medLinks(r.title || ""))));
}

// En adresse uden titel som læsbar tekst: elov.dk's paragrafsider som "LAB § 155", ellers værten og sidens navn.
const LOVNAVNE = { "lov-om-en-aktiv-beskaeftigelsesindsats": "LAB", beskaeftigelsesindsatsloven: "Beskæftigelsesindsatsloven (før 2020)" };
export function linktekst(url) {
  const elov = /elov\.dk\/([^/]+)\/(paragraf|kapitel)\/([^/#?]+)/.exec(url);
  if (elov) return `${LOVNAVNE[elov[1]] || elov[1]} ${elov[2] === "paragraf" ? "§" : "kap."} ${elov[3]} (elov.dk)`;
  const eli = /retsinformation\.dk\/eli\/lta\/(\d{4})\/(\d+)/.exec(url);
  if (eli) return eli[1] === "2019" && eli[2] === "548" ? "LAB, lov nr. 548 af 7. maj 2019 (retsinformation.dk)" : `Lov nr. ${eli[2]} (${eli[1]}) (retsinformation.dk)`;
  try {
    const u = new URL(url);
    const side = u.pathname.split("/").filter(Boolean).pop() || "";
    return `${u.hostname.replace(/^www\./, "")}${side ? `: ${decodeURIComponent(side).replace(/[-_]/g, " ").replace(/\.aspx$/i, "")}` : ""}`;
  } catch { return url; }
}

// Tekst med URL'er inde i: URL'erne bliver til links.
function medLinks(tekst) {
  return tekst.split(/(https?:\/\/[^\s),;]+)/).map((del, i) => (i % 2 ? el("a", { href: del, rel: "noopener", tekst: del }) : del));
}

// Parametrene i en variabels beregning ifølge /trace (variablen og alt, den afhænger af).
export function parametreITrace(trace, noegle, set = new Map(), set_besoegt = new Set()) {
  if (set_besoegt.has(noegle) || !trace[noegle]) return set;
  set_besoegt.add(noegle);
  for (const [p, v] of Object.entries(trace[noegle].parameters || {})) set.set(p, v);
  for (const d of trace[noegle].dependencies || []) parametreITrace(trace, d, set, set_besoegt);
  return set;
}

// "voksenlaerling.minimumsalder<2014-01-01>" -> ["voksenlaerling.minimumsalder", "2014-01-01"]
export function delTraceNavn(navn) {
  const m = /^(.*)<([^>]*)>$/.exec(navn);
  return m ? [m[1], m[2]] : [navn, ""];
}

export function debounce(f, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => f(...a), ms); };
}

// Sidens levende beregning: et felt ændres → beregningen venter 350 ms på flere ændringer → svaret
// vises. body[data-travl] er "1", fra et felt ændres, til svaret er vist (testene venter på "0").
// En ny ændring gør et svar, der stadig er på vej, forældet: det må hverken vises eller melde siden
// ledig. `spoerg(perioder)` giver {status, data, sag}; `vis(data, perioder, sag)` forbereder svaret
// og giver en funktion, der sætter det ind (kaldes kun, hvis svaret stadig er det nyeste).
export function levendeBeregning({ form, generelt, resultat, status, beskrivSti, gemIUrl, spoerg, vis, ryd, titel }) {
  let runde = 0;
  const travl = (ja) => { document.body.dataset.travl = ja ? "1" : "0"; };
  async function beregnNu() {
    const min = ++runde;
    travl(true);
    rydFejl(form, generelt);
    // Sidens egne felter (perioden, datoer og måneder) skal kunne læses, før der er en sag at regne på.
    const fejl = periodeFejl(fortolkMaaned(form.fra.value), form.antal.value);
    const felter = [...(fejl ? [[form[fejl[0]], fejl[1]]] : []), ...tidsfejl(form).filter(([i]) => !fejl || i !== form[fejl[0]])];
    if (felter.length) {
      for (const [input, besked] of felter) visFeltFejl(input, besked);
      ryd();
      status.textContent = `Ingen beregning: ret ${felter.length === 1 ? "feltet" : "felterne"} markeret med fejl.`;
      resultat.hidden = false;
      delete resultat.dataset.klar;
      travl(false);
      return;
    }
    const perioder = maaneder(fortolkMaaned(form.fra.value), Number(form.antal.value));
    status.textContent = "Regner …";
    resultat.hidden = false;
    const { status: kode, data, sag } = await spoerg(perioder);
    if (min !== runde) return;
    if (kode !== 200) {
      visApiFejl(form, generelt, data, beskrivSti);
      status.textContent = "Ingen beregning: ret felterne markeret med fejl.";
      travl(false);
      ryd();
      return;
    }
    const saetInd = await vis(data, perioder, sag);
    if (min !== runde) return;
    saetInd?.();
    status.textContent = `${titel} for ${maanedsnavn(perioder[0])} – ${maanedsnavn(perioder.at(-1))}.`;
    resultat.dataset.klar = String(min);
    travl(false);
  }
  const udskudt = debounce(() => { gemIUrl(); beregnNu(); }, 350);
  function opdater() {
    runde++;
    travl(true);
    udskudt();
  }
  return { opdater, beregnNu };
}

// --- Paragraffer: den mest præcise henvisning i en variabels eller parameters kilder ---
// En henvisning er en URL (elov.dk's side for en paragraf giver "LAB § 155") eller en tekst
// ("LAB § 155"). En enkelt paragraf slår et kapitel eller en række paragraffer ("§§ 154-160").
const LOVE = { "lov-om-en-aktiv-beskaeftigelsesindsats": "LAB", beskaeftigelsesindsatsloven: "Beskæftigelsesindsatsloven (2016)" };
function somHenvisning(r) {
  const ref = typeof r === "string" ? { title: r, href: /^https?:\/\/\S+$/.test(r) ? r : null } : r || {};
  let tekst = ref.title && ref.title !== ref.href ? ref.title : "";
  const elov = /elov\.dk\/([^/]+)\/(paragraf|kapitel)\/([^/#?]+)/.exec(ref.href || "");
  if (!tekst && elov) tekst = `${LOVE[elov[1]] || elov[1]} ${elov[2] === "paragraf" ? "§" : "kap."} ${elov[3]}`;
  tekst = tekst.replace(/\s*\(lov nr\.[^)]*\)/, "").replace(/^LAB 2019 /, "LAB ");
  // Én paragraf ("§ 153", "§ 159, stk. 2"), også i en længere tekst; ellers et kapitel eller en række.
  const enkelt = /§§/.test(tekst) ? null : /§ ?\d+ ?[a-z]?\b(?:, stk\. ?\d+)?(?:, nr\. ?\d+)?/.exec(tekst);
  if (enkelt) tekst = `${/^[A-ZÆØÅ][\wæøå-]*/.exec(tekst)?.[0] || "LAB"} ${enkelt[0]}`.replace(/ +/g, " ");
  const bredt = !enkelt && (/§§|kap\.|kapitel/i.test(tekst) || elov?.[2] === "kapitel");
  return { tekst, href: ref.href || null, point: enkelt ? 3 : bredt ? 1 : 0 };
}
export function paragraf(referencer) {
  const alle = (Array.isArray(referencer) ? referencer : referencer ? [referencer] : []).map(somHenvisning);
  const bedst = Math.max(0, ...alle.map((h) => h.point));
  if (!bedst) return null;
  const valgte = alle.filter((h) => h.point === bedst);
  const tekst = valgte.find((h) => !h.href)?.tekst || valgte[0].tekst;
  const nummer = /§ ?(\d+ ?[a-z]?)\b/.exec(tekst)?.[1];
  const href = valgte.find((h) => h.href && (!nummer || h.tekst.includes(`§ ${nummer}`)))?.href || null;
  return { tekst, href };
}
export function paragrafLink(p) {
  if (!p) return null;
  return p.href ? el("a", { href: p.href, rel: "noopener", klasse: "paragraf", tekst: p.tekst }) : el("span", { klasse: "paragraf", tekst: p.tekst });
}

// --- Udskrift: datoen, reglernes dato og sagens link står på papiret (kun ved print) ---
export function udskriftsoplysninger() {
  const boks = document.getElementById("udskrift");
  if (!boks) return;
  const idag = new Date();
  const dato = `${idag.getDate()}. ${MAANEDER[idag.getMonth()]} ${idag.getFullYear()}`;
  boks.querySelector("[data-udskrevet]").textContent = dato;
  const link = boks.querySelector("[data-sagen]");
  link.textContent = location.href;
  link.href = location.href;
}

// På papir er de sammenfoldede dele (alle betingelser, satser og kilder) åbne; bagefter som før.
if (typeof window !== "undefined") {
  let lukkede = [];
  window.addEventListener("beforeprint", () => {
    lukkede = [...document.querySelectorAll("main details:not([open])")];
    lukkede.forEach((d) => { d.open = true; });
  });
  window.addEventListener("afterprint", () => {
    lukkede.forEach((d) => { d.open = false; });
    lukkede = [];
  });
}
