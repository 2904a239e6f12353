"""Importing from a spreadsheet (importeren): families with their children and parents, or contact
moments, from ``.xlsx``, ``.xls``, ``.ods`` or ``.csv``.

The steps, the same for the wizard (``ui/dialogs/import_wizard.py``) and ``brugdesk import``:

1. :class:`~brugdesk.importing.sheets.Workbook` opens the file (:class:`~brugdesk.importing.sheets.SheetError`
   with a Dutch message for what cannot be read) and gives its sheets;
2. :meth:`Mapping.suggested <brugdesk.importing.mapping.Mapping.suggested>` finds the header row and
   suggests a field per column (changeable; saved and loaded as JSON);
3. :func:`~brugdesk.importing.plan.preview` checks every row (nothing is written) and groups the
   rows into families, marking families already in the vault;
4. :func:`~brugdesk.importing.plan.commit` writes the preview as one batch, in one transaction;
   ``vault.repo.imports.undo_last()`` undoes the latest batch as a whole.
"""

from __future__ import annotations

from brugdesk.importing.fields import FIELDS, Field, ImportKind, label, suggest
from brugdesk.importing.mapping import Mapping, find_header_row, headers_of
from brugdesk.importing.plan import (
    Counts,
    Duplicate,
    DuplicateChoice,
    FamilyGroup,
    Preview,
    PreviewRow,
    Problem,
    Severity,
    commit,
    preview,
)
from brugdesk.importing.sheets import Sheet, SheetError, Workbook
from brugdesk.importing.template import save_template, template_bytes

__all__ = [
    "FIELDS", "Counts", "Duplicate", "DuplicateChoice", "FamilyGroup", "Field", "ImportKind", "Mapping", "Preview",
    "PreviewRow", "Problem", "Severity", "Sheet", "SheetError", "Workbook", "commit", "find_header_row", "headers_of",
    "label", "preview", "save_template", "suggest", "template_bytes",
]
