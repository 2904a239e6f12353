"""build.spec (the PyInstaller one-folder build) lists what the frozen app needs — checked without a build.

The spec runs inside PyInstaller, so here it is parsed with ``ast``: its calls are inspected,
and its pure helper functions (version, resource list) are executed on the
real checkout.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

import brugdesk

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
HELPERS = ("package_version", "shipped", "resource_datas")


@pytest.fixture(scope="module")
def tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename="build.spec")


@pytest.fixture(scope="module")
def spec(tree: ast.Module) -> dict[str, Any]:
    """The spec's helper functions and constant lists, executed outside PyInstaller."""
    keep: list[ast.stmt] = []
    for node in tree.body:
        helper = isinstance(node, ast.FunctionDef) and node.name in HELPERS
        constant = (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "QT_UNUSED")
        if helper or constant:
            keep.append(node)
    namespace: dict[str, Any] = {"ROOT": ROOT, "RESOURCES": ROOT / "resources", "Path": Path, "re": re}
    exec(compile(ast.Module(body=keep, type_ignores=[]), "build.spec", "exec"), namespace)  # noqa: S102
    return namespace


def calls(tree: ast.Module, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name]


def first_args(tree: ast.Module, name: str) -> set[str]:
    return {c.args[0].value for c in calls(tree, name) if c.args and isinstance(c.args[0], ast.Constant)}


def keyword(call: ast.Call, name: str) -> Any:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def test_version_comes_from_the_package(spec: dict[str, Any]) -> None:
    assert spec["package_version"]() == brugdesk.__version__


def test_reportlab_fonts_and_keyring_backends_with_their_metadata(tree: ast.Module) -> None:
    assert "reportlab" in first_args(tree, "collect_data_files")
    assert "keyring" in first_args(tree, "copy_metadata")
    assert "keyring.backends" in first_args(tree, "collect_submodules")
    source = SPEC.read_text(encoding="utf-8")
    assert '"sqlcipher3"' in source and '"sqlcipher3.dbapi2"' in source


def test_resources_ship_fonts_icon_and_compiled_translations_not_sources(spec: dict[str, Any]) -> None:
    datas = spec["resource_datas"]()
    shipped = {Path(src).relative_to(ROOT / "resources").as_posix(): dest for src, dest in datas}
    assert shipped["fonts/DejaVuSans.ttf"] == "resources/fonts"
    assert shipped["fonts/DejaVuSans-Bold.ttf"] == "resources/fonts"
    assert "icons/brugdesk-256.png" in shipped and "icons/brugdesk.svg" in shipped
    assert "brugdesk.desktop" in shipped
    assert shipped["translations/nl/LC_MESSAGES/brugdesk.mo"] == "resources/translations/nl/LC_MESSAGES"
    assert not [name for name in shipped if name.startswith("translations/") and not name.endswith(".mo")], \
        "translation sources are not shipped"


def test_excluded_qt_modules_are_unused_and_the_used_ones_are_kept(spec: dict[str, Any]) -> None:
    excluded = set(spec["QT_UNUSED"])
    assert {"QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtDesigner", "QtSql"} <= excluded
    used = set()
    for path in (ROOT / "brugdesk").rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
        used.update(re.findall(r"from PySide6 import (Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, f"modules brugdesk imports are excluded: {sorted(used & excluded)}"
    assert not {"QtSvg", "QtCore", "QtGui", "QtWidgets"} & excluded


def test_windowed_app_and_console_companion_with_icons(tree: ast.Module) -> None:
    exes = calls(tree, "EXE")
    names = {keyword(c, "name").value for c in exes}
    assert names == {"brugdesk", "brugdesk-cli"}
    cli = next(c for c in exes if keyword(c, "name").value == "brugdesk-cli")
    assert isinstance(keyword(cli, "console"), ast.Constant) and keyword(cli, "console").value is True
    icon = re.search(r'ICON = str\(RESOURCES / "icons" / "([^"]+)"\)', SPEC.read_text(encoding="utf-8"))
    assert icon is not None and (ROOT / "resources" / "icons" / icon.group(1)).is_file()
    collect = calls(tree, "COLLECT")
    assert len(collect) == 1 and keyword(collect[0], "name").value == "brugdesk"
    assert calls(tree, "BUNDLE"), "a macOS .app bundle"


def test_the_desktop_entry_names_the_app_in_dutch_and_english() -> None:
    text = (ROOT / "resources" / "brugdesk.desktop").read_text(encoding="utf-8")
    entries = dict(line.split("=", 1) for line in text.splitlines()[1:] if "=" in line)
    assert text.splitlines()[0] == "[Desktop Entry]"
    assert entries["Type"] == "Application"
    assert entries["Icon"] == "brugdesk"
    assert entries["Exec"].split()[0] == "brugdesk"
    assert "Office;" in entries["Categories"]
    assert entries["Name"] and entries["Name[nl]"]
    assert entries["Comment"] != entries["Comment[nl]"]
