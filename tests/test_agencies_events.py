"""Agencies, events and policies, class by class (issue 13): Indonesian sentences written for these
tests, with the expected extraction and a counter-example beside each rule. Every name is invented."""
from __future__ import annotations

import pytest

DATELINE = "SEMARANG, Warta Daerah - "


def labels(r, etype):
    return {e.label for e in r.entities if e.type == etype}


def names(r, etype):
    """Labels and aliases, lower case: what a reader could find the entity by."""
    return {n.lower() for e in r.entities if e.type == etype for n in (e.label, *e.aliases)}


# --- agencies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    # vertical offices named by a town that is no region, with a qualifier before it
    ("Tim memeriksa Lapas Narkotika Karanganyar dan Rutan Wonosari, Selasa (3/2/2026).",
     {"Lembaga Pemasyarakatan Narkotika Karanganyar", "Rumah Tahanan Negara Wonosari"}),
    ("Petugas Rudenim Tanjung Uban memulangkan dua warga asing.", {"Rumah Detensi Imigrasi Tanjung Uban"}),
    ("Kepala Subbagian Umum KCD Pendidikan Bogor-Depok Rina Lestari hadir.",
     {"Kantor Cabang Dinas Pendidikan Bogor-Depok"}),
    # a town followed by a person's name: only the first word is the town
    ("Petugas Lapas Cipinang Budi Santoso Wijaya menerima tamu.", {"Lembaga Pemasyarakatan Cipinang"}),
    # a regional hospital named by its own name, and one named by its region
    ("Unit yang dicanangkan antara lain Dinas Perhubungan, RSUD Depati Jaya, dan Dinas Kesehatan.",
     {"Rumah Sakit Umum Daerah Depati Jaya"}),
    ("Direktur RSUD Kota Pangkalpinang, Budi Santoso, hadir.", {"Rumah Sakit Umum Daerah Kota Pangkalpinang"}),
    # military units by number and name
    ("Kepala Staf Korem 072/Pamungkas hadir di lokasi.", {"Komando Resor Militer 072/Pamungkas"}),
    # ... and by a commander's fused title, the unit's town no region
    ("Apel dihadiri Dandim 1508/Tobelo Letkol Inf Yudi Prasetyo.", {"Komando Distrik Militer 1508/Tobelo"}),
    # a section of the regional secretariat, named with its parent
    ("Kepala Biro Organisasi Setda Provinsi Jambi Maya Sari membuka acara.",
     {"Biro Organisasi Sekretariat Daerah Provinsi Jambi"}),
    # a field word that bodies' names often capitalise ("Daerah")
    ("Ia menjabat Kepala Biro Pemerintahan dan Otonomi Daerah Setda Aceh sejak 2022.",
     {"Biro Pemerintahan dan Otonomi Daerah Sekretariat Daerah Provinsi Aceh"}),
    # a ministry's regional office and inspectorate named before the ministry
    ("Kanwil Kementerian Agama Jawa Tengah menerima Itjen Kementerian Keuangan.",
     {"Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah", "Inspektorat Jenderal Kementerian Keuangan"}),
    # a ministry's unit named bare after the ministry ("X melalui Inspektorat Jenderal")
    ("Kementerian Dalam Negeri (Kemendagri) melalui Inspektorat Jenderal bersama BPKP menggelar rapat.",
     {"Inspektorat Jenderal Kementerian Dalam Negeri", "Kementerian Dalam Negeri"}),
    # one office whose name lists its fields, spelt by its short form
    ("Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak (Dinsos-P3A) Kabupaten Purworejo "
     "Ani Rahayu menyampaikan laporan.",
     {"Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Purworejo"}),
    # a ministry's name with a typing slip
    ("Surat itu dikirim ke Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrsi.",
     {"Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"}),
    # a regional council's commission written in full is not the DPR's commission of that number
    ("BENGKALIS - Komisi I Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Bengkalis menggelar rapat.",
     {"Komisi I Dewan Perwakilan Rakyat Daerah Kabupaten Bengkalis", "Dewan Perwakilan Rakyat Daerah Kabupaten Bengkalis"}),
    ("Rapat itu dihadiri Komisi II Dewan Perwakilan Rakyat di Jakarta.", {"Komisi II Dewan Perwakilan Rakyat"}),
    # a body whose name opens with an event word, and a council listed after it
    ("Ia meminta konsolidasi dengan unsur Forum Koordinasi Pimpinan Daerah (Forkopimda) dan Dewan Perwakilan Rakyat "
     "Kabupaten (DPRK) Aceh Tamiang.", {"Dewan Perwakilan Rakyat Kabupaten Aceh Tamiang"}),
    # BMKG's stations, named by their towns
    ("Prakirawan Stasiun Meteorologi Wamena, Budi Santoso, mengatakan hujan masih akan turun.",
     {"Stasiun Meteorologi Wamena"}),
    # a regional company named by its own name, as its water company is
    ("Direktur Utama Perumda Tirta Sentosa, Rudi Hartono, menjelaskan layanan air bersih tidak terganggu.",
     {"Perusahaan Umum Daerah Tirta Sentosa"}),
    ("Pelanggan PDAM Tirta Sentosa mengeluhkan air keruh sejak Senin.", {"Perusahaan Daerah Air Minum Tirta Sentosa"}),
    # a court, a prosecutor's office and a police sector named by a seat that is no region
    ("Sidang digelar di Pengadilan Agama Tanjung Lamo, Senin (3/6/2024).", {"Pengadilan Agama Tanjung Lamo"}),
    ("Laporan diteruskan ke Polsek Sungai Rawa untuk ditindaklanjuti.", {"Kepolisian Sektor Sungai Rawa"}),
    # a state Islamic university named after a person, its short form in brackets or not
    ("Pengamat dari Universitas Islam Negeri (UIN) Syekh Ahmad Rasyid, Budi Santoso, menilai capaian itu wajar.",
     {"Universitas Islam Negeri Syekh Ahmad Rasyid"}),
    ("Pengamat dari UIN Syekh Ahmad Rasyid, Budi Santoso, menilai capaian itu wajar.",
     {"Universitas Islam Negeri Syekh Ahmad Rasyid"}),
    # ... one with offices in cities is, and one with offices in provinces by its province
    ("BPS Kota Bandung merilis data kemiskinan, Senin (3/6/2024).", {"Badan Pusat Statistik Kota Bandung"}),
    ("Ombudsman Kalsel menerima laporan itu, Senin (3/6/2024).",
     {"Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Selatan"}),
    # a known body's team is the body; a team named by its task is a body of its own
    ("Tim BKN melakukan evaluasi sistem merit di Manado, Senin (3/6/2024).", {"Badan Kepegawaian Negara"}),
    ("Tim Penilai Nasional KemenPAN-RB melakukan evaluasi di Manado, Senin (3/6/2024).",
     {"Tim Penilai Nasional", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"}),
])
def test_agencies_named(extract, sentence, expected):
    got = labels(extract(DATELINE + sentence), "Agency")
    assert expected <= got, got


@pytest.mark.parametrize("sentence,absent", [
    # a list of three offices, each with its own head word, is three offices
    ("Dinas Pendidikan, Dinas Kesehatan dan Dinas Sosial Kabupaten Purworejo menerima penghargaan.",
     {"Dinas Pendidikan, Dinas Kesehatan dan Dinas Sosial Kabupaten Purworejo"}),
    # "Lapas" with no town is no named office
    ("Kondisi Lapas tersebut sudah penuh, kata petugas.", {"Lembaga Pemasyarakatan Tersebut"}),
    # a task force's name stops at its parent agency
    ("Tim Penilai Internal Itjen Kementerian Keuangan datang hari ini.",
     {"Tim Penilai Internal Itjen Kementerian Keuangan"}),
    # an unknown ministry is not read as a known one
    ("Ia menyebut Kementerian Kebahagiaan Nasional sebagai lelucon.", {"Kementerian Kesehatan"}),
    # (nor is the DPR, nor an event named by the forum's first word)
    ("Ia meminta konsolidasi dengan unsur Forum Koordinasi Pimpinan Daerah (Forkopimda) dan Dewan Perwakilan Rakyat "
     "Kabupaten (DPRK) Aceh Tamiang.", {"Dewan Perwakilan Rakyat Republik Indonesia", "Komisi I Dewan Perwakilan Rakyat"}),
    # a national body with no offices in cities is not named by one
    ("Tes digelar di UPT BKN Bandar Lampung, Senin (3/6/2024).", {"Badan Kepegawaian Negara Kota Bandar Lampung"}),
    # a known body's own team is that body, not a team of its own
    ("Tim BKN melakukan evaluasi sistem merit di Manado, Senin (3/6/2024).", {"Tim BKN"}),
    ("Tim Badan Kepegawaian Negara (BKN) mengevaluasi sistem merit di Manado.", {"Tim Badan Kepegawaian Negara"}),
])
def test_agencies_not_named(extract, sentence, absent):
    got = labels(extract(DATELINE + sentence), "Agency")
    assert not absent & got, got


def test_merged_office_and_list_in_one_article(extract):
    text = DATELINE + ("Pemerintah Kabupaten Purworejo memberi nilai kepada Dinas Penanaman Modal, Pelayanan "
                       "Perizinan Terpadu Satu Pintu dan Tenaga Kerja. Dinas Pendidikan, Kesehatan dan Sosial "
                       "juga dinilai.")
    got = labels(extract(text), "Agency")
    assert "Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu dan Tenaga Kerja Kabupaten Purworejo" in got
    assert not any(g.startswith("Dinas Pendidikan, ") for g in got), got


def test_one_office_per_field_and_region(extract):
    text = DATELINE + ("Dinas Komunikasi, Informatika, Persandian dan Statistik Provinsi Jawa Tengah menggelar "
                       "pelatihan. Kepala Dinas Kominfo Jawa Tengah Rudi Hartono membuka acara itu.")
    got = [e.label for e in extract(text).entities if e.type == "Agency" and e.label.startswith("Dinas Kom")]
    assert got == ["Dinas Komunikasi, Informatika, Persandian dan Statistik Provinsi Jawa Tengah"], got


def test_initials_make_a_person_not_a_region_or_policy(extract):
    r = extract(DATELINE + "Bawaslu melaporkan Kepala Dinas Perhubungan Tegal Wirawan (TW) dan Kepala Desa Agus "
                           "Salim (AS) ke Badan Kepegawaian Negara.")
    assert not {"Agus Salim", "Tegal Wirawan"} & labels(r, "Policy")
    assert "Dinas Perhubungan Kota Tegal" not in labels(r, "Agency")
    assert "Dinas Perhubungan Kabupaten Tegal" not in labels(r, "Agency")


# --- events -----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    # the delivery of a report, named in capitals
    ("Kepala Ombudsman hadir dalam kegiatan Penyampaian Laporan Tahunan 2025 di Hotel Merdeka, Rabu (4/3/2026).",
     "penyampaian laporan tahunan 2025"),
    # a list of short forms inside the name
    ("Bupati menghadiri Deklarasi Netralitas ASN, TNI dan Polri di Aula Merapi, Senin (2/3/2026).",
     "deklarasi netralitas asn, tni dan polri"),
    # the longest election name wins
    ("Petugas bersiap menghadapi pemilu kepala daerah 2029 di wilayahnya.", "pilkada 2029"),
    # an event name takes a programme's whole name
    ("Sebanyak 300 pelamar mengikuti seleksi Pegawai Pemerintah dengan Perjanjian Kerja di Gedung Serbaguna, "
     "Rabu (4/3/2026).", "seleksi pegawai pemerintah dengan perjanjian kerja"),
    # new activity heads, also misspelt
    ("Camat memimpin rapat kordinasi lintas sektor di Pendopo Kecamatan, Kamis (5/3/2026).",
     "rapat kordinasi lintas sektor"),
    ("Dinas Kesehatan menggelar Diskusi Publik Generasi Sehat di Hotel Candi Baru, Jumat (6/3/2026).",
     "diskusi publik generasi sehat"),
    # a slash joining two words of the name
    ("Desk Evaluasi SAKIP Kabupaten/Kota Tahun 2025 digelar di Aula Bappeda, Selasa (3/3/2026).",
     "desk evaluasi sakip kabupaten/kota tahun 2025"),
    # two event words joined by "dan" open one name; a capitalised "Bersama" inside it is part of it
    ("Bupati hadir saat Pencanangan dan Penandatanganan Komitmen Bersama Pelayanan Prima di Aula Bappeda, "
     "Kamis (5/3/2026).", "pencanangan dan penandatanganan komitmen bersama pelayanan prima"),
    ("Camat menghadiri Pembukaan dan Penutupan Pekan Olahraga Desa di Lapangan Merdeka, Kamis (5/3/2026).",
     "pembukaan dan penutupan pekan olahraga desa"),
    # a visit is named with where it went
    ("Hal itu mengemuka dalam kunjungan kerja Komisi II DPRD Purworejo ke Dinas Perhubungan Kota Magelang "
     "di Jalan Pahlawan, Selasa (3/3/2026).",
     "kunjungan kerja komisi ii dprd purworejo ke dinas perhubungan kota magelang"),
])
def test_events_named(extract, sentence, expected):
    got = names(extract(DATELINE + sentence), "Event")
    assert expected in got, got


