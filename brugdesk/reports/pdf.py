"""The report as an A4 PDF (reportlab platypus), from a :class:`ProtectedReport` only.

It prints what the protected model holds and nothing else: no names, no reference codes,
no dates finer than a month; the PDF metadata is generic (:func:`brugdesk.pdfbase.doc_metadata`).
DejaVu Sans is embedded; page numbers read "pagina X van Y"; tables repeat their header
row; charts are drawn with ``reportlab.graphics``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from brugdesk.fsutil import write_atomic
from brugdesk.i18n import N_, _
from brugdesk.pdfbase import FONT, FONT_BOLD_NAME, MARGIN, PAGE, doc_metadata, register_fonts
from brugdesk.reports.pdf_parts import (
    ACCENT,
    INK,
    LINE,
    MUTED,
    NOTICE,
    NOTICE_LINE,
    PALE,
    PRIMARY,
    WIDTH,
    bar_chart,
    pretty,
)
from brugdesk.reports.report import Chart, ProtectedReport, ReportTable, Section

__all__ = ["pretty", "render_pdf", "write_pdf"]

def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK, alignment=TA_LEFT)
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED, fontSize=9, leading=12.5),
        "small": ParagraphStyle("small", parent=base, textColor=MUTED, fontSize=8, leading=10.5),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD_NAME, fontSize=20, leading=25,
                             textColor=colors.white),
        "cover": ParagraphStyle("cover", parent=base, fontSize=11, leading=15, textColor=colors.white),
        "cover_small": ParagraphStyle("cover_small", parent=base, fontSize=9, leading=12,
                                      textColor=colors.HexColor("#dce8ee")),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD_NAME, fontSize=14, leading=18,
                             textColor=PRIMARY, spaceBefore=4, spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=base, fontName=FONT_BOLD_NAME, fontSize=10.5, leading=14,
                             textColor=INK, spaceBefore=6, spaceAfter=3),
        "explain": ParagraphStyle("explain", parent=base, fontSize=8.6, leading=11.6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD_NAME, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD_NAME, fontSize=8, leading=10,
                               textColor=colors.white),
        "head_r": ParagraphStyle("head_r", parent=base, fontName=FONT_BOLD_NAME, fontSize=8, leading=10,
                                 textColor=colors.white, alignment=2),
        "head_r_small": ParagraphStyle("head_r_small", parent=base, fontName=FONT_BOLD_NAME, fontSize=7, leading=8.5,
                                       textColor=colors.white, alignment=2),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Draws "pagina X van Y" once the page count is known (two-pass over saved page states)."""

    footer_left = ""
    footer_fmt = "{page} / {pages}"
    footer_code = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's API
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        self.saveState()
        self.setStrokeColor(LINE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 14 * mm, PAGE[0] - MARGIN, 14 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, 9.5 * mm, self.footer_left)
        self.drawRightString(PAGE[0] - MARGIN, 9.5 * mm,
                             self.footer_fmt.format(page=self._pageNumber, pages=total))
        if self.footer_code:  # the audit log's check code (issue 12, item 17), a line of its own
            self.setFont(FONT, 6.5)
            self.drawString(MARGIN, 6 * mm, self.footer_code)
        self.restoreState()


def _canvas_class(left: str, fmt: str, code: str = "") -> type[_NumberedCanvas]:
    return type("ReportCanvas", (_NumberedCanvas,), {"footer_left": left, "footer_fmt": fmt, "footer_code": code})


# ------------------------------------------------------------------------ pieces
FRAME_HEIGHT: float = float(PAGE[1] - MARGIN - 20 * mm)  # top margin and the footer's bottom margin
#: "half a page" for the layout rules, a little less than half, so that the spacing around tables
#: never tips a page under half full
HALF = 0.45 * FRAME_HEIGHT
#: the smallest scale the first page is shrunk to so that it stays one page
MIN_SHRINK = 0.75


