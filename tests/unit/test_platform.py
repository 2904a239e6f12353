"""brugdesk.platform: every OS branch of every concern.

The Linux branches run for real here (real files, real flock, real folders). The Windows and
macOS branches run with the one OS call they make faked — ``os.replace`` failing as Windows fails
while a virus scanner has the file open, ``fcntl(F_FULLFSYNC)``, byte-range locks that cannot be
converted, the Credential Manager's persistence — and otherwise on real files. docs/platforms.md
says what still needs a Windows or macOS machine.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from pathlib import Path
from typing import Any

import portalocker
import pytest

from brugdesk import fsutil, platform
from brugdesk.errors import FileInUse, ReadOnly, classify
from brugdesk.platform import console, display, files, folders, locks, oskeyring
from brugdesk.store import inuse
from tests.conftest import MemoryKeyring

WINDOWS, MACOS, LINUX = platform.WINDOWS, platform.MACOS, platform.LINUX
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the real Linux branch")


def test_the_system_families() -> None:
    assert [platform.current(p) for p in ("linux", "win32", "darwin", "freebsd14", "cygwin")] == [
        LINUX, WINDOWS, MACOS, platform.OTHER, platform.OTHER]


# ------------------------------------------------------------------ renames on Windows
def windows_error(winerror: int, name: str = "x") -> PermissionError:
    """The PermissionError ``os.replace`` raises on Windows (``winerror`` is set only there)."""
    exc = PermissionError(errno.EACCES, "The process cannot access the file: it is being used by another process", name)
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


class Scanner:
    """``os.replace`` as Windows runs it while another program (a virus scanner, the search indexer)
    holds the file open for ``busy`` attempts: refused with ``winerror``, then the real rename."""

    def __init__(self, busy: int, winerror: int = files.ERROR_SHARING_VIOLATION) -> None:
        self.busy, self.winerror, self.calls = busy, winerror, 0
        self.real = os.replace

    def __call__(self, source: Any, target: Any) -> None:
        self.calls += 1
        if self.calls <= self.busy:
            raise windows_error(self.winerror, str(target))
        self.real(source, target)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("winerror", sorted(files.IN_USE_ERRORS))
def test_windows_rename_waits_while_another_program_has_the_file_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int) -> None:
    source, target = tmp_path / "new.tmp", tmp_path / "keyslots.json"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    scanner, clock = Scanner(busy=3, winerror=winerror), Clock()
    monkeypatch.setattr(os, "replace", scanner)
    assert files.replace(source, target, WINDOWS, sleep=clock.sleep, clock=clock) == 4
    assert target.read_bytes() == b"new" and not source.exists()
    assert clock.slept == [0.01, 0.02, 0.04]  # growing waits


def test_windows_rename_gives_up_after_its_patience(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "new.tmp", tmp_path / "report.pdf"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    scanner, clock = Scanner(busy=10**6), Clock()
    monkeypatch.setattr(os, "replace", scanner)
    with pytest.raises(PermissionError) as exc:
        files.replace(source, target, WINDOWS, sleep=clock.sleep, clock=clock)
    assert files.in_use(exc.value)
    assert files.REPLACE_PATIENCE <= clock.now < files.REPLACE_PATIENCE + 0.3
    assert max(clock.slept) == 0.25 and scanner.calls == len(clock.slept) + 1
    assert target.read_bytes() == b"old" and source.read_bytes() == b"new"


@pytest.mark.parametrize("error", [
    PermissionError(errno.EACCES, "read-only"),  # no winerror: not a file in use
    FileNotFoundError(errno.ENOENT, "gone"),
    OSError(errno.ENOSPC, "disk full"),
])
def test_windows_rename_does_not_wait_for_other_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       error: OSError) -> None:
    calls = []

    def failing(*_a: object) -> None:
        calls.append(1)
        raise error

    monkeypatch.setattr(os, "replace", failing)
    clock = Clock()
    with pytest.raises(type(error)):
        files.replace(tmp_path / "a", tmp_path / "b", WINDOWS, sleep=clock.sleep, clock=clock)
    assert calls == [1] and clock.slept == []


@pytest.mark.parametrize("system", [LINUX, MACOS])
def test_posix_rename_never_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str) -> None:
    monkeypatch.setattr(os, "replace", Scanner(busy=1))
    clock = Clock()
    with pytest.raises(PermissionError):
        files.replace(tmp_path / "a", tmp_path / "b", system, sleep=clock.sleep, clock=clock)
    assert clock.slept == []


def test_fsutil_writes_through_the_windows_path_while_a_scanner_holds_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole writer as on Windows (no fchmod, no folder fsync, the rename retried), on real files."""
    monkeypatch.setattr(files, "current", lambda: WINDOWS)
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    opened: list[str] = []
    real_open = os.open

    def no_folder_open(path: Any, flags: int, *a: Any) -> int:
        if os.path.isdir(path):
            opened.append("folder")  # Windows cannot open a folder
            raise PermissionError(errno.EACCES, "a folder")
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", no_folder_open)
    monkeypatch.setattr(os, "replace", Scanner(busy=2))
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"old")
    fsutil.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and opened == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]
    # a file that stays in use: the error comes through and the temporary file is gone
    monkeypatch.setattr(os, "replace", Scanner(busy=10**6))
    with pytest.raises(PermissionError) as exc:
        fsutil.write_atomic(target, b"newer")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]
    assert isinstance(classify(exc.value), FileInUse)


