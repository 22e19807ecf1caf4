"""Policies: gazetteer names (``SAKIP``, ``Zona Integritas``), regulations named by number
(``Permen PANRB Nomor 3 Tahun 2023``, ``Surat Edaran Bupati Nomor 800/45/BKPSDM/2024``, ``PP 35/2021``)
or by subject (``Permendagri tentang Pedoman Penyusunan APBD``, ``UU Perampasan Aset``), and
systems and programs named after a system or program word (``Portal Satu Data Kabupaten X``,
``aplikasi SiGap``, ``program Kios Pangan Murah``).

A regulation's subject after its number (``... Nomor 20 Tahun 2023 tentang Aparatur Sipil
Negara``) belongs to its mention: the number form is the label, the whole form an alias, and
nothing named inside the subject is taken for an event."""
from __future__ import annotations

import re
from functools import lru_cache

from .context import DocContext, Mention, is_acronym, is_cap, make_mention, paren_end
from .event_names import short_form
from .lexicon import norm, slug, unbracketed

__all__ = ["policy_at", "named_inside", "quoted_policies", "e_name", "reg_head"]

_YEAR = re.compile(r"^(?:19|20)\d\d$")
# a number code written without spaces: "800/45/BKPSDM/2024", "188.45/12/KPTS/2024", "5/2024"
_CODE_PART = re.compile(r"^[A-Za-z0-9.\-/]+$")
# a verb ends a subject written in lower case ("... tentang ASN mengatur ...")
_VERBISH = re.compile(r"^(?:me[mnlrwy]|ber|ter|di(?!siplin|gital))[a-z]{3,}$")
# the small words inside a regulation's subject (not "di", "pada", "antara", "dalam": a venue, a date
# or the parties follow those)
def reg_head(ctx: DocContext, word: str) -> bool:
    """Does ``word`` open a regulation's or a letter's name ("Peraturan", "Perbup", "PermenPANRB", "SE")?"""
    words = ctx.lx.mention_words
    return word in words["REG_HEAD"] or word.startswith(_as_tuple(words["REG_HEAD_PREFIX"])) and word.isalnum()


def _head_at(ctx: DocContext, k: int) -> bool:
    """Does a regulation's name open at token ``k``, its head one token or hyphenated ("Undang-Undang")?"""
    texts = ctx.texts
    return reg_head(ctx, texts[k]) or k + 2 < len(texts) and texts[k + 1] == "-" \
        and reg_head(ctx, f"{texts[k]}-{texts[k + 2]}")


