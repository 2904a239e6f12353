"""Making and exporting the anonymised report: the one way numbers leave the laptop (no Qt).

* :func:`catalogue`: the periods that may be exported today (school years, their terms, calendar
  years; a running one cut at the end of the last full month).
* :func:`report_for`: the report of a period. For an exportable period it is exactly what the
  export would write: the export history's rules (:mod:`brugdesk.reports.history`) and the linked
  check (:mod:`brugdesk.reports.linked`) applied. Any other date range is for the officer's own
  screen (``report.exportable`` is False) and never leaves through :func:`export`.
* :func:`export`: refuses what may not leave (a name from the vault in the toelichting, a period
  that is not exportable, a scope conflict) before anything is written, writes the PDF and/or CSV
  through the one atomic file writer, and records the export (its printed numbers and its families'
  keyed hashes) with an audit entry.

A shared file never escapes the export history: the files are first written to temporary files
beside their targets (:func:`brugdesk.fsutil.write_temp`), then the export is recorded, and only then
are they renamed into place. When writing or recording fails the temporary files are removed and
nothing is recorded; when a rename fails after the record, the history holds an export that did not
(wholly) reach the disk, which errs on the safe side (it only makes later exports stricter).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk import fsutil
from brugdesk.core.periods import (
    ExportablePeriod,
    Period,
    explicit_period,
    exportable_periods,
    find_exportable,
    not_exportable_reason,
)
from brugdesk.i18n import N_, _
from brugdesk.reports import history, linked, perturb
from brugdesk.reports.aggregate import Aggregates, aggregate
from brugdesk.reports.remarks import check_remarks
from brugdesk.reports.report import (
    ProtectedReport,
    block_of,
    build_report,
    period_id,
    period_text,
    published_cells,
)
from brugdesk.store import audit
from brugdesk.store.repo import Repositories

__all__ = ["ExportRefused", "ExportResult", "catalogue", "export", "gather", "protect", "report_for", "scope_key"]


class ExportRefused(Exception):
    """This report may not leave the laptop; ``str()`` is a translated message for the officer."""


@dataclass(frozen=True)
class ExportResult:
    report: ProtectedReport
    written: tuple[Path, ...]
    export_id: int
    anchor: tuple[int, str]  # the audit log's head printed on the PDF (keep it in the key file)


@dataclass
class _Prepared:
    report: ProtectedReport
    agg: Aggregates
    item: ExportablePeriod | None
    scope: str
    signatures_of: Callable[[str], dict[str, dict[int, bytes]]] | None = None

    def printed_signatures(self) -> dict[str, dict[str, dict[int, bytes]]]:
        """The signatures of the blocks this report prints (what the export history keeps)."""
        if self.signatures_of is None:
            return {}
        out = {}
        for pid in {c.period for c in self.report.cells}:
            blocks = self.signatures_of(pid)
            out[pid] = {block: sig for block, sig in blocks.items()
                        if any(c.period == pid and block_of(c.code) == block for c in self.report.cells)}
        return out


def scope_key(school_id: int | None) -> str:
    return "all" if school_id is None else f"school:{school_id}"


def catalogue(repo: Repositories, today: dt.date | None = None) -> list[ExportablePeriod]:
    """The periods that may be exported on ``today``, newest first."""
    today = today or dt.date.today()
    return exportable_periods(repo.settings.term_starts, repo.reportdata.first_day(), today)


def _resolve(repo: Repositories, spec: str | ExportablePeriod | Period, today: dt.date,
             ) -> tuple[Period, Period | None, ExportablePeriod | None]:
    if isinstance(spec, ExportablePeriod):
        return spec.period, spec.comparison, spec
    if isinstance(spec, str):
        item = find_exportable(spec, repo.settings.term_starts, today)
        if item is None:
            raise ExportRefused(not_exportable_reason(spec, repo.settings.term_starts, today))
        return item.period, item.comparison, item
    for item in catalogue(repo, today):
        if item.period == spec or (item.full == spec and not item.running):
            return item.period, item.comparison, item
    return spec, None, None


def _earlier_for_check(repo: Repositories, school_id: int | None, records: list[Any], secret: bytes,
                       first: dt.date, last: dt.date, *, only_unchanged: bool) -> list[linked.Published]:
    """The earlier exports' printed numbers that overlap ``first``..``last`` (the same numbers exported
    twice count once). ``only_unchanged``: leave out the blocks whose families contribute differently
    now than when they were exported (records changed since: those numbers cannot be true together
    with today's; the difference rule has judged them) -- costly at scale, so only asked for when
    the numbers turn out to contradict each other."""
    out: dict[tuple[str, tuple[tuple[str, str], ...]], linked.Published] = {}
    current: dict[tuple[str, str], dict[str, dict[int, bytes]]] = {}
    for rec in records:
        by_period: dict[str, dict[str, str]] = {}
        for cell in rec.cells:
            by_period.setdefault(cell.period, {})[cell.code] = cell.value
        for pid, cells in by_period.items():
            start_s, end_s = pid.split("..")
            start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
            if end < first or start > last:
                continue
            kept = cells
            if only_unchanged:
                key = (start_s, end_s)
                if key not in current:
                    current[key] = history.signatures(secret, repo.reportdata.contributions(start, end, school_id))
                same_blocks = {
                    block for block in history.FAMILY_BLOCKS
                    if (pid, block) not in rec.signatures or rec.signatures[(pid, block)] == current[key][block]
                } | {"activities"}
                kept = {code: value for code, value in cells.items() if block_of(code) in same_blocks}
            out.setdefault((pid, tuple(sorted(kept.items()))),
                           linked.Published(start, end, rec.k, rec.d, kept, False, f"export {rec.id}"))
    return list(out.values())


def gather(repo: Repositories, spec: str | ExportablePeriod | Period, school_id: int | None = None, *,
           today: dt.date | None = None) -> tuple[Aggregates, ExportablePeriod | None]:
    """The raw numbers of ``spec`` (and of its comparison period), and the exportable period it is
    (None for a date range for the screen)."""
    today = today or dt.date.today()
    period, comparison, item = _resolve(repo, spec, today)
    return aggregate(repo, period, school_id, comparison=comparison, today=today), item


def protect(repo: Repositories, agg: Aggregates, item: ExportablePeriod | None, *, today: dt.date | None = None,
            lang: str | None = None, remarks: str = "", progress: Callable[[], None] | None = None) -> _Prepared:
    """Apply the export rules to gathered numbers and lay out the report."""
    today = today or dt.date.today()
    k = repo.settings.report_threshold
    school_id = agg.school_id
    scope = scope_key(school_id)
    if item is None:  # the officer's own screen: no export rules, and it says so
        report = build_report(agg, k, lang=lang, generated=today, exportable=False, remarks=remarks)
        return _Prepared(report, agg, None, scope)
    period, comparison = item.period, item.comparison
    texts = _texts(item, lang)
    first = min(period.start, comparison.start)
    last = max(period.end, comparison.end)
    conflict = history.scope_conflict(scope, repo.reportdata.scopes_overlapping(first, last))
    if conflict is not None:
        if conflict.scope == "all":
            message = N_("For {period} you have already shared a report for all schools together. A report per "
                         "school next to it would make small numbers traceable; share this period only for all "
                         "schools.")
        else:
            message = N_("For {period} you have already shared a report per school. A report for all schools "
                         "together next to it would make a small school's numbers traceable; share this period "
                         "only per school.")
        raise ExportRefused(_(message, lang).format(period=_span_text(conflict.period_start, conflict.period_end,
                                                                      lang)))
    secret = repo.reportdata.ledger_secret()
    records = repo.reportdata.exports(scope)
    pids = {period_id(period): period, period_id(comparison): comparison}
    sigs: dict[str, dict[str, dict[int, bytes]]] = {}

    def signatures_of(pid: str) -> dict[str, dict[int, bytes]]:
        # costly at scale (every family of the period): only where the family sets cannot tell, and
        # at export (the history keeps them)
        if pid not in sigs:
            p = pids[pid]
            sigs[pid] = history.signatures(secret, repo.reportdata.contributions(p.start, p.end, school_id))
        return sigs[pid]

    family_sets = {pid: repo.reportdata.family_sets(p.start, p.end, school_id) for pid, p in pids.items()}
    if progress:
        progress()
    diffs = history.differences(k, family_sets, signatures_of, records, comparison=period_id(comparison))
    blocked = {(d.period, d.block) for d in diffs}
    candidates = published_cells(agg, k)
    withheld = {(c.period, c.code) for c in candidates if (c.period, block_of(c.code)) in blocked}
    new: list[linked.Published] = []
    for pid, p in pids.items():
        cells = {c.code: c.value for c in candidates if c.period == pid and (pid, c.code) not in withheld}
        new.append(linked.Published(p.start, p.end, k, perturb.D, cells, True))
    # the earlier exports that overlap this one, and those that overlap them: a year links its terms
    # to each other, so numbers of two exports that do not overlap can still pin each other
    reach_first, reach_last = first, last
    for rec in records:
        for cell_period in {c.period for c in rec.cells}:
            s_, e_ = (dt.date.fromisoformat(x) for x in cell_period.split(".."))
            if s_ <= last and e_ >= first:
                reach_first, reach_last = min(reach_first, s_), max(reach_last, e_)
    earlier = _earlier_for_check(repo, school_id, records, secret, reach_first, reach_last, only_unchanged=False)
    if progress:
        progress()
    more, unresolved = linked.protect(new, earlier, refine=lambda: _earlier_for_check(
        repo, school_id, records, secret, reach_first, reach_last, only_unchanged=True))
    withheld |= more
    if unresolved:  # nothing of ours can be withheld to fix it: share only what is not family data
        withheld |= {(c.period, c.code) for c in candidates if not c.code.startswith("activities.")}
    notes = _notes(diffs, bool(more or unresolved), lang)
    report = build_report(agg, k, lang=lang, generated=today, withheld=withheld, withheld_notes=notes,
                          exportable=True, running=item.running, cut_text=texts[0], comparison_text=texts[1],
                          remarks=remarks)
    return _Prepared(report, agg, item, scope, signatures_of=signatures_of)


def _prepare(repo: Repositories, spec: str | ExportablePeriod | Period, school_id: int | None, *,
             today: dt.date | None, lang: str | None, remarks: str, progress: Callable[[], None] | None,
             ) -> _Prepared:
    agg, item = gather(repo, spec, school_id, today=today)
    if progress:
        progress()
    return protect(repo, agg, item, today=today, lang=lang, remarks=remarks, progress=progress)


def _span_text(start: str, end: str, lang: str | None) -> str:
    return period_text(explicit_period(dt.date.fromisoformat(start), dt.date.fromisoformat(end)), lang)


def _texts(item: ExportablePeriod, lang: str | None) -> tuple[str, str]:
    """(the cut text, the comparison sentence)."""
    return item.cut_text(lang), item.comparison_text(lang)


def _notes(diffs: list[history.Difference], linked_withheld: bool, lang: str | None) -> tuple[str, ...]:
    out = []
    names = {"intake": N_("intake and closure"), "themes": N_("themes"), "contacts": N_("contacts"),
             "referrals": N_("referrals")}
    for d in diffs:
        if d.block == "signals":
            out.append(_(N_("Not shown (signals): compared with a report you shared earlier, the numbers differ "
                            "because of fewer signals than the threshold; side by side they would tell something "
                            "about those signals."), lang))
            continue
        out.append(_(N_("Not shown ({part}): compared with a report you shared earlier, the numbers differ because "
                        "of fewer families than the threshold; side by side they would tell something about those "
                        "families."), lang).format(part=_(names[d.block], lang)))
    if linked_withheld:
        out.append(_(N_("Numbers shown as \u201c\u2014\u201d were left out: together with the other numbers they "
                        "would have made a small number too precise."), lang))
    return tuple(dict.fromkeys(out))


def report_for(repo: Repositories, spec: str | ExportablePeriod | Period, school_id: int | None = None, *,
               today: dt.date | None = None, lang: str | None = None, remarks: str = "",
               progress: Callable[[], None] | None = None) -> ProtectedReport:
    """The report of ``spec`` as it would be exported (or, for another date range, for the screen).

    Raises :class:`ExportRefused` when the period may not be shared at all (scope conflict)."""
    return _prepare(repo, spec, school_id, today=today, lang=lang, remarks=remarks, progress=progress).report


def export(repo: Repositories, spec: str | ExportablePeriod | Period, school_id: int | None = None, *,
           today: dt.date | None = None, pdf: Path | None = None, csv: Path | None = None,
           remarks: str = "", lang: str | None = None) -> ExportResult:
    """Make the report of an exportable period, write it, and record the export.

    Raises :class:`~brugdesk.reports.remarks.NameInRemarks` when the remarks hold a name from the
    vault and :class:`ExportRefused` when the period may not be shared (nothing written, nothing
    recorded); ``OSError`` (or :class:`~brugdesk.errors.NotARegularFile`) when a file cannot be written
    and the store's error when the record fails (then no file is left behind and nothing recorded)."""
    today = today or dt.date.today()
    check_remarks(repo, remarks)  # first: the officer's text is the one free text that leaves the laptop
    prepared = _prepare(repo, spec, school_id, today=today, lang=lang, remarks=remarks, progress=None)
    report = prepared.report
    if prepared.item is None:
        raise ExportRefused(_(N_("Only a school year, a term or a calendar year can be shared; another date range "
                                 "is for your own screen."), lang))
    anchor = audit.head(repo.reportdata.conn)  # the audit log's check code printed on the PDF (issue 12)
    contents: list[tuple[Path, bytes]] = []
    if pdf is not None:
        from brugdesk.reports.pdf import render_pdf

        contents.append((Path(pdf), render_pdf(report, audit_code=audit.short_code(*anchor))))
    if csv is not None:
        from brugdesk.reports.csv_out import render_csv

        contents.append((Path(csv), render_csv(report)))
    for target, _data in contents:  # refuse a link, a folder or a device before anything is written
        fsutil.check_target(target)
    staged: list[tuple[Path, Path]] = []  # (temporary file, target)
    try:
        for target, data in contents:
            staged.append((fsutil.write_temp(target, data), target))
        item = prepared.item
        first = min(item.period.start, item.comparison.start)
        last = max(item.period.end, item.comparison.end)
        export_id = repo.reportdata.record_export(
            exported_on=today, scope=prepared.scope, k=report.k, d=report.d, period_start=item.period.start,
            period_end=item.period.end, first_start=first, last_end=last,
            cells=[(c.period, c.code, c.value) for c in report.cells],
            signatures=[(pid, block, fid, sig) for pid, blocks in prepared.printed_signatures().items()
                        for block, sigs in blocks.items() for fid, sig in sigs.items()])
    except BaseException:
        for tmp, _target in staged:
            fsutil.remove_temp(tmp)
        raise
    # recorded: now the files go in place (a failure here leaves a record without its file: safe side)
    try:
        for tmp, target in staged:
            fsutil.replace(tmp, target)
    finally:
        for tmp, _target in staged:
            fsutil.remove_temp(tmp)  # what a failed rename left (nothing when all went in place)
    return ExportResult(report, tuple(target for target, _data in contents), export_id, anchor)
