"""Write N synthetic Indonesian government-news articles for benchmarks and scale tests.

Every article is made from sentence templates written for this script: officials
with titles, agencies, policies, events, venues, dates, and quotes with every cue
style the extractor reads (``“...,” jelas X``, ``“...,” urainya``, ``X mengatakan,
“...”``, ``Menurutnya, ...``, ``X mengatakan bahwa ...``, and a quote split around
``tegasnya``). All person names are invented here from syllables; they are not the
names of real people.

The vocabulary is meant to be as varied as real news, so that the tokenizer's
cache and the lexicon do not see the same few hundred words over and over (that
flattered earlier figures): titles, agencies, policies, events, venues and places
come from the rule files (``kg/rules/*.jsonl``), the running text is drawn from a
Zipf-ranked list of the rule files' function words, the words of their patterns and
tens of thousands of syllable-made words with Indonesian affixes, and names are
made from syllables. :func:`vocab_stats` measures type/token ratio and new-word
rate; ``--compare DIR...`` prints them beside those of real texts (read then, never
stored).

Article ``i`` depends only on ``(seed, i)`` and the rule files: ``--count 1010`` writes
the same first 1,000 files as ``--count 1000`` plus ten new ones. Lengths are about
300–800 words.

Example::

    python bench/gen_corpus.py /tmp/corpus --count 2000 --seed 1
    python bench/gen_corpus.py /tmp/corpus --count 50 --compare seeds /work/shared/dev/docs
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import os
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["article", "write_corpus", "file_name", "vocab_stats", "vocab_id"]

RULES = Path(__file__).resolve().parents[1] / "kg" / "rules"

# ---- vocabulary (written for this generator) ------------------------------------------
_ONSETS = ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", "",
           "br", "kr", "pr", "tr", "st"]
_VOWELS = ["a", "a", "i", "u", "e", "o"]
_CODAS = ["", "", "", "", "n", "ng", "r", "k", "t", "s", "h", "l", "m"]
_PREFIXES = ["", "", "", "me", "mem", "men", "meng", "di", "ber", "pe", "pen", "per", "ter", "ke", "se"]
_SUFFIXES = ["", "", "", "", "kan", "an", "i", "nya", "lah"]
_SYL_A = ["Ra", "Su", "Wi", "Har", "Dar", "Ban", "Teg", "Mar", "Ar", "Yu", "Ka", "Li", "Se", "Pra",
          "No", "In", "Gu", "Ju", "Ha", "Ti", "Pu", "Ro", "Sa", "We", "Ma", "Ri", "Bu", "De", "Fa", "Ge",
          "Je", "Ko", "La", "Mu", "Na", "Pa", "Ru", "Ta", "Ya", "Zu", "An", "En", "Is", "Ok", "Um"]
_SYL_B = ["ni", "to", "ya", "wan", "di", "sa", "ra", "ti", "mo", "ko", "lan", "ga", "ri", "nu", "ta",
          "bu", "ci", "de", "fi", "gu", "hi", "ju", "ke", "lo", "ma", "na", "pi", "ru", "se", "tu"]
_SYL_C = ["to", "ni", "wati", "yanto", "sih", "man", "dra", "sari", "tomo", "jaya", "no", "di", "ra",
          "ningsih", "wan", "din", "har", "yah", "ti", "na", "ja", "rudin", "nto", "yati", "lis", "mad"]
_DEGREES = ["", "", "", "Dr. ", "Ir. ", "Drs. ", "H. ", "Hj. ", "Prof. Dr. "]
_SUFFIX_DEGREES = ["", "", "", ", S.Sos", ", M.Si", ", MM", ", S.H., M.H.", ", ST, MT"]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"]
_SITES = ["Warta Birokrasi", "Kabar Daerah", "Suara ASN", "Berita Pemerintahan", "Kabar Nusantara",
          "Info Publik", "Jurnal Kota"]
#: used when a rule file lacks the kind of record (the rule files are edited by others)
_FALLBACK = {"place": ["Malang", "Surabaya", "Semarang", "Bandung"],
             "title": ["Wali Kota", "Sekretaris Daerah", "Kepala Dinas", "Inspektur"],
             "agency": [("Badan Kepegawaian Negara", "BKN")], "policy": [("Reformasi Birokrasi", "RB")],
             "event": ["Rapat Koordinasi", "Sosialisasi", "Apel Pagi"], "venue": ["Balai Kota", "Aula"]}
#: the commonest cues, used half the time beside the rule files' (so every cue style is frequent)
_CUE_AFTER = ["jelas", "kata", "ujar", "ungkap", "tutur", "imbuh"]
_CUE_BEFORE = ["mengatakan", "menegaskan", "menjelaskan", "menyampaikan"]
_CUE_PRON = ["urainya", "pungkasnya", "jelasnya", "katanya", "ujarnya", "tambahnya", "bebernya"]
_WORD = re.compile(r"\w+(?:-\w+)*")
#: words of the Zipf list (number of syllable-made words; exponent; rank offset): chosen so that
#: type/token ratio and new-word rate come close to real news (see --compare)
_PSEUDO, _ZIPF_S, _ZIPF_Q = 60_000, 1.21, 2.7


def _records(name: str) -> list[dict]:
    try:
        lines = (RULES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [json.loads(line) for line in lines if line.strip()]


def vocab_id() -> str:
    """A short hash of this generator and the rule files its vocabulary is drawn from (corpora change with them)."""
    h = hashlib.sha1(Path(__file__).read_bytes())
    for p in sorted(RULES.glob("*.jsonl")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:10]


class _Vocab:
    """Lists read once from the rule files, and the Zipf-ranked word list."""

    def __init__(self) -> None:
        rec = {n: _records(n) for n in ("regions", "titles", "agencies", "policies", "events", "venues",
                                        "speech", "words", "agency_types")}
        by = lambda name, label: [r for r in rec[name] if r.get("label") == label]  # noqa: E731
        self.places = sorted({r["name"] for r in rec["regions"] if r.get("kind") in ("kota", "kabupaten")
                              and r.get("name")}) or _FALLBACK["place"]
        self.provinces = sorted({r["name"] for r in rec["regions"] if r.get("kind") == "provinsi"
                                 and r.get("name")}) or _FALLBACK["place"]
        self.titles = sorted({r["pattern"] for r in by("titles", "TITLE")}) or _FALLBACK["title"]
        self.agencies = sorted({(r["pattern"], min(r.get("aliases") or [r["pattern"]], key=len))
                                for r in rec["agencies"]}) or _FALLBACK["agency"]
        self.policies = sorted({(r["pattern"], next((a for a in r.get("aliases", []) if a.isupper()), None))
                                for r in rec["policies"]}, key=str) or _FALLBACK["policy"]
        self.events = sorted({r["pattern"] for r in rec["events"]}) or _FALLBACK["event"]
        self.venues = sorted({r["pattern"] for r in rec["venues"]}) or _FALLBACK["venue"]
        self.cue_after = sorted({r["pattern"] for r in by("speech", "CUE_AFTER") if " " not in r["pattern"]}) \
            or _CUE_AFTER
        self.cue_verb = sorted({r["pattern"] for r in by("speech", "CUE_CLAUSE") if " " not in r["pattern"]}) \
            or _CUE_BEFORE
        function = [r["pattern"] for r in by("words", "FUNCTION_WORD")]
        seen = set(function)
        content = []
        for name in ("titles", "agencies", "policies", "events", "venues", "agency_types", "words", "speech"):
            for r in rec[name]:
                for w in _WORD.findall(r.get("pattern", "")):
                    w = w.lower()
                    if w not in seen and not w.isdigit() and len(w) > 2:
                        seen.add(w)
                        content.append(w)
        rnd = random.Random("kg-bench-vocab")
        pseudo = []
        while len(pseudo) < _PSEUDO:
            root = "".join(rnd.choice(_ONSETS) + rnd.choice(_VOWELS) + rnd.choice(_CODAS)
                           for _ in range(rnd.choice((2, 2, 2, 3))))
            w = rnd.choice(_PREFIXES) + root + rnd.choice(_SUFFIXES)
            if w not in seen and len(w) > 2:
                seen.add(w)
                pseudo.append(w)
        rnd.shuffle(content)
        # function words lead; rule words and made words share the rest of the ranks
        self.words = function + [w for pair in itertools.zip_longest(content, pseudo[:len(content)])
                                 for w in pair if w] + pseudo[len(content):]
        self.cum = list(itertools.accumulate(1.0 / (r + _ZIPF_Q) ** _ZIPF_S for r in range(len(self.words))))

    def draw(self, rnd: random.Random, k: int) -> list[str]:
        total = self.cum[-1]
        return [self.words[bisect.bisect(self.cum, rnd.random() * total)] for _ in range(k)]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab()


def _name(rnd: random.Random) -> tuple[str, str]:
    """(full name, short name) made from syllables; never a real person's name on purpose."""
    first = rnd.choice(_SYL_A) + rnd.choice(_SYL_B) + rnd.choice(_SYL_C)
    if rnd.random() < 0.4:
        first = rnd.choice(_SYL_A) + rnd.choice(_SYL_B).lower() + first.lower()
    last = rnd.choice(_SYL_A) + rnd.choice(_SYL_B) * rnd.randint(0, 1) + rnd.choice(_SYL_C)
    return f"{first} {last}", first


