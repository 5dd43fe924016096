// The wasm module (as the page uses it) and the native CLI give the same Analysis for every
// sample article; and the wasm module's two APIs, the object (`analyze`, which the page uses)
// and the JSON (`analyzeJson`), give the same Analysis for any input.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { ROOT, PKG, requirePkg, sampleFiles, NO_SAMPLES } from "./helpers.mjs";

const CLI = path.join(ROOT, "target", "release", "article-inspector");
const samples = sampleFiles();

let wasm;

before(async () => {
  requirePkg();
  wasm = await import(path.join(PKG, "article_inspector.js"));
  wasm.initSync({ module: fs.readFileSync(path.join(PKG, "article_inspector_bg.wasm")) });
  if (samples.length && !fs.existsSync(CLI)) {
    console.log("# building the native CLI (target/release/article-inspector)…");
    const r = spawnSync("cargo", ["build", "--release", "-p", "article-inspector", "--bin", "article-inspector"],
      { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error("cargo build of the CLI failed");
  }
});

if (!samples.length) {
  test("wasm and CLI agree on the samples", { skip: NO_SAMPLES }, () => {});
}

for (const file of samples) {
  test(`wasm and CLI agree: ${path.basename(file)}`, () => {
    const out = execFileSync(CLI, ["--offsets", "utf16", file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const lines = out.split("\n").filter((l) => l.trim());
    assert.equal(lines.length, 1, "the CLI prints one line per file");
    const native = JSON.parse(lines[0]);
    const text = fs.readFileSync(file, "utf8");
    const fromWasm = JSON.parse(wasm.analyzeJson(text, "auto"));
    assert.deepStrictEqual(fromWasm, native);
    // The object API is the same Analysis as the JSON one.
    assert.deepStrictEqual(wasm.analyze(text, "auto"), fromWasm);
  });
}

// `analyze` does not go through JSON: its object must still be JSON.parse(analyzeJson(…)), the same
// plain objects, keys (in the same order), types and values, whatever the input and overrides.
test("analyze gives the object analyzeJson describes", () => {
  const golden = path.join(ROOT, "tests", "golden");
  const inputs = fs.readdirSync(golden).filter((f) => !f.endsWith(".expected")).sort()
    .map((f) => [f, fs.readFileSync(path.join(golden, f), "utf8")]);
  inputs.push(["empty", ""], ["blank lines", "\n \n\n"], ["astral", "“We go 🌊,” said Ana Lindqvist. 😀 €12 million"]);
  if (samples.length) inputs.push(["samples", samples.map((f) => fs.readFileSync(f, "utf8")).join("\n\n")]);
  const overrides = [undefined, null, { keep: [0, 1], drop: [2] },
    { names: [{ text: "Port Ellery", kind: "PLACE" }, { text: "Tuesday" }, { text: "Ana Lindqvist", kind: "ORG" }] },
    { tokens: true }];
  for (const [name, text] of inputs) {
    for (const format of ["auto", "text", "html"]) {
      for (const o of overrides) {
        const what = `${name}, ${format}, ${JSON.stringify(o)}`;
        const obj = wasm.analyze(text, format, o);
        const json = wasm.analyzeJson(text, format, o);
        assert.deepStrictEqual(obj, JSON.parse(json), what);
        assert.equal(JSON.stringify(obj), JSON.stringify(JSON.parse(json)), `${what}: key order`);
      }
    }
  }
});
