"""Which person mentions of one document name the same person: short forms, slips, nicknames the text
gives, offices named without a name (:func:`resolve_people`)."""
from __future__ import annotations

from collections import defaultdict

from .lexicon import lexicon, slug
from .people import PersonMention
from ..records import Span

__all__ = ["resolve_people"]


def _damerau1(a: str, b: str) -> bool:
    """True when a and b differ by at most one edit or one transposition."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(b)):
        if a == b[:k] + b[k + 1:]:
            return True
    return False


def _similar_names(a: str, b: str) -> bool:
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or a == b:
        return a == b
    edits = sum(1 for x, y in zip(wa, wb) if x != y)
    return edits == 1 and all(x == y or (len(x) >= 5 and _damerau1(x, y)) for x, y in zip(wa, wb))


def _middle_dropped(short: list[str], full: list[str]) -> bool:
    """"Andi Saputra" for "Andi Prakoso Saputra", "Ngurah Darmawan" for "I Gusti Ngurah Putu Darmawan":
    the same last name, the short form's words in the full name in order, others left out."""
    if not 2 <= len(short) < len(full) or short[-1] != full[-1]:
        return False
    rest = iter(full[:-1])
    return all(w in rest for w in short[:-1])


def _inner_dropped(short: list[str], full: list[str]) -> bool:
    """"Lalu Zaini" for "Lalu Muhammad Zaini Ardiansyah", "Andi Islah" for "Andi Muhammad Islah
    Mappasessu": the same first word, then words of the full name in order, others left out."""
    if not 2 <= len(short) < len(full) or short[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(w in rest for w in short[1:])


def _first_clipped(short: list[str], full: list[str]) -> bool:
    """"Frans Jehadu" for "Fransiskus Xaverius Jehadu": the first name clipped (four letters or more), the
    last words the same."""
    n = len(short)
    return 2 <= n < len(full) and len(short[0]) >= 4 and short[0] != full[0] \
        and full[0].lower().startswith(short[0].lower()) and short[1:] == full[len(full) - n + 1:]


def _run_inside(short: list[str], full: list[str]) -> bool:
    """"Said Mahmud" for "Tengku Said Mahmud Effendi": two words or more that run together inside the full
    name (a title of birth before them, a family name after)."""
    n = len(short)
    return n >= 2 and any(full[k:k + n] == short for k in range(1, len(full) - n))


def _one_word_target(n: str, fulls: list[str], other_office) -> str | None:
    """The one full name (of ``fulls``) a one-word name ``n`` stands for, else None: "Hendri" for "Hendra
    Gunawan" (a one-letter slip in the first or last name); "Birin" for "Sahbirin Noor", "Frans" for
    "Fransiskus Lado Tukan" (a nickname cut from the end or the start of one part of the name)."""
    low = n.lower()
    near = {f for f in fulls if any(_damerau1(n, w) for w in (f.split()[0], f.split()[-1])) and not other_office(n, f)}
    near = near or {f for f in fulls if any(len(w) > len(n) and w.lower().endswith(low) for w in f.split())
                    and not other_office(n, f)}
    near = near or {f for f in fulls if any(len(w) > len(n) and w.lower().startswith(low) for w in f.split())
                    and not other_office(n, f)}
    return near.pop() if len(near) == 1 else None


def _nickname_canon(nicknames: dict[str, str], known: set[str]) -> dict[str, str]:
    """{name used: full name} for the nicknames the text gives, and a nickname's first word used alone
    ("X alias Hendra Liem" ... "kata Hendra") where no other person's name starts with it."""
    canon: dict[str, str] = {}
    for nick, full in nicknames.items():
        if nick in known and full in known:
            canon[nick] = full
        first = nick.split()[0]
        if " " in nick and first in known and full in known and not any(
                n.split()[0] == first for n in known if n not in (nick, first)):
            canon[first] = full
    return canon


def _follow(canon: dict[str, str]) -> None:
    """Each name mapped to the end of its chain: "Hasbi" -> "Teuku Hasballah" -> "Teuku Hasballah Ramli" (a
    nickname the text gives for a short form of a name)."""
    for n in canon:
        t, seen = canon[n], {n}
        while canon.get(t, t) != t and t not in seen:
            seen.add(t)
            t = canon[t]
        canon[n] = t


def resolve_people(people: list[PersonMention], nicknames: dict[str, str] | None = None
                    ) -> tuple[dict[int, str], dict[str, dict]]:
    """Map each person mention (by index) to a person key; build person entity data.
    ``nicknames``: {nickname: full name} the text gives ("yang akrab disapa Mas Dhito")."""
    named = [p for p in people if p.name]
    known = {p.name for p in named}
    canon = _nickname_canon(nicknames or {}, known)
    names = sorted({p.name for p in named}, key=lambda n: (-len(n.split()), -len(n), n))
    heads: dict[str, set[str]] = defaultdict(set)
    for p in named:
        if p.head:
            heads[p.name].add(p.head)

    def other_office(a: str, b: str) -> bool:
        """Do two names that differ by a letter each hold their own office ("anggota DPRD I Ketut Arsana",
        "Kepala Bidang I Ketut Arsani")? Then they are two people, not a slip."""
        return bool(heads[a]) and bool(heads[b]) and not heads[a] & heads[b]

    for n in names:
        if n in canon:
            continue
        target = None
        for full in names:
            if full == n or full not in canon or canon[full] != full:
                continue
            if _similar_names(n, full) and not other_office(n, full):
                target = full
                break
            if len(n.split()) < len(full.split()):
                fw = full.split()
                nw = n.split()
                if nw == fw[:len(nw)] or nw == fw[-len(nw):] or (len(nw) == 1 and nw[0] in fw) \
                        or _middle_dropped(nw, fw) or _inner_dropped(nw, fw) or _run_inside(nw, fw) \
                        or _first_clipped(nw, fw):
                    target = full if target is None else target
        if target is None and len(n.split()) == 1 and len(n) >= 4:
            target = _one_word_target(n, [f for f in names if canon.get(f) == f and len(f.split()) > 1], other_office)
        canon[n] = target or n
    _follow(canon)
    index: dict[int, str] = {}
    data: dict[str, dict] = {}
    for k, p in enumerate(people):
        if not p.name:
            continue
        label = canon[p.name]
        key = f"person:{slug(label)}"
        index[k] = key
        d = data.setdefault(key, {"type": "Person", "label": label, "aliases": [], "spans": [], "official": False,
                                  "kind": None})
        d["aliases"].extend([p.name, " ".join(p.text.split())])
        d["spans"].append(Span(p.start, p.end, p.text))
        d["official"] = d["official"] or p.official
    # title-only mentions: the person holding that office here
    holders: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for k, p in enumerate(people):
        if p.name and p.head:
            holders[p.head].append((index[k], p.org_key))
    for k, p in enumerate(people):
        if p.name or not p.head:
            continue
        # "Kepala BKPSDM" after "Kepala BKPSDM Tanah Datar, X": an office type named bare is the one held here
        cands = [key for key, org in holders.get(p.head, []) if not p.org_key or not org or org == p.org_key
                 or org.startswith(p.org_key + "-")]
        if not cands and p.org_key:
            # another name of the same office ("Mendagri" for "Menteri Dalam Negeri"), never another
            # office of the same organization (a "Bupati" is not the Sekda of that regency)
            word = lexicon().office_word(p.head)
            cands = [key for head, lst in holders.items() if lexicon().office_word(head) == word
                     for key, org in lst if org == p.org_key or org and org.startswith(p.org_key + "-")]
        if len(set(cands)) == 1:
            index[k] = cands[0]
            data[cands[0]]["spans"].append(Span(p.start, p.end, p.text))
    return index, data
