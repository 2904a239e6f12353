"""Dutch translations of the user-facing strings in brugdesk/store."""

MESSAGES: dict[str, str] = {
    "The list of erased families (erasures.bdledger in the vault folder) is missing or damaged: restoring a "
    "backup could bring erased families back.":
        "De lijst van gewiste gezinnen (erasures.bdledger in de kluismap) ontbreekt of is beschadigd: met een "
        "reservekopie zouden gewiste gezinnen kunnen terugkomen.",
    "Nothing was changed. Put the file back from a copy of the vault folder, or see 'brugdesk check'.":
        "Er is niets veranderd. Zet het bestand terug uit een kopie van de kluismap, of kijk wat 'brugdesk check' "
        "zegt.",
    "There is already a school with this name.": "Er is al een school met deze naam.",
    "This school still has families; it cannot be removed.":
        "Aan deze school zijn nog gezinnen gekoppeld; hij kan niet worden verwijderd.",
    "This status cannot follow the current status.": "Deze status kan niet volgen op de huidige status.",
    "A status change cannot be dated before the previous one.":
        "Een statuswijziging kan niet vóór de vorige gedateerd zijn.",
    "A status change cannot be in the future.": "Een statuswijziging kan niet in de toekomst liggen.",
    "Enter a label.": "Vul een omschrijving in.",
    "This list already has that item.": "Deze lijst heeft dit onderdeel al.",
    "The threshold must be between 3 and 20.": "De drempel moet tussen 3 en 20 liggen.",
    "Auto-lock must be between 1 and 60 minutes.": "Automatisch vergrendelen moet tussen 1 en 60 minuten liggen.",
    "The retention period must be between 1 and 20 years.": "De bewaartermijn moet tussen 1 en 20 jaar liggen.",
    "The new passphrase is the same as the current one.":
        "De nieuwe wachtwoordzin is dezelfde als de huidige.",
    'Keep the note short: at most {n} characters.':
        'Houd de notitie kort: hoogstens {n} tekens.',
    'A signal becomes a family through the intake.':
        'Van een signaal maak je een gezin via de intake.',
    'This signal is already a family.':
        'Van dit signaal is al een gezin gemaakt.',
    'This appointment has happened; change its contact moment instead.':
        'Deze afspraak heeft plaatsgevonden; wijzig het contactmoment.',
    'This appointment has happened; it cannot be cancelled.':
        'Deze afspraak heeft plaatsgevonden; je kunt hem niet meer annuleren.',
    'This appointment has already become a contact moment.':
        'Van deze afspraak is al een contactmoment gemaakt.',
    'Choose the family this appointment was with.':
        'Kies het gezin waarmee deze afspraak was.',
    'The number of days must be between 1 and 365.':
        'Het aantal dagen moet tussen 1 en 365 liggen.',
    'Keep it short: at most {n} characters.':
        'Houd het kort: hoogstens {n} tekens.',
    'There is already a text with these letters.':
        'Er is al een tekst met deze letters.',
    # imports from a spreadsheet (store/repo/imports.py)
    "There is no import to undo.": "Er is geen import om ongedaan te maken.",
    # attachments (store/repo/attachments.py)
    "The copy you save is not encrypted: anyone who can open that folder can read it. Delete it when you no "
    "longer need it, and do not keep it in a synchronised folder.":
        "De kopie die je opslaat is niet versleuteld: iedereen die die map kan openen, kan hem lezen. Verwijder hem "
        "als je hem niet meer nodig hebt, en bewaar hem niet in een gesynchroniseerde map.",
    "This file is too large to keep in brugdesk (at most 25 MB).":
        "Dit bestand is te groot om in brugdesk te bewaren (hoogstens 25 MB).",
    "Scan it again at a lower resolution, or save it as PDF with smaller images.":
        "Scan het opnieuw met een lagere resolutie, of sla het op als PDF met kleinere afbeeldingen.",
    "brugdesk keeps PDF files, images (PNG, JPEG), office documents (Word, Excel, PowerPoint, OpenDocument, RTF) "
    "and plain text; this file is none of these, or its content does not match its name.":
        "brugdesk bewaart PDF-bestanden, afbeeldingen (PNG, JPEG), kantoordocumenten (Word, Excel, PowerPoint, "
        "OpenDocument, RTF) en platte tekst; dit bestand is geen van deze, of de inhoud past niet bij de naam.",
    "This attachment is damaged: its content no longer matches its checksum.":
        "Deze bijlage is beschadigd: de inhoud klopt niet meer met de controlesom.",
}
