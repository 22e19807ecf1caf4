"""Web inputs: WARC archives, URL lists and RSS/Atom feeds, fetched politely from a local
HTTP server on 127.0.0.1 (pages written here, names invented) and cached on disk."""
from __future__ import annotations

import io
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli import main
from kg.ingest import read_file
from kg.web import USER_AGENT, Fetcher, feed_links, is_url_list

STORY = ["Kepala Dinas Kominfo Kota Antah, Rudi Wiranto, membuka pelatihan pegawai pada Senin pagi di balai kota.",
         "Rudi Wiranto mengatakan pelatihan itu diikuti seratus pegawai dari dua puluh kantor di kota tersebut.",
         "“Kami ingin setiap pegawai paham cara melayani warga dengan cepat dan ramah,” ujar Rudi."]


def page(n, canonical: str | None = None) -> bytes:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p.replace('pelatihan', f'pelatihan ke-{n}')}</p>" for p in STORY)
    return (f"<!doctype html><html><head><title>Berita {n}</title>{head}"
            f'<meta property="og:site_name" content="Kabar Antah"></head><body><nav><a href="/">Beranda</a></nav>'
            f"<div class=isi><h1>Pelatihan Pegawai ke-{n}</h1>{body}</div></body></html>").encode("utf-8")


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Berita {i}</title><link>{base}{p}</link></item>" for i, p in enumerate(paths))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Antah</title><link>{base}/</link>'
            f"<description>x</description>{items}</channel></rss>").encode("utf-8")


