// The page as a reader uses it, in headless Chromium: paste, open, drop, read the annotations.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useBrowser, openPage as openPageOf, sample, NO_SAMPLES, OUT, loadExample } from "./helpers.mjs";

let server, browser;
useBrowser((s) => ({ server, browser } = s));

/** A fresh page with the analyser loaded (see helpers.openPage). */
const openPage = () => openPageOf(browser, server.origin);

async function waitDone(page) {
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
}

/** Lets layout and painting catch up (after a resize or a scroll) before a screenshot. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));
}

function foreign(requests) {
  return requests.filter((r) => !r.url.startsWith(server.origin + "/"));
}

/** What a reader reads in the article pane: block and quote texts without the small labels. */
function readArticle(page) {
  return page.evaluate(() => {
    const plain = (node) => {
      const c = node.cloneNode(true);
      c.querySelectorAll(".label, .speaker-label, .bp-toggle, .decide").forEach((l) => l.remove());
      return c.textContent;
    };
    const art = document.getElementById("article");
    return {
      blocks: [...art.querySelectorAll(".block")].map((b) => ({
        text: plain(b),
        kind: b.dataset.kind,
        boilerplate: b.dataset.boilerplate,
        cls: b.className,
        label: b.querySelector(".bp-label")?.textContent ?? "",
      })),
      quotes: [...art.querySelectorAll(".quote")].map((q) => ({
        text: plain(q),
        kind: q.dataset.kind,
        speaker: q.querySelector(".speaker-label")?.textContent ?? null,
      })),
    };
  });
}

const sample003 = sample("003_");

