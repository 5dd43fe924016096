// Module Web Worker: the analysis never runs on the page's main thread.
//
// Protocol (main thread -> worker):  {id, input, format, overrides?}
//           `overrides` = {keep: [blockIndex…], drop: [blockIndex…], names: [{text, kind?}…]}:
//           the reader's decisions, which overrule the classifier (indices into
//           analysis.blocks for this input+format) and the entity tagger (names.js)
//           (worker -> main thread):  {type: "ready", version} once the wasm module is loaded,
//                                     {type: "init-error", error} if it could not be loaded,
//                                     {id, ok: true, analysis, ms} or
//                                     {id, ok: false, error, fatal} per request.
// `fatal` means the wasm instance hit a Rust panic (or another trap) and cannot be trusted any
// more: the page then replaces this worker with a fresh one.
import init, { analyze, version } from "./pkg/article_inspector.js";

let broken = false;

const ready = init().then(
  () => {
    const v = version();
    self.postMessage({ type: "ready", version: v });
    // The first analysis builds the lexicons, the patterns and the taggers' weights (about
    // 170 ms); doing it now, in this idle worker after "ready", keeps that off the reader's
    // first paste. A request arriving meanwhile waits for it, as it would have anyway. "notes"
    // is a cue word the part-of-speech tagger reads, so its weights are parsed here too.
    setTimeout(() => {
      try {
        analyze("She notes the warm-up.", "text", undefined);
      } catch {
        // A failure here shows again, and is reported, on the first real request.
      }
    }, 0);
    return true;
  },
  (err) => {
    broken = true;
    self.postMessage({ type: "init-error", error: describe(err) });
    return false;
  },
);

function describe(err) {
  if (err && typeof err.message === "string" && err.message) return err.message;
  return String(err);
}

const KINDS = new Set(["PERSON", "ORG", "PLACE", "GROUP", "MISC"]);

/** `{keep, drop, names}` with integer indices and well-formed names only, or undefined when
 * there is nothing to overrule. */
function cleanOverrides(o) {
  if (!o || typeof o !== "object") return undefined;
  const ints = (xs) => (Array.isArray(xs) ? xs.filter((x) => Number.isInteger(x) && x >= 0) : []);
  const keep = ints(o.keep), drop = ints(o.drop);
  const names = (Array.isArray(o.names) ? o.names : [])
    .filter((n) => n && typeof n.text === "string" && n.text.trim() && (n.kind === undefined || KINDS.has(n.kind)))
    .map((n) => (n.kind ? { text: n.text, kind: n.kind } : { text: n.text }));
  return keep.length || drop.length || names.length ? { keep, drop, names } : undefined;
}

self.onmessage = async (event) => {
  const { id, input, format, overrides } = event.data || {};
  const ok = await ready;
  if (!ok || broken) {
    self.postMessage({ id, ok: false, fatal: true, error: "The analyser could not be loaded. Reload the page to try again." });
    return;
  }
  const t0 = performance.now();
  try {
    const analysis = analyze(String(input ?? ""), String(format || "auto"), cleanOverrides(overrides));
    self.postMessage({ id, ok: true, analysis, ms: Math.round(performance.now() - t0) });
  } catch (err) {
    // A JsError from the analyser is a plain Error with a readable message (too large, binary…).
    // Anything else (WebAssembly.RuntimeError after a panic, out of memory) leaves the wasm
    // instance in an unknown state.
    const fatal = typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError
      || err instanceof RangeError;
    if (fatal) broken = true;
    self.postMessage({ id, ok: false, fatal, error: describe(err) });
  }
};