@pytest.mark.parametrize("text,event", [
    # "kegiatan" and lower-case words held somewhere, some day
    ("Bupati membuka kegiatan bakti sosial di Desa Sukamaju, Senin (2/3/2026).", "kegiatan bakti sosial"),
    # a bare event word opening its sentence with a verb of holding or marking names the happening told
    ("Sebanyak 18 pejabat dilantik di Gedung Wiswa, Selasa (10/9/2024). Pelantikan dilakukan oleh gubernur.",
     "pelantikan"),
    ("Pasar Sukamaju resmi beroperasi, Senin (2/3/2026). Peresmian ditandai dengan pengguntingan pita oleh bupati.",
     "peresmian"),
    # a lower-case activity before a capitalised name, told held by a cue or under way
    ("Bawaslu menggelar sosialisasi Pengawasan Partisipatif kepada warga.", "sosialisasi pengawasan partisipatif"),
    ("Proses seleksi Pegawai Pemerintah dengan Perjanjian Kerja telah berjalan.",
     "seleksi pegawai pemerintah dengan perjanjian kerja"),
    # a wrapped activity word with "yang" and a verb of holding
    ("Sebanyak 120 PPPK menerima SK dalam acara penyerahan yang digelar di Aula Jayang, Selasa (27/2/2024).",
     "acara penyerahan"),
    ("Ia berharap acara penyerahan itu lancar.", None),
    # ... not a short form, nor the word in a general remark
    ("Rakor dihadiri seluruh kepala dinas, Senin (2/3/2026).", None),
    ("Pelantikan pejabat penting bagi daerah, katanya.", None),
])
def test_a_bare_event_word_with_a_verb_of_holding(extract, text, event):
    got = names(extract(DATELINE + text), "Event")
    assert (event in got) if event else not got, got


@pytest.mark.parametrize("sentence,absent", [
    # delivering in lower case, or alone at a sentence's start, names no happening
    # a lower-case activity before a capitalised name, told held by nothing
    ("Ia meminta camat memperkuat sosialisasi Netralitas ASN kepada warga.", "sosialisasi netralitas asn"),
    # "kegiatan" and lower-case words with nothing telling them held: activities in general
    ("Prajurit wajib menjaga jarak dari kegiatan politik praktis.", "kegiatan politik praktis"),
    # a body's representatives: the event word names the body
    ("Rapat dihadiri Kepala BKD serta perwakilan Forum Honorer Sukamaju.", "forum honorer sukamaju"),
    ("Penyampaian materi dilakukan oleh kepala dinas.", "penyampaian materi"),
    # a word about elections tells no election
    ("Bawaslu menyatakan tidak ada unsur pidana pemilu dalam kasus itu.", "pemilu"),
    ("Ia berterima kasih kepada penyelenggara Pemilu dan aparat keamanan.", "pemilu"),
    # an event word inside an office's title
    ("Kepala Bidang Pelatihan dan Evaluasi Kinerja Rina Marlina membuka acara.", "evaluasi kinerja"),
    ("Asisten Deputi Koordinasi Kebijakan dan Evaluasi Pelayanan Publik Dodi Saputra hadir.",
     "evaluasi pelayanan publik"),
    # one item of a lower-case list of activities
    ("Tahapannya meliputi pendataan, penguatan SDM, dan pengembangan aplikasi.", "penguatan sdm"),
    # a project of the region is a programme
    ("Gubernur menetapkan 9 Proyek Strategis Daerah Provinsi Jawa Tengah Tahun 2026.",
     "proyek strategis daerah provinsi jawa tengah tahun 2026"),
    # the constitution's preamble read at a ceremony is the law, not an opening
    ("Upacara Hari Kesadaran Nasional di halaman kantor bupati, Senin (2/3/2026), diisi pembacaan Pancasila "
     "dan Pembukaan UUD 1945.",
     "pembukaan uud 1945"),
    # ... but not another event word's name
    ("Rapat Koordinasi Komisi II ke Kota Magelang dibahas di Aula Bappeda, Senin (2/3/2026).",
     "rapat koordinasi komisi ii ke kota magelang"),
    # an activity "like it" (serupa, sejenis) is a kind of happening, not one held
    ("Sekda menegaskan sidak serupa akan dilakukan hingga akhir bulan.", "sidak serupa"),
    ("Ia berharap rapat sejenis digelar di setiap kecamatan.", "rapat sejenis"),
    # a body whose name opens with an event word ("Forum Koordinasi Pimpinan Daerah") is no forum held
    ("Ia meminta konsolidasi dengan unsur Forum Koordinasi Pimpinan Daerah (Forkopimda) dan Dewan Perwakilan Rakyat "
     "Kabupaten (DPRK) Aceh Tamiang.", "forum koordinasi pimpinan daerah dan dewan perwakilan rakyat kabupaten aceh tamiang"),
    # ... and so is one done periodically
    ("Kelemahan daerah bukan pada penyusunan dokumen, melainkan pada evaluasi berkala.", "evaluasi berkala"),
    # a generic event noun pointing back names the event told before, no new one
    ("Bupati membuka Workshop Standar Pelayanan, Senin (2/3/2026). Sebanyak 64 peserta mengikuti kegiatan sehari "
     "penuh tersebut.", "kegiatan sehari penuh"),
    # "Bersama" before an office is "with": the office's holder is no part of the meeting's name
    ("Rapat Koordinasi Bersama Bupati Purworejo digelar di Pendopo, Senin (2/3/2026).",
     "rapat koordinasi bersama bupati purworejo"),
])
def test_events_not_named(extract, sentence, absent):
    got = names(extract(DATELINE + sentence), "Event")
    assert absent not in got, got


@pytest.mark.parametrize("text,alone", [
    # a bare event word with a verb of holding, after an event was named, is that event again
    ("Bupati melantik 20 pejabat dalam Pelantikan Pejabat Administrator di Pendopo Kabupaten, Senin (2/3/2026). "
     "Upacara ditutup dengan doa bersama.", False),
    # ... and the happening itself where none was named before
    ("Sebanyak 20 pejabat dilantik di Pendopo Kabupaten, Senin (2/3/2026). Upacara ditutup dengan doa bersama.",
     True),
])
def test_a_bare_event_word_after_a_named_event_is_that_event(extract, text, alone):
    r = extract(DATELINE + text)
    assert ("Upacara" in labels(r, "Event")) is alone, labels(r, "Event")
    assert "upacara" in names(r, "Event"), names(r, "Event")


def test_election_with_a_cue_is_an_event(extract):
    got = names(extract(DATELINE + "Semua pihak diminta menjaga kondusivitas menjelang Pemilu 2029."), "Event")
    assert "pemilu 2029" in got, got


def test_event_named_again_with_ini_is_one_event(extract):
    text = DATELINE + ("Tim menggelar desk evaluasi pembangunan Zona Integritas di Aula Kartini, Rabu (4/3/2026). "
                       "Pada pelaksanaan Evaluasi Penilaian Pembangunan Zona Integritas ini, tim memeriksa dokumen.")
    events = [e for e in extract(text).entities if e.type == "Event"]
    assert len(events) == 1, [e.label for e in events]


def test_a_launch_is_not_what_it_launches(extract):
    text = DATELINE + ("Kementerian Dalam Negeri kembali menggelar Kompetisi Inovasi Daerah (KID) tahun ini. "
                       "Hal itu disampaikan dalam acara peluncuran KID 2026, Kamis (5/3/2026).")
    got = labels(extract(text), "Event")
    assert {"Kompetisi Inovasi Daerah", "Peluncuran KID 2026"} <= got, got


def test_undated_article_dates_an_event_in_the_year_it_names(extract):
    text = "Warta Daerah - Menteri membuka acara peluncuran KID 2026 secara daring, Kamis (5/3)."
    r = extract(text)
    events = {e.key: e.label for e in r.entities if e.type == "Event"}
    dates = {events[x.event]: x.date for x in r.events}
    assert dates.get("Peluncuran KID 2026") == "2026-03-05", dates


@pytest.mark.parametrize("text,label,date", [
    # the voting of an election is the election, dated by the polling day written after its name
    ("Menjelang pemungutan suara Pilkada serentak 27 November 2029, Bawaslu Purworejo menggelar patroli.",
     "Pilkada 2029", "2029-11-27"),
    ("Menjelang pemungutan suara Pemilihan Kepala Daerah (Pilkada) serentak pada 27 November 2029, "
     "Bawaslu Purworejo menggelar patroli.", "Pilkada 2029", "2029-11-27"),
    # ... an election with no day after its name has none
    ("Camat meminta ASN netral menjelang Pilkada 2029. Rapat digelar Kamis, 5 Maret 2026.", "Pilkada 2029", None),
])
def test_voting_is_its_election_dated_by_its_polling_day(extract, text, label, date):
    r = extract(DATELINE + text)
    events = {e.key: e.label for e in r.entities if e.type == "Event"}
    assert not any(lab.lower().startswith("pemungutan suara") for lab in events.values()), events
    dates = {events[x.event]: x.date for x in r.events}
    assert dates.get(label, "missing") == date, dates


# --- policies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Aturan itu tertuang dalam Peraturan Bupati Purworejo Nomor 12.3/45 Tahun 2026 tentang Penataan Pasar.",
     "peraturan bupati purworejo nomor 12.3/45 tahun 2026"),
    ("Hal itu diatur dalam UU No.5 Tahun 2014 Tentang Aparatur Sipil Negara.", "uu no.5 tahun 2014"),
    ("Gubernur menetapkan 9 Proyek Strategis Daerah tahun ini.", "proyek strategis daerah"),
    # an electronic system named by its e- prefix after a system word
    ("Laporan kinerja terlambat diunggah ke aplikasi e-Lapor akhir November.", "e-lapor"),
    # a letter's subject goes on across "setelah"/"dalam"/"pada" before a capitalised word
    ("Bupati merujuk Surat Edaran Menteri PANRB tentang Hari Kerja Pertama setelah Libur Nasional, Senin.",
     "surat edaran menteri panrb tentang hari kerja pertama setelah libur nasional"),
    ("Hal itu diatur dalam Surat Keputusan Bersama tentang Pedoman Netralitas Pegawai ASN dalam Penyelenggaraan "
     "Pemilihan Umum yang ditandatangani pada 2022.",
     "surat keputusan bersama tentang pedoman netralitas pegawai asn dalam penyelenggaraan pemilihan umum"),
    # a subject listing its fields in lower case, through commas to "serta"
    ("Pemprov akan menyusun Peraturan Gubernur tentang kedudukan, susunan organisasi, tugas dan fungsi serta tata "
     "kerja perangkat daerah sebagai aturan pelaksana.",
     "peraturan gubernur tentang kedudukan, susunan organisasi, tugas dan fungsi serta tata kerja perangkat daerah"),
    # ... not a clause after the comma
    ("Hal itu diatur Peraturan Gubernur tentang disiplin pegawai, kata dia.", "peraturan gubernur tentang disiplin pegawai"),
    # a charter, a code of ethics or a joint commitment named by its capitalised words
    ("Kegiatan ditandai penandatanganan Piagam Pencanangan Wilayah Bebas dari Korupsi oleh rektor.",
     "piagam pencanangan wilayah bebas"),
    ("DKPP memeriksa dugaan pelanggaran Kode Etik Penyelenggara Pemilu di Serang.", "kode etik penyelenggara pemilu"),
    ("Bupati menandatangani Komitmen Bersama Percepatan Transformasi Digital Sukamaju.",
     "komitmen bersama percepatan transformasi digital sukamaju"),
])
def test_policies_named(extract, sentence, expected):
    got = names(extract(DATELINE + sentence), "Policy")
    assert expected in got, got


def test_kanwil_before_a_ministry_form_the_rules_do_not_join(extract):
    """"Kanwil" + a ministry named in a form the office types do not list: the ministry's regional office."""
    got = labels(extract(DATELINE + "Kantor Wilayah Kementerian Hukum dan HAM Jawa Tengah menggelar rapat."), "Agency")
    assert "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Jawa Tengah" in got, got


def test_secretariats_are_not_merged_as_one_office(extract):
    text = DATELINE + ("Sekretariat Daerah Kabupaten Purworejo dan Sekretariat DPRD Kabupaten Purworejo "
                       "menandatangani kesepakatan.")
    got = labels(extract(text), "Agency")
    assert {"Sekretariat Daerah Kabupaten Purworejo", "Sekretariat Dewan Perwakilan Rakyat Daerah Kabupaten Purworejo"} <= got, got


def test_biro_with_its_parent_written_short(extract):
    got = labels(extract(DATELINE + "Biro Hukum Setda Prov. Jateng menyusun rancangan itu."), "Agency")
    assert "Biro Hukum Sekretariat Daerah Provinsi Jawa Tengah" in got, got


