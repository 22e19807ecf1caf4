"""Civil-society bodies, offices held in turn, interview answers, polling days and short statements
(kg/nlp: acronyms.py, people.py, quotes.py, event_reports.py, offices.py). Sentences written for these
tests; every person's name is invented."""
from __future__ import annotations

import pytest

DATELINE = "SLEMAN, Warta Daerah - "


def _of(r, kind):
    return {e.label: e for e in r.entities if e.type == kind}


def _key(r, label):
    return next(e.key for e in r.entities if e.label == label)


@pytest.mark.parametrize("sentence,body,is_agency", [
    # a civil-society body: a head such bodies share with the state's and a word of citizens' own organising
    ("Ketua Forum Masyarakat Peduli Sleman (FMPS), Budi Santoso, berharap dewan lebih terbuka.",
     "Forum Masyarakat Peduli Sleman", False),
    ("Direktur Lembaga Pemantau Anggaran Sleman (LPAS), Budi Santoso, menilai rencana itu lambat.",
     "Lembaga Pemantau Anggaran Sleman", False),
    ("Ketua Kelompok Wanita Tani (KWT) Mawar, Sri Lestari, meminta pupuk dibagi merata.", "Kelompok Wanita Tani", False),
    # counter-examples: state bodies with the same heads
    ("Kepala Lembaga Administrasi Negara (LAN), Budi Santoso, membuka pelatihan.", "Lembaga Administrasi Negara", True),
    ("Forum Koordinasi Pimpinan Daerah (Forkopimda) Sleman menggelar rapat.",
     "Forum Koordinasi Pimpinan Daerah Kabupaten Sleman", True),
])
def test_a_civil_society_body_is_no_agency(extract, sentence, body, is_agency):
    r = extract(DATELINE + sentence)
    agencies = _of(r, "Agency")
    assert any(body in label for label in agencies) is is_agency, sorted(agencies)
    assert not any(body in label for label in _of(r, "Person")), sorted(_of(r, "Person"))


@pytest.mark.parametrize("sentence,person", [
    # a speech word used as a noun after another word names no speaker
    ("Taspen langsung memproses klaim Tabungan Hari Tua dan pensiun pertama bagi peserta.", None),
    # counter-example: after a quotation it is the cue before its speaker
    ("“Semua berkas sudah lengkap dan diproses hari ini,” klaim Budi Santoso.", "Budi Santoso"),
])
def test_a_cue_word_after_a_word_is_a_noun(extract, sentence, person):
    people = set(_of(extract(DATELINE + sentence), "Person"))
    assert people == ({person} if person else set()), people


@pytest.mark.parametrize("sentence,name,title", [
    # a hyphen inside one word of an office (a compound in lower case after it) is no name's
    ("Kepala Bidang Penegakan Perundang-undangan Daerah Satpol PP Sleman, Yosef Anyeq, mengatakan petugas tidak "
     "menyita barang dagangan.", "Yosef Anyeq", "Kepala Bidang Penegakan Perundang-undangan Daerah Satpol PP Sleman"),
    # counter-example: a surname repeated with a capital after the hyphen is a name
    ("Kepala Diskominfo Merauke, Fransiska Basik-Basik, menambahkan pihaknya menyiapkan server cadangan.",
     "Fransiska Basik-Basik", "Kepala Diskominfo Merauke"),
])
def test_a_hyphenated_compound_inside_an_office(extract, sentence, name, title):
    r = extract(DATELINE + sentence)
    assert set(_of(r, "Person")) == {name}
    assert [role.title for role in r.roles] == [title]


@pytest.mark.parametrize("sentence,label", [
    # a minister's regulation whose portfolio lists its fields with commas
    ("Penggunaan dana desa mengacu pada Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi "
     "(Permendes PDTT) Nomor 7 Tahun 2023 tentang Rincian Prioritas Penggunaan Dana Desa.",
     "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 7 Tahun 2023"),
    ("Penempatan mengacu pada Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 40 Tahun 2021.",
     "Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 40 Tahun 2021"),
])
def test_a_regulation_of_a_ministry_named_by_fields(extract, sentence, label):
    assert label in _of(extract(DATELINE + sentence), "Policy")


