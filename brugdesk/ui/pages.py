"""The desk's pages in navigation order (Ctrl+1 …): a key, the title, and a function that builds
the page (``make(window, parent)``).

A page is built the first time it is shown; the modules of the pages after Overzicht are imported
then too, which keeps the cold start short (the reports page alone brings reportlab and the PDF
preview). A page asks the window for navigation through its signals (``family_requested``, …),
connected here to the window's methods (:class:`Desk`, which
:class:`~brugdesk.ui.main_window.MainWindow` is).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QDialog, QWidget

from brugdesk.ui.labels import QT_TRANSLATE_NOOP
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import OverviewPage

__all__ = ["PAGES", "Desk", "PageSpec"]


class Desk(Protocol):
    """What a page asks of the window around it."""

    session: Session
    keyring_backend: KeyringBackend | None

    def open_family(self, family_id: int) -> None: ...

    def show_all_followups(self) -> None: ...

    def show_waiting_referrals(self) -> None: ...

    def show_appointment(self, day: dt.date, appointment_id: int) -> None: ...

    def log_contact(self, family_id: int | None = None) -> QDialog | None: ...

    def change_language(self, language: str) -> None: ...


def _overview(window: Desk, parent: QWidget) -> QWidget:
    page = OverviewPage(window.session, parent)
    page.family_requested.connect(window.open_family)
    page.all_followups_requested.connect(window.show_all_followups)
    page.contact_requested.connect(window.log_contact)
    page.waiting_referrals_requested.connect(window.show_waiting_referrals)
    page.appointment_requested.connect(window.show_appointment)
    return page


def _families(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.families import FamiliesPage

    return FamiliesPage(window.session, parent)


def _signals(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.signals import SignalsPage

    page = SignalsPage(window.session, parent)
    page.family_requested.connect(window.open_family)
    return page


def _followups(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.followups import FollowUpsPage

    page = FollowUpsPage(window.session, parent)
    page.family_requested.connect(window.open_family)
    return page


def _referrals(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.referrals import ReferralsPage

    page = ReferralsPage(window.session, parent)
    page.family_requested.connect(window.open_family)
    return page


def _agenda(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.agenda import AgendaPage

    page = AgendaPage(window.session, parent)
    page.family_requested.connect(window.open_family)
    return page


def _activities(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.activities import ActivitiesPage

    return ActivitiesPage(window.session, parent)


def _reports(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.reports.page import ReportsPage

    return ReportsPage(window.session, parent)


def _settings(window: Desk, parent: QWidget) -> QWidget:
    from brugdesk.ui.views.settings.page import SettingsPage

    page = SettingsPage(window.session, parent, keyring_backend=window.keyring_backend)
    page.language_chosen.connect(window.change_language)
    return page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in the context "MainWindow"
    make: Callable[[Desk, QWidget], QWidget]


#: The pages in navigation order (Ctrl+1 … Ctrl+9).
PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", QT_TRANSLATE_NOOP("MainWindow", "Overview"), _overview),
    PageSpec("families", QT_TRANSLATE_NOOP("MainWindow", "Families"), _families),
    PageSpec("signals", QT_TRANSLATE_NOOP("MainWindow", "Signals"), _signals),
    PageSpec("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups"), _followups),
    PageSpec("referrals", QT_TRANSLATE_NOOP("MainWindow", "Referrals"), _referrals),
    PageSpec("agenda", QT_TRANSLATE_NOOP("MainWindow", "Agenda"), _agenda),
    PageSpec("activities", QT_TRANSLATE_NOOP("MainWindow", "Group activities"), _activities),
    PageSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), _reports),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), _settings),
)
