#!/usr/bin/env python3
"""The translation pipeline for the Qt UI (``brugdesk/ui``).

    python tools/i18n.py update     # pyside6-lupdate: collect tr() strings into resources/translations/*.ts
    python tools/i18n.py fill       # apply resources/translations/nl/*.json to brugdesk_nl.ts
    python tools/i18n.py fill FILE  # apply one {context: {source: translation}} JSON file
    python tools/i18n.py release    # pyside6-lrelease: compile the .ts files into .qm
    python tools/i18n.py all        # update + fill + release
    python tools/i18n.py check      # list unfinished messages (exit 1 when there are any)
    python tools/i18n.py missing    # print the unfinished Dutch messages as a JSON skeleton

The English catalogue is filled with the source strings themselves (the sources are English).
See ``resources/translations/README.md``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own .ts files, not untrusted input
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "brugdesk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl", "en")
DUTCH_DICTS = TRANSLATIONS / "nl"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"brugdesk_{lang}.ts"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
                        "-target-language", lang, *sources(), "-ts", str(ts_path(lang).relative_to(ROOT))],
                       cwd=ROOT, check=True)
    fill_english()


def _read(path: Path) -> ET.ElementTree:
    return ET.parse(path)  # noqa: S314 - our own file


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _messages(tree: ET.ElementTree) -> list[tuple[str, ET.Element]]:
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message))
    return out


def _set(message: ET.Element, text: str | list[str]) -> None:
    """Set a translation; plural (numerus) messages take a list of forms (a string fills every form)."""
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")
                                                       for _ in range(2)]
        texts = text if isinstance(text, list) else [text] * len(forms)
        for form, value in zip(forms, texts, strict=False):
            form.text = value
        translation.text = None
    else:
        translation.text = text if isinstance(text, str) else text[0]
    translation.attrib.pop("type", None)


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def fill_english() -> None:
    path = ts_path("en")
    tree = _read(path)
    for _context, message in _messages(tree):
        _set(message, message.findtext("source") or "")
    _write(tree, path)


def fill(files: list[Path], lang: str = "nl") -> int:
    """Apply {context: {source: translation}} dictionaries; returns how many were set."""
    table: dict[str, dict[str, str | list[str]]] = {}
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        for context, entries in data.items():
            table.setdefault(context, {}).update(entries)
    path = ts_path(lang)
    tree = _read(path)
    count = 0
    for context, message in _messages(tree):
        source = message.findtext("source") or ""
        text = table.get(context, {}).get(source)
        if text is None:
            text = table.get("*", {}).get(source)  # shared strings (Save, Cancel, …) for every context
        if text:
            _set(message, text)
            count += 1
    _write(tree, path)
    return count


def release() -> None:
    for lang in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), str(ts_path(lang)), "-qm",
                        str(ts_path(lang).with_suffix(".qm"))], cwd=ROOT, check=True)


def unfinished(lang: str) -> list[tuple[str, str]]:
    tree = _read(ts_path(lang))
    out = []
    for context, message in _messages(tree):
        if not _translated(message):
            out.append((context, message.findtext("source") or ""))
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command in ("update", "all"):
        update()
    if command in ("fill", "all"):
        files = [Path(a) for a in argv[1:]] if command == "fill" and len(argv) > 1 else sorted(
            DUTCH_DICTS.glob("*.json"))
        print(f"filled {fill(files)} Dutch translations from {len(files)} file(s)")
    if command in ("release", "all"):
        release()
    if command in ("check", "all", "missing"):
        missing = {lang: unfinished(lang) for lang in LANGUAGES}
        if command == "missing":
            skeleton: dict[str, dict[str, str]] = {}  # plural messages: give a list [singular, plural]
            for context, source in missing["nl"]:
                skeleton.setdefault(context, {})[source] = ""
            print(json.dumps(skeleton, ensure_ascii=False, indent=2))
            return 0
        for lang, items in missing.items():
            for context, source in items:
                print(f"unfinished [{lang}] {context}: {source}")
        return 1 if any(missing.values()) else 0
    if command not in ("update", "fill", "release", "check", "all", "missing"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
