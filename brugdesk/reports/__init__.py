"""brugdesk.reports: the anonymised termly report (DESIGN §6). No Qt.

* :mod:`~brugdesk.reports.aggregate` -- raw counts for a period (and school) in SQL;
* :mod:`~brugdesk.reports.disclosure` -- statistical disclosure control (pure);
* :mod:`~brugdesk.reports.report` -- the protected report model built from both;
* :mod:`~brugdesk.reports.pdf` / :mod:`~brugdesk.reports.csv_out` -- render that model;
* :mod:`~brugdesk.reports.job` -- all of that on a worker thread, through a read-only
  connection of its own (the Rapportages page);
* :mod:`~brugdesk.reports.cli` -- ``brugdesk report``.

    agg = aggregate(vault.repo, parse_period("2025-2026/T1"))       # SQL, includes the previous term
    report = build_report(agg, vault.repo.settings.report_threshold)  # pure
    write_pdf(report, path); write_csv(report, path)
"""
