// Article Inspector page: input handling, the analysis worker, and wiring the rendered results.
// The analysis itself runs in worker.js (never on this thread); rendering is in render.js.
import { renderArticle, renderPeople, renderQuotes, renderEntities, renderStats, plural, fmt } from "./render.js";
import { EXAMPLES } from "./example.js";
import { exportFile } from "./export.js";
import { initNavigation } from "./navigate.js";
import { initBatch, droppedFiles } from "./batch.js";
import { initNames } from "./names.js";

// The core's limit (MAX_INPUT_BYTES in crate/src/analysis.rs), checked here first so that
// nothing that large is read, pasted into the box, or sent to the worker.
const MAX_BYTES = 20 * 1024 * 1024;
const LIMIT = "20 MB";
const OK_EXTENSIONS = ["txt", "text", "html", "htm", "xhtml", "md", "markdown"];

const $ = (id) => document.getElementById(id);
const input = $("input");
const formatSel = $("format");
const statusEl = $("status");
const messageEl = $("message");
const results = $("results");
const article = $("article");
const panels = { people: $("people"), quotes: $("quotes"), entities: $("entities"), stats: $("stats") };
const showBp = $("show-boilerplate");
const copyBtn = $("copy-clean");
const exportMenu = $("export-menu");
const exportToggle = $("export-toggle");
const resetBtn = $("reset-decisions");
const overlay = $("drop-overlay");
const pasteSwitch = $("paste-switch");
const pasteNote = $("paste-note");
const exampleMenu = $("example-menu");

const state = {
  worker: null,
  ready: false,
  version: "",
  nextId: 1,
  inFlight: null, // {id, input, format, started}
  pending: null, // the newest request waiting for the worker
  current: null, // {analysis, ms, input, format, decisions}
  highlight: null,
  // The reader's keep/drop decisions for the analysed input (block index -> "keep" | "drop").
  // Kept in memory only, and forgotten when the input or the format changes.
  decisions: { input: null, format: null, map: new Map() },
  source: null, // e.g. 'file “x.html” (windows-1252)'
  // The clipboard's two versions of the last paste that replaced the whole box and carried HTML:
  // {text, html, mode: "html" | "text"} — the box shows `mode`'s version (the other is kept,
  // with the reader's edits to each). Null for any other input.
  clip: null,
};

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

// ---------------------------------------------------------------- messages

function setStatus(text) {
  statusEl.textContent = text;
}

function showMessage(text, kind = "error") {
  messageEl.textContent = text;
  messageEl.dataset.kind = kind;
  messageEl.hidden = false;
}

function clearMessage() {
  messageEl.hidden = true;
  messageEl.textContent = "";
  delete messageEl.dataset.kind;
}

// ---------------------------------------------------------------- worker

function startWorker() {
  state.ready = false;
  document.documentElement.dataset.engine = "loading";
  const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "article-inspector" });
  w.onmessage = (e) => onWorkerMessage(w, e.data);
  w.onerror = (e) => {
    e.preventDefault?.();
    if (w !== state.worker) return;
    document.documentElement.dataset.engine = "failed";
    // The served page's worker cannot start from file://; the single-file build is made for it.
    const fileHint = location.protocol === "file:" && !document.getElementById("ai-modules") ? " This page has to be served over HTTP (for example scripts/serve.sh); it cannot run from a file:// address." : "";
    showMessage(`The analyser could not be started${e.message ? ` (${e.message})` : ""}.${fileHint}`);
    setStatus("Analyser unavailable.");
    failInFlight();
  };
  state.worker = w;
}

function restartWorker() {
  if (state.worker) state.worker.terminate();
  startWorker();
}

function failInFlight() {
  state.inFlight = null;
  state.pending = null;
  results.dataset.state = state.current ? "done" : "error";
}

function onWorkerMessage(w, msg) {
  if (w !== state.worker || !msg) return;
  if (msg.type === "ready") {
    state.ready = true;
    state.version = msg.version;
    document.documentElement.dataset.engine = "ready";
    $("version").textContent = `v${msg.version}`;
    if (!state.inFlight && !state.current) setStatus("Ready. Paste an article, open a file, or try an example.");
    return;
  }
  if (msg.type === "init-error") {
    document.documentElement.dataset.engine = "failed";
    showMessage(`The analyser could not be loaded: ${msg.error}`);
    setStatus("Analyser unavailable.");
    return;
  }
  const req = state.inFlight;
  if (!req || msg.id !== req.id) return;
  state.inFlight = null;
  if (state.pending) {
    // Newer input arrived while this one ran: its result is stale; run the newest instead.
    const next = state.pending;
    state.pending = null;
    if (!msg.ok && msg.fatal) restartWorker();
    send(next);
    return;
  }
  if (msg.ok) {
    showAnalysis(msg.analysis, msg.ms, req);
  } else {
    if (msg.fatal) restartWorker();
    showFailure(msg.error, msg.fatal);
  }
}

