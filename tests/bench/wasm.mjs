// Throughput of the wasm module in Node: `node tests/bench/wasm.mjs` after scripts/build-wasm.sh.
// Same corpus as the native benchmark (crate/benches/throughput.rs, shared with the other JS
// benchmarks in corpus.mjs): the sample articles when present, else a built-in fictional article;
// then one ~1 MB and one ~10 MB document of them repeated (a quadratic pass would show as a
// falling MB/s). Times analyze() (the object the page's worker receives), median and p95 per call;
// for the typical article, per pass over the corpus divided by the number of articles.
import { corpus, bigDocument, bytes, bench, report, loadWasm, benchmark } from "./corpus.mjs";

benchmark("wasm in Node");
const { analyze } = await loadWasm();
const docs = corpus();

for (let i = 0; i < 20; i++) for (const d of docs) analyze(d, "auto"); // warm up
const total = docs.reduce((n, d) => n + bytes(d), 0);
const t = bench(() => { for (const d of docs) analyze(d, "auto"); }, 3000);
report("typical article (mean size)", Math.round(total / docs.length), t, { per: docs.length });
for (const mb of [1, 10]) {
  const big = bigDocument(docs, mb * 1_000_000);
  report(`one ${mb} MB document`, bytes(big), bench(() => analyze(big, "auto"), 3000));
}
