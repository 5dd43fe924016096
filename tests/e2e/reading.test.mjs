// Reading the annotated article in headless Chromium: the layer and kind filters, search within
// the article, the keyboard (j/k, Enter, n/p, /, ?, Escape), and click-to-highlight from every
// panel — each checked by what the reader sees (styles, counts, focus, status), not by presence.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { useBrowser, openPage as openPageOf, OUT, loadExample } from "./helpers.mjs";

let server, browser;
useBrowser((s) => ({ server, browser } = s));

async function openExample() {
  const { page, problems } = await openPageOf(browser, server.origin);
  await loadExample(page);
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60_000 });
  return { page, problems };
}

/** How a mark or quote looks: is its marking (background, underline, label) shown? */
function looks(page, selector) {
  return page.$$eval(selector, (els) => els.map((e) => {
    const cs = getComputedStyle(e);
    const label = e.querySelector(":scope > .label, :scope > .speaker-label");
    return {
      text: e.firstChild ? e.firstChild.textContent : "",
      marked: cs.backgroundColor !== "rgba(0, 0, 0, 0)" || parseFloat(cs.borderBottomWidth) > 0,
      label: label ? getComputedStyle(label).display !== "none" : null,
      visible: e.getClientRects().length > 0,
    };
  }));
}