function send(req) {
  batch.articleShown();
  state.inFlight = { ...req, started: performance.now() };
  results.dataset.state = "working";
  setStatus(state.ready ? "Analysing…" : "Loading the analyser…");
  state.worker.postMessage({ id: req.id, input: req.input, format: req.format, overrides: overridesOf(req.decisions, req.names) });
}

// ---------------------------------------------------------------- analysis requests

function requestAnalysis(why = "button") {
  const text = input.value;
  if (!text.trim()) {
    state.pending = null;
    resetResults();
    showMessage(why === "auto"
      ? "The text box is empty. Paste an article, open a file, or press “Try an example”."
      : "Nothing to analyse: paste an article (text or HTML) into the box, open a file, or press “Try an example”.", "info");
    setStatus("Waiting for an article.");
    results.dataset.state = "empty";
    return;
  }
  // UTF-16 code units never outnumber UTF-8 bytes: this much is over the core's limit for sure.
  if (text.length > MAX_BYTES) {
    state.pending = null;
    resetResults();
    results.dataset.state = "error";
    showMessage(`The text in the box is ${formatSize(text.length)}; inputs over ${LIMIT} are refused. Your text is still in the box: keep just the article and analyse again.`);
    setStatus("Too large to analyse.");
    return;
  }
  clearMessage();
  const format = formatSel.value;
  const d = state.decisions;
  if (d.input !== text || d.format !== format) state.decisions = { input: text, format, map: new Map() };
  queue({ id: state.nextId++, input: text, format, decisions: new Map(state.decisions.map), names: names.names() });
}

function queue(req) {
  if (state.inFlight) {
    state.pending = req;
    return;
  }
  send(req);
}

/** The worker's `overrides` for a decisions map and the reader's names, or undefined when the
 * reader changed nothing. */
function overridesOf(decisions, readerNames = []) {
  if ((!decisions || !decisions.size) && !readerNames.length) return undefined;
  const keep = [], drop = [];
  for (const [bi, d] of [...(decisions || [])].sort((a, b) => a[0] - b[0])) (d === "keep" ? keep : drop).push(bi);
  return { keep, drop, names: readerNames };
}

let debounceTimer = 0;
function scheduleAnalysis(delay) {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => requestAnalysis("auto"), delay);
}

function showFailure(error, fatal) {
  resetResults();
  results.dataset.state = "error";
  const text = String(error || "Unknown error").replace(/^Error:\s*/, "");
  showMessage(fatal
    ? `The analyser failed on this input (${text}). Your text is still in the box; the analyser has been restarted.`
    : `This input could not be analysed: ${text} Your text is still in the box.`);
  setStatus("Analysis failed.");
}

function resetResults() {
  state.current = null;
  state.highlight = null;
  state.decisions = { input: null, format: null, map: new Map() };
  updateResetButton();
  article.replaceChildren(placeholder());
  for (const p of Object.values(panels)) {
    const e = document.createElement("p");
    e.className = "empty";
    e.textContent = "No analysis yet.";
    p.replaceChildren(e);
  }
  copyBtn.disabled = true;
  updateExportMenu();
  nav?.onRender(null);
}

function placeholder() {
  const p = document.createElement("p");
  p.className = "placeholder";
  p.textContent = "The annotated article appears here. Paste something above, open a file, or press “Try an example”.";
  return p;
}

