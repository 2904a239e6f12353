"""What a column of the spreadsheet can hold (a :class:`Field`), and the field suggested for a header.

Headers are compared folded (case and accents ignored, punctuation as spaces), in Dutch and English:
"Achternaam", "Naam kind", "Groep"/"Klas", "School", "Startdatum", "Thema", "Telefoon" … An
unknown header suggests nothing (the column is left out unless the officer picks a field).
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from brugdesk.core.text import fold
from brugdesk.i18n import N_, _


class ImportKind(StrEnum):
    """What one row of the sheet is: a child or family (families) or a contact moment (contacts)."""

    FAMILIES = "families"
    CONTACTS = "contacts"


class Field(StrEnum):
    """The fields a column can be mapped to (the values are what a saved mapping file holds)."""

    FAMILY_KEY = "family_key"  # the sheet's own family number or code: rows with the same key are one family
    SURNAME = "surname"  # the family's surname (the family is shown as "Fam. <surname>")
    CHILD_FIRST_NAME = "child_first_name"
    CHILD_LAST_NAME = "child_last_name"  # when it differs from the family's surname
    BIRTH_YEAR = "birth_year"  # a year, or a date of birth (its year is kept)
    GROUP = "group"  # groep / klas
    SCHOOL = "school"
    START_DATE = "start_date"
    THEME = "theme"  # one or more themes, separated by commas or semicolons
    SIGNAL_SOURCE = "signal_source"
    PARENT_FIRST_NAME = "parent_first_name"
    PARENT_LAST_NAME = "parent_last_name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    HOME_LANGUAGE = "home_language"
    CONTACT_DATE = "contact_date"
    CONTACT_KIND = "contact_kind"
    MINUTES = "minutes"
    NOTE = "note"


#: the fields of each kind of import, in the order the wizard and the template list them
FIELDS: dict[ImportKind, tuple[Field, ...]] = {
    ImportKind.FAMILIES: (
        Field.FAMILY_KEY, Field.SURNAME, Field.CHILD_FIRST_NAME, Field.CHILD_LAST_NAME, Field.BIRTH_YEAR,
        Field.GROUP, Field.SCHOOL, Field.START_DATE, Field.THEME, Field.SIGNAL_SOURCE, Field.PARENT_FIRST_NAME,
        Field.PARENT_LAST_NAME, Field.PHONE, Field.EMAIL, Field.ADDRESS, Field.HOME_LANGUAGE,
    ),
    ImportKind.CONTACTS: (Field.FAMILY_KEY, Field.CONTACT_DATE, Field.CONTACT_KIND, Field.MINUTES, Field.NOTE),
}

#: the label of each field (what the wizard's column choice and the template's header show)
LABELS: dict[Field, str] = {
    Field.FAMILY_KEY: N_("Family key"),
    Field.SURNAME: N_("Surname"),
    Field.CHILD_FIRST_NAME: N_("Child's first name"),
    Field.CHILD_LAST_NAME: N_("Child's surname"),
    Field.BIRTH_YEAR: N_("Year of birth"),
    Field.GROUP: N_("Group"),
    Field.SCHOOL: N_("School"),
    Field.START_DATE: N_("Start date"),
    Field.THEME: N_("Theme"),
    Field.SIGNAL_SOURCE: N_("Referred by"),
    Field.PARENT_FIRST_NAME: N_("Parent's first name"),
    Field.PARENT_LAST_NAME: N_("Parent's surname"),
    Field.PHONE: N_("Phone"),
    Field.EMAIL: N_("E-mail"),
    Field.ADDRESS: N_("Address"),
    Field.HOME_LANGUAGE: N_("Home language"),
    Field.CONTACT_DATE: N_("Date"),
    Field.CONTACT_KIND: N_("Kind of contact"),
    Field.MINUTES: N_("Duration (minutes)"),
    Field.NOTE: N_("Note"),
}


def label(field: Field) -> str:
    return _(LABELS[field])


#: the longest text kept per field (a longer cell is a problem of its row, never cut silently)
MAX_LENGTH: dict[Field, int] = {
    Field.FAMILY_KEY: 100, Field.SURNAME: 100, Field.CHILD_FIRST_NAME: 100, Field.CHILD_LAST_NAME: 100,
    Field.GROUP: 20, Field.SCHOOL: 200, Field.THEME: 500, Field.SIGNAL_SOURCE: 100,
    Field.PARENT_FIRST_NAME: 100, Field.PARENT_LAST_NAME: 100, Field.PHONE: 40, Field.EMAIL: 254,
    Field.ADDRESS: 300, Field.HOME_LANGUAGE: 60, Field.CONTACT_KIND: 100, Field.NOTE: 4000,
}

#: header words per field (folded); a header matches when it equals one of them, the longest match wins
_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.FAMILY_KEY: ("gezin", "gezinsnummer", "gezinsnr", "gezin nr", "gezinscode", "dossier", "dossiernummer",
                       "nr", "nummer", "family", "family key", "family id", "family no", "family number", "key",
                       "code", "sleutel", "gezinssleutel", "id", "kenmerk"),
    Field.SURNAME: ("achternaam", "familienaam", "gezinsnaam", "naam gezin", "naam", "achternaam gezin",
                    "surname", "last name", "family name", "lastname", "name"),
    Field.CHILD_FIRST_NAME: ("naam kind", "voornaam kind", "kind", "leerling", "naam leerling", "voornaam leerling",
                             "roepnaam", "roepnaam kind", "voornaam", "child", "child name", "child first name",
                             "first name", "pupil", "pupil name", "student", "firstname"),
    Field.CHILD_LAST_NAME: ("achternaam kind", "achternaam leerling", "child surname", "child last name",
                            "pupil surname"),
    Field.BIRTH_YEAR: ("geboortejaar", "geboortedatum", "geb datum", "geb jaar", "jaar", "birth year",
                       "year of birth", "date of birth", "birth date", "dob", "born"),
    Field.GROUP: ("groep", "klas", "leerjaar", "group", "class", "grade", "year group"),
    Field.SCHOOL: ("school", "schoolnaam", "naam school", "locatie", "school name"),
    Field.START_DATE: ("startdatum", "start", "datum start", "begindatum", "aanmelddatum", "datum aanmelding",
                       "aangemeld op", "start date", "intake", "intakedatum", "registered", "date registered"),
    Field.THEME: ("thema", "themas", "thema s", "hulpvraag", "onderwerp", "theme", "themes", "topic", "question"),
    Field.SIGNAL_SOURCE: ("aangemeld door", "verwezen door", "signaal", "bron", "signaal van", "aanmelder",
                          "referred by", "source", "signal"),
    Field.PARENT_FIRST_NAME: ("ouder", "naam ouder", "voornaam ouder", "ouder verzorger", "moeder", "vader",
                              "parent", "parent name", "parent first name", "carer"),
    Field.PARENT_LAST_NAME: ("achternaam ouder", "parent surname", "parent last name"),
    Field.PHONE: ("telefoon", "tel", "telefoonnummer", "tel nr", "mobiel", "gsm", "phone", "telephone", "mobile",
                  "phone number"),
    Field.EMAIL: ("e mail", "email", "mail", "e mailadres", "emailadres", "mailadres", "email address"),
    Field.ADDRESS: ("adres", "woonadres", "straat", "address", "street"),
    Field.HOME_LANGUAGE: ("thuistaal", "taal", "moedertaal", "home language", "language"),
    Field.CONTACT_DATE: ("datum", "datum contact", "contactdatum", "date", "contact date"),
    Field.CONTACT_KIND: ("soort", "soort contact", "contactsoort", "type", "type contact", "vorm", "kind",
                         "contact kind", "contact type"),
    Field.MINUTES: ("duur", "minuten", "tijd", "duur minuten", "duur min", "min", "duration", "minutes", "time"),
    Field.NOTE: ("notitie", "opmerking", "opmerkingen", "verslag", "toelichting", "aantekening", "note", "notes",
                 "remark", "remarks", "comment"),
}


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=4096)
def normalise(header: str) -> str:
    """A header as compared: folded, punctuation as spaces, single spaces ("Thema's" → "thema s").
    Cached: an import compares the same few labels (a kind of contact, a theme) row after row."""
    return " ".join(_NOT_ALNUM.sub(" ", fold(header)).split())


def suggest(headers: list[str], kind: ImportKind) -> list[Field | None]:
    """A field for each header (None: none fits), each field at most once, for an import of ``kind``.

    A header equal to a synonym wins over one that only starts or ends with it ("Naam kind" is the
    child's name, not the surname "Naam").
    """
    allowed = FIELDS[kind]
    scored: list[tuple[int, int, Field]] = []
    for col, header in enumerate(headers):
        text = normalise(header)
        if not text:
            continue
        for field in allowed:
            for word in _SYNONYMS[field]:
                if text == word:
                    scored.append((3 * 100 + len(word), col, field))
                elif text.startswith(word + " ") or text.endswith(" " + word):
                    scored.append((len(word), col, field))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[Field | None] = [None] * len(headers)
    taken: set[Field] = set()
    for _score, col, field in scored:
        if out[col] is None and field not in taken:
            out[col] = field
            taken.add(field)
    return out


def guess_kind(headers: list[str]) -> ImportKind:
    """Contacts when the headers name a contact's kind or duration and no child or surname; else families."""
    fam = [f for f in suggest(headers, ImportKind.FAMILIES) if f is not None]
    con = [f for f in suggest(headers, ImportKind.CONTACTS) if f is not None]
    has_contact = any(f in (Field.CONTACT_KIND, Field.MINUTES, Field.NOTE) for f in con)
    has_family = any(f in (Field.CHILD_FIRST_NAME, Field.SURNAME, Field.BIRTH_YEAR, Field.GROUP) for f in fam)
    return ImportKind.CONTACTS if has_contact and not has_family else ImportKind.FAMILIES


def header_score(row: list[str]) -> int:
    """How much a row looks like a header row: the number of its cells that suggest a field."""
    fam = suggest(row, ImportKind.FAMILIES)
    con = suggest(row, ImportKind.CONTACTS)
    return max(sum(f is not None for f in fam), sum(f is not None for f in con))
