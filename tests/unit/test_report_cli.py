"""`brugdesk report` as a user runs it: a real process, a real vault, exit codes and files."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

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


def test_report_writes_pdf_and_csv_and_logs_an_audit_entry(closed_demo: Path, tmp_path: Path) -> None:
    pdf, out_csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026/T2", "--school", "het baken (vo)",
              "--threshold", "5", "--pdf", str(pdf), "--csv", str(out_csv))
    assert out.returncode == 0, out.stderr
    assert str(pdf) in out.stdout and str(out_csv) in out.stdout
    reader = PdfReader(str(pdf))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Het Baken (VO)" in text and "periode 2" in text
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert any(r[-4:] == ["Rapportage", "Drempel", "", "5"] for r in rows)
    assert {f.name for f in tmp_path.iterdir()} == {"r.pdf", "r.csv", "vault"}  # no temporary files left
    with Vault.open(closed_demo, passphrase=PASSPHRASE) as vault:
        actions = [e.action for e in audit.entries(vault.conn)]
        assert actions.count("report") == 1
        assert audit.verify_chain(vault.conn) is None
        [export] = vault.repo.reportdata.exports()  # the export is recorded in the export history
        assert export.period_start.isoformat() == "2026-01-01" and export.k == 5 and export.cells


def test_only_fixed_periods_leave_the_laptop(closed_demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    out = run("report", "--vault", str(closed_demo), "--from", "1-9-2025", "--to", "2025-12-31", "--pdf", str(pdf))
    assert out.returncode == 2 and not pdf.exists()
    [line] = out.stderr.strip().splitlines()
    assert "schooljaar (2025-2026)" in line and "kalenderjaar (2026)" in line
    out = run("report", "--vault", str(closed_demo), "--period", "2025", "--csv", str(tmp_path / "r.csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "r.csv").exists()


def test_the_threshold_is_the_vaults_setting(closed_demo: Path, tmp_path: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--period", "2025-2026", "--threshold", "3",
              "--pdf", str(tmp_path / "r.pdf"))
    assert out.returncode == 2 and not (tmp_path / "r.pdf").exists()
    [line] = out.stderr.strip().splitlines()
    assert "instelling van de kluis (5)" in line


def test_report_without_files_prints_the_protected_key_figures(closed_demo: Path) -> None:
    out = run("report", "--vault", str(closed_demo), "--from", "1-9-2025", "--to", "2025-12-31")
    assert out.returncode == 0, out.stderr
    assert "Alleen voor jezelf" in out.stdout
    assert "Gezinnen in begeleiding" in out.stdout and "Deze periode" in out.stdout
    assert "september – december 2025" in out.stdout
    assert "G-20" not in out.stdout and "Fam." not in out.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--period", "2025-2026/T9"], "geen periode T9"),
    (["--period", "volgend jaar"], "Onbekende periode"),
    (["--period", "2025-2027"], "twee opeenvolgende jaren"),
    (["--from", "2025-09-01"], "--from als --to"),
    (["--from", "31-12-2025", "--to", "1-9-2025"], "einde"),
    ([], "Kies een periode"),
    (["--period", "2025-2026", "--school", "Nergenshuizen"], "Onbekende school 'Nergenshuizen'"),
    (["--period", "2025-2026", "--threshold", "2"], "tussen 3 en 20"),
    (["--period", "2025-2026", "--threshold", "21"], "tussen 3 en 20"),
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
