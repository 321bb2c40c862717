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
export function periodeFraAdresse(form, q, standard) {
  form.fra.value = q.get("fra") || standard.fra;
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
  if (!/^\d{4}-\d{2}$/.test(fra || "")) return ["fra", "Skriv en måned som ÅÅÅÅ-MM."];
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
    const type = spec.type === "dato" ? "date" : "text";
    input = el("input", { ...faelles, type, inputmode: type === "text" ? "decimal" : undefined, autocomplete: "off" });
    input.value = vaerdi ?? spec.eksempel ?? "";
    input.addEventListener("input", vedAendring);
    input.addEventListener("change", vedAendring);
  }
  return el("div", { klasse: "felt" }, el("label", { for: faelles.id, tekst: spec.etiket }), input, hjaelp, fejl);
}

// Feltets værdi, som formularen gemmer den (til URL'en).
export function feltVaerdi(input) {
  return input.type === "checkbox" ? (input.checked ? "1" : "0") : input.value;
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
  let fejl = document.getElementById(`e-${input.name}`);
  if (!fejl) {  // et felt uden fejlboks i skabelonen ("Første måned"): ellers TypeError, og siden forblev travl
    fejl = Object.assign(document.createElement("p"), { className: "fejl", id: `e-${input.name}` });
    input.parentElement.append(fejl);
  }
  input.setAttribute("aria-invalid", "true");
  if (!input.getAttribute("aria-describedby").includes(fejl.id)) {
    input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby")} ${fejl.id}`);
  }
  fejl.textContent = besked;
  fejl.hidden = false;
}

// Læg hver fejl fra API'et ved det felt, den nævner (entitet/id/variabel); resten i den fælles boks.
export function visApiFejl(rod, generelt, data, beskrivSti) {
  const uplacerede = [];
  for (const { sti, besked } of fejlBlade(data)) {
    const noegle = sti.slice(0, 3).join("/");
    const input = sti.length >= 3 ? rod.querySelector(`[data-sti="${CSS.escape(noegle)}"]`) : null;
    if (input) visFeltFejl(input, besked);
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
    const fejl = periodeFejl(form.fra.value, form.antal.value);
    if (fejl) {
      visFeltFejl(form[fejl[0]], fejl[1]);
      travl(false);
      return;
    }
    const perioder = maaneder(form.fra.value, Number(form.antal.value));
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
