"""The report preview shows the real PDF's pages (rasterised with PDFium), fitted to the view."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from brugdesk.ui.pdf_preview import PdfPreview


def _pdf(pages: int) -> bytes:
    import io

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        c.setFillColorRGB(0, 0, 0)
        c.rect(50, 50, 200, 200, fill=1)  # a black square on each page
        c.drawString(100, 700, f"pagina {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def test_pages_are_shown_fitted_and_cleared(qtbot: Any) -> None:
    view = PdfPreview()
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    view.load(_pdf(3))
    assert view.page_count() == 3
    labels = view._labels
    assert len(labels) == 3
    pixmap = labels[0].pixmap()
    assert not pixmap.isNull()
    width = pixmap.deviceIndependentSize().width()
    assert 400 < width <= 600  # fitted to the view's width
    assert abs(pixmap.deviceIndependentSize().height() / width - A4[1] / A4[0]) < 0.01  # A4 proportions
    image = pixmap.toImage()
    # the black square is really drawn: the pixel in its middle is dark, a corner of the page is white
    square_x = int(150 / A4[0] * image.width())
    square_y = int(image.height() - 150 / A4[1] * image.height())
    assert image.pixelColor(square_x, square_y).lightness() < 50
    assert image.pixelColor(5, 5).lightness() > 240
    assert not view.horizontalScrollBar().isVisible()
    view.clear()
    assert view.page_count() == 0
    qtbot.waitUntil(lambda: all(not lbl.isVisible() for lbl in labels) or not view._labels)


def test_each_page_is_a_tab_stop_whose_text_a_screen_reader_reads(qtbot: Any) -> None:
    """The text alternative of the preview: a page's description is its text, read from the PDF."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    before, view = QLineEdit(), PdfPreview()
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(view)
    qtbot.addWidget(window)
    window.resize(600, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.load(_pdf(2))
    qtbot.waitUntil(lambda: all(label.isVisible() for label in view._labels))
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # the preview itself (the arrow keys scroll it)
    assert view.hasFocus()
    for n in (1, 2):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        page = window.focusWidget()
        assert page is view._labels[n - 1]
        assert page.accessibleName() == f"Page {n} of 2"
        assert page.accessibleDescription() == f"pagina {n}"
