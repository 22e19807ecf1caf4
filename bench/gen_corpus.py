"""Write N synthetic Indonesian government-news articles for benchmarks and scale tests.

Every article is made from sentence templates written for this script: officials
with titles, agencies, policies, events, dates, and quotes with every cue style
the extractor reads (``“...,” jelas X``, ``“...,” urainya``, ``X mengatakan, “...”``,
``Menurutnya, ...``, ``X mengatakan bahwa ...``, and a quote split around
``tegasnya``). All person names are invented here from syllables; they are not
the names of real people.

Article ``i`` depends only on ``(seed, i)``: ``--count 1010`` writes the same first
1,000 files as ``--count 1000`` plus ten new ones. Lengths are about 300–800 words.

Example::

    python bench/gen_corpus.py /tmp/corpus --count 2000 --seed 1
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

__all__ = ["article", "write_corpus", "file_name"]

# ---- vocabulary (written for this generator) ------------------------------------------
_SYL_A = ["Ra", "Su", "Wi", "Har", "Dar", "Ban", "Teg", "Mar", "Ar", "Yu", "Ka", "Li", "Se", "Pra",
          "No", "In", "Gu", "Ju", "Ha", "Ti", "Pu", "Ro", "Sa", "We", "Ma"]
_SYL_B = ["ni", "to", "ya", "wan", "di", "sa", "ra", "ti", "mo", "ko", "lan", "ga", "ri", "nu", "ta"]
_SYL_C = ["to", "ni", "wati", "yanto", "sih", "man", "dra", "sari", "tomo", "jaya", "no", "di", "ra",
          "ningsih", "wan"]
_DEGREES = ["", "", "", "Dr. ", "Ir. ", "Drs. ", "H. ", "Hj. ", "Prof. Dr. "]
_SUFFIX_DEGREES = ["", "", "", ", S.Sos", ", M.Si", ", MM", ", S.H., M.H.", ", ST, MT"]

_PLACES = ["Malang", "Surabaya", "Semarang", "Bandung", "Balikpapan", "Makassar", "Padang", "Medan",
           "Pontianak", "Kupang", "Ambon", "Jayapura", "Mataram", "Manado", "Palembang", "Bogor",
           "Yogyakarta", "Denpasar", "Banjarmasin", "Kendari"]
_PROVINCES = ["Jawa Timur", "Jawa Tengah", "Jawa Barat", "Kalimantan Timur", "Sulawesi Selatan",
              "Sumatera Barat", "Sumatera Utara", "Kalimantan Barat", "Nusa Tenggara Timur", "Maluku"]
# (title, agency) pairs of the central government
_CENTRAL = [
    ("Menteri PANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPANRB"),
    ("Deputi Bidang Reformasi Birokrasi", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
     "KemenPANRB"),
    ("Kepala Badan Kepegawaian Negara", "Badan Kepegawaian Negara", "BKN"),
    ("Deputi Bidang Pengawasan dan Pengendalian", "Badan Kepegawaian Negara", "BKN"),
    ("Ketua Komisi Aparatur Sipil Negara", "Komisi Aparatur Sipil Negara", "KASN"),
    ("Kepala Lembaga Administrasi Negara", "Lembaga Administrasi Negara", "LAN"),
    ("Anggota Ombudsman Republik Indonesia", "Ombudsman Republik Indonesia", "ORI"),
    ("Direktur Jenderal Otonomi Daerah", "Kementerian Dalam Negeri", "Kemendagri"),
    ("Ketua Bawaslu", "Badan Pengawas Pemilihan Umum", "Bawaslu"),
]
_LOCAL_TITLES = ["Wali Kota", "Wakil Wali Kota", "Sekretaris Daerah Kota", "Penjabat Wali Kota",
                 "Kepala BKPSDM Kota", "Kepala Dinas Komunikasi dan Informatika Kota", "Inspektur Kota"]
_POLICIES = [("Reformasi Birokrasi", "RB"), ("Sistem Akuntabilitas Kinerja Instansi Pemerintah", "SAKIP"),
             ("Zona Integritas", "ZI"), ("Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
             ("sistem merit", None), ("netralitas ASN", None), ("Mal Pelayanan Publik", "MPP"),
             ("Wilayah Bebas dari Korupsi", "WBK"), ("manajemen talenta", None),
             ("Indeks Reformasi Birokrasi", None)]
_EVENTS = ["Rapat Koordinasi Pengawasan Netralitas ASN", "Sosialisasi Sistem Merit",
           "Penganugerahan Zona Integritas", "Apel Pagi", "Rapat Koordinasi Nasional Reformasi Birokrasi",
           "Bimbingan Teknis SAKIP", "Forum Konsultasi Publik", "Evaluasi Reformasi Birokrasi",
           "Pelatihan Kepemimpinan Administrator", "Seminar Nasional Pelayanan Publik"]
_VENUES = ["Balai Kota", "Hotel Grand Mandala", "Aula Pendopo", "Gedung Serbaguna", "Ruang Rapat Utama"]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"]
_SITES = ["Warta Birokrasi", "Kabar Daerah", "Suara ASN", "Berita Pemerintahan"]
_CUE_AFTER = ["jelas", "kata", "ujar", "ungkap", "tutur", "imbuh"]
_CUE_PRON = ["urainya", "pungkasnya", "jelasnya", "katanya", "ujarnya", "tambahnya", "bebernya"]
_CUE_BEFORE = ["mengatakan", "menegaskan", "menjelaskan", "menyampaikan"]

_QUOTE_BODIES = [
    "Kami ingin {policy} tidak berhenti sebagai dokumen, tetapi menjadi cara kerja sehari-hari di setiap "
    "perangkat daerah",
    "Pelayanan kepada masyarakat harus cepat, mudah dan transparan, dan itu hanya bisa dicapai kalau "
    "semua ASN bergerak bersama",
    "Capaian {policy} tahun ini menunjukkan perbaikan, namun masih banyak pekerjaan rumah yang harus "
    "kita selesaikan sebelum akhir tahun",
    "Saya minta seluruh kepala perangkat daerah memberi contoh, karena perubahan dimulai dari pimpinan",
    "Setiap pelanggaran akan kami tindak sesuai aturan, tidak ada toleransi untuk penyalahgunaan wewenang",
    "Data kepegawaian yang rapi adalah dasar dari {policy} yang adil dan terukur",
    "Inovasi tidak harus mahal, yang penting bermanfaat dan bisa dirasakan langsung oleh warga",
    "Kita harus memastikan anggaran digunakan untuk program yang benar-benar dibutuhkan masyarakat",
]
_REPORTED = [
    "{policy} menjadi prioritas pemerintah daerah dalam dua tahun ke depan",
    "seluruh ASN wajib menjaga netralitas menjelang pemilihan umum",
    "evaluasi kinerja akan dilakukan setiap triwulan dengan melibatkan inspektorat",
    "penerapan {policy} harus diikuti dengan pengawasan yang konsisten",
    "pelayanan publik yang baik lahir dari birokrasi yang bersih dan melayani",
]
_FILLER = [
    "Kegiatan tersebut diikuti oleh para kepala perangkat daerah, camat dan lurah se-{place}.",
    "Dalam kesempatan itu juga dipaparkan hasil survei kepuasan masyarakat terhadap layanan administrasi "
    "kependudukan, perizinan dan kesehatan.",
    "Pemerintah daerah menargetkan seluruh unit layanan memenuhi standar pelayanan minimal pada akhir tahun.",
    "Sejumlah unit kerja telah mengajukan diri untuk dinilai dalam pembangunan {policy}.",
    "Para peserta juga berdiskusi mengenai tantangan digitalisasi layanan dan keamanan data pribadi warga.",
    "Hasil evaluasi tahun sebelumnya menjadi bahan perbaikan bagi setiap organisasi perangkat daerah.",
    "Acara ditutup dengan penandatanganan pakta integritas oleh seluruh pejabat yang hadir.",
    "Selain itu, pemerintah daerah membuka kanal pengaduan yang dapat diakses masyarakat selama 24 jam.",
    "Laporan yang masuk akan ditindaklanjuti dalam waktu paling lama tiga hari kerja.",
    "Penguatan kapasitas aparatur dilakukan melalui pelatihan berjenjang dan pendampingan dari instansi pusat.",
    "Beberapa inovasi daerah juga dipamerkan kepada tamu undangan yang hadir di lokasi.",
    "Masyarakat diharapkan ikut mengawasi jalannya pelayanan dan menyampaikan masukan secara terbuka.",
]


def _name(rnd: random.Random) -> tuple[str, str]:
    """(full name, short name) made from syllables; never a real person's name on purpose."""
    first = rnd.choice(_SYL_A) + rnd.choice(_SYL_B) + rnd.choice(_SYL_C)
    last = rnd.choice(_SYL_A) + rnd.choice(_SYL_C)
    return f"{first} {last}", first


