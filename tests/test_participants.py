"""Who took part in an event: guests a sentence lists, speakers in the scene of the lead event, and which
event a sentence's "kegiatan tersebut" means. Every name here is invented; counter-examples sit beside
the cases they guard."""
from __future__ import annotations

import pytest

DATELINE = "BANDUNG, Kabarjabar.com - "


def entity(r, etype, label):
    found = [e for e in r.entities if e.type == etype and e.label == label]
    assert found, f"no {etype} {label!r} in {sorted(e.label for e in r.entities if e.type == etype)}"
    return found[0]


def took_part(r, name, event):
    rep = next(e for e in r.events if e.event == entity(r, "Event", event).key)
    return entity(r, "Person", name).key in rep.participants


# an instrument talked about (an evaluation with no venue of its own) is named between the event and
# the sentence that lists the guests: "kegiatan tersebut" is the event held at the venue
HELD_THEN_TALKED_ABOUT = (
    DATELINE + "Sekda Sleman Hendra Wijaya membuka Rapat Koordinasi Kepegawaian di Aula Kantor Bupati Sleman, "
    "Senin (5/8/2024).\n\nKepala Bappeda Sleman Budi Santoso menjelaskan bahwa indeks daerah naik pada "
    "Evaluasi Sistem Pemerintahan Berbasis Elektronik Tahun 2023.\n\n{guests} Inspektur Sleman Rina Lestari "
    "dan Kepala BKPSDM Sleman Agus Salim.")


@pytest.mark.parametrize("guests,present", [
    ("Turut hadir dalam kegiatan tersebut", True),
    ("Kegiatan tersebut turut dihadiri", True),
    ("Kedua pejabat itu sebelumnya bertugas di Jakarta bersama", False),    # no word of attendance
])
def test_guests_belong_to_the_event_held_at_a_venue_not_an_instrument_named_since(extract, guests, present):
    r = extract(HELD_THEN_TALKED_ABOUT.format(guests=guests))
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Kepegawaian") == present


@pytest.mark.parametrize("sentence,present", [
    ("Pada kesempatan yang sama, Inspektur Sleman Rina Lestari menyerahkan piagam kepada tiga kepala desa.", True),
    ("Di tempat yang sama, Inspektur Sleman Rina Lestari menyerahkan piagam kepada tiga kepala desa.", True),
    ("Dalam forum yang sama, Inspektur Sleman Rina Lestari menyerahkan piagam kepada tiga kepala desa.", True),
    ("Rakor itu turut menghadirkan Inspektur Sleman Rina Lestari sebagai narasumber.", True),
    ("Inspektur Sleman Rina Lestari hadir sebagai narasumber.", True),
    ("Rapat itu diikuti Inspektur Sleman Rina Lestari.", True),
    ("Selain itu, tampak pula Inspektur Sleman Rina Lestari.", True),
    ("Sejumlah pejabat hadir, antara lain Inspektur Sleman Rina Lestari.", True),
    ("Peserta rapat antara lain Inspektur Sleman Rina Lestari.", True),
    ("Narasumber dalam rapat itu adalah Inspektur Sleman Rina Lestari.", True),
    # counter-example: a person named with no word of being there
    ("Inspektur Sleman Rina Lestari pernah bertugas di Kabupaten Bantul.", False),
    ("Pada tahun lalu, Inspektur Sleman Rina Lestari menyerahkan piagam kepada tiga kepala desa.", False),
    # a word of attendance denied
    ("Inspektur Sleman Rina Lestari tidak hadir di acara itu karena sakit.", False),
    ("Inspektur Sleman Rina Lestari berhalangan hadir dalam rapat itu.", False),
])
def test_a_sentence_saying_the_same_occasion_places_its_persons_there(extract, sentence, present):
    r = extract(DATELINE + "Pemkab Sleman menggelar Rapat Koordinasi Pengawasan di Aula Kantor Bupati Sleman, "
                "Senin (5/8/2024).\n\n" + sentence)
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Pengawasan") == present


