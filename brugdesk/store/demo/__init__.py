"""Realistic, deterministic synthetic data for a demo vault and for the benchmarks.

Everything here is invented: names are drawn from lists of common Dutch and
multicultural first and last names; notes are generic sentences; phone numbers lie outside the
real mobile range (06-00…) and e-mail addresses at voorbeeld.nl. The same ``seed`` and ``today``
give the same vault, record keys included. Rows are written in bulk (one transaction) so that
3,000 families take seconds, not minutes.

Two profiles. **"year"** (``brugdesk demo``) is one brugfunctionaris's work from 1 August of the
previous school year until today. The assumptions, from what officers of 0.6–1.0 FTE describe:

* 0.8 FTE, about 29 hours a week for 40 school weeks; :data:`FAMILIES_PER_YEAR` = 80 new families
  a year (the range is roughly 40–120), so ``brugdesk demo`` on 1 December makes about 110;
* three schools (two primary, one secondary; 1,410 pupils); 70 % of a family's children go to the
  family's school, the others elsewhere (not counted as pupils reached), so about 7–10 % of the
  pupils are reached in a school year;
* support lasts two to nine months, then 90 % of the families are closed; about eight contacts a
  family over that time (fewer for a family that just started), 30 % of them home visits of 45–90
  minutes, the rest talks at school, phone calls, mail and walk-ins — about 40 minutes on average,
  so about 150 hours of contact time a term, some 40 % of the hours (the rest is travel, notes,
  network meetings, group activities);
* about one referral per family in three (0–4, mostly 0–1), a follow-up on one contact in eight;
* 70 % of the families came in through a signal from school; 0.3 signals a family did not become
  one ("geen actie nodig" with a reason), and a few recent ones are still open;
* appointments: the planned visits and talks of the last eight weeks became their contacts; 60 %
  of the open families have one or two planned in the next three weeks; a network meeting at
  school every other week; parents at group activities include some of the families supported;
  eight text snippets.

**"dense"** (the tests and the benchmarks, ``--scale``): two schools, ``contacts_per_family``
(default 20) contacts for every family, most families kept open — a heavy vault for its size, so
the benchmarks measure the worst case; the signals, appointments and the rest are added the same way.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from brugdesk.core.lists import DEFAULT_LISTS, ListName
from brugdesk.core.periods import school_year_start
from brugdesk.core.text import fold
from brugdesk.store import audit
from brugdesk.store.audit import Action
from brugdesk.store.demo.week import fill_week
from brugdesk.store.schema import ALL_RKEY_TABLES, family_row_range

FIRST_PARENT = [
    "Sanne", "Mark", "Fatima", "Mohamed", "Ayşe", "Mehmet", "Priya", "Ravi", "Joanna", "Piotr", "Esther", "Kofi",
    "Linda", "Dennis", "Nadia", "Youssef", "Marieke", "Jeroen", "Samira", "Hamza", "Iris", "Bas", "Anouk", "Tarik",
    "Chantal", "Ricardo", "Miriam", "Abdi", "Hanna", "Oleksandr", "Daan", "Lotte", "Zeynep", "Emre", "Monique",
    "Kevin", "Shanti", "Rachid", "Ilse", "Gerrit",
]
FIRST_CHILD = [
    "Emma", "Noah", "Julia", "Liam", "Mila", "Lucas", "Sara", "Adam", "Yara", "Finn", "Nora", "Sem", "Elif",
    "Mohammed", "Lina", "Ayoub", "Zoë", "Daan", "Amira", "Milan", "Fenna", "Ilyas", "Tess", "Levi", "Noor",
    "Bram", "Hiba", "Jesse", "Maja", "Tijn", "Inaya", "Ruben", "Roos", "Kian", "Fleur", "Youssef", "Loïs",
    "Anas", "Sophie", "Ömer",
]
LAST = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer",
    "Yılmaz", "Kaya", "Demir", "El Amrani", "Bouzid", "Benali", "Haddou", "Ramdin", "Sewgobind", "Kowalski",
    "Nowak", "Mensah", "Osei", "Hassan", "Abdullahi", "Nguyen", "Tran", "Martina", "Doornbos", "Koster",
    "Hoekstra", "van Dijk", "Brouwer", "Peters", "Vermeulen", "Özdemir", "Çelik", "Kovalenko", "Rodrigues",
    "Bijlsma",
]
LANGUAGES = ["", "", "", "", "Turks", "Arabisch", "Pools", "Tigrinya", "Oekraïens", "Engels", "Somalisch"]
NOTES = [
    "Gesprek over de dagstructuur thuis; moeder wil graag tips voor het avondritueel.",
    "Vader vertelt over oplopende rekeningen; samen het overzicht van vaste lasten gemaakt.",
    "Met de leerkracht de signalen besproken; kind is stiller in de klas sinds de verhuizing.",
    "Huisbezoek: gezin woont krap, aanvraag voor bijzondere bijstand samen voorbereid.",
    "Ouders kwamen naar de koffieochtend en vroegen daarna om een gesprek.",
    "Telefonisch contact over de aanmelding bij het wijkteam; ouders staan er positief tegenover.",
    "Samen naar het loket van de gemeente geweest voor de aanvraag van Leergeld.",
    "Netwerkoverleg met JGZ en IB; afgesproken wie wat oppakt.",
    "Kind verzuimt vaak op maandag; met ouders gekeken naar de ochtendroutine.",
    "Tolk via de telefoon ingezet; uitleg gegeven over de schoolkosten en regelingen.",
]
FOLLOWUPS = [
    "Nabellen over de aanvraag", "Terugkoppeling wijkteam vragen", "Afspraak huisbezoek plannen",
    "Formulier Leergeld ophalen", "Gesprek met leerkracht inplannen", "Navragen of schuldhulp contact had",
]
PARTNERS = [
    ("Wijkteam Centrum", "wijkteam"), ("Wijkteam Noord", "wijkteam"), ("GGD Jeugdgezondheidszorg", "jgz"),
    ("Schoolmaatschappelijk werk", "school_social_work"), ("Schuldhulp Gemeente", "debt_help"),
    ("Voedselbank", "food_bank"), ("Stichting Leergeld", "youth_funds"), ("Jeugdfonds Sport & Cultuur", "youth_funds"),
    ("Jeugdhulp Regio", "youth_care"), ("Huisartsenpraktijk", "gp"), ("Taalhuis", "language"),
    ("Buurtwerk", "welfare"), ("Veilig Thuis", "veilig_thuis"), ("Leerplicht", "attendance_officer"),
]
SCHOOLS = [("Basisschool De Regenboog", "PO", "12AB", 310), ("Het Baken (VO)", "VO", "34CD", 680)]
#: the third school of the "year" profile: an officer of 0.6-1.0 FTE usually works for two to four schools
YEAR_SCHOOLS = [("Basisschool De Wilgenhoek", "PO", "56EF", 420)]
#: families a year in the "year" profile (0.8 FTE)
FAMILIES_PER_YEAR = 80

# contact kind weights (home visits ~30 %)
KIND_WEIGHTS = [("home_visit", 30), ("school_talk", 22), ("phone", 20), ("digital", 10), ("walk_in", 7),
                ("accompany", 4), ("network_meeting", 5), ("other", 2)]
DURATION = {"home_visit": (45, 90), "school_talk": (20, 60), "phone": (5, 25), "digital": (5, 20),
            "walk_in": (10, 30), "accompany": (60, 150), "network_meeting": (30, 90), "other": (10, 60)}
REFERRAL_PATHS = [
    ["proposed"], ["proposed", "referred"], ["proposed", "referred", "waiting_list"],
    ["proposed", "referred", "accepted"], ["proposed", "referred", "accepted", "completed"],
    ["proposed", "referred", "accepted", "completed"], ["proposed", "declined"],
    ["proposed", "referred", "accepted", "stopped"], ["proposed", "referred", "declined"],
]


def _codes(list_name: ListName) -> list[str]:
    return [code for code, _label in DEFAULT_LISTS[list_name]]


def first_day_of(today: dt.date) -> dt.date:
    """The first day of the demo data: 1 August of the previous school year."""
    return dt.date(school_year_start(today) - 1, 8, 1)


def year_families(today: dt.date | None = None) -> int:
    """How many families one officer sees from :func:`first_day_of` to ``today`` in the "year"
    profile (:data:`FAMILIES_PER_YEAR` a year): the ``brugdesk demo`` default."""
    today = today or dt.date.today()
    return max(1, round(FAMILIES_PER_YEAR * (today - first_day_of(today)).days / 365))


def fill(conn: Any, families: int = 60, seed: int = 1, today: dt.date | None = None,
         progress: Callable[[int], None] | None = None, contacts_per_family: int = 20,
         profile: str = "dense") -> None:
    """Fill an empty, freshly created vault with ``families`` synthetic families.

    ``profile`` "dense" (the tests and the benchmarks): every family gets about
    ``contacts_per_family`` contacts and most stay open, a heavy vault for its size. "year"
    (``brugdesk demo``): one officer's work as described in the module's docstring.
    """
    if profile not in ("dense", "year"):
        raise ValueError(profile)
    year = profile == "year"
    rnd = random.Random(seed)
    today = today or dt.date.today()
    first_day = first_day_of(today)  # start of the previous school year
    span = max(1, (today - first_day).days)
    themes, sources, outcomes = _codes(ListName.THEME), _codes(ListName.SIGNAL_SOURCE), _codes(ListName.CLOSURE_OUTCOME)
    kinds = [k for k, _w in KIND_WEIGHTS]
    weights = [w for _k, w in KIND_WEIGHTS]
    theme_weights = [9, 8, 7, 4, 6, 3, 3, 3, 2, 2, 4, 1, 1][: len(themes)]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()

    conn.execute("BEGIN IMMEDIATE")
    try:
        school_ids = []
        for name, kind, brin, pupils in SCHOOLS + (YEAR_SCHOOLS if year else []):
            cur = conn.execute("INSERT INTO school (name, type, brin, pupil_count) VALUES (?,?,?,?)",
                               (name, kind, brin, pupils))
            school_ids.append(int(cur.lastrowid))
        partner_ids = []
        for name, ptype in PARTNERS:
            partner_ids.append(int(conn.execute("INSERT INTO partner (name, type) VALUES (?,?)",
                                                (name, ptype)).lastrowid))
        ref_seq: dict[int, int] = {}
        fam_rows: list[tuple[Any, ...]] = []
        fs_rows: list[tuple[Any, ...]] = []
        ft_rows: list[tuple[Any, ...]] = []
        mem_rows: list[tuple[Any, ...]] = []
        con_rows: list[tuple[Any, ...]] = []
        ct_rows: list[tuple[Any, ...]] = []
        fu_rows: list[tuple[Any, ...]] = []
        ref_rows: list[tuple[Any, ...]] = []
        rt_rows: list[tuple[Any, ...]] = []
        rs_rows: list[tuple[Any, ...]] = []
        contact_id = referral_id = 0
        for i, family_id in enumerate(range(1, families + 1)):
            # the dense profile has more recent families than older ones; a year has them evenly
            start = first_day + dt.timedelta(days=int(span * rnd.random() ** (1.0 if year else 0.8)))
            ref_seq[start.year] = ref_seq.get(start.year, 0) + 1
            ref = f"G-{start.year}-{ref_seq[start.year]:03d}"
            last = rnd.choice(LAST)
            age_days = (today - start).days
            if year:
                # most families are supported for two to nine months, then closed
                school = rnd.choices(school_ids, weights=[45, 25, 30])[0]
                length = rnd.randint(60, 270)
                closed = length <= age_days and rnd.random() < 0.9
                closed_date = start + dt.timedelta(days=length) if closed else None
            else:
                school = school_ids[0] if rnd.random() < 0.65 else school_ids[1]
                closed = age_days > 150 and rnd.random() < 0.35
                closed_date = start + dt.timedelta(days=rnd.randint(60, age_days)) if closed else None
            status = "closed" if closed else ("registered" if age_days < 14 and rnd.random() < 0.5 else "active")
            fam_themes = sorted(set(rnd.choices(themes, weights=theme_weights, k=rnd.randint(1, 3))))
            consent = start + dt.timedelta(days=rnd.randint(0, 10)) if rnd.random() < 0.85 else None
            if consent and consent > today:
                consent = today
            parents = [(rnd.choice(FIRST_PARENT), last if rnd.random() < 0.8 else rnd.choice(LAST))
                       for _ in range(1 if rnd.random() < 0.35 else 2)]
            children = [(rnd.choice(FIRST_CHILD), last, today.year - rnd.randint(4, 15))
                        for _ in range(rnd.choices([1, 2, 3, 4], weights=[40, 35, 18, 7])[0])]
            display = f"Fam. {last}"
            names = " ".join(f"{a} {b}" for a, b in parents) + " " + " ".join(f"{a} {b}" for a, b, _y in children)
            fam_rows.append((family_id, ref, display, status, start.isoformat(), rnd.choice(sources),
                             rnd.choice(LANGUAGES), int(rnd.random() < 0.1),
                             consent.isoformat() if consent else None, parents[0][0] if consent else "",
                             "Contact met school en netwerkpartners" if consent else "", "", "", "",
                             closed_date.isoformat() if closed_date else None,
                             rnd.choice(outcomes) if closed else "", fold(f"{ref} {display} {names}"), now, now,
                             fold(display)))
            fs_rows.append((family_id, school))
            ft_rows.extend((family_id, t) for t in fam_themes)
            for first, lastname in parents:
                mem_rows.append((family_id, "parent", first, lastname, None, None, "", ""))
            for first, lastname, birth in children:
                age = today.year - birth
                group = str(min(8, max(1, age - 4))) if school != school_ids[1] else f"{min(6, max(1, age - 11))}B"
                if year and rnd.random() < 0.3:  # a brother or sister at another school
                    mem_rows.append((family_id, "child", first, lastname, birth, None, "", ""))
                    continue
                mem_rows.append((family_id, "child", first, lastname, birth, school, group, ""))
            # contacts
            end = closed_date or today
            if year:  # about eight over the months of support, fewer for a family that just started
                share = min(1.0, max(14, (end - start).days) / 120)
                n_contacts = max(1, round(rnd.gauss(8, 3) * share))
            else:
                n_contacts = max(1, int(rnd.gauss(contacts_per_family, contacts_per_family / 3)))
            if status == "registered":
                n_contacts = 0
            for _c in range(n_contacts):
                contact_id += 1
                day = start + dt.timedelta(days=rnd.randint(0, max(0, (end - start).days)))
                kind = rnd.choices(kinds, weights=weights)[0]
                lo, hi = DURATION[kind]
                who = ["parents"] + (["child"] if rnd.random() < 0.3 else []) + (
                    ["teacher"] if kind in ("school_talk", "network_meeting") else [])
                con_rows.append((contact_id, family_id, day.isoformat(), rnd.randrange(lo, hi + 1, 5), kind,
                                 ",".join(who), rnd.choice(NOTES), now))
                ct_rows.extend((contact_id, t) for t in rnd.sample(fam_themes, k=1))
                if rnd.random() < 0.12:
                    due = day + dt.timedelta(days=rnd.randint(3, 30))
                    done = None if due > today - dt.timedelta(days=20) and not closed else (
                        min(today, due + dt.timedelta(days=rnd.randint(0, 5))).isoformat())
                    fu_rows.append((family_id, contact_id, rnd.choice(FOLLOWUPS), due.isoformat(), done))
            # referrals
            referral_weights = [35, 40, 18, 5, 2] if year else [15, 30, 30, 15, 10]
            for _r in range(rnd.choices([0, 1, 2, 3, 4], weights=referral_weights)[0]):
                if status == "registered":
                    break
                referral_id += 1
                day = start + dt.timedelta(days=rnd.randint(0, max(0, (end - start).days)))
                path = rnd.choice(REFERRAL_PATHS)
                dates, d = [], day
                for _s in path:
                    dates.append(d)
                    d = min(today, d + dt.timedelta(days=rnd.randint(3, 40)))
                has_consent = rnd.random() < 0.9
                ref_rows.append((referral_id, family_id, rnd.choice(partner_ids), day.isoformat(),
                                 day.isoformat() if has_consent else None, parents[0][0] if has_consent else "",
                                 int(rnd.random() < 0.6), path[-1], ""))
                rt_rows.extend((referral_id, t) for t in rnd.sample(fam_themes, k=1))
                rs_rows.extend((referral_id, s, dd.isoformat()) for s, dd in zip(path, dates, strict=True))
            if status != "closed" and rnd.random() < 0.5:
                due = today + dt.timedelta(days=rnd.randint(-10, 21))
                fu_rows.append((family_id, None, rnd.choice(FOLLOWUPS), due.isoformat(), None))
            if progress and i % 500 == 0:
                progress(i)
        # A real vault is written day by day: contacts, referrals, their status changes and follow-ups
        # get their ids (and their place in the file) in the order they happen, spread over the
        # families, not one family's after the other.
        con_rows, ct_rows, fu_rows = _in_date_order(con_rows, ct_rows, fu_rows)
        ref_rows, rt_rows, rs_rows = _referrals_in_date_order(ref_rows, rt_rows, rs_rows)
        conn.executemany(
            "INSERT INTO family (id, ref, display_name, status, start_date, signal_source, home_language, "
            "interpreter_needed, consent_date, consent_by, consent_scope, phone, email, address, closed_date, "
            "closure_outcome, search, created_at, updated_at, sort_name) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            fam_rows)
        conn.executemany("INSERT INTO family_school (family_id, school_id) VALUES (?,?)", fs_rows)
        conn.executemany("INSERT INTO family_theme (family_id, theme) VALUES (?,?)", ft_rows)
        conn.executemany("INSERT INTO member (family_id, role, first_name, last_name, birth_year, school_id, "
                         "group_name, notes) VALUES (?,?,?,?,?,?,?,?)", mem_rows)
        conn.executemany("INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at) "
                         "VALUES (?,?,?,?,?,?,?,?)", con_rows)
        conn.executemany("INSERT OR IGNORE INTO contact_theme (contact_id, theme) VALUES (?,?)", ct_rows)
        conn.executemany("INSERT INTO followup (id, family_id, contact_id, text, due_date, done_date) "
                         "VALUES (?,?,?,?,?,?)", fu_rows)
        conn.executemany("INSERT INTO referral (id, family_id, partner_id, date, consent_date, consent_by, "
                         "warm_handover, status, outcome_note) VALUES (?,?,?,?,?,?,?,?,?)", ref_rows)
        conn.executemany("INSERT OR IGNORE INTO referral_theme (referral_id, theme) VALUES (?,?)", rt_rows)
        conn.executemany("INSERT INTO referral_status (referral_id, status, date) VALUES (?,?,?)", rs_rows)
        conn.execute("UPDATE referral SET status_date = (SELECT max(s.date) FROM referral_status s "
                     "WHERE s.referral_id = referral.id)")
        # group activities: about two a month at each school
        act_rows, at_rows = [], []
        kinds_a = _codes(ListName.ACTIVITY_KIND)
        day = first_day
        activity_id = 0
        while day <= today:
            for school in school_ids:
                if rnd.random() < 0.5:
                    activity_id += 1
                    kind = rnd.choices(kinds_a, weights=[5, 2, 3, 1])[0]
                    act_rows.append((activity_id, (day + dt.timedelta(days=rnd.randint(0, 13))).isoformat(), kind,
                                     school, rnd.randint(3, 25), rnd.choice([60, 90, 120]), ""))
                    at_rows.append((activity_id, rnd.choice(themes[:5])))
            day += dt.timedelta(days=14)
        act_rows = [r for r in act_rows if r[1] <= today.isoformat()]
        keep = {r[0] for r in act_rows}
        conn.executemany("INSERT INTO activity (id, date, kind, school_id, parents_count, minutes, title) "
                         "VALUES (?,?,?,?,?,?,?)", act_rows)
        conn.executemany("INSERT INTO activity_theme (activity_id, theme) VALUES (?,?)",
                         [r for r in at_rows if r[0] in keep])
        # the officer's week (schema V7, V8): from a generator of its own, so the rows above are the
        # same as before these existed
        fill_week(conn, random.Random(seed * 104_729 + 7), today, first_day, now, year)
        # record keys (schema V6, V7) from the seed too, so a demo vault's report is the same every time
        keys = random.Random(seed * 7919 + 1)
        for table in ALL_RKEY_TABLES:
            ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
            conn.executemany(f"UPDATE {table} SET rkey = ? WHERE id = ?", [(keys.randrange(256), i) for i in ids])
        conn.execute("INSERT INTO meta (key, value) VALUES ('demo', '1') "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        audit.append(conn, Action.CREATE, "demo", None)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    # no ANALYZE: a demo vault must plan its queries like a real one (schema V4, docs/benchmarks.md)


def _family_row_ids(rows: list[tuple[Any, ...]]) -> dict[int, int]:
    """Old id -> the id a vault gives the row (:func:`schema.next_family_row_id`): the rows in the
    order they are written, numbered per family (``family_id`` is the row's second field)."""
    seen: dict[int, int] = {}
    ids = {}
    for row in rows:
        family_id = row[1]
        seen[family_id] = seen.get(family_id, 0) + 1
        ids[row[0]] = family_row_range(family_id)[0] + seen[family_id]
    return ids


def _in_date_order(contacts: list[tuple[Any, ...]], themes: list[tuple[Any, ...]],
                   followups: list[tuple[Any, ...]]) -> tuple[list[tuple[Any, ...]], ...]:
    """Contacts written in date order with the ids a vault gives them, their themes following;
    follow-ups written with their contact (or on their due date), with ids of their own."""
    contacts = sorted(contacts, key=lambda r: (r[2], r[0]))
    new_id = _family_row_ids(contacts)
    contacts = [(new_id[r[0]], *r[1:]) for r in contacts]
    themes = [(new_id[c], t) for c, t in themes]
    day = {r[0]: r[2] for r in contacts}
    followups = sorted(((n, f, new_id[c] if c is not None else None, text, due, done)
                        for n, (f, c, text, due, done) in enumerate(followups)),
                       key=lambda r: (day[r[2]] if r[2] is not None else r[4], r[0]))
    followup_id = _family_row_ids(followups)
    return contacts, themes, [(followup_id[r[0]], *r[1:]) for r in followups]


def _referrals_in_date_order(referrals: list[tuple[Any, ...]], themes: list[tuple[Any, ...]],
                             history: list[tuple[Any, ...]]) -> tuple[list[tuple[Any, ...]], ...]:
    """Referrals written in date order with the ids a vault gives them; each status change on its
    own day."""
    referrals = sorted(referrals, key=lambda r: (r[3], r[0]))
    new_id = _family_row_ids(referrals)
    referrals = [(new_id[r[0]], *r[1:]) for r in referrals]
    themes = [(new_id[r], t) for r, t in themes]
    history = sorted(((new_id[r], status, day) for r, status, day in history), key=lambda r: r[2])
    return referrals, themes, history
