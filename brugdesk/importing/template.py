"""The import template ("Sjabloon opslaan…"): an empty ``.xlsx`` with the expected columns.

Two sheets: ``Gezinnen`` (one row per child; rows with the same family key form one family) and
``Contactmomenten`` (one row per contact moment). The headers are the fields' labels in the current
language, so an import of the filled-in template suggests every column by itself.
"""

from __future__ import annotations

from pathlib import Path

from brugdesk import fsutil
from brugdesk.i18n import N_, _
from brugdesk.importing.fields import FIELDS, Field, ImportKind, label

SHEET_TITLES = {ImportKind.FAMILIES: N_("Families"), ImportKind.CONTACTS: N_("Contacts")}
#: the width of each column in the template (characters)
_WIDTHS = {Field.NOTE: 50, Field.ADDRESS: 30, Field.EMAIL: 28, Field.THEME: 28, Field.SCHOOL: 24}


def template_bytes() -> bytes:
    """The template as the bytes of an ``.xlsx`` file."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first = True
    for kind, fields in FIELDS.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = _(SHEET_TITLES[kind])
        sheet.append([label(f) for f in fields])
        for i, fld in enumerate(fields, start=1):
            sheet.cell(row=1, column=i).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(fld, max(14, len(label(fld)) + 2))
        sheet.freeze_panes = "A2"
    book.properties.creator = "brugdesk"
    book.properties.title = ""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def save_template(path: Path) -> Path:
    """Write the template to ``path`` (through :func:`brugdesk.fsutil.write_atomic`); the path."""
    fsutil.write_atomic(Path(path), template_bytes())
    return Path(path)
