"""The reference data every form and report draws on: schools, partners, the editable lists
(themes, contact kinds, …; an item is hidden, never deleted, once data uses it) and the vault's
settings (terms, the report threshold, auto-lock, retention), with the defaults a new vault gets."""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Iterable
from typing import Any

from brugdesk.core.lists import DEFAULT_LISTS, ListName, default_label
from brugdesk.core.model import Partner, School, SchoolType, Snippet
from brugdesk.core.periods import DEFAULT_TERM_STARTS, validate_term_starts
from brugdesk.core.text import fold
from brugdesk.core.validation import ValidationError, validate_partner, validate_school, validate_snippet
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo
from brugdesk.store.repo.rows import ListItem

DEFAULT_SETTINGS: dict[str, Any] = {
    "term_starts": [list(t) for t in DEFAULT_TERM_STARTS],
    "report_threshold": 5,
    "autolock_minutes": 5,
    "retention_years": 2,
    "backup_keep_daily": 7,
    "backup_keep_weekly": 4,
    "referral_overdue_days": 28,
}
#: the longest officer's name or function kept in the settings
MAX_OFFICER_TEXT = 100


def seed_defaults(conn: Any, language: str = "nl") -> None:
    """Fill the editable lists with their default labels and the default settings."""
    rows = []
    for list_name, items in DEFAULT_LISTS.items():
        for pos, (code, english) in enumerate(items):
            rows.append((str(list_name), code, default_label(list_name, english, language), pos))
    # OR IGNORE: a migration step may have added a list already (in the vault's language)
    conn.executemany("INSERT OR IGNORE INTO list_item (list, code, label, position) VALUES (?,?,?,?)", rows)
    for key, value in DEFAULT_SETTINGS.items():
        conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, json.dumps(value)))


# --------------------------------------------------------------------- schools
class Schools(Repo):
    entity = "school"

    def add(self, school: School) -> School:
        validate_school(school)
        with self.tx():
            self._check_unique(school)
            cur = self.conn.execute(
                "INSERT INTO school (name, type, brin, pupil_count) VALUES (?,?,?,?)",
                (school.name.strip(), str(school.type), school.brin.strip().upper(), school.pupil_count),
            )
            school.id = int(cur.lastrowid)
            self._audit(Action.CREATE, school.id)
            self._changed(What.SCHOOL)
        return school

    def _check_unique(self, school: School) -> None:
        row = self.conn.execute("SELECT id FROM school WHERE name = ? AND id IS NOT ?",
                                (school.name.strip(), school.id)).fetchone()
        if row:
            raise ValidationError({"name": _(N_("There is already a school with this name."))})

    def update(self, school: School) -> None:
        validate_school(school)
        with self.tx():
            self._check_unique(school)
            self.conn.execute(
                "UPDATE school SET name = ?, type = ?, brin = ?, pupil_count = ? WHERE id = ?",
                (school.name.strip(), str(school.type), school.brin.strip().upper(), school.pupil_count, school.id),
            )
            self._audit(Action.UPDATE, school.id)
            self._changed(What.SCHOOL)

    def delete(self, school_id: int) -> None:
        used = self.conn.execute("SELECT count(*) FROM family_school WHERE school_id = ?", (school_id,)).fetchone()[0]
        if used:
            raise ValidationError({"school": _(N_("This school still has families; it cannot be removed."))})
        with self.tx():
            self.conn.execute("DELETE FROM school WHERE id = ?", (school_id,))
            self._audit(Action.DELETE, school_id)
            self._changed(What.SCHOOL)

    def list(self) -> list[School]:
        return [
            School(name=r[1], type=SchoolType(r[2]), brin=r[3], pupil_count=r[4], id=r[0])
            for r in self.conn.execute("SELECT id, name, type, brin, pupil_count FROM school ORDER BY name")
        ]

    def get(self, school_id: int) -> School:
        for school in self.list():
            if school.id == school_id:
                return school
        raise NotFound()

    def by_name(self, name: str) -> School | None:
        wanted = fold(name.strip())
        for school in self.list():
            if fold(school.name) == wanted:
                return school
        return None



