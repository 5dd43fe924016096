#!/usr/bin/env node
// Builds the whole page as one self-contained HTML file (default: dist/article-inspector.html)
// from www/ (which scripts/build-wasm.sh must have built): the stylesheet, the icon, every
// JavaScript module and the wasm module (base64) inlined. It works when opened from disk
// (file://), offline, with no server; the analysis still runs in a Web Worker.
//
//   node scripts/single-file.mjs [OUT]        (scripts/build-single.sh builds the wasm first)
//
// How it runs without files: the modules are kept in the page as text; a small loader (the only
// inline script) turns each into a Blob URL, its dependencies first, rewriting the relative
// specifiers (`import … from "./render.js"`, `new URL("./worker.js", import.meta.url)`) into the
// Blob URLs, then imports the page's entry modules. The worker and what it imports (the wasm
// glue) become one classic script, because Chromium starts no module worker from a Blob URL in
// a page opened from file://; the glue gets the wasm's bytes from the base64 text instead of
// fetching a file. Its own Content-Security-Policy: scripts only from the
// loader (by its hash) and Blob URLs, the stylesheet by its hash, images only as data: URLs,
// workers only from Blob URLs, and no connection to anywhere (connect-src 'none').
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");
export const DEFAULT_OUT = path.join(ROOT, "dist", "article-inspector.html");
const WASM = "pkg/article_inspector_bg.wasm";

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
const token = (rel) => `@@ai:${rel}@@`;

/** Relative path (from www/) of `spec` as imported by module `from`. */
function resolve(from, spec) {
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  if (rel.startsWith("../")) throw new Error(`${from}: "${spec}" is outside www/`);
  return rel;
}

/**
 * Reads module `rel` and rewrites what it refers to: returns {source, deps, workers, wasm} with
 * every relative specifier replaced by a token the loader swaps for a Blob URL; `deps` are the
 * modules it imports, `workers` the scripts it names with `new URL("./x.js", import.meta.url)`
 * (for `new Worker`), `wasm` whether it names the wasm file that way (the wasm-bindgen glue).
 */
