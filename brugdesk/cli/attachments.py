"""``brugdesk attachment``: the files kept inside the vault (bijlagen) from the command line.

    brugdesk attachment --vault DIR --family REF                 # list the family's attachments
    brugdesk attachment --vault DIR --family REF --add FILE [--referral ID | --contact ID]
    brugdesk attachment --vault DIR --family REF --save ID --to FILE   # a copy, not encrypted
    brugdesk attachment --vault DIR --family REF --delete ID

A file over 25 MB or of a kind brugdesk does not keep is one line, exit 1, nothing stored.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from brugdesk import i18n
from brugdesk.cli.common import EXIT_OK, UsageError, open_vault, say, secret_options
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _

__all__ = ["cmd_attachment", "register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("attachment", help="list, add, save a copy of or delete a family's attachments")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--family", metavar="REF", required=True)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", metavar="FILE", help="keep this file in the vault")
    what.add_argument("--save", metavar="ID", type=int, help="save a copy of this attachment (with --to)")
    what.add_argument("--delete", metavar="ID", type=int, help="delete this attachment")
    p.add_argument("--to", metavar="FILE", help="where --save writes the copy")
    owner = p.add_mutually_exclusive_group()
    owner.add_argument("--referral", metavar="ID", type=int, help="with --add: on this referral of the family")
    owner.add_argument("--contact", metavar="ID", type=int, help="with --add: on this contact of the family")
    secret_options(p)
    p.set_defaults(handler=cmd_attachment)


def _size(size: int) -> str:
    return f"{i18n.decimal(size / 1024 / 1024)} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} kB"


def cmd_attachment(args: argparse.Namespace) -> int:
    if args.save is not None and not args.to:
        raise UsageError(_(N_("--save needs --to FILE: where to write the copy.")))
    source = Path(args.add).expanduser() if args.add else None
    if source is not None and not source.is_file():
        raise UsageError(_(N_("The file {name} does not exist.")).format(name=source.name))
    from brugdesk.store.repo.attachments import EXPORT_WARNING

    vault = open_vault(args)
    try:
        try:
            family = vault.repo.families.by_ref(args.family)
        except NotFound:
            raise UsageError(_(N_("There is no family with that reference."))) from None
        assert family.id is not None
        repo = vault.repo.attachments
        own = {a.id for a in repo.list(family.id)}
        if source is not None:
            with source.open("rb") as fh:
                added = repo.add(family.id, source.name, fh, referral_id=args.referral, contact_id=args.contact)
            say(_(N_("Attachment {id} kept in the vault ({size}). The original file is still where it was: delete "
                     "it when you no longer need it.")).format(id=added.id, size=_size(added.size)))
            return EXIT_OK
        for attachment_id in (args.save, args.delete):
            if attachment_id is not None and attachment_id not in own:
                raise UsageError(_(N_("This family has no attachment {id}.")).format(id=attachment_id))
        if args.save is not None:
            target = repo.export(args.save, Path(args.to).expanduser())
            say(_(N_("Copy saved: {path}")).format(path=target))
            say(_(EXPORT_WARNING))
            return EXIT_OK
        if args.delete is not None:
            repo.delete(args.delete)
            say(_(N_("Attachment {id} deleted.")).format(id=args.delete))
            return EXIT_OK
        for a in repo.list(family.id):
            on = (_(N_("referral {id}")).format(id=a.referral_id) if a.referral_id is not None else
                  _(N_("contact {id}")).format(id=a.contact_id) if a.contact_id is not None else _(N_("family")))
            when = f"{a.added_at:%d-%m-%Y}" if a.added_at else ""
            say(f"{a.id}\t{when}\t{_size(a.size)}\t{on}\t{a.name}")
    finally:
        vault.close()
    return EXIT_OK
