"""The compiled spaCy pipeline, cached on disk between runs.

Building the pipeline (:func:`kg.nlp.pipeline.make_nlp`) tokenizes every phrase
pattern of the rule files and adds it to the gazetteers' PhraseMatchers: about half a second of
CPU per process, paid by every ``kg build`` and by every worker. spaCy's own
``nlp.to_disk``/``spacy.load`` does not save it (spaCy's SpanRuler, used before, re-added its
patterns when loaded: measured as slow as building), so the built pipeline is pickled
instead: the PhraseMatchers keep their pattern Docs, and loading takes about a
third of the time (``bench/run.py`` prints the start-up figures).

The file is named by a hash of kg's version, spaCy's and Python's versions, and
every code and rule file that decides what the pipeline does
(:func:`fingerprint`), so a changed rule file or an upgrade makes a
new one; a file that cannot be read is rebuilt, never trusted. It lives in
``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; set
``KG_CACHE_DIR`` to an empty string to turn the cache off. The cache holds a pickle:
like the installed code, only its owner may write it (the folder is made private).
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from pathlib import Path

from ..fileio import atomic_write

__all__ = ["cache_dir", "cache_file", "load_nlp", "fingerprint"]

#: Bump when what a file's cached row holds changes without a code file changing.
_FORMAT = "7"
#: The modules outside ``kg/nlp``, ``kg/graph`` and ``kg/build`` that decide what a file's row holds.
_CODE = ("records.py", "layout.py", "files.py", "decoding.py", "ingest.py", "readers.py", "web.py", "dates.py",
         "ns.py", "corrections.py", "correct.py", "sentences.py", "rulefiles.py", "vocab.py", "signatures.py",
         "folding.py")


def fingerprint() -> str:
    """A hash of the code and rule files that decide what a file's row holds."""
    root = Path(__file__).resolve().parents[1]
    files = [root / n for n in _CODE] + [f for d in ("build", "graph", "nlp") for f in sorted((root / d).glob("*.py"))]
    files += sorted((root / "rules").glob("*"))
    h = hashlib.sha1(_FORMAT.encode())
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    """The folder of the cached pipeline, or None when caching is off."""
    env = os.environ.get("KG_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def cache_file() -> Path | None:
    """The cached pipeline's file for the code and rules running now (None: caching off)."""
    folder = cache_dir()
    if folder is None:
        return None
    import spacy

    from .. import __version__

    key = hashlib.sha1(f"{__version__}\0{spacy.__version__}\0{sys.version}\0{fingerprint()}".encode()).hexdigest()
    return folder / f"pipeline-{key[:20]}.pickle"


def load_nlp():
    """The extraction pipeline: from the cache when it holds this version's, else built
    (:func:`kg.nlp.pipeline.make_nlp`) and saved there for the next run."""
    from ..nlp.pipeline import make_nlp

    path = cache_file()
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except Exception as e:  # a damaged or foreign file: build again  # noqa: BLE001
            log.debug("pipeline cache %s not used: %s", path, e)
    nlp = make_nlp()
    if path is not None:
        _save(nlp, path)
    return nlp


def _save(nlp, path: Path) -> None:
    """Write the pickle atomically (a reader never sees half a file); failures only cost speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, lambda f: pickle.dump(nlp, f, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as e:  # a read-only home, a full disk  # noqa: BLE001
        log.debug("pipeline cache %s not written: %s", path, e)