@pytest.mark.parametrize("sentence,expected,absent", [
    # an activity in lower case with no event verb: a venue right after it makes it a happening ...
    ("Para camat mengikuti pula bimtek pengelolaan arsip di Aula Bappeda, Selasa (3/3/2026).",
     "bimtek pengelolaan arsip", None),
    # ... and so does a theme
    ("Sebelumnya, sosialisasi keselamatan kerja bertema “Aman Bekerja” diikuti 80 pegawai.",
     "sosialisasi keselamatan kerja", None),
    # a word about such activities, with no venue, date or theme, is none
    ("Menurutnya, pelatihan kepemimpinan sangat penting bagi pegawai muda.", None, "pelatihan kepemimpinan"),
    # what marked a ceremony is part of it
    ("Peresmian Pasar Rakyat Sukamaju ditandai penandatanganan prasasti oleh bupati, Jumat (6/3/2026).",
     "peresmian pasar rakyat sukamaju", "penandatanganan prasasti"),
    # supervision and consultation meetings named by their own nouns
    ("KASN menggelar gelar pengawasan netralitas ASN di Jakarta, Rabu (4/3/2026).",
     "gelar pengawasan netralitas asn", None),
    ("Bappeda menggelar uji publik rancangan RPJMD di Aula Bappeda, Kamis (5/3/2026).",
     "uji publik rancangan rpjmd", None),
    ("Menurutnya, verifikasi lapangan sangat penting bagi penilaian.", None, "verifikasi lapangan"),
    # what an inspection found tells that it was held; what an evaluation found tells no happening
    ("Temuan itu diperoleh dari hasil inspeksi mendadak (sidak) pada Rabu (4/3/2026).", "inspeksi mendadak", None),
    ("Temuan itu diperoleh dari hasil evaluasi kinerja pada Rabu (4/3/2026).", None, "evaluasi kinerja"),
    # an evaluation in lower case done somewhere, some day is a happening; the one before, a year's, is none
    ("Tim BKN melakukan evaluasi penerapan manajemen talenta di Aula Bappeda, Kamis (5/3/2026).",
     "evaluasi penerapan manajemen talenta", None),
    ("Indeks itu naik setelah pada evaluasi sebelumnya memperoleh nilai 3,1, Kamis (5/3/2026).", None,
     "evaluasi sebelumnya"),
    ("Dewan meminta pemda melakukan evaluasi setahun setelah perda berlaku, Kamis (5/3/2026).", None,
     "evaluasi setahun"),
    # "melakukan" tells an activity done, as "melaksanakan" does; an obligation ("wajib melakukan") tells none held
    ("Tim Inspektorat melakukan inspeksi mendadak bersama BKD, Kamis (5/3/2026).", "inspeksi mendadak", None),
    ("Setiap atasan wajib melakukan dialog kinerja dengan bawahannya.", None, "dialog kinerja"),
    # inside a quotation a preposition tells no meeting held; a verb of holding still does
    ("“DPRD punya fungsi pengawasan. Tanyakan dalam rapat kerja: kenapa nomor tiga?” katanya.", None, "rapat kerja"),
    ("“ASN jangan hadir dalam deklarasi pasangan calon,” ujarnya.", None, "deklarasi pasangan calon"),
    ("“Kami menggelar rapat koordinasi bersama camat tadi pagi,” ujarnya.", "rapat koordinasi", None),
])
def test_activity_becomes_an_event_by_its_scene(extract, sentence, expected, absent):
    r = extract(DATELINE + sentence)
    got = names(r, "Event")
    if expected:
        assert expected in got, got
    if absent:
        assert absent not in {e.label.lower() for e in r.entities if e.type == "Event"}, got


# --- places -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,place", [
    # a town given with its province's short form and the outlet
    ("Muntok, Babel, (Warta) - Pemerintah kabupaten meraih penghargaan pelayanan publik tahun ini.", "Muntok"),
    # a title with a hyphenated word is no dateline; the dateline is the next line
    ("Gerakan Anti-Pungli, Warga Diminta Melapor\n\nMANOKWARI - Pemerintah daerah membuka layanan pengaduan baru.",
     "MANOKWARI"),
])
def test_datelines(text, place):
    from kg.layout import parse_article

    a = parse_article("t.txt", text)
    assert a.dateline and a.text[a.dateline[0]:a.dateline[1]] == place


@pytest.mark.parametrize("text,agency,absent", [
    # a technical unit named by its field before its body
    ("Kepala UPT Penilaian Kompetensi BKN, Budi Santoso, menjelaskan tahapan tes.",
     "UPT Penilaian Kompetensi Badan Kepegawaian Negara", None),
    # ... not across the name of another unit of the body: that unit is named on its own
    ("Asesmen dilakukan dengan UPT Penilaian Kompetensi Pegawai Kantor Regional IV Badan Kepegawaian Negara (BKN) "
     "Makassar.", "Kantor Regional IV Badan Kepegawaian Negara",
     "UPT Penilaian Kompetensi Pegawai Kantor Regional IV Badan Kepegawaian Negara"),
])
def test_a_technical_unit_named_by_its_field(extract, text, agency, absent):
    got = labels(extract(DATELINE + text), "Agency")
    assert agency in got and absent not in got, got


@pytest.mark.parametrize("text,agency", [
    # a bureau named by its fields before a national body is that body's, not a regional secretariat's
    ("Kepala Biro Humas, Hukum, dan Kerja Sama BKN, Tiur Sinaga, mengatakan aduan naik.",
     "Biro Humas, Hukum, dan Kerja Sama Badan Kepegawaian Negara"),
    ("Kepala Biro Organisasi Setda Provinsi Jambi, Budi Santoso, mengatakan hal itu.",
     "Biro Organisasi Sekretariat Daerah Provinsi Jambi"),
])
def test_a_bureau_of_a_national_body(extract, text, agency):
    got = labels(extract(DATELINE + text), "Agency")
    assert agency in got and not any("DKI Jakarta" in g or "Provinsi Banten" in g for g in got), got


@pytest.mark.parametrize("text,agency", [
    # a body with offices at one level only: the region of that level where a city shares the name
    ("Gorontalo (ANTARA) - Ombudsman Gorontalo menemukan pungutan di luar tarif pada layanan MPP Kota Gorontalo.",
     "Ombudsman Republik Indonesia Perwakilan Provinsi Gorontalo"),
    ("Gorontalo (ANTARA) - Kejati Gorontalo memeriksa dua pejabat dinas.", "Kejaksaan Tinggi Provinsi Gorontalo"),
])
def test_a_region_of_the_level_a_body_has_offices_at(extract, text, agency):
    got = labels(extract(text), "Agency")  # the dateline names the city
    assert agency in got, got


@pytest.mark.parametrize("text,agency", [
    ("Gerai Samsat Majalengka melayani pajak kendaraan di MPP.", "Sistem Administrasi Manunggal Satu Atap Kabupaten Majalengka"),
    ("Di MPP tersedia layanan Samsat dan BPJS Kesehatan.", "Sistem Administrasi Manunggal Satu Atap"),
])
def test_the_joint_vehicle_tax_office_is_a_body(extract, text, agency):
    assert agency in labels(extract(DATELINE + text), "Agency")


@pytest.mark.parametrize("text,agency", [
    # a regional hospital named after a person: its titles and initials are part of its name
    ("Pasien dirujuk ke RSUD dr. M. Haulussy, Senin (4/11/2024).", "Rumah Sakit Umum Daerah Dr. M. Haulussy"),
    ("Direktur RSUD Prof. Dr. H. Aloei Saboe, Budi Santoso, mengatakan layanan membaik.",
     "Rumah Sakit Umum Daerah Prof. Dr. H. Aloei Saboe"),
])
def test_a_hospital_named_after_a_person(extract, text, agency):
    got = labels(extract(DATELINE + text), "Agency")
    assert agency in got, got


def test_a_named_office_ends_before_another_body_joined_by_dan(extract):
    got = labels(extract(DATELINE + "Ketiga unit itu adalah RSUD Blambangan dan Dinas Kependudukan dan Pencatatan "
                                     "Sipil Kabupaten Banyuwangi."), "Agency")
    assert not any(" dan Dinas" in g for g in got), got


def test_a_puskesmas_is_a_public_body_not_a_place(extract):
    r = extract(DATELINE + "Puskesmas Sukamaju meraih nilai tertinggi dalam penilaian pelayanan publik.")
    assert "Puskesmas Sukamaju" in labels(r, "Agency")
    assert "Puskesmas Sukamaju" not in labels(r, "Place")


def test_a_draft_stage_before_a_plan_is_no_policy(extract):
    text = DATELINE + "Dokumen itu disusun berdasarkan Rancangan Teknokratik (Rantek) RPJMD Kabupaten Purworejo."
    got = labels(extract(text), "Policy")
    assert "Rancangan Teknokratik" not in got, got
    assert any("Rencana Pembangunan Jangka Menengah Daerah" in g for g in got), got


def test_policy_names_equal_but_for_function_words_are_one(extract):
    text = DATELINE + ("Unit itu menuju Wilayah Bebas dari Korupsi (WBK) tahun ini, sesuai Peraturan Menteri PANRB "
                       "Nomor 90 Tahun 2021 tentang Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi (WBK).")
    got = [e.label for e in extract(text).entities if e.type == "Policy" and e.label.startswith("Wilayah Bebas")]
    assert got == ["Wilayah Bebas dari Korupsi"], got


@pytest.mark.parametrize("sentence,expected,absent", [
    ("Bupati mencanangkan gerakan “satu desa, satu embung” atau “one village, one pond” tahun ini.",
     "satu desa, satu embung", None),
    # a quotation after a speech verb names no programme
    ("Bupati mengatakan “satu desa harus punya embung” kepada warga.", None, "satu desa harus punya embung"),
])
def test_programme_named_by_a_quoted_title(extract, sentence, expected, absent):
    got = names(extract(DATELINE + sentence), "Policy")
    if expected:
        assert expected in got and "one village, one pond" in got, got
    if absent:
        assert absent not in got, got


@pytest.mark.parametrize("sentence,expected", [
    ("Temuan itu berasal dari Panwaslu Kecamatan (Panwascam) Mlati dan diteruskan ke Bawaslu.",
     "Panitia Pengawas Pemilu Kecamatan Mlati"),
    ("Gubernur membentuk Tim Penilai Internal (TPI) Reformasi Birokrasi pada awal tahun.",
     "Tim Penilai Internal Reformasi Birokrasi"),
])
def test_bodies_named_by_their_district_or_across_a_short_form(extract, sentence, expected):
    got = labels(extract(DATELINE + sentence), "Agency")
    assert expected in got, got


def test_a_short_title_before_its_field_is_no_region(extract):
    r = extract(DATELINE + "Karo Humas Setda Provinsi Jawa Tengah Budi Santoso mengatakan laporan sudah dikirim.")
    assert "Kabupaten Karo" not in labels(r, "Place")
    r = extract("MEDAN, Warta - Warga Karo menanam kopi di lereng gunung.")
    assert "Kabupaten Karo" in labels(r, "Place")


@pytest.mark.parametrize("text,ref,iso", [
    ("Rapat digelar 5 Januari mendatang.", "2026-12-20", "2027-01-05"),  # the next such date after the story's day
    ("Rapat digelar 27 November mendatang.", "2026-11-20", "2026-11-27"),
    ("Rapat digelar 5 Januari lalu.", "2026-12-20", "2026-01-05"),
    ("Tim datang Jumat (15/05/ 2026) pagi.", None, "2026-05-15"),  # a space inside the date
])
def test_event_dates(text, ref, iso):
    from kg.dates import find_dates

    assert [d.iso for d in find_dates(text, ref=ref) if d.iso] == [iso]


@pytest.mark.parametrize("sentence,expected", [
    ("Bappeda menggelar Evaluasi Pemanfaatan Data Desa dalam Penyusunan Rencana Kerja di Aula Bappeda, "
     "Senin (2/3/2026).", "evaluasi pemanfaatan data desa dalam penyusunan rencana kerja"),
])
def test_event_name_runs_across_dalam(extract, sentence, expected):
    assert expected in names(extract(DATELINE + sentence), "Event")


def test_event_name_stops_before_a_venue_after_dalam(extract):
    got = names(extract(DATELINE + "Rapat Koordinasi Stunting dalam Gedung Serbaguna, Senin (2/3/2026)."), "Event")
    assert not any("gedung" in g for g in got), got


def test_republik_indonesia_after_a_body_is_the_same_body(extract):
    r = extract(DATELINE + "Badan Kepegawaian Negara Republik Indonesia menerbitkan surat. BKN juga mengawasi seleksi.")
    assert [e.label for e in r.entities if e.type == "Agency"] == ["Badan Kepegawaian Negara"]
    assert "Indonesia" not in labels(r, "Place")


