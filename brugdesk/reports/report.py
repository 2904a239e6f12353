"""The protected report model: what the PDF, the CSV and the text summary print.

:func:`build_report` turns raw :class:`~brugdesk.reports.aggregate.Aggregates` into a
:class:`ProtectedReport` with :mod:`brugdesk.reports.disclosure`. Everything in the model
is safe to print: counts are 0, ``<k`` or at least *k* (or ``x`` when hidden by secondary
suppression); hours, averages and percentages are hidden with their base; there are no
names, reference codes, free text or dates finer than a month. The raw value of a hidden
number is not kept in the model at all.

How tables that share a number stay consistent:

* *reach and signal sources*: the new families (split by signal source) and the continuing
  families form one additive table whose grand total is the number of active families, so
  that "active", "new", "continuing" and the signal-source table are suppressed together;
* the key figures take their numbers from the tables that print them (closed families =
  the closures table's total, contacts = the contacts table's total, and so on);
* the previous period's figures come from the previous period's own protected report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from brugdesk.core.periods import Period
from brugdesk.i18n import N_, _, language
from brugdesk.reports import disclosure as sdc
from brugdesk.reports.aggregate import STATUS_GROUPS, Aggregates, Category
from brugdesk.reports.disclosure import Cell, ProtectedTable

__all__ = [
    "Chart",
    "Column",
    "KeyFigure",
    "ProtectedReport",
    "ReportTable",
    "Row",
    "Section",
    "build_report",
    "month_label",
    "period_text",
    "suggested_filename",
]

MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)
MONTHS_SHORT = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
    N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)

COUNT, HOURS, PERCENT, MINUTES, TEXT = "count", "hours", "percent", "minutes", "text"


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = COUNT  # count, hours, minutes, percent or text


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]
    total: bool = False


@dataclass(frozen=True)
class ReportTable:
    key: str  # stable English identifier
    title: str  # translated; the CSV's "section"
    row_header: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]  # printed values; 0 where the number is hidden
    texts: tuple[str, ...]  # what each bar says ("<5" where hidden)
    horizontal: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[ReportTable, ...]
    chart: Chart | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    current: str
    previous: str
    difference: str  # "+3", "−2", "0" or "" when either side is hidden
    kind: str = COUNT
    indent: bool = False


@dataclass(frozen=True)
class ProtectedReport:
    language: str
    k: int
    title: str
    period_label: str  # "2025-2026/T1", "2025-2026" or months for explicit dates
    period_text: str  # e.g. "Schooljaar 2025-2026, periode 1: augustus – december 2025"
    previous_text: str
    schools_text: str
    generated: str  # month precision, e.g. "november 2026"
    enough_families: bool
    notice: str  # the "fewer than k families" notice, or ""
    notes: tuple[str, ...]  # under the key figures (what "supported" means, share of pupils)
    key_figures: tuple[KeyFigure, ...]
    sections: tuple[Section, ...]
    explanation: tuple[str, ...]
    suggested_pdf: str
    suggested_csv: str

    def tables(self) -> list[ReportTable]:
        return [t for s in self.sections for t in s.tables]

    def key_figure(self, key: str) -> KeyFigure:
        for figure in self.key_figures:
            if figure.key == key:
                return figure
        raise KeyError(key)


# ------------------------------------------------------------------- formatting
def _t(message: str, lang: str) -> str:
    return _(message, lang)


def month_label(month: str, lang: str, short: bool = False) -> str:
    """``2025-09`` as "september 2025" (Dutch) / "September 2025"; short: "sep 2025"."""
    year, m = int(month[:4]), int(month[5:7])
    name = _t((MONTHS_SHORT if short else MONTHS)[m - 1], lang).strip()
    return f"{name} {year}"


def _month_range(start: dt.date, end: dt.date, lang: str) -> str:
    a = month_label(f"{start.year:04d}-{start.month:02d}", lang)
    b = month_label(f"{end.year:04d}-{end.month:02d}", lang)
    if a == b:
        return a
    if start.year == end.year:
        a = a.rsplit(" ", 1)[0]
    return f"{a} – {b}"


_TERM = re.compile(r"^(\d{4}-\d{4})/T(\d+)$")
_YEAR = re.compile(r"^(\d{4}-\d{4})$")


def _period_label(period: Period) -> str:
    if _TERM.match(period.label) or _YEAR.match(period.label):
        return period.label
    return f"{period.start.year:04d}-{period.start.month:02d}..{period.end.year:04d}-{period.end.month:02d}"


def period_text(period: Period, lang: str | None = None) -> str:
    """The period in words, never finer than a month."""
    lang = lang or language()
    months = _month_range(period.start, period.end, lang)
    if m := _TERM.match(period.label):
        return _t(N_("School year {year}, term {n}: {months}"), lang).format(year=m.group(1), n=m.group(2),
                                                                              months=months)
    if m := _YEAR.match(period.label):
        return _t(N_("School year {year}: {months}"), lang).format(year=m.group(1), months=months)
    return months


def suggested_filename(period: Period, extension: str, lang: str | None = None) -> str:
    """A file name with only the period in it, e.g. ``rapportage-2025-2026-T1.pdf``."""
    lang = lang or language()
    label = _period_label(period).replace("/", "-").replace("..", "_")
    return f"{_t(N_('report'), lang)}-{label}.{extension}"


def _decimal(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _signed(diff: float, lang: str, digits: int = 0) -> str:
    if abs(diff) < 10 ** -(digits + 1):
        return "0"
    body = _decimal(abs(diff), lang, digits) if digits else str(round(abs(diff)))
    return ("+" if diff > 0 else "−") + body


def _number(text: str, lang: str) -> float | None:
    """The numeric value of a printed number, or None when it is hidden or missing."""
    if not re.fullmatch(r"-?\d+([.,]\d+)?%?", text):
        return None
    return float(text.rstrip("%").replace(",", "."))


def _primary(value: int, k: int) -> Cell:
    return Cell(value, 0 < value < k)


# ------------------------------------------------------------------- building
class _Builder:
    def __init__(self, agg: Aggregates, k: int, lang: str) -> None:
        self.agg = agg
        self.k = k
        self.lang = lang

    def t(self, message: str) -> str:
        return _t(message, self.lang)

    def other_label(self, categories: Sequence[Category]) -> str:
        """The list's own "other" label (so small rows join it), else the translated "Other"."""
        for c in categories:
            if c.code == "other":
                return c.label
        return self.t(N_("Other"))

    def hours(self, value: float) -> str:
        return _decimal(value, self.lang)

    def list_rows(self, table: ProtectedTable, extra: Sequence[Sequence[str]] = ()) -> tuple[Row, ...]:
        rows = []
        for i, label in enumerate(table.row_labels):
            rows.append(Row(label, (table.text(table.cells[i][0]), *(col[i] for col in extra))))
        return tuple(rows)

    # --- sections
    def reach(self) -> tuple[tuple[str, ...], Section, dict[str, str]]:
        agg, k, t = self.agg, self.k, self.t
        r = agg.reach
        labels = [c.label for c in agg.signal_sources]
        counts = [c.count for c in agg.signal_sources]
        merge = self.other_label(agg.signal_sources)
        grouping = sdc.protect_list(labels, counts, k, merge_label=merge)
        merged = [sum(counts[i] for i in src) for src in grouping.source_rows]
        continuing_label = t(N_("Continuing from before the period"))
        joint = sdc.protect(
            [*grouping.row_labels, continuing_label], [t(N_("New")), t(N_("Continuing"))],
            [[c, 0] for c in merged] + [[0, r.continuing]], k, merge_small_rows=False)
        assert joint.col_totals is not None and joint.grand_total is not None
        new_cell, cont_cell, active_cell = joint.col_totals[0], joint.col_totals[1], joint.grand_total
        children = _primary(r.children, k)
        percent = "-"
        if r.pupils:
            percent = sdc.derived_display(
                _primary(r.children_at_counted_schools, k), 100.0 * r.children_at_counted_schools / r.pupils,
                lambda v: _decimal(v, self.lang) + "%")
        closures = sdc.protect_list([c.label for c in agg.closures], [c.count for c in agg.closures], k,
                                    merge_label=self.other_label(agg.closures))
        assert closures.grand_total is not None
        closed_cell = closures.grand_total
        figures = {
            "active": active_cell.text(k), "new": new_cell.text(k), "continuing": cont_cell.text(k),
            "closed": closed_cell.text(k), "children": children.text(k), "pupil_share": percent,
        }
        notes = [t(N_("Families supported are those with an open file at some moment in the period; a family "
                      "can have several children at school."))]
        if r.pupils:
            notes.append(t(N_("Children in these families registered at the school(s) with a known pupil count: "
                              "{percent} of the pupils.")).format(percent=percent))
        signal_rows = tuple(
            Row(label, (joint.text(joint.cells[i][0]),)) for i, label in enumerate(grouping.row_labels)
        ) + (Row(t(N_("Total new families")), (new_cell.text(k),), total=True),)
        signal_table = ReportTable("signal_sources", t(N_("How new families came in")), t(N_("Signal source")),
                                   (Column(t(N_("Families"))),), signal_rows)
        closure_rows = self.list_rows(closures) + (
            Row(t(N_("Total closed")), (closed_cell.text(k),), total=True),)
        closure_table = ReportTable("closures", t(N_("Support ended, by outcome")), t(N_("Outcome")),
                                    (Column(t(N_("Families"))),), closure_rows)
        intake = Section("intake", t(N_("Intake and closure")), t(N_(
            "Where the signals about new families came from, and how the support of families ended.")),
            (signal_table, closure_table))
        return tuple(notes), intake, figures

    def contacts(self) -> tuple[Section, dict[str, str]]:
        agg, k, t = self.agg, self.k, self.t
        kinds = agg.contacts_by_kind
        table = sdc.protect_list([c.label for c in kinds], [c.count for c in kinds], k,
                                 merge_label=self.other_label(kinds))
        hours = sdc.derive_list(table, [c.minutes / 60 for c in kinds], self.hours)
        averages = []
        for i, src in enumerate(table.source_rows):
            n = sum(kinds[j].count for j in src)
            minutes = sum(kinds[j].minutes for j in src)
            averages.append(sdc.derived_display(table.cells[i][0], minutes / n if n else None, "{:.0f}"))
        assert table.grand_total is not None and hours.grand_total is not None
        total_avg = sdc.derived_display(table.grand_total, agg.contact_minutes / agg.contacts if agg.contacts
                                        else None, "{:.0f}")
        rows = self.list_rows(table, [[h[0] for h in hours.cells], averages]) + (
            Row(t(N_("Total")), (table.text(table.grand_total), hours.grand_total, total_avg), total=True),)
        home_index = next((i for i, src in enumerate(table.source_rows)
                           if [kinds[j].code for j in src] == ["home_visit"]), None)
        home_visits = (table.text(table.cells[home_index][0]) if home_index is not None
                       else _primary(agg.home_visits, k).text(k))
        figures = {
            "contacts": table.text(table.grand_total),
            "hours": hours.grand_total,
            "home_visits": home_visits,
            "home_visit_families": _primary(agg.home_visit_families, k).text(k),
        }
        report_table = ReportTable(
            "contacts", t(N_("Contacts by kind")), t(N_("Kind of contact")),
            (Column(t(N_("Contacts"))), Column(t(N_("Hours")), HOURS), Column(t(N_("Average minutes")), MINUTES)),
            rows)
        chart = self.chart(t(N_("Contacts by kind")), table, horizontal=True)
        notes = (t(N_("Home visits: {visits}, with {families} families.")).format(
            visits=home_visits, families=figures["home_visit_families"]),)
        section = Section("contacts", t(N_("Contacts")), t(N_(
            "Every logged contact with or about a family: home visits, talks at school, calls and more.")),
            (report_table,), chart, notes)
        return section, figures

    def months(self) -> Section:
        agg, k, t = self.agg, self.k, self.t
        labels = [month_label(m.month, self.lang) for m in agg.months]
        contacts = sdc.protect_list(labels, [m.contacts for m in agg.months], k, merge_small=False)
        families = sdc.protect_list(labels, [m.families for m in agg.months], k, merge_small=False,
                                    additive=False)
        hours = sdc.derive_list(contacts, [m.minutes / 60 for m in agg.months], self.hours)
        rows = self.list_rows(contacts, [[h[0] for h in hours.cells], [families.text(c[0]) for c in families.cells]])
        assert contacts.grand_total is not None and hours.grand_total is not None
        rows += (Row(t(N_("Total")), (contacts.text(contacts.grand_total), hours.grand_total, ""), total=True),)
        table = ReportTable(
            "months", t(N_("Contacts per month")), t(N_("Month")),
            (Column(t(N_("Contacts"))), Column(t(N_("Hours")), HOURS), Column(t(N_("Families reached")))), rows)
        short = tuple(month_label(m.month, self.lang, short=True) for m in agg.months)
        chart = self.chart(t(N_("Contacts per month")), contacts, labels=short)
        return Section("months", t(N_("Monthly trend")), t(N_(
            "Contacts per month, and the number of different families with at least one contact that month "
            "(a family can count in several months).")), (table,), chart)

    def themes(self) -> Section:
        agg, k, t = self.agg, self.k, self.t
        codes_of: dict[str, set[str]] = {}  # a label -> its codes (two items may share a label)
        for c in agg.themes:
            codes_of.setdefault(c.label, set()).add(c.code)

        def merged_count(labels: Sequence[str]) -> int:
            return agg.families_with_any(frozenset(code for label in labels for code in codes_of[label]))

        table = sdc.protect_list([c.label for c in agg.themes], [c.count for c in agg.themes], k,
                                 merge_label=self.other_label(agg.themes), additive=False,
                                 merged_count=merged_count)
        report_table = ReportTable("themes", t(N_("Themes")), t(N_("Theme")), (Column(t(N_("Families"))),),
                                   self.list_rows(table))
        return Section("themes", t(N_("Themes")), t(N_(
            "What the families' questions were about. A family can have several themes, so the numbers do "
            "not add up to the number of families.")), (report_table,),
            self.chart(t(N_("Families by theme")), table, horizontal=True))

    def referrals(self) -> tuple[Section, dict[str, str]]:
        agg, k, t = self.agg, self.k, self.t
        rows = [r for r in agg.referrals if any(r.counts)]
        cols = [t(label) for _code, label, _statuses in STATUS_GROUPS]
        other = next((r.label for r in agg.referrals if r.code == "other"), t(N_("Other")))
        figures: dict[str, str] = {"warm_handovers": _primary(agg.warm_handovers, k).text(k),
                                   "referred_families": _primary(agg.referred_families, k).text(k)}
        if not rows:
            figures["referrals"] = "0"
            table_rows: tuple[Row, ...] = (Row(t(N_("Total")), ("0",) * (len(cols) + 1), total=True),)
        else:
            table = sdc.protect([r.label for r in rows], cols, [list(r.counts) for r in rows], k,
                                merge_label=other)
            assert table.row_totals is not None and table.col_totals is not None
            assert table.grand_total is not None
            table_rows = tuple(
                Row(label, (*(table.text(c) for c in table.cells[i]), table.text(table.row_totals[i])))
                for i, label in enumerate(table.row_labels)
            ) + (Row(t(N_("Total")), (*(table.text(c) for c in table.col_totals),
                                      table.text(table.grand_total)), total=True),)
            figures["referrals"] = table.text(table.grand_total)
        report_table = ReportTable("referrals", t(N_("Referrals by partner type and status")),
                                   t(N_("Partner type")),
                                   (*(Column(c) for c in cols), Column(t(N_("Total")))), table_rows)
        notes = (t(N_("Warm handovers (the officer introduced the family to the partner in person): {n}. "
                      "Families referred: {families}.")).format(n=figures["warm_handovers"],
                                                               families=figures["referred_families"]),)
        return Section("referrals", t(N_("Referrals")), t(N_(
            "Referrals made in the period, by the status they had at the end of the period.")),
            (report_table,), notes=notes), figures

    def activities(self) -> tuple[Section, dict[str, str]]:
        agg, k, t = self.agg, self.k, self.t
        acts = agg.activities
        table = sdc.protect_list([c.label for c in acts], [c.count for c in acts], k,
                                 merge_label=self.other_label(acts))
        parents_merged = [sum(acts[i].extra for i in src) for src in table.source_rows]
        parents = sdc.protect_list(list(table.row_labels), parents_merged, k, merge_small=False)
        hours = sdc.derive_list(table, [c.minutes / 60 for c in acts], self.hours)
        assert table.grand_total is not None and parents.grand_total is not None
        assert hours.grand_total is not None
        rows = self.list_rows(table, [[parents.text(c[0]) for c in parents.cells], [h[0] for h in hours.cells]])
        rows += (Row(t(N_("Total")), (table.text(table.grand_total), parents.text(parents.grand_total),
                                      hours.grand_total), total=True),)
        figures = {"activities": table.text(table.grand_total), "parents": parents.text(parents.grand_total)}
        report_table = ReportTable(
            "activities", t(N_("Group activities")), t(N_("Kind of activity")),
            (Column(t(N_("Activities"))), Column(t(N_("Parents attending"))), Column(t(N_("Hours")), HOURS)),
            rows)
        return Section("activities", t(N_("Group activities")), t(N_(
            "Activities for groups of parents, such as coffee mornings and information sessions. Parents "
            "attending are counted per activity (a parent who came twice counts twice).")),
            (report_table,)), figures

    def chart(self, title: str, table: ProtectedTable, *, horizontal: bool = False,
              labels: Sequence[str] | None = None) -> Chart:
        values = tuple(0.0 if c[0].suppressed else float(c[0].value) for c in table.cells)
        return Chart(title, tuple(labels or table.row_labels), values, tuple(table.text(c[0]) for c in table.cells),
                     horizontal)


