"""Events on text no rule was written for (issue 13), class by class: an election's polling day, who
took part. Sentences written for these tests; every name is invented; a counter-example sits beside each
rule."""
from __future__ import annotations

import pytest

DATELINE = "PURWOREJO, Warta Daerah - "


def event_dates(r) -> dict[str, str | None]:
    labels = {e.key: e.label for e in r.entities if e.type == "Event"}
    return {labels[x.event]: x.date for x in r.events}


# --- an election's polling day ------------------------------------------------------------------

@pytest.mark.parametrize("text,label,date", [
    # a day and its month after the election's name are its date, not part of its name
    ("Kapolres mengingatkan personel menjaga netralitas pada Pemilu 14 Februari 2029.", "Pemilu 2029", "2029-02-14"),
    ("Warga diminta menjaga kondusivitas menjelang pemungutan suara Pilkada Serentak 27 November 2029.",
     "Pilkada 2029", "2029-11-27"),
    # the voting opening a sentence is the election, dated by the day its sentence schedules
    ("Pemungutan suara Pilkada Serentak 2029 dijadwalkan berlangsung pada 27 November 2029.",
     "Pilkada 2029", "2029-11-27"),
    ("Pilkada 2029 yang digelar pada 27 November 2029 diikuti tiga pasangan calon.", "Pilkada 2029", "2029-11-27"),
    # ... across a place or a noun pointing back between the name and the day
    ("Pilkada serentak di Sumatera Barat digelar 27 November 2029, bersamaan dengan pemilihan gubernur.",
     "Pilkada 2029", "2029-11-27"),
    ("Pilkada di provinsi ini digelar 27 November 2029.", "Pilkada 2029", "2029-11-27"),
    ("Bawaslu mencatat tujuh laporan selama tahapan Pilkada 2029.\n\nPilkada serentak 2029 akan digelar pada 27 "
     "November 2029 untuk memilih gubernur.", "Pilkada 2029", "2029-11-27"),
    # ... the day's name written before it
    ("Pemungutan suara Pilkada serentak 2029 digelar pada Rabu, 28 November 2029.", "Pilkada 2029", "2029-11-28"),
    ("Pilkada serentak 2029 digelar pada Rabu (28/11/2029) di seluruh daerah.", "Pilkada 2029", "2029-11-28"),
    # ... not a date that follows other words ("dibahas", "sejak")
    ("Tahapan Pilkada 2029 dibahas sejak 27 Maret 2029 oleh para camat.", "Pilkada 2029", None),
    ("Pilkada di Kota Padang dibahas sejak 27 Maret 2029 oleh para camat.", "Pilkada 2029", None),
    # the sentence's year is its date's, not a term of office's (the date is too far from the name to be its day)
    ("Pilkada serentak di Purworejo akan memilih bupati periode 2030-2035 pada 27 November 2029.", "Pilkada 2029",
     None),
    # a regional head's election left undated is held on the simultaneous elections' polling day the text gives
    ("Bawaslu meminta ASN netral menjelang Pilkada Serentak 27 November 2029. Dalam Pemilihan Gubernur dan Wakil "
     "Gubernur Jambi, ASN dilarang berpihak.", "Pemilihan Gubernur dan Wakil Gubernur Jambi", "2029-11-27"),
    # ... not a national election's
    ("Bawaslu meminta ASN netral menjelang Pemilu 14 Februari 2029. Dalam Pemilihan Gubernur dan Wakil "
     "Gubernur Jambi, ASN dilarang berpihak.", "Pemilihan Gubernur dan Wakil Gubernur Jambi", None),
])
def test_an_election_is_dated_by_its_polling_day(extract, text, label, date):
    got = event_dates(extract(DATELINE + text))
    assert got.get(label, "missing") == date, got


@pytest.mark.parametrize("text,election", [
    # a word about elections opening a sentence names no election, as it does not inside one
    ("Pengawas pemilu, menurut ketua Bawaslu, hanya berwenang memberi rekomendasi.", False),
    ("Bawaslu menyebut pengawas pemilu hanya berwenang memberi rekomendasi.", False),
    ("Menjelang Pemilu, Bawaslu mengingatkan ASN menjaga netralitas.", True),
])
def test_a_word_about_elections_names_no_election(extract, text, election):
    got = {e.label for e in extract(DATELINE + text).entities if e.type == "Event"}
    assert ("Pemilu" in got) is election, got


@pytest.mark.parametrize("text,label", [
    # a count before a month is no day: "Rapat ... 2 Maret" ends before the date, a number of a round stays
    ("Rapat Koordinasi Kepegawaian 2 Maret 2029 membahas mutasi pejabat.", "Rapat Koordinasi Kepegawaian"),
    ("Seleksi CPNS Tahap 2 digelar di Gedung Serbaguna, Senin (5/3/2029).", "Seleksi CPNS Tahap 2"),
])
def test_a_day_of_the_month_is_no_part_of_an_event_name(extract, text, label):
    r = extract(DATELINE + text)
    assert label in {e.label for e in r.entities if e.type == "Event"}, [e.label for e in r.entities]


