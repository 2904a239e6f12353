"""The one way brugdesk writes a file (brugdesk.fsutil): atomic, 0600, never through or over a non-file."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from brugdesk import fsutil
from brugdesk.errors import NotARegularFile

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, fifos and modes as POSIX has them")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(fsutil.TEMP_SUFFIX))


def test_writes_the_bytes_and_replaces_an_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_bytes(b"old")
    fsutil.write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert leftovers(tmp_path) == []


@posix_only
def test_a_symlink_target_is_refused_and_what_it_points_to_is_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_bytes(b"keep me")
    os.chmod(victim, 0o644)
    link = tmp_path / "report.pdf"
    link.symlink_to(victim)
    with pytest.raises(NotARegularFile) as exc:
        fsutil.write_atomic(link, b"%PDF-1.4 ...")
    assert victim.read_bytes() == b"keep me" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert leftovers(tmp_path) == []
    assert "geen gewoon bestand" in exc.value.text()  # Dutch by default
    # a dangling link is refused too: nothing is created where it points
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "elsewhere" / "new.pdf")
    with pytest.raises(NotARegularFile):
        fsutil.write_atomic(dangling, b"x")
    assert not (tmp_path / "elsewhere" / "new.pdf").exists()


@posix_only
def test_a_device_and_a_fifo_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile):
        fsutil.write_atomic(Path("/dev/null"), b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile), fsutil.atomic_output(fifo) as fh:
        fh.write(b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    (folder / "inside").write_text("x")
    with pytest.raises(NotARegularFile):
        fsutil.write_atomic(folder, b"x")
    with pytest.raises(NotARegularFile), fsutil.atomic_path(folder):
        pass
    assert folder.is_dir() and (folder / "inside").read_text() == "x"
    assert leftovers(tmp_path) == []


@posix_only
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_mode_0600_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        fsutil.write_atomic(tmp_path / "a.bin", b"x")
        with fsutil.atomic_path(tmp_path / "b.db") as tmp:
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
            tmp.write_bytes(b"y")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.bin").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b.db").stat().st_mode) == 0o600
    assert (tmp_path / "b.db").read_bytes() == b"y"


def test_a_failing_writer_leaves_no_temporary_and_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), fsutil.atomic_output(target) as fh:
        fh.write(b"half a PDF")
        assert len(leftovers(tmp_path)) == 1  # the temporary is there while writing
        raise Boom
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    with pytest.raises(Boom), fsutil.atomic_path(tmp_path / "backup.bdbackup") as tmp:
        tmp.with_name(tmp.name + "-journal").write_bytes(b"j")
        raise Boom
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.pdf"]


def test_a_failing_rename_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fsutil.write_atomic(tmp_path / "x.csv", b"data")
    assert list(tmp_path.iterdir()) == []


def test_concurrent_writers_get_different_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    both_inside = threading.Barrier(2, timeout=10)
    seen: list[list[str]] = []
    errors: list[BaseException] = []

    def writer(data: bytes) -> None:
        try:
            with fsutil.atomic_output(target) as fh:
                fh.write(data)
                both_inside.wait()
                seen.append(leftovers(tmp_path))
                both_inside.wait()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(d,)) for d in (b"one", b"two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(seen) == 2 and len(seen[0]) == 2 and seen[0] == seen[1]  # two temporaries side by side
    assert target.read_bytes() in (b"one", b"two")
    assert leftovers(tmp_path) == []


def test_temporary_names_are_random_and_hidden(tmp_path: Path) -> None:
    names = {fsutil.temp_name(tmp_path / "r.pdf").name for _ in range(50)}
    assert len(names) == 50
    assert all(n.startswith(".") and n.endswith(".tmp") for n in names)
    long = fsutil.temp_name(tmp_path / ("x" * 250))
    assert len(long.name) < 100


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="O_NOFOLLOW and O_EXCL on Linux")
def test_the_temporary_is_created_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A planted file or link at the temporary's name is never opened: another random name is used."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    names = iter([tmp_path / ".planted.tmp", tmp_path / ".fresh.tmp"])
    (tmp_path / ".planted.tmp").symlink_to(victim)
    monkeypatch.setattr(fsutil, "temp_name", lambda _t: next(names))
    fsutil.write_atomic(tmp_path / "out", b"data")
    assert victim.read_bytes() == b"keep"
    assert (tmp_path / "out").read_bytes() == b"data"
