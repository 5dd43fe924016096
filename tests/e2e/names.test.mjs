// The reader's own names in headless Chromium: added in the "Your names" panel, they overrule
// the analysis at once, are kept in this browser across visits (and in the batch), can be
// removed, downloaded and added from a file — and nothing is sent anywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useBrowser, openPage, loadExample } from "./helpers.mjs";

let server, browser;
useBrowser((s) => ({ server, browser } = s), undefined, { acceptDownloads: true });

/** The marks on `text` in the article: their kinds and why. */
const marks = (page, text) => page.$$eval("#article mark.ent", (els, t) => els
  .filter((e) => e.firstChild && e.firstChild.textContent === t)
  .map((e) => ({ kind: e.dataset.kind, title: e.title })), text);

async function addName(page, text, kindLabel) {
  await page.fill("#name-text", text);
  await page.selectOption("#name-kind", { label: kindLabel });
  const before = await page.textContent("#names-status");
  await page.click("#names-panel button[type=submit]");
  await page.waitForFunction((b) => document.getElementById("names-status").textContent !== b, before);
  await page.waitForSelector('#results[data-state="done"]', { timeout: 30_000 });
}

test("your names overrule the analysis, persist in this browser, and leave nothing", async () => {
  const requestsBefore = browser.log.requests.length;
  const { page, problems } = await openPage(browser, server.origin);
  await loadExample(page);
  const placeBefore = await marks(page, "Port Ellis");
  assert.ok(placeBefore.length >= 1, "the example names Port Ellis");

  await addName(page, "Port Ellis", "Place");
  await page.waitForFunction(() => [...document.querySelectorAll("#article mark.ent")]
    .some((e) => e.firstChild?.textContent === "Port Ellis" && e.title.includes("in your list of names")));
  const after = await marks(page, "Port Ellis");
  assert.ok(after.length >= placeBefore.length);
  for (const m of after) {
    assert.equal(m.kind, "PLACE");
    assert.match(m.title, /in your list of names/);
  }
  assert.match(await page.textContent("#names-status"), /“Port Ellis” is now a place/);
  assert.deepEqual(await page.$$eval("#name-list li .name", (els) => els.map((e) => e.textContent)), ["Port Ellis"]);

  // "Not a name": the word is left alone.
  await addName(page, "Coastal", "Not a name");
  await page.waitForFunction(() => ![...document.querySelectorAll("#article mark.ent")]
    .some((e) => e.firstChild?.textContent === "Coastal"));

  // Kept in this browser: a new visit applies them without asking.
  await page.reload();
  await page.waitForSelector('html[data-engine="ready"]');
  assert.deepEqual(await page.$$eval("#name-list li .name", (els) => els.map((e) => e.textContent)), ["Port Ellis", "Coastal"]);
  await loadExample(page);
  await page.waitForFunction(() => [...document.querySelectorAll("#article mark.ent")]
    .some((e) => e.firstChild?.textContent === "Port Ellis" && e.dataset.kind === "PLACE"));

  // Downloaded as the JSON the CLI reads with --names.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#names-export")]);
  assert.equal(download.suggestedFilename(), "article-inspector-names.json");
  const saved = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(saved, [{ text: "Port Ellis", kind: "PLACE" }, { text: "Coastal" }]);

  // Removing one re-analyses: the model's reading is back.
  await page.click('#name-list button[aria-label="Remove Port Ellis from your names"]');
  await page.waitForFunction(() => [...document.querySelectorAll("#article mark.ent")]
    .every((e) => !e.title.includes("in your list of names")));
  assert.deepEqual(await page.$$eval("#name-list li .name", (els) => els.map((e) => e.textContent)), ["Coastal"]);

  // Added from a file; a file that is not a list is refused with a message, the list kept.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ai-names-"));
  const good = path.join(dir, "names.json");
  fs.writeFileSync(good, JSON.stringify([{ text: "Quay Street", kind: "PLACE" }, { text: 7 }, { text: "Helen Okafor", kind: "BOGUS" }]));
  await page.setInputFiles("#names-import", good);
  // An entry with a kind the page does not know is left out, not read as "not a name".
  await page.waitForFunction(() => /Added 1 name /.test(document.getElementById("names-status").textContent));
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(bad, "not json");
  await page.setInputFiles("#names-import", bad);
  await page.waitForFunction(() => /is not a list of names/.test(document.getElementById("names-status").textContent));
  assert.deepEqual(await page.$$eval("#name-list li .name", (els) => els.map((e) => e.textContent)), ["Coastal", "Quay Street"]);
  fs.rmSync(dir, { recursive: true, force: true });

  // Nothing left the page's own origin.
  const foreign = browser.log.requests.slice(requestsBefore).filter((r) => !r.url.startsWith(server.origin + "/"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
