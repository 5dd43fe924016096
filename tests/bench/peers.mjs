// Our wasm module beside two in-browser NLP libraries, in the same Node process, on the same text:
// `node tests/bench/peers.mjs` after scripts/build-wasm.sh (and npm ci for the peers).
//
//   ours        analyze(text, "auto") from www/pkg/: the FULL analysis (boilerplate, entities,
//               quotes and speakers), returned as the JS object the page's worker receives.
//   compromise  nlp(text) then .people(), .places(), .organizations() as arrays: entity
//               extraction only, with typed names.
//   wink-nlp    nlp.readDoc(text).entities().out() with wink-eng-lite-web-model: entity extraction
//               only (dates, times, numbers, money, … — no typed names of people or places).
//
// So ours does more work per byte than either peer. Corpus: tests/bench/corpus.mjs (the sample
// articles, as the other benchmarks). Typical article: a pass over the corpus divided by the number
// of articles, median and p95 over the passes. Large documents: the corpus repeated to 10 MB (the
// document of wasm.mjs) for ours and wink-nlp, and to 1 MB for all three — compromise is left out
// of the 10 MB run, as it takes over 10 s a megabyte (minutes per run). Ratio = our throughput /
// theirs (their median time / ours), always on the same text in the same process.
import nlp from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, corpus, bigDocument, bytes, bench, report, loadWasm, benchmark } from "./corpus.mjs";

benchmark("peers in Node");
const { analyze } = await loadWasm();
const wink = winkNLP(model);
const docs = corpus();

const tools = [
  { name: "ours (full analysis)", run: (t) => analyze(t, "auto") },
  {
    name: "compromise (entities)",
    run: (t) => {
      const d = nlp(t);
      return [d.people().out("array"), d.places().out("array"), d.organizations().out("array")];
    },
  },
  { name: "wink-nlp (entities)", run: (t) => wink.readDoc(t).entities().out() },
];

console.log("ours = the full analysis (boilerplate + entities + quotes); compromise and wink-nlp = entity extraction only.");
const version = (m) => JSON.parse(readFileSync(join(ROOT, "node_modules", m, "package.json"), "utf8")).version;
console.log(`compromise ${version("compromise")}, wink-nlp ${version("wink-nlp")}, ` +
  `wink-eng-lite-web-model ${version("wink-eng-lite-web-model")}; ratio = our MB/s ÷ theirs.`);

function compare(label, texts, minMs, minRuns, only = tools) {
  const size = texts.reduce((n, t) => n + bytes(t), 0);
  const per = texts.length;
  const mean = Math.round(size / per);
  console.log(`\n${label} (${per > 1 ? `${per} articles, ${mean} bytes on average` : `${size} bytes`})`);
  let ours = null;
  for (const tool of tools) {
    if (!only.includes(tool)) {
      console.log(`  ${tool.name}: skipped here (too slow for this size; see the smaller document)`);
      continue;
    }
    const t = bench(() => { for (const x of texts) tool.run(x); }, minMs, minRuns);
    ours ??= t;
    const ratio = t.median / ours.median;
    report(`  ${tool.name}`, mean, t, {
      per,
      extra: tool === tools[0] ? "" : `  ours/theirs ${ratio.toFixed(1).padStart(6)}×`,
      key: `${label}: ${tool.name}`,
      fields: { ratio },
    });
  }
}

// Warm up every tool (JIT, lazily built lexicons) on the corpus.
for (const tool of tools) for (let i = 0; i < 5; i++) for (const d of docs) tool.run(d);

const [ours, , winkTool] = tools;
compare("typical article", docs, 3000, 5);
compare("one 1 MB document", [bigDocument(docs, 1_000_000)], 2000, 3);
compare("one 10 MB document", [bigDocument(docs, 10_000_000)], 2000, 3, [ours, winkTool]);
