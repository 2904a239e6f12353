"""The `brugdesk` command as a user runs it: real processes, real vault files (issue 2, DESIGN §7)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASS = "kitchen table 2026"
KEY_RE = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full_env, input=stdin if stdin is not None else "", timeout=180)


def snapshot(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    vault = tmp_path_factory.mktemp("cli") / "vault"
    out = run("init", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    keys = [line for line in out.stdout.splitlines() if KEY_RE.match(line)]
    assert len(keys) == 1  # printed once, on its own line
    return vault, keys[0]


def test_version() -> None:
    from brugdesk import __version__

    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"brugdesk {__version__}"


def test_init_prints_the_recovery_key_once_and_it_opens_the_vault(cli_vault: tuple[Path, str]) -> None:
    vault, key = cli_vault
    out = run("check", "--vault", str(vault), env={"BRUGDESK_RECOVERY_KEY": key.lower()})
    assert out.returncode == 0, out.stderr
    out = run("check", "--vault", str(vault), env={"BRUGDESK_RECOVERY_KEY": key.replace("-", " ")})
    assert out.returncode == 0, out.stderr


def test_check_reports_what_it_checked_in_dutch(cli_vault: tuple[Path, str]) -> None:
    vault, _ = cli_vault
    out = run("check", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "sleutel: in orde" in text
    assert "SQLCipher 4." in text
    assert "cipher_integrity_check en integrity_check: in orde" in text
    from brugdesk.store.schema import SCHEMA_VERSION

    assert f"schemaversie: {SCHEMA_VERSION} (deze brugdesk: {SCHEMA_VERSION})" in text
    assert "keten van het logboek: in orde" in text


def test_wrong_passphrase_exit_3_one_line_files_untouched(cli_vault: tuple[Path, str]) -> None:
    vault, _ = cli_vault
    before = snapshot(vault)
    out = run("check", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": "not my passphrase"})
    assert out.returncode == 3
    assert out.stderr.strip().splitlines() == ["brugdesk: Onjuiste wachtwoordzin. Controleer de wachtwoordzin, "
                                               "of gebruik de herstelsleutel."]
    assert "Traceback" not in out.stderr
    assert snapshot(vault) == before


def test_passphrase_file_and_missing_secret(cli_vault: tuple[Path, str], tmp_path: Path) -> None:
    vault, _ = cli_vault
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    assert run("check", "--vault", str(vault), "--passphrase-file", str(secret)).returncode == 0
    out = run("check", "--vault", str(vault))  # no TTY, no environment: cannot unlock
    assert out.returncode == 3
    assert len(out.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2() -> None:
    out = run("frobnicate")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    out = run("demo", "--families", "many")
    assert out.returncode == 2


def test_passwd_changes_the_passphrase(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    assert run("init", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": PASS}).returncode == 0
    out = run("passwd", "--vault", str(vault),
              env={"BRUGDESK_PASSPHRASE": PASS, "BRUGDESK_NEW_PASSPHRASE": "a brand new passphrase"})
    assert out.returncode == 0, out.stderr
    assert run("check", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": PASS}).returncode == 3
    assert run("check", "--vault", str(vault),
               env={"BRUGDESK_PASSPHRASE": "a brand new passphrase"}).returncode == 0
    out = run("passwd", "--vault", str(vault),
              env={"BRUGDESK_PASSPHRASE": "a brand new passphrase", "BRUGDESK_NEW_PASSPHRASE": "short"})
    assert out.returncode == 1
    assert out.stderr.strip() == "brugdesk: De wachtwoordzin moet minstens 10 tekens lang zijn."


def test_init_refuses_short_passphrase_and_existing_vault(cli_vault: tuple[Path, str], tmp_path: Path) -> None:
    out = run("init", "--vault", str(tmp_path / "x"), env={"BRUGDESK_PASSPHRASE": "kort"})
    assert out.returncode == 1
    assert not (tmp_path / "x" / "brugdesk.db").exists()
    vault, _ = cli_vault
    before = snapshot(vault)
    out = run("init", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": PASS})
    assert out.returncode == 1
    assert "niet aangeraakt" in out.stderr
    assert snapshot(vault) == before


def test_init_writes_a_recovery_sheet_without_names(tmp_path: Path) -> None:
    sheet = tmp_path / "herstel.pdf"
    out = run("init", "--vault", str(tmp_path / "v"), "--recovery-sheet", str(sheet), "--officer", "Pietje Puk",
              env={"BRUGDESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    key = next(line for line in out.stdout.splitlines() if KEY_RE.match(line))
    text = subprocess.run(["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True).stdout
    assert all(group in text for group in key.split("-"))
    assert "Herstelsleutel" in text
    info = subprocess.run(["pdfinfo", str(sheet)], capture_output=True, text=True).stdout
    assert "Pietje" not in info and "Pietje" not in text


def test_demo_3000_families(tmp_path: Path) -> None:
    vault = tmp_path / "demo"
    out = run("demo", "--vault", str(vault), "--families", "3000", "--seed", "7", env={"BRUGDESK_PASSPHRASE": PASS})
    assert out.returncode == 0, out.stderr
    assert sum(1 for line in out.stdout.splitlines() if KEY_RE.match(line)) == 1
    sys.path.insert(0, str(ROOT))
    from brugdesk.store.vault import Vault

    vault_obj = Vault.open(vault, passphrase=PASS)
    try:
        repo = vault_obj.repo
        assert repo.families.count() == 3000
        assert 4 * 3000 < repo.contacts.count() < 12 * 3000  # one officer's year: about eight per family
        statuses = {r.status for r in repo.families.rows()}
        assert len(statuses) == 3  # registered, active and closed families
        kinds = dict(vault_obj.conn.execute("SELECT kind, count(*) FROM contact GROUP BY kind").fetchall())
        share = kinds["home_visit"] / sum(kinds.values())
        assert 0.25 < share < 0.35  # home visits about 30 %
        referral_statuses = {r[0] for r in vault_obj.conn.execute("SELECT DISTINCT status FROM referral")}
        assert referral_statuses == {"proposed", "referred", "waiting_list", "accepted", "completed", "declined",
                                     "stopped"}
    finally:
        vault_obj.close()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from brugdesk.store import demo
    from brugdesk.store.vault import Vault

    def written_at(value: object) -> bool:  # created_at, updated_at: the moment of writing
        return isinstance(value, str) and len(value) > 10 and value[:2] == "20" and value[10] == "T"

    dumps = []
    for name in ("a", "b"):
        vault, _ = Vault.create(tmp_path / name, PASS, scrypt_n=2**14)
        demo.fill(vault.conn, families=40, seed=3, today=dt.date(2026, 3, 1), profile="year")
        dumps.append([[tuple(v for v in row if not written_at(v))
                       for row in vault.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()]
                      for table in ("family", "member", "contact", "referral", "referral_status", "followup",
                                    "signal", "signal_status", "appointment", "activity_family", "snippet",
                                    "activity")])
        vault.close()
    assert dumps[0] == dumps[1]  # record keys included
    assert all(dumps[0])  # every kind of data is there


def test_bare_command_without_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env = {k: v for k, v in env.items() if not k.startswith("BRUGDESK_")}
    out = subprocess.run([sys.executable, "-m", "brugdesk", "--vault", str(tmp_path / "v")], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 1
    assert "xvfb-run" in out.stderr and "QT_QPA_PLATFORM=offscreen" in out.stderr
    assert "Traceback" not in out.stderr and "Aborted" not in out.stderr


def test_secrets_are_asked_at_a_tty_prompt_and_not_echoed(tmp_path: Path) -> None:
    """Typed at a real terminal (pty): init asks twice, check asks once; nothing typed is echoed."""
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    vault = tmp_path / "tty"
    child = pexpect.spawn(sys.executable, ["-m", "brugdesk", "init", "--vault", str(vault)], cwd=str(ROOT),
                          env=env, encoding="utf-8", timeout=60)
    child.expect("Nieuwe wachtwoordzin")
    child.sendline("tty passphrase 42")
    child.expect("Typ het nog een keer")
    child.sendline("tty passphrase 42")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "tty passphrase 42" not in (child.before or "")
    child = pexpect.spawn(sys.executable, ["-m", "brugdesk", "check", "--vault", str(vault)], cwd=str(ROOT),
                          env=env, encoding="utf-8", timeout=60)
    child.expect("Wachtwoordzin: ")
    child.sendline("tty passphrase 42")
    child.expect("keten van het logboek: in orde")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
