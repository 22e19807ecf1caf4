"""People, offices and who said what, by error class (issue 13): every sentence and name here is
invented for these tests. Each table holds cases and counter-examples side by side."""
from __future__ import annotations

import pytest

DATELINE = "SERANG, Kabarbanten.com - "


def persons(r):
    return {e.label for e in r.entities if e.type == "Person"}


def roles(r):
    """{(person label, title)} of a result."""
    people = {e.key: e.label for e in r.entities if e.type == "Person"}
    return {(people.get(ro.person), ro.title) for ro in r.roles}


def said(r):
    """{(speaker label or None, first words of the quote)}."""
    people = {e.key: e.label for e in r.entities}
    return {(people.get(q.speaker), " ".join(q.text.split()[:3])) for q in r.quotes}


# --- a vocabulary of Indonesian: derived words are not names --------------------------------

@pytest.mark.parametrize("word,derived", [
    ("Menjadi", True), ("Mewakili", True), ("Kegiatan", True), ("Penguatan", True), ("Dikatakan", True),
    ("Diharapkan", True), ("Pelaksanaan", True), ("Masuknya", True), ("Hadirnya", True),
    # names, some of them ordinary root words or shaped like derivations
    ("Teguh", False), ("Dimas", False), ("Setiawan", False), ("Kurniawan", False), ("Pratama", False),
    ("Permana", False), ("Rinawati", False), ("Megawati", False), ("Kemal", False), ("Sekretaris", False),
    ("Sonya", False), ("Tanya", False),
])
def test_a_derivation_of_a_common_word_is_told_from_a_name(word, derived):
    from kg.vocab import is_derived_word

    assert is_derived_word(word) is derived


@pytest.mark.parametrize("word,function", [("Kemudian", True), ("Beserta", True), ("Budi", False), ("Warga", False)])
def test_function_words_of_the_corpus(word, function):
    from kg.vocab import is_function_word

    assert is_function_word(word) is function


@pytest.mark.parametrize("text,absent,present", [
    ("Rancangan itu Menjadi Undang-Undang setelah disahkan Walikota Bogor Rudi Hartawan kemarin.",
     "Menjadi Undang", "Rudi Hartawan"),
    ("Kegiatan Penguatan Kapasitas ASN dibuka oleh Bupati Serang Yanto Wibisono pada Senin pagi.",
     "Penguatan Kapasitas", "Yanto Wibisono"),
    # function words the corpus nearly never tags as a name
    ("Bupati Garut Rudi Hartawan Beserta Jajaran meninjau lokasi banjir.", "Beserta Jajaran", "Rudi Hartawan"),
])
def test_ordinary_capitalised_words_hold_no_office(extract, text, absent, present):
    r = extract(DATELINE + text)
    assert absent not in persons(r) and present in persons(r)


def test_a_common_noun_before_a_speech_verb_is_nobody(extract):
    r = extract(DATELINE + "Bupati Garut Rudi Hartawan membuka rapat. Petani mengatakan harga pupuk naik. Guru "
                "menyatakan sekolah rusak berat. Kemarin, Keluarga mengaku belum menerima bantuan.")
    assert persons(r) == {"Rudi Hartawan"}


def test_a_name_that_is_a_common_word_is_still_a_short_form(extract):
    r = extract(DATELINE + "Kepala Desa Sukamaju Teguh Prasetyo membuka rapat. Teguh mengatakan harga pupuk naik "
                "tajam bulan ini.")
    assert persons(r) == {"Teguh Prasetyo"} and ("Teguh Prasetyo", "harga pupuk naik") in said(r)


# --- people in lists of "office + name (INITIALS)" -----------------------------------------

def test_offices_each_with_a_name_and_its_initials(extract):
    r = extract(DATELINE + "Panwascam mencatat nama Kepala Dinas Pertanian Rudi Hartawan (RH), Kepala Dinas "
                "Perindustrian dan Perdagangan Sigit Purnomo (SP) dan Kepala Bidang Umum Dinas Kesehatan Yanto "
                "Wibisono (YW) ke KASN.")
    assert {"Rudi Hartawan", "Sigit Purnomo", "Yanto Wibisono"} <= persons(r)
    assert ("Yanto Wibisono", "Kepala Bidang Umum Dinas Kesehatan") in roles(r)  # not "Umum Yanto Wibisono"
    assert ("Rudi Hartawan", "Kepala Dinas Pertanian") in roles(r)


@pytest.mark.parametrize("text,name", [
    ("Kepala Badan Kepegawaian Daerah (BKD) Wulandari (WL) tidak hadir dalam sidang.", "Wulandari"),
    ("Kepala Dinas Sosial Bagas Pramudito (BP) menolak berkomentar.", "Bagas Pramudito"),
    # counter-example: a body's known short form in brackets is no person's initials
    ("Kepala Badan Kepegawaian Negara (BKN) Rudi Hartawan menolak berkomentar.", "Rudi Hartawan"),
    # an office whose words the text breaks with a lower-case word: the initials still show the name
    ("Laporan juga menyebut Kasubag Umum UPT Pendidikan dan kebudayaan Lebak Yusuf Rahmanto (YR) hadir.",
     "Yusuf Rahmanto"),
])
def test_a_name_followed_by_its_initials(extract, text, name):
    r = extract(DATELINE + text)
    assert name in persons(r)
    assert not any(p.endswith(("WL", "BP", "BKN")) for p in persons(r))


@pytest.mark.parametrize("text,present,absent", [
    ("Di antara yang dilantik tampak Sulastri Wulandari, S.E., M.Ak, yang kini menjabat Kepala Bagian Umum.",
     {"Sulastri Wulandari"}, set()),
    ("Acara itu juga dihadiri Dewi Anggraini, S.Sos., M.Si., dan sejumlah kepala sekolah.", {"Dewi Anggraini"}, set()),
    ("Hadir pula Drs. Markus Tebai, M.Si, utusan kantor regional.", {"Markus Tebai"}, set()),
    # a diploma with its field ("A.Md.Kep."), and a month's name between two words of a name; years of service after
    ("Piagam diterima oleh Yohanes Ading, A.Md.Kep. (10 Tahun) dan Tan Mei Hwa, S.Pd. (20 Tahun).",
     {"Yohanes Ading", "Tan Mei Hwa"}, set()),
    ("Hadir pula Rahmawati Nur, S.Tr.Keb., bidan desa setempat.", {"Rahmawati Nur"}, set()),
    # counter-example: a date's month before a comma and a degree is no name
    ("Rapat pada 20 Mei, S.Pd. guru hadir semua.", set(), {"Mei"}),
    # counter-examples: a degree after a body's or a place's name, or after ordinary words, makes no person
    ("Lulusan Universitas Tadulako, S.H. dan S.E., banyak melamar.", set(), {"Universitas Tadulako"}),
    ("Ia menyelesaikan studi di Kota Palu, S.Pd. diraihnya pada 2010.", set(), {"Kota Palu", "Palu"}),
    ("Syarat pendaftaran, S.E. atau S.Ak., diumumkan kemarin.", set(), {"Syarat Pendaftaran"}),
])
def test_a_name_followed_by_an_academic_degree_is_a_person(extract, text, present, absent):
    r = extract(DATELINE + text)
    assert present <= persons(r)
    assert not absent & persons(r)


@pytest.mark.parametrize("text,role", [
    ("Tampak pula Bonar Sitompul, S.STP yang menempati kursi Kepala Bidang Mutasi BKD Provinsi Jambi.",
     ("Bonar Sitompul", "Kepala Bidang Mutasi BKD Provinsi Jambi")),
    ("Di antara mereka ada Rina Marlina, S.E., yang kini dipercaya menjadi Kepala Dinas Sosial Kota Jambi.",
     ("Rina Marlina", "Kepala Dinas Sosial Kota Jambi")),
])
def test_an_office_in_a_relative_clause_after_a_name_and_its_degree(extract, text, role):
    assert role in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,role,absent", [
    ("Ir. Bambang Sutrisno yang sebelumnya menjabat Kepala Dinas Pertanian kini menjadi Staf Ahli Bupati.",
     ("Bambang Sutrisno", "Kepala Dinas Pertanian"), None),
    ("Posisinya diisi Agus Salim, S.T., yang sebelumnya Kepala Badan Perencanaan Pembangunan Daerah.",
     ("Agus Salim", "Kepala Badan Perencanaan Pembangunan Daerah"), None),
    ("Di antara pejabat yang dilantik terdapat Rina Marlina yang dipercaya sebagai Sekretaris Dinas Kesehatan.",
     ("Rina Marlina", "Sekretaris Dinas Kesehatan"), None),
    # counter-examples: one capitalised word is no name; a relative clause with a verb of doing holds nothing
    ("Warga Sukamaju yang sebelumnya menjabat Kepala Desa ikut hadir.", None, "Sukamaju"),
    ("Rapat dibuka Bonar Sitompul yang hadir mewakili Kepala Dinas Sosial Kota Jambi.", None, "Bonar Sitompul"),
])
def test_an_office_in_a_relative_clause_right_after_a_name(extract, text, role, absent):
    got = roles(extract(DATELINE + text))
    if role:
        assert role in got
    if absent:
        assert not any(p == absent for p, _ in got)


@pytest.mark.parametrize("text,role", [
    ("Kepala Bidang e-Government Diskominfo Kabupaten Bogor, Joko Purnomo, menerangkan arsitektur SPBE.",
     ("Joko Purnomo", "Kepala Bidang e-Government Diskominfo Kabupaten Bogor")),
    ("Kepala Seksi e-Budgeting BPKAD Kota Malang, Dewi Lestari, mengatakan sistem itu sudah berjalan.",
     ("Dewi Lestari", "Kepala Seksi e-Budgeting BPKAD Kota Malang")),
    ("Anggota Komisi I DPRD Kabupaten Tebo dari Dapil II, Rosmawati Br Purba, menilai BKPSDM lamban.",
     ("Rosmawati Br Purba", "Anggota Komisi I DPRD Kabupaten Tebo dari Dapil II")),
    ("Anggota DPRD Kota Bekasi dari daerah pemilihan Bekasi Utara, Andi Rahman, menilai BKPSDM lamban.",
     ("Andi Rahman", "Anggota DPRD Kota Bekasi dari daerah pemilihan Bekasi Utara")),
    ("Hadir sebagai narasumber, analis kebijakan dari Kementerian PANRB, Novita Sari, S.IP., memaparkan materi.",
     ("Novita Sari", "analis kebijakan dari Kementerian PANRB")),
])
def test_an_office_whose_field_or_district_is_not_a_capitalised_run(extract, text, role):
    assert role in roles(extract(DATELINE + text))


def test_a_lower_case_functional_position_with_its_grade_is_held(extract):
    r = extract(DATELINE + "Salah satunya widyaiswara ahli madya Dr. Rina Fitriani, M.Pd., yang baru dua tahun "
                           "bertugas di Medan.")
    assert ("Rina Fitriani", "widyaiswara ahli madya") in roles(r)


@pytest.mark.parametrize("text", [
    "Jumlah analis kebijakan dari Kementerian PANRB yang hadir, kata Budi Santoso, mencapai sepuluh orang.",
    "Jumlah widyaiswara ahli madya di Sleman, kata Budi Santoso, mencapai sepuluh orang.",
    "Menurut Budi Santoso, analis kebijakan perlu dilibatkan dalam penyusunan indikator.",
])
def test_a_lower_case_functional_position_is_a_profession(extract, text):
    assert not any("analis" in t for _, t in roles(extract(DATELINE + text)))


def test_an_office_someone_attends_for_is_not_held(extract):
    r = extract(DATELINE + "Rapat dibuka Bonar Sitompul, S.STP yang hadir mewakili Kepala Dinas Sosial Kota Jambi.")
    assert not any(p == "Bonar Sitompul" and "Dinas Sosial" in t for p, t in roles(r))


@pytest.mark.parametrize("text,absent", [
    # a speech cue after a quote written capitalised inside a regulation's title is a noun of it
    ("Panitia mengacu pada Keputusan Menteri PANRB Nomor 321 Tahun 2024 tentang Nilai Ambang Batas Seleksi.",
     "Ambang Batas"),
])
def test_a_capitalised_cue_word_inside_a_sentence_names_nobody(extract, text, absent):
    assert absent not in persons(extract(DATELINE + text))


