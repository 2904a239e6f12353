"""Aggregation for the anonymised report (DESIGN §6), done in SQL.

:func:`aggregate` runs a handful of ``GROUP BY`` queries over one period (and optionally
one school) and returns plain dataclasses with *raw* counts. Nothing here is safe to
print yet: :mod:`brugdesk.reports.report` applies the disclosure control.

Definitions (one place, so the report, the tests and the documentation agree):

* a family is *in scope* (active in the period) when it started on or before the period's
  last day and was not closed before its first day (``closed_date`` is empty or inside or
  after the period), and -- with a school chosen -- is linked to that school;
* *new*: in scope and started inside the period; *continuing*: in scope and started
  before it (so active = new + continuing); *closed*: in scope and closed inside it;
* *children involved*: child members of the families in scope; the *share of pupils* is
  the number of those children registered at a school whose pupil count is known,
  divided by the sum of those pupil counts;
* contacts, home visits and the monthly trend count contacts dated inside the period of
  families linked to the chosen school (all families without a school filter);
* signal sources: of the new families; themes: of the families in scope (a family can
  have several themes, so theme counts do not add up);
* referrals: made inside the period, by partner type and by the status they had on the
  period's last day (from the dated status history), with warm handovers;
* closures: the closed families by outcome; activities: group activities dated inside the
  period (of the chosen school), with the number of parents attending.

Labels come from the vault's editable lists; an unknown code keeps its code as label.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from brugdesk.core.lists import ListName
from brugdesk.core.periods import Period, previous_period, school_year, school_year_start, terms
from brugdesk.i18n import N_, _
from brugdesk.store.repo import Repositories

__all__ = [
    "STATUS_GROUPS",
    "Aggregates",
    "Category",
    "MonthRow",
    "Reach",
    "ReferralRow",
    "aggregate",
    "available_periods",
    "record_report",
]

#: Referral statuses as the report groups them: (group code, English label, statuses).
STATUS_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("proposed", N_("Proposed"), ("proposed",)),
    ("referred", N_("Referred / waiting list"), ("referred", "waiting_list")),
    ("accepted", N_("Started"), ("accepted",)),
    ("completed", N_("Completed"), ("completed",)),
    ("ended", N_("Declined / stopped"), ("declined", "stopped")),
)
_STATUS_TO_GROUP = {status: i for i, (_code, _label, statuses) in enumerate(STATUS_GROUPS) for status in statuses}

HOME_VISIT = "home_visit"


@dataclass(frozen=True)
class Category:
    """One row of a category list: a list code, its label and its counts.

    ``count`` is what the row counts (families, contacts, activities); ``minutes`` the
    time spent (contacts, activities); ``extra`` a second count (families reached by the
    contacts of this kind; parents attending the activities).
    """

    code: str
    label: str
    count: int
    minutes: int = 0
    extra: int = 0


@dataclass(frozen=True)
class Reach:
    active: int
    new: int
    continuing: int
    closed: int
    children: int
    #: children registered at a school with a known pupil count, and those pupil counts' sum
    children_at_counted_schools: int
    pupils: int | None


@dataclass(frozen=True)
class MonthRow:
    month: str  # YYYY-MM
    contacts: int
    families: int  # distinct families with a contact in that month
    minutes: int


@dataclass(frozen=True)
class ReferralRow:
    code: str  # partner type
    label: str
    counts: tuple[int, ...]  # one per STATUS_GROUPS entry


@dataclass(frozen=True)
class Aggregates:
    period: Period
    school_id: int | None
    school_names: tuple[str, ...]  # the chosen school, or every school of the vault
    reach: Reach
    contacts_by_kind: tuple[Category, ...]  # count = contacts, minutes, extra = families
    contacts: int
    contact_minutes: int
    home_visits: int
    home_visit_families: int
    signal_sources: tuple[Category, ...]  # count = new families
    themes: tuple[Category, ...]  # count = families in scope with that theme
    #: the families in scope grouped by their exact set of themes (for merged theme rows)
    theme_combinations: tuple[tuple[frozenset[str], int], ...]
    referrals: tuple[ReferralRow, ...]
    referral_total: int
    warm_handovers: int
    referred_families: int
    closures: tuple[Category, ...]  # count = closed families
    activities: tuple[Category, ...]  # count = activities, minutes, extra = parents
    months: tuple[MonthRow, ...]
    previous: Aggregates | None = field(default=None)

    def families_with_any(self, theme_codes: set[str] | frozenset[str]) -> int:
        """Families in scope with at least one of these themes (for a merged theme row)."""
        return sum(n for combo, n in self.theme_combinations if combo & theme_codes)


def _school_filter(col: str, school_id: int | None) -> str:
    """SQL that keeps the rows of families linked to the chosen school (``1`` without a school)."""
    if school_id is None:
        return "1"
    return f"EXISTS (SELECT 1 FROM family_school fs WHERE fs.family_id = {col} AND fs.school_id = :school)"


def _scope(school_id: int | None) -> str:
    """The families in scope (see the module docstring) as a CTE named ``scope``."""
    return f"""
