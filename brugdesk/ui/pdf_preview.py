"""A read-only preview of PDF pages, rasterised with PDFium (``pypdfium2``).

Why not Qt's QPdfView: in PySide6 6.12.0 QtPdf ships as the separate ``PySide6-Pdf`` wheel,
which requires PySide6-Essentials 6.12.0 — and that release drops a reference on the value a
Python slot returns (None, True, False, …) on Python 3.11, which crashes the app after a few
thousand signals (see ``tests/ui/test_pyside_refcount.py``). On 6.11, QtPdf is only in the
175 MB PySide6-Addons wheel. PDFium, the engine behind QtPdf and Chrome's viewer, comes as a
4 MB wheel; we render each page to a QImage and show the pages in a scroll area.

The PDF bytes stay in memory: no temporary file is written.

For a screen reader each page is a Tab stop named "Page n of m" whose description is the
page's text, read from the same PDF by PDFium (the report's numbers, in reading order).
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from brugdesk.ui import theme

#: never render wider than this many pixels per page (a 4K screen at full width)
MAX_WIDTH = 2000


class PdfPreview(QScrollArea):
    """Shows every page of a PDF, fitted to the width of the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._pages = 0
        self._labels: list[QLabel] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(self.backgroundRole())
        self._container = QWidget()
        self._container.setObjectName("pdfPreviewPages")
        theme.style(self._container, "#pdfPreviewPages { background: $preview_bg; }"
                                     "#pdfPreviewPages QLabel:focus { border: 3px solid $focus_ring; }")
        self._layout = QVBoxLayout(self._container)
        self._layout.setSpacing(12)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.addStretch(1)
        self.setWidget(self._container)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._render)

    def load(self, data: bytes) -> None:
        """Show the PDF in ``data`` (replacing what was shown)."""
        self._data = bytes(data)
        self._render()

    def clear(self) -> None:
        self._data = b""
        self._pages = 0
        self._set_images([])

    def page_count(self) -> int:
        return self._pages

    def _target_width(self) -> int:
        margins = self._layout.contentsMargins()
        # leave room for the vertical scroll bar that a multi-page document brings
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        width -= margins.left() + margins.right()
        return max(200, min(MAX_WIDTH, width))

    def _render(self) -> None:
        if not self._data:
            return
        pdf = pdfium.PdfDocument(self._data)
        try:
            images = []
            texts = []
            dpr = self.devicePixelRatioF()
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    width_pt, _height_pt = page.get_size()
                    scale = self._target_width() * dpr / width_pt
                    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                   QImage.Format.Format_RGBX8888).copy()  # copy: the bitmap is freed below
                    image.setDevicePixelRatio(dpr)
                    images.append(image)
                    textpage = page.get_textpage()
                    try:
                        texts.append(" ".join(textpage.get_text_range().split()))
                    finally:
                        textpage.close()
                finally:
                    page.close()
            self._pages = len(images)
        finally:
            pdf.close()
        self._set_images(images, texts)

    def _set_images(self, images: list[QImage], texts: list[str] | None = None) -> None:
        while len(self._labels) > len(images):
            label = self._labels.pop()
            self._layout.removeWidget(label)
            label.deleteLater()
        while len(self._labels) < len(images):
            label = QLabel(self._container)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a Tab stop: its text is read out
            self._layout.insertWidget(self._layout.count() - 1, label)
            self._labels.append(label)
        for number, (label, image) in enumerate(zip(self._labels, images, strict=True), start=1):
            label.setPixmap(QPixmap.fromImage(image))
            size = image.deviceIndependentSize().toSize()
            label.setMinimumSize(size)  # a page is never squeezed: the view scrolls instead
            label.setAccessibleName(self.tr("Page {page} of {pages}").format(page=str(number), pages=str(len(images))))
            label.setAccessibleDescription(texts[number - 1] if texts else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's API
        super().resizeEvent(event)
        if self._data and event.oldSize().width() != event.size().width():
            self._resize_timer.start()
