"""Validation with a clear, translated message per field.

Validators never change the object they check, so what the user typed is kept: the UI
shows :attr:`ValidationError.errors` next to the fields and leaves the input as it was.
"""

from __future__ import annotations

import datetime as dt
import re

from brugdesk.core.model import (
    Activity,
    Appointment,
    Contact,
    Family,
    FamilyStatus,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    School,
    Signal,
    SignalStatus,
    Snippet,
)
from brugdesk.i18n import N_, _

MAX_CONTACT_MINUTES = 12 * 60
MIN_PASSPHRASE_LENGTH = 10


class ValidationError(ValueError):
    """One or more fields are invalid. ``errors`` maps field name -> translated message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


#: the zxcvbn score a new passphrase needs (0-4): 3 means an estimated 10**8 guesses or more, which
#: with scrypt at ≈0.5 s per guess is years of work for one attacker's machine per passphrase
MIN_PASSPHRASE_SCORE = 3
#: zxcvbn's matching is quadratic in the length: estimate from this many characters (a longer
#: passphrase is at least as strong as its beginning)
STRENGTH_PREFIX = 100


def passphrase_score(passphrase: str) -> int:
    """zxcvbn's strength estimate (0 too guessable … 4 very unguessable) of the NFC form; 0 when too short."""
    import unicodedata

    from zxcvbn import zxcvbn

    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return 0
    return int(zxcvbn(text[:STRENGTH_PREFIX])["score"])


def validate_passphrase(passphrase: str, *, strength: bool = False) -> None:
    """At least :data:`MIN_PASSPHRASE_LENGTH` characters; with ``strength`` (every new passphrase) also
    hard enough to guess (:func:`passphrase_score` at least :data:`MIN_PASSPHRASE_SCORE`)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            {
                "passphrase": _(N_("The passphrase must be at least {n} characters long.")).format(
                    n=MIN_PASSPHRASE_LENGTH
                )
            }
        )
    if strength and passphrase_score(passphrase) < MIN_PASSPHRASE_SCORE:
        raise ValidationError({"passphrase": _(N_(
            "This passphrase is too easy to guess. Choose a longer sentence of a few words that do not "
            "belong together, for example 'fiets paraplu dinsdag zeven'."))})


def validate_school(school: School) -> None:
    errors: dict[str, str] = {}
    if not school.name.strip():
        errors["name"] = _(N_("Enter the school's name."))
    if school.brin and not (len(school.brin.strip()) == 4 and school.brin.strip()[:2].isdigit()):
        errors["brin"] = _(N_("A BRIN code is two digits and two letters, such as 12AB."))
    if school.pupil_count is not None and not 1 <= school.pupil_count <= 10_000:
        errors["pupil_count"] = _(N_("The number of pupils must be between 1 and 10,000."))
    _raise(errors)


def validate_family(family: Family, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if not family.display_name.strip():
        errors["display_name"] = _(N_("Enter a name for the family."))
    if family.start_date > _today(today):
        errors["start_date"] = _(N_("The start date cannot be in the future."))
    if family.status == FamilyStatus.CLOSED:
        if family.closed_date is None:
            errors["closed_date"] = _(N_("Enter the closing date."))
        elif family.closed_date < family.start_date:
            errors["closed_date"] = _(N_("The closing date cannot be before the start date."))
        elif family.closed_date > _today(today):
            errors["closed_date"] = _(N_("The closing date cannot be in the future."))
        if not family.closure_outcome:
            errors["closure_outcome"] = _(N_("Choose how the support ended."))
    if family.consent.date is not None:
        if family.consent.date > _today(today):
            errors["consent_date"] = _(N_("The consent date cannot be in the future."))
        if not family.consent.given_by.strip():
            errors["consent_by"] = _(N_("Enter who gave consent."))
    if not is_email(family.email):
        errors["email"] = _(N_("This is not an e-mail address."))
    if not is_phone(family.phone):
        errors["phone"] = _(N_("This is not a phone number."))
    _raise(errors)


#: an e-mail address as people type it: something, one @, a domain with a dot; no spaces
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
#: a phone number: digits with the usual separators, optionally an international + at the start
_PHONE = re.compile(r"\+?[0-9 ()./-]+")


def is_email(text: str) -> bool:
    """Whether ``text`` (trimmed) is empty or looks like an e-mail address (name@domain.tld)."""
    text = text.strip()
    return not text or (len(text) <= 254 and _EMAIL.fullmatch(text) is not None)


def is_phone(text: str) -> bool:
    """Whether ``text`` (trimmed) is empty or a phone number: 6 to 15 digits with spaces, dashes,
    dots, slashes or brackets between them, optionally starting with +."""
    text = text.strip()
    if not text:
        return True
    digits = sum(ch.isdigit() for ch in text)
    return _PHONE.fullmatch(text) is not None and 6 <= digits <= 15


def validate_member(member: Member, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if not member.first_name.strip():
        errors["first_name"] = _(N_("Enter a first name."))
    year = _today(today).year
    if member.birth_year is not None and not year - 25 <= member.birth_year <= year:
        errors["birth_year"] = _(N_("The birth year must lie between {a} and {b}.")).format(a=year - 25, b=year)
    if member.role == MemberRole.PARENT and member.birth_year is not None:
        errors["birth_year"] = _(N_("A birth year is only recorded for children."))
    if not is_email(member.email):
        errors["email"] = _(N_("This is not an e-mail address."))
    if not is_phone(member.phone):
        errors["phone"] = _(N_("This is not a phone number."))
    _raise(errors)


def validate_intake(family: Family, parents: list[Member], children: list[Member],
                    today: dt.date | None = None) -> None:
    """An intake as a whole: the family's fields, each parent and each child, and at least one of
    them. Every problem at once: a member's field is keyed ``parents.0.email``, ``children.1.first_name``."""
    errors: dict[str, str] = {}
    try:
        validate_family(family, today)
    except ValidationError as exc:
        errors.update(exc.errors)
    for key, members, role in (("parents", parents, MemberRole.PARENT), ("children", children, MemberRole.CHILD)):
        for i, member in enumerate(members):
            if member.role != role:
                errors[f"{key}.{i}.role"] = _(N_("This person is in the wrong list (parent or child)."))
            try:
                validate_member(member, today)
            except ValidationError as exc:
                errors.update({f"{key}.{i}.{field}": text for field, text in exc.errors.items()})
    if not parents and not children:
        errors["members"] = _(N_("Add at least one parent or child."))
    _raise(errors)


