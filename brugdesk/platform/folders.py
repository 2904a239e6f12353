"""Where brugdesk keeps the vault by default (``--vault`` or ``BRUGDESK_VAULT`` choose another folder).

``platformdirs`` knows each system's folder for an application's own data; brugdesk asks for
the *local* one on every system, named explicitly here:

* **Linux** — ``$XDG_DATA_HOME/brugdesk/vault``, by default ``~/.local/share/brugdesk/vault``.
* **Windows** — ``%LOCALAPPDATA%\\brugdesk\\vault`` (``C:\\Users\\<name>\\AppData\\Local``, from the
  shell's known folder). *Local*, not *Roaming*: a roaming profile — common on school and domain
  accounts — copies ``AppData\\Roaming`` to a server at every logoff, and the vault (encrypted, but
  with every family in it) must stay on the laptop. OneDrive's folder redirection moves Documents
  and the Desktop, never ``AppData\\Local``. The folder's ACL is the profile's: the user, SYSTEM
  and Administrators (the mode 0700 brugdesk asks for means nothing there).
* **macOS** — ``~/Library/Application Support/brugdesk/vault`` (``$XDG_DATA_HOME/brugdesk/vault``
  when that variable is set, as platformdirs does); Time Machine includes it in its backups
  (encrypted, like every copy of the vault).

The app's window settings (``QSettings``, in :mod:`brugdesk.ui.prefs`) hold no personal data and
live in Qt's place for them: ``~/.config/brugdesk`` on Linux and macOS, ``%APPDATA%\\brugdesk``
(roaming) on Windows.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from platformdirs.api import PlatformDirsABC
from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

from brugdesk.platform import LINUX, MACOS, WINDOWS, current

APP_NAME = "brugdesk"
VAULT_FOLDER = "vault"

_DIRS: dict[str, type[PlatformDirsABC]] = {LINUX: Unix, WINDOWS: Windows, MACOS: MacOS}


def app_dirs(system: str | None = None) -> PlatformDirsABC:
    """``platformdirs``' folders of brugdesk on ``system`` (this one by default): no author folder,
    not roaming."""
    cls = _DIRS.get(system or current(), platformdirs.PlatformDirs)
    return cls(APP_NAME, appauthor=False, roaming=False)


def default_vault_dir(system: str | None = None) -> Path:
    """The vault's folder when none is given."""
    return Path(app_dirs(system).user_data_dir) / VAULT_FOLDER


__all__ = ["APP_NAME", "app_dirs", "default_vault_dir"]