def test_a_cue_word_after_a_quote_still_names_the_speaker(extract):
    r = extract(DATELINE + "“Kinerja pelayanan kami naik tajam tahun ini,” nilai Rahmat Hidayat di kantornya.")
    assert "Rahmat Hidayat" in persons(r)


@pytest.mark.parametrize("text,present,absent", [
    ("Hadir pula utusan kantor regional, Drs. Markus Tebai.", {"Markus Tebai"}, set()),
    ("Piagam diserahkan kepada Ir. Hendra Gunawan dan Dr. Siti Rahayu.", {"Hendra Gunawan", "Siti Rahayu"}, set()),
    ("Juara pertama diraih Ni Luh Sariasih dari Dinas Kesehatan.", {"Ni Luh Sariasih"}, set()),
    # counter-examples: a doctor's title inside a hospital's or a street's name, and ordinary words after it
    ("Pasien dirujuk ke RSUD dr. Soetomo pada malam itu.", set(), {"Soetomo"}),
    ("Kantornya pindah ke Jl. Dr. Wahidin sejak bulan lalu.", set(), {"Wahidin"}),
    ("Ia lulus dengan gelar Dr. Pendidikan dari kampus itu.", set(), {"Pendidikan"}),
])
def test_a_name_opened_by_an_abbreviated_honorific_or_a_name_prefix(extract, text, present, absent):
    r = extract(DATELINE + text)
    assert present <= persons(r)
    assert not absent & persons(r)


@pytest.mark.parametrize("text,full,short", [
    # a one-word name cut from the start of one part of one person's name, with or without a nickname cue
    ("Kepala Ombudsman Perwakilan NTT, Fransiskus Lado Tukan, menjelaskan temuan itu. \"Kami menemukan tiga "
     "bentuk maladministrasi,\" tegas Frans.", "Fransiskus Lado Tukan", "Frans"),
    # a nickname the text marks as such after it, clipped from one of the names
    ("Kepala Dinas Sosial Benediktus Wae Lengga meninjau lokasi. \"Kami siap membantu warga,\" ujar Beni, "
     "sapaan akrabnya.", "Benediktus Wae Lengga", "Beni"),
])
def test_a_clipped_name_is_the_same_person(extract, text, full, short):
    r = extract(DATELINE + text)
    assert persons(r) == {full}, persons(r)
    assert any(short in e.aliases for e in r.entities if e.label == full)


def test_a_clipped_name_shared_by_two_people_stays_apart(extract):
    r = extract(DATELINE + "Kepala Dinas Sosial Fransiskus Lado Tukan dan Kepala Bappeda Franky Wenas meninjau lokasi. "
                           "\"Kami siap membantu warga,\" ujar Fran.")
    assert "Fransiskus Lado Tukan" in persons(r) and "Franky Wenas" in persons(r)
    assert not any("Fran" in e.aliases for e in r.entities if e.type == "Person")


def test_a_candidate_holds_no_office_and_names_no_government(extract):
    r = extract(DATELINE + "Calon Bupati Sleman Budi Santoso berpose bersama para pendukungnya. Foto bersama calon "
                           "gubernur Maluku Utara itu viral.")
    assert "Budi Santoso" in persons(r) and not roles(r)
    assert not [e.label for e in r.entities if e.type == "Agency" and e.label.startswith("Pemerintah")]


@pytest.mark.parametrize("text,role", [
    ("Tiga nama itu yakni Dr. Moh. Rizal Lamasitudju, S.Pd., M.Si. (Kepala Bappeda Tolitoli) dan Hj. Nurhayati "
     "Matona, S.H. (Asisten Pemerintahan Setda Tolitoli).", ("Rizal Lamasitudju", "Kepala Bappeda Tolitoli")),
    ("Rapat dihadiri Budi Santoso (Kepala Dinas Sosial) dan warga.", ("Budi Santoso", "Kepala Dinas Sosial")),
])
def test_an_office_in_brackets_after_a_name(extract, text, role):
    assert role in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,role", [
    # an office pointing back is held by the person named last outside quotations
    ("Kepala Bappeda Budi Santoso hadir. \"Datanya ada,\" ungkap mantan Camat Wolo tersebut.",
     ("Budi Santoso", "Camat Wolo")),
    ("Yang dilantik ialah Andi Besse Tenri Ajeng sebagai Kepala BKPSDM Bone. Ia sebelumnya menjabat Camat Tanete "
     "Riattang.", ("Andi Besse Tenri Ajeng", "Camat Tanete Riattang")),
    ("Rapat dipimpin Kepala Bappeda Budi Santoso. Kepala Dinas Sosial Rina Marlina menyebut dana cukup. Ditemui "
     "usai rapat, Rina mengaku siap. \"Kami siap,\" ujar mantan Camat Wolo itu.", ("Rina Marlina", "Camat Wolo")),
])
def test_an_office_pointing_back_is_held_by_the_person_named_last(extract, text, role):
    assert role in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,role", [
    # the subject of a clause whose verb of holding stands before the office holds it
    ("Budiman Lioe, S.T., M.T. kini menjabat Kepala Dinas Sosial Kota Pontianak.",
     ("Budiman Lioe", "Kepala Dinas Sosial Kota Pontianak")),
    ("Rosalina Bano kini menduduki jabatan Kepala Dinas Sosial Kota Kupang.", ("Rosalina Bano", "Kepala Dinas Sosial Kota Kupang")),
    # counter-examples: ordinary words before the verb name nobody; a speech verb before it tells what was said
    ("Pejabat Lama Itu kini menjabat Kepala Dinas Sosial Kota Kupang.", None),
    ("Anggota pansel, Sofyan Lahadjo, menegaskan jabatan Sekda terbuka bagi siapa pun.", None),
])
def test_the_subject_of_a_verb_of_holding_holds_the_office(extract, text, role):
    got = roles(extract(DATELINE + text))
    assert role in got if role else not any(p for p, _ in got), got


@pytest.mark.parametrize("text,role,absent", [
    # an office, a relative clause closed by a comma, then its holder's name
    ("Anggota Bawaslu Nabire yang membidangi penanganan pelanggaran, Ester Magai, S.IP, menyebut laporan itu masih "
     "dikaji.", ("Ester Magai", "Anggota Bawaslu Nabire"), None),
    ("Widyaiswara Ahli Utama yang juga menjadi coach peserta, Ir. Yance Msen, M.Si., menambahkan hal itu.",
     ("Yance Msen", "Widyaiswara Ahli Utama"), None),
    # ... not a common noun for officials before the relative clause
    ("Salah satu pejabat yang dilantik, Muhammad Hafiz, yang kini menjabat Kepala Bagian Organisasi, siap bekerja.",
     ("Muhammad Hafiz", "Kepala Bagian Organisasi"), ("Muhammad Hafiz", "pejabat")),
    # ... and the office of the one someone represents is not theirs
    ("Kepala Dinas Sosial yang hadir mewakili bupati, Budi Santoso, mengatakan bantuan disalurkan.",
     ("Budi Santoso", "Kepala Dinas Sosial"), ("Budi Santoso", "bupati")),
])
def test_a_holder_named_after_a_relative_clause(extract, text, role, absent):
    got = roles(extract(DATELINE + text))
    assert role in got and absent not in got, got


@pytest.mark.parametrize("text,role", [
    # a customary title given after "gelar" is no part of the holder's name
    ("Kepala Dinas Perikanan Amir Gelar Sutan Mangkuto mengatakan produksi naik.", ("Amir", "Kepala Dinas Perikanan")),
    ("Turut hadir Kepala BPSDM Provinsi Lampung Dr. Hendrawan Gelar Batin Pengiran, M.Si, dan perwakilan LAN.",
     ("Hendrawan", "Kepala BPSDM Provinsi Lampung")),
])
def test_a_customary_title_after_gelar_closes_the_name(extract, text, role):
    assert role in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,present", [
    ("Posisi kedua ditempati Rizky Ramadhan Siregar dari Badan Pendapatan Daerah Provinsi Lampung.",
     {"Rizky Ramadhan Siregar"}),
    # counter-examples: ordinary words before "dari" and a body name nobody
    ("Materi disampaikan narasumber dari Badan Kepegawaian Negara dan Tim Penilai dari Kementerian PANRB.", set()),
    ("Peserta Sosialisasi Netralitas dari Bawaslu Kota Jambi hadir lengkap.", set()),
])
def test_a_name_before_dari_and_a_body_is_a_person(extract, text, present):
    assert persons(extract(DATELINE + text)) == present


@pytest.mark.parametrize("text,absent", [
    ("Apakah camat itu akan dicopot? Bupati belum menjawab.", "Apakah"),  # a question word before an office
    ("Berita acara ditandatangani Menteri Keuangan, Menteri Dalam Negeri, Kepala LAN dan Ketua KPU.", "Negeri"),
])
def test_words_before_an_office_with_no_holder_name_nobody(extract, text, absent):
    assert absent not in persons(extract(DATELINE + text))


def test_a_name_before_a_comma_and_an_office_still_holds_it(extract):
    r = extract(DATELINE + "Rapat dipimpin Rudi Hartawan, Kepala LAN, di ruang rapat lantai dua.")
    assert ("Rudi Hartawan", "Kepala LAN") in roles(r)


def test_ordinary_words_before_initials_are_no_name(extract):
    r = extract(DATELINE + "Penilaian dilakukan oleh Tim Penilai Internal (TPI) bersama Pasar Baru (PB) setempat.")
    assert not persons(r)


# --- titles fused with a province's code ----------------------------------------------------

def test_a_deputy_governor_title_fused_with_the_province_code(extract):
    r = extract(DATELINE + "Wakil Gubernur Riau (Wagubri) Hendra Wijaya membuka rapat evaluasi. "
                "\"Kita harus bekerja keras untuk rakyat Riau,\" kata Wagubri.")
    assert "Wagubri" not in persons(r)
    assert ("Hendra Wijaya", "Kita harus bekerja") in said(r)


def test_a_fused_title_alone_names_its_province():
    from kg.nlp.lexicon import lexicon

    titles = lexicon().titles
    assert titles["wagubri"]["id"] == "wakil-gubernur" and titles["wagubri"]["region"] == "provinsi-riau"
    assert titles["gubkalbar"]["region"] == "provinsi-kalimantan-barat"
    assert "gubsu" not in titles  # "SU": Sumatera Utara or Sulawesi Utara, so neither


# --- abbreviations with a period are not sentence ends ----------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Kepala Perwakilan Ombudsman Provinsi Papua, Markus B.J. Wenda, membuka diskusi.", "Markus B. J. Wenda"),
    ("Komandan Kodim 1701 Letkol Inf Yakob J.P. Rumbiak meninjau lokasi banjir.", "Yakob J. P. Rumbiak"),
    ("Dandim 0501 Mayor Arm. Sigit Purnomo memimpin apel pagi.", "Sigit Purnomo"),
    ("Hadir Sekda Provinsi Jambi, Dr. H.Santoso,SH,MH, dalam rapat itu.", "Santoso"),
    # a haji's title before the father's name, inside a North Maluku name
    ("Kepala Inspektorat Maluku Utara, Salma Hi. Darwis, membuka rapat itu.", "Salma Hi. Darwis"),
])
def test_periods_inside_names_and_ranks(extract, text, name):
    assert name in persons(extract(DATELINE + text))


def test_a_haji_title_opening_a_name_stays_outside_it(extract):
    """Counter-example: "Hi." before a name is the honorific, not part of the name before it."""
    r = extract(DATELINE + "Rapat dibuka Bupati Halmahera Selatan, Hi. Jufri Latuconsina, di Labuha.")
    assert "Jufri Latuconsina" in persons(r) and not any("Hi." in p for p in persons(r))


