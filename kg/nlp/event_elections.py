"""Elections among events: the voting before an election's name is the election's ("pemungutan suara
Pilkada ..."), and an election is named by its head and year ("Pilkada 2024"), not by a word about
elections ("pidana pemilu")."""
from __future__ import annotations

from ..dates import months
from ..vocab import is_derived_word
from .context import DocContext, Mention, make_mention, opens_sentence
from .event_names import YEAR as _YEAR
from .lexicon import slug

__all__ = ["election_mention", "voting_of_election"]


def voting_of_election(ctx: DocContext, j: int, lower_head: bool) -> bool:
    """Is the voting word ending at ``j`` the election named right after it ("menjelang pemungutan suara
    Pilkada serentak ...")? Not a capitalised vote held at a place ("Pemungutan suara Pilkada digelar di
    Kecamatan X")."""
    return _election_at(ctx, j) and (lower_head or not _sited(ctx, j))


def _sited(ctx: DocContext, k: int) -> bool:
    """Does the sentence go on after token ``k`` to a place ("di" and a capitalised word)?"""
    texts, end = ctx.texts, ctx.doc[k].sent.end
    return any(texts[x] == "di" and texts[x + 1][:1].isupper() for x in range(k, end - 1))


def _sentence_year(ctx: DocContext, i: int) -> str | None:
    """The year of the sentence of token ``i``: a date's year first ("pada 27 November 2029"), else the first
    year not of a term of office ("periode 2030-2035")."""
    texts, sent = ctx.texts, ctx.doc[i].sent
    years = [x for x in range(sent.start, sent.end) if _YEAR.match(texts[x])]
    dated = [x for x in years if x > 0 and texts[x - 1].lower() in months()]
    plain = [x for x in years if not (x > 1 and texts[x - 1] == "-" and _YEAR.match(texts[x - 2]))
             and not (x + 1 < len(texts) and texts[x + 1] == "-")]
    pick = (dated or plain or [None])[0]
    return None if pick is None else texts[pick]


def _election_at(ctx: DocContext, k: int) -> bool:
    """Does an election's name open at token ``k`` ("Pilkada", "Pemilihan Kepala Daerah")?"""
    h = ctx.longest(k, ("EVENT_HEAD",)) if k < len(ctx.texts) else None
    return h is not None and ctx.span_text(k, h.j).lower() in ctx.lx.elections


def election_mention(ctx: DocContext, i: int, h, head: str, end: int, text: str) -> tuple[int, Mention] | None:
    """An election named by its head and its year ("Pilkada 2024"), or None for a word about elections."""
    doc, lx = ctx.doc, ctx.lx
    year = next((t.text for t in doc[i:end] if _YEAR.match(t.text)), None) or _sentence_year(ctx, i)
    base = lx.elections[head]
    label = f"{base} {year}" if year else base
    before = ctx.texts[i - 1] if i > 0 else ""
    if i > 0 and opens_sentence(ctx, i - 1):
        before = before.lower()  # "Pengawas pemilu, menurut ...": capitalised only as the sentence's first word
    if not year and before.isalpha() and (before.islower() or is_derived_word(before)) \
            and before.lower() not in lx.function_words and before.lower() not in lx.event_cue_before \
            and before.lower() not in lx.event_words.get("ELECTION_CUE", frozenset()):
        return None  # "pidana pemilu", "penyelenggara Pemilu", "... dalam Penyelenggaraan Pemilu": a word about elections
    after = ctx.texts[end].lower() if end < len(ctx.texts) else ""
    if not year and (before.lower() in lx.event_words.get("GENERAL_BEFORE", ())
                     or after in lx.event_words.get("DEFINITION_AFTER", ())):
        return None  # "dalam setiap pemilu", "Pemilu adalah pesta demokrasi": elections in general
    end = max(end, h.j)
    return end, make_mention(ctx, i, end, "Event", f"event:{slug(label)}", label, (text,), "election")