def test_the_scene_is_the_event_held_at_a_venue_when_the_lead_first_names_an_instrument(extract):
    r = extract(DATELINE + "Pemkab Sleman meraih nilai B dalam Evaluasi Sistem Akuntabilitas Kinerja Instansi "
                "Pemerintah Tahun 2023.\n\nHasil itu diserahkan dalam Rapat Koordinasi Akuntabilitas di Hotel "
                "Santika Sleman, Senin (5/8/2024).\n\nSekda Sleman Hendra Wijaya mengatakan kenaikan nilai itu "
                "hasil kerja bersama semua perangkat daerah.")
    assert took_part(r, "Hendra Wijaya", "Rapat Koordinasi Akuntabilitas")


@pytest.mark.parametrize("sentence,present", [
    ("Inspektur Sleman Rina Lestari mengatakan bahwa laporan audit semua dinas selesai pekan ini.", True),
    # reached elsewhere, though the scene goes on after her
    ("Inspektur Sleman Rina Lestari, saat dihubungi terpisah, mengatakan bahwa laporan audit semua dinas selesai pekan ini.", False),
    # reached after the event itself: she was there
    ("Inspektur Sleman Rina Lestari, saat dikonfirmasi usai rapat, mengatakan bahwa laporan audit semua dinas selesai pekan ini.", True),
])
def test_a_speaker_reached_elsewhere_is_not_in_the_scene(extract, sentence, present):
    r = extract(DATELINE + "Bupati Sleman Teguh Prasetyo membuka Rapat Koordinasi Pengawasan di Pendopo Kabupaten "
                "Sleman, Senin (5/8/2024).\n\n" + sentence + "\n\nKepala BKPSDM Sleman Agus Salim mengatakan "
                "semua data pegawai sudah diperbarui.")
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Pengawasan") == present
    assert took_part(r, "Agus Salim", "Rapat Koordinasi Pengawasan")


@pytest.mark.parametrize("second,present", [
    # a second event named in the lead's own sentence shares its scene
    ("Pemkab Sleman menggelar Rapat Koordinasi Akuntabilitas di Hotel Santika Sleman, bersamaan dengan "
     "Pelatihan Kepemimpinan Pengawas, Senin (5/8/2024).", True),
    # named in a sentence of its own after the lead, it opens another scene
    ("Pemkab Sleman menggelar Rapat Koordinasi Akuntabilitas di Hotel Santika Sleman, Senin (5/8/2024).\n\n"
     "Pekan lalu Pemkab Sleman menggelar Pelatihan Kepemimpinan Pengawas di Aula Kantor Bupati Sleman.", False),
])
def test_an_event_named_beside_the_lead_event_shares_its_scene(extract, second, present):
    r = extract(DATELINE + second + "\n\nSekda Sleman Hendra Wijaya mengatakan bahwa semua perangkat daerah "
                "sudah menyusun laporan kinerja.")
    assert took_part(r, "Hendra Wijaya", "Rapat Koordinasi Akuntabilitas") == present


# another event is named after the lead one, so the scene of the lead event has ended: only a word
# of the sentence itself places its person at the event named last before it
AFTER_ANOTHER = (DATELINE + "Pemkab Sleman menggelar Pelatihan Kepemimpinan Pengawas di Aula Kantor Bupati Sleman, "
                 "Senin (5/8/2024).\n\nSebelumnya, Pemkab Sleman menggelar Rapat Koordinasi Pengawasan di "
                 "Hotel Santika Sleman.\n\n{sentence}")


@pytest.mark.parametrize("sentence,present", [
    ("Dalam sambutannya, Inspektur Sleman Rina Lestari mengajak peserta menjaga integritas.", True),
    ("Dalam arahannya, Inspektur Sleman Rina Lestari mengajak peserta menjaga integritas.", True),
    ("Inspektur Sleman Rina Lestari memberikan arahan kepada seluruh peserta.", True),
    ("Kegiatan itu secara resmi dibuka oleh Inspektur Sleman Rina Lestari.", True),
    ("Para pejabat itu dilantik langsung oleh Inspektur Sleman Rina Lestari.", True),
    # counter-example: a person at work with no word of the occasion
    ("Inspektur Sleman Rina Lestari mengajak peserta menjaga integritas.", False),
])
def test_who_gave_remarks_or_opened_the_event_was_there(extract, sentence, present):
    r = extract(AFTER_ANOTHER.format(sentence=sentence))
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Pengawasan") == present


