"""What every ``brugdesk`` subcommand shares: usage errors, exit codes, secrets, the vault folder.

Secrets come, as with restic/borg, from a TTY prompt, or else from ``BRUGDESK_PASSPHRASE``
or ``--passphrase-file``; the recovery key instead of a passphrase with ``--recovery-key``
(prompted on a TTY), ``BRUGDESK_RECOVERY_KEY`` or ``--recovery-key-file``. A secret is never
taken from the command line itself: every local user can read a process's arguments
(``/proc/PID/cmdline``). Nothing here imports Qt or opens a vault at import time.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brugdesk.errors import Kind, NoSecretGiven, NotARegularFile, VaultError
from brugdesk.fsutil import check_target
from brugdesk.i18n import N_, _
from brugdesk.platform import folders

if TYPE_CHECKING:
    from brugdesk.store.vault import Vault

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_UNLOCK = 3
EXIT_INTEGRITY = 4

#: the exit code for each kind of known condition
EXIT_CODES: dict[Kind, int] = {Kind.FAILED: EXIT_ERROR, Kind.UNLOCK: EXIT_UNLOCK, Kind.INTEGRITY: EXIT_INTEGRITY}

PASSPHRASE_ENV = "BRUGDESK_PASSPHRASE"  # noqa: S105 - the name of an environment variable, not a secret
RECOVERY_ENV = "BRUGDESK_RECOVERY_KEY"
NEW_PASSPHRASE_ENV = "BRUGDESK_NEW_PASSPHRASE"  # noqa: S105 - an environment variable name


class UsageError(Exception):
    """Bad command-line input (exit 2); ``str()`` is a translated message."""


def exit_code(exc: VaultError) -> int:
    """The exit code of a known condition."""
    return EXIT_CODES[exc.kind]


def default_vault_dir() -> Path:
    """The vault's folder when ``--vault`` is not given (per system: :mod:`brugdesk.platform.folders`)."""
    return folders.default_vault_dir()


def vault_dir(args: argparse.Namespace) -> Path:
    """The folder given with ``--vault``, or the default one."""
    return Path(args.vault).expanduser() if getattr(args, "vault", None) else default_vault_dir()


def say(text: str = "") -> None:
    print(text, flush=True)


# ----------------------------------------------------------------- secrets
_PROMPT = "\0prompt"  # --recovery-key without a value (a value can never hold a NUL)


def secret_options(p: argparse.ArgumentParser) -> None:
    """The options that give the secret that unlocks a vault."""
    p.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    # nargs="?" only to catch a key typed after the flag and refuse it without echoing it
    p.add_argument("--recovery-key", nargs="?", const=_PROMPT, default=None, metavar="",
                   help="unlock with the recovery key: typed at the prompt, or from BRUGDESK_RECOVERY_KEY")
    p.add_argument("--recovery-key-file", metavar="FILE", help="read the recovery key from FILE")


def read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(_(N_("Cannot read the passphrase file: {error}")).format(error=exc.strerror)) from None
    except UnicodeDecodeError:
        raise UsageError(_(N_("The passphrase file is not UTF-8 text."))) from None
    return text.rstrip("\r\n")


def read_recovery_key_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UsageError(_(N_("Cannot read the recovery key file: {error}")).format(error=exc.strerror)) from None
    except UnicodeDecodeError:
        raise UsageError(_(N_("The recovery key file is not text."))) from None


def _tty() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