@lru_cache(maxsize=8)
def _as_tuple(prefixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(prefixes)




def _lower_law(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    """A law the rules know, written in lower case: "undang-undang ASN", "undang-undang Desa"."""
    texts, lx = ctx.texts, ctx.lx
    if texts[i] != "undang" or i + 3 >= len(texts) or texts[i + 1] != "-" or texts[i + 2].lower() != "undang":
        return None
    pid = lx.policy_index.get(norm(f"Undang-Undang {texts[i + 3]}"))
    if pid is None:
        return None
    rec = lx.policies[pid]
    return i + 4, make_mention(ctx, i, i + 4, "Policy", f"policy:{pid}", rec["pattern"], (), rec.get("kind"))


def policy_at(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    """(end, mention) of a policy named at token ``i`` (or, for "aplikasi X", at the word before)."""
    doc, lx = ctx.doc, ctx.lx
    law = _lower_law(ctx, i)
    if law:
        return law
    named = _system(ctx, i)
    if named:
        return named
    h = ctx.longest(i, ("POLICY",))
    reg = _regulation(ctx, i)
    if reg and h and h.j < len(doc) and ctx.texts[h.j] == "tentang" and reg[0] > h.j + 1:
        # "UU Nomor 20 Tahun 2023 tentang ASN": a known regulation and its subject
        rec = lx.policies[h.id]
        whole = " ".join(ctx.span_text(i, reg[0]).split())
        number = " ".join(ctx.span_text(i, h.j).split())  # also named by its number alone, as written
        return reg[0], make_mention(ctx, i, reg[0], "Policy", f"policy:{h.id}", rec["pattern"],
                                    tuple(dict.fromkeys(f for f in (whole, number) if f != rec["pattern"])),
                                    kind=rec.get("kind"))
    if reg and (not h or reg[0] > h.j + 1):
        return reg
    if h:
        rec = lx.policies[h.id]
        end, key, label = h.j, f"policy:{h.id}", rec["pattern"]
        p = paren_end(ctx, end)
        if p and p - end == 3:
            end = p
        if end < len(doc) and (_YEAR.match(ctx.texts[end]) or re.match(r"^\d{4}-\d{4}$", ctx.texts[end])):
            yr = ctx.texts[end]
            if end + 2 < len(doc) and ctx.texts[end + 1] == "-" and _YEAR.match(ctx.texts[end + 2]):
                yr = f"{yr}-{ctx.texts[end + 2]}"
                end += 3
            else:
                end += 1
            key, label = f"{key}-{yr}", f"{label} {yr}"
        # "Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE" is also named by its number alone
        short = label.split(" tentang ")[0] if re.search(r"\bTahun \d{4} tentang ", label) else None
        return end, make_mention(ctx, i, end, "Policy", key, label, (short,) if short else (), kind=rec.get("kind"))
    return reg


def _system(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    """A government system named after a system word: "Portal Satu Data Kabupaten Sleman" (also
    "Portal Satu Data"), "aplikasi SIDAK" (also "SIDAK"). Not a known policy's name alone, not an
    agency or a region alone, not a commercial service."""
    doc, texts, words = ctx.doc, ctx.texts, ctx.lx.mention_words  # kg/rules/mention_words.jsonl
    systems, programs = words["SYSTEM_HEAD"], words["PROGRAM_HEAD"]
    documents = words.get("DOCUMENT_HEAD", frozenset())
    if (texts[i].lower() in systems or texts[i].lower() in documents) and is_cap(doc[i]):
        s = i  # "Portal Satu Data", "Piagam Pencanangan Zona Integritas"
    elif i > 0 and (texts[i - 1] in systems or texts[i - 1] in programs) and (is_cap(doc[i]) or e_name(ctx, i)):
        s = i - 1  # "aplikasi SIDAK": the mention starts at the lower-case system word
    else:
        return None
    k = s + 1
    end = k + 2 if e_name(ctx, k) else k  # "aplikasi e-SAKIP": an electronic system named by its e- prefix
    while end < len(doc) and end - k < 8:
        t = texts[end]
        if end > k and (ctx.longest(end, ("TITLE", "ACTING", "AGENCY", "AGENCY_TYPE")) or t in ("PT", "CV")):
            break  # "program CSR PT Bank X", "program Unggulan Bupati X": the owner is not the name
        if (any(c.isupper() for c in t) or t.isdigit() and end > k) and "." not in t:
            end += 1
        elif t == "-" and end > k and end + 1 < len(doc) and any(c.isupper() for c in texts[end + 1]):
            end += 1
        elif t == "dan" and end > k and end + 1 < len(doc) and is_cap(doc[end + 1]) and texts[s] not in programs:
            end += 1
        else:
            break
    while end > k and texts[end - 1] in ("-", "dan"):
        end -= 1
    first = texts[k].lower()
    lx = ctx.lx
    dated = first in lx.calendar and not (end - k >= 2 and texts[k + 1].lower() not in lx.calendar
                                          and not texts[k + 1].isdigit())  # not "program Jumat Berkah"
    if end == k or first in words["COMMERCIAL"] or first in words["NOT_SYSTEM"] or first in lx.pronouns or dated \
            or first in lx.honorifics or ctx.longest(k, ("HONORIFIC", "RANK", "ACTING")):
        return None  # "aplikasi Ini", "Platform Kita Bisa", "Portal Berita X"
    known = ctx.longest(k, ("POLICY",))
    lead = ctx.longest(k, ("AGENCY", "AGENCY_TYPE", "PLACE"))
    if known and known.j >= end or lead and lead.j >= end or ctx.longest(k, ("TITLE",)):
        # "aplikasi SRIKANDI" is the known system; "aplikasi BKN" names the agency (but "program Jakarta Satu
        # Pintu" goes on past the region that opens it)
        return None
    name = " ".join(ctx.text[doc[k].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    if end - k == 1 and f"({name})" in ctx.text:
        return None  # "program TSP": a short form the text defines, named through its definition
    if texts[s] in programs:  # "program Kios Pangan Murah": the program is named by its name alone
        return end, make_mention(ctx, s, end, "Policy", f"policy:{slug(name)}", name, (f"{texts[s]} {name}",),
                                 kind="program")
    head = texts[s].capitalize()
    label = f"{head} {name}"
    aliases = [name]  # "aplikasi SIDAK" is also "SIDAK", "aplikasi Gianyar Smart Service" "Gianyar Smart Service"
    if e_name(ctx, k):  # "aplikasi e-SAKIP": the e- name is the system's whole name
        label, aliases = name, [label]
    tail = next((h for j in range(k + 1, end) for h in ctx.hits_at(j, "PLACE") if h.j == end), None)
    if tail is not None:  # "Portal Satu Data Kabupaten Sleman" -> "Portal Satu Data"
        r = tail.i - 1 if texts[tail.i - 1].lower() in ctx.lx.kinds("REGION_KIND_WORD") and tail.i - 1 > k \
            else tail.i
        aliases.append(" ".join(f"{head} {ctx.text[doc[k].idx:doc[r - 1].idx + len(doc[r - 1])]}".split()))
    kind = "instrument" if texts[s].lower() in documents else "system"  # a charter, a code, a pact
    return end, make_mention(ctx, s, end, "Policy", f"policy:{slug(label)}", label, tuple(aliases), kind=kind)


def e_name(ctx: DocContext, k: int) -> bool:
    """Does an electronic system's name start at ``k``: "e-" joined to a capitalised word ("e-SAKIP", "e-Kinerja")?"""
    doc = ctx.doc
    return k + 2 < len(doc) and ctx.texts[k] in ("e", "E") and ctx.texts[k + 1] == "-" and not doc[k].whitespace_ \
        and not doc[k + 1].whitespace_ and is_cap(doc[k + 2])


def _code(ctx: DocContext, k: int) -> tuple[int, str]:
    """(end, code) of a number written without spaces from token ``k`` ("800/45/BKPSDM/2024")."""
    doc = ctx.doc
    j, parts = k, []
    while j < len(doc) and _CODE_PART.match(ctx.texts[j]) and j - k < 12:
        parts.append(ctx.texts[j])
        j += 1
        if doc[j - 1].whitespace_:
            break
    while parts and parts[-1] in (".", "-", "/"):  # the full stop after "KPTS/2024."
        parts.pop()
        j -= 1
    return j, "".join(parts)


def _subject_end(ctx: DocContext, k: int) -> int:
    """End of the subject after "tentang" at token ``k`` ("tentang Perubahan atas Undang-Undang
    Nomor 1 Tahun 1974 tentang Perkawinan", "tentang disiplin pegawai"), or ``k`` when none."""
    doc, lx = ctx.doc, ctx.lx
    fw, joiners = lx.function_words, lx.mention_words["SUBJECT_JOINER"]  # "atas", "dan", "secara"
    cap_joiners = lx.mention_words.get("SUBJECT_JOINER_CAP", frozenset())  # "setelah", "dalam": before a capital only
    end, lowers = k + 1, 0
    while end < len(doc) and end - k < 24:
        t = ctx.texts[end]
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if is_cap(doc[end]) or is_acronym(doc[end]) or t.isdigit() or t in ("-", "/"):
            end += 1
        elif t == "(" and paren_end(ctx, end):
            end = paren_end(ctx, end)
        elif t.lower() in joiners and t.lower() != "atas" and nxt is not None and _head_at(ctx, end + 1):
            break  # "tentang PKWT dan UU 6/2014 ...": another regulation ("Perubahan atas UU ..." amends one)
        elif t == "," and end > k + 1 and is_cap(doc[end - 1]) and _listed_fields(ctx, end + 1):
            end += 1  # "tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja ..."
        elif t == "," and lowers and ctx.texts[end - 1].islower() and (listed := _listed_fields(ctx, end + 1, True)):
            end = listed  # "tentang kedudukan, susunan organisasi, tugas dan fungsi serta tata kerja ..."
            break
        elif t.lower() in joiners | cap_joiners and end > k + 1 and nxt is not None and (
                is_cap(nxt) or nxt.text.isdigit() or t.lower() in joiners and lowers and nxt.text.isalpha() and nxt.text.islower()
                and nxt.text not in fw and not _VERBISH.match(nxt.text)):
            end += 1  # "tentang Perubahan atas Undang-Undang ...", "Pengisian JPT secara Terbuka"
        elif t.isalpha() and t.islower() and t not in fw and t not in lx.cue_verbs and not _VERBISH.match(t) \
                and lowers < 5 and t not in lx.event_words.get("TIME_NOUN", ()):  # not "... pekan depan"
            end += 1
            lowers += 1
        else:
            break
    while end > k + 1 and (ctx.texts[end - 1].lower() in fw or ctx.texts[end - 1] in ("-", "/", "(")):
        end -= 1
    return end if end > k + 1 else k


def _listed_fields(ctx: DocContext, k: int, lower: bool = False) -> int | None:
    """End of the fields from ``k`` that run, through commas, to a "dan"/"serta" before one more field
    ("Susunan Organisasi, Tugas dan Fungsi"; ``lower``: written in lower case, "susunan organisasi, tugas
    dan fungsi serta tata kerja"): a title listing its subjects, not a new clause ("tentang ASN, Bupati
    mengatakan ..."); else None."""
    doc, fw = ctx.doc, ctx.lx.function_words

    def field(y: int) -> bool:
        t = doc[y]
        return t.text.isalpha() and (is_cap(t) if not lower else t.text.islower() and t.text not in fw
                                     and not _VERBISH.match(t.text) and t.text not in ctx.lx.cue_verbs)
    x = k
    while x + 1 < len(doc) and x - k < 16:
        t = doc[x]
        if t.text in ctx.lx.lists["COORDINATOR"] and x > k and field(x + 1):
            y = x + 1
            while y < len(doc) and y - x < 8 and (field(y) or ctx.texts[y] in ctx.lx.lists["COORDINATOR"]
                                                  and y + 1 < len(doc) and field(y + 1)):
                y += 1  # the last fields; what follows them ends the title, not a clause ("dan Wakil Bupati hadir")
            ok = y >= len(doc) or ctx.texts[y] in (".", ",", ";", ")", "(", "yang", "\n") or doc[y].is_space \
                or lower and ctx.texts[y] in fw  # "... tata kerja perangkat daerah sebagai aturan pelaksana"
            return y if ok else None
        item_end = x + 1 < len(doc) and ctx.texts[x + 1] in (",", "dan", "serta")  # "Gubernur, Bupati dan Wali Kota"
        if not ((field(x) and (item_end or not ctx.hits_at(x, "TITLE") and not ctx.hits_at(x, "AGENCY")))
                or t.text == "," and x > k):
            return None
        x += 1
    return None


def _regulation(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    """(end, the Policy mention) of a regulation named at token ``i`` by its head and number ("PP 35/2021",
    "Perda Nomor 9 Tahun 2016 tentang ...") or by its subject ("Permendagri tentang ..."), or None."""
    doc = ctx.doc
    if i > 0 and ctx.texts[i - 1] == "(":
        return None
    split_uu = ctx.texts[i] == "Undang" and i + 2 < len(doc) and ctx.texts[i + 1] == "-" \
        and ctx.texts[i + 2].lower() == "undang"  # "Undang-Undang" as three tokens
    if not (reg_head(ctx, ctx.texts[i]) or split_uu):
        return None
    if ctx.texts[i] == "Rancangan" and not (i + 1 < len(doc) and re.match(r"^(?:Peraturan|Undang)", ctx.texts[i + 1])):
        return None
    start = i + 3 if split_uu else i + 1
    k, num, year = _number(ctx, start, min(len(doc), i + 20))
    if num and (year or "/" in num):
        span = _numbered_end(ctx, k, year)
    else:
        span = _subject_named_end(ctx, i, start, split_uu)
    if span is None:
        return None
    end, full = span
    while end > i and ctx.texts[end - 1] in ("(", "-"):
        end -= 1
    return _regulation_mention(ctx, i, end, full, split_uu, num, year)


def _number(ctx: DocContext, k: int, limit: int) -> tuple[int, str | None, str | None]:
    """(end, number, year) of the regulation's number after its head, from token ``k`` on."""
    doc = ctx.doc
    if k < len(doc) and ctx.texts[k].isdigit() and not doc[k].whitespace_:
        j, code = _code(ctx, k)  # "PP 35/2021", "UU 6/2014": the number right after the head
        parts = code.split("/")
        if len(parts) == 2 and _YEAR.match(parts[1]):
            return j, parts[0], parts[1]
    num = year = None
    while k < limit:
        t = ctx.texts[k]
        if t.lower() in ctx.lx.lists["NUMBER_MARK"] or t in (".", ":") and num is None:
            k += 1
            continue
        glued = re.fullmatch(r"(?i)no\.(\d+)", t) if num is None else None
        if glued:  # "UU No.1 Tahun 2015": the number written onto its word
            num, k = glued.group(1), k + 1
            continue
        if num is None and ctx.texts[k - 1].lower() in ("nomor", "no", "nomer", ".", ":") and (
                t[:1].isdigit() or t[:1].isalpha() and k + 1 < len(doc) and ctx.texts[k + 1] == "/"
                and not doc[k].whitespace_):  # "Nomor B/123/M.SM.00.00/2024"
            k, code = _code(ctx, k)
            parts = code.split("/")
            if len(parts) > 1 and _YEAR.match(parts[-1]):
                num, year = "/".join(parts[:-1]), parts[-1]  # "5/2024", "800/45/BKPSDM/2024"
                break
            num = code
            if len(parts) > 1 and k + 1 < len(doc) and ctx.texts[k].lower() == "tahun" and _YEAR.match(ctx.texts[k + 1]):
                year, k = ctx.texts[k + 1], k + 2  # "Nomor 100.3.1/45 Tahun 2024": a code and then its year
                break
            if len(parts) > 1:
                break  # "100.3.3.2/1234/SJ": a code without its year
            continue
        if num and t.lower() == "tahun" and k + 1 < len(doc) and _YEAR.match(ctx.texts[k + 1]):
            year = ctx.texts[k + 1]
            k += 2
            break
        if num is None and (is_cap(doc[k]) or is_acronym(doc[k]) or t in ("-", "&") or t.lower() == "dan"
                            or t == "," and k + 1 < len(doc) and (is_cap(doc[k + 1]) or ctx.texts[k + 1] == "dan")):
            k += 1  # "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 7 ...": the
            continue  # minister's fields listed
        if num is None and t == "(" and paren_end(ctx, k):
            k = paren_end(ctx, k)  # "Instruksi Presiden (Inpres) Nomor 1 Tahun 2022"
            continue
        break
    return k, num, year


def _numbered_end(ctx: DocContext, k: int, year: str | None) -> tuple[int, int | None] | None:
    """(end, end of the subject after "tentang" or None) of a numbered regulation ending its number at ``k``."""
    doc = ctx.doc
    end, full = k, None
    if end < len(doc) and ctx.texts[end].lower() == "tentang":
        full = _subject_end(ctx, end)
        if full == end:
            full = None
        elif not year:
            end, full = full, None  # a code without its year is named by its subject too
    elif not year:
        return None
    return end, full


def _subject_named_end(ctx: DocContext, i: int, start: int, split_uu: bool) -> tuple[int, None] | None:
    """(end, None) of a regulation named without a number: "Permendagri tentang Pedoman Penyusunan APBD",
    "Surat Edaran Menteri PANRB tentang penguatan budaya kerja", "UU Perampasan Aset"."""
    doc = ctx.doc
    k2 = start
    while k2 < len(doc) and k2 - i < 10 and (is_cap(doc[k2]) or is_acronym(doc[k2]) or ctx.texts[k2] in ("-", "(", ")")):
        k2 += 1
    head = "undang" if split_uu else ctx.texts[i].lower()
    if k2 < len(doc) and ctx.texts[k2] == "tentang":
        end = _subject_end(ctx, k2)
        return None if end == k2 else (end, None)
    if head in ctx.lx.lists["NAMED_LAW_HEAD"] and k2 > start and ctx.texts[start].lower() not in ctx.lx.lists["NUMBER_MARK"] \
            and not ctx.longest(start, ("PLACE", "AGENCY", "AGENCY_TYPE", "TITLE")):
        end = k2  # a law named by its subject alone: "UU Perampasan Aset", "Perda Bangunan Gedung"
        while end > start and ctx.texts[end - 1] in ("(", "-"):
            end -= 1
        if ctx.texts[end - 1] == ")" and "(" not in [t.text for t in doc[start:end]]:
            end -= 1
        return end, None
    return None


def _regulation_mention(ctx: DocContext, i: int, end: int, full: int | None, split_uu: bool,
                        num: str | None, year: str | None) -> tuple[int, Mention]:
    """The regulation's mention: its label, kind, key (by number and year where it has them) and aliases."""
    doc = ctx.doc
    text = " ".join(ctx.text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    surface = text
    text = unbracketed(text)
    head = "undang" if split_uu else ctx.texts[i].lower()
    kind = ctx.lx.kinds("LAW_KIND").get(head, "permen" if head.startswith(("permen", "peraturan")) else slug(head))
    if ctx.texts[i] == "Peraturan" and i + 1 < len(doc):
        kind = ctx.lx.kinds("LAW_ISSUER").get(ctx.texts[i + 1].lower(), "permen")
    code = num if num is None or num.isalnum() else slug(num)
    key = f"policy:reg-{kind}-{code}-{year}" if num and year else \
        f"policy:reg-{kind}-{code}" if num else f"policy:{slug(text)}"
    short = short_form(surface)  # "Instruksi Presiden (Inpres) Nomor 1 Tahun 2022" -> "Inpres Nomor 1 Tahun 2022"
    aliases: tuple[str, ...] = (surface,) + ((short,) if short else ())
    amended = re.match(r"^(.* tentang Perubahan(?: [^ ]+){0,2} atas .*?\bTahun \d{4}) tentang ", text)
    if amended:  # "Perda tentang Perubahan Kedua atas Perda Nomor 9 Tahun 2016 tentang X": named without X too
        aliases += (amended.group(1),)
    if full:
        whole = " ".join(ctx.text[doc[i].idx:doc[full - 1].idx + len(doc[full - 1])].split())
        aliases = tuple(dict.fromkeys((*aliases, whole, unbracketed(whole))))
        end = full
    return end, make_mention(ctx, i, end, "Policy", key, text, aliases, kind="regulation")


def named_inside(ctx: DocContext, i: int, end: int) -> list[Mention]:
    """Policies a regulation's subject names ("... tentang penguatan budaya kerja BerAKHLAK"), and the
    regulation it amends; not its issuer ("Permenpan RB Nomor 6 ...": no "Reformasi Birokrasi" there)."""
    out = []
    texts = ctx.texts
    about = next((x for x in range(i, end) if texts[x] == "tentang"), None)
    if about is not None:
        i = about + 1
    elif any(texts[x].lower() in ctx.lx.lists["NUMBER_MARK"] or texts[x][:1].isdigit() for x in range(i, end)):
        return out
    k = i
    while k < end:
        got = policy_at(ctx, k) if ctx.texts[k - 1].lower() != "nomor" else None
        if got and got[0] <= end and (got[1].kind != "regulation" or texts[k - 1].lower() == "atas"):
            # the regulation an amendment amends is named too ("Perubahan atas UU Nomor 5 Tahun 2014")
            out.append(got[1])
            k = got[0]
        else:
            k += 1
    return out


def quoted_policies(ctx: DocContext) -> list[Mention]:
    """Programmes and principles named by a quoted title after their kind: kebijakan “one agency, one
    innovation”, gerakan “Jumat Bersih” (``QUOTED_POLICY_HEAD`` in ``event_words.jsonl``); a second
    title after "atau" is another name of it."""
    heads = ctx.lx.event_words.get("QUOTED_POLICY_HEAD", frozenset())
    text, out = ctx.text, []
    spans = ctx.quote_spans
    for n, (s, e) in enumerate(spans):
        before = text[max(0, s - 40):max(0, s - 1)].split()
        inner = text[s:e].strip(" ,.")
        if not before or before[-1].lower() not in heads or not 2 <= len(inner.split()) <= 8 or re.search(r"[.!?]", inner):
            continue
        span = ctx.doc.char_span(s, s + len(text[s:e].rstrip(" ,.")), alignment_mode="expand")
        if span is None:
            continue
        label = inner[0].upper() + inner[1:]
        aliases = [inner]
        if n + 1 < len(spans) and text[e:spans[n + 1][0]].strip(" “”\"‘’'") == "atau":
            aliases.append(text[spans[n + 1][0]:spans[n + 1][1]].strip(" ,."))  # “..” atau “..”: one more name
        out.append(make_mention(ctx, span.start, span.end, "Policy", f"policy:{slug(label)}", label,
                                tuple(aliases), "program"))
    return out
