#!/usr/bin/env python3
"""The one translation pipeline of brugdesk: every message, UI and non-UI, in one gettext catalogue.

    python3 dev.py i18n              # extract + update + compile (what you normally run)
    python tools/i18n.py all         # the same, inside the venv
    python tools/i18n.py extract     # print how many messages the sources hold
    python tools/i18n.py update      # add new messages to the .po (empty), drop vanished ones
    python tools/i18n.py compile     # the .po into the .mo the app loads
    python tools/i18n.py check       # list untranslated or fuzzy messages (exit 1 when there are any)

The sources are English. The Dutch lives in ``resources/translations/nl/LC_MESSAGES/brugdesk.po``;
its compiled ``brugdesk.mo`` is committed beside it (the app and the frozen build load it with the
standard library's ``gettext``; Babel is needed only here). What is extracted:

* Qt: ``self.tr("…")`` (context: the enclosing class, as Qt's ``tr`` uses it),
  ``QCoreApplication.translate("Context", "…")`` and ``QT_TRANSLATE_NOOP("Context", "…")``; a plural
  message passes its English singular and plural and ``n`` (``self.tr("{n} family", "{n} families", n)``)
  and gets Dutch plural forms;
* everywhere else: ``_("…")`` and ``N_("…")`` (no context), ``NC_("context", "…")``, and
  ``ngettext("{n} problem", "{n} problems", n)`` for a number-dependent message.

See ``resources/translations/README.md``.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brugdesk"
LOCALE = ROOT / "resources" / "translations"
DOMAIN = "brugdesk"
LANGUAGES = ("nl",)  # English is the source language: it needs no catalogue

#: how the extractor below reports each kind of call to Babel (Babel's own keyword specifications)
KEYWORDS: dict[str, Any] = {
    "gettext": None,                       # _("…"), N_("…")
    "ngettext": (1, 2),                    # ngettext("{n} problem", "{n} problems", n)
    "pgettext": ((1, "c"), 2),             # self.tr("…"), translate("Ctx", "…"), NC_("ctx", "…")
    "npgettext": ((1, "c"), 2, 3),         # self.tr("…", "", n), translate("Ctx", "…", "", n)
}


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def po_path(lang: str = "nl") -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str = "nl") -> Path:
    return po_path(lang).with_suffix(".mo")


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


# ----------------------------------------------------------------- extraction
def _literal(node: ast.AST | None) -> str | None:
    """A string literal (implicitly joined literals included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str | None]]:
    """Every call with the name of the class it sits in (None at module level)."""

    def walk(node: ast.AST, cls: str | None) -> Iterator[tuple[ast.Call, str | None]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                yield child, cls
            yield from walk(child, inner)

    yield from walk(tree, None)


def extract_python(fileobj: Any, keywords: Any, comment_tags: Any,
                   options: Any) -> Iterator[tuple[int, str, Any, list[str]]]:
    """A Babel extraction method: brugdesk's translation calls in one Python file.

    Babel's own Python extractor knows no class context, which Qt's ``self.tr()`` uses, so this
    one reads the syntax tree and reports each call as ``gettext``/``pgettext``/``npgettext``.
    """
    tree = ast.parse(fileobj.read().decode("utf-8"))
    for call, cls in _calls(tree):
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        args = call.args
        english_plural: str | None = None
        if name == "tr" and isinstance(func, ast.Attribute) and cls and args:
            context: str | None = cls
            source = _literal(args[0])
            plural = len(args) >= 3
            english_plural = _literal(args[1]) if plural else None
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            context, source = _literal(args[0]), _literal(args[1])
            plural = len(args) >= 4
            english_plural = _literal(args[2]) if plural else None
            if context is None:
                continue  # a variable: the strings are marked where they are written
        elif name == "ngettext" and len(args) >= 3:
            singular, many = _literal(args[0]), _literal(args[1])
            if singular is not None and many is not None:
                yield call.lineno, "ngettext", (singular, many), []
            continue
        elif name in ("_", "N_") and args:
            context, source, plural = None, _literal(args[0]), False
        elif name == "NC_" and len(args) >= 2:
            context, source, plural = _literal(args[0]), _literal(args[1]), False
        else:
            continue
        if source is None:
            continue  # not a literal: translated where the literal is marked
        if context is None:
            yield call.lineno, "gettext", source, []
        elif plural:
            yield call.lineno, "npgettext", (context, source, english_plural or source), []
        else:
            yield call.lineno, "pgettext", (context, source), []


def extract() -> Any:
    """The template catalogue: every message in brugdesk's sources."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract as babel_extract

    template = Catalog(project=DOMAIN, domain=DOMAIN, fuzzy=False)
    for path in sources():
        rel = str(path.relative_to(ROOT))
        with path.open("rb") as fileobj:
            for lineno, message, _comments, context in babel_extract(extract_python, fileobj, keywords=KEYWORDS):
                template.add(message, None, [(rel, lineno)], context=context)
    return template


# ----------------------------------------------------------------- the .po and the .mo
def read_po(lang: str = "nl") -> Any:
    from babel.messages.pofile import read_po as babel_read_po

    with po_path(lang).open("rb") as fileobj:
        return babel_read_po(fileobj, locale=lang, domain=DOMAIN)


def write_po(catalog: Any, lang: str = "nl") -> None:
    from babel.messages.pofile import write_po as babel_write_po

    buffer = io.BytesIO()
    # no locations (they would change with every edited line and make merges conflict), sorted by
    # message: the file changes only where a message changes
    babel_write_po(buffer, catalog, width=100, no_location=True, omit_header=False, sort_output=True,
                   ignore_obsolete=True, include_lineno=False)
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Any) -> bytes:
    """The .mo bytes of a catalogue (untranslated and fuzzy messages left out)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update(lang: str = "nl") -> tuple[int, int]:
    """Bring the .po in line with the sources: new messages added (empty), vanished ones removed."""
    template = extract()
    catalog = read_po(lang)
    before = {(m.context, _key(m.id)) for m in catalog if m.id}
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalog.obsolete.clear()
    after = {(m.context, _key(m.id)) for m in catalog if m.id}
    write_po(catalog, lang)
    return len(after - before), len(before - after)


def _key(msgid: Any) -> str:
    return msgid[0] if isinstance(msgid, tuple | list) else str(msgid)


def compile_mo(lang: str = "nl") -> None:
    mo_path(lang).write_bytes(compiled(read_po(lang)))


def unfinished(lang: str = "nl") -> list[str]:
    """The messages of the .po without a (non-fuzzy) translation in every form."""
    out = []
    for message in read_po(lang):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(forms):
            where = f"[{message.context}] " if message.context else ""
            out.append(where + _key(message.id))
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command == "extract":
        print(f"{len(extract())} messages in the sources")
        return 0
    if command in ("update", "all"):
        for lang in LANGUAGES:
            added, removed = update(lang)
            print(f"{_shown(po_path(lang))}: {added} new message(s), {removed} removed")
    if command in ("compile", "all"):
        for lang in LANGUAGES:
            compile_mo(lang)
    if command in ("check", "all"):
        missing = [f"[{lang}] {m}" for lang in LANGUAGES for m in unfinished(lang)]
        for line in missing:
            print("untranslated " + line)
        if missing:
            print(f"{len(missing)} message(s) need Dutch: fill in their msgstr in {_shown(po_path())} "
                  "and run python3 dev.py i18n again")
        return 1 if missing else 0
    if command not in ("update", "compile"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