/** The focused element, described: "mark PERSON Priya Nair", "quote 3", or its tag and id. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a) return "";
  if (a.matches("mark.ent")) return `mark ${a.dataset.kind} ${a.firstChild.textContent}`;
  if (a.matches(".quote")) return `quote ${a.dataset.quote}`;
  if (a.matches(".coref")) return `ref ${a.textContent}`;
  return `${a.tagName.toLowerCase()}#${a.id}`;
});

const status = (page) => page.textContent("#status");

test("filters: each layer and each entity kind hides its marking, keeps the text, and comes back", async () => {
  const { page, problems } = await openExample();
  const articleText = await page.evaluate(() => document.getElementById("article").innerText);

  // Entities off: no mark keeps its colour or label; the words stay.
  await page.uncheck('input[data-layer="entities"]');
  let ents = await looks(page, "#article mark.ent");
  assert.ok(ents.length > 10);
  assert.ok(ents.every((e) => !e.marked && e.label === false), "no entity is marked");
  assert.ok(ents.every((e) => e.visible), "their words are still there");
  assert.match(await status(page), /Entities hidden/);
  let quotes = await looks(page, '#article .quote[data-kind="direct"]');
  assert.ok(quotes.every((q) => q.marked), "quotes are still marked");
  await page.check('input[data-layer="entities"]');
  ents = await looks(page, "#article mark.ent");
  assert.ok(ents.every((e) => e.marked), "entities are back");
  assert.ok((await looks(page, "#article .block:not(.boilerplate) mark.ent")).every((e) => e.label), "with their labels");

  // One kind off, from the legend: PERSON unmarked, the others not; the legend says so.
  const person = page.locator('button.kind-toggle[data-kind="PERSON"]');
  assert.equal(await person.getAttribute("aria-pressed"), "true");
  assert.equal(await page.getByRole("button", { name: /^Person \d+ mentions$/, pressed: true }).count(), 1, "named by what it shows, and pressed");
  await person.click();
  assert.equal(await person.getAttribute("aria-pressed"), "false");
  const people = await looks(page, '#article mark.ent[data-kind="PERSON"]');
  const orgs = await looks(page, '#article .block:not(.boilerplate) mark.ent[data-kind="ORG"]');
  assert.ok(people.length && people.every((e) => !e.marked && !e.label), "PERSON marks are off");
  assert.ok(orgs.length && orgs.every((e) => e.marked && e.label), "ORG marks stay");
  assert.match(await status(page), /People \(PERSON\) hidden/);
  // Kinds the article does not have are left out of the key; those it has show their counts.
  const key = await page.$$eval(".legend button.kind-toggle", (bs) => bs.filter((b) => b.getClientRects().length > 0).map((b) => [b.dataset.kind, b.querySelector(".kind-count").firstChild.textContent]));
  const counts = await page.evaluate(() => {
    const m = {};
    for (const e of document.querySelectorAll("#article mark.ent")) m[e.dataset.kind] = (m[e.dataset.kind] || 0) + 1;
    return m;
  });
  assert.deepEqual(Object.fromEntries(key), Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, String(n)])));
  await page.screenshot({ path: path.join(OUT, "reading-filter-person-off.png") });
  await person.click();

  // Quotes off, reported speech on: direct quotes lose their marking and speaker label.
  await page.uncheck('input[data-layer="quotes"]');
  quotes = await looks(page, '#article .quote[data-kind="direct"]');
  assert.ok(quotes.length && quotes.every((q) => !q.marked), "direct quotes unmarked");
  assert.ok((await looks(page, '#article .quote[data-kind="direct"] > .speaker-label')).every((l) => !l.visible), "no speaker labels");
  const reported = await page.$$eval('#article .quote[data-kind="indirect"]', (qs) => qs.map((q) => getComputedStyle(q).borderBottomWidth));
  assert.ok(reported.length && reported.every((w) => w !== "0px"), "reported speech keeps its underline");
  await page.uncheck('input[data-layer="reported"]');
  assert.ok((await page.$$eval('#article .quote[data-kind="indirect"]', (qs) => qs.map((q) => getComputedStyle(q).borderBottomWidth))).every((w) => w === "0px"));
  await page.check('input[data-layer="quotes"]');
  await page.check('input[data-layer="reported"]');

  // Boilerplate off: the blocks are gone from view, the article blocks stay.
  await page.uncheck('input[data-layer="boilerplate"]');
  const bp = await page.$$eval("#article .block.boilerplate, #article details.bp-group", (bs) => bs.map((b) => b.getClientRects().length));
  assert.ok(bp.length > 3 && bp.every((n) => n === 0), "no boilerplate is shown");
  const shown = await page.evaluate(() => document.getElementById("article").innerText);
  assert.doesNotMatch(shown, /Skip to main content|Share this article/);
  assert.match(shown, /Northshore Flood Authority/);
  await page.check('input[data-layer="boilerplate"]');
  assert.equal(await page.evaluate(() => document.getElementById("article").innerText), articleText, "all back as it was");

  // The main view in the dark theme and at phone width, everything shown.
  await page.evaluate(() => window.scrollTo(0, document.getElementById("results").getBoundingClientRect().top + window.scrollY - 16));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(OUT, "page-example-article-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.getElementById("results").scrollIntoView());
  await page.screenshot({ path: path.join(OUT, "page-example-article-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A filter outlives a new analysis (the reader's choice, not the article's).
  await page.uncheck('input[data-layer="entities"]');
  await page.selectOption("#format", "text");
  await page.waitForSelector('#results[data-state="done"]');
  await page.waitForFunction(() => document.getElementById("article").dataset.hidden === "entities");
  assert.ok((await looks(page, "#article mark.ent")).every((e) => !e.marked));
  assert.deepEqual(problems, []);
  await page.close();
});

test("search: highlights every match, counts them, next/previous, inside folded boilerplate, Escape clears", async () => {
  const { page, problems } = await openExample();
  const painted = () => page.evaluate(() => {
    const h = CSS.highlights.get("find");
    const c = CSS.highlights.get("find-current");
    return { all: h ? [...h].map((r) => r.toString()) : [], current: c ? [...c].map((r) => r.toString()) : [] };
  });

  await page.fill("#find", "sea wall");
  await page.waitForFunction(() => document.getElementById("find-count").textContent !== "");
  assert.equal(await page.textContent("#find-count"), "1 of 2");
  let p = await painted();
  assert.deepEqual(p.all.map((s) => s.toLowerCase()), ["sea wall", "sea wall"]);
  assert.deepEqual(p.current, ["sea wall"]);
  await page.press("#find", "Enter");
  assert.equal(await page.textContent("#find-count"), "2 of 2");
  assert.match(await status(page), /Match 2 of 2 for “sea wall”/);
  await page.press("#find", "Enter");
  assert.equal(await page.textContent("#find-count"), "1 of 2", "wraps around");
  await page.press("#find", "Shift+Enter");
  assert.equal(await page.textContent("#find-count"), "2 of 2");
  await page.click("#find-prev");
  assert.equal(await page.textContent("#find-count"), "1 of 2");

  // Case-insensitive, across the marks (a name, then plain text), never into the small labels.
  await page.fill("#find", "helen okafor, who");
  await page.waitForFunction(() => document.getElementById("find-count").textContent === "1 of 1");
  p = await painted();
  assert.equal(p.current.length, 1);
  assert.match(p.current[0], /^Helen Okafor(PERSON)?, who$/, "the range runs across the mark");
  await page.fill("#find", "PERSON");
  await page.waitForFunction(() => document.getElementById("find-count").textContent === "No matches");
  assert.deepEqual((await painted()).all, [], "the kind labels are not article text");

  // A match in folded boilerplate: going to it unfolds it, and it is on screen.
  await page.fill("#find", "caravan park");
  await page.waitForFunction(() => document.getElementById("find-count").textContent === "1 of 1");
  const group = page.locator("#article details.bp-group", { hasText: "caravan park" });
  assert.equal(await group.evaluate((g) => g.open), false);
  await page.press("#find", "Enter");
  assert.equal(await group.evaluate((g) => g.open), true, "the folded group opened");
  const inView = await page.evaluate(() => {
    const r = [...CSS.highlights.get("find-current")][0].getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
  });
  assert.ok(inView, "the current match is in the window");
  await page.screenshot({ path: path.join(OUT, "reading-search.png") });

  // Escape in the box clears the search; a second Escape leaves the box.
  await page.press("#find", "Escape");
  assert.equal(await page.inputValue("#find"), "");
  assert.equal(await page.textContent("#find-count"), "");
  assert.deepEqual(await painted(), { all: [], current: [] });
  await page.press("#find", "Escape");
  assert.notEqual(await focused(page), "input#find");

  // The search follows a re-render (the reader removes a block: its matches go).
  await page.fill("#find", "spring tide");
  await page.waitForFunction(() => document.getElementById("find-count").textContent === "1 of 1");
  await page.locator("#article .block", { hasText: "If nothing is done" }).locator(".decide-btn").click();
  await page.waitForSelector('#article .block[data-decision="drop"]');
  await page.waitForSelector('#results[data-state="done"]');
  assert.equal(await page.textContent("#find-count"), "1 of 1", "still found in the removed block, which is still shown");
  await page.uncheck('input[data-layer="boilerplate"]');
  await page.press("#find", "Enter");
  assert.equal(await page.textContent("#find-count"), "No matches", "hidden boilerplate is not searched");
  assert.deepEqual(problems, []);
  await page.close();
});

test("keyboard: j/k walk the annotations, Enter selects, n/p walk its mentions, / and ? and Escape; never while typing", async () => {
  const { page, problems } = await openExample();
  const order = await page.evaluate(() => {
    const seen = new Set();
    return [...document.querySelectorAll("#article mark.ent, #article .quote")].filter((e) => {
      if (e.closest(".block.boilerplate.collapsed, details.bp-group:not([open])")) return false;
      if (e.matches(".quote")) { if (seen.has(e.dataset.quote)) return false; seen.add(e.dataset.quote); }
      return true;
    }).map((a) => (a.matches("mark.ent") ? `mark ${a.dataset.kind} ${a.firstChild.textContent}` : `quote ${a.dataset.quote}`));
  });
  assert.ok(order.length > 15, `annotations: ${order.length}`);

  // Typing in the text box never moves anything.
  await page.focus("#input");
  await page.keyboard.press("End");
  await page.keyboard.type("jkn?");
  assert.ok((await page.inputValue("#input")).endsWith("jkn?"), "the letters went into the box");
  assert.equal(await focused(page), "textarea#input");
  assert.equal(await page.evaluate(() => document.getElementById("help").open), false);
  await page.fill("#input", (await page.inputValue("#input")).slice(0, -4));
  await page.click("#analyse");
  await page.waitForSelector('#results[data-state="done"]');

  // j from the top of the page: the first annotation, then the next ones in order; k goes back.
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press("j");
  assert.equal(await focused(page), order[0]);
  assert.match(await status(page), new RegExp(`^Annotation 1 of ${order.length}: `));
  for (let i = 1; i < 6; i++) {
    await page.keyboard.press("j");
    assert.equal(await focused(page), order[i], `j #${i + 1}`);
  }
  await page.keyboard.press("k");
  assert.equal(await focused(page), order[4]);
  // The focused annotation is visibly outlined.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none");
  // k at the start wraps to the last.
  for (let i = 0; i < 5; i++) await page.keyboard.press("k");
  assert.equal(await focused(page), order[order.length - 1]);
  assert.match(await status(page), /wrapped around/);

  // Hidden kinds are skipped.
  await page.click('button.kind-toggle[data-kind="DATE"]');
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  const withoutDates = order.filter((o) => !o.startsWith("mark DATE "));
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("j");
    assert.equal(await focused(page), withoutDates[i]);
  }
  await page.click('button.kind-toggle[data-kind="DATE"]');

  // Keys work with the focus on a checkbox (only text boxes keep them).
  await page.click('input[data-layer="quotes"]');
  await page.click('input[data-layer="quotes"]');
  await page.keyboard.press("j");
  assert.match(await focused(page), /^(mark|quote) /, "j from a checkbox");

  // Enter on a person selects them; n/p walk their mentions and quotes, in reading order.
  const nair = page.locator('#article mark.ent[data-kind="PERSON"]', { hasText: "Priya Nair" }).first();
  await nair.evaluate((m) => { m.tabIndex = -1; m.focus(); }); // as j leaves it
  await page.keyboard.press("Enter");
  const hl = await page.$$eval("#article .hl:not(.speaker-ref)", (els) => {
    const seen = new Set();
    return els.filter((e) => !e.matches(".quote") || (!seen.has(e.dataset.quote) && seen.add(e.dataset.quote)))
      .map((a) => (a.matches("mark.ent") ? `mark ${a.dataset.kind} ${a.firstChild.textContent}`
        : a.matches(".coref") ? `ref ${a.textContent}` : `quote ${a.dataset.quote}`));
  });
  const nairQuotes = await page.evaluate(() => [...document.querySelectorAll("#quotes .quote-group")].find((g) => g.dataset.speaker === "Priya Nair").querySelectorAll(".quote-item").length);
  assert.equal(hl.filter((h) => h.startsWith("quote")).length, nairQuotes, `all her quotes are highlighted: ${hl.join(", ")}`);
  assert.ok(hl.includes("mark PERSON Priya Nair"));
  assert.equal(await focused(page), "mark PERSON Priya Nair", "Enter keeps the reader where they are");
  assert.equal(await page.getAttribute('#people button.person:has(.name:text-is("Priya Nair"))', "aria-pressed"), "true");
  const at = hl.indexOf("mark PERSON Priya Nair");
  await page.keyboard.press("n");
  assert.equal(await focused(page), hl[(at + 1) % hl.length]);
  assert.match(await status(page), new RegExp(`^${at + 2} of ${hl.length} for Priya Nair: `));
  await page.keyboard.press("n");
  assert.equal(await focused(page), hl[(at + 2) % hl.length]);
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  assert.equal(await focused(page), "mark PERSON Priya Nair");
  // Escape clears the selection; n then says so and moves to the next annotation.
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#article .hl").count(), 0);
  await page.keyboard.press("n");
  assert.match(await status(page), /^Annotation \d+ of \d+/);

  // Enter on a quote selects its speaker.
  const okaforQuote = page.locator("#article .quote", { hasText: "We cannot ask families" }).first();
  await okaforQuote.evaluate((q) => { q.tabIndex = -1; q.focus(); });
  await page.keyboard.press("Enter");
  const pressed = await page.$$eval('#people [aria-pressed="true"] .name', (ns) => ns.map((n) => n.textContent));
  assert.equal(pressed.length, 1);
  assert.match(pressed[0], /Helen Okafor/);
  await page.keyboard.press("Escape");

  // / goes to the search box; ? opens the help, which Escape closes, giving the focus back.
  await page.keyboard.press("j");
  const before = await focused(page);
  await page.keyboard.press("/");
  assert.equal(await focused(page), "input#find");
  await page.keyboard.type("jk");
  assert.equal(await page.inputValue("#find"), "jk", "typed into the search box, not shortcuts");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter"); // select it: Escape in the help must not clear this
  await page.keyboard.press("?");
  assert.equal(await page.evaluate(() => document.getElementById("help").open), true);
  const rows = await page.$$eval("#help tr", (rs) => rs.map((r) => r.textContent));
  assert.ok(rows.some((r) => /j \/ k/.test(r) && /Next \/ previous annotation/.test(r)));
  assert.ok(rows.some((r) => /n \/ p/.test(r) && /mention/.test(r)));
  await page.screenshot({ path: path.join(OUT, "reading-help.png") });
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.getElementById("help").open), false);
  assert.ok(await page.locator("#article .hl").count() > 0, "closing the help kept the selection");
  assert.notEqual(await focused(page), before, "(the focus moved on with j)");
  assert.match(await focused(page), /^(mark|quote) /, "the focus is back on the annotation");

  // The help's own button, by keyboard.
  await page.focus("#help-open");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.getElementById("help").open), true);
  assert.equal(await focused(page), "button#help-close", "the focus is in the dialog");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.getElementById("help").open), false);
  assert.equal(await focused(page), "button#help-open");
  assert.deepEqual(problems, []);
  await page.close();
});

test("click-to-highlight: people, entities, quotes, speakers in the panels and the article", async () => {
  const { page, problems } = await openExample();
  const highlighted = () => page.$$eval("#article .hl", (els) => els.map((e) => (e.matches("mark.ent") ? `${e.dataset.kind}:${e.firstChild.textContent}` : e.matches(".quote") ? `quote:${e.dataset.quote}` : `ref:${e.textContent}`)));
  const firstInView = () => page.evaluate(() => {
    const r = document.querySelector("#article .hl").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  const quoteIdx = (text) => page.evaluate((t) => [...document.querySelectorAll("#article .quote")].find((q) => q.textContent.includes(t)).dataset.quote, text);

  // A person: their mentions and their quotes.
  await page.click('#people button.person:has(.name:text-is("Margaret Boyle"))');
  let hl = await highlighted();
  const boyle = await quoteIdx("never seen water");
  assert.ok(hl.includes("PERSON:Margaret Boyle"), hl.join(", "));
  assert.ok(hl.includes(`quote:${boyle}`), "her quote is highlighted");
  assert.ok(await firstInView(), "scrolled to the first");
  assert.match(await status(page), /1 mention and 1 quote of Margaret Boyle highlighted/);
  // The same again clears it.
  await page.click('#people button.person:has(.name:text-is("Margaret Boyle"))');
  assert.deepEqual(await highlighted(), []);
  assert.match(await status(page), /Highlight cleared/);

  // A person mentioned, not quoted (a chip).
  await page.evaluate(() => window.scrollTo(0, 0));
  const chip = page.locator("#people button.chip.person").first();
  const chipName = await chip.locator(".name").textContent();
  const chipMentions = Number((await chip.locator(".mentions-count").textContent()).replace(/\D/g, ""));
  await chip.click();
  hl = await highlighted();
  // Their name's mentions, and any pronoun or description resolved to them.
  assert.equal(hl.filter((h) => h.startsWith("PERSON:")).length, chipMentions, `${chipName}: ${hl.join(", ")}`);
  assert.ok(hl.every((h) => h.startsWith("PERSON:") || h.startsWith("ref:")), hl.join(", "));

  // An entity with several mentions, and an amount (no cluster: same kind and text).
  const org = page.locator('#entities details[data-kind="ORG"] button.entity').first();
  const orgName = await org.locator(".name").textContent();
  const orgCount = Number((await org.locator(".count").textContent()).replace(/\D/g, ""));
  await org.click();
  hl = await highlighted();
  assert.equal(hl.length, orgCount, `${orgName}: ${hl.join(", ")}`);
  assert.ok(hl.every((h) => h.startsWith("ORG:")));
  assert.ok(await firstInView());
  await page.click('#entities button.entity:has(.name:text-is("£4.2 million"))');
  assert.deepEqual(await highlighted(), ["MONEY:£4.2 million"]);

  // A quote in the panel: that quote (all its parts), pressed, on screen.
  const q = page.locator("#quotes button.quote-item", { hasText: "never seen water" });
  await q.click();
  assert.deepEqual(await highlighted(), [`quote:${boyle}`]);
  assert.equal(await q.getAttribute("aria-pressed"), "true");
  assert.ok(await firstInView());
  assert.match(await status(page), /Quote by Margaret Boyle highlighted/);

  // A speaker's name heading a quote group: all their quotes and mentions.
  await page.click('#quotes .quote-group[data-speaker="Priya Nair"] button.speaker-btn');
  hl = await highlighted();
  const nairGroup = await page.locator('#quotes .quote-group[data-speaker="Priya Nair"] .quote-item').count();
  assert.equal(new Set(hl.filter((h) => h.startsWith("quote:"))).size, nairGroup);
  assert.ok(hl.includes("PERSON:Priya Nair"));
  assert.ok(hl.some((h) => h.startsWith("ref:")), "the pronoun naming her as speaker (“She”) too");
  assert.equal(await page.getAttribute('#people button.person:has(.name:text-is("Priya Nair"))', "aria-pressed"), "true", "the People panel agrees");

  // A speaker with no cluster ("a council statement"): their quotes.
  const stmt = await page.$$eval("#quotes .quote-group", (gs) => gs.map((g) => g.dataset.speaker).find((s) => /statement/.test(s)));
  if (stmt) {
    await page.click(`#quotes .quote-group[data-speaker="${stmt}"] button.speaker-btn`);
    hl = await highlighted();
    assert.ok(hl.length >= 1 && hl.every((h) => h.startsWith("quote:")), hl.join(", "));
  }

  // In the article: a speaker label highlights the speaker.
  await page.locator("#article .quote", { hasText: "never seen water" }).locator(".speaker-label").click();
  hl = await highlighted();
  assert.ok(hl.includes("PERSON:Margaret Boyle") && hl.includes(`quote:${boyle}`), hl.join(", "));

  // Keyboard only: Tab to a panel button, Enter.
  await page.keyboard.press("Escape");
  await page.focus('#people button.person:has(.name:text-is("David Reyes"))');
  await page.keyboard.press("Enter");
  hl = await highlighted();
  assert.ok(hl.includes("PERSON:David Reyes"), hl.join(", "));
  assert.deepEqual(problems, []);
  await page.close();
});