def _date(rnd: random.Random) -> tuple[str, int, int, int]:
    y, m, d = rnd.randint(2019, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    return rnd.choice(_DAYS), d, m, y


def file_name(seed: int, i: int) -> str:
    """The file name of article ``i`` (unique per seed and index)."""
    return f"s{seed}_{i:07d}.txt"


def _clause(rnd: random.Random, v: _Vocab, lo: int, hi: int, names: list[str]) -> str:
    """Running text: Zipf-drawn words, with now and then a comma, a number or a name of the article."""
    out = []
    for w in v.draw(rnd, rnd.randint(lo, hi)):
        x = rnd.random()
        if x < 0.06 and names:
            w = rnd.choice(names)
        elif x < 0.09:
            w = str(rnd.choice([rnd.randint(2, 99), rnd.randint(100, 9999), rnd.randint(1, 500) * 1000]))
        elif x < 0.11:
            w = w.capitalize()
        out.append(w)
        if rnd.random() < 0.07:
            out[-1] += ","
    out[-1] = out[-1].rstrip(",")
    return " ".join(out)


def _sentence(rnd: random.Random, v: _Vocab, names: list[str]) -> str:
    s = _clause(rnd, v, 8, 26, names)
    return s[:1].upper() + s[1:] + "."


def article(seed: int, i: int) -> str:
    """The text of article ``i`` of the corpus with ``seed`` (deterministic for the rule files)."""
    v = _vocab()
    rnd = random.Random(f"kg-bench:{seed}:{i}")
    place, other_place = rnd.sample(v.places, 2)
    prov = rnd.choice(v.provinces)
    central_agency, central_acr = rnd.choice(v.agencies)
    central_title = rnd.choice(v.titles)
    local_title, other_title = rnd.sample(v.titles, 2)
    p1, s1 = _name(rnd)
    p2, s2 = _name(rnd)
    p3, s3 = _name(rnd)
    pol_long, pol_acr = rnd.choice(v.policies)
    pol2_long, _ = rnd.choice(v.policies)
    event = f"{rnd.choice(v.events)} {' '.join(w.capitalize() for w in v.draw(rnd, rnd.randint(1, 3)))}"
    venue = f"{rnd.choice(v.venues)} {rnd.choice([place, other_place, _name(rnd)[1]])}"
    day, d, m, y = _date(rnd)
    target = rnd.randint(300, 800)
    pol_first = f"{pol_long} ({pol_acr})" if pol_acr else pol_long
    pol_ref = pol_acr or pol_long
    names = [place, pol_ref, pol2_long, central_acr, s1, s2, s3, other_place]

    def body(lo: int = 8, hi: int = 24) -> str:
        s = _clause(rnd, v, lo, hi, names)
        if rnd.random() < 0.5:
            s += f" {rnd.choice(['dalam', 'untuk', 'terkait', 'melalui'])} {rnd.choice([pol_ref, pol2_long])}"
        return s[:1].upper() + s[1:]

    title = rnd.choice([
        f"{local_title} {place} Dorong ASN Perkuat {pol_long}",
        f"{central_acr} Gelar {event} di {place}",
        f"Pemkot {place} Komitmen Terapkan {pol_long}",
        f"{event}, {local_title} {place} Ajak Jajaran {' '.join(w.capitalize() for w in v.draw(rnd, 2))}",
        f"{' '.join(w.capitalize() for w in v.draw(rnd, rnd.randint(3, 7)))} di {place}",
    ])
    dateline = rnd.choice([f"({d}/{m}/{y})", f"{d} {_MONTHS[m - 1]} {y}", f"({d}/{m})"])
    lead = rnd.choice([
        f"{place.upper()}, {rnd.choice(_SITES)} - Pemerintah Kota (Pemkot) {place} terus memperkuat "
        f"penerapan {pol_first} di seluruh perangkat daerah. Hal tersebut disampaikan {local_title} "
        f"{place} {rnd.choice(_DEGREES)}{p1}{rnd.choice(_SUFFIX_DEGREES)} saat membuka {event} di "
        f"{venue}, {day} {dateline}.",
        f"{rnd.choice(_SITES)}, {place} - {local_title} {p1} {rnd.choice(['membuka', 'menghadiri', 'memimpin'])} "
        f"{event} di {venue} pada {day}, {d} {_MONTHS[m - 1]} {y}. {_sentence(rnd, v, names)}",
        f"{place.upper()} - {_sentence(rnd, v, names)} {local_title} {place}, {p1}, "
        f"{rnd.choice(_CUE_BEFORE if rnd.random() < 0.5 else v.cue_verb)} {pol_first} {body(6, 14).lower()}.",
    ])
    second = (f"Kegiatan yang digelar bersama {central_agency} ({central_acr}) itu juga menghadirkan "
              f"{central_title} {p2}, serta perwakilan Pemerintah Provinsi {prov}.")
    paras = [lead, second]
    quotes = [
        lambda: f"“{body()},” {rnd.choice(_CUE_AFTER if rnd.random() < 0.5 else v.cue_after)} {s1}.",
        lambda: f"“{body()}. {body()},” {rnd.choice(_CUE_PRON)}.",
        lambda: f"{central_title} {p2} {rnd.choice(_CUE_BEFORE if rnd.random() < 0.5 else v.cue_verb)}, “{body()}.”",
        lambda: f"Menurutnya, {body().lower()}.",
        lambda: f"{s2} mengatakan bahwa {body().lower()}.",
        lambda: f"“{body()},” tegasnya. “{body()}.”",
        lambda: f"Sementara itu, {other_title} {place}, {p3}, menyampaikan, “{body()}.”",
        lambda: f"“{body()},” kata {s3}.",
        lambda: f"{s1} juga {rnd.choice(_CUE_BEFORE if rnd.random() < 0.5 else v.cue_verb)} {body(6, 16).lower()}.",
    ]
    words = len(title.split()) + sum(len(p.split()) for p in paras) + 7  # and the byline
    k = 0
    while words < target:
        if k % 2 == 0:
            para = quotes[rnd.randrange(len(quotes))]()
        else:
            para = " ".join(_sentence(rnd, v, names) for _ in range(rnd.randint(1, 4)))
        if words + len(para.split()) > 800 and words >= 300:
            break
        paras.append(para)
        words += len(para.split())
        k += 1
    byline = f"Penulis: {_name(rnd)[0]} | Editor: {_name(rnd)[0]}"
    return "\n\n".join([title, *paras, byline]) + "\n"


def vocab_stats(texts, tokens: int | None = None) -> dict:
    """Type/token ratio and new-word rate of ``texts`` read in order (lower-cased words),
    over their first ``tokens`` words: the new-word rate is the share of words in the
    second half that were not seen before them (how fast the vocabulary still grows)."""
    words = []
    for t in texts:
        words.extend(w.lower() for w in _WORD.findall(t))
        if tokens and len(words) >= tokens:
            break
    words = words[:tokens] if tokens else words
    seen: set[str] = set()
    new = 0
    half = len(words) // 2
    for n, w in enumerate(words):
        if w not in seen:
            seen.add(w)
            new += n >= half
    return {"tokens": len(words), "types": len(seen), "type_token_ratio": round(len(seen) / max(1, len(words)), 4),
            "new_word_rate": round(new / max(1, len(words) - half), 4)}


def compare(folders: list[str], seed: int = 1) -> dict:
    """:func:`vocab_stats` of the real texts under ``folders`` and of as many generated words."""
    real = [p.read_text(encoding="utf-8", errors="replace")
            for f in folders for p in sorted(Path(f).rglob("*.txt"))]
    r = vocab_stats(real)
    g = vocab_stats((article(seed, i) for i in itertools.count()), r["tokens"])
    return {"real": r, "generated": g}


def write_corpus(folder: str | os.PathLike, count: int, seed: int = 1, start: int = 0,
                 per_folder: int = 1000) -> list[Path]:
    """Write articles ``start .. count-1`` under ``folder`` (sub-folders of ``per_folder`` files)."""
    folder = Path(folder)
    paths = []
    for i in range(start, count):
        sub = folder / f"{i // per_folder:04d}"
        if i % per_folder == 0 or i == start:
            sub.mkdir(parents=True, exist_ok=True)
        p = sub / file_name(seed, i)
        p.write_text(article(seed, i), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/gen_corpus.py /tmp/corpus --count 2000 --seed 1")
    ap.add_argument("folder")
    ap.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="first article index to write (default 0)")
    ap.add_argument("--compare", nargs="+", metavar="DIR",
                    help="also print type/token ratio and new-word rate of the real texts in DIR (read, never "
                         "stored) and of as many generated words")
    a = ap.parse_args(argv)
    if a.compare:
        c = compare(a.compare, a.seed)
        for kind in ("real", "generated"):
            print(f"{kind:9s} {c[kind]['tokens']:7d} words, {c[kind]['types']:6d} types: type/token ratio "
                  f"{c[kind]['type_token_ratio']:.3f}, new-word rate {c[kind]['new_word_rate']:.3f}")
    paths = write_corpus(a.folder, a.count, a.seed, a.start)
    print(f"wrote {len(paths)} articles to {a.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
