"""The key file (issue 12 items 11, 13, 14, 15): compare-and-swap writes, NFC passphrases, strength,
damaged or hostile key files, and the recovery key without a key file."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.validation import ValidationError, passphrase_score, validate_passphrase
from brugdesk.errors import KeySlotDamaged, StaleKeyFile, WrongPassphrase
from brugdesk.keys import slots as slots_mod
from brugdesk.keys.slots import SLOT_FILE, PassphraseSlot, read_slots, write_slots
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N

ACCENTED_NFC = unicodedata.normalize("NFC", "café crème brûlée à la française")
ACCENTED_NFD = unicodedata.normalize("NFD", ACCENTED_NFC)


# ------------------------------------------------------------------ compare-and-swap
def test_each_write_raises_the_generation(vault: Vault, vault_dir: Path) -> None:
    first = read_slots(vault_dir).generation
    vault.change_passphrase("zeven zeilboten in de regen", scrypt_n=TEST_N)
    assert read_slots(vault_dir).generation == first + 1
    assert json.loads((vault_dir / SLOT_FILE).read_text())["generation"] == first + 1


def test_a_stale_copy_is_refused_and_the_file_left_alone(vault: Vault, vault_dir: Path) -> None:
    other = Vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        other.change_passphrase("zeven zeilboten in de regen", scrypt_n=TEST_N)
        before = (vault_dir / SLOT_FILE).read_bytes()
        with pytest.raises(StaleKeyFile):
            vault.change_passphrase("kleurpotlood onder de trap", scrypt_n=TEST_N)
        assert (vault_dir / SLOT_FILE).read_bytes() == before
        # the fresh copy can go on
        other.change_passphrase("kleurpotlood onder de trap", scrypt_n=TEST_N)
    finally:
        other.close()


def test_a_new_copy_does_not_overwrite_a_usable_key_file(vault: Vault, vault_dir: Path) -> None:
    fresh = slots_mod.KeySlots(vault_id="x", key_check="y")
    with pytest.raises(StaleKeyFile):
        write_slots(vault_dir, fresh)


# ------------------------------------------------------------------ strength and NFC (item 13)
@pytest.mark.parametrize("weak", ["aaaaaaaaaa", " " * 10, "1234567890", "wachtwoord123", "passwordpassword"])
def test_weak_passphrases_are_refused_in_dutch(weak: str, tmp_path: Path) -> None:
    assert passphrase_score(weak) < 3
    with pytest.raises(ValidationError) as exc:
        validate_passphrase(weak, strength=True)
    assert "te makkelijk te raden" in exc.value.errors["passphrase"]
    with pytest.raises(ValidationError):
        Vault.create(tmp_path / "v", weak, scrypt_n=TEST_N)
    assert not (tmp_path / "v" / SLOT_FILE).exists()


def test_a_passphrase_change_to_a_weak_or_the_same_passphrase_is_refused(vault: Vault, vault_dir: Path) -> None:
    before = (vault_dir / SLOT_FILE).read_bytes()
    with pytest.raises(ValidationError):
        vault.change_passphrase("aaaaaaaaaa", scrypt_n=TEST_N)
    with pytest.raises(ValidationError) as exc:
        vault.change_passphrase(PASSPHRASE, scrypt_n=TEST_N)
    assert "dezelfde" in exc.value.errors["passphrase"]
    assert (vault_dir / SLOT_FILE).read_bytes() == before


def test_an_accented_passphrase_opens_however_it_is_typed(tmp_path: Path) -> None:
    assert ACCENTED_NFC != ACCENTED_NFD
    vault, _rk = Vault.create(tmp_path / "v", ACCENTED_NFD, scrypt_n=TEST_N)
    vault.close()
    Vault.open(tmp_path / "v", passphrase=ACCENTED_NFC).close()
    Vault.open(tmp_path / "v", passphrase=ACCENTED_NFD).close()


def test_an_old_decomposed_slot_still_opens_and_is_made_again(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # a slot as brugdesk made it before normalising: scrypt over the text exactly as typed (NFD)
    monkeypatch.setattr(slots_mod, "normalise", lambda text: text)
    vault, _rk = Vault.create(tmp_path / "v", ACCENTED_NFD, scrypt_n=TEST_N)
    vault.close()
    monkeypatch.undo()
    old = read_slots(tmp_path / "v")
    with pytest.raises(WrongPassphrase):  # the old slot does not open from the NFC form alone
        _nfc_only(old)
    Vault.open(tmp_path / "v", passphrase=ACCENTED_NFD).close()  # the raw form opens it ...
    remade = read_slots(tmp_path / "v")
    assert remade.generation == old.generation + 1  # ... and it is made again from the NFC form
    assert _nfc_only(remade) is not None
    Vault.open(tmp_path / "v", passphrase=ACCENTED_NFC).close()


def _nfc_only(slots: slots_mod.KeySlots) -> bytes:
    """Unwrap with the NFC form only (no fallback)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    slot = slots.passphrase
    assert slot is not None
    kek = slots_mod._kek(ACCENTED_NFC, slot.salt, slot.n, slot.r, slot.p)
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slots_mod._aad(slots.vault_id, "passphrase"))
    except InvalidTag:
        raise WrongPassphrase() from None


