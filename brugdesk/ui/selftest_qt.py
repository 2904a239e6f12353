"""The Qt half of ``brugdesk --selftest`` (Qt may only be imported under ``brugdesk/ui``).

It starts a ``QApplication`` (offscreen when there is no display), installs the translator over
the Dutch gettext catalogue (``resources/translations/nl/LC_MESSAGES/brugdesk.mo``) and checks that
Qt's ``translate`` answers in Dutch through it, loads the app icon, checks the Qt PDF module (used for the
report preview) is present, and renders a label with "ĳ" to an image so the platform plugin
and fonts are proven to work. Failures raise :class:`QtCheckFailed` (the step and the reason),
which :mod:`brugdesk.selftest` reports; this module does not import that one.
"""

from __future__ import annotations

from brugdesk.resources import resource_dir


class QtCheckFailed(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason

TRANSLATION = ("translations", "nl", "LC_MESSAGES", "brugdesk.mo")
ICON = ("icons", "brugdesk-256.png")


def check_qt() -> str:
    try:
        from PySide6.QtCore import QCoreApplication, QLocale
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication, QLabel
    except ImportError as exc:
        raise QtCheckFailed("qt", f"PySide6 cannot be loaded ({exc.name})") from exc

    app = QCoreApplication.instance() or QApplication(["brugdesk", "--selftest"])
    if not isinstance(app, QApplication):
        raise QtCheckFailed("qt", "a non-GUI Qt application is already running")

    mo = resource_dir().joinpath(*TRANSLATION)
    if not mo.is_file():
        raise QtCheckFailed("nl translation", f"missing {'/'.join(TRANSLATION)}")
    from brugdesk.ui.translator import CatalogueTranslator

    translator = CatalogueTranslator("nl", app)
    if translator.isEmpty():  # unreadable or damaged
        raise QtCheckFailed("nl translation", f"{mo.name} does not load")
    if not QCoreApplication.installTranslator(translator):
        raise QtCheckFailed("nl translation", "the translator could not be installed")
    try:
        if QCoreApplication.translate("FormDialog", "&Save") == "&Save":
            raise QtCheckFailed("nl translation", f"{mo.name} does not translate into Dutch")
    finally:
        QCoreApplication.removeTranslator(translator)

    icon_path = resource_dir().joinpath(*ICON)
    if not icon_path.is_file() or QIcon(str(icon_path)).isNull():
        raise QtCheckFailed("icon", f"missing or unreadable {'/'.join(ICON)}")

    try:
        import pypdfium2  # noqa: F401  (the report preview rasterises PDF pages with it)
    except ImportError as exc:
        raise QtCheckFailed("qt", "pypdfium2 (the report preview) is missing") from exc

    label = QLabel("ĳverig")
    label.setLocale(QLocale(QLocale.Language.Dutch))
    image = label.grab().toImage()
    label.deleteLater()
    if image.isNull() or image.width() == 0:
        raise QtCheckFailed("qt", "a widget could not be rendered")
    return "nl translation"
