// Many articles at once: files dropped or opened together (or a folder's worth) are analysed one
// by one in a worker of their own, into a table of articles and a table of the people across
// them. The pure parts (summarise, combinePeople) run in Node too; the UI is initBatch().
import { people, plural, fmt } from "./render.js";
import { toCsv } from "./export.js";

/** The quotes of an analysis that are speech in the speaker's words (scare quotes and reported speech apart). */
const isQuote = (q) => q.kind === "direct" || q.kind === "partial";

/**
 * What the tables keep of one article's analysis: {title, words, quotes, reported, sources,
 * speakers: [{name, quotes}] (most quoted first; reported speech counts, scare quotes do not),
 * people: [{name, mentions, quotes, quoted_words}] (the PERSON clusters)}.
 */
export function summarise(analysis) {
  const quotes = analysis.quotes || [];
  const clusters = new Map((analysis.clusters || []).map((c) => [c.id, c]));
  const speakers = new Map();
  for (const q of quotes) {
    if (q.kind === "mention" || !q.speaker || !q.speaker.name) continue;
    const c = q.speaker.entity !== null && q.speaker.entity !== undefined ? clusters.get(q.speaker.entity) : null;
    const name = c ? c.name : q.speaker.name;
    speakers.set(name, (speakers.get(name) || 0) + 1);
  }
  return {
    title: analysis.title || "",
    words: (analysis.stats && analysis.stats.article_words) || 0,
    quotes: quotes.filter(isQuote).length,
    reported: quotes.filter((q) => q.kind === "indirect").length,
    sources: (analysis.stats && analysis.stats.sources) || 0,
    speakers: [...speakers].map(([name, n]) => ({ name, quotes: n }))
      .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
    people: people(analysis).map((c) => ({ name: c.name, mentions: c.mentions || 0, quotes: c.quotes || 0, quoted_words: c.quoted_words || 0 })),
  };
}

/** The key a person is matched by across articles: the name, case and spacing aside. */
export function personKey(name) {
  return String(name).normalize("NFKC").replace(/\s+/g, " ").trim().toLocaleLowerCase("en");
}

/**
 * One row per person across the articles: {name, articles, quotes, quoted_words, mentions,
 * files}. The same name (case and spacing aside) is the same person; the name shown is its most
 * used spelling. Most quoted first.
 */
export function combinePeople(articles) {
  const byKey = new Map();
  for (const a of articles) {
    if (!a.summary) continue;
    for (const p of a.summary.people) {
      const k = personKey(p.name);
      if (!byKey.has(k)) byKey.set(k, { spellings: new Map(), articles: 0, quotes: 0, quoted_words: 0, mentions: 0, files: [] });
      const row = byKey.get(k);
      row.spellings.set(p.name, (row.spellings.get(p.name) || 0) + 1);
      if (!row.files.includes(a.name)) { row.files.push(a.name); row.articles++; }
      row.quotes += p.quotes;
      row.quoted_words += p.quoted_words;
      row.mentions += p.mentions;
    }
  }
  return [...byKey.values()].map((r) => ({
    name: [...r.spellings].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0],
    articles: r.articles, quotes: r.quotes, quoted_words: r.quoted_words, mentions: r.mentions, files: r.files,
  })).sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || b.quoted_words - a.quoted_words || a.name.localeCompare(b.name));
}

/** "Priya Nair (3), Helen Okafor (2)": the top `n` speakers of a summary. */
export function topSpeakers(summary, n = 3) {
  return summary.speakers.slice(0, n).map((s) => `${s.name} (${s.quotes})`).join(", ");
}

export const ARTICLE_COLUMNS = ["file", "title", "words", "quotes", "reported_speech", "sources", "top_speakers", "error"];
export const PEOPLE_COLUMNS = ["person", "articles", "quotes", "words_quoted", "mentions", "files"];

/** The articles table as CSV (formula-safe, see export.js). */
export function articlesCsv(articles, options) {
  const rows = [ARTICLE_COLUMNS];
  for (const a of articles) {
    const s = a.summary;
    rows.push(s ? [a.name, s.title, s.words, s.quotes, s.reported, s.sources, topSpeakers(s, 5), ""]
      : [a.name, "", "", "", "", "", "", a.error || "not analysed"]);
  }
  return toCsv(rows, options);
}

/** The people table as CSV. */
export function peopleCsv(articles, options) {
  const rows = [PEOPLE_COLUMNS];
  for (const p of combinePeople(articles)) rows.push([p.name, p.articles, p.quotes, p.quoted_words, p.mentions, p.files.join("; ")]);
  return toCsv(rows, options);
}

// ---------------------------------------------------------------- the page

/**
 * ctx: {decode(bytes) -> {text, encoding}, accept(file) -> error string | null, open(name, text),
 *       setStatus(text), download(filename, content, mime), workerUrl, names() -> the reader's
 *       names (names.js)}
 * Returns {run(files), active()}.
 */