@pytest.mark.parametrize("text,voting", [
    # a capitalised voting phrase before an election's name is the election ...
    ("Pemungutan suara Pilkada 2029 dijadwalkan berlangsung pada 27 November 2029.", False),
    # ... unless the sentence sites it: the vote at one place is a happening of its own
    ("Pemungutan suara Pilkada 2029 digelar di Kecamatan Bagelen pada Rabu (28/11/2029).", True),
])
def test_a_voting_phrase_is_its_election_unless_sited(extract, text, voting):
    got = {e.label for e in extract(DATELINE + text).entities if e.type == "Event"}
    assert "Pilkada 2029" in got or voting, got
    assert any(g.lower().startswith("pemungutan suara") for g in got) is voting, got


# --- who took part --------------------------------------------------------------------------------

def took_part(r, person: str, event_head: str) -> bool:
    ents = {e.key: e for e in r.entities}
    pkey = next(e.key for e in r.entities if e.type == "Person" and e.label == person)
    return any(pkey in x.participants for x in r.events if ents[x.event].label.lower().startswith(event_head))


@pytest.mark.parametrize("cue,there", [
    ("usai memimpin apel gabungan", True),       # a verb of taking part between "usai" and the event word
    ("saat menghadiri apel gabungan", True),
    ("usai apel gabungan", True),
    ("usai membaca laporan itu", False),         # counter-example: no event word after the verb
])
def test_words_said_after_taking_part_place_the_speaker_there(extract, cue, there):
    text = DATELINE + (
        "Pemerintah Kabupaten Purworejo menggelar apel gabungan di halaman Kantor Bupati Purworejo, "
        "Senin (4/3/2029).\n\nDikonfirmasi terpisah, Penjabat Bupati Purworejo Darmaji Suryokusumo menyatakan "
        "telah memerintahkan inspektorat memeriksa laporan itu.\n\n"
        f"\"Saya sudah menandatangani disposisinya minggu ini,\" tuturnya {cue}.")
    assert took_part(extract(text), "Darmaji Suryokusumo", "apel") is there


HANDOVER = DATELINE + (
    "Bupati Purworejo Sri Handayani menyerahkan SK pengangkatan kepada 300 PPPK di Pendopo Kabupaten Purworejo, "
    "Senin (4/3/2029).{other}\n\n{lead} Wulan Permatasari, guru SD Negeri 3 Bagelen, mengaku terharu.")


@pytest.mark.parametrize("lead,other,there", [
    ("Salah seorang penerima SK,", "", True),
    ("Seorang penerima SK,", "", True),
    # counter-examples: no word of being one of those it was for; two handovers, so no telling which
    ("Sementara itu,", "", False),
    ("Salah seorang penerima SK,", " Usai itu, bupati membagikan bantuan beasiswa di Aula Bagelen, Senin (4/3/2029).",
     False),
])
def test_a_recipient_named_at_a_handover_was_there(extract, lead, other, there):
    r = extract(HANDOVER.format(lead=lead, other=other))
    assert took_part(r, "Wulan Permatasari", "penyerahan") is there


@pytest.mark.parametrize("lead,there", [
    ("Salah satu peserta pelatihan,", True),     # one of the trainees, at the training the word names
    ("Salah satu peserta seleksi,", False),      # counter-example: no event with that word here
])
def test_a_trainee_named_at_a_training_was_there(extract, lead, there):
    text = DATELINE + ("Dinas Kominfo menggelar Pelatihan Jurnalistik Desa di Aula Bagelen, Senin (4/3/2029).\n\n"
                       f"{lead} Wulan Permatasari, mengaku mendapat ilmu baru.")
    assert took_part(extract(text), "Wulan Permatasari", "pelatihan") is there


# --- what is no happening ------------------------------------------------------------------------

@pytest.mark.parametrize("text,held", [
    # graduates of a training name the programme they went through, not a happening the article tells
    ("Sebanyak sembilan pejabat merupakan alumni Pelatihan Kepemimpinan Pengawas yang diselenggarakan "
     "bersama LAN.", False),
    ("Ia lulusan Pelatihan Kepemimpinan Pengawas tahun 2027.", False),
    # counter-example: the training followed at a venue on a day
    ("Sebanyak 40 pejabat mengikuti Pelatihan Kepemimpinan Pengawas di Aula Bagelen, Senin (5/3/2029).", True),
])
def test_graduates_of_a_training_name_no_happening(extract, text, held):
    got = {e.label.lower() for e in extract(DATELINE + text).entities if e.type == "Event"}
    assert ("pelatihan kepemimpinan pengawas" in got) is held, got


