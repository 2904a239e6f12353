"""The report's raw numbers for one period: counts with cell keys, per cell code (no Qt).

:func:`aggregate` asks the service layer (:class:`brugdesk.store.repo.reports.ReportData`) for every
count of the period -- and of its comparison period -- and returns them with the category lists
the report prints, in list order. Nothing here is safe to print yet: :mod:`brugdesk.reports.report`
perturbs and protects it. The definitions of what is counted live in ``store/repo/reports.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from brugdesk.core.lists import ListName
from brugdesk.core.periods import Period
from brugdesk.i18n import N_, _
from brugdesk.store.repo import Repositories
from brugdesk.store.repo.reports import ZERO, Count

__all__ = ["SIGNAL_OUTCOMES", "STATUS_GROUPS", "Aggregates", "Category", "aggregate", "months_until"]

#: The report's referral status groups: (code, English label).
STATUS_GROUPS: tuple[tuple[str, str], ...] = (
    ("proposed", N_("Proposed")),
    ("referred", N_("Referred / waiting list")),
    ("accepted", N_("Started")),
    ("completed", N_("Completed")),
    ("ended", N_("Declined / stopped")),
)

#: The report's signal outcomes (the status on the period's last day): (code, English label).
SIGNAL_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("new", N_("New")),
    ("taken_up", N_("Taken up")),
    ("family_created", N_("Family created")),
    ("no_action", N_("No action needed")),
)

HOME_VISIT = "home_visit"


@dataclass(frozen=True)
class Category:
    code: str
    label: str


@dataclass(frozen=True)
class Aggregates:
    period: Period
    school_id: int | None
    school_names: tuple[str, ...]
    counts: dict[str, Count]
    minutes: dict[str, int]
    pupils: int | None
    #: the categories each table lists, in list order: sources, closures, contact_kinds, themes,
    #: partner_types, activity_kinds, signal_sources
    categories: dict[str, tuple[Category, ...]]
    months: tuple[str, ...]  # YYYY-MM, the months of the period up to today
    previous: Aggregates | None = field(default=None)

    def count(self, code: str) -> Count:
        return self.counts.get(code, ZERO)


_LISTS = {
    "sources": (ListName.SIGNAL_SOURCE, "sources.{}"),
    "closures": (ListName.CLOSURE_OUTCOME, "closures.{}"),
    "contact_kinds": (ListName.CONTACT_KIND, "contacts.{}"),
    "themes": (ListName.THEME, "themes.{}"),
    "partner_types": (ListName.PARTNER_TYPE, "referrals.{}.total"),
    "activity_kinds": (ListName.ACTIVITY_KIND, "activities.{}.count"),
    "signal_sources": (ListName.SIGNAL_SOURCE, "signals.{}.total"),
}


def _categories(repo: Repositories, counts: dict[str, Count], previous: dict[str, Count] | None,
                 ) -> dict[str, tuple[Category, ...]]:
    """Every active list item, plus inactive or unknown codes that occur in the numbers."""
    out: dict[str, tuple[Category, ...]] = {}
    for name, (list_name, pattern) in _LISTS.items():
        items = repo.lists.items(list_name, include_inactive=True)
        labels = {i.code: i.label for i in items}
        prefix, suffix = pattern.split("{}")
        occurring = {
            code[len(prefix):len(code) - len(suffix) if suffix else None]
            for source in (counts, previous or {}) for code, c in source.items()
            if c.n and code.startswith(prefix) and code.endswith(suffix) and len(code) > len(prefix) + len(suffix)
        }
        occurring.discard("total")
        occurring.discard("home_visit_families")
        chosen = [Category(i.code, i.label) for i in items if i.active or i.code in occurring]
        known = {c.code for c in chosen}
        for code in sorted(occurring - known):
            chosen.append(Category(code, labels.get(code) or (_(N_("Not recorded")) if code == "" else code)))
        out[name] = tuple(chosen)
    return out


def months_until(period: Period, today: dt.date) -> tuple[str, ...]:
    """The months of ``period`` up to the month of ``today`` (at least the first)."""
    current = f"{today.year:04d}-{today.month:02d}"
    months = period.months()
    return tuple(m for m in months if m <= current) or tuple(months[:1])


def aggregate(
    repo: Repositories,
    period: Period,
    school_id: int | None = None,
    *,
    comparison: Period | None = None,
    today: dt.date | None = None,
) -> Aggregates:
    """All the report's raw numbers for ``period`` and, when given, its ``comparison`` period."""
    today = today or dt.date.today()
    schools = repo.schools.list()
    if school_id is not None:
        chosen = [s for s in schools if s.id == school_id]
        if not chosen:
            raise ValueError(f"unknown school id {school_id}")
        school_names = tuple(s.name for s in chosen)
    else:
        school_names = tuple(s.name for s in schools)
    data = repo.reportdata.counts(period.start, period.end, school_id)
    previous = None
    if comparison is not None:
        prev = repo.reportdata.counts(comparison.start, comparison.end, school_id)
        previous = Aggregates(comparison, school_id, school_names, prev["counts"], prev["minutes"], prev["pupils"],
                              _categories(repo, prev["counts"], None), tuple(comparison.months()))
    return Aggregates(
        period=period,
        school_id=school_id,
        school_names=school_names,
        counts=data["counts"],
        minutes=data["minutes"],
        pupils=data["pupils"],
        categories=_categories(repo, data["counts"], previous.counts if previous else None),
        months=months_until(period, today),
        previous=previous,
    )
