"""The build's Jinja environment: compiled templates kept, and `x.name` on dicts answered sooner.

MkDocs makes a new environment for every build (and every rebuild of the preview). ``prepare``
sets it up once it exists (the hooks' on_env): the same templates, the same HTML, less work.
"""

from __future__ import annotations

from typing import Any

import jinja2
import planspor_partials


def prepare(env: jinja2.Environment, serving: bool) -> None:
    # Every build has an environment of its own, so its templates cannot change under it:
    # without this, each include on each page asks the disk whether its file changed.
    env.auto_reload = False
    env.getattr = getattr_for(env)  # type: ignore[method-assign]
    env.bytecode_cache = _templates if serving else compiled_templates_on_disk()
    planspor_partials.cache_navigation(env)


class _BytecodeInMemory(jinja2.BytecodeCache):
    """The compiled templates, kept between the preview's rebuilds (MkDocs makes a new Jinja environment each time).

    Jinja checks each template's source against its checksum, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self._codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._codes.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._codes[bucket.key] = bucket.bytecode_to_string()


_templates = _BytecodeInMemory()


def compiled_templates_on_disk() -> jinja2.BytecodeCache | None:
    """Jinja's compiled templates, kept between builds in this user's private folder under the
    system's temporary folder (Jinja's own default: made 0700 and checked to be the user's).

    Compiling Material's and Planspor's templates is most of a second of every build. Jinja
    compares each template's source with the checksum it stored, and the Python version, so a
    changed template or another Python compiles again; the files are written atomically, so
    builds side by side share them. None when that folder cannot be used: then nothing is kept.
    """
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


# What a dict has as attributes: for any other name, Jinja's `x.name` on a dict is x["name"].
_DICT_ATTRIBUTES = frozenset(dir(dict))


def getattr_for(env: jinja2.Environment) -> Any:
    """Jinja's `x.name`, the same answer sooner for the page data's dicts.

    Jinja tries the attribute first, so each `row.title` on a dict raises and catches an
    AttributeError before it looks the key up: about a tenth of a build's template time.
    """
    general = env.getattr

    def getattr_(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return general(obj, attribute)

    return getattr_