# -------------------------------------------------------------------- partners
class Partners(Repo):
    entity = "partner"

    def add(self, partner: Partner) -> Partner:
        validate_partner(partner)
        with self.tx():
            existing = self.conn.execute("SELECT id FROM partner WHERE name = ? AND type = ?",
                                         (partner.name.strip(), partner.type)).fetchone()
            if existing:
                partner.id = int(existing[0])
                return partner
            cur = self.conn.execute("INSERT INTO partner (name, type) VALUES (?, ?)",
                                    (partner.name.strip(), partner.type))
            partner.id = int(cur.lastrowid)
            self._audit(Action.CREATE, partner.id)
            self._changed(What.PARTNER)
        return partner

    def update(self, partner: Partner) -> None:
        validate_partner(partner)
        with self.tx():
            self.conn.execute("UPDATE partner SET name = ?, type = ? WHERE id = ?",
                              (partner.name.strip(), partner.type, partner.id))
            self._audit(Action.UPDATE, partner.id)
            self._changed(What.PARTNER)

    def list(self) -> list[Partner]:
        return [Partner(name=r[1], type=r[2], id=r[0])
                for r in self.conn.execute("SELECT id, name, type FROM partner ORDER BY name")]

    def get(self, partner_id: int) -> Partner:
        row = self.conn.execute("SELECT id, name, type FROM partner WHERE id = ?", (partner_id,)).fetchone()
        if row is None:
            raise NotFound()
        return Partner(name=row[1], type=row[2], id=row[0])


# ----------------------------------------------------------------------- lists
class Lists(Repo):
    entity = "list_item"

    def items(self, list_name: ListName | str, *, include_inactive: bool = False) -> list[ListItem]:
        sql = "SELECT code, label, position, active FROM list_item WHERE list = ?"
        if not include_inactive:
            sql += " AND active = 1"
        return [ListItem(r[0], r[1], r[2], bool(r[3]))
                for r in self.conn.execute(sql + " ORDER BY position, id", (str(list_name),))]

    def labels(self, list_name: ListName | str) -> dict[str, str]:
        return {i.code: i.label for i in self.items(list_name, include_inactive=True)}

    def label(self, list_name: ListName | str, code: str) -> str:
        return self.labels(list_name).get(code, code)

    def add(self, list_name: ListName | str, label: str) -> ListItem:
        label = label.strip()
        if not label:
            raise ValidationError({"label": _(N_("Enter a label."))})
        existing = self.items(list_name, include_inactive=True)
        if any(fold(i.label) == fold(label) for i in existing):
            raise ValidationError({"label": _(N_("This list already has that item."))})
        base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:24] or "item"
        code, n = f"custom_{base}", 2
        codes = {i.code for i in existing}
        while code in codes:
            code, n = f"custom_{base}_{n}", n + 1
        position = max((i.position for i in existing), default=-1) + 1
        with self.tx():
            self.conn.execute("INSERT INTO list_item (list, code, label, position) VALUES (?,?,?,?)",
                              (str(list_name), code, label, position))
            self._audit(Action.CREATE, None)
            self._changed(What.LIST)
        return ListItem(code, label, position, True)

    def rename(self, list_name: ListName | str, code: str, label: str) -> None:
        if not label.strip():
            raise ValidationError({"label": _(N_("Enter a label."))})
        with self.tx():
            self.conn.execute("UPDATE list_item SET label = ? WHERE list = ? AND code = ?",
                              (label.strip(), str(list_name), code))
            self._audit(Action.UPDATE, None)
            self._changed(What.LIST)

    def set_active(self, list_name: ListName | str, code: str, active: bool) -> None:
        """Hide an item from new choices (kept for existing data and reports)."""
        with self.tx():
            self.conn.execute("UPDATE list_item SET active = ? WHERE list = ? AND code = ?",
                              (int(active), str(list_name), code))
            self._audit(Action.UPDATE, None)
            self._changed(What.LIST)

    def move(self, list_name: ListName | str, code: str, offset: int) -> None:
        items = self.items(list_name, include_inactive=True)
        codes = [i.code for i in items]
        i = codes.index(code)
        j = max(0, min(len(codes) - 1, i + offset))
        codes.insert(j, codes.pop(i))
        with self.tx():
            self.conn.executemany("UPDATE list_item SET position = ? WHERE list = ? AND code = ?",
                                  [(p, str(list_name), c) for p, c in enumerate(codes)])
            self._audit(Action.UPDATE, None)
            self._changed(What.LIST)


