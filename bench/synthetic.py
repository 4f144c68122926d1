"""Synthetic Planspor projects of any size, for the benchmark and the scale test.

``write_project(target, items, seed)`` writes a complete project: the bundled
site configuration, hooks, theme and editors' pages (``content/`` without the
notes), the bundled plan's plan facts, statuses, themes, kinds, committees,
strategies and goals, and ``items`` generated items. Every theme, committee,
strategy and strength is used; half the items have a note of about 200 words
of Danish-looking text (a large, Zipf-distributed vocabulary, so the search
index grows as a real one would); histories have 1-5 entries with timing
moves and dropped items with their reasons. The same seed gives the same
project, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from planspor.slugs import ID_LENGTH, id_from, title_key

REPO = Path(__file__).resolve().parent.parent
PLAN_FILE = "data/plan.yaml"
COPIED = ("mkdocs.yml", "hooks", "theme_overrides")
NOTES = "items"
ITEM_LINK = re.compile(r"\]\(indsats:([a-z0-9-]+)\)")

# Real words for titles, so the pages read like the plan's.
TITLE_START = ["Styrket", "Bedre", "Ny", "Fælles", "Grøn", "Digital", "Udvidet", "Tryg", "Sammenhængende", "Lokal", "Moderniseret", "Forenklet"]
TITLE_NOUN = [
    "samarbejde om",
    "indsats for",
    "plan for",
    "analyse af",
    "omlægning af",
    "styring af",
    "udvikling af",
    "prioritering af",
    "opfølgning på",
    "renovering af",
]
TITLE_OBJECT = [
    "skolebygninger",
    "dagtilbud",
    "ældreplejen",
    "cykelstier",
    "kystbeskyttelse",
    "erhvervsservice",
    "borgerservice",
    "idrætsfaciliteter",
    "vandmiljøet",
    "affaldssortering",
    "kollektiv trafik",
    "boligudbygning",
    "sundhedshuse",
    "ungdomsuddannelser",
    "biblioteker",
    "naturarealer",
    "energiforbrug",
    "rekruttering",
    "turisme",
    "landdistrikter",
]
PLACES = ["Grenaa", "Auning", "Ørsted", "Allingåbro", "Glesborg", "Trustrup", "Bønnerup", "Fjellerup", "Gjerrild", "Vivild", "Ørum", "Voldby", "Anholt"]
UNITS = [
    "Økonomi og Personale",
    "Børn og Skole",
    "Teknik og Miljø",
    "Kultur og Fritid",
    "Social og Sundhed",
    "Borgerservice og Digitalisering",
    "Ejendomme og Energi",
]
COMMON = [
    "og",
    "i",
    "at",
    "det",
    "en",
    "er",
    "som",
    "på",
    "de",
    "med",
    "for",
    "til",
    "af",
    "den",
    "ikke",
    "der",
    "har",
    "vil",
    "skal",
    "kan",
    "også",
    "når",
    "så",
    "kommunen",
    "borgerne",
    "indsatsen",
    "arbejdet",
    "udvalget",
    "området",
    "planen",
    "året",
    "der",
    "skal",
    "derfor",
    "blandt",
    "andet",
    "samtidig",
    "desuden",
    "fordi",
    "mens",
    "efter",
    "inden",
    "over",
    "under",
    "mellem",
]
ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "bl",
    "br",
    "dr",
    "fl",
    "fr",
    "gr",
    "kl",
    "kr",
    "pl",
    "pr",
    "sk",
    "sl",
    "sn",
    "sp",
    "st",
    "tr",
]
VOWELS = ["a", "e", "i", "o", "u", "y", "æ", "ø", "å", "ei", "ø", "e"]
CODAS = ["", "", "", "n", "r", "l", "s", "t", "d", "g", "k", "nd", "ng", "st", "rt", "ld"]
ENDINGS = ["", "", "", "e", "en", "er", "et", "ning", "hed", "else", "erne", "ende", "ets", "lig", "isk"]
VOCABULARY = 12_000


@dataclass(frozen=True)
class _Header:
    text: str
    title: str
    data_as_of: dt.date
    period_start: int
    period_end: int
    statuses: list[str]
    dropped: list[str]
    themes: list[str]
    kinds: list[str]
    committees: list[str]
    strategies: list[str]
    strengths: dict[str, str]  # strength id -> its strategy id
    decisions: list[tuple[str, dt.date]]  # the register's citable decisions: id and date


def write_project(target: Path, items: int, seed: int = 1, plans: int = 1, lived: bool = False) -> None:
    """Write a complete Planspor project with ``items`` generated items into ``target``; with ``plans``
    above 1, as that many udmøntningsplaner (see :func:`_earlier_plans`), the items spread over them.

    ``lived``: the plan as it stands on its period's last day (``data_as_of`` moved there, so every
    quarter of the period has a snapshot, and the histories spread over the whole period) and with
    two plan-level decisions a year (:func:`_lived`), each on a day of its own."""
    rng = random.Random(seed)
    # The evidence (cited decisions and documents, milestones, indicators) draws from a generator of
    # its own, so the rest of the plan is the one the benchmark measured before they existed.
    evidence = random.Random(seed + 1)
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for part in COPIED:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(REPO / "content", target / "content", ignore=shutil.ignore_patterns("__pycache__", NOTES), dirs_exist_ok=True)
    header = _lived(_read_header()) if lived else _read_header()
    ids = _item_ids(rng, items, _linked_ids(target / "content"))
    words = _Words(rng)
    titles: set[str] = set()  # a plan never has two items with one title (planspor check refuses it)
    blocks = [_item(rng, evidence, header, ids, index, words, titles) for index in range(items)]
    earlier = ""
    if plans > 1:
        earlier, periods = _earlier_plans(header, plans)
        blocks = [_in_plans(block, index, items, periods) for index, block in enumerate(blocks)]
    (target / "data").mkdir(exist_ok=True)
    (target / PLAN_FILE).write_text(header.text + earlier + "\nitems:\n" + "\n".join(blocks), encoding="utf-8")
    notes = target / "content" / NOTES
    notes.mkdir(exist_ok=True)
    for index in range(0, items, 2):
        (notes / f"{ids[index]}.md").write_text(_note(rng, header, ids, index, words), encoding="utf-8")


def lived_epoch() -> str:
    """SOURCE_DATE_EPOCH for building a ``lived`` project: noon on its period's last day. The plan's
    check refuses a data_as_of after the build's date (buildinfo.reference_date), and that day may
    not have come yet; the build's date is the later of today and this one."""
    header = _read_header()
    moment = dt.datetime(header.period_end, 12, 31, 12, tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def _lived(header: _Header) -> _Header:
    """The header on its period's last day, with the plan taken up by the Økonomiudvalget and the
    Kommunalbestyrelsen twice a year (on the 20th of June and of December: not quarter ends), each a
    plan-level decision in the register and in ``adopted_by``."""
    end = dt.date(header.period_end, 12, 31)
    days = [dt.date(year, month, 20) for year in range(header.period_start, header.period_end + 1) for month in (6, 12)]
    register = [
        f"    - id: status-{day.isoformat()}\n      body: Kommunalbestyrelsen\n      date: {day.isoformat()}\n"
        + f"      agenda_title: Status på {header.title}\n      outcome: Taget til efterretning\n"
        for day in days
    ]
    text = header.text.replace(f"data_as_of: {header.data_as_of.isoformat()}", f"data_as_of: {end.isoformat()}", 1)
    text = re.sub(r"(\n  adopted_by: \[)([^\]]*)\]", lambda m: m[1] + ", ".join([m[2], *(f"status-{d.isoformat()}" for d in days)]) + "]", text, count=1)
    text = re.sub(r"(\n  decisions:\n(?:    .*\n|\n)*)", lambda m: m[1] + "".join(register), text, count=1)
    return replace(header, text=text, data_as_of=end, decisions=[*header.decisions, *((f"status-{d.isoformat()}", d) for d in days)])


def _earlier_plans(header: _Header, plans: int) -> tuple[str, list[str]]:
    """``plans - 1`` earlier plans before the bundled current one, a year apart, each replaced a
    month before the next; and every plan's id (period), oldest first."""
    current = (header.period_start, header.period_end)
    periods = [f"{current[0] - back}-{current[1] - back}" for back in range(plans - 1, -1, -1)]
    lines = ["", "earlier_plans:"]
    for back in range(plans - 1, 0, -1):
        start, end = current[0] - back, current[1] - back
        closed = header.data_as_of - dt.timedelta(days=30 * back)
        lines += [f"  - title: Udmøntningsplan {start}-{end}", f"    period: {{start: {start}, end: {end}}}", f"    closed: {closed.isoformat()}"]
    return "\n".join(lines) + "\n", periods


def _in_plans(block: str, index: int, items: int, periods: list[str]) -> str:
    """An item of the plan its place in the list falls in; one in three carried into the next plan."""
    group = index * len(periods) // items
    named = periods[group : group + 2] if index % 3 == 0 else periods[group : group + 1]
    first, _, rest = block.partition("\n")
    return f"{first}\n    plans: [{', '.join(named)}]\n{rest}"


def _read_header() -> _Header:
    """The bundled plan without its items, and the ids items may refer to."""
    text = (REPO / PLAN_FILE).read_text(encoding="utf-8")
    head, found, _ = text.partition("\nitems:\n")
    if not found:
        raise ValueError(f"{PLAN_FILE} has no top-level 'items:' block")
    # One plan, the current one: the bundled plan's earlier plan names items the synthetic plan has not.
    head = re.sub(r"\nearlier_plans:\n(?:[ \t].*\n|\n)*", "\n", head)
    raw: dict[str, Any] = yaml.safe_load(head)
    strategies = raw["strategies"]
    return _Header(
        text=head.rstrip() + "\n",
        title=raw["plan"]["title"],
        data_as_of=raw["plan"]["data_as_of"],
        period_start=raw["plan"]["period"]["start"],
        period_end=raw["plan"]["period"]["end"],
        statuses=[s["id"] for s in raw["statuses"] if not s.get("dropped")],
        dropped=[s["id"] for s in raw["statuses"] if s.get("dropped")],
        themes=[t["id"] for t in raw["themes"]],
        kinds=[k["id"] for k in raw["kinds"]],
        committees=[c["id"] for c in raw["committees"]],
        strategies=[s["id"] for s in strategies],
        strengths={strength["id"]: s["id"] for s in strategies for strength in s.get("strengths") or []},
        decisions=[(d["id"], d["date"]) for d in raw["plan"].get("decisions") or [] if d.get("id")],
    )


def _linked_ids(content: Path) -> list[str]:
    """Item ids the editors' pages link to: they must exist in any plan."""
    found: dict[str, None] = {}
    for path in sorted(content.rglob("*.md")):
        for match in ITEM_LINK.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1)] = None
    return list(found)


