// compromise (npm, the repo's devDependency) over texts: people, places, organizations.
// stdin: one JSON string (a document's text) per line. stdout: a meta line, then one JSON
// list per line of [start, end, kind] (offsets in UTF-16 code units, as JS strings index).
import nlp from "compromise";
import { readFileSync } from "node:fs";

const version = nlp.version;
const texts = readFileSync(0, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
console.log(JSON.stringify({ compromise: version }));
for (const text of texts) {
  const doc = nlp(text);
  const out = [];
  for (const [kind, view] of [["people", doc.people()], ["places", doc.places()], ["organizations", doc.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      const o = m.offset;
      if (o) out.push([o.start, o.start + o.length, kind]);
    }
  }
  console.log(JSON.stringify(out));
}
