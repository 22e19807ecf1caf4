"""Reported statements whose speaker is given in a way the first cues missed: degrees the lexicon lacks
between the name and the verb, a noun pointing back as the subject. Every name here is invented;
counter-examples sit beside the cases they guard."""
from __future__ import annotations

import pytest

DATELINE = "BANDUNG, Kabarjabar.com - "


def statement(r, start_words):
    people = {e.key: e.label for e in r.entities if e.type == "Person"}
    found = [q for q in r.quotes if not q.direct and q.text.startswith(start_words)]
    return (people.get(found[0].speaker), found[0].text) if found else None


@pytest.mark.parametrize("text,speaker", [
    ("Kepala Diskominfo Sleman, Budi Santoso, S.Kom., M.T.I., menambahkan pihaknya akan memasang jaringan "
     "internet di semua kantor desa.", "Budi Santoso"),
    ("Kepala Biro Organisasi, Rina Lestari, S.STP., M.A.P., menjelaskan pihaknya akan memasang jaringan "
     "internet di semua kantor desa.", "Rina Lestari"),
    ("Direktur RSUD Sleman, dr. Agus Salim, Sp.PD., mengatakan pihaknya akan memasang jaringan internet di "
     "semua kantor desa.", "Agus Salim"),
    # counter-example: a sentence ends between the name and the verb
    ("Kepala Diskominfo Sleman Budi Santoso sudah pensiun sejak Mei. Penggantinya menambahkan pihaknya akan "
     "memasang jaringan internet di semua kantor desa.", None),
])
def test_degrees_the_lexicon_lacks_do_not_end_the_subject(extract, text, speaker):
    got = statement(extract(DATELINE + text), "pihaknya akan memasang")
    assert (got[0] if got else None) == speaker


@pytest.mark.parametrize("text,speaker", [
    ("Kapolda Sleman Irjen Pol. Budi Santoso membuka apel pasukan. Jenderal bintang dua itu juga mengingatkan "
     "seluruh personel untuk menjaga netralitas pada pemilu.", "Budi Santoso"),
    # the person named last, not the one the sentence before was about
    ("Sekda Sleman Hendra Wijaya mengatakan antrean sudah jauh berkurang sejak bulan lalu. Hendra sempat "
     "berbincang dengan seorang pedagang, Siti Aminah, warga Desa Sukamaju. Perempuan itu mengaku kini tidak perlu antre sejak "
     "subuh untuk mendapat nomor.", "Siti Aminah"),
    # counter-example: a noun that does not name one person ("warga desa itu") points back to no one
    ("Sekda Sleman Hendra Wijaya meninjau pasar. Warga desa itu mengaku kini tidak perlu antre sejak subuh "
     "untuk mendapat nomor.", None),
])
def test_a_noun_pointing_back_as_subject_means_the_person_named_last(extract, text, speaker):
    got = statement(extract(DATELINE + text), {"Budi Santoso": "seluruh personel"}.get(speaker, "kini tidak"))
    assert (got[0] if got else None) == speaker
