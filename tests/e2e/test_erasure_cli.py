"""Issue 12 through the real command: restore only of a real brugdesk vault (item 1), an erasure that
stays erased (item 2), the audit log's anchors (item 17), read-only commands and ``erase-family``
(item 18). Real processes and files; a few in-process runs of :func:`brugdesk.cli.main` too."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from brugdesk.keys.recovery import parse_recovery_key
from brugdesk.store import audit, connection, integrity
from brugdesk.store.vault import DB_FILE
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Child
from tests.vaultbytes import dump

ROOT = Path(__file__).resolve().parents[2]
PASS = "kitchen table 2026"
KEY_RE = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")
CODE_RE = re.compile(r"controlecode logboek (\d+:[0-9a-f]{16})")


def run(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full_env, input=stdin, timeout=180, check=False)


def ok(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 0, (out.returncode, out.stderr)
    return out.stdout


def one_line_error(out: subprocess.CompletedProcess[str], code: int) -> str:
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr and "onverwachte fout" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    return lines[0]


def folder(directory: Path) -> dict[str, str]:
    """Every file under the vault folder (names and contents), for "nothing moved"."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def demo_vault(tmp_path: Path, name: str = "vault", families: int = 8, passphrase: str = PASS) -> tuple[Path, str]:
    vault = tmp_path / name
    out = run("demo", "--vault", str(vault), "--families", str(families), BRUGDESK_PASSPHRASE=passphrase)
    keys = [line for line in ok(out).splitlines() if KEY_RE.match(line)]
    return vault, keys[0]


def refs(vault: Path, key: str) -> list[str]:
    conn = connection.connect(vault / DB_FILE, parse_recovery_key(key), readonly=True)
    try:
        return [str(r[0]) for r in conn.execute("SELECT ref FROM family ORDER BY id")]
    finally:
        conn.close()