def _height(flowables: list[Flowable]) -> float:
    """The height ``flowables`` take on a page of the report."""
    total = 0.0
    for f in flowables:
        total += float(f.wrap(WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter())
    return total


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Free text as paragraphs: a blank line starts a new one, a line break stays a line break."""
    out: list[Flowable] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if block.strip():
            out.append(Paragraph("<br/>".join(_esc(line) for line in block.strip().splitlines()), style))
    return out


def _cover(report: ProtectedReport, st: dict[str, ParagraphStyle], t: Any) -> Flowable:
    lines: list[Flowable] = [
        Paragraph(_esc(report.title), st["h1"]),
        Spacer(1, 1.5 * mm),
        Paragraph(_esc(report.period_text), st["cover"]),
    ]
    if report.cut_text:
        lines.append(Paragraph("<b>" + _esc(_capital(report.cut_text)) + "</b> \u00b7 " + _esc(
            t(N_("the period is still running"))), st["cover"]))
    if not report.exportable:
        lines.append(Paragraph("<b>" + _esc(t(N_("Only for yourself \u2014 not for sharing"))) + "</b>", st["cover"]))
    lines += [
        Paragraph(_esc(report.schools_text), st["cover"]),
        Spacer(1, 1.5 * mm),
        Paragraph(_esc(t(N_("Made with brugdesk in {month}. Small numbers: \u201c<{k}\u201d; every number may "
                            "differ from the true count by at most {d}.")).format(
            month=report.generated, k=report.k, d=report.d)), st["cover_small"]),
    ]
    box = Table([[lines]], colWidths=[WIDTH], splitInRow=1)  # long free text (a school name) may split
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), PRIMARY),
        ("LEFTPADDING", (0, 0), (-1, -1), 8 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5.5 * mm),
        ("LINEBELOW", (0, 0), (-1, -1), 3, ACCENT),
    ]))
    return box


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _box(content: list[Flowable], background: Any, line: Any) -> Flowable:
    box = Table([[content]], colWidths=[WIDTH], splitInRow=1)  # long free text may split
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("BOX", (0, 0), (-1, -1), 0.8, line),
        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return box


def _notice(text: str, st: dict[str, ParagraphStyle]) -> Flowable:
    return _box([Paragraph(_esc(text), st["body"])], NOTICE, NOTICE_LINE)


def _arrow(diff: str) -> str:
    if diff.startswith("+"):
        return "\u25b2 " + diff
    if diff.startswith("−"):
        return "\u25bc " + diff
    return diff


def _key_figures(report: ProtectedReport, st: dict[str, ParagraphStyle], t: Any) -> Flowable:
    lang = report.language
    earlier = t(N_("A year earlier")) if report.comparison_text else t(N_("Previous period"))
    head = [Paragraph(_esc(t(N_("Key figures"))), st["head"]),
            Paragraph(_esc(t(N_("This period"))), st["head_r"]),
            Paragraph(_esc(earlier), st["head_r"]),
            Paragraph(_esc(t(N_("Change"))), st["head_r"])]
    data: list[list[Any]] = [head]
    bold_rows = []
    for i, f in enumerate(report.key_figures, start=1):
        label_style = st["cell"] if f.indent else st["cell_bold"]
        label = ("\u2003" if f.indent else "") + _esc(f.label)
        data.append([Paragraph(label, label_style), pretty(f.current, lang), pretty(f.previous, lang),
                     _arrow(pretty(f.difference, lang))])
        if not f.indent:
            bold_rows.append(i)
    table = Table(data, colWidths=[WIDTH * 0.46, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18], repeatRows=1,
                  splitInRow=1)
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), PRIMARY),
        ("FONT", (1, 1), (-1, -1), FONT, 9),
        ("FONT", (1, 1), (1, -1), FONT_BOLD_NAME, 9.5),
        ("TEXTCOLOR", (1, 1), (-1, -1), INK),
        ("TEXTCOLOR", (3, 1), (3, -1), MUTED),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    for i in bold_rows:
        style.append(("BACKGROUND", (0, i), (-1, i), PALE))
    table.setStyle(TableStyle(style))
    return table


def _table(tbl: ReportTable, lang: str, st: dict[str, ParagraphStyle]) -> Flowable:
    n = len(tbl.columns)
    wide = n > 4
    label_w = WIDTH * (0.40 if n <= 3 else 0.25)
    col_w = (WIDTH - label_w) / max(n, 1)
    if n <= 2:
        col_w = min(col_w, 32 * mm)
    head_style = st["head_r_small"] if wide else st["head_r"]
    head = [Paragraph(_esc(tbl.row_header), st["head"])] + [Paragraph(_esc(c.label), head_style)
                                                             for c in tbl.columns]
    data: list[list[Any]] = [head]
    totals = []
    for i, row in enumerate(tbl.rows, start=1):
        style = st["cell_bold"] if row.total else st["cell"]
        data.append([Paragraph(_esc(row.label), style)] + [pretty(v, lang) for v in row.values])
        if row.total:
            totals.append(i)
    # splitInRow: a label the officer typed (a list item, a school) taller than a page continues on the next
    table = Table(data, colWidths=[label_w] + [col_w] * n, repeatRows=1, hAlign="LEFT", splitInRow=1)
    style_cmds: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), PRIMARY),
        ("FONT", (1, 1), (-1, -1), FONT, 8.5),
        ("TEXTCOLOR", (1, 1), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (1, 0), (-1, -1), 3 if wide else 6),
    ]
    for i in range(2, len(data), 2):
        style_cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f7f9fa")))
    for i in totals:
        style_cmds += [("BACKGROUND", (0, i), (-1, i), PALE), ("FONT", (1, i), (-1, i), FONT_BOLD_NAME, 8.5),
                       ("LINEABOVE", (0, i), (-1, i), 0.8, PRIMARY)]
    table.setStyle(TableStyle(style_cmds))
    return table


def _summary_chart(report: ProtectedReport) -> Chart | None:
    """The one chart of the first page: the monthly trend, else the contacts by kind."""
    charts = {s.key: s.chart for s in report.sections if s.chart is not None}
    for key in ("months", "contacts"):
        chart = charts.get(key)
        if chart is not None and any(chart.values):
            return chart
    return None


def _legend(report: ProtectedReport, t: Any) -> str:
    return str(t(N_("\u201c<{k}\u201d means: between 1 and {k1}. \u201cx\u201d: hidden with the small number it is "
                "based on. \u201c\u2014\u201d: left out, see the line under the table. Every number may differ "
                "from the true count by at most {d}, so rows may not add up exactly. The last page explains "
                "how this report protects the families.")).format(k=report.k, k1=report.k - 1, d=report.d))


def _first_page(report: ProtectedReport, st: dict[str, ParagraphStyle], t: Any) -> list[Flowable]:
    """The one-page summary: the period, key figures with their comparison, one chart, the remarks."""
    lang = report.language
    page: list[Flowable] = [_cover(report, st, t), Spacer(1, 5 * mm)]
    if report.notice:
        page += [_notice(report.notice, st), Spacer(1, 4 * mm)]
    page.append(Paragraph(_esc(t(N_("Key figures"))), st["h2"]))
    if report.comparison_text:
        page.append(Paragraph(_esc(report.comparison_text), st["muted"]))
    elif report.previous_text:
        page.append(Paragraph(_esc(t(N_("Compared with the previous period: {period}.")).format(
            period=report.previous_text)), st["muted"]))
    page += [Spacer(1, 2 * mm), _key_figures(report, st, t), Spacer(1, 2 * mm)]
    for note in (*report.notes, *report.withheld_notes):
        page += [Paragraph(_esc(note), st["muted"]), Spacer(1, 1 * mm)]
    chart = _summary_chart(report)
    if chart is not None:
        page += [Paragraph(_esc(chart.title), st["h3"]), bar_chart(chart, lang, height=40 * mm)]
    if report.remarks.strip():
        page += [Spacer(1, 2 * mm), _box(
            [Paragraph(_esc(t(N_("Remarks by the bridge officer"))), st["h3"]),
             *_paragraphs(report.remarks, st["body"])], PALE, LINE)]
    page += [Spacer(1, 2.5 * mm), Paragraph(_esc(_legend(report, t)), st["small"])]
    # one page: a little too long (the longest toelichting beside many notes) makes the page's type a
    # little smaller; text far too long for one page (a school name of thousands of characters) runs on
    # over pages instead of shrinking to nothing
    room = FRAME_HEIGHT - 2 * mm
    height = _height(page)
    if height <= room or height > room / MIN_SHRINK:
        return page
    return [KeepInFrame(WIDTH, room, page, mode="shrink")]


def _section(section: Section, lang: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A section laid out so that no page holds only a heading and no page is left more than half
    empty: a table that fits on half a page is never split (it moves whole to the next page when it
    does not fit); a heading stays with its chart or its first table (or the first rows of a long
    one); a section starts on a new page only when it does not fit on the rest of this page and less
    than half a page is left."""
    head: list[Flowable] = [Paragraph(_esc(section.title), st["h2"])]
    if section.intro:
        head += [Paragraph(_esc(section.intro), st["muted"]), Spacer(1, 2.5 * mm)]
    chart: list[Flowable] = []
    if section.chart is not None and any(section.chart.values):
        chart = [bar_chart(section.chart, lang), Spacer(1, 2 * mm)]
    blocks: list[list[Flowable]] = []
    for i, tbl in enumerate(section.tables):
        block: list[Flowable] = []
        if len(section.tables) > 1 or i > 0:
            block.append(Paragraph(_esc(tbl.title), st["h3"]))
        block += [_table(tbl, lang, st), Spacer(1, 1.5 * mm)]
        block += [Paragraph(_esc(note), st["muted"]) for note in tbl.notes]
        block.append(Spacer(1, 2 * mm))
        blocks.append(block)
    tail: list[Flowable] = [Paragraph(_esc(note), st["muted"]) for note in section.notes]
    heights = [_height(b) for b in blocks]  # measured once (wrapping a table is not free)
    needed = min(_height(head + chart + tail) + sum(heights), HALF)
    out: list[Flowable] = [CondPageBreak(needed), Spacer(1, 4 * mm)]
    if chart:
        out.append(KeepTogether(head + chart))
    elif blocks and heights[0] <= HALF:
        out.append(KeepTogether(head + blocks.pop(0)))
        heights.pop(0)
    else:
        out += head  # a long first table: the CondPageBreak above keeps its first rows with the heading
    for block, height in zip(blocks, heights, strict=True):
        if height <= HALF:
            out.append(KeepTogether(block))
        else:  # a long table runs on over pages (its header row repeats), but starts with some rows
            out += [CondPageBreak(min(FRAME_HEIGHT / 4, height)), *block]
    return out + tail


def _explanation(report: ProtectedReport, st: dict[str, ParagraphStyle], t: Any) -> list[Flowable]:
    from brugdesk.reports.explain import explanation

    items: list[Flowable] = [Paragraph(_esc(t(N_("How this report protects the families"))), st["h2"]),
                             Spacer(1, 1 * mm)]
    for head, body in explanation(report.k, report.d, report.language):
        items += [Paragraph(f"<b>{_esc(head)}.</b> {_esc(body)}", st["explain"]), Spacer(1, 1.6 * mm)]
    # the last page: the rest of the last table page when it fits there whole, else a page of its own
    return [CondPageBreak(_height(items) + 6 * mm), Spacer(1, 5 * mm), KeepTogether(items)]


def _story(report: ProtectedReport) -> list[Flowable]:
    lang = report.language
    st = _styles()

    def t(message: str) -> str:
        return _(message, lang)

    story = _first_page(report, st, t)
    if report.sections and report.enough_families:
        story.append(PageBreak())  # the tables begin on page 2 (a short report without families flows on)
    for section in report.sections:
        story += _section(section, lang, st)
    story += _explanation(report, st, t)
    return story


def render_pdf(report: ProtectedReport, audit_code: str = "") -> bytes:
    """The report as PDF bytes (pure: no files, no database). ``audit_code``: the audit log's check
    code (:func:`brugdesk.store.audit.short_code`), printed below the footer of every page."""
    register_fonts()
    lang = report.language
    buffer = io.BytesIO()
    title = _(N_("Anonymised report"), lang)
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=20 * mm, **doc_metadata(title))
    footer = f"brugdesk \u00b7 {report.title} \u00b7 {report.period_label}"
    if report.cut_text:
        footer += f" \u00b7 {report.cut_text}"
    if not report.exportable:
        footer += " \u00b7 " + _(N_("Only for yourself \u2014 not for sharing"), lang)
    code = _(N_("audit log check code {code}"), lang).format(code=audit_code) if audit_code else ""
    doc.build(_story(report), canvasmaker=_canvas_class(footer, _(N_("page {page} of {pages}"), lang), code))
    return buffer.getvalue()


def write_pdf(report: ProtectedReport, target: Path, data: bytes | None = None, audit_code: str = "") -> None:
    """Write the PDF atomically (:func:`brugdesk.fsutil.write_atomic`); ``data``: already rendered bytes."""
    write_atomic(Path(target), render_pdf(report, audit_code) if data is None else data)

