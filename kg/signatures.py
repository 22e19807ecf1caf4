"""The signature block closing a press release: an office, then the official's name.

    Kepala Bagian Protokol dan Komunikasi Pimpinan
    Sekretariat Daerah Kabupaten X

    Nama Pejabat, S.Sos.
    NIP 19800101 200001 1 001

Written on lines of their own, the office and the name look like headlines. Read as a unit they
are one stretch, "OFFICE, NAME": the line breaks inside the office read as spaces, the break
before the name as a comma; the NIP line is no text. The other common shape puts the signer's
unit above, a "Ttd." line, the name, and the position under it ("Kepala Bagian"): it reads
"UNIT NAME, POSITION". Nothing moves: the reading replaces characters one for one, so every
offset still points into the stored text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .rulefiles import load_rules
from .vocab import is_dictionary_word

__all__ = ["Signature", "find_signature"]

#: A person's name on a line of its own: capitalised words (initials and "Moh." included), after
#: honorifics, with academic degrees after commas ("S.Sos.", "M.Si", "S.I.Kom.").
_NAME_LINE = re.compile(
    r"^[ \t]*(?P<name>(?:(?:Dr|Drs|Dra|Ir|H|Hj|Prof|dr)\.[ \t]*)*"
    r"[A-Z][a-z'’]+\.?(?:[ \t]+[A-Z](?:[a-z'’]+)?\.?){1,5})"
    r"(?P<degrees>(?:[ \t]*,[ \t]*[A-Z][A-Za-z]{0,4}(?:\.[ \t]?[A-Za-z]{1,5})*\.?)*)[ \t]*$")
#: A line that only marks the signature ("Ttd.").
_MARK_LINE = re.compile(r"^[ \t]*\(?(?:ttd|t\.t\.d)\.?\)?[ \t]*$", re.I)
#: The civil-servant number under the name.
_NIP_LINE = re.compile(r"^[ \t]*NIP\.?[ \t]*:?[ \t]*[\d \t.]{8,}$")
#: A line that continues the office: capitalised words and the lower-case joining words, no digit.
_OFFICE_LINE = re.compile(r"^[ \t]*[A-Z][\w'’&/().-]*(?:[ \t]+(?:[A-Z][\w'’&/().-]*|dan|serta|&))*[ \t]*$")


class Signature(NamedTuple):
    """Where a signature block is: ``reads`` (offset, text read there for extraction, same
    length), ``keep`` the line spans that are article text however headline-like, ``skip`` the
    spans that are no text (the NIP line, a "Ttd." line)."""

    reads: tuple[tuple[int, str], ...]
    keep: tuple[tuple[int, int], ...]
    skip: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """The first words of office titles ("Kepala", "Sekretaris", "Kabag"), from ``titles.jsonl``."""
    words = set()
    for rec in load_rules("titles"):
        if rec.get("label") == "TITLE":
            for form in (rec["pattern"], *rec.get("aliases", ())):
                if isinstance(form, str) and form[:1].isupper():
                    words.add(form.split()[0])
    return frozenset(words)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def _name_at(lines: list, k: int) -> int | None:
    """The index of the name line the office ending at line ``k`` signs with, if any: the next
    line, or the one after a blank line (a longer break would not read as one comma and space)."""
    for j in (k + 1, k + 2):
        if j >= len(lines) or lines[j][0] - lines[k][1] > 2:
            return None
        m = _NAME_LINE.match(lines[j][2])
        if m:
            return j if m.group("name").split()[0] not in _office_words() else None
        if lines[j][2].strip():
            return None
    return None


def _closes_text(lines: list, j: int) -> bool:
    """Nothing after line ``j`` is body text: at most three short lines without a sentence end."""
    rest = [body.strip() for _, _, body in lines[j + 1:] if body.strip()]
    return len(rest) <= 3 and all(len(b) <= 80 and not b.endswith((".", "!", "?", "”", '"')) for b in rest)


def _signed(lines: list, i: int, k: int, j: int) -> bool:
    """Does more than the layout say the lines ``i``..``j`` sign the text: a place-and-date line
    before the office, degrees after the name or the NIP line under it; or, closing the text
    alone, a name of no dictionary words (not a headline: "Warga Antusias Sambut Festival")?"""
    dated = i > 0 and re.search(r",[ \t]*\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}[ \t]*$", lines[i - 1][2])
    nip = any(_NIP_LINE.match(b) for _, _, b in lines[j + 1:j + 3])
    name = _NAME_LINE.match(lines[j][2])
    return bool(dated or nip or name.group("degrees") or _alone(lines, i, j) and _proper(name.group("name")))


def _alone(lines: list, i: int, j: int) -> bool:
    """Are the lines ``i``..``j`` a paragraph of their own closing the text?"""
    return i > 0 and not lines[i - 1][2].strip() and not any(b.strip() for _, _, b in lines[j + 1:])


def _proper(name: str) -> bool:
    """Is no word of ``name`` an Indonesian dictionary word (the vocabulary of :mod:`kg.vocab`)?"""

    return not any(is_dictionary_word(w) for w in name.replace(".", " ").split())


def _office_first(lines: list) -> Signature | None:
    """The office, then the name: "Kepala Bagian X / Sekretariat Daerah Y / (blank) / Nama, S.Sos.";
    read "OFFICE, NAME"."""
    heads = _office_words()
    for i in range(max(0, len(lines) - 14), len(lines)):
        body = lines[i][2]
        if not body.strip() or body.split()[0] not in heads or not _OFFICE_LINE.match(body):
            continue
        k = i
        while k + 1 < len(lines) and k < i + 2 and _OFFICE_LINE.match(lines[k + 1][2]) \
                and _name_at(lines, k + 1) is not None:
            k += 1
        j = _name_at(lines, k)
        if j is None or not _closes_text(lines, j) or not _signed(lines, i, k, j):
            continue
        reads = [(lines[n][1], " " * (lines[n + 1][0] - lines[n][1])) for n in range(i, k)]
        gap = lines[j][0] - lines[k][1]
        reads.append((lines[k][1], "," + " " * (gap - 1)))
        skip = tuple((s, e) for s, e, b in lines[j + 1:] if _NIP_LINE.match(b))
        return Signature(tuple(reads), tuple((s, e) for s, e, _ in lines[i:k + 1]) + (lines[j][:2],), skip)
    return None


def _units_above(lines: list, j: int) -> tuple[int, int] | None:
    """The first and last of up to three lines naming the signer's unit above the name line ``j``
    (past a "Ttd." line and one blank line), if there are any."""
    u = j - 1
    if u >= 0 and _MARK_LINE.match(lines[u][2]):
        u -= 1
    if u >= 0 and not lines[u][2].strip():
        u -= 1
    i = u + 1
    while i > 0 and u - i < 2 and lines[i - 1][2].strip() and _OFFICE_LINE.match(lines[i - 1][2]):
        i -= 1
    return (i, u) if i <= u else None


def _position_under(lines: list) -> Signature | None:
    """The name, then the position under it, the unit above: "Bagian X / Sekretariat Daerah Y /
    (blank) / Ttd. / Nama, S.I.Kom. / Kepala Bagian"; read "UNIT NAME, POSITION" (after degrees,
    their period is the stop before the position)."""
    heads = _office_words()
    for j in range(max(0, len(lines) - 10), len(lines) - 1):
        m = _NAME_LINE.match(lines[j][2])
        pos = lines[j + 1][2]
        if not m or m.group("name").split()[0] in heads or lines[j + 1][0] - lines[j][1] != 1 \
                or not pos.strip() or pos.split()[0] not in heads or not _OFFICE_LINE.match(pos) \
                or len(pos.split()) > 6 or not _closes_text(lines, j + 1):
            continue
        units = _units_above(lines, j)
        marks = tuple((s, e) for s, e, b in lines[max(0, j - 2):j] if _MARK_LINE.match(b))
        if not (marks or m.group("degrees") or units and _signed(lines, units[0], units[1], j)):
            continue  # no mark of signing: headlines closing a page, not a signature
        i, u = units or (j, j)
        reads = [(lines[n][1], " " * (lines[n + 1][0] - lines[n][1])) for n in range(i, u)]
        if units:  # the break from the unit to the name, with a "Ttd." line in it, reads as spaces
            reads.append((lines[u][1], " " * (lines[j][0] - lines[u][1])))
        reads.append((lines[j][1], " " if lines[j][2].rstrip().endswith(".") else ","))
        keep = tuple(line[:2] for line in (*lines[i:u + 1], lines[j], lines[j + 1]))
        return Signature(tuple(reads), keep, marks)
    return None


def find_signature(text: str) -> Signature | None:
    """The signature block closing ``text``, if it has one, at the end of the text: an office line
    opening with an office title, up to two lines continuing it, then the name line, with a mark of
    signing (:func:`_signed`); or the name line with the position under it (:func:`_position_under`)."""
    lines = _lines(text)
    return _office_first(lines) or _position_under(lines)