_KEY_FIGURES: tuple[tuple[str, str, str, bool, bool], ...] = (
    # key, English label, kind, indented, about families
    ("active", N_("Families supported"), COUNT, False, True),
    ("new", N_("newly registered"), COUNT, True, True),
    ("continuing", N_("continuing from before"), COUNT, True, True),
    ("closed", N_("Support ended"), COUNT, False, True),
    ("children", N_("Children in these families"), COUNT, False, True),
    ("pupil_share", N_("Share of pupils reached"), PERCENT, False, True),
    ("contacts", N_("Contacts"), COUNT, False, True),
    ("hours", N_("Hours of contact"), HOURS, False, True),
    ("home_visits", N_("Home visits"), COUNT, False, True),
    ("referrals", N_("Referrals"), COUNT, False, True),
    ("warm_handovers", N_("of which warm handovers"), COUNT, True, True),
    ("activities", N_("Group activities"), COUNT, False, False),
    ("parents", N_("Parents attending group activities"), COUNT, False, False),
)


@dataclass(frozen=True)
class _Built:
    figures: dict[str, str]
    sections: tuple[Section, ...]
    enough: bool
    notes: tuple[str, ...] = ()


def _build(agg: Aggregates, k: int, lang: str) -> _Built:
    b = _Builder(agg, k, lang)
    reach_notes, intake, figures = b.reach()
    activities, act_figures = b.activities()
    enough = sdc.enough_families(agg.reach.active, k)
    if not enough and agg.reach.active > 0:
        hidden = {key: sdc.HIDDEN_MARK for key, _l, _k, _i, family in _KEY_FIGURES if family}
        hidden["active"] = _primary(agg.reach.active, k).text(k)
        return _Built({**hidden, **act_figures}, (activities,), False)
    contacts, contact_figures = b.contacts()
    referrals, referral_figures = b.referrals()
    figures = {**figures, **contact_figures, **referral_figures, **act_figures}
    if not enough:  # no families at all: every family figure is 0, but there are no family tables
        return _Built(figures, (activities,), False)
    sections = (contacts, intake, b.months(), b.themes(), referrals, activities)
    return _Built(figures, sections, True, reach_notes)


