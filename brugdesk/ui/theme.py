"""The app's colours in one place: named roles in two complete themes, the standard (light) one
and a high-contrast one (dark, as Windows' and GNOME's high contrast are), and the officer's
choice between them (Instellingen › Deze computer: follow the system, standard, high contrast).

Every style sheet and item colour takes its colour from a role of :func:`current` instead of a
literal. A widget styled with :func:`style` (a :class:`string.Template` with ``$role`` names) or
:func:`text_colour` is styled again when the theme changes (:func:`apply_theme`), so a new theme
applies at once: no restart, nothing typed is lost.

Contrast (WCAG 2.1 1.4.3 / 1.4.11, EN 301 549 §11.7 user preferences): the standard theme keeps
text at 4.5:1 and the focus ring at 3:1 (it renders as brugdesk always did); the high-contrast
theme keeps every text colour at 7:1 on every background it is drawn on and every non-text mark
(focus ring, control outlines, selection) at 3:1. ``tests/unit/test_theme.py`` computes them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from brugdesk.ui import prefs

#: the officer's choices ("colours" in the settings); the first is the default
CHOICES = prefs.COLOURS
FOLLOW_SYSTEM, STANDARD, HIGH_CONTRAST = CHOICES

#: the dynamic properties that remember how a widget is styled (to style it again)
_SHEET = "brugdeskThemeSheet"
_TEXT_ROLE = "brugdeskThemeText"


@dataclass(frozen=True)
class Theme:
    """A complete set of colours. The palette roles (``window`` … ``disabled_text``) are ``None``
    in the standard theme, which takes Fusion's own palette for them."""

    name: str
    # the accent: selection background, links; the focus ring and its width in pixels
    accent: str
    on_accent: str  # text on the accent (the selected row)
    focus_ring: str
    ring_on_selection: str  # the focus ring drawn on the accent itself (a selected cell)
    ring_width: int
    placeholder: str  # placeholder text in fields
    hint: str  # secondary text: hints and notes, cancelled appointments
    error: str  # error text: wrong passphrase, field messages, late follow-ups
    form_error: str  # a form dialog's field errors
    report_error: str  # the report page's messages
    closed_text: str  # a closed family in the list
    warning_bg: str  # the "not anonymous" mark on the report page
    warning_border: str
    warning_text: str
    panel_bg: str  # Overzicht's numbers panel
    preview_bg: str  # behind the pages of a PDF preview
    key_bg: str  # the recovery key on the first-run wizard
    key_border: str
    nav_bg: str  # the navigation list
    nav_text: str
    nav_selected_bg: str
    nav_selected_text: str
    nav_marker: str  # the bar beside the current page, and the list's focus ring
    strength: tuple[str, str, str, str, str]  # the passphrase meter, score 0..4
    # outlines the style draws around controls (buttons, fields, check boxes, scroll bars);
    # None: Fusion's own
    outline: str | None = None
    # the palette (None: Fusion's standard palette)
    window: str | None = None
    window_text: str | None = None
    base: str | None = None
    alternate_base: str | None = None
    button: str | None = None
    disabled_text: str | None = None
    link: str | None = None

    def roles(self) -> dict[str, str]:
        """The colour roles (and the ring's width in pixels) by name, for style sheet templates
        (``$error``, ``${ring_width}px``)."""
        roles = {f.name: str(getattr(self, f.name)) for f in fields(self)
                 if isinstance(getattr(self, f.name), (str, int))}
        roles.update((f"strength{score}", value) for score, value in enumerate(self.strength))
        return roles

    def palette(self, style: QStyle) -> QPalette:
        """The application palette of this theme (``style``'s standard one with the accent, link
        and placeholder colours, or a complete one)."""
        palette = QPalette(style.standardPalette())
        if self.window is not None:
            _fill_palette(palette, self)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(self.accent))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(self.on_accent))
            palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(self.placeholder))
            palette.setColor(group, QPalette.ColorRole.Link, QColor(self.link or self.accent))
        return palette


#: brugdesk's colours as they always were (WCAG AA)
STANDARD_THEME = Theme(
    name=STANDARD,
    accent="#1f5f8b", on_accent="#ffffff", focus_ring="#1f5f8b", ring_on_selection="#ffffff", ring_width=2,
    placeholder="#6e6e6e", hint="#595959",
    error="#a4262c", form_error="#800000", report_error="#aa3333", closed_text="#6b6b6b",
    warning_bg="#fdf4e3", warning_border="#b07d1a", warning_text="#5c3b00",
    panel_bg="#f3f6f8", preview_bg="#e6e9ec", key_bg="#fbf7ee", key_border="#d8cfbf",
    nav_bg="#eef2f5", nav_text="#1f3340", nav_selected_bg="#cfdde8", nav_selected_text="#0f2533",
    nav_marker="#2f5d83",
    strength=("#a4262c", "#c25e00", "#c25e00", "#2e7d32", "#1b5e20"),
)

#: white text on black, yellow focus and links, cyan selection (black text on it), a white outline
#: around every control (WCAG AAA text contrast 7:1)
HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    accent="#00ffff", on_accent="#000000", focus_ring="#ffff00", ring_on_selection="#000000", ring_width=3,
    placeholder="#c8c8c8", hint="#d9d9d9",
    error="#ff9e9e", form_error="#ff9e9e", report_error="#ff9e9e", closed_text="#b8b8b8",
    warning_bg="#000000", warning_border="#ffff00", warning_text="#ffff00",
    panel_bg="#141414", preview_bg="#141414", key_bg="#000000", key_border="#ffffff",
    nav_bg="#000000", nav_text="#ffffff", nav_selected_bg="#00ffff", nav_selected_text="#000000",
    nav_marker="#ffff00",
    strength=("#ff9e9e", "#ffff00", "#ffff00", "#00ff66", "#00ff66"),
    outline="#ffffff",
    window="#000000", window_text="#ffffff", base="#000000", alternate_base="#1a1a1a", button="#000000",
    disabled_text="#a6a6a6", link="#ffff00",
)

