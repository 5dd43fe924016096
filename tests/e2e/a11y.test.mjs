// Accessibility: axe-core (from npm) run in the page on its main views — empty, an annotated
// article (with the Export menu and the keyboard help open too), the batch table — in the light
// and the dark theme. No serious or critical violation of WCAG 2.1 A/AA or axe's best practices.
//
// The page's CSP (script-src 'self') rightly refuses the inline script that page.addScriptTag
// injects, so this test's browser context alone is made with bypassCSP; every other test runs
// the page under its real CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { startServer, requirePkg, CHROMIUM, CHROMIUM_ARGS, OUT, loadExample } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const { EXAMPLE } = await import(new URL("../../www/example.js", import.meta.url).href);

let server, context, profile;

before(async () => {
  requirePkg();
  fs.mkdirSync(OUT, { recursive: true });
  server = await startServer();
  const { chromium } = await import("playwright-core");
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "ai-e2e-a11y-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 }, colorScheme: "light", reducedMotion: "reduce",
    bypassCSP: true, // for axe's injected script only; see above
  });
  await context.route("**/*", (route) => (route.request().url().startsWith(server.origin + "/") ? route.continue() : route.abort("blockedbyclient")));
});

after(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

/**
 * Runs axe on the page as it is (or on the element `scope` selects); returns the serious and
 * critical violations, described.
 */
async function audit(page, scope = null) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((scope) => window.axe.run(scope ? document.querySelector(scope) : document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    resultTypes: ["violations"],
  }), scope);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(" ")} — ${n.failureSummary.replace(/\s+/g, " ").slice(0, 220)}`).join("\n")}${v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ""}`);
}

async function openPage(scheme) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.origin + "/");
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
  return page;
}

for (const scheme of ["light", "dark"]) {
  test(`axe: no serious or critical violations, ${scheme} theme`, async () => {
    const page = await openPage(scheme);
    const found = [];
    const check = async (view, scope) => {
      for (const v of await audit(page, scope)) found.push(`[${view}] ${v}`);
    };

    await check("empty page");

    await loadExample(page);
    await page.waitForSelector('#results[data-state="done"]');
    await page.check("#show-boilerplate"); // the boilerplate blocks' text too
    await page.click('#people button.person >> nth=0'); // a highlight
    await page.fill("#find", "council");
    await page.waitForFunction(() => document.getElementById("find-count").textContent !== "");
    await check("annotated article");
    await page.screenshot({ path: path.join(OUT, `a11y-article-${scheme}.png`) });
    await page.click('button.kind-toggle[data-kind="ORG"]');
    await page.uncheck('input[data-layer="quotes"]');
    await check("filters off");
    await page.click('button.kind-toggle[data-kind="ORG"]');
    await page.check('input[data-layer="quotes"]');

    await page.click("#export-toggle");
    await check("export menu open");
    await page.keyboard.press("Escape");
    await page.click("#help-open");
    await check("keyboard help open");
    await page.keyboard.press("Escape");
    await page.click("#example");
    // The menu itself (the page under the open menu is partly covered, and checked in the other views).
    await check("examples menu open", "#example-menu");
    await page.keyboard.press("Escape");
    await page.evaluate(() => {
      const box = document.getElementById("input");
      box.focus();
      box.select();
      const d = new DataTransfer();
      d.setData("text/plain", "Harbour plan approved\nThe council approved the plan, said Priya Nair.");
      d.setData("text/html", "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><h1>Harbour plan approved</h1><p>The council approved the plan, said Priya Nair.</p>");
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: d, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => !document.getElementById("paste-switch").hidden && /^Analysed in/.test(document.getElementById("status").textContent));
    await check("pasted HTML with the Text | HTML switch");

    const dt = await page.evaluateHandle((example) => {
      const d = new DataTransfer();
      d.items.add(new File([example], "harbour.txt", { type: "text/plain" }));
      d.items.add(new File(["Ferry fares to rise\n\n“We held prices for three years,” said Priya Nair.\n"], "ferry.txt", { type: "text/plain" }));
      d.items.add(new File([new Uint8Array([0x89, 0x50])], "photo.png", { type: "image/png" }));
      return d;
    }, EXAMPLE);
    await page.dispatchEvent("body", "drop", { dataTransfer: dt });
    await page.waitForFunction(() => document.getElementById("batch-progress").dataset.state === "done", null, { timeout: 60_000 });
    await check("batch table");
    await page.screenshot({ path: path.join(OUT, `a11y-batch-${scheme}.png`) });
    await page.click("#batch-articles button.open-article >> nth=0");
    await page.waitForSelector('#results[data-state="done"]');
    await check("article from the batch");

    assert.deepEqual(found, [], `axe found:\n${found.join("\n")}`);
    await page.close();
  });
}