# -------------------------------------------------------------------- settings
class Settings(Repo):
    entity = "setting"

    def get(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else DEFAULT_SETTINGS.get(key)

    def set(self, key: str, value: Any) -> None:
        with self.tx():
            self.conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, json.dumps(value)))
            self._audit(Action.UPDATE, None)
            self._changed(What.SETTINGS)

    @property
    def term_starts(self) -> tuple[tuple[int, int], ...]:
        return tuple((int(m), int(d)) for m, d in self.get("term_starts"))

    def set_term_starts(self, starts: Iterable[tuple[int, int]]) -> None:
        value = tuple((int(m), int(d)) for m, d in starts)
        validate_term_starts(value)
        self.set("term_starts", [list(t) for t in value])

    @property
    def report_threshold(self) -> int:
        return int(self.get("report_threshold"))

    def set_report_threshold(self, k: int) -> None:
        if not 3 <= int(k) <= 20:
            raise ValidationError({"report_threshold": _(N_("The threshold must be between 3 and 20."))})
        self.set("report_threshold", int(k))

    @property
    def autolock_minutes(self) -> int:
        return int(self.get("autolock_minutes"))

    def set_autolock_minutes(self, minutes: int) -> None:
        if not 1 <= int(minutes) <= 60:
            raise ValidationError({"autolock_minutes": _(N_("Auto-lock must be between 1 and 60 minutes."))})
        self.set("autolock_minutes", int(minutes))

    @property
    def retention_years(self) -> int:
        return int(self.get("retention_years"))

    def set_retention_years(self, years: int) -> None:
        if not 1 <= int(years) <= 20:
            raise ValidationError({"retention_years": _(N_("The retention period must be between 1 and 20 years."))})
        self.set("retention_years", int(years))

    @property
    def referral_overdue_days(self) -> int:
        """Days a referral may wait (voorgesteld, doorverwezen, wachtlijst) before it counts as overdue."""
        return int(self.get("referral_overdue_days"))

    def set_referral_overdue_days(self, days: int) -> None:
        if not 1 <= int(days) <= 365:
            raise ValidationError({"referral_overdue_days": _(N_("The number of days must be between 1 and 365."))})
        self.set("referral_overdue_days", int(days))

    # the officer's own name and function: asked by the first-run wizard, changed here later; kept
    # in the vault (meta), so they never appear outside it
    def _meta(self, key: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def _set_meta(self, key: str, value: str) -> None:
        with self.tx():
            self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
            self._audit(Action.UPDATE, None)
            self._changed(What.SETTINGS)

    @property
    def officer_name(self) -> str:
        """The officer's own name (as given in the first-run wizard or changed since)."""
        return self._meta("officer")

    @property
    def officer_function(self) -> str:
        """The officer's function (brugfunctionaris, schoolmaatschappelijk werker, …)."""
        return self._meta("officer_role")

    def set_officer(self, name: str, function: str) -> None:
        """Change the officer's own name and function (both may be empty; at most 100 characters each)."""
        errors = {}
        if len(name.strip()) > MAX_OFFICER_TEXT:
            errors["officer_name"] = _(N_("Keep it short: at most {n} characters.")).format(n=MAX_OFFICER_TEXT)
        if len(function.strip()) > MAX_OFFICER_TEXT:
            errors["officer_function"] = _(N_("Keep it short: at most {n} characters.")).format(n=MAX_OFFICER_TEXT)
        if errors:
            raise ValidationError(errors)
        with self.tx():
            self._set_meta("officer", name.strip())
            self._set_meta("officer_role", function.strip())


# -------------------------------------------------------------------- snippets
class Snippets(Repo):
    """The officer's text snippets (Instellingen → Lijsten): an abbreviation of a few letters and the
    text it stands for, inserted from a note field by typing those letters."""

    entity = "snippet"
    what = What.SNIPPET

    def _check_unique(self, snippet: Snippet) -> None:
        row = self.conn.execute("SELECT id FROM snippet WHERE abbreviation = ? COLLATE NOCASE AND id IS NOT ?",
                                (snippet.abbreviation.strip(), snippet.id)).fetchone()
        if row:
            raise ValidationError({"abbreviation": _(N_("There is already a text with these letters."))})

    def add(self, snippet: Snippet) -> Snippet:
        """Add a snippet at the end of the list (the abbreviation unique, case ignored)."""
        validate_snippet(snippet)
        with self.tx():
            self._check_unique(snippet)
            position = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM snippet").fetchone()[0]
            cur = self.conn.execute("INSERT INTO snippet (abbreviation, text, position) VALUES (?,?,?)",
                                    (snippet.abbreviation.strip(), snippet.text.strip(), position))
            snippet.id = int(cur.lastrowid)
            self._audit(Action.CREATE, snippet.id)
            self._changed(What.SNIPPET)
        return snippet

    def update(self, snippet: Snippet) -> None:
        """Change a snippet's abbreviation or text."""
        validate_snippet(snippet)
        with self.tx():
            self._check_unique(snippet)
            cur = self.conn.execute("UPDATE snippet SET abbreviation = ?, text = ? WHERE id = ?",
                                    (snippet.abbreviation.strip(), snippet.text.strip(), snippet.id))
            if cur.rowcount != 1:
                raise NotFound()
            self._audit(Action.UPDATE, snippet.id)
            self._changed(What.SNIPPET)

    def delete(self, snippet_id: int) -> None:
        """Remove a snippet (text already inserted in notes stays)."""
        self._delete(snippet_id)

    def move(self, snippet_id: int, offset: int) -> None:
        """Move a snippet ``offset`` places up (negative) or down in the list."""
        ids = [s.id for s in self.list()]
        i = ids.index(snippet_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        with self.tx():
            self.conn.executemany("UPDATE snippet SET position = ? WHERE id = ?", list(enumerate(ids)))
            self._audit(Action.UPDATE, snippet_id)
            self._changed(What.SNIPPET)

    def list(self) -> list[Snippet]:
        """Every snippet in the officer's order."""
        return [Snippet(r[1], r[2], r[0]) for r in self.conn.execute(
            "SELECT id, abbreviation, text FROM snippet ORDER BY position, id")]

    def lookup(self, typed: str, limit: int = 10) -> builtins.list[Snippet]:
        """The snippets for the letters typed: those whose abbreviation starts with them first (an
        exact match first of all), then those whose abbreviation or text contains them; accents and
        case ignored. Nothing for an empty text."""
        wanted = fold(typed.strip())
        if not wanted:
            return []
        scored = []
        for snippet in self.list():
            abbreviation = fold(snippet.abbreviation)
            if abbreviation == wanted:
                rank = 0
            elif abbreviation.startswith(wanted):
                rank = 1
            elif wanted in abbreviation or wanted in fold(snippet.text):
                rank = 2
            else:
                continue
            scored.append((rank, snippet))
        scored.sort(key=lambda item: item[0])  # stable: the officer's order within a rank
        return [snippet for _rank, snippet in scored[:limit]]
