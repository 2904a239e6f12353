"""``brugdesk report``: the anonymised report from the command line (DESIGN §6, §7; issue 11).

    brugdesk report --vault DIR (--period 2025-2026 | 2025-2026/T2 | 2026 | --from D --to D)
                    [--school NAME] [--remarks-file FILE] [--pdf FILE] [--csv FILE]

* ``--period`` takes the catalogue of exportable periods: a school year, a term or a calendar
  year. A period that is still running is exported up to the end of the last full month (its
  *tussenstand*), and the command says so. A period that has not started, or of which no whole
  month has passed, is one line naming why (exit 2).
* ``--from``/``--to`` is for the officer's own screen only: it prints the summary marked "only for
  yourself". With ``--pdf`` or ``--csv`` it is refused with one line naming the periods that can
  be exported (exit 2).
* ``--threshold K`` is accepted only when it equals the vault's setting (k is a setting of the
  vault, changed in Instellingen); any other value is one line, exit 2.
* ``--remarks-file FILE``: the officer's *toelichting* (UTF-8 text, at most
  :data:`~brugdesk.reports.remarks.MAX_LENGTH` characters), printed on the first page. It is
  checked against every name in the vault first; a name found is one line naming it (for the officer
  only), exit 1, nothing
  written.
* A report the export history refuses (a report for all schools beside reports per school for an
  overlapping period) is one line, exit 1, nothing written.

Without ``--pdf``/``--csv`` it prints a short summary of the protected key figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from brugdesk.cli.common import EXIT_ERROR, EXIT_OK, UsageError, open_vault, say, secret_options
from brugdesk.core.periods import (
    ExportablePeriod,
    Period,
    PeriodError,
    explicit_period,
    find_exportable,
    not_exportable_reason,
    parse_date,
    parse_period,
)
from brugdesk.i18n import N_, _
from brugdesk.reports.remarks import MAX_LENGTH

__all__ = ["cmd_report", "register"]

#: Twelve term starts, for checking a spec's form before the vault (and its own terms) is open.
_ANY_TERMS = tuple((m, 1) for m in (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7))



def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("report", help="write the anonymised report (PDF and/or CSV) for a period")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--period", metavar="SPEC",
                   help="a school year (2025-2026), a term (2025-2026/T2) or a calendar year (2026)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day of a date range for your own screen (never exported)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day of that date range")
    p.add_argument("--school", metavar="NAME", help="only this school (default: all schools)")
    p.add_argument("--threshold", type=int, metavar="K",
                   help="accepted only when it equals the vault's setting (k is set in Instellingen)")
    p.add_argument("--remarks-file", metavar="FILE", help="your remarks (toelichting) for the first page")
    p.add_argument("--pdf", metavar="FILE", help="write the report as PDF")
    p.add_argument("--csv", metavar="FILE", help="write the report's numbers as CSV")
    secret_options(p)
    p.set_defaults(handler=cmd_report)


def _date_range(args: argparse.Namespace) -> Period | None:
    """The ``--from``/``--to`` range, None with ``--period``; usage errors for a bad combination."""
    has_dates = args.date_from is not None or args.date_to is not None
    if args.period and has_dates:
        raise UsageError(_(N_("Give either --period or --from and --to, not both.")))
    if args.period:
        return None
    if not has_dates:
        raise UsageError(_(N_("Choose a period: --period 2025-2026, --period 2025-2026/T1 or --period 2026 (--from "
                          "and --to only for your own screen).")))
    if args.date_from is None or args.date_to is None:
        raise UsageError(_(N_("Give both --from and --to.")))
    try:
        return explicit_period(parse_date(args.date_from), parse_date(args.date_to))
    except PeriodError as exc:
        raise UsageError(str(exc)) from None


def _remarks(args: argparse.Namespace) -> str:
    if not args.remarks_file:
        return ""
    try:
        text = Path(args.remarks_file).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(_(N_("The remarks file is not UTF-8 text."))) from None
    except OSError as exc:
        raise UsageError(_(N_("The remarks file cannot be read: {error}")).format(
            error=exc.strerror or type(exc).__name__)) from None
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise UsageError(_(N_("The remarks are {n} characters long; at most {max} fit on the first page.")).format(
            n=len(text), max=MAX_LENGTH))
    return text


def _allowed(items: list[ExportablePeriod]) -> str:
    """The catalogue as a short list: "2026-2027/T1 (tussenstand), 2026-2027 (tussenstand), 2026 …"."""
    running = _(N_("interim figures"))
    return ", ".join(f"{e.label} ({running})" if e.running else e.label for e in items) or "-"


def cmd_report(args: argparse.Namespace) -> int:
    from brugdesk.reports import export
    from brugdesk.reports.remarks import NameInRemarks, check_remarks
    from brugdesk.reports.report import summary_lines

    span = _date_range(args)  # a malformed period is a usage error before anything is unlocked
    if span is None:
        try:
            parse_period(args.period, _ANY_TERMS)  # the vault's own terms are checked once it is open
        except PeriodError as exc:
            raise UsageError(str(exc)) from None
    remarks = _remarks(args)
    writing = bool(args.pdf or args.csv)
    vault = open_vault(args)
    try:
        repo = vault.repo
        today = dt.date.today()
        k = repo.settings.report_threshold
        if args.threshold is not None and args.threshold != k:
            raise UsageError(_(N_("The threshold is a setting of the vault (now {k}), the same for every report; "
                              "change it in the app under Settings.")).format(k=k))
        items = export.catalogue(repo, today)
        spec: ExportablePeriod | Period
        if span is not None:
            if writing:
                raise UsageError(_(N_("Only a fixed period can be shared; --from and --to are for your own screen. "
                                  "Use --period with one of: {periods}.")).format(periods=_allowed(items)))
            spec = span
        else:
            try:
                full = parse_period(args.period, repo.settings.term_starts)
            except PeriodError as exc:
                raise UsageError(str(exc)) from None
            found = next((e for e in items if e.label == full.label), None)
            if found is None:
                found = find_exportable(args.period, repo.settings.term_starts, today)
                if found is None:
                    raise UsageError(not_exportable_reason(args.period, repo.settings.term_starts, today) + " " + _(N_(
                        "Periods you can share now: {periods}.")).format(periods=_allowed(items)))
            spec = found
        school_id = None
        if args.school:
            school = repo.schools.by_name(args.school)
            if school is None:
                known = ", ".join(s.name for s in repo.schools.list())
                raise UsageError(_(N_("Unknown school '{name}'. Schools in this vault: {known}.")).format(
                    name=args.school, known=known or "-"))
            school_id = school.id
        try:
            if writing:  # export() checks the remarks for names before anything else
                result = export.export(repo, spec, school_id, today=today, remarks=remarks,
                                       pdf=Path(args.pdf) if args.pdf else None,
                                       csv=Path(args.csv) if args.csv else None)
                report = result.report
                if args.pdf:
                    vault.keep_anchor(*result.anchor)  # the audit log's check code printed on it (issue 12)
                for path in result.written:
                    say(_(N_("Report written to {path}.")).format(path=path))
            else:
                check_remarks(repo, remarks)
                report = export.report_for(repo, spec, school_id, today=today, remarks=remarks)
        except NameInRemarks as exc:
            print(f"brugdesk: {exc.message()}", file=sys.stderr)
            return EXIT_ERROR
        except export.ExportRefused as exc:
            print(f"brugdesk: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except OSError as exc:
            print("brugdesk: " + _(N_("The report could not be written: {error}")).format(
                error=exc.strerror or type(exc).__name__), file=sys.stderr)
            return EXIT_ERROR
        if isinstance(spec, ExportablePeriod) and spec.running:
            say(_(N_("{period} is still running: the report counts up to the end of the last full month "
                     "({cut}).")).format(period=spec.title(), cut=spec.cut_text()))
        if not writing:
            if not report.exportable:
                say(_(N_("Only for yourself \u2014 not for sharing: a date range that is not a school year, term "
                         "or calendar year is never exported.")))
            for line in summary_lines(report):
                say(line)
        for note in report.withheld_notes:
            say(note)
    finally:
        vault.close()
    return EXIT_OK