@pytest.mark.parametrize("text,n", [
    ("Bupati pulang ke Kab. Bogor. Ia lalu membuka rapat.", 2),
    ("Camat itu datang ke Pendopo R.A. Kartini bersama warga. Ia lalu pulang.", 2),
    ("Inspektur Nurhaidah Dg. Ngai, mengatakan auditor kurang. Ia lalu pulang.", 2),  # Daeng, Makassar
    ("Sekda Syafrinal Dt. Rangkayo Basa memastikan hal itu. Ia lalu pulang.", 2),  # Datuk, Minangkabau
    ("Kepala BKPSDM Tb. Ruhiyat Mukhlis merinci jumlahnya. Ia lalu pulang.", 2),  # Tubagus, Banten
    ("Kepala Bappeda, Haryo Pratomo, S.E., M.Ec.Dev., menyampaikan data. Ia lalu pulang.", 2),  # a degree's parts
    ("Rapat dimulai pukul 09.00 WIB. Semua peserta hadir.", 2),  # counter-example: a real sentence end
])
def test_sentence_ends(extractor, text, n):
    doc = extractor.nlp(text)
    assert len(list(doc.sents)) == n


# --- a family name that is also a regency's name (Batak clan names: Lingga, Karo, ...) -----------

def places(r):
    return {e.label for e in r.entities if e.type == "Place"}


@pytest.mark.parametrize("text,name,place", [
    ("Sekda Bintan Budi Halomoan Karo mengatakan bahwa layanan ini memudahkan warga mengurus izin.",
     "Budi Halomoan Karo", None),
    ("Kepala Dinas Kominfo Bintan Ahmad Syafrizal Lingga membuka rapat koordinasi pelayanan publik.",
     "Ahmad Syafrizal Lingga", None),
    # counter-examples: the region an office names, and a military unit's name before its town
    ("Kepala Dinas Kominfo Lingga Ahmad Syafrizal membuka rapat koordinasi pelayanan publik.",
     "Ahmad Syafrizal", "Kabupaten Lingga"),
    ("Bupati Karo Budi Halomoan membuka rapat koordinasi pelayanan publik di kantornya.", "Budi Halomoan",
     "Kabupaten Karo"),
    ("Kepala Staf Korem 043/Garuda Hitam Lampung Kolonel Inf Budi Halomoan membuka rapat koordinasi.", "Budi Halomoan",
     "Provinsi Lampung"),
])
def test_a_family_name_that_is_a_regency_closes_the_name(extract, text, name, place):
    r = extract(DATELINE + text)
    assert name in persons(r)
    if place:
        assert place in places(r)
    else:
        assert not {"Kabupaten Karo", "Kabupaten Lingga"} & places(r)


# --- the name an office's words run into --------------------------------------------------------

@pytest.mark.parametrize("text,name,title", [
    # "St." before a name is Siti, not the degree S.T.; the degree after a name stays a degree
    ("Kepala BKPSDM Parepare, Hj. St. Rahmawati Baso, S.STP., mengatakan rapat digelar terbuka hari ini.",
     "St. Rahmawati Baso", "Kepala BKPSDM Parepare"),
    ("Kepala Dinas PU, Budi Halomoan, S.T., M.T., mengatakan rapat digelar terbuka hari ini.",
     "Budi Halomoan", "Kepala Dinas PU"),
    # a word closing the office before the comma ("lainnya": another member)
    ("Anggota Komisi A DPRD Sumut lainnya, Hj. Rosmala Harahap, S.H., mengatakan rapat digelar terbuka hari ini.",
     "Rosmala Harahap", "Anggota Komisi A DPRD Sumut"),
])
def test_an_abbreviated_first_name_is_no_degree(extract, text, name, title):
    r = extract(DATELINE + text)
    assert (name, title) in roles(r)


@pytest.mark.parametrize("text,name,title", [
    ("Kegiatan itu dihadiri oleh Inspektur Wilayah V Anton Sugiharto.", "Anton Sugiharto", "Inspektur Wilayah V"),
    ("Inspektur Daerah Prov. Kalteng Budiman membuka rapat evaluasi.", "Budiman", "Inspektur Daerah Prov Kalteng"),
    # a field of the office written in lower case inside its name
    ("Kepala Dinas Pendidikan dan kebudayaan Kota Serang Rudi Hartawan membuka rapat.", "Rudi Hartawan",
     "Kepala Dinas Pendidikan dan kebudayaan Kota Serang"),
    ("Hadir Asisten Deputi Koordinasi Kebijakan Kementerian Pemberdayaan Aparatur Republik Indonesia Rudi "
     "Hartawan, Ak, serta para kepala dinas.", "Rudi Hartawan", None),
])
def test_where_the_office_ends_and_the_name_begins(extract, text, name, title):
    r = extract(DATELINE + text)
    assert name in persons(r)
    assert "Ak" not in persons(r)
    if title:
        assert (name, title) in roles(r)


@pytest.mark.parametrize("text,persons_found", [
    ("Kepala Bidang Pengembangan Karier membuka rapat evaluasi kinerja pegawai.", set()),
    ("Kepala Bidang Pengembangan Karier Pegawai, Rudi Hartawan, membuka rapat.", {"Rudi Hartawan"}),
    # counter-example: a one-word name that the corpus knows as a name
    ("Kepala Bagian Umum H. Bambang membuka rapat evaluasi kinerja pegawai.", {"Bambang"}),
])
def test_a_common_word_alone_after_an_office_is_no_name(extract, text, persons_found):
    assert persons(extract(DATELINE + text)) == persons_found


@pytest.mark.parametrize("text,found", [
    ("Bingkisan diberikan kepada ibu-ibu anggota Posyandu Melati, Sukamaju.", set()),
    # a group word before an office: no holder for the bare office, names after it are still people
    ("Camat Cibinong Andi Saputra membuka rapat. Bupati lalu mengumpulkan para Camat di pendopo.", {"Andi Saputra"}),
    ("Rapat dihadiri para Kepala Dinas, Rudi Hartawan, dan jajaran.", {"Rudi Hartawan"}),
])
def test_an_office_after_a_plural_names_a_group(extract, text, found):
    r = extract(DATELINE + text)
    assert persons(r) == found
    assert not [ro for ro in r.roles if ro.title.startswith(("anggota", "Camat")) and "Cibinong" not in ro.title]


def test_a_title_followed_by_a_comma_and_no_name_has_no_holder(extract):
    r = extract(DATELINE + "Kepala Dinas Pendidikan, bersama jajarannya, meninjau sekolah yang rusak akibat banjir.")
    assert not persons(r) and not r.roles


# --- short forms of one person ------------------------------------------------------------------

@pytest.mark.parametrize("text,full,short", [
    ("Penjabat Gubernur Andi Prakoso Saputra membuka rapat. Andi Saputra meminta ASN netral.",
     "Andi Prakoso Saputra", "Andi Saputra"),
    ("Ketua KPU Lebak Hendra Gunawan mengatakan logistik sudah tiba. Hendri menyebut ada dua gudang.",
     "Hendra Gunawan", "Hendri"),
    ("Kepala Kantor Pertanahan Sorong, Yakob J.P. Rumbiak, membuka rapat. Rumbiak menambahkan, laporan "
     "masyarakat akan ditindaklanjuti dengan cepat.", "Yakob J. P. Rumbiak", "Rumbiak"),
    # a nickname after "Paman"/"Bang"/"Kang" cut from one part of the name; a Balinese birth-order name
    ("Gubernur Kalimantan Selatan Sahrudin Noor membuka rapat. \"Kita harus menjaga sungai bersama-sama,\" ujar "
     "Paman Rudin.", "Sahrudin Noor", "Rudin"),
    ("Bupati Gianyar I Made Wirata membuka rapat. Menurut Pak Made, wisata harus tetap berkelanjutan untuk semua.",
     "I Made Wirata", "Made"),
    # the first word and a later one, the others left out (a Sasak or Bugis title opening the name)
    ("Camat Sakra, Lalu Ahmad Rizal Pratama, dipanggil KASN. Menurut Lalu Rizal, foto itu diambil saat acara "
     "keluarga.", "Lalu Ahmad Rizal Pratama", "Lalu Rizal"),
    ("Kepala Dinas Andi Ahmad Fajar Mappaseng hadir. \"Kami patuh pada aturan yang berlaku,\" kata Andi Fajar.",
     "Andi Ahmad Fajar Mappaseng", "Andi Fajar"),
    # two words running together inside the name: a title of birth before them, a family name after
    ("Penjabat Wali Kota, Tengku Hasan Basri Lubis, membuka rapat. \"Kalau terbukti, saya copot,\" ujar Hasan "
     "Basri.", "Tengku Hasan Basri Lubis", "Hasan Basri"),
])
def test_short_forms_are_one_person(extract, text, full, short):
    r = extract(DATELINE + text)
    assert full in persons(r) and short not in persons(r)


def test_a_balinese_birth_order_name_alone_is_the_person(extract):
    r = extract(DATELINE + "Bupati Gianyar I Made Wirata membuka rapat. Made lalu meninjau lokasi banjir bersama warga.")
    assert persons(r) == {"I Made Wirata"}
    made = next(e for e in r.entities if e.label == "I Made Wirata")
    assert len(made.mentions) == 2


def test_a_slip_close_to_two_people_merges_with_neither(extract):
    r = extract(DATELINE + "Ketua KPU Rahmat Hidayat dan Ketua Bawaslu Rahmad Santoso membuka rapat. "
                "Rahmas menyebut pemilu berjalan lancar.")
    assert {"Rahmat Hidayat", "Rahmad Santoso", "Rahmas"} <= persons(r)


