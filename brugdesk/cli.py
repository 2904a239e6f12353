"""The ``brugdesk`` command (DESIGN §7).

Secrets come, as with restic/borg, from a TTY prompt, or else from ``BRUGDESK_PASSPHRASE``
or ``--passphrase-file``; ``--recovery-key`` / ``BRUGDESK_RECOVERY_KEY`` instead of a
passphrase. Exit codes: 0 ok, 1 error, 2 usage, 3 cannot unlock, 4 integrity failure.
Errors are one clear line on stderr, never a traceback. This module imports no Qt: the
GUI is imported only when the bare command opens it.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from brugdesk import __version__
from brugdesk.core.i18n import N_, _, set_language
from brugdesk.core.validation import ValidationError
from brugdesk.store.errors import (
    EXIT_ERROR,
    EXIT_INTEGRITY,
    EXIT_OK,
    EXIT_USAGE,
    NoSecretGiven,
    VaultError,
    classify,
)

log = logging.getLogger("brugdesk")

PASSPHRASE_ENV = "BRUGDESK_PASSPHRASE"  # noqa: S105 - the name of an environment variable, not a secret
RECOVERY_ENV = "BRUGDESK_RECOVERY_KEY"
NEW_PASSPHRASE_ENV = "BRUGDESK_NEW_PASSPHRASE"  # noqa: S105 - an environment variable name


class UsageError(Exception):
    """Bad command-line input (exit 2); ``str()`` is a translated message."""


def default_vault_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("brugdesk", appauthor=False)) / "vault"


def _vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


# ----------------------------------------------------------------- secrets
def _read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(_(N_("Cannot read the passphrase file: {error}")).format(error=exc.strerror)) from None
    return text.rstrip("\r\n")


def _tty() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def unlock_secret(args: argparse.Namespace) -> dict[str, str]:
    """The keyword arguments for :meth:`Vault.open` from flags, environment or a prompt."""
    rk = getattr(args, "recovery_key", None)
    if rk == "-" and _tty():
        rk = getpass.getpass(_(N_("Recovery key: ")))
    elif rk == "-":
        rk = os.environ.get(RECOVERY_ENV)
    if rk is None and os.environ.get(RECOVERY_ENV):
        rk = os.environ[RECOVERY_ENV]
    if rk:
        return {"recovery_key": rk}
    if getattr(args, "passphrase_file", None):
        return {"passphrase": _read_passphrase_file(args.passphrase_file)}
    if os.environ.get(PASSPHRASE_ENV):
        return {"passphrase": os.environ[PASSPHRASE_ENV]}
    if _tty():
        return {"passphrase": getpass.getpass(_(N_("Passphrase: ")))}
    raise NoSecretGiven()


def new_passphrase(args: argparse.Namespace, env: str = PASSPHRASE_ENV) -> str:
    """A new passphrase: a file, the environment, or typed twice at the prompt."""
    path = getattr(args, "new_passphrase_file", None) or getattr(args, "passphrase_file", None)
    if path:
        return _read_passphrase_file(path)
    if os.environ.get(env):
        return os.environ[env]
    if _tty():
        first = getpass.getpass(_(N_("New passphrase (at least 10 characters): ")))
        second = getpass.getpass(_(N_("Type it again: ")))
        if first != second:
            raise UsageError(_(N_("The two passphrases differ; nothing was changed.")))
        return first
    raise NoSecretGiven()


def open_vault(args: argparse.Namespace, **kwargs: object):  # type: ignore[no-untyped-def]
    from brugdesk.store.vault import Vault

    return Vault.open(_vault_dir(args), **unlock_secret(args), **kwargs)  # type: ignore[arg-type]


def say(text: str = "") -> None:
    print(text, flush=True)


# ----------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    from brugdesk.store.vault import Vault

    directory = _vault_dir(args)
    vault, recovery = Vault.create(directory, new_passphrase(args), officer=args.officer or "")
    try:
        _show_recovery(args, recovery)
        say(_(N_("Vault created in {path}.")).format(path=directory))
    finally:
        vault.close()
    return EXIT_OK


def _show_recovery(args: argparse.Namespace, recovery: str) -> None:
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
    directory = _vault_dir(args)
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


def cmd_gui(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    try:
        from brugdesk.ui.app import run
    except ImportError as exc:
        print(_(N_("The desktop app cannot start: {error}")).format(error=exc), file=sys.stderr)
        return EXIT_ERROR
    return int(run(_vault_dir(args), explicit_vault=bool(args.vault)))


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


# ----------------------------------------------------------------- parser
Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"brugdesk: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _secret_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    p.add_argument("--recovery-key", nargs="?", const="-", metavar="KEY",
                   help="unlock with the recovery key (prompted when no KEY is given)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brugdesk", description="brugdesk: het dossier van de brugfunctionaris")
    parser.add_argument("--version", action="version", version=f"brugdesk {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="the vault folder")
    parser.add_argument("--selftest", action="store_true", help="check this installation and exit")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of messages (default nl)")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

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
    _secret_options(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    _secret_options(p)
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_passwd)

    for register in EXTRA_COMMANDS:
        register(sub, _secret_options)
    return parser


#: Other packages add their subcommands here (report, backup, restore, export-family, …).
EXTRA_COMMANDS: list[
    Callable[[argparse._SubParsersAction[Any], Callable[[argparse.ArgumentParser], None]], None]
] = []


def _load_extra_commands() -> None:
    import importlib

    for module in ("brugdesk.reports.cli", "brugdesk.privacy.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        if mod.register not in EXTRA_COMMANDS:
            EXTRA_COMMANDS.append(mod.register)


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    logging.basicConfig(level=logging.WARNING, format="brugdesk: %(levelname)s: %(message)s")
    _load_extra_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    handler: Handler = args.handler
    if args.selftest:
        from brugdesk.selftest import run_selftest

        handler = run_selftest
    try:
        return handler(args)
    except UsageError as exc:
        print(f"brugdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        print(f"brugdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except VaultError as exc:
        print(f"brugdesk: {exc.text()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"brugdesk: {_(N_('interrupted'))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, no personal data (only the exception type)
        known = classify(exc)
        if known is not None:
            print(f"brugdesk: {known.text()}", file=sys.stderr)
            return known.exit_code
        print(_(N_("brugdesk: unexpected error ({kind}); nothing was changed that was not saved. "
                   "Please report it.")).format(kind=type(exc).__name__), file=sys.stderr)
        return EXIT_ERROR


def gui_main() -> int:
    return main([])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
