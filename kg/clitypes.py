"""What the ``kg`` command line adds to click: one error path, and choices the library owns.

Every :class:`kg.errors.KgError` a command raises becomes a :class:`CliError` in :class:`KgGroup`:
one line ``kg: error: MESSAGE`` on stderr (controls escaped) and exit code 2. A :class:`LibChoice`
reads its values from the library module that defines them (``"kg.store:ENGINES"``) when click first
needs them (to parse or to print help), so importing the CLI imports none of those modules.
"""
from __future__ import annotations

import importlib

import click

from .errors import KgError

__all__ = ["CliError", "KgGroup", "LibChoice", "LibChoiceList"]


class CliError(click.ClickException):
    """A :class:`KgError` as the command line reports it: ``kg: error: MESSAGE``, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"kg: error: {self.format_message()}", err=True)


class KgGroup(click.Group):
    """The ``kg`` group: every :class:`KgError` its commands raise becomes a :class:`CliError`."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as e:
            from . import log

            log.finish()  # close a progress bar first
            raise CliError(log.show(e)) from None  # one line, whatever the file names hold


class LibChoice(click.Choice):
    """The values of ``owner`` (``"kg.store:ENGINES"``), a tuple or dict the library defines."""

    def __init__(self, owner: str) -> None:
        self.owner, self.case_sensitive = owner, True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        module, _, name = self.owner.partition(":")
        return tuple(getattr(importlib.import_module(module), name))


class LibChoiceList(LibChoice):
    """Comma-separated values of ``owner`` (``Person,Quote``), given as a tuple.

    >>> LibChoiceList("kg.viz:TYPES").convert("Person, Quote", None, None)
    ('Person', 'Quote')
    """

    name = "choice list"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"[{'|'.join(self.choices)}],..."

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        one = super().convert
        return tuple(one(v.strip(), param, ctx) for v in value.split(",") if v.strip())
