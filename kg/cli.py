"""The ``kg`` command line: parses arguments, calls the library, prints.

One error path: a :class:`kg.errors.KgError` raised anywhere under ``kg`` leaves through
:class:`kg.clitypes.CliError` (one line ``kg: error: ...`` on stderr, exit code 2); click's own usage
errors exit 2 as well. Choice lists are read from the library module that owns them
(:class:`kg.clitypes.LibChoice`).
"""
from __future__ import annotations

import json
import sys

import click

from .build.extract import DOC_TIMEOUT
from .clitypes import KgGroup, LibChoice, LibChoiceList
from .errors import UsageError
from .review import FAR
from .serve_config import ServeConfig
from .viz_layout import DEFAULT_LIMIT

__all__ = ["main", "run"]


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (each loads the pipeline once).")
@click.option("--update", is_flag=True,
              help="Update the build in --out: read only new or changed files, drop deleted ones.")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).")
@click.option("--strict", is_flag=True, help="Any skipped document is an error: stop and write nothing.")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DOC_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Skip a document that takes longer than this to extract (0: no limit; not kept with --dask).")
@click.option("--corrections", "corrections", type=click.Path(dir_okay=False), default=None,
              help="Corrections file (JSON Lines; default: corrections.jsonl in --out or in the first input folder).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@click.option("--verbose", "-v", is_flag=True, help="Also list every document read.")
def build(paths: tuple[str, ...], out: str, no_page: bool, jobs: int, update: bool, dask_address: str | None,
          strict: bool, corrections: str | None, doc_timeout: float, quiet: bool, verbose: bool) -> None:
    """Build a knowledge graph from articles: .txt, .md, .html/.htm and .jsonl files or folders,
    .warc/.warc.gz web archives, .rss/.atom feeds, and .txt lists of URLs (every line a URL:
    fetched politely, cached in $KG_FETCH_CACHE or ~/.cache/kg/fetch).

    A document that cannot be used (empty, binary, unknown encoding, too long,
    unreadable, over its --doc-timeout...) is skipped with a warning naming it and the reason (a copy of a text
    read before is kept as another source of it, not skipped);
    the others are built, and the summary lists every skip.

    \b
    Exit codes:
        0 every document was read
        1 some documents were skipped (the graph holds the others)
        2 nothing usable, a usage error, or a skip under --strict

    \b
    Example:
        kg build seeds --out out
        kg build corpus/ --out out --jobs 2
        kg build urls.txt crawl.warc.gz --out out
        kg build corpus/ --out out --update
        kg build corpus/ --out out --dask tcp://scheduler:8786
        kg build pages/*.html feed.jsonl --out out --strict
        kg build corpus/ --out out --corrections corrections.jsonl
        kg build corpus/ --out out --doc-timeout 30
    """
    from . import log
    from .build.run import build as run_build

    if quiet and verbose:
        raise UsageError("--quiet and --verbose exclude each other: give one")
    log.setup(log.QUIET if quiet else log.VERBOSE if verbose else log.NORMAL)
    stats: dict = {}
    report = run_build(paths, out, page=not no_page, jobs=jobs, update=update, dask=dask_address, strict=strict,
                       stats=stats, corrections=corrections, doc_timeout=doc_timeout or None)
    log.finish()
    if not quiet:
        click.echo(report.summary(verbose=verbose))
    if update and not quiet:
        click.echo(f"update: {stats['new']} new, {stats['changed']} changed, {stats['rechecked']} rechecked, "
                   f"{stats['removed']} removed, {stats['unchanged']} unchanged (not re-read)"
                   + ("" if stats["written"] else "; nothing changed, nothing written"))
    sys.exit(1 if report.skipped else 0)


@main.group()
def corrections() -> None:
    """Corrections files: a reviewer's fixes that every build keeps (kg build --corrections).

    \b
    Example:
        kg corrections check out --corrections corrections.jsonl
    """


@corrections.command("check")
@click.argument("target", type=click.Path())
@click.option("--corrections", "path", type=click.Path(dir_okay=False), default=None,
              help="The corrections file (default: corrections.jsonl in TARGET).")
def corrections_check(target: str, path: str | None) -> None:
    """List the corrections that no longer change anything in the build at TARGET (its --out
    folder or its graph.ttl), each with its line number and a suggestion. Exit 1 if any.

    \b
    Example:
        kg corrections check out --corrections corrections.jsonl
        kg corrections check out/graph.ttl
    """
    from pathlib import Path

    from .corrections import CORRECTIONS_FILE, check, load

    folder = Path(target).parent if Path(target).is_file() else Path(target)
    plan = load(path or folder / CORRECTIONS_FILE)
    stale = check(target, plan)
    for line in stale:
        click.echo(f"stale {line}")
    click.echo(f"{len(plan.lines)} corrections, {len(stale)} stale", err=True)
    sys.exit(1 if stale else 0)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--engine", type=LibChoice("kg.store:ENGINES"), default=None,
              help="Storage engine (default oxigraph; both give the same JSON).")
