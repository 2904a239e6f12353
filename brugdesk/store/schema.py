"""Schema and versioned migrations on ``PRAGMA user_version``.

Each migration runs in one transaction together with its version bump, so a failure
halfway leaves the previous version and identical data. Before migrating an existing
vault a verified backup is made (by the caller, :mod:`brugdesk.store.vault`). A vault
whose version is newer than :data:`SCHEMA_VERSION` is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from brugdesk.errors import MigrationFailed, NewerVault

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE list_item (
    id INTEGER PRIMARY KEY,
    list TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (list, code)
);
CREATE TABLE school (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL CHECK (type IN ('PO', 'VO', 'SO')),
    brin TEXT NOT NULL DEFAULT '',
    pupil_count INTEGER
);
CREATE TABLE family (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('registered', 'active', 'closed')),
    start_date TEXT NOT NULL,
    signal_source TEXT NOT NULL DEFAULT '',
    home_language TEXT NOT NULL DEFAULT '',
    interpreter_needed INTEGER NOT NULL DEFAULT 0,
    consent_date TEXT,
    consent_by TEXT NOT NULL DEFAULT '',
    consent_scope TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    closed_date TEXT,
    closure_outcome TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX family_status ON family (status, start_date);
CREATE INDEX family_closed ON family (closed_date);
CREATE TABLE family_school (
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE RESTRICT,
    PRIMARY KEY (family_id, school_id)
) WITHOUT ROWID;
CREATE INDEX family_school_school ON family_school (school_id, family_id);
CREATE TABLE family_theme (
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (family_id, theme)
) WITHOUT ROWID;
CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('parent', 'child')),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL DEFAULT '',
    birth_year INTEGER,
    school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,
    group_name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX member_family ON member (family_id);
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 720),
    kind TEXT NOT NULL,
    with_whom TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX contact_family_date ON contact (family_id, date);
CREATE INDEX contact_date ON contact (date, kind);
CREATE TABLE contact_theme (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (contact_id, theme)
) WITHOUT ROWID;
CREATE TABLE followup (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    due_date TEXT NOT NULL,
    done_date TEXT
);
CREATE INDEX followup_open ON followup (done_date, due_date);
CREATE INDEX followup_family ON followup (family_id, done_date, due_date);
CREATE TABLE partner (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    UNIQUE (name, type)
);
CREATE TABLE referral (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    date TEXT NOT NULL,
    consent_date TEXT,
    consent_by TEXT NOT NULL DEFAULT '',
    warm_handover INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    outcome_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_family ON referral (family_id);
CREATE INDEX referral_by_status ON referral (status, date);
CREATE TABLE referral_theme (
    referral_id INTEGER NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (referral_id, theme)
) WITHOUT ROWID;
CREATE TABLE referral_status (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX referral_status_referral ON referral_status (referral_id, date);
CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,
    parents_count INTEGER NOT NULL DEFAULT 0 CHECK (parents_count >= 0),
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_date ON activity (date);
CREATE TABLE activity_theme (
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (activity_id, theme)
) WITHOUT ROWID;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id INTEGER,
    subject TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE TABLE deletion_record (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    families INTEGER NOT NULL,
    reason TEXT NOT NULL
);
"""

#: V2 (reports): covering index for the report's contact aggregation (date range, then kind,
#: family and minutes read from the index alone), and referrals by date.
V2 = """
CREATE INDEX contact_report ON contact (date, kind, family_id, minutes);
CREATE INDEX referral_date ON referral (date);
DROP INDEX contact_date;
"""

#: V3 (speed): a covering index on the folded search text (id + search only), so a search
#: keystroke scans the narrow index instead of the wide family rows. Deleted entries are
#: overwritten like any other page content (secure_delete), so erasure is unaffected.
V3 = """
CREATE INDEX IF NOT EXISTS family_search ON family (search);
"""

