// The page and its wasm module in headless Chromium: `node tests/bench/chromium.mjs` after
// scripts/build-wasm.sh (and scripts/setup.sh --browser). Serves www/ on 127.0.0.1 with the e2e
// tests' server and drives Debian's /usr/bin/chromium (CHROMIUM overrides) through playwright-core
// with the e2e tests' launch flags. Unlike the e2e tests, requests are not intercepted (that adds a
// hop through playwright to every request, which a reader's browser does not have); the page's
// Content-Security-Policy already keeps it on its own origin.
//
// Measures, on the corpus of tests/bench/corpus.mjs (the sample articles, as the other benchmarks):
//   load → ready       navigation start to html[data-engine="ready"] (the worker has loaded and
//                      instantiated the wasm module; app.js sets it), over LOADS loads in fresh
//                      contexts (a new renderer process each) and LOADS reloads of one tab; nothing
//                      is cached (the server sends no-store);
//   analyze            the wasm analyze() imported from /pkg/ into the page and called on its main
//                      thread (the same engine as the page's worker): per typical article (a pass over
//                      the corpus divided by its size) over PASSES passes, median and p95; and MB/s on
//                      the ~1 MB and ~10 MB documents of the other benchmarks;
//   paste → annotated  through the real UI: an article pasted into the box (a paste event and an
//                      insertFromPaste input, as the browser fires them), then the page's worker round
//                      trip and rendering, until #results[data-state="done"] and the next frame.
//                      The page analyses a paste at once (it used to wait 150 ms first); it is
//                      also reported from the moment the page sends the request;
//                      "Analyse" button → annotated is the same path from a click.
import { chromium } from "playwright-core";
import { startServer, requirePkg, CHROMIUM, CHROMIUM_ARGS } from "../e2e/helpers.mjs";
import { corpus, bigDocument, bytes, stats, report, benchmark, record } from "./corpus.mjs";

benchmark("Chromium");
const LOADS = Number(process.env.LOADS || 10);
const PASSES = Number(process.env.PASSES || 200);
const PASTES = Number(process.env.PASTES || 5); // per article

requirePkg();
const docs = corpus();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
console.log(`Chromium ${browser.version()} (headless), page served from ${server.origin}`);

