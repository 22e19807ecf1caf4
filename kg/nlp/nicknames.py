"""Nicknames a text gives a person: "Hanindhito Himawan Pramana, yang akrab disapa Mas Dhito",
"Adi Sutarwijono alias Awi", "... atau lebih dikenal dengan sapaan Awi". Later mentions of the
nickname ("tutur Mas Dhito", "kata Awi") are the same person."""
from __future__ import annotations

import re

from .context import DocContext

__all__ = ["find_nicknames"]

#: between a name and its nickname
_CUE = re.compile(
    r"\s*,?\s*(?:atau\s+)?(?:yang\s+)?(?:lebih\s+|biasa\s+|kerap\s+|akrab\s+)*"
    r"(?:(?:di)?sapa|(?:di)?panggil|disebut|alias|dikenal\s+(?:dengan\s+)?(?:sapaan|panggilan|nama)|"
    r"dengan\s+(?:sapaan|panggilan))\s+")
_RUN = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]*")


def find_nicknames(ctx: DocContext, people) -> dict[str, str]:
    """{nickname as the mentions will name it: full name}, from a nickname cue right after a named person."""
    from .people import clean_name

    lx, text = ctx.lx, ctx.text
    out: dict[str, str] = {}
    for p in people:
        if not p.name or len(p.name.split()) < 2:
            continue
        cue = _CUE.match(text, p.end)
        if not cue:
            continue
        run = _RUN.match(text, cue.end())
        if not run:
            continue
        nick = clean_name(run.group(0), lx.honorifics | lx.ranks, lx.degrees)
        if nick and nick != p.name and all(w.lower() not in lx.function_words for w in nick.split()):
            out.setdefault(nick, p.name)
    return out