function showAnalysis(analysis, ms, req = {}) {
  const decisions = req.decisions || new Map();
  // A re-analysis after a decision on the same input keeps the reader's place: which boilerplate
  // is open, where the changed block sits on screen, where the focus is, what is highlighted.
  const sameInput = !!(req.decision && state.current && state.current.input === req.input && state.current.format === req.format);
  const view = sameInput ? viewState() : null;
  const highlight = sameInput ? state.highlight : null;
  state.current = { analysis, ms, input: req.input, format: req.format, decisions };
  state.highlight = null;
  const { fragment, dropped } = renderArticle(document, analysis, decisions);
  if (dropped) console.warn(`article-inspector: ${dropped} annotation span(s) were inconsistent and not shown`);
  if (!analysis.blocks || !analysis.blocks.length) {
    const p = document.createElement("p");
    p.className = "placeholder";
    p.textContent = "No text was found in this input.";
    fragment.appendChild(p);
  }
  article.replaceChildren(fragment);
  applyBoilerplateToggle();
  panels.people.replaceChildren(renderPeople(document, analysis));
  panels.quotes.replaceChildren(renderQuotes(document, analysis));
  panels.entities.replaceChildren(renderEntities(document, analysis));
  names.suggest((analysis.entities || []).filter((e) => e.id).map((e) => e.text));
  panels.stats.replaceChildren(renderStats(document, analysis, { ms }));
  copyBtn.disabled = !analysis.clean_text;
  updateExportMenu();
  updateResetButton();
  if (view) restoreView(view, req.decision);
  if (highlight && !highlight.startsWith("q:")) applyHighlight(highlight);
  nav.onRender(analysis);
  results.dataset.state = "done";
  const s = analysis.stats || {};
  // Quotes are speech in the speaker's words; reported speech and scare quotes are counted apart.
  const quotes = analysis.quotes || [];
  const q = quotes.filter((x) => x.kind === "direct" || x.kind === "partial").length;
  const reported = quotes.filter((x) => x.kind === "indirect").length;
  const summary = `${plural(s.article_words || 0, "article word")}, `
    + `${plural(s.boilerplate_blocks || 0, "boilerplate block")}, ${plural(q, "quote")}`
    + `${reported ? ` and ${reported} reported` : ""} from ${plural(s.sources || 0, "source")}.`;
  if (req.decision) setStatus(`${decisionMessage(req.decision, analysis)} Now ${summary}`);
  else setStatus(`Analysed in ${fmt(ms)} ms${state.source ? ` (${state.source})` : ""}: ${summary}`);
  // How the input was read (control bytes dropped, no clear article…): said, never hidden.
  if ((analysis.warnings || []).length) showMessage(analysis.warnings.join(" "), "info");
}

// ---------------------------------------------------------------- the reader's decisions

function updateResetButton() {
  const n = state.current ? state.current.decisions.size : 0;
  resetBtn.hidden = n === 0;
  resetBtn.textContent = n > 1 ? `Reset my decisions (${fmt(n)})` : "Reset my decisions";
}

function blockExcerpt(analysis, bi) {
  const b = (analysis.blocks || [])[bi];
  if (!b) return "the block";
  const words = analysis.text.slice(b.start, b.end).replace(/\s+/g, " ").trim().split(" ");
  return `“${words.length > 6 ? `${words.slice(0, 6).join(" ")}…` : words.join(" ")}”`;
}

function decisionMessage(decision, analysis) {
  if (decision.action === "reset") return "Your decisions were reset: the article is as the analysis found it.";
  const what = blockExcerpt(analysis, decision.bi);
  if (decision.action === "drop") return `Removed ${what} from the article.`;
  if (decision.action === "keep") return `Restored ${what} to the article.`;
  return `Undone: ${what} is back as the analysis had it.`;
}

/**
 * Records the reader's decision on block `bi` ("keep", "drop" or "undo") — or "reset" for all —
 * and re-analyses the same input with every decision so far.
 */
function decide(action, bi) {
  const cur = state.current;
  if (!cur) return;
  // A newer input is already being analysed: this decision is about text that is going away.
  const busy = [state.inFlight, state.pending].find((r) => r && (r.input !== cur.input || r.format !== cur.format));
  if (busy) return;
  const d = state.decisions;
  if (d.input !== cur.input || d.format !== cur.format) state.decisions = { input: cur.input, format: cur.format, map: new Map(cur.decisions) };
  const map = new Map(state.decisions.map);
  if (action === "reset") map.clear();
  else if (action === "undo") map.delete(bi);
  else map.set(bi, action);
  state.decisions.map = map;
  const decision = { action, bi };
  const el = bi !== undefined ? article.querySelector(`[data-block="${bi}"]`) : null;
  if (el) decision.top = el.getBoundingClientRect().top;
  decision.refocus = bi !== undefined ? "block" : "article";
  clearTimeout(debounceTimer);
  queue({ id: state.nextId++, input: cur.input, format: cur.format, decisions: new Map(map), decision });
}

/** Which boilerplate is open (by block index), so a re-render can keep it open. */
function viewState() {
  const idx = (sel) => new Set([...article.querySelectorAll(sel)].map((b) => Number(b.dataset.block)));
  return {
    expanded: idx(".block.boilerplate:not(.collapsed)"),
    inOpenGroup: idx("details.bp-group[open] > .block"),
  };
}