#: V4 (speed):
#: * no planner statistics. This SQLCipher build has SQLITE_ENABLE_STAT4; with ``sqlite_stat4``
#:   samples present SQLite prepares a statement again whenever a value bound to an indexed column
#:   changes — every time a family is opened. Real vaults never ran ANALYZE; demo vaults made
#:   before V4 did. Query plans come from the indexes alone.
#: * a referral's status history read from its index alone (``id, status`` added to the index on
#:   ``(referral_id, date)``, in the order the history is read): the family file and the
#:   report's status-at-the-end-of-the-period lookup no longer visit the table's pages.
V4 = """
DROP TABLE IF EXISTS sqlite_stat4;
DROP TABLE IF EXISTS sqlite_stat1;
DROP INDEX IF EXISTS referral_status_referral;
CREATE INDEX referral_status_referral ON referral_status (referral_id, date, id, status);
"""

#: V5:
#: * the file says it is a brugdesk vault: ``PRAGMA application_id`` (offset 68 of the SQLite header,
#:   inside the encrypted first page) is :data:`APPLICATION_ID`. A restore candidate must carry it —
#:   or, made before V5, have the tables of a brugdesk vault and a ``user_version`` of 1 to 4
#:   (:func:`brugdesk.store.backup_copy.check_candidate`);
#: * ``family.uid``: a random tag given to each new family, so the erasure ledger
#:   (:mod:`brugdesk.store.ledger`) names *that* record even when SQLite gives a later family the
#:   same id within the same second. Families from before keep ``''`` (id and ``created_at`` name them).
APPLICATION_ID = 0x62726467  # "brdg"


def _v5(conn: Any) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if not has_column(conn, "family", "uid"):
        conn.execute("ALTER TABLE family ADD COLUMN uid TEXT NOT NULL DEFAULT ''")

#: The tables every brugdesk vault has had since V1 (a restore candidate must hold each of them).
REQUIRED_TABLES = frozenset({
    "meta", "setting", "list_item", "school", "family", "family_school", "family_theme", "member", "contact",
    "contact_theme", "followup", "partner", "referral", "referral_theme", "referral_status", "activity",
    "activity_theme", "audit", "deletion_record",
})

#: V6 (the report's protection):
#: * a random *record key* (0..255) on every row a report counts -- families, members, contacts,
#:   referrals, activities. A report cell's key is the sum of its records' keys modulo 256, and the
#:   perturbation table turns (count, cell key) into the printed number (``reports/perturb.py``), so
#:   the same records always print the same number. New rows get their key from SQLite's random()
#:   (ChaCha20, seeded from the operating system) through a trigger, whatever code inserts them;
#:   existing rows get one here.
#: * the export ledger: what each exported report printed (``report_export``, ``report_cell``) and,
#:   per family and block, a keyed hash of what the family contributed (``report_family``), so a
#:   later export can be checked against every earlier one (``reports/history.py``). The hash key is
#:   a random per-vault secret in ``meta``.
RKEY_TABLES = ("family", "member", "contact", "referral", "activity")
V6_TABLES = """
CREATE TABLE IF NOT EXISTS report_export (
    id INTEGER PRIMARY KEY,
    exported_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    k INTEGER NOT NULL,
    d INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    first_start TEXT NOT NULL,
    last_end TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_export_scope ON report_export (scope, first_start, last_end);
CREATE TABLE IF NOT EXISTS report_cell (
    export_id INTEGER NOT NULL REFERENCES report_export (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    code TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (export_id, period, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_family (
    export_id INTEGER NOT NULL REFERENCES report_export (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    block TEXT NOT NULL,
    family_id INTEGER NOT NULL,
    sig BLOB NOT NULL,
    PRIMARY KEY (export_id, period, block, family_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_family_family ON report_family (family_id);
INSERT OR IGNORE INTO meta (key, value) VALUES ('report_secret', lower(hex(randomblob(32))))
"""
V6_INDEX = """
DROP INDEX IF EXISTS contact_report;
CREATE INDEX contact_report ON contact (date, kind, family_id, minutes, rkey)
"""


