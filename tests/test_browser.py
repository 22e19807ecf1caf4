"""The page in a real headless Chromium (Debian's chromium through playwright).

Every page is opened from file:// with all other requests recorded and refused.
What the page shows is compared with the saved queries run through ``kg query``.
"""
from __future__ import annotations

import csv
from collections import Counter
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)")]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


tv = _load("kg_test_viz_helpers", ROOT / "tests" / "test_viz.py")


#: Every quote with what the CSV shows of it.
QUOTES = """SELECT ?quote ?text ?direct ?speakerLabel ?date ?source WHERE {
  ?quote a kg:Quote ; kg:text ?text ; kg:isDirect ?direct ; kg:inDocument ?doc . ?doc kg:source ?source .
  OPTIONAL { ?doc kg:date ?date } OPTIONAL { ?quote kg:speaker/kg:label ?speakerLabel } }"""


def kg_query(graph: Path, name: str, **params) -> list[dict]:
    """Rows of a saved query, through the CLI as a user runs it (CSV output)."""
    from kg.cli import main

    args = ["query", str(graph), name, "--format", "csv"]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout)))


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from file:// with what it asked for and what it complained about."""

    def __init__(self, browser, url: str, downloads: bool = False):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=downloads)
        self.page = self.context.new_page()
        self.outside, self.errors, self.dialogs = [], [], []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(url)
        self.page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=120_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def panel_quotes(self) -> list[str]:
        """Texts of every quote in the details panel, after "show more" until all are listed."""
        more = self.page.locator("#kg-details .kg-more").first
        while more.count() and more.is_visible():
            more.click()
        return self.page.locator("#kg-details li.kg-q .kg-quote-text").all_text_contents()

    def rows(self) -> list[str]:
        return self.js("kgPage.rows()")

    def clean(self) -> bool:
        return self.outside == [] and self.errors == [] and self.dialogs == []

    def close(self):
        self.context.close()


@pytest.fixture()
def opened(browser):
    pages = []

    def open_(path, downloads=False):
        o = Opened(browser, path if isinstance(path, str) else Path(path).as_uri(), downloads)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


@pytest.fixture(scope="module")
def seeds_page(browser, seeds_build):
    """One page of the seeds build, shared by the tests that only search, read and call page functions
    (each starts from a search of its own, which sets the panel it reads)."""
    out, _ = seeds_build
    o = Opened(browser, (out / "graph.html").as_uri())
    yield o
    o.close()


def ids(o: Opened, kind: str) -> dict[str, str]:
    """label -> IRI of the page's entities of one type."""
    return o.js("k => Object.fromEntries(kgPage.ents.filter(e => e.type === k).map(e => [e.label, e.id]))", kind)


# ---- the seeds page ---------------------------------------------------------------------------

def test_seeds_page_opens_offline_with_people_agencies_and_topics(opened, seeds_build, seeds_graph):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    shown = set(o.js("kgPage.nodeView.get().map(n => n.kgType)"))
    assert shown == set(tv.viz.SHOWN_TYPES)
    assert o.js("kgPage.nodes.get({filter: n => n.kgType === 'Quote'}).length") == 0  # quotes on demand
    quotes = len(list(seeds_graph.query("PREFIX kg: <https://w3id.org/kgid/ns#> SELECT ?q { ?q a kg:Quote }")))
    assert len(o.rows()) == quotes
    assert o.page.locator("#kg-f-count").text_content().startswith(f"{quotes} quotes")
    assert o.clean()


def test_seeds_labels_do_not_overlap_at_the_default_zoom(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    assert o.js("kgPage.network.getScale()") >= 0.7  # labels at a size that can be read (14 px font)
    # vis-network measures a node's box when it draws it: draw them all, then read the boxes
    boxes = o.js("""() => { const n = kgPage.network, view = [n.getViewPosition(), n.getScale()];
        n.fit({animation: false}); n.redraw();
        const out = n.body.nodeIndices.map(id => { const b = n.getBoundingBox(id);
            return [b.left, b.top, b.right, b.bottom, n.body.nodes[id].labelModule.size.width > 0]; });
        n.moveTo({position: view[0], scale: view[1], animation: false});
        return out; }""")
    assert len(boxes) > 20 and all(b[4] for b in boxes)  # every node has its label
    clash = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if tv.boxes_overlap(a[:4], b[:4])]
    assert clash == []