function restoreView(view, decision) {
  for (const g of article.querySelectorAll("details.bp-group")) {
    if ([...g.querySelectorAll(":scope > .block")].some((b) => view.inOpenGroup.has(Number(b.dataset.block)))) g.open = true;
  }
  for (const b of article.querySelectorAll(".block.boilerplate")) {
    if (view.expanded.has(Number(b.dataset.block))) setCollapsed(b, false);
  }
  if (decision.refocus === "article") {
    article.focus({ preventScroll: true });
    return;
  }
  const block = article.querySelector(`[data-block="${decision.bi}"]`);
  if (!block) return;
  // The block the reader just changed stays in view, where it was.
  const group = block.closest("details.bp-group");
  if (group) group.open = true;
  if (decision.top !== undefined) {
    const dy = block.getBoundingClientRect().top - decision.top;
    if (Math.abs(dy) >= 1) window.scrollBy({ top: dy, behavior: "instant" });
  }
  const btn = block.querySelector(".decide-btn");
  if (btn) btn.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- files

function extension(name) {
  const m = /\.([a-z0-9]+)$/i.exec(name || "");
  return m ? m[1].toLowerCase() : "";
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Decodes file bytes: BOMs first, then strict UTF-8, then the charset an HTML page declares in
 * its first 1,024 bytes (`<meta charset>` or `http-equiv`, as browsers read it), else
 * windows-1252 (the usual legacy web encoding). The command line decodes the same way.
 */
export function decodeBytes(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // A page declared UTF-8 with a few broken bytes stays UTF-8 (the broken bytes become U+FFFD).
    const encoding = declaredCharset(bytes) || "windows-1252";
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

/** The encoding a page's `<meta>` declares in its first 1,024 bytes, when the browser knows it. */
function declaredCharset(bytes) {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 1024));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  try {
    return new TextDecoder(m[1]).encoding;
  } catch {
    return null;
  }
}

/** Why `file` is refused (too large, not text), or null when it can be read. */
function refusal(file) {
  if (file.size > MAX_BYTES) return `“${file.name}” is ${formatSize(file.size)}. Files over ${LIMIT} are refused: save just the article, or paste its text.`;
  if (!OK_EXTENSIONS.includes(extension(file.name)) && !(file.type || "").startsWith("text/")) {
    return `“${file.name}” does not look like a text or HTML file. Open a .txt, .html, .htm or .md file.`;
  }
  return null;
}

async function loadFile(file) {
  clearMessage();
  if (!file) return;
  const refused = refusal(file);
  if (refused) {
    showMessage(refused);
    return;
  }
  setStatus(`Reading “${file.name}”…`);
  let decoded;
  try {
    decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    showMessage(`“${file.name}” could not be read: ${err && err.message ? err.message : err}`);
    setStatus("");
    return;
  }
  dropClip();
  input.value = decoded.text;
  state.source = `“${file.name}”, ${formatSize(file.size)}, ${decoded.encoding}`;
  clearTimeout(debounceTimer);
  requestAnalysis("file");
}

/** One file opens as usual; several (or a folder's worth) go to the batch table. */
function openFiles(files, { folder = false } = {}) {
  let list = [...files];
  // In a folder, the files that are not articles (images, .DS_Store…) are passed over quietly.
  if (folder) list = list.filter((f) => !refusal(f) && !f.name.startsWith("."));
  if (!list.length) {
    showMessage(folder ? "No .txt, .html or .md files were found in that folder." : "No file was opened.", "info");
    return;
  }
  if (list.length === 1 && !folder) {
    loadFile(list[0]);
    return;
  }
  clearMessage();
  batch.start(list);
}

$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", (e) => {
  if (e.target.files && e.target.files.length) openFiles(e.target.files);
  e.target.value = "";
});
$("open-folder").addEventListener("click", () => $("folder").click());
$("folder").addEventListener("change", (e) => {
  if (e.target.files && e.target.files.length) openFiles(e.target.files, { folder: true });
  e.target.value = "";
});

