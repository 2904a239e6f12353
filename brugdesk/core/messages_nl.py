"""Dutch translations of the user-facing strings in brugdesk/core, brugdesk/cli and the top-level modules
(errors, fsutil, selftest)."""

MESSAGES: dict[str, str] = {
    # cli
    "Recovery key (shown once; print it or write it down and keep it somewhere safe):":
        "Herstelsleutel (wordt één keer getoond; print hem of schrijf hem op en bewaar hem op een veilige plek):",
    "Recovery key: ": "Herstelsleutel: ",
    "New passphrase (at least 10 characters): ": "Nieuwe wachtwoordzin (minstens 10 tekens): ",
    "Type it again: ": "Typ het nog een keer: ",
    "--families must be between 1 and 200000.": "--families moet tussen 1 en 200000 liggen.",
    "key: ok (the vault opens)": "sleutel: in orde (de kluis gaat open)",
    "Passphrase changed.": "Wachtwoordzin gewijzigd.",
    "No display found: brugdesk's window cannot open here. Run it on a desktop, or use 'xvfb-run -a brugdesk' "
    "or QT_QPA_PLATFORM=offscreen; the other commands work without a display.":
        "Geen beeldscherm gevonden: het venster van brugdesk kan hier niet openen. Start het op een bureaublad, "
        "of gebruik 'xvfb-run -a brugdesk' of QT_QPA_PLATFORM=offscreen; de andere opdrachten werken zonder "
        "beeldscherm.",
    "Passphrase: ": "Wachtwoordzin: ",
    "The two passphrases differ; nothing was changed.": "De twee wachtwoordzinnen verschillen; er is niets gewijzigd.",
    "audit chain: ok": "auditlog-keten: in orde",
    "Vault created in {path}.": "Kluis aangemaakt in {path}.",
    "Recovery sheet written to {path}.": "Herstelblad opgeslagen als {path}.",
    "Demo vault with {n} families created in {path}.": "Demokluis met {n} gezinnen aangemaakt in {path}.",
    "cipher: SQLCipher {version}": "versleuteling: SQLCipher {version}",
    "cipher_integrity_check and integrity_check: {result}": "cipher_integrity_check en integrity_check: {result}",
    "schema version: {version} (this brugdesk: {current})": "schemaversie: {version} (deze brugdesk: {current})",
    "System libraries that Qt needs are missing: {libs}. On Debian/Ubuntu: sudo apt-get install {packages}":
        "Systeembibliotheken die Qt nodig heeft ontbreken: {libs}. Op Debian/Ubuntu: sudo apt-get install {packages}",
    "Cannot read the passphrase file: {error}": "Het bestand met de wachtwoordzin kan niet worden gelezen: {error}",
    "ok": "in orde",
    "audit chain: broken at entry {id}": "auditlog-keten: verbroken bij regel {id}",
    "The desktop app cannot start: {error}": "De app kan niet starten: {error}",
    "interrupted": "afgebroken",
    "brugdesk: unexpected error ({kind}); nothing was changed that was not saved. Please report it.":
        "brugdesk: onverwachte fout ({kind}); wat al was opgeslagen is bewaard. Meld deze fout alstublieft.",
    "{n} problem(s)": "{n} probleem/problemen",
    # periods
    "The first term must start on 1 August.": "De eerste periode moet op 1 augustus beginnen.",
    "Terms must start in order within the school year.":
        "De periodes moeten op volgorde binnen het schooljaar beginnen.",
    "The end of the period lies before its start.": "Het einde van de periode ligt vóór het begin.",
    "A term starts on a day that does not exist.": "Een periode begint op een dag die niet bestaat.",
    "A school year is two consecutive years, such as 2025-2026.":
        "Een schooljaar bestaat uit twee opeenvolgende jaren, zoals 2025-2026.",
    "Unknown period '{spec}': use for example 2025-2026, 2025-2026/T1 or 2026.":
        "Onbekende periode '{spec}': gebruik bijvoorbeeld 2025-2026, 2025-2026/T1 of 2026.",
    "The year {year} lies outside the years brugdesk works with ({lo}-{hi}).":
        "Het jaar {year} valt buiten de jaren waarmee brugdesk werkt ({lo}-{hi}).",
    "School year {year}, term {n}": "Schooljaar {year}, periode {n}",
    "School year {year}": "Schooljaar {year}",
    "Calendar year {year}": "Kalenderjaar {year}",
    "interim figures up to {date}": "tussenstand t/m {date}",
    "Compared with the same period one year earlier: {period} ({months}).":
        "Vergeleken met dezelfde periode een jaar eerder: {period} ({months}).",
    "Only a school year, a term or a calendar year can be shared.":
        "Alleen een schooljaar, een periode of een kalenderjaar kan worden gedeeld.",
    "{period} has not started yet.": "{period} is nog niet begonnen.",
    "{period} can be shared from {date}, when its first full month has passed.":
        "{period} kan worden gedeeld vanaf {date}, als de eerste volle maand voorbij is.",
    "January": "januari",
    "February": "februari",
    "March": "maart",
    "April": "april",
    "May": "mei",
    "June": "juni",
    "July": "juli",
    "August": "augustus",
    "September": "september",
    "October": "oktober",
    "November": "november",
    "December": "december",
    "'{text}' is not a date; use for example 2025-09-01 or 1-9-2025.":
        "'{text}' is geen datum; gebruik bijvoorbeeld 2025-09-01 of 1-9-2025.",
    "This school year has no term T{n}.": "Dit schooljaar heeft geen periode T{n}.",
    # validation
    "Enter the school's name.": "Vul de naam van de school in.",
    "A BRIN code is two digits and two letters, such as 12AB.":
        "Een BRIN-code bestaat uit twee cijfers en twee letters, zoals 12AB.",
    "The number of pupils must be between 1 and 10,000.": "Het aantal leerlingen moet tussen 1 en 10.000 liggen.",
    "Enter a name for the family.": "Vul een naam voor het gezin in.",
    "The start date cannot be in the future.": "De startdatum kan niet in de toekomst liggen.",
    "This is not an e-mail address.": "Dit is geen e-mailadres.",
    "Enter a first name.": "Vul een voornaam in.",
    "A birth year is only recorded for children.": "Een geboortejaar wordt alleen bij kinderen vastgelegd.",
    "A contact cannot be in the future.": "Een contactmoment kan niet in de toekomst liggen.",
    "The duration must be more than 0 minutes.": "De duur moet meer dan 0 minuten zijn.",
    "Choose the kind of contact.": "Kies het soort contact.",
    "Describe the follow-up.": "Beschrijf de actie.",
    "Enter a date for the follow-up.": "Vul een datum in voor de actie.",
    "The follow-up cannot be before the contact.": "De actie kan niet vóór het contactmoment liggen.",
    "Enter the organisation's name.": "Vul de naam van de organisatie in.",
    "Choose the kind of partner.": "Kies het soort netwerkpartner.",
    "A referral cannot be in the future.": "Een doorverwijzing kan niet in de toekomst liggen.",
    "The date lies more than a year ahead.": "De datum ligt meer dan een jaar vooruit.",
    "The number of parents cannot be negative.": "Het aantal ouders kan niet negatief zijn.",
    "Choose the kind of activity.": "Kies het soort activiteit.",
    "Enter the closing date.": "Vul de datum van afsluiten in.",
    "Choose how the support ended.": "Kies hoe de begeleiding is geëindigd.",
    "The consent date cannot be in the future.": "De datum van toestemming kan niet in de toekomst liggen.",
    "Enter who gave consent.": "Vul in wie toestemming gaf.",
    "The duration cannot be more than 12 hours.": "De duur kan niet meer dan 12 uur zijn.",
    "The number of parents cannot be more than 1,000.": "Het aantal ouders kan niet meer dan 1.000 zijn.",
    "The closing date cannot be before the start date.": "De datum van afsluiten kan niet vóór de startdatum liggen.",
    "The birth year must lie between {a} and {b}.": "Het geboortejaar moet tussen {a} en {b} liggen.",
    "The closing date cannot be in the future.": "De datum van afsluiten kan niet in de toekomst liggen.",
    "The passphrase must be at least {n} characters long.": "De wachtwoordzin moet minstens {n} tekens lang zijn.",
    # brugdesk/errors.py
    "The vault could not be used.": "De kluis kon niet worden gebruikt.",
    "Wrong passphrase.": "Onjuiste wachtwoordzin.",
    "Check the passphrase, or use the recovery key.": "Controleer de wachtwoordzin, of gebruik de herstelsleutel.",
    "No passphrase or recovery key was given.": "Er is geen wachtwoordzin of herstelsleutel opgegeven.",
    "Type it at the prompt, or set BRUGDESK_PASSPHRASE, --passphrase-file or --recovery-key.":
        "Typ het bij de vraag, of gebruik BRUGDESK_PASSPHRASE, --passphrase-file of --recovery-key.",
    "The keyring (sleutelbos) is not available.": "De sleutelbos is niet beschikbaar.",
    "Unlock with your passphrase or recovery key.": "Ontgrendel met je wachtwoordzin of herstelsleutel.",
    "The key file of this vault is missing or damaged.":
        "Het sleutelbestand van deze kluis ontbreekt of is beschadigd.",
    "Open the vault with the recovery key and set a new passphrase; that writes a new key file.":
        "Open de kluis met de herstelsleutel en kies een nieuwe wachtwoordzin; dan wordt een nieuw sleutelbestand "
        "gemaakt.",
    "There is no vault here.": "Hier staat geen kluis.",
    "Create one with 'brugdesk init', or choose another folder with --vault.":
        "Maak er een met 'brugdesk init', of kies een andere map met --vault.",
    "There is already a vault here; it was left untouched.": "Hier staat al een kluis; die is niet aangeraakt.",
    "The vault is damaged and was not changed.": "De kluis is beschadigd en is niet gewijzigd.",
    "Restore the newest verified backup ('brugdesk restore').":
        "Zet de nieuwste gecontroleerde reservekopie terug ('brugdesk restore').",
    "This vault was made by a newer version of brugdesk.":
        "Deze kluis is gemaakt met een nieuwere versie van brugdesk.",
    "Install the newest brugdesk to open it; nothing was changed.":
        "Installeer de nieuwste brugdesk om hem te openen; er is niets gewijzigd.",
    "Updating the vault to this version failed; the vault was left as it was.":
        "Het bijwerken van de kluis naar deze versie is mislukt; de kluis is gebleven zoals hij was.",
    "The encryption library is missing or too old (SQLCipher 4 is required).":
        "De versleutelingsbibliotheek ontbreekt of is te oud (SQLCipher 4 is nodig).",
    "The disk is full; the last change was not saved.": "De schijf is vol; de laatste wijziging is niet opgeslagen.",
    "Free some space and try again.": "Maak ruimte vrij en probeer het opnieuw.",
    "The vault cannot be written (read-only folder or file).":
        "Er kan niet in de kluis worden geschreven (alleen-lezen map of bestand).",
    "Check the folder's permissions, or copy the vault to a writable place.":
        "Controleer de rechten van de map, of kopieer de kluis naar een plek waar geschreven kan worden.",
    "A file could not be replaced: another program has it open (a virus scanner, a backup or sync program, "
    "another brugdesk window) or it is read-only; nothing was changed.":
        "Een bestand kon niet worden vervangen: een ander programma heeft het open (een virusscanner, een "
        "reservekopie- of synchronisatieprogramma, een ander brugdesk-venster) of het is alleen-lezen; er is "
        "niets gewijzigd.",
    "Wait a moment or close that program, and try again.":
        "Wacht even of sluit dat programma, en probeer het opnieuw.",
    "The vault is in use by another brugdesk window or program.":
        "De kluis is in gebruik door een ander brugdesk-venster of programma.",
    "Close the other window and try again.": "Sluit het andere venster en probeer het opnieuw.",
    "The vault is still open in brugdesk (or in another brugdesk command); nothing was changed.":
        "De kluis is nog geopend in brugdesk (of in een ander brugdesk-commando); er is niets gewijzigd.",
    "Close the app and try again.": "Sluit de app en probeer het opnieuw.",
    "Another brugdesk command is restoring a backup into this vault or giving it a new key.":
        "Een ander brugdesk-commando zet nu een reservekopie terug in deze kluis of geeft hem een nieuwe sleutel.",
    "Wait until it has finished and try again.": "Wacht tot dat klaar is en probeer het opnieuw.",
    "The backup could not be made or did not pass verification; it was removed.":
        "De reservekopie kon niet worden gemaakt of kwam niet door de controle; hij is verwijderd.",
    "That item does not exist (any more).": "Dit bestaat niet (meer).",
    "No new recovery key was made; the old recovery key and your passphrase still work.":
        "Er is geen nieuwe herstelsleutel gemaakt; de oude herstelsleutel en je wachtwoordzin werken nog.",
    "Check that the disk has free space (about the size of the vault) and try again.":
        "Controleer of de schijf vrije ruimte heeft (ongeveer zo groot als de kluis) en probeer het opnieuw.",
    "This is not a regular file (it is a folder, a link or a device); nothing was written.":
        "Dit is geen gewoon bestand (het is een map, een koppeling of een apparaat); er is niets geschreven.",
    "Choose another file name.": "Kies een andere bestandsnaam.",
    "The passphrase file is not UTF-8 text.":
        "Het bestand met de wachtwoordzin is geen UTF-8-tekst.",
    "Cannot read the recovery key file: {error}":
        "Het bestand met de herstelsleutel kan niet worden gelezen: {error}",
    "The recovery key file is not text.":
        "Het bestand met de herstelsleutel is geen tekst.",
    "A recovery key is never given on the command line (other users of this computer can read it there): use "
    "--recovery-key alone to type it, BRUGDESK_RECOVERY_KEY or --recovery-key-file.":
        "Een herstelsleutel geef je nooit op de opdrachtregel (andere gebruikers van deze computer kunnen hem "
        "daar lezen): typ hem na alleen --recovery-key, of gebruik BRUGDESK_RECOVERY_KEY of "
        "--recovery-key-file.",
    "The key file was changed by another brugdesk window or command since this vault was unlocked; nothing was "
    "changed.":
        "Het sleutelbestand is gewijzigd door een ander brugdesk-venster of -commando sinds deze kluis werd "
        "ontgrendeld; er is niets gewijzigd.",
    "Lock the vault and unlock it again (or run the command again), then try once more.":
        "Vergrendel de kluis en ontgrendel hem opnieuw (of voer het commando opnieuw uit) en probeer het nog eens.",
    "This passphrase is too easy to guess. Choose a longer sentence of a few words that do not belong "
    "together, for example 'fiets paraplu dinsdag zeven'.":
        "Deze wachtwoordzin is te makkelijk te raden. Kies een langere zin van een paar woorden die niet bij "
        "elkaar horen, bijvoorbeeld 'fiets paraplu dinsdag zeven'.",
    "No new passphrase was given: type it at the prompt, or use --new-passphrase-file or BRUGDESK_NEW_PASSPHRASE.":
        "Er is geen nieuwe wachtwoordzin opgegeven: typ hem bij de vraag, of gebruik --new-passphrase-file of "
        "BRUGDESK_NEW_PASSPHRASE.",
    "The key file of this vault is missing or damaged, so no passphrase opens it now. Set a new passphrase "
    "with 'brugdesk passwd --recovery-key': that writes a new key file.":
        "Het sleutelbestand van deze kluis ontbreekt of is beschadigd, dus geen wachtwoordzin opent hem nu. "
        "Kies een nieuwe wachtwoordzin met 'brugdesk passwd --recovery-key': dan wordt een nieuw "
        "sleutelbestand gemaakt.",
    "A new key file was written.":
        "Er is een nieuw sleutelbestand gemaakt.",
    "This recovery key is not right: it does not open this vault.":
        "Deze herstelsleutel klopt niet: hij opent deze kluis niet.",
    "Check it against your recovery sheet.":
        "Vergelijk hem met je herstelblad.",
    "This recovery key is not right: a recovery key has 52 letters and digits (A-Z and 2-7, in 13 groups of 4).":
        "Deze herstelsleutel klopt niet: een herstelsleutel heeft 52 letters en cijfers (A-Z en 2-7, in 13 "
        "groepjes van 4).",
    "Check what you typed against your recovery sheet (0, 1, 8 and 9 do not occur in it).":
        "Vergelijk wat je hebt getypt met je herstelblad (0, 1, 8 en 9 komen er niet in voor).",
    "The value of --{option} is not valid text (UTF-8).":
        "De waarde van --{option} is geen geldige tekst (UTF-8).",
    "A vault is a folder, and this is a file (or lies inside a file); nothing was made.":
        "Een kluis is een map, en dit is een bestand (of het ligt in een bestand); er is niets gemaakt.",
    "Choose another place with --vault.":
        "Kies een andere plek met --vault.",
    "The folder for --{option} does not exist.":
        "De map voor --{option} bestaat niet.",
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
    'This is not a phone number.':
        'Dit is geen telefoonnummer.',
    'This person is in the wrong list (parent or child).':
        'Deze persoon staat in de verkeerde lijst (ouder of kind).',
    'Add at least one parent or child.':
        'Voeg minstens één ouder of kind toe.',
    "'{text}' is not a time of day; use for example 10:00 or 9.30.":
        "'{text}' is geen tijd; gebruik bijvoorbeeld 10:00 of 9.30.",
    'A signal cannot be in the future.':
        'Een signaal kan niet in de toekomst liggen.',
    'Choose who passed on the signal.':
        'Kies van wie het signaal komt.',
    'Describe briefly what was seen.':
        'Beschrijf kort wat er is gezien.',
    'Keep it short: at most {n} characters.':
        'Houd het kort: hoogstens {n} tekens.',
    'Choose why no action is needed.':
        'Kies waarom er geen actie nodig is.',
    'Choose the kind of appointment.':
        'Kies het soort afspraak.',
    'Enter a few letters to find the text by.':
        'Vul een paar letters in waarmee je de tekst vindt.',
    'Use one short word of at most {n} characters.':
        'Gebruik één kort woord van hoogstens {n} tekens.',
    'Enter the text.':
        'Vul de tekst in.',
    'More families are marked as present than the number of parents.':
        'Er zijn meer gezinnen als aanwezig aangevinkt dan er ouders waren.',
    # brugdesk import (brugdesk/cli/imports.py)
    "The import of {date} was undone: {families} families, {members} members and {contacts} contact moments "
    "removed.":
        "De import van {date} is ongedaan gemaakt: {families} gezinnen, {members} gezinsleden en {contacts} "
        "contactmomenten verwijderd.",
    "The mapping file is for another kind of import.": "Het indelingsbestand hoort bij een andere soort import.",
    "Dry run: nothing was saved.": "Proefimport: er is niets opgeslagen.",
    "Nothing to import: no row without an error.": "Niets te importeren: geen enkele rij is zonder fout.",
    "Imported as one batch: {families} new families, {members} members, {contacts} contact moments. Undo it "
    "with: brugdesk import --undo":
        "Geïmporteerd als één geheel: {families} nieuwe gezinnen, {members} gezinsleden, {contacts} "
        "contactmomenten. Ongedaan maken: brugdesk import --undo",
    "The spreadsheet {name} still holds the data unencrypted: delete it when you no longer need it.":
        "De spreadsheet {name} bevat de gegevens nog onversleuteld: verwijder hem als je hem niet meer nodig hebt.",
    "Template saved: {path}": "Sjabloon opgeslagen: {path}",
    "error": "fout",
    "warning": "waarschuwing",
    "{rows} rows read: {ok} without an error, {bad} with an error (left out), {warnings} warnings.":
        "{rows} rijen gelezen: {ok} zonder fout, {bad} met een fout (weggelaten), {warnings} waarschuwingen.",
    "New families: {families} with {members} members; already in the vault: {duplicates} ({merged} to merge, "
    "the others skipped).":
        "Nieuwe gezinnen: {families} met {members} gezinsleden; al in de kluis: {duplicates} ({merged} samenvoegen, "
        "de andere overgeslagen).",
    "Contact moments: {contacts}.": "Contactmomenten: {contacts}.",
    "The mapping file {name} cannot be read.": "Het indelingsbestand {name} kan niet worden gelezen.",
    "row {n} ({mark}): {message}": "rij {n} ({mark}): {message}",
    # brugdesk attachment (brugdesk/cli/attachments.py), export-family --with-attachments
    "--save needs --to FILE: where to write the copy.": "--save heeft --to BESTAND nodig: waar de kopie komt.",
    "The file {name} does not exist.": "Het bestand {name} bestaat niet.",
    "Attachment {id} kept in the vault ({size}). The original file is still where it was: delete it when you no "
    "longer need it.":
        "Bijlage {id} staat in de kluis ({size}). Het oorspronkelijke bestand staat nog waar het stond: verwijder "
        "het als je het niet meer nodig hebt.",
    "Copy saved: {path}": "Kopie opgeslagen: {path}",
    "Attachment {id} deleted.": "Bijlage {id} verwijderd.",
    "referral {id}": "doorverwijzing {id}",
    "This family has no attachment {id}.": "Dit gezin heeft geen bijlage {id}.",
    "contact {id}": "contact {id}",
    "Copies of the attachments (not encrypted): {path}": "Kopieën van de bijlagen (niet versleuteld): {path}",
}
