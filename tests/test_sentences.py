"""The one sentence splitter (kg.sentences): its rules on plain text, the same starts as the spaCy
pipeline's sentences on the seeds, and no spaCy or kg.nlp import."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.sentences import sentence_starts, sentences, tokens

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, expected", [
    ("Ani datang. Budi pulang.", ["Ani datang.", "Budi pulang."]),
    ("Ani datang! Budi pulang? Ya.", ["Ani datang!", "Budi pulang?", "Ya."]),
    ("Judul\nIsi berita.", ["Judul", "Isi berita."]),
    ("Kata dia, “Siap!” Lalu diam.", ["Kata dia, “Siap!”", "Lalu diam."]),
    ("Acara selesai. (ant)", ["Acara selesai.", "(ant)"]),
    ("Harga naik 2024. 15 desa ikut.", ["Harga naik 2024.", "15 desa ikut."]),
    ("Hasilnya berbeda.Tapi kini sama.", ["Hasilnya berbeda.", "Tapi kini sama."]),
    # counter-examples: a period that ends no sentence
    ("Dr. Ani hadir.", ["Dr. Ani hadir."]),                       # a title
    ("Ia bersama Brigjen Pol. Banu Sakti.", ["Ia bersama Brigjen Pol. Banu Sakti."]),  # a rank
    ("Rudi Hartawan, S.Sos. Menurutnya baik.", ["Rudi Hartawan, S.Sos. Menurutnya baik."]),  # a degree
    ("Jl. Merdeka No. 5 ramai.", ["Jl. Merdeka No. 5 ramai."]),   # abbreviations
    ("Presiden B.J. Habibie datang.", ["Presiden B.J. Habibie datang."]),  # initials
    ("Siti Aminah, Ph.D., menilai baik.", ["Siti Aminah, Ph.D., menilai baik."]),  # a degree split after "h"
    ("Agus Salim, Sp.PD. Ia hadir.", ["Agus Salim, Sp.PD. Ia hadir."]),
    ("Ia datang. kemudian pulang.", ["Ia datang. kemudian pulang."]),  # a lower-case word goes on
    ("Nilainya 2.5 persen.", ["Nilainya 2.5 persen."]),           # a decimal
    ("Ia pergi... lalu pulang.", ["Ia pergi... lalu pulang."]),
    ("  \n\n ", []),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_sentence_starts_on_tokens():
    assert sentence_starts(["Ani", "datang", ".", "Budi", "pulang", "."]) == [3]
    assert sentence_starts(["Dr", ".", "Ani", "datang", "."]) == []
    assert sentence_starts(["Ia", "pergi", "\n", "lalu"]) == [3]  # a line break always ends one
    assert sentence_starts(["Ia", "pergi", ".", "\n", "Lalu"]) == [4]  # not at the line break itself


@pytest.mark.parametrize("text, expected", [
    ("Dr.Rudi, S.Sos.\n\nLalu", ["Dr", ".", "Rudi", ",", "S.Sos", ".", "\n\n", "Lalu"]),
    ("berbeda.Tapi 2.5 ke-53 APBD-P.", ["berbeda", ".", "Tapi", "2.5", "ke-53", "APBD", "-", "P", "."]),
    ("Ia  pergi .Kami", ["Ia", " ", "pergi", ".Kami"]),  # one space after a token belongs to it
])
def test_tokens_cut_as_the_pipeline_does(text, expected):
    assert [t for _, t in tokens(text)] == expected


def test_the_pipeline_splits_the_seeds_the_same_way(extractor):
    """The spaCy pipeline's sentences and the plain-text splitter start at the same places."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    for text in texts:
        doc = extractor.nlp(text)
        starts = sorted({s.start_char + len(s.text) - len(s.text.lstrip()) for s in doc.sents if s.text.strip()})
        assert [a for a, _ in sentences(text)] == starts
        assert len(starts) > 3


def test_the_splitter_loads_neither_spacy_nor_kg_nlp():
    code = ("import json, sys; from kg.sentences import sentences; sentences('Dr. Ani hadir. Lalu pulang.'); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy' or m.startswith('kg.nlp'))))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert json.loads(p.stdout.strip().splitlines()[-1]) == []
