"""Every input kind of issue #7, each with its exact outcome: built, skipped with
that reason, or refused. Names in the texts are invented."""
from __future__ import annotations

import builtins
import codecs
import json
import logging
import os
import time
from pathlib import Path

import pytest

from kg.build.read import Reader, read_all
from kg.build.report import BuildReport
from kg.ingest import MAX_BYTES, MAX_CHARS, read_file

HEAD = "Pemkot Malang Percepat Reformasi Birokrasi Tahun Ini\n\n"
BODY = ("MALANG - Kepala Dinas Kominfo Budi Santoso hadir di Balai Kota pada Senin (12/2/2024).\n\n"
        "Budi Santoso mengatakan, “Kami akan terus memperbaiki pelayanan publik bagi semua warga.”\n\n"
        "“Semua pegawai wajib hadir tepat waktu setiap hari kerja,” ujar Budi.\n")
ARTICLE = HEAD + BODY


def article(i: int = 0) -> str:
    """A distinct article (different text, so not a duplicate of another)."""
    return ARTICLE + f"\nRapat koordinasi ke-{i} berlangsung lancar.\n"


def read(*paths) -> tuple[list, BuildReport]:
    report = BuildReport()
    return read_all(list(paths), report), report


def skipped(report: BuildReport) -> dict[str, str]:
    return {Path(p.split("#")[0]).name + ("#" + p.split("#")[1] if "#" in p else ""): why
            for p, why in report.skipped}


def one(tmp_path: Path, name: str, data: bytes | str):
    """Read a folder holding a good article and ``name``: (articles, report, outcome of name)."""
    (tmp_path / "good.txt").write_text(article(99), encoding="utf-8")
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    arts, report = read(tmp_path)
    assert str(tmp_path / "good.txt") in report.read  # never lose the rest
    return arts, report, skipped(report).get(name)


# ---------------------------------------------------------------- empty

@pytest.mark.parametrize("name,data,reason", [
    ("zero.txt", b"", "empty file (0 bytes)"),
    ("spaces.txt", b" \t\n\r\n  \n", "empty document (whitespace only)"),
    ("unicode-spaces.txt", "\u00a0\u3000\u2003\n".encode(), "empty document (whitespace only)"),
    ("bom-only.txt", codecs.BOM_UTF8 + b"\n", "empty document (whitespace only)"),
    ("zero.md", b"", "empty file (0 bytes)"),
    ("spaces.md", b"   \n\n", "empty document (whitespace only)"),
    ("zero.html", b"", "empty file (0 bytes)"),
    ("markup-only.html", b"<html><body><nav>Beranda</nav><script>x()</script></body></html>",
     "no article text in the page (only markup, scripts, navigation or a body too short)"),
    ("zero.jsonl", b"", "empty file (no JSON lines)"),
    ("blank-lines.jsonl", b"\n  \n\n", "empty file (no JSON lines)"),
    ("punctuation.txt", "… — “” .,;\n".encode(), "no words (not one letter or digit)"),
])
def test_empty_and_whitespace_only_documents_are_skipped(tmp_path, name, data, reason):
    arts, report, why = one(tmp_path, name, data)
    assert why == reason
    assert len(arts) == 1


def test_a_jsonl_line_with_blank_text_is_skipped_alone(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": "  \n "}) + "\n" + json.dumps({"text": article(1)}) + "\n", encoding="utf-8")
    arts, report = read(p)
    assert skipped(report) == {"feed.jsonl#1": "empty document (whitespace only)"}
    assert [a.source for a in arts] == ["feed.jsonl#2"]


# ---------------------------------------------------------------- binary

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize("data,reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (a PDF document), not text"),
    (PNG, "binary file (a PNG image), not text"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary file (a JPEG image), not text"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "binary file (a GIF image), not text"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "binary file (a ZIP archive, DOCX or EPUB), not text"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary file (gzip-compressed data), not text"),
    (bytes(range(256)) * 4, "binary data (108 control bytes in 1,024), not text"),
    (bytes(range(32)) * 10 + b"abc", "binary data (270 control bytes in 323), not text"),
])
def test_binary_files_renamed_txt_are_skipped(tmp_path, data, reason):
    _, _, why = one(tmp_path, "renamed.txt", data)
    assert why == reason


# ---------------------------------------------------------------- encodings

