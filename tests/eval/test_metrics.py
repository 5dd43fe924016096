#!/usr/bin/env python3
"""Unit tests of the evaluation metrics on the worked examples of the shared eval
README. Needs no data and no binary:  python3 tests/eval/test_metrics.py
"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402


class BoilerplateTest(unittest.TestCase):
    GOLD = "The cat sat on the mat today."

    def test_shingles(self):
        self.assertEqual(M.tokenize("Don’t stop—now"), ["Don", "t", "stop", "now"])
        self.assertEqual(sum(M.shingles("").values()), 0)
        self.assertEqual(list(M.shingles("one two")), [("one", "two")])
        self.assertEqual(sum(M.shingles("a b c d e").values()), 2)
        self.assertEqual(sum(M.shingles("a b c d").values()), 1)

    def test_worked_pages(self):
        cases = [
            ("one two three four five", "one two three four five", (1, 0, 0), 1, 1),
            (self.GOLD, "Home | News\nThe cat sat on the mat today.\nShare this", (0.5, 0.5, 0), 0.5, 1),
            (self.GOLD, "The cat sat", (0, 0.2, 0.8), 0, 0),
            (self.GOLD, "", (0, 0, 1), None, 0),
        ]
        for gold, pred, counts, p, r in cases:
            with self.subTest(pred=pred):
                tp, fp, fn = M.shingle_counts(gold, pred)
                for got, want in zip((tp, fp, fn), counts):
                    self.assertAlmostEqual(got, want)
                pg = M.page_scores(gold, pred)
                if p is None:
                    self.assertIsNone(pg["p"])
                else:
                    self.assertAlmostEqual(pg["p"], p)
                self.assertAlmostEqual(pg["r"], r)
        agg = M.boilerplate_score([(g, p) for g, p, *_ in cases])
        self.assertAlmostEqual(agg["p"], 0.5)
        self.assertAlmostEqual(agg["r"], 0.5)
        self.assertAlmostEqual(agg["f1"], 0.5)
        self.assertEqual(agg["pages_in_p"], 3)
        self.assertEqual(agg["pages_in_r"], 4)

    def test_multiset_counts(self):
        # repeated shingles count as a multiset
        tp, fp, fn = M.shingle_counts("a b c d a b c d", "a b c d")
        # gold shingles: abcd, bcda, cdab, dabc, abcd -> 5; pred: abcd
        self.assertAlmostEqual(tp, 1 / 5)
        self.assertAlmostEqual(fn, 4 / 5)
        self.assertAlmostEqual(fp, 0)

    def test_empty_both(self):
        pg = M.page_scores("", "")
        self.assertIsNone(pg["p"])
        self.assertIsNone(pg["r"])


    def test_empty_gold(self):
        # CleanEval has 6 pages with an empty gold: any non-empty prediction has precision 0
        # there, and the page's recall is not counted
        pg = M.page_scores("", "Page not found")
        self.assertEqual(pg["p"], 0.0)
        self.assertIsNone(pg["r"])
        agg = M.boilerplate_score([("one two three four", "one two three four"),
                                   ("", "Page not found"), ("", "")])
        self.assertAlmostEqual(agg["p"], 0.5)
        self.assertAlmostEqual(agg["r"], 1.0)
        self.assertEqual((agg["pages_in_p"], agg["pages_in_r"]), (2, 1))


class SnippetTest(unittest.TestCase):
    """trafilatura's snippet metric: the worked example of boilerplate/trafilatura/README.md."""

    A = {"with": ["The cat sat", "on the mat."], "without": ["Home | News", "Share this"]}
    B = {"with": ["Der Boden ist gefroren."], "without": ["Impressum"]}

    def test_worked_example(self):
        a = M.snippet_counts(self.A, "Home | News\nThe cat  sat\non the mat. ")
        b = M.snippet_counts(self.B, "Der Boden ist gefro\u00adren.\nImpressum")
        self.assertEqual(a, (2, 1, 0, 1))
        self.assertEqual(b, (0, 1, 1, 0))
        s = M.snippet_scores([a, b])
        self.assertEqual((s["tp"], s["fp"], s["fn"], s["tn"]), (2, 2, 1, 1))
        self.assertAlmostEqual(s["p"], 0.5)
        self.assertAlmostEqual(s["r"], 2 / 3)
        self.assertAlmostEqual(s["accuracy"], 0.5)
        self.assertAlmostEqual(s["f1"], 4 / 7)
        self.assertEqual(f"{s['p']:.3f} {s['r']:.3f} {s['accuracy']:.3f} {s['f1']:.3f}",
                         "0.500 0.667 0.500 0.571")

    def test_crash_and_empty(self):
        self.assertEqual(M.snippet_counts(self.A, None), (0, 0, 2, 2))
        self.assertEqual(M.snippet_counts(self.A, ""), (0, 0, 2, 2))
        self.assertEqual(M.snippet_scores([])["f1"], 0.0)
        # no-break spaces are whitespace for norm()
        self.assertEqual(M.snippet_counts(self.A, "The\u00a0cat sat"), (1, 0, 1, 2))