def test_a_list_of_offices_is_no_regulation(extract):
    r = extract(DATELINE + "Surat itu ditujukan kepada Gubernur, Bupati, dan Wali Kota se-Indonesia.")
    assert not _of(r, "Policy")


def test_ranperda_names_a_draft_regulation(extract):
    r = extract(DATELINE + "Bapemperda membahas Ranperda tentang Pengelolaan Barang Milik Daerah pekan ini.")
    assert "Ranperda tentang Pengelolaan Barang Milik Daerah" in _of(r, "Policy")


@pytest.mark.parametrize("sentence,speaker", [
    # an agency's own channel set off by commas between it and its speech verb
    ("Pemkab Sleman, melalui keterangan tertulis Dinas Komunikasi dan Informatika, menyatakan akan membentuk "
     "tim verifikasi bersama perwakilan honorer.", "Pemerintah Kabupaten Sleman"),
    ("KPK sendiri, melalui surat edaran menjelang hari raya, meminta pegawai negeri menolak gratifikasi dalam "
     "bentuk apa pun.", "Komisi Pemberantasan Korupsi"),
    # counter-example: a person named in the channel speaks
    ("Pemkab Sleman, melalui Kepala Dinas Kominfo Budi Santoso, menyatakan akan membentuk tim verifikasi honorer.",
     "Budi Santoso"),
])
def test_an_agency_speaks_through_its_channel(extract, sentence, speaker):
    r = extract(DATELINE + sentence)
    names = {e.key: e.label for e in r.entities}
    assert [names.get(q.speaker) for q in r.quotes] == [speaker]


def test_a_regional_office_with_its_short_form_in_brackets(extract):
    r = extract(DATELINE + "Kantor Regional (Kanreg) XII Badan Kepegawaian Negara (BKN) Pekanbaru menggelar "
                "layanan pensiun bagi ASN.")
    assert "Kantor Regional XII Badan Kepegawaian Negara" in _of(r, "Agency")
    assert not any(label.startswith("Kantor Regional") for label in _of(r, "Place"))


@pytest.mark.parametrize("sentence,agency,absent", [
    # the holder's honorific ends a body's name
    ("Wakil Ketua Pansus Hj. Nurlia Tomayahu, S.Pd., meminta BPKAD menyerahkan daftar aset.", None, "Pansus Hj"),
    # a Roman numeral ends a unit's name before a sentence adverb
    ("Nilai terendah diraih Puskesmas Abang I. Sebaliknya, nilai tertinggi diraih Dinas Sosial.",
     "Puskesmas Abang I", "Puskesmas Abang I. Sebaliknya"),
])
def test_where_a_body_name_ends(extract, sentence, agency, absent):
    got = _of(extract(DATELINE + sentence), "Agency")
    assert absent not in got and (agency is None or agency in got), sorted(got)


def test_initials_inside_a_street_name_still_go_on(extract):
    assert "Jalan A. Yani" in _of(extract(DATELINE + "Rapat digelar di Jalan A. Yani, Sleman."), "Place")


def test_labelled_answers_are_the_interviewees(extract):
    text = (DATELINE + "Berikut petikan wawancara dengan Kepala Dinas Kominfo Sleman, Budi Santoso, usai rapat.\n\n"
            "Tanya: Apa yang terjadi kalau OPD tidak menindaklanjuti aduan?\n"
            "Jawab: Setelah batas waktu lewat, aduan otomatis tercatat sebagai tunggakan.\n")
    r = extract(text)
    answers = [q for q in r.quotes if q.text.startswith("Setelah batas waktu")]
    assert [q.speaker for q in answers] == [_key(r, "Budi Santoso")]


