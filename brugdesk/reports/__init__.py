"""brugdesk.reports: the anonymised report. No Qt.

Threat model: the reader is a member of school leadership or the programme's monitoring who holds
every report the officer ever exported from this vault, knows the pupil counts, knows how brugdesk
works and knows some families personally. From any set of exported reports that reader must not be
able to pin a number printed as ``<k`` (or narrow it to fewer than k-1 values), nor learn a fact
about one family with certainty by comparing reports. Not protected: what a reader already knows
about almost all of the families involved; group facts a printed 0 states; the officer's own
remarks beyond the name check; what is said outside the report.

* :mod:`~brugdesk.reports.aggregate` -- the raw counts of a period and its comparison period, with
  their cell keys (the SQL lives in ``store/repo/reports.py``);
* :mod:`~brugdesk.reports.perturb` -- the cell key method: the same records always print the same
  slightly changed number (at most ``D`` = 2 away, 0 stays 0);
* :mod:`~brugdesk.reports.report` -- the printed cells and the report model built from them;
* :mod:`~brugdesk.reports.history` -- what earlier exports printed, and the rules a new export keeps
  (one kind of scope per period; no block that differs from an earlier export by 1..k-1 families);
* :mod:`~brugdesk.reports.linked` -- every printed number checked as one system by a linear program,
  as an attacker would; what is too precise is withheld;
* :mod:`~brugdesk.reports.export` -- the one way numbers leave: exportable periods only (a school
  year, a term, a calendar year; a running one up to the end of the last full month);
* :mod:`~brugdesk.reports.pdf` / :mod:`~brugdesk.reports.csv_out` -- render the model;
* :mod:`~brugdesk.reports.job` -- a report on a worker thread, through a read-only connection.

    report = export.report_for(vault.repo, "2025-2026/T1")             # what an export would print
    export.export(vault.repo, "2025-2026/T1", pdf=path, csv=path2)     # write it and record it
"""
