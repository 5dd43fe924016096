// Reading the annotated article: which layers and entity kinds are shown, search within the
// article, and the keyboard (next/previous annotation, next/previous mention of what is
// selected, a help dialog). Nothing here changes the analysis: it only shows, hides and moves.
import { ENTITY_KIND_NAMES, plural, fmt } from "./render.js";

/** The layers a reader can hide, as the words on their switches. */
export const LAYERS = { entities: "Entities", quotes: "Quotes", reported: "Reported speech", boilerplate: "Boilerplate" };

/** At most this many matches are painted at once (the count is always exact). */
const MAX_PAINTED = 2000;

/** Text inside these is the page's own (labels, controls), not the article's. */
const NOT_ARTICLE_TEXT = ".label, .speaker-label, .meta-tag, .decide, .bp-head, summary, .placeholder";

/** Is the reader typing here (a text box, not a checkbox or a button)? Then keys are theirs. */
const NOT_TYPING = ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"];
const typingTarget = (t) => {
  if (!(t instanceof Element)) return false;
  if (t.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
  return t.matches("input") && !NOT_TYPING.includes(t.type);
};

/**
 * Wires the filters, the search box and the keyboard to the article.
 * ctx: {article, setStatus, reveal(node), highlight: {get(), key(key, label, opts), quote(qi), clear(),
 *       labelFor(key), speakerKey(quoteEl)}}
 * Returns {onRender(analysis|null)} for the page to call after every render.
 */
export function initNavigation(ctx) {
  const { article, setStatus, reveal } = ctx;
  const $ = (id) => document.getElementById(id);
  const hidden = new Set(); // layer names and entity kinds the reader switched off
  const findInput = $("find");
  const findCount = $("find-count");
  const help = $("help");
  let analysis = null;
  let lastAnn = null; // the annotation j/k last moved to

  // ---------------------------------------------------------------- filters

  function applyFilters() {
    article.dataset.hidden = [...hidden].join(" ");
    for (const cb of document.querySelectorAll("input[data-layer]")) cb.checked = !hidden.has(cb.dataset.layer);
    for (const b of document.querySelectorAll("button.kind-toggle")) b.setAttribute("aria-pressed", String(!hidden.has(b.dataset.kind)));
  }

  for (const cb of document.querySelectorAll("input[data-layer]")) {
    cb.addEventListener("change", () => {
      if (cb.checked) hidden.delete(cb.dataset.layer);
      else hidden.add(cb.dataset.layer);
      applyFilters();
      if (findInput.value) runSearch({ keepIndex: true });
      setStatus(`${LAYERS[cb.dataset.layer]} ${cb.checked ? "shown" : "hidden"}.`);
    });
  }

  document.querySelector(".legend").addEventListener("click", (e) => {
    const b = e.target.closest("button.kind-toggle");
    if (!b) return;
    const k = b.dataset.kind;
    if (hidden.has(k)) hidden.delete(k);
    else hidden.add(k);
    applyFilters();
    setStatus(`${ENTITY_KIND_NAMES[k] || k} (${k}) ${hidden.has(k) ? "hidden" : "shown"}.`);
  });

  /** Counts per kind on the legend's switches, for the analysis shown (none: no counts). */
  function updateKindCounts() {
    const counts = new Map();
    for (const e of (analysis && analysis.entities) || []) counts.set(e.kind, (counts.get(e.kind) || 0) + 1);
    for (const b of document.querySelectorAll("button.kind-toggle")) {
      const n = counts.get(b.dataset.kind) || 0;
      // The button is named by what it shows ("Person 8 mentions"), so a spoken command finds it.
      const c = b.querySelector(".kind-count");
      if (c) {
        if (analysis) {
          const unit = document.createElement("span");
          unit.className = "visually-hidden";
          unit.textContent = n === 1 ? " mention" : " mentions";
          c.replaceChildren(fmt(n), unit);
        } else c.replaceChildren();
      }
      if (analysis) b.dataset.count = String(n);
      else delete b.dataset.count;
      // With an article shown, the kinds it does not have are left out of the key.
      b.closest("li").hidden = !!analysis && n === 0 && !hidden.has(b.dataset.kind);
      b.title = `${ENTITY_KIND_NAMES[b.dataset.kind] || b.dataset.kind} (${b.dataset.kind}): press to show or hide`;
    }
  }

  /** Is this annotation element shown, given the filters and folded boilerplate? */
  function isShown(el, { folded = false } = {}) {
    if (el.matches("mark.ent")) {
      if (hidden.has("entities") || hidden.has(el.dataset.kind)) return false;
    } else if (el.matches(".quote")) {
      if (hidden.has(el.dataset.kind === "indirect" ? "reported" : "quotes")) return false;
    }
    const bp = el.closest(".boilerplate, details.bp-group");
    if (bp && hidden.has("boilerplate")) return false;
    if (!folded && (el.closest(".block.boilerplate.collapsed") || el.closest("details.bp-group:not([open])"))) return false;
    return true;
  }

  // ---------------------------------------------------------------- annotations, j/k

  /** The shown annotations in reading order: entities and quotes (a quote once, at its first part). */
  function annotations() {
    const seen = new Set();
    const out = [];
    for (const el of article.querySelectorAll("mark.ent, .quote")) {
      if (el.matches(".quote")) {
        if (seen.has(el.dataset.quote)) continue;
        seen.add(el.dataset.quote);
      }
      if (isShown(el)) out.push(el);
    }
    return out;
  }

  function describe(el) {
    if (el.matches("mark.ent")) {
      return `${el.dataset.kind} “${textOf(el)}”`;
    }
    const who = el.dataset.speakerName || "unknown speaker";
    return `${el.dataset.kind === "indirect" ? "reported speech" : "quote"} by ${who}`;
  }

  /** The element's own text, without its labels. */
  function textOf(el) {
    const c = el.cloneNode(true);
    c.querySelectorAll(".label, .speaker-label").forEach((l) => l.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  }

  /** Index to start from in `list` when moving by `dir`: the focused one, the last one, or the viewport. */
  function currentIndex(list) {
    const a = document.activeElement;
    let i = list.indexOf(a);
    if (i < 0 && a && a.closest && a.closest("mark.ent, .quote")) i = list.indexOf(a.closest("mark.ent, .quote"));
    if (i < 0 && lastAnn && lastAnn.isConnected) i = list.indexOf(lastAnn);
    return i;
  }

  function step(list, dir, what) {
    if (!list.length) {
      setStatus(analysis ? `No ${what} to move to${hidden.size ? " (some are hidden by the filters)" : ""}.` : "Nothing analysed yet.");
      return null;
    }
    let i = currentIndex(list);
    if (i < 0) {
      // Nothing current: the first one below the top of the window (or above it, going back).
      const tops = list.map((el) => el.getBoundingClientRect().top);
      if (dir > 0) {
        const k = tops.findIndex((t) => t > 0);
        i = k < 0 ? list.length - 1 : k - 1;
      } else {
        const k = tops.findLastIndex((t) => t < window.innerHeight);
        i = k < 0 ? 0 : k + 1;
      }
    }
    const next = ((i + dir) % list.length + list.length) % list.length;
    const el = list[next];
    lastAnn = el;
    reveal(el);
    return { el, index: next, wrapped: dir > 0 ? next < i : next > i };
  }

  function moveAnnotation(dir) {
    const r = step(annotations(), dir, "annotations");
    if (r) setStatus(`Annotation ${fmt(r.index + 1)} of ${fmt(annotations().length)}: ${describe(r.el)}${r.wrapped ? " (wrapped around)" : ""}.`);
  }

  /** n/p: the next or previous of what is highlighted (a person's mentions and quotes, an entity's mentions). */
  function moveMention(dir) {
    const key = ctx.highlight.get();
    if (!key) {
      setStatus("Nothing is selected: press Enter on an annotation (or click a name) first. Moving to the next annotation instead.");
      moveAnnotation(dir);
      return;
    }
    const seen = new Set();
    const list = [...article.querySelectorAll(".hl")].filter((el) => {
      if (el.matches(".speaker-ref")) return false;
      if (el.matches(".quote")) {
        if (seen.has(el.dataset.quote)) return false;
        seen.add(el.dataset.quote);
      }
      // A highlight shows through a hidden layer, not through hidden boilerplate.
      return !(hidden.has("boilerplate") && el.closest(".boilerplate, details.bp-group"));
    });
    const r = step(list, dir, "mentions");
    if (r) setStatus(`${fmt(r.index + 1)} of ${fmt(list.length)} for ${key.startsWith("q:") ? "the quote" : ctx.highlight.labelFor(key)}: ${describe(r.el)}${r.wrapped ? " (wrapped around)" : ""}.`);
  }

  /** Enter on an annotation selects it: an entity's mentions, or a quote's speaker. */
  function selectAnnotation(el) {
    if (el.matches("mark.ent") && el.dataset.key) {
      ctx.highlight.key(el.dataset.key, ctx.highlight.labelFor(el.dataset.key), { toggle: true, keepFocus: el });
    } else if (el.matches(".quote")) {
      const key = ctx.highlight.speakerKey(el);
      ctx.highlight.key(key, ctx.highlight.labelFor(key), { toggle: true, keepFocus: el });
    }
  }

  article.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const el = e.target.closest && e.target.closest("mark.ent, .quote");
    if (!el || e.target.closest("button")) return;
    e.preventDefault();
    selectAnnotation(el);
  });

  // ---------------------------------------------------------------- search

  let matches = []; // [{start, end}] in the flat text
  let segs = []; // [{node, start}] the text nodes and their offsets in the flat text
  let current = -1;
  let searchedFor = null; // the query the matches are for
  const hasHighlights = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";

  /** The article's text as one string, with the text node behind each offset. */
  function flatten() {
    segs = [];
    let flat = "";
    let lastBlock = null;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        const p = n.parentElement;
        if (!p || p.closest(NOT_ARTICLE_TEXT)) return NodeFilter.FILTER_REJECT;
        if (hidden.has("boilerplate") && p.closest(".boilerplate, details.bp-group")) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const block = n.parentElement.closest(".block");
      if (block !== lastBlock && flat) flat += "\n\n"; // no match runs from one block into the next
      lastBlock = block;
      segs.push({ node: n, start: flat.length });
      flat += n.data;
    }
    return flat;
  }

  function segAt(pos) {
    let lo = 0, hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo];
  }

  function rangeOf(m) {
    const a = segAt(m.start), b = segAt(m.end - 1);
    const r = document.createRange();
    r.setStart(a.node, m.start - a.start);
    r.setEnd(b.node, m.end - b.start);
    return r;
  }

  function paint() {
    if (!hasHighlights) return;
    CSS.highlights.delete("find");
    CSS.highlights.delete("find-current");
    if (!matches.length) return;
    const all = new Highlight();
    const from = Math.max(0, Math.min(current, matches.length - MAX_PAINTED));
    for (const m of matches.slice(from, from + MAX_PAINTED)) all.add(rangeOf(m));
    CSS.highlights.set("find", all);
    if (current >= 0) CSS.highlights.set("find-current", new Highlight(rangeOf(matches[current])));
  }

  function showCount() {
    const q = findInput.value;
    if (!q) findCount.textContent = "";
    else if (!matches.length) findCount.textContent = "No matches";
    else findCount.textContent = `${fmt(current + 1)} of ${fmt(matches.length)}`;
    findCount.dataset.matches = String(matches.length);
    $("find-prev").disabled = $("find-next").disabled = matches.length === 0;
  }

  function runSearch({ keepIndex = false } = {}) {
    const q = findInput.value;
    searchedFor = q;
    const before = current;
    matches = [];
    current = -1;
    if (q.trim()) {
      const flat = flatten();
      const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "giu");
      for (let m = re.exec(flat); m; m = re.exec(flat)) {
        if (!m[0].length) { re.lastIndex++; continue; }
        matches.push({ start: m.index, end: m.index + m[0].length });
      }
      if (matches.length) current = keepIndex && before >= 0 ? Math.min(before, matches.length - 1) : firstInView();
    }
    paint();
    showCount();
    if (current >= 0 && !keepIndex) scrollToMatch(false);
  }

  /** The first match at or below the top of the window, so typing does not jump away needlessly. */
  function firstInView() {
    for (let i = 0; i < matches.length; i++) {
      const seg = segAt(matches[i].start);
      if (seg.node.parentElement.getBoundingClientRect().bottom >= 0) return i;
    }
    return 0;
  }

  function scrollToMatch(expand) {
    const m = matches[current];
    if (!m) return;
    const node = segAt(m.start).node.parentElement;
    if (expand) {
      const group = node.closest("details.bp-group");
      if (group && !group.open) group.open = true;
      const block = node.closest(".block.boilerplate.collapsed");
      if (block) {
        block.classList.remove("collapsed");
        block.querySelector(".bp-toggle")?.setAttribute("aria-expanded", "true");
      }
    }
    const rect = rangeOf(m).getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 40) {
      window.scrollBy({ top: rect.top - window.innerHeight / 2, behavior: "instant" });
    }
  }

  function moveMatch(dir) {
    if (!matches.length) {
      if (findInput.value) setStatus(`No matches for “${findInput.value}”.`);
      return;
    }
    current = ((current + dir) % matches.length + matches.length) % matches.length;
    paint();
    showCount();
    scrollToMatch(true);
    setStatus(`Match ${fmt(current + 1)} of ${fmt(matches.length)} for “${findInput.value}”.`);
  }

  function clearSearch() {
    findInput.value = "";
    runSearch();
  }

  let searchTimer = 0;
  findInput.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      runSearch();
      if (findInput.value.trim()) setStatus(matches.length ? `${plural(matches.length, "match", "matches")} for “${findInput.value}”.` : `No matches for “${findInput.value}”.`);
    }, 120);
  });
  findInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      clearTimeout(searchTimer);
      if (searchedFor !== findInput.value) {
        // Typed faster than the search: run it now and go to its first match.
        runSearch();
        if (matches.length) { scrollToMatch(true); setStatus(`Match ${fmt(current + 1)} of ${fmt(matches.length)} for “${findInput.value}”.`); }
        else if (findInput.value) setStatus(`No matches for “${findInput.value}”.`);
        return;
      }
      moveMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      if (findInput.value) clearSearch();
      else findInput.blur();
    }
  });
  $("find-next").addEventListener("click", () => moveMatch(1));
  $("find-prev").addEventListener("click", () => moveMatch(-1));

  // ---------------------------------------------------------------- help and global keys

  let helpReturn = null;
  function openHelp() {
    if (help.open) return;
    helpReturn = document.activeElement;
    help.showModal();
  }
  help.addEventListener("close", () => {
    if (helpReturn && helpReturn.isConnected) helpReturn.focus({ preventScroll: true });
    helpReturn = null;
  });
  $("help-open").addEventListener("click", openHelp);
  $("help-close").addEventListener("click", () => help.close());
  help.addEventListener("click", (e) => { if (e.target === help) help.close(); }); // the backdrop

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typingTarget(e.target)) return;
    if (help.open) {
      if (e.key === "?") { e.preventDefault(); help.close(); }
      return;
    }
    switch (e.key) {
      case "j": moveAnnotation(1); break;
      case "k": moveAnnotation(-1); break;
      case "n": moveMention(1); break;
      case "p": moveMention(-1); break;
      case "/": findInput.focus(); findInput.select(); break;
      case "?": openHelp(); break;
      default: return;
    }
    e.preventDefault();
  });

  applyFilters();
  updateKindCounts();

  return {
    onRender(a) {
      analysis = a;
      lastAnn = null;
      updateKindCounts();
      applyFilters();
      if (findInput.value) runSearch({ keepIndex: true });
      else { matches = []; current = -1; paint(); showCount(); }
    },
  };
}