# --- who said what ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,speaker,start", [
    # a verb with its object noun: what follows the noun was said
    ("Penjabat Gubernur Budi Hartono memberikan apresiasi kepada semua pihak yang telah menjalankan tugas.",
     "Budi Hartono", "apresiasi kepada semua"),
    # "Kata dia, ..." opening a sentence: the person last named
    ("Wakil Gubernur Sulawesi Tengah Rudi Hartono membuka rapat. Kata dia, pencapaian target aplikasi masih "
     "rendah di banyak daerah.", "Rudi Hartono", "pencapaian target aplikasi"),
    # "Dijelaskan, ..." / "Lebih lanjut disampaikan, ...": the last speaker goes on
    ("Wali Kota Cilegon Budi Santoso membuka rapat di Balai Kota. Dijelaskan, anggaran tahun ini difokuskan "
     "untuk perbaikan jalan.", "Budi Santoso", "anggaran tahun ini"),
    ("Wali Kota Cilegon Budi Santoso membuka rapat di Balai Kota. Lebih lanjut disampaikan, anggaran tahun ini "
     "difokuskan untuk perbaikan jalan.", "Budi Santoso", "anggaran tahun ini"),
    # "Menurut" + an honorific + a short form
    ("Bupati Gianyar I Made Wirata membuka rapat. Menurut Pak Made, wisata harus tetap berkelanjutan untuk semua.",
     "I Made Wirata", "wisata harus tetap"),
    ("Bupati Garut Rudi Hartawan membuka rapat koordinasi. Ditambahkan, seluruh ASN harus menjaga netralitas selama pemilu.",
     "Rudi Hartawan", "seluruh ASN harus"),
    # a common misspelling of a speech verb
    ("Bupati Garut Rudi Hartawan menghimbau seluruh ASN agar menjaga netralitas selama masa kampanye.",
     "Rudi Hartawan", "seluruh ASN agar"),
    # "dirinya" is a pronoun subject
    ("Kepala Dinas Sosial Rina Kartika membuka rapat. Dirinya mengatakan bahwa bantuan sosial akan disalurkan "
     "pekan depan.", "Rina Kartika", "bantuan sosial akan"),
    # an unknown degree in capitals between the name and its verb
    ("Kepala Dinas Perikanan Ambon, Markus J. Latuheru, S.H., MAB., menegaskan bahwa pelelangan ikan harus segera "
     "dibenahi.", "Markus J. Latuheru", "pelelangan ikan harus"),
    # a closing mark opening a paragraph opens its quotation
    ("Camat Cibinong Andi Saputra membuka rapat.\n”Kami akan terus mengawasi proses pembangunan ini,” ujar Andi.",
     "Andi Saputra", "Kami akan terus"),
    # counter-example: the same word as a cue after a comma, before a name
    ("Pemerintah akan menambah anggaran pendidikan tahun depan, nilai Rudi Hartawan.", "Rudi Hartawan",
     "Pemerintah akan menambah"),
    # a speech read on its author's behalf is the author's
    ("Sambutan tertulis Gubernur Jawa Barat Budi Santoso yang dibacakan oleh Asisten Pemerintahan Rudi Hartono "
     "menyampaikan bahwa seluruh ASN wajib menjaga netralitas.", "Budi Santoso", "seluruh ASN wajib"),
    ("Dalam sambutan Bupati Garut Yanto Wibisono yang dibacakan Sekda Rudi Hartono, disampaikan bahwa seluruh ASN "
     "wajib menjaga netralitas.", "Yanto Wibisono", "seluruh ASN wajib"),
    # counter-example: the reader's own words are his
    ("Asisten Pemerintahan Rudi Hartono membacakan sambutan. Ia menyampaikan bahwa seluruh ASN wajib menjaga "
     "netralitas.", "Rudi Hartono", "seluruh ASN wajib"),
    # guests listed after the speaker do not take over his "-nya"; with no one before them, they do
    ("Bupati Garut Rudi Hartawan membuka rapat. Ia menegaskan bahwa ASN harus netral dalam pemilu. Turut hadir "
     "Kepala Dinas Sosial Sri Wahyuni. Menurutnya, netralitas adalah kewajiban setiap pegawai.",
     "Rudi Hartawan", "netralitas adalah kewajiban"),
    ("Acara ini dihadiri oleh Bupati Garut Rudi Hartawan. Menurutnya, netralitas adalah kewajiban setiap pegawai.",
     "Rudi Hartawan", "netralitas adalah kewajiban"),
    # a cue word that is also a noun, before a policy's name: the speech verb before it decides
    ("Bupati Garut Rudi Hartawan membuka rapat. Kepala Bagian Organisasi Sri Wahyuni mengatakan, nilai SAKIP "
     "naik dari tahun sebelumnya secara signifikan.", "Sri Wahyuni", "nilai SAKIP naik"),
    ("Bupati Garut Rudi Hartawan membuka rapat. Sekda Sri Wahyuni menjelaskan, nilai Reformasi Birokrasi "
     "daerah ini masih perlu ditingkatkan.", "Sri Wahyuni", "nilai Reformasi Birokrasi"),
    # speech verbs of reasons and opinions
    ("Kepala Distrik Walelagama, Lukas Walilo, beralasan sejumlah staf masih berada di kampung halaman mereka.",
     "Lukas Walilo", "sejumlah staf masih"),
    ("Ketua DPRD Garut Rudi Hartawan berpendapat bahwa anggaran pendidikan harus dinaikkan tahun depan.",
     "Rudi Hartawan", "anggaran pendidikan harus"),
    # a negation before the verb stays with the words: "tidak ingin X" is not "X"
    ("Bupati Garut Rudi Hartawan membuka apel. Ia tidak ingin birokrasi daerah terseret kepentingan politik praktis.",
     "Rudi Hartawan", "tidak ingin birokrasi"),
    # a degree the tokenizer splits ("Bc.IP.") between the name and the verb ends no sentence
    ("Kepala Kanwil Kemenkumham Kepri, Dr. Anton Gultom, Bc.IP., S.H., M.H., mengatakan tahun ini pihaknya "
     "menargetkan lima satker meraih predikat WBK.", "Anton Gultom", "tahun ini pihaknya"),
])
def test_statements_and_their_speakers(extract, text, speaker, start):
    assert (speaker, start) in said(extract(DATELINE + text))


@pytest.mark.parametrize("text", [
    # an award handed over is no statement; a passive cue with no comma gives no continuing speaker
    "Bupati Serang Yanto Wibisono memberikan penghargaan kepada sepuluh desa terbaik tahun ini.",
    "Dijelaskan dalam laporan itu bahwa anggaran tahun ini difokuskan untuk perbaikan jalan.",
    # a cue word used as a noun after a comma ("nilai tertinggi" is "the highest score")
    "Skor pelayanan tahun ini naik, nilai tertinggi dicapai Dinas Sosial dengan angka 95.",
    # a report shorter than six words is a fragment, not a statement
    "Bupati Garut Rudi Hartawan mengaku bangga atas capaian itu.",
    "Sekda Sri Wahyuni mengatakan, anggaran sudah cukup.",
    "Bupati Garut Rudi Hartawan mengatakan, semua berjalan sangat lancar.",
])
def test_no_statement(extract, text):
    assert not extract(DATELINE + text).quotes


def test_an_office_and_its_holder_named_inside_a_quotation(extract):
    r = extract(DATELINE + "\"Saya sudah berkoordinasi dengan Kepala Dinas Pendidikan Budi Santoso agar sekolah "
                "segera diperbaiki,\" kata Bupati Garut Rudi Hartawan.")
    assert {"Budi Santoso", "Rudi Hartawan"} <= persons(r)
    assert ("Rudi Hartawan", "Saya sudah berkoordinasi") in said(r)


def test_an_office_without_a_name_inside_a_quotation_names_nobody(extract):
    r = extract(DATELINE + "\"Kami sudah lapor ke Pak Kepala Dinas Pendidikan agar sekolah segera diperbaiki,\" "
                "kata Bupati Garut Rudi Hartawan.")
    assert persons(r) == {"Rudi Hartawan"}


@pytest.mark.parametrize("answer_label,speaker", [
    ("Dehen", "Markus Tingang Dehen"),          # one word of the name named before
    ("Markus Tingang Dehen", "Markus Tingang Dehen"),
    ("Catatan", None),                              # a label that names nobody here
])
def test_interview_answers_are_their_speaker_s_words(extract, answer_label, speaker):
    r = extract(DATELINE + "Kami menemui Kepala BKPSDM Kobar, Markus Tingang Dehen, di ruang kerjanya, Kamis "
                "(12/9/2024).\n\nTanya: Berapa jumlah pelamar yang sudah mendaftar?\n\n"
                f"{answer_label}: Per hari ini 4.812 pelamar sudah mendaftar di portal.\n")
    got = {q for q in said(r) if q[1] == "Per hari ini"}
    if speaker:
        assert got == {(speaker, "Per hari ini")}
        assert all(q.direct for q in r.quotes if q.text.startswith("Per hari ini"))
    else:
        assert not got


_BARE_INTERVIEW = ("Kami berbincang dengan Kepala BKD Kabupaten Sleman, Darmono Setiadi, di kantornya, Kamis (12/9/2024). "
                   "Berikut petikannya.\n\nApa masalah paling menonjol?\n\nKehadiran pegawai setelah libur "
                   "panjang masih rendah di dua dinas.\n\nBagaimana tindak lanjutnya?\n\nKami panggil pegawai yang "
                   "bolos untuk dimintai klarifikasi minggu ini.\n")


@pytest.mark.parametrize("text,answers", [
    # bare questions, each alone in its paragraph, and the unquoted answers after them
    (_BARE_INTERVIEW, {("Darmono Setiadi", "Kehadiran pegawai"), ("Darmono Setiadi", "Kami panggil")}),
    # one question in an article (a rhetorical one) makes no interview
    (_BARE_INTERVIEW.split("\n\nBagaimana")[0] + "\n", set()),
])
def test_bare_interview_answers_are_the_interviewee_s_words(extract, text, answers):
    r = extract(DATELINE + text)
    got = {(who, " ".join(words.split()[:2])) for who, words in said(r) if words.startswith(("Kehadiran", "Kami panggil"))}
    assert got == answers
    assert all(q.direct for q in r.quotes if q.text.startswith(("Kehadiran", "Kami panggil")))


def test_an_answer_paragraph_naming_its_speaker_is_the_writer_s_report(extract):
    # two interviewees; after each question the writer reports who said it ("Menurut X, ...", "Y mengakui ...")
    text = ("Kami berbincang dengan Kepala BKD Sleman, Darmono Setiadi, dan Kepala Inspektorat Sleman, Wulan "
            "Pratiwi, Kamis (12/9/2024).\n\nApa masalah paling menonjol?\n\nMenurut Darmono, kehadiran pegawai "
            "setelah libur panjang masih rendah di dua dinas.\n\nBagaimana tindak lanjutnya?\n\nWulan mengakui "
            "pemeriksaan pegawai yang bolos baru dimulai minggu ini.\n")
    got = dict((words.split()[0], who) for who, words in said(extract(DATELINE + text)))
    assert got.get("kehadiran") == "Darmono Setiadi" and got.get("pemeriksaan") == "Wulan Pratiwi", got


def test_a_plain_noun_before_an_office_is_no_name(extract):
    r = extract(DATELINE + "Apa masalah paling menonjol?\n\nNetralitas kepala desa dan ASN. Kalau kepala desa condong "
                           "ke satu calon, satu kampung ikut.")
    assert "Netralitas" not in persons(r)


def test_a_shared_first_word_alone_joins_no_two_people(extract):
    r = extract(DATELINE + "Kepala Dinas Andi Ahmad Rizal Mappaseng hadir. \"Kami patuh pada aturan yang berlaku,\" "
                "kata Andi Fajar.")
    assert {"Andi Ahmad Rizal Mappaseng", "Andi Fajar"} <= persons(r)
    assert ("Andi Fajar", "Kami patuh pada") in said(r)


# --- the office's words up to a comma, and its holder after it ---------------------------------

@pytest.mark.parametrize("text,holder,not_person", [
    # the office's words go on past a word that could be a name
    ("Asisten Deputi Tata Kelola dan Transformasi Digital, Bonar Siahaan, S.Kom., mengatakan sistem itu "
     "harus dibenahi.", "Bonar Siahaan", "Kelola"),
    # a dictionary word closing the office before the comma and an honorific name
    ("Asisten Bidang Pengawasan Netralitas, Dr. Ratna Sari, M.Si, menjelaskan bahwa pelanggaran itu "
     "akan diperiksa.", "Ratna Sari", "Netralitas"),
    # counter-example: a name before a comma and a degree is the holder
    ("Kepala Dinas Kesehatan Budi, S.Kep., mengatakan layanan tetap buka selama libur panjang.", "Budi", None),
])
def test_the_holder_named_after_the_comma_of_a_long_office(extract, text, holder, not_person):
    got = persons(extract(DATELINE + text))
    assert holder in got and (not_person is None or not_person not in got), got


@pytest.mark.parametrize("text,person,title", [
    ("Bagus Hartono, yang sehari-hari menjabat Sekretaris Daerah Kabupaten Gunungkidul, mengatakan rembuk itu "
     "penting bagi warga.", "Bagus Hartono", "Sekretaris Daerah Kabupaten Gunungkidul"),
    ("Yosias Wonda, yang merupakan Kepala BKPSDM Kota Sorong, menyebut ujian akan digelar pekan depan.",
     "Yosias Wonda", "Kepala BKPSDM Kota Sorong"),
    # counter-example: standing in for an office is not holding it
    ("Rina Marlina, yang hadir mewakili Bupati Gunungkidul, menyatakan pemkab menerima semua temuan itu.",
     "Rina Marlina", None),
])
def test_an_office_given_in_a_relative_clause_after_the_name(extract, text, person, title):
    r = extract(DATELINE + text)
    assert person in persons(r)
    assert (person, title) in roles(r) if title else not any(p == person for p, _ in roles(r))
    assert {speaker for speaker, _ in said(r)} == {person}


@pytest.mark.parametrize("lead", ["Kalimat itu", "Ucapan itu", "Pernyataan itu"])
def test_a_quotation_picked_up_by_a_noun_pointing_back_to_it(extract, lead):
    r = extract(DATELINE + "“Satu unggahan foto bersama calon sudah cukup menjadi bukti pelanggaran.”\n\n"
                + lead + " disampaikan Anggota Bawaslu Banten, Siti Rahmawati, dalam apel pagi.")
    assert ("Siti Rahmawati", "Satu unggahan foto") in said(r)


