"""A national body's numbered regional office named with its body before it (kg/nlp/bodies.py).
Sentences written for these tests; every person's name is invented."""
from __future__ import annotations

import pytest

DATELINE = "SEMARANG, Warta Daerah - "


def labels(r):
    return {e.label for e in r.entities if e.type == "Agency"}


@pytest.mark.parametrize("sentence,expected,absent", [
    # the body before its office, by its short form or its name: the same office as "Kanreg IV BKN"
    ("Dinas mengirim surat ke BKN Kantor Regional IV supaya data itu diproses.",
     "Kantor Regional IV Badan Kepegawaian Negara", "Kantor Regional IV"),
    ("Berkas dikirim ke Badan Kepegawaian Negara Kantor Regional VII pekan lalu.",
     "Kantor Regional VII Badan Kepegawaian Negara", "Kantor Regional VII"),
    # the body after its office, as before
    ("Kepala Kanreg II BKN Surabaya, Budi Santoso, hadir.", "Kantor Regional II Badan Kepegawaian Negara", "Kanreg II"),
])
def test_regional_office_with_its_body(extract, sentence, expected, absent):
    got = labels(extract(DATELINE + sentence))
    assert expected in got and absent not in got, got


def test_a_body_before_an_office_without_a_number_is_not_its_regional_office(extract):
    got = labels(extract(DATELINE + "Pegawai BKN Kantor Regional menerima tamu dari dinas."))
    assert not any(g.startswith("Kantor Regional") and "Badan Kepegawaian Negara" in g for g in got), got


@pytest.mark.parametrize("sentence,label,alias,present", [
    # a city's police resort also goes by the city's name and "Kota" (Polri's usage): "Polres Serang Kota"
    ("Personel Polres Sukabumi Kota membantu pelayanan di kantor kecamatan.", "Kepolisian Resor Kota Sukabumi",
     "Polres Sukabumi Kota", True),
    # counter-example: a regency's resort has no such name
    ("Personel Polres Karo membantu pelayanan di kantor kecamatan.", "Kepolisian Resor Kabupaten Karo", "Polres Karo Kota", False),
])
def test_a_city_police_resort_by_its_city_name_and_kota(extract, sentence, label, alias, present):
    ents = {e.label: e for e in extract(DATELINE + sentence).entities if e.type == "Agency"}
    assert (alias in ents[label].aliases) is present, ents[label].aliases


@pytest.mark.parametrize("sentence,expected", [
    # a national body's unit named by its field before the body: commas and "dan" inside the field
    ("Tim dari Kedeputian Bidang Reformasi Birokrasi, Akuntabilitas Aparatur dan Pengawasan KemenPANRB hadir.",
     "Kedeputian Bidang Reformasi Birokrasi, Akuntabilitas Aparatur dan Pengawasan KemenPANRB"),
    ("Pejabat dari Direktorat Jenderal Otonomi Daerah Kemendagri hadir dalam rapat.",
     "Direktorat Jenderal Otonomi Daerah Kemendagri"),
    ("Narasumber dari Pusat Kajian Manajemen ASN LAN memaparkan hasil kajiannya.", "Pusat Kajian Manajemen ASN LAN"),
    # counter-examples: a regional police unit; a town's centre
    ("Direktorat Reserse Kriminal Khusus Polda Sulawesi Utara menangani kasus itu.", None),
    ("Pusat Kota Bontang ramai pada akhir pekan.", None),
])
def test_a_national_unit_named_by_its_field(extract, sentence, expected):
    ents = [e for e in extract(DATELINE + sentence).entities if e.type == "Agency"]
    units = [e for e in ents if e.label.startswith(("Kedeputian", "Direktorat", "Pusat"))]
    if expected:
        assert any(expected in e.aliases for e in units), [(e.label, e.aliases) for e in units]
    else:
        assert not units, [e.label for e in units]


def test_korpri_of_a_regency_speaks_as_a_body(extract):
    r = extract("SUMEDANG - Korpri Kabupaten Sumedang meminta agar pegawai yang absen karena sakit diberi "
                "kesempatan melengkapi bukti.")
    bodies = {e.key: e.label for e in r.entities if e.type == "Agency"}
    assert [bodies.get(q.speaker) for q in r.quotes] == ["Korps Pegawai Republik Indonesia Kabupaten Sumedang"]
