// The wasm module (as the page uses it) and the native CLI give the same Analysis for every
// sample article.
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
  if (!samples.length) return;
  requirePkg();
  wasm = await import(path.join(PKG, "article_inspector.js"));
  wasm.initSync({ module: fs.readFileSync(path.join(PKG, "article_inspector_bg.wasm")) });
  if (!fs.existsSync(CLI)) {
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
    assert.deepStrictEqual(JSON.parse(JSON.stringify(wasm.analyze(text, "auto"))), fromWasm);
  });
}
