"""Which parts of a page are the article: written-by-us page texts → layout facts."""
from __future__ import annotations

import pytest

from kg.layout import parse_article

PAGE = """Berita Daerah
Bupati Sleman Ajak ASN Jaga Netralitas Selama Pilkada
Penulis: Fajar Nugraha | Editor: Lestari Handayani
SLEMAN, Kabarjogja.com - Bupati Sleman mengajak ASN menjaga netralitas, Senin (4/3/2024).
Baca juga: Pemkab Sleman Raih Penghargaan Pelayanan Publik
![]() |
---|
“Kita harus netral,” kata Bupati.
- Sleman3 minggu
Jalan Rusak di Kalasan Segera Diperbaiki Dinas PU
ADVERTISEMENT
Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.
"""


def _skipped(a):
    return [a.text[s:e] for s, e in a.skip]


def test_title_date_bylines_dateline():
    a = parse_article("p.txt", PAGE)
    assert a.title == "Bupati Sleman Ajak ASN Jaga Netralitas Selama Pilkada"
    assert a.date == "2024-03-04"
    assert a.authors == ("Fajar Nugraha",) and a.editors == ("Lestari Handayani",)
    s, e = a.dateline
    assert a.text[s:e] == "SLEMAN"


@pytest.mark.parametrize("first,title", [
    ("Bupati Sleman: “ASN Harus Netral dalam Pemilu”", "Bupati Sleman: “ASN Harus Netral dalam Pemilu”"),
    ("Budi Santoso mengatakan, “Kami akan terus memperbaiki pelayanan publik.”", None),  # a quotation, not a headline
    # a headline quoting a phrase inside it, title case
    ('Indeks SPBE Naik ke Predikat "Sangat Baik", Sleman Luncurkan Aplikasi Baru',
     'Indeks SPBE Naik ke Predikat "Sangat Baik", Sleman Luncurkan Aplikasi Baru'),
    # counter-examples: a line opening with a quotation; a sentence in lower case quoting a phrase
    ('"Sangat Baik" Jadi Target Sleman Tahun Depan Menurut Bupati', None),
    ('Bupati berharap indeks naik ke predikat "sangat baik" tahun depan', None),
    ('WAWANCARA: Ketua Bawaslu Maluku, "Pengawasan di Pulau Terluar Tidak Bisa Pakai Cara Jakarta"', None),  # words said
])
def test_a_headline_may_quote_its_speaker_after_a_colon(first, title):
    a = parse_article("p.txt", first + "\n\nSLEMAN - Bupati Sleman meminta ASN netral dalam rapat koordinasi pagi ini.\n")
    assert a.title == title


@pytest.mark.parametrize("line,place", [
    ("SLEMAN, Kabarjogja.com - Bupati Sleman hadir.", "SLEMAN"),
    ("Jakarta (ANTARA) - Menteri hadir.", "Jakarta"),
    ("Kupang, 12/3 (ANTARA) - Gubernur hadir.", "Kupang"),
    ("SURABAYA | Duta.co - Gubernur hadir.", "SURABAYA"),        # site after a bar
    ("MEDAN (Waspada): Wali Kota hadir.", "MEDAN"),             # a colon after the source in brackets
    ("ENDE, Flores-Pos.com - Bupati hadir.", "ENDE"),          # a hyphen inside the outlet's name
    ("Sementara itu: Wali Kota hadir.", None),                  # a colon alone makes no dateline
])
def test_dateline_forms(line, place):
    body = line[:-len(" hadir.")] + " hadir dalam rapat koordinasi di kantornya pagi ini."
    a = parse_article("p.txt", "Bupati Sleman Ajak ASN Jaga Netralitas Selama Pilkada\n\n" + body + "\n")
    assert (a.text[a.dateline[0]:a.dateline[1]] if a.dateline else None) == place


@pytest.mark.parametrize("furniture", [
    "Baca juga: Pemkab Sleman Raih Penghargaan Pelayanan Publik",
    "![]() |", "---|", "- Sleman3 minggu", "Jalan Rusak di Kalasan Segera Diperbaiki Dinas PU", "ADVERTISEMENT",
    "Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.",
])
def test_site_furniture_is_skipped(furniture):
    a = parse_article("p.txt", PAGE)
    assert any(furniture in part for part in _skipped(a))


def test_article_text_is_kept_and_not_skipped():
    a = parse_article("p.txt", PAGE)
    masked = a.masked_text()
    assert len(masked) == len(a.text)
    assert "“Kita harus netral,” kata Bupati." in masked
    assert "Baca juga" not in masked and "ADVERTISEMENT" not in masked


def test_hard_wrapped_lines_are_joined_for_extraction_only():
    text = ("Bupati Sleman mengatakan pelayanan publik\nharus terus ditingkatkan oleh seluruh\n"
            "perangkat daerah tanpa kecuali dan\ntanpa menunda pekerjaan.\n")
    a = parse_article("w.txt", text)
    assert a.wrapped
    assert "\n" not in a.masked_text().strip()
    assert a.text == text