test("sample 003: entities, speakers, boilerplate, people panel; no foreign requests", { skip: sample003 ? false : NO_SAMPLES }, async () => {
  const text = fs.readFileSync(sample003, "utf8");
  const { page, problems } = await openPage();
  const loadRequests = browser.log.requests.length;
  browser.log.phase = "analysis";

  await page.fill("#input", text);
  await page.click("#analyse");
  await waitDone(page);

  // Entities a reader sees.
  const people = await page.$$eval('#article mark.ent[data-kind="PERSON"]', (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(people.some((t) => t.includes("Maryam Rajavi")), `PERSON marks: ${people.join(", ")}`);
  const label = await page.$eval('#article mark.ent[data-kind="PERSON"] .label', (l) => l.textContent);
  assert.equal(label, "PERSON");

  // Quotes and their speakers.
  const { quotes, blocks } = await readArticle(page);
  const drian = quotes.find((q) => q.text.includes("Iran’s role"));
  assert.ok(drian, "a quote containing “Iran’s role” is shown");
  assert.match(drian.speaker, /Jean-Yves Le Drian/);
  const rajavi = quotes.find((q) => q.text.includes("The solution"));
  assert.ok(rajavi, "a quote containing “The solution” is shown");
  assert.match(rajavi.speaker, /Maryam Rajavi/);

  // Boilerplate shown as boilerplate, with its kind and reason.
  for (const bp of ["Skip to main content", "Comments", "Popular posts from this blog"]) {
    const block = blocks.find((b) => b.text.trim() === bp);
    assert.ok(block, `block “${bp}” is rendered`);
    assert.equal(block.boilerplate, "true", `“${bp}” is marked boilerplate`);
    assert.match(block.cls, /\bboilerplate\b/);
    assert.ok(block.label.length > 0, `“${bp}” shows its kind`);
  }

  // People panel: Maryam Rajavi with 1 quote.
  const row = await page.$$eval("#people button.person", (bs) => bs.map((b) => ({
    name: b.querySelector(".name").textContent,
    quotes: b.querySelector(".quotes-count")?.textContent ?? "no quotes",
  })));
  const mr = row.find((r) => r.name === "Maryam Rajavi");
  assert.ok(mr, `People panel lists Maryam Rajavi (has: ${row.map((r) => r.name).join(", ")})`);
  assert.equal(mr.quotes, "1 quote");

  // Quotes panel groups by speaker.
  const groups = await page.$$eval("#quotes .quote-group", (gs) => gs.map((g) => g.dataset.speaker));
  assert.ok(groups.includes("Jean-Yves Le Drian"), `quote groups: ${groups.join(", ")}`);

  // Clicking a person highlights their mentions.
  await page.click('#people button.person:has(.name:text-is("Maryam Rajavi"))');
  const hl = await page.$$eval("#article mark.ent.hl", (ms) => ms.map((m) => m.firstChild.textContent));
  assert.ok(hl.some((t) => t.includes("Maryam Rajavi")), `highlighted: ${hl.join(", ")}`);
  await page.keyboard.press("Escape");

  // Screenshots: desktop and phone.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, "page-003.png") });
  await page.screenshot({ path: path.join(OUT, "page-003-full.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-003-phone.png") });
  await page.evaluate(() => document.getElementById("article").scrollIntoView());
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-003-phone-article.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Network: the page loaded its own files only, and analysing fetched nothing new.
  const all = browser.log.requests;
  assert.ok(all.some((r) => r.url.endsWith("/pkg/article_inspector_bg.wasm")), "the wasm load was observed (request logging works)");
  assert.deepEqual(foreign(all), [], "every request went to the local server");
  const during = all.slice(loadRequests).filter((r) => r.phase === "analysis");
  const unexpected = during.filter((r) => !/\/(worker\.js|pkg\/article_inspector\.js|pkg\/article_inspector_bg\.wasm)$/.test(new URL(r.url).pathname));
  assert.deepEqual(unexpected, [], "no requests during or after the analysis but the page's own module/wasm files");
  assert.deepEqual(problems, [], "no console errors (e.g. CSP violations) or page errors");
  browser.log.phase = "load";
  await page.close();
});

const sample000 = sample("000_");

test("sample 000: the “It's another attempt” quote is Khoshroo's", { skip: sample000 ? false : NO_SAMPLES }, async () => {
  const { page, problems } = await openPage();
  await page.fill("#input", fs.readFileSync(sample000, "utf8"));
  await page.click("#analyse");
  await waitDone(page);
  const { quotes } = await readArticle(page);
  const q = quotes.find((x) => x.text.includes("It's another attempt"));
  assert.ok(q, "the quote is shown");
  assert.match(q.speaker, /Gholamali Khoshroo/);
  const groups = await page.$$eval("#quotes .quote-group", (gs) => gs.map((g) => g.dataset.speaker));
  assert.ok(groups.includes("Gholamali Khoshroo"), `quote groups: ${groups.join(", ")}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("example article: analysed and annotated", async () => {
  const { page, problems } = await openPage();
  await loadExample(page);
  await waitDone(page);
  const input = await page.inputValue("#input");
  assert.match(input, /Skip to main content/);
  assert.ok(await page.locator("#article .block").count() > 5, "blocks are rendered");
  assert.ok(await page.locator("#article .quote").count() > 0, "quotes are rendered");
  assert.ok(await page.locator("#article mark.ent").count() > 0, "entities are rendered");
  assert.ok(await page.locator('#article .block[data-boilerplate="true"]').count() > 0, "some boilerplate is recognised");
  // Stats: reading time, the boilerplate's share, quotes and reported speech apart.
  const stat = (c) => page.textContent(`#stats .${c} dd`);
  assert.equal(await stat("stat-reading"), "1 min");
  assert.match(await stat("stat-boilerplate"), /^\d+ of \d+ blocks, \d+% of the words$/);
  const shown = (kinds) => page.$$eval(`#quotes .quote-item:is(${kinds.map((k) => `[data-kind="${k}"]`).join(", ")})`, (qs) => qs.length);
  assert.equal(await stat("stat-quotes"), String(await shown(["direct", "partial"])));
  assert.equal(await stat("stat-reported"), String(await shown(["indirect"])));
  await page.screenshot({ path: path.join(OUT, "page-example.png") });
  // The same, scrolled to the annotated article (the picture used for docs/screenshot.png).
  await page.evaluate(() => window.scrollTo(0, document.getElementById("results").getBoundingClientRect().top + window.scrollY - 16));
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-example-article.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Makes "Copy clean text" copy into `window.__copied` instead of the system clipboard. */
async function captureClipboard(page) {
  await page.evaluate(() => {
    const fake = { writeText: async (t) => { window.__copied = t; } };
    Object.defineProperty(navigator, "clipboard", { value: fake, configurable: true });
  });
}

/** What "Copy clean text" copies right now. */
async function copiedCleanText(page) {
  await page.evaluate(() => { window.__copied = null; });
  await page.click("#copy-clean");
  await page.waitForFunction(() => typeof window.__copied === "string");
  return page.evaluate(() => window.__copied);
}

/** The People panel's quote count for `name` ("2 quotes"), or null when not listed as quoted. */
function quoteCount(page, name) {
  return page.evaluate((n) => {
    const b = [...document.querySelectorAll("#people button.person")].find((x) => x.querySelector(".name").textContent === n);
    return b ? b.querySelector(".quotes-count")?.textContent ?? null : null;
  }, name);
}

const quotesPanel = (page) => page.$$eval("#quotes .quote-text", (qs) => qs.map((q) => q.textContent));
const activeText = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? `${a.className}|${a.textContent.trim()}|${a.closest(".block")?.textContent ?? ""}` : "";
});

test("example article: the reader removes and restores blocks; clean text, quotes, people and stats follow", async () => {
  const { page, problems } = await openPage();
  await captureClipboard(page);
  await loadExample(page);
  await waitDone(page);
  const loadRequests = browser.log.requests.length;
  browser.log.phase = "decisions";

  const SHE = "If nothing is done before October";
  const LIFEBOAT = "Lifeboat crew rescue 12 from flooded caravan park";
  const LIFEBOAT_START = "Lifeboat crew rescue"; // in the page, "12" carries its NUMBER label
  const original = {
    clean: await copiedCleanText(page),
    quotes: await quotesPanel(page),
    priya: await quoteCount(page, "Priya Nair"),
    words: await page.textContent("#stats .stat-article-words dd"),
  };
  assert.ok(original.clean.includes(SHE), "the quoted paragraph is in the clean text");
  assert.ok(!original.clean.includes(LIFEBOAT), "the related link is not");
  assert.ok(original.quotes.some((q) => q.includes(SHE)), "the quote is in the quotes panel");
  assert.equal(original.priya, "2 quotes");
  assert.equal(await page.isVisible("#reset-decisions"), false, "no reset button before any decision");

  // Every block has its control: Remove on article blocks, Restore on boilerplate.
  const controls = await page.$$eval("#article .block", (bs) => bs.map((b) => [b.dataset.boilerplate, b.querySelector(".decide-btn")?.dataset.action]));
  assert.ok(controls.length > 10);
  for (const [bp, action] of controls) assert.equal(action, bp === "true" ? "keep" : "drop");

  // Tab goes from one block's control to the next block's control.
  const sheBlock = page.locator("#article .block", { hasText: SHE });
  const prevBlockBtn = page.locator("#article .block", { hasText: "the marine engineer who surveyed" }).locator(".decide-btn");
  await prevBlockBtn.focus();
  await page.keyboard.press("Tab");
  assert.match(await activeText(page), new RegExp(`^decide-btn\\|Remove\\|.*${SHE}`), "Tab reaches the next block's Remove");

  // Remove the paragraph holding Priya Nair's second quote (Enter on the focused control).
  await sheBlock.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -200));
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-decisions-focus.png"), clip: await sheBlock.evaluate((b) => {
    const r = b.closest("article").getBoundingClientRect(), q = b.getBoundingClientRect();
    return { x: r.left - 20, y: q.top - 120, width: r.width + 40, height: q.height + 240 };
  }) });
  const topBefore = await sheBlock.evaluate((b) => b.getBoundingClientRect().top);
  await page.keyboard.press("Enter");
  await page.waitForSelector('#article .block[data-decision="drop"]');
  await waitDone(page);
  const removed = page.locator('#article .block[data-decision="drop"]');
  assert.match(await removed.textContent(), new RegExp(SHE));
  assert.match(await removed.locator(".decided").textContent(), /Removed by you/);
  assert.equal(await removed.getAttribute("data-boilerplate"), "true");
  const topAfter = await removed.evaluate((b) => b.getBoundingClientRect().top);
  assert.ok(Math.abs(topAfter - topBefore) < 2, `the changed block stays where it was on screen (${topBefore} -> ${topAfter})`);
  assert.match(await activeText(page), /^decide-btn\|Undo\|/, "focus stays on the block's control, now Undo");
  assert.match(await page.textContent("#status"), /Removed “She said:/);
  const afterRemove = await copiedCleanText(page);
  assert.ok(!afterRemove.includes(SHE), "the removed paragraph left the clean text");
  assert.ok(afterRemove.includes("Priya Nair, the marine engineer"), "its neighbour stayed");
  assert.ok(!(await quotesPanel(page)).some((q) => q.includes(SHE)), "its quote left the quotes panel");
  assert.equal(await quoteCount(page, "Priya Nair"), "1 quote", "the speaker's quote count dropped");
  assert.ok(Number((await page.textContent("#stats .stat-article-words dd")).replace(/\D/g, "")) < Number(original.words.replace(/\D/g, "")));
  assert.equal(await page.isVisible("#reset-decisions"), true, "the reset button appears");

  // Restore one block from inside the folded group of boilerplate, by keyboard (Space).
  const group = page.locator("#article details.bp-group", { hasText: LIFEBOAT_START });
  assert.equal(await group.evaluate((g) => g.open), false, "the related link starts folded away");
  await group.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await group.evaluate((g) => g.open), true, "Enter opens the group");
  for (let i = 0; i < 8; i++) {
    const t = await activeText(page);
    if (t.startsWith("decide-btn|Restore|") && t.includes(LIFEBOAT_START)) break;
    await page.keyboard.press("Tab");
  }
  assert.match(await activeText(page), new RegExp(`^decide-btn\\|Restore\\|.*${LIFEBOAT_START}`), "Tab reaches the Restore of a block inside the group");
  await page.keyboard.press("Space");
  await page.waitForSelector('#article .block[data-decision="keep"]');
  await waitDone(page);
  const kept = page.locator('#article .block[data-decision="keep"]');
  assert.match(await kept.textContent(), new RegExp(LIFEBOAT_START));
  assert.match(await kept.locator(".decided").textContent(), /Kept by you/);
  const afterRestore = await copiedCleanText(page);
  assert.ok(afterRestore.includes(LIFEBOAT), "the restored block is in the clean text");
  assert.ok(!afterRestore.includes(SHE), "the earlier decision still holds");
  assert.equal(await page.textContent("#reset-decisions"), "Reset my decisions (2)");

  // The picture: one block removed, one restored.
  await removed.evaluate((b) => b.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -240));
  await page.mouse.move(5, 5);
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-decisions.png") });
  await page.screenshot({ path: path.join(OUT, "page-decisions-full.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await removed.evaluate((b) => b.scrollIntoView({ block: "center" }));
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "page-decisions-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Undo (Enter on the kept block's control, which has the focus): that block folds away again,
  // the other decision stays, and the focus follows the block into its group.
  await kept.locator(".decide-btn").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector('#article [data-decision="keep"]'));
  await waitDone(page);
  assert.match(await activeText(page), new RegExp(`^decide-btn\\|Restore\\|.*${LIFEBOAT_START}`), "the focus stays with the block");
  assert.ok(!(await copiedCleanText(page)).includes(LIFEBOAT), "undone: the related link is out again");
  assert.equal(await page.textContent("#reset-decisions"), "Reset my decisions");

  // Reset: back to exactly what the analysis found.
  await page.click("#reset-decisions");
  await page.waitForFunction(() => !document.querySelector("#article [data-decision]"));
  await waitDone(page);
  assert.equal(await copiedCleanText(page), original.clean);
  assert.deepEqual(await quotesPanel(page), original.quotes);
  assert.equal(await quoteCount(page, "Priya Nair"), "2 quotes");
  assert.equal(await page.textContent("#stats .stat-article-words dd"), original.words);
  assert.equal(await page.isVisible("#reset-decisions"), false);

  // Decisions belong to one input and format: changing the format forgets them.
  await sheBlock.locator(".decide-btn").click();
  await page.waitForSelector('#article .block[data-decision="drop"]');
  await page.selectOption("#format", "text");
  await page.waitForFunction(() => !document.querySelector("#article [data-decision]"));
  await waitDone(page);
  assert.ok((await copiedCleanText(page)).includes(SHE));
  assert.equal(await page.isVisible("#reset-decisions"), false);

  // Nothing left the page while the reader decided.
  const all = browser.log.requests;
  assert.deepEqual(foreign(all), [], "every request went to the local server");
  assert.deepEqual(all.slice(loadRequests).filter((r) => r.phase === "decisions"), [], "no requests at all while deciding");
  assert.deepEqual(problems, [], "no console errors or page errors");
  browser.log.phase = "load";
  await page.close();
});