/** Records, from the first script on, when html[data-engine] becomes "ready" (ms since navigation start). */
function watchReady() {
  new MutationObserver((_, obs) => {
    if (document.documentElement?.dataset.engine === "ready" && window.__readyAt === undefined) {
      window.__readyAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-engine"] }); // <html> may not exist yet
}

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce",
    // Loads measured from the server every time, as before the page had a service worker.
    serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(watchReady);
  await page.goto(server.origin + "/");
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
  return { context, page, problems };
}

try {
  // ------------------------------------------------------------------ load → ready
  // Fresh context: a new tab in a new profile (Chromium starts a renderer process for it; nothing
  // is cached). Reload: the same tab loaded again (nothing is cached either: no-store).
  const readyTimes = async (page) => {
    const [ready, nav] = await page.evaluate(() => [window.__readyAt, performance.getEntriesByType("navigation")[0].toJSON()]);
    return { ready, dcl: nav.domContentLoadedEventEnd };
  };
  const fresh = [], reloads = [];
  for (let i = 0; i < LOADS; i++) {
    const { context, page, problems } = await freshPage();
    fresh.push(await readyTimes(page));
    if (problems.length) throw new Error(problems.join("\n"));
    await context.close();
  }
  {
    const { context, page, problems } = await freshPage();
    for (let i = 0; i < LOADS; i++) {
      await page.reload();
      await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
      reloads.push(await readyTimes(page));
    }
    if (problems.length) throw new Error(problems.join("\n"));
    await context.close();
  }
  console.log(`\nload → ready: navigation start to html[data-engine="ready"], ${LOADS} loads each`);
  for (const [what, runs] of [["fresh context", fresh], ["reload", reloads]]) {
    const l = stats(runs.map((x) => x.ready)), d = stats(runs.map((x) => x.dcl));
    console.log(`  ${what.padEnd(14)} median ${l.median.toFixed(1).padStart(6)} ms  p95 ${l.p95.toFixed(1).padStart(6)} ms  ` +
      `(DOMContentLoaded median ${d.median.toFixed(1)} ms)`);
    record({ name: `load to ready, ${what}`, median_ms: l.median, p95_ms: l.p95, dcl_median_ms: d.median });
  }

  const { context, page, problems } = await freshPage();

  // ------------------------------------------------------------------ wasm analyze() in the page
  const r = await page.evaluate(async ({ docs, passes }) => {
    const m = await import("/pkg/article_inspector.js");
    await m.default();
    for (let i = 0; i < 20; i++) for (const d of docs) m.analyze(d, "auto"); // warm up
    const typical = [];
    for (let i = 0; i < passes; i++) {
      const t = performance.now();
      for (const d of docs) m.analyze(d, "auto");
      typical.push(performance.now() - t);
    }
    const big = (target) => {
      const parts = [];
      let n = 0;
      const enc = new TextEncoder();
      while (n < target) for (const d of docs) { parts.push(d); n += enc.encode(d).length + 2; }
      return parts.join("\n\n") + "\n\n";
    };
    const large = {};
    for (const mb of [1, 10]) {
      const text = big(mb * 1_000_000);
      m.analyze(text, "auto");
      const times = [];
      const start = performance.now();
      while (times.length < 3 || performance.now() - start < 3000) {
        const t = performance.now();
        m.analyze(text, "auto");
        times.push(performance.now() - t);
      }
      large[mb] = { bytes: new TextEncoder().encode(text).length, times };
    }
    return { typical, large };
  }, { docs, passes: PASSES });
  const total = docs.reduce((n, x) => n + bytes(x), 0);
  console.log(`\nwasm analyze() in the page (main thread), ${docs.length} articles, ${PASSES} passes`);
  report("  typical article (mean size)", Math.round(total / docs.length), stats(r.typical), { per: docs.length });
  for (const [mb, x] of Object.entries(r.large)) report(`  one ${mb} MB document`, x.bytes, stats(x.times));

  // ------------------------------------------------------------------ paste → annotated, real UI
  // Installs the observers once: every time #results becomes "done", the time and the time of the
  // next frame are recorded; the app's worker request is timed through its postMessage.
  await page.evaluate(() => {
    const results = document.getElementById("results");
    window.__done = [];
    new MutationObserver(() => {
      if (results.dataset.state !== "done") return;
      const at = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__done.push({ at, frame: performance.now() })));
    }).observe(results, { attributes: true, attributeFilter: ["data-state"] });
    const post = Worker.prototype.postMessage;
    window.__sent = [];
    Worker.prototype.postMessage = function (...args) {
      window.__sent.push(performance.now());
      return post.apply(this, args);
    };
  });
  async function once(text, how) {
    await page.click("#clear");
    await page.waitForSelector('#results[data-state="empty"]');
    return page.evaluate(async ({ text, how }) => {
      const box = document.getElementById("input");
      const n = window.__done.length;
      window.__sent.length = 0;
      box.focus();
      const t0 = performance.now();
      if (how === "paste") {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        // What the browser does for a paste: the paste event, the insertion, the input event.
        const go = box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        if (go) {
          box.value = text;
          box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
        }
      } else {
        box.value = text;
        document.getElementById("analyse").click();
      }
      while (window.__done.length === n) await new Promise((r) => setTimeout(r, 1));
      const { at, frame } = window.__done[n];
      const sent = window.__sent[0];
      return { done: at - t0, frame: frame - t0, fromSend: frame - sent };
    }, { text, how });
  }
  for (const how of ["paste", "button"]) {
    await once(docs[0], how); // warm up
    const runs = [];
    for (let i = 0; i < PASTES; i++) for (const text of docs) runs.push(await once(text, how));
    const done = stats(runs.map((x) => x.done)), frame = stats(runs.map((x) => x.frame)), fromSend = stats(runs.map((x) => x.fromSend));
    const what = how === "paste" ? "paste → annotated" : "Analyse button → annotated";
    console.log(`\n${what} (${runs.length} runs: ${PASTES} × ${docs.length} articles, ${Math.round(total / docs.length)} bytes on average)`);
    console.log(`  to #results done          median ${done.median.toFixed(1).padStart(7)} ms  p95 ${done.p95.toFixed(1).padStart(7)} ms`);
    console.log(`  to the next frame         median ${frame.median.toFixed(1).padStart(7)} ms  p95 ${frame.p95.toFixed(1).padStart(7)} ms`);
    console.log(`  request sent → next frame median ${fromSend.median.toFixed(1).padStart(7)} ms  p95 ${fromSend.p95.toFixed(1).padStart(7)} ms  (worker round trip + render)`);
    record({ name: what, median_ms: frame.median, p95_ms: frame.p95, done_median_ms: done.median, from_send_median_ms: fromSend.median });
  }
  if (problems.length) throw new Error(problems.join("\n"));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
