// The wasm's size by crate: `node scripts/size-report.mjs NAMED.wasm LINKER.map SHIPPED.wasm`
// (scripts/size.sh builds the three). NAMED.wasm is the shipped module's twin built with its
// function names kept; LINKER.map is wasm-ld's map of the same link, which places every
// constant of the data segment.
//
// Code: each function body goes to the crate its (demangled) name starts with — for
// `<A as B>::f`, A's crate; generic code instantiated for another crate's types counts for the
// crate that defines the function (`core`, `alloc`: mostly iterators and collections inlined
// for everyone). Data: the constants the map names go to their crate; the word lists and model
// weights of `crate/data/` are found by their bytes; the rest (anonymous constants: Unicode,
// entity and case tables, strings, vtables) is one row, its biggest items listed.
//
// Bytes are raw, and gzipped by crate alone (zlib level 9 of that crate's bodies or constants put
// together), which is what each would cost or save; the rows add up to a bit more than the whole
// module gzipped, since gzip finds more repeats in one stream.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const [named, mapFile, shipped] = process.argv.slice(2);
const wasm = readFileSync(named);
const gz = (b) => gzipSync(b, { level: 9 }).length;

/** Minimal wasm reader: the sections, the code bodies, the data segments and the names. */
function parse(buf) {
  let p = 8;
  const leb = () => {
    let r = 0, s = 0, b;
    do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
    return r;
  };
  const str = () => { const n = leb(); const s = buf.toString("utf8", p, p + n); p += n; return s; };
  const limits = () => { const f = buf[p++]; leb(); if (f & 1) leb(); };
  const out = { imports: 0, bodies: [], segments: [], names: new Map(), sections: [] };
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const end = p + size;
    let name = String(id);
    if (id === 0) name = "custom " + str();
    out.sections.push({ id, name, size });
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str(); str();
        const kind = buf[p++];
        if (kind === 0) { out.imports++; leb(); }
        else if (kind === 1) { p++; limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) p += 2;
        else if (kind === 4) { p++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const len = leb();
        out.bodies.push(buf.subarray(p, p + len));
        p += len;
      }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const flag = leb();
        let addr = null;
        if (flag === 2) leb();
        if (flag !== 1) {
          const op = buf[p++];
          addr = op === 0x41 ? leb() : null; // i32.const; the value is small and positive
          while (buf[p] !== 0x0b) p++;
          p++;
        }
        const len = leb();
        out.segments.push({ addr, bytes: buf.subarray(p, p + len) });
        p += len;
      }
    } else if (name === "custom name") {
      while (p < end) {
        const sub = buf[p++];
        const len = leb();
        const subEnd = p + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const i = leb(); out.names.set(i, str()); }
        p = subEnd;
      }
    }
    p = end;
  }
  return out;
}

