"""The import preview made on a worker thread through a read-only connection of its own
(:class:`brugdesk.importing.job.PreviewJob`): the same preview as through the vault's connection,
the key let go of, a stop honoured, the connection closed before the rows are checked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from brugdesk.core.model import Family, Member, MemberRole
from brugdesk.importing import Mapping, Workbook, preview
from brugdesk.importing.job import PreviewJob, Stopped
from brugdesk.store.vault import Vault
from tests.importing.sheetfiles import CASELOAD, write_xlsx


def _summary(prev):
    return (prev.counts(), [(r.number, [p.message for p in r.problems]) for r in prev.rows],
            [(g.key, g.duplicate) for g in prev.families])


def test_the_job_makes_the_same_preview_on_a_worker_thread(vault: Vault, tmp_path: Path) -> None:
    import datetime as dt

    vault.repo.families.intake(Family("Fam. Jansen", dt.date(2025, 1, 6)), [],
                               [Member(MemberRole.CHILD, "Milan", birth_year=2016)])
    sheet = Workbook(write_xlsx(tmp_path / "g.xlsx", {"Gezinnen": CASELOAD})).sheet()
    mapping = Mapping.suggested(sheet)
    job = PreviewJob(vault.directory, vault.data_key, sheet, mapping)
    assert job.holds_key
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(job.run()))
    worker.start()
    worker.join(60)
    assert not job.holds_key and job.released.is_set()
    [made] = out
    expected = preview(sheet, mapping, vault.repo)
    assert _summary(made) == _summary(expected)
    assert any(g.duplicate is not None for g in expected.families)  # the duplicate was read through the job too


def test_a_job_stopped_before_it_runs_opens_nothing(vault: Vault, tmp_path: Path) -> None:
    sheet = Workbook(write_xlsx(tmp_path / "g.xlsx", {"Gezinnen": CASELOAD})).sheet()
    job = PreviewJob(vault.directory, vault.data_key, sheet, Mapping.suggested(sheet))
    job.stop()
    with pytest.raises(Stopped):
        job.run()
    assert job.released.is_set() and not job.holds_key


def test_a_job_does_not_see_the_mapping_changed_after_it_started(vault: Vault, tmp_path: Path) -> None:
    sheet = Workbook(write_xlsx(tmp_path / "g.xlsx", {"Gezinnen": CASELOAD})).sheet()
    mapping = Mapping.suggested(sheet)
    job = PreviewJob(vault.directory, vault.data_key, sheet, mapping)
    mapping.columns = [None] * len(mapping.columns)  # the officer changes every field meanwhile
    assert job.run().counts() == preview(sheet, Mapping.suggested(sheet), vault.repo).counts()
