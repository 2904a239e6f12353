"""Validation with a clear, translated message per field.

Validators never change the object they check, so what the user typed is kept: the UI
shows :attr:`ValidationError.errors` next to the fields and leaves the input as it was.
"""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import (
    Activity,
    Contact,
    Family,
    FamilyStatus,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    School,
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
    if family.email and ("@" not in family.email or " " in family.email.strip()):
        errors["email"] = _(N_("This is not an e-mail address."))
    _raise(errors)


def validate_member(member: Member, today: dt.date | None = None) -> None:
    errors: dict[str, str] = {}
    if not member.first_name.strip():
        errors["first_name"] = _(N_("Enter a first name."))
    year = _today(today).year
    if member.birth_year is not None and not year - 25 <= member.birth_year <= year:
        errors["birth_year"] = _(N_("The birth year must lie between {a} and {b}.")).format(a=year - 25, b=year)
    if member.role == MemberRole.PARENT and member.birth_year is not None:
        errors["birth_year"] = _(N_("A birth year is only recorded for children."))
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
    _raise(errors)