@pytest.mark.parametrize("sentence,expected,absent", [
    # an instrument held somewhere on some day is a happening too ...
    ("Evaluasi SAKIP digelar di Aula Bappeda, Selasa (3/3/2026), dihadiri seluruh kepala OPD.",
     "evaluasi sakip", None),
    # ... not when only its result is told
    ("Pemkab meraih predikat A dalam Evaluasi SAKIP tahun ini.", None, "evaluasi sakip"),
    # a capitalised short form of a meeting goes on in lower case
    ("Wakil Bupati memimpin Rakor pengendalian inflasi daerah di Ruang Rapat Bupati, Senin (2/3/2026).",
     "rakor pengendalian inflasi daerah", None),
    ("Kegiatan FGD penyusunan RPJMD digelar di Hotel Patra, Kamis (5/3/2026).", "fgd penyusunan rpjmd", None),
])
def test_instruments_and_short_forms_as_events(extract, sentence, expected, absent):
    got = names(extract(DATELINE + sentence), "Event")
    if expected:
        assert expected in got, got
    if absent:
        assert absent not in got, got


@pytest.mark.parametrize("sentence,expected,absent", [
    # planned, with its date: an event dated ahead
    ("Pemerintah akan menggelar pelatihan kewirausahaan bagi pemuda pada 20 Mei 2026.",
     "pelatihan kewirausahaan", None),
    # planned with no date or venue: none yet
    ("Bupati meminta camat untuk menggelar sosialisasi di setiap desa.", None, "sosialisasi"),
    # held at a body's premises
    ("Peserta seminar nasional ketahanan pangan di Universitas Diponegoro berasal dari 10 provinsi.",
     "seminar nasional ketahanan pangan", None),
    # the day a remark about an activity was made does not make the activity a happening
    ("Menurutnya, pelatihan kepemimpinan penting bagi pegawai, kata dia pada 2 Maret 2026.",
     None, "pelatihan kepemimpinan"),
])
def test_scene_of_lower_case_activities(extract, sentence, expected, absent):
    got = names(extract(DATELINE + sentence), "Event")
    if expected:
        assert expected in got, got
    if absent:
        assert not any(g.startswith(absent) for g in got), got


def test_a_system_named_with_its_owner_names_the_owner(extract):
    r = extract(DATELINE + "Semua tes memakai CAT BKN sehingga tidak ada penilaian manual.")
    assert "Badan Kepegawaian Negara" in labels(r, "Agency")
    assert "Computer Assisted Test" in labels(r, "Policy")


def test_offices_listed_without_their_head_word(extract):
    text = DATELINE + ("Pemerintah Kabupaten Purworejo meminta Dinas Pendidikan, Kesehatan dan Sosial bekerja sama "
                       "dengan Kodim 0708/Purworejo.")
    got = labels(extract(text), "Agency")
    assert {"Dinas Pendidikan Kabupaten Purworejo", "Dinas Kesehatan Kabupaten Purworejo",
            "Dinas Sosial Kabupaten Purworejo"} <= got, got


@pytest.mark.parametrize("text,expected", [
    ("BANDA ACEH, Warta - Apel diikuti personel Kodam Iskandar Muda dan Polda Aceh, Senin (2/3/2026).",
     "Komando Daerah Militer Iskandar Muda"),
    # a section named beside a Biro belongs to the province's secretariat, not to a city named in passing
    ("BANDA ACEH, Warta - Pemerintah Aceh menggelar rapat bersama Biro Umum dan Bagian Protokol di Lapangan "
     "Blang Padang.", "Bagian Protokol Sekretariat Daerah Provinsi Aceh"),
])
def test_military_command_by_name_and_section_beside_a_biro(extract, text, expected):
    assert expected in labels(extract(text), "Agency")


@pytest.mark.parametrize("sentence,present,absent", [
    # a section's field goes on over a common word after its first field word ("Komunikasi Pimpinan")
    ("Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman menyiapkan acara itu.",
     "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman",
     "Bagian Protokol dan Komunikasi Sekretariat Daerah Kabupaten Sleman"),
    # a person's name after the field is no part of it
    ("Kepala Bagian Umum Sri Wahyuningsih menyiapkan acara itu di Sleman.", "Sri Wahyuningsih", "Bagian Umum Sri"),
])
def test_a_section_s_field(extract, sentence, present, absent):
    r = extract(DATELINE + sentence)
    got = labels(r, "Agency") | labels(r, "Person")
    assert present in got and not any(g.startswith(absent) for g in got), got


def test_a_passive_verb_ends_a_lower_case_name(extract):
    got = names(extract(DATELINE + "Sosialisasi dijadwalkan berlangsung di Aula Merapi, Senin (2/3/2026)."), "Event")
    assert not any("dijadwalkan" in g for g in got), got


@pytest.mark.parametrize("text,town", [
    ("JAKARTA, Warta - Menteri meninjau pasar di Wamena, Papua Pegunungan, Selasa (3/3/2026).", "Wamena"),
    ("JAKARTA, Warta - Rapat digelar di Labuan Bajo, Manggarai Barat.", "Labuan Bajo"),
    ("JAKARTA, Warta - Surat dari Budi, Sleman, diterima panitia.", None),  # "dari" may open a person
])
def test_town_placed_by_the_region_after_it(extract, text, town):
    got = labels(extract(text), "Place")
    if town:
        assert town in got, got
    else:
        assert "Budi" not in got, got


@pytest.mark.parametrize("sentence,town,absent", [
    # the locality a venue is in, between commas, closed by a day, a district, a region or the sentence's end
    ("Rapat digelar di Aula Kantor Bupati Sleman, Beran, Rabu (4/3/2026).", "Beran", None),
    ("MPP diresmikan di Gedung Graha Bhakti, Tanjung Sari, Kecamatan Sukajaya, Senin (2/3/2026).", "Tanjung Sari", None),
    ("Apel digelar di halaman Kantor Gubernur Jawa Tengah, Bukit Indah.", "Bukit Indah", None),
    # "Kota X" after a venue is the town X named bare elsewhere
    ("Penyerahan SK berlangsung di Gedung Sonaf Lembah, Kota Lembah, Rabu (4/3/2026).", "Kota Lembah", None),
    # a person named after the venue, with an office after the comma, is no place
    ("Rapat digelar di Aula Bappeda, Agus Santoso, Kepala Bappeda, memimpin rapat.", None, "Agus Santoso"),
    ("Rapat digelar di Aula Bappeda, Agus Santoso memimpin rapat itu.", None, "Agus Santoso"),
])
def test_town_named_after_a_venue(extract, sentence, town, absent):
    r = extract(DATELINE + sentence)
    got = labels(r, "Place")
    if town:
        assert town in got, got
    if absent:
        assert absent not in got, got
    if town and town.startswith("Kota "):
        assert town[5:].lower() in names(r, "Place"), got


@pytest.mark.parametrize("text,etype,label", [
    # a city after a name's short form in brackets ends the name
    ("Gerai dibuka sejak Badan Pengusahaan (BP) Batam melayani perizinan lahan.", "Agency",
     "Badan Pengusahaan Kawasan Perdagangan Bebas dan Pelabuhan Bebas Batam"),
    ("Honorer berkumpul di halaman Pusat Pemerintahan Kota (Puspemkot) Serang, Rabu (8/1/2025).", "Place",
     "Pusat Pemerintahan Kota Serang"),
    ("Upacara digelar di Kawasan Pusat Pemerintahan Provinsi Banten (KP3B), Kota Serang.", "Place",
     "Kawasan Pusat Pemerintahan Provinsi Banten"),
    # a body's name inside a venue's holds its "dan"; the venue is also named with the body's short form
    ("Sidak berlanjut ke Kantor Dinas Pekerjaan Umum dan Tata Ruang (PUTR) Lumajang, Senin (3/6/2024).", "Place",
     "Kantor Dinas PUTR Lumajang"),
    ("Sidak berlanjut ke Kantor Dinas Pekerjaan Umum dan Tata Ruang (PUTR) Lumajang, Senin (3/6/2024).", "Agency",
     "Dinas Pekerjaan Umum dan Tata Ruang (PUTR) Lumajang"),
    # a venue named after a doctor, title in lower case and all; named with its short form too
    ("Donor darah digelar di Aula Rumah Sakit Umum Daerah (RSUD) dr. Siti Aminah, Kamis (28/11).", "Place",
     "Aula RSUD dr. Siti Aminah"),
    ("Rapat digelar di Aula RSUD dr. Siti Aminah, Kamis (28/11).", "Place", "Aula RSUD dr. Siti Aminah"),
    ("Donor darah digelar di Aula Rumah Sakit Umum Daerah (RSUD) dr. Siti Aminah, Kamis (28/11).", "Agency",
     "RSUD Dr. Siti Aminah"),
])
def test_a_name_closed_by_its_city_after_its_short_form(extract, text, etype, label):
    r = extract(DATELINE + text)
    assert label in labels(r, etype) | {a for e in r.entities if e.type == etype for a in e.aliases}


@pytest.mark.parametrize("text,absent,present", [
    # a party's, a faction's or an association's name with its short form is no entity of any type, and its
    # words are no person's name: the holder of its office after the comma is the person
    ("Ketua DPD Partai Amanat Nasional (PAN) Kota Bima, Rahmat Hidayat, menyetujui rancangan itu.",
     "Partai Amanat Nasional", ("Person", "Rahmat Hidayat")),
    ("Fraksi Partai Kebangkitan Bangsa (F-PKB) menyetujui rancangan itu dengan sejumlah catatan.",
     "Fraksi Partai Kebangkitan Bangsa", None),
    ("Ketua Ikatan Bidan Indonesia (IBI) Kota Bima, Rahmat Hidayat, menilai honor bidan desa masih rendah.",
     "Ikatan Bidan Indonesia", ("Person", "Rahmat Hidayat")),
    # an event head right after an office's title opens the name of the body the office leads ...
    ("Koordinator Gerakan Rakyat Peduli Anggaran (Gerpa) Kota Bima, Rahmat Hidayat, menilai rancangan itu boros.",
     "Gerakan Rakyat Peduli Anggaran", ("Person", "Rahmat Hidayat")),
    # ... counter-examples: a campaign launched is an event; a body's head that is an agency's stays one
    ("Pemkot Bima meluncurkan Gerakan Rakyat Peduli Anggaran (Gerpa) pada Senin pagi di alun-alun.",
     None, ("Event", "Gerakan Rakyat Peduli Anggaran")),
    ("Sosialisasi digelar oleh Badan Kesatuan Bangsa dan Politik (Kesbangpol) Kota Bima.",
     None, ("Agency", "Badan Kesatuan Bangsa dan Politik Kota Bima")),
])
def test_a_party_or_an_association_defined_by_its_short_form(extract, text, absent, present):
    r = extract(DATELINE + text)
    everything = {e.label for e in r.entities}
    if absent:
        assert absent not in everything, everything
    if present:
        assert present[1] in labels(r, present[0]), everything


@pytest.mark.parametrize("text,place", [
    # a city's bare name and a direction after it name one of its districts ...
    ("Prioritas saya normalisasi parit di Pontianak Barat musim ini.", "Kecamatan Pontianak Barat"),
    # ... not a region whose name ends with a direction, nor one after a kind word
    ("Bupati meninjau banjir di Lombok Barat, Senin (3/3/2025).", "Kabupaten Lombok Barat"),
])
def test_a_city_and_a_direction_name_its_district(extract, text, place):
    assert place in labels(extract(DATELINE + text), "Place")


@pytest.mark.parametrize("text,absent,present", [
    # a region's bare name that is one word of a longer capitalised name names no region ...
    ("Siti Aisyah (34), warga Batu Aji, mengaku sudah menunggu dua jam.", "Kota Batu", None),
    # ... or after a geographic word that opens place names: a district listed, or a town after "di"
    ("Banjir merendam Kecamatan Peso, Tanjung Palas, dan Tanjung Palas Barat, Senin (3/6/2024).",
     "Kabupaten Padang Lawas", "Kecamatan Tanjung Palas Barat"),
    ("Banjir merendam Desa Sukamaju di Tanjung Palas, Senin (3/6/2024).", "Kabupaten Padang Lawas", "Tanjung Palas"),
    ("Peserta berasal dari Persatuan Pemuda Bima Lestari dan sekitarnya.", "Kota Bima", None),
    # ... but one after its kind, an office, or before a direction or a comma does
    ("Bupati Bima meninjau banjir di Bima, Senin (3/3/2025).", None, "Kabupaten Bima"),
    ("Warga Bima dan Sumbawa hadir dalam acara itu.", None, "Kabupaten Sumbawa"),
    # a city closing a venue's name is where it is ("Hotel Aston Kupang")
    ("Rapat digelar di Hotel Aston Kupang, Senin (30/9/2024).", None, "Kota Kupang"),
])
def test_a_region_name_inside_a_longer_name(extract, text, absent, present):
    got = labels(extract(DATELINE + text), "Place")
    assert absent not in got and (present is None or present in got), got


