"""How stored values read on screen: Dutch dates (dd-mm-jjjj) and the labels of statuses and roles.

Plain functions without widgets, shared by the table models, the dialogs and the pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate

from brugdesk.core.model import FamilyStatus, MemberRole, ParentalAuthority, ReferralStatus, SignalStatus, StatusChange

DATE_FORMAT = "dd-MM-yyyy"


def fmt_date(day: dt.date | None) -> str:
    """A date the Dutch way (15-03-2026); empty for none."""
    return "" if day is None else f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name the extractor (tools/i18n.py) looks for
    """Mark ``text`` for translation in ``context`` (translated later, when shown)."""
    return text


#: the English source of each status and role label; translated one at a time when shown (a list
#: of 30,000 families asks for a label per painted cell)
_FAMILY_STATUS = {
    FamilyStatus.REGISTERED: QT_TRANSLATE_NOOP("Labels", "Registered"),
    FamilyStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    FamilyStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
}
_REFERRAL_STATUS = {
    ReferralStatus.PROPOSED: QT_TRANSLATE_NOOP("Labels", "Proposed"),
    ReferralStatus.REFERRED: QT_TRANSLATE_NOOP("Labels", "Referred"),
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "Accepted / started"),
    ReferralStatus.WAITING_LIST: QT_TRANSLATE_NOOP("Labels", "Waiting list"),
    ReferralStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    ReferralStatus.STOPPED: QT_TRANSLATE_NOOP("Labels", "Stopped"),
}
_MEMBER_ROLE = {
    MemberRole.PARENT: QT_TRANSLATE_NOOP("Labels", "Parent / carer"),
    MemberRole.CHILD: QT_TRANSLATE_NOOP("Labels", "Child"),
}


def family_status_label(status: FamilyStatus | str) -> str:
    return QCoreApplication.translate("Labels", _FAMILY_STATUS[FamilyStatus(status)])


def referral_status_label(status: ReferralStatus | str) -> str:
    return QCoreApplication.translate("Labels", _REFERRAL_STATUS[ReferralStatus(status)])


def member_role_label(role: MemberRole | str) -> str:
    return QCoreApplication.translate("Labels", _MEMBER_ROLE[MemberRole(role)])


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Labels", "yes") if value else QCoreApplication.translate("Labels", "no")


def history_lines(history: Iterable[StatusChange]) -> list[str]:
    """A referral's status history as lines ("01-03-2026  Doorverwezen — the note"), the latest first."""
    lines = []
    for change in sorted(history, key=lambda c: (c.date, c.id or 0), reverse=True):
        line = f"{fmt_date(change.date)}  {referral_status_label(change.status)}"
        if change.note:
            line += " — " + " ".join(change.note.split())
        lines.append(line)
    return lines


#: words a date field understands, and the day they mean (relative to today)
DAY_WORDS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2, "gisteren": -1,
             "yesterday": -1}
_TYPED_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?")


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """A date as an officer types it: "12-3" (this year), "12-3-2027", "12-3-27", "12/3", "12.3",
    "vandaag", "morgen", "gisteren" (and the English words); None when it is no date."""
    raw = text.strip().lower()
    if raw in DAY_WORDS:
        return today + dt.timedelta(days=DAY_WORDS[raw])
    found = _TYPED_DATE.fullmatch(raw)
    if found is None:
        return None
    day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
    full_year = today.year if year is None else (2000 + int(year) if len(year) == 2 else int(year))
    try:
        return dt.date(full_year, month, day)
    except ValueError:
        return None


def fmt_time(time: dt.time | None) -> str:
    """A time of day as 10:00; empty for none."""
    return "" if time is None else f"{time.hour:02d}:{time.minute:02d}"


_SIGNAL_STATUS = {
    SignalStatus.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    SignalStatus.TAKEN_UP: QT_TRANSLATE_NOOP("Labels", "Taken up"),
    SignalStatus.FAMILY_CREATED: QT_TRANSLATE_NOOP("Labels", "Family created"),
    SignalStatus.NO_ACTION: QT_TRANSLATE_NOOP("Labels", "No action needed"),
}
_AUTHORITY = {
    ParentalAuthority.YES: QT_TRANSLATE_NOOP("Labels", "Yes"),
    ParentalAuthority.NO: QT_TRANSLATE_NOOP("Labels", "No"),
    ParentalAuthority.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
}


def signal_status_label(status: SignalStatus | str) -> str:
    return QCoreApplication.translate("Labels", _SIGNAL_STATUS[SignalStatus(status)])


def authority_label(authority: ParentalAuthority | str) -> str:
    """*Gezag*: ja / nee / onbekend."""
    return QCoreApplication.translate("Labels", _AUTHORITY[ParentalAuthority(authority)])


def group_text(group: str) -> str:
    """A child's group or class: "groep 5" (a group that is only a number is a primary school's
    groep), "2B" as it is."""
    group = group.strip()
    if group.isdigit():
        return QCoreApplication.translate("Labels", "group {group}").format(group=group)
    return group


def child_text(first_name: str, group: str) -> str:
    """A child as lists name it: "Milan, groep 5", "Sara, 2B", or the first name alone."""
    group = group_text(group)
    return f"{first_name}, {group}" if group else first_name
