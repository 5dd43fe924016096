// Exports: the pure formatters of www/export.js in plain Node, then the Export menu in headless
// Chromium (each file downloaded and read back).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, launchBrowser, openPage, requirePkg, WWW, OUT, loadExample } from "./helpers.mjs";

const ex = await import(pathToFileURL(path.join(WWW, "export.js")).href);

/** A strict RFC 4180 reader (CRLF records, quoted fields), to read back what the writer wrote. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') {
      assert.equal(field, "", `a quote opens a field only at its start (offset ${i})`);
      quoted = true; i++; continue;
    }
    if (c === ",") { row.push(field); field = ""; i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 2; continue; }
    assert.ok(c !== "\r" && c !== "\n", `a bare line break outside quotes at offset ${i}`);
    field += c; i++;
  }
  assert.equal(quoted, false, "no quoted field left open");
  assert.ok(row.length === 0 && field === "", "the document ends with CRLF");
  return rows;
}

const stripBom = (s) => {
  assert.equal(s.charCodeAt(0), 0xfeff, "starts with a byte order mark");
  return s.slice(1);
};

// A small Analysis by hand: an emoji before the first quote (two UTF-16 units), a name with a
// pipe and an asterisk, a quote with commas, inner quotes and a line break, an unknown speaker,
// reported speech, and a date with no cluster.
const TEXT = "😀 Ann *Bo* | Lee said: “Yes, \"no\",\nmaybe.” Someone wrote “hi”. Ann *Bo* | Lee said taxes rise on 3 May.";
const at = (s, from = 0) => {
  const i = TEXT.indexOf(s, from);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length, text: s };
};
const Q1 = at("“Yes, \"no\",\nmaybe.”");
const Q2 = at("“hi”");
const Q3 = at("taxes rise on 3 May");
const NAME1 = at("Ann *Bo* | Lee");
const NAME2 = at("Ann *Bo* | Lee", Q2.end);
const SAID = at("said");
const DATE = at("3 May");
const SAMPLE = {
  text: TEXT,
  format: "text",
  offsets: "utf16",
  title: "Tax | *news* today",
  byline: "By A_Writer",
  blocks: [{ start: 0, end: TEXT.length, kind: "body", boilerplate: false, why: "prose" }],
  entities: [
    { ...NAME1, kind: "PERSON", id: 1, why: "name" },
    { ...NAME2, kind: "PERSON", id: 1, why: "name" },
    { ...DATE, kind: "DATE", id: null, why: "month" },
  ],
  clusters: [
    { id: 1, name: "Ann *Bo* | Lee", kind: "PERSON", also_kinds: [], aliases: ["Ann *Bo* | Lee", "Lee"], roles: ["tax, chief"], mentions: 2, quotes: 1, quoted_words: 3 },
    { id: 2, name: "Iran", kind: "PLACE", also_kinds: ["ORG"], aliases: ["Iran"], roles: [], mentions: 3, quotes: 0, quoted_words: 0 },
  ],
  quotes: [
    { ...Q1, parts: [{ start: Q1.start, end: Q1.end }], kind: "direct",
      speaker: { name: "Ann *Bo* | Lee", entity: 1, ...NAME1 }, cue: SAID, confidence: "high", why: "reporting verb 'said', before" },
    { ...Q2, parts: [{ start: Q2.start, end: Q2.end }], kind: "direct", speaker: null, cue: null, confidence: "low", why: "" },
    { ...Q3, parts: [{ start: Q3.start, end: Q3.end }], kind: "indirect",
      speaker: { name: "Ann *Bo* | Lee", entity: 1, ...NAME2 }, cue: at("said", NAME2.end), confidence: "high", why: "reported speech after 'said'" },
  ],
  clean_text: "# Not a heading\n\n1. Not a list | <b>not html</b> and a_b *c*",
  stats: { words: 20, article_words: 20, boilerplate_blocks: 0, sources: 1 },
};

describe("www/export.js", () => {
  test("csvField quotes commas, quotes and line breaks, and leaves emoji alone", () => {
    assert.equal(ex.csvField("plain"), "plain");
    assert.equal(ex.csvField("a,b"), '"a,b"');
    assert.equal(ex.csvField('say "hi"'), '"say ""hi"""');
    assert.equal(ex.csvField("two\nlines"), '"two\nlines"');
    assert.equal(ex.csvField("cr\rhere"), '"cr\rhere"');
    assert.equal(ex.csvField("“curly” 😀"), "“curly” 😀");
    assert.equal(ex.csvField(null), "");
    assert.equal(ex.csvField(undefined), "");
    assert.equal(ex.csvField(0), "0");
  });

  test("csvField neutralises formula injection (OWASP): a leading apostrophe on text that starts a formula", () => {
    for (const bad of ["=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1", "=HYPERLINK(\"http://x\",\"y\")"]) {
      const field = ex.csvField(bad);
      const [[cell]] = parseCsv(`${field}\r\n`);
      assert.equal(cell, `'${bad}`, `${JSON.stringify(bad)} -> ${JSON.stringify(field)}`);
    }
    // Only the first character matters; elsewhere these are just text.
    assert.equal(ex.csvField("a=b"), "a=b");
    assert.equal(ex.csvField("1-2"), "1-2");
    assert.equal(ex.csvField("x@y.org"), "x@y.org");
    assert.equal(ex.csvField(" =1"), " =1", "a leading space is not a formula");
    // Numbers are data: a negative number stays a number.
    assert.equal(ex.csvField(-3), "-3");
    assert.equal(ex.csvField("-3"), "'-3");
    // Through the exports: a speaker, cue, quote, entity name and alias that start a formula.
    const evil = structuredClone(SAMPLE);
    evil.clusters[0].name = "=cmd|' /C calc'!A0";
    evil.clusters[0].aliases = ["@alias", "+plus"];
    evil.quotes[2].text = "-1 taxes rise";
    evil.quotes[0].speaker.name = "=evil()";
    evil.quotes[0].cue.text = "@said";
    const q = parseCsv(stripBom(ex.quotesCsv(evil)));
    assert.equal(q[1][0], "'=evil()");
    assert.equal(q[1][4], "'@said");
    assert.equal(q[3][5], "'-1 taxes rise");
    const e = parseCsv(stripBom(ex.entitiesCsv(evil)));
    assert.equal(e[1][1], "'=cmd|' /C calc'!A0");
    assert.equal(e[1][3], "'@alias; +plus", "the joined aliases start with @ and are neutralised as one cell");
    for (const row of [...q, ...e]) {
      for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `no cell starts a formula: ${JSON.stringify(c)}`);
    }
  });

  test("toCsv: BOM, CRLF line ends, round trip of awkward fields", () => {
    const rows = [["a", "b,c", 'd"e'], ["line\r\nbreak", "😀👍🏽", ""], ["", "", "x"]];
    const csv = ex.toCsv(rows);
    assert.ok(csv.endsWith("\r\n"));
    assert.deepEqual(parseCsv(stripBom(csv)), rows);
    assert.equal(ex.toCsv([["x"]], { bom: false }), "x\r\n");
  });

  test("quotesCsv: one row per quote, reported speech included, UTF-16 offsets", () => {
    const rows = parseCsv(stripBom(ex.quotesCsv(SAMPLE)));
    assert.deepEqual(rows[0], ["speaker", "speaker_entity_id", "kind", "confidence", "cue", "quote_text", "start", "end", "why"]);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[1], ["Ann *Bo* | Lee", "1", "direct", "high", "said", Q1.text, String(Q1.start), String(Q1.end), "reporting verb 'said', before"]);
    assert.equal(TEXT.slice(Number(rows[1][6]), Number(rows[1][7])), rows[1][5], "offsets index the text as JS strings do");
    assert.equal(Q1.start, TEXT.indexOf("“"), "the emoji counts as two code units");
    assert.deepEqual(rows[2], ["", "", "direct", "low", "", "“hi”", String(Q2.start), String(Q2.end), ""]);
    assert.equal(rows[3][2], "indirect");
    assert.equal(rows[3][5], "taxes rise on 3 May");
  });

  test("entitiesCsv: clusters, then one row per date or amount mention with an empty id", () => {
    const rows = parseCsv(stripBom(ex.entitiesCsv(SAMPLE)));
    assert.deepEqual(rows[0], ["id", "name", "kind", "aliases", "roles", "mentions", "quotes", "quoted_words", "also_kinds"]);
    assert.deepEqual(rows[1], ["1", "Ann *Bo* | Lee", "PERSON", "Ann *Bo* | Lee; Lee", "tax, chief", "2", "1", "3", ""]);
    assert.deepEqual(rows[2], ["2", "Iran", "PLACE", "Iran", "", "3", "0", "0", "ORG"]);
    assert.deepEqual(rows[3], ["", "3 May", "DATE", "", "", "1", "", "", ""]);
    assert.equal(rows.length, 4);
  });

  test("mdInline and mdLine escape Markdown syntax", () => {
    assert.equal(ex.mdInline("a | b * c"), "a \\| b \\* c");
    assert.equal(ex.mdInline("x_y `z` [l](u) <b> ~s~ \\"), "x\\_y \\`z\\` \\[l\\](u) \\<b\\> \\~s\\~ \\\\");
    assert.equal(ex.mdInline("AT&T &amp; two\n lines"), "AT&T \\&amp; two lines");
    assert.equal(ex.mdLine("# h"), "\\# h");
    assert.equal(ex.mdLine("- item"), "\\- item");
    assert.equal(ex.mdLine("> q"), "\\> q");
    assert.equal(ex.mdLine("12. x"), "12\\. x");
  });

  test("markdownReport: title, byline, stats, people table with escaped cells, quotes by speaker, clean text", () => {
    const md = ex.markdownReport(SAMPLE, { version: "9.9.9" });
    const lines = md.split("\n");
    assert.equal(lines[0], "# Tax \\| \\*news\\* today");
    assert.ok(lines.includes("*By A\\_Writer*"), "byline in italics, escaped");
    assert.ok(lines.includes("## Stats"));
    assert.ok(lines.includes("- Sources quoted: 1"));
    const head = lines.indexOf("| Person | Roles | Quotes | Words quoted | Share of voice | Mentions |");
    assert.ok(head > 0, "the people table");
    assert.match(lines[head + 1], /^\|---\|---\|--:\|--:\|--:\|--:\|$/);
    const row = lines[head + 2];
    assert.equal(row, "| Ann \\*Bo\\* \\| Lee | tax, chief | 1 | 3 | 75% | 2 |", "the unknown speaker's quoted word counts in the total");
    const cells = row.split(/(?<!\\)\|/);
    assert.equal(cells.length, 8, "six cells: escaped pipes do not split the row");
    assert.ok(lines.includes("### Ann \\*Bo\\* \\| Lee (1 quote, 1 reported)"));
    const unknown = lines.indexOf("### Unknown speaker (1 quote)");
    assert.ok(unknown > lines.indexOf("### Ann \\*Bo\\* \\| Lee (1 quote, 1 reported)"), "unknown speakers listed last");
    assert.equal(lines[unknown + 2], "- “hi” — direct quote, low confidence");
    assert.ok(lines.some((l) => l.startsWith("- “Yes, \"no\", maybe.” — direct quote, cue “said”")), "line breaks in a quote collapse");
    const clean = lines.indexOf("## Clean text");
    assert.ok(clean > unknown, "the clean text comes at the end");
    assert.equal(lines[clean + 2], "\\# Not a heading");
    assert.equal(lines[clean + 4], "1\\. Not a list \\| \\<b\\>not html\\</b\\> and a\\_b \\*c\\*");
    assert.match(md, /Article Inspector v9\.9\.9/);
  });

  test("markdownReport: the unnamed sources apart from the people", () => {
    const q = (name, entity = null) => ({ kind: "direct", text: "“x”", speaker: { name, entity } });
    const md = ex.markdownReport({
      text: "", blocks: [], entities: [], clean_text: "", stats: {},
      clusters: [{ id: 1, name: "Ann Lee", kind: "PERSON", quotes: 1, quoted_words: 1, mentions: 1 }],
      quotes: [q("Ann Lee", 1), q("a senior official"), q("a senior official"), q("the *aide*")],
    });
    assert.ok(md.split("\n").includes("Unnamed sources (quoted by description only): a senior official (2 quotes); the \\*aide\\* (1 quote)."), md);
  });

  test("markdownReport of an empty analysis", () => {
    const md = ex.markdownReport({ text: "", blocks: [], entities: [], clusters: [], quotes: [], clean_text: "", stats: {} });
    assert.match(md, /^# Article report\n/);
    assert.match(md, /No people found\./);
    assert.match(md, /No quotes found\./);
  });

  test("file names come from the title", () => {
    assert.equal(ex.fileBase({ title: "Café crisis: Mayor's “plan” fails" }), "cafe-crisis-mayor-s-plan-fails");
    assert.equal(ex.fileBase({ title: null }), "article");
    assert.equal(ex.fileBase({ title: "Port Ellis votes to rebuild sea wall after January storm" }), "port-ellis-votes-to-rebuild-sea-wall");
    const f = ex.exportFile("quotes-csv", SAMPLE, {}, { copy: true });
    assert.equal(f.filename, "tax-news-today-quotes.csv");
    assert.notEqual(f.content.charCodeAt(0), 0xfeff, "copied CSV has no byte order mark");
    assert.equal(ex.exportFile("quotes-csv", SAMPLE).content.charCodeAt(0), 0xfeff);
  });
});

describe("Export menu in the page", () => {
  let server, browser;

  before(async () => {
    requirePkg();
    fs.mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launchBrowser(server.origin, undefined, { acceptDownloads: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the Export menu, clicks one format's Download and returns {name, text} of the file. */
  async function download(page, id) {
    if (!(await page.evaluate(() => document.getElementById("export-menu").open))) await page.click("#export-toggle");
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`#export-menu button[data-export="${id}"][data-action="download"]`),
    ]);
    const file = await dl.path();
    return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8") };
  }

  test("example article: every export downloads, reads right, and follows the reader's decisions", async () => {
    const { page, problems } = await openPage(browser, server.origin);
    assert.equal(await page.getAttribute("#export-toggle", "aria-disabled"), "true", "no exports before an analysis");
    await page.click("#export-toggle");
    assert.equal(await page.evaluate(() => document.getElementById("export-menu").open), false, "the menu does not open without an analysis");

    await loadExample(page);
    await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
    const loadRequests = browser.log.requests.length;
    browser.log.phase = "export";

    // Keyboard: Enter on the menu opens it with the focus on its first button; Escape closes it.
    await page.focus("#export-toggle");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.getElementById("export-menu").open), true);
    // (the focus moves on the menu's "toggle" event, which comes a moment after the key)
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Copy the analysis as JSON", null, { timeout: 5_000 });
    await page.screenshot({ path: path.join(OUT, "page-export-menu.png") });
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.getElementById("export-menu").open), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), "export-toggle", "focus back on the menu");

    const json = await download(page, "json");
    assert.equal(json.name, "port-ellis-votes-to-rebuild-sea-wall-analysis.json");
    const analysis = JSON.parse(json.text);
    assert.equal(analysis.title, "Port Ellis votes to rebuild sea wall after January storm");
    assert.match(await page.textContent("#status"), /Downloaded the analysis as JSON/);

    const quotes = await download(page, "quotes-csv");
    assert.equal(quotes.name, "port-ellis-votes-to-rebuild-sea-wall-quotes.csv");
    const qrows = parseCsv(stripBom(quotes.text));
    assert.deepEqual(qrows[0], ["speaker", "speaker_entity_id", "kind", "confidence", "cue", "quote_text", "start", "end", "why"]);
    const okafor = qrows.find((r) => r[0] === "Helen Okafor" && r[5].startsWith("“We cannot ask families"));
    assert.ok(okafor, "Helen Okafor's quote is a row");
    assert.equal(okafor[2], "direct");
    // A quote split by its attribution ("A," said X. "B.") is one row: its text is the pieces,
    // its offsets span them both.
    const quote = analysis.quotes.find((q) => q.start === Number(okafor[6]) && q.end === Number(okafor[7]));
    assert.ok(quote, "the row's offsets are a quote's");
    assert.equal(quote.parts.map((p) => analysis.text.slice(p.start, p.end)).join(" "), okafor[5],
      "the row's text is the quote's pieces in the analysed text");
    assert.ok(qrows.some((r) => r[2] === "indirect"), "reported speech is included");
    assert.equal(qrows.length - 1, analysis.quotes.length);

    const entities = await download(page, "entities-csv");
    const erows = parseCsv(stripBom(entities.text));
    assert.deepEqual(erows[0], ["id", "name", "kind", "aliases", "roles", "mentions", "quotes", "quoted_words", "also_kinds"]);
    const nair = erows.find((r) => r[1] === "Priya Nair");
    assert.ok(nair, "Priya Nair is a row");
    assert.equal(nair[2], "PERSON");
    const nairCluster = analysis.clusters.find((c) => c.name === "Priya Nair");
    assert.deepEqual(nair.slice(5), [nairCluster.mentions, nairCluster.quotes, nairCluster.quoted_words, ""].map(String));
    assert.ok(erows.some((r) => r[0] === "" && r[1] === "£4.2 million" && r[2] === "MONEY"), "amounts have rows with no id");

    const report = await download(page, "report-md");
    assert.equal(report.name, "port-ellis-votes-to-rebuild-sea-wall-report.md");
    const md = report.text;
    assert.match(md, /^# Port Ellis votes to rebuild sea wall after January storm\n/);
    assert.match(md, /\n\| Person \| Roles \| Quotes \| Words quoted \| Share of voice \| Mentions \|\n/);
    const ho = analysis.clusters.find((c) => c.name === "Helen Okafor");
    assert.ok(md.includes(`\n| Helen Okafor | mayor | ${ho.quotes} | ${ho.quoted_words} | `), "Helen Okafor's row in the people table");
    assert.match(md, /\n### Helen Okafor \(\d+ quotes?/);
    assert.match(md, /\n## Clean text\n[\s\S]*If nothing is done before October/);

    const clean = await download(page, "clean-txt");
    assert.equal(clean.text, `${analysis.clean_text}\n`);

    // Copy goes through the same formatter, without the BOM.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t) => { window.__copied = t; } }, configurable: true });
    });
    await page.click("#export-toggle");
    await page.click('#export-menu button[data-export="quotes-csv"][data-action="copy"]');
    await page.waitForFunction(() => typeof window.__copied === "string");
    assert.equal(await page.evaluate(() => window.__copied), stripBom(quotes.text));
    assert.match(await page.textContent("#status"), /Copied the quotes as CSV/);

    // The reader removes the paragraph with Priya Nair's second quote: the exports follow.
    const SHE = "If nothing is done before October";
    await page.locator("#article .block", { hasText: SHE }).locator(".decide-btn").click();
    await page.waitForSelector('#article .block[data-decision="drop"]');
    await page.waitForSelector('#results[data-state="done"]');
    const q2 = parseCsv(stripBom((await download(page, "quotes-csv")).text));
    assert.ok(!q2.some((r) => r[5].includes(SHE)), "the removed paragraph's quote is not exported");
    assert.ok(q2.some((r) => r[0] === "Helen Okafor"), "the other quotes are");
    const md2 = (await download(page, "report-md")).text;
    assert.ok(!md2.includes(SHE), "nor is it in the report or its clean text");
    assert.ok(md2.includes(`\n| Priya Nair | – | ${nairCluster.quotes - 1} | `), "Priya Nair has one quote fewer");

    // Nothing left the page: downloads are made in the page (blob: URLs), never fetched.
    const all = browser.log.requests;
    const foreign = all.filter((r) => !r.url.startsWith(server.origin + "/") && !r.url.startsWith(`blob:${server.origin}/`));
    assert.deepEqual(foreign, [], "every request stayed on the page's origin");
    assert.deepEqual(all.slice(loadRequests).filter((r) => r.phase === "export" && !r.url.startsWith("blob:")), [], "no requests while exporting");
    assert.deepEqual(problems, [], "no console errors or page errors");
    browser.log.phase = "load";
    await page.close();
  });
});
