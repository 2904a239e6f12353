"""The benchmark rows of issue 14: importing a caseload from .xlsx, adding and viewing a 20 MB
attachment, and the backup of a vault holding 200 MB of attachments — each beside the same work
done with plain SQLite on the unencrypted copy (the baseline)."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

#: the import of the issue at S >= 1: 2,000 families with 6,000 members and 20,000 contacts (fewer below S=1)
FAMILIES, CHILDREN_PER_FAMILY, CONTACTS_PER_FAMILY = 2000, 2, 10
ATTACHMENT_MB = 20
#: the attachments in the vault for the backup op at S=10 (in proportion below it)
BACKUP_ATTACHMENTS_MB = 200


def sizes(scale: float) -> tuple[int, int, int]:
    """(families imported, MB of the attachment, MB of attachments for the backup) at ``scale``: the
    issue's numbers at S=1 (import, attachment) and S=10 (backup), in proportion below (a smoke run)."""
    return (max(10, round(FAMILIES * min(1.0, scale))), max(1, round(ATTACHMENT_MB * min(1.0, scale))),
            max(2, round(BACKUP_ATTACHMENTS_MB * min(1.0, scale / 10))))


def write_caseload(path: Path, families: int = FAMILIES, seed: int = 1) -> Path:
    """A workbook as an officer keeps it: sheet Gezinnen (one row per child: key, surname, child, year,
    group, start date, theme, parent) and sheet Contacten (key, date, kind, duration, note)."""
    from openpyxl import Workbook

    rnd = random.Random(seed)
    kinds = ["Huisbezoek", "Telefonisch", "Gesprek op school", "Digitaal (mail, app, video)"]
    book = Workbook(write_only=True)
    rows = book.create_sheet("Gezinnen")
    rows.append(["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "Groep", "Startdatum", "Thema", "Ouder"])
    contacts = book.create_sheet("Contacten")
    contacts.append(["Gezin", "Datum", "Soort", "Duur", "Notitie"])
    for f in range(families):
        start = dt.date(2025, 8, 20) + dt.timedelta(days=rnd.randrange(60))
        for c in range(CHILDREN_PER_FAMILY):
            rows.append([f + 1, f"Achternaam{f}", f"Kind{f}x{c}", 2012 + rnd.randrange(8),
                             str(1 + rnd.randrange(8)), start, "Opvoeding", f"Ouder{f}"])
        for n in range(CONTACTS_PER_FAMILY):
            contacts.append([f + 1, start + dt.timedelta(days=7 * n + 1), kinds[n % 4], 15 + 15 * rnd.randrange(4),
                             f"Notitie {n} over het gesprek"])
    book.save(path)
    return path


def import_caseload(vault: Any, path: Path) -> tuple[int, int, int]:
    """The whole import as the wizard runs it: read, map, preview, commit — families, then contacts."""
    from brugdesk.importing import Mapping, Workbook, commit, preview

    book = Workbook(path)
    out = []
    for name in ("Gezinnen", "Contacten"):
        sheet = book.sheet(name)
        out.append(commit(preview(sheet, Mapping.suggested(sheet), vault.repo), vault.repo))
    return out[0].families, out[0].members, out[1].contacts


def plain_inserts(conn: sqlite3.Connection, families: int = FAMILIES, seed: int = 1) -> None:
    """The same rows inserted with plain SQLite (one transaction, executemany): the baseline. Each row
    carries its record key in the INSERT, drawn from the operating system's random source as the
    import draws it, so neither side pays the trigger's second write of the row."""
    rnd = random.Random(seed)
    top = conn.execute("SELECT coalesce(max(id), 0) FROM family").fetchone()[0]
    now = dt.datetime.now().isoformat()
    conn.execute("BEGIN")
    fams, members, contacts = [], [], []
    contact_id = (conn.execute("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0] or 0) + 1
    keys = iter(os.urandom(families * (1 + (1 + CHILDREN_PER_FAMILY) + CONTACTS_PER_FAMILY)))
    for f in range(families):
        fid = top + 1 + f
        start = (dt.date(2025, 8, 20) + dt.timedelta(days=rnd.randrange(60))).isoformat()
        fams.append((fid, f"P-2025-{f:04d}", f"Fam. Achternaam{f}", "active", start, now, now, next(keys)))
        members.append((fid, "parent", f"Ouder{f}", f"Achternaam{f}", None, next(keys)))
        for c in range(CHILDREN_PER_FAMILY):
            members.append((fid, "child", f"Kind{f}x{c}", f"Achternaam{f}", 2012 + rnd.randrange(8), next(keys)))
        for n in range(CONTACTS_PER_FAMILY):
            contacts.append((contact_id, fid, start, 30, "home_visit", f"Notitie {n} over het gesprek", now,
                             next(keys)))
            contact_id += 1
    conn.executemany("INSERT INTO family (id, ref, display_name, status, start_date, created_at, updated_at, rkey) "
                     "VALUES (?,?,?,?,?,?,?,?)", fams)
    conn.executemany("INSERT INTO member (family_id, role, first_name, last_name, birth_year, rkey) "
                     "VALUES (?,?,?,?,?,?)", members)
    conn.executemany("INSERT INTO contact (id, family_id, date, minutes, kind, note, created_at, rkey) "
                     "VALUES (?,?,?,?,?,?,?,?)", contacts)
    conn.execute("COMMIT")


PLAIN_ATTACHMENT = """
CREATE TABLE IF NOT EXISTS plain_attachment_chunk (
    id INTEGER PRIMARY KEY, attachment_id INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
    UNIQUE (attachment_id, seq))
"""


def plain_attachment(conn: sqlite3.Connection, data: bytes, chunk: int) -> bytes:
    """Store ``data`` in chunks in one transaction and read it back: the baseline of the attachment op."""
    conn.execute(PLAIN_ATTACHMENT)
    conn.execute("BEGIN")
    conn.execute("DELETE FROM plain_attachment_chunk")
    conn.executemany("INSERT INTO plain_attachment_chunk (attachment_id, seq, data) VALUES (1, ?, ?)",
                     [(i, data[o : o + chunk]) for i, o in enumerate(range(0, len(data), chunk))])
    conn.execute("COMMIT")
    return b"".join(r[0] for r in conn.execute(
        "SELECT data FROM plain_attachment_chunk WHERE attachment_id = 1 ORDER BY seq"))


def attachment_bytes(mb: int) -> bytes:
    return b"%PDF-1.7\n" + os.urandom(mb * 1024 * 1024 - 9)


def fresh_copy(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