def ensure_export_history(conn: Any) -> None:
    """The export history's tables (V6), in a database of any version: a restore carries the history
    over into a backup made before V6, which the next unlock then migrates (the steps are repeatable)."""
    _sql(V6_TABLES)(conn)


def _v6(conn: Any) -> None:
    # a record keeps the key it was given: a vault that already has them (a copy whose version
    # number was set back) keeps its keys, so its reports stay what they were
    _rkeys(conn, RKEY_TABLES)
    _sql(V6_TABLES)(conn)
    _sql(V6_INDEX)(conn)



#: V7 (the officer's week):
#: * a parent's own phone, e-mail, address (when it differs from the family's) and *gezag*
#:   (``member.authority``: yes / no / unknown);
#: * signals (``signal``): a worry passed on before there is a family file, with a dated status
#:   history (``signal_status``) and a record key like the other counted rows; ``family_id`` links the
#:   family it became;
#: * a referral's *hulpvraag* (``need``), the contact person at the partner, the date of its latest
#:   status change (``status_date``, kept by the repository: the referrals page sorts and filters on
#:   it), and a note with each status change (``referral_status.note``, in the history's index too, so
#:   a family's file still reads the history from the index alone);
#: * the agenda (``appointment``): date, time of day, kind, duration, note, an optional family, and
#:   the contact moment it became; contact moments get an optional time of day (``contact.time``);
#: * the editable list of reasons to close a signal (``signal_closure``), for vaults made before.
V7_RKEY_TABLES = ("signal",)
V7_TABLES = """
CREATE TABLE IF NOT EXISTS signal (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,
    group_name TEXT NOT NULL DEFAULT '',
    seen TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('new', 'taken_up', 'family_created', 'no_action')),
    status_date TEXT NOT NULL,
    closing_reason TEXT NOT NULL DEFAULT '',
    family_id INTEGER REFERENCES family (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    rkey INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX IF NOT EXISTS signal_date ON signal (date, id);
CREATE INDEX IF NOT EXISTS signal_by_status ON signal (status, date);
CREATE INDEX IF NOT EXISTS signal_family ON signal (family_id);
CREATE TABLE IF NOT EXISTS signal_status (
    id INTEGER PRIMARY KEY,
    signal_id INTEGER NOT NULL REFERENCES signal (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signal_status_signal ON signal_status (signal_id, date, id, status);
CREATE TABLE IF NOT EXISTS appointment (
    id INTEGER PRIMARY KEY,
    family_id INTEGER REFERENCES family (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    time TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL DEFAULT 60 CHECK (minutes > 0 AND minutes <= 720),
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS appointment_date ON appointment (date, time, id);
CREATE INDEX IF NOT EXISTS appointment_family ON appointment (family_id, date);
CREATE INDEX IF NOT EXISTS appointment_contact ON appointment (contact_id);
"""
#: (table, column, its definition) added by V7
V7_COLUMNS = (
    ("member", "phone", "TEXT NOT NULL DEFAULT ''"),
    ("member", "email", "TEXT NOT NULL DEFAULT ''"),
    ("member", "address", "TEXT NOT NULL DEFAULT ''"),
    ("member", "authority", "TEXT NOT NULL DEFAULT 'unknown'"),
    ("referral", "need", "TEXT NOT NULL DEFAULT ''"),
    ("referral", "contact_person", "TEXT NOT NULL DEFAULT ''"),
    ("referral", "status_date", "TEXT"),
    ("referral_status", "note", "TEXT NOT NULL DEFAULT ''"),
    ("contact", "time", "TEXT NOT NULL DEFAULT ''"),
)
V7_INDEX = """
DROP INDEX IF EXISTS referral_status_referral;
CREATE INDEX referral_status_referral ON referral_status (referral_id, date, id, status, note);
CREATE INDEX IF NOT EXISTS referral_waiting ON referral (status, status_date, id);
CREATE INDEX IF NOT EXISTS referral_since ON referral (status_date, id)
"""
#: the reasons to close a signal, for vaults made before V7 (Dutch and English labels)
V7_SIGNAL_CLOSURE = (
    ("no_worry", "Geen zorg na navraag", "No worry after asking"),
    ("known_elsewhere", "Al in beeld bij andere hulp", "Already known to other help"),
    ("school_handles", "School pakt het zelf op", "The school takes it up itself"),
    ("parents_declined", "Ouders willen geen contact", "Parents want no contact"),
    ("moved", "Verhuisd / van school", "Moved / left school"),
    ("other", "Anders", "Other"),
)