def facts(graph: str, engine: str | None) -> None:
    """Print the JSON facts view of a built graph (read with SPARQL).

    \b
    Example:
        kg facts out/graph.ttl > facts.json
    """
    from .facts import facts as view
    from .store import open_graph

    view_ = view(open_graph(graph, engine))
    click.echo(json.dumps(view_, ensure_ascii=False, indent=1))


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the findings to this CSV file (for a spreadsheet).")
@click.option("--far", type=click.IntRange(min=0), default=FAR, show_default=True,
              help="Characters between a speaker's last mention and a quote given by a pronoun beyond which "
                   "the attribution is doubtful.")
def review(graph: str, csv_path: str | None, far: int) -> None:
    """List the extractions most likely to be wrong, for a reviewer to check first: quotes given by a
    pronoun far from the speaker's name, one-document persons whose name is an ordinary word or a
    place's, events with no date or place, entities one letter apart.

    \b
    Example:
        kg review out/graph.ttl
        kg review out/graph.ttl --csv review.csv
    """
    from collections import Counter

    from .review import review as run_review, write_csv
    from .store import open_graph

    findings = run_review(open_graph(graph), far=far)
    written = write_csv(findings, csv_path) if csv_path else None
    for f in findings:
        where = f.document + (f":{f.start}" if f.start is not None else "")
        click.echo(f"{f.kind}\t{where}\t{f.label}\t{f.reason}")
    counts = Counter(f.kind for f in findings)
    click.echo(f"{len(findings)} to review" + "".join(f"; {k} {n}" for k, n in counts.items()), err=True)
    if written:
        click.echo(f"wrote {written}", err=True)


@main.command()
@click.argument("graph", type=click.Path())
def validate(graph: str) -> None:
    """Validate a graph against the project's SHACL shapes (ontology/shapes.ttl).

    \b
    Example:
        kg validate out/graph.ttl
    """
    from .store import open_graph
    from .validate import validate as run_validate

    g = open_graph(graph, rdflib=True)
    ok, text = run_validate(g)
    click.echo("conforms" if ok else text)
    sys.exit(0 if ok else 1)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for report.md, the CSV tables and graph.analyzed.ttl.")