class Site:
    """A small site: pages, robots.txt, a feed, a 404, a PNG and a page failing once with 503."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.agents: set[str] = set()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.hits[self.path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                status, ctype, body = site.route(self.path)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def route(self, path: str) -> tuple[int, str, bytes]:
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /rahasia/\n"
        if path in ("/a.html", "/b.html", "/rahasia/c.html"):
            return 200, html, page(path[-6], f"https://kabar-antah.example{path}" if path == "/b.html" else None)
        if path == "/flaky.html":
            return (503, "text/plain", b"sibuk") if self.hits[path] == 1 else (200, html, page(7))
        if path == "/mati.html":
            return 503, "text/plain", b"sibuk"
        if path == "/feed.xml":
            return 200, "application/rss+xml", rss(self.base, ["/a.html", "/b.html"])
        if path == "/foto.png":
            return 200, "image/png", b"\x89PNG\r\n\x1a\n"
        return 404, "text/plain", b"tidak ada"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_FETCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_FETCH_DELAY", "0")
    s = Site()
    yield s
    s.close()


def outcomes(path):
    return {o.source.split("#")[1].split(" ")[0]: o for o in read_file(path)}


def test_a_url_list_is_fetched_politely_and_cached(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# berita minggu ini\n{site.base}/a.html\n\n{site.base}/b.html\n{site.base}/rahasia/c.html\n"
                    f"{site.base}/hilang.html\n{site.base}/foto.png\n", encoding="utf-8")
    got = outcomes(urls)
    a, b = got["2"].article, got["4"].article
    assert a.source == "urls.txt#2" and "pelatihan ke-a" in a.text and a.url == f"{site.base}/a.html"
    assert b.url == f"{site.base}/b.html" and b.site == "Kabar Antah"   # where it was read, not its canonical
    assert a.retrieved and a.retrieved.endswith("Z")
    assert "robots.txt forbids" in got["5"].reason and "/rahasia/c.html" not in site.hits
    assert "HTTP status 404" in got["6"].reason and "not HTML (image/png)" in got["7"].reason
    assert site.agents == {USER_AGENT}
    before = sum(site.hits.values())
    again = outcomes(urls)                        # a rebuild: pages come from the cache
    assert again["2"].article.text == a.text
    assert sum(site.hits.values()) - before == 2  # robots.txt and the 404: answers that failed are not kept


def test_feeds_give_their_entries(site, tmp_path):
    (tmp_path / "feeds.txt").write_text(f"{site.base}/feed.xml\n", encoding="utf-8")
    got = outcomes(tmp_path / "feeds.txt")
    assert sorted(got) == ["1.1", "1.2"] and all(o.article for o in got.values())
    (tmp_path / "kabar.rss").write_bytes(rss(site.base, ["/b.html", "/hilang.html"]))
    got = outcomes(tmp_path / "kabar.rss")
    assert got["1"].article.url == f"{site.base}/b.html" and "404" in got["2"].reason


def test_retries_with_back_off_then_gives_up(site, tmp_path):
    f = Fetcher(tmp_path / "c", delay=0, backoff=0.01, retries=2)
    assert b"pelatihan ke-7" in f.get(f"{site.base}/flaky.html").data and site.hits["/flaky.html"] == 2
    with pytest.raises(Exception, match="HTTP status 503"):
        f.get(f"{site.base}/mati.html")
    assert site.hits["/mati.html"] == 3                  # one try and two retries
    f = Fetcher(tmp_path / "c2", delay=0, backoff=0.01, retries=1, timeout=2)
    with pytest.raises(Exception, match="robots.txt could not be read"):
        f.get("http://127.0.0.1:9/tidak-ada.html")   # nothing listens on the discard port


@pytest.mark.parametrize("text,is_list", [
    ("https://a.example/1\nhttp://b.example/2?x=1\n", True),
    ("# daftar\n\nhttps://a.example/1\n", True),
    ("https://a.example/1\nIsi berita biasa.\n", False),
    ("Kepala dinas membuka acara di https://a.example/1", False),
    ("# hanya komentar\n", False),
    ("ftp://a.example/1\n", False),
])
def test_a_txt_file_is_a_url_list_only_when_every_line_is_a_url(text, is_list):
    assert is_url_list(text) is is_list


def test_feed_links_reads_rss_and_atom_and_refuses_other_xml():
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
            b'<entry><title>e</title><link href="https://a.example/1"/></entry></feed>')
    assert feed_links(rss("https://a.example", ["/1", "/2"])) == ["https://a.example/1", "https://a.example/2"]
    assert feed_links(atom) == ["https://a.example/1"]
    assert feed_links(b"<html><body><p>bukan feed</p></body></html>") is None


def warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("x.warc.gz", {"software": "test"}))

    def response(uri, status, ctype, body, date):
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                   warc_headers_dict={"WARC-Date": date})
        w.write_record(rec)

    response("https://kabar-antah.example/a.html", "200 OK", "text/html; charset=utf-8", page(1),
             "2024-03-04T01:02:03Z")
    w.write_record(w.create_warc_record("https://kabar-antah.example/a.html", "request",
                                        payload=io.BytesIO(b"GET /a.html HTTP/1.1\r\n\r\n")))
    response("https://kabar-antah.example/foto.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n",
             "2024-03-04T01:02:04Z")
    response("https://kabar-antah.example/hilang", "404 Not Found", "text/html", b"<p>tidak ada</p>",
             "2024-03-04T01:02:05Z")
    response("https://kabar-antah.example/b.html", "200 OK", "text/html", page(2), "2024-03-05T06:07:08Z")
    return buf.getvalue()


def test_warc_response_records_are_articles_with_uri_and_date(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes())
    got = outcomes(tmp_path / "crawl.warc.gz")
    arts = [o.article for o in got.values() if o.article]
    assert [(a.url, a.retrieved) for a in arts] == [("https://kabar-antah.example/a.html", "2024-03-04T01:02:03Z"),
                                                     ("https://kabar-antah.example/b.html", "2024-03-05T06:07:08Z")]
    reasons = sorted(o.reason for o in got.values() if o.reason)
    assert reasons == ["HTTP status 404, not a page", "not HTML (image/png)"]   # warcinfo, request: not documents
    (tmp_path / "rusak.warc").write_bytes(b"bukan arsip WARC sama sekali\n" * 5)
    assert "not a WARC archive" in next(read_file(tmp_path / "rusak.warc")).reason


def test_build_from_warc_puts_every_url_in_the_graph(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(warc_bytes())
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-page"])
    assert res.exit_code == 1, res.output   # two records skipped, with their reasons
    assert "not HTML (image/png)" in res.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    urls = {str(u) for u in g.objects(None, g.namespace_manager.expand_curie("schema:url"))}
    assert urls == {"https://kabar-antah.example/a.html", "https://kabar-antah.example/b.html"}


# ---- the fuzzer over the new readers: any bytes give pages or reasons, never an exception
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.web import warc_payloads  # noqa: E402

_FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_WARC = warc_bytes()


@settings(max_examples=150, **_FUZZ)
@given(cut=st.integers(0, len(_WARC)), junk=st.binary(max_size=40), plain=st.booleans())
def test_a_damaged_warc_gives_pages_or_reasons(cut, junk, plain):
    import gzip

    data = (gzip.decompress(_WARC) if plain else _WARC)[:cut] + junk
    for p in warc_payloads(io.BytesIO(data)):
        assert (p.data is None) != (p.reason is None)


@settings(max_examples=150, **_FUZZ)
@given(data=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                      st.sampled_from([rss("https://a.example", ["/1"])]).map(lambda b: b[:120])))
def test_feed_links_never_raises(data):
    links = feed_links(data)
    assert links is None or all(u.startswith(("http://", "https://")) for u in links)


@settings(max_examples=200, **_FUZZ)
@given(text=st.text(max_size=120))
def test_url_list_test_never_raises(text):
    assert isinstance(is_url_list(text), bool)


@pytest.mark.parametrize("total,n,seconds,shown", [
    (10, 5, 5.0, "x [###############...............] 5/10 1.0/s ETA 0:05"),
    (None, 4, 2.0, "x 4 2.0/s"),
    (10, 0, 1.0, "x [..............................] 0/10"),     # no rate yet: no rate, no ETA
])
def test_progress_line_shows_rate_and_eta(total, n, seconds, shown, monkeypatch):
    from kg import log

    bar = log.Progress(total, "x")
    bar.n = n
    monkeypatch.setattr(log.time, "monotonic", lambda: bar._start + seconds)
    assert bar._line() == shown


def test_build_from_a_url_list_and_a_feed_puts_every_url_in_the_graph(site, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "urls.txt").write_text(f"{site.base}/a.html\n{site.base}/feed.xml\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-page"])
    assert res.exit_code == 0, res.output
    assert "copies of them kept as sources: 1" in res.output   # a.html again, as the feed's first entry
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    url = g.namespace_manager.expand_curie("schema:url")
    from kg.ns import KG

    docs = {str(g.value(d, url)) for d in g.subjects(RDF.type, KG.Document)}
    copies = {str(g.value(c, url)) for c in g.subjects(RDF.type, KG.Copy)}
    assert docs == {f"{site.base}/a.html", f"{site.base}/b.html"} and copies == {f"{site.base}/a.html"}


def test_a_url_that_cannot_be_used_is_skipped_with_the_reason(site, tmp_path):
    (tmp_path / "urls.txt").write_text(f"http://[zz/a.html\n{site.base}/a.html\n", encoding="utf-8")
    got = outcomes(tmp_path / "urls.txt")
    assert "not a usable URL" in got["1"].reason and got["2"].article is not None
