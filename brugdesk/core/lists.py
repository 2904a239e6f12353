"""The editable lists (signal sources, themes, contact kinds, …) and their Dutch defaults.

Each list item has a stable code (used in the data and by reports) and a label that the
officer may edit in Instellingen. A new vault gets the default labels in the language of the UI
that creates it (Dutch, or English); the labels are the vault's own from then on.
"""

from __future__ import annotations

from enum import StrEnum

from brugdesk.i18n import N_, NC_, _


class ListName(StrEnum):
    SIGNAL_SOURCE = "signal_source"
    THEME = "theme"
    CONTACT_KIND = "contact_kind"
    WITH_WHOM = "with_whom"
    PARTNER_TYPE = "partner_type"
    CLOSURE_OUTCOME = "closure_outcome"
    ACTIVITY_KIND = "activity_kind"
    SIGNAL_CLOSURE = "signal_closure"


#: list -> [(code, English label)]; the codes are stored in the vault and never change. A label's Dutch is
#: in the catalogue; where one list needs other Dutch than the same English elsewhere, the label is
#: marked with the list's name as its context (NC_), which :func:`default_label` looks up first.
DEFAULT_LISTS: dict[ListName, list[tuple[str, str]]] = {
    ListName.SIGNAL_SOURCE: [
        ("teacher", N_("Teacher / mentor")),
        ("ib", N_("Internal support (IB) / care coordinator")),
        ("parent", N_("Parent")),
        ("wijkteam", N_("Neighbourhood team")),
        ("jgz", N_("Youth health care")),
        ("school_social_work", N_("School social work")),
        ("partner", N_("Other partner")),
        ("other", N_("Other")),
    ],
    ListName.THEME: [
        ("parenting", N_("Parenting")),
        ("money", N_("Money worries and debts")),
        ("behaviour", N_("Child's behaviour")),
        ("attendance", N_("School attendance")),
        ("wellbeing", N_("Child's wellbeing")),
        ("housing", N_("Housing")),
        ("health", N_("Health")),
        ("language", N_("Language and communication")),
        ("divorce", N_("Divorce")),
        ("social_network", N_("Social network and loneliness")),
        ("poverty_school_costs", N_("School costs and taking part")),
        ("safety", N_("Safety at home")),
        ("other", NC_("theme", "Other")),
    ],
    ListName.CONTACT_KIND: [
        ("home_visit", N_("Home visit")),
        ("school_talk", N_("Talk at school")),
        ("phone", NC_("contact_kind", "Phone")),
        ("digital", N_("Digital (mail, app, video)")),
        ("walk_in", N_("Walk-in / office hour")),
        ("accompany", N_("Accompanying to an agency")),
        ("network_meeting", N_("Network meeting")),
        ("other", N_("Other")),
    ],
    ListName.WITH_WHOM: [
        ("parents", N_("Parents")),
        ("child", N_("Child")),
        ("teacher", N_("Teacher")),
        ("ib", N_("Internal support (IB)")),
        ("partner", N_("Partner")),
    ],
    ListName.PARTNER_TYPE: [
        ("wijkteam", N_("Neighbourhood team")),
        ("jgz", NC_("partner_type", "Youth health care")),
        ("school_social_work", N_("School social work")),
        ("debt_help", N_("Debt help")),
        ("food_bank", N_("Food bank")),
        ("youth_funds", N_("Leergeld / youth funds")),
        ("youth_care", N_("Youth care / mental health")),
        ("gp", N_("GP")),
        ("language", N_("Language provider")),
        ("welfare", N_("Welfare / community work")),
        ("veilig_thuis", N_("Veilig Thuis")),
        ("attendance_officer", N_("Attendance officer")),
        ("other", N_("Other")),
    ],
    ListName.CLOSURE_OUTCOME: [
        ("resolved", N_("Question resolved")),
        ("referred", N_("Handed over to a partner")),
        ("moved", N_("Moved / left school")),
        ("no_contact", N_("No longer in contact")),
        ("declined", N_("Parents declined help")),
        ("other", N_("Other")),
    ],
    ListName.ACTIVITY_KIND: [
        ("coffee_morning", N_("Coffee morning / parent meeting")),
        ("workshop", N_("Information session / workshop")),
        ("office_hour", N_("Office hour")),
        ("other", N_("Other")),
    ],
    ListName.SIGNAL_CLOSURE: [
        ("no_worry", N_("No worry after asking")),
        ("known_elsewhere", N_("Already known to other help")),
        ("school_handles", N_("The school takes it up itself")),
        ("parents_declined", N_("Parents want no contact")),
        ("moved", N_("Moved / left school")),
        ("other", N_("Other")),
    ],
}


def default_label(list_name: ListName, english: str, lang: str | None = None) -> str:
    """A default list label in ``lang``: the list's own translation first, then the general one."""
    return _(english, lang, context=str(list_name))