# --- names ----------------------------------------------------------------------------------------

def event_names(r) -> set[str]:
    return {n.lower() for e in r.entities if e.type == "Event" for n in (e.label, *e.aliases)}


@pytest.mark.parametrize("text,name,absent", [
    # an activity word with no name of its own is named by the quoted title after "bertajuk/bertema"
    ("Dinas Pendidikan menggelar seminar bertajuk “Guru Hebat Bagelen Maju” di Aula Bagelen, Senin (5/3/2029).",
     "seminar guru hebat bagelen maju", None),
    # ... a wrapping word ("acara") gives way to the title
    ("Pemkab menggelar acara bertema “Malam Budaya Nusantara” di Alun-alun Purworejo, Sabtu (3/3/2029).",
     "malam budaya nusantara", None),
    # counter-examples: a name of its own keeps it; a lower-case slogan is no name
    ("Rapat koordinasi kepegawaian bertema “Sinergi ASN” digelar di Aula Bagelen, Senin (5/3/2029).",
     "rapat koordinasi kepegawaian", "rapat koordinasi kepegawaian sinergi asn"),
    ("Kegiatan bertajuk “peduli sesama” itu diikuti warga Bagelen.", None, "peduli sesama"),
])
def test_an_event_named_by_its_quoted_title(extract, text, name, absent):
    got = event_names(extract(DATELINE + text))
    assert name is None or name in got, got
    assert absent is None or absent not in got, got