test("hard-wrapped text: each paragraph is one block, shown in its original lines", async () => {
  const { page } = await openPage();
  const para = (words) => {
    // Wrapped at 64 columns, as an e-mail client would.
    const lines = [];
    let line = "";
    for (const w of words.split(" ")) {
      if (line && line.length + 1 + w.length > 64) { lines.push(line); line = ""; }
      line = line ? `${line} ${w}` : w;
    }
    return [...lines, line].join("\n");
  };
  const one = para("The harbour council met on Tuesday evening to vote on the new sea wall, which engineers say must be finished before the winter storms arrive, and which will cost more than any project the town has paid for since the war.");
  const two = para("Opponents said the plan was rushed and that the fishermen of the old quarter had not been asked, while the mayor replied that every month of delay would make the wall dearer and the town less safe for everyone.");
  await page.fill("#input", `Sea wall approved\n\n${one}\n\n${two}\n`);
  await page.click("#analyse");
  await waitDone(page);
  const { blocks } = await readArticle(page);
  const body = blocks.filter((b) => b.text.includes("harbour council") || b.text.includes("Opponents"));
  assert.equal(body.length, 2, JSON.stringify(blocks.map((b) => b.text.slice(0, 40))));
  assert.ok(body.every((b) => b.boilerplate === "false"), "both paragraphs are article text");
  // The block keeps the line breaks, and the page shows them (white-space: pre-line).
  const shown = await page.evaluate(() => [...document.querySelectorAll("#article .block")].find((b) => b.textContent.includes("harbour council")).innerText);
  assert.ok(shown.split("\n").length >= 3, shown);
  await page.locator("#article").screenshot({ path: path.join(OUT, "wrapped-text.png") });
  await page.close();
});

