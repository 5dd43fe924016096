// "A typical article is annotated within 50 ms of the paste" (issue 6), in headless Chromium:
// timed in the page, from the paste event to #results[data-state="done"] (the article and the
// panels rendered), median of several pastes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import { useBrowser, openPage, sampleFiles } from "./helpers.mjs";
import { EXAMPLE } from "../../www/example.js";

const TARGET_MS = 50;
// On a loaded machine (load average above the number of cores) the median may miss 50 ms for
// reasons that have nothing to do with the page; the bound then is looser, but still well under
// the 150 ms the page used to wait after a paste before analysing.
const LOADED_BOUND_MS = 110;
const RUNS = 9;

let server, browser;
useBrowser((s) => ({ server, browser } = s));

/** The texts pasted: the sample articles (a typical article), or the built-in example without them. */
function articles() {
  const samples = sampleFiles().map((f) => fs.readFileSync(f, "utf8")).filter((t) => t.length < 20_000);
  return samples.length ? samples : [EXAMPLE];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("paste → annotated: median under 50 ms, timed in the page", async (t) => {
  const { page, problems } = await openPage(browser, server.origin);
  await page.evaluate(() => {
    const results = document.getElementById("results");
    window.__done = [];
    new MutationObserver(() => {
      if (results.dataset.state === "done") window.__done.push(performance.now());
    }).observe(results, { attributes: true, attributeFilter: ["data-state"] });
  });

  /** Pastes `text` as the browser does (paste event, insertion, insertFromPaste input event). */
  const paste = (text) => page.evaluate(async (text) => {
    const box = document.getElementById("input");
    const n = window.__done.length;
    box.focus();
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData("text/plain", text);
    if (box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }))) {
      box.value = text;
      box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
    }
    const deadline = t0 + 10_000;
    while (window.__done.length === n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    if (window.__done.length === n) throw new Error("not annotated within 10 s of the paste");
    return window.__done[n] - t0;
  }, text);

  const texts = articles();
  const clear = async () => {
    await page.click("#clear");
    await page.waitForSelector('#results[data-state="empty"]');
  };
  await clear();
  await paste(texts[0]); // warm-up: first analysis, first render
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await clear();
    times.push(await paste(texts[i % texts.length]));
  }
  const m = median(times);
  const load = os.loadavg()[0];
  const loaded = load > os.cpus().length;
  const bound = loaded ? LOADED_BOUND_MS : TARGET_MS;
  t.diagnostic(`paste → annotated: median ${m.toFixed(1)} ms over ${RUNS} pastes (${times.map((x) => x.toFixed(0)).join(", ")} ms); `
    + `${texts.length === 1 ? "the built-in example" : `${texts.length} sample articles`}; load average ${load.toFixed(2)} on ${os.cpus().length} cores`
    + `${loaded ? `: loaded, bound ${LOADED_BOUND_MS} ms` : ""}`);
  assert.ok(m < bound, `median paste → annotated ${m.toFixed(1)} ms, over ${bound} ms (runs: ${times.map((x) => x.toFixed(1)).join(", ")})`);
  const status = await page.textContent("#status");
  assert.match(status, /^Analysed in /, "the status line reports the analysis");
  assert.deepEqual(problems, [], "no console errors or page errors");
  await page.close();
});
