"""The rule files (``kg/rules/*.jsonl``): the project's knowledge as data, one JSON record a line.

Read by the lexicon (:mod:`kg.nlp.lexicon`) and by the sentence splitter (:mod:`kg.sentences`),
which must not import spaCy or :mod:`kg.nlp`.
"""
from __future__ import annotations

import json
from importlib import resources

__all__ = ["load_rules"]


def load_rules(name: str) -> list[dict]:
    """The records of ``kg/rules/NAME.jsonl`` (none when there is no such file)."""
    try:
        text = resources.files("kg").joinpath("rules").joinpath(f"{name}.jsonl").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in text.splitlines() if line.strip()]
