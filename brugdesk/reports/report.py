"""Building the protected report: what the PDF, the CSV and the screen print.

:func:`build_report` lays out the printed cells (:mod:`brugdesk.reports.cells`: every count
perturbed with the cell key method and printed as ``0``, ``<k`` or the number) as key figures,
sections and tables of the model (:mod:`brugdesk.reports.model`); cells that the export rules
withhold (:mod:`brugdesk.reports.history`, :mod:`brugdesk.reports.linked`) print
:data:`WITHHELD_MARK` with a note. Everything in the model is safe to print; the true counts are
not kept in it.

Derived numbers come from printed counts: hours are the printed count times the true mean
duration, the share of pupils is the printed count of children at counted schools over the
(public) pupil count; both are hidden (``x``) where their count prints ``<k``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

from brugdesk.i18n import N_, language
from brugdesk.reports import perturb
from brugdesk.reports.aggregate import HOME_VISIT, SIGNAL_OUTCOMES, STATUS_GROUPS, Aggregates
from brugdesk.reports.cells import block_of, cell_text, printed, published_cells, referral_rows, signal_rows
from brugdesk.reports.model import (
    COUNT,
    DEFAULT_K,
    HIDDEN_MARK,
    HOURS,
    MAX_K,
    MIN_K,
    MINUTES,
    MISSING_MARK,
    PERCENT,
    WITHHELD_MARK,
    Chart,
    Column,
    KeyFigure,
    ProtectedReport,
    PublishedCell,
    ReportTable,
    Row,
    Section,
    check_k,
)
from brugdesk.reports.wording import (
    decimal_text,
    in_language,
    month_label,
    parse_number,
    period_id,
    period_label,
    period_text,
    signed_text,
    suggested_filename,
)

__all__ = [
    "COUNT",
    "DEFAULT_K",
    "HOURS",
    "MINUTES",
    "MISSING_MARK",
    "PERCENT",
    "HIDDEN_MARK",
    "MAX_K",
    "MIN_K",
    "WITHHELD_MARK",
    "Chart",
    "Column",
    "KeyFigure",
    "ProtectedReport",
    "PublishedCell",
    "ReportTable",
    "Row",
    "Section",
    "block_of",
    "build_report",
    "check_k",
    "month_label",
    "period_id",
    "period_text",
    "published_cells",
    "suggested_filename",
    "summary_lines",
]


# ------------------------------------------------------------------- building
class _Builder:
    def __init__(self, agg: Aggregates, k: int, lang: str, withheld: Collection[str]) -> None:
        self.agg = agg
        self.k = k
        self.lang = lang
        self.pid = period_id(agg.period)
        self.withheld = withheld

    def t(self, message: str) -> str:
        return in_language(message, self.lang)

    def p(self, code: str) -> int:
        return printed(self.agg, code)

    def text(self, code: str) -> str:
        if code in self.withheld:
            return WITHHELD_MARK
        return cell_text(self.p(code), self.k)

    def shown(self, code: str) -> bool:
        """Whether the count prints as a number (so its derived values may print too)."""
        return code not in self.withheld and self.p(code) >= self.k

    def hours(self, code: str, minutes_code: str | None = None) -> str:
        """Hours for a printed count: printed count × true mean duration; ``x`` when hidden."""
        c = self.agg.count(code)
        if c.n == 0:
            return "0"
        if not self.shown(code):
            return WITHHELD_MARK if code in self.withheld else HIDDEN_MARK
        minutes = self.agg.minutes.get(minutes_code or code, 0)
        return decimal_text(self.p(code) * minutes / c.n / 60, self.lang)

    def average(self, code: str, minutes_code: str | None = None) -> str:
        c = self.agg.count(code)
        if c.n == 0:
            return MISSING_MARK
        if not self.shown(code):
            return WITHHELD_MARK if code in self.withheld else HIDDEN_MARK
        return str(round(self.agg.minutes.get(minutes_code or code, 0) / c.n))

    def table(self, key: str, title: str, row_header: str, columns: Sequence[Column],
              rows: Sequence[tuple[str, Sequence[tuple[str, str]], bool]]) -> ReportTable:
        """rows: (label, [(code or "", printed text)], is total)."""
        return ReportTable(key, title, row_header, tuple(columns),
                           tuple(Row(label, tuple(v for _c, v in values), total) for label, values, total in rows),
                           tuple(tuple(c for c, _v in values) for _label, values, _total in rows))

    def chart(self, title: str, items: Sequence[tuple[str, str]], *, horizontal: bool = False) -> Chart:
        """items: (label, code)."""
        values, texts = [], []
        for _label, code in items:
            text = self.text(code)
            values.append(float(self.p(code)) if self.shown(code) else 0.0)
            texts.append(text)
        return Chart(title, tuple(label for label, _c in items), tuple(values), tuple(texts), horizontal)

    # --- sections
    def contacts(self) -> Section:
        agg, t = self.agg, self.t
        rows = []
        for c in agg.categories["contact_kinds"]:
            code = f"contacts.{c.code}"
            rows.append((c.label, [(code, self.text(code)), ("", self.hours(code)), ("", self.average(code))], False))
        rows.append((t(N_("Total")), [("contacts.total", self.text("contacts.total")),
                                      ("", self.hours("contacts.total")), ("", self.average("contacts.total"))],
                     True))
        table = self.table("contacts", t(N_("Contacts by kind")), t(N_("Kind of contact")),
                           (Column(t(N_("Contacts"))), Column(t(N_("Hours")), HOURS),
                            Column(t(N_("Average minutes")), MINUTES)), rows)
        chart = self.chart(t(N_("Contacts by kind")),
                           [(c.label, f"contacts.{c.code}") for c in agg.categories["contact_kinds"]],
                           horizontal=True)
        notes = (t(N_("Home visits: {visits}, with {families} families.")).format(
            visits=self.text(f"contacts.{HOME_VISIT}"), families=self.text("contacts.home_visit_families")),)
        return Section("contacts", t(N_("Contacts")), t(N_(
            "Every logged contact with or about a family: home visits, talks at school, calls and more.")),
            (table,), chart, notes)

    def intake(self) -> Section:
        agg, t = self.agg, self.t
        rows = [(c.label, [(f"sources.{c.code}", self.text(f"sources.{c.code}"))], False)
                for c in agg.categories["sources"]]
        rows.append((t(N_("Total new families")), [("reach.new", self.text("reach.new"))], True))
        sources = self.table("signal_sources", t(N_("How new families came in")), t(N_("Signal source")),
                             (Column(t(N_("Families"))),), rows)
        rows = [(c.label, [(f"closures.{c.code}", self.text(f"closures.{c.code}"))], False)
                for c in agg.categories["closures"]]
        rows.append((t(N_("Total closed")), [("reach.closed", self.text("reach.closed"))], True))
        closures = self.table("closures", t(N_("Support ended, by outcome")), t(N_("Outcome")),
                              (Column(t(N_("Families"))),), rows)
        return Section("intake", t(N_("Intake and closure")), t(N_(
            "Where the signals about new families came from, and how the support of families ended.")),
            (sources, closures))

    def months(self) -> Section:
        agg, t = self.agg, self.t
        rows = []
        for m in agg.months:
            code = f"months.{m}.contacts"
            rows.append((month_label(m, self.lang), [(code, self.text(code)), ("", self.hours(code)),
                                                     (f"months.{m}.families", self.text(f"months.{m}.families"))],
                         False))
        rows.append((t(N_("Total")), [("contacts.total", self.text("contacts.total")),
                                      ("", self.hours("contacts.total")), ("", "")], True))
        table = self.table("months", t(N_("Contacts per month")), t(N_("Month")),
                           (Column(t(N_("Contacts"))), Column(t(N_("Hours")), HOURS),
                            Column(t(N_("Families reached")))), rows)
        chart = self.chart(t(N_("Contacts per month")),
                           [(month_label(m, self.lang, short=True), f"months.{m}.contacts") for m in agg.months])
        return Section("months", t(N_("Monthly trend")), t(N_(
            "Contacts per month, and the number of different families with at least one contact that month "
            "(a family can count in several months).")), (table,), chart)

    def themes(self) -> Section:
        agg, t = self.agg, self.t
        items = [(c.label, f"themes.{c.code}") for c in agg.categories["themes"]]
        table = self.table("themes", t(N_("Themes")), t(N_("Theme")), (Column(t(N_("Families"))),),
                           [(label, [(code, self.text(code))], False) for label, code in items])
        return Section("themes", t(N_("Themes")), t(N_(
            "What the families' questions were about. A family can have several themes, so the numbers do "
            "not add up to the number of families.")), (table,),
            self.chart(t(N_("Families by theme")), items, horizontal=True))

    def referrals(self) -> Section:
        agg, t = self.agg, self.t
        cols = [Column(t(label)) for _g, label in STATUS_GROUPS] + [Column(t(N_("Total")))]
        rows = []
        for c in referral_rows(agg):
            codes = [f"referrals.{c.code}.{g}" for g, _l in STATUS_GROUPS] + [f"referrals.{c.code}.total"]
            rows.append((c.label, [(code, self.text(code)) for code in codes], False))
        codes = [f"referrals.total.{g}" for g, _l in STATUS_GROUPS] + ["referrals.total"]
        rows.append((t(N_("Total")), [(code, self.text(code)) for code in codes], True))
        table = self.table("referrals", t(N_("Referrals by partner type and status")), t(N_("Partner type")),
                           cols, rows)
        notes = (t(N_("Warm handovers (the officer introduced the family to the partner in person): {n}. "
                      "Families referred: {families}.")).format(n=self.text("referrals.warm"),
                                                               families=self.text("referrals.families")),)
        return Section("referrals", t(N_("Referrals")), t(N_(
            "Referrals made in the period, by the status they had at the end of the period.")),
            (table,), notes=notes)

    def signals(self) -> Section:
        t = self.t
        cols = [Column(t(label)) for _g, label in SIGNAL_OUTCOMES] + [Column(t(N_("Total")))]
        rows = []
        for c in signal_rows(self.agg):
            codes = [f"signals.{c.code}.{g}" for g, _l in SIGNAL_OUTCOMES] + [f"signals.{c.code}.total"]
            rows.append((c.label, [(code, self.text(code)) for code in codes], False))
        codes = [f"signals.total.{g}" for g, _l in SIGNAL_OUTCOMES] + ["signals.total"]
        rows.append((t(N_("Total")), [(code, self.text(code)) for code in codes], True))
        table = self.table("signals", t(N_("Signals by source and status")), t(N_("Passed on by")), cols, rows)
        return Section("signals", t(N_("Signals")), t(N_(
            "Worries passed on to the bridge officer before there was a family file, dated in the period, by "
            "who passed them on and by the status they had at the end of the period.")), (table,))

    def activities(self) -> Section:
        agg, t = self.agg, self.t
        rows = []
        for c in agg.categories["activity_kinds"]:
            count, parents = f"activities.{c.code}.count", f"activities.{c.code}.parents"
            rows.append((c.label, [(count, self.text(count)), (parents, self.text(parents)),
                                   ("", self.hours(count))], False))
        rows.append((t(N_("Total")), [("activities.total.count", self.text("activities.total.count")),
                                      ("activities.total.parents", self.text("activities.total.parents")),
                                      ("", self.hours("activities.total.count"))], True))
        table = self.table("activities", t(N_("Group activities")), t(N_("Kind of activity")),
                           (Column(t(N_("Activities"))), Column(t(N_("Parents attending"))),
                            Column(t(N_("Hours")), HOURS)), rows)
        return Section("activities", t(N_("Group activities")), t(N_(
            "Activities for groups of parents, such as coffee mornings and information sessions. Parents "
            "attending are counted per activity (a parent who came twice counts twice).")), (table,))

    def figures(self, enough: bool) -> dict[str, tuple[str, str]]:
        """key -> (printed text, code)."""
        out = {
            "active": (self.text("reach.active"), "reach.active"),
            "activities": (self.text("activities.total.count"), "activities.total.count"),
            "parents": (self.text("activities.total.parents"), "activities.total.parents"),
        }
        if not enough:
            return out
        share = MISSING_MARK
        if self.agg.pupils:
            code = "reach.children_counted"
            if code in self.withheld:
                share = WITHHELD_MARK
            elif self.agg.count(code).n == 0:
                share = "0%"
            elif not self.shown(code):
                share = HIDDEN_MARK
            else:
                share = decimal_text(100.0 * self.p(code) / self.agg.pupils, self.lang) + "%"
        out.update({
            "new": (self.text("reach.new"), "reach.new"),
            "continuing": (self.text("reach.continuing"), "reach.continuing"),
            "closed": (self.text("reach.closed"), "reach.closed"),
            "children": (self.text("reach.children"), "reach.children"),
            "pupil_share": (share, "reach.children_counted"),
            "contacts": (self.text("contacts.total"), "contacts.total"),
            "hours": (self.hours("contacts.total"), "contacts.total"),
            "home_visits": (self.text(f"contacts.{HOME_VISIT}"), f"contacts.{HOME_VISIT}"),
            "referrals": (self.text("referrals.total"), "referrals.total"),
            "warm_handovers": (self.text("referrals.warm"), "referrals.warm"),
        })
        return out


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


def _difference(current: str, previous: str, kind: str, lang: str) -> str:
    a, b = parse_number(current), parse_number(previous)
    if a is None or b is None or kind == PERCENT:
        return ""
    return signed_text(a - b, lang, 1 if kind == HOURS else 0)


def explanation(k: int, d: int, lang: str) -> tuple[str, ...]:
    def t(message: str) -> str:
        return in_language(message, lang)

    return tuple(p.format(k=k, k1=k - 1, d=d) for p in (
        t(N_("This report contains no names, family references, notes or exact dates: only numbers per month "
             "or per period, counted by brugdesk from the officer's encrypted files.")),
        t(N_("Who reads it, and what it protects against: school leadership and the programme's monitoring. "
             "Even a reader who keeps every report the officer shares, knows the number of pupils and knows "
             "some families personally cannot work out from these numbers how many families are behind a "
             "small number, or what applies to one particular family.")),
        t(N_("Only whole periods are shared: a school year, a term or a calendar year. A period that is not "
             "over yet is counted up to the end of the last full month (\u201cinterim figures\u201d).")),
        t(N_("Every number has been changed a little, by at most {d} up or down; 0 always means none. The same "
             "families always give the same number, so comparing reports does not undo the change. That is "
             "why rows do not always add up exactly to their total.")),
        t(N_("Numbers from 1 to {k1} are shown as \u201c<{k}\u201d (the threshold is {k}). Hours, averages and "
             "percentages are hidden (\u201cx\u201d) where the number they are based on is shown as "
             "\u201c<{k}\u201d.")),
        t(N_("A number shown as \u201c\u2014\u201d was left out: together with the other numbers, or with a "
             "report shared earlier, it would have made a small number too precise.")),
        t(N_("When fewer than {k} families are in the report, it shows no figures about families at all.")),
        t(N_("Not protected: what a reader already knows about almost all of the families involved, and a "
             "0 says for all families together (for example that no family had a certain theme).")),
        t(N_("Please do not pass this report on outside school leadership and the programme's monitoring.")),
    ))


def build_report(
    agg: Aggregates,
    k: int,
    *,
    lang: str | None = None,
    generated: dt.date | None = None,
    withheld: Iterable[tuple[str, str]] = (),
    withheld_notes: Sequence[str] = (),
    exportable: bool = True,
    running: bool = False,
    cut_text: str = "",
    comparison_text: str = "",
    remarks: str = "",
) -> ProtectedReport:
    """The protected report for ``agg`` (and its comparison period) with threshold ``k``.

    ``withheld``: (period id, code) of the cells the export rules leave out."""
    check_k(k)
    lang = lang or language()

    def t(message: str) -> str:
        return in_language(message, lang)

    hidden = set(withheld)
    current = _Builder(agg, k, lang, {c for p, c in hidden if p == period_id(agg.period)})
    enough = current.p("reach.active") >= k
    previous = None
    if agg.previous is not None:
        previous = _Builder(agg.previous, k, lang, {c for p, c in hidden if p == period_id(agg.previous.period)})
    now = current.figures(enough)
    before = previous.figures(previous.p("reach.active") >= k) if previous is not None else {}
    figures = []
    for key, label, kind, indent, family in _KEY_FIGURES:
        if not enough and family and key != "active":
            continue
        text, code = now[key]
        prev = before.get(key, ("", ""))[0] if previous is not None else ""
        figures.append(KeyFigure(key, t(label), text, prev, _difference(text, prev, kind, lang), kind, indent, code))
    if enough:
        sections: tuple[Section, ...] = (current.contacts(), current.intake(), current.months(), current.themes(),
                                         current.referrals(), current.signals(), current.activities())
    else:
        sections = (current.activities(),)
    notes: tuple[str, ...] = ()
    if enough:
        notes = (t(N_("Families supported are those with an open file at some moment in the period; a family "
                      "can have several children at school.")),)
        if agg.pupils:
            notes += (t(N_("Children in these families registered at the schools with a known pupil count: "
                           "{percent} of the pupils.")).format(percent=now["pupil_share"][0]),)
    generated = generated or dt.date.today()
    if agg.school_id is not None:
        schools = ", ".join(agg.school_names)
    elif len(agg.school_names) == 1:
        schools = agg.school_names[0]
    elif not agg.school_names:
        schools = ""
    elif len(agg.school_names) <= 3:
        schools = t(N_("All schools: {names}")).format(names=", ".join(agg.school_names))
    else:
        schools = t(N_("All schools ({n})")).format(n=len(agg.school_names))
    notice = ""
    if not enough:
        if agg.school_id is not None:
            notice = t(N_("Fewer than {k} families of this school were supported in this period. To protect "
                          "them, this report shows no figures about families; only group activities are "
                          "reported.")).format(k=k)
        else:
            notice = t(N_("Fewer than {k} families were supported in this period. To protect them, this "
                          "report shows no figures about families; only group activities are reported.")).format(k=k)
    cells = tuple(c for c in published_cells(agg, k) if (c.period, c.code) not in hidden)
    return ProtectedReport(
        language=lang,
        k=k,
        d=perturb.D,
        title=t(N_("Report of the bridge officer")),
        period_label=period_label(agg.period),
        period_id=period_id(agg.period),
        period_text=period_text(agg.period, lang),
        cut_text=cut_text,
        running=running,
        exportable=exportable,
        comparison_id=period_id(agg.previous.period) if agg.previous is not None else "",
        comparison_text=comparison_text,
        previous_text=period_text(agg.previous.period, lang) if agg.previous is not None else "",
        schools_text=schools,
        scope_id="all" if agg.school_id is None else ", ".join(agg.school_names),
        generated=month_label(f"{generated.year:04d}-{generated.month:02d}", lang),
        enough_families=enough,
        notice=notice,
        notes=notes,
        key_figures=tuple(figures),
        sections=sections,
        explanation=explanation(k, perturb.D, lang),
        withheld_notes=tuple(withheld_notes),
        remarks=remarks,
        cells=cells,
        suggested_pdf=suggested_filename(agg.period, "pdf", lang),
        suggested_csv=suggested_filename(agg.period, "csv", lang),
    )


def summary_lines(report: ProtectedReport) -> list[str]:
    """A short text summary of the protected key figures (for the command line)."""
    def t(message: str) -> str:
        return in_language(message, report.language)

    lines = [f"{report.title}: {report.period_text}"]
    if report.cut_text:
        lines.append(report.cut_text)
    lines += [f"{t(N_('Schools'))}: {report.schools_text}",
              t(N_("Threshold: counts from 1 to {k1} are shown as <{k}; every number is changed by at most {d}."))
              .format(k=report.k, k1=report.k - 1, d=report.d)]
    if report.notice:
        lines.append(report.notice)
    width = max((len(f.label) + (2 if f.indent else 0) for f in report.key_figures), default=10)
    lines.append("")
    lines.append(f"{'':<{width}}  {t(N_('This period')):>14}  {t(N_('Previous')):>10}  {t(N_('Change')):>8}")
    for f in report.key_figures:
        label = ("  " if f.indent else "") + f.label
        lines.append(f"{label:<{width}}  {f.current:>14}  {f.previous:>10}  {f.difference:>8}")
    lines.extend(report.withheld_notes)
    return lines