@pytest.mark.parametrize("sentence,expected,absent", [
    ("Hal itu diatur dalam undang-undang ASN yang baru.", "Undang-Undang Aparatur Sipil Negara", None),
    ("Pegawai diminta menerapkan budaya kerja berakhlak dalam melayani warga.", "BerAKHLAK", None),
    # "berakhlak" alone is an ordinary word
    ("Ia dikenal sebagai pribadi yang berakhlak baik.", None, "BerAKHLAK"),
    # a name opening with a short form, its other words in lower case
    ("Pemprov fokus pada RB tematik pengentasan kemiskinan tahun ini.", "Reformasi Birokrasi Tematik", None),
    ("Honorer menolak skema PPPK paruh waktu yang ditawarkan pemkot.",
     "Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu", None),
    # ... not an ordinary word before a short form
    ("Tim melakukan evaluasi AKIP di tiga dinas pekan lalu.", None, "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"),
])
def test_policies_in_lower_case(extract, sentence, expected, absent):
    got = labels(extract(DATELINE + sentence), "Policy")
    if expected:
        assert expected in got, got
    if absent:
        assert absent not in got, got



def test_another_happening_named_with_ini_is_not_merged(extract):
    text = DATELINE + ("Bupati memimpin Apel Pagi di halaman Kantor Bupati, Senin (2/3/2026). Dalam Rapat Paripurna "
                       "DPRD Kabupaten Purworejo ini, bupati menyampaikan laporan.")
    got = {e.label for e in extract(text).entities if e.type == "Event"}
    assert len(got) == 2, got


@pytest.mark.parametrize("text,present,absent", [
    # a number word after a village's first word is part of its name; a hyphen joins a street's name
    ("Apel digelar di Desa Kuala Dua bersama warga.", "Desa Kuala Dua", "Desa Kuala"),
    ("Warga Kecamatan Simpang Empat mengikuti sosialisasi.", "Kecamatan Simpang Empat", "Kecamatan Simpang"),
    ("Peserta berjalan ke Jalan Soekarno-Hatta bersama warga.", "Jalan Soekarno-Hatta", "Jalan Soekarno"),
    # an adjective that is otherwise a function word, and a village's kind word opening the name
    ("Warga Desa Pasar Baru mengikuti sosialisasi.", "Desa Pasar Baru", "Desa Pasar"),
    ("Sebagian besar pelapor berasal dari Pulau Kei Besar, kata Budi Santoso.", "Pulau Kei Besar", "Pulau Kei"),
    ("Potongan terbanyak terjadi di Kecamatan Negeri Besar.", "Kecamatan Negeri Besar", "Kecamatan Negeri"),
    ("Warga Desa Kampung Baru mengikuti sosialisasi.", "Desa Kampung Baru", "Kampung Baru"),
    ("Kegiatan dipusatkan di Kelurahan Kampung Melayu, Kecamatan Jatinegara.", "Kelurahan Kampung Melayu",
     "Kampung Melayu"),
    # counter-examples: a number word right after the head names no village, nor a kind word before no name
    ("Desa Dua hektare sawah itu terendam banjir.", None, "Desa Dua"),
    ("Bantuan disalurkan ke Desa Kampung di pesisir.", None, "Desa Kampung"),
])
def test_number_words_and_hyphens_inside_local_place_names(extract, text, present, absent):
    got = labels(extract(DATELINE + text), "Place")
    if present:
        assert present in got, got
    assert absent not in got, got


@pytest.mark.parametrize("text,present,absent", [
    # a region inside a company's name is no place; after a preposition it is one
    ("Layanan dari PT Bank Riau Kepri Syariah tersedia di gedung itu.", None, "Provinsi Riau"),
    ("Yayasan Pendidikan Kupang membuka sekolah baru tahun ini.", None, "Kota Kupang"),
    ("Koperasi di Riau juga membuka layanan baru tahun ini.", "Provinsi Riau", None),
])
def test_a_region_inside_a_company_name_is_no_place(extract, text, present, absent):
    got = labels(extract(DATELINE + text), "Place")
    if present:
        assert present in got, got
    if absent:
        assert absent not in got, got


@pytest.mark.parametrize("text,agency", [
    ("Pemerintah Aceh menandatangani kerja sama pelayanan publik.", "Pemerintah Provinsi Aceh"),
    ("Pemerintah Jawa Barat menandatangani kerja sama pelayanan publik.", "Pemerintah Provinsi Jawa Barat"),
    # counter-example: a city's name after "Pemerintah" alone names no government here
    ("Pemerintah Malang menandatangani kerja sama pelayanan publik.", None),
])
def test_pemerintah_and_a_province_is_its_government(extract, text, agency):
    got = labels(extract(DATELINE + text), "Agency")
    if agency:
        assert agency in got, got
    else:
        assert not any(g.startswith("Pemerintah") and "Malang" in g for g in got), got


@pytest.mark.parametrize("text,event", [
    # a polling station, its officers and its site are things, not happenings
    ("Bawaslu mengawasi dua tempat pemungutan suara (TPS) di Kecamatan Tamalate, Selasa (3/12/2024).", None),
    ("Petugas pemungutan suara di Kecamatan Tamalate dilatih pada Selasa (3/12/2024).", None),
    # counter-example: the vote itself is one
    ("Pemungutan suara Pilkada digelar di Kecamatan Tamalate pada Rabu (27/11/2024).", "Pemungutan suara Pilkada"),
])
def test_the_place_or_officers_of_a_vote_are_not_the_vote(extract, text, event):
    got = labels(extract(DATELINE + text), "Event")
    if event:
        assert any(g.lower().startswith("pemungutan suara") for g in got), got
    else:
        assert not any("emungutan" in g for g in got), got


@pytest.mark.parametrize("text,agency", [
    ("Ketua DPR Papua Pegunungan membuka sidang paripurna.", "Dewan Perwakilan Rakyat Papua Pegunungan"),
    ("Komisi A DPR Papua Selatan menggelar rapat dengar pendapat.", "Dewan Perwakilan Rakyat Papua Selatan"),
    ("DPR Papua menggelar rapat dengar pendapat.", "Dewan Perwakilan Rakyat Papua"),
])
def test_the_legislatures_of_the_papua_provinces(extract, text, agency):
    got = labels(extract(DATELINE + text), "Agency")
    assert any(g == agency or g.endswith(" " + agency) for g in got), got


@pytest.mark.parametrize("text,event,alias", [
    # a second verb joined to the event verb, its object after the oath
    ("Bupati Kendal Rudi Hartawan melantik dan mengambil sumpah 30 pejabat fungsional di Pendopo, Senin (3/6/2024).",
     "Pelantikan 30 pejabat fungsional", None),
    # the event's noun opening a later sentence that points back to it is the same event, so named
    ("Bupati Kendal Rudi Hartawan melantik 30 pejabat fungsional di Pendopo, Senin (3/6/2024). Pelantikan tersebut "
     "turut dihadiri Sekda Kendal Sri Wahyuni.", "Pelantikan 30 pejabat fungsional", "Pelantikan"),
    # counter-examples: the oath alone gives no object; a noun before any verb event names nothing here
    ("Bupati Kendal Rudi Hartawan melantik dan mengambil sumpah mereka di Pendopo, Senin (3/6/2024).", None, None),
    ("Pelantikan tersebut turut dihadiri Sekda Kendal Sri Wahyuni, Senin (3/6/2024).", None, None),
])
def test_an_event_told_by_a_verb_and_named_again_by_its_noun(extract, text, event, alias):
    r = extract(DATELINE + text)
    events = {e.label: e for e in r.entities if e.type == "Event"}
    if event is None:
        assert not any(label.startswith("Pelantikan") for label in events), events
        return
    assert event in events, events
    if alias:
        assert alias in events[event].aliases
        people = {e.key: e.label for e in r.entities if e.type == "Person"}
        assert any(people.get(p) == "Sri Wahyuni" for ev in r.events for p in ev.participants)


def test_a_numbered_regional_office_is_one_body_however_written(extract):
    r = extract(DATELINE + "Kantor Regional IV Badan Kepegawaian Negara (BKN) Makassar menggelar rapat. Kepala Kanreg "
                "IV BKN Makassar Budi Halomoan hadir. Kanreg IV BKN juga meminta data. Kanreg juga meminta instansi "
                "melapor tepat waktu.")
    offices = [e for e in r.entities if e.type == "Agency" and "IV" in e.label]
    assert [e.label for e in offices] == ["Kantor Regional IV Badan Kepegawaian Negara"]
    assert {"Kanreg IV BKN", "Kanreg IV BKN Makassar"} <= set(offices[0].aliases)
    assert "BKN" not in offices[0].aliases  # the short form inside its name is the parent's
    assert "Kanreg" not in persons_of(r)


@pytest.mark.parametrize("text", [
    "Pemkab mengantongi pertimbangan teknis dari BKN Kantor Regional VII Palembang, Senin (3/6/2024).",
    # the body named right before its office with its short form in brackets
    "Pemkab mengantongi pertimbangan teknis dari Badan Kepegawaian Negara (BKN) Kantor Regional VII Palembang.",
])
def test_a_regional_office_after_its_body(extract, text):
    offices = [e for e in extract(DATELINE + text).entities if e.type == "Agency" and "VII" in e.label]
    assert [e.label for e in offices] == ["Kantor Regional VII Badan Kepegawaian Negara"]
    assert {"BKN Kantor Regional VII Palembang", "Kanreg VII BKN Palembang"} <= set(offices[0].aliases)


def test_a_short_form_opening_a_name_stays_its_alias(extract):
    r = extract(DATELINE + "Pemerintah menerbitkan Surat Keputusan Bersama (SKB) tentang Pedoman Netralitas Pegawai ASN.")
    skb = [e for e in r.entities if e.type == "Policy" and e.label.startswith("Surat Keputusan Bersama")]
    assert skb and "SKB" in skb[0].aliases


def persons_of(r):
    return {e.label for e in r.entities if e.type == "Person"}


@pytest.mark.parametrize("text,policy,also", [
    # an amendment is named whole, also without the amended regulation's subject, and names that regulation
    ("DPRD mengesahkan Peraturan Daerah tentang Perubahan Kedua atas Peraturan Daerah Nomor 9 Tahun 2016 tentang "
     "Pembentukan Perangkat Daerah.",
     "Peraturan Daerah tentang Perubahan Kedua atas Peraturan Daerah Nomor 9 Tahun 2016 tentang Pembentukan Perangkat Daerah",
     "Peraturan Daerah Nomor 9 Tahun 2016"),
    # a title listing its subjects through commas
    ("Pemprov menyiapkan Peraturan Gubernur tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja "
     "Perangkat Daerah.",
     "Peraturan Gubernur tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah", None),
    # offices listed as the subject of a law
    ("Hal itu sesuai Undang-Undang Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati dan Wali Kota yang berlaku.",
     "Undang-Undang Pemilihan Gubernur, Bupati, dan Wali Kota", None),
    # counter-examples: an aspect word ends the subject; a comma before a new clause ends it
    ("Peraturan Gubernur tentang TPP sedang disusun oleh biro hukum.", "Peraturan Gubernur tentang TPP", None),
    ("Sesuai Peraturan Gubernur tentang TPP, Bupati dan Wakil Bupati hadir.", "Peraturan Gubernur tentang TPP", None),
])
def test_regulation_titles_amendments_and_listed_subjects(extract, text, policy, also):
    r = extract(DATELINE + text)
    got = labels(r, "Policy")
    assert policy in got, got
    if also:
        assert also in got, got
        whole = next(e for e in r.entities if e.label == policy)
        assert any(a.endswith("Nomor 9 Tahun 2016") for a in whole.aliases)


@pytest.mark.parametrize("text,agency,event", [
    # a regional leaders' forum is a body, however written
    ("Pelantikan disaksikan Forum Koordinasi Pimpinan Daerah Provinsi Lampung, Senin (3/6/2024).",
     "Forum Koordinasi Pimpinan Daerah Provinsi Lampung", None),
    ("Apel dihadiri Forkopimda Kabupaten Bintan pada Senin (3/6/2024).",
     "Forum Koordinasi Pimpinan Daerah Kabupaten Bintan", None),
    # counter-examples: its meeting is a happening; a forum of discussion is one too
    ("Rapat Koordinasi Forkopimda digelar Senin (3/6/2024).", None, "Rapat Koordinasi Forkopimda"),
    ("Forum Group Discussion digelar Senin (3/6/2024) di Aula Merapi.", None, "Forum Group Discussion"),
])
def test_a_leaders_forum_is_a_body_and_its_meeting_an_event(extract, text, agency, event):
    r = extract(DATELINE + text)
    if agency:
        assert agency in labels(r, "Agency")
        assert agency not in labels(r, "Event")
    if event:
        assert event in labels(r, "Event")


@pytest.mark.parametrize("text,event", [
    ("Komisi itu menggelar sidang klarifikasi terhadap seorang camat di Kabupaten Kampar, Senin (3/6/2024).",
     "Sidang klarifikasi"),
    # counter-example: the word alone after another word names no happening
    ("Ketua majelis ditemui usai sidang di kantornya, Senin (3/6/2024).", None),
])
def test_a_hearing_named_in_lower_case_after_an_event_verb(extract, text, event):
    got = labels(extract(DATELINE + text), "Event")
    if event:
        assert any(g.startswith(event) for g in got), got
    else:
        assert not any(g.lower().startswith("sidang") for g in got), got


