"""The table of attachments (bijlagen): name, kind, size and the date it was added."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from brugdesk.core.model import Attachment
from brugdesk.core.text import fold
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date
from brugdesk.ui.models.base import Column, RowTableModel

#: what the viewer can show inside the app
PDF, IMAGE, TEXT, OTHER = "pdf", "image", "text", "other"

_KIND_LABELS = {
    "application/pdf": QT_TRANSLATE_NOOP("AttachmentKind", "PDF"),
    "image/png": QT_TRANSLATE_NOOP("AttachmentKind", "Image (PNG)"),
    "image/jpeg": QT_TRANSLATE_NOOP("AttachmentKind", "Image (JPEG)"),
    "text/plain": QT_TRANSLATE_NOOP("AttachmentKind", "Text"),
    "application/rtf": QT_TRANSLATE_NOOP("AttachmentKind", "RTF document"),
}
_OFFICE_LABELS = {
    ".docx": QT_TRANSLATE_NOOP("AttachmentKind", "Word document"),
    ".doc": QT_TRANSLATE_NOOP("AttachmentKind", "Word document"),
    ".xlsx": QT_TRANSLATE_NOOP("AttachmentKind", "Excel sheet"),
    ".xls": QT_TRANSLATE_NOOP("AttachmentKind", "Excel sheet"),
    ".pptx": QT_TRANSLATE_NOOP("AttachmentKind", "PowerPoint"),
    ".odt": QT_TRANSLATE_NOOP("AttachmentKind", "OpenDocument text"),
    ".ods": QT_TRANSLATE_NOOP("AttachmentKind", "OpenDocument sheet"),
}


def view_kind(attachment: Attachment) -> str:
    """How the viewer shows the file: :data:`PDF`, :data:`IMAGE`, :data:`TEXT` or :data:`OTHER` (not shown)."""
    media = attachment.media_type
    if media == "application/pdf":
        return PDF
    if media.startswith("image/"):
        return IMAGE
    if media == "text/plain":
        return TEXT
    return OTHER


def kind_label(attachment: Attachment) -> str:
    source = _KIND_LABELS.get(attachment.media_type) or _OFFICE_LABELS.get(Path(attachment.name).suffix.lower())
    if source is None:
        return QCoreApplication.translate("AttachmentKind", "Office document")
    return QCoreApplication.translate("AttachmentKind", source)


def size_label(size: int) -> str:
    """``340 kB``, ``1,2 MB`` (the decimal sign of the app's language)."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("AttachmentKind", "{n} kB").format(n=max(1, round(size / 1024)))
    mb = QLocale().toString(size / (1024 * 1024), "f", 1)
    return QCoreApplication.translate("AttachmentKind", "{n} MB").format(n=mb)


class AttachmentModel(RowTableModel[Attachment]):
    NAME, KIND, SIZE = range(3)  # then the date added

    def columns(self) -> Sequence[Column[Attachment]]:
        return (
            Column(QT_TRANSLATE_NOOP("AttachmentModel", "Name"), lambda a: a.name, lambda a: fold(a.name)),
            Column(QT_TRANSLATE_NOOP("AttachmentModel", "Kind"), kind_label, lambda a: fold(kind_label(a))),
            Column(QT_TRANSLATE_NOOP("AttachmentModel", "Size"), lambda a: size_label(a.size), lambda a: a.size,
                   align_right=True),
            Column(QT_TRANSLATE_NOOP("AttachmentModel", "Added"),
                   lambda a: fmt_date(a.added_at.date()) if a.added_at else "",
                   lambda a: a.added_at.isoformat() if a.added_at else ""),
        )