@pytest.mark.parametrize("text,name", [
    # a wrapping word opening the sentence, capitalised, wraps an activity told held after it
    ("Kegiatan exit meeting dilaksanakan di Aula Inspektorat, Jumat (9/3/2029).", "exit meeting"),
    # counter-example: the same words in a remark, held nowhere
    ("Kegiatan exit meeting itu penting bagi setiap unit, katanya.", None),
])
def test_a_capitalised_wrapper_wraps_a_bare_activity(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # a lower-case name runs across "dan/serta" to the venue or the verb of holding ...
    ("Sosialisasi pencegahan stunting dan pernikahan dini serta pola asuh anak dilaksanakan di Balai Desa "
     "Kaliboto, Senin (5/3/2029).", "sosialisasi pencegahan stunting dan pernikahan dini serta pola asuh anak"),
    # ... counter-example: words that go on with the sentence keep the short name
    ("Bupati menggelar sosialisasi pencegahan stunting dan pernikahan dini serta pola asuh anak yang menjadi "
     "masalah utama warga desa.", "sosialisasi pencegahan stunting dan pernikahan dini"),
    # a round's number after its word is part of the name
    ("Wakil Bupati memimpin rapat evaluasi kinerja triwulan II di Aula Bagelen, Senin (5/3/2029).",
     "rapat evaluasi kinerja triwulan ii"),
    ("Dinas menggelar pelatihan kader posyandu angkatan 3 di Aula Bagelen, Senin (5/3/2029).",
     "pelatihan kader posyandu angkatan 3"),
])
def test_lower_case_name_boundaries(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert name in got, got


def test_selections_of_one_recruitment_are_events_of_their_own(extract):
    r = extract(DATELINE + "Sebanyak 1.200 peserta mengikuti Seleksi Kompetensi Dasar (SKD) CPNS 2029 di Gedung "
                           "Serbaguna, Senin (7/10/2029). Peserta yang lulus berhak mengikuti Seleksi Kompetensi Bidang "
                           "(SKB).")
    got = {e.label for e in r.entities if e.type == "Event"}
    assert {"Seleksi Kompetensi Dasar CPNS 2029", "Seleksi Kompetensi Bidang"} <= got, got


def test_a_verb_after_a_lower_case_activity_is_no_part_of_its_name(extract):
    r = extract(DATELINE + "Seleksi Terbuka JPT Pratama digelar di Aula Bappeda, Senin (3/6/2029). Ia menegaskan seluruh "
                           "tahapan seleksi diawasi Badan Kepegawaian Negara.")
    assert not any("diawasi" in n for n in event_names(r)), event_names(r)


def test_the_opening_of_a_training_named_by_its_short_form_is_the_training(extract):
    r = extract(DATELINE + "Sebanyak 40 ASN mengikuti Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II Tahun 2029 yang "
                           "dibuka di Aula BPSDM, Rabu (12/3/2029).\n\nPembukaan PKP Angkatan II ditandai pemukulan tifa.")
    got = [e.label for e in r.entities if e.type == "Event"]
    assert len(got) == 1 and got[0].startswith("Pelatihan Kepemimpinan Pengawas"), got


def test_an_events_short_form_in_brackets_points_at_it(extract):
    r = extract(DATELINE + "Bupati Budi Santoso melakukan inspeksi mendadak (sidak) ke kantor dinas, Selasa (16/4/2029)."
                           "\n\nDalam sidak tersebut, Budi didampingi Kepala BKPSDM Rina Marlina dan Inspektur Daerah "
                           "Agus Salim.")
    ents = {e.key: e.label for e in r.entities}
    there = {ents.get(p) for ev in r.events for p in ev.participants}
    assert {"Rina Marlina", "Agus Salim"} <= there, there


@pytest.mark.parametrize("text,absent", [
    ("Komisi I menggelar rapat dengar pendapat di ruang sidang utama gedung DPRD, Rabu (26/6/2029).", "sidang"),
    ("Pemerintah daerah menargetkan predikat A pada evaluasi 2030.", "evaluasi"),
    ("Sekitar 300 honorer yang tergabung dalam Forum Honorer Kota Palopo menggelar aksi di depan kantor DPRD.",
     "forum"),
])
def test_a_room_a_body_or_a_yearly_round_is_no_event(extract, text, absent):
    assert not any(n.startswith(absent) for n in event_names(extract(DATELINE + text)))


def test_a_yearly_round_held_somewhere_on_a_day_is_an_event(extract):
    r = extract(DATELINE + "Tim melakukan evaluasi 2030 di Aula Bappeda, Senin (3/6/2030).")
    assert any(n.startswith("evaluasi 2030") for n in event_names(r)), event_names(r)


def test_an_activity_undergone_is_held(extract):
    r = extract(DATELINE + "Tim penilai turun ke Kota Bogor, Selasa (15/10/2029). Dua unit kerja menjalani evaluasi "
                           "lapangan untuk meraih predikat WBK.")
    assert "evaluasi lapangan" in event_names(r)


@pytest.mark.parametrize("text,name", [
    # a two-word activity in lower case, told held by the venue or the date after it, is an event ...
    ("Capaian itu diumumkan dalam rapat pimpinan di Aula Peteng Karuhei, Rabu (28/2/2029).", "rapat pimpinan"),
    ("Pegawai mengikuti donor darah di halaman kantor bupati, Jumat (1/3/2029).", "donor darah"),
    # ... not one spoken of in general, nor a process "carried out"
    ("Bupati meminta rapat pimpinan rutin membahas disiplin pegawai.", None),
    ("Mutasi itu hasil penilaian kinerja dan uji kompetensi yang dilakukan secara terbuka.", None),
])
def test_a_bare_two_word_activity_told_held_by_its_scene(extract, text, name):
    got = event_names(extract(DATELINE + text))
    if name:
        assert name in got, got
    else:
        assert not got, got


@pytest.mark.parametrize("text,name", [
    # an activity of candidates listed as a kind of campaigning, with no venue or date, is no happening ...
    ("ASN tidak boleh terlibat, termasuk sekadar hadir di acara deklarasi pasangan calon.", None),
    ("Bawaslu menerima laporan keterlibatan ASN dalam kegiatan sosialisasi bakal calon bupati.", None),
    # ... but one held somewhere on a day is
    ("Camat itu hadir dalam deklarasi pasangan calon di Lapangan Merdeka, Sabtu (31/8/2029).",
     "deklarasi pasangan calon"),
])
def test_a_kind_of_campaigning_is_no_event(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,absent", [
    # a word of ending or starting after an activity word is the sentence's verb, not part of a name
    ("Ia berpesan agar inovasi tidak berhenti setelah latsar berakhir.", "latsar berakhir"),
    ("Setelah diklat berakhir, peserta kembali ke kantor masing-masing.", "diklat berakhir"),
    ("Peserta tetap semangat setelah rakor selesai.", "rakor selesai"),
])
def test_a_verb_of_ending_closes_an_activity_name(extract, text, absent):
    assert absent not in event_names(extract(DATELINE + text))


@pytest.mark.parametrize("sentence,there", [
    # presenters and moderators at the meeting just told were there
    ("Kepala Bappeda Purworejo Rudi Hartanto memaparkan rencana aksi daerah.", True),
    ("Materi disampaikan oleh Kepala Bappeda Purworejo Rudi Hartanto.", True),
    ("Bertindak sebagai moderator, Kepala Bappeda Purworejo Rudi Hartanto.", True),
    # counter-example: no word of taking part
    ("Kepala Bappeda Purworejo Rudi Hartanto sebelumnya bertugas di Kota Magelang.", False),
])
def test_presenters_at_a_meeting_were_there(extract, sentence, there):
    text = DATELINE + ("Dinas Kominfo menggelar Rapat Koordinasi Statistik Sektoral di Aula Bagelen, Senin (5/3/2029). "
                       + sentence)
    assert took_part(extract(text), "Rudi Hartanto", "rapat koordinasi") is there