# ------------------------------------------------------------------ item 1
@pytest.mark.parametrize("kind", ["empty", "plain sqlite", "random", "newer schema"])
def test_restore_of_something_that_is_not_this_vaults_backup_exits_4_and_moves_nothing(tmp_path: Path,
                                                                                         kind: str) -> None:
    vault, key = demo_vault(tmp_path)
    candidate = tmp_path / "z.bdbackup"
    if kind == "empty":
        candidate.write_bytes(b"")  # `: > z.bdbackup` from the issue
    elif kind == "plain sqlite":
        sqlite3.connect(candidate).execute("CREATE TABLE family (id INTEGER PRIMARY KEY)").connection.commit()
    elif kind == "random":
        candidate.write_bytes(os.urandom(4096 * 4))
    else:
        ok(run("backup", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
        made = next((vault / "backups").glob("*.bdbackup"))
        conn = connection.connect(made, parse_recovery_key(key))
        conn.execute("PRAGMA user_version = 99")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        candidate.write_bytes(made.read_bytes())
    before = folder(vault)
    line = one_line_error(run("restore", "--vault", str(vault), "--from", str(candidate),
                              BRUGDESK_PASSPHRASE=PASS), 4)
    assert "Er is niets veranderd" in line
    assert folder(vault) == before
    ok(run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))  # and every command still works


def test_another_vaults_backup_needs_the_explicit_choice_and_its_own_key(tmp_path: Path) -> None:
    vault, key = demo_vault(tmp_path, families=8)
    other, other_key = demo_vault(tmp_path, "other", families=5)
    ok(run("backup", "--vault", str(other), BRUGDESK_PASSPHRASE=PASS))
    foreign = next((other / "backups").glob("*.bdbackup"))
    before = folder(vault)
    line = one_line_error(run("restore", "--vault", str(vault), "--from", str(foreign),
                              BRUGDESK_PASSPHRASE=PASS), 4)
    assert "andere kluis" in line and "--other-vault" in line
    line = one_line_error(run("restore", "--vault", str(vault), "--from", str(foreign), "--other-vault",
                              BRUGDESK_PASSPHRASE=PASS), 2)  # no key for the other vault: asked, not guessed
    assert "BRUGDESK_BACKUP_RECOVERY_KEY" in line
    one_line_error(run("restore", "--vault", str(vault), "--from", str(foreign), "--other-vault",
                       BRUGDESK_PASSPHRASE=PASS, BRUGDESK_BACKUP_RECOVERY_KEY=key), 4)  # the wrong vault's key
    assert folder(vault) == before
    out = ok(run("restore", "--vault", str(vault), "--from", str(foreign), "--other-vault",
                 BRUGDESK_PASSPHRASE=PASS, BRUGDESK_BACKUP_RECOVERY_KEY=other_key))
    assert "andere kluis" in out
    assert refs(vault, key) == refs(other, other_key)  # the other vault's families, under this vault's key
    ok(run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
    ok(run("check", "--vault", str(vault), BRUGDESK_RECOVERY_KEY=key))


# ------------------------------------------------------------------ item 2
def test_an_erasure_survives_restoring_an_older_backup(tmp_path: Path) -> None:
    vault, key = demo_vault(tmp_path)
    ok(run("backup", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
    old = next((vault / "backups").glob("*.bdbackup"))
    ref = refs(vault, key)[0]
    out = ok(run("erase-family", "--vault", str(vault), "--family", ref, "--yes", BRUGDESK_PASSPHRASE=PASS))
    assert f"Gezin {ref} is gewist." in out
    assert ref not in refs(vault, key)
    out = ok(run("restore", "--vault", str(vault), "--from", str(old), BRUGDESK_PASSPHRASE=PASS))
    assert "1 gewist gezin opnieuw verwijderd" in out
    assert ref not in refs(vault, key) and len(refs(vault, key)) == 7
    line = one_line_error(run("export-family", "--vault", str(vault), "--family", ref, "--pdf",
                              str(tmp_path / "x.pdf"), BRUGDESK_PASSPHRASE=PASS), 2)
    assert "geen gezin" in line
    conn = connection.connect(vault / DB_FILE, parse_recovery_key(key), readonly=True)
    try:
        actions = [e.action for e in audit.entries(conn, limit=50)]
    finally:
        conn.close()
    assert "reapply_erasure" in actions and "restore" in actions
    out = ok(run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
    assert "gewiste gezinnen: 1" in out


def test_check_reports_a_missing_ledger_and_restore_refuses_until_told(tmp_path: Path) -> None:
    vault, key = demo_vault(tmp_path)
    ok(run("backup", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
    old = next((vault / "backups").glob("*.bdbackup"))
    ref = refs(vault, key)[0]
    ok(run("erase-family", "--vault", str(vault), "--family", ref, "--yes", BRUGDESK_PASSPHRASE=PASS))
    (vault / "erasures.bdledger").unlink()
    out = run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS)
    line = one_line_error(out, 4)
    assert "erasures.bdledger" in line and "ontbreekt" in line
    before = folder(vault)
    line = one_line_error(run("restore", "--vault", str(vault), "--from", str(old), BRUGDESK_PASSPHRASE=PASS), 4)
    assert "gewiste gezinnen" in line and "niets veranderd" in line
    assert folder(vault) == before
    out = ok(run("restore", "--vault", str(vault), "--from", str(old), "--ledger-lost", BRUGDESK_PASSPHRASE=PASS))
    assert "opnieuw begonnen" in out
    assert ref in refs(vault, key)  # what the officer was warned of: without the ledger it came back
    ok(run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))


# ------------------------------------------------------------------ item 17
def rewrite_chain(db: Path, key: bytes, drop: set[str]) -> None:
    """What someone holding the data key can do: delete entries, compute every hash again, move the head."""
    conn = connection.connect(db, key)
    try:
        rows = conn.execute("SELECT ts, action, entity, entity_id, subject FROM audit ORDER BY id").fetchall()
        kept = [r for r in rows if r[1] not in drop]
        assert len(kept) < len(rows)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM audit")
        prev = audit.GENESIS
        for i, (ts, action, entity, entity_id, subject) in enumerate(kept, start=1):
            digest = audit.entry_hash(prev, ts, action, entity, subject)
            conn.execute("INSERT INTO audit (id, ts, action, entity, entity_id, subject, prev_hash, hash) "
                         "VALUES (?,?,?,?,?,?,?,?)", (i, ts, action, entity, entity_id, subject, prev, digest))
            prev = digest
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{len(kept)}:{prev}",))
        conn.execute("COMMIT")
        assert audit.verify_chain(conn) is None  # the chain alone cannot tell
    finally:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()


def pdf_codes(pdf: Path) -> set[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return set(CODE_RE.findall(text))


def test_check_finds_a_rewritten_audit_chain_by_its_anchors(tmp_path: Path) -> None:
    vault, key = demo_vault(tmp_path)
    ref = refs(vault, key)[0]
    pdf = tmp_path / "inzage.pdf"
    ok(run("export-family", "--vault", str(vault), "--family", ref, "--pdf", str(pdf), BRUGDESK_PASSPHRASE=PASS))
    [printed] = pdf_codes(pdf)
    out = ok(run("check", "--vault", str(vault), "--anchor", printed, BRUGDESK_PASSPHRASE=PASS))
    assert f"anker van het logboek {printed} (sleutelbestand" in out and out.count(": in orde") >= 3
    rewrite_chain(vault / DB_FILE, parse_recovery_key(key), drop={"export"})
    out = run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS)
    line = one_line_error(out, 4)
    assert printed in line and "herschreven" in line
    assert "keten van het logboek" not in line  # the chain itself verifies: only the anchor tells
    assert f"anker van het logboek {printed} (sleutelbestand" in out.stdout and "KLOPT NIET" in out.stdout
    # whoever also rewrote the key file's anchors is caught by the code printed on the PDF
    slots = (vault / "keyslots.json").read_text()
    (vault / "keyslots.json").write_text(re.sub(r',\s*"anchors": \[.*?\]', "", slots, flags=re.S))
    assert '"anchors"' not in (vault / "keyslots.json").read_text()
    line = one_line_error(run("check", "--vault", str(vault), "--anchor", printed, BRUGDESK_PASSPHRASE=PASS), 4)
    assert printed in line
    one_line_error(run("check", "--vault", str(vault), "--anchor", "12:xyz", BRUGDESK_PASSPHRASE=PASS), 2)


def test_the_report_pdf_carries_the_check_code_and_anchors_it(tmp_path: Path) -> None:
    vault, _key = demo_vault(tmp_path, families=30)
    pdf = tmp_path / "rapportage.pdf"
    ok(run("report", "--vault", str(vault), "--period", "2025-2026", "--pdf", str(pdf), BRUGDESK_PASSPHRASE=PASS))
    [printed] = pdf_codes(pdf)
    out = ok(run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS))
    assert f"anker van het logboek {printed} (sleutelbestand" in out


# ------------------------------------------------------------------ item 18
def rows_but_the_log(db: Path, key: str) -> tuple[str, list[str]]:
    conn = integrity.open_for_check(db, parse_recovery_key(key))  # immutable: leaves no -wal/-shm behind
    try:
        rows = [line for line in dump(conn).splitlines()
                if not line.startswith("audit:") and "'audit_head'" not in line]
        actions = [str(r[0]) for r in conn.execute("SELECT action FROM audit ORDER BY id")]
    finally:
        conn.close()
    return "\n".join(rows), actions


@pytest.mark.parametrize("command", [["check"], ["report", "--period", "2025-2026"]])
def test_a_command_that_only_reads_writes_nothing_but_its_unlock_entry(tmp_path: Path, command: list[str]) -> None:
    vault, key = demo_vault(tmp_path, families=20)
    ok(run("export-family", "--vault", str(vault), "--family", refs(vault, key)[0], "--pdf",
           str(tmp_path / "a.pdf"), BRUGDESK_PASSPHRASE=PASS))  # a key file with an anchor, a ledger-free vault
    rows, actions = rows_but_the_log(vault / DB_FILE, key)
    others = {k: v for k, v in folder(vault).items() if not k.startswith(DB_FILE)}
    out = ok(run(command[0], "--vault", str(vault), *command[1:], BRUGDESK_PASSPHRASE=PASS))
    assert "niets gewijzigd" not in out
    rows_after, actions_after = rows_but_the_log(vault / DB_FILE, key)
    assert rows_after == rows
    assert actions_after == actions + ["unlock"]  # the unlock, nothing else (a summary is not a report made)
    assert {k: v for k, v in folder(vault).items() if not k.startswith(DB_FILE)} == others
    assert sorted(p.name for p in vault.iterdir() if p.name.startswith(DB_FILE)) == [DB_FILE]


def test_a_refused_new_recovery_key_writes_nothing(tmp_path: Path) -> None:
    vault, _key = demo_vault(tmp_path, passphrase=PASSPHRASE)  # the passphrase the child process uses
    holder = Child("hold", vault)  # the app (another process) has the vault open
    try:
        before = folder(vault)
        line = one_line_error(run("new-recovery-key", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASSPHRASE), 1)
    finally:
        holder.kill()
    assert "nog geopend" in line and "niets gewijzigd" in line
    assert folder(vault) == before  # not even an unlock entry: so "nothing was changed" is true


def test_erase_family_needs_yes_without_a_terminal_and_unlocks_nothing(tmp_path: Path) -> None:
    vault, key = demo_vault(tmp_path)
    ref = refs(vault, key)[0]
    before = folder(vault)
    line = one_line_error(run("erase-family", "--vault", str(vault), "--family", ref, BRUGDESK_PASSPHRASE=PASS), 2)
    assert "--yes" in line
    assert folder(vault) == before
    line = one_line_error(run("erase-family", "--vault", str(vault), "--family", "G-1999-999", "--yes",
                              BRUGDESK_PASSPHRASE=PASS), 2)
    assert "geen gezin" in line


def test_erase_family_asks_at_a_terminal_with_no_as_the_default(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    vault, key = demo_vault(tmp_path)
    ref = refs(vault, key)[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    env["BRUGDESK_PASSPHRASE"] = PASS
    for answer, erased in (("", False), ("nee", False), ("j", True)):
        child = pexpect.spawn(sys.executable, ["-m", "brugdesk", "erase-family", "--vault", str(vault), "--family",
                                               ref], cwd=str(ROOT), env=env, encoding="utf-8", timeout=60)
        child.expect(f"Gezin {ref} wissen verwijdert het dossier")
        child.expect(r"definitief wissen\? \[j/N\] ")
        child.sendline(answer)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        assert (ref in refs(vault, key)) is not erased
        assert ("Er is niets gewist." in (child.before or "")) is not erased


def test_erase_family_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from brugdesk.cli import main

    vault, key = demo_vault(tmp_path)
    ref = refs(vault, key)[1]
    for name in list(os.environ):
        if name.startswith("BRUGDESK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("BRUGDESK_PASSPHRASE", PASS)
    assert main(["erase-family", "--vault", str(vault), "--family", ref]) == 2  # pytest's stdin is no terminal
    assert "--yes" in capsys.readouterr().err
    assert ref in refs(vault, key)
    assert main(["erase-family", "--vault", str(vault), "--family", ref, "--yes"]) == 0
    assert f"Gezin {ref} is gewist." in capsys.readouterr().out
    assert ref not in refs(vault, key)
    assert main(["check", "--vault", str(vault)]) == 0
    assert "gewiste gezinnen: 1" in capsys.readouterr().out


def test_erase_family_counts_signals_and_appointments_and_leaves_out_what_the_family_lacks(tmp_path: Path) -> None:
    """The command's confirmation text counts what the app's erasure dialog counts (issue 13): the
    signal the family came from and its appointments too, a line per kind, none for a kind of which
    the family has nothing (no referrals, no follow-ups here)."""
    import datetime as dt

    from brugdesk.core.model import Appointment, Contact, Family, Member, MemberRole, Signal
    from brugdesk.store.vault import Vault

    created, _key = Vault.create(tmp_path / "vault", PASS, scrypt_n=2**12)
    try:
        repo = created.repo
        signal = repo.signals.add(Signal(dt.date(2025, 9, 1), "teacher", "Milan is vaak moe"))
        assert signal.id is not None
        family = repo.signals.make_family(signal.id, Family("Fam. Visser", dt.date(2025, 9, 3)),
                                          [Member(MemberRole.PARENT, "Anouk")],
                                          [Member(MemberRole.CHILD, "Milan", birth_year=2016)])
        assert family.id is not None
        repo.contacts.add(Contact(family.id, dt.date(2025, 9, 10), 45, "home_visit", note="Gesprek thuis"))
        for day in (dt.date(2025, 9, 16), dt.date(2025, 9, 23)):
            repo.appointments.add(Appointment(day, dt.time(10, 0), "home_visit", family_id=family.id))
        ref = family.ref
    finally:
        created.close()
    out = ok(run("erase-family", "--vault", str(tmp_path / "vault"), "--family", ref, "--yes",
                 BRUGDESK_PASSPHRASE=PASS))
    lines = out.splitlines()
    start = lines.index(f"Gezin {ref} wissen verwijdert het dossier en alles wat erin staat:")
    end = lines.index("Alleen de datum en het aantal gewiste gezinnen blijven bewaard.")
    listed = lines[start + 1 : end]
    assert listed[:4] == ["  - 2 gezinsleden", "  - 1 contactmoment met notitie",
                          "  - 1 signaal waar het gezin uit voortkwam, met het verloop",
                          "  - 2 afspraken in de agenda"]
    assert re.fullmatch(r"  - de gegevens van het gezin in \d+ regels van het logboek", listed[4]), listed
    assert len(listed) == 5  # no line for referrals or follow-ups: the family has none
    assert "0 " not in out and "(s)" not in out and "(en)" not in out
    assert f"Gezin {ref} is gewist." in out