WITH scope AS (
    SELECT f.id, f.start_date, f.closed_date, f.signal_source, f.closure_outcome
    FROM family f
    WHERE f.start_date <= :e AND (f.closed_date IS NULL OR f.closed_date >= :s)
      AND {_school_filter("f.id", school_id)}
)
"""


def _conn(repo: Repositories) -> Any:
    return repo.settings.conn


def _categories(
    rows: list[tuple[Any, ...]], labels: dict[str, str], unknown: str, order: list[str]
) -> tuple[Category, ...]:
    """Rows (code, count[, minutes[, extra]]) as categories in list order, every list item present."""
    by_code = {str(r[0] or ""): r for r in rows}
    codes = list(order) + [c for c in by_code if c not in order]
    out = []
    for code in codes:
        r = by_code.get(code)
        label = labels.get(code) or (unknown if code == "" else code)
        if r is None:
            out.append(Category(code, label, 0))
        else:
            out.append(Category(code, label, int(r[1]), int(r[2]) if len(r) > 2 else 0,
                                int(r[3]) if len(r) > 3 else 0))
    return tuple(out)


def _order(repo: Repositories, name: ListName) -> tuple[list[str], dict[str, str]]:
    items = repo.lists.items(name, include_inactive=True)
    return [i.code for i in items], {i.code: i.label for i in items}


def aggregate(
    repo: Repositories,
    period: Period,
    school_id: int | None = None,
    *,
    with_previous: bool = True,
    term_starts: tuple[tuple[int, int], ...] | None = None,
    today: dt.date | None = None,
) -> Aggregates:
    """All the report's raw numbers for ``period`` (and the previous period's, for comparison).

    The monthly trend stops at the month of ``today`` (months still to come are left out).
    """
    conn = _conn(repo)
    p = {"s": period.start.isoformat(), "e": period.end.isoformat(), "school": school_id}
    scope_sql = _scope(school_id)
    unknown = _(N_("Not recorded"))

    schools = repo.schools.list()
    if school_id is not None:
        chosen = [s for s in schools if s.id == school_id]
        if not chosen:
            raise ValueError(f"unknown school id {school_id}")
        school_names = tuple(s.name for s in chosen)
    else:
        school_names = tuple(s.name for s in schools)

    # ---- reach
    active, new, closed = conn.execute(
        scope_sql + "SELECT count(*), coalesce(sum(start_date >= :s), 0), "
        "coalesce(sum(closed_date IS NOT NULL AND closed_date <= :e), 0) FROM scope", p).fetchone()
    children, at_counted = conn.execute(
        scope_sql + "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM school sc WHERE sc.id = m.school_id "
        "AND sc.pupil_count IS NOT NULL AND (:school IS NULL OR sc.id = :school))), 0) "
        "FROM member m JOIN scope ON scope.id = m.family_id WHERE m.role = 'child'", p).fetchone()
    pupils = conn.execute(
        "SELECT sum(pupil_count) FROM school WHERE pupil_count IS NOT NULL AND (:school IS NULL OR id = :school)",
        {"school": school_id}).fetchone()[0]
    reach = Reach(int(active), int(new), int(active) - int(new), int(closed), int(children), int(at_counted),
                  int(pupils) if pupils else None)

    # ---- contacts by kind and per month
    contact_where = f"c.date BETWEEN :s AND :e AND {_school_filter('c.family_id', school_id)}"
    kind_rows = conn.execute(
        f"SELECT c.kind, count(*), sum(c.minutes), count(DISTINCT c.family_id) FROM contact c "
        f"WHERE {contact_where} GROUP BY c.kind", p).fetchall()
    order, labels = _order(repo, ListName.CONTACT_KIND)
    contacts_by_kind = _categories(kind_rows, labels, unknown, order)
    home = next((c for c in contacts_by_kind if c.code == HOME_VISIT), Category(HOME_VISIT, HOME_VISIT, 0))
    month_rows = {
        r[0]: r for r in conn.execute(
            f"SELECT substr(c.date, 1, 7), count(*), count(DISTINCT c.family_id), sum(c.minutes) FROM contact c "
            f"WHERE {contact_where} GROUP BY substr(c.date, 1, 7)", p)
    }
    months = tuple(
        MonthRow(m, int(month_rows[m][1]), int(month_rows[m][2]), int(month_rows[m][3])) if m in month_rows
        else MonthRow(m, 0, 0, 0)
        for m in _months_until(period, today or dt.date.today())
    )

    # ---- signal sources of new families, closures by outcome
    order, labels = _order(repo, ListName.SIGNAL_SOURCE)
    signal_sources = _categories(conn.execute(
        scope_sql + "SELECT signal_source, count(*) FROM scope WHERE start_date >= :s GROUP BY signal_source",
        p).fetchall(), labels, unknown, order)
    order, labels = _order(repo, ListName.CLOSURE_OUTCOME)
    closures = _categories(conn.execute(
        scope_sql + "SELECT closure_outcome, count(*) FROM scope WHERE closed_date IS NOT NULL AND closed_date <= :e "
        "GROUP BY closure_outcome", p).fetchall(), labels, unknown, order)

    # ---- themes (non-additive): per theme, and per exact combination for merged rows
    order, labels = _order(repo, ListName.THEME)
    themes = _categories(conn.execute(
        scope_sql + "SELECT t.theme, count(*) FROM family_theme t JOIN scope ON scope.id = t.family_id "
        "GROUP BY t.theme", p).fetchall(), labels, unknown, order)
    combos = tuple(
        (frozenset(t for t in (r[0] or "").split("\x1f") if t), int(r[1]))
        for r in conn.execute(
            scope_sql + "SELECT combo, count(*) FROM (SELECT (SELECT group_concat(t.theme, char(31)) "
            "FROM family_theme t WHERE t.family_id = scope.id) AS combo FROM scope) GROUP BY combo", p)
    )

    # ---- referrals made in the period, by partner type x status on the period's last day
    ref_where = f"r.date BETWEEN :s AND :e AND {_school_filter('r.family_id', school_id)}"
    grouped = conn.execute(
        f"""SELECT type, st, count(*) FROM (
                SELECT p.type AS type, coalesce((SELECT rs.status FROM referral_status rs WHERE rs.referral_id = r.id
                       AND rs.date <= :e ORDER BY rs.date DESC, rs.id DESC LIMIT 1), r.status) AS st
                FROM referral r JOIN partner p ON p.id = r.partner_id WHERE {ref_where})
            GROUP BY type, st""",
        p).fetchall()
    total_refs, warm, referred_families = conn.execute(
        f"SELECT count(*), coalesce(sum(r.warm_handover), 0), count(DISTINCT r.family_id) FROM referral r "
        f"WHERE {ref_where}", p).fetchone()
    order, labels = _order(repo, ListName.PARTNER_TYPE)
    per_type: dict[str, list[int]] = {}
    for ptype, status, n in grouped:  # grouped rows (types x statuses), not family rows
        counts = per_type.setdefault(str(ptype), [0] * len(STATUS_GROUPS))
        counts[_STATUS_TO_GROUP.get(str(status), len(STATUS_GROUPS) - 1)] += int(n)
    referrals = tuple(
        ReferralRow(code, labels.get(code, code), tuple(per_type.get(code, [0] * len(STATUS_GROUPS))))
        for code in order + [c for c in per_type if c not in order]
    )

    # ---- group activities
    order, labels = _order(repo, ListName.ACTIVITY_KIND)
    activities = _categories(conn.execute(
        "SELECT a.kind, count(*), sum(a.minutes), sum(a.parents_count) FROM activity a "
        "WHERE a.date BETWEEN :s AND :e AND (:school IS NULL OR a.school_id = :school) GROUP BY a.kind",
        p).fetchall(), labels, unknown, order)

    previous = None
    if with_previous:
        prev = previous_period(period, term_starts or repo.settings.term_starts)
        previous = aggregate(repo, prev, school_id, with_previous=False, today=today)

    return Aggregates(
        period=period,
        school_id=school_id,
        school_names=school_names,
        reach=reach,
        contacts_by_kind=contacts_by_kind,
        contacts=sum(c.count for c in contacts_by_kind),
        contact_minutes=sum(c.minutes for c in contacts_by_kind),
        home_visits=home.count,
        home_visit_families=home.extra,
        signal_sources=signal_sources,
        themes=themes,
        theme_combinations=combos,
        referrals=referrals,
        referral_total=int(total_refs),
        warm_handovers=int(warm),
        referred_families=int(referred_families),
        closures=closures,
        activities=activities,
        months=months,
        previous=previous,
    )


def _months_until(period: Period, today: dt.date) -> list[str]:
    current = f"{today.year:04d}-{today.month:02d}"
    months = period.months()
    return [m for m in months if m <= current] or months[:1]


def available_periods(repo: Repositories, today: dt.date | None = None) -> list[Period]:
    """School years and their terms from the first recorded day up to today, newest first."""
    conn = _conn(repo)
    today = today or dt.date.today()
    first = conn.execute(
        "SELECT min(d) FROM (SELECT min(start_date) AS d FROM family UNION ALL SELECT min(date) FROM contact "
        "UNION ALL SELECT min(date) FROM activity)").fetchone()[0]
    first_day = dt.date.fromisoformat(first) if first else today
    out: list[Period] = []
    starts = repo.settings.term_starts
    for year in range(school_year_start(today), school_year_start(min(first_day, today)) - 1, -1):
        out.append(school_year(year))
        out.extend(t for t in reversed(terms(year, starts)) if t.start <= today)
    return out


def record_report(repo: Repositories) -> None:
    """Leave an audit entry that a report was made (no period, school or file name in it)."""
    from brugdesk.store import audit
    from brugdesk.store.audit import Action
    from brugdesk.store.repo import Transaction

    conn = _conn(repo)
    with Transaction(conn):
        audit.append(conn, Action.REPORT, "report", None)
