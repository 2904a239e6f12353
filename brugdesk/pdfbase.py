"""Shared reportlab set-up for every PDF brugdesk writes (report, recovery sheet, inspection export).

* DejaVu Sans is registered and embedded, so ĳ, ë, é and € render;
* document metadata is fixed and impersonal: title and subject are generic, author and
  creator say "brugdesk", never a name; ``invariant`` makes the output reproducible;
* :func:`page_number_footer` draws "pagina X van Y" on every page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from brugdesk.resources import FONT_BOLD, FONT_REGULAR, resource

FONT = "DejaVuSans"
FONT_BOLD_NAME = "DejaVuSans-Bold"
PAGE = A4
MARGIN = 18 * mm

_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource(*FONT_REGULAR))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD_NAME, str(resource(*FONT_BOLD))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD_NAME, italic=FONT, boldItalic=FONT_BOLD_NAME)
    _registered = True


def doc_metadata(title: str) -> dict[str, Any]:
    """Keyword arguments for ``SimpleDocTemplate``: generic title, no names anywhere."""
    return {
        "title": title,
        "author": "brugdesk",
        "subject": title,
        "creator": "brugdesk",
        "producer": "brugdesk",
        "keywords": "",
        "invariant": 1,
    }


def page_number_footer(label: str, second: str = "") -> Any:
    """An ``onPage`` callback drawing ``label`` and the page number at the foot of each page, and
    ``second`` (the audit log's check code) on a line below."""

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillGray(0.4)
        canvas.drawString(MARGIN, 10 * mm, label)
        canvas.drawRightString(PAGE[0] - MARGIN, 10 * mm, str(canvas.getPageNumber()))
        if second:
            canvas.setFont(FONT, 7)
            canvas.drawString(MARGIN, 6.5 * mm, second)
        canvas.restoreState()

    return draw
