"""Nicknames a text gives a person: "Hanindhito Himawan Pramana, yang akrab disapa Mas Dhito",
"Adi Sutarwijono alias Awi", "... atau lebih dikenal dengan sapaan Awi". Later mentions of the
nickname ("tutur Mas Dhito", "kata Awi") are the same person."""
from __future__ import annotations

import re
from dataclasses import replace

from .context import DocContext
from .names import clean_name

__all__ = ["find_nicknames"]

_RUN = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]*")


def find_nicknames(ctx: DocContext, people) -> dict[str, str]:
    """{nickname as the mentions will name it: full name}, from a nickname cue right after a named person,
    or after an office without a name whose holder is named before ("Bupati yang akrab disapa ...")."""
    lx, text = ctx.lx, ctx.text
    # between a name and its nickname: ", atau yang lebih akrab disapa", " alias", " dengan sapaan"
    cue_re = re.compile(r"\s*,?\s*(?:atau\s+)?(?:yang\s+)?(?:" + lx.phrases("NICKNAME_MODIFIER").pattern + r"\s+)*"
                        + lx.phrases("NICKNAME_CUE").pattern + r"\s+")
    out: dict[str, str] = {}
    named: list = []
    for p in sorted(people, key=lambda p: p.start):
        if p.name and len(p.name.split()) >= 2:
            named.append(p)
        elif not p.name and p.head:  # "Bupati yang akrab disapa Gus Surya itu": the holder named before
            holder = next((q for q in reversed(named) if q.head == p.head and q.org_key == p.org_key), None)
            if holder is None:
                continue
            p = replace(holder, end=p.end)
        else:
            continue
        cue = cue_re.match(text, p.end)
        if not cue:
            continue
        run = _RUN.match(text, cue.end())
        if not run:
            continue
        nick = clean_name(run.group(0), lx.honorifics | lx.ranks, lx.degrees)
        if nick and nick != p.name and all(w.lower() not in lx.function_words for w in nick.split()):
            out.setdefault(nick, p.name)
    return out
