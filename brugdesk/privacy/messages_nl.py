"""Dutch translations of the user-facing strings in brugdesk/privacy."""

MESSAGES: dict[str, str] = {
    # backups, restore, CLI
    # restore, erasure, erasure ledger, audit anchors (brugdesk/cli)
    "1 erased family removed again (it was in the restored database).":
        "1 gewist gezin opnieuw verwijderd (het stond in de teruggezette database).",
    "{n} erased families removed again (they were in the restored database).":
        "{n} gewiste gezinnen opnieuw verwijderd (ze stonden in de teruggezette database).",
    "y/N": "j/N",
    "The vault is still open in brugdesk (or in another brugdesk command): no new recovery key was made; the old "
    "one and your passphrase still work. Only the unlock was recorded in the log.":
        "De kluis is nog geopend in brugdesk (of in een ander brugdesk-commando): er is geen nieuwe herstelsleutel "
        "gemaakt; de oude en je wachtwoordzin werken nog. Alleen het ontgrendelen staat in het logboek.",
    "--other-vault needs that vault's recovery key: set BRUGDESK_BACKUP_RECOVERY_KEY, use --backup-key-file FILE "
    "or type it at the prompt.":
        "--other-vault heeft de herstelsleutel van die kluis nodig: zet BRUGDESK_BACKUP_RECOVERY_KEY, gebruik "
        "--backup-key-file BESTAND of typ hem bij de vraag.",
    "Backups made before today still hold the family until they are rotated away (at most 5 weeks); restoring "
    "one erases it again. Delete copies on USB sticks yourself.":
        "Reservekopieën van vóór vandaag bevatten het gezin nog tot ze worden opgeruimd (hooguit 5 weken); wie er "
        "een terugzet, ziet het gezin opnieuw gewist. Kopieën op USB-sticks verwijder je zelf.",
    "Recovery key of the other vault (the one the backup comes from): ":
        "Herstelsleutel van de andere kluis (waar de reservekopie vandaan komt): ",
    "--backup-key-file belongs with --other-vault.": "--backup-key-file hoort bij --other-vault.",
    "Backup restored.": "Reservekopie teruggezet.",
    "The backup came from another vault; it now opens with this vault's passphrase and recovery key.":
        "De reservekopie kwam van een andere kluis; hij gaat nu open met de wachtwoordzin en herstelsleutel van "
        "deze kluis.",
    "The list of erased families was missing or damaged and has been started anew: families erased before today "
    "could not be erased again.":
        "De lijst van gewiste gezinnen ontbrak of was beschadigd en is opnieuw begonnen: gezinnen die vóór vandaag "
        "zijn gewist, konden niet opnieuw worden verwijderd.",
    "Erasing a family cannot be undone: add --yes to erase it without a question (there is no terminal to ask).":
        "Een gezin wissen kan niet ongedaan worden gemaakt: gebruik --yes om het zonder vraag te wissen (er is "
        "geen terminal om het te vragen).",
    "Nothing was erased.": "Er is niets gewist.",
    "Family {ref} was erased.": "Gezin {ref} is gewist.",
    "Erasing family {ref} deletes its file and everything in it: {members} member(s), {contacts} contact(s) with "
    "their notes, {referrals} referral(s) with their history, {followups} follow-up(s), and the family's details in "
    "{audit} audit log entry(ies). Only the date and the number of erased families are kept.":
        "Gezin {ref} wissen verwijdert het dossier en alles erin: {members} gezinslid/-leden, {contacts} "
        "contactmoment(en) met notities, {referrals} doorverwijzing(en) met hun verloop, {followups} actie(s), en "
        "de gegevens van het gezin in {audit} regel(s) van het logboek. Alleen de datum en het aantal gewiste "
        "gezinnen blijven bewaard.",
    "Did the parents ask for this erasure, and erase family {ref} for good?":
        "Hebben de ouders om dit wissen gevraagd, en wil je gezin {ref} definitief wissen?",
    "the list of erased families (erasures.bdledger) is missing, although {n} erasure(s) are recorded":
        "de lijst van gewiste gezinnen (erasures.bdledger) ontbreekt, terwijl er {n} keer gewist is",
    "the list of erased families (erasures.bdledger) cannot be read (damaged or altered)":
        "de lijst van gewiste gezinnen (erasures.bdledger) is niet te lezen (beschadigd of veranderd)",
    "the list of erased families (erasures.bdledger) names fewer erasures ({count}) than are recorded ({n}): an "
    "older copy?":
        "de lijst van gewiste gezinnen (erasures.bdledger) noemt minder gewiste gezinnen ({count}) dan er zijn "
        "vastgelegd ({n}): een oudere kopie?",
    "{back} erased family(ies) are in the database again; they are erased again at the next unlock":
        "{back} gewist(e) gezin(nen) staan weer in de database; ze worden bij de volgende ontgrendeling opnieuw "
        "verwijderd",
    "given": "opgegeven",
    "audit log anchors: none yet (made when a PDF is exported, a backup made, a family erased or a backup "
    "restored)":
        "ankers van het logboek: nog geen (ze ontstaan bij een pdf-export, een reservekopie, het wissen van een "
        "gezin of het terugzetten van een reservekopie)",
    "erased families: none": "gewiste gezinnen: geen",
    "erased families: {problem}": "gewiste gezinnen: {problem}",
    "key file, {date}": "sleutelbestand, {date}",
    "the audit log does not match anchor(s) {codes}: it was rewritten or replaced":
        "het logboek klopt niet met anker(s) {codes}: het is herschreven of vervangen",
    "the audit chain is broken at entry {id}": "de keten van het logboek is verbroken bij regel {id}",
    "audit log anchor {code} ({where}): ok": "anker van het logboek {code} ({where}): in orde",
    "audit log anchor {code} ({where}): FAILED, the log no longer holds this entry":
        "anker van het logboek {code} ({where}): KLOPT NIET, het logboek bevat deze regel niet meer",
    "erased families: {n}, in the list of erased families (erasures.bdledger)":
        "gewiste gezinnen: {n}, in de lijst van gewiste gezinnen (erasures.bdledger)",
    "  the list was started anew on {date}; {n} earlier erasure(s) cannot be re-applied from it":
        "  de lijst is op {date} opnieuw begonnen; {n} eerder gewist(e) gezin(nen) kunnen er niet opnieuw mee "
        "worden verwijderd",
    "'{code}' is not a check code: it looks like 1234:a1b2c3d4e5f6a7b8 (the number of entries, a colon, 16 "
    "characters).":
        "'{code}' is geen controlecode: die ziet eruit als 1234:a1b2c3d4e5f6a7b8 (het aantal regels, een "
        "dubbelepunt, 16 tekens).",
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
    'signal': 'signaal',
    'appointment': 'afspraak',
    'new': 'nieuw',
    'taken up': 'opgepakt',
    'family created': 'gezin aangemaakt',
    'no action needed': 'geen actie nodig',
    'parental authority: yes': 'gezag: ja',
    'parental authority: no': 'gezag: nee',
    'parental authority: unknown': 'gezag: onbekend',
    'planned': 'gepland',
    'happened': 'heeft plaatsgevonden',
    'cancelled': 'geannuleerd',
    'Contact details': 'Contactgegevens',
    'What the family needs': 'Hulpvraag',
    'Contact person': 'Contactpersoon',
    'Signals': 'Signalen',
    '{date} — from {source}': '{date} — van {source}',
    'What was seen': 'Wat er is gezien',
    'Appointments': 'Afspraken',
    '{kind}, {minutes} minutes': '{kind}, {minutes} minuten',
    'Group activities attended':
        'Bezochte groepsactiviteiten',
    # attachments in the inspection export
    "attachment": "bijlage",
    "Attachments": "Bijlagen",
    "A copy of each file is delivered beside this PDF when the officer chose to, under the name in the last "
    "column.":
        "Een kopie van elk bestand wordt naast deze PDF meegeleverd als de brugfunctionaris daarvoor koos, onder de "
        "naam in de laatste kolom.",
    "File": "Bestand",
    "Added": "Toegevoegd",
    "Kind and size": "Soort en grootte",
    "Delivered as": "Meegeleverd als",
    # the family overview and the warm handover (privacy/overview.py)
    "Confidential: personal data. Do not pass on; destroy when no longer needed.":
        "Vertrouwelijk: persoonsgegevens. Niet doorgeven; vernietigen als je het niet meer nodig hebt.",
    "No consent to share information is recorded for this referral. Ask the parents first, record their consent "
    "with the referral, or confirm that they agreed.":
        "Bij deze doorverwijzing is geen toestemming vastgelegd om gegevens te delen. Vraag het eerst aan de ouders, "
        "leg hun toestemming vast bij de doorverwijzing, of bevestig dat ze ermee instemden.",
    "brugdesk family overview": "brugdesk gezinsoverzicht",
    "brugdesk — family overview — confidential": "brugdesk — gezinsoverzicht — vertrouwelijk",
    "not recorded; the officer confirmed that the parents agreed":
        "niet vastgelegd; de brugfunctionaris bevestigde dat de ouders instemden",
    "brugdesk warm handover": "brugdesk warme overdracht",
    "brugdesk — warm handover — confidential": "brugdesk — warme overdracht — vertrouwelijk",
    "{date}, given by {who}": "{date}, gegeven door {who}",
    "{n} min": "{n} min",
    "Open referrals": "Lopende doorverwijzingen",
    "Open follow-ups": "Openstaande acties",
    "Contact history": "Contactgeschiedenis",
    "Kind": "Soort",
    "Duration": "Duur",
    "Referral": "Doorverwijzing",
    "None.": "Geen.",
    "Schools": "Scholen",
    "Phone / e-mail": "Telefoon / e-mail",
    "Partner": "Netwerkpartner",
    "Question": "Hulpvraag",
    "{n} contacts from {first} to {last}, {time} in all: {kinds}.":
        "{n} contacten van {first} tot {last}, samen {time}: {kinds}.",
    "To": "Aan",
    "Family overview": "Gezinsoverzicht",
    "family overview printed": "gezinsoverzicht afgedrukt",
    "warm handover made": "warme overdracht gemaakt",
}