def test_cp1252_is_detected_read_and_warned_about(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    arts, report, why = one(tmp_path, "cp1252.txt", ARTICLE.encode("cp1252"))
    assert why is None
    art = next(a for a in arts if a.source == "cp1252.txt")
    assert art.text == ARTICLE  # curly quotes (0x93/0x94 in cp1252) decoded right
    assert "decoded as cp1252: not UTF-8 (byte 0x93 at offset" in caplog.text and "cp1252.txt" in caplog.text


def test_latin1_text_is_read_as_cp1252_with_the_same_letters(tmp_path):
    text = HEAD + "MALANG - Café « résumé » di Balai Kota, kata Señor Budi Santoso.\n"
    arts, _, why = one(tmp_path, "latin1.txt", text.encode("latin-1"))
    assert why is None
    assert next(a for a in arts if a.source == "latin1.txt").text == text


@pytest.mark.parametrize("name,data,reason", [
    ("koi8.txt", "Привет, как дела? Это русский текст в кодировке КОИ-8.".encode("koi8_r"),
     "not text in a known encoding: not UTF-8 (byte 0xf0 at offset 0); as cp1252 89% of it would be non-ASCII"),
    ("undefined.txt", b"Teks dengan byte \x81 yang tidak ada di cp1252 \xe9",
     "not text in a known encoding: not UTF-8 (byte 0x81 at offset 17), nor cp1252 (byte 0x81 at offset 17)"),
    ("utf16-no-bom.txt", "Teks tanpa penanda urutan byte.".encode("utf-16-le"),
     "binary data or UTF-16 without a byte order mark (31 NUL bytes in 62), not text"),
])
def test_other_encodings_are_refused_with_the_reason(tmp_path, name, data, reason):
    _, _, why = one(tmp_path, name, data)
    assert why == reason


def test_html_charset_declaration_is_honoured(tmp_path):
    page = ('<html><head><meta charset="windows-1252"><title>Judul</title></head><body><article>'
            f'<p>{BODY}</p></article></body></html>')
    arts, _, why = one(tmp_path, "page.html", page.encode("cp1252"))
    assert why is None
    assert "“Kami akan terus" in next(a for a in arts if a.source == "page.html").text


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_a_byte_order_mark_is_honoured_and_dropped(tmp_path, bom, codec):
    arts, _, why = one(tmp_path, "bom.txt", bom + ARTICLE.encode(codec))
    assert why is None
    art = next(a for a in arts if a.source == "bom.txt")
    assert art.text == ARTICLE and not art.text.startswith("\ufeff")
    assert art.title == "Pemkot Malang Percepat Reformasi Birokrasi Tahun Ini"


# ---------------------------------------------------------------- line endings and offsets

@pytest.mark.parametrize("eol", ["\r\n", "\r", "\u2028", "\x85"])
def test_other_line_endings_read_as_newlines_and_offsets_slice_back(tmp_path, extractor, eol):
    (tmp_path / "lf.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_bytes(ARTICLE.replace("\n", eol).encode("utf-8") + b"\n\nSelesai.")
    [lf] = list(read_file(tmp_path / "lf.txt"))
    [other] = list(read_file(tmp_path / "other.txt"))
    assert "\r" not in other.article.text and other.article.text.startswith(ARTICLE)
    a, b = extractor.extract(lf.article), extractor.extract(other.article)
    assert [(q.start, q.end, q.text) for q in a.quotes] == [(q.start, q.end, q.text) for q in b.quotes]
    assert len(b.quotes) == 2
    for q in b.quotes:
        assert other.article.text[q.start:q.end] == q.text
    for e in b.entities:
        for m in e.mentions:
            assert other.article.text[m.start:m.end] == m.text


# ---------------------------------------------------------------- NUL bytes

def test_a_few_nul_bytes_become_replacement_characters_in_place(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    data = ARTICLE.encode("utf-8").replace(b"Senin", b"Sen\x00in", 1).replace(b"Kami", b"\x00Kami", 1)
    arts, _, why = one(tmp_path, "nul.txt", data)
    assert why is None
    text = next(a for a in arts if a.source == "nul.txt").text
    assert "\x00" not in text and text.count("\ufffd") == 2 and "Sen\ufffdin" in text
    assert len(text) == len(ARTICLE) + 2  # one character for each NUL: offsets stay put
    assert "2 control characters (U+0000) replaced by U+FFFD" in caplog.text


def test_mostly_nul_bytes_is_binary_data(tmp_path):
    _, _, why = one(tmp_path, "nuls.txt", b"abc" + b"\x00" * 997)
    assert why == "binary data (997 control bytes in 1,000), not text"


# ---------------------------------------------------------------- size

def test_a_50_mb_file_is_skipped_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write((b"kata birokrasi pemerintah kota " * 1024 + b"\n") * 1700)
    size = big.stat().st_size
    assert size > 50 * 10**6
    t0 = time.perf_counter()
    _, report, _ = one(tmp_path, "small.txt", article(3))
    assert skipped(report) == {"big.txt": f"too large: {size:,} bytes (limit {MAX_BYTES:,})"}
    assert time.perf_counter() - t0 < 10


@pytest.mark.timeout(120)
def test_a_50_mb_jsonl_file_is_streamed_line_by_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": article(1)}) + "\n")
        f.write(json.dumps({"text": "kata " * (21 * 2**20 // 5)}) + "\n")     # over MAX_BYTES
        f.write(json.dumps({"text": "kata " * 40_000}) + "\n")                # 200,000 characters
        f.write(json.dumps({"text": "isi " * (31 * 2**20 // 4)}) + "\n")     # over MAX_BYTES
        f.write(json.dumps({"text": article(2)}) + "\n")
    assert p.stat().st_size > 50 * 10**6
    arts, report = read(p)
    assert [a.source for a in arts] == ["feed.jsonl#1", "feed.jsonl#5"]
    assert skipped(report) == {
        "feed.jsonl#2": f"line too large (more than {MAX_BYTES:,} bytes)",
        "feed.jsonl#3": f"too long: 200,000 characters (limit {MAX_CHARS:,})",
        "feed.jsonl#4": f"line too large (more than {MAX_BYTES:,} bytes)"}


@pytest.mark.timeout(60)
def test_a_1_mb_line_without_punctuation_is_refused_fast(tmp_path):
    line = ("kata birokrasi pemerintah kota malang " * 30_000)[:1_000_000]
    _, _, why = one(tmp_path, "line.txt", line)
    assert why == f"too long: 1,000,000 characters (limit {MAX_CHARS:,})"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("line", [
    pytest.param(("kata birokrasi Budi mengatakan bahwa pemerintah Kota Malang " * 2000)[:MAX_CHARS], id="words"),
    pytest.param("a" * MAX_CHARS, id="one-token"),
    pytest.param(("“" + "kata birokrasi " * 7000)[:MAX_CHARS], id="open-quote"),
])
def test_a_line_at_the_length_limit_without_punctuation_builds(tmp_path, extractor, line):
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    [o] = list(read_file(tmp_path / "line.txt"))
    assert o.article is not None and len(o.article.text) == MAX_CHARS
    r = extractor.extract(o.article)
    for q in r.quotes:
        assert o.article.text[q.start:q.end] == q.text


def test_max_chars_is_within_the_pipeline_limit(extractor):
    assert MAX_CHARS <= extractor.nlp.max_length


# ---------------------------------------------------------------- quotation marks

def test_unbalanced_quotation_marks_never_run_past_their_paragraph(tmp_path, extractor):
    text = (HEAD + "MALANG - Budi Santoso hadir di Balai Kota pada Senin.\n\n"
            "Budi Santoso mengatakan, “Kami akan terus memperbaiki pelayanan tanpa penutup.\n\n"
            "Ada tanda penutup yang yatim” di sini dan tanda lurus \" yang sendirian.\n\n"
            "“Semua pegawai wajib hadir tepat waktu setiap hari kerja,” ujar Budi.\n\n"
            "Paragraf terakhir membuka « dan tidak pernah menutup kutipan ini sama sekali")
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    [o] = list(read_file(tmp_path / "q.txt"))
    r = extractor.extract(o.article)
    direct = [(q.text, q.speaker) for q in r.quotes if q.direct]
    assert ("Semua pegawai wajib hadir tepat waktu setiap hari kerja,", "person:budi-santoso") in direct
    assert ("Kami akan terus memperbaiki pelayanan tanpa penutup.", "person:budi-santoso") in direct
    for q in r.quotes:
        assert "\n" not in q.text and text[q.start:q.end] == q.text


PAIRS = [("„", "“"), ("„", "”"), ("“", "”"), ("«", "»"), ("‹", "›"), ("″", "″"), ('"', '"'), ("‘", "’")]


@pytest.mark.parametrize("open_,close", PAIRS, ids=[o + c for o, c in PAIRS])
def test_every_kind_of_quotation_mark_gives_the_quote_and_its_speaker(tmp_path, extractor, open_, close):
    body = BODY.replace("“", open_).replace("”", close)
    (tmp_path / "q.txt").write_text(HEAD + body, encoding="utf-8")
    [o] = list(read_file(tmp_path / "q.txt"))
    r = extractor.extract(o.article)
    got = [(q.text, q.direct, q.speaker) for q in r.quotes]
    assert got == [("Kami akan terus memperbaiki pelayanan publik bagi semua warga.", True, "person:budi-santoso"),
                   ("Semua pegawai wajib hadir tepat waktu setiap hari kerja,", True, "person:budi-santoso")]
    for q in r.quotes:
        assert o.article.text[q.start:q.end] == q.text


def test_the_cue_after_a_low_high_quotation_is_found(tmp_path, extractor):
    (tmp_path / "q.txt").write_text(HEAD + BODY.replace("“", "„").replace("”", "“"), encoding="utf-8")
    [o] = list(read_file(tmp_path / "q.txt"))
    assert [q.cue for q in extractor.extract(o.article).quotes] == ["mengatakan", "ujar"]


@pytest.mark.parametrize("open_,close", [("«", "»"), ("‹", "›"), ("″", "″")])
def test_a_quotation_in_the_first_lines_of_an_article_without_headline_is_kept(tmp_path, extractor, open_, close):
    text = f"Budi Santoso mengatakan, {open_}Kami akan terus memperbaiki pelayanan publik bagi semua warga.{close}\n"
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    [o] = list(read_file(tmp_path / "q.txt"))
    assert [q.text for q in extractor.extract(o.article).quotes] == [
        "Kami akan terus memperbaiki pelayanan publik bagi semua warga."]


def test_straight_single_quotes_around_sentences_are_quotations_apostrophes_are_not(tmp_path, extractor):
    (tmp_path / "q.txt").write_text(HEAD + BODY.replace("“", "'").replace("”", "'") + "Hari Jum'at libur, "
                                    "kata Ma'ruf di kantor Dinas Kominfo pada hari itu.\n", encoding="utf-8")
    [o] = list(read_file(tmp_path / "q.txt"))
    r = extractor.extract(o.article)
    assert [(q.text, q.speaker) for q in r.quotes if q.direct] == [
        ("Kami akan terus memperbaiki pelayanan publik bagi semua warga.", "person:budi-santoso"),
        ("Semua pegawai wajib hadir tepat waktu setiap hari kerja,", "person:budi-santoso")]
    for q in r.quotes:
        assert o.article.text[q.start:q.end] == q.text


# ---------------------------------------------------------------- duplicates

def test_the_same_article_under_two_names_is_read_once(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b copy.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c-crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    arts, report = read(tmp_path)
    first = str(tmp_path / "a.txt")
    assert [a.source for a in arts] == ["a.txt"] and report.skipped == []
    assert [(c.source, c.of) for c in report.copies] == [("b copy.txt", first), ("c-crlf.txt", first),
                                                         ("feed.jsonl#1", first)]
    assert "skipped" not in caplog.text   # a copy is another source of the first, not a skip


def test_duplicates_are_found_across_the_calls_of_one_build(tmp_path):
    for n in ("a.txt", "b.txt"):
        (tmp_path / n).write_text(ARTICLE, encoding="utf-8")
    reader, report = Reader(), BuildReport()
    assert len(reader([tmp_path / "a.txt"], report)) == 1
    assert reader([tmp_path / "b.txt"], report) == []
    assert [(c.source, c.of) for c in report.copies] == [("b.txt", str(tmp_path / "a.txt"))]


# ---------------------------------------------------------------- file names

NAMES = ["berita satu.txt", "берита.txt", "新闻.md", "خبر.txt", "line\nbreak.txt", "tab\there.txt",
         "rtl\u202eexe.txt", "quote\"'<>&.txt", "%41%2F.txt"]


def test_file_names_with_spaces_scripts_and_newlines_are_read(tmp_path):
    for i, name in enumerate(NAMES):
        (tmp_path / name).write_text(article(i), encoding="utf-8")
    arts, report = read(tmp_path)
    assert sorted(a.source for a in arts) == sorted(NAMES) and not report.skipped
    report.skipped.append((str(tmp_path / "line\nbreak.txt"), "a reason"))
    text = report.summary(verbose=True)
    assert "line\\nbreak.txt" in text and "rtl\\u202eexe.txt" in text and "\u202e" not in text
    assert len(text.splitlines()) == 4 + len(NAMES) + 1  # one line per document, none forged


def test_one_name_in_many_folders_gives_distinct_sources(tmp_path):
    for i, folder in enumerate(["a/b", "c/b", "d/b", "e"]):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.txt").write_text(article(i), encoding="utf-8")
    arts, _ = read(tmp_path)
    assert [a.source for a in arts] == ["x.txt", "b/x.txt", "d/b/x.txt", "e/x.txt"]


def test_one_name_in_many_folders_builds_separate_documents(tmp_path):
    from rdflib import RDF, Graph

    from kg.build.run import build
    from kg.ns import KG
    from kg.validate import validate

    for i, folder in enumerate(["a/b", "c/b", "d/b"]):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(article(i), encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out", page=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert len(set(g.subjects(RDF.type, KG.Document))) == 3
    ok, text = validate(g)
    assert ok, text


# ---------------------------------------------------------------- many files

@pytest.mark.timeout(300)
def test_a_folder_with_10000_files(tmp_path):
    for i in range(10_000):
        (tmp_path / f"doc{i:05d}.txt").write_text(f"Rapat koordinasi nomor {i} berlangsung di Kota Malang.\n")
    (tmp_path / "doc10000.txt").write_text("Rapat koordinasi nomor 0 berlangsung di Kota Malang.\n")
    arts, report = read(tmp_path)
    assert len(arts) == 10_000 and len(report.read) == 10_000
    assert [(c.source, c.of) for c in report.copies] == [("doc10000.txt", str(tmp_path / "doc00000.txt"))]
    assert len({a.source for a in arts}) == 10_000


# ---------------------------------------------------------------- links and permissions

def test_symlink_loops_are_reported_and_everything_else_read_once(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(article(1), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(article(2), encoding="utf-8")
    os.symlink("..", root / "sub" / "loop")                 # a folder leading back to its parent
    os.symlink("self.txt", root / "self.txt")                # a link to itself
    os.symlink("y.txt", root / "x.txt")                      # two links to each other
    os.symlink("x.txt", root / "y.txt")
    os.symlink("missing.txt", root / "broken.txt")           # a link to nothing
    os.symlink(root / "sub", root / "again")                 # a second route to sub: read once
    arts, report = read(root)
    assert sorted(a.source for a in arts) == ["a.txt", "b.txt"]
    assert skipped(report) == {
        "loop": f"symlink loop (the link leads back to {root})",
        "self.txt": "symlink loop (the link leads back to itself)",
        "x.txt": "symlink loop (the link leads back to itself)",
        "y.txt": "symlink loop (the link leads back to itself)",
        "broken.txt": "broken symlink (its target missing.txt does not exist)"}


def test_a_loop_named_on_the_command_line_is_skipped_not_walked(tmp_path):
    os.symlink(".", tmp_path / "here")
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    arts, report = read(tmp_path / "here", tmp_path / "a.txt")
    assert [a.source for a in arts] == ["a.txt"]
    assert skipped(report) == {"here": f"symlink loop (the link leads back to {tmp_path})"}


def test_an_unreadable_file_is_skipped_with_permission_denied(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(article(1), encoding="utf-8")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # tests run as root, where chmod 000 does not stop reading
        if os.fspath(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    _, report, _ = one(tmp_path, "other.txt", article(2))
    assert skipped(report) == {"locked.txt": "cannot read: permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_by_mode(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(article(1), encoding="utf-8")
    locked.chmod(0)
    try:
        _, report, _ = one(tmp_path, "other.txt", article(2))
        assert skipped(report) == {"locked.txt": "cannot read: permission denied"}
    finally:
        locked.chmod(0o644)


def test_a_pipe_named_txt_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    _, report, _ = one(tmp_path, "x.txt", article(2))
    assert skipped(report) == {"pipe.txt": "not a regular file (a device, socket or pipe)"}
