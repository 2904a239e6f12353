"""Group activities (a koffieochtend, a workshop): not about one family, counted in the report."""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import Activity
from brugdesk.core.validation import validate_activity
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
        return [Activity(date=dt.date.fromisoformat(r[1]), kind=r[2], school_id=r[3], parents_count=r[4],
                         minutes=r[5], title=r[6], id=r[0],
                         themes=self._codes("activity_theme", "activity_id", r[0], "theme")) for r in rows]
