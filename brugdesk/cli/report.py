"""``brugdesk report``: the anonymised report from the command line (DESIGN §6, §7).

    brugdesk report --vault DIR (--period 2025-2026 | --period 2025-2026/T2 | --from D --to D)
                    [--school NAME] [--threshold K] [--pdf FILE] [--csv FILE]

Without ``--pdf``/``--csv`` it prints a short summary of the protected key figures.
An unknown period or school, or a threshold outside 3–20, is one clear line and exit 2.
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
from brugdesk.reports.disclosure import MAX_K, MIN_K

__all__ = ["cmd_report", "register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("report", help="write the anonymised report (PDF and/or CSV) for a period")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--period", metavar="SPEC", help="a school year (2025-2026) or a term (2025-2026/T2)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day (2025-09-01 or 1-9-2025)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day")
    p.add_argument("--school", metavar="NAME", help="only this school (default: all schools)")
    p.add_argument("--threshold", type=int, metavar="K",
                   help=f"small-number threshold, {MIN_K}-{MAX_K} (default: the vault's setting)")
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
    from brugdesk.reports.aggregate import aggregate, record_report
    from brugdesk.reports.report import build_report, summary_lines
    from brugdesk.store import audit

    _check_threshold(args.threshold)
    _period(args)  # a malformed period is a usage error before anything is unlocked
    vault = open_vault(args)
    try:
        repo = vault.repo
        period = _period(args, repo.settings.term_starts)
        school_id = None
        if args.school:
            school = repo.schools.by_name(args.school)
            if school is None:
                known = ", ".join(s.name for s in repo.schools.list())
                raise UsageError(_(N_("Unknown school '{name}'. Schools in this vault: {known}.")).format(
                    name=args.school, known=known or "-"))
            school_id = school.id
        k = args.threshold if args.threshold is not None else repo.settings.report_threshold
        report = build_report(aggregate(repo, period, school_id), k, generated=dt.date.today())
        anchor = audit.head(vault.conn)  # the audit log's check code printed on the PDF (issue 12)
        written = []
        try:
            if args.pdf:
                from brugdesk.reports.pdf import write_pdf

                write_pdf(report, Path(args.pdf), audit_code=audit.short_code(*anchor))
                written.append(args.pdf)
            if args.csv:
                from brugdesk.reports.csv_out import write_csv

                write_csv(report, Path(args.csv))
                written.append(args.csv)
        except OSError as exc:
            print("brugdesk: " + _(N_("The report could not be written: {error}")).format(
                error=exc.strerror or type(exc).__name__), file=sys.stderr)
            return EXIT_ERROR
        if written:  # a summary on the screen only reads: nothing is written beyond the unlock's entry
            record_report(repo)
            if args.pdf:
                vault.keep_anchor(*anchor)
        else:
            for line in summary_lines(report):
                say(line)
        for path in written:
            say(_(N_("Report written to {path}.")).format(path=path))
    finally:
        vault.close()
    return EXIT_OK
