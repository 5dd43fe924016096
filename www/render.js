// Rendering helpers for the Analysis returned by the wasm module.
//
// Everything here builds DOM nodes with createElement/createTextNode: article text is never
// parsed as HTML. The span-tree helpers are pure (no DOM) so they can be reasoned about alone.

export const ENTITY_KINDS = ["PERSON", "ORG", "PLACE", "GROUP", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "NUMBER"];

/** One entity's type in words, for "as an actor: organisation". */
export const ENTITY_KIND_ONE = {
  PERSON: "person",
  ORG: "organisation",
  PLACE: "place",
  GROUP: "group",
  MISC: "other name",
};

/**
 * The other readings of a cluster, in words: a place that also acts ("Iran said") is "as an
 * actor: organisation"; any other, "also read as …". Empty when it has none. Pure.
 */
export function readingsText(kind, alsoKinds) {
  const also = (alsoKinds || []).filter((k) => k !== kind);
  if (!also.length) return "";
  if (kind === "PLACE" && also.length === 1 && also[0] === "ORG") return "as an actor: organisation";
  return `also read as ${also.map((k) => ENTITY_KIND_ONE[k] || k.toLowerCase()).join(", ")}`;
}

export const ENTITY_KIND_NAMES = {
  PERSON: "People",
  ORG: "Organisations",
  PLACE: "Places",
  GROUP: "Groups",
  MISC: "Other names",
  DATE: "Dates",
  TIME: "Times",
  MONEY: "Money",
  PERCENT: "Percentages",
  NUMBER: "Numbers",
};

export const BLOCK_KIND_NAMES = {
  title: "title",
  heading: "heading",
  byline: "byline",
  dateline: "dateline",
  body: "body",
  caption: "caption",
  "quote-box": "pull quote",
  navigation: "navigation",
  related: "related links",
  share: "share buttons",
  legal: "legal",
  comments: "comments",
  markup: "markup",
  advert: "advert",
  duplicate: "duplicate",
};

const LAYER = { quote: 0, speaker: 1, ref: 2, ent: 3, cue: 4 };

const nf = new Intl.NumberFormat("en-GB");
export const fmt = (n) => nf.format(Number(n) || 0);