@pytest.mark.parametrize("sentence,person", [
    ("Tokoh adat Biak, Yakonias Korwa, menyambut baik kehadiran penjabat bupati.", "Yakonias Korwa"),
    ("Kader posyandu, Rosdiana, mengatakan insentif kader belum cair sejak Juli.", "Rosdiana"),
    # a kin's word with -nya, then the name
    ("Ia mengaku dibantu kakaknya, Susanti Tjhai, perawat di puskesmas yang sama.", "Susanti Tjhai"),
    # a Batak name with "br." before its degree
    ("Pengambilan sumpah didampingi rohaniwan Pdt. Lamria br. Simatupang, M.Th., sedangkan yang lain menunggu.",
     "Lamria br. Simatupang"),
])
def test_a_person_described_by_a_noun_for_a_person(extract, sentence, person):
    assert person in _of(extract(DATELINE + sentence), "Person")


def _roles(r):
    names = {e.key: e.label for e in r.entities}
    return sorted((names[x.person], x.title) for x in r.roles)


@pytest.mark.parametrize("text,expected", [
    # a move from one office to another: the holder holds both
    ("- Euis Kurniasih, S.E., dari Sekretaris Dinas Koperasi dan UKM menjadi Sekretaris Badan Pendapatan Daerah;",
     [("Euis Kurniasih", "Sekretaris Badan Pendapatan Daerah"), ("Euis Kurniasih", "Sekretaris Dinas Koperasi dan UKM")]),
    ("Camat Cibatu, Rina Marliana, S.STP., kini menjabat Camat Tarogong Kidul.",
     [("Rina Marliana", "Camat Cibatu"), ("Rina Marliana", "Camat Tarogong Kidul")]),
    # counter-example: one office written short and long is one office
    ("Hadir Asisten Administrasi Umum Setda Sleman, Idris Tammu. Asisten Administrasi Umum, Idris Tammu, menambahkan, "
     "hasil sidak akan dibahas pekan depan.", [("Idris Tammu", "Asisten Administrasi Umum Setda Sleman")]),
])
def test_offices_held_in_turn(extract, text, expected):
    assert _roles(extract(DATELINE + text)) == expected


def test_schools_named_by_their_towns_in_a_list_of_moves(extract):
    r = extract(DATELINE + "Daftar kepala sekolah yang dilantik:\n1. Jhonson Hutabarat, S.Pd., sebelumnya Kepala SMP Negeri 3 "
                "Siborongborong, kini menjabat Kepala SMP Negeri 1 Tarutung;\n2. Daniel Tua Lumbangaol, S.Pd., dari Plt "
                "menjadi Kepala SMP Negeri 2 Muara definitif.")
    assert set(_of(r, "Person")) >= {"Jhonson Hutabarat", "Daniel Tua Lumbangaol"}
    assert not {"Tarutung", "Muara"} & set(_of(r, "Person")), sorted(_of(r, "Person"))
    assert ("Jhonson Hutabarat", "Kepala SMP Negeri 1 Tarutung") in _roles(r), _roles(r)
    assert ("Jhonson Hutabarat", "Kepala SMP Negeri 3 Siborongborong") in _roles(r), _roles(r)


def test_a_ministry_named_by_a_list_of_fields_names_no_person(extract):
    r = extract(DATELINE + "Penempatan mengacu pada Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi "
                "Nomor 40 Tahun 2021.")
    assert not _of(r, "Person"), sorted(_of(r, "Person"))


def test_the_last_of_a_list_after_a_comma_and_dan(extract):
    r = extract(DATELINE + "Tiga wakil ketua diambil sumpahnya, yakni Parlindungan Sinaga, S.E., Drs. Mangatas Purba, "
                "dan Rosdiana Damanik, S.Pd. Prosesi dipandu ketua pengadilan.")
    assert {"Parlindungan Sinaga", "Mangatas Purba", "Rosdiana Damanik"} <= set(_of(r, "Person"))