@click.option("--scope", type=LibChoice("kg.analysis:SCOPES"), default="sentence", show_default=True,
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
    from .store import open_graph

    g = open_graph(graph, rdflib=True)
    result = run_analyze(g, scope=scope, seed=seed)
    written = write_report(result, out)
    n = write_scores(g, result)
    written.append(write_graph(g, Path(out) / "graph.analyzed.ttl"))
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
@click.option("--types", type=LibChoiceList("kg.viz:TYPES"), default=None, help="Node types to show, comma-separated.")
@click.option("--limit", type=int, default=DEFAULT_LIMIT, show_default=True,
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

    path = write_page(graph, out, focus=focus, hops=hops, about=about, types=list(types) if types else None,
                      limit=limit)
    click.echo(f"wrote {path}")


def _engine_option(f):
    return click.option("--engine", type=LibChoice("kg.store:ENGINES"), default=None,
                        help="Storage engine (default oxigraph; see bench/bench_store.py).")(f)


@main.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for ?NAME, passed as a binding: <iri>, \"text\"@lang, \"2024-02-06\"^^xsd:date, "
                   "or plain text.")
@click.option("--format", "fmt", type=LibChoice("kg.results:FORMATS"), default="table",
              show_default=True, help="csv, tsv and json are the SPARQL 1.1 results formats.")
@click.option("--list", "list_", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--endpoint", metavar="URL", help="Ask this SPARQL endpoint instead of a graph file.")
@click.option("--columns", metavar="A,B,...", help="Show only these columns, in this order.")
@click.option("--allow-service", is_flag=True,
              help="Let a query on a graph file call other endpoints with SERVICE (refused by default).")
@_engine_option
def query(graph, query, params, fmt, list_, endpoint, columns, allow_service, engine) -> None:
    """Run a SPARQL query (text, a .rq file or a saved query name) on a graph.

    \b
    Example:
        kg query out/graph.ttl said_about --param topic=netralitas
        kg query out/graph.ttl 'SELECT ?p WHERE { ?p a kg:Person }' --format csv
        kg query --list
        kg query --endpoint http://127.0.0.1:7878/sparql quotes_by -p person=Erik
    """
    import time

    from .endpoint import Endpoint
    from .query import list_saved, run
    from .results import format_solutions
    from .store import open_graph

    if list_:
        for sq in list_saved():
            click.echo(f"{sq.name}\n    {sq.help}")
            for p in sq.params:
                click.echo(f"    --param {p.name}=...  ({p.type}, {'required' if p.required else 'optional'}) {p.help}")
        return
    if endpoint and query is None:
        graph, query = None, graph
    if query is None or (graph is None) == (endpoint is None):
        raise UsageError("give GRAPH and QUERY, or --endpoint URL and QUERY (kg query --help)")
    raw = {}
    for p in params:
        name, eq, value = p.partition("=")
        if not eq or not name.strip().lstrip("?$"):
            raise UsageError(f"--param {p!r}: write NAME=VALUE")
        raw[name.strip().lstrip("?$")] = value
    t = time.perf_counter()
    target = Endpoint(endpoint) if endpoint else open_graph(graph, engine)
    sol, sq = run(target, query, raw, allow_service=allow_service)
    text = format_solutions(sol, fmt, hide=tuple(raw),
                            columns=tuple(c.strip() for c in (columns or "").split(",") if c.strip()))
    click.echo(text)
    if fmt == "table":
        n = f"{len(sol.rows)} rows" if sol.form == "SELECT" else sol.form
        click.echo(f"({n}; {sol.engine}; {time.perf_counter() - t:.3f} s)", err=True)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--host", default=ServeConfig.host, show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=ServeConfig.port, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free one).")
@click.option("--timeout", default=ServeConfig.timeout, show_default=True, type=float,
              help="Seconds before a query is stopped.")
@click.option("--max-rows", default=ServeConfig.max_rows, show_default=True, type=int,
              help="Largest answer, in rows or triples; larger ones are refused (422).")
@click.option("--max-memory", default=ServeConfig.max_memory_mb, show_default=True, type=int,
              help="MB a query may allocate (beyond the shared graph) before its worker dies.")
@click.option("--workers", default=ServeConfig.workers, show_default=True, type=click.IntRange(min=1),
              help="Queries run at once (one process each); more wait in a bounded queue.")
@click.option("--per-client", default=ServeConfig.client_queries, show_default=True, type=click.IntRange(min=1),
              help="Queries one client address may run or wait for at once; more get 503 + Retry-After.")
@click.option("--idle-timeout", default=ServeConfig.idle_timeout, show_default=True,
              type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="Seconds a connection may stay silent (idle, or in the middle of its headers or body) "
                   "before it is closed.")
@click.option("--writable", is_flag=True, help="Accept SPARQL 1.1 Graph Store Protocol writes at /store.")
@click.option("--union-default-graph", "union", is_flag=True,
              help="Queries see all graphs as the default graph (as Oxigraph's flag of that name).")
@_engine_option
def serve(graph, host, port, timeout, max_rows, max_memory, workers, per_client, idle_timeout, writable, union,
          engine) -> None:
    """Serve a graph as a SPARQL 1.1 Protocol endpoint (read-only unless --writable).

    \b
    Example:
        kg serve out/graph.ttl --port 7878
        (then open http://127.0.0.1:7878/ or query http://127.0.0.1:7878/sparql)
    """
    from .serve import make_server

    cfg = ServeConfig(graph, host=host, port=port, timeout=timeout, max_rows=max_rows, writable=writable,
                      engine=engine, max_memory_mb=max_memory, union_default_graph=union, workers=workers,
                      client_queries=per_client, idle_timeout=idle_timeout)
    import signal

    srv = make_server(cfg)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop cleanly (zygote included) on SIGTERM too
    h, p = srv.server_address[:2]
    click.echo(f"kg serve: {srv.triples} triples ({srv.engine}) at http://{h}:{p}/sparql, query page "
               f"http://{h}:{p}/, {'writable' if writable else 'read-only'}; timeout {timeout:g} s, "
               f"max rows {max_rows}; Ctrl-C stops", err=True)
    if not srv.isolated:
        click.echo("kg serve: warning: could not give query workers an empty network namespace; SERVICE and "
                   "LOAD are refused by the parser alone", err=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.close()


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--format", "fmt", required=True,
              type=LibChoice("kg.export:EXPORT_FORMATS"),
              help="nq/trig: every statement in a named graph (one per document, and the entities graph); "
                   "jsonld: compact, with ontology/context.jsonld; graphml: Gephi, Cytoscape; csv: nodes and edges.")
@click.option("--out", required=True, type=click.Path(), help="Output file; for csv a folder, which gets nodes.csv "
              "and edges.csv.")
@click.option("--stream", is_flag=True,
              help="nq/nt only: write statement by statement in the file's order, in flat memory "
                   "(for graphs too large to load; the default loads the graph and sorts).")
@_engine_option
def export(graph, fmt, out, stream, engine) -> None:
    """Export a graph for other tools and triple stores.

    \b
    Example:
        kg export out/graph.ttl --format nq --out corpus.nq
        kg export out/graph.ttl --format nq --out corpus.nq --stream   # a 100,000-article build
        kg export out/graph.ttl --format graphml --out graph.graphml
        kg export out/graph.ttl --format csv --out tables/
    """
    from .export import export as run_export
    from .export import export_stream
    from .store import open_graph

    written = export_stream(graph, fmt, out) if stream else run_export(open_graph(graph, engine), fmt, out)
    for path, count in written:
        click.echo(f"wrote {path} ({count})")


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True, metavar="URL", help="Graph Store Protocol URL, e.g. .../store or .../data.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Put everything in this named graph (default: the "
              "default graph).")
