"""Clean layers: every module outside brugdesk/ui imports without loading PySide6, and the imports
between brugdesk's packages follow the package map below, without cycles."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _non_ui_modules() -> list[str]:
    mods = []
    for path in sorted((ROOT / "brugdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if len(parts) > 1 and parts[1] == "ui":
            continue
        if parts[-1] == "__main__":
            continue
        mods.append(".".join(p for p in parts if p != "__init__"))
    return mods


def test_there_are_modules_to_check() -> None:
    mods = _non_ui_modules()
    assert "brugdesk.cli" in mods and "brugdesk.store.vault" in mods and "brugdesk.keys.slots" in mods


def test_non_ui_modules_do_not_load_pyside6() -> None:
    mods = _non_ui_modules()
    code = (
        "import importlib, sys\n"
        f"mods = {mods!r}\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "LOADED:", out.stdout


def test_cli_report_commands_run_without_pyside6() -> None:
    code = ("import sys\nfrom brugdesk import cli\ncli.build_parser()\n"
            "print(any(n.startswith('PySide6') for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


# ----------------------------------------------------------------- the package map
#: What each part of brugdesk may import (parts: the packages and top-level modules under
#: brugdesk/). Every import counts, at module level and inside functions alike. Extend this
#: map when a new part is added; docs/architecture.md describes the same map in words.
FOUNDATION = {"i18n", "errors", "fsutil", "platform"}
ALLOWED: dict[str, set[str]] = {
    "i18n": {"resources"},  # reads the compiled gettext catalogue from the resource folder
    "errors": {"i18n", "platform"},
    "platform": set(),  # one module per operating-system concern: files, locks, keyring, folders, display, …
    "fsutil": {"errors", "platform"},
    "resources": set(),
    "pdfbase": {"resources"},
    "core": FOUNDATION,
    "keys": FOUNDATION | {"core", "pdfbase"},
    "store": FOUNDATION | {"core", "keys"},
    "reports": FOUNDATION | {"core", "store", "pdfbase"},
    "privacy": FOUNDATION | {"core", "store", "keys", "reports", "pdfbase"},
    "importing": FOUNDATION | {"core", "store"},
    "selftest": FOUNDATION | {"core", "store", "keys", "reports", "pdfbase", "resources", "ui"},
    "cli": FOUNDATION | {"core", "store", "keys", "reports", "privacy", "importing", "pdfbase", "resources", "selftest",
                         "ui"},
    "ui": {"*"},  # anything, as long as no cycle forms (so never brugdesk.cli or brugdesk.selftest)
    "__main__": {"cli"},
}
#: edges allowed only inside these functions (a lazy import, so the command line starts without Qt)
ONLY_IN: dict[tuple[str, str], set[str]] = {
    ("cli", "ui"): {"brugdesk.cli.vault.cmd_gui"},
    ("selftest", "ui"): {"brugdesk.selftest._step_qt"},
}


def _part_of(module: str) -> str | None:
    """The part (package or top-level module) of ``brugdesk.x.y``; ``None`` for the package root."""
    parts = module.split(".")
    if parts[0] != "brugdesk" or len(parts) == 1:
        return None
    name = parts[1]
    if (ROOT / "brugdesk" / name).is_dir() or (ROOT / "brugdesk" / f"{name}.py").is_file():
        return name
    return None  # an attribute of the root package (brugdesk.__version__)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, str]]:
    """(imported module, enclosing function's qualified name or '') for every import in ``path``."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[tuple[str, str]] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(child, f"{scope}.{child.name}" if scope else f"{module}.{child.name}")
                continue
            if isinstance(child, ast.Import):
                out.extend((alias.name, scope) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                out.append((base, scope))
                # ``from brugdesk import fsutil``: the names may be modules themselves
                out.extend((f"{base}.{alias.name}", scope) for alias in child.names if base == "brugdesk")
            visit(child, scope)

    visit(tree, "")
    return out


def _edges() -> list[tuple[str, str, str, str]]:
    """(from part, to part, importing module, enclosing function) for every import between parts."""
    edges = []
    for path in sorted((ROOT / "brugdesk").rglob("*.py")):
        source = _part_of(_module_name(path))
        if source is None:
            continue
        for imported, scope in _imports(path):
            target = _part_of(imported)
            if target is not None and target != source:
                edges.append((source, target, _module_name(path), scope))
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search (each reported once from where it was entered)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    return found


def test_the_package_map_covers_every_part() -> None:
    parts = {_part_of(_module_name(p)) for p in (ROOT / "brugdesk").rglob("*.py")} - {None}
    assert parts == set(ALLOWED), "add the new part to ALLOWED (and to docs/architecture.md)"


def test_imports_follow_the_package_map() -> None:
    edges = _edges()
    assert ("cli", "ui", "brugdesk.cli.vault", "brugdesk.cli.vault.cmd_gui") in edges  # the walker sees lazy imports
    bad = []
    for source, target, module, scope in edges:
        allowed = ALLOWED[source]
        if "*" not in allowed and target not in allowed:
            bad.append(f"{module} ({scope or 'module level'}) imports brugdesk.{target}")
        elif (source, target) in ONLY_IN and scope not in ONLY_IN[(source, target)]:
            bad.append(f"{module} ({scope or 'module level'}) imports brugdesk.{target} outside "
                       f"{sorted(ONLY_IN[(source, target)])}")
    assert bad == []


def test_no_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for source, target, _module, _scope in _edges():
        graph.setdefault(source, set()).add(target)
    assert _cycles(graph) == []
    # the check finds a cycle when there is one
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_domain_package_imports_the_command_line() -> None:
    for source, target, module, _scope in _edges():
        if source in {"core", "store", "keys", "reports", "privacy"}:
            assert target != "cli", module


# ----------------------------------------------------------------- no module loaded by name
#: modules that load a module by name, each with the reason (keep it short)
BY_NAME_ALLOWED: dict[str, str] = {}
_BY_NAME_CALLS = {"import_module", "__import__", "find_spec", "spec_from_file_location", "run_module", "run_path"}


def _loads_by_name(path: Path) -> list[str]:
    """Calls that load a module by name, and strings that name one as ``brugdesk.x:Name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _BY_NAME_CALLS:
                found.append(f"{name}() on line {node.lineno}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("brugdesk.") \
                and ":" in node.value and " " not in node.value:
            found.append(f"{node.value!r} on line {node.lineno}")
    return found


def test_no_module_is_loaded_by_name(tmp_path: Path) -> None:
    """Every module is reached by a plain import (inside a function where start-up time needs it), so
    mypy, an IDE and PyInstaller's analysis follow it, and a missing module fails at once."""
    sample = tmp_path / "sample.py"
    sample.write_text("import importlib\nimportlib.import_module(f'brugdesk.{name}.messages_nl')\n", encoding="utf-8")
    assert _loads_by_name(sample), "the check finds a module loaded by name"
    bad = []
    for path in sorted((ROOT / "brugdesk").rglob("*.py")):
        if _module_name(path) not in BY_NAME_ALLOWED:
            bad += [f"{path.relative_to(ROOT)}: {hit}" for hit in _loads_by_name(path)]
    assert bad == []


# ----------------------------------------------------------------- SQL stays in the store
#: modules outside brugdesk/store that may run SQL themselves, each with the reason (keep it short)
SQL_ALLOWED: dict[str, str] = {}
_SQL_CALLS = {"execute", "executemany", "executescript"}


def _sql_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_CALLS]


def test_only_the_store_runs_sql() -> None:
    """The repositories (brugdesk/store) are the only code that talks SQL to the vault; everything
    else asks them, so a new table or column changes one package."""
    store = ROOT / "brugdesk" / "store"
    assert _sql_calls(store / "repo" / "families.py"), "the check finds SQL where there is some"
    bad = []
    for path in sorted((ROOT / "brugdesk").rglob("*.py")):
        if path.is_relative_to(store) or _module_name(path) in SQL_ALLOWED:
            continue
        bad += [f"{path.relative_to(ROOT)}:{line}" for line in _sql_calls(path)]
    assert bad == []


# ----------------------------------------------------------------- inside brugdesk/ui
#: The layers of the desktop app, top first. A module imports modules of its own layer (as long
#: as no cycle forms) or of a layer below it, never above: models and widgets know no dialog or
#: page, a dialog knows no page, a page knows no main window. Every part of brugdesk/ui (its
#: first name under ui/) is in exactly one layer; docs/architecture.md describes the same map.
UI_LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("start-up", frozenset({"app"})),
    ("main window", frozenset({"main_window", "pages"})),
    ("pages", frozenset({"views"})),
    ("controllers", frozenset({"controllers"})),
    ("dialogs", frozenset({"dialogs"})),
    ("models and widgets", frozenset({"models", "widgets", "pdf_preview", "snippets"})),
    ("foundation", frozenset({"session", "tasks", "prompter", "prefs", "lock", "labels", "oslock", "selftest_qt",
                              "a11y", "theme", "translator"})),
)
UI = ROOT / "brugdesk" / "ui"


