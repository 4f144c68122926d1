"""Commands that edit data/plan.yaml (ny-indsats, status, flyt, import, omdøb, milepæl, måling, ny-plan).

Each command checks what it is asked before it writes anything, changes only
the lines it must (see plan_text.py), and validates the new text before it
replaces the file (see editing.py). Help and messages are in Danish.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from .cli_commands import Command, command, project_root, runs
from .editing import Change, NewItem, check_text, plan_move, plan_new_item, plan_status, save_change
from .periods import ALLOWED_END_FORMS, ALLOWED_FORMS
from .project import collector_paused

DATE_HELP = "datoen for ændringen, ÅÅÅÅ-MM-DD (standard: i dag). Den må ikke ligge efter planens data_as_of."


def _paused(run: Command) -> Command:
    """Run an editing command with the collector paused from start to end.

    A command holds the plan as read, its composed nodes and the changed plan
    (over a million objects at 2,000 items, no cycles worth collecting); each
    time the collector resumed it would rescan them (measured: 0.15 s of 2.4 s).
    """

    def paused_run(args: argparse.Namespace) -> int:
        with collector_paused():
            return run(args)

    return paused_run


def _save_and_tell(root: Path, change: Change) -> int:
    save_change(root, change)
    for message in change.messages:
        print(message)
    return 0


def _save_or_try(root: Path, change: Change, dry_run: bool) -> int:
    """Save and tell, or with --tør tell what would change: checked as saving would check it, nothing written."""
    if not dry_run:
        return _save_and_tell(root, change)
    check_text(change.plan_text, root)
    print("Prøvekørsel (--tør): intet er gemt. Disse ændringer ville blive lavet:")
    for message in change.messages:
        print(f"  {message}")
    return 0


# -- ny-indsats -------------------------------------------------------------------


@_paused
def _run_new_item(args: argparse.Namespace) -> int:
    committees = tuple(part.strip() for value in args.udvalg for part in value.split(",") if part.strip())
    request = NewItem(
        title=args.titel,
        theme=args.tema,
        kind=args.type,
        committees=committees,
        strategic=args.strategisk,
        ident=args.id,
        start=args.start,
        end=args.slut,
        day=args.dato,
    )
    root = project_root(args)
    return _save_and_tell(root, plan_new_item(root, request))


@command("ny-indsats", "Tilføj en ny indsats sidst i planen, og lav dens note (med en vejledning, der ikke vises på siden).")
@runs(_run_new_item)
def _new_item_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--titel", required=True, help="indsatsens titel")
    parser.add_argument("--tema", required=True, metavar="TEMA-ID", help="id'et på et tema fra themes: i planen")
    parser.add_argument("--type", required=True, metavar="TYPE-ID", help="id'et på en type fra kinds: i planen")
    parser.add_argument(
        "--udvalg", required=True, action="append", metavar="UDVALG-ID", help="id'et på et udvalg, der behandler indsatsen (gentag for flere udvalg)"
    )
    parser.add_argument("--strategisk", action="store_true", help="indsatsen er en del af den strategiske plan")
    parser.add_argument("--id", help="indsatsens id (standard: lavet af titlen, fx 'ny-sti-til-stranden')")
    parser.add_argument("--start", help=f"planlagt start: {ALLOWED_FORMS}")
    parser.add_argument("--slut", help=f"planlagt slut: {ALLOWED_END_FORMS}")
    parser.add_argument("--dato", help=DATE_HELP)


# -- status -----------------------------------------------------------------------


@_paused
def _run_status(args: argparse.Namespace) -> int:
    root = project_root(args)
    return _save_and_tell(root, plan_status(root, args.id, args.status, args.kommentar or "", args.dato))


@command("status", "Giv en indsats en ny status: tilføjer et punkt til dens historik.")
@runs(_run_status)
def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="indsatsens id (et tidligere id virker også)")
    parser.add_argument("status", metavar="status-id", help="id'et på den nye status fra statuses: i planen, fx i-gang eller afsluttet")
    parser.add_argument("--kommentar", help="en kort forklaring; skal udfyldes, når indsatsen udgår")
    parser.add_argument("--dato", help=DATE_HELP)


# -- flyt -------------------------------------------------------------------------


@_paused
def _run_move(args: argparse.Namespace) -> int:
    root = project_root(args)
    return _save_and_tell(root, plan_move(root, args.id, args.slut, args.start, args.kommentar, args.dato))


@command("flyt", "Flyt en indsats' tidspunkt: tilføjer et punkt til dens historik, så flytningen kan ses.")
@runs(_run_move)
def _move_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="indsatsens id (et tidligere id virker også)")
    parser.add_argument("--slut", help=f"nyt slut: {ALLOWED_END_FORMS}")
    parser.add_argument("--start", help=f"ny start: {ALLOWED_FORMS}")
    parser.add_argument("--kommentar", required=True, help="hvorfor tidspunktet flyttes")
    parser.add_argument("--dato", help=DATE_HELP)


# -- import -----------------------------------------------------------------------


@_paused
def _run_import(args: argparse.Namespace) -> int:
    from .spreadsheet import import_spreadsheet

    root = project_root(args)
    change = import_spreadsheet(root, Path(args.fil), sheet=args.ark, day_text=args.dato, ignored=args.ignorer or (), plan_text=args.plan)
    for notice in change.notices:
        print(notice)
    if not change.messages:
        print(f"Ingen ændringer: {'dokumentet' if Path(args.fil).suffix.lower() == '.docx' else 'regnearket'} svarer til planen.")
        return 0
    return _save_or_try(root, change, args.tør)


@command("import", "Hent indsatser fra et regneark (.xlsx eller .csv) eller et Word-dokument (.docx) ind i planen.")
@runs(_run_import)
def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("fil", help="regnearket (.xlsx eller .csv) eller Word-dokumentet (.docx); skabelon og eksempel ligger i skabeloner/")
    parser.add_argument(
        "--ark",
        metavar="NAVN",
        help="kun dette ark (standard: alle synlige ark med indhold undtagen Vejledning og Lister; Milepæle og Målinger læses som milepæle og målinger; har regnearket flere ark med indsatser, er hvert ark et tema)",
    )
    parser.add_argument(
        "--dato", help="datoen for nye statusser, X'er og flytninger, ÅÅÅÅ-MM-DD (standard: planens data_as_of). Den må ikke ligge efter data_as_of."
    )
    parser.add_argument(
        "--plan",
        metavar="PERIODE",
        help="den plan, nye indsatser kommer i, fx 2025-2028 (standard: den gældende plan). En kolonne Planer i regnearket går forud for den.",
    )
    parser.add_argument("--tør", action="store_true", help="prøvekørsel: vis hvad der ville blive ændret, uden at gemme noget")
    parser.add_argument(
        "--ignorer",
        action="append",
        metavar="KOLONNE",
        help='en kolonne i regnearket, som importen skal lade være (gentag for flere), fx --ignorer "Bemærkninger til udvalget"',
    )


# -- omdøb ------------------------------------------------------------------------


@_paused
def _run_rename(args: argparse.Namespace) -> int:
    from .renaming import plan_rename

    root = project_root(args)
    if args.hvad is None:
        change = plan_rename(root, args.id, args.nyt_id)
    else:
        from .renaming import plan_rename_entry

        change = plan_rename_entry(root, args.hvad, args.id, args.nyt_id)
    return _save_or_try(root, change, args.tør)


@command(
    "omdøb",
    "Giv en indsats, et tema eller et udvalg et nyt id: adressen, teksten, links og henvisningerne i planen følger med, og den gamle adresse sender videre.",
)
@runs(_run_rename)
def _rename_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "hvad",
        nargs="?",
        choices=("tema", "udvalg"),
        help="tema eller udvalg, når det er et tema eller et udvalg, der skal omdøbes (uden: en indsats), fx planspor omdøb tema skoler skoler-og-dagtilbud",
    )
    parser.add_argument("id", help="id'et nu (indsatsens, temaets eller udvalgets)")
    parser.add_argument("nyt_id", metavar="nyt-id", help="det nye id: små bogstaver a-z, tal og bindestreg, højst 60 tegn")
    parser.add_argument("--tør", action="store_true", help="prøvekørsel: vis hvad der ville blive ændret, uden at gemme noget")


# -- milepæl ------------------------------------------------------------------------


def _save_unless_unchanged(root: Path, change: Change, dry_run: bool) -> int:
    for notice in change.notices:
        print(notice)
    return _save_or_try(root, change, dry_run) if change.messages else 0


@_paused
def _run_milestone(args: argparse.Namespace) -> int:
    from .progress_editing import plan_milestone

    root = project_root(args)
    return _save_unless_unchanged(root, plan_milestone(root, args.id, args.milepael_id, args.dato, args.ret), args.tør)


@command("milepæl", "Skriv, at en af en indsats' milepæle er nået: datoen kommer i reached: ved milepælen.")
@runs(_run_milestone)
def _milestone_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="indsatsens id (et tidligere id virker også)")
    parser.add_argument("milepael_id", metavar="milepæl-id", help="id'et på en af indsatsens milepæle (under milestones: ved indsatsen)")
    parser.add_argument("--dato", help="dagen, milepælen blev nået, ÅÅÅÅ-MM-DD (standard: i dag). Den må ikke ligge efter planens data_as_of.")
    parser.add_argument(
        "--ret",
        action="store_true",
        help="ret datoen på en milepæl, der allerede står som nået, til den i --dato (uden --ret bliver en skrevet dato aldrig ændret)",
    )
    parser.add_argument("--tør", action="store_true", help="prøvekørsel: vis hvad der ville blive ændret, uden at gemme noget")


# -- måling -------------------------------------------------------------------------

# A value typed with a minus, "-2,5", is a value and not an option (Python before 3.13 reads only "-2" and "-2.5" so).
_NEGATIVE_NUMBER = re.compile(r"^-\d+([.,]\d+)*$|^-[.,]\d+$")


@_paused
def _run_measurement(args: argparse.Namespace) -> int:
    from .progress_editing import NewMeasurement, plan_measurement

    root = project_root(args)
    request = NewMeasurement(args.id, args.indikator_id, args.vaerdi, args.kilde, args.dato, args.link)
    return _save_or_try(root, plan_measurement(root, request), args.tør)


@command("måling", "Tilføj en måling til en af en indsats' indikatorer: dato, værdi og kilde under measurements: ved indikatoren.")
@runs(_run_measurement)
def _measurement_arguments(parser: argparse.ArgumentParser) -> None:
    parser._negative_number_matcher = _NEGATIVE_NUMBER
    parser.add_argument("id", help="indsatsens id (et tidligere id virker også)")
    parser.add_argument("indikator_id", metavar="indikator-id", help="id'et på en af indsatsens indikatorer (under indicators: ved indsatsen)")
    parser.add_argument(
        "vaerdi",
        metavar="værdi",
        help="det målte tal, i indikatorens enhed, med komma eller punktum som decimaltegn og uden tusindtalspunktum, fx 23600, 78,6 eller -2,5",
    )
    parser.add_argument("--kilde", required=True, help='hvor tallet kommer fra, fx "Energiregnskab 3. kvartal 2024"')
    parser.add_argument("--dato", help="dagen, målingen gælder, ÅÅÅÅ-MM-DD (standard: i dag). Den må ikke ligge efter planens data_as_of; én måling pr. dag.")
    parser.add_argument("--link", metavar="https://…", help="en webadresse, hvor kilden kan læses")
    parser.add_argument("--tør", action="store_true", help="prøvekørsel: vis hvad der ville blive ændret, uden at gemme noget")


# -- ny-plan ------------------------------------------------------------------------


@_paused
def _run_new_plan(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .new_plan import NewPlanRequest, plan_new_plan

    root = project_root(args)
    planned = plan_new_plan(root, NewPlanRequest(args.periode, args.titel, args.lukket, args.kun))
    if args.tør:  # the full account: the earlier plan's entry, the new plan, every item carried and left
        return _save_or_try(root, replace(planned.change, messages=planned.details), True)
    return _save_and_tell(root, planned.change)


@command("ny-plan", "Start næste års udmøntningsplan: den nuværende plan flyttes til earlier_plans, og dens åbne indsatser føres videre.")
@runs(_run_new_plan)
def _new_plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("periode", help="den nye plans periode, første og sidste år, fx 2025-2028")
    parser.add_argument("--titel", help="den nye plans titel (standard: Udmøntningsplan <periode>)")
    parser.add_argument(
        "--lukket", metavar="ÅÅÅÅ-MM-DD", help="den sidste dag, den nuværende plan var gældende (standard: planens data_as_of; den må ikke ligge efter)"
    )
    parser.add_argument(
        "--kun",
        metavar="ID,ID",
        help="før kun disse indsatser videre, adskilt af komma (standard: alle åbne indsatser, dvs. hverken afsluttede eller udgåede)",
    )
    parser.add_argument("--tør", action="store_true", help="prøvekørsel: vis hvad der ville blive ændret, uden at gemme noget")
