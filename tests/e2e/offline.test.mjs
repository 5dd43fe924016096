// Offline use (issue 6), in headless Chromium with the page's service worker (www/sw.js) allowed:
// the first visit stores the page's files; analysing then makes no request at all; with the
// network cut (the browser offline and the server stopped) a reload still loads the page and
// annotates a pasted article; and a new version of the page replaces the old cache.
//
// The page is served from a copy of www/ (tests/out/offline-www) with a manifest made from the
// copy's files, so that the test can publish a "new version" by editing the copy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, requirePkg, sample, WWW, OUT, paste } from "./helpers.mjs";
import { manifestText, parseManifest } from "../../scripts/sw-manifest.mjs";
import { EXAMPLE } from "../../www/example.js";

const COPY = path.join(OUT, "offline-www");
const sample003 = sample("003_");
const ARTICLE = sample003 ? fs.readFileSync(sample003, "utf8") : EXAMPLE;

let servers = [];

/** (Re)writes the copy's manifest; returns its {version, files}. */
function publish() {
  const text = manifestText(COPY);
  fs.writeFileSync(path.join(COPY, "pkg", "sw-manifest.js"), text);
  return parseManifest(text);
}

before(() => {
  requirePkg();
  fs.rmSync(COPY, { recursive: true, force: true });
  fs.cpSync(WWW, COPY, { recursive: true });
});

after(async () => {
  for (const s of servers) await s.close();
});

function problemsOf(page) {
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Waits until the service worker controls `page` and has stored the files. */
async function waitControlled(page) {
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 30_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
}

const cacheState = (page) => page.evaluate(async () => {
  const names = await caches.keys();
  const out = {};
  for (const n of names) out[n] = (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname);
  return out;
});

/** Pastes `text` as the browser does and waits for the annotations; returns the PERSON marks. */
async function pasteAndRead(page, text) {
  await paste(page, { "text/plain": text });
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
  return page.$$eval('#article mark.ent[data-kind="PERSON"]', (ms) => ms.map((m) => m.firstChild.textContent));
}

test("after one visit: analysing makes no request, and the page works with the network cut", async () => {
  const manifest = publish();
  const server = await startServer(COPY);
  servers.push(server);
  const browser = await launchBrowser(server.origin, undefined, { serviceWorkers: "allow" });
  try {
    const failed = [];
    browser.context.on("requestfailed", (r) => failed.push({ url: r.url(), phase: browser.log.phase, error: r.failure()?.errorText }));
    const page = await browser.context.newPage();
    const problems = problemsOf(page);

    // First visit: online; the service worker installs and takes control.
    await page.goto(server.origin + "/");
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    await waitControlled(page);
    const caches1 = await cacheState(page);
    const name = `article-inspector-${manifest.version}`;
    assert.deepEqual(Object.keys(caches1), [name], "one cache, named after the build's version");
    const want = manifest.files.map((f) => new URL(f, server.origin + "/").pathname).sort();
    assert.deepEqual([...caches1[name]].sort(), want, "the cache holds every file of the manifest");
    assert.ok(want.includes("/pkg/article_inspector_bg.wasm") && want.includes("/worker.js") && want.includes("/app.js"));
    assert.ok(!want.includes("/sw.js") && !want.includes("/pkg/sw-manifest.js"), "the service worker and its manifest are not cached");
    const foreignLoad = browser.log.requests.filter((r) => !r.url.startsWith(server.origin + "/"));
    assert.deepEqual(foreignLoad, [], "no request left the page's origin while loading");

    // Analysing makes no request at all: none in the browser (page, workers, service worker), none at the server.
    const logged = browser.log.requests.length, served = server.served.length;
    browser.log.phase = "analysis";
    const people = await pasteAndRead(page, ARTICLE);
    assert.ok(people.length > 0, "the pasted article is annotated (PERSON marks)");
    await page.waitForTimeout(300); // anything late would show up here
    assert.deepEqual(browser.log.requests.slice(logged), [], "no request while analysing");
    assert.deepEqual(server.served.slice(served), [], "the server saw nothing while analysing");

    // Cut the network: the browser goes offline and the server stops.
    browser.log.phase = "offline";
    await browser.context.setOffline(true);
    await server.close();
    servers = servers.filter((s) => s !== server);
    const before = browser.log.requests.length;
    const responses = [];
    const onResponse = (r) => responses.push({ url: r.url(), fromSW: r.fromServiceWorker(), status: r.status() });
    page.on("response", onResponse);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => navigator.onLine), false, "the browser is offline");
    const offlinePeople = await pasteAndRead(page, ARTICLE);
    assert.deepEqual(offlinePeople, people, "offline, the same article gets the same marks");
    const status = await page.textContent("#status");
    assert.match(status, /^Analysed in /);
    page.off("response", onResponse);

    // Everything the page loaded came from the service worker's cache; nothing failed.
    const offlineRequests = browser.log.requests.slice(before);
    assert.ok(offlineRequests.some((r) => r.url.endsWith("/pkg/article_inspector_bg.wasm")), "the wasm was requested again (and answered)");
    assert.deepEqual(offlineRequests.filter((r) => !r.url.startsWith(server.origin + "/")), [], "no request to another origin");
    const notFromCache = responses.filter((r) => !r.fromSW || r.status !== 200);
    assert.deepEqual(notFromCache, [], "every response came from the service worker, with status 200");
    assert.ok(responses.some((r) => r.url === server.origin + "/"), "the page itself came from the service worker");
    assert.deepEqual(failed, [], "no request failed");

    // A new tab, offline, also works.
    const page2 = await browser.context.newPage();
    const problems2 = problemsOf(page2);
    await page2.goto(server.origin + "/index.html");
    await page2.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    assert.ok((await pasteAndRead(page2, EXAMPLE)).length > 0, "a new tab, offline, annotates the example");
    await page2.screenshot({ path: path.join(OUT, "page-offline.png") });

    assert.deepEqual(problems, [], "no console errors or page errors");
    assert.deepEqual(problems2, [], "no console errors or page errors in the new tab");
  } finally {
    await browser.close();
  }
});

