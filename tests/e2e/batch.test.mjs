// Many articles at once: the pure summaries of www/batch.js in Node, then a drop of several files
// in headless Chromium — progress while the worker goes one by one, the page responsive, the
// articles table and the combined people table checked against each article opened on its own,
// both CSV downloads read back, and a row opening the article in the normal view.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, launchBrowser, openPage, requirePkg, WWW, OUT } from "./helpers.mjs";

const batch = await import(pathToFileURL(path.join(WWW, "batch.js")).href);
const { EXAMPLE } = await import(pathToFileURL(path.join(WWW, "example.js")).href);

/** RFC 4180 reader: CRLF records, quoted fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; } else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; } else field += c;
  }
  assert.ok(!quoted && field === "" && row.length === 0, "a complete CSV document");
  return rows;
}

describe("batch summaries (pure)", () => {
  const analysis = (people, quotes, extra = {}) => ({
    title: "T", stats: { article_words: 100, sources: 2 },
    clusters: people.map(([name, quotes, words, mentions], i) => ({ id: i, name, kind: "PERSON", quotes, quoted_words: words, mentions })),
    quotes, ...extra,
  });
  const q = (kind, entity, name) => ({ kind, speaker: name ? { name, entity } : null });

  test("summarise counts quotes apart from reported speech and scare quotes; speakers by quotes", () => {
    const s = batch.summarise(analysis([["Ann Lee", 2, 20, 3], ["Bo Chan", 0, 0, 1]],
      [q("direct", 0, "Ann"), q("partial", 0, "Ann"), q("indirect", 0, "Ann"), q("mention", null, null), q("direct", null, "a spokesman")]));
    assert.equal(s.quotes, 3);
    assert.equal(s.reported, 1);
    assert.deepEqual(s.speakers, [{ name: "Ann Lee", quotes: 3 }, { name: "a spokesman", quotes: 1 }]);
    assert.equal(batch.topSpeakers(s), "Ann Lee (3), a spokesman (1)");
    assert.deepEqual(s.people.map((p) => p.name), ["Ann Lee", "Bo Chan"]);
  });

  test("combinePeople merges a name across articles (case and spacing aside)", () => {
    const arts = [
      { name: "a.txt", summary: batch.summarise(analysis([["Ann Lee", 2, 20, 3]], [])) },
      { name: "b.txt", summary: batch.summarise(analysis([["ann  lee", 1, 5, 1], ["Bo Chan", 4, 40, 4]], [])) },
      { name: "c.txt", summary: batch.summarise(analysis([["Ann Lee", 0, 0, 1]], [])) },
      { name: "d.png", error: "not text" },
    ];
    const ppl = batch.combinePeople(arts);
    assert.deepEqual(ppl.map((p) => [p.name, p.articles, p.quotes, p.quoted_words, p.mentions]), [
      ["Bo Chan", 1, 4, 40, 4],
      ["Ann Lee", 3, 3, 25, 5],
    ]);
    assert.deepEqual(ppl[1].files, ["a.txt", "b.txt", "c.txt"]);
    const rows = parseCsv(batch.peopleCsv(arts).slice(1));
    assert.deepEqual(rows[0], batch.PEOPLE_COLUMNS);
    assert.deepEqual(rows[2], ["Ann Lee", "3", "3", "25", "5", "a.txt; b.txt; c.txt"]);
    const a = parseCsv(batch.articlesCsv(arts).slice(1));
    assert.deepEqual(a[0], batch.ARTICLE_COLUMNS);
    assert.deepEqual(a[4], ["d.png", "", "", "", "", "", "", "not text"]);
  });

  test("the batch CSVs are formula-safe", () => {
    const arts = [{ name: "=1+1.txt", summary: batch.summarise(analysis([["@evil", 1, 1, 1]], [q("direct", 0, "@evil")], { title: "-5 reasons" })) }];
    const a = parseCsv(batch.articlesCsv(arts).slice(1));
    assert.deepEqual(a[1].slice(0, 3), ["'=1+1.txt", "'-5 reasons", "100"]);
    assert.equal(a[1][6], "'@evil (1)");
    assert.equal(parseCsv(batch.peopleCsv(arts).slice(1))[1][0], "'@evil");
  });
});

const FERRY = `Ferry fares to rise in spring

By Tom Hale

The ferry company will raise fares by 8% in April, its chief executive said on Monday.

“We have held prices for three years, and fuel has doubled,” said Priya Nair, the company's operations director.

“Nobody wants to pay more,” said Margaret Boyle, who takes the ferry to work. “But we want the ferry to keep running.”

Priya Nair said the company would publish its accounts in June.
`;

const LIBRARY_HTML = `<!doctype html><html><head><title>Library to open on Sundays</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Library to open on Sundays</h1>
<p>The town library will open on Sundays from next month, the council said on Friday.</p>
<p>“Families have asked for this for years,” said Daniel Ortiz, the head librarian. “Now they will have it.”</p>
</article><footer>© 2025 Example Gazette</footer></body></html>`;

describe("batch in the page", () => {
  let server, browser;
  before(async () => {
    requirePkg();
    fs.mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launchBrowser(server.origin, { width: 1280, height: 900 }, { acceptDownloads: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("dropping several files: progress, responsive page, tables that agree with each article, CSVs, open a row", async () => {
    const { page, problems } = await openPage(browser, server.origin);
    const FILLERS = 6;
    // Record the progress bar and how long the main thread is ever blocked while the batch runs.
    await page.evaluate(() => {
      window.__progress = [];
      window.__maxGap = 0;
      const bar = document.getElementById("batch-bar");
      const text = document.getElementById("batch-progress-text");
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) window.__progress.push([bar.value, bar.max, n.textContent]);
      }).observe(text, { childList: true, characterData: true, subtree: true });
      let last = performance.now();
      window.__ticker = setInterval(() => {
        const now = performance.now();
        window.__maxGap = Math.max(window.__maxGap, now - last);
        last = now;
      }, 20);
    });
    const dt = await page.evaluateHandle(({ example, ferry, html, fillers }) => {
      const d = new DataTransfer();
      d.items.add(new File([example], "harbour.txt", { type: "text/plain" }));
      d.items.add(new File([ferry], "ferry.md", { type: "" }));
      d.items.add(new File([html], "=cmd.html", { type: "text/html" }));
      d.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])], "photo.png", { type: "image/png" }));
      // Long articles, so that there is time to watch the progress.
      const long = example.replace(/^[\s\S]*?PORT ELLIS/m, "PORT ELLIS").repeat(60);
      for (let i = 1; i <= fillers; i++) d.items.add(new File([`Filler report ${i}\n\n${long}`], `filler-${i}.txt`, { type: "text/plain" }));
      return d;
    }, { example: EXAMPLE, ferry: FERRY, html: LIBRARY_HTML, fillers: FILLERS });
    await page.dispatchEvent("body", "drop", { dataTransfer: dt });
    await page.waitForSelector("#batch:not([hidden])");
    const total = 4 + FILLERS;

    // While it works: the page answers, and the status says how far it is.
    await page.waitForFunction(() => /^Analysing \d+ of/.test(document.getElementById("batch-progress-text").textContent));
    const t0 = Date.now();
    await page.focus("#batch-close");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "clear", "the keyboard works meanwhile (the CSV buttons wait for a first article)");
    assert.ok(Date.now() - t0 < 1000, "the page stays responsive while the batch runs");
    assert.match(await page.textContent("#batch-progress-text"), /^Analysing \d+ of/, "(still working)");
    await page.waitForFunction(() => document.getElementById("batch-progress").dataset.state === "done", null, { timeout: 120_000 });
    const progress = await page.evaluate(() => { clearInterval(window.__ticker); return { steps: window.__progress, maxGap: window.__maxGap }; });
    const values = progress.steps.map(([v]) => v);
    assert.ok(values.length >= total, `the bar moved at every file: ${values.join(",")}`);
    assert.deepEqual(values, [...values].sort((a, b) => a - b), "the bar only moves forward");
    assert.ok(progress.steps.every(([, max]) => max === total));
    assert.ok(progress.steps.some(([, , t]) => t === `Analysing ${total} of ${total}: photo.png`), "each file is named as it is analysed");
    assert.ok(progress.maxGap < 1500, `the main thread was never blocked long (longest gap ${Math.round(progress.maxGap)} ms)`);
    assert.equal(await page.textContent("#batch-progress-text"), `Analysed ${total - 1} articles; 1 could not be analysed.`);
    assert.equal(await page.isVisible("#results"), false, "the table replaces the single-article view");

    // The articles table: one row per file, in name order, with their numbers.
    const table = await page.$$eval("#batch-articles tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]));
    assert.deepEqual(table.map((r) => r[0]), ["=cmd.html", "ferry.md", ...Array.from({ length: FILLERS }, (_, i) => `filler-${i + 1}.txt`), "harbour.txt", "photo.png"]);
    const row = (name) => table.find((r) => r[0] === name);
    assert.equal(row("harbour.txt")[1], "Port Ellis votes to rebuild sea wall after January storm");
    assert.equal(row("ferry.md")[1], "Ferry fares to rise in spring");
    assert.equal(row("=cmd.html")[1], "Library to open on Sundays");
    assert.match(row("=cmd.html")[6], /^Daniel Ortiz \(\d\)/);
    assert.match(row("ferry.md")[6], /Priya Nair \(2\)/, "her quote and her reported speech");
    assert.match(row("photo.png")[1], /does not look like a text or HTML file/);

    // The combined people table.
    const ppl = await page.$$eval("#batch-people tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]));
    const nair = ppl.find((r) => r[0] === "Priya Nair");
    assert.ok(nair, ppl.map((r) => r[0]).join(", "));
    assert.equal(nair[1], String(2 + FILLERS), "in the harbour, the ferry and every filler article");
    const boyle = ppl.find((r) => r[0] === "Margaret Boyle");
    assert.equal(boyle[1], String(2 + FILLERS));
    assert.match(await page.textContent("#batch-people-heading"), new RegExp(`\\(${ppl.length}\\)`));
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, document.getElementById("batch").getBoundingClientRect().top + window.scrollY - 16); });
    await page.screenshot({ path: path.join(OUT, "batch.png") });
    await page.screenshot({ path: path.join(OUT, "batch-full.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(OUT, "batch-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.getElementById("batch").scrollIntoView());
    await page.screenshot({ path: path.join(OUT, "batch-phone.png") });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Each row against the article opened on its own: title, words, quotes, and the people's numbers.
    const perPerson = new Map();
    for (const name of ["harbour.txt", "ferry.md"]) {
      await page.click(`#batch-articles button.open-article:text-is("${name}")`);
      await page.waitForSelector('#results[data-state="done"]');
      await page.waitForFunction((n) => document.getElementById("status").textContent.includes(n), name);
      assert.equal(await page.isVisible("#results"), true);
      assert.equal(await page.isVisible("#batch-body"), false);
      assert.equal(await page.evaluate(() => document.activeElement.id), "batch-back", "the way back has the focus");
      const r = row(name);
      assert.equal(await page.textContent("#stats .stat-title dd"), r[1]);
      assert.equal(await page.textContent("#stats .stat-article-words dd"), r[2]);
      const quotes = await page.$$eval('#quotes .quote-item:is([data-kind="direct"], [data-kind="partial"])', (qs) => qs.length);
      assert.equal(String(quotes), r[3], `${name}: quotes`);
      assert.equal(await page.textContent("#stats .stat-sources dd"), r[5]);
      for (const b of await page.$$("#people button.person")) {
        const n = await b.$eval(".name", (x) => x.textContent);
        const q = Number(((await b.$(".quotes-count")) ? await b.$eval(".quotes-count", (x) => x.textContent) : "0").replace(/\D/g, ""));
        perPerson.set(n, (perPerson.get(n) || 0) + q);
      }
      if (name === "harbour.txt") {
        await page.screenshot({ path: path.join(OUT, "batch-opened.png") });
      }
      await page.click("#batch-back");
      assert.equal(await page.isVisible("#batch-body"), true);
      assert.equal(await page.isVisible("#results"), false);
    }
    // Her quotes in the people table include those of the two articles opened on their own.
    assert.ok(Number(nair[2]) > perPerson.get("Priya Nair") && perPerson.get("Priya Nair") >= 3, `${nair[2]} vs ${perPerson.get("Priya Nair")}`);

    // CSV downloads, read back: the same rows as the tables, formula-safe.
    const download = async (which) => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.click(`#batch button[data-batch-export="${which}"]`)]);
      return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), "utf8") };
    };
    const arts = await download("articles");
    assert.equal(arts.name, "batch-articles.csv");
    const arows = parseCsv(arts.text.replace(/^\uFEFF/, ""));
    assert.deepEqual(arows[0], batch.ARTICLE_COLUMNS);
    assert.equal(arows.length - 1, total);
    const cmd = arows.find((r) => r[0].includes("cmd.html"));
    assert.equal(cmd[0], "'=cmd.html", "the file name that starts a formula is neutralised");
    const harbour = arows.find((r) => r[0] === "harbour.txt");
    assert.deepEqual(harbour.slice(1, 6), [row("harbour.txt")[1], ...row("harbour.txt").slice(2, 6).map((x) => x.replace(/,/g, ""))]);
    const png = arows.find((r) => r[0] === "photo.png");
    assert.match(png[7], /does not look like a text/);
    const pcsv = await download("people");
    const prows = parseCsv(pcsv.text.replace(/^\uFEFF/, ""));
    assert.deepEqual(prows[0], batch.PEOPLE_COLUMNS);
    assert.deepEqual(prows.slice(1).map((r) => r.slice(0, 5)), ppl.map((r) => r.map((x) => x.replace(/,/g, ""))));
    const nairCsv = prows.find((r) => r[0] === "Priya Nair");
    assert.equal(Number(nairCsv[2]), Number(nair[2]));
    assert.match(nairCsv[5], /ferry\.md/);
    assert.match(await page.textContent("#status"), /Downloaded the people table/);

    // Pasting a new article steps out of the table; Close forgets the batch.
    await page.fill("#input", "The council approved the plan on Tuesday, the mayor said.");
    await page.click("#analyse");
    await page.waitForSelector('#results[data-state="done"]');
    assert.equal(await page.isVisible("#results"), true);
    assert.equal(await page.isVisible("#batch-back"), true);
    await page.click("#batch-close");
    assert.equal(await page.isVisible("#batch"), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("“Open folder…”: the folder's articles, by path, other files passed over", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ai-e2e-folder-"));
    const folder = path.join(dir, "clips");
    fs.mkdirSync(path.join(folder, "june"), { recursive: true });
    fs.writeFileSync(path.join(folder, "ferry.txt"), FERRY);
    fs.writeFileSync(path.join(folder, "june", "library.html"), LIBRARY_HTML);
    fs.writeFileSync(path.join(folder, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    fs.writeFileSync(path.join(folder, ".DS_Store"), "x");
    const { page, problems } = await openPage(browser, server.origin);
    await page.setInputFiles("#folder", folder);
    await page.waitForFunction(() => document.getElementById("batch-progress").dataset.state === "done", null, { timeout: 60_000 });
    const rows = await page.$$eval("#batch-articles tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
    assert.deepEqual(rows, [["clips/ferry.txt", "Ferry fares to rise in spring"], ["clips/june/library.html", "Library to open on Sundays"]]);
    assert.equal(await page.textContent("#batch-progress-text"), "Analysed 2 articles.");
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("opening several files with “Open file…” makes a batch too; one file opens as before", async () => {
    const { page, problems } = await openPage(browser, server.origin);
    await page.setInputFiles("#file", [
      { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from(FERRY) },
      { name: "b.html", mimeType: "text/html", buffer: Buffer.from(LIBRARY_HTML) },
    ]);
    await page.waitForFunction(() => document.getElementById("batch-progress").dataset.state === "done", null, { timeout: 60_000 });
    assert.deepEqual(await page.$$eval("#batch-articles tbody th", (ths) => ths.map((t) => t.textContent)), ["a.txt", "b.html"]);
    await page.click("#batch-close");
    await page.setInputFiles("#file", [{ name: "one.txt", mimeType: "text/plain", buffer: Buffer.from(FERRY) }]);
    await page.waitForSelector('#results[data-state="done"]');
    assert.equal(await page.isVisible("#batch"), false);
    assert.match(await page.textContent("#status"), /one\.txt/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
