"""The build without the protection (commit fd35787), run as a reader would meet it.

:func:`old_tree` extracts that commit's ``brugdesk`` package with ``git archive``; :func:`build_vault`
makes a vault with that old code (in a subprocess, ``world.py`` on its ``PYTHONPATH``);
:func:`report` runs the old ``brugdesk report`` command and :func:`adapt` turns its CSV into the
attacker's :class:`~attacker.Export`.

The old CSV is ``section;row;column;value`` with labels instead of cell codes, no period column,
categories that are small merged into the list's own "Other" row (so a category missing from a
list holds 1..k-1: the rule was public), zero rows of the referral table left out, and ``x`` for
secondary suppression. The adapter knows the vault's list labels (they are printed) and the
period rules of that build (the previous period of a range is a range of equal length before
it), and writes what the reader learns from a row in cell codes:

* a printed row -> its cell; the "Other" row of a list with merged categories ->
  ``sum(other, merged...)``; every merged category -> a hidden count ``<k``;
* referral types left out -> ``0..k-1`` each (zero or merged), and the "Other" row -> the sum;
* the merged theme row (families with any of those themes) is left out; D = 0 (no perturbation).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from attacker import Cell, Export

OLD_COMMIT = "fd35787"
ROOT = Path(__file__).resolve().parents[2]
WORLD_PY = Path(__file__).resolve().with_name("world.py")
PASSPHRASE = "attacker test passphrase"


class OldBuildUnavailable(RuntimeError):
    pass


def old_tree(target: Path) -> Path:
    """``brugdesk`` of commit fd35787 under ``target`` (raises with a clear message if impossible)."""
    target.mkdir(parents=True, exist_ok=True)
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD_COMMIT, "brugdesk"], capture_output=True,
                                 check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OldBuildUnavailable(f"git archive {OLD_COMMIT} could not run: {exc}") from exc
    if archive.returncode != 0:
        raise OldBuildUnavailable(
            f"git archive {OLD_COMMIT} failed in {ROOT} (a shallow clone without that commit?): "
            f"{archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    if not (target / "brugdesk" / "reports" / "disclosure.py").exists():
        raise OldBuildUnavailable(f"commit {OLD_COMMIT} has no brugdesk/reports/disclosure.py")
    return target


def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_") and k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tree)
    env["BRUGDESK_PASSPHRASE"] = PASSPHRASE
    return env


def build_vault(tree: Path, vault: Path, world: dict[str, object], until: dt.date) -> dict[str, dict[str, str]]:
    """A vault made by the old code holding ``world`` up to ``until``; returns its list labels."""
    spec = vault.with_suffix(".world.json")
    out = vault.with_suffix(".labels.json")
    spec.write_text(json.dumps(world))
    run = subprocess.run([sys.executable, str(WORLD_PY), "build", str(vault), str(spec), str(out), until.isoformat()],
                         capture_output=True, text=True, env=_env(tree), cwd=vault.parent, timeout=300)
    assert run.returncode == 0, run.stderr
    labels: dict[str, dict[str, str]] = json.loads(out.read_text())
    return labels


def report(tree: Path, vault: Path, csv_path: Path, *args: str) -> bytes:
    """The old ``brugdesk report`` (English labels) with ``args``; the CSV it wrote."""
    run = subprocess.run([sys.executable, "-m", "brugdesk", "--lang", "en", "report", "--vault", str(vault),
                          "--csv", str(csv_path), *args], capture_output=True, text=True, env=_env(tree),
                         cwd=vault.parent, timeout=120)
    assert run.returncode == 0, run.stderr
    # it really is the old build: the old CSV header, no cell codes
    data = csv_path.read_bytes()
    assert data.decode("utf-8-sig").startswith("section;row;column;value"), data[:80]
    return data


# ------------------------------------------------------------------------------- periods (old rules)
def pid(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()}..{end.isoformat()}"


def previous(start: dt.date, end: dt.date, kind: str) -> tuple[dt.date, dt.date]:
    """The old build's previous period: year -> year before, term -> term before, range -> same length before."""
    if kind == "year":
        return start.replace(year=start.year - 1), end.replace(year=end.year - 1)
    if kind == "term":  # default terms: 1 Aug, 1 Jan, 1 Apr
        starts = [(8, 1), (1, 1), (4, 1)]
        prev_end = start - dt.timedelta(days=1)
        for y in (prev_end.year, prev_end.year - 1):
            for m, d0 in starts:
                s = dt.date(y, m, d0)
                if s <= prev_end and all(not (s < dt.date(yy, mm, dd) <= prev_end)
                                         for yy in (y, y + 1) for mm, dd in starts):
                    return s, prev_end
        raise AssertionError("no previous term")
    length = end - start
    prev_end = start - dt.timedelta(days=1)
    return prev_end - length, prev_end


