"""Looking at an attachment inside the app ("Bekijken"), with no plaintext file anywhere.

The file's bytes are read from the vault into memory (:meth:`Attachments.read`, checked against
their SHA-256 and recorded in the audit log as a view) and shown from there: a PDF's pages with
the app's own renderer (:class:`~brugdesk.ui.pdf_preview.PdfPreview`, PDFium from bytes), an
image with ``QImage.fromData``, plain text as text. Office files cannot be shown inside brugdesk:
the viewer says so and offers "Opslaan als…" (a copy, after the not-encrypted warning). Locking
closes and deletes the viewer with every other window, and with it the bytes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.model import Attachment
from brugdesk.ui import theme
from brugdesk.ui.a11y import Heading, hint
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.models.attachments import IMAGE, PDF, TEXT, kind_label, size_label, view_kind
from brugdesk.ui.pdf_preview import PdfPreview
from brugdesk.ui.widgets import big_font

#: images wider than this are scaled down to fit the viewer (the scroll area takes the rest)
IMAGE_WIDTH = 1100


def decode_text(data: bytes) -> str:
    """A text file's characters: UTF-8 (with or without BOM), else Windows' Western code page."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class AttachmentViewer(BaseDialog):
    """Shows one attachment from ``data`` (its bytes, read from the vault by the caller).

    ``save_as`` is the panel's "Opslaan als…" for this attachment (offered for every kind, and
    as the only way to open an office file)."""

    def __init__(self, attachment: Attachment, data: bytes, save_as: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttachmentViewer")
        self.attachment = attachment
        self.kind = view_kind(attachment)
        # a neutral title: the OS shows it in the task bar and window switcher (a file name may hold a name)
        self.setWindowTitle(self.tr("View attachment"))
        layout = QVBoxLayout(self)
        title = Heading(attachment.name)
        title.setWordWrap(True)
        title.setFont(big_font(self, 1.25))
        layout.addWidget(title)
        layout.addWidget(hint(QLabel(f"{kind_label(attachment)} · {size_label(attachment.size)}")))
        #: what shows the file: a PdfPreview, a QLabel with the image, a QPlainTextEdit, or a QLabel saying why not
        self.content: QWidget
        self.pdf: PdfPreview | None = None
        self.image: QLabel | None = None
        self.text: QPlainTextEdit | None = None
        if self.kind == PDF:
            self.pdf = PdfPreview(self)
            self.pdf.setAccessibleName(self.tr("Pages of {name}").format(name=attachment.name))
            self.pdf.load(data)
            self.content = self.pdf
        elif self.kind == IMAGE:
            self.content = self._image_view(data)
        elif self.kind == TEXT:
            self.text = QPlainTextEdit()
            self.text.setReadOnly(True)
            self.text.setTabChangesFocus(True)
            self.text.setAccessibleName(self.tr("Text of {name}").format(name=attachment.name))
            self.text.setPlainText(decode_text(data))
            self.content = self.text
        else:
            message = QLabel(self.tr("brugdesk cannot show this kind of file ({kind}). Save a copy with "
                                     "“Save as…” to open it in another program; that copy is not encrypted.")
                             .format(kind=kind_label(attachment)))
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.content = message
        layout.addWidget(self.content, 1)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setToolTip(self.tr("Save a copy outside brugdesk (not encrypted)"))
        self.save_button.clicked.connect(lambda: save_as(attachment))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(*((900, 760) if self.kind in (PDF, IMAGE, TEXT) else (560, 280)))
        (self.save_button if self.kind not in (PDF, IMAGE, TEXT) else self.close_button).setDefault(True)

    def _image_view(self, data: bytes) -> QWidget:
        image = QImage.fromData(data)
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a Tab stop: a screen reader reads its name
        theme.style(label, "QLabel:focus { border: 3px solid $focus_ring; }")  # and one sees where the focus is
        label.setAccessibleName(self.tr("Image {name}").format(name=self.attachment.name))
        if image.isNull():
            label.setText(self.tr("This image could not be read; it may be damaged."))
        else:
            if image.width() > IMAGE_WIDTH:
                image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleDescription(self.tr("{width} × {height} pixels").format(
                width=image.width(), height=image.height()))
        self.image = label
        area = QScrollArea()
        area.setWidget(label)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the image itself is the Tab stop
        area.setAccessibleName(self.tr("Image {name}").format(name=self.attachment.name))
        return area