def _title(rng: random.Random) -> str:
    title = f"{rng.choice(TITLE_START)} {rng.choice(TITLE_NOUN)} {rng.choice(TITLE_OBJECT)}"
    return f"{title} i {rng.choice(PLACES)}" if rng.random() < 0.5 else title


def _item_ids(rng: random.Random, count: int, required: list[str]) -> list[str]:
    ids = required[:count]
    for number in itertools.count(len(ids) + 1):
        if len(ids) >= count:
            break
        suffix = f"-{number}"
        ids.append(id_from(_title(rng), ID_LENGTH - len(suffix)) + suffix)  # within the plan's limit, as `ny-indsats` makes them
    return ids


class _Words:
    """A Zipf-distributed vocabulary of Danish-looking words."""

    def __init__(self, rng: random.Random) -> None:
        invented: dict[str, None] = {}
        while len(invented) < VOCABULARY:
            syllables = rng.choice([1, 2, 2, 2, 3])
            word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)) + rng.choice(ENDINGS)
            invented[word] = None
        self.words = COMMON + list(invented)
        self.weights = list(itertools.accumulate(1 / rank for rank in range(1, len(self.words) + 1)))
        self.rng = rng

    def sentence(self, length: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.weights, k=length)
        return " ".join(words).capitalize() + "."

    def paragraph(self, length: int) -> str:
        sentences = []
        while length > 0:
            size = min(length, self.rng.randint(6, 18))
            sentences.append(self.sentence(size))
            length -= size
        return " ".join(sentences)


