"""NLP stage: :class:`~kg.records.Article` → :class:`~kg.records.DocResult`.

Importing this package imports spaCy; commands that do not extract must not
import it (``kg query``, ``kg serve``, ``kg facts``...).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..records import Article, DocResult

__all__ = ["Extractor"]


class Extractor:
    """Loads the pipeline once; extracts documents one at a time or in a stream."""

    def __init__(self) -> None:
        from .pipeline import make_nlp

        self.nlp = make_nlp()

    def extract(self, article: Article) -> DocResult:
        from .assemble import assemble

        return assemble(self.nlp(article.masked_text()), article)

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[DocResult]:
        from .assemble import assemble

        arts = iter(articles)
        pairs = ((a.masked_text(), a) for a in arts)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield assemble(doc, article)