let dragDepth = 0;
const hasFiles = (e) => e.dataTransfer && [...(e.dataTransfer.types || [])].includes("Files");
window.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  overlay.hidden = false;
});
window.addEventListener("dragover", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
});
window.addEventListener("dragleave", (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
window.addEventListener("drop", (e) => {
  dragDepth = 0;
  overlay.hidden = true;
  if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length) return;
  e.preventDefault();
  droppedFiles(e.dataTransfer).then(({ files, folder }) => openFiles(files, { folder }));
});

// ---------------------------------------------------------------- input events

/**
 * Refuses (before the browser inserts it) pasted or dropped text that would take the box over
 * the limit: 50 MB in a text box freezes the tab for many seconds, and would be refused anyway.
 * The text already in the box stays as it was. Returns true when refused.
 */
function refuseOversized(e, data, how) {
  const incoming = data ? data.getData("text/plain").length : 0;
  const kept = input.value.length - (input.selectionEnd - input.selectionStart);
  if (incoming + kept <= MAX_BYTES) return false;
  e.preventDefault();
  showMessage(`The ${how} text is ${formatSize(incoming)}${kept ? `, ${formatSize(incoming + kept)} with what is already in the box` : ""}; inputs over ${LIMIT} are refused, so it was not ${how}. Copy just the article, or save it as a file and open that.`);
  setStatus(`Nothing ${how}: too large.`);
  return true;
}

// ---------------------------------------------------------------- pasted HTML: Text | HTML

const CLIP_SOURCE = { html: "the clipboard’s HTML", text: "the clipboard’s text" };
const CLIP_NOTE = {
  html: "The box shows the HTML the web page put on the clipboard, read as markup so that menus, share buttons and captions are recognised. It is only read: no script in it runs, no image is fetched.",
  text: "The box shows the clipboard’s plain text. Switch to HTML to use the page’s structure (menus, share buttons, captions).",
};

/** Shows the switch for `state.clip` (hidden when there is none). */
function updatePasteSwitch() {
  const c = state.clip;
  pasteSwitch.hidden = !c;
  if (!c) return;
  for (const r of pasteSwitch.querySelectorAll('input[name="paste-version"]')) r.checked = r.value === c.mode;
  pasteNote.textContent = CLIP_NOTE[c.mode];
}

/** Forgets the clipboard's versions (a new article arrived another way); back to "Auto". */
function dropClip() {
  if (!state.clip) return;
  state.clip = null;
  formatSel.value = "auto";
  updatePasteSwitch();
}

/** Puts the clipboard's `mode` version in the box and reads it as such ("html" or "text"). */
function showClipVersion(mode) {
  const c = state.clip;
  c.mode = mode;
  input.value = c[mode];
  formatSel.value = mode;
  state.source = CLIP_SOURCE[mode];
  updatePasteSwitch();
  clearTimeout(debounceTimer);
  requestAnalysis("auto");
}

pasteSwitch.addEventListener("change", (e) => {
  const c = state.clip;
  const mode = e.target.value;
  if (!c || (mode !== "html" && mode !== "text") || mode === c.mode) return;
  // The version the reader leaves keeps their edits: switching back shows it as they left it.
  c[c.mode] = input.value;
  showClipVersion(mode);
});

/** Does this clipboard HTML have markup worth reading (not just text in a wrapper)? */
const hasMarkup = (html) => /<[a-z][^>]*>/i.test(html);

input.addEventListener("paste", (e) => {
  if (refuseOversized(e, e.clipboardData, "pasted")) return;
  state.source = null;
  const data = e.clipboardData;
  // A paste that replaces the whole box is a new article; one into the middle is an edit.
  const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  const html = data && [...(data.types || [])].includes("text/html") ? data.getData("text/html") : "";
  if (whole && html && hasMarkup(html)) {
    if (html.length <= MAX_BYTES) {
      // Both versions are kept; the HTML is analysed (inertly, in Rust: never put in this page).
      e.preventDefault();
      state.clip = { text: data.getData("text/plain"), html, mode: "html" };
      showClipVersion("html");
      return;
    }
    showMessage(`The clipboard’s HTML is ${formatSize(html.length)}, over ${LIMIT}: its plain text was pasted instead.`, "info");
  }
  if (whole) dropClip();
  // The pasted text is in the box only after this event: the input event that follows analyses
  // it at once; this is the fallback for a paste that fires no input event.
  scheduleAnalysis(0);
});
input.addEventListener("drop", (e) => {
  if (e.dataTransfer && ![...(e.dataTransfer.types || [])].includes("Files")) refuseOversized(e, e.dataTransfer, "dropped");
});
input.addEventListener("input", (e) => {
  state.source = null;
  if (e.inputType === "insertFromPaste" || e.inputType === "insertFromDrop") {
    // A paste or a drop is a whole article arriving: analyse it now (typing stays debounced).
    clearTimeout(debounceTimer);
    requestAnalysis("auto");
  } else scheduleAnalysis(700);
});
input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    clearTimeout(debounceTimer);
    requestAnalysis("button");
  }
});
$("analyse").addEventListener("click", () => {
  clearTimeout(debounceTimer);
  requestAnalysis("button");
});
formatSel.addEventListener("change", () => {
  if (input.value.trim()) scheduleAnalysis(0);
});
// ---------------------------------------------------------------- examples

