// Export formats for an Analysis: JSON, CSV of quotes, CSV of entities, a Markdown report and the
// clean text. Pure string formatting (no DOM), so it runs — and is tested — in Node too.
//
// Every export is made from the Analysis the page is showing, which already follows the reader's
// keep/remove decisions (the core re-analyses with them): dropped blocks' quotes are gone, kept
// blocks' quotes are in, and the clean text is the reader's.
import { people, quoteGroups, quotedWordsTotal, unnamedSources, fmt, plural } from "./render.js";

// ---------------------------------------------------------------- CSV (RFC 4180)

/**
 * Text that a spreadsheet would read as a formula (CSV injection): a cell starting with `=`, `+`,
 * `-` or `@`, or with a tab or carriage return (which some apps strip before reading the rest), or
 * with the full-width `＝` `＋` `－` `＠` that some apps fold to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell made inert for spreadsheets, as OWASP recommends: one that could start a formula
 * gets a leading apostrophe, which Excel, LibreOffice and Google Sheets show as text and hide.
 * Numbers (JS numbers: offsets, counts, ids) are data, never formulas, and are left as they are,
 * so "-3" from a quote's text becomes "'-3" while the number -3 stays -3.
 */
export function csvSafe(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  const s = String(value);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * One CSV field: made formula-safe (csvSafe), then quoted when it holds a comma, a double quote
 * or a line break, inner quotes doubled (RFC 4180).
 */
export function csvField(value) {
  const s = csvSafe(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document from rows of fields: CRLF line ends (after the last row too) and a UTF-8 byte
 * order mark first, so spreadsheet apps read curly quotes and accents as UTF-8.
 */
export function toCsv(rows, { bom = true } = {}) {
  return (bom ? "\uFEFF" : "") + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export const QUOTE_COLUMNS = ["speaker", "speaker_entity_id", "kind", "confidence", "cue", "quote_text", "start", "end", "why"];

/** One row per quote, reported speech included (kind "indirect"); offsets in UTF-16 code units. */
export function quotesCsv(analysis, options) {
  const rows = [QUOTE_COLUMNS];
  for (const q of analysis.quotes || []) {
    const sp = q.speaker || null;
    rows.push([
      sp && sp.name ? sp.name : "",
      sp && sp.entity !== null && sp.entity !== undefined ? sp.entity : "",
      q.kind,
      q.confidence,
      q.cue && q.cue.text ? q.cue.text : "",
      q.text,
      q.start,
      q.end,
      q.why || "",
    ]);
  }
  return toCsv(rows, options);
}

export const ENTITY_COLUMNS = ["id", "name", "kind", "aliases", "roles", "mentions", "quotes", "quoted_words", "also_kinds"];

/**
 * One row per cluster, then one row per mention that belongs to no cluster (dates, times and
 * amounts), with an empty id, the mention's text as its name and 1 mention.
 */
export function entitiesCsv(analysis, options) {
  const rows = [ENTITY_COLUMNS];
  const ids = new Set();
  for (const c of analysis.clusters || []) {
    ids.add(c.id);
    rows.push([
      c.id, c.name, c.kind, (c.aliases || []).join("; "), (c.roles || []).join("; "), c.mentions, c.quotes, c.quoted_words,
      (c.also_kinds || []).join("; "),
    ]);
  }
  for (const e of analysis.entities || []) {
    if (e.id !== null && e.id !== undefined && ids.has(e.id)) continue;
    rows.push(["", e.text, e.kind, "", "", 1, "", "", ""]);
  }
  return toCsv(rows, options);
}

// ---------------------------------------------------------------- Markdown

/**
 * Text made safe to put inline in Markdown (a table cell, a heading, a list item): whitespace
 * collapsed to single spaces, and every character Markdown (CommonMark/GFM) could read as syntax —
 * emphasis, code, links, raw HTML, table pipes, entity references — backslash-escaped.
 */
export function mdInline(text) {
  return String(text ?? "").replace(/\s+/g, " ").trim()
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&");
}

/**
 * A line of running text for Markdown: inline-escaped, and a line start that would open a block
 * (heading, quote, list, thematic break, setext underline) escaped too.
 */
export function mdLine(text) {
  const s = mdInline(text);
  return s.replace(/^([-+=>#])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A table cell: inline-escaped; an empty value shows as an en dash so the row stays readable. */
function cell(v) {
  const s = mdInline(v);
  return s === "" ? "–" : s;
}

const KIND_LABEL = { direct: "direct quote", partial: "partial quote", mention: "scare quote or title", indirect: "reported speech" };

/** Share of voice as a whole percentage: a person's quoted words over all the words quoted. */
export function shareOfVoice(cluster, total) {
  return total > 0 ? Math.round(((cluster.quoted_words || 0) / total) * 100) : 0;
}

/**
 * The Markdown report: title, byline, stats, a people table (quotes, words quoted, share of
 * voice, mentions), the quotes grouped by speaker (unknown speakers last), and the clean text.
 * `meta`: {version, source} for the footer line, both optional.
 */
export function markdownReport(analysis, meta = {}) {
  const out = [];
  const s = analysis.stats || {};
  const quotes = analysis.quotes || [];
  out.push(`# ${analysis.title ? mdInline(analysis.title) : "Article report"}`, "");
  if (analysis.byline) out.push(`*${mdInline(analysis.byline)}*`, "");

  out.push("## Stats", "");
  const count = (k) => quotes.filter((q) => q.kind === k).length;
  out.push(`- Words: ${fmt(s.words)}`);
  out.push(`- Article words: ${fmt(s.article_words)}`);
  out.push(`- Boilerplate blocks: ${fmt(s.boilerplate_blocks)} of ${fmt((analysis.blocks || []).length)}`);
  out.push(`- Sources quoted: ${fmt(s.sources)}`);
  out.push(`- Quotes: ${fmt(count("direct") + count("partial"))} (${fmt(count("direct"))} direct, ${fmt(count("partial"))} partial); reported speech: ${fmt(count("indirect"))}; scare quotes and titles: ${fmt(count("mention"))}`);
  out.push(`- Read as: ${analysis.format === "html" ? "HTML page" : "plain text"}`, "");

  out.push("## People", "");
  const list = people(analysis);
  if (list.length) {
    const total = quotedWordsTotal(analysis);
    out.push("| Person | Roles | Quotes | Words quoted | Share of voice | Mentions |");
    out.push("|---|---|--:|--:|--:|--:|");
    for (const c of list) {
      out.push(`| ${cell(c.name)} | ${cell((c.roles || []).join("; "))} | ${fmt(c.quotes)} | ${fmt(c.quoted_words)} | ${shareOfVoice(c, total)}% | ${fmt(c.mentions)} |`);
    }
    out.push("", "Share of voice: a person’s quoted words over all the words quoted in the article (reported speech is not counted as quoted words).", "");
  } else {
    out.push("No people found.", "");
  }
  const unnamed = unnamedSources(analysis);
  if (unnamed.length) {
    out.push("Unnamed sources (quoted by description only): " + unnamed.map((u) => `${mdInline(u.name)} (${plural(u.quotes, "quote")})`).join("; ") + ".", "");
  }

  out.push("## Quotes by speaker", "");
  const groups = quoteGroups(analysis);
  if (!groups.length) out.push("No quotes found.", "");
  for (const g of groups) {
    const reported = g.quotes.filter(({ q }) => q.kind === "indirect").length;
    const quoted = g.quotes.length - reported;
    const counts = [quoted ? plural(quoted, "quote") : null, reported ? `${reported} reported` : null].filter(Boolean).join(", ");
    out.push(`### ${mdInline(g.name)} (${counts})`, "");
    for (const { q } of g.quotes) {
      const bits = [KIND_LABEL[q.kind] || q.kind];
      if (q.confidence === "low") bits.push("low confidence");
      if (q.cue && q.cue.text) bits.push(`cue “${mdInline(q.cue.text)}”`);
      if (q.speaker && q.speaker.text && q.speaker.text !== q.speaker.name) bits.push(`via “${mdInline(q.speaker.text)}”`);
      out.push(`- ${mdLine(q.text)} — ${bits.join(", ")}`);
    }
    out.push("");
  }

  out.push("## Clean text", "");
  const clean = String(analysis.clean_text || "");
  if (clean.trim()) {
    for (const para of clean.split(/\n\s*\n/)) {
      const lines = para.split("\n").map(mdLine).filter(Boolean);
      if (lines.length) out.push(lines.join("\\\n"), "");
    }
  } else {
    out.push("No article text was kept.", "");
  }

  out.push("---", "");
  const by = meta.version ? `Article Inspector v${mdInline(meta.version)}` : "Article Inspector";
  out.push(`Made by ${by}. The analysis is automatic and can be wrong: check every attribution against the text.`);
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------- the formats

/** A short file name base from the title: "port-ellis-votes-to-rebuild-sea-wall", or "article". */
export function fileBase(analysis) {
  const slug = String(analysis.title || "")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (!slug) return "article";
  if (slug.length <= 40) return slug;
  const cut = slug.slice(0, 41);
  const i = cut.lastIndexOf("-");
  return (i > 10 ? cut.slice(0, i) : slug.slice(0, 40)).replace(/-+$/, "");
}

/**
 * The export formats, in menu order. `make(analysis, meta)` gives the file's content; `copy`
 * is the same without the CSV byte order mark (pasted text should not start with one).
 */
export const FORMATS = [
  { id: "json", label: "Analysis", type: "JSON", suffix: "analysis.json", mime: "application/json",
    make: (a) => JSON.stringify(a, null, 2) + "\n" },
  { id: "quotes-csv", label: "Quotes", type: "CSV", suffix: "quotes.csv", mime: "text/csv;charset=utf-8",
    make: (a, m, o) => quotesCsv(a, o) },
  { id: "entities-csv", label: "Entities", type: "CSV", suffix: "entities.csv", mime: "text/csv;charset=utf-8",
    make: (a, m, o) => entitiesCsv(a, o) },
  { id: "report-md", label: "Report", type: "Markdown", suffix: "report.md", mime: "text/markdown;charset=utf-8",
    make: (a, m) => markdownReport(a, m) },
  { id: "clean-txt", label: "Clean text", type: "text", suffix: "clean.txt", mime: "text/plain;charset=utf-8",
    make: (a) => (a.clean_text ? `${a.clean_text}\n` : "") },
];

/** {filename, mime, content} of format `id` for downloading, or for copying when `copy`. */
export function exportFile(id, analysis, meta = {}, { copy = false } = {}) {
  const f = FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown export format: ${id}`);
  return { filename: `${fileBase(analysis)}-${f.suffix}`, mime: f.mime, content: f.make(analysis, meta, { bom: !copy }) };
}
