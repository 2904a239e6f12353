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
from brugdesk.i18n import N_, _, ngettext
from brugdesk.platform import display


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--recovery-sheet", metavar="FILE.pdf")
    p.add_argument("--officer", default="")
    p.add_argument("--passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="create a vault with realistic synthetic data")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--families", type=int, default=None,
                   help="how many families (default: one officer's year, about 80 a year)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("check", help="check the key, encryption, integrity, audit chain and erasure ledger")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--anchor", metavar="CODE", action="append", default=[],
                   help="also check a code printed on a report or inspection PDF (e.g. 1234:a1b2c3d4e5f6a7b8)")
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

    families = demo.year_families() if args.families is None else args.families
    if families < 1 or families > 200_000:
        raise UsageError(_(N_("--families must be between 1 and 200000.")))
    directory = vault_dir(args)
    vault, recovery = Vault.create(directory, new_passphrase(args), officer="Demo")
    try:
        demo.fill(vault.conn, families=families, seed=args.seed, profile="year")
        say(_(N_("Recovery key (shown once; print it or write it down and keep it somewhere safe):")))
        say(recovery)
        say(_(N_("Demo vault with {n} families created in {path}.")).format(n=families, path=directory))
    finally:
        vault.close()
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Read-only: the only write is the ``unlock`` audit entry (no migration, no ledger applied)."""
    from brugdesk.store import audit, connection, schema

    printed = []
    for code in args.anchor:
        try:
            printed.append(audit.parse_code(code))
        except ValueError:
            raise UsageError(_(N_("'{code}' is not a check code: it looks like 1234:a1b2c3d4e5f6a7b8 (the number "
                                  "of entries, a colon, 16 characters).")).format(code=code)) from None
    vault = open_vault(args, migrate=False)
    failures: list[str] = []
    try:
        say(_(N_("key: ok (the vault opens)")))
        say(_(N_("cipher: SQLCipher {version}")).format(version=connection.cipher_version(vault.conn)))
        problems = connection.integrity_errors(vault.conn)
        say(_(N_("cipher_integrity_check and integrity_check: {result}")).format(
            result=_(N_("ok")) if not problems
            else ngettext("{n} problem", "{n} problems", len(problems)).format(n=len(problems))))
        version = schema.user_version(vault.conn)
        say(_(N_("schema version: {version} (this brugdesk: {current})")).format(
            version=version, current=schema.SCHEMA_VERSION))
        broken = audit.verify_chain(vault.conn)
        if broken is None:
            say(_(N_("audit chain: ok")))
        else:
            say(_(N_("audit chain: broken at entry {id}")).format(id=broken))
            failures.append(_(N_("the audit chain is broken at entry {id}")).format(id=broken))
        failures += _check_anchors(vault, printed)
        failures += _check_ledger(vault)
        for problem in problems[:10]:
            print(problem, file=sys.stderr)
        if problems:
            return EXIT_INTEGRITY
        if failures:
            print("brugdesk: " + "; ".join(failures), file=sys.stderr)
            return EXIT_INTEGRITY
        if version > schema.SCHEMA_VERSION:
            return EXIT_ERROR
    finally:
        vault.close()
    return EXIT_OK


def _check_anchors(vault: Any, printed: list[tuple[int, str]]) -> list[str]:
    """Check the chain against the key file's anchors and the printed codes given; one line each."""
    from brugdesk.store import audit

    anchors: list[tuple[str, int, str]] = [
        (_(N_("key file, {date}")).format(date=_nl_date(a.date)), a.entries, a.hash)
        for a in (vault.slots.anchors if vault.slots is not None else [])]
    anchors += [(_(N_("given")), entries, digest) for entries, digest in printed]
    if not anchors:
        say(_(N_("audit log anchors: none yet (made when a PDF is exported, a backup made, a family erased "
                 "or a backup restored)")))
        return []
    failed: list[str] = []
    for where, entries, digest in anchors:
        code = audit.short_code(entries, digest)
        if audit.anchor_holds(vault.conn, entries, digest):
            say(_(N_("audit log anchor {code} ({where}): ok")).format(code=code, where=where))
        else:
            say(_(N_("audit log anchor {code} ({where}): FAILED, the log no longer holds this entry")).format(
                code=code, where=where))
            failed.append(code)
    if failed:
        return [_(N_("the audit log does not match its anchors {codes}: it was rewritten or replaced")).format(
            codes=", ".join(failed))]
    return []


def _nl_date(iso: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso


def _check_ledger(vault: Any) -> list[str]:
    """The erasure ledger: readable, complete, and no erased family back in the database."""
    from brugdesk.store import ledger

    status = ledger.status(vault.directory, vault.data_key, vault.conn,
                           vault.slots.erasures if vault.slots is not None else 0)
    if status.ok:
        if status.count == 0:
            say(_(N_("erased families: none")))
        else:
            say(_(N_("erased families: {n}, in the list of erased families (erasures.bdledger)")).format(
                n=status.count))
        if status.restarted and status.count > status.named:
            say(ngettext("  the list was started anew on {date}; {n} earlier erasure cannot be re-applied from it",
                         "  the list was started anew on {date}; {n} earlier erasures cannot be re-applied from it",
                         status.count - status.named).format(date=_nl_date(status.restarted),
                                                             n=status.count - status.named))
        return []
    texts = {
        "missing": ngettext("the list of erased families (erasures.bdledger) is missing, although {n} erasure is "
                            "recorded",
                            "the list of erased families (erasures.bdledger) is missing, although {n} erasures are "
                            "recorded", status.recorded),
        "damaged": _(N_("the list of erased families (erasures.bdledger) cannot be read (damaged or altered)")),
        "incomplete": _(N_("the list of erased families (erasures.bdledger) names fewer erasures ({count}) than "
                           "are recorded ({n}): an older copy?")),
        "back": ngettext("{back} erased family is in the database again; it is erased again at the next unlock",
                         "{back} erased families are in the database again; they are erased again at the next "
                         "unlock", status.back),
    }
    text = texts[status.problem].format(n=status.recorded, count=status.count, back=status.back)
    say(_(N_("erased families: {problem}")).format(problem=text))
    return [text]


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = open_vault(args, notice=False)
    try:
        fresh_key_file = vault.slots is None
        vault.change_passphrase(new_passphrase(args, file_option="new_passphrase_file", env=NEW_PASSPHRASE_ENV))
        say(_(N_("Passphrase changed.")))
        if fresh_key_file:
            say(_(N_("A new key file was written.")))
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
    if not os.environ.get("QT_QPA_PLATFORM", "") and not display.display_available():  # Linux only
        return _(N_(
            "No display found: brugdesk's window cannot open here. Run it on a desktop, or use "
            "'xvfb-run -a brugdesk' or QT_QPA_PLATFORM=offscreen; the other commands work without a display."
        ))
    missing = display.missing_qt_libraries()  # Linux only
    if missing:
        return _(N_("System libraries that Qt needs are missing: {libs}. On Debian/Ubuntu: "
                    "sudo apt-get install {packages}")).format(
            libs=", ".join(lib for lib, _pkg in missing),
            packages=" ".join(sorted({pkg for _lib, pkg in missing})))
    return ""