@pytest.mark.parametrize("middle,present", [
    # an event named inside a reported statement is talked about: the scene goes on
    ("Kepala BKPSDM Sleman Agus Salim mengatakan bahwa kerawanan tertinggi ada pada Sosialisasi Program "
     "Pemerintah di desa-desa.", True),
    # named by the narrator, it opens another scene
    ("Pekan lalu Pemkab Sleman menggelar Sosialisasi Program Pemerintah di Aula Kantor Bupati Sleman.", False),
])
def test_an_event_talked_about_in_reported_speech_does_not_end_the_scene(extract, middle, present):
    r = extract(DATELINE + "Bupati Sleman Teguh Prasetyo membuka Rapat Koordinasi Pengawasan di Pendopo Kabupaten "
                "Sleman, Senin (5/8/2024).\n\n" + middle + "\n\nInspektur Sleman Rina Lestari mengatakan bahwa "
                "laporan audit semua dinas selesai pekan ini.")
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Pengawasan") == present


LISTED = ("Pemkab Sleman Gelar Rapat Pengawasan\n\n" + DATELINE + "Pemkab Sleman menggelar Rapat Koordinasi "
          "Pengawasan di Pendopo Kabupaten Sleman, Senin (5/8/2024).\n\n{lead}\n{items}\n\nRapat berjalan lancar "
          "hingga sore hari.")


@pytest.mark.parametrize("lead,items,present", [
    # officials listed one a line after a colon, with no number or mark: guests, not headlines
    ("Turut hadir dalam kegiatan tersebut:", "Wakil Bupati Sleman Joko Purnomo\nInspektur Sleman Rina Lestari", True),
    ("Turut hadir dalam kegiatan tersebut:", "\nWakil Bupati Sleman Joko Purnomo\n\nInspektur Sleman Rina Lestari",
     True),
    ("Turut hadir:", "1. Wakil Bupati Sleman Joko Purnomo.\n2. Inspektur Sleman Rina Lestari.", True),
    # counter-example: a list after a colon with no word of attendance
    ("Pejabat yang dimutasi bulan lalu:", "Wakil Bupati Sleman Joko Purnomo\nInspektur Sleman Rina Lestari", False),
])
def test_officials_listed_one_a_line_after_a_colon(extract, lead, items, present):
    r = extract(LISTED.format(lead=lead, items=items))
    assert took_part(r, "Rina Lestari", "Rapat Koordinasi Pengawasan") == present


def test_marked_items_of_headline_shape_after_a_colon_stay_out_of_the_text():
    from kg.layout import parse_article

    text = ("Pemkab Sleman Bangun Jalan\n\n" + DATELINE + "Pemkab Sleman membangun tiga ruas jalan tahun ini:\n"
            "- Peningkatan Jalan Kaliurang Utara\n- Rehabilitasi Jalan Godean Barat\n\nProyek selesai Desember.")
    a = parse_article("t.txt", text)
    skipped = [text[s:e] for s, e in a.skip]
    assert "- Peningkatan Jalan Kaliurang Utara" in skipped


