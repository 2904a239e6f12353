#!/usr/bin/env python3
"""List the user-facing strings marked with N_("...") outside brugdesk/ui, per package.

    python tools/messages.py            # print the strings that have no Dutch translation yet
    python tools/messages.py --all      # print every marked string

The Dutch translations live in ``brugdesk/<package>/messages_nl.py`` (``MESSAGES`` dict);
the cli and top-level modules use the ``core`` catalogue. tests/unit/test_i18n.py uses
:func:`marked_strings` to require a translation for each.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brugdesk"


def catalogue_for(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    packages = ("core", "store", "keys", "reports", "privacy", "importing")
    return rel.parts[0] if len(rel.parts) > 1 and rel.parts[0] in packages else "core"


def marked_strings() -> dict[str, dict[str, list[str]]]:
    """{catalogue: {message: [file:line, ...]}} for every N_("literal") outside brugdesk/ui."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts[:1] or path.name == "messages_nl.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                out.setdefault(catalogue_for(path), {}).setdefault(node.args[0].value, []).append(where)
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from brugdesk.i18n import catalogue

    nl = catalogue("nl")
    show_all = "--all" in sys.argv
    for cat, messages in marked_strings().items():
        for message, places in messages.items():
            if show_all or message not in nl:
                print(f"[{cat}] {places[0]}: {message!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
