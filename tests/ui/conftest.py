"""Fixtures for the UI tests (pytest-qt drives real widgets on real vault files).

* QSettings is redirected to a temporary directory for every test, so tests never read or
  write the developer's own settings.
* ``session`` is a :class:`~brugdesk.ui.session.Session` attached to the 60-family demo vault.
* ``prompter`` replaces the confirmation service (:mod:`brugdesk.ui.prompter`) with a scripted
  one: tests set ``prompter.answers`` / ``prompter.save_paths`` and read ``prompter.messages``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from brugdesk import i18n
from brugdesk.store.vault import Vault
from brugdesk.ui import app as app_module
from brugdesk.ui import prompter as prompter_module
from brugdesk.ui import tasks
from brugdesk.ui.session import Session
from tests.reliability.conftest import children  # noqa: F401 - the fixture, for tests/ui too (real child processes)

#: Warnings of the offscreen platform plugin itself (it cannot resize native windows), not of brugdesk.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path, qapp: object) -> Iterator[Path]:
    path = tmp_path / "qsettings"
    path.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(path))
    yield path
    tasks.wait_all()


@contextmanager
def dutch_catalogue(qapp: QCoreApplication) -> Iterator[list[str]]:
    """The app's Dutch catalogues (brugdesk's and Qt's own) installed, as an officer sees the app;
    yields the catalogues loaded, and takes them out again afterwards."""
    loaded = app_module.install_translators(qapp, "nl")
    try:
        yield loaded
    finally:
        for translator in app_module._translators:
            qapp.removeTranslator(translator)
        app_module._translators.clear()
        QLocale.setDefault(QLocale.c())
        i18n.set_language("nl")


class ScriptedPrompter(prompter_module.Prompter):
    """Answers confirmations from a list and records what was shown (no modal boxes)."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.save_paths: list[str] = []
        self.open_paths: list[str] = []
        self.opened_folders: list[str] = []
        self.messages: list[tuple[str, str]] = []
        #: the (action, cancel) button texts of every question asked
        self.buttons: list[tuple[str, str]] = []

    def ask_yes_no(self, parent: object, title: str, text: str, *, action: str = "", cancel: str = "") -> bool:
        self.messages.append((title, text))
        self.buttons.append((action, cancel))
        return self.answers.pop(0) if self.answers else True

    def inform(self, parent: object, title: str, text: str) -> None:
        self.messages.append((title, text))

    def warn(self, parent: object, title: str, text: str) -> None:
        self.messages.append((title, text))

    def print_html(self, parent: object, title: str, html: str) -> bool:
        self.messages.append((title, html))
        return True

    def choose_save_path(self, parent: object, title: str, suggested: str, filters: str) -> str:
        return self.save_paths.pop(0) if self.save_paths else ""

    def choose_open_path(self, parent: object, title: str, filters: str) -> str:
        return self.open_paths.pop(0) if self.open_paths else ""

    def open_folder(self, parent: object, folder: str) -> bool:
        self.opened_folders.append(folder)
        return True


@pytest.fixture(autouse=True)
def prompter() -> Iterator[ScriptedPrompter]:
    scripted = ScriptedPrompter()
    previous = prompter_module.install(scripted)
    yield scripted
    prompter_module.install(previous)


@pytest.fixture
def session(demo_vault: Vault) -> Iterator[Session]:
    s = Session()
    s.attach(demo_vault)
    yield s
    tasks.wait_all()
    if s.is_unlocked:
        s.lock()


@pytest.fixture
def today_at_start(request: pytest.FixtureRequest) -> None:
    """Sets the test module's ``TODAY`` to the date when each test starts, not when the file was
    imported: a run that crosses midnight would otherwise compare the app's today with yesterday
    (used with ``pytestmark = pytest.mark.usefixtures("today_at_start")``)."""
    request.module.TODAY = dt.date.today()
