// Medians over repeated benchmark runs: `node tests/bench/summary.mjs RESULTS.jsonl [NATIVE.log]`
// (scripts/bench.sh writes both). RESULTS: the JSON lines of the JS benchmarks (BENCH_JSON);
// NATIVE: the output of `cargo bench -p article-inspector`, one or more runs, whose report lines
// ("NAME  N bytes  median X ms  p95 Y ms  Z MB/s") are read back here. For each result, prints the
// median over the runs of its median, p95 and (peers) ratio, the MB/s at that median, and how
// many runs there were.
import { readFileSync, existsSync } from "node:fs";

const [resultsFile, nativeLog] = process.argv.slice(2);
const rows = [];
if (nativeLog && existsSync(nativeLog)) {
  const re = /^(.+?)\s+(\d+) bytes\s+median\s+([\d.]+) ms\s+p95\s+([\d.]+) ms\s+([\d.]+) MB\/s/;
  for (const line of readFileSync(nativeLog, "utf8").split("\n")) {
    const m = re.exec(line);
    if (m) rows.push({ bench: "native", name: m[1].trim(), bytes: +m[2], median_ms: +m[3], p95_ms: +m[4], mb_s: +m[5] });
  }
}

if (resultsFile && existsSync(resultsFile)) {
  for (const line of readFileSync(resultsFile, "utf8").split("\n")) if (line.trim()) rows.push(JSON.parse(line));
}
const median = (xs) => {
  const t = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!t.length) return undefined;
  const h = t.length >> 1;
  return t.length % 2 ? t[h] : (t[h - 1] + t[h]) / 2;
};
const groups = new Map();
for (const r of rows) {
  const key = `${r.bench}\t${r.name}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
let last = "";
for (const [key, rs] of groups) {
  const [bench, name] = key.split("\t");
  if (bench !== last) console.log(`\n${bench}`);
  last = bench;
  const cols = [
    ["median_ms", "median", 3, " ms"], ["p95_ms", "p95", 3, " ms"], ["mb_s", "", 2, " MB/s"], ["ratio", "ours/theirs", 1, "×"],
    ["done_median_ms", "DOM done", 1, " ms"], ["from_send_median_ms", "from request", 1, " ms"], ["dcl_median_ms", "DOMContentLoaded", 1, " ms"],
  ];
  const cells = cols.map(([field, label, digits, unit]) => {
    let v = median(rs.map((r) => r[field]));
    // MB/s at the median time (not the median of the MB/s: with an even number of runs they differ).
    if (field === "mb_s" && rs[0].bytes) v = rs[0].bytes / 1e6 / (median(rs.map((r) => r.median_ms)) / 1e3);
    return v === undefined ? "" : `${label} ${v.toFixed(digits)}${unit}  `.trimStart();
  });
  console.log(`  ${name.padEnd(52)} ${cells.join("")}(${rs.length} run${rs.length > 1 ? "s" : ""})`);
}