def _unique(title: str, titles: set[str]) -> str:
    """The title, or with "etape 2", "etape 3", ... after it when another item has it already."""
    candidate, number = title, 2
    while title_key(candidate) in titles:
        candidate, number = f"{title}, etape {number}", number + 1
    titles.add(title_key(candidate))
    return candidate


def _quarter(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def _item(rng: random.Random, evidence: random.Random, header: _Header, ids: list[str], index: int, words: _Words, titles: set[str]) -> str:
    ident = ids[index]
    theme = header.themes[index % len(header.themes)]
    committees = rng.sample(header.committees, rng.choice([1, 1, 2, 2, 3]))
    if index < len(header.committees):
        committees = [header.committees[index], *[c for c in committees if c != header.committees[index]]]
    start_year = rng.randint(2024, 2026)
    start_q = rng.randint(1, 4)
    end_year = min(2027, start_year + rng.randint(0, 1))
    end_q = rng.randint(start_q, 4) if end_year == start_year else rng.randint(1, 4)
    lines = [
        f"  - id: {ident}",
        f"    title: {_unique(_title(rng), titles)}",
        f"    theme: {theme}",
        f"    kind: {header.kinds[index % len(header.kinds)]}",
        f"    committees: [{', '.join(committees)}]",
        f"    strategic: {'true' if rng.random() < 0.4 else 'false'}",
        f"    timing: {{start: {_quarter(start_year, start_q)}, end: {_quarter(end_year, end_q)}}}",
        f"    responsible: {rng.choice(UNITS)}",
    ]
    if rng.random() < 0.7:
        lines.append(f"    process: >-\n      {words.paragraph(rng.randint(15, 35))}")
    if rng.random() < 0.5:
        lines.append(f"    cross_cutting: {words.sentence(rng.randint(8, 16))}")
    if rng.random() < 0.4:
        amounts = ", ".join(f"{year}: {rng.randrange(-3000, 3000, 50)}" for year in range(2024, 2028))
        lines.append(f"    budget: {{{amounts}}}")
    lines += _milestones(evidence, header, (start_year, start_q), (end_year, end_q), words)
    lines += _indicators(evidence, header, words)
    if index < len(header.strategies) or rng.random() < 0.3:
        strategy = header.strategies[index % len(header.strategies)]
        lines.append(f"    strategies: [{strategy}]")
        own = [s for s, owner in header.strengths.items() if owner == strategy]
        if own:
            lines.append(f"    strengths: [{', '.join(rng.sample(own, rng.randint(1, len(own))))}]")
    sdgs = sorted(rng.sample(range(1, 18), rng.randint(0, 3)))
    if sdgs:
        lines.append(f"    sdgs: [{', '.join(map(str, sdgs))}]")
    others = [ids[rng.randrange(len(ids))] for _ in range(rng.choice([0, 0, 1, 2, 3]))]
    related = sorted({other for other in others if other != ident})
    if related:
        lines.append(f"    related: [{', '.join(related)}]")
    if rng.random() < 0.03:
        lines.append(f"    previous_ids: [tidligere-{ident}]")
    lines.append("    history:")
    lines += _history(rng, evidence, header, (end_year, end_q), words)
    return "\n".join(lines) + "\n"


def _milestones(rng: random.Random, header: _Header, start: tuple[int, int], end: tuple[int, int], words: _Words) -> list[str]:
    """A third of the items: 2-6 milestones spread from the start to the end, those due by data_as_of mostly reached."""
    if rng.random() >= 0.33:
        return []
    first, last = start[0] * 4 + start[1] - 1, end[0] * 4 + end[1] - 1
    lines = ["    milestones:"]
    for number in range(rng.randint(2, 6)):
        year, quarter = divmod(rng.randint(first, max(first, last)), 4)
        due = dt.date(year, 3 * quarter + 3, 28)
        lines += [
            f"      - id: milepael-{number + 1}",
            f"        title: {words.sentence(rng.randint(3, 7)).rstrip('.')}",
            f"        planned: {_quarter(year, quarter + 1)}",
        ]
        if due <= header.data_as_of and rng.random() < 0.8:
            lines.append(f"        reached: {min(due, header.data_as_of).isoformat()}")
    return lines


def _indicators(rng: random.Random, header: _Header, words: _Words) -> list[str]:
    """One item in ten: an indicator with a baseline, a target and 0-6 quarterly measurements."""
    if rng.random() >= 0.1:
        return []
    lower = rng.random() < 0.5
    baseline = rng.randint(100, 50_000)
    target = round(baseline * (0.8 if lower else 1.2))
    lines = [
        "    indicators:",
        "      - id: indikator",
        f"        name: {words.sentence(rng.randint(3, 6)).rstrip('.')}",
        f"        unit: {rng.choice(['ton', 'procent', 'MWh', 'dage', 'borgere'])}",
        f"        better: {'lavere' if lower else 'højere'}",
        f"        baseline: {{value: {baseline}, date: 2023-12-31}}",
        f"        target: {{value: {target}, date: 2027-12-31}}",
    ]
    count = rng.randint(0, 6)
    if count:
        lines.append("        measurements:")
    for number in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=45 * number)
        if day > header.data_as_of:
            break
        value = round(baseline + (target - baseline) * rng.uniform(-0.1, 0.4), 1)
        lines.append(f"          - {{date: {day.isoformat()}, value: {value}, source: Opgørelse {number + 1}}}")
    return lines if lines[-1] != "        measurements:" else lines[:-1]


