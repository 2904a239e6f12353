"""The officer's week in a demo vault: parents' contact details and gezag, referral details,
contact times, signals, appointments, attendance at group activities and text snippets."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from brugdesk.core.text import fold

NEEDS = {
    "wijkteam": ["Ondersteuning bij de opvoeding", "Hulp bij structuur in huis", "Gezinscoach na de scheiding"],
    "jgz": ["Vragen over groei en slapen", "Zorgen over het gewicht van het kind"],
    "school_social_work": ["Gesprekken met het kind over thuis", "Ondersteuning bij schoolverzuim"],
    "debt_help": ["Overzicht en aanpak van de schulden", "Hulp bij betalingsregelingen"],
    "food_bank": ["Voedselpakket tijdens de aanvraag van bijstand"],
    "youth_funds": ["Vergoeding voor sportclub en schoolreis", "Laptop voor school"],
    "youth_care": ["Behandeling angstklachten kind", "Diagnostiek concentratieproblemen"],
    "gp": ["Doorverwijzing naar praktijkondersteuner jeugd"],
    "language": ["Taalles voor moeder", "Taalcafé op woensdag"],
    "welfare": ["Contact met andere ouders in de buurt", "Vrijwilliger voor de administratie"],
    "veilig_thuis": ["Advies over zorgen om de veiligheid thuis"],
    "attendance_officer": ["Gesprek over het verzuim"],
}
CONTACT_PEOPLE = ["Marieke (wijkcoach)", "Jeroen", "Samira, intake", "mevrouw De Wit", "Kofi (maatschappelijk werk)",
                  "Iris", "Bas, consulent"]
STATUS_NOTES = {
    "referred": ["Aanmelding gemaild met toestemming van ouders", "Warme overdracht: samen gebeld"],
    "waiting_list": ["Wachttijd ongeveer zes weken", "Op de wachtlijst, ouders geïnformeerd"],
    "accepted": ["Eerste gesprek heeft plaatsgevonden", "Intake gedaan, hulp gestart"],
    "completed": ["Afgerond, ouders tevreden"],
    "declined": ["Partner ziet geen passende hulp", "Ouders willen toch niet"],
    "stopped": ["Gestopt op verzoek van ouders"],
}
SEEN = [
    "Kind komt vaak zonder ontbijt en zonder fruit naar school.",
    "Leerling is stil en teruggetrokken sinds de herfstvakantie.",
    "Ouders reageren niet op uitnodigingen voor gesprekken.",
    "Kind vertelt dat er thuis veel ruzie is over geld.",
    "Veel verzuim op maandag; moeder noemt buikpijn.",
    "Schoolreis niet betaald; ouders lijken het niet te kunnen.",
    "Kind heeft geen geschikte winterjas en gymkleding.",
    "Vader vroeg de leerkracht om hulp bij formulieren.",
]
SNIPPETS = [
    ("hb", "Huisbezoek afgelegd; beide ouders waren aanwezig."),
    ("tolk", "Gesprek gevoerd met een tolk via de telefoon."),
    ("lg", "Aanvraag Stichting Leergeld samen ingevuld en verstuurd."),
    ("wt", "Terugkoppeling gevraagd aan het wijkteam."),
    ("toest", "Toestemming van ouders besproken en vastgelegd."),
    ("nb", "Nabellen over de stand van zaken."),
    ("ib", "Afgestemd met de intern begeleider."),
    ("rond", "Ouders geven aan dat de vraag is opgelost; traject afgerond."),
]
#: a time of day for a contact or an appointment: school hours, on the quarter
TIMES = [f"{h:02d}:{m:02d}" for h in range(8, 17) for m in (0, 15, 30, 45)]


def fill_week(conn: Any, rnd: random.Random, today: dt.date, first_day: dt.date, now: str, year: bool) -> None:
    """The officer's week on top of the families: parents' contact details and gezag, a referral's
    hulpvraag, contact person and status notes, contact times, signals (most families came from one;
    others were closed or are still open), appointments (done ones linked to their contact, planned
    ones in the coming weeks), attendance at group activities, and the officer's text snippets."""
    families = conn.execute("SELECT f.id, f.status, f.start_date, f.closed_date, f.signal_source, "
                            "(SELECT min(school_id) FROM family_school s WHERE s.family_id = f.id), f.display_name, "
                            "EXISTS (SELECT 1 FROM family_theme t WHERE t.family_id = f.id AND t.theme = 'divorce') "
                            "FROM family f ORDER BY f.id").fetchall()
    # parents: a phone number outside the real mobile range (06-00…), a made-up address, gezag
    updates = []
    for member_id, first, last, divorce in conn.execute(
            "SELECT m.id, m.first_name, m.last_name, EXISTS (SELECT 1 FROM family_theme t WHERE "
            "t.family_id = m.family_id AND t.theme = 'divorce') FROM member m WHERE m.role = 'parent' ORDER BY m.id"
            ).fetchall():
        phone = f"06-00{rnd.randrange(10**6):06d}" if rnd.random() < 0.85 else ""
        mail = (fold(f"{first}.{last}").replace(" ", "") + "@voorbeeld.nl") if rnd.random() < 0.6 else ""
        address = f"Voorbeeldstraat {rnd.randint(1, 200)}, Utrecht" if divorce and rnd.random() < 0.6 else ""
        authority = "yes" if rnd.random() < 0.85 else ("no" if divorce else "unknown")
        updates.append((phone, mail, address, authority, member_id))
    conn.executemany("UPDATE member SET phone = ?, email = ?, address = ?, authority = ? WHERE id = ?", updates)
    # referrals: the hulpvraag, a contact person, a note with some status changes
    conn.executemany("UPDATE referral SET need = ?, contact_person = ? WHERE id = ?", [
        (rnd.choice(NEEDS.get(ptype, ["Ondersteuning"])), rnd.choice(CONTACT_PEOPLE) if rnd.random() < 0.7 else "", rid)
        for rid, ptype in conn.execute("SELECT r.id, p.type FROM referral r JOIN partner p ON p.id = r.partner_id "
                                       "ORDER BY r.id").fetchall()])
    conn.executemany("UPDATE referral_status SET note = ? WHERE id = ?", [
        (rnd.choice(STATUS_NOTES[status]), sid) for sid, status in conn.execute(
            "SELECT id, status FROM referral_status ORDER BY id").fetchall()
        if status in STATUS_NOTES and rnd.random() < 0.5])
    # a time of day for most contacts (not for mail and app)
    conn.executemany("UPDATE contact SET time = ? WHERE id = ?", [
        (rnd.choice(TIMES), cid) for cid, kind in conn.execute("SELECT id, kind FROM contact ORDER BY id").fetchall()
        if kind != "digital" and rnd.random() < 0.8])
    # signals: most families came in through one; others closed without a family, or still open
    groups = dict(conn.execute("SELECT family_id, min(group_name) FROM member WHERE role = 'child' "
                               "AND group_name != '' GROUP BY family_id").fetchall())
    signal_rows: list[tuple[Any, ...]] = []
    history: list[tuple[int, str, str]] = []

    def signal(day: dt.date, source: str, school: int | None, group: str, path: list[tuple[str, dt.date]],
               reason: str, family_id: int | None) -> None:
        signal_rows.append((len(signal_rows) + 1, day.isoformat(), source, school, group, rnd.choice(SEEN),
                            path[-1][0], path[-1][1].isoformat(), reason, family_id, now))
        history.extend((len(signal_rows), status, on.isoformat()) for status, on in path)

    reasons = ["no_worry", "known_elsewhere", "school_handles", "parents_declined", "moved", "other"]
    for family_id, _status, start_s, _closed, source, school, _name, _divorce in families:
        start = dt.date.fromisoformat(start_s)
        if rnd.random() < 0.7:
            day = max(first_day, start - dt.timedelta(days=rnd.randint(0, 14)))
            taken = min(start, day + dt.timedelta(days=rnd.randint(0, 3)))
            signal(day, source or "teacher", school, groups.get(family_id, ""),
                   [("new", day), ("taken_up", taken), ("family_created", start)], "", family_id)
        school_of = school if rnd.random() < 0.8 else None
        group = str(rnd.randint(1, 8)) if school_of else ""
        if rnd.random() < 0.3:  # a signal that did not become a family
            day = first_day + dt.timedelta(days=rnd.randint(0, max(0, (today - first_day).days)))
            closed_on = min(today, day + dt.timedelta(days=rnd.randint(1, 20)))
            signal(day, rnd.choice(["teacher", "ib", "teacher", "jgz"]), school_of, group,
                   [("new", day), ("no_action", closed_on)], rnd.choice(reasons), None)
        if rnd.random() < 0.06:  # one still open: passed on in the last three weeks
            day = today - dt.timedelta(days=rnd.randint(0, 20))
            path = [("new", day)] + ([("taken_up", min(today, day + dt.timedelta(days=2)))]
                                     if rnd.random() < 0.4 else [])
            signal(day, rnd.choice(["teacher", "ib", "teacher", "parent"]), school_of, group, path, "", None)
    conn.executemany("INSERT INTO signal (id, date, source, school_id, group_name, seen, status, status_date, "
                     "closing_reason, family_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", signal_rows)
    conn.executemany("INSERT INTO signal_status (signal_id, status, date) VALUES (?,?,?)",
                     sorted(history, key=lambda h: (h[2], h[0])))
    # appointments: the planned visits and talks of the last eight weeks became these contacts…
    planned_kinds = ("home_visit", "school_talk", "network_meeting", "accompany")
    since = (today - dt.timedelta(days=56)).isoformat()
    appointments = [
        (family_id, day, time, minutes, kind, "", "done", cid, now)
        for cid, family_id, day, time, minutes, kind in conn.execute(
            "SELECT id, family_id, date, time, minutes, kind FROM contact WHERE date >= ? AND date <= ? "
            "ORDER BY date, id", (since, today.isoformat())).fetchall()
        if kind in planned_kinds and rnd.random() < 0.6]
    # … and open families have one planned in the coming three weeks (on a weekday)
    for family_id, status, *_rest in families:
        if status == "closed" or rnd.random() >= (0.6 if year else 0.35):
            continue
        for _n in range(rnd.choice([1, 2]) if year else 1):
            day = today + dt.timedelta(days=rnd.randint(0, 20))
            while day.weekday() >= 5:
                day += dt.timedelta(days=1)
            kind = rnd.choices(planned_kinds, weights=[5, 3, 1, 1])[0]
            appointments.append((family_id, day.isoformat(), rnd.choice(TIMES), rnd.choice([30, 45, 60, 90]), kind,
                                 rnd.choice(["", "", "Tolk geregeld", "Formulieren meenemen"]), "planned", None, now))
    for week in range(-8, 4):  # a network meeting at school every other week, without a family
        if week % 2 == 0:
            day = today + dt.timedelta(days=7 * week - today.weekday() + 3)  # a Thursday
            status = "done" if day < today else "planned"
            appointments.append((None, day.isoformat(), "13:30", 90, "network_meeting", "Zorgoverleg school", status,
                                 None, now))
    appointments.sort(key=lambda a: (a[1], a[2]))
    conn.executemany("INSERT INTO appointment (family_id, date, time, minutes, kind, note, status, contact_id, "
                     "created_at) VALUES (?,?,?,?,?,?,?,?,?)", appointments)
    # attendance: of the parents at an activity, some are families the officer supports
    spans = [(fid, school, dt.date.fromisoformat(start), dt.date.fromisoformat(closed) if closed else today)
             for fid, _status, start, closed, _source, school, _name, _divorce in families]
    attendance = []
    for activity_id, day_s, school, parents in conn.execute(
            "SELECT id, date, school_id, parents_count FROM activity ORDER BY id").fetchall():
        day = dt.date.fromisoformat(day_s)
        present = [fid for fid, s, start, end in spans if s == school and start <= day <= end]
        for fid in rnd.sample(present, k=min(len(present), parents // 3)):
            attendance.append((activity_id, fid))
    conn.executemany("INSERT INTO activity_family (activity_id, family_id) VALUES (?,?)", sorted(attendance))
    conn.executemany("INSERT INTO snippet (abbreviation, text, position) VALUES (?,?,?)",
                     [(a, t, i) for i, (a, t) in enumerate(SNIPPETS)])