/** The crate a symbol's name belongs to (demangled Rust names, or raw v0 / legacy mangling). */
function crateOf(name) {
  if (name.startsWith("_R")) {
    const m = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(name.slice(2));
    if (m) return name.slice(2).substr(m.index + m[0].length, Number(m[1]));
  }
  const legacy = /^_ZN(\d+)/.exec(name);
  if (legacy) return name.substr(legacy[0].length, Number(legacy[1]));
  const n = name.replace(/^[<&*\s]+/, "").replace(/^(?:dyn |mut |const )+/, "").replace(/^[<&*\s]+/, "");
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(n);
  if (m && !/^(?:[A-Z]|str$|u8$|char$|i\d|u\d|f\d|bool$|usize$|isize$)/.test(m[1])) return m[1];
  // `<&T as core::fmt::Debug>::fmt`, `<str>::to_lowercase`: generic or primitive receiver.
  const as = / as ([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (as) return as[1];
  if (/^<(?:str|\[|char|u8|f32|f64)/.test(name)) return "core / alloc (methods of primitives)";
  if (/^(?:__wbg|__wbindgen|__externref)/.test(name)) return "wasm_bindgen";
  if (/^[a-z][A-Za-z]*$/.test(name)) return "article_inspector (exported to JS)";
  if (/^[a-z_0-9]+$/.test(name)) return "compiler_builtins / libc";
  return "other";
}

const w = parse(wasm);
const rows = new Map();
const add = (crate, kind, bytes) => {
  const r = rows.get(crate) ?? { code: [], data: [] };
  r[kind].push(bytes);
  rows.set(crate, r);
};
w.bodies.forEach((b, i) => add(crateOf(w.names.get(w.imports + i) ?? ""), "code", b));

// Data: the map's constants (address, size, symbol), in the segment by address.
const dataFiles = readdirSync("crate/data").filter((f) => !f.endsWith(".md"))
  .map((f) => ({ f, bytes: readFileSync(join("crate/data", f)) }));
const lines = readFileSync(mapFile, "utf8").split("\n");
const symbols = [];
for (let i = 0; i + 1 < lines.length; i++) {
  const c = lines[i].trim().split(/\s+/);
  if (c.length < 4 || c[0] === "-" || !/^[0-9a-f]+$/.test(c[0])) continue;
  if (!/^[/<]/.test(c[3]) || !/\((\.rodata|\.data)/.test(c[3])) continue;
  const next = lines[i + 1].trim().split(/\s+/);
  const sym = next.length >= 4 && !/^[/<]/.test(next[3]) ? next[3] : c[3];
  symbols.push({ addr: parseInt(c[0], 16), size: parseInt(c[2], 16), sym });
}
const at = (addr, size) => {
  for (const s of w.segments) {
    if (s.addr !== null && addr >= s.addr && addr + size <= s.addr + s.bytes.length) {
      return s.bytes.subarray(addr - s.addr, addr - s.addr + size);
    }
  }
  return null;
};
const anon = [];
let placed = 0;
for (const s of symbols) {
  const bytes = at(s.addr, s.size);
  if (!bytes) continue;
  placed += s.size;
  const file = dataFiles.find((d) => d.bytes.length === s.size && d.bytes.equals(bytes));
  if (file) add(`article_inspector: crate/data/${file.f}`, "data", bytes);
  else if (/^\.L|^<internal>|\(/.test(s.sym)) { add("anonymous constants", "data", bytes); anon.push({ ...s, bytes }); }
  else add(crateOf(s.sym), "data", bytes);
}
const segTotal = w.segments.reduce((n, s) => n + s.bytes.length, 0);
if (segTotal > placed) add("data not in the map (zeros, padding)", "data", Buffer.alloc(segTotal - placed));

const sum = (bs) => bs.reduce((n, b) => n + b.length, 0);
const table = [...rows].map(([crate, r]) => {
  const all = Buffer.concat([...r.code, ...r.data]);
  return { crate, code: sum(r.code), data: sum(r.data), raw: all.length, gz: gz(all) };
}).sort((a, b) => b.gz - a.gz);

const ship = readFileSync(shipped);
const fmt = (n) => n.toLocaleString("en-US");
const pad = (s, n) => String(s).padStart(n);
// The module as the README counts it (`gzip -9`, which packs a little tighter than zlib).
const shipGz = spawnSync("gzip", ["-9c", shipped], { maxBuffer: 1 << 28 }).stdout.length;
console.log(`shipped module: ${fmt(ship.length)} bytes, ${fmt(shipGz)} gzipped (gzip -9)`);
// The twin's extra flags (the map) change symbol hashes, so its code may differ by a few bytes.
const codeData = (m) => m.sections.filter((s) => s.id === 10 || s.id === 11).reduce((n, s) => n + s.size, 0);
const drift = Math.abs(codeData(w) - codeData(parse(ship))) / codeData(parse(ship));
console.log(`the twin's code and data are within ${(drift * 100).toFixed(2)}% of the shipped ones${drift > 0.01 ? " (warning: not the same build?)" : ""}`);
console.log(`named twin: code ${fmt(sum(w.bodies))} bytes in ${fmt(w.bodies.length)} functions, data ${fmt(segTotal)} bytes\n`);
console.log(`${"crate (or data file)".padEnd(48)} ${pad("code", 10)} ${pad("data", 10)} ${pad("gzip alone", 11)}`);
const shown = Number(process.env.ROWS ?? 40);
let rest = { code: 0, data: 0, gz: 0, n: 0 };
for (const [i, r] of table.entries()) {
  if (i < shown) console.log(`${r.crate.slice(0, 48).padEnd(48)} ${pad(fmt(r.code), 10)} ${pad(fmt(r.data), 10)} ${pad(fmt(r.gz), 11)}`);
  else { rest.code += r.code; rest.data += r.data; rest.gz += r.gz; rest.n++; }
}
if (rest.n) console.log(`${`(${rest.n} more)`.padEnd(48)} ${pad(fmt(rest.code), 10)} ${pad(fmt(rest.data), 10)} ${pad(fmt(rest.gz), 11)}`);
const t = table.reduce((a, r) => ({ code: a.code + r.code, data: a.data + r.data, gz: a.gz + r.gz }), { code: 0, data: 0, gz: 0 });
console.log(`${"total".padEnd(48)} ${pad(fmt(t.code), 10)} ${pad(fmt(t.data), 10)} ${pad(fmt(t.gz), 11)}`);

console.log("\nbiggest anonymous constants (first bytes as text, to tell what they are):");
for (const a of anon.sort((x, y) => y.size - x.size).slice(0, 12)) {
  const preview = a.bytes.subarray(0, 48).toString("latin1").replace(/[^\x20-\x7e]/g, ".");
  console.log(`${pad(fmt(a.size), 10)}  ${pad(fmt(gz(a.bytes)), 8)} gz  ${preview}`);
}