@pytest.mark.parametrize("text,event,date", [
    # the verb's sentence has no date; the next one names the event by its noun and dates it
    ("Kanwil Kemenkumham Kepri mencanangkan pembangunan Zona Integritas di tujuh satuan kerja.\n\nPencanangan "
     "berlangsung di Aula Kanwil, pada 14 Maret 2024, dan disaksikan perwakilan Ombudsman.",
     "Pencanangan pembangunan Zona Integritas", "2024-03-14"),
    # ... or tells it joined to another happening or marked by something
    ("Kanwil Kemenkumham Kepri mencanangkan pembangunan Zona Integritas di tujuh satuan kerja. Pencanangan "
     "dirangkaikan dengan Rapat Koordinasi Reformasi Birokrasi di Aula Kanwil, pada 14 Maret 2024.",
     "Pencanangan pembangunan Zona Integritas", "2024-03-14"),
    ("Kanwil Kemenkumham Kepri mencanangkan pembangunan Zona Integritas di tujuh satuan kerja. Pencanangan "
     "ditandai pemukulan gong di Aula Kanwil, pada 14 Maret 2024.",
     "Pencanangan pembangunan Zona Integritas", "2024-03-14"),
    # counter-example: a later sentence names the noun but tells nothing of it
    ("Kanwil Kemenkumham Kepri mencanangkan pembangunan Zona Integritas di tujuh satuan kerja. Pencanangan "
     "penting bagi pegawai, kata kepala kanwil pada 14 Maret 2024.", None, None),
    # counter-example: no later sentence tells it, so no date and no event
    ("Kanwil Kemenkumham Kepri mencanangkan pembangunan Zona Integritas di tujuh satuan kerja.", None, None),
])
def test_an_event_verb_dated_by_the_sentence_that_names_it_again(extract, text, event, date):
    r = extract(DATELINE + text)
    events = {e.label: e for e in r.entities if e.type == "Event"}
    if event is None:
        assert not any(label.startswith("Pencanangan") for label in events), events
        return
    assert event in events, events
    assert any(ev.date == date for ev in r.events if ev.event == events[event].key)


@pytest.mark.parametrize("text,place", [
    ("Rapat digelar di Ruang Rapat H. Aberani Sulaiman, Senin (3/6/2024).", "Ruang Rapat H. Aberani Sulaiman"),
    ("Warga berkumpul di Jalan A. Yani kemarin sore.", "Jalan A. Yani"),
    # counter-example: a sentence's end after a venue is no initial
    ("Rapat digelar di Gedung DPRD. Rapat berikutnya bulan depan.", "Gedung DPRD"),
])
def test_an_honorific_or_an_initial_inside_a_venue_name(extract, text, place):
    got = labels(extract(DATELINE + text), "Place")
    assert place in got, got
    assert not any(g.startswith(place + ".") or g.startswith(place + " Rapat") for g in got), got


@pytest.mark.parametrize("text,place", [
    # a capitalised function word between two words of a venue's name is part of it ...
    ("Penutupan berlangsung di Aula Gedung Serba Guna BPSDM Provinsi Lampung, Senin (4/11/2024).",
     "Aula Gedung Serba Guna BPSDM Provinsi Lampung"),
    # ... not one after the name, before lower-case words
    ("Rapat digelar di Gedung Serbaguna guna membahas anggaran, Senin (4/11/2024).", "Gedung Serbaguna"),
])
def test_a_function_word_inside_a_venue_name(extract, text, place):
    assert place in labels(extract(DATELINE + text), "Place")


@pytest.mark.parametrize("text,event", [
    # a passive event verb after what it is done to, named at the start of a dated sentence
    ("Mal Pelayanan Publik (MPP) Kabupaten Kendal resmi beroperasi setelah diresmikan Deputi Bidang Pelayanan "
     "Publik, Senin (3/6/2024).", "Peresmian Mal Pelayanan Publik Kabupaten Kendal"),
    # counter-examples: no date, and no named thing opening the sentence
    ("Mal Pelayanan Publik (MPP) Kabupaten Kendal resmi beroperasi setelah diresmikan Deputi Bidang Pelayanan Publik.",
     None),
    # a counted group opening the dated sentence is what the event was done to
    ("Sebanyak 12 camat dilantik di aula kantor bupati, Senin (3/6/2024).", "Pelantikan 12 camat"),
    ("Sebanyak 27 pejabat administrator dan pengawas di lingkungan Pemprov Bengkulu resmi dilantik, Rabu "
     "(17/1/2024).", "Pelantikan 27 pejabat administrator dan pengawas"),
    ("Tujuh pejabat pimpinan tinggi pratama dilantik di Pendopo Gubernur, Rabu (15/1/2025).",
     "Pelantikan tujuh pejabat pimpinan tinggi pratama"),
    # ... not a count of something else, nor without a date
    ("Sebanyak 40 persen formasi belum diresmikan, kata Sekda.", None),
    ("Sebanyak 12 camat dilantik di aula kantor bupati.", None),
])
def test_an_event_told_by_a_passive_verb(extract, text, event):
    got = labels(extract(DATELINE + text), "Event")
    if event:
        assert event in got, got
    else:
        assert not any(g.startswith(("Peresmian", "Pelantikan")) for g in got), got


def test_an_event_told_by_two_joined_verbs_and_a_counted_object(extract):
    r = extract(DATELINE + "Gubernur melantik dan mengambil sumpah tujuh pejabat pimpinan tinggi pratama di Pendopo "
                           "Gubernur, Rabu (15/1/2025).")
    assert "Pelantikan tujuh pejabat pimpinan tinggi pratama" in labels(r, "Event")


@pytest.mark.parametrize("text,event", [
    # an event told by an intransitive verb in a dated sentence, named by its noun alone
    ("Sekitar 300 tenaga honorer berunjuk rasa di halaman kantor wali kota, Rabu (8/1/2025).", "Unjuk rasa"),
    ("Ratusan mahasiswa berdemonstrasi di depan gedung DPRD, Senin (3/3/2025).", "Demonstrasi"),
    # ... not without a date
    ("Honorer mengancam akan berunjuk rasa bila tuntutan tidak dipenuhi.", None),
])
def test_an_event_told_by_an_intransitive_verb(extract, text, event):
    got = labels(extract(DATELINE + text), "Event")
    assert (event in got) if event else not got, got


def test_an_event_told_by_a_verb_is_also_named_without_its_count_and_pointed_back_to(extract):
    r = extract(DATELINE + "Sebanyak 27 pejabat resmi dilantik, Rabu (17/1/2024). Pelantikan dan pengambilan "
                           "sumpah jabatan itu berlangsung di Gedung Balai Raya Semarak.")
    ev = next(e for e in r.entities if e.type == "Event" and e.label == "Pelantikan 27 pejabat")
    assert "Pelantikan pejabat" in ev.aliases
    places = {e.key: e.label for e in r.entities}
    assert [places.get(x.place) for x in r.events if x.event == ev.key] == ["Gedung Balai Raya Semarak"]


@pytest.mark.parametrize("text,one,absent", [
    ("Camat Sungai Raya membuka rapat. Kecamatan Sungai Raya siap menjadi contoh. Warga Sungai Raya menyambut baik.",
     "Kecamatan Sungai Raya", "Sungai Raya"),
])
def test_a_place_named_bare_is_the_district_the_article_names(extract, text, one, absent):
    got = labels(extract(DATELINE + text), "Place")
    assert one in got and absent not in got, got


@pytest.mark.parametrize("sentence,absent", [
    # an "e" that is no system's prefix names nothing
    ("Peserta mengikuti ujian e - Learning di aula, lalu pulang.", "e - Learning"),
    ("Huruf e-nya tertulis kecil dalam aplikasi itu.", "e-nya"),
    # an award's certificate is no charter
    ("Bupati menerima Piagam Penghargaan dari gubernur.", "piagam penghargaan"),
])
def test_no_e_system_without_its_joined_prefix(extract, sentence, absent):
    assert absent.lower() not in names(extract(DATELINE + sentence), "Policy")


@pytest.mark.parametrize("sentence,region,present", [
    # a region's name ending a venue's name is mentioned too ...
    ("Rapat digelar di Aula Kantor Bupati Donggala, Rabu (4/3/2026).", "Kabupaten Donggala", True),
    # ... a word of the venue's own name that is also a region's is not
    ("Rapat digelar di Ruang Pasir Padi, Rabu (4/3/2026).", "Kabupaten Paser", False),
])
def test_a_region_inside_a_venue_s_name(extract, sentence, region, present):
    assert (region in labels(extract(DATELINE + sentence), "Place")) == present


@pytest.mark.parametrize("sentence,town", [
    # a town the gazetteer does not know, after "di"/"ke", closed by a lower-case word or punctuation
    ("Pihaknya menambah loket di Lubuk Raya dan membuka layanan jemput bola.", "Lubuk Raya"),
    ("Tim asistensi akan turun ke Sofira pada akhir Mei.", "Sofira"),
    # a common word, a body's short name or a person's full name after "di"/"ke" is no town
    ("Surat itu dikirim ke Kanwil pekan lalu.", None),
    ("Berkas itu diserahkan ke Budi Santoso Wijaya Kusuma Jaya kemarin.", None),
    ("Rapat itu digelar di Jalan raya depan kantor.", None),
    # nor is a body's short form the text defines in brackets
    ("Wakil Ketua Badan Anggaran (Banggar) hadir. \"Kami di Banggar akan menguji setiap pos belanja,\" ujarnya.",
     None),
])
def test_a_town_after_di(extract, sentence, town):
    got = labels(extract(DATELINE + sentence), "Place") - {"Kota Semarang"}
    assert got == ({town} if town else set()), got


@pytest.mark.parametrize("sentence,towns", [
    # a second town joined by "dan"/"serta" to the one named after "di"/"ke" is named as the first is
    ("Pihaknya menambah loket di Lubuk Raya dan Karangwatu pada tahun ini.", {"Lubuk Raya", "Karangwatu"}),
    ("Tim asistensi akan turun ke Sofira serta Tanjung Ambalu pekan depan.", {"Sofira", "Tanjung Ambalu"}),
    # counter-examples: an office, a lower-case word or no "di"/"ke" before the first after "dan" is no town
    ("Pihaknya menambah loket di Lubuk Raya dan Bupati meninjau loket itu.", {"Lubuk Raya"}),
    ("Pihaknya menambah loket di Lubuk Raya dan membuka layanan jemput bola.", {"Lubuk Raya"}),
    ("Warga Lubuk Raya dan Karangwatu mengurus izin di kantor itu.", set()),
])
def test_towns_joined_after_di(extract, sentence, towns):
    got = labels(extract(DATELINE + sentence), "Place") - {"Kota Semarang"}
    assert got == towns, got


@pytest.mark.parametrize("sentence,towns", [
    # residents of a town, an area, and towns listed after a word for a kind of place, without "di"/"ke"
    ("Pelayanan itu memudahkan warga Lubuk Raya dan Karangwatu mengurus izin.", {"Lubuk Raya", "Karangwatu"}),
    ("Kantor itu berada di tengah kawasan Karangwatu yang padat.", {"Karangwatu"}),
    ("Guru masih kurang di kecamatan terpencil seperti Karangwatu atau Tanjung Ambalu.", {"Karangwatu", "Tanjung Ambalu"}),
    ("Sinyal masih lemah di wilayah perbatasan yakni Sofira dan Karangwatu.", {"Sofira", "Karangwatu"}),
    # counter-examples: "seperti" with no word for a place before it, a body after "warga", a common word
    ("Pejabat seperti Lubuk Raya harus memberi contoh.", set()),
    ("Bantuan itu disalurkan bagi warga Binaan Pemasyarakatan di lapas.", set()),
    ("Program itu menyasar warga Miskin di desa itu.", set()),    # a second village or district after "Kecamatan X dan"/"Desa X dan" is one of the same kind
    ("Banjir melanda Kecamatan Karangwatu dan Lubuk Raya sejak pagi.", {"Kecamatan Karangwatu", "Kecamatan Lubuk Raya"}),
    ("Petugas menyisir Desa Karangwatu serta Sukaraja hingga sore.", {"Desa Karangwatu", "Desa Sukaraja"}),
    # ... not when the word is part of an office, nor when an office follows "dan"
    ("Kepala Desa Karangwatu dan Lurah Sukaraja hadir dalam rapat itu.", {"Desa Karangwatu", "Kelurahan Sukaraja"}),
    ("Rapat di Kecamatan Karangwatu dan Camat Lubuk Raya hadir.", {"Kecamatan Karangwatu", "Kecamatan Lubuk Raya"}),
    # districts listed after "Kecamatan" between commas up to "dan", a direction part of a name, a dictionary or
    # common word naming one
    ("Banjir merendam Kecamatan Sofira, Karangwatu Hilir, dan Lubuk Barat sejak Selasa.",
     {"Kecamatan Sofira", "Kecamatan Karangwatu Hilir", "Kecamatan Lubuk Barat"}),
    ("Layanan menyasar Kecamatan Karangwatu dan Garung yang jauh dari kota.", {"Kecamatan Karangwatu", "Kecamatan Garung"}),
    # counter-examples: no "dan" closes the list; a person after the comma
    ("Banjir merendam Kecamatan Sofira, Kabupaten Karo, sejak Selasa.", {"Kecamatan Sofira", "Kabupaten Karo"}),
    ("Camat di Kecamatan Sofira, Hendra Gunawan, mengatakan air mulai surut.", {"Kecamatan Sofira"}),
])
def test_towns_named_without_di(extract, sentence, towns):
    got = labels(extract(DATELINE + sentence), "Place") - {"Kota Semarang"}
    assert got == towns, got


