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
        from .normalize import for_pipeline, to_stored

        seen, back = for_pipeline(article)  # offsets come back into the stored text
        text = seen.masked_text()
        doc = self.nlp(text)
        doc.user_data["kg_text"] = text  # doc.text, without joining the tokens again
        return to_stored(assemble(doc, seen), article, back)

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[DocResult]:
        from .assemble import assemble
        from .normalize import for_pipeline, to_stored

        views = ((a, *for_pipeline(a)) for a in articles)
        pairs = ((seen.masked_text(), (a, seen, back)) for a, seen, back in views)
        for doc, (article, seen, back) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield to_stored(assemble(doc, seen), article, back)  # (doc.text is joined here: pipe() is for tests)