class MetadataTest(unittest.TestCase):
    def test_title(self):
        self.assertTrue(M.title_match(" Achtsam durch  die Krise ", "Achtsam durch die\nKrise"))
        self.assertFalse(M.title_match("Achtsam durch die Krise", "achtsam durch die Krise"))
        self.assertFalse(M.title_match("Achtsam", None))

    def test_author(self):
        self.assertTrue(M.author_match("Benjamin Fischer und Marcus Theurer",
                                       "marcus theurer, Benjamin  Fischer"))
        self.assertTrue(M.author_match("CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB",
                                       "Klaus Jacob; Siddharth Prakash and Clara Löw"))
        self.assertTrue(M.author_match(["Richard David Precht", "Karin Fischer"],
                                       "Karin Fischer | Richard David Precht"))
        self.assertFalse(M.author_match("Daniel Braun, Davor Pasoski", "Daniel Braun"))
        self.assertFalse(M.author_match("Andreas Kalt", None))
        self.assertFalse(M.author_match("", ""))
        self.assertEqual(M.author_names("Anderson and Sandy"), frozenset({"anderson", "sandy"}))

    def test_date(self):
        self.assertTrue(M.date_match("2019-08-02", "2019-08-02T10:00:00+02:00"))
        self.assertTrue(M.date_match("2019-08-02", "2019-08-02"))
        self.assertFalse(M.date_match("2019-08-02", "2019-08-03"))
        self.assertFalse(M.date_match("2019-08-02", None))
        self.assertTrue(M.date_match("2022-11-1", "2022-11-01"))
        self.assertTrue(M.date_match("2022-01.26", "2022-01-26T08:00Z"))
        self.assertFalse(M.date_match("", "2022-01-26"))

class QuoteTest(unittest.TestCase):
    """The README's worked example, rebuilt with the same offsets in a synthetic text."""

    @staticmethod
    def make_text() -> str:
        t = "Politifact" + " " * (153 - 10) + "Donald Trump’s"           # [153, 167)
        t += " " * (279 - len(t)) + "they"                               # [279, 283)
        t += " " * (335 - len(t)) + "that Trump’s statement was “true.”"  # [335, 369)
        t += " and more text."
        return t

    def setUp(self):
        self.text = self.make_text()
        self.assertEqual(self.text[362:369], "“true.”")
        self.assertEqual(self.text[279:283], "they")
        self.gold = [{"start": 362, "end": 369,
                      "speaker": {"start": 279, "end": 283, "text": "they",
                                  "fragments": [[279, 283]]}}]

    def test_trim(self):
        self.assertEqual(M.trim_span(self.text, 362, 369), (363, 368))
        self.assertEqual(M.trim_span(self.text, 335, 369), (335, 368))
        self.assertEqual(M.trim_span(" ‘ ’ ", 0, 5), (5, 5))

    def test_overlap(self):
        self.assertAlmostEqual(M.span_overlap((363, 368), (335, 368)), 5 / 33)
        self.assertAlmostEqual(M.span_overlap((363, 368), (363, 368)), 1.0)
        self.assertAlmostEqual(M.span_overlap((0, 4), (4, 8)), 0.0)

    def test_long_prediction_does_not_match(self):
        pred = [{"start": 335, "end": 369, "speaker": None}]
        for th in (0.3, 0.8):
            m = M.match_quotes(self.text, self.gold, pred, th)
            self.assertEqual((m["tp"], m["fp"], m["fn"]), (0, 1, 1))

    def test_exact_prediction_and_speakers(self):
        cases = [({"text": "Politifact", "start": 279, "end": 283}, 1, 0),
                 ({"text": "Politifact", "start": 0, "end": 10}, 0, 0),
                 (None, 0, 1)]
        for speaker, right, unknown in cases:
            with self.subTest(speaker=speaker):
                m = M.match_quotes(self.text, self.gold,
                                   [{"start": 362, "end": 369, "speaker": speaker}], 0.8)
                self.assertEqual((m["tp"], m["fp"], m["fn"]), (1, 0, 0))
                self.assertEqual(m["pairs"][0][2], 1.0)
                self.assertEqual((m["speaker_right"], m["unknown"]), (right, unknown))

    def test_speaker_last_token(self):
        g = {"start": 153, "end": 165, "text": "Donald Trump", "fragments": [[153, 165]]}
        self.assertTrue(M.speaker_right(g, {"text": "trump", "start": 0, "end": 5}))
        self.assertTrue(M.speaker_right(g, {"text": "Trump", "start": None, "end": None}))
        self.assertFalse(M.speaker_right(g, {"text": "Donald", "start": 0, "end": 5}))
        self.assertTrue(M.speaker_right(None, None))
        self.assertFalse(M.speaker_right(None, {"text": "x", "start": 0, "end": 1}))
        # the span overlapping any fragment suffices
        g2 = {"start": 10, "end": 40, "text": "a b", "fragments": [[10, 12], [38, 40]]}
        self.assertTrue(M.speaker_right(g2, {"text": "zzz", "start": 39, "end": 45}))
        self.assertFalse(M.speaker_right(g2, {"text": "zzz", "start": 20, "end": 30}))

    def test_greedy_and_scores(self):
        text = "x" * 200
        gold = [{"start": 0, "end": 10, "speaker": None}, {"start": 20, "end": 30, "speaker": None}]
        # the first gold takes its best prediction; ties go to the earlier prediction
        pred = [{"start": 0, "end": 10, "speaker": None}, {"start": 0, "end": 10, "speaker": None},
                {"start": 100, "end": 110, "speaker": None}]
        m = M.match_quotes(text, gold, pred, 0.3)
        self.assertEqual((m["tp"], m["fp"], m["fn"]), (1, 2, 1))
        self.assertIs(m["pairs"][0][1], pred[0])
        sc = M.QuoteScore()
        sc.add(m)
        r = sc.result()
        self.assertAlmostEqual(r["p"], 1 / 3)
        self.assertAlmostEqual(r["r"], 1 / 2)
        self.assertAlmostEqual(r["f1"], 0.4)
        self.assertAlmostEqual(r["speaker_acc"], 1.0)   # gold has no Source, prediction none
        self.assertAlmostEqual(r["unknown_rate"], 1.0)


