"""Each validation rule gives its own clear Dutch message and never changes the input (issue 2)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from brugdesk.core.model import (
    Activity,
    Consent,
    Contact,
    Family,
    FamilyStatus,
    Member,
    MemberRole,
    Partner,
    Referral,
    School,
)
from brugdesk.core.validation import (
    ValidationError,
    validate_activity,
    validate_contact,
    validate_family,
    validate_member,
    validate_partner,
    validate_referral,
    validate_school,
)
from brugdesk.i18n import set_language

TODAY = dt.date(2026, 3, 15)
FUTURE = TODAY + dt.timedelta(days=1)

CASES: list[tuple[Any, Any, str, str]] = [
    (validate_school, School(" "), "name", "Vul de naam van de school in."),
    (validate_school, School("X", brin="ABCD"), "brin",
     "Een BRIN-code bestaat uit twee cijfers en twee letters, zoals 12AB."),
    (validate_school, School("X", pupil_count=0), "pupil_count",
     "Het aantal leerlingen moet tussen 1 en 10.000 liggen."),
    (validate_family, Family("", TODAY), "display_name", "Vul een naam voor het gezin in."),
    (validate_family, Family("F", FUTURE), "start_date", "De startdatum kan niet in de toekomst liggen."),
    (validate_family, Family("F", TODAY, status=FamilyStatus.CLOSED, closure_outcome="resolved"), "closed_date",
     "Vul de datum van afsluiten in."),
    (validate_family, Family("F", TODAY, status=FamilyStatus.CLOSED, closed_date=TODAY - dt.timedelta(days=3),
                             closure_outcome="resolved"), "closed_date",
     "De datum van afsluiten kan niet vóór de startdatum liggen."),
    (validate_family, Family("F", TODAY, status=FamilyStatus.CLOSED, closed_date=TODAY), "closure_outcome",
     "Kies hoe de begeleiding is geëindigd."),
    (validate_family, Family("F", TODAY, consent=Consent(TODAY, "")), "consent_by", "Vul in wie toestemming gaf."),
    (validate_family, Family("F", TODAY, consent=Consent(FUTURE, "moeder")), "consent_date",
     "De datum van toestemming kan niet in de toekomst liggen."),
    (validate_family, Family("F", TODAY, email="geen adres"), "email", "Dit is geen e-mailadres."),
    (validate_member, Member(MemberRole.CHILD, " "), "first_name", "Vul een voornaam in."),
    (validate_member, Member(MemberRole.CHILD, "K", birth_year=1990), "birth_year",
     "Het geboortejaar moet tussen 2001 en 2026 liggen."),
    (validate_member, Member(MemberRole.PARENT, "P", birth_year=2020), "birth_year",
     "Een geboortejaar wordt alleen bij kinderen vastgelegd."),
    (validate_contact, Contact(1, FUTURE, 30, "phone"), "date", "Een contactmoment kan niet in de toekomst liggen."),
    (validate_contact, Contact(1, TODAY, 0, "phone"), "minutes", "De duur moet meer dan 0 minuten zijn."),
    (validate_contact, Contact(1, TODAY, 721, "phone"), "minutes", "De duur kan niet meer dan 12 uur zijn."),
    (validate_contact, Contact(1, TODAY, 30, ""), "kind", "Kies het soort contact."),
    (validate_contact, Contact(1, TODAY, 30, "phone", followup_date=TODAY), "followup_text", "Beschrijf de actie."),
    (validate_contact, Contact(1, TODAY, 30, "phone", followup_text="bellen"), "followup_date",
     "Vul een datum in voor de actie."),
    (validate_contact, Contact(1, TODAY, 30, "phone", followup_text="bellen", followup_date=TODAY - dt.timedelta(1)),
     "followup_date", "De actie kan niet vóór het contactmoment liggen."),
    (validate_partner, Partner("", "jgz"), "name", "Vul de naam van de organisatie in."),
    (validate_partner, Partner("X", ""), "type", "Kies het soort netwerkpartner."),
    (validate_referral, Referral(1, 1, FUTURE), "date", "Een doorverwijzing kan niet in de toekomst liggen."),
    (validate_referral, Referral(1, 1, TODAY, sharing_consent=Consent(TODAY, " ")), "consent_by",
     "Vul in wie toestemming gaf."),
    (validate_activity, Activity(TODAY, "workshop", parents_count=-1), "parents_count",
     "Het aantal ouders kan niet negatief zijn."),
    (validate_activity, Activity(TODAY, "workshop", minutes=0), "minutes", "De duur moet meer dan 0 minuten zijn."),
    (validate_activity, Activity(TODAY, ""), "kind", "Kies het soort activiteit."),
]


@pytest.mark.parametrize(("validator", "obj", "field", "message"), CASES,
                         ids=[f"{c[0].__name__}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_rule_gives_its_message_and_keeps_the_input(validator: Any, obj: Any, field: str, message: str) -> None:
    before = copy.deepcopy(obj)
    with pytest.raises(ValidationError) as info:
        validator(obj, TODAY) if validator is not validate_school and validator is not validate_partner \
            else validator(obj)
    assert info.value.errors[field] == message
    assert obj == before


def test_messages_are_english_when_the_language_is_english() -> None:
    set_language("en")
    with pytest.raises(ValidationError) as info:
        validate_contact(Contact(1, TODAY, 0, "phone"), TODAY)
    assert info.value.errors["minutes"] == "The duration must be more than 0 minutes."


def test_several_fields_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        validate_contact(Contact(1, FUTURE, -5, ""), TODAY)
    assert set(info.value.errors) == {"date", "minutes", "kind"}


def test_a_valid_contact_passes() -> None:
    validate_contact(Contact(1, TODAY, 45, "home_visit", ["parents"], ["money"], "notitie", "bellen", FUTURE), TODAY)