def _difference(current: str, previous: str, kind: str, lang: str) -> str:
    a, b = _number(current, lang), _number(previous, lang)
    if a is None or b is None or kind == PERCENT:
        return ""
    return _signed(a - b, lang, 1 if kind == HOURS else 0)


def explanation(k: int, lang: str) -> tuple[str, ...]:
    def t(message: str) -> str:
        return _t(message, lang)

    return (
        t(N_("This report contains no names, reference codes, notes or exact dates: only numbers per month "
             "or per period, counted by brugdesk from the officer's encrypted files.")),
        t(N_("Small numbers can still point to a family, especially at a small school. That is why every "
             "number from 1 to {k1} is shown as \u201c<{k}\u201d (the threshold is {k}). A 0 is shown as 0.")),
        t(N_("Before that, small categories are merged into \u201cOther\u201d where that makes them large "
             "enough. So that a hidden number cannot be worked out from the totals, some other numbers in the "
             "same table are hidden as well; they are shown as \u201cx\u201d.")),
        t(N_("Hours, averages and percentages are hidden (\u201cx\u201d) wherever the number they are based on "
             "is hidden. Themes do not add up, because a family can have several themes.")),
        t(N_("When fewer than {k} families are in the report, it shows no figures about families at all.")),
        t(N_("Please do not combine this report with other sources to find out who the families are, and do "
             "not pass it on outside school leadership and the programme's monitoring.")),
    )