#: options whose value is text stored in or compared with the vault (must be valid UTF-8)
TEXT_OPTIONS = ("family", "school", "officer", "period", "date_from", "date_to")
#: options naming a file brugdesk writes (must be a regular file or not exist yet)
OUTPUT_OPTIONS = ("pdf", "csv", "recovery_sheet")


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse, before anything is unlocked, a secret typed on the command line, text options that are
    not valid text (bytes that are not UTF-8), and output files that are folders, links or devices
    (:class:`UsageError`, exit 2), and a recovery sheet in a folder that does not exist."""
    refuse_secret_arguments(args)
    for name in TEXT_OPTIONS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(_(N_("The value of --{option} is not valid text (UTF-8).")).format(
                    option=name.replace("date_", "").replace("_", "-"))) from None
    for name in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if not value:
            continue
        path = Path(value).expanduser()
        try:
            check_target(path)
        except NotARegularFile as exc:
            raise UsageError(exc.text()) from None
        if name == "recovery_sheet" and not path.parent.is_dir():
            # the sheet is written after the vault or the new key was made: say it before that
            raise UsageError(_(N_("The folder for --{option} does not exist.")).format(option="recovery-sheet"))


def refuse_secret_arguments(args: argparse.Namespace) -> None:
    """A recovery key typed after ``--recovery-key`` is refused (exit 2), without repeating it."""
    flag = getattr(args, "recovery_key", None)
    if flag is not None and flag != _PROMPT:
        raise UsageError(_(N_("A recovery key is never given on the command line (other users of this computer "
                              "can read it there): use --recovery-key alone to type it, "
                              "BRUGDESK_RECOVERY_KEY or --recovery-key-file.")))


def unlock_secret(args: argparse.Namespace) -> dict[str, str]:
    """The keyword arguments for :meth:`Vault.open` from flags, environment or a prompt."""
    refuse_secret_arguments(args)
    flag = getattr(args, "recovery_key", None)
    rk: str | None = None
    if getattr(args, "recovery_key_file", None):
        rk = read_recovery_key_file(args.recovery_key_file)
    elif os.environ.get(RECOVERY_ENV):
        rk = os.environ[RECOVERY_ENV]
    elif flag is not None:
        if not _tty():
            raise NoSecretGiven()
        rk = getpass.getpass(_(N_("Recovery key: ")))
    if rk:
        return {"recovery_key": rk}
    if getattr(args, "passphrase_file", None):
        return {"passphrase": read_passphrase_file(args.passphrase_file)}
    if os.environ.get(PASSPHRASE_ENV):
        return {"passphrase": os.environ[PASSPHRASE_ENV]}
    if _tty():
        return {"passphrase": getpass.getpass(_(N_("Passphrase: ")))}
    raise NoSecretGiven()


def new_passphrase(args: argparse.Namespace, *, file_option: str = "passphrase_file",
                   env: str = PASSPHRASE_ENV) -> str:
    """A new passphrase: from the file option ``file_option``, the environment variable ``env``, or typed
    twice at the prompt. (``passwd`` reads its new one from ``--new-passphrase-file`` /
    ``BRUGDESK_NEW_PASSPHRASE`` only: the old passphrase's file or variable never sets it.)"""
    path = getattr(args, file_option, None)
    if path:
        return read_passphrase_file(path)
    if os.environ.get(env):
        return os.environ[env]
    if _tty():
        first = getpass.getpass(_(N_("New passphrase (at least 10 characters): ")))
        second = getpass.getpass(_(N_("Type it again: ")))
        if first != second:
            raise UsageError(_(N_("The two passphrases differ; nothing was changed.")))
        return first
    if file_option == "new_passphrase_file":
        raise UsageError(_(N_("No new passphrase was given: type it at the prompt, or use --new-passphrase-file "
                              "or BRUGDESK_NEW_PASSPHRASE.")))
    raise NoSecretGiven()


def open_vault(args: argparse.Namespace, *, migrate: bool = True, notice: bool = True) -> Vault:
    """Open the vault of ``--vault`` with the secret the command was given. Says so when the
    unlock erased families again that the erasure ledger names (an older database put in place),
    and, opened with the recovery key while the key file is missing or damaged, says that on
    stderr (unless ``notice`` is off)."""
    from brugdesk.store.vault import Vault

    secret = unlock_secret(args)
    vault = Vault.open(vault_dir(args), passphrase=secret.get("passphrase"), recovery_key=secret.get("recovery_key"),
                       migrate=migrate)
    if vault.reapplied:
        say(reapplied_text(vault.reapplied))
    if notice and vault.slots is None:
        print("brugdesk: " + _(N_("The key file of this vault is missing or damaged, so no passphrase opens it now. "
                                  "Set a new passphrase with 'brugdesk passwd --recovery-key': that writes a new "
                                  "key file.")), file=sys.stderr)
    return vault


def reapplied_text(n: int) -> str:
    """"2 erased families removed again" (the erasure ledger applied after a restore or on unlock)."""
    if n == 1:
        return _(N_("1 erased family removed again (it was in the restored database)."))
    return _(N_("{n} erased families removed again (they were in the restored database).")).format(n=n)


def tty() -> bool:
    """Whether a person can answer at the terminal (stdin is a TTY)."""
    return _tty()


def confirm(question: str) -> bool:
    """Ask a yes/no question at the terminal; only "j"/"ja" (or "y"/"yes") is yes: the safe answer
    (no) is the default, also for an empty line or end of input."""
    try:
        answer = input(f"{question} [{_(N_('y/N'))}] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}
