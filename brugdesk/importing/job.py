"""The preview of an import made on a worker thread, away from the vault's own connection (no Qt).

A :class:`PreviewJob` is prepared on the thread that owns the vault (the GUI thread) with what it
needs and nothing more — the vault folder, the data key, the sheet and the mapping — and
:meth:`PreviewJob.run` runs on a worker thread:

1. it opens a read-only connection of its own (:class:`brugdesk.store.reader.Reader`), lets go of
   its reference to the key, reads the :class:`~brugdesk.importing.reference.Reference` (the
   schools, the lists, the children or family keys already in the vault) and closes the
   connection again (:attr:`PreviewJob.released` is set then, also when that fails or is stopped);
2. :func:`~brugdesk.importing.plan.preview` checks every row against what was read: no
   connection is open during this part, however long a sheet is.

:meth:`PreviewJob.stop` (any thread) asks the job to end: a running statement is interrupted at
once and the row check stops at its next row; :meth:`~PreviewJob.run` then raises
:class:`Stopped`. Whoever closes the vault while a job runs stops it and waits for
:attr:`~PreviewJob.released` (milliseconds): the job's connection is closed before the vault's.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from brugdesk.importing.mapping import Mapping
from brugdesk.importing.plan import Preview, preview
from brugdesk.importing.reference import Reference
from brugdesk.importing.sheets import Sheet
from brugdesk.store.reader import Reader, ReaderJob, Stopped

__all__ = ["PreviewJob", "Stopped"]


class PreviewJob(ReaderJob):
    """The preview of ``sheet`` under ``mapping`` against the vault in ``vault_dir``."""

    def __init__(self, vault_dir: Path, data_key: bytes, sheet: Sheet, mapping: Mapping, *,
                 today: dt.date | None = None) -> None:
        super().__init__(vault_dir, data_key)
        self.sheet = sheet
        # a copy: the wizard may change its mapping while the job runs
        self.mapping = Mapping(mapping.kind, mapping.header_row, list(mapping.columns))
        self.today = today
        #: set once the job's connection is closed (or was never opened)
        self.released = threading.Event()

    def _yield_or_stop(self) -> bool:
        """Asked before each row: whether to stop. It first lets the other threads run
        (``time.sleep(0)`` gives up the GIL), so the window's own thread keeps handling its events
        while a long sheet is checked; measured, Python's own switching left it waiting for
        hundreds of milliseconds at a time (tests/ui/test_import_wizard.py)."""
        time.sleep(0)
        return self._stop.is_set()

    def run(self) -> Preview:
        """The preview; raises :class:`Stopped` after :meth:`stop`, a
        :class:`~brugdesk.errors.VaultError` when the vault does not open."""
        key, self._data_key = self._data_key, None
        try:
            if key is None:
                raise RuntimeError("a preview job runs once")
            if self._stop.is_set():
                raise Stopped()
            reader = Reader(self.vault_dir, key, stop=self._stop)
            del key
            try:
                reference = Reference(reader.repo, self.mapping.kind)
            except Exception as exc:
                if reader.stopped(exc):
                    raise Stopped() from None
                raise
            finally:
                reader.close()
        finally:
            self.released.set()
        result = preview(self.sheet, self.mapping, reference, today=self.today, stop=self._yield_or_stop)
        if self._stop.is_set():
            raise Stopped()
        return result
