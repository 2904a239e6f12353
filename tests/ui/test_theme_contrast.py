"""WCAG contrast of every colour pair of both themes (brugdesk.ui.theme), computed from the theme
objects and the palettes the app applies: in the standard theme text 4.5:1 (WCAG AA), in the
high-contrast theme 7:1 (AAA); the focus ring, outlines, selection and other marks 3:1 in both
(WCAG 1.4.11)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from brugdesk.ui import a11y, theme
from tests.a11y.harness import contrast

Role = QPalette.ColorRole
THEMES = [theme.STANDARD_THEME, theme.HIGH_CONTRAST_THEME]
TEXT_MINIMUM = {theme.STANDARD: 4.5, theme.HIGH_CONTRAST: 7.0}


def rgb(colour: QColor | str) -> tuple[int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


def backgrounds(t: theme.Theme, palette: QPalette) -> dict[str, QColor]:
    return {"window": palette.color(Role.Window), "base": palette.color(Role.Base),
            "alternate_base": palette.color(Role.AlternateBase), "button": palette.color(Role.Button)}


def text_pairs(t: theme.Theme, palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) of every text the app draws in a theme colour."""
    p = palette.color
    bg = backgrounds(t, palette)
    pairs = [
        ("window text on window", p(Role.WindowText), bg["window"]),
        ("text on base", p(Role.Text), bg["base"]),
        ("text on alternate rows", p(Role.Text), bg["alternate_base"]),
        ("button text on button", p(Role.ButtonText), bg["button"]),
        ("selected row", p(Role.HighlightedText), p(Role.Highlight)),
        ("placeholder in a field", p(Role.PlaceholderText), bg["base"]),
        ("link", p(Role.Link), bg["window"]),
        ("tool tip", p(Role.ToolTipText), p(Role.ToolTipBase)),
        ("text on Overzicht's numbers panel", p(Role.WindowText), QColor(t.panel_bg)),
        ("recovery key", p(Role.WindowText), QColor(t.key_bg)),
        ("'not anonymous' mark", QColor(t.warning_text), QColor(t.warning_bg)),
        ("navigation", QColor(t.nav_text), QColor(t.nav_bg)),
        ("current page in the navigation", QColor(t.nav_selected_text), QColor(t.nav_selected_bg)),
    ]
    for role, on in (("hint", "window"), ("hint", "base"), ("hint", "alternate_base"),
                     ("error", "window"), ("error", "base"), ("error", "alternate_base"),
                     ("form_error", "window")):
        pairs.append((f"{role} on {on}", QColor(getattr(t, role)), bg[on]))
    pairs += [("the report page's message", QColor(t.report_error), bg["window"]),
              ("a closed family", QColor(t.closed_text), bg["base"]),
              ("a closed family on an alternate row", QColor(t.closed_text), bg["alternate_base"])]
    if t.disabled_text:  # WCAG exempts disabled controls; the high-contrast theme keeps them readable
        pairs.append(("disabled text", palette.color(QPalette.ColorGroup.Disabled, Role.Text), bg["base"]))
    return pairs


def mark_pairs(t: theme.Theme, palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, mark, what it is drawn on) of the non-text marks (WCAG 1.4.11: 3:1)."""
    pairs = [(f"focus ring on {name}", QColor(t.focus_ring), colour)
             for name, colour in backgrounds(t, palette).items()]
    pairs += [
        ("focus ring on a selected cell", QColor(t.ring_on_selection), palette.color(Role.Highlight)),
        ("focus ring of the navigation", QColor(t.nav_marker), QColor(t.nav_bg)),
        ("focus ring in the PDF preview", QColor(t.focus_ring), QColor(t.preview_bg)),
        ("selected row against the others", palette.color(Role.Highlight), palette.color(Role.Base)),
        ("selected row against alternate rows", palette.color(Role.Highlight), palette.color(Role.AlternateBase)),
    ]
    pairs += [(f"passphrase meter {score}", QColor(c), palette.color(Role.Window))
              for score, c in enumerate(t.strength)]
    if t.outline:
        pairs += [(f"control outline on {name}", QColor(t.outline), colour)
                  for name, colour in backgrounds(t, palette).items()]
        pairs.append(("'not anonymous' mark's border", QColor(t.warning_border), palette.color(Role.Window)))
        pairs.append(("the recovery key's border", QColor(t.key_border), palette.color(Role.Window)))
        pairs.append(("the current page's bar", QColor(t.nav_marker), QColor(t.nav_bg)))
        pairs.append(("the current page against the others", QColor(t.nav_selected_bg), QColor(t.nav_bg)))
    return pairs


@pytest.fixture(params=THEMES, ids=lambda t: t.name)
def themed(request: pytest.FixtureRequest, qapp) -> tuple[theme.Theme, QPalette]:
    t = request.param
    return t, t.palette(a11y.AccessibleStyle("Fusion"))


def test_every_text_colour_reaches_its_minimum(themed) -> None:
    t, palette = themed
    low = []
    for what, fg, bg in text_pairs(t, palette):
        ratio = contrast(rgb(fg), rgb(bg))
        print(f"{t.name}: {what}: {fg.name()} on {bg.name()} {ratio:.2f}:1")
        if ratio < TEXT_MINIMUM[t.name]:
            low.append(f"{what}: {fg.name()} on {bg.name()} is {ratio:.2f}:1")
    assert low == []


def test_every_mark_reaches_3(themed) -> None:
    t, palette = themed
    low = []
    for what, fg, bg in mark_pairs(t, palette):
        ratio = contrast(rgb(fg), rgb(bg))
        print(f"{t.name}: {what}: {fg.name()} on {bg.name()} {ratio:.2f}:1")
        if ratio < 3.0:
            low.append(f"{what}: {fg.name()} on {bg.name()} is {ratio:.2f}:1")
    assert low == []