def _ui_part(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["brugdesk", "ui"] else None


def _ui_layer(module: str) -> int:
    part = _ui_part(module)
    return next(i for i, (_name, parts) in enumerate(UI_LAYERS) if part in parts)


def _ui_module(name: str) -> str | None:
    """The module of brugdesk/ui that ``name`` (a module, or a name imported from one) is."""
    parts = name.split(".")
    while len(parts) > 2:
        path = ROOT.joinpath(*parts)
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            return ".".join(parts)
        parts = parts[:-1]
    return None


def _ui_edges() -> list[tuple[str, str]]:
    """(importing module, imported module) for every import between two modules of brugdesk/ui."""
    edges = []
    for path in sorted(UI.rglob("*.py")):
        source = _module_name(path)
        if _ui_part(source) is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                target = _ui_module(name)
                if target is not None and target != source and _ui_part(target) is not None:
                    edges.append((source, target))
    return sorted(set(edges))


def test_the_ui_layers_cover_every_part_of_the_app() -> None:
    parts = {_ui_part(_module_name(p)) for p in UI.rglob("*.py")} - {None}
    layered = set().union(*(parts_ for _name, parts_ in UI_LAYERS))
    assert parts == layered, "put the new part of brugdesk/ui into UI_LAYERS (and docs/architecture.md)"


def test_ui_imports_point_down_the_layers() -> None:
    edges = _ui_edges()
    assert ("brugdesk.ui.main_window", "brugdesk.ui.session") in edges  # the walker sees `from brugdesk.ui import x`
    bad = [f"{source} ({UI_LAYERS[_ui_layer(source)][0]}) imports {target} ({UI_LAYERS[_ui_layer(target)][0]})"
           for source, target in edges if _ui_layer(target) < _ui_layer(source)]
    assert bad == []


def test_no_cycle_between_ui_modules() -> None:
    graph: dict[str, set[str]] = {}
    for source, target in _ui_edges():
        graph.setdefault(source, set()).add(target)
    assert _cycles(graph) == []


def _documented_map() -> dict[str, set[str]]:
    """The package map as docs/architecture.md writes it: part -> the parts it may import."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("| part | owns | may import (inside brugdesk) |", 1)[1].split("\n\n", 1)[0]
    names = set(ALLOWED)
    documented: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        part = re.findall(r"`([^`]+)`", cells[0])[0].removesuffix(".py").removesuffix("/")
        may = cells[2]
        if may.startswith("anything"):
            documented[part] = {"*"}
            continue
        found = {t for t in re.findall(r"`([^`]+)`", may) if t in names}
        if re.search(r"\bfoundation\b", may, re.IGNORECASE):
            found |= FOUNDATION
        documented[part] = found
    return documented


def test_the_package_map_in_the_docs_is_the_one_enforced() -> None:
    """docs/architecture.md is what a newcomer reads first: its table says what ALLOWED enforces."""
    documented = _documented_map()
    assert documented["store"] == FOUNDATION | {"core", "keys"}, "the table is read"
    assert set(documented) == set(ALLOWED)
    assert {part: may for part, may in documented.items() if may != ALLOWED[part]} == {}