@pytest.mark.parametrize("sentence,event", [
    # an event named in the sentence itself, before the word of attendance, is the one attended
    ("Pekan lalu Pemkab Sleman menggelar Pelatihan Kepemimpinan Pengawas di Hotel Santika Sleman yang dihadiri "
     "Inspektur Sleman Rina Lestari.", "Pelatihan Kepemimpinan Pengawas"),
    # one named in a quotation is talked about: the event named before by the narrator is meant
    ("“Kami pernah ikut Pelatihan Kepemimpinan Pengawas di Hotel Santika Sleman,” kata Agus Salim. Turut hadir pula Inspektur "
     "Sleman Rina Lestari.", "Rapat Koordinasi Pengawasan"),
])
def test_the_event_a_sentence_of_attendance_means(extract, sentence, event):
    r = extract(DATELINE + "Pemkab Sleman menggelar Rapat Koordinasi Pengawasan di Pendopo Kabupaten Sleman, "
                "Senin (5/8/2024).\n\n" + sentence)
    attended = {e.label for e in r.entities if e.type == "Event"
                and took_part(r, "Rina Lestari", e.label)}
    assert attended == {event}


@pytest.mark.parametrize("cue,present", [
    ("usai peresmian di Kota Sleman", True),
    ("saat peresmian di Kota Sleman", True),
    # counter-example: no word placing the words at the event
    ("tentang rencana peresmian di Kota Sleman", False),
])
def test_words_said_at_an_event_named_by_its_head(extract, cue, present):
    r = extract(DATELINE + "“Mal pelayanan ini menampung 142 jenis layanan dari 27 instansi,” kata Kepala "
                "Dinas Perdagangan Sleman Rina Lestari " + cue + ", Kamis (15/2/2024).\n\nBupati Sleman Teguh Prasetyo "
                "mengatakan pembangunan gedung menghabiskan anggaran Rp8 miliar.\n\nPeresmian Mal Pelayanan "
                "Publik tersebut turut dihadiri para camat.")
    assert took_part(r, "Rina Lestari", "Peresmian Mal Pelayanan Publik") == present


_JOINED = ("SLEMAN, Kabarjogja.com - Pemerintah Kabupaten Sleman meluncurkan program Sleman Cerdas Digital. Peluncuran "
           "Sleman Cerdas Digital dirangkaikan dengan Rapat Koordinasi SPBE se-Kabupaten Sleman di Aula Kantor Bupati "
           "Sleman, Kamis (19/9/2024).\n\nSekretaris Daerah Sleman Rina Lestari mengatakan seluruh perangkat daerah "
           "wajib memakai satu pusat data dan satu aplikasi persuratan.\n")


@pytest.mark.parametrize("text,at_both", [
    # two events joined in the lead at a named venue: the speakers after it were at both
    (_JOINED, True),
    # counter-example: no venue names the joined meeting, so the scene stays the lead event's
    (_JOINED.replace(" di Aula Kantor Bupati Sleman,", ","), False),
])
def test_events_joined_in_the_lead_share_its_scene(extract, text, at_both):
    r = extract(text)
    labels = {e.key: e.label for e in r.entities}
    got = {labels[e.event]: [labels[p] for p in e.participants] for e in r.events}
    assert got["Peluncuran Sleman Cerdas Digital"] == ["Rina Lestari"]
    assert got["Rapat Koordinasi SPBE"] == (["Rina Lestari"] if at_both else [])


@pytest.mark.parametrize("text,event_word,present", [
    ("Pelantikan Pejabat Administrator digelar di Bangsal Sewokoprojo, Rabu (15/5/2024). Turut menyaksikan "
     "Wakil Bupati Gunungkidul Hj. Sri Lestari dan Sekretaris Daerah Drs. Wahyu Laksmono.", "Pelantikan",
     "Wahyu Laksmono"),
    ("Birokrasi daerah masih berbelit.\n\nBupati Jember, H. Wahyu Handoko, menyatakan komitmennya memangkas "
     "birokrasi. \"Saya minta semua kepala OPD membuka nomor pengaduan,\" tegasnya dalam apel pagi di halaman "
     "kantor Pemkab Jember, Senin (5/8/2024).", "Apel", "Wahyu Handoko"),
])
def test_people_placed_at_the_event_by_witnessing_or_by_their_words(extract, text, event_word, present):
    r = extract(DATELINE + text)
    names = {e.key: e.label for e in r.entities}
    got = {names[p] for ev in r.events if names.get(ev.event, "").startswith(event_word) for p in ev.participants}
    assert present in got, got
