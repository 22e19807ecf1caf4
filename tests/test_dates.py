"""Indonesian date forms → ISO dates."""
from __future__ import annotations

import pytest

from kg.dates import find_dates


@pytest.mark.parametrize("text,ref,expected", [
    ("Jumat (29/9/2023)", None, ["2023-09-29"]),
    ("Selasa (06/02/2024) tadi", None, ["2024-02-06"]),
    ("18 November 2024", None, ["2024-11-18"]),
    ("Senin, 28 November tahun 2022", None, ["2022-11-28"]),
    ("Kamis, 7 March 2019 10:41", None, ["2019-03-07"]),
    ("Warta.id - 24/10/2023, 08:15 WIB", None, ["2023-10-24"]),
    ("date 2025-09-26", None, ["2025-09-26"]),
    ("Senin (27/11).", "2017-12-01", ["2017-11-27"]),
    ("pada hari Selasa lalu", "2023-09-29", ["2023-09-26"]),
    ("apel Senin depan", "2024-02-06", ["2024-02-12"]),
    ("kemarin", "2024-03-01", ["2024-02-29"]),
    # a relative day followed by its date in brackets: the date says which one (the reference is a week on)
    ("diresmikan Kamis lalu (25/7/2024) oleh Deputi", "2024-08-02", ["2024-07-25"]),
])
def test_dates(text, ref, expected):
    assert [d.iso for d in find_dates(text, ref=ref) if d.iso] == expected


@pytest.mark.parametrize("text", ["1,5 jam", "Rp 800 juta", "RT 03 RW 03", "pada Februari 2024 nanti", "31/02/2024"])
def test_not_dates(text):
    assert [d.iso for d in find_dates(text) if d.iso] == []


def test_relative_day_without_reference_is_unresolved():
    assert [d.iso for d in find_dates("Selasa lalu")] == [None]


@pytest.mark.parametrize("text,ref,expected", [
    # no year: the year that puts the date nearest to the article's date
    ("Jumat (29/12) lalu", "2024-01-03", ["2023-12-29"]),
    ("pada (29/12)", "2024-01-03", ["2023-12-29"]),
    ("Rabu (3/1) mendatang", "2023-12-29", ["2024-01-03"]),
    ("Senin, 1 Januari", "2023-12-30", ["2024-01-01"]),
    ("Jumat (29/12)", "2023-12-31", ["2023-12-29"]),
    # a weekday that does not fit: the nearest date that does, or none
    ("Sabtu (29/12)", "2024-01-03", ["2023-12-30"]),                 # 29/12/2023 was a Friday
    ("Minggu (29/12/2023)", None, ["2023-12-31"]),
    ("Kamis (29/12/2023)", None, ["2023-12-28"]),
    ("Jumat (29/12/2023)", None, ["2023-12-29"]),                   # fits: kept
    # "lalu" never gives a date after the article's
    ("Jumat (5/1) lalu", "2024-01-03", []),                          # Friday 5/1 is 2024-01-05, after the article
    ("Kamis (4/1) lalu", "2024-01-03", []),                          # 4/1/2023 was a Wednesday: nothing fits before
    ("Senin (29/12/2025) lalu", "2024-01-03", []),
])
def test_dates_near_the_turn_of_the_year_and_weekdays(text, ref, expected):
    assert [d.iso for d in find_dates(text, ref=ref) if d.iso] == expected


@pytest.mark.parametrize("text,ref", [("Jumat (29/12) lalu", "2024-01-03"), ("Selasa lalu", "2024-01-03"),
                                      ("kemarin", "2024-01-03"), ("Kamis (28/12/2023) lalu", "2024-01-03")])
def test_lalu_is_never_after_the_reference(text, ref):
    isos = [d.iso for d in find_dates(text, ref=ref) if d.iso]
    assert isos and all(iso <= ref for iso in isos)


@pytest.mark.parametrize("text", [
    "Senin (27/11/2023) lalu dan Selasa lalu, 18 November 2024, kemarin 2025-09-26",
    "Rapat hari ini (5/3) dan besok, 12.3.2024, Kamis depan",
    "tanpa tanggal apa pun",
])
def test_kinds_leave_the_earlier_kinds_as_they_are(text):
    for kinds in (("ymd",), ("ymd", "dmy", "dMy"), ("ymd", "dmy", "dMy", "rel")):
        assert find_dates(text, ref="2024-11-20", kinds=kinds) == [
            d for d in find_dates(text, ref="2024-11-20") if d.kind in kinds]
