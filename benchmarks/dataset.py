"""The benchmark data: a demo vault at scale S and a plain SQLite copy of it, cached.

``python -m benchmarks.dataset --scale S --seed N`` builds (or finds) the cache entry and
prints its directory. The harness runs it in a subprocess, so the generator's memory does
not count towards the measured peak memory.

A cache entry (``benchmarks/.cache/s<S>-seed<N>-<fingerprint>/``) holds

* ``vault/`` — a real brugdesk vault filled by :func:`brugdesk.store.demo.fill` with
  ``300 * S`` families anchored on :data:`TODAY` (so the same scale and seed give the same data);
* ``plain.db`` — the same database exported unencrypted (``sqlcipher_export`` into a database
  attached with an empty key), for the plain-SQLite baselines;
* ``data.key`` — the vault's raw data key (hex, mode 0600). The data is synthetic; the key
  exists so the harness can unlock without the (deliberately slow) passphrase KDF. It is
  never printed.

The fingerprint covers the demo generator, the schema and the page HMAC of a new vault, so a
change to any of them builds a fresh entry instead of reusing stale data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: the cache folder (gitignored); BRUGDESK_BENCH_CACHE moves it (the smoke test uses a temporary one)
CACHE = Path(os.environ.get("BRUGDESK_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
TODAY = dt.date(2026, 3, 16)  # a Monday in term 3 of school year 2025-2026
FAMILIES_PER_SCALE = 300
CONTACTS_PER_FAMILY = 20
#: scrypt cost of the cached vault's passphrase slot (the harness unlocks with the raw key)
BENCH_SCRYPT_N = 2**12
BENCH_PASSPHRASE = "benchmark passphrase (synthetic data)"  # noqa: S105 - a throw-away vault of synthetic data


@dataclass(frozen=True)
class Dataset:
    directory: Path
    scale: float
    seed: int
    families: int

    @property
    def vault_dir(self) -> Path:
        return self.directory / "vault"

    @property
    def plain(self) -> Path:
        return self.directory / "plain.db"

    @property
    def key_file(self) -> Path:
        return self.directory / "data.key"

    def key(self) -> bytes:
        return bytes.fromhex(self.key_file.read_text(encoding="ascii").strip())

    def info(self) -> dict[str, object]:
        data: dict[str, object] = json.loads((self.directory / "info.json").read_text(encoding="utf-8"))
        return data


def families_for(scale: float) -> int:
    return max(10, round(FAMILIES_PER_SCALE * scale))


def fingerprint() -> str:
    from brugdesk.store import connection, schema

    h = hashlib.sha256()
    store = ROOT / "brugdesk" / "store"
    for path in [*sorted((store / "demo").glob("*.py")), *sorted((store / "schema").glob("*.py"))]:
        h.update(path.read_bytes())
    h.update(str(schema.SCHEMA_VERSION).encode())
    h.update(connection.NEW_HMAC.encode())  # the page format of a new vault
    h.update(f"{TODAY}{CONTACTS_PER_FAMILY}".encode())
    return h.hexdigest()[:10]


def scale_label(scale: float) -> str:
    return f"{scale:g}".replace(".", "_")


def entry_dir(scale: float, seed: int) -> Path:
    return CACHE / f"s{scale_label(scale)}-seed{seed}-{fingerprint()}"


def export_plain(conn: object, target: Path) -> None:
    """Write an unencrypted copy of the open, keyed SQLCipher connection to ``target``."""
    target.unlink(missing_ok=True)
    version = conn.execute("PRAGMA user_version").fetchone()[0]  # type: ignore[attr-defined]
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))  # type: ignore[attr-defined]
    try:
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()  # type: ignore[attr-defined]
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")  # type: ignore[attr-defined]
    finally:
        conn.execute("DETACH DATABASE plain")  # type: ignore[attr-defined]


def build(scale: float, seed: int, *, quiet: bool = False) -> Dataset:
    """Build the cache entry for (scale, seed) unless it is already there."""
    from brugdesk.store import demo
    from brugdesk.store.vault import Vault

    directory = entry_dir(scale, seed)
    families = families_for(scale)
    if (directory / "info.json").exists():
        return Dataset(directory, scale, seed, families)
    tmp = directory.with_name(directory.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True, mode=0o700)
    started = time.perf_counter()
    vault, _recovery = Vault.create(tmp / "vault", BENCH_PASSPHRASE, officer="Benchmark", scrypt_n=BENCH_SCRYPT_N)
    try:
        fd = os.open(tmp / "data.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(vault.data_key.hex())
        demo.fill(vault.conn, families=families, seed=seed, today=TODAY, contacts_per_family=CONTACTS_PER_FAMILY)
        fill_seconds = time.perf_counter() - started
        counts = {t: int(vault.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                  for t in ("family", "member", "contact", "referral", "followup", "activity", "signal",
                            "appointment")}
        export_plain(vault.conn, tmp / "plain.db")
    finally:
        vault.close()
    info = {"scale": scale, "seed": seed, "families": families, "today": TODAY.isoformat(), "counts": counts,
            "fill_seconds": round(fill_seconds, 1), "vault_bytes": (tmp / "vault" / "brugdesk.db").stat().st_size,
            "built": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}
    (tmp / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    tmp.rename(directory)
    # entries for the same scale and seed from an older generator or schema are stale
    for stale in CACHE.glob(f"s{scale_label(scale)}-seed{seed}-*"):
        if stale != directory and not stale.name.endswith(".partial"):
            shutil.rmtree(stale, ignore_errors=True)
    if not quiet:
        print(f"built {families} families in {fill_seconds:.1f} s", file=sys.stderr)
    return Dataset(directory, scale, seed, families)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dataset")
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(build(args.scale, args.seed).directory)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
