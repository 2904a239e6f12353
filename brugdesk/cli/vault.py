"""The vault's own commands: ``init``, ``demo``, ``check``, ``passwd``, and opening the app (``gui``).

The desktop app is imported only by :func:`cmd_gui` (the one place the CLI reaches into
``brugdesk.ui``), so every other command runs without Qt and without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from brugdesk.cli.common import (
    EXIT_ERROR,
    EXIT_INTEGRITY,
    EXIT_OK,
    NEW_PASSPHRASE_ENV,
    UsageError,
    new_passphrase,
    open_vault,
    say,
    secret_options,
    vault_dir,
)
from brugdesk.i18n import N_, _


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--recovery-sheet", metavar="FILE.pdf")
    p.add_argument("--officer", default="")
    p.add_argument("--passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="create a vault with realistic synthetic data")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--families", type=int, default=60)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("check", help="check the key, encryption, integrity and audit chain")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    secret_options(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    secret_options(p)
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_passwd)


def cmd_init(args: argparse.Namespace) -> int:
    from brugdesk.store.vault import Vault

    directory = vault_dir(args)
    vault, recovery = Vault.create(directory, new_passphrase(args), officer=args.officer or "")
    try:
        show_recovery(args, recovery)
        say(_(N_("Vault created in {path}.")).format(path=directory))
    finally:
        vault.close()
    return EXIT_OK


def show_recovery(args: argparse.Namespace, recovery: str) -> None:
    say(_(N_("Recovery key (shown once; print it or write it down and keep it somewhere safe):")))
    say(recovery)
    if getattr(args, "recovery_sheet", None):
        from brugdesk.keys.sheet import write_recovery_sheet

        write_recovery_sheet(Path(args.recovery_sheet), recovery)
        say(_(N_("Recovery sheet written to {path}.")).format(path=args.recovery_sheet))


def cmd_demo(args: argparse.Namespace) -> int:
    from brugdesk.store import demo
    from brugdesk.store.vault import Vault

    if args.families < 1 or args.families > 200_000:
        raise UsageError(_(N_("--families must be between 1 and 200000.")))
    directory = vault_dir(args)
    vault, recovery = Vault.create(directory, new_passphrase(args), officer="Demo")
    try:
        demo.fill(vault.conn, families=args.families, seed=args.seed)
        say(_(N_("Recovery key (shown once; print it or write it down and keep it somewhere safe):")))
        say(recovery)
        say(_(N_("Demo vault with {n} families created in {path}.")).format(n=args.families, path=directory))
    finally:
        vault.close()
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from brugdesk.store import audit, connection, schema

    vault = open_vault(args, migrate=False)
    try:
        say(_(N_("key: ok (the vault opens)")))
        say(_(N_("cipher: SQLCipher {version}")).format(version=connection.cipher_version(vault.conn)))
        problems = connection.integrity_errors(vault.conn)
        say(_(N_("cipher_integrity_check and integrity_check: {result}")).format(
            result=_(N_("ok")) if not problems else _(N_("{n} problem(s)")).format(n=len(problems))))
        version = schema.user_version(vault.conn)
        say(_(N_("schema version: {version} (this brugdesk: {current})")).format(
            version=version, current=schema.SCHEMA_VERSION))
        broken = audit.verify_chain(vault.conn)
        if broken is None:
            say(_(N_("audit chain: ok")))
        else:
            say(_(N_("audit chain: broken at entry {id}")).format(id=broken))
        if problems or broken is not None:
            for problem in problems[:10]:
                print(problem, file=sys.stderr)
            return EXIT_INTEGRITY
        if version > schema.SCHEMA_VERSION:
            return EXIT_ERROR
    finally:
        vault.close()
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        vault.change_passphrase(new_passphrase(args, NEW_PASSPHRASE_ENV))
        say(_(N_("Passphrase changed.")))
    finally:
        vault.close()
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    """``brugdesk --selftest``: one ``selftest ok: …`` line, or the failing step on stderr."""
    from brugdesk.selftest import StepFailed, describe, run_steps

    try:
        summary = run_steps()
    except StepFailed as exc:
        print(f"selftest failed at {exc.step}: {exc.reason}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # an unexpected failure is still one line, naming only the type
        print(f"selftest failed: {describe(exc)}", file=sys.stderr)
        return EXIT_ERROR
    say(summary)
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop app: the only place where the command line imports ``brugdesk.ui``."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    try:
        from brugdesk.ui.app import run
    except ImportError as exc:
        print(_(N_("The desktop app cannot start: {error}")).format(error=exc), file=sys.stderr)
        return EXIT_ERROR
    return int(run(vault_dir(args), explicit_vault=bool(args.vault)))


def display_problem() -> str:
    """A clear message when no display (or no Qt system library) is there, else ''."""
    if sys.platform.startswith("linux"):
        platform = os.environ.get("QT_QPA_PLATFORM", "")
        if not platform and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return _(N_(
                "No display found: brugdesk's window cannot open here. Run it on a desktop, or use "
                "'xvfb-run -a brugdesk' or QT_QPA_PLATFORM=offscreen; the other commands work without a display."
            ))
        from brugdesk.syslibs import missing_qt_libraries

        missing = missing_qt_libraries()
        if missing:
            return _(N_("System libraries that Qt needs are missing: {libs}. On Debian/Ubuntu: "
                        "sudo apt-get install {packages}")).format(
                libs=", ".join(lib for lib, _pkg in missing),
                packages=" ".join(sorted({pkg for _lib, pkg in missing})))
    return ""
