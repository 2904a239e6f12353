"""``brugdesk import``: families or contact moments from a spreadsheet, the same engine as the app's
import wizard (:mod:`brugdesk.importing`).

    brugdesk import --vault DIR --file F [--sheet NAME] [--mapping M.json] [--kind families|contacts]
                    [--merge-duplicates] [--save-mapping M.json] [--dry-run]
    brugdesk import --vault DIR --undo          # undo the latest import as a whole
    brugdesk import --template F.xlsx           # an empty spreadsheet with the expected columns

``--dry-run`` prints the problems per row and the counts and writes nothing. Without it the rows
without an error are written as one batch (rows with an error are left out and listed); families
already in the vault are skipped unless ``--merge-duplicates``. A file that cannot be read, or a
sheet without the columns an import needs, is one line on stderr, exit 1, nothing written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from brugdesk.cli.common import EXIT_ERROR, EXIT_OK, UsageError, open_vault, say, secret_options
from brugdesk.i18n import N_, _

__all__ = ["cmd_import", "register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("import", help="import families or contacts from a spreadsheet (.xlsx, .xls, .ods, "
                                      ".csv)")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--file", metavar="FILE", help="the spreadsheet to import")
    what.add_argument("--undo", action="store_true", help="undo the latest import as a whole")
    what.add_argument("--template", metavar="FILE", help="write an empty .xlsx with the expected columns")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to import (default: the first)")
    p.add_argument("--mapping", metavar="FILE", help="a saved column mapping (JSON)")
    p.add_argument("--save-mapping", metavar="FILE", help="save the column mapping used (JSON)")
    p.add_argument("--kind", choices=("families", "contacts"), help="what the rows are (default: from the headers)")
    p.add_argument("--merge-duplicates", action="store_true",
                   help="add the new members of families already in the vault (default: skip those families)")
    p.add_argument("--dry-run", action="store_true", help="show the problems per row and the counts; write nothing")
    secret_options(p)
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    if args.template:
        from brugdesk.importing import save_template

        path = save_template(Path(args.template).expanduser())
        say(_(N_("Template saved: {path}")).format(path=path))
        return EXIT_OK
    if args.undo:
        return _undo(args)
    return _import(args)


def _undo(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        batch = vault.repo.imports.undo_last()
    finally:
        vault.close()
    say(_(N_("The import of {date} was undone: {families} families, {members} members and {contacts} contacts "
             "removed.")).format(date=f"{batch.day:%d-%m-%Y}", families=batch.families,
                                         members=batch.members, contacts=batch.contacts))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from brugdesk import fsutil
    from brugdesk.importing import DuplicateChoice, ImportKind, Mapping, Severity, SheetError, Workbook, commit, preview

    source = Path(args.file).expanduser()
    sheet = Workbook(source).sheet(args.sheet)
    if args.mapping:
        try:
            text = Path(args.mapping).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UsageError(_(N_("The mapping file {name} cannot be read.")).format(
                name=Path(args.mapping).name)) from None
        mapping = Mapping.from_json(text, sheet)
        if args.kind and ImportKind(args.kind) != mapping.kind:
            raise UsageError(_(N_("The mapping file is for another kind of import.")))
    else:
        mapping = Mapping.suggested(sheet, ImportKind(args.kind) if args.kind else None)
    vault = open_vault(args)
    try:
        prev = preview(sheet, mapping, vault.repo)
        if args.merge_duplicates:
            prev.set_all_choices(DuplicateChoice.MERGE)
        if args.save_mapping:
            fsutil.write_atomic(Path(args.save_mapping).expanduser(), mapping.to_json(prev.headers).encode("utf-8"))
        for problem in prev.problems:
            print("brugdesk: " + problem)
        for row in prev.rows:
            for p in row.problems:
                mark = _(N_("error")) if p.severity == Severity.ERROR else _(N_("warning"))
                say(_(N_("row {n} ({mark}): {message}")).format(n=row.number, mark=mark, message=p.message))
        counts = prev.counts()
        say(_(N_("{rows} rows read: {ok} without an error, {bad} with an error (left out), {warnings} "
                 "warnings.")).format(rows=counts.rows, ok=counts.rows_ok, bad=counts.rows_with_errors,
                                      warnings=counts.warnings))
        if prev.kind == ImportKind.FAMILIES:
            say(_(N_("New families: {families} with {members} members; already in the vault: {duplicates} "
                     "({merged} to merge, the others skipped).")).format(
                families=counts.families, members=counts.members, duplicates=counts.duplicates,
                merged=counts.merged))
        else:
            say(_(N_("Contacts: {contacts}.")).format(contacts=counts.contacts))
        if prev.blocked:
            return EXIT_ERROR
        if args.dry_run:
            say(_(N_("Dry run: nothing was saved.")))
            return EXIT_OK
        if counts.families + counts.merged + counts.contacts == 0:
            raise SheetError(_(N_("Nothing to import: no row without an error.")))
        batch = commit(prev, vault.repo)
    finally:
        vault.close()
    say(_(N_("Imported as one batch: {families} new families, {members} members, {contacts} contacts. "
             "Undo it with: brugdesk import --undo")).format(families=batch.families, members=batch.members,
                                                             contacts=batch.contacts))
    say(_(N_("The spreadsheet {name} still holds the data unencrypted: delete it when you no longer need it.")).format(
        name=source.name))
    return EXIT_OK