OPENING = DATELINE + (
    "Mal Pelayanan Publik Kabupaten Purworejo yang baru diresmikan menampung 90 jenis layanan.\n\n"
    "\"Warga cukup datang sekali ke sini,\" kata Kepala Ombudsman Jawa Tengah Dimas Pranowo usai peresmian di "
    "Kota Magelang, Kamis (15/3/2029).\n\n"
    "Kepala DPMPTSP Purworejo Laras Kinanti mengatakan gedung itu dibangun dengan dana daerah.\n\n"
    "Peresmian MPP tersebut turut dihadiri para camat.")


def test_a_bare_event_word_after_words_said_points_at_the_event(extract):
    r = extract(OPENING)
    # the bare word after "usai" in the speaker's attribution is the opening told later: its day, its town,
    # and the scene that opens there (the next speaker was there too)
    assert took_part(r, "Dimas Pranowo", "peresmian") and took_part(r, "Laras Kinanti", "peresmian")
    ents = {e.key: e for e in r.entities}
    rep = next(x for x in r.events if ents[x.event].label.lower().startswith("peresmian"))
    assert rep.date == "2029-03-15" and ents[rep.place].label == "Kota Magelang", (rep, ents.get(rep.place))


def test_after_an_event_another_happening_is_no_pointer(extract):
    # counter-example: "Usai apel, ..." opens what came after the roll call, not words said at it
    text = DATELINE + (
        "Bupati Purworejo Sri Handayani memimpin apel gabungan di halaman Kantor Bupati Purworejo, "
        "Selasa (2/1/2029).\n\nUsai apel, bupati menggelar ramah tamah di Aula Bagelen yang dihadiri "
        "Kapolres Purworejo Agus Wicaksono.")
    assert not took_part(extract(text), "Agus Wicaksono", "apel")


@pytest.mark.parametrize("text,name", [
    # a name before "yang (baru) diresmikan" in a dated sentence: the opening of what it names
    ("Menteri menilai Mal Pelayanan Publik (MPP) Kabupaten Purworejo yang baru diresmikan di Bagelen, "
     "Kamis (15/3/2029), layak jadi percontohan.", "peresmian mal pelayanan publik kabupaten purworejo"),
    ("Warga memadati Pasar Baledono yang diresmikan Bupati Purworejo, Senin (12/3/2029).", "peresmian pasar baledono"),
    # counter-examples: no day in the sentence; no name before "yang"
    ("Menteri menilai Mal Pelayanan Publik Kabupaten Purworejo yang baru diresmikan layak jadi percontohan.", None),
    ("Ia menyebut aplikasi yang diluncurkan kemarin kurang diminati, Senin (12/3/2029).", None),
])
def test_a_name_told_opened_in_a_relative_clause(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name,policy", [
    # a regulation told by its number is part of the name of the event about it, and stays a policy
    ("Wakil Bupati membuka kegiatan Sosialisasi Peraturan Daerah Nomor 5 Tahun 2028 tentang Ketertiban Umum di "
     "Aula Kecamatan Bagelen, Rabu (7/3/2029).",
     "sosialisasi peraturan daerah nomor 5 tahun 2028 tentang ketertiban umum", "Peraturan Daerah Nomor 5 Tahun 2028"),
    ("BKD menggelar Sosialisasi Peraturan Menteri PANRB Nomor 1 Tahun 2029 di Aula Bagelen, Rabu (7/3/2029).",
     "sosialisasi peraturan menteri panrb nomor 1 tahun 2029", None),
    # counter-example: a number after "nomor" in lower case is no part of a capitalised name
    ("BKD menggelar Sosialisasi Peraturan Menteri di ruang nomor 3 Gedung Bagelen, Rabu (7/3/2029).",
     "sosialisasi peraturan menteri", None),
])
def test_a_regulation_number_inside_an_event_name(extract, text, name, policy):
    r = extract(DATELINE + text)
    assert name in event_names(r), event_names(r)
    assert policy is None or policy in {e.label for e in r.entities if e.type == "Policy"}


