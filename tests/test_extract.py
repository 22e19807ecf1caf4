"""Extraction, mechanism by mechanism: Indonesian text written for these tests → expected records.

Every name here is invented. Counter-examples sit next to the cases they guard.
"""
from __future__ import annotations

import pytest

DATELINE = "BANDUNG, Kabarjabar.com - "


def persons(r):
    return {e.label for e in r.entities if e.type == "Person"}


def labels(r, etype):
    return {e.label for e in r.entities if e.type == etype}


def entity(r, etype, label):
    found = [e for e in r.entities if e.type == etype and e.label == label]
    assert found, f"no {etype} {label!r} in {labels(r, etype)}"
    return found[0]


def speaker_of(r, start_words):
    people = {e.key: e.label for e in r.entities if e.type == "Person"}
    for q in r.quotes:
        if q.text.startswith(start_words):
            return people.get(q.speaker), q.direct
    raise AssertionError(f"no quote starting {start_words!r}: {[q.text[:30] for q in r.quotes]}")


# --- names, honorifics and offices -------------------------------------------------------

@pytest.mark.parametrize("sentence,name,title_words,org", [
    ("Bupati Sleman Drs. H. Teguh Prasetyo, M.Si. meresmikan gedung baru, Senin (4/3/2024).",
     "Teguh Prasetyo", "Bupati Sleman", "Pemerintah Kabupaten Sleman"),
    ("Kepala Dinas Pendidikan Kota Bandung, Sri Wahyuni, mengatakan sekolah siap dibuka.",
     "Sri Wahyuni", "Kepala Dinas Pendidikan Kota Bandung", "Dinas Pendidikan Kota Bandung"),
    ("Pj Wali Kota Bekasi Dr. Ir. Dedi Kurniadi, MM membuka acara itu.",
     "Dedi Kurniadi", "Penjabat Wali Kota Bekasi", "Pemerintah Kota Bekasi"),
    ("Kapolres Sleman AKBP Hendra Gunawan memimpin apel pagi.",
     "Hendra Gunawan", "Kapolres Sleman", None),
    ("Sekretaris Daerah (Sekda) Kabupaten Bantul Yuliana Putri, S.Sos. hadir dalam rapat.",
     "Yuliana Putri", "Sekretaris Daerah Kabupaten Bantul", "Pemerintah Kabupaten Bantul"),
    ("Gubernur Jawa Tengah H. Bambang Sutrisno meninjau lokasi banjir.",
     "Bambang Sutrisno", "Gubernur Jawa Tengah", "Pemerintah Provinsi Jawa Tengah"),
    ("Kapolda Jawa Timur Irjen Pol Bambang Sutrisno memimpin gelar pasukan.",
     "Bambang Sutrisno", "Kapolda Jawa Timur", None),
    ("Dandim 0818 Malang Letkol Inf Teguh Wibowo menghadiri musyawarah warga.",
     "Teguh Wibowo", "Dandim 0818 Malang", None),
    ("Menteri Dalam Negeri Teguh Wibowo melantik tiga penjabat kepala daerah.",
     "Teguh Wibowo", "Menteri Dalam Negeri", "Kementerian Dalam Negeri"),
    # regional name prefixes: Balinese "I" before a birth-order name is not a roman numeral; Sasak "Lalu"
    ("Gubernur Bali I Wayan Sudarsana meminta ASN menjaga netralitas.",
     "I Wayan Sudarsana", "Gubernur Bali", "Pemerintah Provinsi Bali"),
    ("Sekda NTB Lalu Hamdani memimpin rapat evaluasi kinerja.",
     "Lalu Hamdani", "Sekda NTB", "Pemerintah Provinsi Nusa Tenggara Barat"),
    ("Kepala BKPSDM Kabupaten Badung Ni Luh Putu Ardani membuka pelatihan.",
     "Ni Luh Putu Ardani", "Kepala BKPSDM Kabupaten Badung", None),
    # a name that is also a region's name, after a rank; one "Kota" in the unit's name
    ("Kapolresta Bogor Kota Kombes Pol Bima Santosa memimpin apel pagi.",
     "Bima Santosa", "Kapolresta Bogor Kota", "Kepolisian Resor Kota Bogor"),
    # "Ka" fused with a unit's short name: the head of that unit in the region named after it
    ("Kadiskominfo Ternate, Hasyim Yusuf, menyebut informasi disebar lewat kanal resmi.",
     "Hasyim Yusuf", "Kadiskominfo Ternate", "Dinas Komunikasi dan Informatika Kota Ternate"),
    ("Kasatpol PP Kota Ternate Fandi Mahmud menyiagakan 200 personel.",
     "Fandi Mahmud", "Kasatpol PP Kota Ternate", "Satuan Polisi Pamong Praja Kota Ternate"),
    # a unit named inside the office stops at the agency after it ("Fraksi ... DPRD Jawa Tengah")
    ("Anggota Fraksi Partai Persatuan DPRD Jawa Tengah Agus Santoso berharap program berlanjut.",
     "Agus Santoso", "Anggota Fraksi Partai Persatuan DPRD Jawa Tengah",
     "Dewan Perwakilan Rakyat Daerah Provinsi Jawa Tengah"),
    # an election body's division coordinator, the name after a comma
    ("Koordinator Divisi Penanganan Pelanggaran Bawaslu Kabupaten Bekasi, Rizky Ramadhan, membuka rapat.",
     "Rizky Ramadhan", "Koordinator Divisi Penanganan Pelanggaran Bawaslu Kabupaten Bekasi", None),
    # local offices outside Java's naming: a Papuan district, a Yogyakarta kapanewon
    ("Kepala Distrik Wamena Kota Yohanis Wenda mengatakan warga siap.",
     "Yohanis Wenda", "Kepala Distrik Wamena Kota", "Distrik Wamena Kota"),
    ("Panewu Kalasan Wahyu Hidayat membuka pelayanan akhir pekan.", "Wahyu Hidayat", "Panewu Kalasan",
     "Kapanewon Kalasan"),
    # a local office: the place's name, then the person's ("Camat Turikale Muhammad Idris")
    ("Camat Turikale Muhammad Idris mengumpulkan para kepala desa.",
     "Muhammad Idris", "Camat Turikale", None),
    # an agency whose name holds commas, after an acting title with its short form in brackets
    ("Pelaksana Tugas (Plt) Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Bone, "
     "Andi Rahmat Halid, S.Sos., membuka pelatihan.", "Andi Rahmat Halid",
     "Pelaksana Tugas Kepala Dinas Komunikasi Informatika Statistik dan Persandian Kabupaten Bone",
     "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Bone"),
    ("Sekretaris Kota Ternate Rizal Hamid memimpin sidak ke kantor dinas.", "Rizal Hamid", "Sekretaris Kota Ternate",
     "Pemerintah Kota Ternate"),
    # the field of an office ("Administrasi Umum", "Umum dan Kepegawaian") is part of the title, not the name
    ("Asisten Administrasi Umum Setda Kabupaten Garut Bonar Situmeang memimpin rapat.",
     "Bonar Situmeang", "Asisten Administrasi Umum Setda Kabupaten Garut", "Sekretariat Daerah Kabupaten Garut"),
    ("Kepala Bagian Umum dan Kepegawaian Dinas Pendidikan Kota Bandung Rudi Hartono membuka rapat.",
     "Rudi Hartono", "Kepala Bagian Umum dan Kepegawaian Dinas Pendidikan Kota Bandung",
     "Dinas Pendidikan Kota Bandung"),
    ("Asisten Perekonomian dan Pembangunan Hendra Setiawan membuka rapat.",      # a "-wan" name is a name
     "Hendra Setiawan", "Asisten Perekonomian dan Pembangunan", None),
    # an office after a lower-case event word ("inspektur upacara") is not part of the event's name
    ("Bertindak sebagai inspektur upacara Gubernur Kalimantan Utara Drs. H. Zainal Abidin, S.H., M.Hum.",
     "Zainal Abidin", "Gubernur Kalimantan Utara", "Pemerintah Provinsi Kalimantan Utara"),
    # the party group a legislator sits for; a hospital named after a doctor is no person
    ("Wakil Ketua DPRD Sulsel dari Fraksi Golkar, Andi Rahmawati, mengatakan anggaran sudah disetujui.",
     "Andi Rahmawati", "Wakil Ketua DPRD Sulsel dari Fraksi Golkar",
     "Dewan Perwakilan Rakyat Daerah Provinsi Sulawesi Selatan"),
    ("Direktur RSUD dr. Soetomo, Prof. Dr. dr. Joni Wahyudi, Sp.BS., menyebut layanan tetap buka.", "Joni Wahyudi",
     "Direktur RSUD dr Soetomo", None),
    # a hospital, puskesmas or school named by a proper name before the comma: the holder comes after it
    ("Direktur RSUD Teluk Bayur, dr. Ratna Dewi, Sp.A, mengatakan layanan tetap buka.", "Ratna Dewi",
     "Direktur RSUD Teluk Bayur", "Rumah Sakit Umum Daerah Teluk Bayur"),
    ("Direktur Rumah Sakit Umum Daerah Sungai Dareh, Hj. Ratna Dewi, mengatakan layanan tetap buka.", "Ratna Dewi",
     "Direktur Rumah Sakit Umum Daerah Sungai Dareh", "Rumah Sakit Umum Daerah Sungai Dareh"),
    ("Kepala Puskesmas Air Haji, Ratna Dewi, mengatakan layanan tetap buka.", "Ratna Dewi",
     "Kepala Puskesmas Air Haji", None),
    # initials after a name are part of it; a degree after a name without a comma is not
    ("Wali Kota Banjarbaru H. M. Aditya HR membuka rapat.", "M. Aditya HR", "Wali Kota Banjarbaru",
     "Pemerintah Kota Banjarbaru"),
    ("Komandan Kodim Letkol Inf Budi Santoso SIP meninjau lokasi banjir.", "Budi Santoso", "Komandan Kodim", None),
    ("Kepala Dinas Sosial Kota Banjarbaru Rina Kartika SE membuka rapat.", "Rina Kartika",
     "Kepala Dinas Sosial Kota Banjarbaru", "Dinas Sosial Kota Banjarbaru"),
    # an office's fields listed with commas
    ("Kepala Biro Hubungan Masyarakat, Hukum, dan Kerja Sama BKN, Vino Darmawan, mengatakan tes dimulai besok.",
     "Vino Darmawan", "Kepala Biro Hubungan Masyarakat Hukum dan Kerja Sama BKN", "Badan Kepegawaian Negara"),
    # a Balinese "Sang" before a birth-order name opens the name; a division of the body goes on the title
    ("Penjabat Gubernur Bali Sang Made Wirawan membuka rapat.", "Sang Made Wirawan", "Penjabat Gubernur Bali",
     "Pemerintah Provinsi Bali"),
    ("Anggota Bawaslu Kabupaten Buton Koordinator Divisi Pencegahan, Wa Ode Rahmi, membuka rapat.", "Wa Ode Rahmi",
     "Anggota Bawaslu Kabupaten Buton Koordinator Divisi Pencegahan", "Badan Pengawas Pemilihan Umum Kabupaten Buton"),
    # a police sector or military district is named after its subdistrict, not a region
    ("Kapolsek Tanjung Priok Kompol Ernanda Saputra meninjau pos pengamanan.", "Ernanda Saputra",
     "Kapolsek Tanjung Priok", "Kepolisian Sektor Tanjung Priok"),
    ("Kapolsek Cibinong, Budi Santoso, meninjau pos pengamanan.", "Budi Santoso", "Kapolsek Cibinong",
     "Kepolisian Sektor Cibinong"),
    # an office right after an event verb still names its holder
    ("Gubernur Bali melantik Penjabat Bupati Klungkung, I Nyoman Sudarta, di Denpasar, Jumat (20/9/2024).",
     "I Nyoman Sudarta", "Penjabat Bupati Klungkung", "Pemerintah Kabupaten Klungkung"),
    # a village the text names elsewhere tells the village from a one-word name after it
    ("Warga Desa Sukamaju menyambut baik. Kepala Desa Sukamaju Sutardi meninjau jalan.", "Sutardi",
     "Kepala Desa Sukamaju", "Pemerintah Desa Sukamaju"),
    # a village the text names elsewhere, inside an office before the name
    ("Desa Sukamaju menggelar musyawarah. Ketua BPD Sukamaju Ahmad Fauzan membuka rapat.",
     "Ahmad Fauzan", "Ketua BPD Sukamaju", None),
    # a village named by its region's own word keeps it ("Gampong", "Nagari"), not "Desa Gampong ..."
    ("Keuchik Gampong Lamteh, Zulkifli Hasan, menyambut rombongan.", "Zulkifli Hasan", "Keuchik Gampong Lamteh",
     "Pemerintah Gampong Lamteh"),
    # Maluku's raja heads a negeri, a village
    ("Raja Negeri Sukamaju, Johan Latumahina, berharap nelayan mendapat bantuan.", "Johan Latumahina",
     "Raja Negeri Sukamaju", "Pemerintah Desa Sukamaju"),
    # Yogyakarta's lurah heads a kalurahan, a village; elsewhere a kelurahan, its word not repeated
    ("Lurah Kalurahan Sumberagung, Wawan Setiadi, menyambut rombongan.", "Wawan Setiadi",
     "Lurah Kalurahan Sumberagung", "Pemerintah Kalurahan Sumberagung"),
    ("Lurah Kelurahan Sukajadi, Dewi Anggraini, menyambut rombongan.", "Dewi Anggraini",
     "Lurah Kelurahan Sukajadi", "Kelurahan Sukajadi"),
    ("Camat Kecamatan Cibinong Bambang Irawan menyambut rombongan.", "Bambang Irawan",
     "Camat Kecamatan Cibinong", "Kecamatan Cibinong"),
    # a national body's numbered regional office ends at its city; the name after it is its head's
    ("Kepala Kantor Regional XI BKN Manado Rendra Pangalila mengatakan seleksi diawasi.", "Rendra Pangalila",
     "Kepala Kantor Regional XI BKN Manado", "Kantor Regional XI Badan Kepegawaian Negara"),
    ("Kasudin Sumber Daya Air Jakarta Selatan, Galih Pramana, meninjau pompa.", "Galih Pramana",
     "Kasudin Sumber Daya Air Jakarta Selatan", "Suku Dinas Sumber Daya Air Kota Administrasi Jakarta Selatan"),
    ("Kepala Suku Dinas Lingkungan Hidup Jakarta Timur Herwin Saputra meninjau lokasi.", "Herwin Saputra",
     "Kepala Suku Dinas Lingkungan Hidup Jakarta Timur",
     "Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Timur"),
    ("Ketua Panwaslih Aceh Besar, Indra Wijaya, membuka rapat.", "Indra Wijaya", "Ketua Panwaslih Aceh Besar",
     "Panitia Pengawas Pemilihan Kabupaten Aceh Besar"),
    # a "Kadis"/"Kasat"/"Kalaksa" title naming the office by its field and region alone
    ("Kadis Kesehatan Bantul, Ratna Dewi, membuka rapat.", "Ratna Dewi", "Kadis Kesehatan Bantul",
     "Dinas Kesehatan Kabupaten Bantul"),
    ("Kadis Dikbud NTB, Ratna Dewi, membuka rapat.", "Ratna Dewi", "Kadis Dikbud NTB",
     "Dinas Pendidikan dan Kebudayaan Provinsi Nusa Tenggara Barat"),
    ("Kasat Pol PP Lombok Barat, Ratna Dewi, membuka rapat.", "Ratna Dewi", "Kasat Pol PP Lombok Barat",
     "Satuan Polisi Pamong Praja Kabupaten Lombok Barat"),
    ("Kalaksa BPBD Kota Mataram, Ratna Dewi, membuka rapat.", "Ratna Dewi", "Kalaksa BPBD Kota Mataram",
     "Badan Penanggulangan Bencana Daerah Kota Mataram"),
    # a minister's office takes no region: a region's name after it opens the name
    ("Wakil Menteri Dalam Negeri Bima Prakoso meminta kepala daerah mempercepat penyusunan RPJMD.", "Bima Prakoso",
     "Wakil Menteri Dalam Negeri", "Kementerian Dalam Negeri"),
    # an office's fields listed with commas, up to the ministry
    ("Deputi Bidang Reformasi Birokrasi, Akuntabilitas Aparatur, dan Pengawasan Kementerian PANRB Yusuf Malik "
     "membuka rapat.", "Yusuf Malik",
     "Deputi Bidang Reformasi Birokrasi Akuntabilitas Aparatur dan Pengawasan Kementerian PANRB",
     "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
    ("Pangdam XVI/Pattimura Mayjen TNI Rudi Hartono hadir dalam rapat.", "Rudi Hartono", "Pangdam XVI/Pattimura", None),
    # a military unit's number and place after a slash, then the rank
    ("Dandim 0825/Banyuwangi Letkol Inf Bayu Prasetya meninjau lokasi banjir.",
     "Bayu Prasetya", "Dandim 0825/Banyuwangi", None),
    ("Babinsa Koramil 0817/Cibinong Serda Asep Kurnia mendampingi warga.",
     "Asep Kurnia", "Babinsa Koramil 0817/Cibinong", None),
    # an air force or other corps after the rank is no part of the name
    ("Danlanud Supadio Kolonel Pnb Gilang Permana menyambut rombongan.", "Gilang Permana", "Danlanud Supadio", None),
    # a secretary of a dinas or badan named by its field alone, like "Kadis"
    ("Sekdis Kesehatan Kota Palu, Hendro Wibisono, membuka rapat.", "Hendro Wibisono", "Sekdis Kesehatan Kota Palu",
     "Dinas Kesehatan Kota Palu"),
    ("Kasubid Anggaran Bappeda Kabupaten Landak Yosef Mering menjelaskan rencana kerja.", "Yosef Mering",
     "Kasubid Anggaran Bappeda Kabupaten Landak", "Badan Perencanaan Pembangunan Daerah Kabupaten Landak"),
    # the vertical offices of the finance ministry are named by their city
    ("Kepala KPP Pratama Pontianak, Yusuf Hamdani, mengajak warga melapor SPT.", "Yusuf Hamdani",
     "Kepala KPP Pratama Pontianak", "Kantor Pelayanan Pajak Pratama Kota Pontianak"),
    ("Kepala KPPN Ketapang Arman Sulaiman menyebut dana desa sudah disalurkan.", "Arman Sulaiman",
     "Kepala KPPN Ketapang", "Kantor Pelayanan Perbendaharaan Negara Kabupaten Ketapang"),
    # merged perangkat daerah with their own acronyms
    ("Kepala Dinsos P3A Kabupaten Sambas Udin Saputra mengatakan bantuan disalurkan.", "Udin Saputra",
     "Kepala Dinsos P3A Kabupaten Sambas",
     "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Sambas"),
    ("Kepala BPPKAD Kabupaten Sanggau, Yohana Ningsih, menyebut aset tercatat.", "Yohana Ningsih",
     "Kepala BPPKAD Kabupaten Sanggau", "Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah Kabupaten Sanggau"),
    # a head of a regional office of a ministry, fused or abbreviated, is that office's, not the ministry's
    ("Kakanwil Kemenkumham Sulawesi Utara Rendy Pangemanan meninjau layanan.", "Rendy Pangemanan",
     "Kakanwil Kemenkumham Sulawesi Utara",
     "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Sulawesi Utara"),
    ("Kakankemenag Kota Kotamobagu, Yusri Paputungan, melepas jemaah.", "Yusri Paputungan",
     "Kakankemenag Kota Kotamobagu", "Kantor Kementerian Agama Kota Kotamobagu"),
    ("Karutan Manado Edwin Sumampouw mengatakan tahanan tertib.", "Edwin Sumampouw", "Karutan Manado",
     "Rumah Tahanan Negara Kota Manado"),
    # police directors and unit heads written fused, prosecutors' assistants
    ("Dirreskrimsus Polda Riau Kombes Pol Arif Nugraha menyebut kasus naik ke penyidikan.", "Arif Nugraha",
     "Dirreskrimsus Polda Riau", "Kepolisian Daerah Provinsi Riau"),
    ("Kasatreskrim Polres Minahasa AKP Denny Rumagit mengatakan pelaku ditangkap.", "Denny Rumagit",
     "Kasatreskrim Polres Minahasa", "Kepolisian Resor Kabupaten Minahasa"),
    ("Aspidsus Kejati Sulawesi Utara, Bagus Wicaksono, menyebut tersangka bertambah.", "Bagus Wicaksono",
     "Aspidsus Kejati Sulawesi Utara", "Kejaksaan Tinggi Provinsi Sulawesi Utara"),
    # an office's class ("Kelas IIA", "Kelas I TPI") between its type and its city
    ("Kepala Lapas Kelas IIA Kendari Hasrul Tamrin mengatakan warga binaan sehat.", "Hasrul Tamrin",
     "Kepala Lapas Kelas IIA Kendari", "Lembaga Pemasyarakatan Kota Kendari"),
    ("Kepala Kantor Imigrasi Kelas I TPI Pekanbaru, Said Lubis, mengatakan paspor bisa diurus.", "Said Lubis",
     "Kepala Kantor Imigrasi Kelas I TPI Pekanbaru", "Kantor Imigrasi Kota Pekanbaru"),
    # a compass word after a district's name belongs to the district, not to the person after it
    ("Sekcam Tanjung Karang Barat Dimas Pranoto hadir mewakili camat.", "Dimas Pranoto",
     "Sekcam Tanjung Karang Barat", "Kecamatan Tanjung Karang Barat"),
    ("Camat Turikale Muhammad Idrus meninjau lokasi.", "Muhammad Idrus", "Camat Turikale", "Kecamatan Turikale"),
    # regional names of offices: Papua's kampung, border bodies, merged planning and health offices
    ("Kepala Dinas Pemberdayaan Masyarakat Kampung Kabupaten Jayapura, Yakob Ohee, membuka rapat.", "Yakob Ohee",
     "Kepala Dinas Pemberdayaan Masyarakat Kampung Kabupaten Jayapura",
     "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Jayapura"),
    ("Kepala Badan Pengelola Perbatasan Daerah Kabupaten Merauke Petrus Mahuze membuka rapat.", "Petrus Mahuze",
     "Kepala Badan Pengelola Perbatasan Daerah Kabupaten Merauke",
     "Badan Pengelola Perbatasan Daerah Kabupaten Merauke"),
    ("Kepala Bappeda Litbang Kabupaten Mamuju Tengah, Irfan Latif, membuka rapat.", "Irfan Latif",
     "Kepala Bappeda Litbang Kabupaten Mamuju Tengah",
     "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Mamuju Tengah"),
])


def test_title_then_name(extract, sentence, name, title_words, org):
    r = extract(DATELINE + sentence + " Kegiatan berjalan lancar dan tertib sampai selesai.")
    assert name in persons(r)
    person = entity(r, "Person", name)
    assert person.official
    roles = [ro for ro in r.roles if ro.person == person.key]
    assert roles and roles[0].title == title_words
    if org:
        orgs = {e.key: e.label for e in r.entities if e.type == "Agency"}
        assert orgs.get(roles[0].organization) == org


def test_only_a_unit_that_takes_a_proper_name_keeps_the_words_before_the_comma(extract):
    # "Dinas Kesehatan Sleman Budi Santoso, dr. Ratna Dewi": a dinas is not named so; Budi Santoso holds the office
    r = extract(DATELINE + "Turut hadir Kepala Dinas Kesehatan Sleman Budi Santoso, dr. Ratna Dewi, dan Camat Depok.")
    assert [ro.title for ro in r.roles if ro.person == entity(r, "Person", "Budi Santoso").key] == \
        ["Kepala Dinas Kesehatan Sleman"]


def test_a_subdistrict_after_a_police_office_is_no_name(extract):
    r = extract(DATELINE + "Kapolsek Cibinong meninjau pos pengamanan Natal di wilayahnya.")
    assert persons(r) == set()
    assert "Kepolisian Sektor Cibinong" in labels(r, "Agency")


def test_two_officials_joined_by_dan(extract):
    r = extract(DATELINE + "Wakil Bupati Bantul Joko Purnomo dan Anggota DPRD Kabupaten Bantul, Rina Lestari, hadir.")
    titles = {(e.label, ro.title) for ro in r.roles for e in r.entities if e.key == ro.person}
    assert titles == {("Joko Purnomo", "Wakil Bupati Bantul"), ("Rina Lestari", "Anggota DPRD Kabupaten Bantul")}


def test_an_office_named_without_a_name_is_its_holder(extract):
    r = extract(DATELINE + "Menteri Dalam Negeri Teguh Wibowo melantik penjabat gubernur. Dalam sambutannya, "
                "Mendagri mengingatkan penjabat untuk menjaga netralitas ASN selama pilkada.")
    assert persons(r) == {"Teguh Wibowo"}
    assert speaker_of(r, "penjabat untuk menjaga") == ("Teguh Wibowo", False)


@pytest.mark.parametrize("sentence,name", [
    ("Menurut Fajar Nugraha, Kepala Desa Sukamaju, pembangunan jalan sudah selesai.", "Fajar Nugraha"),
    ("Lestari Handayani selaku Camat Cibeunying mengatakan warga sangat terbantu oleh program itu.",
     "Lestari Handayani"),
])
def test_name_then_title(extract, sentence, name):
    r = extract(DATELINE + sentence)
    assert name in persons(r)
    assert entity(r, "Person", name).official


@pytest.mark.parametrize("text,title", [
    ("Ketua Komisi I DPRD Kabupaten Badung Made Sutama mengatakan rapat dilanjutkan besok.", "Ketua Komisi I"),
    ("Wakil Ketua I DPRD Provinsi Bali Ketut Arsana mengatakan rapat dilanjutkan besok.", "Wakil Ketua I"),
])
def test_a_roman_numeral_before_a_name_stays_in_the_title(extract, text, title):
    r = extract(DATELINE + text)
    assert any(ro.title.startswith(title) for ro in r.roles), [ro.title for ro in r.roles]


def test_a_one_word_name_used_alone_later_is_told_from_the_village(extract):
    r = extract(DATELINE + "Menurut Kades Karangrejo Sutardi, jembatan itu dibangun dengan dana desa.\n\n“Kami ingin "
                "anak-anak tidak lagi menyeberangi sungai,” ungkap Sutardi.")
    role = next(ro for ro in r.roles if ro.person == entity(r, "Person", "Sutardi").key)
    assert role.title == "Kades Karangrejo"
    r = extract(DATELINE + "Camat Sungai Bahar meninjau lokasi banjir. Warga Sungai Bahar menyambut baik kunjungan itu.")
    assert persons(r) == set()     # a place's second word does not stand alone
    r = extract(DATELINE + "Camat Sungai Raya, Syarifah Nurul Aini, menegur kepala desa di Kabupaten Kubu Raya.")
    assert persons(r) == {"Syarifah Nurul Aini"}   # "Kubu Raya" is no "Raya" alone; the name follows the comma


@pytest.mark.parametrize("text", [
    # a two-word village the text names elsewhere is no name after the office
    "Warga Desa Sukamaju Baru menyambut baik. Kepala Desa Sukamaju Baru menyampaikan terima kasih kepada warga.",
    # a group noun before a speech verb is nobody
    "Mahasiswa menyoroti buruknya kondisi jalan poros di kecamatan itu.\n\n“Kami minta pemerintah daerah segera "
    "turun tangan,” kata mereka.",
])
def test_words_that_are_nobody(extract, text):
    assert persons(extract(DATELINE + text)) == set()


def test_lalu_as_a_conjunction_opens_no_name(extract):
    r = extract(DATELINE + "Rapat dibuka pukul 09.00. Lalu Bupati Bantul Joko Purnomo menyampaikan sambutan.")
    assert persons(r) == {"Joko Purnomo"}


def test_a_capitalised_word_after_a_speech_verb_is_not_always_a_name(extract):
    r = extract(DATELINE + "“Anggaran sudah kami ajukan sejak awal tahun ini,” kata Kementerian Dalam Negeri "
                "dalam keterangan tertulisnya. “Semua berjalan sesuai jadwal yang sudah disusun,” ujar Senin lalu.")
    assert persons(r) == set()


@pytest.mark.parametrize("text,name", [
    # a sentence adverb before a comma and an office is nobody; the office's holder stays unnamed
    ("Sebelumnya, Gubernur Sumatera Utara telah menginstruksikan agar aplikasi daerah diintegrasikan.", None),
    ("Terpisah, Kepala Dinas Pendidikan Kota Medan menyampaikan bahwa penerimaan siswa berjalan lancar.", None),
    ("Senada, Ketua DPRD Kota Medan menegaskan pentingnya pengawasan anggaran daerah.", None),
    ("Diketahui, Bupati Deli Serdang telah menetapkan status siaga bencana sejak pekan lalu.", None),
    ("Rencananya, Sekretaris Daerah Kota Medan akan memimpin rapat evaluasi bersama seluruh camat.", None),
    # a one-word name in the same place is a name
    ("Sutrisno, Kepala Desa Sukamaju, menyampaikan bahwa musyawarah desa digelar pekan depan.", "Sutrisno"),
])
def test_a_sentence_adverb_before_an_office_is_no_name(extract, text, name):
    assert persons(extract(DATELINE + text)) == ({name} if name else set())


def test_an_office_defined_with_its_short_form_is_no_policy(extract):
    r = extract(DATELINE + "Wakil Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (Wamen PANRB) "
                "Purwadi Arianto meninjau Mal Pelayanan Publik Kabupaten Sumbawa.")
    assert not any(p.startswith("Wakil Menteri") for p in labels(r, "Policy"))
    assert "Purwadi Arianto" in persons(r)


def test_a_regulation_before_an_office_is_not_a_person(extract):
    r = extract(DATELINE + "Ia juga menyinggung Surat Edaran Menteri PANRB tentang budaya kerja. Inspektur "
                "Kabupaten Garut Eni Rohaeni hadir.")
    assert persons(r) == {"Eni Rohaeni"}
    role = next(ro for ro in r.roles if ro.person == entity(r, "Person", "Eni Rohaeni").key)
    assert {e.key: e.label for e in r.entities}[role.organization] == "Inspektorat Daerah Kabupaten Garut"


def test_an_unnamed_speaker_stays_unnamed(extract):
    r = extract(DATELINE + "Warga menyambut perbaikan jalan itu. “Alhamdulillah jalan kami sekarang sudah tidak "
                "becek lagi,” ujar warga.")
    assert speaker_of(r, "Alhamdulillah") == (None, True)
    assert persons(r) == set()


def test_short_name_merges_with_full_name(extract):
    r = extract(DATELINE + "Wali Kota Bandung, Teguh Prasetyo, membuka forum itu. Teguh meminta seluruh ASN "
                "menjaga netralitas selama tahapan pemilu berlangsung.")
    assert persons(r) == {"Teguh Prasetyo"}
    person = entity(r, "Person", "Teguh Prasetyo")
    assert "Teguh" in person.aliases


# --- who said what ------------------------------------------------------------------------

TWO_SPEAKERS = (
    DATELINE + "Kepala BKPSDM Kota Bandung, Sri Wahyuni, menegaskan bahwa seluruh ASN wajib netral selama pemilu.\n\n"
    "“Kami sudah menyosialisasikan larangan itu ke semua perangkat daerah,” jelas Sri.\n\n"
    "“Jika ada pelanggaran, tentu akan kami tindak sesuai aturan yang berlaku,” urainya.\n\n"
    "Sementara itu, Ketua Bawaslu Kota Bandung, Hendra Gunawan, mengatakan pihaknya terus mengawasi media sosial.\n\n"
    "“Pengawasan kami lakukan setiap hari bersama tim siber daerah,” katanya.\n\n"
    "“Masyarakat juga bisa melapor lewat aplikasi yang sudah kami siapkan sejak bulan lalu.”\n\n"
    "Menurutnya, laporan warga sangat membantu kerja pengawas di lapangan selama ini.\n"
)


@pytest.mark.parametrize("start,speaker,direct", [
    ("Kami sudah menyosialisasikan", "Sri Wahyuni", True),          # "jelas Sri": short name after the quote
    ("Jika ada pelanggaran", "Sri Wahyuni", True),                  # "urainya": -nya, the salient speaker
    ("Pengawasan kami lakukan", "Hendra Gunawan", True),            # "katanya" after a new speaker
    ("Masyarakat juga bisa melapor", "Hendra Gunawan", True),       # no cue: carried over the paragraph break
    ("seluruh ASN wajib netral", "Sri Wahyuni", False),             # "X menegaskan bahwa ..."
    ("pihaknya terus mengawasi", "Hendra Gunawan", False),          # "X mengatakan ..."
    ("laporan warga sangat membantu", "Hendra Gunawan", False),     # "Menurutnya, ..."
])
def test_who_said_what(extract, start, speaker, direct):
    r = extract(TWO_SPEAKERS)
    assert speaker_of(r, start) == (speaker, direct)


@pytest.mark.parametrize("text,start,speaker", [
    (DATELINE + "Sekda Kota Bandung Dedi Kurniadi mengatakan, “Semua ASN wajib hadir tepat waktu pada apel.”",
     "Semua ASN wajib", "Dedi Kurniadi"),                             # speaker before the quote
    (DATELINE + "Bupati Sleman, Teguh Prasetyo, hadir. \"Kami ingin pelayanan publik makin cepat dan murah,\" "
     "kata Bupati Sleman Teguh.", "Kami ingin pelayanan", "Teguh Prasetyo"),  # straight marks, title + short name
    (DATELINE + "Camat Depok, Rina Kartika, membuka acara. „Program ini harus menyentuh seluruh warga desa,“ "
     "ungkap Rina.", "Program ini harus", "Rina Kartika"),             # low-9 opening mark
    (DATELINE + "Anggota DPRD Kota Bandung Agus Salim hadir.\n\n'Kami akan awasi seluruh prosesnya,' ujar Agus.",
     "Kami akan awasi", "Agus Salim"),                                # straight single marks around a sentence
    (DATELINE + "Ketua KPU Kota Bogor Dede Juhana meninjau gudang.\n\n“Semua kotak suara sudah kami periksa "
     "satu per satu,” ujar dia.\n\nMenurut Dede, distribusi selesai besok.", "Semua kotak suara",
     "Dede Juhana"),                                                   # "ujar dia" at the end of a paragraph
    (DATELINE + "Kepala BKPSDM Sleman Budi Santoso hadir. Ketua Bawaslu Sleman Agus Salim juga hadir.\n\n“Semua "
     "ASN harus netral selama pemilu,” demikian disampaikan Budi.", "Semua ASN harus", "Budi Santoso"),
    (DATELINE + "Anggota Komisi II DPR RI Arif Wibowo menilai pengawasan penting. “Kepala desa itu ujung tombak, "
     "jangan sampai dipolitisasi,” kata politikus itu.", "Kepala desa itu", "Arif Wibowo"),  # a noun + itu
    (DATELINE + "Kepala Dinas Kesehatan Sleman dr. Yulius Kaleb hadir. Bupati Sleman Teguh Prasetyo juga hadir.\n\n"
     "“Kami sudah siapkan vaksin di semua puskesmas,” kata dr. Yulius.", "Kami sudah siapkan", "Yulius Kaleb"),
    (DATELINE + "Penjabat Bupati Klungkung I Nyoman Sudarta mengaku siap.\n\n“Saya akan berkoordinasi dengan semua "
     "unsur,” kata mantan Kepala Dinas Sosial Provinsi Bali itu.", "Saya akan berkoordinasi", "I Nyoman Sudarta"),
])
def test_quote_marks_and_cues(extract, text, start, speaker):
    r = extract(text)
    assert speaker_of(r, start) == (speaker, True)


def test_one_quote_split_around_its_cue(extract):
    r = extract(DATELINE + "Wali Kota Bandung, Teguh Prasetyo, memberi arahan. “Netralitas itu mutlak bagi ASN,” "
                "tegasnya, “dan tidak bisa ditawar oleh siapa pun di lingkungan pemerintah kota.”")
    direct = [q for q in r.quotes if q.direct]
    assert len(direct) == 1
    assert "Netralitas itu mutlak" in direct[0].text and "tidak bisa ditawar" in direct[0].text


@pytest.mark.parametrize("text,start,speaker,direct", [
    # a named citizen in apposition before the verb is the speaker of the quote after
    ("Seorang warga, Andi Saputra, mengaku pernah melihat ASN ikut kampanye. “Saya lihat sendiri di acara "
     "kampanye,” katanya.", "Saya lihat sendiri", "Andi Saputra", True),
    # a named citizen with an age in brackets
    ("Camat Depok Rina Kartika menegur kepala desa. Salah seorang warga, Jumadi (52), mengeluhkan kantor desa yang "
     "sering tutup. “Sudah tiga kali saya datang, kantornya tutup,” keluhnya.", "Sudah tiga kali", "Jumadi", True),
    # a citizen described, not named, after the quote is nobody named (not the official before)
    ("Bupati Sleman Teguh Prasetyo meninjau pasar. “Harga beras sudah turun sejak minggu lalu,” kata seorang "
     "pedagang di pasar tersebut.", "Harga beras sudah", None, True),
    # a quotation with no cue, named by the sentence after it ("Demikian dikatakan X")
    ("Kepala BKPSDM Sleman Budi Santoso hadir. Ketua Bawaslu Sleman Agus Salim juga hadir.\n\n“Semua ASN harus "
     "netral selama pemilu di mana pun.”\n\nDemikian dikatakan Budi usai rapat.", "Semua ASN harus", "Budi Santoso",
     True),
    # a quotation left open at a paragraph's end, its speaker named where it closes
    ("Kepala BKPSDM Sleman Budi Santoso hadir. Ketua Bawaslu Sleman Agus Salim juga hadir.\n\n“Semua ASN harus "
     "netral di mana pun. Tidak ada pengecualian bagi siapa pun.\n\n“Pelanggar akan kami proses sesuai aturan,” "
     "kata Budi.", "Semua ASN harus", "Budi Santoso", True),
    # "Seperti disampaikan X, ...": X's reported statement
    ("Kepala BKPSDM Sleman Budi Santoso hadir. Ketua Bawaslu Sleman Agus Salim juga hadir. Seperti disampaikan "
     "Budi, semua ASN harus netral selama pemilu berlangsung.", "semua ASN harus netral", "Budi Santoso", False),
    # degrees between a name and its verb, after a lower-case office and a comma
    ("Ketua panitia seleksi, Prof. Dr. Ir. Yusuf Malik, M.S., menjelaskan seleksi terdiri atas tiga tahap "
     "berurutan.", "seleksi terdiri atas", "Yusuf Malik", False),
    ("Yusuf Malik, S.H., M.H., menjelaskan seleksi terdiri atas tiga tahap berurutan.", "seleksi terdiri atas",
     "Yusuf Malik", False),
    # stance verbs report what the speaker wants or commits to
    ("Kepala BKPSDM Sleman Budi Santoso ingin pelayanan kepegawaian tidak kalah cepat dengan swasta.",
     "pelayanan kepegawaian tidak", "Budi Santoso", False),
    ("Kepala BKPSDM Sleman Budi Santoso berkomitmen memperketat pengawasan disiplin pegawai tahun ini.",
     "memperketat pengawasan disiplin", "Budi Santoso", False),
    # a regional form of address before a name already given ("Cak", "Kang"), and a nickname the text gives
    ("Wali Kota Bandung Teguh Prasetyo meninjau pasar. “Harga harus stabil sampai akhir tahun,” kata Cak Teguh.",
     "Harga harus stabil", "Teguh Prasetyo", True),
    ("Bupati Sleman Hanafi Wiratmaja, yang akrab disapa Mas Hanif, meninjau pasar. “Harga harus stabil sampai "
     "akhir tahun,” tutur Mas Hanif.", "Harga harus stabil", "Hanafi Wiratmaja", True),
    ("Ketua DPRD Sleman Yudistira Pranowo alias Yudis membuka rapat. “Anggarannya sudah kami siapkan sejak "
     "awal,” kata Yudis.", "Anggarannya sudah kami", "Yudistira Pranowo", True),
    # the nickname given after the office alone, whose holder was named before
    ("Bupati Sleman Hanafi Suryawangsa menerima penghargaan. Bupati yang akrab disapa Gus Surya itu bersyukur. "
     "“Nilai ini bukan tujuan akhir kita bersama,” kata Gus Surya.", "Nilai ini bukan", "Hanafi Suryawangsa", True),
    ("Kepala BKPSDM Sleman Budi Santoso menargetkan pendataan pegawai honorer selesai akhir bulan ini.",
     "pendataan pegawai honorer", "Budi Santoso", False),
    ("Ketua DPRD Sleman Budi Santoso mendesak pemerintah daerah segera menyalurkan bantuan bagi korban banjir.",
     "pemerintah daerah segera", "Budi Santoso", False),
    # "Menurut keterangan X, ...", "Berdasarkan keterangan X, ...": a source word between the cue and the name
    ("Kepala Dinas Sosial Sleman Budi Santoso hadir. Menurut keterangan Budi, bantuan akan disalurkan pekan depan "
     "melalui kantor pos.", "bantuan akan disalurkan", "Budi Santoso", False),
    ("Kepala Dinas Sosial Sleman Budi Santoso hadir. Berdasarkan keterangan Budi, penyaluran dilakukan melalui kantor "
     "pos terdekat.", "penyaluran dilakukan melalui", "Budi Santoso", False),
    # people in a sentence whose subject is "Ia" do not take the next "-nya" cue from the subject
    ("Kepala Dinas Sosial Sleman, Budi Santoso, meninjau dapur umum.\n\nIa didampingi Sekretaris Dinas Sosial "
     "Sleman, Ani Lestari.\n\n“Stok logistik cukup untuk dua minggu ke depan,” katanya.", "Stok logistik cukup",
     "Budi Santoso", True),
    # a cue after a comma at the end makes the whole sentence the statement, not the verb inside it
    ("Kepala Dinas Kesehatan Kendari Rahmawati membuka rapat. Pihaknya menargetkan angka stunting turun menjadi "
     "14 persen pada 2024, tambahnya.", "Pihaknya menargetkan angka", "Rahmawati", False),
    # "Sekda" alone is the Sekda of the government the article names, not of a city named in passing
    ("Sekretaris Daerah Provinsi Sulawesi Tengah, Novi Rahayu, membuka uji kompetensi di Pemerintah Provinsi "
     "Sulawesi Tengah bersama asesor dari Kantor Regional IV BKN Makassar.\n\nDalam sambutannya, Sekda mengatakan "
     "hasil uji kompetensi menjadi dasar penempatan pejabat.", "hasil uji kompetensi", "Novi Rahayu", False),
    # "Kata X, ...": the cue opens the sentence
    ("Kepala BKPSDM Sleman Budi Santoso membuka rapat. Kata Budi, ASN yang terbukti ikut kampanye akan dijatuhi "
     "sanksi.", "ASN yang terbukti", "Budi Santoso", False),
])
def test_speakers_described_or_named_around_the_words(extract, text, start, speaker, direct):
    assert speaker_of(extract(DATELINE + text), start) == (speaker, direct)


def said_by(r, start_words):
    """(speaker label, speaker type) of the quote that starts with ``start_words``."""
    ents = {e.key: e for e in r.entities}
    q = next(q for q in r.quotes if q.text.startswith(start_words))
    e = ents.get(q.speaker)
    return (e.label, e.type) if e else (None, None)


@pytest.mark.parametrize("text,start,agency", [
    ("Komisi Pemberantasan Korupsi mengimbau seluruh kepala desa melaporkan penggunaan dana desa secara terbuka.",
     "seluruh kepala desa", "Komisi Pemberantasan Korupsi"),
    # after a lead closed by a comma, with the complement after a comma
    ("Sementara itu, Ombudsman Republik Indonesia menduga, masih ada pungutan dalam penerimaan siswa baru di "
     "sejumlah sekolah.", "masih ada pungutan", "Ombudsman Republik Indonesia"),
    # an adverb between the agency and its verb; "bahwa" dropped
    ("Badan Kepegawaian Negara juga menegaskan bahwa seleksi kompetensi tetap digelar sesuai jadwal nasional.",
     "seleksi kompetensi tetap", "Badan Kepegawaian Negara"),
    # any verb with a comma after it: what follows is what was said
    ("Pemerintah Kabupaten Sleman mengusulkan, formasi guru diutamakan bagi honorer yang sudah lama mengabdi.",
     "formasi guru diutamakan", "Pemerintah Kabupaten Sleman"),
    ("DPRD Kabupaten Sleman mendesak pemerintah daerah segera menyalurkan bantuan bagi korban banjir.",
     "pemerintah daerah segera", "Dewan Perwakilan Rakyat Daerah Kabupaten Sleman"),
    # an agency before a quotation's cue verb
    ("Badan Kepegawaian Negara menegaskan, “Seleksi tetap digelar sesuai jadwal nasional tahun ini.”",
     "Seleksi tetap digelar", "Badan Kepegawaian Negara"),
    ("“Pendaftaran dibuka hingga akhir bulan ini bagi seluruh warga,” ujar pihak Dinas Sosial Kabupaten Garut.",
     "Pendaftaran dibuka hingga", "Dinas Sosial Kabupaten Garut"),
    # "Menurut <agency>, ...", and an agency named after a quotation's cue
    ("Menurut Badan Kepegawaian Negara, sebanyak 1.200 formasi akan dibuka pada tahun ini.", "sebanyak 1.200 formasi",
     "Badan Kepegawaian Negara"),
    ("Menurut data Badan Pusat Statistik, angka kemiskinan di kabupaten itu turun menjadi 8 persen.",
     "angka kemiskinan di", "Badan Pusat Statistik"),
    # "Hal tersebut disampaikan <agency>": the paragraph before is the agency's
    ("Stok vaksin di seluruh puskesmas dipastikan cukup hingga akhir tahun ini.\n\nHal tersebut disampaikan "
     "Dinas Kesehatan Kota Kendari dalam keterangan resminya.", "Stok vaksin di", "Dinas Kesehatan Kota Kendari"),
    ("“Kami terus memantau pelaksanaan seleksi di daerah,” tulis Badan Kepegawaian Negara dalam siaran persnya.",
     "Kami terus memantau", "Badan Kepegawaian Negara"),
    # an insert between commas before the verb
    ("Inspektorat Kabupaten Sleman, sebagai aparat pengawas internal, menyatakan akan memperketat reviu laporan kinerja tahun ini.",
     "akan memperketat reviu", "Inspektorat Daerah Kabupaten Sleman"),
    ("Badan Kepegawaian Negara, dalam keterangan tertulisnya, menegaskan seleksi tetap digelar sesuai jadwal.",
     "seleksi tetap digelar", "Badan Kepegawaian Negara"),
    # a sentence connective with no comma before the agency
    ("Adapun Badan Kepegawaian Negara meminta agar seluruh instansi menunda pelantikan pejabat.",
     "agar seluruh instansi", "Badan Kepegawaian Negara"),    # the body's own channel between it and its verb: a channel word and a noun phrase closed by -nya
    ("Badan Kepegawaian Negara dalam siaran persnya menegaskan seleksi tetap digelar sesuai jadwal nasional.",
     "seleksi tetap digelar", "Badan Kepegawaian Negara"),
    ("Badan Kepegawaian Negara lewat keterangan tertulisnya juga meminta seluruh instansi menunda pelantikan pejabat.",
     "seluruh instansi menunda", "Badan Kepegawaian Negara"),
    # ... or one of its units, named or not: the body speaks through it
    ("Pemerintah Kabupaten Sleman melalui Dinas Sosial meminta seluruh instansi menunda pelantikan pejabat.",
     "seluruh instansi menunda", "Pemerintah Kabupaten Sleman"),
    ("Kepolisian Daerah Jawa Tengah melalui Direktorat Reserse Kriminal Khusus menyatakan siap menindaklanjuti "
     "hasil audit tersebut.", "siap menindaklanjuti hasil", "Kepolisian Daerah Provinsi Jawa Tengah"),
])
def test_an_agency_that_speaks_as_a_body_is_the_speaker(extract, text, start, agency):
    assert said_by(extract(DATELINE + text), start) == (agency, "Agency")


@pytest.mark.parametrize("text", [
    # a verb whose complement is a thing, not what was said
    "Pemerintah Kabupaten Sleman mengusulkan 900 formasi PPPK untuk guru dan tenaga kesehatan tahun ini.",
    # the agency is the object, not the subject
    "Warga meminta Dinas Pekerjaan Umum segera memperbaiki jalan rusak di kampung mereka.",
    # the agency is inside a noun phrase
    "Surat dari Badan Kepegawaian Negara meminta seluruh instansi menunda pelantikan pejabat struktural.",    # its own channel does not make a thing said
    "Pemerintah Kabupaten Sleman dalam rancangan anggarannya mengusulkan 900 formasi PPPK untuk guru tahun ini.",
    # a channel phrase not closed by -nya is no insert before the verb
    "Surat Badan Kepegawaian Negara dalam bentuk edaran meminta seluruh instansi menunda pelantikan pejabat.",
])
def test_an_agency_not_the_subject_of_a_clause_verb_says_nothing(extract, text):
    r = extract(DATELINE + text)
    assert [said_by(r, q.text)[1] for q in r.quotes] in ([], [None])


def test_a_person_named_after_melalui_speaks_not_the_body(extract):
    r = extract(DATELINE + "Pemerintah Kabupaten Sleman melalui Budi Santoso meminta seluruh instansi menunda "
                           "pelantikan pejabat.")
    assert said_by(r, "seluruh instansi menunda") == ("Budi Santoso", "Person")


def test_an_office_named_without_a_name_is_not_its_agency(extract):
    # "Kepala BKN mengatakan": the head said it, and the article does not name him
    r = extract(DATELINE + "Kepala Badan Kepegawaian Negara mengatakan seleksi kompetensi tetap digelar sesuai "
                           "jadwal nasional.")
    assert said_by(r, "seleksi kompetensi tetap") == (None, None)


def test_an_agency_speaker_is_valid_in_the_graph(extract):
    from kg.graph import build_graph
    from kg.ns import KG
    from kg.validate import validate
    from rdflib import RDF

    g = build_graph([extract(DATELINE + "Komisi Pemberantasan Korupsi mengimbau seluruh kepala desa "
                                        "melaporkan penggunaan dana desa secara terbuka.")])
    speakers = set(g.objects(None, KG.speaker))
    assert speakers and all((s, RDF.type, KG.Agency) in g for s in speakers)
    ok, report = validate(g)
    assert ok, report


def test_places_listed_after_an_office_come_before_the_name(extract):
    r = extract(DATELINE + "Kepala Desa Lubuk Jaya, Kecamatan Sungai Bahar, Kabupaten Muaro Jambi, Syamsul Hadi, membantah "
                "tudingan warga.\n\n“Silakan dicek ke lapangan, semua ada,” kata Kades kepada wartawan.")
    role = next(ro for ro in r.roles if ro.person == entity(r, "Person", "Syamsul Hadi").key)
    assert role.title == "Kepala Desa Lubuk Jaya"
    assert speaker_of(r, "Silakan dicek") == ("Syamsul Hadi", True)   # the office named alone: its holder


def test_menurut_a_noun_phrase_with_itu_is_the_person_just_named(extract):
    r = extract(DATELINE + "Ketua DPRD Sleman Anita Rahayu mengapresiasi capaian tersebut. Menurut politikus Partai Golkar "
                "itu, DPRD akan terus mengawal tindak lanjut rekomendasi BPK.")
    assert speaker_of(r, "DPRD akan terus mengawal") == ("Anita Rahayu", False)
    r = extract(DATELINE + "Menurut warga itu, jalan sudah lama rusak dan belum diperbaiki sama sekali.")
    assert r.quotes == ()          # "warga" names nobody: no statement is made up


def test_degrees_between_a_name_and_its_speech_verb(extract):
    r = extract(DATELINE + "Kepala Kejaksaan Negeri Sleman, Ardi Wibowo, S.H., M.H., mengatakan program itu bertujuan "
                "mendampingi desa agar terhindar dari penyimpangan.")
    assert speaker_of(r, "program itu bertujuan") == ("Ardi Wibowo", False)


def test_demonstrative_points_back_to_the_statement(extract):
    r = extract(DATELINE + "Pemerintah daerah terus mendorong percepatan reformasi birokrasi di semua dinas. "
                "Hal tersebut disampaikan Bupati Sleman Teguh Prasetyo saat membuka rapat kerja.")
    assert speaker_of(r, "Pemerintah daerah terus mendorong") == ("Teguh Prasetyo", False)


def test_scare_quotes_and_titles_are_not_quotations(extract):
    r = extract(DATELINE + "Para ASN ‘zaman now’ harus melayani. Program “Smart ASN” diluncurkan di Bandung.")
    assert [q for q in r.quotes if q.direct] == []


def test_apostrophes_inside_words_open_no_quotation(extract):
    r = extract(DATELINE + "Salat Jum'at digelar di Masjid Agung Bandung, kata Bupati Sleman Teguh Prasetyo. "
                "Pengajian ba'da Isya berlanjut sampai malam hari di serambi masjid, ujar Teguh.")
    assert [q for q in r.quotes if q.direct] == []


def test_bylines_are_authors_never_speakers(extract):
    text = ("Penulis: Fajar Nugraha | Editor: Lestari Handayani\n" + DATELINE +
            "“Kami siap melayani masyarakat dengan sepenuh hati setiap hari,” kata Kepala Dinas Sosial Kota "
            "Bandung, Yuliana Putri.")
    r = extract(text)
    assert r.article.authors == ("Fajar Nugraha",)
    assert r.article.editors == ("Lestari Handayani",)
    assert persons(r) == {"Yuliana Putri"}
    assert speaker_of(r, "Kami siap melayani") == ("Yuliana Putri", True)


def test_quote_about_links_policies(extract):
    r = extract(DATELINE + "“Nilai SAKIP kita naik dan Zona Integritas terus kami bangun,” kata Wali Kota Bandung, "
                "Teguh Prasetyo.")
    q = [q for q in r.quotes if q.direct][0]
    about = {e.label for e in r.entities if e.key in q.about}
    assert {"Sistem Akuntabilitas Kinerja Instansi Pemerintah", "Zona Integritas"} <= about


# --- agencies, acronyms, regions ---------------------------------------------------------

@pytest.mark.parametrize("text,etype,label,alias", [
    ("Rapat digelar oleh Badan Kepegawaian Negara (BKN) di Jakarta. BKN meminta data terbaru.",
     "Agency", "Badan Kepegawaian Negara", "BKN"),
    ("Rapat digelar oleh BKN (Badan Kepegawaian Negara) di Jakarta.", "Agency", "Badan Kepegawaian Negara", "BKN"),
    ("Daerah itu membentuk Tim Percepatan Akses Keuangan Daerah (TPAKD) tahun ini. TPAKD bekerja cepat.",
     "Agency", "Tim Percepatan Akses Keuangan Daerah", "TPAKD"),
    ("Pemerintah menjalankan Program Sekolah Sehat Daerah (PSSD) di setiap kecamatan.",
     "Policy", "Program Sekolah Sehat Daerah", "PSSD"),
    ("Pemerintah Kabupaten (Pemkab) Sleman menggelar rapat. Pemkab Sleman juga mengundang camat.",
     "Agency", "Pemerintah Kabupaten Sleman", "Pemkab Sleman"),
])
def test_acronym_definitions_both_directions(extract, text, etype, label, alias):
    r = extract(DATELINE + text)
    e = entity(r, etype, label)
    assert alias in e.aliases


@pytest.mark.parametrize("text", [
    "Jumlah laporan naik menjadi 120 (naik 20 persen) dibanding tahun lalu.",
    "Padang (ANTARA) - Petugas memeriksa dokumen di kantor itu.",
])
def test_a_parenthesis_is_not_always_a_definition(extract, text):
    r = extract(text)
    assert not any(e.type in ("Agency", "Policy") for e in r.entities)


@pytest.mark.parametrize("text,expected", [
    # a list of offices where the repeated "Dinas" is dropped from one item
    ("Rapat diikuti Dinas Sosial, Dinas Kesehatan, Pemberdayaan Perempuan dan Perlindungan Anak, serta Dinas "
     "Pendidikan.", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("Hadir perwakilan Dinas Sosial, Kesehatan dan Dinas Pendidikan dalam rapat itu.", "Dinas Kesehatan"),
    ("Hadir Dinas Sosial, Bupati Sleman dan warga desa.", None),         # a list item that names no office
])
def test_an_office_listed_without_its_dinas(extract, text, expected):
    found = labels(extract(DATELINE + text), "Agency")
    if expected:
        assert expected in found
    else:
        assert not any(a.startswith("Dinas") and not a.startswith("Dinas Sosial") for a in found)


@pytest.mark.parametrize("text,expected", [
    # a national body named bare in an article about its one regional unit is that unit
    ("Ketua Bawaslu Kabupaten Sleman, Rina Kartika, membuka rapat. Laporan itu sudah diteruskan ke Bawaslu untuk "
     "diperiksa.", {"Badan Pengawas Pemilihan Umum Kabupaten Sleman"}),
    ("Komisioner KPU Kota Bandung, Hendra Gunawan, hadir. Menurut dia, KPU sudah menyiapkan logistik pemilu.",
     {"Komisi Pemilihan Umum Kota Bandung"}),
    # named as national, it stays national
    ("Ketua Bawaslu Kabupaten Sleman, Rina Kartika, membuka rapat. Laporan itu sudah diteruskan ke Bawaslu RI "
     "untuk diperiksa.", {"Badan Pengawas Pemilihan Umum", "Badan Pengawas Pemilihan Umum Kabupaten Sleman"}),
    # two regional units: which one is meant is unknown
    ("Bawaslu Kabupaten Sleman dan Bawaslu Kabupaten Bantul menggelar rapat bersama. Bawaslu meminta ASN netral.",
     {"Badan Pengawas Pemilihan Umum", "Badan Pengawas Pemilihan Umum Kabupaten Sleman",
      "Badan Pengawas Pemilihan Umum Kabupaten Bantul"}),
    # the same for the provincial offices of the Ombudsman and BPKP
    ("Kepala Ombudsman RI Perwakilan Jawa Barat, Rina Kartika, menerima laporan warga. Ombudsman meminta dinas "
     "memperbaiki layanan.", {"Ombudsman Republik Indonesia Perwakilan Provinsi Jawa Barat"}),
    ("Kepala Perwakilan BPKP Jawa Barat, Rina Kartika, membuka rapat. BPKP akan mengaudit dana desa.",
     {"Perwakilan Badan Pengawasan Keuangan dan Pembangunan Provinsi Jawa Barat"}),
])
def test_a_national_body_named_bare_beside_its_one_regional_unit_is_that_unit(extract, text, expected):
    got = labels(extract(DATELINE + text), "Agency")
    assert {a for a in got if any(w in a for w in ("Pemilihan Umum", "Ombudsman", "Keuangan"))} == expected


@pytest.mark.parametrize("text,expected", [
    # an article about one regency: its offices named bare are that regency's
    ("Pemerintah Kabupaten Sleman menurunkan tim Inspektorat. Kepala Inspektorat Budi Santoso memimpin "
     "pemeriksaan.", {"Inspektorat Daerah Kabupaten Sleman", "Pemerintah Kabupaten Sleman"}),
    # a regency and its province: the regency's
    ("Bupati Sleman dan Gubernur DIY hadir. BKPSDM menyiapkan sanksi.",
     {"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sleman", "Pemerintah Kabupaten Sleman",
      "Pemerintah Provinsi Daerah Istimewa Yogyakarta"}),
    # two regencies: which one's is not known
    ("Bupati Sleman dan Bupati Bantul hadir. BKPSDM menyiapkan sanksi.",
     {"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Pemerintah Kabupaten Sleman",
      "Pemerintah Kabupaten Bantul"}),
    # no region at all: the generic type
    ("Kementerian Dalam Negeri meminta Inspektorat memeriksa dana hibah.",
     {"Inspektorat Daerah", "Kementerian Dalam Negeri"}),
])
def test_an_office_named_without_its_region_takes_the_article_region(extract, text, expected):
    assert labels(extract(DATELINE + text), "Agency") == expected


def test_spelling_variants_of_a_ministry_are_one_entity(extract):
    r = extract(DATELINE + "KemenPAN-RB menggelar evaluasi. Kementerian PAN & RB juga menilai SAKIP. "
                "KemenPANRB menargetkan hasil yang lebih baik.")
    ministries = [e for e in r.entities if e.type == "Agency"]
    assert len(ministries) == 1
    assert ministries[0].label == "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"


@pytest.mark.parametrize("text,agency", [
    ("Pemkot Malang menggelar apel.", "Pemerintah Kota Malang"),
    ("Pemkab Malang menggelar apel.", "Pemerintah Kabupaten Malang"),
    ("Pemko Pekanbaru menggelar apel.", "Pemerintah Kota Pekanbaru"),       # the Sumatran short form
    # combined offices in their regional short forms
    ("DPMPTSPTK Kabupaten Garut membuka layanan baru.",
     "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja Kabupaten Garut"),
    ("Diskoperindag Kabupaten Garut menggelar pasar murah.", "Dinas Koperasi, Perindustrian dan Perdagangan Kabupaten Garut"),
    # a section of a regional secretariat headed by the official named is an agency of its own
    ("Kabag Organisasi Setda Kabupaten Sleman, Roy Sinaga, menuturkan pelatihan dimulai.",
     "Bagian Organisasi Sekretariat Daerah Kabupaten Sleman"),
    ("Kepala Biro Organisasi Setda Papua Barat Daya, Agustinus Wanma, menambahkan pendampingan.",
     "Biro Organisasi Sekretariat Daerah Provinsi Papua Barat Daya"),
    ("BKPSDM Kabupaten Buleleng membuka seleksi.",
     "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Buleleng"),
    ("Kantor Regional XII BKN membuka layanan konsultasi kepegawaian.", "Kantor Regional XII Badan Kepegawaian Negara"),
    ("Unit Layanan Pengadaan Kota Balikpapan mendapat penghargaan.",
     "Unit Layanan Pengadaan Barang dan Jasa Kota Balikpapan"),
    ("Diskominfo Kota Padang meluncurkan aplikasi.", "Dinas Komunikasi dan Informatika Kota Padang"),
    ("DPRD Kabupaten Sleman menggelar paripurna.", "Dewan Perwakilan Rakyat Daerah Kabupaten Sleman"),
    # a unit "of a Kabupaten/Kota" takes the level of the region it is of
    ("Ketua DPRK Jayawijaya membuka sidang paripurna.", "Dewan Perwakilan Rakyat Kabupaten Jayawijaya"),
    ("BNNK Kota Ternate menggelar tes urine bagi ASN.", "Badan Narkotika Nasional Kota Ternate"),
    # "BPD" before a province is its bank; alone, in a village, the village council
    ("Gaji pegawai disalurkan lewat BPD Bali mulai bulan ini.", "Bank Pembangunan Daerah Provinsi Bali"),
    ("Musyawarah desa diikuti para anggota BPD serta perangkat desa.", "Badan Permusyawaratan Desa"),
    # a state university is a state body; the city in its name adds no regional unit
    ("Bawaslu meneken nota kesepahaman dengan Universitas Negeri Padang.", "Universitas Negeri Padang"),
    ("Mahasiswa UIN Sunan Kalijaga mengikuti KKN di desa itu.", "Universitas Islam Negeri Sunan Kalijaga Yogyakarta"),
    # a national body with a province after it is its provincial office, however it is written
    ("Ombudsman Kalsel menerima 120 laporan tahun ini.", "Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Selatan"),
    ("Ombudsman RI Perwakilan Kalsel menerima 120 laporan.", "Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Selatan"),
    ("BPKP Sulsel mengaudit dana desa.", "Perwakilan Badan Pengawasan Keuangan dan Pembangunan Provinsi Sulawesi Selatan"),
    # a ministry's technical office named "Balai ..." is an agency, not a hall
    ("Kepala Balai Pelaksanaan Jalan Nasional Sumatera Barat meninjau jalan.",
     "Balai Pelaksanaan Jalan Nasional Sumatera Barat"),
    ("Balai Besar Wilayah Sungai Sumatera V juga hadir dalam rapat itu.", "Balai Besar Wilayah Sungai Sumatera V"),
    # regional offices added with their acronyms and spelling variants
    ("Dinas Pangan Kabupaten Kubu Raya menggelar pasar murah.", "Dinas Pangan Kabupaten Kubu Raya"),
    ("Disperdagin Kabupaten Mempawah memantau harga.", "Dinas Perindustrian dan Perdagangan Kabupaten Mempawah"),
    ("Kanwil DJPb Kalimantan Barat mencatat belanja negara naik.",
     "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Kalimantan Barat"),
    ("Kanwil Ditjenpas Jawa Tengah memindahkan warga binaan.",
     "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Provinsi Jawa Tengah"),
    ("Dinkes PPKB Kabupaten Temanggung menggelar vaksinasi.",
     "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kabupaten Temanggung"),
    # the search and rescue agency with a province after it is its office there; alone, the national body
    ("Basarnas Lampung mengerahkan perahu karet.", "Kantor Pencarian dan Pertolongan Provinsi Lampung"),
    ("Basarnas mengerahkan helikopter ke lokasi.", "Badan Nasional Pencarian dan Pertolongan"),
    # national bodies' regional and branch offices, named by their province or city
    ("Bank Indonesia Perwakilan Jawa Timur mencatat inflasi rendah.",
     "Kantor Perwakilan Bank Indonesia Provinsi Jawa Timur"),
    ("Bank Indonesia menahan suku bunga acuan.", "Bank Indonesia"),
    ("BPJS Kesehatan Cabang Palembang menambah loket layanan.",
     "Badan Penyelenggara Jaminan Sosial Kesehatan Cabang Kota Palembang"),
    ("Bea Cukai Batam menyita rokok ilegal.", "Kantor Pengawasan dan Pelayanan Bea dan Cukai Kota Batam"),
    ("Bea Cukai memperketat pengawasan impor.", "Direktorat Jenderal Bea dan Cukai"),
    ("KSOP Kelas I Dumai memeriksa kapal tanker.", "Kantor Kesyahbandaran dan Otoritas Pelabuhan Kota Dumai"),
    ("Kantor Bahasa Provinsi Bengkulu menggelar lomba pidato.", "Kantor Bahasa Provinsi Bengkulu"),
    ("BPMP Provinsi Jambi memetakan mutu sekolah.", "Balai Penjaminan Mutu Pendidikan Provinsi Jambi"),
    ("Dinas Tanaman Pangan, Hortikultura dan Perkebunan Provinsi Sumatera Selatan menggelar panen raya.",
     "Dinas Tanaman Pangan, Hortikultura dan Perkebunan Provinsi Sumatera Selatan"),
    ("Badan Keuangan Kabupaten Seram Bagian Barat mencairkan anggaran.",
     "Badan Keuangan Daerah Kabupaten Seram Bagian Barat"),
    ("BKKBN Sulsel menggelar pelayanan KB gratis.",
     "Perwakilan Badan Kependudukan dan Keluarga Berencana Nasional Provinsi Sulawesi Selatan"),
    ("Kepala Perwakilan BKKBN Provinsi Riau meninjau posyandu.",
     "Perwakilan Badan Kependudukan dan Keluarga Berencana Nasional Provinsi Riau"),
    ("BKKBN meluncurkan aplikasi baru.", "Badan Kependudukan dan Keluarga Berencana Nasional"),
    # bodies of the special-autonomy provinces (Aceh, Papua, Bali's customary villages)
    ("Dinas Syariat Islam Aceh menggelar pembinaan.", "Dinas Syariat Islam Provinsi Aceh"),
    ("MPU Kabupaten Pidie mengeluarkan tausiah.", "Majelis Permusyawaratan Ulama Kabupaten Pidie"),
    ("Baitul Mal Kota Banda Aceh menyalurkan zakat.", "Baitul Mal Kota Banda Aceh"),
    ("MRP Papua Barat Daya menerima aspirasi warga.", "Majelis Rakyat Papua Provinsi Papua Barat Daya"),
    ("DPR Papua Barat menggelar sidang paripurna.", "Dewan Perwakilan Rakyat Papua Barat"),
    ("Dinas Pemajuan Masyarakat Adat Provinsi Bali membina desa adat.",
     "Dinas Pemajuan Masyarakat Adat Provinsi Bali"),
    # public works offices under their older or merged names
    ("Dinas Bina Marga dan Sumber Daya Air Kabupaten Banyumas memperbaiki jalan.",
     "Dinas Bina Marga dan Sumber Daya Air Kabupaten Banyumas"),
    ("Dinas Ciptaru Kota Semarang mengawasi izin bangunan.", "Dinas Cipta Karya dan Tata Ruang Kota Semarang"),
    ("Dinas Pertanahan Kabupaten Bekasi menyelesaikan sengketa.", "Dinas Pertanahan Kabupaten Bekasi"),
    # long merged names as written, with or without their commas
    ("Dinas Kesehatan, Kependudukan dan Pencatatan Sipil Provinsi NTT membuka layanan.",
     "Dinas Kesehatan, Kependudukan dan Pencatatan Sipil Provinsi Nusa Tenggara Timur"),
    ("Badan Kesatuan Bangsa dan Politik Dalam Negeri Kabupaten Sikka mendata ormas.",
     "Badan Kesatuan Bangsa dan Politik Kabupaten Sikka"),
    ("Dinas Pendidikan Kepemudaan dan Olahraga Provinsi NTB membangun sekolah.",
     "Dinas Pendidikan, Pemuda dan Olahraga Provinsi Nusa Tenggara Barat"),
    ("Dinas Perumahan Rakyat, Kawasan Permukiman dan Lingkungan Hidup Kabupaten Alor membangun sanitasi.",
     "Dinas Perumahan, Kawasan Permukiman dan Lingkungan Hidup Kabupaten Alor"),
    # Jakarta's suku dinas is the provincial dinas's office in one administrative city; the dinas stays provincial
    ("Sudin Perhubungan Jakarta Barat mengerahkan petugas.", "Suku Dinas Perhubungan Kota Administrasi Jakarta Barat"),
    ("Dinas Perhubungan DKI Jakarta mengerahkan petugas.", "Dinas Perhubungan Provinsi DKI Jakarta"),
])
def test_regional_agencies_are_built_from_type_and_region(extract, text, agency):
    r = extract(DATELINE + text)
    assert agency in labels(r, "Agency")


@pytest.mark.parametrize("text,place", [
    ("Warga Kab. Sleman antusias.", "Kabupaten Sleman"),
    ("Acara di Kota Malang berlangsung meriah.", "Kota Malang"),
    ("Pejabat Provinsi Jawa Timur hadir.", "Provinsi Jawa Timur"),
    ("Rapat digelar di Hotel Santika Sleman.", "Hotel Santika Sleman"),
    ("Jalan di Desa Sukamaju, Kecamatan Cimanggis diperbaiki.", "Desa Sukamaju"),
    ("Rapat digelar di Meuligoe Bupati Aceh Besar.", "Meuligoe Bupati Aceh Besar"),   # regional venue words
    ("Rapat digelar di Anjungan Pantai Losari.", "Anjungan Pantai Losari"),
    ("Gubernur membuka rapat di Gedung Sate pada pagi hari.", "Gedung Sate"),   # a venue head that names one venue
    ("Pelatihan berlangsung di Balai Diklat Keagamaan Padang.", "Balai Diklat Keagamaan Padang"),
])

def test_places(extract, text, place):
    r = extract(DATELINE + text)
    assert place in labels(r, "Place")


@pytest.mark.parametrize("text,local,region", [
    # a village head or a camat named after a unit that shares a regency's name: the unit, not the regency
    ("Lurah Manggarai, Rudy Hartono, turut hadir dalam apel tersebut.", "Kelurahan Manggarai", "Kabupaten Manggarai"),
    ("Camat Tebo, Rudy Hartono, turut hadir dalam apel tersebut.", "Kecamatan Tebo", "Kabupaten Tebo"),
])
def test_a_local_unit_named_like_a_regency_is_not_the_regency(extract, text, local, region):
    places = labels(extract(DATELINE + text), "Place")
    assert local in places and region not in places


def test_a_headline_opening_on_an_acronym_is_no_dateline_place(extract):
    r = extract("MenPAN-RB Apresiasi Pemkab Sleman Raih Predikat Zona Integritas\nSLEMAN - Menteri PANRB menyerahkan "
                "penghargaan kepada tiga unit kerja Pemkab Sleman di Jakarta.")
    assert not any(p.startswith("MenPAN") for p in labels(r, "Place"))


def test_a_common_acronym_after_a_venue_word_names_no_venue(extract):
    r = extract(DATELINE + "Wali Kota melakukan sidak ke sejumlah Kantor OPD di Sleman.")
    assert not any(p.startswith("Kantor") for p in labels(r, "Place"))


#: the other policies a sentence of test_policies names (by label), beside the one the row names
ALSO_NAMED = {
    "Sistem Merit": {"Netralitas ASN"},
    "Peraturan Menteri PANRB Nomor 90 Tahun 2021": {"Zona Integritas"},
    "Surat Edaran Menteri PANRB tentang penguatan budaya kerja BerAKHLAK": {"BerAKHLAK"},
    "BerAKHLAK": {"Surat Edaran Menteri PANRB tentang penguatan budaya kerja BerAKHLAK"},
    "Undang-Undang Nomor 16 Tahun 2019": {"Undang-Undang Nomor 1 Tahun 1974"},
    "Undang-Undang Nomor 16 Tahun 2019 tentang Perubahan atas Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan":
        {"Undang-Undang Nomor 1 Tahun 1974"},
    "Peraturan Bupati Sleman Nomor 12 Tahun 2023 tentang Tambahan Penghasilan Pegawai": {"Tambahan Penghasilan Pegawai"},
    "Rancangan Peraturan Daerah tentang APBD Tahun Anggaran 2025": {"Anggaran Pendapatan dan Belanja Daerah"},
    "Peraturan Presiden Nomor 95 Tahun 2018": {"Sistem Pemerintahan Berbasis Elektronik"},
    "PP 35/2021": {"Undang-Undang Desa"},
    "PP 35/2021 tentang PKWT": {"Undang-Undang Desa"},
}


@pytest.mark.parametrize("text,policy", [
    ("Aturan itu tertuang dalam Peraturan Menteri PANRB Nomor 3 Tahun 2023 tentang road map.",
     "Peraturan Menteri PANRB Nomor 3 Tahun 2023"),
    ("ASN wajib menjaga netralitas ASN dan menerapkan sistem merit.", "Sistem Merit"),
    ("Pelanggaran diatur dalam UU Nomor 5 Tahun 2014.", "UU Nomor 5 Tahun 2014"),
    # a regulation named by its subject in lower case, and a policy named inside that subject
    ("Bupati menerbitkan Surat Edaran Menteri PANRB tentang penguatan budaya kerja BerAKHLAK.",
     "Surat Edaran Menteri PANRB tentang penguatan budaya kerja BerAKHLAK"),
    ("Bupati menerbitkan Surat Edaran Menteri PANRB tentang penguatan budaya kerja BerAKHLAK.", "BerAKHLAK"),
    # "Undang-Undang" is three tokens; a number written as a code with its year last
    ("Batas usia diatur dalam Undang-Undang Nomor 16 Tahun 2019 tentang Perubahan atas Undang-Undang Nomor 1 Tahun "
     "1974 tentang Perkawinan.", "Undang-Undang Nomor 16 Tahun 2019"),
    ("Batas usia diatur dalam Undang-Undang Nomor 16 Tahun 2019 tentang Perubahan atas Undang-Undang Nomor 1 Tahun "
     "1974 tentang Perkawinan.", "Undang-Undang Nomor 16 Tahun 2019 tentang Perubahan atas Undang-Undang Nomor 1 "
                                 "Tahun 1974 tentang Perkawinan"),  # "Perkawinan" is no regulation word ("Perka")
    ("Bupati menerbitkan Surat Edaran Bupati Sleman Nomor 800/112/BKPP/2024 tentang jam kerja pegawai.",
     "Surat Edaran Bupati Sleman Nomor 800/112/BKPP/2024"),
    ("Jam kerja diatur Keputusan Bupati Sleman Nomor 188.45/27/KPTS/2024.", "Keputusan Bupati Sleman Nomor 188.45/27/KPTS/2024"),
    # the subject after the number is part of the name: an alias, and it stops before a venue
    ("Bupati meneken Peraturan Bupati Sleman Nomor 12 Tahun 2023 tentang Tambahan Penghasilan Pegawai.",
     "Peraturan Bupati Sleman Nomor 12 Tahun 2023 tentang Tambahan Penghasilan Pegawai"),
    ("DPRD menyetujui Rancangan Peraturan Daerah tentang APBD Tahun Anggaran 2025 di Gedung DPRD Sleman.",
     "Rancangan Peraturan Daerah tentang APBD Tahun Anggaran 2025"),
    ("Pemkab berpedoman pada Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik.",
     "Peraturan Presiden Nomor 95 Tahun 2018"),
    # a known regulation with a subject the lexicon's name does not end with: named by its number alone too
    ("Pembangunan ZI berpedoman pada Peraturan Menteri PANRB Nomor 90 Tahun 2021 tentang Pembangunan dan Evaluasi "
     "Zona Integritas di Instansi Pemerintah.", "Peraturan Menteri PANRB Nomor 90 Tahun 2021"),
    # national programs and instruments, in lower case too
    ("Pemkab Sleman mulai menerapkan manajemen talenta untuk mengisi jabatan.", "Manajemen Talenta ASN"),
    ("BPKP menilai Maturitas SPIP Pemkab Sleman berada di level 3.", "Maturitas Sistem Pengendalian Intern Pemerintah"),
    ("Bupati menargetkan penghapusan kemiskinan ekstrem tuntas tahun ini.", "Penghapusan Kemiskinan Ekstrem"),
    ("Sleman kembali meraih predikat Kota Layak Anak kategori Nindya.", "Kabupaten/Kota Layak Anak"),
    ("Polres mengingatkan sanksi dalam Undang-Undang Lalu Lintas dan Angkutan Jalan.",
     "Undang-Undang Lalu Lintas dan Angkutan Jalan"),
    # a government system named after a system word, and a law named by its subject alone
    ("Pemkab Sleman meluncurkan Portal Satu Data Kabupaten Sleman.", "Portal Satu Data Kabupaten Sleman"),
    ("Pemkab Sleman meluncurkan Portal Satu Data Kabupaten Sleman.", "Portal Satu Data"),
    ("Warga dapat mengadu melalui aplikasi SiGap milik Pemkab Sleman.", "Aplikasi SiGap"),
    ("DPR diminta segera mengesahkan UU Perampasan Aset.", "UU Perampasan Aset"),
    ("DPRD Sleman membahas Perda Bangunan Gedung bersama dinas.", "Perda Bangunan Gedung"),
    ("DPRD Sleman menyetujui Raperda tentang Pajak Daerah dan Retribusi Daerah.",
     "Raperda tentang Pajak Daerah dan Retribusi Daerah"),
    ("Desa Wukirsari ditetapkan sebagai Desa Tangguh Bencana oleh BPBD Sleman.", "Desa Tangguh Bencana"),
    ("Ombudsman merilis hasil Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2023.",
     "Penilaian Kepatuhan Standar Pelayanan Publik"),
    # a short form in brackets inside the issuer; a number written right after the head; a letter-led code
    ("Dasar hukumnya Instruksi Presiden (Inpres) Nomor 1 Tahun 2022 tentang percepatan.",
     "Instruksi Presiden Nomor 1 Tahun 2022"),
    ("Dasar hukumnya Instruksi Presiden (Inpres) Nomor 1 Tahun 2022 tentang percepatan.", "Inpres Nomor 1 Tahun 2022"),
    ("Aturan itu ada di PP 35/2021 tentang PKWT dan UU 6/2014.", "PP 35/2021"),
    ("Aturan itu ada di PP 35/2021 tentang PKWT dan UU 6/2014.", "PP 35/2021 tentang PKWT"),
    ("Dasar hukumnya SE Menpan RB Nomor B/123/M.SM.00.00/2024 tentang jam kerja.",
     "SE Menpan RB Nomor B/123/M.SM.00.00/2024"),
    # a regulation named by its subject, its issuer's short form in brackets; also named with the short form
    ("Bupati mengacu Peraturan Menteri Dalam Negeri (Permendagri) tentang Pengelolaan Barang Milik Daerah.",
     "Permendagri tentang Pengelolaan Barang Milik Daerah"),
    # instruments of integrity, accountability and local planning, in lower case too
    ("Bupati meminta ASN mematuhi kode etik dan kode perilaku ASN.", "Kode Etik dan Kode Perilaku ASN"),
    ("Inspektorat menguatkan pengendalian gratifikasi di semua dinas.", "Pengendalian Gratifikasi"),
    ("DPRD Sleman menerima LKPJ Bupati Tahun 2023.", "Laporan Keterangan Pertanggungjawaban"),
    ("DPRD Sleman membahas usulan Pokir dalam rapat.", "Pokok-Pokok Pikiran DPRD"),
    ("Pemkab Sleman mengembangkan program smart city di semua kapanewon.", "Gerakan Menuju 100 Smart City"),
    ("Pemkab Sleman menyiapkan program Kios Pangan Murah di setiap kapanewon.", "Kios Pangan Murah"),
    ("Menurut Bupati, program Jumat Berkah berjalan baik.", "Jumat Berkah"),   # a day name opening a name
    ("Kemenag Sleman memperkuat moderasi beragama di sekolah.", "Moderasi Beragama"),
    ("Kapolres Sleman mengingatkan netralitas Polri selama tahapan Pilkada.", "Netralitas Polri"),
    ("Pemkab Sleman mendorong terciptanya birokrasi kelas dunia.", "Birokrasi Berkelas Dunia"),
    ("Pemkab Sleman mulai menerapkan aplikasi Srikandi untuk naskah dinas.",
     "Sistem Informasi Kearsipan Dinamis Terintegrasi"),
])
def test_policies(extract, text, policy):
    r = extract(DATELINE + text)
    named = [e.label for e in r.entities if e.type == "Policy" and policy in (e.label, *e.aliases)]
    assert len(named) == 1, named                 # one entity carries the name, as label or alias
    assert labels(r, "Policy") == {named[0]} | ALSO_NAMED.get(policy, set())   # and no policy more


@pytest.mark.parametrize("text", [
    "Deputi RB Kunwas Kementerian PANRB memaparkan hasil evaluasi.",
    "Kepala Bagian Organisasi dan RB Setda Sleman membuka rapat.",
    "Asisten Deputi Bidang Reformasi Birokrasi memimpin rapat.",
    "Unit Pengendalian Gratifikasi Pemkab Sleman dibentuk tahun lalu.",
    # a minister's portfolio, and the tail of a hyphenated short form
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Budi Santoso meresmikan gedung itu.",
    "Acara itu dihadiri Menteri PAN-RB Budi Santoso dan pejabat Kementerian PAN-RB.",
    # the field of an office's unit, with its short form in brackets
    "Kepala Bidang Aplikasi Informatika (Aptika) Diskominfo, Lilik Suryani, memperagakan aplikasi itu.",
])
def test_a_unit_named_after_a_policy_is_not_the_policy(extract, text):
    assert not {"Reformasi Birokrasi", "Pengendalian Gratifikasi", "Aplikasi Informatika"} \
        & labels(extract(DATELINE + text), "Policy")


@pytest.mark.parametrize("text", [
    "Aturan itu merujuk Peraturan Menteri PANRB Nomor 1 Tahun 2024 tentang Pedoman Evaluasi Reformasi Birokrasi.",
    "Sekda membacakan Surat Edaran Bupati Sleman Nomor 800/9/2024 tentang Pelaksanaan Apel Pagi.",
])
def test_a_regulation_subject_names_no_event(extract, text):
    r = extract(DATELINE + text)
    assert labels(r, "Event") == set()
    assert len(labels(r, "Policy") - {"Reformasi Birokrasi"}) == 1


@pytest.mark.parametrize("text", [
    "Warga dapat mengadu melalui aplikasi WhatsApp atau telepon.",   # a commercial service
    "Data pegawai diunggah ke aplikasi BKN setiap bulan.",           # the agency, not a system
    "Perda Sleman itu sudah lama tidak direvisi.",                   # a region, not a subject
    "Warga bisa memantau hasilnya melalui Portal Berita Sleman.",   # a news site
    "Menurut dia, aplikasi Ini sangat membantu warga.",             # a pronoun written with a capital
    "Bupati mendukung program Presiden dan program Bapak Gubernur.",  # an office and an honorific
    "Bupati memaparkan program Unggulan Bupati Sleman tahun ini.",    # a generic word, then an office
    "Dana itu disiapkan untuk program Tahun 2024.",
    "Program itu akan dievaluasi pada program Januari 2025 nanti.",
    "Ia lulusan program Studi Ilmu Pemerintahan dan program Magister Administrasi Publik.",
])
def test_systems_and_laws_that_are_not_named(extract, text):
    assert labels(extract(DATELINE + text), "Policy") == set()


def test_a_site_of_a_national_program_names_the_place_and_the_program(extract):
    r = extract(DATELINE + "Warga antre di Mal Pelayanan Publik Kabupaten Sleman sejak pagi.")
    assert "Mal Pelayanan Publik Kabupaten Sleman" in labels(r, "Place")
    assert "Mal Pelayanan Publik" in labels(r, "Policy")


def test_the_owner_of_a_program_is_not_part_of_its_name(extract):
    assert labels(extract(DATELINE + "Ada program CSR PT Bank Sleman untuk warga."), "Policy") == {"CSR"}


def test_a_program_named_by_a_defined_short_form_is_the_defined_one(extract):
    r = extract(DATELINE + "Perusahaan menjalankan Tanggung Jawab Sosial Perusahaan (TSP). Melalui program TSP, "
                "warga mendapat bantuan.")
    assert "TSP" not in labels(r, "Policy")


def test_a_program_named_after_a_kind_of_region_is_no_place(extract):
    r = extract(DATELINE + "Sleman kembali meraih predikat Kota Layak Anak kategori Nindya.")
    assert not any("Layak" in p for p in labels(r, "Place"))


@pytest.mark.parametrize("text", [
    "Aturan itu ada di Permenpan RB No. 16 Tahun 2021 tentang Pola Karier.",
    "Aturan itu ada di PermenPAN-RB Nomor 1 Tahun 2023.",
])
def test_a_policy_in_a_regulation_issuer_is_not_named(extract, text):
    assert "Reformasi Birokrasi" not in labels(extract(DATELINE + text), "Policy")


def test_a_regulation_subject_stops_before_the_parties(extract):
    r = extract(DATELINE + "Bupati dan DPRD menyetujui Rancangan Peraturan Daerah tentang APBD antara Bupati Sleman "
                "dan DPRD Sleman.")
    assert "Rancangan Peraturan Daerah tentang APBD" in labels(r, "Policy")


def test_a_policy_short_form_with_a_suffix_is_still_the_policy(extract):
    assert "Reformasi Birokrasi" in labels(extract(DATELINE + "Menurut Sekda, nilai RB-nya naik tahun ini."), "Policy")


def test_the_policy_itself_is_still_found_beside_such_units(extract):
    r = extract(DATELINE + "Pemkab Sleman mendorong percepatan Reformasi Birokrasi di semua dinas.")
    assert "Reformasi Birokrasi" in labels(r, "Policy")


# --- events and dates ---------------------------------------------------------------------

def test_event_with_date_place_and_participants(extract):
    r = extract(DATELINE + "Wali Kota Bandung, Teguh Prasetyo, membuka Rapat Koordinasi Netralitas ASN di Hotel "
                "Savoy Homann, Senin (18/11/2024). Rakor itu diikuti kepala perangkat daerah.")
    ev = entity(r, "Event", "Rapat Koordinasi Netralitas ASN")
    rep = [x for x in r.events if x.event == ev.key][0]
    assert rep.date == "2024-11-18"
    places = {e.key: e.label for e in r.entities if e.type == "Place"}
    assert places[rep.place] == "Hotel Savoy Homann"
    assert entity(r, "Person", "Teguh Prasetyo").key in rep.participants


def test_relative_day_is_resolved_against_the_dateline_date(extract):
    r = extract("Bandung - Jumat (29/9/2023)\n\nWali Kota Bandung, Teguh Prasetyo, mengatakan pada hari "
                "Selasa lalu pihaknya menggelar Sosialisasi Netralitas ASN bagi seluruh camat.")
    assert r.article.date == "2023-09-29"
    ev = entity(r, "Event", "Sosialisasi Netralitas ASN")
    assert [x.date for x in r.events if x.event == ev.key] == ["2023-09-26"]


@pytest.mark.parametrize("sentence,date", [
    # a planned event with no date of its own is not dated to the story's day
    ("Sosialisasi netralitas ASN akan digelar pekan depan di aula kantor bupati.", None),
    ("Rapat Koordinasi Kepegawaian rencananya digelar di Pendopo Sleman.", None),
    # with a date of its own it takes that date
    ("Sosialisasi netralitas ASN akan digelar pada Senin (12/2/2024) di aula kantor bupati.", "2024-02-12"),
])
def test_a_planned_event_takes_only_its_own_date(extract, sentence, date):
    r = extract("SLEMAN, Kabar - Bupati Sleman membuka pameran, Senin (5/2/2024).\n\n" + sentence)
    dates = [x.date for x in r.events if "pameran" not in x.event]
    assert dates == [date]


def test_election_mentions_are_one_event_named_by_year(extract):
    r = extract(DATELINE + "Menjelang Pemilihan Umum (Pemilu) 2024, ASN diminta netral. Pemilu 2024 digelar "
                "serentak. Selama Pemilu, ASN dilarang berkampanye.")
    assert labels(r, "Event") == {"Pemilu 2024"}


@pytest.mark.parametrize("text,event", [
    ("Bupati memimpin Upacara Hari Ulang Tahun ke-53 Korpri di Alun-alun Sleman.",
     "Upacara Hari Ulang Tahun ke-53 Korpri"),                           # "Tahun" and "ke-53" inside a name
    ("Peringatan Hari Jadi Kabupaten Sleman ke 220 digelar meriah.", "Peringatan Hari Jadi Kabupaten Sleman ke 220"),
    ("Bupati Sleman, Teguh Prasetyo, membuka kegiatan pencegahan pungutan liar di Sleman, Rabu (9/11/2022).",
     "Kegiatan pencegahan pungutan liar"),
    ("Kepala Dinas Sosial, Sri Wahyuni, mengikuti apel pagi di halaman kantor.", "Apel pagi"),
    # a ceremony named in lower case, marked as a happening by the verb after it or the word before it
    ("Pelantikan pejabat administrator dan pengawas digelar di Pendopo Kabupaten Sleman.",
     "Pelantikan pejabat administrator dan pengawas"),
    ("Bupati Sleman Teguh Prasetyo menghadiri peluncuran aplikasi pengaduan warga di Sleman.",
     "Peluncuran aplikasi pengaduan warga"),
    ("Di Pendopo Kabupaten Sleman digelar pelantikan pejabat fungsional.", "Pelantikan pejabat fungsional"),
    # a verb-shaped word is not always a verb ("digital"); the name goes on after its short form in brackets
    ("Bupati Sleman Teguh Prasetyo membuka kegiatan literasi digital bagi pelajar.", "Kegiatan literasi digital"),
    ("Para kepala desa mengikuti bimbingan teknis (bimtek) pengelolaan keuangan desa yang digelar dinas.",
     "Bimbingan teknis pengelolaan keuangan desa"),
    # a meeting named in lower case, an event word right after its head ("rapat evaluasi")
    ("Bupati Sleman Teguh Prasetyo memimpin rapat evaluasi penanganan stunting di ruang kerjanya.",
     "Rapat evaluasi penanganan stunting"),
    ("Sekda Sleman Teguh Prasetyo memimpin rapat koordinasi bersama kepala OPD.", "Rapat koordinasi"),
    ("Pemkab Sleman menggelar pasar murah di halaman kantor camat.", "Pasar murah"),
    ("Wakil Bupati Sleman membuka rembuk stunting tingkat kabupaten di aula kantor bupati.",
     "Rembuk stunting tingkat kabupaten"),
    ("Ketua DPRD akan memanggil dinas itu dalam rapat dengar pendapat pekan depan.", "Rapat dengar pendapat"),
    # the members of a forum are sworn in: the swearing-in is the event, the forum is a body
    ("Bupati Sleman Teguh Prasetyo mengukuhkan pengurus Forum Anak Daerah Kabupaten Sleman, Kamis (25/7/2024).",
     "Pengukuhan pengurus Forum Anak Daerah Kabupaten Sleman"),
    # a happening joined to the one just told; tests and debates named in lower case after an event verb
    ("Pelantikan itu dirangkaikan dengan penandatanganan pakta integritas oleh para pejabat.",
     "Penandatanganan pakta integritas"),
    ("Sebelumnya, BKPSDM Sleman menggelar uji kompetensi bagi para calon pejabat.", "Uji kompetensi"),
    ("KPU Sleman menggelar debat publik pasangan calon di Hotel Tentrem.", "Debat publik pasangan calon"),
    # elections of a region's heads, named with the deputy's office; national days
    ("Warga diminta menyukseskan Pemilihan Bupati dan Wakil Bupati Sleman Tahun 2024.",
     "Pemilihan Bupati dan Wakil Bupati Sleman Tahun 2024"),
    ("Sekda Sleman mengajak ASN memaknai Hari Kesadaran Nasional ke-79 dengan bekerja jujur.",
     "Hari Kesadaran Nasional ke-79"),
    ("Pemkab Sleman memperingati Hakordia 2024 dengan lomba poster antikorupsi.", "Hakordia 2024"),
    # a name goes on after a modifier word; what a handover hands over is told by "hasil" and an event word
    ("Pemkab Sleman menggelar apel siaga bencana di halaman kantor bupati.", "Apel siaga bencana"),
    ("Dalam kesempatan itu dilakukan penyerahan hasil evaluasi kepada sepuluh kabupaten.", "Penyerahan hasil evaluasi"),
    # an award closed by its short form and year; a long name with a year range
    ("Pemkab Sleman mengikuti penilaian Innovative Government Award (IGA) 2024 secara daring.",
     "Innovative Government Award 2024"),
    ("Bappeda menggelar Konsultasi Publik Rancangan Awal Rencana Pembangunan Jangka Panjang Daerah (RPJPD) Kabupaten "
     "Sleman Tahun 2025-2045 di Hotel Tentrem.",
     "Konsultasi Publik Rancangan Awal Rencana Pembangunan Jangka Panjang Daerah Kabupaten Sleman Tahun 2025-2045"),
    # a two-word head joined to a happening; a record named after an event word is part of the name
    # (after a happening named before, it is part of that one: test_agencies_events.py)
    ("Acara itu dirangkai dengan pengambilan sumpah/janji PPPK.", "Pengambilan sumpah"),
    ("Kegiatan dilanjutkan dengan penandatanganan naskah deklarasi oleh tokoh agama.",
     "Penandatanganan naskah deklarasi"),
    # more kinds of happenings; a verb after the name goes on with the sentence; "dan" before another happening
    ("Kapolres Sleman menggelar konferensi pers pengungkapan kasus narkoba di Mapolres.",
     "Konferensi pers pengungkapan kasus narkoba"),
    ("Bupati memimpin pelepasan kontingen Porprov di halaman Pendopo.", "Pelepasan kontingen Porprov"),
    ("Pemkab Sleman menggelar kirab budaya memperingati hari jadi kabupaten.", "Kirab budaya"),
    ("Acara diakhiri dengan doa. Kegiatan dilanjutkan dengan penandatanganan naskah deklarasi dan pelepasan burung "
     "merpati.", "Penandatanganan naskah deklarasi"),
    # a meeting named by its agenda after "dalam rangka"; the election body's name for regional elections
    ("DPRD Sleman menggelar Rapat Paripurna dalam rangka Penyampaian Nota Pengantar Raperda APBD 2025.",
     "Rapat Paripurna dalam rangka Penyampaian Nota Pengantar Raperda APBD 2025"),
    ("KPU Sleman menyiapkan logistik Pemilihan Serentak Tahun 2024.", "Pilkada 2024"),
    ("Dinas Pendidikan menggelar sosialisasi Penerimaan Peserta Didik Baru di aula dinas.",
     "Sosialisasi Penerimaan Peserta Didik Baru"),                      # "Baru" inside a name
    ("Bupati hadir dalam Rapat Paripurna Penyampaian LKPJ Tahun Anggaran 2023 di Gedung DPRD.",
     "Rapat Paripurna Penyampaian LKPJ Tahun Anggaran 2023"),
    ("Hal itu diungkapkan Kapolres saat memimpin apel gelar pasukan Operasi Zebra 2024.",
     "Apel gelar pasukan Operasi Zebra 2024"),
    # a generic word before an event's own name: the inner word names it
    ("Bupati membuka kegiatan sosialisasi netralitas ASN di Pendopo, Senin (5/8/2024).", "Sosialisasi netralitas ASN"),
    ("Bupati membuka kegiatan pelatihan menjahit bagi ibu rumah tangga.", "Pelatihan menjahit"),
    ("DPRD Sleman menggelar Rapat Paripurna Penetapan Raperda tentang APBD Tahun Anggaran 2025 di Gedung DPRD.",
     "Rapat Paripurna Penetapan Raperda tentang APBD Tahun Anggaran 2025"),   # a subject after "tentang"
    ("Kemenag Sleman menggelar workshop penguatan moderasi beragama bagi ASN.",
     "Workshop penguatan moderasi beragama"),                              # "ber-" words are not verbs here
    ("Kodim Sleman menggelar karya bakti pembersihan saluran di Desa Sukamaju.", "Karya bakti pembersihan saluran"),
    # a short form inside a lower-case name; a count after the event word; Musrenbang qualified in lower case
    ("Sosialisasi netralitas ASN digelar di aula kantor camat, Selasa (6/2/2024).", "Sosialisasi netralitas ASN"),
    ("Pelantikan 30 pejabat berlangsung di pendopo, Rabu (7/2/2024).", "Pelantikan 30 pejabat"),
    ("Musrenbang kecamatan digelar di aula kantor camat, Jumat (9/2/2024).", "Musrenbang kecamatan"),
])
def test_lower_case_event_names(extract, text, event):
    assert event in labels(extract(DATELINE + text), "Event")


@pytest.mark.parametrize("text", [
    "Pemkab Sleman mendukung Proyek Strategis Nasional dan Gerakan Nasional Revolusi Mental.",  # programs
    "Rapat itu ditutup dengan penandatanganan berita acara kesepakatan.",  # a record, not a happening
    "Panitia Pemilihan Kepala Desa (P2KD) Sukamaju menetapkan tiga calon.",  # a committee
    "Warga dilarang melakukan pelepasan lahan tanpa izin.",  # a release of land, not a send-off
])
def test_programs_and_records_are_no_events(extract, text):
    assert labels(extract(DATELINE + text), "Event") == set()


def test_an_event_named_with_its_year_is_also_named_without_tahun_and_without_the_year(extract):
    r = extract(DATELINE + "Pemkab Sleman menggelar Rembuk Stunting Tingkat Kabupaten Tahun 2024 di Pendopo.")
    ev = entity(r, "Event", "Rembuk Stunting Tingkat Kabupaten Tahun 2024")
    assert {"Rembuk Stunting Tingkat Kabupaten 2024", "Rembuk Stunting Tingkat Kabupaten"} <= set(ev.aliases)


def test_an_event_named_with_a_year_range_is_also_named_without_it(extract):
    r = extract(DATELINE + "Wabup membuka Musrenbang RPJMD Kabupaten Sleman Tahun 2025-2029 di Pendopo.")
    ev = entity(r, "Event", "Musrenbang RPJMD Kabupaten Sleman Tahun 2025-2029")
    assert {"Musrenbang RPJMD Kabupaten Sleman 2025-2029", "Musrenbang RPJMD Kabupaten Sleman"} <= set(ev.aliases)


def test_an_anniversary_after_dalam_rangka_is_a_happening_of_its_own(extract):
    r = extract(DATELINE + "Rapat Paripurna dalam rangka HUT ke-79 RI digelar di Gedung DPRD Sleman.")
    assert {"Rapat Paripurna", "HUT ke-79 RI"} <= labels(r, "Event")


def test_one_round_of_a_program_is_a_happening(extract):
    r = extract(DATELINE + "Seleksi CPNS Tahap II digelar di GOR Sleman.")
    assert "Seleksi CPNS Tahap II" in labels(r, "Event")


def test_an_election_after_tentang_is_a_happening_of_its_own(extract):
    r = extract(DATELINE + "Bupati Sleman membuka Rapat Koordinasi tentang Pilkada 2024 di Pendopo.")
    assert {"Rapat Koordinasi", "Pilkada 2024"} <= labels(r, "Event")


def test_two_elections_of_region_heads_stay_two(extract):
    r = extract(DATELINE + "Pemilihan Gubernur dan Wakil Gubernur Jawa Tengah serta Pemilihan Bupati dan Wakil Bupati "
                "Sleman digelar serentak.")
    assert {"Pemilihan Gubernur dan Wakil Gubernur Jawa Tengah", "Pemilihan Bupati dan Wakil Bupati Sleman"} \
        <= labels(r, "Event")


def test_an_event_named_with_defined_short_forms_is_also_named_by_them(extract):
    r = extract(DATELINE + "Bupati membuka Musyawarah Perencanaan Pembangunan (Musrenbang) Rencana Kerja Pemerintah "
                "Daerah (RKPD) Kabupaten Sleman Tahun 2025 di Pendopo.")
    ev = [e for e in r.entities if e.type == "Event" and e.label.startswith("Musyawarah")][0]
    assert "Musrenbang RKPD Kabupaten Sleman Tahun 2025" in ev.aliases


def test_brackets_that_do_not_spell_a_short_form_stay(extract):
    r = extract(DATELINE + "Sekda memimpin Apel Pagi (Senin) di halaman kantor bupati.")
    assert not any("Apel Senin" in e.aliases for e in r.entities if e.type == "Event")


def test_the_object_of_an_event_verb_takes_a_name_whole_without_its_short_form(extract):
    r = extract(DATELINE + "Bupati Sleman menyerahkan SK pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja (PPPK) "
                "kepada 300 guru, Kamis (28/3/2024).")
    ev = entity(r, "Event", "Penyerahan SK pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja")
    assert "PPPK" not in ev.aliases


def test_an_election_in_the_sentence_does_not_hide_the_event_its_verb_tells(extract):
    r = extract(DATELINE + "KPU Sleman melantik 105 anggota PPS untuk Pilkada Sleman 2024 di Hotel Tentrem, Jumat "
                "(24/5/2024).")
    assert "Pelantikan 105 anggota PPS" in labels(r, "Event")


@pytest.mark.parametrize("text,event", [
    # a person sworn in: the office named after "sebagai" names the swearing-in, else the verb's noun alone
    ("Bupati Sleman melantik Dr. H. Budi Santoso, M.Si., sebagai Sekretaris Daerah di Pendopo, Rabu (8/1/2025).",
     "Pelantikan Sekretaris Daerah"),
    ("Bupati Sleman melantik Dr. Budi Santoso di Pendopo, Rabu (8/1/2025).", "Pelantikan"),
])
def test_a_person_sworn_in_is_no_part_of_the_event_s_name(extract, text, event):
    got = labels(extract(DATELINE + text), "Event")
    assert event in got and not any(g.endswith(" Dr") for g in got), got


def test_the_object_of_an_event_verb_stops_before_its_scope(extract):
    r = extract(DATELINE + "Bupati Sleman melantik 85 pejabat administrator lingkup Pemerintah Kabupaten Sleman di "
                "Pendopo, Senin (3/6/2024).")
    assert "Pelantikan 85 pejabat administrator" in labels(r, "Event")


@pytest.mark.parametrize("text,event", [
    # public works named by what is built, marked as a happening by a project word, a verb or the place
    ("Kades Sukamaju Ahmad Fauzan ditanya soal proyek betonisasi jalan di RW.03 Dusun Krajan.", "Betonisasi jalan"),
    ("Warga bergotong royong mengerjakan rehabilitasi saluran irigasi di Kampung Sukasari.",
     "Rehabilitasi saluran irigasi"),
    ("Bupati meninjau pembangunan jembatan gantung, Senin (5/8/2024).", "Pembangunan jembatan gantung"),
    ("Proyek revitalisasi pasar di Dusun Krajan molor dua bulan.", "Revitalisasi pasar"),
    ("Warga bergotong royong melakukan rehab masjid di RT 03.", "Rehab masjid"),
    # the thing built ends before its worth or its size
    ("Tim meninjau pembangunan talud penahan ombak senilai Rp450 juta di Desa Sukamaju.",
     "Pembangunan talud penahan ombak"),
    ("Bupati meninjau pengaspalan jalan desa sepanjang 3 kilometer, Senin (5/8/2024).", "Pengaspalan jalan desa"),
    ("Bupati Sleman meresmikan gedung serbaguna senilai Rp3 miliar, Senin (5/8/2024).", "Peresmian gedung serbaguna"),
])
def test_public_works_are_events(extract, text, event):
    assert event in labels(extract(DATELINE + text), "Event")


def test_the_same_thing_built_named_twice_is_one_project(extract):
    r = extract(DATELINE + "Proyek betonisasi jalan di Dusun Krajan molor. Pembangunan jalan di RW 03 itu "
                "dikerjakan warga.")
    assert labels(r, "Event") == {"Betonisasi jalan"}


@pytest.mark.parametrize("text", [
    "APBD 2025 difokuskan pada pembangunan jalan dan jembatan serta pelayanan kesehatan.",   # a plan
    "Pemerintah berkomitmen meningkatkan pembangunan jalan di desa-desa terpencil.",
    "Program pembangunan jalan desa tahun ini menyerap dana desa paling besar.",
    "Pemerintah berkomitmen meningkatkan pembangunan sekolah di desa-desa terpencil.",
    "Anggaran tahun depan difokuskan pada penataan taman kota.",
])
def test_works_talked_of_in_general_are_no_event(extract, text):
    assert labels(extract(DATELINE + text), "Event") == set()


def test_a_capitalised_works_name_is_left_to_the_verb_before_it(extract):
    r = extract(DATELINE + "Bupati Sleman meresmikan Pembangunan Gedung DPRD Sleman, Senin (5/8/2024).")
    assert labels(r, "Event") == {"Peresmian Pembangunan Gedung DPRD Sleman"}


def test_a_forum_whose_members_are_named_is_a_body_not_an_event(extract):
    r = extract(DATELINE + "Bupati Sleman Teguh Prasetyo mengukuhkan pengurus Forum Anak Daerah Kabupaten Sleman, Kamis "
                "(25/7/2024).")
    assert not any(e.startswith("Forum") for e in labels(r, "Event"))


def test_attendance_words_after_an_event_word_are_not_its_name(extract):
    r = extract(DATELINE + "Wali Kota Bandung Teguh Prasetyo melantik 30 pejabat pengawas, Senin (5/2/2024). "
                           "Pelantikan turut dihadiri Kapolrestabes Bandung. Pelantikan ikut disaksikan warga.")
    names = {n for e in r.entities if e.type == "Event" for n in (e.label, *e.aliases)}
    assert names and not any(n.split()[1:2] in (["turut"], ["ikut"]) for n in names)


def test_an_event_told_by_a_verb_in_a_dated_sentence(extract):
    r = extract(DATELINE + "Bupati Sleman Teguh Prasetyo melantik 120 pejabat fungsional di Pendopo Kabupaten "
                "Sleman, Jumat (7/6/2024).\n\nPelantikan tersebut turut dihadiri Wakil Bupati Sleman Joko Purnomo.")
    ev = entity(r, "Event", "Pelantikan 120 pejabat fungsional")
    rep = next(e for e in r.events if e.event == ev.key)
    assert rep.date == "2024-06-07"
    assert {entity(r, "Person", n).key for n in ("Teguh Prasetyo", "Joko Purnomo")} <= set(rep.participants)


def test_a_distribution_told_by_its_verb_is_an_event(extract):
    r = extract(DATELINE + "Pemerintah Desa Sukamaju menyalurkan bantuan langsung tunai dana desa kepada 85 keluarga, "
                "Kamis (18/7/2024).\n\nPenyaluran disaksikan oleh Camat Cibeber Dedi Suryana.")
    ev = entity(r, "Event", "Penyaluran bantuan langsung tunai dana desa")
    rep = next(e for e in r.events if e.event == ev.key)
    assert entity(r, "Person", "Dedi Suryana").key in rep.participants    # "disaksikan oleh": was there


def test_the_officer_of_a_ceremony_is_there_and_the_verb_before_is_no_name(extract):
    r = extract(DATELINE + "Pemkab Sigi menggelar upacara peringatan Hari Kesadaran Nasional, Rabu (17/4/2024). "
                "Bertindak selaku inspektur upacara, Wakil Bupati Sigi Yosef Lamba.")
    assert persons(r) == {"Yosef Lamba"}
    rep = next(e for e in r.events if e.event == entity(r, "Event", "Upacara peringatan Hari Kesadaran Nasional").key)
    assert entity(r, "Person", "Yosef Lamba").key in rep.participants


def test_a_venue_named_at_a_later_mention_is_the_place(extract):
    r = extract(DATELINE + "Bawaslu Kota Padang menggelar Sosialisasi Pengawasan Partisipatif di Padang, Selasa "
                "(5/3/2024). Sosialisasi Pengawasan Partisipatif itu berlangsung di Aula Kantor Wali Kota Padang.")
    rep = next(e for e in r.events if e.event == entity(r, "Event", "Sosialisasi Pengawasan Partisipatif").key)
    assert {e.key: e.label for e in r.entities}[rep.place] == "Aula Kantor Wali Kota Padang"


SCENE = (DATELINE + "Bupati Sleman Teguh Prasetyo membuka Rapat Koordinasi Kepegawaian di Pendopo Kabupaten Sleman, "
         "Senin (5/8/2024).\n\nSementara itu, Kepala BKPSDM Sleman Budi Santoso menjelaskan bahwa semua data pegawai "
         "sudah diperbarui.\n\n“Kami siap melayani semua pegawai yang datang,” kata Budi.\n\n"
         "Dihubungi terpisah, Ketua DPRD Sleman Agus Salim mengatakan dewan mendukung pendataan itu.\n\n"
         "Di tempat lain, Pemkab Sleman menggelar Pelatihan Kepemimpinan Pengawas di Hotel Santika Sleman.\n\n"
         "Kepala Dinas Sosial Sleman Rina Lestari mengatakan pelatihan itu diikuti tiga puluh pejabat.")


@pytest.mark.parametrize("name,event,present", [
    ("Budi Santoso", "Rapat Koordinasi Kepegawaian", True),      # quoted after the lead event: was there
    ("Rina Lestari", "Rapat Koordinasi Kepegawaian", False),     # quoted after another event is named: not
    ("Agus Salim", "Rapat Koordinasi Kepegawaian", False),       # reached elsewhere ("Dihubungi terpisah"): not
])
def test_speakers_after_the_lead_event_took_part(extract, name, event, present):
    r = extract(SCENE)
    rep = next(e for e in r.events if e.event == entity(r, "Event", event).key)
    assert (entity(r, "Person", name).key in rep.participants) == present


def test_a_verb_without_a_date_or_beside_a_named_event_tells_no_event(extract):
    r = extract(DATELINE + "Pemerintah daerah akan melantik pejabat baru bulan depan. Bupati Sleman membuka "
                "Rapat Koordinasi Kepegawaian di Sleman, Senin (5/8/2024).")
    assert labels(r, "Event") == {"Rapat Koordinasi Kepegawaian"}


def test_an_election_has_no_place_or_participants(extract):
    r = extract(DATELINE + "Kadiskominfo Sleman Hasyim Yusuf menyebut informasi Pemilu 2024 disebar di Aula "
                "Kantor Bupati Sleman, Senin (5/8/2024).")
    rep = next(e for e in r.events if e.event == entity(r, "Event", "Pemilu 2024").key)
    assert (rep.place, rep.participants) == (None, ())


def test_who_said_what_came_before_an_event_sentence_was_there(extract):
    r = extract(DATELINE + "Bupati Sleman Teguh Prasetyo meminta seluruh ASN menjaga netralitas menjelang pemilu. "
                "Hal itu disampaikan dalam apel pagi di halaman Kantor Bupati Sleman, Senin (5/2/2024).")
    rep = next(e for e in r.events if e.event == entity(r, "Event", "Apel pagi").key)
    assert entity(r, "Person", "Teguh Prasetyo").key in rep.participants


def test_persons_said_to_attend_are_participants_of_the_event_before(extract):
    r = extract(DATELINE + "Pemerintah Kabupaten Sleman menggelar Rapat Koordinasi Netralitas ASN di Aula Kantor "
                "Bupati Sleman, Senin (5/8/2024).\n\nTurut hadir di acara itu, Kepala Inspektorat Sleman Rina "
                "Lestari dan Ketua Bawaslu Sleman Agus Salim.")
    rep = next(e for e in r.events if e.event == entity(r, "Event", "Rapat Koordinasi Netralitas ASN").key)
    assert {entity(r, "Person", n).key for n in ("Rina Lestari", "Agus Salim")} <= set(rep.participants)


def test_an_office_in_a_venue_name_or_in_lower_case_is_nobody_in_the_scene(extract):
    r = extract(DATELINE + "Sekda Sleman Hendra Wijaya memimpin Rapat Koordinasi Kepegawaian di Aula Kantor Bupati "
                "Sleman bersama seluruh kepala perangkat daerah, Senin (5/8/2024).")
    rep = r.events[0]
    assert set(rep.participants) == {entity(r, "Person", "Hendra Wijaya").key}


@pytest.mark.parametrize("text", [
    "Apel digelar di halaman Kantor Gubernur Papua Pegunungan, Wamena, Senin (8/1/2024).",
    "Rapat digelar di Pendopo Bupati Klaten, Delanggu, pada Senin pagi.",
])
def test_an_office_inside_a_venue_name_names_nobody(extract, text):
    r = extract(DATELINE + text)
    assert persons(r) == set() and not r.roles


def test_an_office_named_alone_never_takes_the_holder_of_another_office(extract):
    r = extract(DATELINE + "Sekda Sleman Hendra Wijaya membuka rapat. “Kami siap melayani warga dengan baik setiap "
                "hari,” kata Bupati Sleman.")
    assert speaker_of(r, "Kami siap melayani") == (None, True)   # the Bupati is not the Sekda


@pytest.mark.parametrize("text", [
    "Kegiatan ini diikuti oleh seluruh pegawai dinas.",
    "Pelantikan pejabat eselon menjadi kewenangan kepala daerah.",   # no event cue: a topic, not a happening
    "Bupati Sleman menggelar rapat tersebut di ruang kerjanya.",     # a bare head names nothing
    "Rapat tersebut membahas anggaran daerah.",
    "Perbaikan akuntabilitas kinerja menjadi fokus pemerintah.",
    "Menurut Bupati, acara berjalan lancar sampai selesai.",          # a verb after "acara" names nothing
    "Menurut hasil evaluasi SAKIP dari Kementerian PANRB, nilai daerah itu naik.",   # a finding, not a happening
    "Gubernur meminta para bupati untuk menggelar pasar murah secara rutin.",          # asked for, not held
])
def test_an_event_word_alone_is_not_an_event(extract, text):
    assert labels(extract(DATELINE + text), "Event") == set()


def test_an_office_nobody_here_holds_is_not_guessed(extract):
    r = extract(DATELINE + "Ketua Bawaslu Kota Depok, Sri Rahayu, memantau media sosial. “Kami memantau setiap hari "
                "tanpa libur,” tutur Sri.\n\nSementara itu, Wali Kota Depok mengatakan bahwa sanksi tegas akan "
                "diberikan kepada pelanggar. “Tidak ada toleransi bagi yang melanggar aturan,” tegas Wali Kota.")
    assert speaker_of(r, "Kami memantau") == ("Sri Rahayu", True)
    assert speaker_of(r, "sanksi tegas akan") == (None, False)
    assert speaker_of(r, "Tidak ada toleransi") == (None, True)


def test_ia_and_dia_refer_to_the_salient_speaker(extract):
    r = extract(DATELINE + "Kepala Dinas Kesehatan Kota Depok, Budi Santoso, membuka rapat.\n\nIa menjelaskan, "
                "pihaknya sudah mengirim surat edaran ke seluruh puskesmas di wilayahnya.\n\nDia mengatakan, “Kalau ada "
                "yang melanggar, laporkan saja ke kami secepatnya.”")
    assert speaker_of(r, "pihaknya sudah mengirim") == ("Budi Santoso", False)
    assert speaker_of(r, "Kalau ada yang melanggar") == ("Budi Santoso", True)


@pytest.mark.parametrize("sentence,name,title", [
    ("Ketua DPRD Provinsi Sulawesi Selatan Andi Ina Kartika Sari menyatakan dukungannya.",
     "Andi Ina Kartika Sari", "Ketua DPRD Provinsi Sulawesi Selatan"),            # "Andi" is part of the name
    ("Komisioner KPU Kota Makassar Divisi Teknis, Gunawan Mashar, juga hadir.",
     "Gunawan Mashar", "Komisioner KPU Kota Makassar Divisi Teknis"),              # a division is not a name
])
def test_names_and_units(extract, sentence, name, title):
    r = extract(DATELINE + sentence)
    assert persons(r) == {name}
    assert [ro.title for ro in r.roles] == [title]


def test_a_region_with_its_abbreviation_is_not_a_definition_of_something_new(extract):
    r = extract(DATELINE + "Sekretaris Daerah Provinsi Nusa Tenggara Timur (NTT), Kosmas Lana, membuka acara.")
    assert labels(r, "Policy") == set() and "Provinsi Nusa Tenggara Timur" in labels(r, "Place")


def test_an_undated_event_takes_the_day_of_the_story_not_the_publication(extract):
    text = ("Kabar Jateng - 14/03/2024, 08:15 WIB\n\nSEMARANG, Kabar Jateng - Wali Kota Semarang, Teguh Prasetyo, "
            "menghadiri Rapat Koordinasi Pengawasan Daerah, Selasa (12/3/2024).\n\nPeserta Rapat Koordinasi "
            "Pengawasan Daerah berasal dari 16 kecamatan.")
    r = extract(text)
    assert r.article.date == "2024-03-14"
    assert [e.date for e in r.events] == ["2024-03-12"]


def test_an_organization_word_after_a_speech_verb_is_not_a_name(extract):
    r = extract(DATELINE + "Sekretaris Daerah Kota Bandung, Yuliana Putri, menyatakan Pemerintah Kota Bandung "
                "memiliki peran penting dalam membangun negara.")
    assert persons(r) == {"Yuliana Putri"}


@pytest.mark.parametrize("sentence,title", [
    # a teacher's office is named by the school: with its number and town, or by its kind and town
    ("Salah satu penerima SK, Maria Lestari, guru SD Negeri 12 Mekarsari, mengaku terharu.",
     "guru SD Negeri 12 Mekarsari"),
    ("Salah seorang penerima SK, Maria Lestari, guru SD Inpres Mekarsari yang sudah 14 tahun mengajar, mengaku lega.",
     "guru SD Inpres Mekarsari"),
    ("Kepala SD Inpres Mekarsari, Maria Lestari, mengaku bangga.", "Kepala SD Inpres Mekarsari"),
    # the school given with "di": the same office
    ("Salah satu penerima SK, Maria Lestari (38), guru di SD Negeri 12 Mekarsari, mengaku terharu.",
     "guru SD Negeri 12 Mekarsari"),
    ("Salah satu penerima SK, Maria Lestari, guru di SD Inpres Mekarsari, mengaku lega.", "guru SD Inpres Mekarsari"),
    # "guru" with no school is a profession, no office, with "di" too
    ("Salah satu peserta, Maria Lestari, guru honorer dari Distrik Mekar, mengaku senang.", None),
    ("Salah satu peserta, Maria Lestari, guru di Distrik Mekar, mengaku senang.", None),
    ("Salah satu peserta, Maria Lestari, guru di sekolah itu, mengaku senang.", None),
])
def test_a_teacher_holds_an_office_at_a_named_school(extract, sentence, title):
    r = extract(DATELINE + sentence)
    got = {ro.title for ro in r.roles}
    assert got == ({title} if title else set()), got


@pytest.mark.parametrize("sentence,person", [
    # "Daeng" inside a name after its first word is part of it; before the name it is a form of address
    ("Acara itu dihadiri Wakil Bupati Sanggau Hj. Rahmawati Daeng Caya, dan tamu lain.", "Rahmawati Daeng Caya"),
    ("Acara itu dihadiri Wakil Bupati Sanggau Andi Daeng Caya, dan tamu lain.", "Andi Daeng Caya"),
    ("Acara itu dihadiri Wakil Bupati Sanggau Daeng Caya, dan tamu lain.", "Caya"),
])
def test_daeng_inside_a_name_after_an_office(extract, sentence, person):
    r = extract(DATELINE + sentence)
    assert {e.label for e in r.entities if e.type == "Person"} == {person}


@pytest.mark.parametrize("sentence,title", [
    # an office's title written with its unit's short form ("Panglima Kodam", "Kepala Kejari")
    ("Panglima Kodam XVIII/Kasuari, Mayjen TNI Hendra Wanggai, menegaskan netralitas prajurit.",
     "Panglima Kodam XVIII/Kasuari"),
    ("Kepala Kejari Sleman, Hendra Wanggai, menegaskan netralitas jaksa.", "Kepala Kejari Sleman"),
    # the unit's short form alone, with no office before it, is no one's title
    ("Kodam XVIII/Kasuari menegaskan netralitas prajurit.", None),
])
def test_a_title_with_its_unit_s_short_form(extract, sentence, title):
    r = extract(DATELINE + sentence)
    assert {ro.title for ro in r.roles} == ({title} if title else set())


@pytest.mark.parametrize("sentence,person", [
    # Balinese noble prefixes open the name, and a long name before "yang kini menjabat" is read whole
    ("Pejabat yang dilantik adalah Ir. Anak Agung Gede Raka Wiguna, M.T., yang kini menjabat Kepala Dinas Sosial "
     "Provinsi Bali.", "Anak Agung Gede Raka Wiguna"),
    ("Kepala Dinas Sosial Bali Ida Bagus Made Wirawan hadir.", "Ida Bagus Made Wirawan"),
    # "anak"/"Ida" before any other word is no prefix
    ("Anak Agung itu bermain di halaman sekolah.", None),
])
def test_balinese_noble_prefixes(extract, sentence, person):
    got = {e.label for e in extract(DATELINE + sentence).entities if e.type == "Person"}
    assert got == ({person} if person else set()), got


@pytest.mark.parametrize("sentence,person", [
    # an initial inside a unit's name, with the holder's rank after it
    ("Hadir pula Danlanud Pangeran M. Bun Yamin Kolonel Pnb Ardi Putra Wirawan.", "Ardi Putra Wirawan"),
    # an initial with no rank after it opens the holder's name
    ("Hadir pula Kepala Dinas Sosial M. Yusuf Wirawan.", "M. Yusuf Wirawan"),
])
def test_an_initial_inside_a_unit_s_name(extract, sentence, person):
    got = {e.label for e in extract(DATELINE + sentence).entities if e.type == "Person"}
    assert got == {person}, got


@pytest.mark.parametrize("text,start,speaker", [
    # "mendorong" + what the speaker urges: a reported statement
    ("Bupati Sleman Budi Hartono mendorong pelaku usaha mikro segera mendaftarkan izin usahanya tahun ini.",
     "pelaku usaha mikro", ("Budi Hartono", "Person")),
    # no speaker before it: a cause pushing, not a statement
    ("Hujan deras sejak pagi mendorong warga bantaran sungai mengungsi ke balai desa terdekat.",
     "warga bantaran sungai", None),
])
def test_urging_is_said_by_its_subject(extract, text, start, speaker):
    r = extract(DATELINE + text)
    if speaker is None:
        assert not any(q.text.startswith(start) for q in r.quotes)
    else:
        assert said_by(r, start) == speaker
