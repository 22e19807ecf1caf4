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


if __name__ == "__main__":  # pragma: no cover
    main()
