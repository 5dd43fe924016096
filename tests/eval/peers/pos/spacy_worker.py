"""Runs inside the peer venv: spaCy's small English model tags pre-tokenised sentences.

stdin: one JSON object per line, {"words": [...], "spaces": [...]} (the gold words).
stdout: a meta line, then one JSON list per line of [pos_, tag_] per word.
argv[1]: the model to spacy.load.
"""
import json
import sys

import spacy
from spacy.tokens import Doc

nlp = spacy.load(sys.argv[1], exclude=["ner", "lemmatizer"])
sents = [json.loads(line) for line in sys.stdin if line.strip()]
meta = {"spacy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "pipes": nlp.pipe_names}
print(json.dumps(meta), flush=True)
docs = (Doc(nlp.vocab, words=s["words"], spaces=s["spaces"]) for s in sents)
for doc in nlp.pipe(docs, batch_size=64):
    print(json.dumps([[t.pos_, t.tag_] for t in doc]))
