"""The Rapportages page: choose a period from the catalogue and a school, type a toelichting, preview the real
PDF, save PDF and CSV (issue 11)."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from brugdesk.core.periods import ExportablePeriod, exportable_periods
from brugdesk.store import audit
from brugdesk.store.vault import Vault
from brugdesk.ui.session import Session
from brugdesk.ui.views.reports.page import ReportsPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import dutch_catalogue


@pytest.fixture(autouse=True)
def dutch(qapp: Any) -> Iterator[None]:
    """The page as the officer sees it: in Dutch."""
    with dutch_catalogue(qapp):
        yield


def _page(qtbot: QtBot, session: Session) -> ReportsPage:
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.page_count() > 0 and not page.is_rendering(), timeout=20000)
    return page


def _choose(qtbot: QtBot, combo: QComboBox, match: Callable[[Any], bool]) -> None:
    """Choose the combo box item whose data matches, with the arrow keys (as a person would)."""
    target = next(i for i in range(combo.count()) if match(combo.itemData(i)))
    combo.setFocus()
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def _choose_period(qtbot: QtBot, page: ReportsPage, label: str) -> None:
    _choose(qtbot, page.period_combo, lambda d: isinstance(d, ExportablePeriod) and d.label == label)


def _ready(page: ReportsPage) -> bool:
    return page.report is not None and page.page_count() > 0 and not page.is_rendering() and not page.is_exporting()


def _reports_made(session: Session) -> int:
    return sum(1 for e in audit.entries(session.vault.conn) if e.action == "report")


def test_the_periods_are_the_catalogue_newest_first(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    combo = page.period_combo
    items = [combo.itemData(i) for i in range(combo.count() - 1)]
    first = min(r.start_date for r in session.repo.families.rows())
    expected = exportable_periods(session.repo.settings.term_starts, first, dt.date.today())
    assert [e.label for e in items] == [e.label for e in expected]
    assert [combo.itemText(i) for i in range(len(items))] == [
        e.title("nl") + (" (tussenstand)" if e.running else "") for e in expected]
    assert any(e.running for e in items) and any(not e.running for e in items)
    assert combo.itemText(0).startswith("Schooljaar ") or combo.itemText(0).startswith("Kalenderjaar ")
    # a running period: its cut is said in full under the choice
    _choose(qtbot, combo, lambda d: isinstance(d, ExportablePeriod) and d.running)
    cut = combo.currentData().cut_text("nl")
    assert page.cut_note.isVisibleTo(page)
    assert page.cut_note.text() == f"T{cut[1:]}: de periode loopt nog; de rapportage telt tot en met die dag."
    _choose(qtbot, combo, lambda d: isinstance(d, ExportablePeriod) and not d.running)
    assert not page.cut_note.isVisibleTo(page)
    _choose(qtbot, combo, lambda d: True)  # back to the newest
    assert combo.itemData(combo.count() - 1) == "custom"
    assert combo.currentIndex() == 0  # the newest
    # no threshold to choose: k is a setting of the vault, and the page says so
    assert not page.findChildren(QSpinBox)
    assert page.threshold_note.text() == ("Kleine aantallen: k = 5, in te stellen bij Instellingen (voor elke "
                                          "rapportage dezelfde).")
    session.repo.settings.set_report_threshold(7)  # the setting announces its change; the page follows
    assert "k = 7" in page.threshold_note.text()
    qtbot.waitUntil(lambda: _ready(page) and page.report is not None and page.report.k == 7, timeout=20000)


def test_a_new_day_brings_the_new_cut(qtbot: QtBot, session: Session) -> None:
    """A page left open into a new month offers that day's version of a running period."""
    day = [dt.date(2026, 12, 15)]
    page = ReportsPage(session, today=lambda: day[0])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: _ready(page), timeout=20000)
    first = page.chosen_period()
    assert isinstance(first, ExportablePeriod) and first.label == "2026-2027/T1" and first.running
    assert page.report is not None and page.report.period_id == "2026-08-01..2026-11-30"
    day[0] = dt.date(2027, 1, 4)
    _choose(qtbot, page.school_combo, lambda d: d is not None)  # any new choice looks at the day again
    qtbot.waitUntil(lambda: _ready(page) and page.report is not None
                    and page.report.period_id == "2026-08-01..2026-12-31", timeout=20000)
    now = page.chosen_period()
    assert isinstance(now, ExportablePeriod) and now.label == "2026-2027/T1" and not now.running