# ------------------------------------------------------------------ damaged and hostile key files (14, 15)
def _slot_json(vault_dir: Path) -> dict[str, Any]:
    return json.loads((vault_dir / SLOT_FILE).read_text())


@pytest.mark.parametrize("change", [
    {"n": 2**40}, {"n": 2**31}, {"n": 3000}, {"n": 1}, {"n": 0}, {"n": -2**17}, {"r": 10**6}, {"r": 0},
    {"p": 10**6}, {"p": 0}, {"n": "131072"}, {"n": 2**17 + 0.5}, {"n": True}, {"n": None}, {"n": 2**20, "r": 16},
    {"salt": "not base64!"}, {"nonce": "AAAA"}, {"wrapped": ""}, {"kdf": "argon2"}, {"salt": 7},
])
def test_absurd_scrypt_parameters_and_malformed_slots_are_refused_before_scrypt(
        vault: Vault, vault_dir: Path, change: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    vault.close()
    data = _slot_json(vault_dir)
    data["slots"][0].update(change)
    (vault_dir / SLOT_FILE).write_text(json.dumps(data))
    monkeypatch.setattr(slots_mod.hashlib, "scrypt", lambda *a, **k: pytest.fail("scrypt ran"))
    with pytest.raises(KeySlotDamaged):
        Vault.open(vault_dir, passphrase=PASSPHRASE)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_a_hostile_key_file_cannot_make_the_process_allocate_gigabytes(vault: Vault, vault_dir: Path) -> None:
    import subprocess

    vault.close()
    data = _slot_json(vault_dir)
    data["slots"][0].update({"n": 2**24, "r": 64})  # 128 GiB for scrypt
    (vault_dir / SLOT_FILE).write_text(json.dumps(data))
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
            "from brugdesk.cli import main\n"
            f"sys.exit(main(['check', '--vault', {str(vault_dir)!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"BRUGDESK_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"},
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 3, out.stderr
    assert "sleutelbestand" in out.stderr and out.stderr.count("\n") == 1


GARBAGE: list[Any] = [
    "missing", "folder", b"", b"\xff\xfe not utf-8", b"[]", b"null", b"42", b'"text"', b"{}",
    {"slots": [1]}, {"format": 1, "slots": [1]}, {"format": 1, "vault_id": "v", "key_check": "k", "slots": "x"},
    {"format": 1, "vault_id": "v", "key_check": "k", "slots": [], "pending": 5},
    {"format": 1, "vault_id": ["v"], "key_check": "k", "slots": []},
    {"format": 1, "vault_id": "v", "key_check": "k", "slots": [], "generation": -1},
    b"[" * 100_000,  # deeply nested JSON
]


def _damage(vault_dir: Path, how: Any) -> None:
    path = vault_dir / SLOT_FILE
    path.unlink()
    if how == "missing":
        return
    if how == "folder":
        path.mkdir()
        (path / "x").write_text("x")
        return
    path.write_bytes(how if isinstance(how, bytes) else json.dumps(how).encode())


@pytest.mark.parametrize("how", GARBAGE, ids=[str(g)[:30] for g in GARBAGE])
def test_without_a_usable_key_file_the_recovery_key_still_opens(new_vault: tuple[Vault, str], how: Any) -> None:
    vault, recovery = new_vault
    vault_dir = vault.directory
    vault.close()
    _damage(vault_dir, how)
    with pytest.raises(KeySlotDamaged):
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    opened = Vault.open(vault_dir, recovery_key=recovery)
    try:
        assert opened.slots is None  # says: no key file
        assert opened.repo.families.count() >= 0
        listing = sorted(p.name for p in vault_dir.iterdir())
        # nothing is written to the key file until a new passphrase is set
        assert (SLOT_FILE in listing) == (how != "missing")
        opened.change_passphrase("zeven zeilboten in de regen", scrypt_n=TEST_N)
    finally:
        opened.close()
    Vault.open(vault_dir, passphrase="zeven zeilboten in de regen").close()
    assert read_slots(vault_dir).passphrase is not None
    if how == "folder":  # the damaged entry is kept aside, not deleted
        [aside] = [p for p in vault_dir.iterdir() if p.name.startswith(SLOT_FILE + ".damaged-")]
        assert (aside / "x").read_text() == "x"


def test_scrypt_bounds_admit_what_brugdesk_makes() -> None:
    for n in (2**10, 2**12, TEST_N, slots_mod.DEFAULT_SCRYPT_N, 2 * slots_mod.DEFAULT_SCRYPT_N):
        slots_mod.check_scrypt_parameters(n, slots_mod.SCRYPT_R, slots_mod.SCRYPT_P)
    slot = PassphraseSlot.create(b"k" * 32, PASSPHRASE, "vault", n=TEST_N)
    assert PassphraseSlot.from_json(slot.to_json()).unwrap(PASSPHRASE, "vault") == b"k" * 32