/** Loads example `id` (from example.js) into the box and analyses it. */
function loadExample(id) {
  const ex = EXAMPLES.find((x) => x.id === id);
  if (!ex) return;
  dropClip();
  input.value = ex.text;
  state.source = `example article “${ex.name}”`;
  formatSel.value = "auto";
  clearTimeout(debounceTimer);
  requestAnalysis("button");
}

{
  const list = exampleMenu.querySelector(".example-list");
  for (const ex of EXAMPLES) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.example = ex.id;
    const name = document.createElement("span");
    name.className = "example-name";
    name.textContent = ex.name;
    const what = document.createElement("span");
    what.className = "example-what";
    what.textContent = ex.what;
    b.append(name, what);
    li.appendChild(b);
    list.appendChild(li);
  }
}

function closeExampleMenu(refocus) {
  if (!exampleMenu.open) return;
  exampleMenu.open = false;
  if (refocus) $("example").focus();
}

exampleMenu.addEventListener("toggle", () => {
  if (exampleMenu.open) exampleMenu.querySelector("button[data-example]")?.focus();
});
exampleMenu.addEventListener("click", (e) => {
  const b = e.target.closest("button[data-example]");
  if (!b) return;
  closeExampleMenu(false);
  loadExample(b.dataset.example);
});
exampleMenu.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && exampleMenu.open) {
    e.stopPropagation();
    closeExampleMenu(true);
    return;
  }
  // Up and down move between the examples, as in a menu.
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const items = [...exampleMenu.querySelectorAll("button[data-example]")];
  const i = items.indexOf(document.activeElement);
  if (i < 0) return;
  e.preventDefault();
  items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
});
document.addEventListener("click", (e) => {
  if (exampleMenu.open && !exampleMenu.contains(e.target)) closeExampleMenu(false);
});

$("clear").addEventListener("click", () => {
  dropClip();
  input.value = "";
  state.source = null;
  clearTimeout(debounceTimer);
  clearMessage();
  resetResults();
  results.dataset.state = "empty";
  setStatus(state.ready ? "Ready. Paste an article, open a file, or try an example." : "Loading the analyser…");
  input.focus();
});

// ---------------------------------------------------------------- article interactions

function applyBoilerplateToggle() {
  const open = showBp.checked;
  for (const b of article.querySelectorAll(".block.boilerplate:not(.meta-line)")) setCollapsed(b, !open);
  for (const g of article.querySelectorAll("details.bp-group")) g.open = open;
}

function setCollapsed(block, collapsed) {
  block.classList.toggle("collapsed", collapsed);
  const t = block.querySelector(".bp-toggle");
  if (t) t.setAttribute("aria-expanded", String(!collapsed));
}

showBp.addEventListener("change", applyBoilerplateToggle);

/** Makes `node` visible (opens its boilerplate group / block), scrolls to it and focuses it. */
function reveal(node) {
  const group = node.closest("details.bp-group");
  if (group) group.open = true;
  const block = node.closest(".block.boilerplate.collapsed");
  if (block) setCollapsed(block, false);
  if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
  node.scrollIntoView({ block: "center", behavior: reducedMotion.matches ? "auto" : "smooth" });
  node.focus({ preventScroll: true });
}

function clearHighlight() {
  for (const n of document.querySelectorAll(".hl")) n.classList.remove("hl");
  for (const b of document.querySelectorAll(".side [aria-pressed='true']")) b.setAttribute("aria-pressed", "false");
  state.highlight = null;
}

/**
 * The article's elements for a highlight key, in document order: an entity's or person's
 * mentions (`c:` cluster, `t:KIND:text` date or amount), plus for a speaker their quotes and the
 * words that name them as speaker and the pronouns and descriptions resolved to them; `n:NAME` a
 * speaker with no cluster, `u:` the unknown speakers.
 */
function elementsForKey(key) {
  const esc = CSS.escape;
  let sel = `mark.ent[data-key="${esc(key)}"]`;
  if (key.startsWith("c:")) {
    const id = esc(key.slice(2));
    sel += `, .quote[data-speaker="${id}"], .speaker-ref[data-speaker="${id}"], .coref[data-cluster="${id}"]`;
  } else if (key.startsWith("n:")) {
    sel = `.quote[data-speaker-name="${esc(key.slice(2))}"]:not([data-speaker])`;
  } else if (key === "u:") {
    sel = '.quote[data-speaker-name=""]';
  }
  return [...article.querySelectorAll(sel)];
}

