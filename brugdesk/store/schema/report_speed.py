"""V9: covering indexes for the report's counts.

* ``contact_family`` (family, date, kind) replaces ``contact_family_date`` (family, date): the
  report reads, family by family, the months in which it had contacts and whether one was a home
  visit from the index alone, and a family's file reads its contacts in date order as before;
* ``referral_report`` (date, partner, family, warm handover, status, record key) replaces
  ``referral_date``: the referral table's counts for a period read no table rows (a family's
  referrals are stored together, so a period's referrals are spread over the whole table);
* ``family_report`` (start date, closing date, signal source, closure outcome, record key): the
  families in the caseload during a period, read without the family rows (names, address, search
  text) that make the table wide.
"""

from __future__ import annotations

V9 = """
CREATE INDEX IF NOT EXISTS contact_family ON contact (family_id, date, kind);
DROP INDEX IF EXISTS contact_family_date;
CREATE INDEX IF NOT EXISTS referral_report ON referral (date, partner_id, family_id, warm_handover, status, rkey);
DROP INDEX IF EXISTS referral_date;
CREATE INDEX IF NOT EXISTS family_report ON family (start_date, closed_date, signal_source, closure_outcome, rkey)
"""
