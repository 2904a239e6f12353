"""The report PDF's palette, its number formatting and its bar charts (reportlab graphics)."""

from __future__ import annotations

import re

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from brugdesk.pdfbase import FONT, MARGIN, PAGE
from brugdesk.reports.report import Chart

INK = colors.HexColor("#23313b")
MUTED = colors.HexColor("#5f6f7a")
PRIMARY = colors.HexColor("#2f5d7c")
ACCENT = colors.HexColor("#7fb3ae")
PALE = colors.HexColor("#eef3f6")
LINE = colors.HexColor("#c9d5dd")
NOTICE = colors.HexColor("#fdf4e3")
NOTICE_LINE = colors.HexColor("#e0b764")

WIDTH = PAGE[0] - 2 * MARGIN


def pretty(text: str, lang: str) -> str:
    """Group thousands in a printed number (``24953`` -> ``24.953`` in Dutch); other text unchanged."""
    m = re.fullmatch(r"([+−-]?)(\d+)([.,]\d+)?(%?)", text)
    if not m or len(m.group(2)) < 4:
        return text
    sep = "." if lang == "nl" else ","
    digits = m.group(2)
    grouped = ""
    while len(digits) > 3:
        grouped = sep + digits[-3:] + grouped
        digits = digits[:-3]
    return f"{m.group(1)}{digits}{grouped}{m.group(3) or ''}{m.group(4)}"


def bar_chart(chart: Chart, lang: str, height: float = 62 * mm) -> Drawing:
    values = list(chart.values)
    top = max(values, default=0) or 1
    if chart.horizontal:
        n = len(values)
        row = min(5.2 * mm, 160 * mm / max(n, 1))  # long custom lists get thinner bars, never a 2nd page
        height = max(24 * mm, n * row + 4 * mm)
        d = Drawing(WIDTH, height)
        bc = HorizontalBarChart()
        bc.x, bc.y = 62 * mm, 2 * mm
        bc.width, bc.height = WIDTH - 62 * mm - 14 * mm, height - 4 * mm
        # first category on top
        bc.data = [list(reversed(values))]
        bc.categoryAxis.categoryNames = list(reversed(chart.labels))
        labels = [list(reversed([pretty(x, lang) for x in chart.texts]))]
        bc.categoryAxis.labels.boxAnchor = "e"
        bc.categoryAxis.labels.dx = -3
    else:
        d = Drawing(WIDTH, height)
        bc = VerticalBarChart()
        bc.x, bc.y = 12 * mm, 12 * mm
        bc.width, bc.height = min(WIDTH - 16 * mm, len(values) * 16 * mm), height - 20 * mm
        bc.data = [values]
        step = -(-len(values) // 24)  # a long span: name every step-th month, no value labels
        bc.categoryAxis.categoryNames = [name if i % step == 0 else "" for i, name in enumerate(chart.labels)]
        labels = [[pretty(x, lang) if step == 1 else "" for x in chart.texts]]
        bc.categoryAxis.labels.boxAnchor = "n"
        bc.categoryAxis.labels.dy = -3
        if len(values) > 8:
            bc.categoryAxis.labels.angle = 30
            bc.categoryAxis.labels.boxAnchor = "ne"
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = top * 1.15
    bc.valueAxis.visible = False
    bc.valueAxis.visibleGrid = False
    bc.categoryAxis.strokeColor = LINE
    bc.categoryAxis.visibleTicks = False
    bc.categoryAxis.labels.fontName = FONT
    bc.categoryAxis.labels.fontSize = 7.5 if len(values) <= 30 else 5.5
    bc.categoryAxis.labels.fillColor = INK
    bc.bars[0].fillColor = ACCENT
    bc.bars[0].strokeColor = None
    bc.barSpacing = 1
    bc.groupSpacing = 4 if chart.horizontal else 6
    bc.barLabelFormat = "values"
    bc.barLabelArray = labels
    bc.barLabels.fontName = FONT
    bc.barLabels.fontSize = 7
    bc.barLabels.fillColor = MUTED
    if chart.horizontal:
        bc.barLabels.boxAnchor = "w"
        bc.barLabels.dx = 3
    else:
        bc.barLabels.boxAnchor = "s"
        bc.barLabels.dy = 2
    d.add(bc)
    return d