/** Marks every mention of `key` (and a speaker's quotes) and presses its buttons; returns them. */
function applyHighlight(key) {
  state.highlight = key;
  const els = elementsForKey(key);
  for (const m of els) m.classList.add("hl");
  for (const b of document.querySelectorAll(`.side [data-key="${CSS.escape(key)}"]`)) b.setAttribute("aria-pressed", "true");
  return els;
}

/** "3 mentions and 2 quotes" of the highlighted elements (a quote's parts count once). */
function describeHighlight(els) {
  // "she", "the ambassador": mentions of the person too.
  const mentions = els.filter((e) => e.matches("mark.ent, .coref")).length;
  const quotes = new Set(els.filter((e) => e.matches(".quote")).map((e) => e.dataset.quote)).size;
  const bits = [];
  if (mentions || !quotes) bits.push(plural(mentions, "mention"));
  if (quotes) bits.push(plural(quotes, "quote"));
  return bits.join(" and ");
}

/**
 * Highlights everything of `key` and scrolls to the first (outside boilerplate if it can), or —
 * `keepFocus`: an element the reader is on — stays there. The same key again clears it.
 */
function highlightKey(key, label, { toggle = true, keepFocus = null } = {}) {
  const same = state.highlight === key;
  clearHighlight();
  if (same && toggle) {
    setStatus("Highlight cleared.");
    return;
  }
  const els = applyHighlight(key);
  const first = els.find((m) => !m.closest(".boilerplate")) || els[0];
  if (keepFocus) keepFocus.focus({ preventScroll: true });
  else if (first) reveal(first);
  setStatus(`${describeHighlight(els)} of ${label || key} highlighted${els.length ? "; n and p move between them" : " (none in the text)"}.`);
}

function labelForKey(key) {
  const a = state.current && state.current.analysis;
  if (a && key.startsWith("c:")) {
    const c = (a.clusters || []).find((x) => String(x.id) === key.slice(2));
    if (c) return c.name;
  }
  if (key === "u:") return "unknown speakers";
  return key.replace(/^t:[A-Z]+:/, "").replace(/^n:/, "");
}

function highlightQuote(qi) {
  clearHighlight();
  const parts = [...article.querySelectorAll(`.quote[data-quote="${CSS.escape(String(qi))}"]`)];
  for (const p of parts) p.classList.add("hl");
  for (const b of document.querySelectorAll(`.side [data-quote-ref="${CSS.escape(String(qi))}"]`)) b.setAttribute("aria-pressed", "true");
  state.highlight = `q:${qi}`;
  if (parts[0]) reveal(parts[0]);
  const q = state.current && (state.current.analysis.quotes || [])[qi];
  if (q) setStatus(`${q.kind === "indirect" ? "Reported speech" : "Quote"} by ${q.speaker && q.speaker.name ? q.speaker.name : "an unknown speaker"} highlighted${parts.length ? "" : " (not in the text)"}.`);
}

/** The highlight key for a quote's speaker: the cluster, the name, or the unknown speakers. */
function speakerKey(quoteEl) {
  if (quoteEl.dataset.speaker) return `c:${quoteEl.dataset.speaker}`;
  return quoteEl.dataset.speakerName ? `n:${quoteEl.dataset.speakerName}` : "u:";
}

document.querySelector(".side").addEventListener("click", (e) => {
  const btn = e.target.closest("button");
  if (!btn) return;
  if (btn.dataset.key) {
    highlightKey(btn.dataset.key, labelForKey(btn.dataset.key));
  } else if (btn.dataset.quoteRef !== undefined) {
    highlightQuote(btn.dataset.quoteRef);
  }
});

article.addEventListener("click", (e) => {
  const decideBtn = e.target.closest(".decide-btn");
  if (decideBtn) {
    decide(decideBtn.dataset.action, Number(decideBtn.dataset.block));
    return;
  }
  const toggle = e.target.closest(".bp-toggle");
  if (toggle) {
    const block = toggle.closest(".block");
    setCollapsed(block, !block.classList.contains("collapsed"));
    return;
  }
  const block = e.target.closest(".block.boilerplate.collapsed");
  if (block) {
    setCollapsed(block, false);
    return;
  }
  const mark = e.target.closest("mark.ent");
  if (mark && mark.dataset.key) {
    highlightKey(mark.dataset.key, labelForKey(mark.dataset.key));
    return;
  }
  // A quote's speaker label (or the words naming the speaker) highlights the speaker.
  const who = e.target.closest(".speaker-label, .speaker-ref");
  const quote = who && (who.closest(".quote") || article.querySelector(`.quote[data-quote="${CSS.escape(who.dataset.quote)}"]`));
  if (quote) {
    const key = speakerKey(quote);
    highlightKey(key, labelForKey(key));
  }
});