def _date(rnd: random.Random) -> tuple[str, int, int, int]:
    y, m, d = rnd.randint(2019, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    return rnd.choice(_DAYS), d, m, y


def file_name(seed: int, i: int) -> str:
    """The file name of article ``i`` (unique per seed and index)."""
    return f"s{seed}_{i:07d}.txt"


def article(seed: int, i: int) -> str:
    """The text of article ``i`` of the corpus with ``seed`` (deterministic)."""
    rnd = random.Random(f"kg-bench:{seed}:{i}")
    place = rnd.choice(_PLACES)
    prov = rnd.choice(_PROVINCES)
    central_title, central_agency, central_acr = rnd.choice(_CENTRAL)
    local_title, other_title = rnd.sample(_LOCAL_TITLES, 2)
    p1, s1 = _name(rnd)
    p2, s2 = _name(rnd)
    p3, s3 = _name(rnd)
    pol_long, pol_acr = rnd.choice(_POLICIES)
    pol2_long, _ = rnd.choice(_POLICIES)
    event = rnd.choice(_EVENTS)
    venue = f"{rnd.choice(_VENUES)} {place}"
    day, d, m, y = _date(rnd)
    target = rnd.randint(300, 800)
    pol_first = f"{pol_long} ({pol_acr})" if pol_acr else pol_long
    pol_ref = pol_acr or pol_long

    def fill(s: str) -> str:
        return s.format(policy=rnd.choice([pol_ref, pol2_long]), place=place)

    title = rnd.choice([
        f"{local_title} {place} Dorong ASN Perkuat {pol_long}",
        f"{central_acr} Gelar {event} di {place}",
        f"Pemkot {place} Komitmen Terapkan {pol_long}",
        f"{event}, {local_title} {place} Ajak Jajaran Tingkatkan Pelayanan",
    ])
    lead = (f"{place.upper()}, {rnd.choice(_SITES)} - Pemerintah Kota (Pemkot) {place} terus memperkuat "
            f"penerapan {pol_first} di seluruh perangkat daerah. Hal tersebut disampaikan {local_title} "
            f"{place} {rnd.choice(_DEGREES)}{p1}{rnd.choice(_SUFFIX_DEGREES)} saat membuka {event} di "
            f"{venue}, {day} ({d}/{m}/{y}).")
    second = (f"Kegiatan yang digelar bersama {central_agency} ({central_acr}) itu juga menghadirkan "
              f"{central_title} {p2}, serta perwakilan Pemerintah Provinsi {prov}.")
    paras = [lead, second]
    quotes = [
        # “...,” jelas X.
        lambda: f"“{fill(rnd.choice(_QUOTE_BODIES))},” {rnd.choice(_CUE_AFTER)} {s1}.",
        # “...,” urainya.
        lambda: f"“{fill(rnd.choice(_QUOTE_BODIES))}. {fill(rnd.choice(_QUOTE_BODIES))},” "
                f"{rnd.choice(_CUE_PRON)}.",
        # X mengatakan, “...”
        lambda: f"{central_title} {p2} {rnd.choice(_CUE_BEFORE)}, “{fill(rnd.choice(_QUOTE_BODIES))}.”",
        # Menurutnya, ...
        lambda: f"Menurutnya, {fill(rnd.choice(_REPORTED))}.",
        # X mengatakan bahwa ...
        lambda: f"{s2} mengatakan bahwa {fill(rnd.choice(_REPORTED))}.",
        # a quote split around "tegasnya"
        lambda: f"“{fill(rnd.choice(_QUOTE_BODIES))},” tegasnya. “{fill(rnd.choice(_QUOTE_BODIES))}.”",
        # a third official, cue after with full title
        lambda: f"Sementara itu, {other_title} {place}, {p3}, menyampaikan, "
                f"“{fill(rnd.choice(_QUOTE_BODIES))}.”",
        lambda: f"“{fill(rnd.choice(_QUOTE_BODIES))},” kata {s3}.",
    ]
    words = len(title.split()) + sum(len(p.split()) for p in paras) + 7  # and the byline
    k = 0
    while words < target:
        if k % 2 == 0:
            para = quotes[rnd.randrange(len(quotes))]()
        else:
            para = " ".join(fill(rnd.choice(_FILLER)) for _ in range(rnd.randint(1, 3)))
        if words + len(para.split()) > 800 and words >= 300:
            break
        paras.append(para)
        words += len(para.split())
        k += 1
    byline = f"Penulis: {_name(rnd)[0]} | Editor: {_name(rnd)[0]}"
    return "\n\n".join([title, *paras, byline]) + "\n"


def write_corpus(folder: str | os.PathLike, count: int, seed: int = 1, start: int = 0,
                 per_folder: int = 1000) -> list[Path]:
    """Write articles ``start .. count-1`` under ``folder`` (sub-folders of ``per_folder`` files)."""
    folder = Path(folder)
    paths = []
    for i in range(start, count):
        sub = folder / f"{i // per_folder:04d}"
        if i % per_folder == 0 or i == start:
            sub.mkdir(parents=True, exist_ok=True)
        p = sub / file_name(seed, i)
        p.write_text(article(seed, i), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/gen_corpus.py /tmp/corpus --count 2000 --seed 1")
    ap.add_argument("folder")
    ap.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="first article index to write (default 0)")
    a = ap.parse_args(argv)
    paths = write_corpus(a.folder, a.count, a.seed, a.start)
    print(f"wrote {len(paths)} articles to {a.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