def test_choose_type_remarks_preview_and_save_pdf_and_csv_by_clicking(qtbot: QtBot, session: Session,
                                                                      prompter: object, tmp_path: Path) -> None:
    page = _page(qtbot, session)
    _choose_period(qtbot, page, "2025-2026/T2")
    _choose(qtbot, page.school_combo, lambda d: d == session.repo.schools.by_name("Het Baken (VO)").id)
    qtbot.keyClicks(page.remarks, "Meer huisbezoeken dan vorig jaar.")
    assert page.remarks_count.text() == "33 van hoogstens 1000 tekens"
    # the preview shows the report as it will be saved, remarks included
    qtbot.waitUntil(lambda: _ready(page) and page.report is not None and page.report.period_label == "2025-2026/T2"
                    and page.report.remarks == "Meer huisbezoeken dan vorig jaar.", timeout=20000)
    assert page.report is not None and page.report.schools_text == "Het Baken (VO)" and page.report.exportable
    assert page.pdf_button.isEnabled() and page.csv_button.isEnabled()
    assert page.report.suggested_pdf == "rapportage-2025-2026-T2.pdf"
    before = _reports_made(session)

    out = tmp_path / "exports"
    out.mkdir()
    pdf_path, csv_path = out / "out.pdf", out / "out.csv"
    prompter.save_paths = [str(pdf_path), str(csv_path)]  # type: ignore[attr-defined]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert page.is_exporting() and not page.pdf_button.isEnabled()  # the export runs on the worker
    qtbot.waitUntil(lambda: not page.is_exporting() and pdf_path.exists(), timeout=20000)
    assert page.status.text().startswith("Opgeslagen: out.pdf")
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_exporting() and csv_path.exists(), timeout=20000)
    reader = PdfReader(str(pdf_path))
    first = reader.pages[0].extract_text()
    assert "Rapportage brugfunctionaris" in first and "periode 2" in first and "Het Baken (VO)" in first
    assert "Meer huisbezoeken dan vorig jaar." in first
    assert len(reader.pages) == page.page_count()  # what was previewed is what was saved
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfperiod;code;section;row;column;value")
    assert _reports_made(session) == before + 2
    assert sorted(p.name for p in out.iterdir()) == ["out.csv", "out.pdf"]  # no temporary files left behind
    assert "out.csv" in page.status.text()
    assert page.remarks.toPlainText() == "Meer huisbezoeken dan vorig jaar."


def test_a_name_in_the_remarks_refuses_the_export_and_keeps_the_text(qtbot: QtBot, session: Session,
                                                                     prompter: object, tmp_path: Path) -> None:
    row = session.repo.families.rows()[0]
    name = session.repo.members.list(row.id)[0].first_name
    page = _page(qtbot, session)
    text = f"Het gaat goed met {name.lower()} en de andere kinderen."
    qtbot.keyClicks(page.remarks, text)
    qtbot.waitUntil(lambda: _ready(page) and page.report is not None and page.report.remarks == text, timeout=20000)
    before = _reports_made(session)
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "r.pdf"
    prompter.save_paths = [str(target)]  # type: ignore[attr-defined]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_exporting(), timeout=20000)
    title, message = prompter.messages[-1]  # type: ignore[attr-defined]
    assert title == "Naam in de toelichting"
    assert message.startswith(f"Je toelichting bevat een naam uit je dossiers: \u201c{name.lower()}\u201d.")
    assert page.message.isVisibleTo(page) and name.lower() in page.message.text()
    assert not list(out.iterdir())  # nothing written, not even a temporary file
    assert _reports_made(session) == before
    assert page.remarks.toPlainText() == text and page.remarks.hasFocus()  # the typed text stays


def test_remarks_longer_than_the_first_page_holds_are_refused(qtbot: QtBot, session: Session,
                                                              prompter: object) -> None:
    page = _page(qtbot, session)
    qtbot.keyClicks(page.remarks, "ab " * 334)
    qtbot.waitUntil(lambda: _ready(page), timeout=20000)
    assert page.remarks_count.text() == "1001 van hoogstens 1000 tekens"
    prompter.save_paths = ["/nowhere/r.pdf"]  # type: ignore[attr-defined]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert not page.is_exporting() and prompter.save_paths  # type: ignore[attr-defined]  # not even asked
    assert page.message.text() == "De toelichting is 1001 tekens lang; er passen er hoogstens 1000 op de eerste pagina."


