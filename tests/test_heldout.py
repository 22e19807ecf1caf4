"""Held-out articles: 728 invented regional news articles (``tests/data/heldout``) with gold in the
eval format. ``h01``-``h32`` hold counter-examples to the people and speech rules (names a letter
apart, a first name that is a city's, a region unknown to the gazetteer before a comma, a company's
initials, a nickname that is another person, speakers changing across paragraphs). ``hA_*`` to
``hAE_*`` were written blind (their writers read neither the rules nor the dev articles), from all
over Indonesia, as wire copy, press releases, regional dailies, interviews and long features. The figures follow
the eval scorer's rules for persons, quotations and attribution; the floors are the figures measured
when the sets were added, less a margin. Every set up to ``hH`` was scored on first sight and then
used to fix error classes, so they are fitted too: they guard against regressions, they do not
measure generalisation. ``hI``, ``hJ`` and then ``hK`` were measured before and after the rules of their
sessions and no rule was written from them; from now on they are fitted like the others. ``hL`` and
``hM`` were scored blind and then read for error classes; ``hN``, ``hO``, ``hP``, ``hQ`` and ``hR`` were
scored blind in the session that added them; ``hS`` and ``hT`` were scored blind and then read for error
classes; ``hU`` and ``hV`` were scored blind on the session's final rules, then their new errors read;
``hW`` was scored blind and then read; ``hX`` and ``hY`` were scored blind on the code that began their
session and then read for error classes; ``hZ`` and ``hZZ`` were scored blind on that session's rules,
``hAB`` and ``hAC`` on its later rules (then read for error classes), ``hAD`` and ``hAE`` on the rules
merged at 1e1ddd6 (then hAD read), then all added; ``hAF``/``hAG`` were scored blind on the code that began
the sixth session and then read for error classes, ``hAH``/``hAI`` blind on that session's rules of ab8a3b0/ab48398
and ``hAJ``/``hAK`` on those of 01ac0d4, then all six read and added; ``hAL``/``hAM`` were scored blind on the
rules of c6367d5, then read and added; ``hAN``/``hAO`` blind on those of 3e747fa, then added; ``hAP``/``hAQ`` blind on the code that began the seventh
session (d123a6c), then read for error classes and added; ``hAR`` blind on both d123a6c and that session's
rules, then added; ``hAS`` blind on the code that began the eighth session (c8df754), then read; ``hAT`` blind on that
code and on the session's rules of 9876d6a (the same figures), then read; ``hAU`` blind on c8df754 and on the rules
of 31e11f4, then read; all three added; ``hAV`` blind on c8df754 and on the session's final rules (ac7affc), then
only the two regressions it showed read (docs/quality.md)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"

#: measured with this scorer on the 32 h* articles (Person 1.0, Quote 1.0, WhoSaidWhat 1.0, attribution 1.0; before
#: the people fixes of that set: Person 0.897, WhoSaidWhat 0.962, attribution 0.942) and with the 24 hA/hB articles
#: added (all 56: Person 0.993, Quote 1.0, WhoSaidWhat 0.986, attribution 0.989), and with hC/hD (all 80: Person
#: 0.977, Quote 1.0, WhoSaidWhat 0.988, attribution 0.988), and with hE/hF (all 104: Person 0.977, Quote 0.992,
#: WhoSaidWhat 0.983, attribution 0.991), and with hG/hH/hI (all 140: Person 0.988, Quote 0.994, WhoSaidWhat 0.983,
#: attribution 0.991), and after the issue-13 rules of branch x13 (all 140: Person 0.993, Quote 1.0, WhoSaidWhat
#: 0.995, attribution 0.993), and with hJ (all 152: Person 0.990, Quote 1.0, WhoSaidWhat 0.996, attribution 0.993;
#: hJ alone, on first sight: Person 0.964, Quote 1.0, WhoSaidWhat 1.0, attribution 0.992), and with hK (all 164:
#: Person 0.991, Quote 1.0, WhoSaidWhat 0.994, attribution 0.992; hK alone, on first sight: Person 0.964, Quote 1.0,
#: WhoSaidWhat 0.971, attribution 0.984), and with hL-hO (all 212: Person 0.993, Quote 1.0, WhoSaidWhat 0.996,
#: attribution 0.990; hN alone: Person 0.983, WhoSaidWhat 0.978, attribution 0.973; hO alone: Person 0.973,
#: WhoSaidWhat 1.0, attribution 0.987), and with hP/hQ (all 236: Person 0.991, Quote 0.999, WhoSaidWhat 0.993,
#: attribution 0.988; hP alone, blind: Person 0.979, WhoSaidWhat 0.971, attribution 0.974; hQ alone, blind:
#: Person 0.946, Quote 0.971, WhoSaidWhat 0.971, attribution 0.959), and with hR (all 248: Person 0.991, Quote 0.999,
#: WhoSaidWhat 0.994, attribution 0.988; hR alone, blind: Person 0.964, Quote 1.0, WhoSaidWhat 1.0, attribution
#: 0.979), and with hS-hV (all 296: Person 0.993, Quote 0.999, WhoSaidWhat 0.996, attribution 0.992; hU alone, after
#: two fixes: Person 0.960, WhoSaidWhat 1.0, attribution 0.986; hV alone: Person 1.0, WhoSaidWhat 0.970,
#: attribution 0.991), and with hW (all 308: Person 0.993, Quote 0.999, WhoSaidWhat 0.996, attribution 0.993; hW
#: alone, blind: Person 0.990, WhoSaidWhat 1.0, attribution 1.0), and with hX/hY/hZ/hZZ (all 356: Person 0.996, Quote
#: 0.999, WhoSaidWhat 0.995, attribution 0.993; hZ alone, blind: Person 0.990, WhoSaidWhat 1.0, attribution 1.0; hZZ
#: alone, blind: Person 0.989, WhoSaidWhat 0.986, attribution 1.0), and with hAB/hAC (all 380: Person 0.995, Quote
#: 0.999, WhoSaidWhat 0.995, attribution 0.993; hAB alone, blind: Person 0.977, WhoSaidWhat 1.0, attribution 1.0; hAC
#: alone, blind: Person 0.988, WhoSaidWhat 1.0, attribution 0.990), and with hAD/hAE (all 404: Person 0.995, Quote
#: 0.998, WhoSaidWhat 0.994, attribution 0.992; hAD alone, blind: Person 0.949, WhoSaidWhat 0.960, attribution 0.944;
#: hAE alone, blind: Person 1.0, WhoSaidWhat 0.986, attribution 1.0; after the rules read from hAD, all 404: Person
#: 0.997, Quote 0.998, WhoSaidWhat 0.995, attribution 0.993), and with hAF-hAK after the rules read from them (all
#: 476: Person 0.997, Quote 0.998, WhoSaidWhat 0.995, attribution 0.994), and with hAL/hAM after the rules read
#: from them (all 500: Person 0.996, Quote 0.998, WhoSaidWhat 0.994, attribution 0.993), and with hAN/hAO (all 524:
#: Person 0.996, Quote 0.998, WhoSaidWhat 0.993, attribution 0.993; hAN alone, blind: Person 0.971, WhoSaidWhat
#: 0.971, attribution 0.971), and with hAP/hAQ after the rules read from them (all 548: Person 0.996, Quote 0.998,
#: WhoSaidWhat 0.992, attribution 0.993; hAP alone, blind: Person 0.969, WhoSaidWhat 0.955, attribution 0.965; hAQ
#: alone, blind: Person 0.984, WhoSaidWhat 0.981, attribution 0.987), and with hAR (all 560: Person 0.996, Quote
#: 0.998, WhoSaidWhat 0.993, attribution 0.993; hAR alone, blind: Person 0.986, WhoSaidWhat 1.0, attribution 1.0),
#: and with hAS/hAT/hAU after the rules read from them (all 596: Person 0.996, Quote 0.997, WhoSaidWhat 0.992,
#: attribution 0.993; blind on c8df754, hAS: Person 0.985, WhoSaidWhat 1.0, attribution 0.993; hAT: Person 0.984,
#: WhoSaidWhat 0.969, attribution 0.985; hAU: Person 0.993, WhoSaidWhat 0.981, attribution 0.980), and with hAV (all
#: 608: Person 0.995, Quote 0.997, WhoSaidWhat 0.991, attribution 0.992; hAV alone, blind on c8df754 and now: Person
#: 0.969, WhoSaidWhat 0.957, attribution 0.969), and with hAW-hAZ after the rules read from them and hBA-hBD (all
#: 704: Person 0.994, Quote 0.997, WhoSaidWhat 0.990, attribution 0.990; blind on 938a9a7, hAX: Person 0.964,
#: WhoSaidWhat 0.940, attribution 0.957; hBA: Person 0.913, WhoSaidWhat 0.953, attribution 0.957; hBB: Person 0.951,
#: WhoSaidWhat 0.990, attribution 0.987), and with hBE/hBF, scored blind on the final rules and not read (all 728:
#: Person 0.993, Quote 0.997, WhoSaidWhat 0.990, attribution 0.990; hBE: Person 0.980, WhoSaidWhat 1.0, attribution
#: 1.0; hBF: Person 0.961, WhoSaidWhat 0.979, attribution 0.965), less a margin
FLOORS = {"Person": 0.98, "Quote": 0.98, "WhoSaidWhat": 0.98, "attribution": 0.98}


def _norm(s: str | None) -> str:
    return " ".join(re.sub(r"[^\w]|_", " ", (s or "").lower()).split())


def _keys(label: str | None, aliases=()) -> set[str]:
    return {k for k in [_norm(label), *(_norm(a) for a in aliases or ())] if k}


def _match(preds: list[set[str]], golds: list[set[str]]) -> dict[int, int]:
    """Maximum matching of predicted to gold entities sharing a key: {pred index: gold index}."""
    gold_of: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, g in enumerate(golds):
            if j not in seen and preds[i] & g:
                seen.add(j)
                if j not in gold_of or augment(gold_of[j], seen):
                    gold_of[j] = i
                    return True
        return False

    for i in range(len(preds)):
        augment(i, set())
    return {i: j for j, i in gold_of.items()}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(facts: dict, golds: list[dict]) -> dict[str, float]:
    """Person F1, direct Quote F1, WhoSaidWhat F1 (direct quotations) and attribution accuracy."""
    ents = {e["id"]: dict(e, keys=_keys(e.get("label"), e.get("aliases"))) for e in facts["entities"]}
    t = {"Person": [0, 0, 0], "Quote": [0, 0, 0], "WhoSaidWhat": [0, 0, 0], "attribution": [0, 0]}
    for g in golds:
        doc = g["document"]
        people = {p["name"]: _keys(p["name"], p.get("aliases")) for p in g["persons"]}
        preds = [e for e in ents.values() if e["type"] == "Person" and doc in e["documents"]]
        required = [p for p in g["persons"] if not p.get("optional") and not p.get("byline")]
        gk = [people[p["name"]] for p in g["persons"]]
        m = _match([e["keys"] for e in preds], gk)
        t["Person"][0] += sum(1 for j in m.values() if g["persons"][j] in required)
        t["Person"][1] += len(preds) - len(m)
        t["Person"][2] += sum(1 for j, p in enumerate(g["persons"]) if p in required and j not in m.values())
        quotes = [dict(q, norm=f" {_norm(q['text'])} ") for q in facts["quotes"] if q["document"] == doc]
        gold_q = [dict(q, snip=" " + " ".join(_norm(q["text"]).split()[:6]) + " ") for q in g["quotes"]]

        def right(p: dict, q: dict) -> bool:
            sp = ents.get(p.get("speaker") or "")
            return bool(sp and q["speaker"] and sp["keys"] & people.get(q["speaker"], _keys(q["speaker"])))

        direct_p = [p for p in quotes if p.get("direct", True)]
        direct_g = [q for q in gold_q if q["direct"]]
        said = [q for q in direct_g if q["speaker"]]
        for p in direct_p:
            found = any(q["snip"] in p["norm"] for q in gold_q)
            t["Quote"][0 if found else 1] += 1
            if any(q["snip"] in p["norm"] and right(p, q) for q in said):
                t["WhoSaidWhat"][0] += 1
            elif not (found and not any(q["snip"] in p["norm"] for q in said)):
                t["WhoSaidWhat"][1] += 1
        t["Quote"][2] += sum(1 for q in direct_g if not any(q["snip"] in p["norm"] for p in quotes))
        t["WhoSaidWhat"][2] += sum(1 for q in said if not any(q["snip"] in p["norm"] and right(p, q)
                                                              for p in direct_p))
        for q in gold_q:
            found = [p for p in quotes if q["snip"] in p["norm"]]
            if q["speaker"] and found:
                t["attribution"][1] += 1
                t["attribution"][0] += any(right(p, q) for p in found)
    out = {k: _f1(*v) for k, v in t.items() if k != "attribution"}
    out["attribution"] = t["attribution"][0] / t["attribution"][1]
    return out


@pytest.fixture(scope="module")
def heldout(tmp_path_factory):
    from rdflib import Graph

    from kg.build.run import build
    from kg.facts import facts

    out = tmp_path_factory.mktemp("heldout")
    build([HELDOUT / "docs"], out, page=False)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((HELDOUT / "gold").glob("*.json"))]
    return facts(Graph().parse(out / "graph.ttl", format="turtle")), golds


def test_every_gold_file_has_its_article():
    docs = {p.name for p in (HELDOUT / "docs").glob("*.txt")}
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in (HELDOUT / "gold").glob("*.json")]
    assert len(golds) == len(docs) >= 15 and {g["document"] for g in golds} == docs


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_heldout_figure_stays_above_its_floor(heldout, figure):
    facts, golds = heldout
    assert score(facts, golds)[figure] >= FLOORS[figure]


def test_the_scorer_counts_a_wrong_speaker():
    gold = [{"document": "x.txt", "persons": [{"name": "Ani Lestari", "aliases": ["Ani"]}],
             "quotes": [{"speaker": "Ani Lestari", "direct": True, "text": "Satu dua tiga empat lima enam"}]}]
    facts = {"entities": [{"id": "b", "type": "Person", "label": "Budi", "documents": ["x.txt"]}],
             "quotes": [{"document": "x.txt", "speaker": "b", "direct": True, "text": "Satu dua tiga empat lima enam."}]}
    assert score(facts, gold) == {"Person": 0.0, "Quote": 1.0, "WhoSaidWhat": 0.0, "attribution": 0.0}


@pytest.mark.parametrize("doc,label,is_person", [
    ("h01.txt", "Hendri Wijaya", True),       # a letter from "Hendra Saputra": another person
    ("h02.txt", "Medan Sihombing", True),     # "Bupati Toba Raya, Medan Sihombing, S.H.": a city's name as a first name
    ("h02.txt", "Raya", False),
    ("h03.txt", "I Ketut Arsani", True),      # a letter from "I Ketut Arsana", each with an office
    ("h08.txt", "Karangsari", False),         # "Bupati Karangsari, H. Agus Salim": the regency
    ("h08.txt", "Agus Salim", True),
    ("h09.txt", "Kalimantan Raya", False),    # "Gubernur Kalimantan Raya, H. Syahrani Mahdi"
    ("h09.txt", "Tirta Anugrah Wibawa", False),  # "PT Tirta Anugrah Wibawa (TAW)": a company's initials
    ("h09.txt", "Fahrurrazi", True),          # a one-word name with its initials in a list
    ("h10.txt", "Cibening", False),
    ("h10.txt", "Dedi Supriadi", True),
    ("h11.txt", "Hulu", False),               # "Ketua PGRI Samarinda Hulu, Hj. Mawar Sari"
    ("h17.txt", "Lombok Raya", False),        # "Bupati Lombok Raya, H. Lalu Fathurrahman": a Sasak name after the comma
    ("h14.txt", "Yanto", True),               # "Ketua RT 03, Yanto": not a nickname of Suryanto
    ("h18.txt", "Harapan Tambunan", True),    # "Sekretaris Bappeda, Harapan Tambunan,": a common word as a first name
    ("h19.txt", "Timur", False),              # "... Kota Ambon Timur, Ferdinand Latuheru": a direction ends the place
    ("h19.txt", "Untung", True),              # "Ketua Kelompok Nelayan Bahari, Untung, mengatakan"
    ("h23.txt", "Rugun br Simbolon", True),   # a Batak "br" (boru) inside a name, in lower case
    ("h23.txt", "Simbolon", False),
    ("h24.txt", "M. Yusuf Al-Amin", True),    # "Kol. Inf. H.M. Yusuf Al-Amin": a rank, initials opening a name, a hyphen
    ("h24.txt", "Amin", False),
    ("h26.txt", "Wonosari Kidul", False),     # "Bupati Wonosari Kidul, Sutrisno, memberikan": a one-word name
    ("h26.txt", "Sutrisno", True),
    ("h14.txt", "Kembali", False),            # "Sekdes Tegalrejo Kembali mengingatkan": a word, not a name
])
def test_heldout_people(heldout, doc, label, is_person):
    facts, _ = heldout
    labels = {e["label"] for e in facts["entities"] if e["type"] == "Person" and doc in e["documents"]}
    assert (label in labels) is is_person


@pytest.mark.parametrize("doc,words,speaker", [
    ("h01.txt", "paket itu berasal dari donasi", "Rina Marlina"),       # "Dijelaskan," after a new speaker
    ("h02.txt", "Jabatan ini amanah", "Medan Sihombing"),               # "ujar Medan": a city's name as a first name
    ("h04.txt", "netralitas adalah bagian dari integritas", "Andi Muhammad Arfah"),  # "Ia" after another's quote
    ("h14.txt", "Kami tidak mau menunggu bantuan", "Yanto"),            # a closing mark opening the paragraph
    ("h16.txt", "pemeriksaan instalasi listrik rumah warga", "Kasih Purnamasari"),  # "Dirinya mengatakan"
    ("h22.txt", "sudah mempersiapkan diri sejak", "Dewi Anggraini"),    # "Ia" after a subject with an apposition
])
def test_heldout_speakers(heldout, doc, words, speaker):
    facts, _ = heldout
    labels = {e["id"]: e["label"] for e in facts["entities"]}
    said = [labels.get(q["speaker"]) for q in facts["quotes"] if q["document"] == doc and words in q["text"]]
    assert said == [speaker]


@pytest.mark.parametrize("sentence,people", [
    ("Bupati Karangsari, H. Agus Salim, S.E., meresmikan pasar.", {"Agus Salim"}),
    ("Bupati Wonosari Kidul, Sutrisno, meresmikan pasar.", {"Sutrisno"}),
    # counter-examples: a list of officials after a known place, and a name used alone later
    ("Turut hadir Bupati Sleman Budi Santoso, dr. Ratna Dewi, dan Camat Depok.", {"Budi Santoso"}),
    ("Bupati Sutrisno, Heri Susanto dan Paiman hadir. Sutrisno mengatakan pasar dibuka besok pagi.", {"Sutrisno"}),
])
def test_region_or_name_before_a_comma(extract, sentence, people):
    r = extract("Pasar Baru Diresmikan\n\nSLEMAN, KABARJOGJA.ID – " + sentence)
    assert people <= {e.label for e in r.entities if e.type == "Person"}


@pytest.mark.parametrize("doc,label", [("h02.txt", "Darwin Situmorang"), ("h13.txt", "Rudi Hartono Siregar")])
def test_a_name_with_its_initials_is_no_policy(heldout, doc, label):
    facts, _ = heldout
    assert {e["type"] for e in facts["entities"] if e["label"] == label and doc in e["documents"]} == {"Person"}
