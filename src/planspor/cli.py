"""The `planspor` command for editors: check the plan, export the pages, edit the plan.

Messages and help are in Danish; a problem never ends in a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .cli_commands import COMMANDS, command, project_root, runs
from .problems import PlanInvalid, Problem, format_problems
from .project import PLAN_FILE, load_project

if TYPE_CHECKING:
    from .model import Plan

# -- check ------------------------------------------------------------------------


def github_annotation(problem: Problem) -> str:
    """::error file=…,line=…,title=…::message (escaped as GitHub requires)."""

    def escape(text: str, is_property: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if is_property else text

    properties = [f"file={escape(problem.file, True)}"]
    if problem.line:
        properties.append(f"line={escape(str(problem.line), True)}")
    title = f"Planspor: {problem.field}" if problem.field else "Planspor"
    properties.append(f"title={escape(title, True)}")
    return f"::error {','.join(properties)}::{escape(problem.message)}"


def _run_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    root = project_root(args)
    try:
        project = load_project(root)
        compared = _compare(root, project.plan, args.sammenlign_med) if args.sammenlign_med else ""
    except PlanInvalid as error:
        return _refuse(error.problems, args.format)
    elapsed = time.perf_counter() - started
    plan = project.plan
    print(f"Planen er i orden: {len(plan.items)} indsatser, {len(project.notes)} noter, {len(project.pages)} sider (tjekket på {elapsed:.2f} s).")
    if compared:
        print(compared)
    if args.format == "github":
        _github_summary([])
    return 0


def _compare(root: Path, plan: Plan, ref: str) -> str:
    """What the comparison found, for the terminal; raises PlanInvalid when an address would vanish
    or a closed plan changed without a new correction."""
    import datetime as dt

    from .closed_plans import check_closed_plans
    from .published import ComparisonFailed, earlier_plan_text, nothing_vanished, vanished

    try:
        earlier = earlier_plan_text(root, ref)
        if earlier is None:
            return f"Planen fandtes ikke i '{ref}': der er ingen tidligere adresser at sammenligne med."
        text = (root / PLAN_FILE).read_text(encoding="utf-8-sig")
        problems = vanished(plan, text, earlier, ref)
        closed_problems, closed_lines = check_closed_plans(text, earlier, ref, dt.date.today())
    except ComparisonFailed as error:
        raise PlanInvalid([Problem(PLAN_FILE, None, "--sammenlign-med", str(error))]) from None
    if problems or closed_problems:
        raise PlanInvalid(problems + closed_problems)
    return "\n".join([nothing_vanished(ref), *closed_lines])


def _refuse(problems: Sequence[Problem], output: str) -> int:
    if output == "github":
        for problem in problems:
            print(github_annotation(problem))
        _github_summary(problems)
    print(format_problems(problems), file=sys.stderr)
    return 1


def _github_summary(problems: Sequence[Problem]) -> None:
    import os

    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    if problems:
        lines = [f"## Planspor: {len(problems)} {'problem' if len(problems) == 1 else 'problemer'} i planen", ""]
        lines += ["| Fil | Linje | Felt | Hvad er galt |", "|---|---|---|---|"]
        lines += [f"| `{p.file}` | {p.line or ''} | {p.field} | {p.message.replace('|', '/')} |" for p in problems]
    else:
        lines = ["## Planspor: planen er i orden", "", "Ingen problemer fundet."]
    with open(path, "a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")


@command("check", "Tjek planen og alle noter uden at bygge siden.")
@runs(_run_check)
def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=["tekst", "github"], default="tekst", help="'github' skriver også hvert problem som en kommentar på linjen i en pull request."
    )
    parser.add_argument(
        "--sammenlign-med",
        metavar="VERSION",
        help=(
            "en git-version (fx origin/main): fejl, hvis en indsats, et tema, et udvalg, en strategi eller en status, "
            "der var i planen dengang, er slettet eller har skiftet id uden previous_ids, "
            "og hvis en afløst plan (earlier_plans) er ændret uden en ny rettelse under corrections"
        ),
    )


# -- export -----------------------------------------------------------------------


def _run_export(args: argparse.Namespace) -> int:
    from .export import export_sources

    root = project_root(args)
    project = load_project(root)
    count = export_sources(project, args.mappe, root / "mkdocs.yml")
    print(f"Skrev {count} sider til {args.mappe / 'docs'}. Byg dem uden Planspor med: mkdocs build -f {args.mappe / 'mkdocs.yml'}")
    return 0


@command("eksport", "Skriv de genererede sider som Markdown til en mappe, så siden kan bygges uden Planspor.")
@runs(_run_export)
def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("mappe", type=Path, help="mappen, siderne skrives til (dens docs/ erstattes)")


# -- the nginx recipe's redirects ---------------------------------------------------


def _run_redirects(args: argparse.Namespace) -> int:
    from .host_redirects import nginx_redirects
    from .plan_file import write_atomically
    from .project import SITE_CONFIG
    from .site_settings import accessibility_statement

    root = project_root(args)
    project = load_project(root)
    redirects = nginx_redirects(project.plan, accessibility_statement(root / SITE_CONFIG))
    if args.fil is None:
        sys.stdout.write(redirects.text)
        return 0
    write_atomically(args.fil, redirects.text.encode("utf-8"))
    was = "sender videre til tilgængelighedserklæringen" if redirects.statement else "er sidens egen side (ingen erklæring angivet)"
    moved = "1 gammel adresse på en indsats sender" if redirects.moved_items == 1 else f"{redirects.moved_items} gamle adresser på indsatser sender"
    others = f", {redirects.moved_others} gamle adresser på temaer og udvalg" if redirects.moved_others else ""
    print(f"Skrev {args.fil}: {moved}{others} videre med 301, og /was {was}.")
    return 0


@command("omdirigeringer", "Skriv nginx' omdirigeringer: gamle adresser på indsatser, temaer og udvalg og /was (til deploy/nginx/planspor.conf).")
@runs(_run_redirects)
def _redirects_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("fil", type=Path, nargs="?", help="filen, der skrives (fx /etc/nginx/planspor-redirects.conf); uden fil skrives til skærmen")


# -- entry point ------------------------------------------------------------------


def _load_editing_commands() -> None:
    """Importing cli_edit registers the commands that edit the plan (after check and eksport: the order of the help)."""
    from . import cli_edit  # noqa: F401


class _DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)  # type: ignore[arg-type]


class _DanishArgumentParser(argparse.ArgumentParser):
    """argparse with its error messages in Danish (and a suggestion for typos)."""

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        if match := re.search(r"invalid choice: '?([^' ]+)'? \(choose from (.*)\)", message):
            choices = [c.strip(" '") for c in match[2].split(",")]
            close = difflib.get_close_matches(match[1], choices, n=1)
            hint = f" Mente du '{close[0]}'?" if close else ""
            message = f"ukendt valg '{match[1]}'.{hint} Vælg en af: {', '.join(choices)}."
        elif match := re.search(r"the following arguments are required: (.*)", message):
            message = f"mangler: {match[1]}."
        elif match := re.search(r"unrecognized arguments: (.*)", message):
            message = f"ukendte argumenter: {match[1]}."
        elif match := re.search(r"argument (\S+): expected one argument", message):
            message = f"{match[1]} skal have en værdi."
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {message}\n")


def _danish(parser: argparse.ArgumentParser, positionals: str) -> None:
    """Danish headings, usage prefix and -h/--hjælp for an argparse parser."""
    parser.formatter_class = _DanishHelpFormatter
    parser._positionals.title = positionals
    parser._optionals.title = "tilvalg"
    parser.add_argument("-h", "--help", "--hjælp", action="help", help="vis denne hjælp og afslut")


def build_parser() -> argparse.ArgumentParser:
    _load_editing_commands()
    parser = _DanishArgumentParser(prog="planspor", description="Planspor: udmøntningsplanen som hjemmeside.", add_help=False)
    _danish(parser, "kommandoer")
    parser.add_argument("--projekt", type=Path, help="projektets mappe (standard: den nærmeste mappe med data/plan.yaml)")
    sub = parser.add_subparsers(dest="kommando", metavar="KOMMANDO", parser_class=_DanishArgumentParser)
    for name, (_run, add_arguments, help_text) in COMMANDS.items():
        child = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        _danish(child, "argumenter")
        add_arguments(child)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.kommando:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.kommando][0](args)
    except PlanInvalid as error:
        print(format_problems(error.problems), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