def test_tribun_style_reporter_line():
    a = parse_article("t.txt", "Judul Berita Tentang Rapat Koordinasi Daerah\nLaporan Wartawan Tribunjogja.com, "
                      "Budi Santoso\nTRIBUNJOGJA.COM, SLEMAN - Rapat digelar hari ini oleh pemerintah daerah.\n")
    assert a.authors == ("Budi Santoso",)


_BODY = ("Bupati Serang Ajak Seluruh ASN Jaga Netralitas\nSERANG - Bupati Serang mengajak seluruh ASN menjaga netralitas selama masa "
         "kampanye berlangsung.\n\n")


@pytest.mark.parametrize("last, initials", [
    ("Kegiatan ditutup dengan doa bersama seluruh peserta. (DEN)", "(DEN)"),
    ("Kegiatan ditutup dengan doa bersama seluruh peserta.\n(yog)\nEditor: Lestari Handayani", "(yog)"),
    ("Kegiatan ditutup dengan doa bersama seluruh peserta. (ant/rud)", "(ant/rud)"),
    ("“Kami siap,” katanya. (*)", "(*)"),
    # counter-examples: an acronym inside the last sentence, or before its period, is article text
    ("Kegiatan itu kemudian ditutup secara resmi di kantor Badan Pusat Statistik (BPS)", None),
    ("Kegiatan ditutup oleh Kepala Badan Pusat Statistik (BPS).", None),
    ("Kegiatan ditutup dengan doa. (Badan Pusat Statistik)", None),
])
def test_the_writer_s_initials_closing_the_article_are_skipped(last, initials):
    a = parse_article("p.txt", _BODY + last + "\n")
    masked = a.masked_text()
    if initials:
        assert initials not in masked and initials in a.text
    assert "Kegiatan" in masked or "Kami siap" in masked
    if not initials:
        assert "(B" in masked


@pytest.mark.parametrize("line,skipped", [
    ("- Inspektur Kabupaten Sleman, Drs. Agus Prasetyo;", False),            # an entry of a list of officials
    ("2. Kepala Dinas Pendidikan Sleman, Rina Lestari", False),              # numbered, no closing mark
    ("• Camat Depok, Yusuf Hadi Wibowo", False),
    ("Kepala Bappeda Sleman, Ir. Bambang Kuncoro, M.T.;", False),            # closed by a semicolon
    ("Jalan Rusak di Kalasan Segera Diperbaiki Dinas PU", True),             # counter-example: a headline
    ("- Pemkab Sleman Raih Penghargaan Pelayanan Publik", True),             # a listed headline without a comma
])
def test_list_entries_are_body_text_not_headlines(line, skipped):
    text = ("Bupati Sleman Lantik Pejabat\n\nSLEMAN - Bupati Sleman melantik pejabat, Senin (4/3/2024).\n\n"
            "Hadir antara lain:\n" + line + "\n\nBupati meminta pejabat bekerja dengan sungguh-sungguh.\n")
    assert (line in _skipped(parse_article("p.txt", text))) is skipped


@pytest.mark.parametrize("line,skipped", [
    # a sentence that lost its full stop opens with a lower-case word of content: body text
    ("Turut hadir Kepala BKPSDM Sleman Rina Lestari Wulandari", False),
    ("Tampak hadir Kepala Dinas Pendidikan Sleman Agus Prasetyo", False),
    # counter-examples: a headline's lower-case words are prepositions and conjunctions; a caption's
    # lower-case words come after the name it shows
    ("Kepala Dinas di Sleman Raih Penghargaan dan Hadiah", True),
    ("Kepala Dinas Pendidikan Sleman Rina Lestari yang dinilai berhasil Foto Humas", True),
])
def test_a_last_line_told_in_lower_case_is_body_text(line, skipped):
    text = ("Bupati Sleman Lantik Pejabat\n\nSLEMAN - Bupati Sleman melantik pejabat, Senin (4/3/2024).\n\n"
            "Bupati meminta pejabat bekerja dengan sungguh-sungguh.\n\n" + line + "\n")
    assert (line in _skipped(parse_article("p.txt", text))) is skipped


@pytest.mark.parametrize("first_item,title", [
    # a list's item is no headline, whatever short headline comes first
    ("1. Kepala Dinas Kesehatan Sleman, Rina Lestari Wulandari;", None),
    ("- Kepala Dinas Sosial Sleman, Agus Prasetyo Nugroho", None),
    # counter-example: a line of five words or more with no list mark or closing mark is the headline
    ("Kepala Dinas Kesehatan Sleman Raih Penghargaan", "Kepala Dinas Kesehatan Sleman Raih Penghargaan"),
])
def test_a_list_item_is_never_the_title(first_item, title):
    text = ("Bupati Lantik Pejabat\n\nSLEMAN - Bupati Sleman melantik tiga pejabat, Senin (4/3/2024). Mereka adalah:\n"
            + first_item + "\n2. Kepala Dinas Sosial Sleman, Budi Hartono.\n")
    a = parse_article("p.txt", text)
    assert a.title == title
    assert (first_item in _skipped(a)) is (title is not None)