_LISTED_GUESTS = ("Bupati Sleman Rudi Hartawan memimpin Apel Gabungan Awal Tahun 2026 di halaman Kantor Bupati "
                  "Sleman, Senin (5/1/2026).\n\nApel gabungan tersebut turut dihadiri oleh:\n"
                  "1. Sekretaris Daerah Sleman, Drs. Hasan Wibisono.\n2. Kepala Dinas Sosial Sleman, Erwin Pardede.\n"
                  "\nUsai apel, Kepala Dinas Sosial Sleman Agus Salim meninjau kantornya.")


@pytest.mark.parametrize("text,present,absent", [
    # the guests listed one a line after an attendance phrase ending on a colon were there
    (_LISTED_GUESTS, {"Hasan Wibisono", "Erwin Pardede"}, {"Agus Salim"}),
    # a list after a sentence that names no attendance is no list of guests
    (_LISTED_GUESTS.replace("turut dihadiri oleh:", "membahas dua hal:"), set(), {"Hasan Wibisono", "Erwin Pardede"}),
])
def test_guests_listed_one_a_line(extract, text, present, absent):
    r = extract(DATELINE + text)
    people = {e.key: e.label for e in r.entities if e.type == "Person"}
    got = {people.get(p) for ev in r.events for p in ev.participants}
    assert present <= got and not absent & got, got


_SWORN_IN = ("Bupati Sleman Rudi Hartawan melantik 20 pejabat administrator di Pendopo Kabupaten Sleman, Senin "
             "(5/1/2026).\n\nPejabat yang dilantik antara lain:\n1. Kepala Dinas Sosial Sleman, Erwin Pardede.\n"
             "2. Camat Mlati, Hasan Wibisono.\n")


@pytest.mark.parametrize("text,present,absent", [
    # the officials listed after "yang dilantik" were at their swearing-in
    (_SWORN_IN, {"Erwin Pardede", "Hasan Wibisono"}, set()),
    # officials moved ("dimutasi") were not said to be there
    (_SWORN_IN.replace("yang dilantik", "yang dimutasi"), set(), {"Erwin Pardede", "Hasan Wibisono"}),
])
def test_officials_listed_as_sworn_in_attended(extract, text, present, absent):
    test_guests_listed_one_a_line(extract, text, present, absent)


_UNNUMBERED = ("Bupati Sleman Rudi Hartawan melantik 20 pejabat administrator di Pendopo Kabupaten Sleman, "
               "Senin (5/1/2026).\n\n"
               "Adapun pejabat yang dilantik yakni:\nErwin Pardede sebagai Kepala Dinas Sosial Kabupaten Sleman;\n"
               "Hasan Wibisono sebagai Kepala Dinas Pendidikan Kabupaten Sleman;\n"
               "Yudi Kurniawan sebagai Kepala Dinas Kesehatan Kabupaten Sleman.\n\n")


@pytest.mark.parametrize("text,present,absent", [
    # a line closing the list with "." after items closed by ";" is its last item
    (_UNNUMBERED + "Camat Mlati Agus Salim meninjau kantornya.", {"Erwin Pardede", "Yudi Kurniawan"}, {"Agus Salim"}),
    # counter-example: after items closed by "," a line ending on "." is prose again
    (_UNNUMBERED.replace("Sleman;", "Sleman,").replace("\nYudi Kurniawan sebagai Kepala Dinas Kesehatan Kabupaten "
                                                       "Sleman.\n", "\nKepala Dinas Kesehatan Yudi Kurniawan tidak hadir.\n"),
     {"Erwin Pardede"}, {"Yudi Kurniawan"}),
])
def test_the_last_listed_item_closed_by_a_full_stop(extract, text, present, absent):
    test_guests_listed_one_a_line(extract, text, present, absent)


@pytest.mark.parametrize("sentence,alias", [
    # a military district head's title with the unit's number: the unit is named by its number too
    ("Hadir pula Dandim 1616/Gianyar Letkol Inf Hendra Seran.", "kodim 1616/gianyar"),
    # with no number, no numbered name
    ("Hadir pula Dandim Gianyar Letkol Inf Hendra Seran.", None),
])
def test_a_unit_named_by_its_head_s_numbered_title(extract, sentence, alias):
    got = names(extract(DATELINE + sentence), "Agency")
    assert "komando distrik militer kabupaten gianyar" in got, got
    if alias:
        assert alias in got, got
    else:
        assert not any("/" in n for n in got), got


@pytest.mark.parametrize("text,expected", [
    # "X setempat": the regional unit of the region just named in the sentence
    ("SLEMAN - Bupati Sleman meninjau sekolah. Bupati Sleman menambah guru. Ombudsman memanggil BKPSDM Lombok "
     "Timur dan Dinas Pendidikan setempat untuk dimintai keterangan.", "Dinas Pendidikan Kabupaten Lombok Timur"),
    # with no region named in the sentence, the region the article is about
    ("SLEMAN - Bupati Sleman meninjau sekolah. Ia memanggil Dinas Pendidikan setempat untuk dimintai keterangan.",
     "Dinas Pendidikan Kabupaten Sleman"),
])
def test_a_unit_setempat_is_the_region_s_just_named(extract, text, expected):
    assert expected in labels(extract(text), "Agency")


def test_indonesia_after_di_stays_the_country(extract):
    r = extract(DATELINE + "Kota ini merupakan pionir reformasi birokrasi di Indonesia.")
    assert {(e.label, e.kind) for e in r.entities if e.label == "Indonesia"} == {("Indonesia", "negara")}


@pytest.mark.parametrize("sentence,expected", [
    # "pada"/"dalam" join a subject only before a capitalised word; a time noun ends it
    ("Bupati akan menetapkan Peraturan Bupati tentang Manajemen Talenta pada triwulan kedua.",
     "peraturan bupati tentang manajemen talenta"),
    ("Bupati akan menetapkan Peraturan Bupati tentang disiplin pegawai pekan depan.",
     "peraturan bupati tentang disiplin pegawai"),
])
def test_a_regulation_s_subject_ends_before_a_time(extract, sentence, expected):
    got = {n for n in names(extract(DATELINE + sentence), "Policy") if n.startswith("peraturan bupati")}
    assert got == {expected}, got


@pytest.mark.parametrize("sentence,place", [
    # a body's office named in lower case is no named place; the body is still named
    ("Warga dapat datang langsung ke kantor Ombudsman tanpa dipungut biaya.", None),
    # ... a building named with its region or written as a name is
    ("Warga dapat datang langsung ke Kantor Bupati Sleman tanpa dipungut biaya.", "Kantor Bupati Sleman"),
    ("Warga dapat datang langsung ke kantor Bawaslu Provinsi Riau tanpa dipungut biaya.", "Kantor Bawaslu Provinsi Riau"),
])
def test_a_body_s_office_in_lower_case(extract, sentence, place):
    r = extract(DATELINE + sentence)
    got = {p for p in labels(r, "Place") if p.startswith("Kantor")}
    assert got == ({place} if place else set()), got
    if place is None:
        assert labels(r, "Agency"), "the body is still named"


@pytest.mark.parametrize("text,places", [
    # the building of a venue and the venue are one place
    ("Peresmian digelar di Gedung MPP Sukamaju, Jumat (6/3/2026). MPP Sukamaju menghimpun 214 layanan.",
     {"Gedung MPP Sukamaju"}),
    # a building named after a body is a place of its own
    ("Rapat digelar di Gedung DPRD Sleman, Jumat (6/3/2026). Aula DPRD Sleman penuh.",
     {"Gedung DPRD Sleman", "Aula DPRD Sleman"}),
])
def test_a_venue_s_building_is_the_venue(extract, text, places):
    got = {p for p in labels(extract(DATELINE + text), "Place") if not p.startswith(("Kota ", "Kabupaten "))}
    assert got == places, got


@pytest.mark.parametrize("text,national", [
    # a national body named bare beside its provincial and a regency's office: the provincial office
    ("Bawaslu Provinsi Riau dan Bawaslu Kabupaten Kampar memeriksa laporan itu. Hasilnya dikirim ke Bawaslu.", False),
    # named as the national body, it stays national
    ("Bawaslu Provinsi Riau dan Bawaslu Kabupaten Kampar memeriksa laporan itu. Hasilnya dikirim ke Bawaslu RI.", True),
])
def test_a_bare_national_body_beside_two_of_its_offices(extract, text, national):
    got = labels(extract(DATELINE + text), "Agency")
    assert ("Badan Pengawas Pemilihan Umum" in got) is national, got


@pytest.mark.parametrize("text,expected,absent", [
    # a regional body with its level word and no region after it: the article's region of that level
    ("PANGKALPINANG - Gubernur Kepulauan Bangka Belitung membuka desk evaluasi bagi Inspektorat Kabupaten Belitung "
     "dan Inspektorat Kabupaten Bangka Tengah. Tim terdiri atas unsur Inspektorat Provinsi, dan Bappeda Provinsi.",
     "Inspektorat Daerah Provinsi Kepulauan Bangka Belitung", "Inspektorat Daerah"),
    # with a region after the level word, that region
    ("PANGKALPINANG - Tim terdiri atas unsur Inspektorat Provinsi Jambi.", "Inspektorat Daerah Provinsi Jambi", None),
])
def test_a_body_with_its_level_word_alone(extract, text, expected, absent):
    got = labels(extract(text), "Agency")
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text,joined,alone", [
    # a lower-case activity joined to the happening just told is part of it
    ("Penyerahan SK Pengangkatan PPPK digelar di Lapangan Merdeka, Rabu (4/3/2026). Penyerahan SK dirangkai "
     "dengan pengambilan sumpah PPPK di lapangan yang sama.", "pengambilan sumpah pppk", None),
    # counter-example: a meeting named in capitals is a happening of its own
    ("Penyerahan SK Pengangkatan PPPK digelar di Lapangan Merdeka, Rabu (4/3/2026). Penyerahan SK dirangkaikan "
     "dengan Rapat Koordinasi Kepegawaian di Aula Bappeda.", None, "Rapat Koordinasi Kepegawaian"),
])
def test_a_lower_case_activity_joined_to_a_happening_is_part_of_it(extract, text, joined, alone):
    r = extract(DATELINE + text)
    got = labels(r, "Event")
    if joined:
        assert not any(lab.lower().startswith("pengambilan") for lab in got), got
        assert joined in names(r, "Event"), names(r, "Event")
    else:
        assert alone in got, got


@pytest.mark.parametrize("sentence,label,absent", [
    # an award's name and a capitalised happening joined by "dan" name one event
    ("Bupati hadir dalam acara Purworejo Innovation Award dan Penganugerahan Pelayanan Prima di Hotel Merdeka, "
     "Kamis (5/3/2026).", "Purworejo Innovation Award dan Penganugerahan Pelayanan Prima", "Purworejo Innovation Award"),
    # counter-example: an award and an activity in lower case stay apart
    ("Bupati hadir dalam acara Purworejo Innovation Award dan pelantikan pengurus di Hotel Merdeka, "
     "Kamis (5/3/2026).", "Purworejo Innovation Award", "Purworejo Innovation Award dan pelantikan pengurus"),
])
def test_an_award_and_a_happening_joined_by_dan_are_one_event(extract, sentence, label, absent):
    got = labels(extract(DATELINE + sentence), "Event")
    assert label in got and absent not in got, got


_ACTOR = ("Wakil Bupati Sleman Rina Lestari melantik 20 pejabat administrator di lingkungan Pemerintah Kabupaten "
          "Sleman, di Pendopo Kabupaten Sleman.\n\nUsai pelantikan, Rina Lestari meminta para pejabat segera bekerja. "
          "Pelantikan dihadiri Sekretaris Daerah Sleman Hasan Wibisono serta pimpinan DPRD Sleman.")


@pytest.mark.parametrize("text,present,absent", [
    # the one who swears them in, before the verb of the event named later, was there
    (_ACTOR, {"Rina Lestari", "Hasan Wibisono"}, set()),
    # counter-example: before a verb of another event ("meresmikan") she was not said to be at this one
    (_ACTOR.replace("melantik 20 pejabat administrator", "meresmikan gedung baru").replace(
        "Usai pelantikan, Rina Lestari meminta", "Para pejabat diminta"), {"Hasan Wibisono"}, {"Rina Lestari"}),
])
def test_the_person_before_the_verb_of_the_event_was_there(extract, text, present, absent):
    test_guests_listed_one_a_line(extract, text, present, absent)