@pytest.mark.parametrize("text,name", [
    # a lower-case event word and modifier before a capitalised name, told held by nothing: a procedure
    # described, no happening
    ("Kerugian yang tidak dikembalikan diputus melalui sidang majelis Tim Penyelesaian Kerugian Daerah.", None),
    # counter-examples: the same told held (a verb of holding, a venue and day); a short form after the modifier
    ("Inspektorat menggelar sidang majelis Tim Penyelesaian Kerugian Daerah di Aula Bagelen, Rabu (7/3/2029).",
     "sidang majelis tim penyelesaian kerugian daerah"),
    ("Ribuan ASN mengikuti apel netralitas ASN di Alun-alun Purworejo, Senin (5/3/2029).", "apel netralitas asn"),
])
def test_a_modified_activity_before_a_name_needs_telling_held(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # capitalised words after a wrapping word, told held, name the event ...
    ("Pemkab melaksanakan kegiatan Jumat Bersih di lingkungan perkantoran, Jumat (9/3/2029).", "jumat bersih"),
    ("Bupati menghadiri acara Purworejo Bersholawat di Alun-alun Purworejo, Sabtu (10/3/2029).",
     "purworejo bersholawat"),
    # ... counter-examples: a body's activities, an honorific, a day, and words told held by nothing
    ("Kegiatan Dinas Kesehatan dipusatkan di Aula Bagelen, Senin (5/3/2029).", None),
    ("Ia meminta kegiatan Ibu Bupati dijadwalkan ulang.", None),
    ("Kegiatan Senin (5/3/2029) itu diikuti warga.", None),
    ("Ia berharap kegiatan Purworejo Bersholawat terus ada.", None),
])
def test_an_event_named_by_capitalised_words_after_a_wrapper(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # short forms of meetings and planning forums (events.jsonl)
    ("Pemkab menggelar Rakortek Perencanaan Pembangunan di Aula Bagelen, Senin (5/3/2029).",
     "rakortek perencanaan pembangunan"),
    ("Camat membuka Musrenbangcam Bagelen Tahun 2029 di Aula Kecamatan, Senin (5/3/2029).",
     "musrenbangcam bagelen tahun 2029"),
    ("Gubernur memimpin ratas penanganan banjir di Gedung Gradhika, Senin (5/3/2029).", "ratas penanganan banjir"),
    # counter-example: the short form in a remark, held nowhere, names no happening
    ("Ia menilai ratas penting, katanya.", None),
])
def test_short_forms_of_meetings(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # mobile public services opened somewhere on a day are happenings
    ("Disdukcapil membuka gerai pelayanan terpadu keliling di Kantor Camat Bagelen, Selasa (6/3/2029).",
     "gerai pelayanan terpadu keliling"),
    ("Tim menggelar pelayanan keliling di Balai Desa Kaliboto, Rabu (7/3/2029).", "pelayanan keliling"),
    # counter-example: the service spoken of in general
    ("Ia berharap pelayanan keliling terus ada bagi warga pedalaman.", None),
])
def test_mobile_services_held_somewhere(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,election", [
    # elections in general: after a quantifier, or defined by a copula
    ("ASN harus netral dalam setiap pemilu, katanya.", False),
    ("Pemilu adalah pesta demokrasi rakyat, ujarnya.", False),
    # counter-examples: one election told, by its year or a cue of time
    ("ASN harus netral dalam setiap tahapan Pemilu 2029, katanya.", True),
    ("Menjelang pilkada, Bawaslu Purworejo menggelar patroli.", True),
])
def test_elections_in_general_are_no_event(extract, text, election):
    got = {e.label for e in extract(DATELINE + text).entities if e.type == "Event"}
    assert any(g.startswith(("Pemilu", "Pilkada")) for g in got) is election, got


MEETING = DATELINE + "Pemkab Purworejo menggelar Rapat Koordinasi Penanganan Stunting di Aula Bagelen, Senin (5/3/2029).\n\n"


@pytest.mark.parametrize("sentence,there", [
    # the event's bare word pointing back ("rapat itu") or after a verb of taking part ("memimpin rapat")
    ("Dalam rapat itu, Kepala Dinas Kesehatan Purworejo Rudi Hartanto melaporkan angka stunting turun.", True),
    ("Wakil Bupati Purworejo Rudi Hartanto yang memimpin rapat meminta data diperbarui.", True),
    # counter-examples: what came of it ("hasil rapat tersebut" goes to someone); a meeting of its own name
    ("Hasil rapat tersebut akan dilaporkan kepada Gubernur Jawa Tengah Rudi Hartanto.", False),
    ("Wakil Bupati Purworejo Rudi Hartanto berhalangan hadir dalam rapat itu.", False),
])
def test_a_bare_event_word_pointing_back_places_its_sentence_there(extract, sentence, there):
    assert took_part(extract(MEETING + sentence), "Rudi Hartanto", "rapat koordinasi") is there


@pytest.mark.parametrize("text,name,absent", [
    # a venue written right after the name without "di" is no part of it
    ("Bupati membuka Rapat Koordinasi Kepegawaian Aula Bappeda Purworejo, Senin (5/3/2029).",
     "rapat koordinasi kepegawaian", "rapat koordinasi kepegawaian aula bappeda purworejo"),
    ("Bupati memimpin Apel Pagi Halaman Kantor Bupati Purworejo, Senin (5/3/2029).", "apel pagi",
     "apel pagi halaman kantor bupati purworejo"),
    # counter-examples: the building opened or built is what the event is about
    ("Bupati menghadiri Peresmian Gedung Serbaguna Bagelen, Senin (5/3/2029).", "peresmian gedung serbaguna bagelen",
     None),
    ("Bupati menghadiri Peletakan Batu Pertama Pembangunan Gedung Serbaguna Bagelen, Senin (5/3/2029).",
     "peletakan batu pertama pembangunan gedung serbaguna bagelen", None),
])
def test_a_venue_after_the_name_without_di(extract, text, name, absent):
    got = event_names(extract(DATELINE + text))
    assert name in got and (absent is None or absent not in got), got


