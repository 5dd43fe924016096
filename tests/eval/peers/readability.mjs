// @mozilla/readability over many pages in ONE node process (run by run.py).
//
//   node readability.mjs LIST OUT
//
// LIST: one page per line, "id<TAB>path-to-html.gz<TAB>url" (url may be empty).
// OUT:  JSON Lines, one {"id", "text", "ms"} (or {"id", "text": "", "error"}) per page, in LIST order.
// Prediction = article.textContent of Readability(document).parse(), "" when it returns null.
// Needs node_modules from `npm install --prefix .node @mozilla/readability jsdom` (run.py does it);
// NODE_PATH is not used by ES modules, so the modules are loaded from .node/ via createRequire.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, ".node", "node_modules", "_"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [listPath, outPath] = process.argv.slice(2);
if (!listPath || !outPath) {
  console.error("usage: node readability.mjs LIST OUT");
  process.exit(2);
}
const pages = readFileSync(listPath, "utf8").split("\n").filter((l) => l.trim())
  .map((l) => l.split("\t"));
writeFileSync(outPath, "");
const quiet = new VirtualConsole(); // drop jsdom's CSS / parse warnings

for (const [id, path, url] of pages) {
  const t0 = performance.now();
  let rec;
  try {
    const html = gunzipSync(readFileSync(path)).toString("utf8");
    const opts = { virtualConsole: quiet };
    if (url && /^https?:\/\//.test(url)) opts.url = url;
    let dom;
    try {
      dom = new JSDOM(html, opts);
    } catch (e) {
      // an unparsable URL: retry without it
      dom = new JSDOM(html, { virtualConsole: quiet });
    }
    const article = new Readability(dom.window.document).parse();
    rec = { id, text: article && article.textContent ? article.textContent : "" };
    dom.window.close();
  } catch (e) {
    rec = { id, text: "", error: String(e && e.message ? e.message : e).slice(0, 300) };
  }
  rec.ms = performance.now() - t0;
  appendFileSync(outPath, JSON.stringify(rec) + "\n");
}
