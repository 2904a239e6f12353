"""`brugdesk report` as a user runs it: a real process, a real vault, exit codes and files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugdesk.core.periods import ExportablePeriod, exportable_periods
from brugdesk.store import audit
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    env["BRUGDESK_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, input="", timeout=180)


@pytest.fixture
def closed_demo(demo_vault: Vault, vault_dir: Path) -> Path:
    demo_vault.close()
    return vault_dir


def _catalogue(vault_dir: Path) -> list[ExportablePeriod]:
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as vault:
        first = min(row.start_date for row in vault.repo.families.rows())
        return exportable_periods(vault.repo.settings.term_starts, first, dt.date.today())


def _reports_made(vault_dir: Path) -> int:
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as vault:
        return [e.action for e in audit.entries(vault.conn)].count("report")


def test_report_writes_pdf_and_csv_and_logs_an_audit_entry(closed_demo: Path, tmp_path: Path) -> None:
    pdf, out_csv, remarks = tmp_path / "r.pdf", tmp_path / "r.csv", tmp_path / "toelichting.txt"
    remarks.write_text("Meer huisbezoeken dan vorig jaar.\n\nDe wachtlijst bij schuldhulp groeit.", encoding="utf-8")
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026/T2", "--school", "het baken (vo)",
              "--threshold", "5", "--remarks-file", str(remarks), "--pdf", str(pdf), "--csv", str(out_csv))
    assert out.returncode == 0, out.stderr
    assert str(pdf) in out.stdout and str(out_csv) in out.stdout
    reader = PdfReader(str(pdf))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Het Baken (VO)" in text and "periode 2" in text
    assert "Meer huisbezoeken dan vorig jaar." in reader.pages[0].extract_text()
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["period", "code", "section", "row", "column", "value"]
    assert ["", "", "Rapportage", "Drempel", "", "5"] in rows
    assert not list(tmp_path.glob(".*"))  # no temporary files left behind
    with Vault.open(closed_demo, passphrase=PASSPHRASE) as vault:
        actions = [e.action for e in audit.entries(vault.conn)]
        assert actions.count("report") == 1
        assert audit.verify_chain(vault.conn) is None
        [export] = vault.repo.reportdata.exports()  # the export is recorded in the export history
        assert export.period_start.isoformat() == "2026-01-01" and export.k == 5 and export.cells


def test_a_running_period_exports_its_cut_and_says_so(closed_demo: Path, tmp_path: Path) -> None:
    running = next(e for e in _catalogue(closed_demo) if e.running)
    out = run("report", "--vault", str(closed_demo), "--period", running.label, "--csv", str(tmp_path / "r.csv"))
    assert out.returncode == 0, out.stderr
    assert f"loopt nog: de rapportage telt tot het eind van de laatste volle maand ({running.cut_text('nl')})" \
        in out.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert ["", "", "Rapportage", "Tussenstand", "", running.cut_text("nl")] in rows


def test_a_date_range_is_for_the_screen_only(closed_demo: Path, tmp_path: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--from", "1-9-2025", "--to", "2025-12-31")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Alleen voor jezelf \u2014 niet om te delen")
    assert "Gezinnen in begeleiding" in out.stdout and "Deze periode" in out.stdout
    assert "september \u2013 december 2025" in out.stdout
    assert "G-20" not in out.stdout and "Fam." not in out.stdout
    # with a file to write: refused, one line naming the periods that can be shared; nothing written
    for flag in ("--pdf", "--csv"):
        out = run("report", "--vault", str(closed_demo), "--from", "1-9-2025", "--to", "2025-12-31", flag,
                  str(tmp_path / "r.out"))
        assert out.returncode == 2
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and "Alleen een vaste periode kan worden gedeeld" in lines[0]
        labels = [e.label for e in _catalogue(closed_demo)]
        assert all(label in lines[0] for label in labels) and "2025-2026/T1" in labels
    assert not (tmp_path / "r.out").exists()
    assert _reports_made(closed_demo) == 0


def test_a_calendar_year_is_exported(closed_demo: Path, tmp_path: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--period", "2025", "--csv", str(tmp_path / "r.csv"))
    assert out.returncode == 0, out.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert ["", "", "Rapportage", "Periode", "", "Kalenderjaar 2025: januari \u2013 december 2025"] in rows
    assert any(r[0] == "2025-01-01..2025-12-31" and r[1] == "reach.active" for r in rows)


def test_the_threshold_is_the_vaults_setting(closed_demo: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--threshold", "4")
    assert out.returncode == 2
    assert out.stderr.strip() == ("brugdesk: De drempel is een instelling van de kluis (nu 5), voor elke rapportage "
                                  "dezelfde; je wijzigt hem in de app onder Instellingen.")
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--threshold", "5")
    assert out.returncode == 0, out.stderr


def test_remarks_with_a_name_are_refused_and_nothing_is_written(closed_demo: Path, tmp_path: Path) -> None:
    with Vault.open(closed_demo, passphrase=PASSPHRASE) as vault:
        row = vault.repo.families.rows()[0]
        member = vault.repo.members.list(row.id)[0]
    remarks = tmp_path / "toelichting.txt"
    remarks.write_text(f"Goed contact met {member.first_name} en de school.", encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--remarks-file", str(remarks),
              "--pdf", str(pdf))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and f"\u201c{member.first_name}\u201d" in lines[0] and "niets opgeslagen" in lines[0]
    assert not pdf.exists() and _reports_made(closed_demo) == 0
    long = tmp_path / "lang.txt"
    long.write_text("x" * 1001, encoding="utf-8")
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--remarks-file", str(long))
    assert out.returncode == 2 and "1001 tekens" in out.stderr


def test_a_period_not_exportable_yet_names_why_and_what_can_be_shared(closed_demo: Path) -> None:
    year = dt.date.today().year + 1
    out = run("report", "--vault", str(closed_demo), "--period", f"{year}-{year + 1}/T1")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "nog niet begonnen" in lines[0] and "Periodes die je nu kunt delen" in lines[0]


@pytest.mark.parametrize(("args", "message"), [
    (["--period", "2025-2026/T9"], "geen periode 9"),
    (["--period", "volgend jaar"], "Onbekende periode"),
    (["--period", "2025-2027"], "twee opeenvolgende jaren"),
    (["--period", "0000-0001"], "buiten de jaren"),
    (["--from", "2025-09-01"], "--from als --to"),
    (["--from", "31-12-2025", "--to", "1-9-2025"], "einde"),
    (["--period", "2025-2026", "--from", "1-9-2025", "--to", "2025-12-31"], "niet allebei"),
    ([], "Kies een periode"),
    (["--period", "2025-2026", "--school", "Nergenshuizen"], "Onbekende school 'Nergenshuizen'"),
    (["--period", "2025-2026", "--threshold", "2"], "instelling van de kluis"),
    (["--period", "2025-2026", "--remarks-file", "/no/such/file"], "toelichting kan niet worden gelezen"),
])
def test_usage_errors_exit_2_with_one_clear_line(closed_demo: Path, args: list[str], message: str) -> None:
    out = run("report", "--vault", str(closed_demo), *args)
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message.lower() in lines[0].lower(), out.stderr
    assert "Traceback" not in out.stderr


def test_wrong_passphrase_exits_3(closed_demo: Path, tmp_path: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--pdf", str(tmp_path / "r.pdf"),
              passphrase="not the passphrase")
    assert out.returncode == 3
    assert not (tmp_path / "r.pdf").exists()


def test_an_unwritable_target_is_one_line_and_exit_1(closed_demo: Path, tmp_path: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026",
              "--pdf", str(tmp_path / "no such folder" / "r.pdf"))
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1 and "niet worden opgeslagen" in out.stderr
