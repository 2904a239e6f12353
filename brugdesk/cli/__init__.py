"""The ``brugdesk`` command: the parser, and :func:`main`, which turns every outcome into an exit code.

Subcommands live beside this module, one module per area: :mod:`~brugdesk.cli.vault` (init,
demo, check, passwd, opening the app), :mod:`~brugdesk.cli.report` (report) and
:mod:`~brugdesk.cli.privacy` (backup, restore, export-family, new-recovery-key, purge),
:mod:`~brugdesk.cli.imports` (import from a spreadsheet), :mod:`~brugdesk.cli.attachments`; shared
helpers in :mod:`~brugdesk.cli.common`. Exit codes: 0 ok, 1 error, 2 usage, 3 cannot unlock,
4 integrity failure. Errors are one clear line on stderr, never a traceback. No domain package
imports this one; it imports Qt only when the bare command opens the app.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from brugdesk import __version__
from brugdesk.cli import attachments, imports, privacy, report, vault
from brugdesk.cli.common import (
    EXIT_ERROR,
    EXIT_USAGE,
    UsageError,
    check_arguments,
    default_vault_dir,
    exit_code,
)
from brugdesk.core.validation import ValidationError
from brugdesk.errors import VaultError, classify
from brugdesk.i18n import N_, _, set_language
from brugdesk.platform.console import prepare_streams
from brugdesk.platform.hardening import harden_process

__all__ = ["build_parser", "default_vault_dir", "gui_main", "main"]

log = logging.getLogger("brugdesk")

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"brugdesk: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brugdesk", description="brugdesk: het dossier van de brugfunctionaris")
    parser.add_argument("--version", action="version", version=f"brugdesk {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="the vault folder")
    parser.add_argument("--selftest", action="store_true", help="check this installation and exit")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of messages (default nl)")
    parser.set_defaults(handler=vault.cmd_gui)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    vault.register(sub)
    report.register(sub)
    privacy.register(sub)
    imports.register(sub)
    attachments.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command (the app without one); returns the exit code. The entry point of every
    brugdesk process: the process is hardened (:mod:`brugdesk.platform.hardening`) before anything else."""
    harden_process()
    prepare_streams()
    os.umask(0o077)
    logging.basicConfig(level=logging.WARNING, format="brugdesk: %(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    handler: Handler = vault.cmd_selftest if args.selftest else args.handler
    try:
        check_arguments(args)
        return handler(args)
    except UsageError as exc:
        print(f"brugdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        print(f"brugdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except VaultError as exc:
        print(f"brugdesk: {exc.text()}", file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print(f"brugdesk: {_(N_('interrupted'))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, no personal data (only the exception type)
        known = classify(exc)
        if known is not None:
            print(f"brugdesk: {known.text()}", file=sys.stderr)
            return exit_code(known)
        print(_(N_("brugdesk: unexpected error ({kind}); nothing was changed that was not saved. "
                   "Please report it.")).format(kind=type(exc).__name__), file=sys.stderr)
        return EXIT_ERROR


def gui_main() -> int:
    return main([])
