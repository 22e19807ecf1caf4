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
])
def test_dates(text, ref, expected):
    assert [d.iso for d in find_dates(text, ref=ref) if d.iso] == expected


@pytest.mark.parametrize("text", ["1,5 jam", "Rp 800 juta", "RT 03 RW 03", "pada Februari 2024 nanti", "31/02/2024"])
def test_not_dates(text):
    assert [d.iso for d in find_dates(text) if d.iso] == []


def test_relative_day_without_reference_is_unresolved():
    assert [d.iso for d in find_dates("Selasa lalu")] == [None]
