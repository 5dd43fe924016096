// Throughput of the wasm module in Node: `node tests/bench/wasm.mjs` after scripts/build-wasm.sh.
// Same corpus as the native benchmark (crate/benches/throughput.rs): the sample articles when
// present, else a built-in fictional article; then one ~1 MB document of them repeated.
// Times analyze() (the object the page's worker receives), median and p95 per call.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, dirname } from "node:path";
import { initSync, analyze } from "../../www/pkg/article_inspector.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const wasmPath = join(root, "www/pkg/article_inspector_bg.wasm");
const wasm = readFileSync(wasmPath); // size: scripts/build-wasm.sh reports it
initSync({ module: wasm });

const samplesDir = join(root, "../shared/samples");
let docs = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(samplesDir, f), "utf8"))
  : [];
if (docs.length === 0) {
  console.error("(samples not found: using the built-in article)");
  docs = ["Harbour town votes on new sea wall\n\nThe council of Port Ellery voted on Tuesday to build a €12 million sea wall.\n\n“We cannot wait for the next storm,” said Mayor Ana Lindqvist.\n\nShe said: “The wall will protect 4,000 homes.”"];
}

function bench(fn, minMs) {
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 3) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] };
}

const bytes = (s) => Buffer.byteLength(s, "utf8");
const report = (name, size, t, per = 1) =>
  console.log(`${name.padEnd(28)} ${String(size).padStart(9)} bytes  median ${(t.median / per).toFixed(3).padStart(9)} ms  p95 ${(t.p95 / per).toFixed(3).padStart(9)} ms  ${(size / 1e6 / (t.median / per / 1e3)).toFixed(2).padStart(7)} MB/s`);

for (let i = 0; i < 20; i++) for (const d of docs) analyze(d, "auto"); // warm up
const total = docs.reduce((n, d) => n + bytes(d), 0);
const t = bench(() => { for (const d of docs) analyze(d, "auto"); }, 3000);
report("typical article (mean size)", Math.round(total / docs.length), t, docs.length);
let big = "";
while (bytes(big) < 1_000_000) for (const d of docs) big += d + "\n\n";
report("one 1 MB document", bytes(big), bench(() => analyze(big, "auto"), 3000));
