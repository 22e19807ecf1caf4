"""The mention scanner skips a token only where none of its scanners can start (kg.nlp.mentions._may_start):
on the seeds, on generated articles and on sentences written here, every token gives the same mentions
with the skip and without it. A new scanner that starts from a word the skip does not know fails here."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: sentences that start mentions from words with no gazetteer hit (invented names and places)
WRITTEN = [
    "Pemerintah Desa Sukamaju dan Pemdes Karangsari menggelar rapat di Balai Desa.",
    "Kepala Biro Organisasi Setda Provinsi Jawa Tengah hadir bersama Bagian Hukum.",
    "Kementrian Pendayagunaan Aparatur Negara dan Reformsai Birokrasi kemarin menilai Dinas Sosial, "
    "Pemberdayaan Masyarakat dan Desa.",
    "Tim Penilai Mandiri (TPM) Wilayah Bebas Korupsi dan Satgas Netralitas ASN bekerja di Sungai "
    "Rampah dan Batu Gajah.",
    "Warga datang ke Sofifi pada akhir Mei, lalu ke Wamena, Papua Pegunungan.",
    "Sesuai undang-undang ASN dan aplikasi SIDAK, Piagam Pencanangan Zona Integritas ditandatangani.",
    "Peraturan Bupati Nomor 12 Tahun 2024 tentang Budaya Kerja mendukung program Kampung Digital.",
    "Indonesia dan Itjen Kemendagri memantau e-SAKIP di Kabupaten Sleman.",
    "Bantuan sampai ke warga Sukamaju atau Karangsari, juga kecamatan terpencil seperti Wanareja.",
]


def _docs(extractor):
    from kg.layout import parse_article
    from kg.nlp.normalize import for_pipeline

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + WRITTEN
    sys_path = str(ROOT / "bench")
    sys.path.insert(0, sys_path)
    try:
        import gen_corpus

        texts += [gen_corpus.article(3, k) for k in range(6)]
    finally:
        sys.path.remove(sys_path)
    for n, text in enumerate(texts):
        seen, _ = for_pipeline(parse_article(f"t{n}.txt", text))
        yield text[:40], extractor.nlp(seen.masked_text()), seen


def test_skipped_tokens_start_no_mention(extractor, monkeypatch):
    import kg.nlp.mentions as mentions
    from kg.nlp.context import build_context

    checked = 0
    for name, doc, article in _docs(extractor):
        ctx = build_context(doc, article)
        for i in range(len(doc)):
            if mentions._may_start(ctx, i):
                continue
            with monkeypatch.context() as m:
                m.setattr(mentions, "_may_start", lambda ctx, i: True)
                whole = mentions._mentions_at(ctx, i)
            assert whole == (i + 1, []), (name, i, ctx.texts[i])
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("text, word, other", [
    ("Budi hadir di Pendopo Agung.", "Pendopo", "Budi"),       # a venue head: a gazetteer hit
    ("Ia tinggal di Sukamaju sejak Rabu.", "Sukamaju", "Rabu"),  # a town after "di"
    ("Pemkab memuji Ani sore itu.", "Pemkab", "Ani"),          # a government
])
def test_words_that_start_mentions_are_not_skipped(extractor, text, word, other):
    from kg.layout import parse_article
    from kg.nlp.context import build_context
    from kg.nlp.mentions import _may_start

    doc = extractor.nlp(text)
    ctx = build_context(doc, parse_article("t.txt", text))
    assert _may_start(ctx, ctx.texts.index(word))
    assert not _may_start(ctx, ctx.texts.index(other))
