"""The page in a real headless Chromium (Debian's chromium through playwright).

Every page is opened from file:// with all other requests recorded and refused.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from kg.ns import KG

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


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from file:// with what it asked for and what it complained about."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.outside, self.errors, self.dialogs = [], [], []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def shown(self) -> tuple[int, int]:
        return tuple(self.js("[kgPage.network.body.nodeIndices.length, kgPage.network.body.edgeIndices.length]"))

    def click_node(self, node_id: str) -> bool:
        """Click where the node is drawn; False if another node covers that spot."""
        dom = self.js("""id => { const n = kgPage.network;
            n.focus(id, {scale: 1.5, animation: false}); n.redraw();
            const p = n.canvasToDOM(n.getPositions([id])[id]);
            return n.getNodeAt(p) === id ? p : null; }""", node_id)
        if dom is None:
            return False
        box = self.page.locator("#kg-network canvas").bounding_box()
        self.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
        return True

    def close(self):
        self.context.close()


@pytest.fixture()
def opened(browser):
    pages = []

    def open_(path):
        o = Opened(browser, Path(path))
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


def test_seeds_page_offline_counts_and_quote_click(opened, seeds_build, seeds_graph):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    exp = tv.expected_counts(seeds_graph)
    assert o.shown() == (exp["nodes"], exp["edges"])
    assert o.js("document.getElementById('kg-status').textContent") == (
        f"{exp['nodes']} of {exp['nodes']} nodes, {exp['edges']} of {exp['edges']} edges shown")
    quotes = o.js("kgPage.nodes.get({filter: n => n.kgType === 'Quote'}).map(n => n.id)")
    assert sorted(quotes) == sorted(map(str, seeds_graph.subjects(RDF.type, KG.Quote)))
    clicked = next((q for q in quotes if o.click_node(q)), None)
    assert clicked is not None, "no quote node could be clicked"
    o.page.wait_for_function("document.getElementById('kg-details').dataset.node !== undefined")
    text = str(seeds_graph.value(URIRef(clicked), KG.text))
    assert o.page.locator("#kg-details .kg-quote-text").text_content() == text
    panel = o.page.locator("#kg-details").text_content()
    speaker = seeds_graph.value(seeds_graph.value(URIRef(clicked), KG.speaker), KG.label)
    start, end = seeds_graph.value(URIRef(clicked), KG.start), seeds_graph.value(URIRef(clicked), KG.end)
    assert f"{start}–{end}" in panel and (speaker is None or str(speaker) in panel)
    assert o.outside == [] and o.errors == [] and o.dialogs == []


def test_seeds_page_menu_filters_and_finds(opened, seeds_build, seeds_graph):
    out, _ = seeds_build
    o = opened(out / "graph.html")
    exp = tv.expected_counts(seeds_graph)
    quotes = len(list(seeds_graph.subjects(RDF.type, KG.Quote)))
    o.page.locator("#kg-legend input[data-name='Quote']").uncheck()
    assert o.shown() == (exp["nodes"] - quotes, exp["edges"] - exp["said"] - exp["about"])
    o.page.locator("#kg-relations input[data-name='mentions']").uncheck()
    assert o.shown()[1] == exp["edges"] - exp["said"] - exp["about"] - exp["mentions"]
    person = sorted(seeds_graph.subjects(RDF.type, KG.Person))[0]
    label = str(seeds_graph.value(person, KG.label))
    o.page.fill("#kg-find", label.lower())
    o.page.select_option("#kg-select", str(person))
    assert o.page.locator("#kg-details h2").first.text_content() == label
    assert "Offices" in o.page.locator("#kg-details").text_content()
    assert o.errors == [] and o.outside == []


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    """A page built from an article written to carry the payloads, plus hostile names."""
    from kg.build import build
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
    titles = {str(t) for t in g.objects(None, KG.title)}  # the headline rules may or may not take it
    quotes = [str(g.value(q, KG.text)) for q in g.subjects(RDF.type, KG.Quote)]
    docs = [str(g.value(d, KG.text)) for d in g.subjects(RDF.type, KG.Document)]
    assert any(in_doc in t and title in t for t in docs)  # the document text is kept exactly as read
    assert any(tv.PAYLOADS[0] in t and tv.PAYLOADS[1] in t for t in quotes)  # and quotes carry the payloads
    assert titles <= {title}
    g += tv.hostile_graph()  # names, aliases, role titles and a cue carrying the payloads too
    return g, write_page(g, out / "hostile.html", heading=p), p


def test_hostile_page_runs_no_script_and_injects_nothing(opened, hostile_page):
    g, path, p = hostile_page
    o = opened(path)
    ids = o.js("kgPage.nodes.getIds()")
    assert len(ids) == len(tv.viz.page_graph(g))
    for node_id in ids:  # every node's details panel, with all its text
        o.js("id => kgPage.reveal(id)", node_id)
        o.page.mouse.move(700, 450)  # hover at the centre: a tooltip may open
    o.page.wait_for_timeout(500)
    o.page.fill("#kg-find", "<script")  # the find list shows hostile labels too
    assert o.page.locator("#kg-select option").count() >= 1
    o.js("id => kgPage.reveal(id)", "https://w3id.org/kgid/id/q1")
    assert o.page.locator("#kg-details .kg-quote-text").text_content() == p
    assert o.page.locator("#kg-heading").text_content() == p
    assert o.js("typeof window.__pwned") == "undefined"
    assert o.dialogs == []
    assert o.js("document.scripts.length") == 3
    assert o.js("document.querySelectorAll('img, svg, a, iframe, object, embed, [onerror], [onload]').length") == 0
    assert o.outside == [] and o.errors == []


def test_large_page_shows_top_n_then_everything(opened, tmp_path):
    bench = _load("kg_bench_viz", ROOT / "bench" / "bench_viz.py")
    from kg.viz import DEFAULT_LIMIT, write_page

    path = write_page(bench.synthetic_graph(2000), tmp_path / "big.html")
    o = opened(path)
    data = json.loads(o.js("document.getElementById('kg-data').textContent"))
    assert len(data["nodes"]) == 2000
    nodes, edges = o.shown()
    assert nodes == DEFAULT_LIMIT and edges < len(data["edges"])
    banner = o.page.locator("#kg-banner-text").text_content()
    assert "2000 nodes" in banner and f"the {DEFAULT_LIMIT} most central" in banner
    o.page.click("#kg-toggle-all")
    assert o.shown() == (2000, len(data["edges"]))
    ranked = [n["id"] for n in sorted(data["nodes"], key=lambda n: n["rank"])]
    clicked = next((v for v in ranked[:50] if o.click_node(v)), None)  # the first one not covered by another
    assert clicked is not None
    o.page.wait_for_function("id => document.getElementById('kg-details').dataset.node === id", arg=clicked)
    assert o.errors == [] and o.outside == []