def test_person_panel_lists_their_quotes_as_kg_query_quotes_by(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    people = ids(o, "Person")
    rows = kg_query(out / "graph.ttl", "quotes_by", person="Wahyu Hidayat")
    assert {r["speakerLabel"] for r in rows} == {"Wahyu Hidayat"} and len(rows) > 5
    o.js("id => kgPage.reveal(id)", people["Wahyu Hidayat"])
    assert o.page.locator("#kg-details h2").first.text_content() == "Wahyu Hidayat"
    got = o.panel_quotes()
    assert sorted(got) == sorted(r["text"] for r in rows)
    dates = o.page.locator("#kg-details li.kg-q .kg-date").all_text_contents()
    assert dates == sorted(dates, reverse=True)  # newest first
    first = o.page.locator("#kg-details li.kg-q").first
    assert "Penjabat Wali Kota Malang" in first.locator(".kg-office").text_content()
    assert re.search(r"\d{3}_[0-9a-f]{16}\.txt", first.text_content())  # the article's source file
    first.locator(".kg-show-sentence").click()
    sentence = first.locator(".kg-context").text_content()
    assert first.locator(".kg-quote-text").text_content() in sentence and first.locator(".kg-context mark").count() == 1
    assert set(o.rows()) == {r["quote"] for r in rows} | set(o.rows())  # the table lists at least their quotes
    assert o.clean()


def test_topic_and_date_filter_equal_kg_query_said_about(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    frm, to = "2024-01-01", "2024-12-31"
    o.page.fill("#kg-f-topic", "Netralitas ASN")
    o.page.dispatch_event("#kg-f-topic", "change")
    o.page.fill("#kg-f-from", frm)
    o.page.dispatch_event("#kg-f-from", "change")
    o.page.fill("#kg-f-to", to)
    o.page.dispatch_event("#kg-f-to", "change")
    rows = kg_query(out / "graph.ttl", "said_about", topic="Netralitas ASN")
    want = {r["quote"] for r in rows if "Netralitas ASN" in r["about"].split("; ") and frm <= r["date"] <= to}
    assert want and set(o.rows()) == want
    shown = o.page.locator("#kg-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.quote)")
    assert set(shown) == want
    bars = o.js("[...document.querySelectorAll('#kg-timeline .kg-bar')].filter(b => !b.classList.contains('kg-out'))"
                ".reduce((n, b) => n + Number(b.dataset.count), 0)")
    assert bars == len(want)
    assert o.clean()


def test_timeline_brush_filters_table_and_graph(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    bars = o.page.locator("#kg-timeline .kg-bar")
    counts = bars.evaluate_all("bs => bs.map(b => [b.dataset.month, Number(b.dataset.count)])")
    busy = [i for i, (_, n) in enumerate(counts) if n]
    a, b = busy[-2], busy[-1]
    bars.nth(a).hover()
    o.page.mouse.down()
    bars.nth(b).hover()
    o.page.mouse.up()
    assert o.page.input_value("#kg-f-from") == counts[a][0] + "-01"
    assert o.page.input_value("#kg-f-to").startswith(counts[b][0])
    dates = o.js("kgPage.rows().map(id => kgPage.quoteDate(id))")
    assert len(dates) == sum(n for _, n in counts[a:b + 1]) and all(counts[a][0] <= d[:7] <= counts[b][0] for d in dates)
    assert o.js("kgPage.nodeView.length") < o.js("kgPage.nodes.get({filter: n => kgPage.state.types[n.kgType]}).length")
    assert o.clean()


@pytest.mark.parametrize("typed, group", [("Sekda", "Offices"), ("pj wali kota malang", "Offices"),
                                          ("BKN", "Agencies"), ("netralitas asn", "Policies"),
                                          ("akmal", "People"), ("AKMAL MALIK", "People")])
def test_search_finds_offices_acronyms_and_names_grouped_and_enter_opens_the_best(seeds_page, seeds_build, typed, group):
    out, _ = seeds_build
    o = seeds_page
    o.page.fill("#kg-find", typed)
    groups = o.page.locator("#kg-select optgroup").evaluate_all("gs => gs.map(g => g.label.split(' (')[0])")
    assert group in groups
    best = o.js("q => kgPage.search(q)[0]", typed)
    o.page.press("#kg-find", "Enter")
    assert o.page.locator("#kg-details").get_attribute("data-node") == best["id"]
    heading = o.page.locator("#kg-details h2").first.text_content()
    if group == "Offices":  # the office's holder opens
        holders = kg_query(out / "graph.ttl", "office_holders", office=typed)
        assert best["group"] == "Office" and heading in {r["personLabel"] for r in holders}
        assert o.page.locator("#kg-details").text_content().count("Offices") == 1
    assert o.clean()


def test_accents_and_case_do_not_matter_in_search(seeds_page):
    o = seeds_page
    assert o.js("kgPage.search('AKMÁL MÀLIK')[0].show") == o.js("kgPage.search('akmal malik')[0].show") == "Akmal Malik"
    assert o.js("kgPage.search('zzqx').length") == 0


def test_shared_url_restores_the_view(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    people = ids(o, "Person")
    o.js("id => kgPage.reveal(id)", people["Wahyu Hidayat"])
    o.page.select_option("#kg-f-kind", "direct")
    o.page.fill("#kg-f-q", "ASN")
    o.page.wait_for_function("() => kgPage.state.f.q === 'ASN'")
    o.page.locator("#kg-table th[data-key='speaker']").click()
    o.page.fill("#kg-find", "sekda")
    url = o.js("location.href")
    view = lambda p: p.js("""() => [document.getElementById('kg-details').dataset.node,
        document.querySelector('#kg-details h2').textContent, kgPage.rows(), kgPage.state.f.kind, kgPage.state.f.q,
        kgPage.state.sort, kgPage.state.desc, document.getElementById('kg-find').value,
        document.getElementById('kg-select').options.length, kgPage.nodeView.getIds().sort()]""")
    before = view(o)
    assert "#" in url and before[0] == people["Wahyu Hidayat"] and before[2] and before[3:7] == ["direct", "ASN", "speaker", False]
    again = opened(url)
    assert view(again) == before
    assert again.page.input_value("#kg-f-q") == "ASN" and again.page.input_value("#kg-f-kind") == "direct"
    assert o.clean() and again.clean()


def test_export_csv_equals_the_rows_shown(opened, seeds_build, seeds_graph):
    out, _ = seeds_build
    o = opened(out / "graph.html", downloads=True)
    o.page.select_option("#kg-f-kind", "reported")
    with o.page.expect_download() as dl:
        o.page.click("#kg-f-csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [r["Quote IRI"] for r in table] == o.rows() and table
    facts = {r["quote"]: r for r in kg_query(out / "graph.ttl", QUOTES)}
    for r in table:
        f = facts[r["Quote IRI"]]
        text = f["text"]
        assert r["Quote"] == ("'" + text if text[:1] in "=+-@\t\r" else text)
        assert r["Kind"] == "reported" and f["direct"] == "false"
        assert r["Speaker"] == f["speakerLabel"] and r["Date"] == f["date"] and r["Source file"] == f["source"]
    assert o.clean()


def test_correct_this_gives_the_exact_corrections_line(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    people = ids(o, "Person")
    o.js("id => kgPage.reveal(id)", people["Akmal Malik"])
    item = o.page.locator("#kg-details li.kg-q").first
    text = item.locator(".kg-quote-text").text_content()
    source = re.search(r"\d{3}_[0-9a-f]{16}\.txt", item.text_content()).group(0)
    item.locator(".kg-correct").click()
    item.locator(".kg-to").fill("Wahyu Hidayat")
    item.locator(".kg-reviewer").fill("redaksi")
    line = item.locator(".kg-line").input_value()
    d = json.loads(line)
    assert list(d) == ["op", "document", "quote", "to", "by", "at"]
    assert d["op"] == "speaker" and d["document"] == source and d["to"] == "Wahyu Hidayat" and d["by"] == "redaksi"
    assert text.startswith(d["quote"]) and len(d["quote"].split()) == min(8, len(text.split()))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["at"])
    assert line == json.dumps(d, ensure_ascii=False)  # the form of the corrections file
    item.locator(".kg-copy").click()
    o.page.wait_for_function("() => document.querySelector('#kg-details .kg-copy').textContent === 'Copied'")
    panel = o.page.locator("#kg-details > .kg-fix")
    o.page.locator("#kg-details > .kg-tools .kg-correct").click()
    panel.locator(".kg-other").fill("Wahyu Hidayat")
    panel.locator(".kg-kept").fill("Akmal Malik")
    merge = json.loads(panel.locator(".kg-line").input_value())
    assert merge == {"op": "merge", "entities": ["Akmal Malik", "Wahyu Hidayat"], "label": "Akmal Malik", "by": "redaksi",
                     "at": d["at"]}
    panel.locator(".kg-op").select_option("reject")
    assert json.loads(panel.locator(".kg-line").input_value()) == {
        "op": "reject", "entity": people["Akmal Malik"], "by": "redaksi", "at": d["at"]}
    assert o.clean()


def test_document_topic_and_event_panels(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    doc = o.js("kgPage.docs.filter(d => d.quotes.length)[0]")
    o.js("id => kgPage.reveal(id)", doc["id"])
    panel = o.page.locator("#kg-details").text_content()
    assert doc["title"] in panel and doc["source"] in panel and "People quoted" in panel
    assert len(o.panel_quotes()) == len(doc["quotes"])
    topic = ids(o, "Policy")["Netralitas ASN"]
    o.js("id => kgPage.reveal(id)", topic)
    assert "Who spoke about it" in o.page.locator("#kg-details").text_content()
    speakers = o.page.locator("#kg-details ul.kg-counts").first.locator("li").all_text_contents()
    rows = kg_query(out / "graph.ttl", "said_about", topic="Netralitas ASN")
    about = [r for r in rows if "Netralitas ASN" in r["about"].split("; ")]
    assert sum(int(s.rsplit(" ", 1)[1]) for s in speakers) == len(about)
    o.js("id => kgPage.expand(id)", topic)
    assert o.js("kgPage.nodeView.get({filter: n => n.kgType === 'Quote'}).length") == len(about)
    assert o.clean()


# ---- hostile text ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    """A page built from an article written to carry the payloads, plus hostile names."""
    from rdflib import RDF, Graph

    from kg.build.run import build
    from kg.ns import KG
    from kg.viz import write_page

    src = tmp_path_factory.mktemp("hostile-src")
    out = tmp_path_factory.mktemp("hostile-out")
    p = " ".join(tv.PAYLOADS)
    # U+2028/U+2029 may be read as line breaks; the hand-made graph below carries them
    in_doc = " ".join(x for x in tv.PAYLOADS if not {"\u2028", "\u2029"} & set(x))
    title = "Netralitas ASN <script>window.__pwned=1</script><img src=x onerror=window.__pwned=2> </script> 'q' \\ href"
    (src / "hostile.txt").write_text(
        f"Kota Malang\n{title}\n"
        "KOTA MALANG – Kepala Badan Kepegawaian Negara (BKN), Ani Wibowo, menghadiri rapat koordinasi "
        "di Kota Malang, Selasa (06/02/2024).\n"
        f"“Netralitas ASN adalah harga mati {in_doc} bagi kami semua,” kata Ani.\n"
        f"Menurutnya, sistem merit {in_doc} harus dijalankan oleh seluruh instansi.\n", encoding="utf-8")
    build([src], out)
    g = Graph().parse(out / "graph.ttl", format="turtle")
    quotes = [str(g.value(q, KG.text)) for q in g.subjects(RDF.type, KG.Quote)]
    assert any(tv.PAYLOADS[0] in t and tv.PAYLOADS[1] in t for t in quotes)  # quotes carry the payloads
    g += tv.hostile_graph()  # names, aliases, role titles, a cue and a javascript: URL carrying payloads too
    return g, write_page(g, out / "hostile.html", heading=p), p


def test_hostile_text_stays_inert_in_every_panel_the_table_and_search(opened, hostile_page):
    g, path, p = hostile_page
    o = opened(path, downloads=True)
    node_ids = o.js("kgPage.ents.map(e => e.id).concat(kgPage.docs.map(d => d.id), kgPage.quoteIds())")
    for node_id in node_ids:  # every panel, with every sentence and correction form opened
        o.js("id => kgPage.reveal(id)", node_id)
        o.js("""() => document.querySelectorAll('#kg-details .kg-show-sentence, #kg-details .kg-correct')
                .forEach(b => b.click())""")
        o.page.mouse.move(700, 300)  # hover in the graph: a tooltip may open
    o.js("() => kgPage.showAllQuotes(true)")
    o.js("() => kgPage.unselect()")
    o.page.fill("#kg-find", "<script")
    assert o.page.locator("#kg-select option").count() >= 1
    o.page.fill("#kg-f-q", "<img")
    o.page.wait_for_function("() => kgPage.state.f.q === '<img'")
    assert len(o.rows()) >= 1 and "<img" in o.page.locator("#kg-table tbody").text_content()
    o.page.click("#kg-table tbody tr")
    o.js("id => kgPage.reveal(id)", tv.D + "q1")
    assert o.page.locator("#kg-details .kg-quote-text").first.text_content() == p
    assert o.page.locator("#kg-heading").text_content() == p
    with o.page.expect_download():
        o.page.click("#kg-f-csv")
    assert o.js("typeof window.__pwned") == "undefined"
    assert o.js("document.scripts.length") == 3
    assert o.js("document.querySelectorAll('img, svg, iframe, object, embed, [onerror], [onload]').length") == 0
    assert o.js("[...document.querySelectorAll('a')].filter(a => !/^https?:$/.test(a.protocol)).length") == 0
    assert "javascript:window.__pwned=9" in o.page.locator("body").text_content()  # shown as text
    assert o.clean()


# ---- a generated corpus ------------------------------------------------------------------------

def test_generated_corpus_page(opened, generated_build):
    from kg.query import rows as saved_rows
    from kg.store import open_graph

    out = generated_build
    o = opened(out / "graph.html")
    data = json.loads(o.js("document.getElementById('kg-data').textContent"))
    assert set(o.js("kgPage.nodeView.get().map(n => n.kgType)")) <= set(tv.viz.SHOWN_TYPES)
    if len(data["nodes"]) > data["limit"]:
        assert o.js("kgPage.nodeView.length") <= data["limit"]
        assert f"{len(data['nodes'])} nodes" in o.page.locator("#kg-banner-text").text_content()
    top = min((n for n in data["nodes"] if n["kgType"] == "Person"), key=lambda n: n["rank"])
    name = next(e["label"] for e in data["ents"] if e["id"] == top["id"])
    o.page.fill("#kg-find", name.lower())
    o.page.press("#kg-find", "Enter")
    assert o.page.locator("#kg-details h2").first.text_content() == name
    store = open_graph(out / "graph.ttl")  # one load of the 2,000 articles for both saved queries
    rows = [r for r in saved_rows(store, "quotes_by", person=name) if r["speaker"] == top["id"]]
    assert sorted(o.panel_quotes()) == sorted(r["text"] for r in rows)
    spoken = Counter(i for q in data["quotes"] for i in q["about"])
    topic = data["ents"][max((i for i, e in enumerate(data["ents"]) if e["type"] == "Policy"), key=spoken.__getitem__)]
    o.page.fill("#kg-f-topic", topic["label"])
    o.page.dispatch_event("#kg-f-topic", "change")
    said = list(saved_rows(store, "said_about", topic=topic["label"]))
    want = {r["quote"] for r in said if topic["label"] in r["about"].split("; ")}
    involved = set(o.js("kgPage.rows()"))
    assert involved <= want  # the person stays selected: their quotes about the topic
    o.js("() => kgPage.unselect()")  # as a click on the empty canvas does
    assert set(o.rows()) == want and want
    assert o.clean()


def test_table_rows_select_their_speaker_and_topics_in_the_graph(opened, seeds_build):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    rows = o.page.locator("#kg-table tbody tr")
    first = o.js("() => { const q = kgPage.rows()[0]; return q; }")
    rows.first.click()
    want = o.js("""id => { const q = kgPage.quote(id);
        return [q.s >= 0 ? kgPage.ents[q.s].id : null].concat(q.about.map(t => kgPage.ents[t].id)).filter(Boolean); }""", first)
    assert want and sorted(o.js("kgPage.network.getSelectedNodes()")) == sorted(want)
    assert o.page.locator("#kg-details").get_attribute("data-node") == first  # and its panel opens
    rows.nth(1).click(modifiers=["Control"])
    assert len(o.js("kgPage.network.getSelectedNodes()")) >= len(want)
    assert o.page.locator("#kg-table tbody tr.kg-row-selected").count() == 2
    assert o.clean()
