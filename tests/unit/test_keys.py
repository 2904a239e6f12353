"""Key slots, the recovery key and the scrypt cost (issue 2, DESIGN §3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brugdesk.errors import KeySlotDamaged, MalformedRecoveryKey, WrongPassphrase, WrongRecoveryKey
from brugdesk.keys import slots as slotmod
from brugdesk.keys.recovery import format_recovery_key, parse_recovery_key
from brugdesk.keys.slots import SLOT_FILE, PassphraseSlot, new_data_key, read_slots
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N


def test_recovery_key_format_is_13_groups_of_4_base32() -> None:
    key = new_data_key()
    text = format_recovery_key(key)
    assert re.fullmatch(r"([A-Z2-7]{4}-){12}[A-Z2-7]{4}", text)
    assert len(text.replace("-", "")) == 52


def test_recovery_key_parses_case_insensitively_with_spaces_and_dashes() -> None:
    key = new_data_key()
    text = format_recovery_key(key)
    assert parse_recovery_key(text) == key
    assert parse_recovery_key(text.lower()) == key
    assert parse_recovery_key(text.replace("-", " ")) == key
    assert parse_recovery_key("  " + text.replace("-", "") + "\n") == key


@pytest.mark.parametrize("bad", ["", "ABCD", "1" * 52, "A" * 51, "A" * 53, "Ä" * 52])
def test_malformed_recovery_key_gets_a_dutch_message(bad: str) -> None:
    with pytest.raises(MalformedRecoveryKey, match="herstelsleutel"):
        parse_recovery_key(bad)


def test_recovery_key_with_nonzero_padding_bits_is_refused() -> None:
    text = format_recovery_key(bytes(32)).replace("-", "")
    tampered = text[:-1] + "B"  # the last symbol carries 4 unused bits
    with pytest.raises(MalformedRecoveryKey):
        parse_recovery_key(tampered)


def test_passphrase_slot_round_trip_and_wrong_passphrase() -> None:
    key = new_data_key()
    slot = PassphraseSlot.create(key, PASSPHRASE, "vault-a", n=TEST_N)
    assert slot.unwrap(PASSPHRASE, "vault-a") == key
    with pytest.raises(WrongPassphrase):
        slot.unwrap(PASSPHRASE + "x", "vault-a")
    # the slot is bound to its vault: it cannot be moved to another one
    with pytest.raises(WrongPassphrase):
        slot.unwrap(PASSPHRASE, "vault-b")


def test_short_passphrase_is_refused_with_its_message() -> None:
    from brugdesk.core.validation import ValidationError

    with pytest.raises(ValidationError) as info:
        PassphraseSlot.create(new_data_key(), "123456789", "v", n=TEST_N)
    assert info.value.errors["passphrase"] == "De wachtwoordzin moet minstens 10 tekens lang zijn."


def test_production_kdf_cost_is_memory_hard(tmp_path: Path) -> None:
    """Vaults made without a test override use scrypt n=2^17, r=8 (128 MiB): ≥ 0.25 s here (see benchmarks)."""
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE)
    vault.close()
    data = json.loads((tmp_path / "v" / SLOT_FILE).read_text())
    slot = data["slots"][0]
    assert slot["kdf"] == "scrypt"
    assert slot["n"] == slotmod.DEFAULT_SCRYPT_N == 2**17
    assert slot["r"] == 8
    assert 128 * slot["n"] * slot["r"] >= 128 * 2**20


def test_key_slot_file_holds_no_key_in_the_clear(new_vault: tuple[Vault, str], vault_dir: Path) -> None:
    vault, recovery = new_vault
    raw = (vault_dir / SLOT_FILE).read_bytes()
    key = vault.data_key
    assert key not in raw
    assert key.hex().encode() not in raw
    assert recovery.replace("-", "").encode() not in raw
    import base64

    assert base64.b64encode(key) not in raw


def test_recovery_key_opens_the_vault_when_the_key_file_is_deleted(new_vault: tuple[Vault, str],
                                                                    vault_dir: Path) -> None:
    vault, recovery = new_vault
    import datetime as dt

    from brugdesk.core.model import Family

    vault.repo.families.create(Family("Fam. Test", dt.date(2025, 9, 1)))
    vault.close()
    (vault_dir / SLOT_FILE).unlink()
    with pytest.raises(KeySlotDamaged):
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    reopened = Vault.open(vault_dir, recovery_key=recovery.lower())
    try:
        assert [r.display_name for r in reopened.repo.families.rows()] == ["Fam. Test"]
        # a new passphrase can be set after recovery; it then opens the vault again
        reopened.change_passphrase("a new passphrase!", scrypt_n=TEST_N)
    finally:
        reopened.close()
    Vault.open(vault_dir, passphrase="a new passphrase!").close()


def test_recovery_key_opens_the_vault_when_the_key_file_is_damaged(new_vault: tuple[Vault, str],
                                                                   vault_dir: Path) -> None:
    vault, recovery = new_vault
    vault.close()
    (vault_dir / SLOT_FILE).write_bytes(b"{not json")
    with pytest.raises(KeySlotDamaged):
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    Vault.open(vault_dir, recovery_key=recovery).close()


def test_wrong_recovery_key_is_told_apart(new_vault: tuple[Vault, str], vault_dir: Path) -> None:
    vault, _ = new_vault
    vault.close()
    other = format_recovery_key(new_data_key())
    with pytest.raises(WrongRecoveryKey):
        Vault.open(vault_dir, recovery_key=other)
    (vault_dir / SLOT_FILE).unlink()  # without the key file a wrong key is still "wrong key", not "damaged"
    with pytest.raises(WrongRecoveryKey):
        Vault.open(vault_dir, recovery_key=other)


def test_change_passphrase_rewraps_the_same_data_key(vault: Vault, vault_dir: Path) -> None:
    key = vault.data_key
    vault.change_passphrase("another passphrase", scrypt_n=TEST_N)
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    reopened = Vault.open(vault_dir, passphrase="another passphrase")
    assert reopened.data_key == key
    reopened.close()
    assert read_slots(vault_dir).passphrase is not None


def test_key_slot_write_is_atomic_no_temp_files_left(vault: Vault, vault_dir: Path) -> None:
    vault.change_passphrase("another passphrase", scrypt_n=TEST_N)
    leftovers = [p.name for p in vault_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert oct((vault_dir / SLOT_FILE).stat().st_mode & 0o777) == "0o600"