def _v7(conn: Any) -> None:
    for table, column, definition in V7_COLUMNS:
        if not has_column(conn, table, column):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    conn.execute("UPDATE referral SET status_date = coalesce((SELECT max(s.date) FROM referral_status s "
                 "WHERE s.referral_id = referral.id), date) WHERE status_date IS NULL")
    _sql(V7_TABLES)(conn)
    _sql(V7_INDEX)(conn)
    _rkeys(conn, V7_RKEY_TABLES)
    # a vault made before V7 gets the list, in the language its other lists were made in (a new
    # vault's lists are filled after the migrations, by the vault itself)
    if conn.execute("SELECT 1 FROM list_item LIMIT 1").fetchone() is None:
        return
    english = conn.execute("SELECT 1 FROM list_item WHERE list = 'theme' AND code = 'parenting' "
                           "AND label = 'Parenting'").fetchone() is not None
    conn.executemany("INSERT OR IGNORE INTO list_item (list, code, label, position) VALUES ('signal_closure', ?, ?, ?)",
                     [(code, en if english else nl, pos) for pos, (code, nl, en) in enumerate(V7_SIGNAL_CLOSURE)])


def _rkeys(conn: Any, tables: Sequence[str]) -> None:
    """A record key on every row of ``tables`` that has none, and the trigger that gives new rows one."""
    for table in tables:
        if not has_column(conn, table, "rkey"):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN rkey INTEGER NOT NULL DEFAULT -1")
        conn.execute(f"UPDATE {table} SET rkey = abs(random()) % 256 WHERE rkey < 0")
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_rkey AFTER INSERT ON {table} WHEN NEW.rkey < 0 "
                     f"BEGIN UPDATE {table} SET rkey = abs(random()) % 256 WHERE rowid = NEW.rowid; END")


#: every table whose rows carry a record key (V6 and later)
ALL_RKEY_TABLES = RKEY_TABLES + V7_RKEY_TABLES



#: V8 (the officer's week, continued):
#: * text snippets (``snippet``): an abbreviation of a few letters and the text it stands for;
#: * attendance per family at group activities (``activity_family``); ``activity.parents_count``
#:   stays (the families recorded are the ones the officer knows of);
#: * the Gezinnen list sorted by any column in SQL: the folded name (``family.sort_name``, kept by
#:   the repository with the search text) and what the list shows of a family's other rows — its
#:   schools' names, its latest contact, its first open follow-up, its open referrals — kept on the
#:   family row by triggers on those tables, whatever code writes them; an index per sortable column,
#:   with the status beside it so "closed hidden" is read from the index too.
V8_TABLES = """
CREATE TABLE IF NOT EXISTS snippet (
    id INTEGER PRIMARY KEY,
    abbreviation TEXT NOT NULL UNIQUE COLLATE NOCASE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS activity_family (
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, family_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS activity_family_family ON activity_family (family_id, activity_id);
"""
V8_COLUMNS = (
    ("family", "sort_name", "TEXT NOT NULL DEFAULT ''"),
    ("family", "school_names", "TEXT NOT NULL DEFAULT ''"),
    ("family", "last_contact", "TEXT"),
    ("family", "next_followup", "TEXT"),
    ("family", "open_referrals", "INTEGER NOT NULL DEFAULT 0"),
)
#: the statuses in which a referral counts as open on the Gezinnen list
OPEN_REFERRAL_SQL = "('proposed', 'referred', 'accepted', 'waiting_list')"
_LAST_CONTACT = "(SELECT max(c.date) FROM contact c WHERE c.family_id = family.id)"
_NEXT_FOLLOWUP = "(SELECT min(u.due_date) FROM followup u WHERE u.family_id = family.id AND u.done_date IS NULL)"
_OPEN_REFERRALS = (f"(SELECT count(*) FROM referral r WHERE r.family_id = family.id "
                   f"AND r.status IN {OPEN_REFERRAL_SQL})")
