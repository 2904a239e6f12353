"""The agenda: appointments with a date and time of day, the week and today, reminders due soon,
and "it happened": an appointment becomes a contact moment (with its time of day) in one call."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.model import Appointment, AppointmentStatus, Contact, Family
from brugdesk.core.validation import ValidationError, validate_time_text
from brugdesk.privacy import retention
from brugdesk.store.repo.agenda import week_of
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 17)  # a Tuesday


def _family(vault: Vault, name: str = "Fam. Yılmaz") -> int:
    family_id = vault.repo.families.create(Family(name, dt.date(2026, 1, 5)), today=TODAY).id
    assert family_id is not None
    return family_id


def test_the_week_and_today_in_date_and_time_order(vault: Vault) -> None:
    family = _family(vault)
    agenda = vault.repo.appointments
    monday, sunday = week_of(TODAY)
    assert (monday, sunday) == (dt.date(2026, 3, 16), dt.date(2026, 3, 22))
    visit = agenda.add(Appointment(TODAY, dt.time(10, 0), "home_visit", 60, family, "Huisbezoek, tolk geregeld"),
                       today=TODAY)
    early = agenda.add(Appointment(TODAY, dt.time(8, 30), "school_talk", 30, family), today=TODAY)
    network = agenda.add(Appointment(dt.date(2026, 3, 19), dt.time(14, 0), "network_meeting", 90), today=TODAY)
    untimed = agenda.add(Appointment(TODAY, None, "phone", 15, family), today=TODAY)
    agenda.add(Appointment(dt.date(2026, 3, 23), dt.time(9, 0), "phone", 15), today=TODAY)  # next week
    cancelled = agenda.add(Appointment(dt.date(2026, 3, 20), dt.time(9, 0), "phone", 15), today=TODAY)
    assert cancelled.id is not None
    agenda.cancel(cancelled.id)

    week = agenda.week(TODAY)
    assert [r.id for r in week] == [untimed.id, early.id, visit.id, network.id]
    assert [r.id for r in agenda.week(TODAY, include_cancelled=True)][-1] == cancelled.id
    assert [r.id for r in agenda.on(TODAY)] == [untimed.id, early.id, visit.id]
    row = week[2]
    assert (row.time, row.kind, row.family_name, row.note, row.status) == (
        dt.time(10, 0), "home_visit", "Fam. Yılmaz", "Huisbezoek, tolk geregeld", AppointmentStatus.PLANNED)
    assert week[3].family_id is None and week[3].family_ref == ""
    # a reminder for what starts within 15 minutes (never for one without a time)
    now = dt.datetime.combine(TODAY, dt.time(9, 50))
    assert [r.id for r in agenda.due_soon(now)] == [visit.id]
    assert agenda.due_soon(dt.datetime.combine(TODAY, dt.time(10, 1))) == []


def test_it_happened_becomes_a_contact_moment(vault: Vault) -> None:
    family = _family(vault)
    agenda = vault.repo.appointments
    visit = agenda.add(Appointment(TODAY, dt.time(10, 0), "home_visit", 60, family, "Huisbezoek"), today=TODAY)
    assert visit.id is not None
    contact = agenda.happened(visit.id, minutes=75, themes=["money"], with_whom=["parents"], today=TODAY)
    assert contact.id is not None
    stored = vault.repo.contacts.get(contact.id)
    assert (stored.family_id, stored.date, stored.time, stored.kind, stored.minutes, stored.note, stored.themes) == (
        family, TODAY, dt.time(10, 0), "home_visit", 75, "Huisbezoek", ["money"])
    done = agenda.get(visit.id)
    assert (done.status, done.contact_id) == (AppointmentStatus.DONE, contact.id)
    assert vault.repo.families.get(family).status == "active"  # the first contact makes it active
    with pytest.raises(ValidationError) as info:
        agenda.happened(visit.id, today=TODAY)
    assert info.value.errors == {"status": "Van deze afspraak is al een contactmoment gemaakt."}
    with pytest.raises(ValidationError):
        agenda.cancel(visit.id)


def test_it_happened_needs_a_family_and_a_day_that_has_come(vault: Vault) -> None:
    agenda = vault.repo.appointments
    meeting = agenda.add(Appointment(TODAY, dt.time(14, 0), "network_meeting", 90), today=TODAY)
    later = agenda.add(Appointment(TODAY + dt.timedelta(days=2), dt.time(9, 0), "phone", 15, _family(vault)),
                       today=TODAY)
    assert meeting.id is not None and later.id is not None
    with pytest.raises(ValidationError) as info:
        agenda.happened(meeting.id, today=TODAY)
    assert info.value.errors == {"family": "Kies het gezin waarmee deze afspraak was."}
    with pytest.raises(ValidationError) as info:
        agenda.happened(later.id, today=TODAY)
    assert "date" in info.value.errors
    assert agenda.get(later.id).status == AppointmentStatus.PLANNED  # nothing written
    assert vault.repo.contacts.count() == 0
    other = _family(vault, "Fam. Nowak")
    contact = agenda.happened(meeting.id, family_id=other, today=TODAY)
    assert contact.family_id == other and agenda.get(meeting.id).family_id == other


def test_contacts_keep_an_optional_time_of_day(vault: Vault) -> None:
    family = _family(vault)
    contacts = vault.repo.contacts
    with_time = contacts.add(Contact(family, TODAY, 30, "phone", time=dt.time(16, 45)), today=TODAY)
    without = contacts.add(Contact(family, TODAY, 30, "phone"), today=TODAY)
    assert with_time.id is not None and without.id is not None
    assert contacts.get(with_time.id).time == dt.time(16, 45)
    assert contacts.get(without.id).time is None
    changed = contacts.get(without.id)
    changed.time = dt.time(8, 5)
    contacts.update(changed, today=TODAY)
    assert [c.time for c in contacts.list(family)] == [dt.time(8, 5), dt.time(16, 45)]


def test_appointment_validation_and_typed_times(vault: Vault) -> None:
    agenda = vault.repo.appointments
    with pytest.raises(ValidationError) as info:
        agenda.add(Appointment(TODAY, None, "", 0), today=TODAY)
    assert info.value.errors == {"kind": "Kies het soort afspraak.",
                                 "minutes": "De duur moet meer dan 0 minuten zijn."}
    assert validate_time_text("10:00") == dt.time(10, 0)
    assert validate_time_text(" 9.30 ") == dt.time(9, 30)
    assert validate_time_text("930") == dt.time(9, 30)
    assert validate_time_text("14") == dt.time(14, 0)
    assert validate_time_text("") is None
    with pytest.raises(ValidationError) as info:
        validate_time_text("25:00")
    assert info.value.errors == {"time": "'25:00' is geen tijd; gebruik bijvoorbeeld 10:00 of 9.30."}


def test_erasing_a_family_removes_its_appointments_only(vault: Vault) -> None:
    family = _family(vault)
    agenda = vault.repo.appointments
    own = agenda.add(Appointment(TODAY, dt.time(10, 0), "home_visit", 60, family, "Huisbezoek"), today=TODAY)
    general = agenda.add(Appointment(TODAY, dt.time(14, 0), "network_meeting", 90), today=TODAY)
    assert own.id is not None
    agenda.happened(own.id, today=TODAY)
    assert retention.erase_family(vault, family, today=TODAY) == 1
    assert [r.id for r in agenda.week(TODAY)] == [general.id]