def validate_contact(contact: Contact, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if contact.date > _today(today):
        errors["date"] = _(N_("A contact cannot be in the future."))
    if contact.minutes <= 0:
        errors["minutes"] = _(N_("The duration must be more than 0 minutes."))
    elif contact.minutes > MAX_CONTACT_MINUTES:
        errors["minutes"] = _(N_("The duration cannot be more than 12 hours."))
    if not contact.kind:
        errors["kind"] = _(N_("Choose the kind of contact."))
    if contact.followup_date is not None and not contact.followup_text.strip():
        errors["followup_text"] = _(N_("Describe the follow-up."))
    if contact.followup_text.strip() and contact.followup_date is None:
        errors["followup_date"] = _(N_("Enter a date for the follow-up."))
    if contact.followup_date is not None and contact.followup_date < contact.date:
        errors["followup_date"] = _(N_("The follow-up cannot be before the contact."))
    _raise(errors)


def validate_followup(followup: FollowUp) -> None:
    errors: dict[str, str] = {}
    if not followup.text.strip():
        errors["text"] = _(N_("Describe the follow-up."))
    _raise(errors)


def validate_partner(partner: Partner) -> None:
    errors: dict[str, str] = {}
    if not partner.name.strip():
        errors["name"] = _(N_("Enter the organisation's name."))
    if not partner.type:
        errors["type"] = _(N_("Choose the kind of partner."))
    _raise(errors)


def validate_referral(referral: Referral, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if referral.date > _today(today):
        errors["date"] = _(N_("A referral cannot be in the future."))
    consent = referral.sharing_consent
    if consent.date is not None:
        if consent.date > _today(today):
            errors["consent_date"] = _(N_("The consent date cannot be in the future."))
        if not consent.given_by.strip():
            errors["consent_by"] = _(N_("Enter who gave consent."))
    _raise(errors)


def validate_activity(activity: Activity, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if activity.date > _today(today) + dt.timedelta(days=366):
        errors["date"] = _(N_("The date lies more than a year ahead."))
    if activity.parents_count < 0:
        errors["parents_count"] = _(N_("The number of parents cannot be negative."))
    elif activity.parents_count > 1000:
        errors["parents_count"] = _(N_("The number of parents cannot be more than 1,000."))
    if activity.minutes <= 0:
        errors["minutes"] = _(N_("The duration must be more than 0 minutes."))
    elif activity.minutes > MAX_CONTACT_MINUTES:
        errors["minutes"] = _(N_("The duration cannot be more than 12 hours."))
    if not activity.kind:
        errors["kind"] = _(N_("Choose the kind of activity."))
    if len(set(activity.family_ids)) > max(0, activity.parents_count) and "parents_count" not in errors:
        errors["family_ids"] = _(N_("More families are marked as present than the number of parents."))
    _raise(errors)


def validate_time_text(text: str) -> dt.time | None:
    """A time of day typed as ``10:00``, ``9.30`` or ``930``/``0930``; None when empty. Raises
    :class:`ValidationError` (field ``time``) when it is not a time."""
    raw = text.strip().replace(".", ":")
    if not raw:
        return None
    if ":" not in raw and raw.isdigit() and len(raw) in (3, 4):
        raw = f"{raw[:-2]}:{raw[-2:]}"
    elif ":" not in raw and raw.isdigit() and len(raw) in (1, 2):
        raw = f"{raw}:00"
    hours, _sep, minutes = raw.partition(":")
    if hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and 0 <= int(hours) <= 23 \
            and 0 <= int(minutes) <= 59:
        return dt.time(int(hours), int(minutes))
    raise ValidationError({"time": _(N_("'{text}' is not a time of day; use for example 10:00 or 9.30.")).format(
        text=text.strip()[:20])})


#: the longest "what was seen" of a signal: a short text, not a file
MAX_SIGNAL_TEXT = 500


def validate_signal(signal: Signal, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if signal.date > _today(today):
        errors["date"] = _(N_("A signal cannot be in the future."))
    if not signal.source:
        errors["source"] = _(N_("Choose who passed on the signal."))
    if not signal.seen.strip():
        errors["seen"] = _(N_("Describe briefly what was seen."))
    elif len(signal.seen.strip()) > MAX_SIGNAL_TEXT:
        errors["seen"] = _(N_("Keep it short: at most {n} characters.")).format(n=MAX_SIGNAL_TEXT)
    if signal.status == SignalStatus.NO_ACTION and not signal.closing_reason:
        errors["closing_reason"] = _(N_("Choose why no action is needed."))
    _raise(errors)


def validate_appointment(appointment: Appointment, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if not appointment.kind:
        errors["kind"] = _(N_("Choose the kind of appointment."))
    if appointment.minutes <= 0:
        errors["minutes"] = _(N_("The duration must be more than 0 minutes."))
    elif appointment.minutes > MAX_CONTACT_MINUTES:
        errors["minutes"] = _(N_("The duration cannot be more than 12 hours."))
    if appointment.date > _today(today) + dt.timedelta(days=366):
        errors["date"] = _(N_("The date lies more than a year ahead."))
    _raise(errors)


#: the longest abbreviation of a text snippet
MAX_SNIPPET_ABBREVIATION = 20


def validate_snippet(snippet: Snippet) -> None:
    errors: dict[str, str] = {}
    abbreviation = snippet.abbreviation.strip()
    if not abbreviation:
        errors["abbreviation"] = _(N_("Enter a few letters to find the text by."))
    elif len(abbreviation) > MAX_SNIPPET_ABBREVIATION or " " in abbreviation:
        errors["abbreviation"] = _(N_("Use one short word of at most {n} characters.")).format(
            n=MAX_SNIPPET_ABBREVIATION)
    if not snippet.text.strip():
        errors["text"] = _(N_("Enter the text."))
    _raise(errors)
