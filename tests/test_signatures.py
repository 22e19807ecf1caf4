"""A press release's signature block (office lines, then the official's name) is read as one
stretch "OFFICE, NAME"; headline-shaped lines that do not sign stay skipped. Texts written for
these tests, with invented names."""
from __future__ import annotations

import pytest

from kg.layout import parse_article
from kg.signatures import find_signature

HEAD = ("Pemkab Sleman Gelar Rapat Koordinasi Pelayanan Publik\n\n"
        "SLEMAN - Pemerintah Kabupaten Sleman menggelar rapat koordinasi pelayanan publik, Senin (3/2/2025). "
        "Bupati Sleman Budi Hartono meminta semua perangkat daerah memperbaiki layanan.\n\n")

OFFICE = "Kepala Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman"


@pytest.mark.parametrize("tail,read", [
    # office on two lines, a blank line, the name with degrees, the NIP, the public-relations footer
    ("Sleman, 4 Februari 2025\nKepala Bagian Protokol dan Komunikasi Pimpinan\nSekretariat Daerah Kabupaten Sleman\n\n"
     "Rina Lestari Wulandari, S.Sos.\nNIP 19850312 201001 2 004\n\nHumas Pemerintah Kabupaten Sleman\n",
     OFFICE + ", Rina Lestari Wulandari, S.Sos."),
    # one office line, the name on the next line with honorific and degrees
    ("Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman\nDrs. Agus Prasetyo Nugroho, M.Si.\n",
     "Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman, Drs. Agus Prasetyo Nugroho, M.Si."),
    # no degrees, but the place-and-date line says it is signed
    ("Sleman, 4 Februari 2025\nKepala Dinas Sosial Kabupaten Sleman\n\nYohanes Bayu Kristanto\n",
     "Kepala Dinas Sosial Kabupaten Sleman, Yohanes Bayu Kristanto"),
    # no degrees, but the NIP line under the name
    ("Camat Depok\nHartini Puspitasari\nNIP 19790101 200501 2 001\n", "Camat Depok, Hartini Puspitasari"),    # the unit above, "Ttd.", the name, the position under it: "UNIT NAME, POSITION"
    ("Sleman, 4 Februari 2025\nBagian Protokol dan Komunikasi Pimpinan\nSekretariat Daerah Kabupaten Sleman\n\n"
     "Ttd.\nRina Lestari Wulandari, S.I.Kom.\nKepala Bagian\n",
     "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman Rina Lestari Wulandari, S.I.Kom. "
     "Kepala Bagian"),
    ("Ttd.\nYohanes Bayu Kristanto\nKepala Bagian Umum\n", "Yohanes Bayu Kristanto, Kepala Bagian Umum"),    # no mark of signing, but a paragraph of its own closing the text, the name of no dictionary word
    ("Kepala Pusat Penerangan Kementerian Dalam Negeri\nYohanes Bayu Kristanto\n",
     "Kepala Pusat Penerangan Kementerian Dalam Negeri, Yohanes Bayu Kristanto"),
])
def test_a_signature_block_reads_as_office_comma_name(tail, read):
    text = HEAD + tail
    a = parse_article("s.txt", text)
    masked = a.masked_text()
    assert len(masked) == len(text) and a.text == text  # nothing moves
    assert read in " ".join(masked.replace(",", ", ").split())  # one line break reads as a comma alone
    assert "NIP" not in masked[len(HEAD):] and "Ttd" not in masked[len(HEAD):]


@pytest.mark.parametrize("tail", [
    # related headlines closing the page: the first opens with an office, the second is no signed name
    "Bupati Sleman Resmikan Pasar Baru\nWarga Antusias Sambut Festival Budaya\n",
    # an office and a name with no mark of signing (no date line, degrees or NIP), not closing the text
    "Kepala Dinas Sosial Kabupaten Sleman\nYohanes Bayu Kristanto\n\nHumas Pemerintah Kabupaten Sleman\n",
    # closing the text alone, but the "name" is made of dictionary words: headlines
    "Bupati Sleman Resmikan Pasar Baru\n\nWarga Antusias Sambut Festival Budaya\n",
    # body text follows: not the end of the article
    "Kepala Dinas Sosial Kabupaten Sleman\nYohanes Bayu Kristanto, S.Sos.\n\n"
    "Rapat itu diikuti seluruh camat dan lurah se-Kabupaten Sleman hingga siang hari.\n",
    # the second line is another office, not a name
    "Kepala Dinas Sosial Kabupaten Sleman\nSekretaris Dinas Sosial, S.Sos.\n",
    # too far apart to read as one comma and space
    "Sleman, 4 Februari 2025\nKepala Dinas Sosial Kabupaten Sleman\n\n\nYohanes Bayu Kristanto\n",
    # the office line does not open with an office title
    "Sleman, 4 Februari 2025\nBagian Protokol dan Komunikasi Pimpinan\n\nYohanes Bayu Kristanto, S.Sos.\n",    # three headlines: the last opens with an office, but nothing marks a signature
    "Bupati Sleman Resmikan Pasar Baru\nWarga Antusias Sambut Festival Budaya\nBupati Hadiri Rapat\n",
    # a name and a position with body text after them
    "Ttd.\nYohanes Bayu Kristanto\nKepala Bagian Umum\n\nRapat itu diikuti seluruh camat hingga siang hari.\n",
])
def test_no_signature_without_its_shape(tail):
    assert find_signature(HEAD + tail) is None
    assert parse_article("s.txt", HEAD + tail).reads == ()


@pytest.mark.parametrize("head", [HEAD, HEAD.replace("perangkat", "perang\u200bkat")])  # offsets moved by normalising
def test_the_signer_holds_the_office(extract, head):
    r = extract(head + "Sleman, 4 Februari 2025\nKepala Bagian Protokol dan Komunikasi Pimpinan\n"
                "Sekretariat Daerah Kabupaten Sleman\n\nRina Lestari Wulandari, S.Sos.\nNIP 19850312 201001 2 004\n")
    person = next(e for e in r.entities if e.type == "Person" and e.label == "Rina Lestari Wulandari")
    role = next(ro for ro in r.roles if ro.person == person.key)
    assert role.title == OFFICE
    assert " ".join(r.article.text[role.start:role.end].split()) == OFFICE  # the span is in the stored text
    assert "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman" in \
        {e.label for e in r.entities if e.type == "Agency"}


def test_headlines_closing_a_page_make_no_person(extract):
    r = extract(HEAD + "Bupati Sleman Resmikan Pasar Baru\nWarga Antusias Sambut Festival Budaya\n")
    assert {e.label for e in r.entities if e.type == "Person"} == {"Budi Hartono"}


def test_the_signer_under_the_unit_holds_the_position(extract):
    r = extract(HEAD + "Sleman, 4 Februari 2025\nBagian Protokol dan Komunikasi Pimpinan\n"
                "Sekretariat Daerah Kabupaten Sleman\n\nTtd.\nRina Lestari Wulandari, S.I.Kom.\nKepala Bagian\n")
    person = next(e for e in r.entities if e.type == "Person" and e.label == "Rina Lestari Wulandari")
    assert [ro.title for ro in r.roles if ro.person == person.key] == ["Kepala Bagian"]
    assert "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman" in \
        {e.label for e in r.entities if e.type == "Agency"}
