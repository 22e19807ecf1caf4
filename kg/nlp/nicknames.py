"""Nicknames a text gives a person: "Hanindhito Himawan Pramana, yang akrab disapa Mas Dhito",
"Adi Sutarwijono alias Awi", "... atau lebih dikenal dengan sapaan Awi". Later mentions of the
nickname ("tutur Mas Dhito", "kata Awi") are the same person."""
from __future__ import annotations

import re
from dataclasses import replace

from .context import DocContext
from .names import clean_name

__all__ = ["find_nicknames", "before_yang"]

#: the nickname: up to three capitalised words on one line, a period only after a short form ("Moh.")
_RUN = re.compile(r"(?:(?:[A-Z][a-z]{0,2}\.|[A-Z][\w'’-]*)[ \t]+){0,2}[A-Z][\w'’-]*")


def find_nicknames(ctx: DocContext, people) -> dict[str, str]:
    """{nickname as the mentions will name it: full name}, from a nickname cue right after a named person,
    or after an office without a name whose holder is named before ("Bupati yang akrab disapa ...")."""
    lx, text = ctx.lx, ctx.text
    # between a name and its nickname: ", atau yang lebih akrab disapa", " alias", " dengan sapaan"
    cue_re = lx.derived("nickname_cue", lambda lx: re.compile(
        r"\s*,?\s*(?:atau\s+)?(?:yang\s+)?(?:" + lx.phrases("NICKNAME_MODIFIER").pattern + r"\s+)*"
        + lx.phrases("NICKNAME_CUE").pattern + r"\s+"))
    out: dict[str, str] = {}
    named: list = []
    for p in sorted(people, key=lambda p: p.start):
        if p.name and (alt := _ATAU_ADDRESS.match(text, p.end)) and alt.group(1).lower() in lx.honorifics \
                and clips(alt.group(2), p.name) and alt.group(2) != p.name:
            out.setdefault(alt.group(2), p.name)  # "Paryanto atau Mbah Par": a word of address and a clip of the name
        if p.name and len(p.name.split()) >= 2:
            named.append(p)
        elif not p.name and p.head:  # "Bupati yang akrab disapa Gus Surya itu": the holder named before
            holder = next((q for q in reversed(named) if lx.office_word(q.head) == lx.office_word(p.head)
                           and q.org_key == p.org_key), None)  # "Sekda" for "Sekretaris Daerah Kabupaten"
            if holder is None:
                continue
            p = replace(holder, end=p.end)
        else:
            continue
        cue = cue_re.match(text, _after_degrees(lx, text, p.end))  # "X, S.E., M.M. alias Y"
        if cue:
            _add(lx, out, text, cue.end(), p.name)
    _trailing(lx, text, people, named, out)
    for m in before_yang(text):
        # "Pria yang akrab disapa Koh Y itu": a noun pointing back to the person named last
        words = m.group(1).lower().split()  # "tegas dokter yang akrab disapa ...": the noun closes the words before
        noun = any(" ".join(words[k:]) in lx.anaphor_nouns for k in range(len(words)))
        cue = cue_re.match(text, m.end()) if noun else None
        before = [q for q in named if q.end <= m.start()] if cue else None
        if before:
            _add(lx, out, text, cue.end(), before[-1].name)
    return out


def _trailing(lx, text: str, people, named: list, out: dict[str, str]) -> None:
    """A one-word name followed by the words saying it is a nickname ("jelas Frans, sapaan akrabnya"): the
    nickname of the person named last before it one of whose names it clips (:func:`clips`)."""
    after = lx.derived("nickname_after", lambda lx: re.compile(
        r"\s*[,(]\s*" + lx.phrases("NICKNAME_AFTER").pattern + r"\b", re.I))
    for p in people:
        if not p.name or " " in p.name or len(p.name) < 3 or p.name in out or not after.match(text, p.end):
            continue
        full = next((q.name for q in reversed(named) if q.start < p.start and clips(p.name, q.name)), None)
        if full:
            out.setdefault(p.name, full)


#: "X atau Mbah Par": "atau", a word of address and one capitalised word
_ATAU_ADDRESS = re.compile(r"\s*,?\s*atau\s+([A-Za-z]+)\.?\s+([A-Z][a-z]+)\b")


def clips(nick: str, name: str) -> bool:
    """Is the one-word ``nick`` cut from a word of ``name``: its first three letters opening one ("Frans" for
    Fransiskus), or its last three inside one ("Yuyun" for Wahyuningsih, "Udin" for Safaruddin)?"""
    low = nick.lower()
    return len(low) >= 3 and any(w.lower().startswith(low[:3]) or len(w) > len(low) and low[-3:] in w.lower()
                                 for w in name.split())


_BEFORE_YANG = re.compile(r"\b(\w+(?: \w+){0,2}) yang(?= )")


def before_yang(text: str):
    """The matches of ``re.finditer(_BEFORE_YANG.pattern, text)`` (up to three words before " yang "),
    the pattern tried only at the words just before each " yang " instead of at every position."""
    pos, q = 0, text.find(" yang ")
    while q >= 0:
        m = next((m for p in _chain_starts(text, q) if p >= pos and (m := _BEFORE_YANG.match(text, p))), None)
        if m is None:
            q = text.find(" yang ", q + 1)  # no word joined to this one by single spaces starts after pos
            continue
        yield m
        pos = m.end()
        q = text.find(" yang ", pos)


def _chain_starts(text: str, end: int) -> list[int]:
    """Starts of the (up to three) words joined by single spaces that end at ``end``, leftmost first:
    where the pattern can start a match that reaches the " yang " at ``end``."""
    starts: list[int] = []
    while len(starts) < 3:
        s = end
        while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):  # re's \w
            s -= 1
        if s == end:
            break
        starts.append(s)
        if not (s >= 2 and text[s - 1] == " " and (text[s - 2].isalnum() or text[s - 2] == "_")):
            break
        end = s - 1
    return starts[::-1]


def _add(lx, out: dict[str, str], text: str, at: int, name: str) -> None:
    """Record the nickname that starts at ``at`` for ``name`` (after a word of address in lower case: "dr. Udin")."""
    hon = re.match(r"([a-z]+)\.?[ \t]+", text[at:at + 12])
    if hon and hon.group(1) in lx.honorifics:
        at += hon.end()
    run = _RUN.match(text, at)
    if not run:
        return
    nick = clean_name(run.group(0), lx.honorifics | lx.ranks, lx.degrees)
    if nick and nick != name and all(w.lower() not in lx.function_words for w in nick.split()):
        out.setdefault(nick, name)


def _after_degrees(lx, text: str, pos: int) -> int:
    """Where the text goes on after the academic degrees written after a name (", S.E., Ak., M.M.")."""
    while True:
        m = re.match(r",?\s*([A-Za-z][A-Za-z.]*\.?)(?=[\s,])", text[pos:pos + 16])
        if not m or m.group(1).rstrip(".").lower() not in lx.degrees:
            return pos
        pos += m.end()
