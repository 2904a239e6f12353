"""A world of families, written into a vault through brugdesk's own repositories.

A *world* is plain data (JSON-able dicts): schools, partners, families with their dated
contacts, referrals (with dated status changes) and closure, and group activities. The attacker
tests build vaults from worlds they know completely, so they know every true count.

:func:`apply` writes what happened in a window of days, so a test can let an officer work day
by day between exports. Only brugdesk's public repositories are used (``families.create``,
``members.add``, ``contacts.add``, ``referrals.add``/``change_status``, ``families.close``,
``activities.add``, ``signals.add``/``change_status``/``link_family``/``delete``), as the app does.
Record keys (``rkey``, schema V5) are drawn by the product at random; :func:`apply` then sets them
from the world's seed, so a test is reproducible.

This file runs in two places: imported by the tests, and as a script with an older brugdesk on
``PYTHONPATH`` (the build without the protection, commit fd35787):

    python world.py build VAULT_DIR WORLD.json LABELS_OUT.json

It imports nothing but the standard library and ``brugdesk``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

PASSPHRASE = "attacker test passphrase"
TEST_N = 2**14

World = dict[str, Any]

FIRST = ["Sanne", "Mark", "Fatima", "Mohamed", "Ayse", "Mehmet", "Priya", "Ravi", "Joanna", "Piotr", "Esther",
         "Kofi", "Linda", "Dennis", "Nadia", "Youssef", "Marieke", "Jeroen", "Samira", "Hamza"]
LAST = ["de Jong", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Yilmaz",
        "Kaya", "Demir", "El Amrani", "Bouzid", "Benali", "Haddou", "Ramdin", "Kowalski", "Nowak", "Mensah"]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _in(day: str | None, since: dt.date | None, until: dt.date) -> bool:
    return day is not None and (since is None or d(day) > since) and d(day) <= until


def _rkey(conn: Any, table: str, row_id: int, seed: int, record: tuple[Any, ...]) -> None:
    """Give a record a key drawn from the world's seed and the record itself (so the same record gets
    the same key in any vault, in any order of writing), when the vault has record keys at all."""
    cols = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    if "rkey" in cols:
        key = random.Random(f"{seed}:{table}:{record}").randrange(256)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"UPDATE {table} SET rkey = ? WHERE id = ?", (key, row_id))
        conn.execute("COMMIT")


def setup(repo: Any, world: World) -> dict[str, Any]:
    """Schools and partners (once, before any :func:`apply`); returns the id maps."""
    from brugdesk.core.model import Partner, School, SchoolType

    ids: dict[str, Any] = {"school": [], "partner": [], "family": {}, "referral": {}, "seed": 1}
    for s in world["schools"]:
        ids["school"].append(repo.schools.add(School(s["name"], SchoolType.PO, "", s.get("pupils"))).id)
    for p in world["partners"]:
        ids["partner"].append(repo.partners.add(Partner(p["name"], p["type"])).id)
    ids["seed"] = world.get("seed", 1)
    if "k" in world:
        repo.settings.set_report_threshold(world["k"])
    return ids


def apply(repo: Any, world: World, ids: dict[str, Any], since: dt.date | None, until: dt.date, *,
          backwards: bool = False) -> None:
    """Everything of ``world`` dated after ``since`` (None: from the beginning) up to ``until``.

    ``backwards``: write the families, contacts, referrals and activities newest first (each family
    still before its own contacts): another order of the same records."""
    from brugdesk.core.model import (
        Activity,
        Consent,
        Contact,
        Family,
        FamilyStatus,
        Member,
        MemberRole,
        Referral,
        ReferralStatus,
    )

    conn = repo.settings.conn
    seed = ids["seed"]
    events: list[tuple[str, int, str, Any]] = []  # (date, order, kind, payload): what happened, in date order
    for i, f in enumerate(world["families"]):
        if _in(f["start"], since, until):
            events.append((f["start"], 0, "family", i))
        for j, c in enumerate(f.get("contacts", [])):
            if _in(c[0], since, until):
                events.append((c[0], 1, "contact", (i, j)))
        for j, r in enumerate(f.get("referrals", [])):
            if _in(r["date"], since, until):
                events.append((r["date"], 2, "referral", (i, j)))
            for status, day in r.get("history", []):
                if _in(day, since, until):
                    events.append((day, 3, "status", (i, j, status)))
        if _in(f.get("closed"), since, until):
            events.append((f["closed"], 4, "close", i))
    for i, a in enumerate(world.get("activities", [])):
        if _in(a["date"], since, until):
            events.append((a["date"], 5, "activity", i))
    for i, g in enumerate(world.get("signals", [])):  # signals (issue 13): a build without them has none
        if _in(g["date"], since, until):
            events.append((g["date"], 6, "signal", i))
        for status, day in g.get("history", []):
            if _in(day, since, until):
                events.append((day, 7, "signal_status", (i, status)))
        if _in(g.get("deleted"), since, until):
            events.append((g["deleted"], 8, "signal_delete", i))
    events.sort(key=lambda e: (e[0], e[1], str(e[3])))
    if backwards:
        events.sort(key=lambda e: (e[1], "" if e[2] in ("status", "signal_status") else _neg(e[0])))
    for day_text, _order, kind, payload in events:
        day = d(day_text)
        if kind == "family":
            f = world["families"][payload]
            last = LAST[payload % len(LAST)]
            family = repo.families.create(Family(
                display_name=f"Fam. {last} {payload}", start_date=day, status=FamilyStatus.ACTIVE,
                signal_source=f["source"], themes=list(f["themes"]),
                school_ids=[ids["school"][f["school"]]],
                consent=Consent(day, FIRST[payload % len(FIRST)], "school"),
            ), today=until)
            ids["family"][payload] = family.id
            _rkey(conn, "family", family.id, seed, (payload,))
            for n in range(f.get("parents", 1)):
                m = repo.members.add(Member(MemberRole.PARENT, FIRST[(payload + n) % len(FIRST)], last,
                                            family_id=family.id), today=until)
                _rkey(conn, "member", m.id, seed, (payload, "parent", n))
            for n in range(f["children"]):
                m = repo.members.add(Member(MemberRole.CHILD, FIRST[(payload + 7 + n) % len(FIRST)], last,
                                            birth_year=day.year - 6 - n, school_id=ids["school"][f["school"]],
                                            group=str(3 + n), family_id=family.id), today=until)
                _rkey(conn, "member", m.id, seed, (payload, "child", n))
        elif kind == "contact":
            i, j = payload
            when, ckind, minutes = world["families"][i]["contacts"][j]
            c = repo.contacts.add(Contact(ids["family"][i], day, minutes, ckind, ["parents"]), today=until)
            _rkey(conn, "contact", c.id, seed, payload)
        elif kind == "referral":
            i, j = payload
            r = world["families"][i]["referrals"][j]
            ref = repo.referrals.add(Referral(ids["family"][i], ids["partner"][r["partner"]], day,
                                              sharing_consent=Consent(day, "ouder", "verwijzing"),
                                              warm_handover=bool(r.get("warm"))), today=until)
            ids["referral"][(i, j)] = ref.id
            _rkey(conn, "referral", ref.id, seed, payload)
        elif kind == "status":
            i, j, status = payload
            repo.referrals.change_status(ids["referral"][(i, j)], ReferralStatus(status), day, today=until)
        elif kind == "close":
            f = world["families"][payload]
            repo.families.close(ids["family"][payload], day, f["outcome"], today=until)
        elif kind == "activity":
            a = world["activities"][payload]
            act = repo.activities.add(Activity(day, a["kind"], ids["school"][a["school"]], a["parents"],
                                               a.get("minutes", 60)), today=until)
            _rkey(conn, "activity", act.id, seed, (payload,))
        elif kind.startswith("signal"):
            _signal(repo, world, ids, kind, payload, day, until)


def _signal(repo: Any, world: World, ids: dict[str, Any], kind: str, payload: Any, day: dt.date,
            until: dt.date) -> None:
    """A signal passed on, its status changed (``family_created``: linked to the world's family
    ``family``), or the signal deleted."""
    from brugdesk.core.model import Signal, SignalStatus

    signals = ids.setdefault("signal", {})
    if kind == "signal":
        g = world["signals"][payload]
        school = g.get("school")
        made = repo.signals.add(Signal(day, g["source"], "zorgen over een leerling",
                                       ids["school"][school] if school is not None else None, "5"), today=until)
        signals[payload] = made.id
        _rkey(repo.settings.conn, "signal", made.id, ids["seed"], ("signal", payload))
    elif kind == "signal_status":
        i, status = payload
        if status == "family_created":
            repo.signals.link_family(signals[i], ids["family"][world["signals"][i]["family"]], day, today=until)
        else:
            reason = "no_worry" if status == "no_action" else ""
            repo.signals.change_status(signals[i], SignalStatus(status), day, closing_reason=reason, today=until)
    else:
        repo.signals.delete(signals.pop(payload))


def _neg(day: str) -> str:
    """A key that sorts dates newest first."""
    return "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in day)


def labels(repo: Any) -> dict[str, dict[str, str]]:
    """The vault's lists: list name -> {label: code} (printed on every report)."""
    from brugdesk.core.lists import ListName

    return {str(name): {item.label: item.code for item in repo.lists.items(name, include_inactive=True)}
            for name in ListName}


def build(directory: Path, world: World, until: dt.date, language: str = "en") -> dict[str, dict[str, str]]:
    """A new vault at ``directory`` holding ``world`` up to ``until``; returns its list labels."""
    from brugdesk.store.vault import Vault

    vault, _recovery = Vault.create(directory, PASSPHRASE, language=language, scrypt_n=TEST_N)
    try:
        ids = setup(vault.repo, world)
        apply(vault.repo, world, ids, None, until)
        return labels(vault.repo)
    finally:
        vault.close()


if __name__ == "__main__":  # python world.py build VAULT_DIR WORLD.json LABELS_OUT.json UNTIL
    _cmd, vault_dir, world_file, labels_out, until_text = sys.argv[1:6]
    assert _cmd == "build"
    found = build(Path(vault_dir), json.loads(Path(world_file).read_text()), d(until_text))
    Path(labels_out).write_text(json.dumps(found))
