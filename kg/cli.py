"""The ``kg`` command line: parses arguments, calls the library, prints.

Library errors are :class:`kg.errors.KgError`; they print as one line and exit 2.
"""
from __future__ import annotations

import json
import sys

import click

from .errors import KgError

__all__ = ["main"]


def _fail(e: Exception) -> None:
    click.echo(f"kg: error: {e}", err=True)
    sys.exit(2)


def _load_graph(path: str):
    from rdflib import Graph

    from .errors import GraphFileError
    import os
    if not os.path.isfile(path):
        raise GraphFileError(f"{path}: no such graph file")
    g = Graph()
    fmt = "turtle" if path.endswith((".ttl", ".turtle")) else None
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many kinds
        raise GraphFileError(f"{path}: cannot parse graph ({type(e).__name__}: {e})") from None
    return g


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: who said what in Indonesian government news, as an RDF knowledge graph.

    \b
    Example:
        kg build seeds --out out
        kg facts out/graph.ttl > facts.json
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder for graph.ttl and graph.html.")
@click.option("--no-page", is_flag=True, help="Do not write graph.html.")
def build(paths: tuple[str, ...], out: str, no_page: bool) -> None:
    """Build a knowledge graph from .txt articles (files or folders).

    \b
    Example:
        kg build seeds --out out
    """
    from .build import build as run_build

    try:
        report = run_build(paths, out, page=not no_page)
    except KgError as e:
        _fail(e)
    click.echo(report.summary())


@main.command()
@click.argument("graph", type=click.Path())
def facts(graph: str) -> None:
    """Print the JSON facts view of a built graph (read with SPARQL).

    \b
    Example:
        kg facts out/graph.ttl > facts.json
    """
    from .facts import facts as view

    try:
        g = _load_graph(graph)
    except KgError as e:
        _fail(e)
    click.echo(json.dumps(view(g), ensure_ascii=False, indent=1))


@main.command()
@click.argument("graph", type=click.Path())
def validate(graph: str) -> None:
    """Validate a graph against the project's SHACL shapes (ontology/shapes.ttl).

    \b
    Example:
        kg validate out/graph.ttl
    """
    from .validate import validate as run_validate

    try:
        g = _load_graph(graph)
        ok, text = run_validate(g)
    except KgError as e:
        _fail(e)
    click.echo("conforms" if ok else text)
    sys.exit(0 if ok else 1)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for report.md, the CSV tables and graph.analyzed.ttl.")
@click.option("--scope", type=click.Choice(["sentence", "document"]), default="sentence", show_default=True,
              help="Co-mention: entities named in the same sentence, or in the same document.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed for Louvain communities.")
def analyze(graph: str, out: str, scope: str, seed: int) -> None:
    """Network analysis: centrality, communities, top speakers; scores back into RDF.

    Writes DIR/report.md, CSV tables (scores, co_mentions, top_speakers,
    most_quoted, affiliations) and DIR/graph.analyzed.ttl: the input graph plus
    kg:degree, kg:betweenness, kg:pagerank and kg:community on every entity. The
    input file is left as it was (a new file, so the built graph stays a pure
    function of the articles and re-running gives the same scores).

    \b
    Example:
        kg analyze out/graph.ttl --out out/analysis
        kg analyze out/graph.ttl --out out/analysis --scope document --seed 7
    """
    from pathlib import Path

    from .analysis import analyze as run_analyze, write_report, write_scores
    from .graph import write_graph

    try:
        g = _load_graph(graph)
        result = run_analyze(g, scope=scope, seed=seed)
        written = write_report(result, out)
        n = write_scores(g, result)
        written.append(write_graph(g, Path(out) / "graph.analyzed.ttl"))
    except KgError as e:
        _fail(e)
    s = result["summary"]
    click.echo(f"entities: {s['entities']}, quotes: {s['quotes']}; co-mention edges ({scope}): "
               f"{s['co_mention_edges']}; communities: {s['communities']} (modularity {result['modularity']:.3f})")
    top = sorted(result["scores"].values(), key=lambda v: -v["pagerank"])[:3]
    click.echo("top PageRank: " + "; ".join(f"{v['label']} {v['pagerank']:.3f}" for v in top))
    click.echo(f"scores written: {n} triples")
    for p in written:
        click.echo(f"wrote {p}")


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--focus", default=None, help="Show one entity's neighbourhood (label or alias).")
@click.option("--hops", type=int, default=1, show_default=True, help="How far from --focus to go.")
@click.option("--about", default=None, help="Show what was said about one policy, event or agency.")
@click.option("--types", default=None,
              help="Comma-separated node types to show: Person,Agency,Policy,Event,Place,Quote,Document.")
@click.option("--limit", type=int, default=300, show_default=True,
              help="Above this many nodes, first show only the most central ones (0: show all).")
def viz(graph: str, out: str, focus: str | None, hops: int, about: str | None, types: str | None, limit: int) -> None:
    """Write a self-contained browser page of the graph (works offline, from file://).

    \b
    Example:
        kg viz out/graph.ttl --out page.html
        kg viz out/graph.ttl --out bkn.html --focus "Badan Kepegawaian Negara" --hops 2
        kg viz out/graph.ttl --out sakip.html --about SAKIP --types Person,Quote,Policy
    """
    from .viz import write_page

    kinds = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        g = _load_graph(graph)
        path = write_page(g, out, focus=focus, hops=hops, about=about, types=kinds, limit=limit)
    except KgError as e:
        _fail(e)
    click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