@click.option("--per-document", is_flag=True, help="Every statement in a named graph: one per document, named by "
              "the document's IRI, and the entities graph (for union-default-graph stores).")
@click.option("--append", is_flag=True, help="POST (add to the graphs) instead of PUT (replace them).")
def push(graph, endpoint, graph_iri, per_document, append) -> None:
    """Load a graph into a triple store through the SPARQL 1.1 Graph Store Protocol.

    \b
    Example:
        kg push out/graph.ttl --endpoint http://localhost:7878/store --per-document
        kg push out/graph.ttl --endpoint http://localhost:3030/kg/data --graph https://example.org/g
    """
    from .export import push as run_push
    from .store import open_graph

    sent = run_push(open_graph(graph), endpoint, graph=graph_iri, per_document=per_document, append=append)
    click.echo(f"pushed {sum(n for _, n in sent)} triples in {len(sent)} graph(s) to {endpoint}")


def run() -> None:
    """The ``kg`` command: :func:`main`, with every object frozen out of the garbage collector once the
    exit handlers are done (``gc.freeze``, registered first so it runs last). The interpreter's final
    collections over a build's spaCy pipeline and stores took 0.2 s after the work was done; frozen
    objects are skipped, and the process is ending anyway. Tests call :func:`main` in-process instead."""
    import atexit
    import gc

    atexit.register(gc.freeze)
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
