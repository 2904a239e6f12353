"""Confirmations and file choosers through one injected object.

Views never call ``QMessageBox``/``QFileDialog`` themselves; they call ``prompter.current()``::

    from brugdesk.ui import prompter
    if prompter.current().ask_yes_no(self, self.tr("Remove"), self.tr("Remove this school?")):
        ...

Tests install a scripted prompter (``tests/ui/conftest.py``) with :func:`install`, so no
modal box ever blocks a test. This is the only module that runs a nested ``exec()``; after
a prompt returns, check ``session.is_unlocked`` (the vault may have been locked meanwhile).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompter:
    """The real prompter: Qt message boxes and file dialogs."""

    def ask_yes_no(self, parent: QWidget | None, title: str, text: str, *, action: str = "",
                   cancel: str = "") -> bool:
        """Ask a question; ``True`` only when the person chose ``action`` (or "Yes").

        The safe answer (``cancel``, or "No") is the default: Enter and Escape both choose it, and
        so does a lock that closes the box while it is open. Destructive questions name what they
        do (``action="&Delete"``, ``cancel="Cancel"``), never a bare Yes/No.
        """
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        # literal translate() calls: the extractor (tools/i18n.py) finds only those (behind a wrapper the button
        # texts would stay English)
        yes = box.addButton(action or QCoreApplication.translate("Prompter", "&Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(cancel or QCoreApplication.translate("Prompter", "&No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        try:
            return box.clickedButton() is yes
        except RuntimeError:  # deleted while it was open (a lock): the safe answer
            return False

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def print_html(self, parent: QWidget | None, title: str, html: str) -> bool:
        """Print a simple document through the system's print dialog; whether it was printed."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)
        return True

    def choose_save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        """A path to save to, or ``""`` when cancelled."""
        path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return str(path)


    def choose_open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        """A file to open, or ``""`` when cancelled."""
        path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
        return str(path)

    def open_folder(self, parent: QWidget | None, folder: str) -> bool:
        """Show ``folder`` in the system's file manager; whether that could be started."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))


_current: Prompter = Prompter()


def current() -> Prompter:
    return _current


def install(prompter: Prompter) -> Prompter:
    """Replace the prompter (tests); returns the previous one."""
    global _current
    previous, _current = _current, prompter
    return previous