def test_a_file_kept_open_on_windows_is_reported_as_in_use_not_as_a_read_only_folder() -> None:
    for code in files.IN_USE_ERRORS:
        error = classify(windows_error(code))
        assert isinstance(error, FileInUse)
        assert "een ander programma heeft het open" in error.text()  # Dutch by default
    assert isinstance(classify(PermissionError(errno.EACCES, "denied")), ReadOnly)  # POSIX: no winerror


@linux_only
def test_linux_rename_over_an_open_file_needs_no_wait(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"old")
    with open(target, "rb") as reader:  # another reader has it open: POSIX renames anyway
        source = tmp_path / "new.tmp"
        source.write_bytes(b"new")
        assert files.replace(source, target) == 1
        assert reader.read() == b"old"
    assert target.read_bytes() == b"new"


# ------------------------------------------------------------------ mode and fsync
def test_windows_sets_no_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fchmod", lambda *_a: pytest.fail("Windows has no fchmod"), raising=False)
    fd = os.open(tmp_path / "f", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        files.restrict(fd, 0o600, WINDOWS)
    finally:
        os.close(fd)


@linux_only
def test_posix_mode_is_set_and_a_file_system_without_modes_is_no_error(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        files.restrict(fd, 0o600, LINUX)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

        def refuse(code: int) -> Any:
            def fchmod(*_a: object) -> None:
                raise OSError(code, os.strerror(code))
            return fchmod

        monkeypatch.setattr(os, "fchmod", refuse(errno.EPERM))  # a FAT USB stick
        files.restrict(fd, 0o600, LINUX)
        monkeypatch.setattr(os, "fchmod", refuse(errno.EIO))
        with pytest.raises(OSError):
            files.restrict(fd, 0o600, LINUX)
    finally:
        os.close(fd)


class FakeFcntl:
    """macOS's ``fcntl`` module, as far as F_FULLFSYNC goes."""

    F_FULLFSYNC = 51

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.calls: list[tuple[int, int]] = []

    def fcntl(self, fd: int, cmd: int) -> int:
        self.calls.append((fd, cmd))
        if self.refuse:
            raise OSError(errno.ENOTSUP, "not supported")  # an SMB share
        return 0


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_macos_flushes_the_drive_cache_with_full_fsync(tmp_path: Path, fsyncs: list[int]) -> None:
    fake = FakeFcntl()
    with open(tmp_path / "f", "wb") as fh:
        files.fsync_file(fh.fileno(), MACOS, fcntl=fake)  # type: ignore[arg-type]
        assert fake.calls == [(fh.fileno(), FakeFcntl.F_FULLFSYNC)] and fsyncs == []
    refusing = FakeFcntl(refuse=True)
    with open(tmp_path / "g", "wb") as fh:
        files.fsync_file(fh.fileno(), MACOS, fcntl=refusing)  # type: ignore[arg-type]
        assert len(refusing.calls) == 1 and fsyncs == [fh.fileno()]  # plain fsync where it is refused


@pytest.mark.parametrize("system", [LINUX, WINDOWS])
def test_linux_and_windows_fsync_a_file_with_fsync(tmp_path: Path, fsyncs: list[int], system: str) -> None:
    fake = FakeFcntl()
    with open(tmp_path / "f", "wb") as fh:
        files.fsync_file(fh.fileno(), system, fcntl=fake)  # type: ignore[arg-type]
        assert fsyncs == [fh.fileno()] and fake.calls == []


def test_windows_does_not_open_a_folder_to_fsync_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "open", lambda *_a: pytest.fail("Windows cannot open a folder"))
    assert files.fsync_dir(tmp_path, WINDOWS) is False


@linux_only
def test_linux_fsyncs_the_folder(tmp_path: Path, fsyncs: list[int]) -> None:
    assert files.fsync_dir(tmp_path) is True and len(fsyncs) == 1
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(NotADirectoryError):  # O_DIRECTORY: only a folder is opened
        files.fsync_dir(tmp_path / "file")


def test_macos_fsyncs_the_folder_with_full_fsync(tmp_path: Path, fsyncs: list[int]) -> None:
    fake = FakeFcntl()
    assert files.fsync_dir(tmp_path, MACOS, fcntl=fake) is True  # type: ignore[arg-type]
    assert len(fake.calls) == 1 and fsyncs == []


def test_open_flags_per_system() -> None:
    for system in (LINUX, MACOS):
        assert files.create_flags(system) & os.O_EXCL
        assert files.create_flags(system) & getattr(os, "O_NOFOLLOW", 0) == getattr(os, "O_NOFOLLOW", 0)
    assert files.create_flags(WINDOWS) & os.O_EXCL
    assert not files.create_flags(WINDOWS) & getattr(os, "O_NOFOLLOW", 0)  # Windows has none
    assert files.create_flags(WINDOWS) & getattr(os, "O_BINARY", 0) == getattr(os, "O_BINARY", 0)


# ------------------------------------------------------------------ locks
class ByteRangeLocks:
    """portalocker on Windows, modelled: per handle, a lock over the same range. Another handle's
    lock conflicts unless both are shared, and — unlike flock — a handle cannot take a lock over its
    own one: a conversion fails (LockFileEx) until it unlocks. Without pywin32 a shared lock is an
    ImportError."""

    def __init__(self, pywin32: bool = True) -> None:
        self.pywin32 = pywin32
        self.held: dict[int, str] = {}

    def lock(self, fd: int, flags: portalocker.LockFlags) -> None:
        kind = "shared" if flags & portalocker.LockFlags.SHARED else "exclusive"
        if kind == "shared" and not self.pywin32:
            raise ImportError("Shared locks on Windows require the win32 extra (pywin32)")
        if fd in self.held:
            raise portalocker.AlreadyLocked("the handle holds a lock on the range already")
        if any(other == "exclusive" or kind == "exclusive" for other in self.held.values()):
            raise portalocker.AlreadyLocked("locked by another handle")
        self.held[fd] = kind

    def unlock(self, fd: int) -> None:
        if self.held.pop(fd, None) is None:
            raise portalocker.LockException("not locked")


@linux_only
def test_linux_flock_shared_and_exclusive(tmp_path: Path) -> None:
    path = tmp_path / "brugdesk.lock"
    path.touch()
    a, b = os.open(path, os.O_RDWR), os.open(path, os.O_RDWR)
    try:
        assert locks.try_lock(a, shared=True) and locks.try_lock(b, shared=True)
        c = os.open(path, os.O_RDWR)
        try:
            assert not locks.try_lock(c, shared=False)
            assert locks.unlock(a) and locks.unlock(b)
            assert locks.try_lock(c, shared=False) and not locks.try_lock(a, shared=True)
            assert locks.try_lock(c, shared=True)  # Linux converts in place
            assert locks.try_lock(a, shared=True)
        finally:
            os.close(c)
    finally:
        os.close(a)
        os.close(b)
    assert locks.converts_in_place(LINUX)
    assert not locks.converts_in_place(WINDOWS) and not locks.converts_in_place(MACOS)


def test_windows_without_pywin32_says_locking_is_unavailable() -> None:
    fake = ByteRangeLocks(pywin32=False)
    with pytest.raises(locks.LockingUnavailable):
        locks.try_lock(3, shared=True, locker=fake)
    assert locks.try_lock(3, shared=False, locker=fake)  # msvcrt's exclusive lock needs nothing


@pytest.fixture
def windows_locks(monkeypatch: pytest.MonkeyPatch) -> ByteRangeLocks:
    fake = ByteRangeLocks()
    monkeypatch.setattr(locks, "backend", fake)
    monkeypatch.setattr(locks, "current", lambda: WINDOWS)
    return fake


def test_windows_vault_lock_goes_back_to_shared_after_an_exclusive_operation(tmp_path: Path,
                                                                             windows_locks: ByteRangeLocks) -> None:
    """The app restores into its own vault (exclusive inside its own shared hold); afterwards it
    holds the shared lock again, so another process's restore is refused. With byte-range locks
    that only works by unlocking before the shared lock is taken again."""
    hold = inuse.SharedHold.acquire(tmp_path, create=True)
    try:
        assert list(windows_locks.held.values()) == ["shared"]
        with inuse.exclusive(tmp_path, own=hold):
            assert list(windows_locks.held.values()) == ["exclusive"]
        assert list(windows_locks.held.values()) == ["shared"]
        assert inuse.held_by_os(tmp_path)  # another process's restore would be refused
    finally:
        hold.release()
    assert windows_locks.held == {}


def test_windows_vault_without_pywin32_goes_on_without_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    fake = ByteRangeLocks(pywin32=False)
    monkeypatch.setattr(locks, "backend", fake)
    monkeypatch.setattr(locks, "current", lambda: WINDOWS)
    hold = inuse.SharedHold.acquire(tmp_path, create=True)
    try:
        assert fake.held == {} and "cannot be locked here" in caplog.text
        assert not inuse.held_by_os(tmp_path)  # what --selftest reports as a failed step
    finally:
        hold.release()


# ------------------------------------------------------------------ keyring
def test_windows_credential_stays_on_this_computer() -> None:
    from types import SimpleNamespace

    from keyring.backends import Windows, fail

    win = Windows.WinVaultKeyring()
    chain: Any = SimpleNamespace(backends=[fail.Keyring(), win])  # shaped like keyring's ChainerBackend
    chosen = oskeyring.select_real_backend(chain)
    assert chosen is win and oskeyring.system_of(win) == WINDOWS
    assert vars(win)["_persist"] == oskeyring.CRED_PERSIST_LOCAL_MACHINE  # not keyring's roaming default


def test_each_system_has_its_own_store_and_nothing_else_counts() -> None:
    from keyring.backends import SecretService, fail, macOS, null

    assert oskeyring.system_of(macOS.Keyring()) == MACOS
    linux = SecretService.Keyring()
    assert oskeyring.system_of(linux) == LINUX
    assert oskeyring.select_real_backend(linux) is linux and "_persist" not in vars(linux)
    for other in (fail.Keyring(), null.Keyring(), MemoryKeyring()):
        assert oskeyring.system_of(other) is None and not oskeyring.is_real_backend(other)
    assert oskeyring.backend_name(linux) == "keyring.backends.SecretService.Keyring"


# ------------------------------------------------------------------ folders
def test_windows_vault_folder_is_local_appdata_not_roaming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\officer\AppData\Local")
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\officer\AppData\Roaming")
    path = str(folders.default_vault_dir(WINDOWS))
    assert path.startswith(r"C:\Users\officer\AppData\Local") and "Roaming" not in path
    assert path.replace("\\", "/").endswith("Local/brugdesk/vault")


def test_macos_vault_folder_is_application_support(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/Users/officer")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)  # platformdirs follows it on macOS too, when it is set
    assert folders.default_vault_dir(MACOS) == Path("/Users/officer/Library/Application Support/brugdesk/vault")


def test_linux_vault_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert folders.default_vault_dir(LINUX) == tmp_path / "brugdesk" / "vault"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", "/home/officer")
    assert folders.default_vault_dir(LINUX) == Path("/home/officer/.local/share/brugdesk/vault")


# ------------------------------------------------------------------ display
def test_only_linux_needs_a_display_server_named() -> None:
    assert not display.display_available(LINUX, {})
    assert display.display_available(LINUX, {"DISPLAY": ":0"})
    assert display.display_available(LINUX, {"WAYLAND_DISPLAY": "wayland-0"})
    assert display.display_available(WINDOWS, {}) and display.display_available(MACOS, {})
    assert display.missing_qt_libraries(system=WINDOWS) == [] and display.missing_qt_libraries(system=MACOS) == []


# ------------------------------------------------------------------ the command line on Windows
def test_every_message_fits_the_windows_ansi_code_page() -> None:
    """``brugdesk-cli.exe`` writes to a console in UTF-16, but to a file or a pipe (``> out.txt``) in
    the ANSI code page: cp1252 on a Dutch or English Windows. A message character outside it would
    be a UnicodeEncodeError there instead of the message."""
    from brugdesk.i18n import catalogue

    outside = {ch for text in catalogue("nl").items() for part in text for ch in part
               if ch.encode("cp1252", "replace") == b"?" and ch != "?"}
    assert catalogue("nl") and outside == set()


def test_redirected_output_on_windows_replaces_what_the_code_page_cannot_hold() -> None:
    def redirected() -> io.TextIOWrapper:  # what Python gives a redirected stdout on a Dutch Windows
        return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict", newline="\n", write_through=True)

    out = redirected()
    assert console.prepare_streams(WINDOWS, {"stdout": out, "stderr": None}) == ["stdout"]
    print(r"Rapport geschreven naar C:\Users\Şahin\rapport.pdf", file=out)
    assert out.buffer.getvalue() == rb"Rapport geschreven naar C:\Users\?ahin\rapport.pdf" + b"\n"
    for system in (LINUX, MACOS):  # UTF-8 there: left as it is
        out = redirected()
        assert console.prepare_streams(system, {"stdout": out}) == []
        with pytest.raises(UnicodeEncodeError):
            print("Şahin", file=out)


# ------------------------------------------------------------------ on the real system (skipped on Linux)
# Written to be run on a Windows or macOS machine (docs/platforms.md, "Checking on Windows"):
# ``python -m pytest tests/unit/test_platform.py tests/unit/test_fsutil.py tests/unit/test_inuse.py``.
windows_only = pytest.mark.skipif(sys.platform != "win32", reason="the real Windows branch (docs/platforms.md)")
macos_only = pytest.mark.skipif(sys.platform != "darwin", reason="the real macOS branch (docs/platforms.md)")


@windows_only
def test_on_windows_a_rename_waits_until_a_reader_closes_the_file(tmp_path: Path) -> None:
    import threading

    target, source = tmp_path / "keyslots.json", tmp_path / "new.tmp"
    target.write_bytes(b"old")
    source.write_bytes(b"new")
    reader = open(target, "rb")  # noqa: SIM115 - Python opens without FILE_SHARE_DELETE: the rename is refused
    closer = threading.Timer(0.3, reader.close)
    closer.start()
    try:
        attempts = files.replace(source, target)
    finally:
        closer.join()
        reader.close()
    assert attempts > 1 and target.read_bytes() == b"new"


@windows_only
def test_on_windows_files_are_binary_and_folders_are_not_fsynced(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    fsutil.write_atomic(target, b"a\nb\r\n")
    assert target.read_bytes() == b"a\nb\r\n"  # O_BINARY: no text-mode translation
    assert files.fsync_dir(tmp_path) is False


@windows_only
def test_on_windows_the_vault_lock_conflicts_and_returns_to_shared(tmp_path: Path) -> None:
    hold = inuse.SharedHold.acquire(tmp_path, create=True)
    try:
        assert inuse.held_by_os(tmp_path)  # needs pywin32 for the shared lock
        with inuse.exclusive(tmp_path, own=hold):
            assert inuse.held_by_os(tmp_path)
        assert inuse.held_by_os(tmp_path)
    finally:
        hold.release()
    assert not inuse.held_by_os(tmp_path)


@windows_only
def test_on_windows_the_vault_folder_is_local_appdata() -> None:
    assert folders.default_vault_dir() == Path(os.environ["LOCALAPPDATA"]) / "brugdesk" / "vault"


@windows_only
def test_on_windows_the_remembered_key_stays_on_this_computer() -> None:
    import keyring

    from brugdesk.keys.keyring_slot import SERVICE, KeyringSlot

    slot = KeyringSlot("platform-test-vault")
    assert slot.available(), oskeyring.backend_name(keyring.get_keyring())
    slot.store(b"k" * 32)
    try:
        assert slot.load() == b"k" * 32
        credential = slot.backend._resolve_credential(SERVICE, "platform-test-vault")  # type: ignore[attr-defined]
        assert credential["Persist"] == oskeyring.CRED_PERSIST_LOCAL_MACHINE
    finally:
        slot.forget()


@macos_only
def test_on_macos_full_fsync_works_and_the_vault_is_in_application_support(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    assert hasattr(fcntl, "F_FULLFSYNC")
    with open(tmp_path / "f", "wb") as fh:
        fh.write(b"x")
        files.fsync_file(fh.fileno())
    assert files.fsync_dir(tmp_path) is True
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert folders.default_vault_dir() == Path.home() / "Library" / "Application Support" / "brugdesk" / "vault"