_SCHOOL_NAMES = ("coalesce((SELECT group_concat(name, ', ') FROM (SELECT s.name FROM family_school fs "
                 "JOIN school s ON s.id = fs.school_id WHERE fs.family_id = family.id ORDER BY s.name)), '')")
V8_TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS family_last_contact_ins AFTER INSERT ON contact BEGIN
    UPDATE family SET last_contact = NEW.date
    WHERE id = NEW.family_id AND (last_contact IS NULL OR last_contact < NEW.date);
END;
CREATE TRIGGER IF NOT EXISTS family_last_contact_upd AFTER UPDATE OF date, family_id ON contact BEGIN
    UPDATE family SET last_contact = {_LAST_CONTACT} WHERE id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER IF NOT EXISTS family_last_contact_del AFTER DELETE ON contact BEGIN
    UPDATE family SET last_contact = {_LAST_CONTACT} WHERE id = OLD.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_next_followup_ins AFTER INSERT ON followup BEGIN
    UPDATE family SET next_followup = {_NEXT_FOLLOWUP} WHERE id = NEW.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_next_followup_upd AFTER UPDATE OF due_date, done_date, family_id ON followup BEGIN
    UPDATE family SET next_followup = {_NEXT_FOLLOWUP} WHERE id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER IF NOT EXISTS family_next_followup_del AFTER DELETE ON followup BEGIN
    UPDATE family SET next_followup = {_NEXT_FOLLOWUP} WHERE id = OLD.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_open_referrals_ins AFTER INSERT ON referral BEGIN
    UPDATE family SET open_referrals = {_OPEN_REFERRALS} WHERE id = NEW.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_open_referrals_upd AFTER UPDATE OF status, family_id ON referral BEGIN
    UPDATE family SET open_referrals = {_OPEN_REFERRALS} WHERE id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER IF NOT EXISTS family_open_referrals_del AFTER DELETE ON referral BEGIN
    UPDATE family SET open_referrals = {_OPEN_REFERRALS} WHERE id = OLD.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_school_names_ins AFTER INSERT ON family_school BEGIN
    UPDATE family SET school_names = {_SCHOOL_NAMES} WHERE id = NEW.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_school_names_del AFTER DELETE ON family_school BEGIN
    UPDATE family SET school_names = {_SCHOOL_NAMES} WHERE id = OLD.family_id;
END;
CREATE TRIGGER IF NOT EXISTS family_school_names_rename AFTER UPDATE OF name ON school BEGIN
    UPDATE family SET school_names = {_SCHOOL_NAMES}
    WHERE id IN (SELECT fs.family_id FROM family_school fs WHERE fs.school_id = NEW.id);