class NerTest(unittest.TestCase):
    TOKENS = "U.N. official Ekeus heads for Baghdad .".split()
    GOLD = ["B-ORG", "O", "B-PER", "O", "O", "B-LOC", "O"]

    def test_worked_example(self):
        text, spans = M.doc_text([self.TOKENS])
        self.assertEqual(text, "U.N. official Ekeus heads for Baghdad .")
        ents = [(0, 4, "ORG"), (14, 25, "PER"), (30, 37, "LOC")]
        tags = M.project_entities(spans, ents)
        self.assertEqual(tags, [["B-ORG", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]])
        for score in (M.conll_score([self.GOLD], tags),
                      M.conll_score([M.untype(self.GOLD)], [M.untype(t) for t in tags])):
            self.assertAlmostEqual(score["p"], 2 / 3)
            self.assertAlmostEqual(score["r"], 2 / 3)
            self.assertAlmostEqual(score["f1"], 2 / 3)
        typed = M.conll_score([self.GOLD], tags)
        self.assertEqual(typed["per_type"]["PER"]["f1"], 0.0)
        self.assertEqual(typed["per_type"]["ORG"]["f1"], 1.0)

    def test_doc_text_and_sentence_clipping(self):
        text, spans = M.doc_text([["New", "York"], ["City", "Hall", "."]])
        self.assertEqual(text, "New York\nCity Hall .")
        self.assertEqual(spans, [[(0, 3), (4, 8)], [(9, 13), (14, 18), (19, 20)]])
        # an entity crossing the sentence break is clipped: B- again in the 2nd sentence
        tags = M.project_entities(spans, [(4, 18, "LOC")])
        self.assertEqual(tags, [["O", "B-LOC"], ["B-LOC", "I-LOC", "O"]])
        # partial token overlap tags the whole token
        tags = M.project_entities(spans, [(1, 2, "ORG")])
        self.assertEqual(tags[0], ["B-ORG", "O"])

    def test_earlier_entity_keeps_token(self):
        text, spans = M.doc_text([["a-b", "c", "d"]])
        tags = M.project_entities(spans, [(2, 7, "PER"), (0, 1, "ORG")])
        self.assertEqual(tags, [["B-ORG", "I-PER", "I-PER"]])
        self.assertEqual(M.get_chunks(tags[0]), [("ORG", 0, 0), ("PER", 1, 2)])

    def test_conlleval_chunks(self):
        self.assertEqual(M.get_chunks(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]),
                         [("PER", 0, 1), ("LOC", 3, 4), ("LOC", 5, 5), ("ORG", 6, 6)])
        self.assertEqual(M.get_chunks(["B-PER", "B-PER"]), [("PER", 0, 0), ("PER", 1, 1)])
        self.assertEqual(M.get_chunks(["O", "O"]), [])
        # untyped: a type change inside a run no longer splits
        self.assertEqual(M.get_chunks(M.untype(["B-PER", "I-ORG"])), [("ENT", 0, 1)])

    def test_empty_prediction(self):
        s = M.conll_score([self.GOLD], [["O"] * 7])
        self.assertEqual((s["p"], s["r"], s["f1"]), (0.0, 0.0, 0.0))


class OffsetTest(unittest.TestCase):
    def test_utf8_to_cp(self):
        text = "a’b😀c"
        m = M.utf8_to_cp_map(text)
        for i in range(len(text) + 1):
            self.assertEqual(M.cp(m, len(text[:i].encode("utf-8"))), i)
        self.assertEqual(len(m), len(text.encode("utf-8")) + 1)


if __name__ == "__main__":
    unittest.main()
