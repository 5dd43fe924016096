// What every JS benchmark shares: the corpus, the large documents built from it, the timing loop
// and the report line. Same corpus as the native benchmark (crate/benches/throughput.rs): the
// sample articles in ../shared/samples/ (SAMPLES_DIR overrides) when present, else a built-in
// fictional article; the large documents are the corpus repeated, so they read like articles.
import { readFileSync, readdirSync, existsSync, appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, dirname, resolve } from "node:path";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SAMPLES = process.env.SAMPLES_DIR ? resolve(process.env.SAMPLES_DIR) : join(ROOT, "../shared/samples");

const FALLBACK =
  "Harbour town votes on new sea wall\n\nThe council of Port Ellery voted on Tuesday to build a €12 million sea wall.\n\n" +
  "“We cannot wait for the next storm,” said Mayor Ana Lindqvist.\n\nShe said: “The wall will protect 4,000 homes.”";

/** The typical articles: the samples (sorted by name), or the built-in one. */
export function corpus() {
  const docs = existsSync(SAMPLES)
    ? readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(SAMPLES, f), "utf8"))
    : [];
  if (docs.length) return docs;
  console.error("(samples not found: using the built-in article)");
  return [FALLBACK];
}

export const bytes = (s) => Buffer.byteLength(s, "utf8");

/** The corpus repeated (articles separated by a blank line) until it has at least `target` bytes. */
export function bigDocument(docs, target) {
  const parts = [];
  let n = 0;
  while (n < target) {
    for (const d of docs) {
      parts.push(d);
      n += bytes(d) + 2;
    }
  }
  return parts.join("\n\n") + "\n\n";
}

/** Loads the wasm module from www/pkg/ (scripts/build-wasm.sh builds it); returns its exports. */
export async function loadWasm() {
  const pkg = join(ROOT, "www/pkg");
  if (!existsSync(join(pkg, "article_inspector_bg.wasm"))) {
    throw new Error("www/pkg/ is missing: run scripts/build-wasm.sh first");
  }
  const mod = await import(join(pkg, "article_inspector.js"));
  mod.initSync({ module: readFileSync(join(pkg, "article_inspector_bg.wasm")) });
  return mod;
}

/** Order statistics of a list of times (ms). */
export function stats(times) {
  const t = [...times].sort((a, b) => a - b);
  return {
    runs: t.length,
    median: t[t.length >> 1],
    p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))],
  };
}

/** Runs `fn` for at least `minMs` (and at least `minRuns` times); median and p95 per run, in ms. */
export function bench(fn, minMs, minRuns = 3) {
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < minRuns) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

/** MB/s (10^6 bytes per second) of `size` bytes in `ms` milliseconds. */
export const mbps = (size, ms) => size / 1e6 / (ms / 1e3);

/**
 * One report line: size, median and p95 (divided by `per` runs), MB/s at the median. With
 * BENCH_JSON=FILE, also appends it to FILE as a JSON line tagged with the benchmark's name
 * (scripts/bench.sh uses this to take the median over repeated runs).
 */
export function report(name, size, t, { per = 1, extra = "", key = name.trim(), fields = {} } = {}) {
  const median = t.median / per, p95 = t.p95 / per;
  console.log(`${name.padEnd(36)} ${String(size).padStart(9)} bytes  median ${median.toFixed(3).padStart(9)} ms  ` +
    `p95 ${p95.toFixed(3).padStart(9)} ms  ${mbps(size, median).toFixed(2).padStart(7)} MB/s${extra}`);
  record({ name: key, bytes: size, median_ms: median, p95_ms: p95, mb_s: mbps(size, median), ...fields });
}

let benchName = "";
/** Names the benchmark whose results `report` and `record` write. */
export function benchmark(name) {
  benchName = name;
}

/** Appends one result to BENCH_JSON (if set). */
export function record(row) {
  if (!process.env.BENCH_JSON) return;
  appendFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: benchName, ...row }) + "\n");
}