END
"""
#: the Gezinnen list's sort keys (the reference sorts by its year, then its number as a number)
FAMILY_REF_KEY = "substr(ref, 1, 7), CAST(substr(ref, 8) AS INTEGER)"
V8_INDEXES = f"""
CREATE INDEX IF NOT EXISTS family_sort_ref ON family ({FAMILY_REF_KEY}, status);
CREATE INDEX IF NOT EXISTS family_sort_name ON family (sort_name, status);
CREATE INDEX IF NOT EXISTS family_sort_schools ON family (school_names, status);
CREATE INDEX IF NOT EXISTS family_sort_last_contact ON family (last_contact, status);
CREATE INDEX IF NOT EXISTS family_sort_next_followup ON family (next_followup, status);
CREATE INDEX IF NOT EXISTS family_sort_open_referrals ON family (open_referrals, status)
"""


def family_summary_sql(where: str = "") -> str:
    """The statement that sets every family's (or those ``where`` selects) list columns from its
    rows — what the V8 triggers keep up to date one change at a time."""
    return (f"UPDATE family SET last_contact = {_LAST_CONTACT}, next_followup = {_NEXT_FOLLOWUP}, "
            f"open_referrals = {_OPEN_REFERRALS}, school_names = {_SCHOOL_NAMES}"
            + (f" WHERE {where}" if where else ""))


def _v8(conn: Any) -> None:
    from brugdesk.core.text import fold

    for table, column, definition in V8_COLUMNS:
        if not has_column(conn, table, column):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    _sql(V8_TABLES)(conn)
    _sql(V8_TRIGGERS)(conn)
    conn.execute(family_summary_sql())
    conn.executemany("UPDATE family SET sort_name = ? WHERE id = ?",
                     [(fold(r[1]), r[0]) for r in conn.execute("SELECT id, display_name FROM family").fetchall()])
    _sql(V8_INDEXES)(conn)


#: Ids of the rows a family gathers over the years — contacts, referrals, follow-ups — come from a
#: range of their own family: ``family_id << FAMILY_ROW_BITS`` plus 1, 2, 3 …. SQLite
#: keeps a table in id order, so a family's contacts, and their themes (keyed by contact id), sit
#: together on a few pages however many other families' contacts were written in between; with ids
#: handed out in order of writing, opening a family after years of work read one page per contact
#: and another for its themes (41 pages for 20 contacts, each decrypted and authenticated).
#: Old rows keep their ids (all below ``1 << FAMILY_ROW_BITS``); a range holds 1,048,575 rows.
FAMILY_ROW_BITS = 20
FAMILY_ROW_TABLES = ("contact", "referral", "followup")


def family_row_range(family_id: int) -> tuple[int, int]:
    """The ids ``[low, high)`` of ``family_id``'s rows in the :data:`FAMILY_ROW_TABLES`."""
    low = family_id << FAMILY_ROW_BITS
    return low, low + (1 << FAMILY_ROW_BITS)


def next_family_row_id(conn: Any, table: str, family_id: int) -> int:
    """The id for a new row of ``family_id`` in ``table`` (inside the writing transaction)."""
    if table not in FAMILY_ROW_TABLES:
        raise ValueError(table)
    low, high = family_row_range(family_id)
    top = conn.execute(f"SELECT max(id) FROM {table} WHERE id >= ? AND id < ?", (low, high)).fetchone()[0]
    next_id = int(top or low) + 1
    if next_id >= high:
        raise OverflowError(f"no ids left for family {family_id} in {table}")
    return next_id


Step = Callable[[Any], None]


def statements(script: str) -> list[str]:
    """The SQL statements of ``script`` (a trigger's body keeps its own semicolons)."""
    import sqlite3  # the standard library's parser only: nothing is opened with it

    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip())
    return out


def _sql(script: str) -> Step:
    def run(conn: Any) -> None:
        for statement in statements(script):
            conn.execute(statement)

    return run


#: MIGRATIONS[i] brings a vault from version i to i+1.
MIGRATIONS: list[Step] = [_sql(V1), _sql(V2), _sql(V3), _sql(V4), _v5, _v6, _v7, _v8]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def has_column(conn: Any, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def application_id(conn: Any) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def needs_migration(conn: Any) -> bool:
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerVault(f"{version} > {SCHEMA_VERSION}")
    return version < SCHEMA_VERSION


def migrate(conn: Any, migrations: Sequence[Step] | None = None) -> int:
    """Apply the pending migrations, each in its own transaction with its version bump."""
    steps = list(MIGRATIONS if migrations is None else migrations)
    version = user_version(conn)
    if version > len(steps):
        raise NewerVault(f"{version} > {len(steps)}")
    while version < len(steps):
        try:
            conn.execute("BEGIN IMMEDIATE")
            steps[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            from brugdesk.errors import VaultError

            if isinstance(exc, VaultError):
                raise
            if isinstance(exc, Exception):
                raise MigrationFailed(f"{version} -> {version + 1}") from exc
            raise
        version += 1
    return version