def build_report(
    agg: Aggregates,
    k: int,
    *,
    lang: str | None = None,
    generated: dt.date | None = None,
) -> ProtectedReport:
    """The protected report for ``agg`` (and its ``previous`` aggregates) with threshold ``k``."""
    sdc.check_k(k)
    lang = lang or language()
    def t(message: str) -> str:
        return _t(message, lang)

    current = _build(agg, k, lang)
    previous = _build(agg.previous, k, lang) if agg.previous is not None else None
    figures = []
    for key, label, kind, indent, family in _KEY_FIGURES:
        now = current.figures.get(key, "")
        before = previous.figures.get(key, "") if previous is not None else ""
        if not current.enough and family and key != "active":
            continue
        figures.append(KeyFigure(key, t(label), now, before, _difference(now, before, kind, lang), kind, indent))
    generated = generated or dt.date.today()
    if agg.school_id is not None:
        schools = ", ".join(agg.school_names)
    elif len(agg.school_names) == 1:
        schools = agg.school_names[0]
    else:
        names = agg.school_names
        if not names:
            schools = ""
        elif len(names) <= 3:
            schools = t(N_("All schools: {names}")).format(names=", ".join(names))
        else:
            schools = t(N_("All schools ({n})")).format(n=len(names))
    notice = ""
    if not current.enough:
        if agg.school_id is not None:
            notice = t(N_("Fewer than {k} families of this school were supported in this period. To protect "
                          "them, this report shows no figures about families; only group activities are "
                          "reported.")).format(k=k)
        else:
            notice = t(N_("Fewer than {k} families were supported in this period. To protect them, this "
                          "report shows no figures about families; only group activities are reported.")).format(k=k)
    return ProtectedReport(
        language=lang,
        k=k,
        title=t(N_("Report of the bridge officer")),
        period_label=_period_label(agg.period),
        period_text=period_text(agg.period, lang),
        previous_text=period_text(agg.previous.period, lang) if agg.previous is not None else "",
        schools_text=schools,
        generated=month_label(f"{generated.year:04d}-{generated.month:02d}", lang),
        enough_families=current.enough,
        notice=notice,
        notes=current.notes,
        key_figures=tuple(figures),
        sections=current.sections,
        explanation=tuple(p.format(k=k, k1=k - 1) for p in explanation(k, lang)),
        suggested_pdf=suggested_filename(agg.period, "pdf", lang),
        suggested_csv=suggested_filename(agg.period, "csv", lang),
    )


def summary_lines(report: ProtectedReport) -> list[str]:
    """A short text summary of the protected key figures (for the command line)."""
    def t(message: str) -> str:
        return _t(message, report.language)

    lines = [f"{report.title}: {report.period_text}", f"{t(N_('School(s)'))}: {report.schools_text}",
             t(N_("Threshold: counts from 1 to {k1} are shown as <{k}.")).format(k=report.k, k1=report.k - 1)]
    if report.notice:
        lines.append(report.notice)
    width = max((len(f.label) + (2 if f.indent else 0) for f in report.key_figures), default=10)
    lines.append("")
    lines.append(f"{'':<{width}}  {t(N_('This period')):>14}  {t(N_('Previous')):>10}  {t(N_('Change')):>8}")
    for f in report.key_figures:
        label = ("  " if f.indent else "") + f.label
        lines.append(f"{label:<{width}}  {f.current:>14}  {f.previous:>10}  {f.difference:>8}")
    return lines
