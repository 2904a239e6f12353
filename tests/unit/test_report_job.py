"""A report made off the vault's thread: the read-only :class:`Reader` and :class:`ReportJob`."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.model import School
from brugdesk.core.periods import school_year
from brugdesk.errors import VaultError
from brugdesk.reports.export import report_for
from brugdesk.reports.job import ExportJob, ReportJob, Stopped
from brugdesk.reports.remarks import NameInRemarks
from brugdesk.store.reader import Reader
from brugdesk.store.vault import Vault

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def _closed(conn: Any) -> bool:
    try:
        conn.execute("SELECT 1")
    except Exception as exc:
        return "closed" in str(exc)
    return False


def test_a_reader_counts_what_the_vault_counts_and_cannot_write(demo_vault: Vault) -> None:
    period = school_year(2025)
    with Reader(demo_vault.directory, demo_vault.data_key) as reader:
        assert reader.conn is not demo_vault.conn
        ours = reader.repo.reportdata.counts(period.start, period.end, None)
        assert ours == demo_vault.repo.reportdata.counts(period.start, period.end, None)
        with pytest.raises(VaultError):
            reader.repo.schools.add(School("Nergens"))
        conn = reader.conn
    assert not reader.is_open and _closed(conn)
    assert demo_vault.repo.schools.by_name("Nergens") is None


def test_a_reader_sees_what_the_vault_committed_after_it_opened(demo_vault: Vault) -> None:
    with Reader(demo_vault.directory, demo_vault.data_key) as reader:
        demo_vault.repo.schools.add(School("Nieuw"))
        assert reader.repo.schools.by_name("Nieuw") is not None


def test_the_stop_event_interrupts_a_running_statement(demo_vault: Vault) -> None:
    stop = threading.Event()
    with Reader(demo_vault.directory, demo_vault.data_key, stop=stop) as reader:
        timer = threading.Timer(0.05, stop.set)  # the statement never ends by itself
        timer.start()
        with pytest.raises(Exception) as info:
            reader.conn.execute(ENDLESS).fetchall()
        timer.join()
        assert reader.stopped(info.value)
        assert not reader.stopped(ValueError("interrupted"))


def test_a_job_makes_the_report_and_its_pdf_through_its_own_connection(demo_vault: Vault,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    conns: list[Any] = []
    real = report_for

    def spy(repo: Any, *args: Any, **kwargs: Any) -> Any:
        conns.append(repo.settings.conn)
        return real(repo, *args, **kwargs)

    monkeypatch.setattr("brugdesk.reports.job.report_for", spy)
    job = ReportJob(demo_vault.directory, demo_vault.data_key, school_year(2025), None, remarks="Rustig.")
    assert job.holds_key
    report, pdf = job.run()
    assert not job.holds_key and job.phase == "done"
    assert report.k == 5 and report.period_label == "2025-2026" and pdf.startswith(b"%PDF")
    assert report.remarks == "Rustig."
    assert len(conns) == 1 and conns[0] is not demo_vault.conn  # its own connection ...
    assert _closed(conns[0])  # ... closed when the counting was done
    with pytest.raises(RuntimeError):
        job.run()  # a job runs once


def test_a_stopped_job_ends_with_stopped_and_closes_its_connection(demo_vault: Vault,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    job = ReportJob(demo_vault.directory, demo_vault.data_key, school_year(2025), None)
    job.stop()
    with pytest.raises(Stopped):
        job.run()  # stopped before it began: no connection opened
    assert job.phase == "waiting" and not job.holds_key

    conns: list[Any] = []

    def endless(repo: Any, *args: Any, **kwargs: Any) -> Any:
        conns.append(repo.settings.conn)
        return repo.settings.conn.execute(ENDLESS).fetchall()

    monkeypatch.setattr("brugdesk.reports.job.report_for", endless)
    job = ReportJob(demo_vault.directory, demo_vault.data_key, school_year(2025), None)
    timer = threading.Timer(0.05, job.stop)
    timer.start()
    with pytest.raises(Stopped):
        job.run()
    timer.join()
    assert job.phase == "aggregate" and _closed(conns[0])


def test_a_job_with_the_wrong_key_fails_as_a_vault_error(demo_vault: Vault) -> None:
    job = ReportJob(demo_vault.directory, bytes(32), school_year(2025), None)
    with pytest.raises(VaultError):
        job.run()


def test_an_export_job_saves_and_records_through_a_writable_connection_of_its_own(
        demo_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brugdesk.core.periods import find_exportable
    from brugdesk.reports import job as job_module
    from brugdesk.store import audit

    conns: list[Any] = []
    real = job_module.export

    def spy(repo: Any, *args: Any, **kwargs: Any) -> Any:
        conns.append(repo.settings.conn)
        return real(repo, *args, **kwargs)

    monkeypatch.setattr(job_module, "export", spy)
    period = find_exportable("2025-2026", demo_vault.repo.settings.term_starts, dt.date(2026, 12, 1))
    assert period is not None
    before = [e.action for e in audit.entries(demo_vault.conn)].count("report")
    job = ExportJob(demo_vault.directory, demo_vault.data_key, period, None, pdf=tmp_path / "r.pdf",
                    csv=tmp_path / "r.csv", remarks="Meer huisbezoeken.")
    result = job.run()
    assert result.written == (tmp_path / "r.pdf", tmp_path / "r.csv") and result.report.remarks == "Meer huisbezoeken."
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert conns[0] is not demo_vault.conn and _closed(conns[0])
    # the vault's own connection sees the record the job wrote
    assert [e.action for e in audit.entries(demo_vault.conn)].count("report") == before + 1
    assert audit.verify_chain(demo_vault.conn) is None
    with pytest.raises(RuntimeError):
        job.run()  # a job runs once

    name = demo_vault.repo.members.list(demo_vault.repo.families.rows()[0].id)[0].first_name
    job = ExportJob(demo_vault.directory, demo_vault.data_key, period, None, pdf=tmp_path / "n.pdf",
                    remarks=f"Goed contact met {name}.")
    with pytest.raises(NameInRemarks) as info:
        job.run()
    assert info.value.name == name and not (tmp_path / "n.pdf").exists()
    assert [e.action for e in audit.entries(demo_vault.conn)].count("report") == before + 1
