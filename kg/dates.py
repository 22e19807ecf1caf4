"""Indonesian date expressions → ISO 8601 dates (pure functions, no spaCy).

Handles the forms news uses: ``Jumat (29/9/2023)``, ``Selasa (06/02/2024)``,
``Senin (27/11)`` (year from the reference date), ``18 November 2024``,
``25/10/2023``, ``2025-09-26``, English month names, and relative days
(``Selasa lalu``, ``Senin depan``, ``kemarin``, ``hari ini``) resolved against a
reference date when one is known. A date without a year takes the year that puts it
nearest to the reference (``Jumat (29/12) lalu`` in an article of 3 January 2024 is
2023-12-29); a weekday named with a date must fit it, else the nearest date that fits is
taken, or none; a date said to be past (``lalu``) is never after the reference.

>>> [d.iso for d in find_dates("Jumat (29/9/2023) dan 18 November 2024")]
['2023-09-29', '2024-11-18']
>>> [d.iso for d in find_dates("Selasa lalu", ref="2023-09-29")]
['2023-09-26']
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from functools import cache

from .folding import Caseless, folded
from .rulefiles import load_rules

__all__ = ["DateMention", "find_dates", "iso_date", "calendar", "months", "days", "weekday_before"]

@cache
def calendar() -> tuple[dict[str, int], dict[str, int]]:
    """(months, days): every written form of a month's name (lower case) -> its number, 1-12, and of a
    day's name -> its weekday, 0 (Monday)-6; from ``kg/rules/calendar.jsonl``, the one list of them.

    >>> months, days = calendar()
    >>> months["agt"], months["nopember"], days["jum'at"], days["ahad"]
    (8, 11, 4, 6)
    """
    months: dict[str, int] = {}
    days: dict[str, int] = {}
    for r in load_rules("calendar"):
        if r["label"] not in ("DAY", "MONTH"):
            continue
        table = months if r["label"] == "MONTH" else days
        for form in [r["pattern"], *r.get("aliases", [])]:
            table[form.lower()] = r["value"]
    return months, days


def months() -> dict[str, int]:
    """Every form of a month's name, lower case -> its number (:func:`calendar`)."""
    return calendar()[0]


