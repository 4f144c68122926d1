"""Problems found in an editor's input, reported all at once with their location."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is, which field, and what to do."""

    file: str
    line: int | None
    field: str
    message: str

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        field = f" [{self.field}]" if self.field else ""
        return f"{self.location()}{field}: {self.message}"


class PlanInvalid(Exception):
    """The plan or its notes have problems; nothing may be built from them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(format_problems(self.problems))


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field, problem.message)


def format_problems(problems: Iterable[Problem]) -> str:
    """The Danish report an editor reads in the terminal or the browser."""
    problems = list(problems)
    count = len(problems)
    noun = "problem" if count == 1 else "problemer"
    lines = [f"Planen har {count} {noun}. Ret {'det' if count == 1 else 'dem'}, og prøv igen:"]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)


def choices(options: Iterable[str], limit: int = 20) -> str:
    """The allowed values after 'Tilladt: ', the first ``limit`` of them and how many more."""
    options = list(options)
    shown = ", ".join(options[:limit])
    return shown + (f" (og {len(options) - limit} flere)" if len(options) > limit else "")


def suggest(value: str, options: Iterable[str]) -> str:
    """' Mente du 'x'?' for the closest option, or ''."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" Mente du '{close[0]}'?" if close else ""