# ------------------------------------------------------------------------------- the adapter
KEY_FIGURES = {
    "Families supported": "reach.active", "newly registered": "reach.new", "continuing from before": "reach.continuing",
    "Support ended": "reach.closed", "Children in these families": "reach.children", "Contacts": "contacts.total",
    "Home visits": "contacts.home_visit", "Referrals": "referrals.total", "of which warm handovers": "referrals.warm",
    "Group activities": "activities.total.count", "Parents attending group activities": "activities.total.parents",
}
GROUPS = {"Proposed": "proposed", "Referred / waiting list": "referred", "Started": "accepted",
          "Completed": "completed", "Declined / stopped": "ended", "Total": "total"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# section -> (list name, code prefix, {column: code suffix}, total row label -> code)
LISTS = {
    "How new families came in": ("signal_source", "sources", {"Families": ""}, {"Total new families": "reach.new"}),
    "Support ended, by outcome": ("closure_outcome", "closures", {"Families": ""}, {"Total closed": "reach.closed"}),
    "Contacts by kind": ("contact_kind", "contacts", {"Contacts": ""}, {"Total": "contacts.total"}),
    "Themes": ("theme", "themes", {"Families": ""}, {}),
    "Group activities": ("activity_kind", "activities",
                         {"Activities": ".count", "Parents attending": ".parents"},
                         {"Total": "activities.total"}),
}


def adapt(data: bytes, labels: dict[str, dict[str, str]], start: dt.date, end: dt.date, kind: str,
          name: str = "") -> Export:
    """An old CSV as the cells a reader learns from it (see the module docstring)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))[1:]
    about = {r[1]: r[3] for r in rows if r[0] == "Report"}
    k = int(about["Threshold"])
    schools = about.get("Schools") or about["School(s)"]  # "School(s)" before the glossary
    scope = "all" if schools.startswith("All schools") else schools
    current = pid(start, end)
    prev = pid(*previous(start, end, kind))
    cells: list[Cell] = []
    tables: dict[str, list[list[str]]] = {}
    for section, row, column, value in rows:
        if section == "Report":
            continue
        if section == "Key figures":
            code = KEY_FIGURES.get(row)
            if code and column in ("This period", "Previous period"):
                cells.append(Cell(current if column == "This period" else prev, code, value))
            continue
        tables.setdefault(section, []).append([row, column, value])
    for section, entries in tables.items():
        if section == "Contacts per month":
            for row, column, value in entries:
                if row == "Total":
                    if column == "Contacts":
                        cells.append(Cell(current, "contacts.total", value))
                    continue
                month_name, year = row.rsplit(" ", 1)
                month = f"{year}-{MONTHS.index(month_name) + 1:02d}"
                suffix = {"Contacts": "contacts", "Families reached": "families"}.get(column)
                if suffix:
                    cells.append(Cell(current, f"months.{month}.{suffix}", value))
        elif section == "Referrals by partner type and status":
            cells.extend(_referrals(entries, labels["partner_type"], k, current))
        elif section in LISTS:
            cells.extend(_list(section, entries, labels, k, current))
        else:
            raise AssertionError(f"unknown section {section!r} in the old CSV")
    return Export(scope, k, 0, current, cells, name, about)


def _list(section: str, entries: list[list[str]], labels: dict[str, dict[str, str]], k: int,
          current: str) -> list[Cell]:
    list_name, prefix, columns, totals = LISTS[section]
    codes = labels[list_name]  # label -> code
    other = "other"
    printed = {row for row, _c, _v in entries}
    missing = [code for label, code in codes.items() if label not in printed and code != other]
    out: list[Cell] = []
    for row, column, value in entries:
        if column not in columns:
            continue
        suffix = columns[column]
        if row in totals:
            out.append(Cell(current, totals[row] + suffix, value))
            continue
        code = codes.get(row)
        if code is None:
            raise AssertionError(f"{section}: unknown row {row!r}")
        if code == other and missing:
            if prefix == "themes":
                continue  # the merged theme row counts families with any of them: not a sum
            parts = [f"{prefix}.{c}{suffix}" for c in [other, *missing]]
            out.append(Cell(current, f"sum({','.join(parts)})", value))
        else:
            out.append(Cell(current, f"{prefix}.{code}{suffix}", value))
    # a category missing from the list was merged because it was small: 1..k-1
    main = next(iter(columns.values()))
    for code in missing:
        out.append(Cell(current, f"{prefix}.{code}{main}", f"<{k}"))
    return out


def _referrals(entries: list[list[str]], types: dict[str, str], k: int, current: str) -> list[Cell]:
    printed = {row for row, _c, _v in entries}
    missing = [code for label, code in types.items() if label not in printed and code != "other"]
    out: list[Cell] = []
    for row, column, value in entries:
        group = GROUPS[column]
        if row == "Total":
            out.append(Cell(current, "referrals.total" if group == "total" else f"referrals.total.{group}", value))
            continue
        code = types[row]
        if code == "other":
            parts = [f"referrals.{c}.{group}" for c in ["other", *missing]]
            out.append(Cell(current, f"sum({','.join(parts)})", value))
        else:
            out.append(Cell(current, f"referrals.{code}.{group}", value))
    for code in missing:  # left out: zero, or merged because small
        out.append(Cell(current, f"referrals.{code}.total", f"0..{k - 1}"))
    return out

