"""Words that name the field of an office ("Asisten Administrasi Umum", "Kepala Bagian Umum dan
Kepegawaian", "Kabid Pengadaan"): part of the title, never of the holder's name."""
from __future__ import annotations

import re

from .lexicon import Lexicon

__all__ = ["is_unit_word", "unit_number_end", "local_name_end", "skip_listed_places"]

# pe-...-an / ke-...-an nouns of eight letters or more ("Perencanaan", "Kesejahteraan"); "-wan" names
# ("Setiawan", "Kurniawan") are not nouns of this kind
_AFFIXED_NOUN = re.compile(r"^(?:pe|ke)[a-z]{4,}(?<!w)an$")


def is_unit_word(lx: Lexicon, word: str) -> bool:
    """Is ``word`` (capitalised, inside a title) a field of government rather than a name?"""
    if not word[:1].isupper() or not word.isalpha():
        return False
    low = word.lower()
    return low in lx.unit_words or bool(_AFFIXED_NOUN.match(low))


def unit_number_end(texts: list[str], k: int) -> int | None:
    """End of a unit's number and place after a slash: "Dandim 0825/Banyuwangi", "Koramil 2121/Sukamakmur"
    (``k`` at the slash) -> the token after the place's name, else None."""
    if k < 1 or texts[k] != "/" or not texts[k - 1].isdigit() or k + 1 >= len(texts):
        return None
    nxt = texts[k + 1]
    return k + 2 if nxt[:1].isupper() and nxt.isalpha() else None


def local_name_end(ctx, mentions: list, k: int) -> int | None:
    """End of a village or district name that the document names elsewhere ("Desa Sukamaju"), read at
    token ``k`` inside an office ("Ketua BPD Sukamaju Ahmad Fauzi": Sukamaju is the village), else None."""
    names = ctx.__dict__.get("_local_names")
    if names is None:
        names = {}
        for m in mentions:
            if m.type == "Place" and m.kind in ("desa", "kecamatan"):
                for alias in m.aliases:
                    words = tuple(alias.split())
                    if words:
                        names.setdefault(words[0], set()).add(words)
        ctx.__dict__["_local_names"] = names
    for words in names.get(ctx.texts[k], ()):
        if tuple(ctx.texts[k:k + len(words)]) == words:
            return k + len(words)
    return None


def skip_listed_places(mentions: list, texts: list[str], r: int) -> int:
    """After an office, the places that locate it, each after a comma ("Kepala Desa Lubuk Jaya, Kecamatan
    Sungai Bahar, Kabupaten Muaro Jambi, Syamsul"): the comma before the name (``r`` at the first comma)."""
    starts = None
    for _ in range(3):
        if r + 1 >= len(texts) or texts[r] != ",":
            break
        if starts is None:
            starts = {m.i: m.j for m in mentions if m.type == "Place" or m.type == "Agency"}
        j = starts.get(r + 1)
        if j is None or j >= len(texts) or texts[j] != ",":
            break
        r = j
    return r
