"""Every button and menu action of the desk, clicked as a person clicks it (issue 12, item 5).

"Nu een reservekopie maken" crashed on every click: ``clicked(bool)`` handed ``False`` to
``make_backup(folder)``. Tests that called ``make_backup()`` directly could not see it. This test
walks every page of the main window, every tab of Instellingen and of a family's detail, clicks
every visible, enabled button (check boxes twice, so they end as they were) and triggers every
menu action; every question is answered "no", every file chooser cancelled and every dialog
closed with Escape. Any exception (pytest-qt's capture of exceptions in slots) or Qt warning
fails it. A static check finds the same class of bug in code this walk cannot reach.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from brugdesk.ui import tasks
from brugdesk.ui.main_window import PAGES, MainWindow
from brugdesk.ui.session import Session
from tests.ui.conftest import ScriptedPrompter
from tests.ui.test_main_flow import popup_noise

ROOT = Path(__file__).resolve().parents[2]


class NoPrompter(ScriptedPrompter):
    """Answers every question with "no" and cancels every file chooser (records them all)."""

    def ask_yes_no(self, parent: object, title: str, text: str, *, action: str = "", cancel: str = "") -> bool:
        self.messages.append((title, text))
        return False


def _close_new_windows(qtbot, before: set[int]) -> list[str]:
    """Escape on every window that opened since ``before``; what was closed."""
    closed: list[str] = []
    for _round in range(5):
        new = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and id(w) not in before and isinstance(w, QDialog | QFileDialog)]
        if not new:
            break
        for w in new:
            closed.append(type(w).__name__)
            target = w.focusWidget() or w
            qtbot.keyClick(target, Qt.Key.Key_Escape)
            if w.isVisible():  # a line edit with a completer swallowed it, say: Escape on the dialog itself
                qtbot.keyClick(w, Qt.Key.Key_Escape)
            assert not w.isVisible(), f"{type(w).__name__} did not close on Escape"
    tasks.wait_all(30.0)  # a worker started by the click (a backup) reports back
    qtbot.wait(30)
    return closed


def _click(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def _click_all(qtbot, root: QWidget, log: list[str], back_to: object = None) -> None:
    """Click every visible, enabled button under ``root`` once (check boxes twice)."""
    buttons = [b for b in root.findChildren(QAbstractButton) if not isinstance(b.parentWidget(), QTabBar)]
    # a "back" button leaves the page: last
    buttons.sort(key=lambda b: "back" in b.objectName().lower() or "←" in b.text())
    for button in buttons:
        if not shiboken6.isValid(button) or not (button.isVisibleTo(root) and button.isVisible()
                                                 and button.isEnabled()):
            continue
        name = button.text().replace("&", "") or button.accessibleName() or button.toolTip()
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        menu = button.menu() if isinstance(button, QPushButton) else None
        if menu is not None:
            for action in menu.actions():
                if action.isEnabled() and action.isVisible() and not action.isSeparator():
                    log.append(f"{name} > {action.text()}")
                    action.trigger()  # what choosing it in the menu does: triggered(bool)
                    _close_new_windows(qtbot, before)
            continue
        log.append(name)
        _click(qtbot, button)
        if isinstance(button, QCheckBox) and shiboken6.isValid(button) and button.isVisible():
            _click(qtbot, button)  # and back
        qtbot.wait(5)
        _close_new_windows(qtbot, before)
        if callable(back_to):
            back_to()


def _show_page(qtbot, window: MainWindow, index: int) -> QWidget:
    nav = window.nav
    assert nav is not None
    rect = nav.visualItemRect(nav.item(index))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key == PAGES[index].key
    page = window.page(PAGES[index].key)
    assert page is not None
    return page


def _tabs_of(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.isVisible()]


def _click_tab(qtbot, tabs: QTabWidget, i: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
    assert tabs.currentIndex() == i


@popup_noise
@pytest.mark.slow
def test_click_every_button_on_every_page_and_tab(qtbot, session: Session, prompter, monkeypatch):
    no = NoPrompter()
    from brugdesk.ui import prompter as prompter_module

    previous = prompter_module.install(no)
    clicked: list[str] = []
    try:
        window = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        for index, spec in enumerate(PAGES):
            page = _show_page(qtbot, window, index)

            def back(index: int = index) -> None:
                if window.session.is_unlocked and window.current_page_key != PAGES[index].key:
                    _show_page(qtbot, window, index)

            if spec.key == "settings":
                tabs = _tabs_of(page)[0]
                for i in range(tabs.count()):
                    _click_tab(qtbot, tabs, i)
                    _click_all(qtbot, tabs.widget(i), clicked,
                               back_to=lambda i=i, tabs=tabs: (back(), _click_tab(qtbot, tabs, i)))
            elif spec.key == "families":
                _click_all(qtbot, page.list_page, clicked, back_to=back)  # type: ignore[attr-defined]
                # a family's detail: double-click the first row, then every tab
                table = page.table  # type: ignore[attr-defined]
                row = table.visualRect(table.model().index(0, 1)).center()
                qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
                qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
                detail = page.detail  # type: ignore[attr-defined]
                assert page.stack.currentWidget() is detail  # type: ignore[attr-defined]
                family_id = detail.family_id

                def back_to_detail(tab: int, family_id: int = family_id, page: QWidget = page,
                                   detail: QWidget = detail) -> None:
                    back()
                    if page.stack.currentWidget() is not detail:  # type: ignore[attr-defined]
                        window.open_family(family_id)
                    _click_tab(qtbot, detail.tabs, tab)  # type: ignore[attr-defined]

                for i in range(detail.tabs.count()):
                    _click_tab(qtbot, detail.tabs, i)
                    # select the first row of the tab's tables, so the buttons that need one are enabled
                    for view in detail.tabs.widget(i).findChildren(QAbstractItemView):
                        if view.isVisible() and view.model() is not None and view.model().rowCount() > 0:
                            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                             pos=view.visualRect(view.model().index(0, 0)).center())
                    _click_all(qtbot, detail.tabs.widget(i), clicked, back_to=lambda i=i: back_to_detail(i))
                _click_all(qtbot, detail, clicked, back_to=lambda: back_to_detail(0))
            else:
                _click_all(qtbot, page, clicked, back_to=back)
        tasks.wait_all(60.0)
    finally:
        prompter_module.install(previous)
    assert session.is_unlocked
    # the walk reached what it is meant to reach
    names = " | ".join(clicked)
    for expected in ("Back up now", "Back up to folder or USB stick…", "Restore a backup…",
                     "Parents' requests > Inspection export (PDF)…", "Parents' requests > Erase this family…",
                     "Log a contact…", "New contact…", "New referral…", "New follow-up…"):
        assert expected in names, expected
    assert len(clicked) > 40


# ------------------------------------------------------------------ the same class of bug, statically
SIGNALS_WITH_A_BOOL = {"clicked", "triggered", "toggled"}


def _slot_parameters() -> list[tuple[str, int, str, str, list[str]]]:
    """Every ``<x>.clicked/triggered.connect(self.method)`` under brugdesk/ui whose method takes a
    first parameter that is not a bool: the signal's ``checked`` would land there."""
    found = []
    for path in sorted((ROOT / "brugdesk" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
            for call in ast.walk(cls):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "connect" and call.args):
                    continue
                signal = call.func.value
                if not (isinstance(signal, ast.Attribute) and signal.attr in SIGNALS_WITH_A_BOOL):
                    continue
                slot = call.args[0]
                if not (isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name)
                        and slot.value.id == "self" and slot.attr in methods):
                    continue
                params = methods[slot.attr].args.args[1:]
                if not params:
                    continue
                first = params[0]
                annotation = ast.unparse(first.annotation) if first.annotation is not None else ""
                if annotation != "bool":
                    found.append((str(path.relative_to(ROOT)), call.lineno, signal.attr, slot.attr,
                                  [p.arg for p in params]))
    return found


def test_no_button_signal_hands_its_checked_flag_to_a_parameter_of_another_kind():
    assert _slot_parameters() == []
