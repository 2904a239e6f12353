"""Markdown table of several ``--json`` results side by side (docs/benchmarks.md).

    python -m benchmarks.table s1.json s10.json s100.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def cell(row: dict[str, Any] | None) -> str:
    if row is None:
        return "–"
    if row.get("value") is not None:
        return f"{row['value']:.0f} {row.get('unit', '')}".strip()
    if row["median_ms"] is None:
        return "not measured"
    ms = row["median_ms"]
    text = f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}"
    if row.get("baseline_ms") is not None:
        base = row["baseline_ms"]
        text += f" ({base:.1f} / {row['ratio']:.1f}×)" if base < 100 else f" ({base:,.0f} / {row['ratio']:.1f}×)"
    return text


def markdown(runs: list[list[dict[str, Any]]]) -> str:
    scales = [run[0]["scale"] for run in runs]
    ops: list[str] = []
    for run in runs:
        ops.extend(r["op"] for r in run if r["op"] not in ops)
    by_scale = [{r["op"]: r for r in run} for run in runs]
    head = "| op | " + " | ".join(f"S={s:g}" for s in scales) + " |"
    lines = [head, "|" + " --- |" * (len(scales) + 1)]
    for op in ops:
        interactive = any(b.get(op, {}).get("interactive") for b in by_scale)
        name = f"**{op}**" if interactive else op
        lines.append(f"| {name} | " + " | ".join(cell(b.get(op)) for b in by_scale) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    files = argv if argv is not None else sys.argv[1:]
    runs = [json.loads(Path(f).read_text(encoding="utf-8")) for f in files]
    print(markdown(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
