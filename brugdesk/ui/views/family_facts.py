"""The facts of one family on the detail's first tab: start date, schools, themes, consent,
phone, address, …, each a caption with its value below it.

Below, not beside: a long value (the registration consent, an address, several schools) wraps
over the column's full width. A grid, not a ``QFormLayout``: the form gave word-wrapped values
less height than they need in the narrow column and cut them off. The column scrolls when the
window is too low.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QStyle, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import Family, FamilyStatus
from brugdesk.ui.a11y import ValueLabel, described
from brugdesk.ui.labels import fmt_date, yes_no
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.widgets import big_font


class FamilyFacts(QScrollArea):
    """``show(family, labels, schools)`` fills the values; ``clear()`` empties them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        #: the value label of each fact, by key
        self.values: dict[str, ValueLabel] = {}
        for key, text in (
            ("start_date", self.tr("Start date:")), ("signal_source", self.tr("Signal from:")),
            ("schools", self.tr("Schools:")), ("themes", self.tr("Themes:")),
            ("home_language", self.tr("Home language:")), ("interpreter", self.tr("Interpreter needed:")),
            ("consent", self.tr("Registration consent:")), ("phone", self.tr("Phone:")),
            ("email", self.tr("E-mail:")), ("address", self.tr("Address:")), ("closed", self.tr("Closed:")),
        ):
            caption = QLabel(text)
            caption.setFont(big_font(caption, 1.0, bold=True))
            value = ValueLabel(text.rstrip(":"))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            at = 2 * len(self.values)
            if at:
                caption.setContentsMargins(0, 8, 0, 0)  # a little air between one fact and the next
            grid.addWidget(caption, at, 0)
            grid.addWidget(value, at + 1, 0)
            self.values[key] = value
        grid.setRowStretch(2 * len(self.values), 1)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)
        # a Tab stop (the arrow keys scroll it); its name says what it holds
        self.setAccessibleName(self.tr("Family details"))
        self.viewport().setAutoFillBackground(False)  # the tab's own background
        inner.setAutoFillBackground(False)
        # never narrower than the widest caption (a scroll area on its own would shrink to nothing)
        self.setMinimumWidth(inner.minimumSizeHint().width()
                             + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))

    def show_family(self, f: Family, labels: ListLabels, schools: dict[int, str]) -> None:
        v = self.values
        v["start_date"].setText(fmt_date(f.start_date))
        v["signal_source"].setText(labels.label(ListName.SIGNAL_SOURCE, f.signal_source) if f.signal_source else "—")
        v["schools"].setText(", ".join(schools.get(s, "") for s in f.school_ids) or "—")
        v["themes"].setText(labels.join(ListName.THEME, f.themes) or "—")
        v["home_language"].setText(f.home_language or "—")
        v["interpreter"].setText(yes_no(f.interpreter_needed))
        v["consent"].setText(
            self.tr("{date}, given by {given_by} ({scope})")
            .format(date=fmt_date(f.consent.date), given_by=f.consent.given_by, scope=f.consent.scope or "—")
            if f.consent.recorded else self.tr("not recorded"))
        v["phone"].setText(f.phone or "—")
        v["email"].setText(f.email or "—")
        v["address"].setText(f.address or "—")
        v["closed"].setText(
            self.tr("{date} — {outcome}")
            .format(date=fmt_date(f.closed_date), outcome=labels.label(ListName.CLOSURE_OUTCOME, f.closure_outcome))
            if f.status == FamilyStatus.CLOSED else "—")
        self._describe()

    def clear(self) -> None:
        for label in self.values.values():
            label.clear()
        self._describe()

    def _describe(self) -> None:
        """The facts, as the scroll area's description: what a screen reader says when the Tab
        comes to it. (Orca reads a focused area's name and description, not the labels in it;
        the values alone are not Tab stops.)"""
        self.setAccessibleDescription(described(self.values.values()))
