"""Honest errors on the command line (issue 12, item 15): every input that used to end in
"onverwachte fout" gets a clear line and the right exit code, and a fuzz test over the arguments
finds no unexpected error, no exit code outside 0-4 and never more than one line on stderr."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from brugdesk import i18n
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N

ROOT = Path(__file__).resolve().parents[2]
UNEXPECTED = ("onverwachte fout", "unexpected error", "Traceback")


def run(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    full_env.update({"BRUGDESK_PASSPHRASE": PASSPHRASE, **(env or {})})
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], capture_output=True, cwd=ROOT,  # type: ignore[list-item]
                          env=full_env, stdin=subprocess.DEVNULL, timeout=180, text=True, errors="replace")


def one_line(out: subprocess.CompletedProcess[str], code: int) -> str:
    assert out.returncode == code, (out.returncode, out.stderr)
    assert not any(u in out.stderr for u in UNEXPECTED), out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("brugdesk: "), out.stderr
    return lines[0]


@pytest.fixture(scope="module")
def vault_and_key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    directory = tmp_path_factory.mktemp("errors") / "vault"
    vault, recovery = Vault.create(directory, PASSPHRASE, scrypt_n=TEST_N)
    from brugdesk.store import demo

    demo.fill(vault.conn, families=6, seed=3)
    vault.close()
    return directory, recovery


# ------------------------------------------------------------------ a mistyped recovery key
def _mistype(key: str, how: str) -> str:
    groups = key.split("-")
    if how == "one_for_I":
        return key.replace("I", "1") if "I" in key else "1" + key[1:]
    if how == "eight_for_B":
        return key.replace("B", "8") if "B" in key else "8" + key[1:]
    if how == "truncated":
        return "-".join(groups[:-1])
    if how == "swapped_group":
        return "-".join([groups[1], groups[0], *groups[2:]])
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["one_for_I", "eight_for_B", "truncated", "swapped_group"])
def test_a_mistyped_recovery_key_says_it_is_not_right_with_exit_3(vault_and_key: tuple[Path, str], how: str) -> None:
    directory, key = vault_and_key
    out = run("check", "--vault", str(directory), env={"BRUGDESK_RECOVERY_KEY": _mistype(key, how)})
    assert "herstelsleutel klopt niet" in one_line(out, 3)


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212", " ", "  -  "])
def test_other_dashes_and_spaces_between_the_groups_are_fine(vault_and_key: tuple[Path, str], dash: str) -> None:
    directory, key = vault_and_key
    out = run("check", "--vault", str(directory), env={"BRUGDESK_RECOVERY_KEY": key.replace("-", dash)})
    assert out.returncode == 0, out.stderr


# ------------------------------------------------------------------ periods, text, files
@pytest.mark.parametrize("period", [["--period", "0000-0001"], ["--period", "9998-9999/T1"],
                                    ["--from", "0001-01-01", "--to", "9999-12-31"],
                                    ["--from", "9999-12-31", "--to", "9999-12-31"]])
def test_periods_outside_the_years_brugdesk_knows_are_usage_errors(vault_and_key: tuple[Path, str],
                                                                   period: list[str]) -> None:
    directory, _key = vault_and_key
    out = run("report", "--vault", str(directory), *period)
    line = one_line(out, 2)
    assert "1900" in line or "--from" in line  # (--from/--to may be refused for exports)


def test_non_utf8_text_options_are_usage_errors(vault_and_key: tuple[Path, str], tmp_path: Path) -> None:
    directory, _key = vault_and_key
    out = subprocess.run([sys.executable, "-m", "brugdesk", "export-family", "--vault", str(directory),
                          b"--family", b"G-\xff\xfe", "--pdf", str(tmp_path / "x.pdf")],  # type: ignore[list-item]
                         capture_output=True, cwd=ROOT, env={**os.environ, "BRUGDESK_PASSPHRASE": PASSPHRASE},
                         stdin=subprocess.DEVNULL, timeout=120)
    assert out.returncode == 2
    stderr = out.stderr.decode("utf-8")
    assert stderr.count("\n") == 1 and "--family is geen geldige tekst" in stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("command", [["report", "--period", "2025-2026", "--pdf"],
                                     ["report", "--period", "2025-2026", "--csv"],
                                     ["export-family", "--family", "G-2025-001", "--pdf"]])
def test_an_existing_folder_as_the_output_file_is_refused(vault_and_key: tuple[Path, str], tmp_path: Path,
                                                          command: list[str]) -> None:
    directory, _key = vault_and_key
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep")
    out = run(command[0], "--vault", str(directory), *command[1:], str(folder))
    assert "geen gewoon bestand" in one_line(out, 2)
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_init_in_a_file_or_below_a_file_says_so(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for target in (a_file, a_file / "vault"):
        out = run("init", "--vault", str(target))
        assert "Een kluis is een map" in one_line(out, 1)
    assert a_file.read_text() == "not a folder"


@pytest.mark.parametrize("change", [{"n": 2**40}, {"r": 2**30, "n": 2**20}, {"p": -1}, {"n": "lots"},
                                    {"salt": None}])
def test_key_files_with_absurd_scrypt_parameters_or_malformed_slots(vault_and_key: tuple[Path, str],
                                                                    tmp_path: Path, change: dict[str, object]) -> None:
    source, _key = vault_and_key
    directory = tmp_path / "vault"
    directory.mkdir()
    for name in ("brugdesk.db", "keyslots.json"):
        (directory / name).write_bytes((source / name).read_bytes())
    data = json.loads((directory / "keyslots.json").read_text())
    data["slots"][0].update(change)
    (directory / "keyslots.json").write_text(json.dumps(data))
    out = run("check", "--vault", str(directory))
    assert "sleutelbestand" in one_line(out, 3)


# ------------------------------------------------------------------ the fuzz test
SECRET = ["--passphrase-file", "--recovery-key", "--recovery-key-file"]
#: each command and its own options (the fuzzer mostly uses these, sometimes any option)
COMMANDS: dict[str, list[str]] = {
    "init": ["--recovery-sheet", "--officer", "--passphrase-file"],
    "demo": ["--families", "--seed", "--passphrase-file"],
    "check": ["--anchor"],
    "passwd": ["--new-passphrase-file"],
    "report": ["--period", "--from", "--to", "--school", "--threshold", "--pdf", "--csv"],
    "backup": ["--to"],
    "restore": ["--from", "--other-vault", "--backup-key-file", "--ledger-lost"],
    "erase-family": ["--family", "--yes"],
    "export-family": ["--family", "--pdf"],
    "new-recovery-key": ["--recovery-sheet"],
    "purge": ["--dry-run", "--yes"],
}
OPTIONS = sorted({o for opts in COMMANDS.values() for o in opts} | {*SECRET, "--lang", "--help", "--vault"})
PATH_OPTIONS = {"--vault", "--pdf", "--csv", "--passphrase-file", "--new-passphrase-file", "--recovery-key-file",
                "--recovery-sheet", "--backup-key-file"}
TEXT = st.sampled_from([
    "", " ", "-", "--", "0", "-1", "3", "21", "99999999999999999999", "x", "2025-2026", "2025-2026/T2",
    "2025-2026/T9", "0000-0001", "2025-2027", "1-9-2025", "31-2-2025", "2025-09-01", "0001-01-01",
    "9999-12-31", "G-2025-001", "G-9999-999", "Het Baken (VO)", "é\u0301", "\u2013", "nl", "en", "xx",
    "AAAA-AAAA", "\x00", "a" * 300, "%s%n", "{0}", "'; DROP TABLE families; --",
]) | st.text(max_size=20)


@contextlib.contextmanager
def _restored_process_state() -> Iterator[None]:
    """main() sets the umask and the language for the whole process: put them back after each run."""
    old_umask = os.umask(0o022)
    os.umask(old_umask)
    try:
        yield
    finally:
        os.umask(old_umask)
        i18n.set_language("nl")


def _in_process(argv: list[str]) -> tuple[int, str]:
    from brugdesk.cli import main

    err = io.StringIO()
    with _restored_process_state(), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@st.composite
def arguments(draw: st.DrawFn, places: dict[str, str]) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    argv = [command]
    path = st.sampled_from(sorted(places.values()))
    # (hypothesis tries small draws first: 0 is the common branch of each choice below)
    if draw(st.integers(0, 4)) < 4:  # mostly the real vault, so the command gets past unlocking
        argv += ["--vault", places["vault"] if draw(st.integers(0, 3)) < 3 else draw(path)]
    if draw(st.integers(0, 4)) < 4:  # mostly with what the command requires
        argv += {"restore": lambda: ["--from", draw(path)],
                 "export-family": lambda: ["--family", draw(st.sampled_from(["G-2025-001", "G-2025-002"]) | TEXT),
                                           "--pdf", draw(path)],
                 "erase-family": lambda: ["--family", draw(st.sampled_from(["G-2025-003", "G-2025-004"]) | TEXT)],
                 "report": lambda: ["--period", draw(st.sampled_from(["2025-2026", "2025-2026/T1"]) | TEXT)],
                 }.get(command, lambda: [])()
    for _ in range(draw(st.integers(0, 5))):
        pick = draw(st.integers(0, 9))
        own = COMMANDS[command] if command not in ("init", "demo") else [*COMMANDS[command], "--passphrase-file"]
        option = draw(st.sampled_from(own if pick < 7 and own else SECRET if pick < 8 else OPTIONS))
        if option in ("--dry-run", "--yes", "--recovery-key", "--help", "--other-vault", "--ledger-lost") \
                and draw(st.booleans()):
            argv.append(option)
            continue
        if option in PATH_OPTIONS or (option in ("--to", "--from") and command in ("backup", "restore")):
            value = draw(path)
        else:
            value = draw(TEXT)
        if option == "--families" and value.isdigit() and int(value) > 20:
            value = "3"  # a real demo vault of a million families would only be slow
        argv += [option, value] if draw(st.booleans()) else [f"{option}={value}"]
    if draw(st.integers(0, 19)) == 19:
        argv.insert(draw(st.integers(0, len(argv))), draw(TEXT))  # a stray word anywhere
    return argv


@pytest.fixture(scope="module")
def places(vault_and_key: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "folder").mkdir()
    (base / "file.txt").write_text(PASSPHRASE + "\n")
    (base / "notutf8.txt").write_bytes(b"\xff\xfe\xfd")
    vault, _key = vault_and_key
    return {"vault": str(vault), "folder": str(base / "folder"), "file": str(base / "file.txt"),
            "notutf8": str(base / "notutf8.txt"), "missing": str(base / "missing" / "x.pdf"),
            "new": str(base / "new.pdf"), "devnull": "/dev/null", "newvault": str(base / "made"),
            "backup": str(base / "file.txt"),
            "relative": "relatief.pdf", "home": "~/nope/x"}


def _check(code: int, stderr: str, argv: list[str]) -> None:
    assert not any(u in stderr for u in UNEXPECTED), (argv, stderr)
    assert code in (0, 1, 2, 3, 4), (argv, code, stderr)
    assert stderr.count("\n") <= 1, (argv, stderr)


@pytest.fixture
def fuzz_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [k for k in os.environ if k.startswith("BRUGDESK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("BRUGDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)  # a relative --pdf lands here


def test_fuzz_the_command_line_in_process(places: dict[str, str], fuzz_env: None) -> None:
    @settings(max_examples=150, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(arguments(places))
    def check(argv: list[str]) -> None:
        code, stderr = _in_process(argv)
        _check(code, stderr, argv)

    check()


def test_fuzz_a_handful_through_a_real_process(places: dict[str, str], tmp_path: Path) -> None:
    @settings(max_examples=6, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(arguments(places))
    def check(argv: list[str]) -> None:
        assume(not any("\x00" in a for a in argv))  # a real command line cannot hold a NUL
        out = run(*argv)
        _check(out.returncode, out.stderr, argv)

    check()