@pytest.mark.parametrize("sentence,expected", [
    ("Tiurma Sinaga, S.H. mengucapkan sumpah/janji sebagai Ketua DPRD dalam rapat paripurna istimewa.",
     [("Tiurma Sinaga", "Ketua DPRD")]),
    # the last word of a body's name before the comma and its holder's name
    ("Direktur Perkumpulan Perempuan Selaparang, Nurhasanah Muhsin, mengapresiasi langkah Pemkab.",
     [("Nurhasanah Muhsin", "Direktur Perkumpulan Perempuan Selaparang")]),
    # a hall after "di" is where the office was taken up, not its organisation
    ("Gubernur melantik Dr. Datu Iskandar Zulkarnain, S.STP., sebagai Penjabat (Pj) Wali Kota Tarakan di Ruang "
     "Serbaguna Kantor Gubernur Kaltara, Tanjung Selor, Senin (23/9/2024).",
     [("Datu Iskandar Zulkarnain", "Penjabat Wali Kota Tarakan")]),
    # an electoral district with its short form in brackets; the next office of the list is another's
    ("Turut hadir anggota DPRD Kabupaten Poso dari daerah pemilihan (dapil) II, Hendrik Ramba, S.E., Kapolsek Poso "
     "Pesisir, dan Danramil Poso Pesisir.",
     [("Hendrik Ramba", "anggota DPRD Kabupaten Poso dari daerah pemilihan II")]),
    # a list of an office's fields with a two-word field
    ("Anggota KPU Sleman Divisi Sosialisasi, Pendidikan Pemilih, dan Partisipasi Masyarakat, Dewi Anggraini, "
     "mengatakan tes digelar pekan depan.",
     [("Dewi Anggraini", "Anggota KPU Sleman Divisi Sosialisasi Pendidikan Pemilih dan Partisipasi Masyarakat")]),
])
def test_offices_before_and_after_names(extract, sentence, expected):
    assert _roles(extract(DATELINE + sentence)) == expected


@pytest.mark.parametrize("sentence,unit", [
    # a subdistrict named after its regency and a word: the police sector of that subdistrict
    ("Kapolsek Poso Pesisir, Iptu Hendrik Ramba, mengatakan situasi aman.", "agency:polsek-poso-pesisir"),
    # counter-example: the regency's own police resort
    ("Kapolres Poso, AKBP Hendrik Ramba, mengatakan situasi aman.", "agency:polres-kabupaten-poso"),
])
def test_a_subdistrict_unit_named_after_its_regency(extract, sentence, unit):
    assert [x.organization for x in extract(DATELINE + sentence).roles] == [unit]


@pytest.mark.parametrize("sentence,event", [
    # a civil-society forum is a body, not a meeting
    ("Rapat dihadiri puluhan warga dari Forum Warga Pemegang Surat Ijo Kecamatan Wonokromo.", None),
    # counter-example: a forum held
    ("Pemkot menggelar Forum Perangkat Daerah di Aula Balai Kota, Senin (4/3/2024).", "Forum Perangkat Daerah"),
])
def test_a_civil_forum_is_no_event(extract, sentence, event):
    forums = [label for label in _of(extract(DATELINE + sentence), "Event") if label.startswith("Forum")]
    assert forums == ([event] if event else []), forums


def test_a_lower_case_event_name_ends_before_an_adverb(extract):
    r = extract(DATELINE + "Menurut Albertus, kegiatan bakti sosial sengaja dipusatkan di desa adat.")
    assert not any("sengaja" in label for label in _of(r, "Event")), sorted(_of(r, "Event"))


