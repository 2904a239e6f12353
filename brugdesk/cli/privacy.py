"""The privacy subcommands of ``brugdesk``: backup, restore, export-family, new-recovery-key and
purge. Errors are one line on stderr (handled by :func:`brugdesk.cli.main`)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from brugdesk.cli.common import EXIT_OK, UsageError, open_vault, say, secret_options, unlock_secret, vault_dir
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _


def cmd_backup(args: argparse.Namespace) -> int:
    from brugdesk.privacy import backups

    vault = open_vault(args)
    try:
        if args.to:
            info = backups.backup_to_folder(vault, Path(args.to).expanduser())
        else:
            info = backups.make_backup(vault, tag="manual")
    finally:
        vault.close()
    say(_(N_("Backup made and verified: {path}")).format(path=info.path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from brugdesk.privacy import backups

    directory = vault_dir(args)
    secret = unlock_secret(args)
    aside = backups.restore_with_secret(directory, Path(args.source).expanduser(),
                                        passphrase=secret.get("passphrase"), recovery_key=secret.get("recovery_key"))
    say(_(N_("Backup restored. The replaced database was kept as {path}.")).format(path=aside))
    return EXIT_OK


def cmd_export_family(args: argparse.Namespace) -> int:
    from brugdesk.privacy import inspection

    target = Path(args.pdf).expanduser()
    if not target.parent.is_dir():
        raise UsageError(_(N_("The folder for the PDF does not exist.")))
    vault = open_vault(args)
    try:
        try:
            family_id = inspection.family_id_for_ref(vault, args.family)
        except NotFound:
            raise UsageError(_(N_("There is no family with that reference code."))) from None
        inspection.export_family(vault, family_id, target)
    finally:
        vault.close()
    say(_(N_("Inspection export written to {path}.")).format(path=target))
    return EXIT_OK


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    from brugdesk.privacy import backups

    secret = unlock_secret(args)
    if "passphrase" not in secret:
        raise UsageError(_(N_("A new recovery key needs the passphrase (not the recovery key).")))
    vault = open_vault(args)
    try:
        key = backups.new_recovery_key(vault, secret["passphrase"])
    finally:
        vault.close()
    say(_(N_("New recovery key (shown once; print it or write it down and keep it somewhere safe):")))
    say(key)
    if args.recovery_sheet:
        from brugdesk.keys.sheet import write_recovery_sheet

        write_recovery_sheet(Path(args.recovery_sheet), key)
        say(_(N_("Recovery sheet written to {path}.")).format(path=args.recovery_sheet))
    say(_(N_("The old recovery key no longer opens this vault. Backups on other disks or USB sticks "
              "still open with the old key only.")))
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from brugdesk.privacy import retention

    if not args.dry_run and not args.yes:
        raise UsageError(_(N_("Add --dry-run to see which families are past their retention term, "
                              "or --yes to delete them.")))
    today = dt.date.today()
    vault = open_vault(args)
    try:
        due = retention.families_past_retention(vault, today)
        if args.dry_run:
            say(_(N_("{n} families are past their retention term.")).format(n=len(due)))
            for c in due:
                say(_(N_("{ref}: closed on {closed}, term ended on {due}")).format(
                    ref=c.ref, closed=c.closed_date.strftime("%d-%m-%Y"), due=c.due_date.strftime("%d-%m-%Y")))
            return EXIT_OK
        removed = retention.purge(vault, [c.id for c in due], today=today)
    finally:
        vault.close()
    say(_(N_("{n} families deleted.")).format(n=removed))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("backup", help="make a verified backup (in the vault, or --to a folder or USB stick)")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--to", metavar="DIR", help="folder (e.g. a USB stick) for the backup")
    secret_options(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the vault's database by a verified backup")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--from", dest="source", metavar="FILE", required=True)
    secret_options(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("export-family", help="inspection export (AVG art. 15) of one family as a PDF")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--family", metavar="REF", required=True)
    p.add_argument("--pdf", metavar="FILE", required=True)
    secret_options(p)
    p.set_defaults(handler=cmd_export_family)

    p = sub.add_parser("new-recovery-key", help="rotate the data key and show a new recovery key once")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--recovery-sheet", metavar="FILE.pdf")
    secret_options(p)
    p.set_defaults(handler=cmd_new_recovery_key)

    p = sub.add_parser("purge", help="delete the families past their retention term")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--dry-run", action="store_true", help="only list them")
    p.add_argument("--yes", action="store_true", help="delete them without asking")
    secret_options(p)
    p.set_defaults(handler=cmd_purge)
