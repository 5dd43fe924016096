// The single-file build (scripts/single-file.mjs) opened from disk (file://) in headless
// Chromium, with no server at all: the page loads, a pasted article is annotated by the wasm in
// a Web Worker, and no request is made but for the page's own Blob URLs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { requirePkg, sample, OUT, CHROMIUM, CHROMIUM_ARGS, loadExample, paste } from "./helpers.mjs";
import { buildSingleFile } from "../../scripts/single-file.mjs";
import { EXAMPLE } from "../../www/example.js";

const FILE = path.join(OUT, "single", "article-inspector.html");
const sample003 = sample("003_");

let built, context, profile;
const requests = [];

before(async () => {
  requirePkg();
  built = buildSingleFile({ out: FILE });
  const { chromium } = await import("playwright-core");
  profile = await fsp.mkdtemp(path.join(os.tmpdir(), "ai-e2e-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 }, colorScheme: "light", reducedMotion: "reduce",
  });
  context.on("request", (r) => requests.push(r.url()));
  // Anything but the file itself, its Blob URLs and data: URLs would be a request to the network.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return /^(file|blob|data):/.test(url) ? route.continue() : route.abort("blockedbyclient");
  });
});

after(async () => {
  await context?.close();
  if (profile) await fsp.rm(profile, { recursive: true, force: true });
});

test("the single file: one HTML file, its own strict CSP, every part inlined", () => {
  const html = fs.readFileSync(FILE, "utf8");
  assert.equal(built.bytes, Buffer.byteLength(html));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, "a CSP meta element");
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => { const [k, ...v] = d.split(" "); return [k, v.join(" ")]; }));
  assert.equal(directives["default-src"], "'none'");
  assert.equal(directives["connect-src"], "'none'", "no connection to anywhere");
  assert.equal(directives["worker-src"], "blob:");
  assert.equal(directives["img-src"], "data:", "images only from data: URLs (pasted HTML is never fetched anyway)");
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, "no inline scripts but the hashed loader, no other origin");
  assert.doesNotMatch(html, /<(script|link)\b[^>]*\b(src|href)="(?!data:)/i, "no script or link refers to a file");
  assert.ok(built.modules.includes("app.js") && built.modules.includes("worker.js"));
  const wasm = fs.statSync(path.join(OUT, "..", "..", "www", "pkg", "article_inspector_bg.wasm")).size;
  assert.ok(built.bytes > wasm * 4 / 3, "the wasm is inside (base64)");
});

test("opened from file://: a pasted article is annotated in a worker, with no request to the network", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  const url = pathToFileURL(FILE).href;
  await page.goto(url);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
  assert.match(await page.textContent("#version"), /^v\d/, "the worker reported the analyser's version");

  const text = sample003 ? fs.readFileSync(sample003, "utf8") : EXAMPLE;
  await paste(page, { "text/plain": text });
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
  const people = await page.$$eval('#article mark.ent[data-kind="PERSON"]', (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(people.length > 0, "PERSON marks");
  if (sample003) assert.ok(people.some((p) => p.includes("Maryam Rajavi")), `PERSON marks: ${people.join(", ")}`);
  assert.ok(await page.$$eval("#quotes .quote-group", (g) => g.length) > 0, "the quotes panel is filled");
  assert.match(await page.textContent("#status"), /^Analysed in /);

  // The analysis ran in a worker started from a Blob URL, not on the page's thread.
  const workers = page.workers().map((w) => w.url());
  assert.equal(workers.length, 1, `one worker: ${workers.join(", ")}`);
  assert.match(workers[0], /^blob:/);

  // The example button and the style sheet work too (a styled page has the site header's layout).
  await loadExample(page);
  await page.waitForFunction(() => /example article/.test(document.getElementById("status").textContent), null, { timeout: 30_000 });
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector("header.site")).display);
  assert.notEqual(styled, "inline", "style.css applied");
  await page.screenshot({ path: path.join(OUT, "page-single-file.png") });

  // Several files at once: the batch runs in a second worker (also a classic Blob worker here)
  // and an article opens from the table in the main worker again.
  const { EXAMPLES } = await import("../../www/example.js");
  const started = [];
  page.on("worker", (w) => started.push(w.url()));
  await page.setInputFiles("#file", EXAMPLES.slice(0, 3).map((ex, i) => ({
    name: `${ex.id}.${i === 1 ? "html" : "txt"}`,
    mimeType: i === 1 ? "text/html" : "text/plain",
    buffer: Buffer.from(ex.text),
  })));
  await page.waitForFunction(() => document.getElementById("batch-progress").dataset.state === "done", null, { timeout: 60_000 });
  const rows = await page.$$eval("#batch-articles tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]));
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r[0], r[1]])), {
    "sea-wall.txt": "Port Ellis votes to rebuild sea wall after January storm",
    "library-html.html": "Millbrook library reopens eight months after flood",
    "fishing-talks.txt": "Envoy warns talks on Kestrel fishing rights are close to collapse",
  }, "each file analysed, its title in the table");
  assert.ok(await page.$$eval("#batch-people tbody tr", (trs) => trs.some((tr) => tr.textContent.includes("Priya Nair"))), "the people across the articles");
  assert.ok(started.length >= 1 && started.every((u) => u.startsWith("blob:")), `the batch's worker is a Blob worker too: ${started.join(", ")}`);
  await page.screenshot({ path: path.join(OUT, "page-single-file-batch.png") });
  await page.click('#batch-articles button.open-article:text-is("library-html.html")');
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("library-html.html"), null, { timeout: 30_000 });
  assert.equal(await page.textContent("#stats .stat-format dd"), "HTML page");

  const network = requests.filter((u) => !/^(file|blob|data):/.test(u));
  assert.deepEqual(network, [], "no request but the file itself, its Blob URLs and data: URLs");
  assert.ok(requests.includes(url), "request logging works (the file itself was seen)");
  assert.deepEqual(problems, [], "no console errors (e.g. CSP violations) or page errors");
  await page.close();
});

test("opened from file://: when the analyser cannot start, the message does not blame file://", async () => {
  const page = await context.newPage();
  // A worker that fails to start (as one would, e.g. blocked by a policy).
  await page.addInitScript(() => {
    window.Worker = class FailingWorker extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.onerror?.({ message: "blocked for the test", preventDefault() {} }), 50);
      }
      postMessage() {}
      terminate() {}
    };
  });
  await page.goto(pathToFileURL(FILE).href);
  await page.waitForSelector('html[data-engine="failed"]', { timeout: 30_000 });
  const message = await page.textContent("#message");
  assert.match(message, /could not be started \(blocked for the test\)/);
  assert.doesNotMatch(message, /file:|served over HTTP/, "the single file is made to run from disk");
  await page.close();
});