export function initBatch(ctx) {
  const $ = (id) => document.getElementById(id);
  const section = $("batch");
  const bar = $("batch-bar");
  const progressText = $("batch-progress-text");
  const articlesBody = $("batch-articles").tBodies[0];
  const peopleBody = $("batch-people").tBodies[0];
  let run = null; // {articles: [{name, file, summary?, error?}], done, worker, cancelled}

  function setView(view) {
    document.body.dataset.view = view;
    $("batch-back").hidden = view !== "article" || !run;
    $("batch-body").hidden = view !== "batch";
  }

  // The column names, which the narrow layout (each row a card) puts before the values.
  const headings = (table) => [...table.tHead.rows[0].cells].map((c) => c.textContent);
  const labels = { articles: headings($("batch-articles")), people: headings($("batch-people")) };

  function cell(tr, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    const label = labels[tr.dataset.table][tr.cells.length];
    if (label) td.dataset.label = label;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function renderTables() {
    const rows = [];
    run.articles.forEach((a, i) => {
      const tr = document.createElement("tr");
      tr.dataset.table = "articles";
      tr.dataset.index = String(i);
      const th = document.createElement("th");
      th.scope = "row";
      const s = a.summary;
      if (s) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "open-article";
        b.textContent = a.name;
        b.setAttribute("aria-label", `Open ${a.name}${s.title ? `: ${s.title}` : ""}`);
        th.appendChild(b);
        tr.classList.add("openable");
      } else {
        th.textContent = a.name;
      }
      tr.appendChild(th);
      if (s) {
        cell(tr, s.title || "—", "title");
        cell(tr, fmt(s.words), "num words");
        cell(tr, fmt(s.quotes), "num quotes");
        cell(tr, fmt(s.reported), "num reported");
        cell(tr, fmt(s.sources), "num sources");
        cell(tr, topSpeakers(s) || "—", "speakers");
      } else {
        const td = cell(tr, a.error || (i === run.done ? "Analysing…" : "Waiting…"), a.error ? "error" : "pending");
        td.colSpan = 6;
      }
      rows.push(tr);
    });
    articlesBody.replaceChildren(...rows);
    const ppl = combinePeople(run.articles);
    if (!ppl.length) {
      const tr = document.createElement("tr");
      tr.dataset.table = "people";
      const td = cell(tr, run.done < run.articles.length ? "People appear here as the articles are analysed." : "No people found in these articles.", "empty");
      td.colSpan = 5;
      peopleBody.replaceChildren(tr);
    } else {
      peopleBody.replaceChildren(...ppl.map((p) => {
        const tr = document.createElement("tr");
        tr.dataset.table = "people";
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = p.name;
        th.title = p.files.join(", ");
        tr.appendChild(th);
        cell(tr, fmt(p.articles), "num articles");
        cell(tr, fmt(p.quotes), "num quotes");
        cell(tr, fmt(p.quoted_words), "num words");
        cell(tr, fmt(p.mentions), "num mentions");
        return tr;
      }));
    }
    const ok = run.articles.filter((a) => a.summary).length;
    $("batch-heading").textContent = `${plural(run.articles.length, "article")}`;
    $("batch-people-heading").textContent = `People across the articles (${fmt(ppl.length)})`;
    for (const b of section.querySelectorAll("button[data-batch-export]")) b.disabled = ok === 0;
  }

  function setProgress() {
    const n = run.articles.length;
    bar.max = n;
    bar.value = run.done;
    const finished = run.done >= n;
    $("batch-progress").dataset.state = finished ? "done" : "working";
    if (finished) {
      const failed = run.articles.filter((a) => a.error).length;
      progressText.textContent = `Analysed ${plural(n - failed, "article")}${failed ? `; ${failed} could not be analysed` : ""}.`;
    } else {
      progressText.textContent = `Analysing ${fmt(run.done + 1)} of ${fmt(n)}: ${run.articles[run.done].name}`;
    }
  }

  function newWorker() {
    const w = new Worker(ctx.workerUrl, { type: "module", name: "article-inspector-batch" });
    const waiting = new Map();
    w.onmessage = (e) => {
      const m = e.data || {};
      if (m.type) return; // ready / init-error: a request's answer says what matters
      const done = waiting.get(m.id);
      if (done) { waiting.delete(m.id); done(m); }
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      for (const done of waiting.values()) done({ ok: false, fatal: true, error: e.message || "the analyser failed" });
      waiting.clear();
    };
    let nextId = 1;
    return {
      analyse: (input) => new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        const names = ctx.names ? ctx.names() : [];
        w.postMessage({ id, input, format: "auto", overrides: names.length ? { names } : undefined });
      }),
      terminate: () => w.terminate(),
    };
  }

  async function analyseAll(current) {
    let worker = newWorker();
    current.worker = worker;
    for (const a of current.articles) {
      if (current.cancelled) return;
      setProgress();
      renderTables();
      const refused = ctx.accept(a.file);
      if (refused) {
        a.error = refused;
      } else {
        try {
          const { text } = ctx.decode(new Uint8Array(await a.file.arrayBuffer()));
          if (current.cancelled) return;
          const msg = await worker.analyse(text);
          if (current.cancelled) return;
          if (msg.ok) a.summary = summarise(msg.analysis);
          else {
            a.error = String(msg.error || "could not be analysed").replace(/^Error:\s*/, "");
            if (msg.fatal) { worker.terminate(); worker = newWorker(); current.worker = worker; }
          }
        } catch (err) {
          a.error = `could not be read: ${err && err.message ? err.message : err}`;
        }
      }
      current.done++;
    }
    setProgress();
    renderTables();
    worker.terminate();
    current.worker = null;
    const ok = current.articles.filter((a) => a.summary).length;
    ctx.setStatus(`Batch done: ${plural(ok, "article")} analysed${ok < current.articles.length ? `, ${current.articles.length - ok} not` : ""}. Choose an article to open it.`);
  }

  function stop() {
    if (!run) return;
    run.cancelled = true;
    run.worker?.terminate();
  }

  /** Starts a batch of `files` (File objects), replacing any batch still running. */
  function start(files) {
    stop();
    const sorted = [...files].sort((a, b) => (a.relPath || a.webkitRelativePath || a.name).localeCompare(b.relPath || b.webkitRelativePath || b.name, undefined, { numeric: true }));
    run = { articles: sorted.map((f) => ({ name: f.relPath || f.webkitRelativePath || f.name, file: f })), done: 0, cancelled: false, worker: null };
    section.hidden = false;
    setView("batch");
    setProgress();
    renderTables();
    ctx.setStatus(`Analysing ${plural(run.articles.length, "file")} one by one…`);
    section.scrollIntoView({ block: "start", behavior: "instant" });
    analyseAll(run);
  }

  async function openRow(i) {
    const a = run && run.articles[i];
    if (!a || !a.summary) return;
    const { text, encoding } = ctx.decode(new Uint8Array(await a.file.arrayBuffer()));
    setView("article");
    ctx.open(a.name, text, encoding, a.file.size);
    $("batch-back").focus({ preventScroll: true });
    document.getElementById("results").scrollIntoView({ block: "start", behavior: "instant" });
  }

  $("batch-articles").addEventListener("click", (e) => {
    const tr = e.target.closest("tr.openable");
    if (tr) openRow(Number(tr.dataset.index));
  });
  $("batch-back").addEventListener("click", () => {
    setView("batch");
    section.scrollIntoView({ block: "start", behavior: "instant" });
    section.querySelector(`tr.openable button`)?.focus({ preventScroll: true });
  });
  $("batch-close").addEventListener("click", () => {
    stop();
    run = null;
    section.hidden = true;
    setView("article");
    ctx.setStatus("Batch closed.");
  });
  section.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-batch-export]");
    if (!b || !run) return;
    const which = b.dataset.batchExport;
    const content = which === "people" ? peopleCsv(run.articles) : articlesCsv(run.articles);
    const filename = which === "people" ? "batch-people.csv" : "batch-articles.csv";
    ctx.download(filename, content, "text/csv;charset=utf-8");
    ctx.setStatus(`Downloaded the ${which === "people" ? "people" : "articles"} table as “${filename}”.`);
  });

  setView("article");
  return {
    start,
    active: () => !!run,
    /** An article is being shown (pasted, opened, or from the table): the table steps aside. */
    articleShown: () => { if (document.body.dataset.view !== "article") setView("article"); },
  };
}

/**
 * The files in a drop, folders walked (depth first): File objects, each with `relPath` when it
 * came from a folder. Falls back to dataTransfer.files where entries are not supported.
 */
export async function droppedFiles(dataTransfer) {
  const items = [...(dataTransfer.items || [])].filter((i) => i.kind === "file");
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (!entries.length || entries.some((e) => !e)) return { files: [...(dataTransfer.files || [])], folder: false };
  const files = [];
  let folder = false;
  const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
  const readAll = async (dir) => {
    const reader = dir.createReader();
    const out = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) return out;
      out.push(...batch);
    }
  };
  const walk = async (entry) => {
    if (entry.isFile) {
      const f = await fileOf(entry);
      if (entry.fullPath && entry.fullPath.split("/").length > 2) f.relPath = entry.fullPath.replace(/^\//, "");
      files.push(f);
    } else if (entry.isDirectory) {
      folder = true;
      for (const child of await readAll(entry)) await walk(child);
    }
  };
  for (const e of entries) await walk(e);
  return { files, folder };
}
