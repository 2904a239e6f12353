"""The printable recovery sheet (herstelsleutel) as a one-page PDF.

It holds the recovery key and instructions, no name: whoever finds the sheet learns
nothing about whose vault it opens. The vault folder is not printed either.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from brugdesk.fsutil import atomic_output
from brugdesk.i18n import N_, _
from brugdesk.pdfbase import FONT, FONT_BOLD_NAME, MARGIN, PAGE, doc_metadata, register_fonts


def write_recovery_sheet(target: Path, recovery_key: str, created: dt.date | None = None) -> None:
    register_fonts()
    created = created or dt.date.today()
    title = _(N_("brugdesk recovery key"))
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)
    head = ParagraphStyle("head", fontName=FONT_BOLD_NAME, fontSize=18, leading=24, spaceAfter=8)
    groups = recovery_key.split("-")
    rows = [groups[i : i + 4] for i in range(0, len(groups), 4)]
    rows[-1] += [""] * (4 - len(rows[-1]))
    key_table = Table(rows, colWidths=[32 * mm] * 4, rowHeights=[12 * mm] * len(rows))
    key_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Courier-Bold", 17),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1, "#333333"),
    ]))
    story = [
        Paragraph(title, head),
        Paragraph(_(N_("Made on {date}.")).format(date=created.strftime("%d-%m-%Y")), body),
        Spacer(1, 6 * mm),
        Paragraph(_(N_("This key opens your brugdesk vault when you have forgotten the passphrase, or when the "
                       "key file is lost. Whoever has this sheet can open the vault: keep it locked away, "
                       "separate from the laptop, for example in the school's safe.")), body),
        Spacer(1, 8 * mm),
        key_table,
        Spacer(1, 8 * mm),
        Paragraph(_(N_("To use it: on the unlock screen choose 'Use recovery key' and type the 52 characters. "
                       "Capitals, spaces and dashes do not matter. Then choose a new passphrase.")), body),
        Spacer(1, 4 * mm),
        Paragraph(_(N_("When you make a new recovery key in brugdesk, this sheet stops working: destroy it.")), body),
    ]
    with atomic_output(target) as fh:
        doc = SimpleDocTemplate(fh, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN, **doc_metadata(title))
        doc.build(story)
