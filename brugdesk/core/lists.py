"""The editable lists (signal sources, themes, contact kinds, …) and their Dutch defaults.

Each list item has a stable code (used in the data and by reports) and a label that the
officer may edit in Instellingen. Defaults ship with Dutch labels; English labels are
used when a vault is created with an English UI.
"""

from __future__ import annotations

from enum import StrEnum


class ListName(StrEnum):
    SIGNAL_SOURCE = "signal_source"
    THEME = "theme"
    CONTACT_KIND = "contact_kind"
    WITH_WHOM = "with_whom"
    PARTNER_TYPE = "partner_type"
    CLOSURE_OUTCOME = "closure_outcome"
    ACTIVITY_KIND = "activity_kind"
    SIGNAL_CLOSURE = "signal_closure"


#: list -> [(code, Dutch label, English label)]
DEFAULT_LISTS: dict[ListName, list[tuple[str, str, str]]] = {
    ListName.SIGNAL_SOURCE: [
        ("teacher", "Leerkracht / mentor", "Teacher / mentor"),
        ("ib", "Intern begeleider / zorgcoördinator", "Internal support (IB) / care coordinator"),
        ("parent", "Ouder zelf", "Parent"),
        ("wijkteam", "Wijkteam", "Neighbourhood team"),
        ("jgz", "Jeugdgezondheidszorg", "Youth health care"),
        ("school_social_work", "Schoolmaatschappelijk werk", "School social work"),
        ("partner", "Andere netwerkpartner", "Other partner"),
        ("other", "Anders", "Other"),
    ],
    ListName.THEME: [
        ("parenting", "Opvoeding", "Parenting"),
        ("money", "Geldzorgen en schulden", "Money worries and debts"),
        ("behaviour", "Gedrag van het kind", "Child's behaviour"),
        ("attendance", "Schoolverzuim", "School attendance"),
        ("wellbeing", "Welbevinden kind", "Child's wellbeing"),
        ("housing", "Wonen", "Housing"),
        ("health", "Gezondheid", "Health"),
        ("language", "Taal en communicatie", "Language and communication"),
        ("divorce", "Scheiding", "Divorce"),
        ("social_network", "Sociaal netwerk en eenzaamheid", "Social network and loneliness"),
        ("poverty_school_costs", "Schoolkosten en meedoen", "School costs and taking part"),
        ("safety", "Veiligheid thuis", "Safety at home"),
        ("other", "Overig", "Other"),
    ],
    ListName.CONTACT_KIND: [
        ("home_visit", "Huisbezoek", "Home visit"),
        ("school_talk", "Gesprek op school", "Talk at school"),
        ("phone", "Telefonisch", "Phone"),
        ("digital", "Digitaal (mail, app, video)", "Digital (mail, app, video)"),
        ("walk_in", "Inloop / spreekuur", "Walk-in / office hour"),
        ("accompany", "Meegaan naar instantie", "Accompanying to an agency"),
        ("network_meeting", "Netwerkoverleg", "Network meeting"),
        ("other", "Anders", "Other"),
    ],
    ListName.WITH_WHOM: [
        ("parents", "Ouder(s)", "Parent(s)"),
        ("child", "Kind", "Child"),
        ("teacher", "Leerkracht", "Teacher"),
        ("ib", "Intern begeleider", "Internal support (IB)"),
        ("partner", "Netwerkpartner", "Partner"),
    ],
    ListName.PARTNER_TYPE: [
        ("wijkteam", "Wijkteam", "Neighbourhood team"),
        ("jgz", "Jeugdgezondheidszorg (JGZ)", "Youth health care"),
        ("school_social_work", "Schoolmaatschappelijk werk", "School social work"),
        ("debt_help", "Schuldhulpverlening", "Debt help"),
        ("food_bank", "Voedselbank", "Food bank"),
        ("youth_funds", "Leergeld / jeugdfondsen", "Leergeld / youth funds"),
        ("youth_care", "Jeugdhulp / GGZ", "Youth care / mental health"),
        ("gp", "Huisarts", "GP"),
        ("language", "Taalaanbieder", "Language provider"),
        ("welfare", "Welzijn / buurtwerk", "Welfare / community work"),
        ("veilig_thuis", "Veilig Thuis", "Veilig Thuis"),
        ("attendance_officer", "Leerplichtambtenaar", "Attendance officer"),
        ("other", "Anders", "Other"),
    ],
    ListName.CLOSURE_OUTCOME: [
        ("resolved", "Vraag opgelost", "Question resolved"),
        ("referred", "Overgedragen aan netwerkpartner", "Handed over to a partner"),
        ("moved", "Verhuisd / van school", "Moved / left school"),
        ("no_contact", "Geen contact meer", "No longer in contact"),
        ("declined", "Ouders zien af van hulp", "Parents declined help"),
        ("other", "Anders", "Other"),
    ],
    ListName.ACTIVITY_KIND: [
        ("coffee_morning", "Koffieochtend / ouderbijeenkomst", "Coffee morning / parent meeting"),
        ("workshop", "Informatiebijeenkomst / workshop", "Information session / workshop"),
        ("office_hour", "Spreekuur", "Office hour"),
        ("other", "Anders", "Other"),
    ],
    ListName.SIGNAL_CLOSURE: [
        ("no_worry", "Geen zorg na navraag", "No worry after asking"),
        ("known_elsewhere", "Al in beeld bij andere hulp", "Already known to other help"),
        ("school_handles", "School pakt het zelf op", "The school takes it up itself"),
        ("parents_declined", "Ouders willen geen contact", "Parents want no contact"),
        ("moved", "Verhuisd / van school", "Moved / left school"),
        ("other", "Anders", "Other"),
    ],
}
