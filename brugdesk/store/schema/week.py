"""V7 and V8: the officer's week (signals, agenda, referral details, snippets, attendance) and the
Gezinnen list's columns kept on the family row for sorting in SQL."""

from __future__ import annotations

from typing import Any

from brugdesk.core.lists import ListName, default_label
from brugdesk.i18n import N_
from brugdesk.store.schema.protection import rkeys
from brugdesk.store.schema.sql import has_column, script

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
#: the reasons to close a signal, for vaults made before V7: (code, English label), translated as the
#: signal_closure list's labels
V7_SIGNAL_CLOSURE = (
    ("no_worry", N_("No worry after asking")),
    ("known_elsewhere", N_("Already known to other help")),
    ("school_handles", N_("The school takes it up itself")),
    ("parents_declined", N_("Parents want no contact")),
    ("moved", N_("Moved / left school")),
    ("other", N_("Other")),
)


def v7(conn: Any) -> None:
    for table, column, definition in V7_COLUMNS:
        if not has_column(conn, table, column):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    conn.execute("UPDATE referral SET status_date = coalesce((SELECT max(s.date) FROM referral_status s "
                 "WHERE s.referral_id = referral.id), date) WHERE status_date IS NULL")
    script(V7_TABLES)(conn)
    script(V7_INDEX)(conn)
    rkeys(conn, V7_RKEY_TABLES)
    # a vault made before V7 gets the list, in the language its other lists were made in (a new
    # vault's lists are filled after the migrations, by the vault itself)
    if conn.execute("SELECT 1 FROM list_item LIMIT 1").fetchone() is None:
        return
    english = conn.execute("SELECT 1 FROM list_item WHERE list = 'theme' AND code = 'parenting' "
                           "AND label = 'Parenting'").fetchone() is not None
    conn.executemany("INSERT OR IGNORE INTO list_item (list, code, label, position) VALUES ('signal_closure', ?, ?, ?)",
                     [(code, default_label(ListName.SIGNAL_CLOSURE, label, "en" if english else "nl"), pos)
                      for pos, (code, label) in enumerate(V7_SIGNAL_CLOSURE)])





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


def v8(conn: Any) -> None:
    from brugdesk.core.text import fold

    for table, column, definition in V8_COLUMNS:
        if not has_column(conn, table, column):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    script(V8_TABLES)(conn)
    script(V8_TRIGGERS)(conn)
    conn.execute(family_summary_sql())
    conn.executemany("UPDATE family SET sort_name = ? WHERE id = ?",
                     [(fold(r[1]), r[0]) for r in conn.execute("SELECT id, display_name FROM family").fetchall()])
    script(V8_INDEXES)(conn)


#: Ids of the rows a family gathers over the years — contacts, referrals, follow-ups — come from a
#: range of their own family: ``family_id << FAMILY_ROW_BITS`` plus 1, 2, 3 …. SQLite
#: keeps a table in id order, so a family's contacts, and their themes (keyed by contact id), sit
#: together on a few pages however many other families' contacts were written in between; with ids
#: handed out in order of writing, opening a family after years of work read one page per contact