@pytest.mark.parametrize("text,present,absent", [
    # the words after a school's number name its town, not a person
    ("Wayan Sutrisna, guru SMA Negeri 2 Puruk Cahu, mengaku program itu sangat bermanfaat.", "Wayan Sutrisna",
     "Puruk Cahu"),
    ("Kepala SMA Negeri 1 Tumbang Samba, mengatakan pihaknya siap mengikuti seleksi.", None, "Tumbang Samba"),
    # counter-examples: the holder named after the school's town and a comma, or right after its number
    ("Kepala SMP Negeri 3 Tumbang Samba, Yohanes Lukas, mengatakan pihaknya siap.", "Yohanes Lukas", "Tumbang Samba"),
    ("Kepala SMAN 1 Budi Santoso mengatakan sekolahnya siap mengikuti penilaian.", "Budi Santoso", None),
])
def test_a_schools_town_is_no_person(extract, text, present, absent):
    got = persons(extract(DATELINE + text))
    assert (present is None or present in got) and (absent is None or absent not in got), got


@pytest.mark.parametrize("text,expected", [
    # one office written long, then short: one role, the long title
    ("Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) Lamongan, Siti Rahayu, membuka "
     "rapat. Kepala DPMPTSP Siti Rahayu menyebut layanan dibuka pukul 08.00.",
     {("Siti Rahayu", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Lamongan")}),
    # counter-example: two offices in two organizations stay two roles
    ("Wakil Bupati Lamongan, Ayu Retnani, yang juga Ketua Tim Penggerak PKK Lamongan, membuka acara itu.",
     {("Ayu Retnani", "Wakil Bupati Lamongan"), ("Ayu Retnani", "Ketua Tim Penggerak PKK Lamongan")}),
])
def test_one_office_per_person_and_organization(extract, text, expected):
    assert roles(extract(DATELINE + text)) == expected


def test_a_long_name_with_an_abbreviation_is_whole_and_its_given_name_is_a_short_form(extract):
    r = extract(DATELINE + "Wali Kota Kendari, Dr. Ir. La Ode Muh. Sahrul Bakara, M.Si., membuka apel pagi. "
                "Sahrul menjelaskan, penilaian kinerja akan memakai aplikasi yang terhubung dengan presensi.")
    assert persons(r) == {"La Ode Muh. Sahrul Bakara"}
    assert ("La Ode Muh. Sahrul Bakara", "penilaian kinerja akan") in said(r)


@pytest.mark.parametrize("text,speaker", [
    ("Bupati Lebak, Rina Kartika, mengumumkan bahwa tunjangan pegawai akan dibayar sesuai kinerja.", "Rina Kartika"),
])
def test_announcing_is_saying(extract, text, speaker):
    assert (speaker, "tunjangan pegawai akan") in said(extract(DATELINE + text))


@pytest.mark.parametrize("text,expected", [
    # the office's organisation given with "dari" / "di" before the holder's name
    ("Wakil Ketua Tim Penilai dari Undana, Dr. Maria Luruk, mengatakan penilaian dilakukan terbuka.",
     ("Maria Luruk", "Wakil Ketua Tim Penilai dari Undana")),
    ("Kepala Puskesmas Sabu Barat di Kabupaten Sabu Raijua, Yusuf Hendrik, mengaku siap.",
     ("Yusuf Hendrik", "Kepala Puskesmas Sabu Barat di Kabupaten Sabu Raijua")),
    # counter-example: where the holder spoke is not part of the office
    ("Kepala Dinas Kesehatan Kota Serang Rudi Hartawan di Serang, Banten, Rabu, mengatakan vaksin cukup.",
     ("Rudi Hartawan", "Kepala Dinas Kesehatan Kota Serang")),
])
def test_an_office_given_with_its_organisation_after_dari_or_di(extract, text, expected):
    assert expected in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,expected", [
    # an office in lower case, its field in lower case, then the body
    ("Ketua Pansel, Prof. Dr. Hendra Gunawan, guru besar ilmu administrasi negara Universitas Sriwijaya, menerangkan "
     "tahapan seleksi.", ("Hendra Gunawan", "guru besar ilmu administrasi negara Universitas Sriwijaya")),
    # counter-example: lower-case words with no body after them are no part of the office
    ("Ketua Pansel, Prof. Dr. Hendra Gunawan, guru besar yang disegani, menerangkan tahapan seleksi.",
     ("Hendra Gunawan", "guru besar")),
])
def test_an_office_with_its_field_in_lower_case_before_its_body(extract, text, expected):
    assert expected in roles(extract(DATELINE + text))


@pytest.mark.parametrize("text,speaker", [
    # a nickname after the degrees written after the name; later the nickname's first word alone
    ("Inspektur Provinsi Jambi, Hartono Siswanto, S.E., Ak., M.M. alias Anton Siswa, menyebut jumlah ASN yang "
     "mangkir. \"Datanya sudah kami serahkan ke BKD,\" kata Anton.", "Hartono Siswanto"),
    # a noun pointing back to the person named last, with the nickname the text gives
    ("Penjabat Wali Kota Singkawang, Benny Halim Santoso, memimpin apel. Pria yang akrab disapa Koh Ben itu lalu "
     "meninjau kantor dinas. \"Kami akan tegas kepada pegawai,\" kata Koh Ben.", "Benny Halim Santoso"),
    # with two people of that first name, the first word alone joins neither
    ("Inspektur Provinsi Jambi, Hartono Siswanto, S.E. alias Anton Siswa, hadir. Kepala BKD Jambi Anton Wibowo juga "
     "hadir. \"Datanya sudah kami serahkan ke BKD,\" kata Anton.", None),
    # a nickname cut from inside a word of the name, said to be one after it ("sapaan akrabnya")
    ("Kepala BKPSDM Sri Wahyuningsih Lamatenggo membuka rapat. \"Datanya sudah kami serahkan ke BKD,\" ujar Bu "
     "Yuyun, sapaan akrabnya.", "Sri Wahyuningsih Lamatenggo"),
    # "atau", a word of address and a clip of the name
    ("Ketua Forum Honorer, Paryanto atau Mbah Par, hadir. \"Datanya sudah kami serahkan ke BKD,\" kata Mbah Par.",
     "Paryanto"),
])
def test_nicknames_the_text_gives(extract, text, speaker):
    r = extract(DATELINE + text)
    got = {who for who, words in said(r) if words.startswith("Datanya") or words.startswith("Kami akan")}
    if speaker:
        assert got == {speaker}, got
    else:
        assert "Hartono Siswanto" not in got, got


@pytest.mark.parametrize("text,speaker", [
    # a nickname closing its sentence, the next paragraph opening with a capital: the nickname is its two words
    ("Pj Bupati Aceh Besar Teuku Hasballah Ramli membuka rapat. \"Kita harus netral,\" kata Teuku Hasballah yang "
     "akrab disapa Ampon Hasbi.\n\nMenurut Ampon Hasbi, sanksi itu bisa berupa penundaan kenaikan pangkat.",
     "Teuku Hasballah Ramli"),
    # regional words of address before a nickname: Sasak "Mamiq", Papuan "Bapa", Acehnese "Ampon"
    ("Penjabat Bupati Lombok Tengah Lalu Gede Wirasatya memimpin sidak. \"Pegawai yang mangkir kami beri sanksi sesuai "
     "aturan,\" kata Mamiq Gede. Menurut Mamiq Gede, sanksi itu bisa berupa penundaan kenaikan pangkat.",
     "Lalu Gede Wirasatya"),
    ("Penjabat Gubernur Papua Selatan Yohanes Kambu Gebze memimpin apel. \"Kita semua harus melayani dengan hati,\" "
     "ujar Bapa Yohanes. Menurut Bapa Yohanes, sanksi itu bisa berupa penundaan kenaikan pangkat.",
     "Yohanes Kambu Gebze"),
])
def test_regional_address_and_a_nickname_closing_its_sentence(extract, text, speaker):
    r = extract(DATELINE + text)
    assert {who for who, words in said(r) if words.startswith("sanksi itu")} == {speaker}
    assert not persons(r) - {speaker}, persons(r)


@pytest.mark.parametrize("text,person", [
    # "Moch.", "Mochd.", "Abd.": short forms of Muhammad or Abdul inside a name, not a sentence's end
    ("Ketua Bawaslu Bojonegoro Moch. Sarip Hidayat mengatakan pengawasan netralitas ASN terus dilakukan.",
     "Moch. Sarip Hidayat"),
    ("Kepala BKPSDM Kota Serang, Mochd. Rizal Fahmi, menyampaikan bahwa seluruh berkas telah diverifikasi.",
     "Mochd. Rizal Fahmi"),
    ("Kepala Dinas Sosial Kota Serang Abd. Karim Sulaiman mengatakan pelayanan di kantor dinas tetap buka.",
     "Abd. Karim Sulaiman"),
    # counter-example: a full name closing a sentence still closes it
    ("Apel dipimpin Sekda Kota Serang Wahyu Kuncoro. Warga menyambut baik kegiatan tersebut.", "Wahyu Kuncoro"),
])
def test_a_short_form_of_a_first_name_inside_a_name(extract, text, person):
    assert persons(extract(DATELINE + text)) == {person}


@pytest.mark.parametrize("text,expected", [
    # an office that names its unit (a fused head, "Inspektur") is followed by a region or its holder's name
    ("Kadinkes Budi Santoso mengatakan pemeriksaan sudah selesai.", {("Budi Santoso", "Kadinkes")}),
    ("Inspektur Budi Santoso mengatakan pemeriksaan sudah selesai.", {("Budi Santoso", "Inspektur")}),
    ("Sidak diikuti Inspektur Daerah I Made Sudarsana, S.E., M.Ak.", {("I Made Sudarsana", "Inspektur Daerah")}),
    ("Kadinkes Kota Serang Budi Santoso mengatakan pemeriksaan sudah selesai.",
     {("Budi Santoso", "Kadinkes Kota Serang")}),
    # counter-examples: no name after the office; a name after a dotted "Br." (boru) in a list line
    ("Kadinkes mengatakan pemeriksaan sudah selesai dilakukan hari ini.", set()),
    ("Mereka yang dilantik antara lain:\nIr. Rosma Br. Sitompul, sebagai Kepala Bagian Umum Sekretariat Daerah;\n"
     "Hotman Sinaga, S.H., sebagai Kepala Bagian Hukum Sekretariat Daerah.",
     {("Rosma Br. Sitompul", "Kepala Bagian Umum Sekretariat Daerah"),
      ("Hotman Sinaga", "Kepala Bagian Hukum Sekretariat Daerah")}),
])
def test_an_office_naming_its_unit_then_its_holder(extract, text, expected):
    assert roles(extract(DATELINE + text)) == expected


@pytest.mark.parametrize("text,expected", [
    # functional positions (jabatan fungsional) with their grade, and the body they are held at after "pada"
    ("Yosafat Manuhutu, Analis Kebijakan Ahli Madya LAN, mengatakan penggabungan perangkat daerah didasarkan "
     "pada analisis beban kerja.", {("Yosafat Manuhutu", "Analis Kebijakan Ahli Madya LAN")}),
    ("Auditor Ahli Madya BPKP Perwakilan Jambi, Hendra Saputra, mengatakan laporan keuangan daerah sudah diperiksa.",
     {("Hendra Saputra", "Auditor Ahli Madya BPKP Perwakilan Jambi")}),
    ("Pranata Komputer Terampil pada Diskominfo Kota Serang, Budi Santoso, mengatakan aplikasi sudah diperbarui.",
     {("Budi Santoso", "Pranata Komputer Terampil pada Diskominfo Kota Serang")}),
    # counter-examples: the profession in lower case; a position's name inside a longer capitalised name
    ("Para auditor memeriksa laporan keuangan daerah selama dua pekan.", set()),
    ("Direktur Pembinaan Jabatan Fungsional Analis Kebijakan LAN Lalu Hendra Wirasakti mengatakan jumlah analis "
     "kebijakan di daerah naik.", {("Lalu Hendra Wirasakti", "Direktur Pembinaan Jabatan Fungsional Analis Kebijakan LAN")}),
    ("Ketua Asosiasi Auditor Intern Pemerintah Indonesia Budi Santoso mengatakan pengawasan intern harus diperkuat.",
     {("Budi Santoso", "Ketua Asosiasi Auditor Intern Pemerintah Indonesia")}),
])
def test_functional_positions(extract, text, expected):
    assert roles(extract(DATELINE + text)) == expected


@pytest.mark.parametrize("text,speaker,people", [
    # two parts of one name side by side, then a nickname with a Bugis word of address: one person
    ("Wali Kota Parepare, Andi Muh. Rusdi Mappaseng, melantik pejabat. Dalam sambutannya, Andi Rusdi atau yang akrab "
     "disapa Puang Ucu menegaskan tidak ada pejabat titipan dalam rotasi kali ini.",
     "Andi Muh. Rusdi Mappaseng", {"Andi Muh. Rusdi Mappaseng"}),
    # a Javanese noble title is no part of the name
    ("Kepala Puskesmas Kokap I, Rr. Sekar Ayuningtyas, mengatakan seluruh pegawai terlibat dalam pembangunan zona "
     "integritas.", "Sekar Ayuningtyas", {"Sekar Ayuningtyas"}),
    # a regulation's short form after a speech verb is no person
    ("Sekda Lampung Ratu Annisa Fitriyani mengatakan Pergub tersebut mewajibkan seluruh perangkat daerah memakai "
     "satu portal.", "Ratu Annisa Fitriyani", {"Ratu Annisa Fitriyani"}),
])
def test_address_titles_name_parts_and_regulations(extract, text, speaker, people):
    r = extract(DATELINE + text)
    assert persons(r) == people
    assert {who for who, _ in said(r)} == {speaker}


@pytest.mark.parametrize("text,speaker", [
    # a lede quotation whose speaker the next paragraph names, with an honorific before the name
    ("\"Laporan yang baik itu dibaca habis oleh kepala daerah dalam lima menit, bukan disimpan.\"\n\nPesan itu "
     "disampaikan Dr. Hendra Wirasakti, M.P.P. kepada para analis di Jakarta.", "Hendra Wirasakti"),
    ("\"Laporan yang baik itu dibaca habis oleh kepala daerah dalam lima menit, bukan disimpan.\"\n\nPesan itu "
     "disampaikan Hendra Wirasakti kepada para analis di Jakarta.", "Hendra Wirasakti"),
    # a sentence end between the cue and the name: no speaker
    ("\"Laporan yang baik itu dibaca habis oleh kepala daerah dalam lima menit, bukan disimpan.\"\n\nPesan itu "
     "disampaikan kepada para analis. Hendra Wirasakti hadir di Jakarta.", None),
])
def test_a_lede_quote_named_by_the_next_paragraph(extract, text, speaker):
    r = extract(DATELINE + text)
    assert {who for who, words in said(r) if words.startswith("Laporan yang")} == {speaker}


@pytest.mark.parametrize("item,name", [
    ("drg. Wulan Permatasari, M.K.M. sebagai Kepala Dinas Kesehatan Kabupaten Garut;", "Wulan Permatasari"),
    ("Wulan Permatasari, S.K.M., M.Kes. sebagai Kepala Dinas Kesehatan Kabupaten Garut;", "Wulan Permatasari"),
    # counter-examples: a known degree, and no degree at all, keep the same name
    ("drg. Wulan Permatasari, M.Kes. sebagai Kepala Dinas Kesehatan Kabupaten Garut;", "Wulan Permatasari"),
    ("Wulan Permatasari sebagai Kepala Dinas Kesehatan Kabupaten Garut;", "Wulan Permatasari"),
])
def test_a_listed_appointee_with_a_dotted_degree_keeps_her_name(extract, item, name):
    r = extract("GARUT, Selasa (21/7/2026) – Bupati Garut Budi Santoso melantik tiga pejabat di Aula Pendopo.\n\n"
                "Adapun pejabat yang dilantik yakni:\nDr. Andi Saputra, M.Pd. sebagai Kepala Dinas Pendidikan "
                f"Kabupaten Garut;\n{item}\nRudi Hartono, S.H., M.H. sebagai Kepala Satuan Polisi Pamong Praja.")
    people = {e.label for e in r.entities if e.type == "Person"}
    assert {"Andi Saputra", "Rudi Hartono", name} <= people and not any("M.K" in p or "S.K" in p for p in people)


_HEAD_NAMED = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Tanah Datar, Desi Marlina, " \
    "menjelaskan pihaknya telah membentuk tim pemeriksa untuk memproses pegawai. "


@pytest.mark.parametrize("text,speaker", [
    # the office named bare later, with or without "itu": the holder named before
    (_HEAD_NAMED + "Kepala BKPSDM itu menambahkan, pemeriksaan dilakukan secara tertutup agar tidak mengganggu "
     "pelayanan.", "Desi Marlina"),
    (_HEAD_NAMED + "Kepala BKPSDM menambahkan, pemeriksaan dilakukan secara tertutup agar tidak mengganggu pelayanan.",
     "Desi Marlina"),
    # counter-example: another office, whose holder is not named: no one
    (_HEAD_NAMED + "Kepala Bappeda menambahkan, pemeriksaan dilakukan secara tertutup agar tidak mengganggu "
     "pelayanan.", None),
])
def test_an_office_named_bare_is_its_holder_named_before(extract, text, speaker):
    assert {who for who, words in said(extract(DATELINE + text)) if words.startswith("pemeriksaan")} == {speaker}


@pytest.mark.parametrize("text,speaker,people", [
    # a month's name inside a Chinese-Indonesian name
    ("Perawat Puskesmas Kembayan, Lim Mei Hwa, mengatakan status PPPK memberikan kepastian bagi tenaga kesehatan "
     "di desa.", "Lim Mei Hwa", {"Lim Mei Hwa"}),
    # Palembang's Kms. before a name; "Pansel" (the selection panel) is no one
    ("Pj Bupati Ogan Ilir Kms. H. Ahmad Rusli Hakim mengatakan Pansel sudah menyerahkan tiga nama terbaik kepada "
     "pejabat pembina kepegawaian.", "Ahmad Rusli Hakim", {"Ahmad Rusli Hakim"}),
    # an office held by the one named before with its long form, then a nickname with a Balinese word of address
    ("Sekretaris Daerah Kabupaten Gianyar I Gusti Ngurah Bagus Wiratama memimpin apel. Dalam amanatnya, Sekda yang "
     "akrab disapa Gung Wira itu mengingatkan bahwa libur hari raya bukan alasan untuk memperpanjang cuti.",
     "I Gusti Ngurah Bagus Wiratama", {"I Gusti Ngurah Bagus Wiratama"}),
])
def test_names_with_a_month_a_palembang_title_or_a_balinese_nickname(extract, text, speaker, people):
    r = extract(DATELINE + text)
    assert persons(r) == people
    assert {who for who, _ in said(r)} == {speaker}


@pytest.mark.parametrize("text,people", [
    # counter-examples: a day or a month after a name, before a date or a bracket, is no part of it
    ("Kepala Dinas Sosial, Budi Santoso, Selasa (12/3/2024), mengatakan bantuan sudah disalurkan kepada warga.",
     {"Budi Santoso"}),
    ("Rapat dipimpin Sekda Budi Santoso pada 12 Mei Senin lalu di aula kantor bupati.", {"Budi Santoso"}),
])
def test_a_day_or_month_after_a_name_is_not_part_of_it(extract, text, people):
    assert persons(extract(DATELINE + text)) == people


@pytest.mark.parametrize("text,speaker", [
    # a middle name used alone: the person it is part of
    ("Seorang peserta, Drs. Muhammad Nasrun Latupeirissa, mengaku digugurkan pada tahap administrasi.\n\n"
     "Nasrun, yang ditemui wartawan di Mamuju, Senin (29/7/2024), menyebut panitia seleksi tidak menghitung masa "
     "jabatannya secara utuh.", "Muhammad Nasrun Latupeirissa"),
    # counter-example: a word of address inside a name is no short form of it
    ("Wakil Wali Kota, Hj. St. Nurhaedah Daeng Bollo, hadir. Wali Kota Andi Baso Mappaturung yang akrab disapa Daeng "
     "Baso menyebut panitia seleksi tidak menghitung masa jabatannya secara utuh.", "Andi Baso Mappaturung"),
])
def test_a_middle_name_used_alone(extract, text, speaker):
    r = extract(DATELINE + text)
    assert {who for who, words in said(r) if words.startswith("panitia seleksi")} == {speaker}


@pytest.mark.parametrize("text,people", [
    # a headline's verb after an office and a comma is no holder's name
    ("Pj Bupati Ogan Ilir Lantik 87 Pejabat Administrator dan Pengawas, Minta Tak Ada Lagi Jual Beli Jabatan", set()),
    # counter-example: a one-word name closed by a comma is one
    ("Ketua RT 03, Sabar, mengatakan warga siap membantu petugas pendataan.", {"Sabar"}),
])
def test_one_dictionary_word_after_an_office_and_a_comma(extract, text, people):
    assert persons(extract(DATELINE + text)) == people


_AMBON = "AMBON, Warta Maluku - "


@pytest.mark.parametrize("text,speaker,people", [
    # a former office pointing back: the person named last
    ("Camat Sirimau, Yohana Pattisahusiwa, hadir dalam rapat. Mantan Kepala Bappeda itu mengatakan perencanaan harus "
     "berbasis data yang akurat.", "Yohana Pattisahusiwa", {"Yohana Pattisahusiwa"}),
    # "Pria kelahiran X itu": X is where he was born, not who spoke
    ("Bupati Buru, Ikram Umasangadji, membuka acara. Pria kelahiran Namlea itu berharap seluruh ASN menjaga "
     "netralitas selama pilkada.", "Ikram Umasangadji", {"Ikram Umasangadji"}),
    # a parenthetical "katanya" inside a clause after a named speaker's verb
    ("Kepala BKD Maluku, Rusdi Latupono, mengatakan, penilaian kinerja, katanya, akan dilakukan setiap triwulan oleh "
     "atasan langsung.", "Rusdi Latupono", {"Rusdi Latupono"}),
    # counter-example: a "-nya" cue closing the sentence still makes it the statement of the one before
    ("Bupati Buru, Ikram Umasangadji, membuka acara. Pihaknya menargetkan seluruh ASN hadir tepat waktu setiap hari "
     "kerja, tambahnya.", "Ikram Umasangadji", {"Ikram Umasangadji"}),
])
def test_anaphors_for_the_person_named_last(extract, text, speaker, people):
    r = extract(_AMBON + text)
    assert persons(r) == people
    assert {who for who, _ in said(r)} == {speaker}


@pytest.mark.parametrize("text,speaker", [
    # "Lembaga itu" after a sentence the body opens, though it said nothing there
    ("Ombudsman RI Perwakilan Maluku menemukan dugaan maladministrasi. Lembaga itu meminta pemerintah daerah segera "
     "memperbaiki standar pelayanan publik.", "Ombudsman Republik Indonesia Perwakilan Provinsi Maluku"),
    # counter-example: no body opens a sentence before
    ("Warga mengadu ke kantor camat. Lembaga itu meminta pemerintah daerah segera memperbaiki standar pelayanan publik.",
     None),
])
def test_a_body_pointed_back_to(extract, text, speaker):
    assert {who for who, _ in said(extract(_AMBON + text))} == {speaker}


@pytest.mark.parametrize("text,expected", [
    # a professor's or a lecturer's post at a university, before or after the name
    ("Ketua Panitia Seleksi, Prof. Dr. Nurhayati Sappe, M.Pd., guru besar Universitas Sulawesi Barat, mengatakan "
     "seluruh tahapan berjalan terbuka.", {("Nurhayati Sappe", "Ketua Panitia Seleksi"),
                                          ("Nurhayati Sappe", "guru besar Universitas Sulawesi Barat")}),
    ("Dosen Universitas Pattimura, Hendra Tanuwijaya, mengatakan seleksi dilakukan secara terbuka.",
     {("Hendra Tanuwijaya", "Dosen Universitas Pattimura")}),
    # counter-examples: the profession in lower case names no post ("dosen" is written capitalised as an office)
    ("Para dosen mengikuti pelatihan itu selama tiga hari di kampus.", set()),
    ("*Penulis adalah dosen Ilmu Administrasi Negara Universitas Pattimura, Ambon.", set()),
])
def test_university_posts(extract, text, expected):
    assert roles(extract(DATELINE + text)) == expected



@pytest.mark.parametrize("text,expected", [
    # a haji's "Hi." before the father's name, after an office (North Maluku, Maluku)
    ("Kepala DPMPTSP Kota Tidore Kepulauan Hasbullah Hi. Mahmud, S.Sos., menjelaskan jam layanan dibuka setiap hari.",
     {("Hasbullah Hi. Mahmud", "Kepala DPMPTSP Kota Tidore Kepulauan")}),
    ("Hadir pula Ketua DPRD Kota Tidore Kepulauan Faisal Hi. Umar, unsur Forkopimda, serta instansi vertikal.",
     {("Faisal Hi. Umar", "Ketua DPRD Kota Tidore Kepulauan")}),
    # counter-example: a honorific before the name is still no part of it
    ("Wakil Wali Kota Makassar, Hj. St. Nurhaeni Daeng Bollo, S.E., menambahkan bahwa kinerja dipantau.",
     {("St. Nurhaeni Daeng Bollo", "Wakil Wali Kota Makassar")}),
])
def test_a_hajis_hi_inside_a_name_after_an_office(extract, text, expected):
    assert roles(extract(DATELINE + text)) == expected


@pytest.mark.parametrize("text,speaker", [
    # an inverted cue naming a body, or pointing back to one
    ("Bawaslu Tanah Datar menemukan tiga ASN yang diduga melanggar netralitas. Berkas ketiga ASN itu, kata lembaga "
     "itu, sudah diteruskan ke BKN untuk ditindaklanjuti.", "Badan Pengawas Pemilihan Umum Kabupaten Tanah Datar"),
    ("Bawaslu Tanah Datar menemukan tiga ASN melanggar. \"Berkas ketiga ASN itu sudah kami teruskan ke BKN,\" kata "
     "lembaga itu.", "Badan Pengawas Pemilihan Umum Kabupaten Tanah Datar"),
    # counter-example: a body after a "-nya" cue begins the clause said, it does not say it
    ("Kepala BKD Maluku Utara, Johan Latuheru, hadir. Karena itu, lanjutnya, BKD menyiapkan pendampingan bagi "
     "pegawai yang belum lulus.", "Johan Latuheru"),
])
def test_a_body_after_an_inverted_cue(extract, text, speaker):
    got = {who for who, words in said(extract(DATELINE + text)) if words.startswith(("Berkas", "Karena"))}
    assert got == {speaker}, got


@pytest.mark.parametrize("text,person", [
    # a word of address between words of a name is part of it (Balinese "Mas" after "Anak Agung Ayu")
    ("Kepala Ombudsman Bali, Anak Agung Ayu Mas Sriwahyuni, meninjau MPP.", "Anak Agung Ayu Mas Sriwahyuni"),
    # counter-example: words of address opening the name are not part of it
    ("Camat Bagelen, Raden Mas Joko Santoso, meninjau MPP.", "Joko Santoso"),
])
def test_a_word_of_address_inside_a_name(extract, text, person):
    assert persons(extract(DATELINE + text)) == {person}


@pytest.mark.parametrize("text,person,title", [
    # a second name joined by "dan" to a named person is a person too ...
    ("Rapat dipimpin Kepala Dinas Kesehatan Budi Santoso dan Rina Kusumawati.", "Rina Kusumawati", None),
    # ... holding the first one's office where many hold it
    ("Rapat dihadiri Anggota Komisi I DPRD Kota Bitung Hendra Gunawan dan Sulastri Wulandari.", "Sulastri Wulandari",
     "Anggota Komisi I DPRD Kota Bitung"),
    # counter-example: ordinary words after "dan" are no name
    ("Rapat dipimpin Kepala Dinas Kesehatan Budi Santoso dan Sekretaris Dinas.", None, None),
])
def test_a_name_joined_to_a_person(extract, text, person, title):
    r = extract(DATELINE + text)
    if person is None:
        assert persons(r) == {"Budi Santoso"}, persons(r)
        return
    assert person in persons(r)
    key = next(e.key for e in r.entities if e.label == person)
    assert {ro.title for ro in r.roles if ro.person == key} == ({title} if title else set())


def test_a_nickname_after_a_noun_of_a_profession_and_a_lower_case_address(extract):
    # "dokter yang akrab disapa dr. Udin ini": the person named last, not a person of his own
    r = extract(DATELINE + "Direktur RSUD, dr. La Ode Muhammad Safaruddin, Sp.PD, membuka rapat. Ia menegaskan "
                           "layanan akan dibenahi. Dokter yang akrab disapa dr. Udin ini meninjau loket farmasi.")
    assert persons(r) == {"La Ode Muhammad Safaruddin"}, persons(r)


@pytest.mark.parametrize("text,person", [
    # a name followed by an age in brackets, or by "atau", a word of address and a clip of the name
    ("Di sisi lain, Suwarni Tri Handayani (41), perawat honorer di RSUD Wates, khawatir kalah bersaing.",
     "Suwarni Tri Handayani"),
    ("Seorang pelaku UMKM asal Wolowaru, Dionisius Rangga Ghele atau Om Sius, mencoba mengajukan izin.",
     "Dionisius Rangga Ghele"),
    # one name opening its sentence, its age and a description in lower case
    ("Antrean mengular sejak pagi. Sumarjo (61), petani kopi asal Desa Sukamaju, datang pukul tujuh.", "Sumarjo"),
    # counter-examples: a district with a number after it; "atau" and a word that clips nothing; one word not
    # opening its sentence, or with no description after its number
    ("Banjir melanda Kecamatan Suka Maju (12) kemarin.", None),
    ("Pilihannya Sekolah Rakyat Bangsa atau Pak Guru Budi.", None),
    ("Jumlah pelamar formasi Analis Kebijakan (45), menurut panitia, melonjak.", None),
    ("Rantepao (12), Tana Toraja, menjadi tuan rumah festival budaya.", None),
])
def test_a_name_with_an_age_or_a_called_name(extract, text, person):
    got = persons(extract(DATELINE + text))
    assert (person in got) if person else not (got - {"Budi"}), got


def test_a_title_in_quotation_marks_is_no_quotation(extract):
    # the quoted title of a happening after "bertajuk" is its name, not words somebody said
    r = extract(DATELINE + "Bagian Organisasi menggelar FGD bertajuk \"Penataan Kelembagaan Perangkat Daerah yang Tepat "
                           "Fungsi dan Tepat Ukuran\" di Aula Bappeda, Senin (3/6/2029). \"Kami ingin struktur yang ramping "
                           "dan lincah,\" kata Kepala Bagian Organisasi Rina Lestari.")
    assert [q.text.split()[0] for q in r.quotes if q.direct] == ["Kami"]


@pytest.mark.parametrize("text,people", [
    # a list after "yaitu" that a noun for people leads: each item is a person
    ("Untuk jabatan Kepala Dinas Pendidikan, tiga nama yang lolos yaitu Yosef Moa Wuring, Maria Nong Lenggu, dan "
     "Paulus da Costa. Mereka akan diwawancarai.", {"Yosef Moa Wuring", "Maria Nong Lenggu", "Paulus da Costa"}),
    # counter-examples: a list of regions, a list of names of no people
    ("Tiga daerah terbaik yaitu Kabupaten Sikka, Kabupaten Ende dan Kota Kupang.", set()),
    ("Tiga sekolah pemenang yaitu Bina Karya, Tunas Bangsa dan Mutiara Hati.", set()),
])
def test_names_listed_after_a_noun_for_people(extract, text, people):
    assert persons(extract(DATELINE + text)) == people


@pytest.mark.parametrize("text,people", [
    # a clipped first name and the same last name: one person
    ("Wakil Bupati Manggarai, Fransiskus Xaverius Jehadu, membuka pelatihan. Dalam sambutannya, Wabup Frans Jehadu "
     "meminta peserta disiplin.", {"Fransiskus Xaverius Jehadu"}),
    # "Menurut X, pejabat ... harus ...": what follows the source's comma is said, no office of X
    ("Wakil Bupati Manggarai, Fransiskus Xaverius Jehadu, membuka pelatihan. Menurut Frans, pejabat pengawas harus "
     "menjadi penggerak perubahan.", {"Fransiskus Xaverius Jehadu"}),
    # a hospital named after a person, its short form in brackets before "dr."
    ("Setelah dua kali gagal, Rumah Sakit Umum Daerah (RSUD) dr. Achmad Diponegoro Putussibau kembali mengajukan "
     "diri.", set()),
    # counter-example: a different first name with the same last name is another person
    ("Wakil Bupati Manggarai, Fransiskus Xaverius Jehadu, membuka pelatihan. Camat Ruteng Yohanes Jehadu hadir.",
     {"Fransiskus Xaverius Jehadu", "Yohanes Jehadu"}),
])
def test_clipped_first_names_sources_and_hospitals(extract, text, people):
    assert persons(extract(DATELINE + text)) == people


@pytest.mark.parametrize("text,role,absent", [
    # a name that holds an office of its own, then a list's next office: no apposition
    ("Peresmian turut dihadiri Ketua DPRD Natuna, Kapolres Natuna AKBP Johannes Pardede, Dandim 0318/Natuna serta "
     "para kepala perangkat daerah.", ("Johannes Pardede", "Kapolres Natuna"), ("Johannes Pardede", "Dandim 0318/Natuna")),
    # counter-example: an office between commas after such a name, closed by a verb, is held by it
    ("Kapolres Natuna AKBP Johannes Pardede, Ketua Panitia Pengamanan, mengatakan situasi aman.",
     ("Johannes Pardede", "Ketua Panitia Pengamanan"), None),
])
def test_an_office_listed_after_a_name_with_an_office(extract, text, role, absent):
    got = roles(extract(DATELINE + text))
    assert role in got and (absent is None or absent not in got), got


@pytest.mark.parametrize("text,expected", [
    # a lower-case unit named bare after an office, then its members' names joined by "dan"
    ("RDP dipimpin Ketua Komisi I, Zulhendri Sutan Mangkuto, didampingi anggota komisi Nengah Suarsana dan Wahidah "
     "Lamba.", {("Nengah Suarsana", "anggota komisi"), ("Wahidah Lamba", "anggota komisi")}),
    # counter-example: the unit's number after it is its name, no person
    ("Rapat didampingi anggota komisi I dari dua fraksi.", set()),
])
def test_members_of_a_unit_named_bare(extract, text, expected):
    got = {r for r in roles(extract(DATELINE + text)) if r[1] == "anggota komisi"}
    assert got == expected, got


@pytest.mark.parametrize("text,expected", [
    # regional name prefixes: Acehnese "Cut", Sasak "Baiq" and "Amaq", even with no organisation after the office
    ("Rapat didampingi Wakil Ketua Cut Nurhayati Hasballah.", ("Cut Nurhayati Hasballah", "Wakil Ketua")),
    ("Baiq Nurul Hidayati, Kepala BKPSDM Lombok Timur, menjelaskan sanksi bagi guru PPPK.",
     ("Baiq Nurul Hidayati", "Kepala BKPSDM Lombok Timur")),
    # a connective never part of a name opens the sentence before the name
    ("Adapun Nurul Hidayati, Kepala BKPSDM Lombok Timur, menjelaskan sanksi bagi guru PPPK.",
     ("Nurul Hidayati", "Kepala BKPSDM Lombok Timur")),
    # a second clause after "sedangkan" whose verb of holding stands before the office
    ("Aprizal Cahyadi menjadi Camat Tulung Selapan, sedangkan Rosmala Dewi menempati posisi Sekretaris Dinas "
     "Pendidikan.", ("Rosmala Dewi", "Sekretaris Dinas Pendidikan")),
])
def test_regional_prefixes_connectives_and_a_second_clause(extract, text, expected):
    assert expected in roles(extract(DATELINE + text))


def test_a_sasak_prefix_and_an_adverb_before_the_verb(extract):
    r = extract(DATELINE + "Seorang anggota tim, Amaq Sumarlan, hanya menyatakan pihaknya tidak pernah mengundang ASN.")
    assert ("Amaq Sumarlan", "pihaknya tidak pernah") in said(r)


@pytest.mark.parametrize("text,person", [
    # a name before "dari" and a local unit is a person
    ("Salah seorang peserta, Sri Wahyuningsih dari Kecamatan Wanadadi, mengaku baru memahami aturan itu.",
     "Sri Wahyuningsih"),
    # counter-example: a place after "dari", no name before it
    ("Bantuan datang dari Kecamatan Wanadadi dan Kecamatan Batur.", None),
])
def test_a_name_from_a_local_unit(extract, text, person):
    got = persons(extract(DATELINE + text))
    assert got == ({person} if person else set()), got


@pytest.mark.parametrize("text,present,absent", [
    ("Kritik datang dari peneliti senior Institut Kajian Publik, Benny Sugiharto. Ia menilai kebijakan itu keliru.",
     "Benny Sugiharto", None),
    ("Hal itu disampaikan pengamat kebijakan publik Universitas Airlangga, Budi Santoso.", "Budi Santoso", None),
    ("Pandangan serupa disampaikan akademisi Universitas Hasanuddin, Andi Rahman, saat dihubungi.", "Andi Rahman",
     None),
    ("Seorang warga Desa Sukamaju, Inang Sumiati, yang datang mengurus kartu keluarga mengaku terbantu.",
     "Inang Sumiati", None),
    # counter-examples: no name after the comma; a view voiced by someone names no town
    ("Para guru di sekolah itu, Senin (2/3/2026), mengikuti pelatihan.", None, "Senin"),
    ("Warga Kecamatan Ciawi, Kecamatan Cisarua dan Kecamatan Megamendung mengeluhkan jalan rusak.", None, None),
    ("Kritik keras datang dari Budi Santoso. Ia menilai kebijakan itu keliru.", None, None),
])
def test_a_name_after_a_noun_for_a_person_and_a_comma(extract, text, present, absent):
    r = extract(DATELINE + text)
    got = persons(r)
    if present:
        assert present in got, got
    if absent:
        assert absent not in got, got
    assert not {e.label for e in r.entities if e.type == "Place"} & {"Budi Santoso", "Benny Sugiharto"}


@pytest.mark.parametrize("text,absent", [
    ('Inovasi "SiAPIK" milik Kelurahan Pulo Gebang juara pertama. Lurah Pulo Gebang, Andi Nurfaisah, mengaku '
     'SiAPIK lahir dari keluhan warga.', "SiAPIK"),
    ("Aplikasi SiPandu dipakai di semua puskesmas, kata Kepala Dinas Kesehatan, Budi Santoso.", "SiPandu"),
    ("Menurut Budi Santoso, warga bisa mengadu lewat pesan WhatsApp.", "WhatsApp"),
])
def test_an_application_named_in_brand_case_is_nobody(extract, text, absent):
    assert absent not in persons(extract(DATELINE + text))


@pytest.mark.parametrize("text,speaker", [
    ("Arief Budiman mengatakan kompetisi ini bukan sekadar ajang mencari piala. Baginya, yang terpenting adalah "
     "inovasi tersebut tetap berjalan setelah lomba berakhir.", "Arief Budiman"),
    # counter-example: "baginya" inside a sentence tells no one's view
    ("Arief Budiman mengatakan kompetisi ini bukan sekadar ajang mencari piala. Penghargaan itu penting baginya "
     "karena menjadi bukti kerja keras tim.", None),
])
def test_baginya_opening_a_sentence_is_the_view_of_the_person_just_named(extract, text, speaker):
    got = said(extract(DATELINE + text))
    view = [s for s, words in got if words.startswith(("yang terpenting", "Penghargaan itu"))]
    assert view == ([speaker] if speaker else []), got


@pytest.mark.parametrize("text,town,person", [
    ("Sugiyem (58), warga Kelurahan Kaliagung, Sentolo, mengaku puas karena bisa mengurus KTP sekaligus.",
     "Sentolo", "Sugiyem"),
    ("Mal pelayanan publik di kompleks eks Pasar Bendungan, Wates, mencatat enam puluh ribu kunjungan warga.",
     "Wates", None),
    # counter-example: a name after an office and a comma is the holder's
    ("Kepala Desa Sukamaju, Hendra, mengatakan jalan itu akan diperbaiki tahun depan.", None, "Hendra"),
    # counter-examples: after a resident's village not in apposition to a name before it, the word is the resident
    ("Salah seorang warga Kelurahan Sukamaju, Hendriansyah, yang sempat mencobanya, mengaku pendaftarannya mudah.",
     None, "Hendriansyah"),
    ("Seorang warga Desa Karangrejo, Sumarni, mengatakan antrean di loket kini lebih pendek dari tahun lalu.",
     None, "Sumarni"),
])
def test_one_word_between_commas_after_a_village_or_venue_is_its_town(extract, text, town, person):
    r = extract(DATELINE + text)
    places = {e.label for e in r.entities if e.type == "Place"}
    got = persons(r)
    if town:
        assert town in places and town not in got, (places, got)
    if person:
        assert person in got


@pytest.mark.parametrize("text,speaker,absent", [
    ("Kepala Disdukcapil Lombok Utara, Lalu Wirasakti Pratama, menyebut Bayan kini menjadi kecamatan dengan "
     "lonjakan kepemilikan akta tertinggi.", "Lalu Wirasakti Pratama", "Bayan"),
    # counter-example: after a closing quotation mark the name after the verb is the speaker's
    ("“Kami sudah bekerja keras sejak awal tahun,” menyebut Budi Santoso dalam rapat itu.", "Budi Santoso", None),
])
def test_a_name_after_an_active_speech_verb_is_its_object_unless_a_quote_closes_before(extract, text, speaker,
                                                                                          absent):
    r = extract(DATELINE + text)
    assert speaker in {s for s, _ in said(r)}
    if absent:
        assert absent not in persons(r)


@pytest.mark.parametrize("text,present,place", [
    ("Pelantikan disaksikan Sekretaris Daerah Kabupaten Sumbawa, Ir. Syarifuddin Malaka Dewa, serta para camat.",
     "Syarifuddin Malaka Dewa", None),
    # counter-example: a region in a list of regions is a place
    ("Warga dari Sleman, Malaka Timur dan Bantul hadir, kata Budi Santoso.", None, "Kabupaten Malaka"),
])
def test_a_one_word_region_between_two_name_words_is_part_of_the_name(extract, text, present, place):
    r = extract(DATELINE + text)
    if present:
        assert present in persons(r)
    if place:
        assert place in {e.label for e in r.entities if e.type == "Place"}


@pytest.mark.parametrize("text,speaker,start", [
    ("Ketua Komisi I DPRD Sumbar, Syafruddin Dt. Majo Basa, menyebut kunjungan tersebut bagian dari fungsi "
     "pengawasan.", "Syafruddin", "kunjungan tersebut bagian"),
    ("Sekretaris Daerah Kota Padang Drs. Syafrinal Dt. Rangkayo Basa, M.Si memastikan Pemko Padang tidak akan "
     "melindungi aparatur yang terbukti berpihak.", "Syafrinal", "Pemko Padang tidak"),
])
def test_a_minangkabau_datuk_title_after_a_name_closes_it(extract, text, speaker, start):
    r = extract(DATELINE + text)
    assert persons(r) == {speaker}
    assert (speaker, " ".join(start.split()[:3])) in said(r)


@pytest.mark.parametrize("text,role", [
    ("Jabatan diserahkan kepada Sekda definitif Dr. Ir. Hasbullah Rasyid, M.Si. dalam upacara singkat.",
     ("Hasbullah Rasyid", "Sekda definitif")),
    ("Bupati terpilih Sleman, Budi Santoso, mengatakan akan melanjutkan program reformasi birokrasi.",
     ("Budi Santoso", "Bupati terpilih Sleman")),
    ("Bupati Sleman terpilih, Budi Santoso, mengatakan akan melanjutkan program reformasi birokrasi.",
     ("Budi Santoso", "Bupati Sleman terpilih")),
    # counter-examples: "baru saja" is "just now", "kantor lama" an old building
    ("Bupati baru saja meresmikan gedung itu, kata Budi Santoso.", None),
    ("Kantor lama Bupati Sleman kini dipakai untuk mal pelayanan publik, kata Budi Santoso.", None),
])
def test_a_status_word_after_an_office_keeps_its_holder(extract, text, role):
    got = roles(extract(DATELINE + text))
    assert (role in got) if role else not got, got


@pytest.mark.parametrize("text,people", [
    # the grade of a high leadership position (UU 5/2014: JPT utama, madya, pratama) is part of the office
    ("Bupati melantik tiga Pejabat Pimpinan Tinggi (JPT) Pratama hasil seleksi terbuka di Pendopo, Jumat (4/10/2024).",
     set()),
    ("Dua Pejabat Pimpinan Tinggi Madya hadir dalam rapat evaluasi itu.", set()),
    # counter-example: the same word in a holder's name after an office
    ("Kepala Dinas Kominfo Pratama Wijaya mengatakan layanan akan dibenahi tahun ini.", {"Pratama Wijaya"}),
])
def test_a_grade_of_high_leadership_positions_is_no_name(extract, text, people):
    assert persons(extract(DATELINE + text)) == people


@pytest.mark.parametrize("text,people", [
    # an office of a body the gazetteer lacks, its head word first, then a name of two words or more: the holder
    ("Jalan itu rusak parah, kata Ketua Forum Honorer Budi Santoso.", {"Budi Santoso"}),
    ("\"Kami akan transparan,\" kata Ketua Pansel Budi Santoso.", {"Budi Santoso"}),
    ("\"Kami akan transparan,\" kata Ketua Panitia Seleksi Hendra Gunawan.", {"Hendra Gunawan"}),
    ("Ketua Forum Honorer Budi Santoso mengatakan gaji belum dibayar.", {"Budi Santoso"}),
    # a team named by the agent noun of its task ("Pemeriksa", "Penguji"), which is no name word
    ("Kepala BPK didampingi Ketua Tim Pemeriksa Budi Santoso, S.E. Dari Pemkab hadir Sekda.", {"Budi Santoso"}),
    ("Hasil itu diumumkan Ketua Tim Penguji Hendra Gunawan kemarin.", {"Hendra Gunawan"}),
    # an ordinary word between two words of the name that are none ("Lung": a Dayak name's word)
    ("Kepala BPK didampingi Ketua Tim Pemeriksa Petrus Lung Anyaq, S.E. Dari Pemkab hadir Sekda.",
     {"Petrus Lung Anyaq"}),
    # the body named by the short form the text gave it in brackets, the holder after the comma
    ("Diskusi digelar Lembaga Studi Anggaran Tompala (LSA Tompala). Ketua LSA Tompala, Hendra Gunawan, membuka "
     "diskusi itu.", {"Hendra Gunawan"}),
    # ... or after any body's short form: its name's words up to the comma are the body's
    ("Koordinator FITRA Tompala, Hendra Gunawan, menilai rancangan itu boros.", {"Hendra Gunawan"}),
    ("Direktur LBH Tompala Raya, Hendra Gunawan, menilai rancangan itu boros.", {"Hendra Gunawan"}),
    # a body named with a word that is never a name's ("Institute"), the holder after the comma
    ("Direktur Jogja Bersih Institute, Tri Hartanto, mendukung pasal pengumuman sanksi.", {"Tri Hartanto"}),
    # (not a rank before the name: the name is the holder's)
    ("Kapolres AKBP Budi Santoso, S.H., menilai rancangan itu boros.", {"Budi Santoso"}),
    # counter-examples: the body's own name; the holder named after the comma or before the office; a place
    ("Program itu didukung Ketua Yayasan Budi Luhur.", set()),
    ("Ketua Kelompok Tani Maju Jaya, Paijo, mengaku rugi hingga Rp12 juta.", {"Paijo"}),
    # the holder named before the office: the last word of the body's name before the comma is no one-word holder
    ("Paijo, Ketua Kelompok Tani Sumber Rejeki, mengaku rugi hingga Rp12 juta.", {"Paijo"}),
    # counter-example: in a list of offices and their holders, a one-word holder after the comma is one
    ("Hadir Bupati Lampung Utara H. Budi Utomo, Bupati Asahan H. Surya, dan Wali Kota Dumai H. Paisal.",
     {"Budi Utomo", "Surya", "Paisal"}),
    ("Sengketa itu dibahas Ketua Panitia Pilkades Desa Sukamaju Timur kemarin.", set()),
])
def test_the_holder_of_an_office_in_a_body_the_gazetteer_lacks(extract, text, people):
    assert persons(extract(DATELINE + text)) == people