def test_tab_leaves_the_remarks(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    page.activateWindow()
    page.remarks.setFocus()
    qtbot.waitUntil(page.remarks.hasFocus, timeout=5000)
    qtbot.keyClick(page.remarks, Qt.Key.Key_Tab)
    assert not page.remarks.hasFocus() and page.remarks.toPlainText() == ""  # no Tab trap, no tab typed


def test_other_dates_are_for_the_screen_only(qtbot: QtBot, session: Session, prompter: object) -> None:
    page = _page(qtbot, session)
    _choose(qtbot, page.period_combo, lambda d: d == "custom")
    page.date_from.setDate(QDate(2025, 9, 1))
    page.date_to.setDate(QDate(2025, 11, 30))
    assert page.custom_row.isVisibleTo(page) and page.private_mark.isVisibleTo(page)
    assert page.private_mark.text() == "Alleen voor jezelf \u2014 niet om te delen"
    qtbot.waitUntil(lambda: _ready(page) and page.report is not None and page.report.period_label == "2025-09..2025-11",
                    timeout=20000)
    assert page.report is not None and not page.report.exportable
    # the preview says it too, and nothing can be saved (the reason is the buttons' description)
    assert page.view.page_count() > 0
    reason = ("Alleen een schooljaar, een periode of een kalenderjaar kan worden opgeslagen en gedeeld; andere "
              "datums zijn voor je eigen scherm.")
    for button in (page.pdf_button, page.csv_button):
        assert not button.isEnabled()
        assert button.accessibleDescription() == reason and button.toolTip() == reason
    prompter.save_paths = ["/nowhere/r.pdf"]  # type: ignore[attr-defined]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert not page.is_exporting() and prompter.save_paths  # type: ignore[attr-defined]
    # an end before the start: a clear message, the typed dates stay, nothing shown
    page.date_from.setDate(QDate(2025, 11, 30))
    page.date_to.setDate(QDate(2025, 9, 1))
    qtbot.waitUntil(lambda: page.message.isVisibleTo(page), timeout=5000)
    assert "einde" in page.message.text().lower()
    assert page.date_from.date().toPython() == dt.date(2025, 11, 30)
    assert page.report is None and not page.pdf_button.isEnabled() and page.page_count() == 0
    # back to a fixed period: the mark goes, saving is possible again
    _choose_period(qtbot, page, "2025-2026")
    assert not page.private_mark.isVisibleTo(page)
    qtbot.waitUntil(lambda: _ready(page) and page.pdf_button.isEnabled(), timeout=20000)
    assert page.pdf_button.accessibleDescription() == ""


def test_choices_and_remarks_survive_a_lock(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    _choose_period(qtbot, page, "2025-2026/T1")
    qtbot.keyClicks(page.remarks, "Rustige periode.")
    state = page.stash()
    assert state["period"] == "2025-2026/T1" and state["remarks"] == "Rustige periode."
    other = ReportsPage(session)
    qtbot.addWidget(other)
    other.restore(state)
    assert isinstance(other.chosen_period(), ExportablePeriod)
    assert other.chosen_period().label == "2025-2026/T1" and other.remarks.toPlainText() == "Rustige periode."
    qtbot.waitUntil(lambda: _ready(other) and other.report is not None and other.report.remarks == "Rustige periode.",
                    timeout=20000)


def test_a_new_school_appears_in_the_choices(qtbot: QtBot, session: Session) -> None:
    from brugdesk.core.model import School

    page = _page(qtbot, session)
    _choose_period(qtbot, page, "2025-2026")
    session.repo.schools.add(School("Kindcentrum Nieuwland", pupil_count=150))
    assert page.school_combo.findText("Kindcentrum Nieuwland") >= 0
    assert page.chosen_period().label == "2025-2026"  # the choices made stay
    qtbot.waitUntil(lambda: _ready(page), timeout=20000)


def test_locking_clears_the_preview(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    assert page.report is not None and page.pdf_data and page.page_count() > 0
    session.lock()
    assert page.report is None and page.pdf_data == b"" and page.page_count() == 0
    assert not page.pdf_button.isEnabled()


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


def test_the_export_runs_on_the_worker_and_a_lock_waits_for_it(qtbot: QtBot, session: Session, prompter: object,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    from brugdesk.reports import job as job_module

    real = job_module.export
    entered, gate = threading.Event(), threading.Event()
    where: list[tuple[str, Any]] = []

    def gated(repo: Any, *args: Any, **kwargs: Any) -> Any:
        where.append((threading.current_thread().name, repo.settings.conn))
        entered.set()
        assert gate.wait(30)
        return real(repo, *args, **kwargs)

    monkeypatch.setattr(job_module, "export", gated)
    page = _page(qtbot, session)
    target = tmp_path / "r.pdf"
    prompter.save_paths = [str(target)]  # type: ignore[attr-defined]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=10000)
    assert where[0][0] == "brugdesk-report" and where[0][1] is not session.vault.conn
    assert page.is_exporting() and page.progress.isVisibleTo(page) and page.status.text() == \
        "Rapportage wordt opgeslagen…"
    before = _reports_made(session)
    directory = session.vault.directory
    threading.Timer(0.3, gate.set).start()
    session.lock()  # waits for the export: it is never cut off between its file and its record
    assert target.exists() and _closed(where[0][1])
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:
        assert [e.action for e in audit.entries(vault.conn)].count("report") == before + 1


# ---------------------------------------------------------------- the worker thread
def _gate_aggregate(monkeypatch: pytest.MonkeyPatch, body: Callable[[Any], None]) -> list[Any]:
    """Wrap the real making of the report (on the worker): ``body(repo)`` runs first. Returns the
    connections it ran on (the worker's own; the reader lets go of it when it closes it)."""
    from brugdesk.reports.job import report_for as real

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
    _choose_period(qtbot, page, "2025-2026/T1")  # the newest choice wins
    qtbot.waitUntil(lambda: page.report is not None and not page.is_rendering(), timeout=20000)
    assert page.report is not None and page.report.period_label == "2025-2026/T1" and page.page_count() > 0
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
    qtbot.waitUntil(lambda: not page.worker.busy, timeout=10000)  # its (stopped) result is collected
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
    _choose_period(qtbot, page, "2025-2026/T1")
    qtbot.waitUntil(lambda: "MemoryError" not in page.message.text() and page.message.isVisibleTo(page)
                    and not page.is_rendering(), timeout=20000)
    assert page.message.text() == VaultDamaged("test").text()
