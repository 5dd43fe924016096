"""Runs inside the peer venv: spaCy's small English model over texts.

stdin: one JSON string (a document's text) per line. stdout: one JSON list per line of
[start, end, label] entities, offsets in code points (spaCy's start_char / end_char).
argv[1]: the model to spacy.load.
"""
import json
import sys

import spacy

nlp = spacy.load(sys.argv[1])
texts = [json.loads(line) for line in sys.stdin if line.strip()]
meta = {"spacy": spacy.__version__, "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"}
print(json.dumps(meta), flush=True)
for doc in nlp.pipe(texts, batch_size=16):
    print(json.dumps([[e.start_char, e.end_char, e.label_] for e in doc.ents]))
