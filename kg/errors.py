"""The project's own exceptions. Messages name the bad input and the valid choices."""

__all__ = ["KgError", "InputError", "GraphFileError", "QueryError", "ClusterError", "UsageError"]


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input path or document that cannot be used (missing, empty, unreadable)."""


class GraphFileError(KgError):
    """A graph file that is missing or does not parse."""


class QueryError(KgError):
    """A SPARQL query that does not parse or names an unknown saved query."""


class ClusterError(KgError):
    """A Dask cluster that cannot be reached or used (``kg build --dask``)."""


class UsageError(KgError):
    """Command-line options that do not go together, or a value written the wrong way."""