test("a new version of the page replaces the cache and the old one is deleted", async () => {
  const v1 = publish();
  const server = await startServer(COPY);
  servers.push(server);
  const browser = await launchBrowser(server.origin, undefined, { serviceWorkers: "allow" });
  const appJs = path.join(COPY, "app.js");
  const original = fs.readFileSync(appJs, "utf8");
  try {
    const page = await browser.context.newPage();
    const problems = problemsOf(page);
    await page.goto(server.origin + "/");
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    await waitControlled(page);
    assert.deepEqual(Object.keys(await cacheState(page)), [`article-inspector-${v1.version}`]);

    // Publish a new version: one file changes, the build writes a new manifest.
    fs.writeFileSync(appJs, original + "\n// offline test: new version\n");
    const v2 = publish();
    assert.notEqual(v2.version, v1.version, "a changed file changes the version");

    // The next visit runs the cached version, and the browser's check finds the new one
    // (registration.update() does what a navigation does, without waiting for it).
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const changed = new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      await reg.update();
      await changed;
    });
    // The controller changes as the new worker activates; its activate handler then deletes the old cache.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      for (let i = 0; i < 200 && reg.active.state !== "activated"; i++) await new Promise((r) => setTimeout(r, 50));
    });
    const caches2 = await cacheState(page);
    assert.deepEqual(Object.keys(caches2), [`article-inspector-${v2.version}`], "only the new version's cache is left");

    // The visit after that runs the new version, from the new cache.
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    const served = await page.evaluate(async () => (await fetch("app.js")).text());
    assert.ok(served.endsWith("// offline test: new version\n"), "the new app.js is served");
    assert.ok((await pasteAndRead(page, EXAMPLE)).length > 0, "the new version annotates the example");
    assert.deepEqual(problems, [], "no console errors or page errors");
  } finally {
    fs.writeFileSync(appJs, original);
    await browser.close();
  }
});
