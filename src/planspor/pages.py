"""Page sources: every page of the site as Markdown with YAML front matter.

This is the export contract. A page is fully determined by its text here:
templates read ``page.meta`` (the front matter) and ``page.content`` (the
body), nothing else. The same texts are handed to MkDocs by the hooks or
written to a folder by ``planspor eksport`` and built without hooks.

URLs in the front matter are site-relative directory URLs ("indsatser/x/");
templates pass them through MkDocs' ``url`` filter.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from . import changes, opendata
from .model import Item, Plan, Status, Strategy, freshness
from .periods import danish_date
from .problems import Problem
from .project import NOTES_DIR, PLAN_FILE, Project
from .sdgs import Sdg

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper

TEMPLATE_DIR = "planspor"
PAGE_SIZE = 200  # rows in one page of an item table: a page's size never grows with the plan


@dataclass(frozen=True)
class PageSource:
    src_uri: str
    text: str


def site_sources(project: Project, site_url: str = "") -> list[PageSource]:
    """All generated pages and data files, editors' free pages included (with site meta added).

    site_url (the public address, ending in '/') makes the links in data files
    absolute; without it they are relative to the site's root.
    """
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    return [*_Pages(project).all(), *data_files(project.plan, site_url), *feed_files(project.plan, site_url)]


def feed_files(plan: Plan, site_url: str) -> list[PageSource]:
    feeds = [PageSource(changes.FEED_PATH, changes.atom_feed(plan, site_url, changes.FEED_PATH, f"Ændringer i {plan.info.title}", changes.all_changes(plan)))]
    for theme in plan.themes:
        path = changes.theme_feed_path(theme.id)
        feeds.append(PageSource(path, changes.atom_feed(plan, site_url, path, f"Ændringer i temaet {theme.title}", changes.all_changes(plan, theme))))
    return feeds


def data_files(plan: Plan, site_url: str) -> list[PageSource]:
    return [
        PageSource(opendata.JSON_PATH, opendata.plan_json(plan, site_url)),
        PageSource(opendata.CSV_PATH, opendata.plan_csv(plan, site_url)),
        PageSource(opendata.SCHEMA_PATH, opendata.schema_json()),
    ]


def listing_urls(base_uri: str) -> tuple[str, str]:
    """'temaer/x.md' -> ('temaer/x/', 'temaer/x/'); 'status/index.md' -> ('status/', 'status/')."""
    folder = base_uri.removesuffix("index.md") if base_uri.endswith("index.md") else base_uri.removesuffix(".md") + "/"
    return folder, folder


def item_url(item_id: str) -> str:
    return f"indsatser/{item_id}/"


# -- formatting -----------------------------------------------------------------


def danish_number(value: Decimal) -> str:
    """-2500.5 -> '−2.500,5' (thousands '.', decimal ',', a real minus sign)."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    fraction = value - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        decimals = f"{fraction.normalize():f}".split(".")[1]
        text += "," + decimals
    return sign + text


def escape(text: str) -> str:
    """Plan text placed in Markdown is text, never HTML or Markdown markup."""
    escaped = html.escape(text, quote=False)
    return escaped.replace("*", r"\*").replace("_", r"\_").replace("[", r"\[").replace("`", r"\`")


def front_matter_page(src_uri: str, meta: dict[str, Any], body: str = "") -> PageSource:
    dumped = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return PageSource(src_uri, f"---\n{dumped}---\n\n{body.strip()}\n")


# -- the pages ------------------------------------------------------------------


