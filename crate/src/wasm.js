// The JavaScript half of wasm.rs (a wasm-bindgen snippet, shipped in pkg/snippets/): rebuilds
// the Analysis object from the `Packed` form, the same object `JSON.parse(analyzeJson(…))`
// gives, key for key and in the same order. Each reader below has a namesake in `Packed`
// (wasm.rs) that writes the same fields in the same order.
//
// `numbers` and `ends` are Uint32Array views of wasm memory, valid only during this call; the
// result keeps nothing of them.

/**
 * @param {Uint32Array} numbers every number, flag, length and string index, in reading order
 * @param {Uint32Array} ends where each string of the table ends in `strings` (UTF-16 offsets)
 * @param {string} strings the table's strings, concatenated
 */
export function unpackAnalysis(numbers, ends, strings) {
  const table = new Array(ends.length);
  for (let i = 0, start = 0; i < ends.length; i++) table[i] = strings.slice(start, (start = ends[i]));

  let at = 0;
  const u32 = () => numbers[at++];
  const usize = u32;
  const flag = () => numbers[at++] !== 0;
  const str = () => table[numbers[at++]];
  const opt = (read) => (flag() ? read() : null);
  const list = (read) => {
    const n = numbers[at++];
    const out = [];
    for (let i = 0; i < n; i++) out.push(read());
    return out;
  };

  const block = () => ({ start: usize(), end: usize(), kind: str(), boilerplate: flag(), why: str() });
  const entity = () => ({ start: usize(), end: usize(), text: str(), kind: str(), id: opt(u32), why: str() });
  const cluster = () => ({
    id: u32(), name: str(), kind: str(), also_kinds: list(str), aliases: list(str), roles: list(str),
    mentions: u32(), quotes: u32(), quoted_words: u32(),
  });
  const span = () => ({ start: usize(), end: usize() });
  const speaker = () => ({ name: str(), entity: opt(u32), start: usize(), end: usize(), text: str() });
  const cue = () => ({ start: usize(), end: usize(), text: str() });
  const quote = () => ({
    start: usize(), end: usize(), parts: list(span), text: str(), kind: str(),
    speaker: opt(speaker), cue: opt(cue), confidence: str(), why: str(),
  });
  const reference = () => ({ start: usize(), end: usize(), text: str(), id: u32(), why: str() });
  const stats = () => ({ words: u32(), article_words: u32(), boilerplate_blocks: u32(), sources: u32() });
  const token = () => ({ start: usize(), end: usize(), upos: str(), xpos: str() });
  const analysis = () => {
    const a = {
      text: str(), format: str(), offsets: str(), title: opt(str), byline: opt(str),
      published: opt(str), site_name: opt(str), language: opt(str), warnings: list(str),
      blocks: list(block), entities: list(entity), clusters: list(cluster), quotes: list(quote),
      references: list(reference), clean_text: str(), stats: stats(),
    };
    // Only when asked for (`tokens: true`), as the JSON leaves the key out otherwise.
    if (flag()) a.tokens = list(token);
    return a;
  };

  const result = analysis();
  // Reading all of `numbers`, no more and no less, is the sign the two halves agree.
  if (at !== numbers.length) throw new Error(`unpackAnalysis: read ${at} of ${numbers.length} numbers (wasm.rs and wasm.js disagree)`);
  return result;
}
