"""Dutch translations of the user-facing strings in brugdesk/privacy."""

MESSAGES: dict[str, str] = {
    # backups, restore, CLI
    "This backup cannot be restored: it does not open with this vault's key or did not pass the integrity "
    "checks. Nothing was changed.":
        "Deze reservekopie kan niet worden teruggezet: hij gaat niet open met de sleutel van deze kluis of "
        "kwam niet door de integriteitscontrole. Er is niets veranderd.",
    "This file is not a brugdesk backup (it is empty, incomplete, not encrypted or another kind of file). "
    "Nothing was changed.":
        "Dit bestand is geen reservekopie van brugdesk (het is leeg, onvolledig, niet versleuteld of een ander "
        "soort bestand). Er is niets veranderd.",
    "This backup does not open with this vault's key: it is another vault's backup, or not a brugdesk backup. "
    "Nothing was changed.":
        "Deze reservekopie gaat niet open met de sleutel van deze kluis: het is een reservekopie van een andere "
        "kluis, of geen reservekopie van brugdesk. Er is niets veranderd.",
    "To restore another vault's backup, say so with --other-vault and give that vault's recovery key.":
        "Wil je een reservekopie van een andere kluis terugzetten, zeg dat dan met --other-vault en geef de "
        "herstelsleutel van die kluis.",
    "This backup was made by a newer version of brugdesk. Nothing was changed.":
        "Deze reservekopie is gemaakt door een nieuwere versie van brugdesk. Er is niets veranderd.",
    "Install the newest brugdesk to restore it.": "Installeer de nieuwste brugdesk om hem terug te zetten.",
    "This backup is damaged or incomplete: it did not pass the integrity checks. Nothing was changed.":
        "Deze reservekopie is beschadigd of onvolledig: hij kwam niet door de integriteitscontrole. Er is niets "
        "veranderd.",
    "New recovery key (shown once; print it or write it down and keep it somewhere safe):":
        "Nieuwe herstelsleutel (wordt één keer getoond; print of noteer hem en bewaar hem op een veilige plek):",
    "The old recovery key no longer opens this vault. Backups on other disks or USB sticks still open with the "
    "old key only.":
        "De oude herstelsleutel opent deze kluis niet meer. Reservekopieën op andere schijven of USB-sticks gaan "
        "alleen nog open met de oude sleutel.",
    "The folder for the PDF does not exist.": "De map voor de pdf bestaat niet.",
    "A new recovery key needs the passphrase (not the recovery key).":
        "Voor een nieuwe herstelsleutel is de wachtwoordzin nodig (niet de herstelsleutel).",
    "Add --dry-run to see which families are past their retention term, or --yes to delete them.":
        "Gebruik --dry-run om te zien welke gezinnen over hun bewaartermijn zijn, of --yes om ze te verwijderen.",
    "Backup made and verified: {path}": "Reservekopie gemaakt en gecontroleerd: {path}",
    "Backup restored. The replaced database was kept as {path}.":
        "Reservekopie teruggezet. De vervangen database is bewaard als {path}.",
    "Inspection export written to {path}.": "Inzage-export opgeslagen als {path}.",
    "{n} families deleted.": "{n} gezinnen verwijderd.",
    "There is no family with that reference code.": "Er is geen gezin met die dossiercode.",
    "{n} families are past their retention term.": "{n} gezinnen zijn over hun bewaartermijn.",
    "{ref}: closed on {closed}, term ended on {due}": "{ref}: afgesloten op {closed}, termijn verlopen op {due}",
    # inspection export
    "Check of the audit log": "Controle van het logboek",
    "Audit log check code: {code}": "Controlecode van het logboek: {code}",
    "audit log check code {code}": "controlecode logboek {code}",
    "brugdesk keeps a log of every action, each entry linked to the one before it. When this overview was made, "
    "the log had {entries} entries and the newest one began with {digest}. The same code is kept in the vault's "
    "key file. 'brugdesk check' (or 'brugdesk check --anchor {code}') shows whether the first {entries} entries "
    "are still unchanged. It does not show changes made after this moment, nor a rewrite by someone who holds the "
    "key and also rewrote the key file, unless this printed code is compared.":
        "brugdesk houdt een logboek bij van elke handeling; elke regel is verbonden met de regel ervoor. Toen dit "
        "overzicht werd gemaakt, had het logboek {entries} regels en begon de nieuwste met {digest}. Dezelfde code "
        "staat in het sleutelbestand van de kluis. 'brugdesk check' (of 'brugdesk check --anchor {code}') laat zien "
        "of de eerste {entries} regels nog onveranderd zijn. Het laat niet zien wat er na dit moment is veranderd, "
        "en ook niet dat iemand met de sleutel het logboek én het sleutelbestand heeft herschreven, tenzij deze "
        "afgedrukte code wordt vergeleken.",
    "registered": "aangemeld",
    "active": "actief",
    "closed": "afgesloten",
    "proposed": "voorgesteld",
    "referred": "verwezen",
    "accepted / started": "geaccepteerd / gestart",
    "completed": "afgerond",
    "declined": "afgewezen",
    "stopped": "gestopt",
    "waiting list": "wachtlijst",
    "parent / carer": "ouder / verzorger",
    "child": "kind",
    "created": "aangemaakt",
    "changed": "gewijzigd",
    "deleted": "verwijderd",
    "viewed": "ingezien",
    "reopened": "heropend",
    "inspection export made": "inzage-export gemaakt",
    "family": "gezin",
    "member": "gezinslid",
    "contact": "contactmoment",
    "referral": "verwijzing",
    "follow-up": "actiepunt",
    "brugdesk inspection export": "brugdesk inzage-export",
    "the bridge officer": "de brugfunctionaris",
    "brugdesk — inspection export — confidential": "brugdesk — inzage-export — vertrouwelijk",
    "inspection": "inzage",
    "Inspection: what brugdesk stores about your family": "Inzage: wat brugdesk over uw gezin bewaart",
    "Made on {date}. This overview holds everything the bridge officer keeps about this family in brugdesk "
    "(AVG article 15).":
        "Gemaakt op {date}. Dit overzicht bevat alles wat de brugfunctionaris in brugdesk over dit gezin "
        "bewaart (AVG artikel 15).",
    "Family": "Gezin",
    "Consent for registration": "Toestemming voor registratie",
    "Members": "Gezinsleden",
    "Follow-ups": "Actiepunten",
    "not recorded": "niet vastgelegd",
    "Who did what (audit log)": "Wie deed wat (auditlog)",
    "Every time the file was viewed or changed, brugdesk recorded it (without content).":
        "Elke keer dat het dossier werd ingezien of gewijzigd, heeft brugdesk dat vastgelegd (zonder inhoud).",
    "No consent for registration has been recorded.": "Er is geen toestemming voor registratie vastgelegd.",
    "None recorded.": "Niets vastgelegd.",
    "{date} — {kind}, {minutes} minutes": "{date} — {kind}, {minutes} minuten",
    "With": "Met",
    "Note": "Notitie",
    "{date} — to {partner} ({type})": "{date} — naar {partner} ({type})",
    "Consent to share": "Toestemming om gegevens te delen",
    "Warm handover": "Warme overdracht",
    "Status": "Status",
    "History": "Verloop",
    "Name": "Naam",
    "Reference": "Dossiercode",
    "Start date": "Startdatum",
    "Signal from": "Signaal van",
    "Home language": "Thuistaal",
    "Interpreter needed": "Tolk nodig",
    "Phone": "Telefoon",
    "E-mail": "E-mail",
    "Address": "Adres",
    "Closed on": "Afgesloten op",
    "given on {date} by {who}": "gegeven op {date} door {who}",
    "yes": "ja",
    "no": "nee",
    "When": "Wanneer",
    "Who": "Wie",
    "What": "Wat",
    "Concerning": "Betreft",
    "Date": "Datum",
    "Given by": "Gegeven door",
    "For": "Voor",
    "Role": "Rol",
    "Birth year": "Geboortejaar",
    "School / group": "School / groep",
    "Notes": "Notities",
    "To do": "Te doen",
    "Due": "Uiterlijk",
    "Done": "Gedaan",
}
