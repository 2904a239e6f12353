"""Dutch translations of the user-facing strings in brugdesk/importing."""

MESSAGES: dict[str, str] = {
    # the fields (the wizard's column choice, the template's headers)
    "Family key": "Gezinssleutel",
    "Surname": "Achternaam",
    "Child's first name": "Voornaam kind",
    "Child's surname": "Achternaam kind",
    "Year of birth": "Geboortejaar",
    "Group": "Groep",
    "School": "School",
    "Referred by": "Aangemeld door",
    "Parent's first name": "Voornaam ouder",
    "Parent's surname": "Achternaam ouder",
    "Duration (minutes)": "Duur (minuten)",
    "Families": "Gezinnen",
    "Contacts": "Contactmomenten",
    # reading the file
    "This file cannot be imported.": "Dit bestand kan niet worden geïmporteerd.",
    "The file {name} is empty.": "Het bestand {name} is leeg.",
    "The file {name} is too large to import ({size} MB; at most {limit} MB). Save only the sheet with the "
    "families in a file of its own, or split it into parts.":
        "Het bestand {name} is te groot om te importeren ({size} MB; hoogstens {limit} MB). Sla alleen het "
        "werkblad met de gezinnen op in een eigen bestand, of splits het in delen.",
    "The file {name} is not a CSV text file. Choose the spreadsheet itself (.xlsx, .xls or .ods) or save it as "
    "CSV.":
        "Het bestand {name} is geen CSV-tekstbestand. Kies de spreadsheet zelf (.xlsx, .xls of .ods) of sla hem "
        "op als CSV.",
    "The file {name} does not exist (any more).": "Het bestand {name} bestaat niet (meer).",
    "The file {name} cannot be read.": "Het bestand {name} kan niet worden gelezen.",
    "brugdesk can import .xlsx, .xls, .ods and .csv files; {name} is none of these. Save it from Excel or "
    "LibreOffice as .xlsx or .csv.":
        "brugdesk kan .xlsx-, .xls-, .ods- en .csv-bestanden importeren; {name} is geen van deze. Sla het in Excel "
        "of LibreOffice op als .xlsx of .csv.",
    "The file has no sheet called {sheet}. Its sheets: {names}.":
        "Het bestand heeft geen werkblad {sheet}. De werkbladen: {names}.",
    "The sheet {sheet} has more than {limit} rows. Import at most {limit} rows at a time: split the sheet into "
    "parts.":
        "Het werkblad {sheet} heeft meer dan {limit} rijen. Importeer hoogstens {limit} rijen tegelijk: splits het "
        "werkblad in delen.",
    "The file {name} is protected with a password. Open it in Excel or LibreOffice, remove the password (save a "
    "copy without it) and import that copy.":
        "Het bestand {name} is met een wachtwoord beveiligd. Open het in Excel of LibreOffice, haal het wachtwoord "
        "eraf (sla een kopie zonder op) en importeer die kopie.",
    "The file {name} cannot be read as a spreadsheet: it may be damaged or of another kind. Open it in Excel or "
    "LibreOffice and save it again as .xlsx.":
        "Het bestand {name} kan niet als spreadsheet worden gelezen: het is misschien beschadigd of van een andere "
        "soort. Open het in Excel of LibreOffice en sla het opnieuw op als .xlsx.",
    "The file {name} cannot be read as CSV.": "Het bestand {name} kan niet als CSV worden gelezen.",
    "The file {name} has no sheets.": "Het bestand {name} heeft geen werkbladen.",
    "The sheet {sheet} cannot be read: the file may be damaged.":
        "Het werkblad {sheet} kan niet worden gelezen: het bestand is misschien beschadigd.",
    "This file is not a saved column mapping of brugdesk.":
        "Dit bestand is geen opgeslagen kolomindeling van brugdesk.",
    # the whole sheet
    "Choose the column with the family key (the key of an earlier import or the family's reference, such as "
    "G-2025-014).":
        "Kies de kolom met de gezinssleutel (de sleutel van een eerdere import of het kenmerk van het gezin, "
        "zoals G-2025-014).",
    "Choose the column with the contact's date.": "Kies de kolom met de datum van het contact.",
    "Choose the column with the kind of contact.": "Kies de kolom met de soort contact.",
    "Choose the column with the surname (or the family key): without it no family can be made.":
        "Kies de kolom met de achternaam (of de gezinssleutel): zonder die kan er geen gezin worden gemaakt.",
    "Choose the column with the child's first name (or a parent's first name).":
        "Kies de kolom met de voornaam van het kind (of van een ouder).",
    # a row's problems
    "{field}: the text is too long ({n} characters; at most {limit}).":
        "{field}: de tekst is te lang ({n} tekens; hoogstens {limit}).",
    "No surname (or family key): the row belongs to no family.":
        "Geen achternaam (of gezinssleutel): de rij hoort bij geen gezin.",
    "The child's first name is missing: the row is not imported.":
        "De voornaam van het kind ontbreekt: de rij wordt niet geïmporteerd.",
    "The family key is missing: the contact belongs to no family.":
        "De gezinssleutel ontbreekt: het contact hoort bij geen gezin.",
    "The date is missing.": "De datum ontbreekt.",
    "The kind of contact is missing.": "De soort contact ontbreekt.",
    "The family has no surname in any row.": "Het gezin heeft in geen enkele rij een achternaam.",
    "Start date: the date lies in the future.": "Startdatum: de datum ligt in de toekomst.",
    "Start date: '{text}' is not a date (write it as 3-9-2025).":
        "Startdatum: '{text}' is geen datum (schrijf hem als 3-9-2025).",
    "School: '{text}' is not one of your schools; the row is imported without a school. Add the school in "
    "Instellingen first to link it.":
        "School: '{text}' staat niet bij je scholen; de rij wordt zonder school geïmporteerd. Voeg de school eerst "
        "toe in Instellingen om hem te koppelen.",
    "Theme: '{text}' is not in your list of themes; it is left out.":
        "Thema: '{text}' staat niet in je lijst met thema's; het wordt weggelaten.",
    "Referred by: '{text}' is not in your list; it is left out.":
        "Aangemeld door: '{text}' staat niet in je lijst; het wordt weggelaten.",
    "Phone: '{text}' is not a phone number; it is left out.":
        "Telefoon: '{text}' is geen telefoonnummer; het wordt weggelaten.",
    "E-mail: '{text}' is not an e-mail address; it is left out.":
        "E-mail: '{text}' is geen e-mailadres; het wordt weggelaten.",
    "Date: the date lies in the future.": "Datum: de datum ligt in de toekomst.",
    "Year of birth: '{text}' is not a year or a date; it is left out.":
        "Geboortejaar: '{text}' is geen jaar of datum; het wordt weggelaten.",
    "It is left out.": "Het wordt weggelaten.",
    "Family key '{text}': no family in the vault has this key. Import the families first, or use the family's "
    "reference (such as G-2025-014).":
        "Gezinssleutel '{text}': geen gezin in de kluis heeft deze sleutel. Importeer eerst de gezinnen, of gebruik "
        "het kenmerk van het gezin (zoals G-2025-014).",
    "Date: '{text}' is not a date (write it as 3-9-2025).": "Datum: '{text}' is geen datum (schrijf hem als 3-9-2025).",
    "Kind of contact: '{text}' is not in your list (for example Huisbezoek, Telefonisch).":
        "Soort contact: '{text}' staat niet in je lijst (bijvoorbeeld Huisbezoek, Telefonisch).",
    "Duration: '{text}' is not a number of minutes between 1 and 720.":
        "Duur: '{text}' is geen aantal minuten tussen 1 en 720.",
    "This family is already in the vault ({ref}): skipped, unless you choose to merge it.":
        "Dit gezin staat al in de kluis ({ref}): het wordt overgeslagen, tenzij je kiest om het samen te voegen.",
}
