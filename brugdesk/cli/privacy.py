"""The privacy subcommands of ``brugdesk``: backup, restore, export-family, erase-family,
new-recovery-key and purge. Errors are one line on stderr (handled by :func:`brugdesk.cli.main`)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brugdesk.cli.common import (
    EXIT_OK,
    UsageError,
    confirm,
    open_vault,
    read_passphrase_file,
    reapplied_text,
    say,
    secret_options,
    tty,
    unlock_secret,
    vault_dir,
)
from brugdesk.errors import NotFound, VaultError, VaultInUse
from brugdesk.i18n import N_, _

if TYPE_CHECKING:
    from brugdesk.privacy.retention import ErasureSummary

#: the recovery key of the *other* vault whose backup is restored with ``--other-vault``
BACKUP_RECOVERY_ENV = "BRUGDESK_BACKUP_RECOVERY_KEY"


def cmd_backup(args: argparse.Namespace) -> int:
    from brugdesk.privacy import backup_policy

    vault = open_vault(args)
    try:
        if args.to:
            info = backup_policy.backup_to_folder(vault, Path(args.to).expanduser())
        else:
            info = backup_policy.make_backup(vault, tag="manual")
    finally:
        vault.close()
    say(_(N_("Backup made and verified: {path}")).format(path=info.path))
    return EXIT_OK


def _backup_recovery_key(args: argparse.Namespace) -> str:
    """The other vault's recovery key for ``--other-vault``: a file, the environment, or the prompt
    (never the command line, where other users of the computer can read it)."""
    if args.backup_key_file:
        return read_passphrase_file(args.backup_key_file)
    if os.environ.get(BACKUP_RECOVERY_ENV):
        return os.environ[BACKUP_RECOVERY_ENV]
    if tty():
        return getpass.getpass(_(N_("Recovery key of the other vault (the one the backup comes from): ")))
    raise UsageError(_(N_("--other-vault needs that vault's recovery key: set BRUGDESK_BACKUP_RECOVERY_KEY, "
                          "use --backup-key-file FILE or type it at the prompt.")))


def cmd_restore(args: argparse.Namespace) -> int:
    from brugdesk.privacy import restore

    if args.backup_key_file and not args.other_vault:
        raise UsageError(_(N_("--backup-key-file belongs with --other-vault.")))
    directory = vault_dir(args)
    source = _backup_recovery_key(args) if args.other_vault else None
    secret = unlock_secret(args)
    result = restore.restore_with_secret(directory, Path(args.source).expanduser(),
                                         passphrase=secret.get("passphrase"), recovery_key=secret.get("recovery_key"),
                                         source_recovery_key=source, ledger_lost=args.ledger_lost)
    if result.aside is not None:
        say(_(N_("Backup restored. The replaced database was kept as {path}.")).format(path=result.aside))
    else:
        say(_(N_("Backup restored.")))
    if result.other_vault:
        say(_(N_("The backup came from another vault; it now opens with this vault's passphrase and recovery key.")))
    if result.reapplied:
        say(reapplied_text(result.reapplied))
    if result.ledger_restarted:
        say(_(N_("The list of erased families was missing or damaged and has been started anew: families erased "
                 "before today could not be erased again.")))
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
            raise UsageError(_(N_("There is no family with that reference."))) from None
        inspection.export_family(vault, family_id, target, with_attachments=args.with_attachments)
    finally:
        vault.close()
    say(_(N_("Inspection export written to {path}.")).format(path=target))
    if args.with_attachments and inspection.attachments_folder(target).is_dir():
        say(_(N_("Copies of the attachments (not encrypted): {path}")).format(
            path=inspection.attachments_folder(target)))
    return EXIT_OK


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    from brugdesk.privacy import backup_policy
    from brugdesk.store import inuse

    secret = unlock_secret(args)
    if "passphrase" not in secret:
        raise UsageError(_(N_("A new recovery key needs the passphrase (not the recovery key).")))
    directory = vault_dir(args)
    if (directory / inuse.LOCK_FILE).exists():
        with inuse.exclusive(directory):  # open elsewhere: refused before anything is written
            pass
    vault = open_vault(args)
    try:
        key = backup_policy.new_recovery_key(vault, secret["passphrase"])
    except VaultInUse:
        # opened elsewhere in the moment since the check above: the unlock was recorded in the log
        raise NoNewKey() from None
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


class NoNewKey(VaultError):
    """The vault was opened by someone else between the in-use check and the rotation."""

    message = N_("The vault is still open in brugdesk (or in another brugdesk command): no new recovery key was "
                 "made; the old one and your passphrase still work. Only the unlock was recorded in the log.")
    hint = N_("Close the app and try again.")


#: what an erasure deletes, one line per kind that the family has (one, many)
_ERASED: tuple[tuple[str, str, str], ...] = (
    ("members", N_("1 member"), N_("{n} members")),
    ("contacts", N_("1 contact with its note"), N_("{n} contacts with their notes")),
    ("referrals", N_("1 referral with its history"), N_("{n} referrals with their history")),
    ("followups", N_("1 follow-up"), N_("{n} follow-ups")),
    ("signals", N_("1 signal the family came from, with its history"),
     N_("{n} signals the family came from, with their history")),
    ("appointments", N_("1 appointment in the agenda"), N_("{n} appointments in the agenda")),
    ("audit_entries", N_("the family's details in 1 audit log entry"),
     N_("the family's details in {n} audit log entries")),
)


def erasure_lines(summary: ErasureSummary) -> list[str]:
    """What erasing the family deletes, as the app's confirmation counts it: a line per kind of
    record it has (members, contacts, referrals, follow-ups, signals, appointments, audit log
    entries), none for what it has none of."""
    lines = []
    for attr, one, many in _ERASED:
        n = int(getattr(summary, attr))
        if n:
            lines.append(_(one) if n == 1 else _(many).format(n=n))
    return lines or [_(N_("the family's own details"))]


def cmd_erase_family(args: argparse.Namespace) -> int:
    """Erasure on request (AVG art. 17), as the app's "Erase this family": the same deletion, the
    same ledger. Asks at the terminal (no is the default); without a terminal ``--yes`` is needed."""
    from brugdesk.privacy import retention
    from brugdesk.privacy.inspection import family_id_for_ref

    if not args.yes and not tty():
        raise UsageError(_(N_("Erasing a family cannot be undone: add --yes to erase it without a question "
                              "(there is no terminal to ask).")))
    vault = open_vault(args)
    try:
        try:
            family_id = family_id_for_ref(vault, args.family)
        except NotFound:
            raise UsageError(_(N_("There is no family with that reference."))) from None
        s = retention.describe_erasure(vault, family_id)
        say(_(N_("Erasing family {ref} deletes its file and everything in it:")).format(ref=s.ref))
        for line in erasure_lines(s):
            say(f"  - {line}")
        say(_(N_("Only the date and the number of erased families are kept.")))
        if not args.yes and not confirm(_(N_("Did the parents ask for this erasure, and erase family {ref} for "
                                             "good?")).format(ref=s.ref)):
            say(_(N_("Nothing was erased.")))
            return EXIT_OK
        outcome = retention.erase_family_outcome(vault, family_id)
    finally:
        vault.close()
    say(_(N_("Family {ref} was erased.")).format(ref=s.ref))
    if outcome.ledger_restarted:
        say(_(N_("The list of erased families was missing or damaged and has been started anew: families erased "
                 "before today could not be erased again.")))
    say(_(N_("Backups made before today still hold the family until they are rotated away (at most 5 weeks); "
             "restoring one erases it again. Delete copies on USB sticks yourself.")))
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
    p.add_argument("--other-vault", action="store_true",
                   help="the backup is another vault's: give that vault's recovery key (prompt, "
                        "BRUGDESK_BACKUP_RECOVERY_KEY or --backup-key-file)")
    p.add_argument("--backup-key-file", metavar="FILE", help="read the other vault's recovery key from FILE")
    p.add_argument("--ledger-lost", action="store_true",
                   help="restore although the list of erased families is missing or damaged (erased families "
                        "may come back)")
    secret_options(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("erase-family", help="erase one family for good (AVG art. 17), as the app does")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--family", metavar="REF", required=True)
    p.add_argument("--yes", action="store_true", help="erase without asking (required without a terminal)")
    secret_options(p)
    p.set_defaults(handler=cmd_erase_family)

    p = sub.add_parser("export-family", help="inspection export (AVG art. 15) of one family as a PDF")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--family", metavar="REF", required=True)
    p.add_argument("--pdf", metavar="FILE", required=True)
    p.add_argument("--with-attachments", action="store_true",
                   help="also deliver a copy of each attachment in a folder beside the PDF")
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
