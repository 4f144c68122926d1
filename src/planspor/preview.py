"""What the editor's preview rebuilds: only the pages whose source changed since its last build.

An editor saves a note and wants to see it at once. Rebuilding the whole site
for that is seconds of work at a few hundred items, nearly all of it
re-rendering pages that come out the same. A page's HTML is made from its
source text (front matter and Markdown) and from things every page shares:
the templates, mkdocs.yml, the site-wide settings, and which pages exist (the
links between them). So the preview remembers each page's text from its last
build and sums the shared things up in a fingerprint: when the fingerprint
changes, everything is rebuilt from an empty site folder; otherwise only the
pages whose text changed are. That is exactly what a full build would write.

Pure: it knows nothing about MkDocs; the hooks feed it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .model import Plan
from .page_fragments import SiteContext
from .page_source import PageSource


def site_fingerprint(config_file: Path | None, template_dirs: Iterable[Path], settings: Any, page_uris: Iterable[str]) -> str:
    """A digest of everything all pages are made from, apart from their own text."""
    digest = hashlib.blake2b(digest_size=16)
    if config_file is not None and config_file.is_file():
        digest.update(config_file.read_bytes())
    for folder in template_dirs:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for uri in sorted(page_uris):
        digest.update(uri.encode() + b"\n")
    return digest.hexdigest()


class PreviewMemory:
    """The preview session's memory of its last good build: the fingerprint, each page's text, its searchable part."""

    def __init__(self) -> None:
        self._fingerprint: str | None = None
        self._texts: dict[str, bytes] = {}
        # Each page's searchable part by address: the search index is made
        # anew from all of them, rendered this time or earlier.
        self.searchable: dict[str, str] = {}

    def begin(self, fingerprint: str) -> bool:
        """Start a build; True when every page must be rebuilt (first build, or something shared changed)."""
        everything = fingerprint != self._fingerprint
        if everything:
            self._texts.clear()
            self.searchable.clear()
        self._fingerprint = fingerprint
        return everything

    def changed(self, src_uri: str, text: str | bytes) -> bool:
        """Whether the file's text differs from the last build's (and remember it)."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if self._texts.get(src_uri) == digest:
            return False
        self._texts[src_uri] = digest
        return True

    def forget(self) -> None:
        """A build failed part way: its pages may be missing, so the next one rebuilds everything."""
        self._fingerprint = None


class PlanMemo:
    """The last validated plan and the bytes of data/plan.yaml it came from: saving a note need not parse the plan again."""

    def __init__(self) -> None:
        self._digest: bytes | None = None
        self._plan: Plan | None = None

    @staticmethod
    def _digest_of(text: bytes) -> bytes:
        return hashlib.blake2b(text, digest_size=16).digest()

    def recall(self, text: bytes) -> Plan | None:
        return self._plan if self._digest == self._digest_of(text) else None

    def remember(self, text: bytes, plan: Plan) -> None:
        self._digest, self._plan = self._digest_of(text), plan


class PlanFilesMemo:
    """The files made from the plan alone (pages.plan_files: the open data, the feeds) for the plan
    of the last build. Saving a note leaves the plan the same object (PlanMemo), so they need not be
    made again: about a fifth of a note's rebuild at 300 items."""

    def __init__(self, make: Callable[[Plan, str], list[PageSource]]) -> None:
        self._make = make
        self._made: tuple[Plan, str, list[PageSource]] | None = None

    def __call__(self, plan: Plan, site_url: str) -> list[PageSource]:
        if self._made is not None and self._made[0] is plan and self._made[1] == site_url:
            return self._made[2]
        files = self._make(plan, site_url)
        self._made = (plan, site_url, files)
        return files


class LaterSnapshots:
    """The snapshot pages and files (pages_snapshots) in the preview: made again in a build of their own,
    right after the build of an edit to the plan.

    Each snapshot is a table of the whole plan on a day, and a plan that has lived its period has two
    dozen: after a change to data/plan.yaml, making and rendering them again was half of the rebuild
    (0.6 s of 1.5 s at 300 items), while the editor looks at the page they changed. So the build of an
    edit hands over the snapshots of the last build as they were (their pages come out the same and
    are not rendered again) and says ``wanted``; the hooks then ask for one more build, which makes
    them anew. With the plan of the last build (a note saved) they are the last build's, and nothing
    is wanted. `mkdocs build`, and the preview without --dirty, never use this.
    """

    def __init__(self, make: Callable[[SiteContext], Iterable[PageSource]]) -> None:
        self._make = make
        self._made: tuple[Plan, str, str, list[PageSource]] | None = None
        self.wanted = False
        self._asked = False

    def __call__(self, ctx: SiteContext) -> list[PageSource]:
        made = self._made
        if made is not None and made[0] is ctx.plan and made[1:3] == (ctx.site_url, ctx.version):
            return made[3]
        if made is not None and not self.wanted:
            self.wanted, self._asked = True, False  # the next build makes them: until then, the last build's
            return made[3]
        self.wanted = False
        sources = list(self._make(ctx))
        self._made = (ctx.plan, ctx.site_url, ctx.version, sources)
        return sources

    def ask_once(self) -> bool:
        """True once after a build that handed over the last build's snapshots: then ask for the build that
        makes them. Once only, so a plan broken meanwhile (its builds make no snapshots) does not rebuild forever."""
        if not self.wanted or self._asked:
            return False
        self._asked = True
        return True
