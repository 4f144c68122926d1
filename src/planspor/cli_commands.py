"""What every `planspor` subcommand needs: the registry it joins, and the project folder it works in.

cli.py builds the parser from the registry; cli.py (check, eksport) and
cli_edit.py (the editing commands) register their subcommands here, so that
neither imports the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .problems import PlanInvalid, Problem
from .project import PLAN_FILE

Command = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]
# name -> (what it runs, what adds its arguments, its help), in the order `planspor --hjælp` lists them
COMMANDS: dict[str, tuple[Command, Arguments, str]] = {}


def command(name: str, help_text: str) -> Callable[[Arguments], Arguments]:
    """Register a subcommand: the decorated function adds its arguments."""

    def register(add_arguments: Arguments) -> Arguments:
        run = getattr(add_arguments, "run")  # noqa: B009 - set by @runs
        COMMANDS[name] = (run, add_arguments, help_text)
        return add_arguments

    return register


def runs(run: Command) -> Callable[[Arguments], Arguments]:
    def attach(add_arguments: Arguments) -> Arguments:
        add_arguments.run = run  # type: ignore[attr-defined]
        return add_arguments

    return attach


def find_root(start: Path) -> Path:
    """The project folder: the nearest folder (upwards) holding data/plan.yaml."""
    for folder in [start, *start.parents]:
        if (folder / PLAN_FILE).is_file():
            return folder
    raise PlanInvalid(
        [Problem(PLAN_FILE, None, "", f"Fandt ingen {PLAN_FILE} i {start} eller mapperne over den. Kør kommandoen i projektets mappe, eller brug --projekt.")]
    )


def project_root(args: argparse.Namespace) -> Path:
    """The folder given with --projekt, or the one found from the current folder."""
    return Path(args.projekt) if args.projekt else find_root(Path.cwd())