class _Pages:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.plan: Plan = project.plan
        info = self.plan.info
        self.site = {
            "plan_title": info.title,
            "municipality": info.municipality,
            "example_data": info.example_data,
            "data_as_of": danish_date(info.data_as_of),
            "data_as_of_iso": info.data_as_of.isoformat(),
            "stale_after_months": info.stale_after_months,
            "data": {"json": opendata.JSON_PATH, "csv": opendata.CSV_PATH, "schema": opendata.SCHEMA_PATH},
            "feed": changes.FEED_PATH,
        }
        self.rows = {item.id: self.row(item) for item in self.plan.items}
        self._sorted = sorted(self.plan.items, key=lambda i: i.sort_key)

    def all(self) -> Iterable[PageSource]:
        yield self.overview()
        yield self.index_page(
            "temaer/index.md", "Temaer", "themes", [self.theme_summary(t.id, t.title, f"temaer/{t.id}/", self.plan.items_in_theme(t)) for t in self.plan.themes]
        )
        for theme in self.plan.themes:
            yield from self.theme(theme.id)
        for item in self.plan.items:
            yield self.item(item)
            for old_id in item.previous_ids:
                yield self.redirect(f"indsatser/{old_id}.md", item)
        yield from self.status_table()
        committees = {c.id: [i for i in self.sorted_items() if c in i.committees] for c in self.plan.committees}
        yield self.index_page(
            "udvalg/index.md", "Udvalg", "committees", [self.theme_summary(c.id, c.title, f"udvalg/{c.id}/", committees[c.id]) for c in self.plan.committees]
        )
        for committee in self.plan.committees:
            yield from self.listing(f"udvalg/{committee.id}.md", committee.title, "committee", committees[committee.id], {"id": committee.id})
        yield self.index_page(
            "strategier/index.md",
            "Strategier",
            "strategies",
            [self.theme_summary(s.id, s.title, f"strategier/{s.id}/", self.strategy_items(s)) for s in self.plan.strategies],
        )
        for strategy in self.plan.strategies:
            yield from self.strategy(strategy)
        sdgs = self.plan.sdgs_in_use()
        yield self.index_page("verdensmaal/index.md", "Verdensmål", "sdgs", [self.sdg_summary(s) for s in sdgs])
        for sdg in sdgs:
            yield from self.sdg(sdg)
        yield from self.changes_pages()
        yield self.about()
        yield self.page("soeg.md", "Søg", "search", {}, "")
        used = {"index.md", "om.md", "soeg.md", "status/index.md"} | {f"temaer/{t.id}.md" for t in self.plan.themes}
        used |= {"temaer/index.md", "udvalg/index.md", "strategier/index.md", "verdensmaal/index.md"}
        used |= {f"udvalg/{c.id}.md" for c in self.plan.committees} | {f"strategier/{s.id}.md" for s in self.plan.strategies}
        used |= {f"verdensmaal/{s.number}.md" for s in sdgs}
        for src_uri in self.project.pages:
            if src_uri not in used:
                yield self.free_page(src_uri)

    # -- shared pieces

    def page(self, src_uri: str, title: str, kind: str, data: dict[str, Any], body: str, description: str = "") -> PageSource:
        editor = self.project.pages.get(src_uri)
        if editor is not None:
            body = editor.body + ("\n\n" + body if body else "")
            description = str(editor.doc.meta.get("description") or description)
        meta: dict[str, Any] = {"title": title, "template": f"{TEMPLATE_DIR}/{kind}.html"}
        if description:
            meta["description"] = description
        meta["planspor"] = {"site": self.site, "page": kind, **data}
        return front_matter_page(src_uri, meta, body)

    def free_page(self, src_uri: str) -> PageSource:
        editor = self.project.pages[src_uri]
        meta: dict[str, Any] = {k: editor.doc.meta[k] for k in editor.doc.meta}
        meta["planspor"] = {"site": self.site, "page": "free"}
        return front_matter_page(src_uri, meta, editor.body)

    def status(self, status: Status) -> dict[str, Any]:
        return {
            "id": status.id,
            "label": status.label,
            "icon": status.icon,
            "colour": status.colour,
            "text_colour": status.text_colour,
            "order": self.plan.statuses.index(status),
        }

    def row(self, item: Item) -> dict[str, Any]:
        timing = item.timing
        return {
            "id": item.id,
            "title": item.title,
            "url": item_url(item.id),
            "status": item.status.id,
            "theme": item.theme.id,
            "kind": item.kind.title,
            "kind_id": item.kind.id,
            "committees": [c.id for c in item.committees],
            "timing": timing.label(),
            "sort": item.sort_key[0].isoformat() if timing.end or timing.start else "9999-12-31",
            "flags": self.flags(item),
        }

    def flags(self, item: Item) -> list[str]:
        fresh = freshness(item, self.plan.info)
        return [flag for flag, on in (("stale", fresh.stale), ("past_end", fresh.past_end)) if on]

    def lookups(self, items: Iterable[Item]) -> dict[str, Any]:
        """Labels the tables need, only for what the rows refer to."""
        items = list(items)
        statuses = {i.status.id for i in items}
        themes = {i.theme.id for i in items}
        committees = {c.id for i in items for c in i.committees}
        return {
            "statuses": {s.id: self.status(s) for s in self.plan.statuses if s.id in statuses},
            "themes": {t.id: {"title": t.title, "url": f"temaer/{t.id}/"} for t in self.plan.themes if t.id in themes},
            "committees": {c.id: {"title": c.title, "url": f"udvalg/{c.id}/"} for c in self.plan.committees if c.id in committees},
        }

    def counts(self, items: Iterable[Item]) -> dict[str, Any]:
        items = list(items)
        counter = Counter(item.status.id for item in items)
        dropped = sum(counter[s.id] for s in self.plan.statuses if s.dropped)
        finished = sum(counter[s.id] for s in self.plan.statuses if s.finished)
        active = len(items) - dropped
        flags = [self.rows[i.id]["flags"] for i in items]
        return {
            "total": len(items),
            "stale": sum("stale" in f for f in flags),
            "past_end": sum("past_end" in f for f in flags),
            "finished": finished,
            "active": active,
            "percent": round(100 * finished / active) if active else 0,
            "by_status": [
                {**self.status(s), "count": counter[s.id], "percent": round(100 * counter[s.id] / len(items), 1) if items else 0} for s in self.plan.statuses
            ],
        }

    def theme_summary(self, ident: str, title: str, url: str, items: list[Item]) -> dict[str, Any]:
        return {"id": ident, "title": title, "url": url, "counts": self.counts(items)}

    def sorted_items(self) -> list[Item]:
        return self._sorted

    def table(self, items: Iterable[Item]) -> dict[str, Any]:
        items = list(items)
        return {"rows": [self.rows[i.id] for i in items], **self.lookups(items)}

    # -- page kinds

    def overview(self) -> PageSource:
        info = self.plan.info
        counts = self.counts(self.plan.items)
        data: dict[str, Any] = {
            "counts": counts,
            "themes": [self.theme_summary(t.id, t.title, f"temaer/{t.id}/", self.plan.items_in_theme(t)) for t in self.plan.themes],
            "decisions": self.decisions(),
            "values_name": info.values_name,
            "plan_values": list(info.values),
        }
        description = f"Status for {info.title} i {info.municipality}: {counts['total']} indsatser, data pr. {self.site['data_as_of']}."
        return self.page("index.md", info.title, "overview", data, "", description)

    def decisions(self) -> list[dict[str, str]]:
        return [
            {"body": d.body, "date": danish_date(d.date), "iso": d.date.isoformat(), "outcome": d.outcome, "comment": d.comment}
            for d in self.plan.info.decisions
        ]

    def index_page(self, src_uri: str, title: str, kind: str, entries: list[dict[str, Any]]) -> PageSource:
        return self.page(src_uri, title, "index", {"index": kind, "entries": entries}, "")

    def paged(
        self, base_uri: str, title: str, kind: str, items: list[Item], data: dict[str, Any], body: str = "", description: str = ""
    ) -> Iterator[PageSource]:
        """A listing whose table pages itself: PAGE_SIZE rows a page, /side-2/ and on."""
        chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
        base_url, folder = listing_urls(base_uri)
        urls = [base_url] + [f"{folder}side-{n}/" for n in range(2, len(chunks) + 1)]
        counts = self.counts(items)
        for number, chunk in enumerate(chunks, 1):
            pagination = None
            if len(chunks) > 1:
                first = (number - 1) * PAGE_SIZE + 1
                pagination = {
                    "page": number,
                    "pages": len(chunks),
                    "first_row": first,
                    "last_row": first + len(chunk) - 1,
                    "total": len(items),
                    "urls": urls,
                }
            page_data = {**data, "counts": counts, "table": self.table(chunk), "pagination": pagination, "first_page": number == 1}
            if number == 1:
                yield self.page(base_uri, title, kind, page_data, body, description)
            else:
                yield self.page(f"{folder}side-{number}.md", f"{title} (side {number} af {len(chunks)})", kind, page_data, "", description)

    def theme(self, theme_id: str) -> Iterator[PageSource]:
        theme = next(t for t in self.plan.themes if t.id == theme_id)
        items = [i for i in self.sorted_items() if i.theme == theme]
        description = f"{theme.title}: {len(items)} indsatser i {self.plan.info.title}."
        data = {"id": theme.id, "feed": changes.theme_feed_path(theme.id)}
        yield from self.paged(f"temaer/{theme.id}.md", theme.title, "theme", items, data, "", description)

    def listing(self, src_uri: str, title: str, kind: str, items: list[Item], extra: dict[str, Any], body: str = "") -> Iterator[PageSource]:
        yield from self.paged(src_uri, title, kind, items, extra, body, f"{title}: {len(items)} indsatser i {self.plan.info.title}.")

    def status_table(self) -> Iterator[PageSource]:
        items = self.sorted_items()
        by_status = {s.id: [i for i in items if i.status == s] for s in self.plan.statuses}
        views = [{**self.status(s), "count": len(by_status[s.id]), "url": f"status/{s.id}/"} for s in self.plan.statuses if by_status[s.id]]
        data = {
            "filters": {
                "statuses": [{"id": s.id, "label": s.label} for s in self.plan.statuses],
                "themes": [{"id": t.id, "label": t.title} for t in self.plan.themes],
                "committees": [{"id": c.id, "label": c.title} for c in self.plan.committees],
                "kinds": [{"id": k.id, "label": k.title} for k in self.plan.kinds],
            },
            "views": views,
            "view": None,
        }
        description = "Alle indsatser i planen med status, tema, udvalg og tidspunkt."
        yield from self.paged("status/index.md", "Alle indsatser", "status", items, data, "", description)
        for status in self.plan.statuses:
            if by_status[status.id]:
                view = {**data, "view": self.status(status)}
                title = f"Indsatser med status {status.label}"
                yield from self.paged(f"status/{status.id}.md", title, "status", by_status[status.id], view, "", f"{title} i {self.plan.info.title}.")

    def strategy_items(self, strategy: Strategy) -> list[Item]:
        own = {s.id for s in strategy.strengths}
        return [i for i in self.sorted_items() if strategy in i.strategies or any(s.id in own for s in i.strengths)]

    def strategy(self, strategy: Strategy) -> Iterator[PageSource]:
        items = self.strategy_items(strategy)
        strengths = []
        for strength in strategy.strengths:
            linked = [i for i in items if strength in i.strengths]
            table = self.table(linked) if len(linked) <= PAGE_SIZE else None
            strengths.append({"id": strength.id, "title": strength.title, "description": strength.description, "count": len(linked), "table": table})
        data = {
            "subtitle": strategy.subtitle,
            "adopted": strategy.adopted.label if strategy.adopted else "",
            "url": strategy.url,
            "strengths": strengths,
        }
        body = escape(strategy.description)
        yield from self.paged(f"strategier/{strategy.id}.md", strategy.title, "strategy", items, data, body, strategy.subtitle or strategy.title)

    def sdg_summary(self, sdg: Sdg) -> dict[str, Any]:
        items = [i for i in self.plan.items if sdg in i.sdgs]
        return {**self.sdg(sdg, data_only=True), "url": f"verdensmaal/{sdg.number}/", "counts": self.counts(items)}

    def sdg(self, sdg: Sdg, data_only: bool = False) -> Any:
        data = {
            "number": sdg.number,
            "title": sdg.title,
            "colour": sdg.colour,
            "text_colour": sdg.text_colour,
            "selected": sdg in self.plan.selected_sdgs,
        }
        if data_only:
            return data
        items = [i for i in self.sorted_items() if sdg in i.sdgs]
        title = f"Verdensmål {sdg.number}: {sdg.title}"
        return self.paged(f"verdensmaal/{sdg.number}.md", title, "sdg", items, data, "", f"{title} — indsatser i {self.plan.info.title}.")

    def changes_pages(self) -> Iterator[PageSource]:
        """/aendringer/: the changes per quarter, newest first, and the status spread at each quarter's end."""
        all_changes = changes.all_changes(self.plan)
        quarters: dict[tuple[int, int], list[changes.Change]] = {}
        for change in all_changes:
            quarters.setdefault(changes.quarter_of(change.date), []).append(change)
        periods = []
        for (year, quarter), listed in quarters.items():
            end = min(changes.quarter_end(year, quarter), self.plan.info.data_as_of)
            spread = changes.spread_at(self.plan, end)
            counts = self.spread_counts(spread)
            slug = f"{year}-k{quarter}"
            shown = listed if len(listed) <= PAGE_SIZE else []
            periods.append(
                {
                    "id": slug,
                    "label": changes.quarter_label(year, quarter),
                    "end": danish_date(end),
                    "count": len(listed),
                    "counts": counts,
                    "changes": [self.change(c) for c in shown],
                    "url": f"aendringer/{slug}/" if not shown else "",
                }
            )
            if not shown:
                yield from self.change_list_pages(f"aendringer/{slug}.md", f"Ændringer i {changes.quarter_label(year, quarter)}", listed)
        data = {"periods": periods, "feed": changes.FEED_PATH}
        yield self.page("aendringer/index.md", "Ændringer", "changes", data, "", f"Hvad er ændret i {self.plan.info.title}, kvartal for kvartal.")

    def change_list_pages(self, base_uri: str, title: str, listed: list[changes.Change]) -> Iterator[PageSource]:
        chunks = [listed[i : i + PAGE_SIZE] for i in range(0, len(listed), PAGE_SIZE)]
        base_url, folder = listing_urls(base_uri)
        urls = [base_url] + [f"{folder}side-{n}/" for n in range(2, len(chunks) + 1)]
        for number, chunk in enumerate(chunks, 1):
            first = (number - 1) * PAGE_SIZE + 1
            pagination = {"page": number, "pages": len(chunks), "first_row": first, "last_row": first + len(chunk) - 1, "total": len(listed), "urls": urls}
            data = {"changes": [self.change(c) for c in chunk], "pagination": pagination if len(chunks) > 1 else None}
            uri = base_uri if number == 1 else f"{folder}side-{number}.md"
            yield self.page(uri, title if number == 1 else f"{title} (side {number} af {len(chunks)})", "change_list", data, "")

    def change(self, change: changes.Change) -> dict[str, Any]:
        return {
            "date": danish_date(change.date),
            "iso": change.date.isoformat(),
            "item": {"title": change.item.title, "url": item_url(change.item.id)},
            "status": self.status(change.entry.status) if change.entry.status else None,
            "what": change.describe(),
            "comment": change.entry.comment,
        }

    def spread_counts(self, spread: Counter[str]) -> dict[str, Any]:
        """The same shape as counts(), from a status spread at a date."""
        total = sum(spread.values())
        dropped = sum(spread[s.id] for s in self.plan.statuses if s.dropped)
        finished = sum(spread[s.id] for s in self.plan.statuses if s.finished)
        active = total - dropped
        return {
            "total": total,
            "stale": 0,
            "past_end": 0,
            "finished": finished,
            "active": active,
            "percent": round(100 * finished / active) if active else 0,
            "by_status": [
                {**self.status(s), "count": spread[s.id], "percent": round(100 * spread[s.id] / total, 1) if total else 0} for s in self.plan.statuses
            ],
        }

    def about(self) -> PageSource:
        info = self.plan.info
        data = {
            "introduction": info.introduction,
            "municipality": info.municipality,
            "period": f"{info.period_start}-{info.period_end}",
            "budget_agreement": info.budget_agreement,
            "case_number": info.case_number,
            "decisions": self.decisions(),
            "values_name": info.values_name,
            "plan_values": list(info.values),
            "statuses": [{**self.status(s), "meaning": s.meaning, "finished": s.finished, "dropped": s.dropped} for s in self.plan.statuses],
            "kinds": [{"title": k.title, "description": k.description} for k in self.plan.kinds],
        }
        editor = self.project.pages.get("om.md")
        title = str(editor.doc.meta.get("title")) if editor and editor.doc.meta.get("title") else "Om planen"
        return self.page("om.md", title, "about", data, "", f"Om {info.title}: beslutninger, værdier og sådan læses status.")

    def item(self, item: Item) -> PageSource:
        note = self.project.notes.get(item.id)
        entry = item.status_entry
        fresh = freshness(item, self.plan.info)
        data = {
            "id": item.id,
            "status": {**self.status(item.status), "meaning": item.status.meaning},
            "last_confirmed": danish_date(fresh.last_confirmed),
            "last_confirmed_iso": fresh.last_confirmed.isoformat(),
            "stale": fresh.stale,
            "stale_after_months": self.plan.info.stale_after_months,
            "past_end": fresh.past_end,
            "end": item.timing.end.label if item.timing.end else "",
            "status_since": danish_date(entry.date),
            "reason": entry.comment if item.status.dropped else "",
            "theme": {"title": item.theme.title, "url": f"temaer/{item.theme.id}/", "feed": changes.theme_feed_path(item.theme.id)},
            "kind": item.kind.title,
            "committees": [{"title": c.title, "url": f"udvalg/{c.id}/"} for c in item.committees],
            "strategic": item.strategic,
            "timing": item.timing.label(),
            "planned": item.planned.label() if item.moves else "",
            "responsible": item.responsible,
            "budget": self.budget(item),
            "strategies": [{"title": s.title, "url": f"strategier/{s.id}/"} for s in item.strategies],
            "strengths": [{"title": s.title, "url": f"strategier/{self.strength_owner(s.id)}/#{s.id}"} for s in item.strengths],
            "sdgs": [{**self.sdg(s, data_only=True), "url": f"verdensmaal/{s.number}/"} for s in item.sdgs],
            "history": self.history(item),
            "related": [self.rows[r] for r in item.related_ids],
            "related_statuses": {s.id: self.status(s) for s in self.plan.statuses if any(self.rows[r]["status"] == s.id for r in item.related_ids)},
            "previous_ids": list(item.previous_ids),
            "has_note": note is not None,
            "edit": {
                "note": f"content/{NOTES_DIR}/{item.id}.md",
                "note_exists": note is not None,
                "plan": PLAN_FILE,
                "plan_line": item.line,
            },
        }
        body_parts = []
        if note is not None:
            body_parts.append(note.body.strip())
        if item.process:
            body_parts.append('## Proces { data-pagefind-ignore="" }\n\n' + escape(item.process))
        if item.cross_cutting:
            body_parts.append('## Tværgående aspekter { data-pagefind-ignore="" }\n\n' + escape(item.cross_cutting))
        description = f"{item.title}. Status: {item.status.label} (pr. {danish_date(entry.date)})."
        if note is not None and note.doc.meta.get("description"):
            description = str(note.doc.meta["description"])
        return self.page(f"indsatser/{item.id}.md", item.title, "item", {"item": data}, "\n\n".join(body_parts), description)

    def redirect(self, src_uri: str, item: Item) -> PageSource:
        """An old address of an item: a static page that forwards to the new one."""
        meta = {
            "title": item.title,
            "template": f"{TEMPLATE_DIR}/redirect.html",
            "planspor": {"page": "redirect", "site": self.site, "target": item_url(item.id), "id": item.id},
        }
        return front_matter_page(src_uri, meta)

    def strength_owner(self, strength_id: str) -> str:
        return next(s.id for s in self.plan.strategies if any(x.id == strength_id for x in s.strengths))

    def budget(self, item: Item) -> dict[str, Any]:
        if not item.budget:
            return {}
        total = sum((amount for _, amount in item.budget), Decimal(0))
        return {
            "rows": [{"year": year, "amount": danish_number(amount), "saving": amount < 0} for year, amount in item.budget],
            "total": danish_number(total),
        }

    def history(self, item: Item) -> list[dict[str, Any]]:
        moves = {move.date: move for move in item.moves}
        entries = []
        for entry in reversed(item.history):
            move = moves.get(entry.date) if entry.moves_timing else None
            entries.append(
                {
                    "date": danish_date(entry.date),
                    "iso": entry.date.isoformat(),
                    "status": self.status(entry.status) if entry.status else None,
                    "moved_from": move.before.label() if move else "",
                    "moved_to": move.after.label() if move else "",
                    "comment": entry.comment,
                }
            )
        return entries


def problem_pages(problems: Iterable[Problem], src_uris: Iterable[str]) -> list[PageSource]:
    """For the preview: the same URLs, each showing the plan's problems.

    The editor's browser stays on the page it shows and live-reloads into the
    list of problems; once the plan is fixed it reloads into the real page.
    """
    listed = [{"location": p.location(), "field": p.field, "message": p.message} for p in problems]
    meta = {
        "title": "Planen har fejl",
        "template": f"{TEMPLATE_DIR}/problems.html",
        "planspor": {"page": "problems", "problems": listed},
    }
    return [front_matter_page(src_uri, meta) for src_uri in sorted(set(src_uris))]
