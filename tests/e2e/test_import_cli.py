"""``brugdesk import`` through the real command: the template, a dry run that prints the problems per
row and writes nothing, the import as one batch, the saved mapping, undo, and bad files as one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from brugdesk.store.vault import Vault
from tests.e2e.test_cli import PASS, run
from tests.importing.sheetfiles import CASELOAD, write_xlsx

ENV = {"BRUGDESK_PASSPHRASE": PASS}


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    assert run("init", "--vault", str(vault), env=ENV).returncode == 0
    return vault


def _families(vault_dir: Path) -> list[str]:
    vault = Vault.open(vault_dir, passphrase=PASS)
    try:
        return sorted(r.display_name for r in vault.repo.families.rows())
    finally:
        vault.close()


def test_template_dry_run_import_and_undo(vault_dir: Path, tmp_path: Path) -> None:
    template = tmp_path / "sjabloon.xlsx"
    out = run("import", "--template", str(template))
    assert out.returncode == 0 and out.stdout.startswith("Sjabloon opgeslagen:"), out.stderr
    assert template.stat().st_size > 0

    rows = [*CASELOAD, [4, "Kok", "", 2016, "5", "", "1-9-2025", "", "", ""]]
    sheet = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": rows})
    out = run("import", "--vault", str(vault_dir), "--file", str(sheet), "--dry-run", env=ENV)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "rij 7 (waarschuwing): School: 'Onbekende school' staat niet bij je scholen" in out.stdout
    assert "rij 8 (fout): De voornaam van het kind ontbreekt: de rij wordt niet geïmporteerd." in lines
    assert "5 rijen gelezen: 4 zonder fout, 1 met een fout (weggelaten), 4 waarschuwingen." in lines
    assert "Nieuwe gezinnen: 3 met 6 gezinsleden; al in de kluis: 0 (0 samenvoegen, de andere overgeslagen)." in lines
    assert lines[-1] == "Proefimport: er is niets opgeslagen."
    assert _families(vault_dir) == []

    mapping = tmp_path / "indeling.json"
    out = run("import", "--vault", str(vault_dir), "--file", str(sheet), "--save-mapping", str(mapping), env=ENV)
    assert out.returncode == 0, out.stderr
    assert "Geïmporteerd als één geheel: 3 nieuwe gezinnen, 6 gezinsleden, 0 contactmomenten." in out.stdout
    assert "bevat de gegevens nog onversleuteld" in out.stdout
    assert _families(vault_dir) == ["Fam. Jansen", "Fam. Yılmaz", "Fam. de Vries"]

    # the same sheet again, with the saved mapping: every family is a duplicate and skipped
    out = run("import", "--vault", str(vault_dir), "--file", str(sheet), "--mapping", str(mapping), "--dry-run",
              env=ENV)
    assert "al in de kluis: 3 (0 samenvoegen, de andere overgeslagen)" in out.stdout, out.stderr

    out = run("import", "--vault", str(vault_dir), "--undo", env=ENV)
    assert out.returncode == 0, out.stderr
    assert "3 gezinnen, 6 gezinsleden en 0 contactmomenten verwijderd" in out.stdout
    assert _families(vault_dir) == []
    out = run("import", "--vault", str(vault_dir), "--undo", env=ENV)
    assert (out.returncode, out.stderr.strip()) == (1, "brugdesk: Er is geen import om ongedaan te maken.")


def test_bad_files_are_one_line_and_exit_1(vault_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "leeg.xlsx").write_bytes(b"")
    out = run("import", "--vault", str(vault_dir), "--file", str(tmp_path / "leeg.xlsx"), env=ENV)
    assert (out.returncode, out.stderr) == (1, "brugdesk: Het bestand leeg.xlsx is leeg.\n")
    other = write_xlsx(tmp_path / "ander.xlsx", {"Blad1": [["Kleur", "Smaak"], ["rood", "zoet"]]})
    out = run("import", "--vault", str(vault_dir), "--file", str(other), env=ENV)
    assert out.returncode == 1 and "Kies de kolom met de achternaam" in out.stdout
    assert "Traceback" not in out.stderr
    out = run("import", "--vault", str(vault_dir), env=ENV)
    assert out.returncode == 2  # one of --file, --undo or --template is needed


def test_attachments_through_the_command_and_the_inspection_export(vault_dir: Path, tmp_path: Path) -> None:
    import os

    sheet = write_xlsx(tmp_path / "g.xlsx", {"B": [["Achternaam", "Naam kind"], ["Kramer", "Ivo"]]})
    assert run("import", "--vault", str(vault_dir), "--file", str(sheet), env=ENV).returncode == 0
    vault = Vault.open(vault_dir, passphrase=PASS)
    ref = vault.repo.families.rows()[0].ref
    vault.close()
    scan = tmp_path / "toestemming Kramer.pdf"
    data = b"%PDF-1.4\n" + os.urandom(300_000)
    scan.write_bytes(data)
    out = run("attachment", "--vault", str(vault_dir), "--family", ref, "--add", str(scan), env=ENV)
    assert out.returncode == 0 and out.stdout.startswith("Bijlage "), out.stderr
    out = run("attachment", "--vault", str(vault_dir), "--family", ref, env=ENV)
    [line] = out.stdout.splitlines()
    attachment_id, _when, size, on, name = line.split("\t")
    assert (size, on, name) == ("292 kB", "gezin", "toestemming Kramer.pdf")
    out = run("attachment", "--vault", str(vault_dir), "--family", ref, "--save", attachment_id, "--to",
              str(tmp_path / "kopie.pdf"), env=ENV)
    assert out.returncode == 0 and "niet versleuteld" in out.stdout
    assert (tmp_path / "kopie.pdf").read_bytes() == data
    (tmp_path / "groot.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (26 * 1024 * 1024))
    out = run("attachment", "--vault", str(vault_dir), "--family", ref, "--add", str(tmp_path / "groot.pdf"),
              env=ENV)
    assert out.returncode == 1 and out.stderr.startswith("brugdesk: Dit bestand is te groot"), out.stderr

    pdf = tmp_path / "inzage.pdf"
    out = run("export-family", "--vault", str(vault_dir), "--family", ref, "--pdf", str(pdf), "--with-attachments",
              env=ENV)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "inzage-bijlagen" / "bijlage-01.pdf").read_bytes() == data
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Bijlagen" in text and "toestemming Kramer.pdf" in text and "bijlage-01.pdf" in text
