"""The benchmark harness at a tiny scale: it runs end to end and writes the promised JSON (no timings asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE_OPS = {"family_list_page", "search_page", "due_followups_page",  # what a lazy list model would ask for
            "family_sort_page", "referrals_page", "week_agenda", "signals_page"}
WEEK_OPS = {"referrals_overdue", "signals_all_page"}  # the officer's week, not interactive
SHEET_OPS = {"import_xlsx", "attachment_20mb", "backup_200mb_files"}  # issue 14, in proportion to the scale
OPS = {"unlock", "integrity_on_open", "family_list_load", "family_list_paint", "search_keystroke", "open_family",
       "save_contact", "due_followups", "report_aggregation", "report_pdf", "backup_verify",
       "gui_cold_start"} | PAGE_OPS | WEEK_OPS | SHEET_OPS
QUERY_OPS = {"unlock", "family_list_load", "search_keystroke", "open_family", "save_contact", "due_followups",
             "report_aggregation", "backup_verify"} | PAGE_OPS | WEEK_OPS | SHEET_OPS
INTERACTIVE = {"family_list_load", "family_list_paint", "search_keystroke", "open_family", "save_contact",
               "due_followups"} | PAGE_OPS


@pytest.mark.slow
def test_harness_runs_every_op_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRUGDESK_BENCH_CACHE=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--scale", "0.1", "--repeats", "1", "--json", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    by_op = {r["op"]: r for r in results}
    assert set(by_op) >= OPS
    for r in results:
        assert {"op", "scale", "median_ms", "baseline_ms", "ratio", "interactive"} <= set(r)
        assert r["scale"] == 0.1
        assert r["interactive"] is (r["op"] in INTERACTIVE)
    for op in OPS:
        r = by_op[op]
        assert isinstance(r["median_ms"], float) and r["median_ms"] > 0, r  # measured, not skipped
    for op in QUERY_OPS:  # a plain-SQLite baseline beside every query op, and the ratio of the two
        r = by_op[op]
        assert r["baseline_ms"] > 0, r
        assert r["ratio"] == pytest.approx(r["median_ms"] / r["baseline_ms"], rel=0.02, abs=0.01)
    assert by_op["report_pdf"]["baseline_ms"] is None and by_op["report_pdf"]["ratio"] is None
    assert by_op["peak_memory"]["unit"] == "MB" and by_op["peak_memory"]["value"] > 10
    assert by_op["peak_memory_gui"]["unit"] == "MB" and by_op["peak_memory_gui"]["value"] > 10
    # the readable table names every op, and the cache was built where we asked
    for op in OPS:
        assert op in proc.stdout
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1 and (entries[0] / "plain.db").is_file() and (entries[0] / "vault").is_dir()
    # the Markdown table for docs/benchmarks.md names every op with its median
    table = subprocess.run([sys.executable, "-m", "benchmarks.table", str(out)], cwd=ROOT, capture_output=True,
                           text=True, timeout=60, check=True).stdout
    assert table.splitlines()[0] == "| op | S=0.1 |"
    for op in OPS:
        assert f"| {op} |" in table or f"| **{op}** |" in table
    # the raw key that unlocks the cached vault stays in its 0600 file and is never printed
    key_file = entries[0] / "data.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_text(encoding="ascii").strip()
    assert len(key) == 64 and key not in proc.stdout and key not in proc.stderr and key not in out.read_text()
