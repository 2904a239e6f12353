"""The Rapportages page: choose period and school, preview the real PDF, export PDF and CSV."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from brugdesk.store import audit
from brugdesk.ui.session import Session
from brugdesk.ui.views.reports import ReportsPage


def _page(qtbot: QtBot, session: Session) -> ReportsPage:
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.page_count() > 0 and not page.is_rendering(), timeout=20000)
    return page


def test_page_renders_a_preview_and_exports_pdf_and_csv(qtbot: QtBot, session: Session, prompter: object,
                                                        tmp_path: Path) -> None:
    page = _page(qtbot, session)
    assert page.select_period("2025-2026/T2")
    qtbot.waitUntil(lambda: page.report is not None and page.report.period_label == "2025-2026/T2"
                    and page.page_count() > 1 and not page.is_rendering(), timeout=20000)
    assert page.pdf_button.isEnabled() and page.csv_button.isEnabled()
    assert page.report is not None and page.report.suggested_pdf == "rapportage-2025-2026-T2.pdf"
    before = sum(1 for e in audit.entries(session.vault.conn) if e.action == "report")

    out = tmp_path / "exports"
    out.mkdir()
    pdf_path, csv_path = out / "out.pdf", out / "out.csv"
    prompter.save_paths = [str(pdf_path), str(csv_path)]  # type: ignore[attr-defined]
    assert page.export_pdf()
    assert page.export_csv()
    text = "".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "Rapportage brugfunctionaris" in text and "periode 2" in text
    assert len(PdfReader(str(pdf_path)).pages) == page.page_count()
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"Kerncijfers" in data
    after = sum(1 for e in audit.entries(session.vault.conn) if e.action == "report")
    assert after == before + 2
    assert sorted(p.name for p in out.iterdir()) == ["out.csv", "out.pdf"]  # no temporary files left behind
    assert "out.csv" in page.status.text()


def test_cancelled_save_writes_nothing(qtbot: QtBot, session: Session, prompter: object) -> None:
    page = _page(qtbot, session)
    before = sum(1 for e in audit.entries(session.vault.conn) if e.action == "report")
    prompter.save_paths = []  # type: ignore[attr-defined]
    assert not page.export_pdf()
    assert not page.export_csv()
    assert sum(1 for e in audit.entries(session.vault.conn) if e.action == "report") == before


def test_a_failed_save_is_reported(qtbot: QtBot, session: Session, prompter: object, tmp_path: Path) -> None:
    page = _page(qtbot, session)
    prompter.save_paths = [str(tmp_path / "no such folder" / "r.pdf")]  # type: ignore[attr-defined]
    assert not page.export_pdf()
    assert prompter.messages and prompter.messages[-1][0] == "Not saved"  # type: ignore[attr-defined]


def test_school_and_custom_dates_change_the_report(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    # the threshold is the vault's setting: shown, not chosen per report
    assert page.threshold.value() == session.repo.settings.report_threshold == 5 and not page.threshold.isEnabled()
    page.select_period("2025-2026")
    page.school_combo.setCurrentIndex(page.school_combo.findText("Het Baken (VO)"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.k == 5
                    and page.report.schools_text == "Het Baken (VO)" and not page.is_rendering(), timeout=20000)
    assert page.page_count() > 0 and page.report.exportable and page.pdf_button.isEnabled()

    page.select_custom(dt.date(2025, 9, 1), dt.date(2025, 11, 30))
    assert page.custom_row.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.report is not None and page.report.period_label == "2025-09..2025-11"
                    and not page.is_rendering(), timeout=20000)
    assert page.report.suggested_pdf == "rapportage-2025-09_2025-11.pdf"
    # another date range is for the officer's own screen: nothing to save
    assert not page.report.exportable and not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()

    # an end before the start: a clear message, the typed dates stay
    page.select_custom(dt.date(2025, 11, 30), dt.date(2025, 9, 1))
    qtbot.waitUntil(lambda: page.message.isVisibleTo(page), timeout=5000)
    assert "einde" in page.message.text().lower()
    assert page.date_from.date().toPython() == dt.date(2025, 11, 30)
    # nothing that belongs to another choice can be exported
    assert page.report is None and not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()
    assert page.page_count() == 0


def test_choices_survive_a_lock(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    page.select_period("2025-2026/T1")
    page.school_combo.setCurrentIndex(page.school_combo.findText("Het Baken (VO)"))
    state = page.stash()
    assert state["period"] == "2025-2026/T1"
    other = ReportsPage(session)
    qtbot.addWidget(other)
    other.restore(state)
    assert other.chosen_period().label == "2025-2026/T1" and other.school_combo.currentText() == "Het Baken (VO)"
    qtbot.waitUntil(lambda: other.report is not None and other.report.schools_text == "Het Baken (VO)"
                    and not other.is_rendering(), timeout=20000)


def test_a_new_school_appears_in_the_choices(qtbot: QtBot, session: Session) -> None:
    from brugdesk.core.model import School

    page = _page(qtbot, session)
    page.school_combo.setCurrentIndex(page.school_combo.findText("Het Baken (VO)"))
    session.repo.schools.add(School("Kindcentrum Nieuwland", pupil_count=150))
    assert page.school_combo.findText("Kindcentrum Nieuwland") >= 0
    assert page.school_combo.currentText() == "Het Baken (VO)"  # the choices made stay
    qtbot.waitUntil(lambda: page.report is not None and page.report.schools_text == "Het Baken (VO)"
                    and not page.is_rendering(), timeout=20000)


def test_locking_clears_the_preview(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    assert page.report is not None and page.pdf_data and page.page_count() > 0
    session.lock()
    assert page.report is None and page.pdf_data == b"" and page.page_count() == 0
    assert not page.pdf_button.isEnabled() or page.pdf_data == b""


def test_locking_the_window_while_the_preview_renders(qtbot: QtBot, session: Session) -> None:
    from brugdesk.ui.main_window import MainWindow

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("reports")
    assert isinstance(page, ReportsPage)  # its preview is (usually still) being rendered
    window.lock()
    assert not session.is_unlocked and "reports" not in window._pages
    # the worker (which holds only the protected model) finishes on its own
    qtbot.waitUntil(lambda: not any(t.name == "brugdesk-report" for t in threading.enumerate()), timeout=20000)


# ---------------------------------------------------------------- the worker thread
def _gate_aggregate(monkeypatch: pytest.MonkeyPatch, body: Callable[[Any], None]) -> list[Any]:
    """Wrap the real aggregation (on the worker): ``body(repo)`` runs first. Returns the connections
    the aggregations ran on (the worker's own; the reader lets go of it when it closes it)."""
    from brugdesk.reports.export import report_for as real

    seen: list[Any] = []

    def gated(repo: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(repo.settings.conn)
        body(repo)
        return real(repo, *args, **kwargs)

    monkeypatch.setattr("brugdesk.reports.job.report_for", gated)
    return seen


def _closed(conn: Any) -> bool:
    try:
        conn.execute("SELECT 1")
    except Exception as exc:  # sqlite's ProgrammingError: "Cannot operate on a closed database."
        return "closed" in str(exc)
    return False


def _report_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "brugdesk-report"]


def test_the_window_keeps_running_while_the_numbers_are_counted(qtbot: QtBot, session: Session,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    entered, gate = threading.Event(), threading.Event()
    where: list[str] = []

    def wait_for_the_test(repo: Any) -> None:
        where.append(threading.current_thread().name)
        entered.set()
        assert gate.wait(30)

    seen = _gate_aggregate(monkeypatch, wait_for_the_test)
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    try:
        qtbot.waitUntil(entered.is_set, timeout=10000)
        # the aggregation is under way on the worker, through a read-only connection of its own
        assert where == ["brugdesk-report"]
        worker_conn = seen[0]
        assert worker_conn is not session.vault.conn
        # meanwhile the GUI thread goes on: timers tick, the page shows it is busy ...
        ticks: list[int] = []
        timer = QTimer(page)
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10000)
        timer.stop()
        assert page.is_rendering() and page.progress.isVisibleTo(page) and page.status.text()
        assert page.report is None and not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()
        # ... and the vault's own connection can read and write
        assert session.repo.families.count() == 60
        session.vault.set_meta("report-test", "during the aggregation")
    finally:
        gate.set()
    qtbot.waitUntil(lambda: page.page_count() > 0 and not page.is_rendering(), timeout=20000)
    assert page.report is not None and page.pdf_data.startswith(b"%PDF")
    assert page.pdf_button.isEnabled() and page.csv_button.isEnabled() and not page.progress.isVisibleTo(page)
    assert _closed(worker_conn)  # the worker closed its connection


def test_a_newer_choice_stops_the_running_aggregation(qtbot: QtBot, session: Session,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    entered = threading.Event()

    def count_forever_once(repo: Any) -> None:
        if not entered.is_set():
            entered.set()  # the first job runs an endless query, which only a stop ends
            repo.settings.conn.execute(ENDLESS).fetchall()

    seen = _gate_aggregate(monkeypatch, count_forever_once)
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(entered.is_set, timeout=10000)
    page.school_combo.setCurrentIndex(page.school_combo.findText("Het Baken (VO)"))  # the newest choice wins
    qtbot.waitUntil(lambda: page.report is not None and not page.is_rendering(), timeout=20000)
    assert page.report is not None and page.report.schools_text == "Het Baken (VO)" and page.page_count() > 0
    assert len(seen) >= 2 and all(_closed(conn) for conn in seen)


#: a statement that never ends by itself
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def _count_forever(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[Any]]:
    """Every aggregation runs an endless statement, which only a stop ends. Returns the event set
    once one has started, and the connections they ran on (see :func:`_gate_aggregate`)."""
    entered = threading.Event()

    def count_forever(repo: Any) -> None:
        entered.set()
        repo.settings.conn.execute(ENDLESS).fetchall()

    return entered, _gate_aggregate(monkeypatch, count_forever)


def _open_files(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    out = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            out.append(target)
    return out


def test_locking_while_the_numbers_are_counted_drops_the_result(qtbot: QtBot, session: Session,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    entered, seen = _count_forever(monkeypatch)
    db = session.vault.directory / "brugdesk.db"
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(entered.is_set, timeout=10000)
    assert page.is_rendering()
    if Path("/proc/self/fd").is_dir():
        assert _open_files(db)  # (the check sees the open database)
    session.lock()  # the page stops the job (the endless statement is interrupted) and waits for it
    # the worker has ended and closed its own connection: nothing of the vault is open
    assert not _report_threads() and _closed(seen[0])
    assert _open_files(db) == []
    qtbot.waitUntil(lambda: page._worker is None, timeout=10000)  # its (stopped) result is collected
    # ... and nothing is shown
    assert page.report is None and page.pdf_data == b"" and page.page_count() == 0
    assert not page.is_rendering() and not page.progress.isVisibleTo(page)
    assert not page.message.isVisibleTo(page)  # a stopped job is not a failure


def test_locking_the_window_while_the_numbers_are_counted(qtbot: QtBot, session: Session,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from brugdesk.ui.main_window import MainWindow

    entered, seen = _count_forever(monkeypatch)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(entered.is_set, timeout=10000)
    window.lock()
    # the lock stopped the job and waited for the worker: it has ended and its connection is closed
    assert not session.is_unlocked and "reports" not in window._pages
    assert not _report_threads()
    assert _closed(seen[0])


def test_a_failure_is_shown_as_a_message(qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from brugdesk.errors import VaultDamaged
    from brugdesk.reports import pdf

    def broken(report: Any, *_args: Any) -> bytes:
        raise MemoryError("no room")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.message.isVisibleTo(page) and not page.is_rendering(), timeout=20000)
    assert "MemoryError" in page.message.text()
    assert page.report is None and not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()
    assert page.page_count() == 0

    def damaged(repo: Any) -> None:
        raise VaultDamaged("test")

    _gate_aggregate(monkeypatch, damaged)
    page.school_combo.setCurrentIndex(page.school_combo.findText("Het Baken (VO)"))
    qtbot.waitUntil(lambda: "MemoryError" not in page.message.text() and page.message.isVisibleTo(page)
                    and not page.is_rendering(), timeout=20000)
    assert page.message.text() == VaultDamaged("test").text()
