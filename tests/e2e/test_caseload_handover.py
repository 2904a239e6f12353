"""A whole caseload passes to a successor (README: "Handing over a caseload"), with the real command:
the leaving officer's vault folder (families imported from a spreadsheet, an attachment) is copied to
the successor, who opens it with the recovery key, sets a passphrase of their own and makes a new
recovery key. Afterwards the successor's passphrase and new key open it, the old passphrase and the
old recovery key do not, and every family and file is there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.e2e.test_cli import KEY_RE, run
from tests.importing.sheetfiles import CASELOAD, write_xlsx

OLD = "de sleutelbos van de vorige brugfunctionaris"
NEW = "fietsbel paraplu dinsdag zeven kwartier"


def test_a_caseload_passes_to_a_successor(tmp_path: Path) -> None:
    leaving = tmp_path / "vertrekkend" / "kluis"
    out = run("init", "--vault", str(leaving), env={"BRUGDESK_PASSPHRASE": OLD})
    assert out.returncode == 0, out.stderr
    [old_key] = [line for line in out.stdout.splitlines() if KEY_RE.match(line)]
    sheet = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": CASELOAD})
    out = run("import", "--vault", str(leaving), "--file", str(sheet), env={"BRUGDESK_PASSPHRASE": OLD})
    assert out.returncode == 0, out.stderr
    scan = tmp_path / "scan.pdf"
    data = b"%PDF-1.4\n" + os.urandom(100_000)
    scan.write_bytes(data)
    out = run("attachment", "--vault", str(leaving), "--family", "G-2025-001", "--add", str(scan),
              env={"BRUGDESK_PASSPHRASE": OLD})
    assert out.returncode == 0, out.stderr

    # 1. the leaving officer closes brugdesk and hands over the vault folder (here: a copy) and, apart
    #    from it, the printed recovery key
    successor = tmp_path / "opvolger" / "kluis"
    shutil.copytree(leaving, successor)
    key_file = tmp_path / "herstelsleutel.txt"
    key_file.write_text(old_key)

    # 2. the successor opens it with the recovery key and sets a passphrase of their own
    out = run("passwd", "--vault", str(successor), "--recovery-key-file", str(key_file),
              env={"BRUGDESK_NEW_PASSPHRASE": NEW})
    assert out.returncode == 0, out.stderr

    # 3. … and makes a new recovery key: the old one (which the predecessor may still have) no longer opens it
    out = run("new-recovery-key", "--vault", str(successor), "--recovery-sheet", str(tmp_path / "blad.pdf"),
              env={"BRUGDESK_PASSPHRASE": NEW})
    assert out.returncode == 0, out.stderr
    [new_key] = [line for line in out.stdout.splitlines() if KEY_RE.match(line)]
    assert new_key != old_key and (tmp_path / "blad.pdf").stat().st_size > 0

    assert run("check", "--vault", str(successor), env={"BRUGDESK_PASSPHRASE": NEW}).returncode == 0
    assert run("check", "--vault", str(successor), env={"BRUGDESK_RECOVERY_KEY": new_key}).returncode == 0
    assert run("check", "--vault", str(successor), env={"BRUGDESK_PASSPHRASE": OLD}).returncode == 3
    assert run("check", "--vault", str(successor), env={"BRUGDESK_RECOVERY_KEY": old_key}).returncode == 3

    # 4. the caseload is all there
    out = run("import", "--vault", str(successor), "--file", str(sheet), "--dry-run",
              env={"BRUGDESK_PASSPHRASE": NEW})
    assert "al in de kluis: 3" in out.stdout, out.stdout + out.stderr
    out = run("attachment", "--vault", str(successor), "--family", "G-2025-001", env={"BRUGDESK_PASSPHRASE": NEW})
    attachment_id = out.stdout.split("\t")[0]
    copy = tmp_path / "kopie.pdf"
    out = run("attachment", "--vault", str(successor), "--family", "G-2025-001", "--save", attachment_id, "--to",
              str(copy), env={"BRUGDESK_PASSPHRASE": NEW})
    assert out.returncode == 0 and copy.read_bytes() == data

    # 5. the predecessor erases their own copy: their folder goes, the successor's stays
    shutil.rmtree(leaving.parent)
    assert run("check", "--vault", str(successor), env={"BRUGDESK_PASSPHRASE": NEW}).returncode == 0