@pytest.mark.parametrize("sentence,policy,place", [
    # a programme whose name opens with a region's name goes on past it
    ("Pemkab menjalankan program Sukamaju Talenta Unggul bagi seluruh ASN.", "Sukamaju Talenta Unggul", None),
    ("Aturan itu menjadi dasar program Palu Talenta Unggul, yakni pemetaan kompetensi ASN.", "Palu Talenta Unggul", None),
    # an innovation named by a quoted title
    ("Kepala dinas memamerkan inovasi “Dukcapil Jemput Warga”, yakni layanan keliling ke desa.",
     "Dukcapil Jemput Warga", None),
    # counter-example: a region alone after "aplikasi" is the region
    ("Warga memakai aplikasi Jakarta untuk mengadu.", None, "Provinsi DKI Jakarta"),
])
def test_a_programme_named_after_a_region_or_quoted(extract, sentence, policy, place):
    r = extract(DATELINE + sentence)
    got = names(r, "Policy")
    if policy:
        assert policy.lower() in got, got
    else:
        assert not got, got
        assert place.lower() in names(r, "Place")


@pytest.mark.parametrize("sentence,venue", [
    # dotted initials inside a venue's name, as a single initial or an honorific is
    ("Rapat digelar di Pendopo R.A. Kartini, Rembang, Selasa (5/3/2024).", "pendopo r.a. kartini"),
    ("Rapat digelar di Aula K.H. Hasyim Asyari, Selasa (5/3/2024).", "aula k.h. hasyim asyari"),
    ("Rapat digelar di Ruang Rapat H. Aberani Sulaiman, Selasa (5/3/2024).", "ruang rapat h. aberani sulaiman"),
])
def test_initials_inside_a_venue_name(extract, sentence, venue):
    assert venue in names(extract(DATELINE + sentence), "Place")


@pytest.mark.parametrize("dateline,place,absent", [
    # a town in capitals named after its regency is the town, not the regency
    ("KUALA KAPUAS - ", "Kuala Kapuas", "Kabupaten Kapuas"),
    # counter-examples: a region named whole, or with its kind, is the region
    ("SUNGAI PENUH - ", "Kota Sungai Penuh", None),
    ("KABUPATEN BOGOR - ", "Kabupaten Bogor", None),
])
def test_a_dateline_town_named_after_its_regency(extract, dateline, place, absent):
    r = extract(dateline + "Bupati meminta ASN menjaga netralitas selama tahapan pemilihan berlangsung.")
    labels = {e.label for e in r.entities if e.type == "Place"}
    assert place in labels and absent not in labels, labels


@pytest.mark.parametrize("text,places", [
    # every item of a list of districts after a list's lead, commas and "dan" between them
    ("Pemohon datang dari tiga kecamatan, yakni Tamalatea, Bontoramba dan Binamu.", {"Tamalatea", "Bontoramba", "Binamu"}),
    # a list after a word for a kind of place names places even where an item is a dictionary word
    ("Bidan enggan bertugas di kecamatan pedalaman seperti Sukaraja dan Pesanggrahan.", {"Sukaraja", "Pesanggrahan"}),
    # the district after a town between commas, closed by the day; where a person comes from
    ("MPP berada di kawasan Rawabening, Cakrawati, Kamis (19/11/2029).", {"Rawabening", "Cakrawati"}),
    ("Nilai itu tertahan, ujar pria asal Kefamenanu tersebut.", {"Kefamenanu"}),
    # counter-examples: a name after a comma with no list's lead is a person; a common word after "asal" no town
    ("Usai rapat di Bandung, Budi Santoso mengatakan anggaran cukup.", {"Kota Bandung"}),
    ("Pegawai asal Jawa, asal Sumatra, asal Bali bekerja di sini; tenaga asal Swasta juga.", None),
])
def test_towns_in_lists_addresses_and_origins(extract, text, places):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Place"}
    if places is None:
        assert "Swasta" not in got, got
    else:
        assert places <= got and "Budi Santoso" not in got, got


@pytest.mark.parametrize("text,places", [
    # where people come from: "dari" after a verb of coming, or a route "dari X hingga Y"; a remote area
    ("Warga datang jauh-jauh dari Blang Sekar, tetapi petugasnya tidak ada.", {"Blang Sekar"}),
    ("Hadir perwakilan pelaku usaha dari Kelisewu hingga Mauwolo.", {"Kelisewu", "Mauwolo"}),
    ("Puskesmas di pelosok Samigalang kekurangan perawat.", {"Samigalang"}),
    ("Dulu pegawai dari Long Ikis harus turun ke kota untuk mengurus izin.", {"Long Ikis"}),
    ("Peserta dari Dinas Kesehatan hadir dalam rapat itu.", set()),
    # counter-example: a person after "dari" is no place
    ("Ia menerima laporan dari Budi Santoso kemarin.", set()),
])
def test_where_people_come_from(extract, text, places):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Place"} - {"Bagelen"}
    assert got == places, got


@pytest.mark.parametrize("text,agency", [
    # "Setkab"/"Setkot" before a regency's or a city's name: that region's secretariat (Kalimantan usage)
    ("Kepala Bagian Organisasi Setkab Kukar, Yulianti Mappanyukki, mengatakan penyetaraan jabatan selesai.",
     "Bagian Organisasi Sekretariat Daerah Kabupaten Kutai Kartanegara"),
    ("Kepala Bagian Umum Setkot Bontang, Budi Santoso, hadir.", "Bagian Umum Sekretariat Daerah Kota Bontang"),
    # counter-example: bare, it is the cabinet's secretariat
    ("Deputi Bidang Dukungan Kebijakan Setkab, Budi Santoso, mengatakan rapat terbatas digelar.", "Sekretariat Kabinet"),
])
def test_a_regional_secretariat_named_setkab(extract, text, agency):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Agency"}
    assert agency in got, got


def test_two_laws_joined_by_dan_are_two_policies(extract):
    # "tentang X dan Undang-Undang Nomor ...": the second law is no part of the first one's subject
    r = extract("BAGELEN - Berdasarkan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik dan Undang-Undang "
                "Nomor 24 Tahun 2013 tentang Administrasi Kependudukan, layanan dokumen harus gratis.")
    names = {n for e in r.entities if e.type == "Policy" for n in (e.label, *e.aliases)}
    assert {"Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan"} <= names, names


@pytest.mark.parametrize("text,agency", [
    # a named office ends before "dan" and another body or a local unit
    ("Peringkat pertama disusul RSUD Panembahan Senopati dan Kapanewon Sewon.",
     "Rumah Sakit Umum Daerah Panembahan Senopati"),
    # counter-example: the fields of a branch office joined by "dan" are its name
    ("Kepala KCD Pendidikan dan kebudayaan Serang-Cilegon hadir dalam rapat.", None),
])
def test_a_named_office_ends_before_another_body(extract, text, agency):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Agency"}
    if agency:
        assert agency in got, got
    else:
        assert any("dan kebudayaan" in a.lower() for a in got), got


@pytest.mark.parametrize("text,venue", [
    # a venue's short form in brackets, then the rest of its name
    ("Penyerahan SK berlangsung di Gedung Olahraga (GOR) Hiad Sai, Merauke, Kamis (25/4/2029).",
     "Gedung Olahraga Hiad Sai"),
    # counter-examples: a day or an office after the brackets is no part of the name
    ("Rapat digelar di Gedung Olahraga (GOR) Kamis lalu.", "Gedung Olahraga"),
])
def test_a_venue_named_on_after_its_short_form(extract, text, venue):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Place"}
    assert venue in got, got


@pytest.mark.parametrize("text,also", [
    # a national body's numbered regional office written "<body> Regional <number>": one office
    ("Pertimbangan teknis datang dari BKN Regional XII Pekanbaru.", "BKN Regional XII Pekanbaru"),
    ("Pertimbangan teknis datang dari Kanreg XII BKN Pekanbaru.", "Kanreg XII BKN Pekanbaru"),
])
def test_a_regional_office_written_after_its_body(extract, text, also):
    r = extract("BAGELEN - " + text)
    office = next(e for e in r.entities if e.label == "Kantor Regional XII Badan Kepegawaian Negara")
    assert also in office.aliases, office.aliases


def test_regional_alone_names_no_body(extract):
    r = extract("BAGELEN - Rapat Regional III digelar pekan lalu.")
    assert not [e for e in r.entities if e.type == "Agency"]


@pytest.mark.parametrize("text,agency", [
    # a section's fields joined by "dan", a dictionary word after it
    ("Kepala Bagian Kelembagaan dan Analisis Jabatan Setda Kabupaten Sikka, Budi Santoso, hadir.",
     "Bagian Kelembagaan dan Analisis Jabatan Sekretariat Daerah Kabupaten Sikka"),
    # counter-example: "dan" and another body is no field
    ("Bagian Organisasi dan Inspektorat Kabupaten Sikka menggelar rapat.", "Bagian Organisasi Sekretariat Daerah Kabupaten Sikka"),
])
def test_a_section_s_fields_joined_by_dan(extract, text, agency):
    got = {e.label for e in extract("MAUMERE - " + text).entities if e.type == "Agency"}
    assert agency in got, got


@pytest.mark.parametrize("text,venue", [
    # "Lapangan" after an event word says the work is done in the field: no venue
    ("Tim menggelar Evaluasi Lapangan Zona Integritas di RSUD Bagelen, Kamis (8/8/2029).", None),
    # counter-example: a field named as a place
    ("Apel digelar di Lapangan Merdeka Bagelen, Senin (5/8/2029).", "Lapangan Merdeka Bagelen"),
])
def test_a_field_evaluation_names_no_venue(extract, text, venue):
    got = {e.label for e in extract("BAGELEN - " + text).entities if e.type == "Place" and e.label.startswith("Lapangan")}
    assert got == ({venue} if venue else set()), got


@pytest.mark.parametrize("text", [
    "Yang terpenting adalah inovasi tersebut tetap berjalan setelah lomba usai, kata Budi Santoso.",
    "Wartawan menunggu hingga rapat usai, kata Budi Santoso.",
])
def test_usai_after_an_activity_word_ends_it_and_names_nothing(extract, text):
    assert not [e.label for e in extract(DATELINE + text).entities if e.type == "Event" and "usai" in e.label.lower()]


@pytest.mark.parametrize("text,event", [
    ("Di sisi lain, Forum Honorer Lebak masih menyimpan kekhawatiran soal gaji.", None),
    # counter-examples: an activity after the head, or a forum told held
    ("Forum Konsultasi Publik Kabupaten Bogor menjadi bahan penyusunan RKPD.",
     "Forum Konsultasi Publik Kabupaten Bogor"),
    ("Forum Guru Kabupaten Bogor digelar di Aula Bappeda, Senin (2/3/2026).", "Forum Guru Kabupaten Bogor"),
])
def test_a_forum_of_a_region_that_nothing_tells_held_is_a_body(extract, text, event):
    got = [e.label for e in extract(DATELINE + text).entities if e.type == "Event"]
    assert got == ([event] if event else []), got


@pytest.mark.parametrize("text,agency", [
    ("Zona Integritas dibidik untuk RSUD Ade M. Djoen dan Dinas Penanaman Modal.", "Rumah Sakit Umum Daerah Ade M. Djoen"),
    ("Pakta ditandatangani Direktur RSUD Mayjen H.A. Thalib dr. Teguh Sakti.", "Rumah Sakit Umum Daerah Mayjen H.A. Thalib"),
])
def test_a_hospital_named_after_a_person_with_initials(extract, text, agency):
    r = extract(DATELINE + text)
    assert agency in {e.label for e in r.entities if e.type == "Agency"}
    assert not {"A. Thalib", "M. Djoen"} & {e.label for e in r.entities if e.type == "Person"}


def test_a_named_office_with_and_without_its_region_and_bare_is_one(extract):
    text = ("Rumah Sakit Umum Daerah (RSUD) Benyamin Guluh Kolaka mencanangkan Zona Integritas. Direktur RSUD "
            "Benyamin Guluh, dr. Andi Tenri, menyebut antrean pasien di RSUD kini lebih pendek dari tahun lalu.")
    got = [e.label for e in extract(DATELINE + text).entities if e.type == "Agency" and "Rumah Sakit" in e.label]
    assert got == ["Rumah Sakit Umum Daerah Benyamin Guluh Kolaka"], got


def test_two_named_offices_of_a_type_stay_apart(extract):
    text = ("Pasien dirujuk dari RSUD Benyamin Guluh ke RSUD Bahteramas. Kepala Dinas Kesehatan, Budi Santoso, "
            "menyebut rujukan ke RSUD makin banyak tahun ini.")
    got = {e.label for e in extract(DATELINE + text).entities if e.type == "Agency" and "Rumah Sakit" in e.label}
    assert {"Rumah Sakit Umum Daerah Benyamin Guluh", "Rumah Sakit Umum Daerah Bahteramas"} <= got, got