THEMES = {STANDARD: STANDARD_THEME, HIGH_CONTRAST: HIGH_CONTRAST_THEME}


def _fill_palette(palette: QPalette, theme: Theme) -> None:
    role = QPalette.ColorRole
    assert theme.window and theme.window_text and theme.base and theme.alternate_base and theme.button
    text, window = QColor(theme.window_text), QColor(theme.window)
    colours = {
        role.Window: window, role.WindowText: text, role.Base: QColor(theme.base),
        role.AlternateBase: QColor(theme.alternate_base), role.Text: text, role.Button: QColor(theme.button),
        role.ButtonText: text, role.BrightText: QColor(theme.focus_ring), role.ToolTipBase: window,
        role.ToolTipText: text, role.Accent: QColor(theme.accent),
        role.Light: QColor("#2a2a2a"), role.Midlight: QColor("#1a1a1a"), role.Mid: QColor("#a6a6a6"),
        role.Dark: QColor("#c0c0c0"), role.Shadow: QColor("#ffffff"), role.LinkVisited: QColor(theme.link),
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for colour_role, colour in colours.items():
            palette.setColor(group, colour_role, colour)
    disabled = QColor(theme.disabled_text)
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, role.Highlight, QColor("#404040"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.HighlightedText, text)


_current: Theme = STANDARD_THEME


def current() -> Theme:
    """The theme in use."""
    return _current


#: a warning in bold error text (a family's missing consent, an overview without recorded consent)
WARNING_STYLE = "color: $error; font-weight: bold;"


def focus_style_sheet(theme: Theme) -> str:
    """The focus ring of multi-line fields, tables, lists and scroll areas (a style sheet rule)."""
    return f"QAbstractScrollArea:focus {{ border: {theme.ring_width}px solid {theme.focus_ring}; }}"


def _render(template: str) -> str:
    return Template(template).substitute(_current.roles())


def style(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` with ``$role`` names filled from the theme in
    use, and again whenever the theme changes (an empty template clears it)."""
    widget.setProperty(_SHEET, template)
    widget.setStyleSheet(_render(template))


def text_colour(widget: QWidget, role: str) -> None:
    """Draw ``widget``'s text (its palette's window text) in ``role``'s colour, now and in every
    theme chosen later."""
    widget.setProperty(_TEXT_ROLE, role)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(getattr(_current, role)))
    widget.setPalette(palette)


class _Notifier(QObject):
    changed = Signal(str)


_notifier = _Notifier()


def notifier() -> _Notifier:
    """Emits ``changed(theme name)`` after a new theme is applied."""
    return _notifier


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Use ``theme`` at once: the application palette, the focus style sheet and every widget
    styled through :func:`style` or :func:`text_colour`."""
    global _current
    old_sheet = focus_style_sheet(_current)
    _current = theme
    app.setPalette(theme.palette(app.style()))
    sheet = app.styleSheet().replace(old_sheet, "").strip()
    app.setStyleSheet((sheet + "\n" + focus_style_sheet(theme)).strip())
    for widget in app.allWidgets():
        template = widget.property(_SHEET)
        if isinstance(template, str):
            widget.setStyleSheet(_render(template))
        role = widget.property(_TEXT_ROLE)
        if isinstance(role, str):
            text_colour(widget, role)
        widget.update()
    _notifier.changed.emit(theme.name)


def theme_for(choice: str, preference: Qt.ContrastPreference) -> Theme:
    """The theme for the officer's ``choice`` (:data:`CHOICES`) when the system asks for
    ``preference`` (Qt's ``styleHints().accessibility().contrastPreference()``)."""
    if choice == HIGH_CONTRAST or (choice not in (STANDARD, HIGH_CONTRAST)
                                   and preference == Qt.ContrastPreference.HighContrast):
        return HIGH_CONTRAST_THEME
    return STANDARD_THEME


def system_preference() -> Qt.ContrastPreference:
    """The contrast the desktop asks for (Windows' and GNOME's high contrast setting, through Qt)."""
    hints = QGuiApplication.styleHints()  # held: PySide6 6.11 drops the accessibility hints' wrapper
    return hints.accessibility().contrastPreference()  # with a temporary style hints' (already deleted)


def apply_choice(app: QApplication, choice: str) -> Theme:
    """Apply the theme of ``choice`` (the system's preference read now) if it is not in use yet."""
    theme = theme_for(choice, system_preference())
    if theme is not _current:
        apply_theme(app, theme)
    return theme


_following: list[QObject] = []  # the style hints and their accessibility hints, once connected


def follow_preference(app: QApplication) -> None:
    """Apply the officer's colour choice (:func:`brugdesk.ui.prefs.colours`) now, and again
    whenever the system's contrast preference changes while brugdesk runs."""
    apply_choice(app, prefs.colours())
    if not _following:
        hints = QGuiApplication.styleHints()
        accessibility = hints.accessibility()
        accessibility.contrastPreferenceChanged.connect(lambda _preference: apply_choice(app, prefs.colours()))
        _following.extend((hints, accessibility))
