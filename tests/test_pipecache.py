"""The compiled pipeline cached on disk (kg.build.pipecache): loaded instead of built, the same
pipeline, and never trusted when damaged or made for other code."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _view(doc) -> tuple:
    """Everything the extractors read of a Doc: tokens, sentence starts, rule hits."""
    return ([t.text for t in doc], [t.is_sent_start for t in doc],
            [doc.user_data[k] for k in ("kg_cs", "kg_ci")])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _no_build(monkeypatch):
    import kg.nlp.pipeline as pipeline

    def refuse():
        raise AssertionError("the pipeline was built, not loaded from the cache")

    monkeypatch.setattr(pipeline, "make_nlp", refuse)


def test_second_load_reads_the_cache_and_gives_the_same_pipeline(cache, monkeypatch):
    from kg.nlp.pipeline import make_nlp
    from kg.build.pipecache import cache_file, load_nlp

    first = load_nlp()
    path = cache_file()
    assert path.is_file() and path.parent == cache
    _no_build(monkeypatch)
    again = load_nlp()
    fresh = make_nlp()   # bound before the patch: the real builder
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        view = _view(again(text))
        assert view[2][0] and view[2][1], f.name  # the rules hit, case-sensitive and lower-case
        assert view == _view(fresh(text)) == _view(first(text)), f.name


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"a": 1})[:5]])
def test_a_damaged_cache_is_rebuilt(cache, damage):
    from kg.build.pipecache import cache_file, load_nlp

    path = cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    nlp = load_nlp()
    assert len(nlp("Kepala BKN mengatakan.")) == 4
    assert path.read_bytes() != damage   # written again, whole


def test_other_code_uses_another_file(cache, monkeypatch):
    import kg.build.pipecache
    from kg.build.pipecache import cache_file

    before = cache_file()
    monkeypatch.setattr(kg.build.pipecache, "fingerprint", lambda: "a rule file changed")
    assert cache_file() != before


@pytest.mark.parametrize("env,cached", [("", False), ("{tmp}/x", True)])
def test_empty_cache_dir_turns_the_cache_off(tmp_path, monkeypatch, env, cached):
    from kg.build.pipecache import cache_file, load_nlp

    monkeypatch.setenv("KG_CACHE_DIR", env.replace("{tmp}", str(tmp_path)))
    load_nlp()
    assert (cache_file() is not None) == cached
    assert (tmp_path / "x").is_dir() == cached