/** Plural helper: plural(2, "quote") -> "2 quotes". */
export function plural(n, one, many = one + "s") {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/** Key that groups entity mentions for highlighting: a cluster, or kind + text for amounts. */
export function entityKey(ent) {
  return ent.id !== null && ent.id !== undefined ? `c:${ent.id}` : `t:${ent.kind}:${ent.text}`;
}

/** The label shown next to a quote. */
export function speakerLabel(quote) {
  if (!quote.speaker || !quote.speaker.name) return "unknown speaker";
  return quote.confidence === "low" ? `${quote.speaker.name}?` : quote.speaker.name;
}

/**
 * All annotation spans of an analysis, each tagged with the block it lies in. Spans that are
 * empty, out of range or cross a block boundary are left out (and counted in `dropped`).
 * Returns {perBlock: Map(blockIndex -> spans[]), dropped}.
 */
export function collectSpans(analysis) {
  const blocks = analysis.blocks || [];
  const spans = [];
  (analysis.quotes || []).forEach((q, qi) => {
    (q.parts || []).forEach((p, pi) => spans.push({ type: "quote", start: p.start, end: p.end, quote: q, qi, part: pi }));
    if (q.speaker && Number.isInteger(q.speaker.start) && q.speaker.end > q.speaker.start) {
      spans.push({ type: "speaker", start: q.speaker.start, end: q.speaker.end, quote: q, qi });
    }
    if (q.cue && q.cue.end > q.cue.start) spans.push({ type: "cue", start: q.cue.start, end: q.cue.end, quote: q, qi });
  });
  (analysis.entities || []).forEach((e, ei) => spans.push({ type: "ent", start: e.start, end: e.end, ent: e, ei }));
  // Pronouns and descriptions resolved to a person ("she", "the ambassador").
  const clusters = new Map((analysis.clusters || []).map((c) => [c.id, c]));
  (analysis.references || []).forEach((r) => spans.push({ type: "ref", start: r.start, end: r.end, ref: r, cluster: clusters.get(r.id) }));

  const perBlock = new Map();
  let dropped = 0;
  for (const s of spans) {
    if (!(s.end > s.start)) { dropped++; continue; }
    const bi = findBlock(blocks, s.start);
    if (bi < 0 || s.end > blocks[bi].end) { dropped++; continue; }
    if (!perBlock.has(bi)) perBlock.set(bi, []);
    perBlock.get(bi).push(s);
  }
  return { perBlock, dropped };
}

/** Index of the block containing offset `pos` (binary search; blocks are ordered), or -1. */
export function findBlock(blocks, pos) {
  let lo = 0, hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (pos < b.start) hi = mid - 1;
    else if (pos >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Nests spans into a tree: quotes outside, then speakers, references, entities, cues. A span that crosses
 * the one it starts in (which a correct analysis never produces) is dropped rather than
 * rendered wrongly. Returns {children, dropped}.
 */
export function nestSpans(spans, start, end) {
  const sorted = spans
    .filter((s) => s.start >= start && s.end <= end)
    .sort((a, b) => a.start - b.start || b.end - a.end || LAYER[a.type] - LAYER[b.type]);
  const root = { start, end, children: [] };
  const stack = [root];
  let dropped = 0;
  for (const s of sorted) {
    while (stack.length > 1 && s.start >= stack[stack.length - 1].end) stack.pop();
    const top = stack[stack.length - 1];
    if (s.end > top.end) { dropped++; continue; }
    const node = { ...s, children: [] };
    top.children.push(node);
    stack.push(node);
  }
  return { children: root.children, dropped };
}

function el(doc, tag, className, text) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/** Appends text[start, end) with its nested annotations to `parent`. */
function appendRange(doc, parent, text, start, end, children) {
  let cursor = start;
  for (const node of children) {
    if (node.start > cursor) parent.appendChild(doc.createTextNode(text.slice(cursor, node.start)));
    parent.appendChild(renderSpan(doc, text, node));
    cursor = node.end;
  }
  if (end > cursor) parent.appendChild(doc.createTextNode(text.slice(cursor, end)));
}

function renderSpan(doc, text, node) {
  let e;
  if (node.type === "ent") {
    const ent = node.ent;
    e = el(doc, "mark", "ent");
    e.dataset.kind = ent.kind;
    e.dataset.key = entityKey(ent);
    if (ent.id !== null && ent.id !== undefined) e.dataset.cluster = String(ent.id);
    e.title = `${ent.kind}: ${ent.text}${ent.why ? ` — ${ent.why}` : ""}`;
    appendRange(doc, e, text, node.start, node.end, node.children);
    const label = el(doc, "span", "label", ent.kind);
    label.setAttribute("aria-hidden", "true");
    e.appendChild(label);
    return e;
  }
  if (node.type === "quote") {
    const q = node.quote;
    e = el(doc, "span", "quote");
    e.dataset.kind = q.kind;
    e.dataset.quote = String(node.qi);
    e.dataset.confidence = q.confidence;
    if (q.speaker && q.speaker.entity !== null && q.speaker.entity !== undefined) e.dataset.speaker = String(q.speaker.entity);
    e.dataset.speakerName = q.speaker && q.speaker.name ? q.speaker.name : "";
    const who = q.speaker && q.speaker.name ? q.speaker.name : "unknown speaker";
    e.title = `${q.kind === "indirect" ? "reported speech" : `${q.kind} quote`} — ${who}${q.confidence === "low" ? " (low confidence)" : ""}${q.why ? ` — ${q.why}` : ""}`;
    appendRange(doc, e, text, node.start, node.end, node.children);
    // A scare quote or title with nobody speaking gets no "unknown speaker" label: it is not speech.
    if (node.part === 0 && !(q.kind === "mention" && !q.speaker)) {
      const label = el(doc, "span", "speaker-label", speakerLabel(q));
      if (!q.speaker) label.classList.add("unknown");
      if (q.confidence === "low") label.classList.add("low");
      e.appendChild(label);
    }
    return e;
  }
  if (node.type === "ref") {
    const r = node.ref;
    e = el(doc, "span", "coref");
    e.dataset.cluster = String(r.id);
    const name = node.cluster ? node.cluster.name : "a person";
    e.title = `“${r.text}” → ${name}${r.why ? ` — ${r.why}` : ""}`;
    appendRange(doc, e, text, node.start, node.end, node.children);
    return e;
  }
  if (node.type === "speaker") {
    e = el(doc, "span", "speaker-ref");
    e.dataset.quote = String(node.qi);
    const sp = node.quote.speaker;
    if (sp.entity !== null && sp.entity !== undefined) e.dataset.speaker = String(sp.entity);
    e.title = `Speaker of a quote: ${node.quote.speaker.name || "unknown"}`;
  } else {
    e = el(doc, "span", "cue");
    e.dataset.quote = String(node.qi);
    e.title = "Attribution cue";
  }
  appendRange(doc, e, text, node.start, node.end, node.children);
  return e;
}

function blockLabel(block) {
  const kind = BLOCK_KIND_NAMES[block.kind] || block.kind;
  return block.why ? `${kind} — ${block.why}` : kind;
}

/** The reason without the core's "(kept by the reader)" / "(removed by the reader)" suffix. */
function classifierWhy(block) {
  return String(block.why || "").replace(/\s*\((?:kept|removed) by the reader\)\s*$/, "");
}

/** A few words of a block, for the accessible names of its controls. */
function excerpt(text, block, words = 8) {
  const w = text.slice(block.start, block.end).replace(/\s+/g, " ").trim().split(" ");
  return w.length > words ? `${w.slice(0, words).join(" ")}…` : w.join(" ");
}

/**
 * The reader's control for one block: "Remove" on an article block, "Restore" on a boilerplate
 * block, or — when the reader changed the block — a note saying so and "Undo".
 * `decision` is "keep", "drop" or undefined (only shown when the analysis agrees with it).
 */
function decisionControl(doc, analysis, block, bi, decision) {
  const wrap = el(doc, "span", "decide");
  const what = `“${excerpt(analysis.text, block)}”`;
  const btn = el(doc, "button", "decide-btn");
  btn.type = "button";
  btn.dataset.block = String(bi);
  if (decision) {
    const note = el(doc, "span", "decided", decision === "drop" ? "Removed by you" : "Kept by you");
    wrap.appendChild(note);
    btn.textContent = "Undo";
    btn.dataset.action = "undo";
    btn.setAttribute("aria-label", decision === "drop"
      ? `Undo: put ${what} back as the analysis had it`
      : `Undo: leave ${what} out again, as the analysis had it`);
    btn.title = decision === "drop" ? "Undo your decision: the block goes back into the article" : "Undo your decision: the block is left out again";
  } else if (block.boilerplate) {
    btn.textContent = "Restore";
    btn.dataset.action = "keep";
    btn.setAttribute("aria-label", `Restore to the article: ${what}`);
    btn.title = "Keep this block in the article (and in the clean text)";
  } else {
    btn.textContent = "Remove";
    btn.dataset.action = "drop";
    btn.setAttribute("aria-label", `Remove from the article: ${what}`);
    btn.title = "This is not part of the article: leave it out of the clean text";
  }
  wrap.appendChild(btn);
  return wrap;
}

/**
 * Byline and dateline: the analysis leaves them out of the article's text, but a reader expects
 * them under the headline, as a byline: shown as one (never folded away), labelled, with Restore.
 */
export const isMetaLine = (block) => !!block.boilerplate && (block.kind === "byline" || block.kind === "dateline");

/** One block as a DOM element. `decision`: the reader's "keep" / "drop" for it, if any. */
export function renderBlock(doc, analysis, block, bi, spans, decision) {
  const text = analysis.text;
  const { children } = nestSpans(spans || [], block.start, block.end);
  const mine = (decision === "drop" && block.boilerplate) || (decision === "keep" && !block.boilerplate) ? decision : undefined;
  let node;
  if (isMetaLine(block) && !mine) {
    node = el(doc, "p", "block boilerplate meta-line");
    const tag = el(doc, "span", "meta-tag", BLOCK_KIND_NAMES[block.kind]);
    tag.setAttribute("aria-hidden", "true");
    node.appendChild(tag);
    const body = el(doc, "span", "block-text");
    appendRange(doc, body, text, block.start, block.end, children);
    node.appendChild(body);
    node.appendChild(decisionControl(doc, analysis, block, bi, undefined));
    node.title = `${blockLabel(block)} — shown, but not part of the article’s clean text`;
  } else if (block.boilerplate) {
    node = el(doc, "div", "block boilerplate collapsed");
    const head = el(doc, "span", "bp-head");
    const toggle = el(doc, "button", "bp-toggle");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.title = mine ? "Show or hide this block" : "Show or hide this boilerplate block";
    const kind = BLOCK_KIND_NAMES[block.kind] || block.kind;
    toggle.appendChild(el(doc, "span", "bp-label", mine ? kind : blockLabel(block)));
    head.appendChild(toggle);
    head.appendChild(decisionControl(doc, analysis, block, bi, mine));
    node.appendChild(head);
    const body = el(doc, "span", "block-text");
    appendRange(doc, body, text, block.start, block.end, children);
    node.appendChild(body);
    if (mine) node.title = `${kind} — ${classifierWhy(block)}; removed by you`;
  } else {
    const tag = block.kind === "title" ? "h2" : block.kind === "heading" ? "h3" : "p";
    node = el(doc, tag, "block");
    if (tag === "p") {
      appendRange(doc, node, text, block.start, block.end, children);
    } else {
      // A heading is named by its text alone, not by the control inside it.
      const body = el(doc, "span", "heading-text");
      body.id = `block-${bi}-text`;
      appendRange(doc, body, text, block.start, block.end, children);
      node.appendChild(body);
      node.setAttribute("aria-labelledby", body.id);
    }
    // A block the reader kept says so on a line of its own above the text; the others carry
    // their "Remove" at the end (shown in the right-hand column on wide screens).
    const control = decisionControl(doc, analysis, block, bi, mine);
    if (mine) node.insertBefore(control, node.firstChild);
    else node.appendChild(control);
    node.title = mine ? `${BLOCK_KIND_NAMES[block.kind] || block.kind} — the analysis left this out (${classifierWhy(block)}); kept by you` : blockLabel(block);
  }
  if (mine) node.dataset.decision = mine;
  node.dataset.kind = block.kind;
  node.dataset.block = String(bi);
  node.dataset.boilerplate = String(!!block.boilerplate);
  return node;
}

/**
 * The whole annotated article. Runs of 3+ boilerplate blocks are folded into one group; a block
 * the reader changed is never folded away. `decisions`: Map(blockIndex -> "keep" | "drop").
 */
export function renderArticle(doc, analysis, decisions = new Map()) {
  const frag = doc.createDocumentFragment();
  const { perBlock, dropped } = collectSpans(analysis);
  const blocks = analysis.blocks || [];
  const foldable = (k) => blocks[k].boilerplate && !decisions.has(k) && !isMetaLine(blocks[k]);
  const one = (k) => renderBlock(doc, analysis, blocks[k], k, perBlock.get(k), decisions.get(k));
  let i = 0;
  while (i < blocks.length) {
    if (foldable(i)) {
      let j = i;
      while (j < blocks.length && foldable(j)) j++;
      if (j - i >= 3) {
        const group = el(doc, "details", "bp-group");
        const counts = new Map();
        for (let k = i; k < j; k++) counts.set(blocks[k].kind, (counts.get(blocks[k].kind) || 0) + 1);
        const summary = el(doc, "summary", null);
        summary.appendChild(el(doc, "span", "bp-label", `${j - i} boilerplate blocks`));
        summary.appendChild(el(doc, "span", "bp-kinds",
          [...counts].map(([k, n]) => `${BLOCK_KIND_NAMES[k] || k}${n > 1 ? ` ×${n}` : ""}`).join(", ")));
        group.appendChild(summary);
        for (let k = i; k < j; k++) group.appendChild(one(k));
        frag.appendChild(group);
      } else {
        for (let k = i; k < j; k++) frag.appendChild(one(k));
      }
      i = j;
    } else {
      frag.appendChild(one(i));
      i++;
    }
  }
  return { fragment: frag, dropped };
}

/** People (PERSON clusters) sorted by quotes, then mentions. Pure. */
export function people(analysis) {
  return (analysis.clusters || [])
    .filter((c) => c.kind === "PERSON")
    .sort((a, b) => b.quotes - a.quotes || b.mentions - a.mentions || b.quoted_words - a.quoted_words || a.name.localeCompare(b.name));
}

/**
 * All the words quoted in the article, the denominator of a person's share of voice: every
 * cluster's quoted words plus the words of the direct and partial quotes with no speaker cluster
 * (as for clusters, reported speech and scare quotes are not quoted words). Pure.
 */
export function quotedWordsTotal(analysis) {
  const unclustered = (q) => !q.speaker || q.speaker.entity === null || q.speaker.entity === undefined;
  return (analysis.clusters || []).reduce((s, c) => s + (c.quoted_words || 0), 0)
    + (analysis.quotes || []).filter((q) => (q.kind === "direct" || q.kind === "partial") && unclustered(q))
      .reduce((s, q) => s + wordCount(q.text), 0);
}

/**
 * The sources the article quotes by description only ("a senior official", "the spokesman"
 * nobody was named as): speakers of direct, partial and reported speech with no cluster, by
 * the words that describe them, most quoted first. Pure.
 */
export function unnamedSources(analysis) {
  const by = new Map();
  for (const q of analysis.quotes || []) {
    const sp = q.speaker;
    if (q.kind === "mention" || !sp || !sp.name || (sp.entity !== null && sp.entity !== undefined)) continue;
    by.set(sp.name, (by.get(sp.name) || 0) + 1);
  }
  return [...by].map(([name, quotes]) => ({ name, quotes }))
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

export function renderPeople(doc, analysis) {
  const list = people(analysis);
  const unnamed = unnamedSources(analysis);
  if (!list.length && !unnamed.length) return el(doc, "p", "empty", "No people found.");
  const totalWords = quotedWordsTotal(analysis);
  const wrap = el(doc, "div", "people-wrap");
  const quoted = list.filter((c) => c.quotes > 0);
  const others = list.filter((c) => !(c.quotes > 0));
  if (quoted.length) {
    const ul = el(doc, "ul", "people");
    for (const c of quoted) {
      const li = el(doc, "li");
      const btn = personButton(doc, c, "item person");
      const meta = el(doc, "span", "meta");
      meta.appendChild(el(doc, "span", "quotes-count", plural(c.quotes, "quote")));
      meta.appendChild(doc.createTextNode(" · "));
      meta.appendChild(el(doc, "span", "words-count", `${plural(c.quoted_words, "word")} quoted`));
      meta.appendChild(doc.createTextNode(" · "));
      meta.appendChild(el(doc, "span", "mentions-count", plural(c.mentions, "mention")));
      btn.appendChild(meta);
      const share = totalWords > 0 ? (c.quoted_words || 0) / totalWords : 0;
      const pct = Math.round(share * 100);
      const bar = el(doc, "span", "bar");
      bar.setAttribute("role", "img");
      bar.setAttribute("aria-label", `${pct}% of quoted words`);
      bar.title = `Share of voice: ${pct}% of the words quoted in this article`;
      const fill = el(doc, "span", "fill");
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      bar.appendChild(fill);
      const row = el(doc, "span", "bar-row");
      row.appendChild(bar);
      row.appendChild(el(doc, "span", "pct", `${pct}%`));
      btn.appendChild(row);
      li.appendChild(btn);
      ul.appendChild(li);
    }
    wrap.appendChild(ul);
  } else {
    wrap.appendChild(el(doc, "p", "empty", "Nobody named is quoted."));
  }
  chipList(doc, wrap, "Unnamed sources", "people-unnamed", unnamed.map((u) => {
    const btn = keyButton(doc, `n:${u.name}`, "chip unnamed");
    btn.appendChild(el(doc, "span", "name", u.name));
    btn.appendChild(el(doc, "span", "quotes-count", `×${fmt(u.quotes)}`));
    btn.title = `${u.name}: ${plural(u.quotes, "quote")}, described, not named`;
    return btn;
  }));
  chipList(doc, wrap, "Mentioned, not quoted", "people-mentioned", others.map((c) => {
    const btn = personButton(doc, c, "chip person");
    btn.appendChild(el(doc, "span", "mentions-count", `×${fmt(c.mentions)}`));
    btn.title = `${c.name}${c.roles && c.roles.length ? ` (${c.roles.join("; ")})` : ""}: ${plural(c.mentions, "mention")}, no quotes`;
    return btn;
  }));
  return wrap;
}

/** A titled list of chips (`buttons`), appended to `wrap` when there is any. */
function chipList(doc, wrap, title, className, buttons) {
  if (!buttons.length) return;
  wrap.appendChild(el(doc, "h3", "sub", `${title} (${fmt(buttons.length)})`));
  const ul = el(doc, "ul", className);
  for (const btn of buttons) {
    const li = el(doc, "li");
    li.appendChild(btn);
    ul.appendChild(li);
  }
  wrap.appendChild(ul);
}

/** A button that highlights what `key` names (see `elementsForKey` in app.js). */
function keyButton(doc, key, className) {
  const btn = el(doc, "button", className);
  btn.type = "button";
  btn.dataset.key = key;
  btn.setAttribute("aria-pressed", "false");
  return btn;
}

function personButton(doc, c, className) {
  const btn = keyButton(doc, `c:${c.id}`, className);
  const head = el(doc, "span", "item-head");
  head.appendChild(el(doc, "span", "name", c.name));
  if (className.startsWith("item") && c.roles && c.roles.length) head.appendChild(el(doc, "span", "roles", c.roles.join("; ")));
  btn.appendChild(head);
  return btn;
}

export function wordCount(s) {
  const m = String(s || "").match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

function truncate(s, n) {
  const t = String(s || "").replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t;
}

/** Quotes grouped by speaker, biggest groups first, unknown speaker last. Pure. */
export function quoteGroups(analysis) {
  const clusters = new Map((analysis.clusters || []).map((c) => [c.id, c]));
  const groups = new Map();
  (analysis.quotes || []).forEach((q, qi) => {
    let key, name, cluster = null;
    if (!q.speaker || !q.speaker.name) { key = "unknown"; name = "Unknown speaker"; }
    else if (q.speaker.entity !== null && q.speaker.entity !== undefined) {
      key = `c:${q.speaker.entity}`;
      cluster = clusters.get(q.speaker.entity) || null;
      name = cluster ? cluster.name : q.speaker.name;
    } else { key = `n:${q.speaker.name}`; name = q.speaker.name; }
    if (!groups.has(key)) groups.set(key, { key, name, cluster, quotes: [] });
    groups.get(key).quotes.push({ q, qi });
  });
  return [...groups.values()].sort((a, b) =>
    (a.key === "unknown") - (b.key === "unknown") || b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}

export function renderQuotes(doc, analysis) {
  const groups = quoteGroups(analysis);
  if (!groups.length) return el(doc, "p", "empty", "No quotes found.");
  const wrap = el(doc, "div", "quote-groups");
  for (const g of groups) {
    const sec = el(doc, "section", "quote-group");
    sec.dataset.speaker = g.name;
    const h = el(doc, "h3", g.key === "unknown" ? "unknown" : null);
    // The speaker's name is a button: it highlights the speaker's mentions and quotes.
    const who = keyButton(doc, g.key === "unknown" ? "u:" : g.key, "speaker-btn");
    who.textContent = g.name;
    h.appendChild(who);
    // Reported speech is the speaker's point, not their words: counted apart from quotes.
    const reported = g.quotes.filter(({ q }) => q.kind === "indirect").length;
    const quoted = g.quotes.length - reported;
    const counts = [quoted ? plural(quoted, "quote") : null, reported ? `${reported} reported` : null]
      .filter(Boolean)
      .join(", ");
    h.appendChild(el(doc, "span", "count", ` ${counts}`));
    sec.appendChild(h);
    const ol = el(doc, "ol", "quote-list");
    for (const { q, qi } of g.quotes) {
      const li = el(doc, "li");
      const btn = el(doc, "button", "item quote-item");
      btn.type = "button";
      btn.dataset.quoteRef = String(qi);
      btn.setAttribute("aria-pressed", "false");
      btn.dataset.kind = q.kind;
      btn.appendChild(el(doc, "span", "quote-text", truncate(q.text, 220)));
      const meta = el(doc, "span", "meta");
      const bits = [q.kind === "indirect" ? "reported speech" : q.kind];
      if (q.confidence === "low") bits.push("low confidence");
      if (q.cue && q.cue.text) bits.push(`cue: “${q.cue.text}”`);
      if (q.speaker && q.speaker.text && q.speaker.text !== q.speaker.name) bits.push(`via “${q.speaker.text}”`);
      meta.textContent = bits.join(" · ");
      btn.appendChild(meta);
      if (q.why) btn.title = q.why;
      li.appendChild(btn);
      ol.appendChild(li);
    }
    sec.appendChild(ol);
    wrap.appendChild(sec);
  }
  return wrap;
}

/** Entities by kind: clusters (with aliases) and, for dates and amounts, distinct texts. Pure. */
export function entityGroups(analysis) {
  const byKind = new Map();
  const add = (kind, item) => {
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(item);
  };
  const clusterIds = new Set();
  for (const c of analysis.clusters || []) {
    clusterIds.add(c.id);
    add(c.kind, {
      key: `c:${c.id}`, name: c.name, aliases: (c.aliases || []).filter((a) => a !== c.name), count: c.mentions,
      readings: readingsText(c.kind, c.also_kinds),
    });
  }
  const loose = new Map();
  for (const e of analysis.entities || []) {
    if (e.id !== null && e.id !== undefined && clusterIds.has(e.id)) continue;
    const key = entityKey(e);
    if (!loose.has(key)) loose.set(key, { key, kind: e.kind, name: e.text, aliases: [], count: 0, readings: "" });
    loose.get(key).count++;
  }
  for (const item of loose.values()) add(item.kind, item);
  const order = (k) => { const i = ENTITY_KINDS.indexOf(k); return i < 0 ? 99 : i; };
  return [...byKind.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([kind, items]) => ({ kind, items: items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)) }));
}

export function renderEntities(doc, analysis) {
  const groups = entityGroups(analysis);
  if (!groups.length) return el(doc, "p", "empty", "No entities found.");
  const wrap = el(doc, "div", "entity-groups");
  for (const g of groups) {
    const det = el(doc, "details", "entity-group");
    det.dataset.kind = g.kind;
    if (g.items.length <= 12) det.open = true;
    const sum = el(doc, "summary");
    const tag = el(doc, "span", "kind-tag", g.kind);
    tag.dataset.kind = g.kind;
    sum.appendChild(tag);
    sum.appendChild(doc.createTextNode(` ${ENTITY_KIND_NAMES[g.kind] || g.kind} `));
    sum.appendChild(el(doc, "span", "count", `(${fmt(g.items.length)})`));
    det.appendChild(sum);
    const ul = el(doc, "ul", "entity-list");
    for (const it of g.items) {
      const li = el(doc, "li");
      const btn = keyButton(doc, it.key, "item entity");
      btn.appendChild(el(doc, "span", "name", it.name));
      btn.appendChild(el(doc, "span", "count", `×${fmt(it.count)}`));
      if (it.readings) btn.appendChild(el(doc, "span", "readings", it.readings));
      if (it.aliases.length) btn.appendChild(el(doc, "span", "aliases", `also: ${it.aliases.join(", ")}`));
      li.appendChild(btn);
      ul.appendChild(li);
    }
    det.appendChild(ul);
    wrap.appendChild(det);
  }
  return wrap;
}

export function renderStats(doc, analysis, extra = {}) {
  const s = analysis.stats || {};
  const dl = el(doc, "dl", "stats");
  const row = (k, v, cls) => {
    const d = el(doc, "div", cls || null);
    d.appendChild(el(doc, "dt", null, k));
    d.appendChild(el(doc, "dd", null, v));
    dl.appendChild(d);
  };
  const quotes = analysis.quotes || [];
  const words = s.words || 0, articleWords = s.article_words || 0;
  row("Words", fmt(words), "stat-words");
  row("Article words", fmt(articleWords), "stat-article-words");
  // At about 230 words a minute, the pace of an adult reading news.
  row("Reading time", articleWords ? `${fmt(Math.max(1, Math.round(articleWords / 230)))} min` : "–", "stat-reading");
  const share = words ? Math.round(((words - articleWords) / words) * 100) : 0;
  row("Boilerplate", `${fmt(s.boilerplate_blocks)} of ${fmt((analysis.blocks || []).length)} blocks, ${share}% of the words`, "stat-boilerplate");
  row("Sources quoted", fmt(s.sources), "stat-sources");
  row("Quotes", fmt(quotes.filter((q) => q.kind === "direct" || q.kind === "partial").length), "stat-quotes");
  row("Reported speech", fmt(quotes.filter((q) => q.kind === "indirect").length), "stat-reported");
  row("Read as", analysis.format === "html" ? "HTML page" : "plain text", "stat-format");
  if (analysis.title) row("Title", analysis.title, "stat-title wide");
  if (analysis.byline) row("Byline", analysis.byline, "stat-byline wide");
  if (analysis.published) row("Published", analysis.published, "stat-published");
  if (analysis.site_name) row("Site", analysis.site_name, "stat-site wide");
  if (analysis.language) row("Language", analysis.language, "stat-language");
  if (extra.ms !== undefined) row("Analysis time", `${fmt(extra.ms)} ms`, "stat-time");
  return dl;
}
