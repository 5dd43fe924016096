// Shared helpers for the end-to-end tests: paths, a tiny static server for www/, and headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core; no browser is downloaded).
import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WWW = path.join(ROOT, "www");
export const PKG = path.join(WWW, "pkg");
export const OUT = path.join(ROOT, "tests", "out");
/** Third-party sample articles: read at test time, never copied into the repo (SAMPLES_DIR overrides). */
export const SAMPLES = process.env.SAMPLES_DIR ? path.resolve(process.env.SAMPLES_DIR) : path.resolve(ROOT, "..", "shared", "samples");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export function sampleFiles() {
  if (!fs.existsSync(SAMPLES)) return [];
  return fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SAMPLES, f));
}

/** The sample whose name starts with `prefix` (e.g. "003_"), or null. */
export function sample(prefix) {
  return sampleFiles().find((f) => path.basename(f).startsWith(prefix)) || null;
}

export const NO_SAMPLES = `sample articles not found at ${SAMPLES} (../shared/samples from the repo root)`;

/** Fails early with a useful message when the wasm build is missing. */
export function requirePkg() {
  for (const f of ["article_inspector.js", "article_inspector_bg.wasm"]) {
    if (!fs.existsSync(path.join(PKG, f))) {
      throw new Error(`www/pkg/${f} is missing: run scripts/build-wasm.sh first`);
    }
  }
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves www/ on 127.0.0.1 at a random port. Returns {origin, close, served}. */
export async function startServer(root = WWW) {
  const served = [];
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith("/")) rel += "index.html";
      const file = path.resolve(root, "." + rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const body = await fsp.readFile(file);
      served.push(rel);
      res.writeHead(200, {
        "content-type": MIME[path.extname(file).toLowerCase()] || "application/octet-stream",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Launches headless Chromium with a fresh profile. Every request of the context is recorded in
 * `requests` ({url, phase}); requests to anything but `origin` are aborted (and still recorded),
 * so a test can never reach the network. `acceptDownloads`: let the page save files (for the
 * export test, which reads them through playwright's `download.path()`). `serviceWorkers`:
 * "block" (the default) keeps the page's service worker (www/sw.js) from registering, so that
 * every request reaches the route above and the log, as playwright advises with routing; the
 * offline test passes "allow" (playwright then routes and logs the service worker's own requests
 * too).
 */
export async function launchBrowser(origin, viewport = { width: 1280, height: 900 }, { acceptDownloads = false, serviceWorkers = "block" } = {}) {
  const { chromium } = await import("playwright-core");
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), "ai-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme: "light",
    reducedMotion: "reduce",
    acceptDownloads,
    serviceWorkers,
  });
  const log = { phase: "load", requests: [] };
  context.on("request", (r) => log.requests.push({ url: r.url(), phase: log.phase, type: r.resourceType() }));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return route.continue();
    return route.abort("blockedbyclient");
  });
  return {
    context,
    log,
    close: async () => {
      await context.close();
      await fsp.rm(profile, { recursive: true, force: true });
    },
  };
}

/** A fresh page of `browser` with the analyser loaded; collects console errors and uncaught
 * exceptions in `problems`. */
export async function openPage(browser, origin) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(origin + "/");
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
  return { page, problems };
}

/**
 * Loads example `id` (www/example.js) through the page's "Try an example" menu, as a reader
 * does, and waits for its analysis. The default is the first example, the sea wall story.
 */
export async function loadExample(page, id = "sea-wall") {
  await page.click("#example");
  await page.click(`#example-menu button[data-example="${id}"]`);
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
  await page.waitForFunction((id) => {
    const s = document.getElementById("status").textContent;
    return /^Analysed in /.test(s) && s.includes("example article");
  }, id, { timeout: 60_000 });
  // The pointer leaves the menu's place, so that no hover shows in a screenshot.
  await page.mouse.move(0, 0);
}

/**
 * One server for www/ and one browser for a test file: started before its tests (the wasm
 * built, `tests/out/` there for screenshots), closed after them. `ready({server, browser})`
 * hands them to the file. `viewport` and `options` are launchBrowser's.
 */
export function useBrowser(ready, viewport = undefined, options = undefined) {
  let server, browser;
  before(async () => {
    requirePkg();
    fs.mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launchBrowser(server.origin, viewport, options);
    ready({ server, browser });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Pastes into the text box as the browser does: the paste event with `types` (e.g.
 * {"text/plain": …, "text/html": …}) over the whole box, then — unless the page handled it —
 * the insertion and the `insertFromPaste` input event. Returns "default" or "handled".
 */
export function paste(page, types) {
  return page.evaluate((types) => {
    const box = document.getElementById("input");
    box.focus();
    box.select();
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(types)) data.setData(type, value);
    if (box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }))) {
      box.value = types["text/plain"] || "";
      box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
      return "default";
    }
    return "handled";
  }, types);
}
