"""The build stage (``kg build``): files → Articles → records → ``graph.ttl`` (and the page).

Its modules, top-down; each imports only the ones below it:

* :mod:`kg.build.run`: :func:`~kg.build.run.build`, the entry point: one build at a time
  per output folder, the extraction runner chosen, the graph written, the page drawn;
* :mod:`kg.build.write`: ``graph.ttl`` written from the rows of the last build and the
  files read now (full builds and ``--update``);
* :mod:`kg.build.plan`: the files found, and for each: reuse its row, or read it now;
* :mod:`kg.build.read`: files read into Articles (skips with their reasons, copies);
* :mod:`kg.build.pool` and :mod:`kg.build.dask_runner`: the two runners, a local pool
  of processes or a Dask cluster;
* :mod:`kg.build.extract`: Articles extracted into plain records, in a worker;
* :mod:`kg.build.assemble`: the records' blocks written in order, the entity section last;
* :mod:`kg.build.cache`, :mod:`kg.build.state`: the per-file rows and the entity index
  kept for ``--update``; :mod:`kg.build.pipecache`: the spaCy pipeline cached on disk;
* :mod:`kg.build.report`: what a build read, skipped and produced.

Commands that do not extract import none of them but :mod:`kg.build.extract`'s limits.
"""
from __future__ import annotations

__all__: list[str] = []
