"""The first schema (V1) and its early additions for speed (V2-V4): the DDL as SQL text."""

from __future__ import annotations

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