document.addEventListener("keydown", (e) => {
  // Escape in a dialog (the keyboard help) closes the dialog only.
  if (e.key === "Escape" && state.highlight && !(e.target instanceof Element && e.target.closest("dialog"))) clearHighlight();
});

resetBtn.addEventListener("click", () => decide("reset"));

// ---------------------------------------------------------------- export

/** Copies `text` to the clipboard and says so in the status line; `what` names it ("the clean text"). */
async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    setStatus(`Copied ${what} (${plural(text.length, "character")}) to the clipboard.`);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.className = "visually-hidden";
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    ta.remove();
    setStatus(ok ? `Copied ${what} to the clipboard.` : "Could not copy: your browser blocked the clipboard.");
  }
}

/** Saves `content` as a file: a Blob behind an object URL, clicked through an <a download>. */
function downloadText(filename, content, mime) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

copyBtn.addEventListener("click", () => {
  const text = state.current && state.current.analysis.clean_text;
  if (text) copyText(text, "the clean text");
});

const EXPORT_NAMES = {
  json: "the analysis as JSON",
  "quotes-csv": "the quotes as CSV",
  "entities-csv": "the entities as CSV",
  "report-md": "the report as Markdown",
  "clean-txt": "the clean text",
};

/** The Export menu follows the current analysis: closed and unavailable without one. */
function updateExportMenu() {
  const a = state.current && state.current.analysis;
  exportToggle.setAttribute("aria-disabled", String(!a));
  if (!a) exportMenu.open = false;
  for (const b of exportMenu.querySelectorAll("button[data-export]")) {
    b.disabled = !a || (b.dataset.export === "clean-txt" && !a.clean_text);
  }
}

function closeExportMenu(refocus) {
  if (!exportMenu.open) return;
  exportMenu.open = false;
  if (refocus) exportToggle.focus();
}

exportToggle.addEventListener("click", (e) => {
  if (exportToggle.getAttribute("aria-disabled") === "true") e.preventDefault();
});

exportMenu.addEventListener("toggle", () => {
  if (exportMenu.open) exportMenu.querySelector("button[data-export]:not(:disabled)")?.focus();
});

exportMenu.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && exportMenu.open) {
    e.stopPropagation();
    closeExportMenu(true);
  }
});

document.addEventListener("click", (e) => {
  if (exportMenu.open && !exportMenu.contains(e.target)) closeExportMenu(false);
});

exportMenu.addEventListener("click", (e) => {
  const btn = e.target.closest("button[data-export]");
  if (!btn || btn.disabled || !state.current) return;
  const id = btn.dataset.export;
  const copy = btn.dataset.action === "copy";
  const meta = { version: state.version };
  let file;
  try {
    file = exportFile(id, state.current.analysis, meta, { copy });
  } catch (err) {
    showMessage(`The export failed: ${err && err.message ? err.message : err}`);
    return;
  }
  closeExportMenu(true);
  const what = EXPORT_NAMES[id] || id;
  if (copy) {
    copyText(file.content, what);
  } else {
    downloadText(file.filename, file.content, file.mime);
    setStatus(`Downloaded ${what} as “${file.filename}”.`);
  }
});

// ---------------------------------------------------------------- filters, search, keyboard

const nav = initNavigation({
  article,
  setStatus,
  reveal,
  highlight: {
    get: () => state.highlight,
    key: highlightKey,
    quote: highlightQuote,
    clear: clearHighlight,
    labelFor: labelForKey,
    speakerKey,
  },
});

// ---------------------------------------------------------------- many articles at once

const names = initNames({
  root: $("names-panel"),
  download: downloadText,
  onChange() {
    // Re-analyse what is shown, keeping the reader's block decisions.
    if (input.value.trim()) requestAnalysis("names");
  },
});

const batch = initBatch({
  names: () => names.names(),
  decode: decodeBytes,
  accept: refusal,
  workerUrl: new URL("./worker.js", import.meta.url),
  setStatus,
  download: downloadText,
  open(name, text, encoding, size) {
    dropClip();
    input.value = text;
    formatSel.value = "auto";
    state.source = `“${name}”, ${formatSize(size)}, ${encoding}, from the batch`;
    clearTimeout(debounceTimer);
    clearMessage();
    requestAnalysis("file");
  },
});

// ---------------------------------------------------------------- start

startWorker();
resetResults();
results.dataset.state = "empty";
