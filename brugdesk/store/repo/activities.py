"""Group activities (a koffieochtend, a workshop): not about one family, counted in the report; the
families known to have attended are recorded too (``activity_family``), so a family's page shows
which activities it attended. A family's attendance is deleted with the family."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from brugdesk.core.model import Activity
from brugdesk.core.validation import validate_activity
from brugdesk.errors import NotFound
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo, d2s


class Activities(Repo):
    entity = "activity"
    what = What.ACTIVITY

    def add(self, activity: Activity, today: dt.date | None = None) -> Activity:
        validate_activity(activity, today)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO activity (date, kind, school_id, parents_count, minutes, title) VALUES (?,?,?,?,?,?)",
                (d2s(activity.date), activity.kind, activity.school_id, activity.parents_count, activity.minutes,
                 activity.title.strip()),
            )
            activity.id = int(cur.lastrowid)
            self._set_codes("activity_theme", "activity_id", activity.id, "theme", activity.themes)
            self._set_codes("activity_family", "activity_id", activity.id, "family_id",
                            [str(i) for i in sorted(set(activity.family_ids))])
            self._audit(Action.CREATE, activity.id)
            self._changed(What.ACTIVITY)
        return activity

    def update(self, activity: Activity, today: dt.date | None = None) -> None:
        validate_activity(activity, today)
        with self.tx():
            self.conn.execute(
                "UPDATE activity SET date = ?, kind = ?, school_id = ?, parents_count = ?, minutes = ?, title = ? "
                "WHERE id = ?",
                (d2s(activity.date), activity.kind, activity.school_id, activity.parents_count, activity.minutes,
                 activity.title.strip(), activity.id),
            )
            assert activity.id is not None
            self._set_codes("activity_theme", "activity_id", activity.id, "theme", activity.themes)
            self._set_codes("activity_family", "activity_id", activity.id, "family_id",
                            [str(i) for i in sorted(set(activity.family_ids))])
            self._audit(Action.UPDATE, activity.id)
            self._changed(What.ACTIVITY)

    def delete(self, activity_id: int) -> None:
        self._delete(activity_id)

    def list(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Activity]:
        rows = self.conn.execute(
            "SELECT id, date, kind, school_id, parents_count, minutes, title FROM activity "
            "WHERE date >= ? AND date <= ? ORDER BY date DESC, id DESC",
            (d2s(start or dt.date.min), d2s(end or dt.date.max)),
        )
        return [self._activity(r) for r in rows]

    def _activity(self, r: Any) -> Activity:
        return Activity(date=dt.date.fromisoformat(r[1]), kind=r[2], school_id=r[3], parents_count=r[4],
                        minutes=r[5], title=r[6], id=r[0],
                        themes=self._codes("activity_theme", "activity_id", r[0], "theme"),
                        family_ids=[int(i) for i in self._codes("activity_family", "activity_id", r[0], "family_id")])

    def get(self, activity_id: int) -> Activity:
        """One activity with its themes and the families recorded as present."""
        row = self.conn.execute("SELECT id, date, kind, school_id, parents_count, minutes, title FROM activity "
                                "WHERE id = ?", (activity_id,)).fetchone()
        if row is None:
            raise NotFound()
        return self._activity(row)

    def attendees(self, activity_id: int) -> builtins.list[tuple[int, str, str]]:
        """(id, reference, display name) of the families recorded at the activity, by name."""
        return [(int(r[0]), r[1], r[2]) for r in self.conn.execute(
            "SELECT f.id, f.ref, f.display_name FROM activity_family a JOIN family f ON f.id = a.family_id "
            "WHERE a.activity_id = ? ORDER BY f.sort_name, f.id", (activity_id,))]

    def of_family(self, family_id: int) -> builtins.list[Activity]:
        """The activities the family attended, the latest first (its page shows them)."""
        return [self._activity(r) for r in self.conn.execute(
            "SELECT a.id, a.date, a.kind, a.school_id, a.parents_count, a.minutes, a.title FROM activity a "
            "JOIN activity_family x ON x.activity_id = a.id WHERE x.family_id = ? ORDER BY a.date DESC, a.id DESC",
            (family_id,))]

    def set_attendance(self, activity_id: int, family_ids: builtins.list[int]) -> None:
        """Record which families attended (replacing what was recorded); no more families than the
        activity's number of parents."""
        activity = self.get(activity_id)
        activity.family_ids = list(family_ids)
        validate_activity(activity, activity.date)
        with self.tx():
            self._set_codes("activity_family", "activity_id", activity_id, "family_id",
                            [str(i) for i in sorted(set(family_ids))])
            self._audit(Action.UPDATE, activity_id)
            self._changed(What.ACTIVITY)
