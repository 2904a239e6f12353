"""``brugdesk report``: the anonymised report from the command line (DESIGN §6, §7).

    brugdesk report --vault DIR (--period 2025-2026 | --period 2025-2026/T2 | --period 2026 | --from D --to D)
                    [--school NAME] [--pdf FILE] [--csv FILE]

Only a school year, a term or a calendar year can be exported (a running one up to the end of the last
full month); ``--from``/``--to`` prints a summary for the officer's own screen. Without
``--pdf``/``--csv`` it prints a short summary of the protected key figures. An unknown period or
school, a date range with ``--pdf``/``--csv``, or a ``--threshold`` other than the vault's setting is
one clear line and exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from brugdesk.cli.common import EXIT_ERROR, EXIT_OK, UsageError, open_vault, say, secret_options
from brugdesk.core.periods import Period, PeriodError, explicit_period, parse_date, parse_period
from brugdesk.i18n import N_, _
from brugdesk.reports.report import MAX_K, MIN_K

__all__ = ["cmd_report", "register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("report", help="write the anonymised report (PDF and/or CSV) for a period")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--period", metavar="SPEC",
                   help="a school year (2025-2026), a term (2025-2026/T2) or a calendar year (2026)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day of a date range for your own screen (not exportable)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day")
    p.add_argument("--school", metavar="NAME", help="only this school (default: all schools)")
    p.add_argument("--threshold", type=int, metavar="K",
                   help="refused unless it equals the vault's setting (k is set in the app)")
    p.add_argument("--pdf", metavar="FILE", help="write the report as PDF")
    p.add_argument("--csv", metavar="FILE", help="write the report's tables as CSV")
    secret_options(p)
    p.set_defaults(handler=cmd_report)


def _check_threshold(k: int | None) -> None:
    if k is not None and not MIN_K <= k <= MAX_K:
        raise UsageError(_(N_("The threshold must be between {lo} and {hi}.")).format(lo=MIN_K, hi=MAX_K))


def _period(args: argparse.Namespace, term_starts: tuple[tuple[int, int], ...] | None = None) -> Period:
    has_dates = args.date_from is not None or args.date_to is not None
    if args.period and has_dates:
        raise UsageError(_(N_("Give either --period or --from and --to, not both.")))
    try:
        if args.period:
            return parse_period(args.period, term_starts) if term_starts else parse_period(args.period)
        if args.date_from is None or args.date_to is None:
            if has_dates:
                raise UsageError(_(N_("Give both --from and --to.")))
            raise UsageError(_(N_("Choose a period: --period 2025-2026, --period 2025-2026/T1, or --from and --to.")))
        return explicit_period(parse_date(args.date_from), parse_date(args.date_to))
    except PeriodError as exc:
        raise UsageError(str(exc)) from None


def cmd_report(args: argparse.Namespace) -> int:
    from brugdesk.reports import export
    from brugdesk.reports.report import summary_lines

    _check_threshold(args.threshold)
    explicit = args.date_from is not None or args.date_to is not None
    if explicit and (args.pdf or args.csv):
        raise UsageError(_(N_("Only a school year (2025-2026), a term (2025-2026/T1) or a calendar year (2026) can be "
                          "exported; --from and --to are for your own screen.")))
    if explicit:
        _period(args)  # a malformed date range is a usage error before anything is unlocked
    elif not args.period:
        raise UsageError(_(N_("Choose a period: --period 2025-2026, --period 2025-2026/T1 or --period 2026.")))
    vault = open_vault(args)
    try:
        repo = vault.repo
        k = repo.settings.report_threshold
        if args.threshold is not None and args.threshold != k:
            raise UsageError(_(N_("The threshold is a setting of the vault ({k}); change it in the app's settings, not "
                              "per report.")).format(k=k))
        school_id = None
        if args.school:
            school = repo.schools.by_name(args.school)
            if school is None:
                known = ", ".join(s.name for s in repo.schools.list())
                raise UsageError(_(N_("Unknown school '{name}'. Schools in this vault: {known}.")).format(
                    name=args.school, known=known or "-"))
            school_id = school.id
        today = dt.date.today()
        spec: object = _period(args, repo.settings.term_starts) if explicit else args.period
        try:
            if args.pdf or args.csv:
                result = export.export(repo, spec, school_id, today=today,  # type: ignore[arg-type]
                                       pdf=Path(args.pdf) if args.pdf else None,
                                       csv=Path(args.csv) if args.csv else None)
                if args.pdf:
                    vault.keep_anchor(*result.anchor)  # the audit log's check code printed on it (issue 12)
                for path in result.written:
                    say(_(N_("Report written to {path}.")).format(path=path))
                for note in result.report.withheld_notes:
                    say(note)
                return EXIT_OK
            report = export.report_for(repo, spec, school_id, today=today)  # type: ignore[arg-type]
        except PeriodError as exc:
            raise UsageError(str(exc)) from None
        except export.ExportRefused as exc:
            print(f"brugdesk: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except OSError as exc:
            print("brugdesk: " + _(N_("The report could not be written: {error}")).format(
                error=exc.strerror or type(exc).__name__), file=sys.stderr)
            return EXIT_ERROR
        if not report.exportable:
            say(_(N_("Only for yourself: a date range that is not a school year, term or calendar year is not "
                     "for sharing.")))
        for line in summary_lines(report):
            say(line)
    finally:
        vault.close()
    return EXIT_OK
