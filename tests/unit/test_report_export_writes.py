"""What export() writes and records, and what it leaves behind when something fails.

* the toelichting's name check is export()'s own: a name from the vault refuses the export before
  anything is written or recorded, whoever calls it;
* a shared file never escapes the export history: when recording fails (a full disk) no file is
  left, and when a file cannot be written nothing is recorded and no other file is left;
* the CSV of a date range for the officer's own screen carries no period that looks like a shared one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole, School
from brugdesk.core.periods import explicit_period
from brugdesk.errors import DiskFull, NotARegularFile
from brugdesk.reports import export
from brugdesk.reports.csv_out import render_csv
from brugdesk.reports.remarks import NameInRemarks
from brugdesk.store.vault import Vault

D = dt.date.fromisoformat
LATE = dt.date(2027, 1, 1)
TODAY = dt.date(2026, 12, 1)
#: the machine identity of a period that can be shared: START..END in whole dates
SHARED_ID = re.compile(r"\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}")


def _caseload(vault: Vault, n: int = 12) -> None:
    school = vault.repo.schools.add(School("School A", pupil_count=300)).id
    assert school is not None
    for i in range(n):
        fam = Family(display_name=f"Familie Zonnebloem{i}", start_date=D(f"2025-0{1 + i % 6}-1{i % 9}"),
                     status=FamilyStatus.ACTIVE, signal_source="teacher", themes=["money"], school_ids=[school])
        vault.repo.families.create(fam, LATE)
        assert fam.id is not None
        vault.repo.members.add(Member(MemberRole.CHILD, "Milan" if i == 0 else f"Kind{i}", last_name="Verbeek",
                                      birth_year=2016, school_id=school, family_id=fam.id), LATE)
        for month in range(8, 12):
            vault.repo.contacts.add(Contact(fam.id, D(f"2026-{month:02d}-0{1 + i % 9}"), 30, "phone"), LATE)


def _audit_rows(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0])


def _nothing_shared(vault: Vault, folder: Path, audit_before: int) -> None:
    assert sorted(p.name for p in folder.iterdir()) == []  # no file, no temporary file
    assert vault.repo.reportdata.exports() == []
    assert _audit_rows(vault) == audit_before


def test_a_name_in_the_remarks_refuses_the_export_itself_with_nothing_written(vault: Vault, tmp_path: Path) -> None:
    _caseload(vault)
    out = tmp_path / "out"
    out.mkdir()
    before = _audit_rows(vault)
    with pytest.raises(NameInRemarks) as info:
        export.export(vault.repo, "2026-2027/T1", today=TODAY, pdf=out / "r.pdf", csv=out / "r.csv",
                      remarks="Veel gesprekken, ook met milan over zijn huiswerk.")
    assert info.value.name == "milan" and "milan" not in str(info.value).lower()
    _nothing_shared(vault, out, before)
    # without the name the same call shares and records it
    result = export.export(vault.repo, "2026-2027/T1", today=TODAY, pdf=out / "r.pdf", csv=out / "r.csv",
                           remarks="Veel gesprekken over huiswerk.")
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.pdf"]
    assert [r.id for r in vault.repo.reportdata.exports()] == [result.export_id]


def test_a_failed_record_leaves_no_shared_file(vault: Vault, tmp_path: Path) -> None:
    _caseload(vault)
    out = tmp_path / "out"
    out.mkdir()
    before = _audit_rows(vault)
    # the database cannot grow (a full disk, as SQLite meets it): the export's record cannot be stored
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull):
        export.export(vault.repo, "2026-2027/T1", today=TODAY, pdf=out / "r.pdf", csv=out / "r.csv")
    _nothing_shared(vault, out, before)
    vault.conn.execute("PRAGMA max_page_count = 1073741823")
    result = export.export(vault.repo, "2026-2027/T1", today=TODAY, pdf=out / "r.pdf", csv=out / "r.csv")
    assert result.written == (out / "r.pdf", out / "r.csv")
    assert (out / "r.pdf").read_bytes().startswith(b"%PDF") and (out / "r.csv").stat().st_size > 0


@pytest.mark.parametrize("bad", ["missing folder", "a folder", "a link"])
def test_a_file_that_cannot_be_written_leaves_no_other_file_and_no_record(vault: Vault, tmp_path: Path,
                                                                          bad: str) -> None:
    _caseload(vault)
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = _audit_rows(vault)
    if bad == "missing folder":
        csv, error = elsewhere / "nope" / "r.csv", OSError
    elif bad == "a folder":
        (elsewhere / "r.csv").mkdir()
        csv, error = elsewhere / "r.csv", NotARegularFile
    else:
        (elsewhere / "r.csv").symlink_to(tmp_path / "target.csv")
        csv, error = elsewhere / "r.csv", NotARegularFile
    listed = sorted(p.name for p in elsewhere.iterdir())
    with pytest.raises(error):
        export.export(vault.repo, "2026-2027/T1", today=TODAY, pdf=out / "r.pdf", csv=csv)
    _nothing_shared(vault, out, before)  # the PDF, which could be written, is not left behind
    assert sorted(p.name for p in elsewhere.iterdir()) == listed
    assert not (tmp_path / "target.csv").exists()


@pytest.mark.parametrize(("start", "end"), [("2026-09-01", "2026-11-30"), ("2026-09-03", "2026-11-20"),
                                            ("2026-08-01", "2026-10-31")])
def test_the_csv_of_a_date_range_for_the_screen_carries_no_shared_period(vault: Vault, start: str,
                                                                         end: str) -> None:
    _caseload(vault)
    report = export.report_for(vault.repo, explicit_period(D(start), D(end)), today=TODAY)
    assert not report.exportable
    text = render_csv(report).decode("utf-8-sig")
    rows = [line.split(";") for line in text.splitlines()[1:]]
    periods = {row[0] for row in rows}
    assert f"{start[:7]}..{end[:7]}" in periods  # the months it covers, no more
    assert SHARED_ID.search(text) is None, SHARED_ID.search(text)
    assert any(row[-1] == "Alleen voor jezelf \u2014 niet om te delen" for row in rows)
    # an exportable period's CSV does carry its identity (so the test above can fail)
    shared = export.report_for(vault.repo, "2026-2027/T1", today=TODAY)
    assert shared.exportable and SHARED_ID.search(render_csv(shared).decode("utf-8-sig"))
