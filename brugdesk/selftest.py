"""``brugdesk --selftest``: prove that this installation (a checkout or the frozen app) works.

In a temporary vault (a fresh temporary directory, removed afterwards) it

1. creates a vault (with a *cheap* scrypt cost: the point is that the code paths work,
   not to protect the throw-away synthetic data in it),
2. writes a family and a contact and reads them back,
3. checks that no plaintext canary is in any file of the vault directory (as bytes,
   UTF-8 and UTF-16-LE), both while the vault is open (WAL present) and after closing, and
   that the open vault holds its "in use" lock (portalocker works in this installation),
4. renders a report PDF (with :mod:`brugdesk.reports`) for a school named with "Ĳ" and
   checks the text back (pypdf when present; in the frozen app, which does not ship pypdf,
   that it is a PDF that embeds DejaVu Sans),
5. loads the Dutch Qt translation (in :mod:`brugdesk.ui.selftest_qt`: Qt is only imported
   under ``brugdesk/ui``; that module does not import this one),
6. reports which keyring backend is active.

:func:`run_steps` returns the ``selftest ok: …`` line or raises :class:`StepFailed`; the
command (:func:`brugdesk.cli.vault.cmd_selftest`) prints it, or ``selftest failed at <step>:
<reason>`` on stderr. Only synthetic data is used, so nothing personal can leak into its output.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any

#: scrypt cost for the throw-away selftest vault (production uses ``DEFAULT_SCRYPT_N``)
SELFTEST_SCRYPT_N = 2**12
SELFTEST_PASSPHRASE = "selftest passphrase, not secret"  # noqa: S105 - a throw-away vault, deleted at once


def describe(exc: BaseException) -> str:
    """The exception's type (and, for a missing module, its name): never data from the vault."""
    if isinstance(exc, ImportError) and exc.name:
        return f"{type(exc).__name__} ({exc.name})"
    return type(exc).__name__


class StepFailed(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("ascii", "ignore")]


def find_plaintext(directory: Path, needles: list[str]) -> list[str]:
    """Names of the files under ``directory`` that hold any needle in a plain encoding."""
    hits = []
    patterns = [p for n in needles for p in _encodings(n) if p]
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if any(p in data for p in patterns):
                hits.append(path.name)
    return hits


SCHOOL_NAME = "Basisschool Het Ĳsselpad"  # "Ĳ" (U+0132) must survive into the report PDF


def _step_vault(base: Path) -> tuple[str, str]:
    """Create, write, read back, check for plaintext, render the report PDF.

    Returns (sqlcipher version, what rendered the PDF).
    """
    from brugdesk.core.model import Contact, Family, School, SchoolType
    from brugdesk.store import connection
    from brugdesk.store.vault import Vault

    canary = "zelftestkanarie" + secrets.token_hex(6)
    directory = base / "vault"
    try:
        vault, _recovery = Vault.create(directory, SELFTEST_PASSPHRASE, scrypt_n=SELFTEST_SCRYPT_N)
    except Exception as exc:
        raise StepFailed("create vault", describe(exc)) from exc
    try:
        version = connection.cipher_version(vault.conn)
        today = dt.date.today()
        try:
            school = vault.repo.schools.add(School(name=SCHOOL_NAME, type=SchoolType.PO))
            assert school.id is not None
            family = vault.repo.families.create(Family(display_name=f"Fam. {canary}", start_date=today,
                                                       school_ids=[school.id]))
            assert family.id is not None
            vault.repo.contacts.add(Contact(family_id=family.id, date=today, minutes=30, kind="home_visit",
                                            note=f"notitie {canary} ĳs"))
            back = vault.repo.families.get(family.id)
            notes = [c.note for c in vault.repo.contacts.list(family.id)]
        except Exception as exc:
            raise StepFailed("write and read back", describe(exc)) from exc
        if back.display_name != f"Fam. {canary}" or notes != [f"notitie {canary} ĳs"]:
            raise StepFailed("read back", "the family or contact read back differs from what was written")
        hits = find_plaintext(directory, [canary])
        if hits:
            raise StepFailed("encryption", "plaintext found in " + ", ".join(hits))
        from brugdesk.store import inuse

        if not inuse.held_by_os(directory):
            raise StepFailed("in-use lock", "the open vault holds no lock on its folder")
        renderer = _step_pdf(vault, base / "selftest.pdf", today)
    finally:
        vault.close()
    hits = find_plaintext(directory, [canary])
    if hits:
        raise StepFailed("encryption", "plaintext found after closing in " + ", ".join(hits))
    try:
        reopened = Vault.open(directory, passphrase=SELFTEST_PASSPHRASE)
    except Exception as exc:
        raise StepFailed("reopen vault", describe(exc)) from exc
    try:
        if reopened.repo.families.count() != 1:
            raise StepFailed("reopen vault", "the family is gone after reopening")
    finally:
        reopened.close()
    return version, renderer


def _render_pdf(vault: Any, target: Path, today: dt.date) -> str:
    """Write a report PDF with "Ĳ" (the school's name) to ``target``; returns what rendered it."""
    from brugdesk.core.periods import school_year, school_year_start
    from brugdesk.reports.export import report_for
    from brugdesk.reports.pdf import write_pdf

    write_pdf(report_for(vault.repo, school_year(school_year_start(today)), today=today), target)
    return "report pdf"


def _step_pdf(vault: Any, target: Path, today: dt.date) -> str:
    try:
        renderer = _render_pdf(vault, target, today)
    except Exception as exc:
        raise StepFailed("report pdf", describe(exc)) from exc
    data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise StepFailed("report pdf", "the file is not a PDF")
    try:
        from pypdf import PdfReader
    except ImportError:  # the frozen app does not ship pypdf: check the font is embedded instead
        if b"DejaVuSans" not in data or b"FontFile2" not in data:
            raise StepFailed("report pdf", "DejaVu Sans is not embedded") from None
        return renderer + " (font checked)"
    text = "".join(page.extract_text() or "" for page in PdfReader(str(target)).pages)
    if "Ĳ" not in text and "ĳ" not in text:
        raise StepFailed("report pdf", "the letter ĳ is not in the PDF's text")
    return renderer


def _step_qt() -> str:
    from brugdesk.platform.display import display_available, missing_qt_libraries

    if not display_available():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    missing = missing_qt_libraries(include_xcb=False)
    if missing:
        raise StepFailed("qt", "missing system packages: " + " ".join(sorted({p for _l, p in missing})))
    try:
        from brugdesk.ui.selftest_qt import QtCheckFailed, check_qt
    except ImportError as exc:
        raise StepFailed("qt", f"PySide6 cannot be loaded ({exc})") from exc
    try:
        return check_qt()
    except QtCheckFailed as exc:
        raise StepFailed(exc.step, exc.reason) from exc
    except Exception as exc:
        raise StepFailed("qt", describe(exc)) from exc


def _step_keyring() -> str:
    try:
        import keyring

        from brugdesk.platform.oskeyring import backend_name, is_real_backend

        backend = keyring.get_keyring()
        name = backend_name(backend)
        return name if is_real_backend(backend) else f"{name} (not an OS keyring: the key is not remembered)"
    except Exception as exc:
        raise StepFailed("keyring", describe(exc)) from exc


def run_steps() -> str:
    """Run every step; returns the ``ok`` summary or raises :class:`StepFailed`."""
    base = Path(tempfile.mkdtemp(prefix="brugdesk-selftest-"))
    try:
        version, renderer = _step_vault(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    qt = _step_qt()
    backend = _step_keyring()
    return f"selftest ok: sqlcipher {version}, keyring {backend}, {renderer}, {qt}"