@pytest.mark.parametrize("text,second", [
    # two happenings told by two verbs joined in one dated sentence are two events
    ("Bupati Purworejo Sri Handayani melantik 20 pejabat administrator sekaligus menyerahkan SK kepada 100 PPPK "
     "di Pendopo Kabupaten, Senin (5/3/2029).", True),
    # counter-example: the second verb not joined to the first, in a sentence an event was taken from
    ("Bupati Purworejo Sri Handayani melantik 20 pejabat administrator yang akan menyerahkan SK kepada 100 PPPK "
     "di Pendopo Kabupaten, Senin (5/3/2029).", False),
])
def test_two_verbs_joined_tell_two_events(extract, text, second):
    got = event_names(extract(DATELINE + text))
    assert "pelantikan 20 pejabat administrator" in got and ("penyerahan sk" in got) is second, got


@pytest.mark.parametrize("when,iso", [
    # a range of days: the event began on the first
    ("5-6 Maret 2029", "2029-03-05"),
    ("Senin-Selasa (5-6/3/2029)", "2029-03-05"),
    # counter-examples: one day; a count before the date is no range
    ("Senin (5/3/2029)", "2029-03-05"),
    ("untuk 10-15 peserta, Selasa (6/3/2029)", "2029-03-06"),
])
def test_a_range_of_days_dates_the_event_by_its_first(extract, when, iso):
    r = extract(DATELINE + f"Pemkab menggelar Rapat Koordinasi Statistik di Aula Bagelen, {when}.")
    assert event_dates(r).get("Rapat Koordinasi Statistik") == iso, event_dates(r)


