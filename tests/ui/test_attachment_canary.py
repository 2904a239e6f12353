"""The disk canary scan for attachments (issue 14): files added through the app's Bijlagen tab and
viewed inside the app, then backed up, leave their content and their names nowhere on disk in the
clear: not in the vault folder or its backups, not in the XDG folders or HOME, not in the temp
folder, not in the app's settings. The one plaintext copy is the one the officer asked for with
"Opslaan als…": the test finds it there (the scan can find a canary), then deletes it and scans again.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import secrets
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen import canvas

from brugdesk.core.model import Family, FamilyStatus
from brugdesk.privacy import backup_policy
from brugdesk.ui.views.families import FamiliesPage
from tests.vaultbytes import canary, encodings

#: files larger than this in the shared temp folder are not read (no test here writes one)
SCAN_LIMIT = 64 * 1024 * 1024


def pdf_with(text: str) -> bytes:
    """A PDF whose page text is ``text``, uncompressed: the canary's bytes stand in the file as they are."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pageCompression=0)
    c.drawString(72, 760, text)
    c.showPage()
    c.save()
    return out.getvalue()


#: in the shared temp folder: other test runs' own folders (this run's are scanned as its XDG dirs and tmp_path)
OTHER_RUNS = ("brugdesk-test-", "pytest-of-", "bash_jobs")


def files_in(folder: Path, since: float | None = None) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder, onerror=lambda _e: None):
        if since is not None:
            dirs[:] = [d for d in dirs if not d.startswith(OTHER_RUNS)]
        for name in names:
            path = Path(root) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            if not path.is_file() or path.is_symlink() or st.st_size > SCAN_LIMIT:
                continue
            if since is not None and st.st_mtime < since:
                continue
            yield path


def found(needles: list[bytes], folders: list[tuple[Path, float | None]]) -> list[str]:
    hits = []
    for folder, since in folders:
        for path in files_in(folder, since):
            try:
                blob = path.read_bytes()
            except OSError:  # another user's file in the shared temp folder
                continue
            hits += [f"{path}: {needle[:12]!r}" for needle in needles if needle in blob]
    return hits


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temp folder of this test (Python's and Qt's), so a temporary file would be found."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert Path(QDir.tempPath()) == folder
    yield folder


def test_attachments_added_viewed_and_backed_up_leave_no_plaintext_on_disk(
        qtbot, session, prompter, tmp_path: Path, vault_dir: Path, private_tmp: Path) -> None:
    started = time.time() - 1
    shared_tmp = Path("/tmp")
    secret_text, secret_name = canary("bijlagetekst"), canary("bestandsnaam")
    secret_pdf = f"bijlagepdf{secrets.token_hex(8)}"  # ASCII: it stands in the PDF's page as it is
    pdf_secret = secret_pdf.encode()
    needles = [*encodings(secret_text), *encodings(secret_name), pdf_secret]

    family = session.repo.families.create(Family("Fam. Kanarie", dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE))
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.open_family(family.id)
    panel = page.detail.paperwork.attachments
    bar = page.detail.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.detail.paperwork.attachments_tab).center())

    # the officer's own files, outside brugdesk: added, then deleted by the test (they are the source)
    source = tmp_path / "bron"
    source.mkdir()
    text_file = source / f"{secret_name}.txt"
    text_file.write_text(f"Toestemming: {secret_text}\n", encoding="utf-8")
    pdf_file = source / "toestemming.pdf"
    pdf_file.write_bytes(pdf_with(f"Kanarie {secret_pdf}"))
    assert pdf_secret in pdf_file.read_bytes()
    for path in (text_file, pdf_file):
        prompter.open_paths.append(str(path))
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2
    for path in (text_file, pdf_file):
        path.unlink()

    # viewed inside the app: the text and the PDF's page
    for row in range(2):
        panel.table.selectRow(row)
        qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
        viewer = panel.viewer
        assert viewer is not None
        if viewer.text is not None:
            assert secret_text in viewer.text.toPlainText()
        else:
            assert viewer.pdf is not None and viewer.pdf.page_count() == 1
            assert secret_pdf in viewer.pdf._labels[0].accessibleDescription().replace(" ", "")
        viewer.close()
        QApplication.processEvents()

    backup_policy.make_backup(session.vault, tag="manual")
    assert backup_policy.list_backups(vault_dir)

    # "Opslaan als…": the one plaintext copy, where the officer put it
    export = tmp_path / "export"
    export.mkdir()
    panel.table.selectRow(0)
    prompter.answers.append(True)
    prompter.save_paths.append(str(export / "kopie.txt"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    home = Path(os.environ.get("HOME", str(tmp_path)))
    xdg = [Path(os.environ[name]) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                "XDG_RUNTIME_DIR") if os.environ.get(name)]
    everywhere: list[tuple[Path, float | None]] = [(tmp_path, None), (vault_dir, None), (private_tmp, None),
                                                   (home, None), *[(x, None) for x in xdg], (shared_tmp, started)]
    hits = found(needles, everywhere)
    assert hits and all(hit.startswith(str(export / "kopie.txt")) for hit in hits), hits  # the scan finds it
    (export / "kopie.txt").unlink()
    assert found(needles, everywhere) == []