@pytest.mark.parametrize("text,dated", [
    # the polling day written after a voting word dates the regional election its document names
    ("ASN diminta netral dalam Pemilihan Bupati dan Wakil Bupati Sleman 2024. Sanksi menjadi peringatan menjelang "
     "hari pemungutan suara pada 27 November 2024.", "2024-11-27"),
    # the voting told with its day in one sentence
    ("Pj Bupati memantau pelaksanaan pemungutan suara Pemilihan Kepala Daerah (Pilkada) Serentak 2024 di sejumlah "
     "TPS di Kecamatan Depok, Rabu (27/11/2024).", "2024-11-27"),
    # counter-examples: a rehearsal of the voting is not the vote; an election of another year is not that vote
    ("KPPS menjadi ujung tombak Pemilihan Bupati dan Wakil Bupati Sleman 2024. Simulasi pemungutan suara akan "
     "digelar pada Sabtu (16/11/2024).", None),
    ("ASN diminta belajar dari Pemilihan Bupati dan Wakil Bupati Sleman 2020. Sanksi menjadi peringatan menjelang "
     "hari pemungutan suara pada 27 November 2024.", None),
])
def test_a_regional_election_takes_the_polling_day_written(extract, text, dated):
    r = extract(DATELINE + text)
    elections = [e for e in r.events if _label(r, e.event).startswith(("Pemilihan Bupati", "Pilkada"))]
    assert [e.date for e in elections] == [dated]


def _label(r, key):
    return next(e.label for e in r.entities if e.key == key)


@pytest.mark.parametrize("text,starts", [
    # a reported statement shorter than six words goes on with the next sentence of the report
    ("Budi Santoso mengatakan petugas tidak menyita barang. Pedagang diberi waktu tiga hari untuk pindah.",
     "petugas tidak menyita barang. Pedagang diberi waktu"),
    # counter-example: the next sentence has its own speaker
    ("Budi Santoso mengatakan petugas tidak menyita barang dagangan. Ia menambahkan, pedagang diberi waktu tiga hari.",
     "petugas tidak menyita barang dagangan."),
])
def test_a_short_statement_goes_on(extract, text, starts):
    quotes = [q.text for q in extract(DATELINE + text).quotes]
    assert quotes[0].startswith(starts) and (starts.endswith(".") is (quotes[0] == starts)), quotes


@pytest.mark.parametrize("text,speaker,starts", [
    # a body pointed back to after "Menurut"
    ("Ombudsman RI Perwakilan Kalimantan Barat meminta pemerintah daerah tidak memaksa warga beralih ke IKD. "
     "Menurut lembaga itu, IKD bersifat pilihan tambahan, bukan pengganti kewajiban.",
     "Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Barat", "IKD bersifat pilihan tambahan"),
    # a body named, then its verb: a clause after an agency's speech verb
    ("Badan Kepegawaian Negara (BKN) merekomendasikan Pemerintah Kota (Pemkot) Pekanbaru membatalkan rotasi 48 "
     "pejabat administrator.", "Badan Kepegawaian Negara", "Pemerintah Kota (Pemkot) Pekanbaru membatalkan"),
    # a verb of joking tells what was said
    ("Kepala Bawaslu Medan, Roy Siregar, hadir. Roy sempat berseloroh di depan wartawan bahwa urusan marga tidak "
     "akan memengaruhi pengawasan.", "Roy Siregar", "di depan wartawan bahwa urusan marga"),
])
def test_statements_of_bodies_and_jokes(extract, text, speaker, starts):
    r = extract(DATELINE + text)
    names = {e.key: e.label for e in r.entities}
    assert any(q.text.startswith(starts) and names.get(q.speaker) == speaker for q in r.quotes), \
        [(q.text, names.get(q.speaker)) for q in r.quotes]


@pytest.mark.parametrize("text", [
    # counter-examples: a target that grows "menjadi" something, a goal after "untuk": no clause said
    "Pemkab Sleman menargetkan Indeks Reformasi Birokrasi naik dari predikat B menjadi BB.",
    "Pemkab Sleman mengusulkan 900 formasi untuk mengisi kekosongan guru di desa.",
])
def test_no_clause_after_an_agencys_verb(extract, text):
    assert not extract(DATELINE + text).quotes
