"""The desk's own figures (Overzicht's "this term"): counts aggregated in SQL, never names."""

from __future__ import annotations

import datetime as dt

from brugdesk.store.repo.base import Repo, d2s
from brugdesk.store.repo.rows import TermNumbers


class Statistics(Repo):
    def term_numbers(self, start: dt.date, end: dt.date) -> TermNumbers:
        """Counts for ``start``..``end`` (inclusive), aggregated in SQL."""
        s, e = d2s(start), d2s(end)
        active, new = self.conn.execute(
            "SELECT count(*), coalesce(sum(start_date >= ?), 0) FROM family "
            "WHERE start_date <= ? AND (closed_date IS NULL OR closed_date >= ?)", (s, e, s)).fetchone()
        contacts, minutes, visits = self.conn.execute(
            "SELECT count(*), coalesce(sum(minutes), 0), coalesce(sum(kind = 'home_visit'), 0) FROM contact "
            "WHERE date >= ? AND date <= ?", (s, e)).fetchone()
        return TermNumbers(int(active), int(new), int(contacts), int(minutes), int(visits))