def _history(rng: random.Random, evidence: random.Random, header: _Header, end: tuple[int, int], words: _Words) -> list[str]:
    count = rng.choice([1, 2, 2, 3, 3, 4, 5])
    first = dt.date(2023, 12, 1)
    span = (header.data_as_of - first).days
    days = sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))
    dropped = rng.random() < 0.05
    lines: list[str] = []
    end_year, end_q = end
    for number, day in enumerate(days):
        lines.append(f"      - date: {day.isoformat()}")
        last = number == count - 1
        if last and dropped:
            lines.append(f"        status: {rng.choice(header.dropped)}")
            lines.append(f"        comment: Indsatsen er udgået. {words.sentence(rng.randint(8, 20))}")
        elif number > 0 and rng.random() < 0.3:
            end_q += rng.randint(1, 3)
            end_year, end_q = end_year + (end_q - 1) // 4, (end_q - 1) % 4 + 1
            lines.append(f"        timing: {{end: {_quarter(end_year, end_q)}}}")
            lines.append(f"        comment: >-\n          {words.sentence(rng.randint(10, 25))}")
        else:
            lines.append(f"        status: {rng.choice(header.statuses)}")
            if rng.random() < 0.6:
                lines.append(f"        comment: {words.sentence(rng.randint(5, 15))}")
        lines += _source(evidence, header, day)
    return lines


def _source(rng: random.Random, header: _Header, day: dt.date) -> list[str]:
    """One entry in ten cites a decision in the register taken by its date; one in twenty a document."""
    citable = [ident for ident, taken in header.decisions if taken <= day]
    if citable and rng.random() < 0.1:
        return [f"        decision: {rng.choice(citable)}"]
    if rng.random() < 0.05:
        return ["        document: {title: Notat fra forvaltningen, url: https://www.norddjurs.dk/}"]
    return []


def _note(rng: random.Random, header: _Header, ids: list[str], index: int, words: _Words) -> str:
    other = ids[rng.randrange(len(ids))]
    theme = rng.choice(header.themes)
    parts = [
        f"---\ndescription: {words.sentence(rng.randint(8, 14))}\n---\n" if rng.random() < 0.3 else "",
        words.paragraph(rng.randint(50, 80)),
        f"## {words.sentence(3).rstrip('.')}",
        words.paragraph(rng.randint(50, 80)),
        f"Se også [en beslægtet indsats](indsats:{other}) og temaet [{theme}](tema:{theme}).",
        words.paragraph(rng.randint(30, 50)),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"
