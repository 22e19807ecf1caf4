"""Indonesian date expressions → ISO 8601 dates (pure functions, no spaCy).

Handles the forms news uses: ``Jumat (29/9/2023)``, ``Selasa (06/02/2024)``,
``Senin (27/11)`` (year from the reference date), ``18 November 2024``,
``25/10/2023``, ``2025-09-26``, English month names, and relative days
(``Selasa lalu``, ``Senin depan``, ``kemarin``, ``hari ini``) resolved against a
reference date when one is known.

>>> [d.iso for d in find_dates("Jumat (29/9/2023) dan 18 November 2024")]
['2023-09-29', '2024-11-18']
>>> [d.iso for d in find_dates("Selasa lalu", ref="2023-09-29")]
['2023-09-26']
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "iso_date", "MONTHS", "DAYS"]

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
        "jum’at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(sorted((re.escape(d) for d in DAYS), key=len, reverse=True))

_PATTERNS = [
    # 2025-09-26
    ("ymd", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    # 29/9/2023, 06-02-2024, (27/11), 29.9.2023
    ("dmy", re.compile(r"(?<![\d/])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-] ?(?P<y>\d{4}|\d{2}))?(?![\d/]|[.-]\d)")),
    # 18 November 2024, 6 March 2019, 27 Nov
    ("dMy", re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mn>" + _MONTH_RE + r")\.?(?:,?\s+(?:tahun\s+)?(?P<y>\d{4}))?\b", re.I)),
    # Selasa lalu, Senin depan, hari Selasa lalu
    ("rel", re.compile(r"\b(?:hari\s+)?(?P<day>" + _DAY_RE + r")\s+(?P<dir>lalu|kemarin|depan|mendatang|pekan lalu|pekan depan)\b", re.I)),
    ("word", re.compile(r"\b(?P<w>kemarin|hari ini|besok)\b", re.I)),
]


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


def find_dates(text: str, ref: str | None = None) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps."""
    refd = _ref(ref)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            iso = None
            explicit = False
            if kind in ("ymd", "dmy", "dMy"):
                month = MONTHS[m.group("mn").lower()] if kind == "dMy" else int(m.group("m"))
                explicit = bool(m.group("y"))
                if kind == "dmy" and not explicit:
                    # a bare "27/11" is a date only in parentheses after a day name or alone in parens
                    before = text[max(0, s - 12):s]
                    if not re.search(r"\(\s*$", before):
                        continue
                y = _year(m.group("y"), refd)
                if y is not None and 1900 <= y <= 2100:
                    iso = iso_date(y, month, int(m.group("d")))
                elif y is None:
                    iso = None
                if iso is None and y is not None:
                    continue
                if iso and not explicit and refd and iso < refd.isoformat() \
                        and re.match(r"\s*(?:mendatang|nanti|yang akan datang)\b", text[e:e + 20], re.I):
                    iso = iso_date(y + 1, month, int(m.group("d")))  # "5 Januari mendatang", told in December
            elif kind == "rel" and refd:
                target = DAYS[m.group("day").lower()]
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
