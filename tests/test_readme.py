"""The README's two set-up commands are the ones the project really runs."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, re.S)


def test_readme_gives_exactly_two_set_up_commands():
    cmds = _commands()
    assert len(cmds) == 2
    assert "kg build seeds" in cmds[0]
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    test_cmd = _commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # .ci/run splits the one-line command into its steps; each step must be there verbatim
    for step in test_cmd.split(" && "):
        assert step.strip() in ci, step