@pytest.mark.parametrize("text,name", [
    # recitation contests, regional sports weeks and organisations' congresses by their short forms
    ("Gubernur membuka MTQ ke-33 Tingkat Provinsi Jawa Tengah di Alun-alun Purworejo, Senin (5/3/2029).",
     "mtq ke-33 tingkat provinsi jawa tengah"),
    ("Organisasi itu menggelar Musda ke-5 di Hotel Sanjaya, Senin (5/3/2029).", "musda ke-5"),
    # counter-example: the contest spoken of, held nowhere
    ("Kafilah Purworejo meraih juara umum MTQ tahun lalu.", None),
])
def test_contests_and_congresses_by_short_forms(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # what a verb of holding holds, told at a venue on a day, is an event, event word or not
    ("Dinas Kesehatan menggelar vaksinasi massal di Gedung Serbaguna, Senin (5/3/2029).", "vaksinasi massal"),
    ("Polres menggelar Jumat Curhat di Masjid Agung Purworejo, Jumat (9/3/2029).", "jumat curhat"),
    # counter-examples: governing is no happening; one bare word names none; nothing tells it held
    ("Pemkab menyelenggarakan pemerintahan yang bersih dan melayani.", None),
    ("Dinas menggelar pertemuan dengan kepala desa di Pendopo Kabupaten, Senin (5/3/2029).", None),
    ("Dinas berencana menggelar vaksinasi massal tahun depan.", None),
])
def test_what_a_verb_of_holding_holds(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # a capitalised name runs across "serta" as across "dan"
    ("Pemkab menggelar Rapat Koordinasi Penanganan Banjir serta Tanah Longsor di Aula Bagelen, Senin (5/3/2029).",
     "rapat koordinasi penanganan banjir serta tanah longsor"),
    # counter-example: "serta" before a lower-case word is no part of the capitalised name
    ("Pemkab menggelar Rapat Koordinasi Penanganan Banjir serta membagikan bantuan di Aula Bagelen, "
     "Senin (5/3/2029).", "rapat koordinasi penanganan banjir"),
])
def test_a_capitalised_name_across_serta(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert name in got, got


def test_serta_before_another_event_word_keeps_two_events(extract):
    # counter-example to the name across "serta": another happening's word after it opens a name of its own
    got = event_names(extract(DATELINE + "Bupati menghadiri Peringatan Hari Pahlawan serta Ramah Tamah Veteran di "
                                          "Aula Bagelen, Senin (5/3/2029)."))
    assert "peringatan hari pahlawan" in got and "ramah tamah veteran" in got, got


@pytest.mark.parametrize("sentence,name", [
    # a lower-case activity and a modifier before a programme's name: the programme is part of what was held
    ("Tiga unit kerja menjalani desk evaluasi pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi. Desk "
     "evaluasi dibuka oleh Bupati Wonosobo Budi Santoso di Pendopo Bupati, Selasa (8/10/2024).",
     "desk evaluasi pembangunan zona integritas"),
    ("Rumah sakit itu kembali menjalani evaluasi lapangan Zona Integritas menuju Wilayah Bebas dari Korupsi. "
     "Evaluasi dibuka oleh Wali Kota Budi Santoso di aula rumah sakit, Selasa (16/7/2024).",
     "evaluasi lapangan zona integritas"),
])
def test_a_modifier_before_a_programme_keeps_it_in_the_name(extract, sentence, name):
    r = extract("WONOSOBO - " + sentence)
    got = [n.lower() for e in r.entities if e.type == "Event" for n in (e.label, *e.aliases)]
    assert any(g.startswith(name) for g in got), got


@pytest.mark.parametrize("text,name", [
    # a bare activity word, held by the verb before it and placed by the venue right after it
    ("Bupati Sarolangun, Budi Santoso, memimpin apel di halaman Kantor Bupati Sarolangun.", "apel"),
    ("Wakil Bupati menghadiri rapat di Aula Bagelen, Senin (5/3/2029).", "rapat"),
    # an inspection by where it goes, a body's office too
    ("Ombudsman melakukan sidak ke Mal Pelayanan Publik Kota Bagelen, Rabu (8/1/2029).", "sidak"),
    ("Sekda melakukan sidak ke Dinas Kesehatan Kabupaten Bagelen, Rabu (8/1/2029).", "sidak"),
    # counter-examples: no venue, a room with no name, a preposition before it, a body's office
    ("Ia meminta pegawai rajin mengikuti apel setiap pagi.", None),
    ("Sekda memimpin rapat di ruang kerjanya.", None),
    ("Pegawai yang sedang mengikuti pelatihan di Lembaga Administrasi Negara dikecualikan.", None),
    ("Sekda meminta inspektorat rutin melakukan sidak ke sekolah-sekolah.", None),
])
def test_a_bare_activity_held_and_placed(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


@pytest.mark.parametrize("text,name", [
    # an activity named in lower case, opening its sentence and pointing back, told held after the pointer
    ("Warga kini bisa mengambil antrean dari rumah.\n\nPeluncuran aplikasi itu dilakukan Wali Kota di "
     "lantai dasar Gedung MPP Bagelen.", "peluncuran aplikasi"),
    # counter-example: the pointer in a remark, with no verb of holding after it
    ("Warga kini bisa mengambil antrean dari rumah.\n\nPeluncuran aplikasi itu penting bagi warga.", None),
])
def test_an_activity_pointing_back_told_held(extract, text, name):
    got = event_names(extract(DATELINE + text))
    assert (name in got) if name else not got, got


def test_the_story_s_day_is_the_first_day_of_a_range(extract):
    # an event dated only by the story's day, written as a range of days: it began on the first
    r = extract("CURUP - Diskominfo menggelar Bimbingan Teknis Penguatan SPBE bagi operator perangkat daerah. Kegiatan "
                "berlangsung selama dua hari, Kamis-Jumat (20-21/6/2029), di Aula Bagelen.")
    assert event_dates(r).get("Bimbingan Teknis Penguatan SPBE") == "2029-06-20", event_dates(r)


@pytest.mark.parametrize("second,one", [
    # the opening of the training just named is that training, and who opened it took part in it
    ("Pembukaan pelatihan berlangsung di Aula Ranaka, Selasa (15/4/2029). Pelatihan dibuka Wakil Bupati Manggarai, "
     "Fransiskus Jehadu.", True),
    # counter-example: the opening of another kind of happening is its own
    ("Pembukaan pameran berlangsung di Aula Ranaka, Selasa (15/4/2029).", False),
])
def test_an_opening_of_the_training_just_named(extract, second, one):
    r = extract(DATELINE + "Sebanyak 48 pejabat mengikuti Pelatihan Kepemimpinan Pengawas Angkatan II Tahun 2029. " + second)
    labels = {e.label for e in r.entities if e.type == "Event"}
    assert (not any(lab.lower().startswith("pembukaan") for lab in labels)) == one, labels
    if one:
        assert took_part(r, "Fransiskus Jehadu", "pelatihan kepemimpinan")


@pytest.mark.parametrize("text,label", [
    ("Kebijakan itu tertuang dalam Peraturan Bupati Subang Nomor 71 Tahun 2024. Sosialisasinya digelar di Aula "
     "Pemda Subang, Kamis (19/12/2024).", "Sosialisasi"),
    ("Tim Penilai Nasional melakukan kunjungan lapangan ke Kota Singkawang, Rabu (9/10/2024).", "Kunjungan lapangan"),
    # counter-examples: "-nya" on a word that is no event, and an event word with "-nya" told held by nothing
    ("Hasilnya diumumkan pekan depan, kata Budi Santoso.", None),
    ("Sosialisasinya memang belum merata ke semua desa, kata Budi Santoso.", None),
])
def test_an_event_word_with_nya_told_held_and_a_field_visit(extract, text, label):
    got = [e.label for e in extract(DATELINE + text).entities if e.type == "Event"]
    assert got == ([label] if label else []), got