def days() -> dict[str, int]:
    """Every form of a day's name, lower case -> its weekday, 0 = Monday (:func:`calendar`)."""
    return calendar()[1]


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, Caseless | re.Pattern]]:
    """The date patterns, each with its kind (a number's patterns open with the look-ahead "(?=\\d)",
    which lets the regex engine skip to digits)."""
    month_re, day_re = _alternation(months()), _alternation(days())
    return [
        # 2025-09-26
        ("ymd", re.compile(r"(?=\d)\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
        # 29/9/2023, 06-02-2024, (27/11), 29.9.2023
        ("dmy", re.compile(r"(?=\d)(?<![\d/])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-] ?(?P<y>\d{4}|\d{2}))?(?![\d/]|[.-]\d)")),
        # 18 November 2024, 6 March 2019, 27 Nov
        ("dMy", Caseless(r"(?=\d)\b(?P<d>\d{1,2})\s+(?P<mn>" + month_re + r")\.?(?:,?\s+(?:tahun\s+)?(?P<y>\d{4}))?\b")),
        # Selasa lalu, Senin depan, hari Selasa lalu
        ("rel", Caseless(r"\b(?:hari\s+)?(?P<day>" + day_re + r")\s+(?P<dir>lalu|kemarin|depan|mendatang|pekan lalu|pekan depan)\b")),
        ("word", Caseless(r"\b(?P<w>kemarin|hari ini|besok)\b")),
    ]


@cache
def _needs() -> dict[str, tuple[str, ...]]:
    """For each pattern, the words one of which it cannot match without (in folded text); the three
    patterns of numbers need a digit too."""
    return {"ymd": ("-",), "dmy": ("/", ".", "-"), "dMy": tuple(months()), "rel": tuple(days()),
            "word": ("kemarin", "hari ini", "besok")}


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text; ``iso`` is None when it cannot be resolved."""

    start: int
    end: int
    iso: str | None
    kind: str
    explicit_year: bool = False


def iso_date(y: int, m: int, d: int) -> str | None:
    """``YYYY-MM-DD`` for a valid calendar date, else None.

    >>> iso_date(2024, 2, 30) is None
    True
    """
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _ref(ref: str | None) -> _dt.date | None:
    if not ref:
        return None
    try:
        return _dt.date.fromisoformat(ref)
    except ValueError:
        return None


def _year(raw: str | None, refd: _dt.date | None) -> int | None:
    if raw:
        y = int(raw)
        return y + 2000 if y < 100 else y
    return refd.year if refd else None


@cache
def weekday_before() -> re.Pattern:
    """"Jumat (", "Jumat, ", "hari Jumat " just before a date: the weekday it is said to fall on."""
    return re.compile(r"(?<!\w)(" + _alternation(days()) + r")\s*,?\s*\(?\s*$", re.I)


@cache
def relative_after(label: str) -> re.Pattern:
    """The words of ``calendar.jsonl`` that, just after a date, put it in the past of the reference date
    (``PAST_MARK``: ") lalu", " kemarin") or still to come (``FUTURE_MARK``: "5 Januari mendatang").

    >>> bool(relative_after("FUTURE_MARK").match(" yang akan  datang")), bool(relative_after("PAST_MARK").match(") lalu"))
    (True, True)
    """
    words = [r"\s+".join(map(re.escape, r["pattern"].split())) for r in load_rules("calendar") if r["label"] == label]
    return re.compile(r"\s*\)?\s*(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I)


def _resolve(day: int, month: int, year: int, explicit: bool, refd: _dt.date | None, weekday: int | None,
             past: bool, future: bool = False) -> str | None:
    """The date meant by ``day``/``month`` (and ``year`` when ``explicit``), given the
    reference date ``refd``, the ``weekday`` the text names (0 = Senin) and whether
    the text says it is ``past`` ("lalu") or ``future`` ("mendatang").

    Without a stated year the year is the one that puts the date nearest to the
    reference (``(29/12)`` in an article of 3 January 2024 is 2023-12-29). A named
    weekday must fit: when it does not, the nearest date that fits (within three days
    of the stated one) is taken. A past date is never after the reference. ``None``
    when no date fits, or two fit equally well.

    >>> ref = _dt.date(2024, 1, 3)
    >>> _resolve(29, 12, 2024, False, ref, 4, True), _resolve(29, 12, 2024, False, ref, None, False)
    ('2023-12-29', '2023-12-29')
    >>> _resolve(29, 12, 2023, True, None, 6, False)   # 29/12/2023 was a Friday: the Sunday nearest to it
    '2023-12-31'
    >>> _resolve(5, 1, 2024, False, _dt.date(2024, 6, 20), None, False, True)   # "5 Januari mendatang"
    '2025-01-05'
    """
    years = (year,) if explicit or refd is None else (year - 1, year, year + 1)
    stated = [d for d in (_safe_date(y, month, day) for y in years) if d is not None]
    fits = stated
    if weekday is not None:
        fits = [d for d in stated if d.weekday() == weekday]
        if not fits:
            fits = [d + _dt.timedelta(days=k) for d in stated for k in range(-3, 4)
                    if (d + _dt.timedelta(days=k)).weekday() == weekday]
    if past and refd is not None:
        fits = [d for d in fits if d <= refd]
    if future and refd is not None and not explicit:
        fits = [d for d in fits if d >= refd]
    if not fits:
        return None
    if refd is None or explicit:
        anchor = stated[0] if stated else fits[0]
    else:
        anchor = refd
    fits.sort(key=lambda d: abs((d - anchor).days))
    if len(fits) > 1 and abs((fits[0] - anchor).days) == abs((fits[1] - anchor).days):
        return None
    return fits[0].isoformat()


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, ref: str | None = None, kinds: tuple[str, ...] | None = None) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps; only those of ``kinds`` ("ymd",
    "dmy", "dMy", "rel", "word"), if given. A kind is read after the ones before it in that order, which
    it cannot overlap, so leaving out later kinds changes nothing of the earlier ones."""
    refd = _ref(ref)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    low = folded(text)
    digit = _DIGIT.search(text) is not None
    for kind, rx in _patterns():
        if kinds is not None and kind not in kinds:
            continue
        if not (digit or kind in ("rel", "word")) or low is not None and not any(w in low for w in _needs()[kind]):
            continue  # a word the pattern cannot match without is missing
        for m in (rx.finditer(text, low) if isinstance(rx, Caseless) else rx.finditer(text)):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            iso = None
            explicit = False
            if kind in ("ymd", "dmy", "dMy"):
                month = months()[m.group("mn").lower()] if kind == "dMy" else int(m.group("m"))
                explicit = bool(m.group("y"))
                before = text[max(0, s - 16):s]
                if kind == "dmy" and not explicit:
                    # a bare "27/11" is a date only in parentheses after a day name or alone in parens
                    if not re.search(r"\(\s*$", before):
                        continue
                y = _year(m.group("y"), refd)
                if y is not None and not 1900 <= y <= 2100 or y is not None and not iso_date(y, month,
                                                                                                int(m.group("d"))):
                    if explicit or not refd or not any(iso_date(y + k, month, int(m.group("d"))) for k in (-1, 1)):
                        continue  # not a calendar date (31/02, 29/02 in no nearby leap year)
                if y is not None:
                    wd = weekday_before().search(before)
                    past = bool(relative_after("PAST_MARK").match(text, e)) and refd is not None
                    future = bool(relative_after("FUTURE_MARK").match(text, e)) and refd is not None
                    iso = _resolve(int(m.group("d")), month, y, explicit, refd,
                                   days()[wd.group(1).lower()] if wd else None, past, future)
            elif kind == "rel" and re.match(r"\s*\(\s*\d{1,2}/\d{1,2}", text[e:e + 10]):
                continue  # "Kamis lalu (25/7/2024)": the date in brackets says which Thursday
            elif kind == "rel" and refd:
                target = days()[m.group("day").lower()]
                direction = m.group("dir").lower()
                if direction in ("lalu", "kemarin", "pekan lalu"):
                    delta = (refd.weekday() - target) % 7 or 7
                    iso = (refd - _dt.timedelta(days=delta)).isoformat()
                else:
                    delta = (target - refd.weekday()) % 7 or 7
                    iso = (refd + _dt.timedelta(days=delta)).isoformat()
            elif kind == "word" and refd:
                w = m.group("w").lower()
                off = {"kemarin": -1, "hari ini": 0, "besok": 1}[w]
                iso = (refd + _dt.timedelta(days=off)).isoformat()
            found.append(DateMention(s, e, iso, kind, explicit))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found
