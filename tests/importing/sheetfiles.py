"""Real spreadsheet files for the import tests: .xlsx written with openpyxl, .ods written as the
OpenDocument zip LibreOffice writes (mimetype, manifest, content.xml), .csv as Dutch Excel saves it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

Row = list[object]


def write_xlsx(path: Path, sheets: dict[str, list[Row]], *, merged: dict[str, list[str]] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = name
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


def write_ods(path: Path, rows: list[Row], sheet: str = "Blad1") -> Path:
    def cell(value: object) -> str:
        if value is None or value == "":
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                    f"<text:p>{value:%d-%m-%Y}</text:p></table:table-cell>")
        if isinstance(value, int):
            return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                    "</table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
                "</table:table-cell>")

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "cp1252", bom: bool = False,
              separator: str = ";") -> Path:
    text = "\r\n".join(separator.join(cells) for cells in rows) + "\r\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


#: a caseload as officers keep it: a title row, then one row per child; siblings share the family key
HEADER = ["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "Groep", "School", "Startdatum", "Thema", "Telefoon",
          "Ouder"]
CASELOAD: list[Row] = [
    ["Mijn gezinnen 2025-2026"],
    [],
    HEADER,
    [1, "Jansen", "Milan", 2016, "5", "De Regenboog", dt.date(2025, 9, 3), "Opvoeding", "06-12345678", "Sandra"],
    [1, "Jansen", "Sara", 2018, "3", "De Regenboog", dt.date(2025, 9, 3), "Opvoeding", "06-12345678", "Sandra"],
    [2, "Yılmaz", "Emre", 2015, "6", "De Regenboog", "12-10-2025", "Geldzorgen, Wonen", "", "Ayşe"],
    [3, "de Vries", "Noor", 2017, "4", "Onbekende school", "1-11-2025", "", "", ""],
]
