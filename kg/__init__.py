"""kg: who said what in Indonesian government news, as an RDF knowledge graph."""

__version__ = "0.1.0"
__all__ = ["__version__"]