test("a place that speaks is one entity, read as a place and as an actor", async () => {
  const { page, problems } = await openPage();
  const text = [
    "Talks resume in Vienna",
    "Diplomats from six countries arrived in Iran on Monday for a second round of talks on the reactor.",
    "Iran said on Tuesday that it would allow inspectors back into the plant within a month.",
    "Officials in Iran have not said when the inspectors would arrive.",
  ].join("\n\n");
  await page.fill("#input", text);
  await page.click("#analyse");
  await waitDone(page);
  const items = await page.$$eval("#entities button.entity", (bs) => bs.map((b) => ({
    kind: b.closest("details").dataset.kind,
    name: b.querySelector(".name").textContent,
    readings: b.querySelector(".readings")?.textContent ?? "",
  })));
  const iran = items.filter((i) => i.name === "Iran");
  assert.equal(iran.length, 1, JSON.stringify(items));
  assert.equal(iran[0].kind, "PLACE");
  assert.equal(iran[0].readings, "as an actor: organisation");
  await page.locator("#entities").screenshot({ path: path.join(OUT, "place-as-actor.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("pronouns and descriptions are marked with the person they stand for; unnamed sources apart", async () => {
  const { page, problems } = await openPage();
  const text = [
    "Fishing talks stall",
    "The ambassador of Maranthia to the Council, Ines Calloway, warned on Friday that the talks could fail. “Both sides have stopped listening,” she said.",
    "Speaking to reporters later, the ambassador said the fleet would stay in port.",
    "“The quotas are final,” a senior official said.",
  ].join("\n\n");
  await page.fill("#input", text);
  await page.click("#analyse");
  await waitDone(page);
  const refs = await page.$$eval("#article .coref", (xs) => xs.map((x) => [x.textContent, x.title]));
  assert.deepEqual(refs.map(([t]) => t), ["she", "the ambassador"]);
  for (const [, title] of refs) assert.match(title, /→ Ines Calloway — /);
  // Her button highlights her name, her quotes and the words that stand for her.
  await page.click('#people button.person:has(.name:text-is("Ines Calloway"))');
  assert.equal(await page.locator("#article .coref.hl").count(), 2);
  assert.match(await page.textContent("#status"), /^3 mentions and \d+ quotes? of Ines Calloway highlighted/);
  // The official is a source, described, not named: not among the people.
  const unnamed = await page.$$eval("#people .people-unnamed button", (bs) => bs.map((b) => b.querySelector(".name").textContent));
  assert.deepEqual(unnamed, ["a senior official"]);
  const named = await page.$$eval("#people button.person .name", (ns) => ns.map((n) => n.textContent));
  assert.ok(!named.includes("a senior official"), named.join(", "));
  await page.click("#people .people-unnamed button");
  assert.equal(await page.locator("#article .quote.hl").count(), 1);
  await page.locator("#results").screenshot({ path: path.join(OUT, "references-and-unnamed-sources.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("empty input: a clear message, no analysis", async () => {
  const { page } = await openPage();
  await page.click("#analyse");
  const msg = page.locator("#message");
  await msg.waitFor({ state: "visible" });
  assert.match(await msg.textContent(), /Nothing to analyse/);
  assert.equal(await page.getAttribute("#results", "data-state"), "empty");
  await page.fill("#input", "   \n  ");
  await page.click("#analyse");
  assert.match(await msg.textContent(), /Nothing to analyse/);
  await page.close();
});

test("a dropped HTML file with <script> and a remote <img> is analysed, never run or fetched", async () => {
  const { page, problems } = await openPage();
  const html = `<!doctype html><html><head><title>Harbour plan approved</title>
<script>window.__pwned = 1; fetch("http://example.com/steal");</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1>
<img src="http://example.com/x.png" onerror="window.__pwned = 2" alt="">
<p>The council approved the harbour plan on Tuesday after a long debate about the cost of the new sea wall and who should pay for it.</p>
<p>“This is the right decision for the town,” said Mayor Helen Okafor, who proposed the plan last year.</p>
<p><iframe src="http://example.com/frame"></iframe>Work will start in May, the council said in a statement on its website.</p>
</article><footer>© 2025 Example Gazette</footer></body></html>`;
  const dt = await page.evaluateHandle((content) => {
    const d = new DataTransfer();
    d.items.add(new File([content], "harbour.html", { type: "text/html" }));
    return d;
  }, html);
  await page.dispatchEvent("body", "dragenter", { dataTransfer: dt });
  await page.dispatchEvent("body", "drop", { dataTransfer: dt });
  await waitDone(page);
  assert.equal(await page.inputValue("#input"), html, "the file's text is in the box");
  const article = await page.textContent("#article");
  assert.match(article, /approved the harbour plan/);
  assert.doesNotMatch(article, /__pwned|<script|<img/);
  assert.equal(await page.locator("#article script, #article img, #article iframe").count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "the file's script never ran");
  const hits = browser.log.requests.filter((r) => r.url.includes("example.com"));
  assert.deepEqual(hits, [], "nothing was fetched from example.com");
  assert.match(await page.textContent("#status"), /harbour\.html/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a windows-1252 file decodes (curly quotes come out right)", async () => {
  const { page } = await openPage();
  const body = "Council approves harbour plan\n\nThe council approved the harbour plan on Tuesday after a long debate.\n\n"
    + "She said: \x93The town deserves better \x96 and it will get it.\x94\n\nCaf\xe9 owners welcomed the decision.\n";
  const bytes = Buffer.from(body, "latin1");
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the test file is not valid UTF-8");
  await page.setInputFiles("#file", { name: "cp1252.txt", mimeType: "text/plain", buffer: bytes });
  await waitDone(page);
  const value = await page.inputValue("#input");
  assert.ok(value.includes("“The town deserves better – and it will get it.”"), value);
  assert.ok(value.includes("Café owners"));
  assert.match(await page.textContent("#article"), /“The town deserves better – and it will get it\.”/);
  assert.match(await page.textContent("#status"), /windows-1252/);
  await page.close();
});

test("an HTML file in the charset its <meta> declares decodes (windows-1250, Polish)", async () => {
  const { page } = await openPage();
  // "Łódź" and "żółć" in windows-1250: not UTF-8, and windows-1252 would turn them into "£ódŸ".
  const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>Rada</title></head><body>';
  const para = "<p>Rada miasta \xa3\xf3d\x9f przyj\xea\xb3a w czwartek plan portu po d\xb3ugiej debacie, a mieszka\xf1cy z\xb3o\xbfyli \xbf\xf3\xb3\xe6 na stole.</p>";
  const bytes = Buffer.from(head + "<h1>Plan portu przyj\xeaty</h1>" + para + para.replace("Rada", "Wczoraj rada") + "</body></html>", "latin1");
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the test file is not valid UTF-8");
  await page.setInputFiles("#file", { name: "cp1250.html", mimeType: "text/html", buffer: bytes });
  await waitDone(page);
  assert.ok((await page.inputValue("#input")).includes("Rada miasta Łódź przyjęła"));
  assert.match(await page.textContent("#article"), /żółć na stole/);
  assert.match(await page.textContent("#status"), /windows-1250/);
  await page.close();
});

test("files over 20 MB are refused before reading; the input is kept", async () => {
  const { page } = await openPage();
  await page.fill("#input", "Keep me.");
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(20 * 1024 * 1024 + 1)], "huge.txt", { type: "text/plain" }));
    return d;
  });
  await page.dispatchEvent("body", "drop", { dataTransfer: dt });
  const msg = page.locator("#message");
  await msg.waitFor({ state: "visible" });
  assert.match(await msg.textContent(), /over 20 MB/);
  assert.equal(await page.inputValue("#input"), "Keep me.");
  await page.close();
});

test("analyser errors (binary, too large) are shown and the input is kept", async () => {
  const { page } = await openPage();
  const msg = page.locator("#message");

  const binary = "PK\u0003\u0004\u0000\u0000\u0008\u0000" + "\u0000\u0001\u0002\u0003".repeat(200);
  await page.fill("#input", binary);
  await page.click("#analyse");
  await page.waitForSelector('#results[data-state="error"]', { timeout: 30_000 });
  assert.match(await msg.textContent(), /binary/i);
  assert.equal(await page.inputValue("#input"), binary, "the input is not cleared");

  await page.evaluate(() => { document.getElementById("input").value = "word ".repeat(4_300_000); });
  await page.click("#analyse");
  await page.waitForFunction(() => /too large|larger|MB/i.test(document.getElementById("message").textContent), null, { timeout: 60_000 });
  assert.equal(await page.getAttribute("#results", "data-state"), "error");
  assert.equal(await page.evaluate(() => document.getElementById("input").value.length), 5 * 4_300_000);

  // The analyser still works afterwards.
  await page.fill("#input", "The council approved the plan on Tuesday, the mayor said.");
  await page.click("#analyse");
  await waitDone(page);
  assert.equal(await msg.isVisible(), false);
  await page.close();
});