function readModule(rel, www) {
  let source = fs.readFileSync(path.join(www, rel), "utf8");
  const deps = new Set(), workers = new Set();
  let wasm = false;
  const js = (spec) => {
    const target = resolve(rel, spec);
    if (!target.endsWith(".js")) throw new Error(`${rel}: refers to ${spec}, which the single-file build cannot inline`);
    return target;
  };
  source = source.replace(/new URL\(\s*(["'])([^"']+)\1\s*,\s*import\.meta\.url\s*\)/g, (_, q, spec) => {
    const s = spec.startsWith(".") ? spec : `./${spec}`;
    if (resolve(rel, s) === WASM) {
      wasm = true;
      return "__AI_WASM_BYTES__()";
    }
    const target = js(s);
    workers.add(target);
    return JSON.stringify(token(target));
  });
  // import … from "./x.js", export … from "./x.js", import "./x.js", import("./x.js").
  source = source.replace(/(\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?|\bimport\(\s*)(["'])(\.{1,2}\/[^"']+)\2/g,
    (_, head, q, spec) => {
      const target = js(spec);
      deps.add(target);
      return `${head}${JSON.stringify(token(target))}`;
    });
  if (/import\.meta/.test(source)) throw new Error(`${rel}: uses import.meta in a way the single-file build does not handle`);
  return { source, deps: [...deps], workers: [...workers], wasm };
}

/** The modules reachable from `entries` through imports, dependencies first. */
function collect(entries, www) {
  const order = [], state = new Map();
  const visit = (rel, chain) => {
    if (state.get(rel) === "done") return;
    if (state.get(rel) === "visiting") throw new Error(`import cycle: ${[...chain, rel].join(" → ")} (the single-file build needs none)`);
    state.set(rel, "visiting");
    const m = readModule(rel, www);
    for (const d of m.deps) visit(d, [...chain, rel]);
    state.set(rel, "done");
    order.push({ path: rel, ...m });
  };
  for (const e of entries) visit(e, []);
  return order;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * Module `m` (from `collect`) as classic-script code: its body in a function that returns its
 * exports, kept in `__ai_modules`; its imports read from there. Handles what the worker and the
 * wasm-bindgen glue use: `export function|class|const|let|var NAME`, `export { a, b as c }`,
 * `import D, { a, b as c } from …`, `import * as ns from …` and `import "…"`.
 */
function asClassic(m) {
  const exported = [];
  let src = m.source.replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (_, kw, name) => {
    exported.push([name, name]);
    return `${kw} ${name}`;
  });
  src = src.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const item of list.split(",").map((x) => x.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      if (!IDENT.test(local) || !IDENT.test(as)) throw new Error(`${m.path}: cannot convert "export { ${item} }"`);
      exported.push([as, local]);
    }
    return "";
  });
  src = src.replace(/^import\s+([^"';]*?)\s*from\s*"@@ai:([^@]+)@@"\s*;?|^import\s*"@@ai:([^@]+)@@"\s*;?/gm, (_, clause, from, bare) => {
    if (bare) return "";
    const ns = /^\*\s+as\s+([\w$]+)$/.exec(clause);
    if (ns) return `const ${ns[1]} = __ai_modules[${JSON.stringify(from)}];`;
    const parts = [];
    const named = /\{([^}]*)\}/.exec(clause);
    const def = clause.replace(/\{[^}]*\}/, "").replace(/,/g, " ").trim();
    if (def) parts.push(`default: ${def}`);
    if (named) {
      for (const item of named[1].split(",").map((x) => x.trim()).filter(Boolean)) {
        const [name, as = name] = item.split(/\s+as\s+/);
        parts.push(name === as ? name : `${name}: ${as}`);
      }
    }
    return `const { ${parts.join(", ")} } = __ai_modules[${JSON.stringify(from)}];`;
  });
  if (/^\s*(?:import|export)\s*[\w${*"']/m.test(src) || /\bimport\(/.test(src)) {
    throw new Error(`${m.path}: has an import or export the single-file build cannot convert for a worker`);
  }
  const ret = exported.map(([as, local]) => `${JSON.stringify(as)}: ${local}`).join(", ");
  return `__ai_modules[${JSON.stringify(m.path)}] = (() => {\n${src}\nreturn { ${ret} };\n})();\n`;
}

/**
 * A worker script and what it imports, as one classic script: Chromium starts no module worker
 * from a Blob URL in a page opened from file://, but does start a classic one.
 */
function workerBundle(entry, www) {
  const mods = collect([entry], www);
  for (const m of mods) if (m.workers.length) throw new Error(`${m.path}: a worker that starts workers is not supported`);
  return {
    path: entry,
    classic: true,
    wasm: mods.some((m) => m.wasm),
    source: `"use strict";\nconst __ai_modules = Object.create(null);\n${mods.map(asClassic).join("\n")}`,
  };
}

// The loader: the page's only inline script (allowed by its hash).
const LOADER = `(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("ai-modules").textContent);
  const wasm = document.getElementById("ai-wasm").textContent.trim();
  const urls = Object.create(null), classic = new Set();
  // The workers the modules start are classic scripts (see scripts/single-file.mjs): start them so.
  const NativeWorker = window.Worker;
  window.Worker = class Worker extends NativeWorker {
    constructor(url, options) {
      super(url, classic.has(String(url)) ? { ...options, type: "classic" } : options);
    }
  };
  for (const m of data.modules) {
    const source = m.source.replace(/@@ai:([^@]+)@@/g, (_, p) => urls[p]);
    const parts = m.wasm
      ? ["const __AI_WASM_B64__ = \\"", wasm, "\\";\\n",
        "const __AI_WASM_BYTES__ = () => typeof Uint8Array.fromBase64 === \\"function\\" ? Uint8Array.fromBase64(__AI_WASM_B64__)",
        " : Uint8Array.from(atob(__AI_WASM_B64__), (c) => c.charCodeAt(0));\\n", source]
      : [source];
    urls[m.path] = URL.createObjectURL(new Blob(parts, { type: "text/javascript" }));
    if (m.classic) classic.add(urls[m.path]);
  }
  for (const e of data.entries) {
    import(urls[e]).catch((err) => {
      document.documentElement.dataset.engine = "failed";
      const msg = document.getElementById("message");
      if (msg) {
        msg.textContent = "The page could not start: " + (err && err.message ? err.message : err);
        msg.hidden = false;
      }
      console.error(err);
    });
  }
})();`;

/** Text for a data block: JSON with every "<" escaped, so that nothing in it can end the script element. */
const jsonBlock = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

export function buildSingleFile({ www = WWW, out = DEFAULT_OUT } = {}) {
  const wasmPath = path.join(www, WASM);
  if (!fs.existsSync(wasmPath)) throw new Error(`${wasmPath} is missing: run scripts/build-wasm.sh first`);
  let html = fs.readFileSync(path.join(www, "index.html"), "utf8");

  const entries = [];
  // Module scripts marked data-single-file="omit" (offline.js: a service worker needs a server) are left out.
  html = html.replace(/<script type="module" src="([^"]+)"( data-single-file="omit")?><\/script>\n?/g, (_, src, omit) => {
    if (!omit) entries.push(resolve("index.html", src.startsWith(".") ? src : `./${src}`));
    return "";
  });
  if (!entries.length) throw new Error("index.html has no module script");
  const main = collect(entries, www);
  if (main.some((m) => m.wasm)) throw new Error(`the page's modules load ${WASM} themselves; the single-file build expects a worker to`);
  const workers = [...new Set(main.flatMap((m) => m.workers))].map((w) => workerBundle(w, www));
  if (!workers.some((w) => w.wasm)) throw new Error(`no worker loads ${WASM}`);
  const modules = [...workers, ...main.map((m) => ({ path: m.path, source: m.source }))];

  const css = fs.readFileSync(path.join(www, "style.css"), "utf8");
  if (/<\/style/i.test(css)) throw new Error("style.css contains </style");
  if (/url\(/.test(css)) throw new Error("style.css refers to a file (url(…)): inline it first");
  let cssUsed = false;
  html = html.replace(/<link rel="stylesheet" href="style\.css">/, () => {
    cssUsed = true;
    return `<style>${css}</style>`;
  });
  if (!cssUsed) throw new Error("index.html does not link style.css as expected");
  html = html.replace(/<link rel="icon" href="([^"]+\.svg)" type="image\/svg\+xml">/, (_, href) =>
    `<link rel="icon" href="data:image/svg+xml;base64,${fs.readFileSync(path.join(www, href)).toString("base64")}" type="image/svg+xml">`);

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(LOADER)} blob: 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "img-src data:",
    "worker-src blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  let cspUsed = false;
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => {
    cspUsed = true;
    return `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  });
  if (!cspUsed) throw new Error("index.html has no Content-Security-Policy meta element");
  if (/<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:|#)/i.test(html)) throw new Error("index.html refers to a file the single-file build does not inline");

  const wasmB64 = fs.readFileSync(wasmPath).toString("base64");
  const blocks = `<script type="application/json" id="ai-modules">${jsonBlock({ entries, modules })}</script>\n`
    + `<script type="application/octet-stream" id="ai-wasm">${wasmB64}</script>\n`
    + `<script>${LOADER}</script>\n`;
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  html = html.replace("</body>", `${blocks}</body>`);
  html = html.replace(/^<!doctype html>\n/i, (d) => `${d}<!-- Article Inspector, single-file build (scripts/build-single.sh): the page, its modules and the wasm in one file. -->\n`);

  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, html);
  return { out, bytes: Buffer.byteLength(html), modules: modules.map((m) => m.path), entries };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT;
  const r = buildSingleFile({ out });
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  const gz = (await import("node:zlib")).gzipSync(fs.readFileSync(out), { level: 9 }).length;
  console.log(`single-file: ${path.relative(process.cwd(), out)} ${kb(r.bytes)} (${kb(gz)} gzipped); modules: ${r.modules.join(", ")}`);
}
