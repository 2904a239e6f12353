"""Dutch translations of the user-facing strings in brugdesk/core, brugdesk/cli.py and top-level modules."""

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
    "Unknown period '{spec}': use for example 2025-2026 or 2025-2026/T1.":
        "Onbekende periode '{spec}': gebruik bijvoorbeeld 2025-2026 of 2025-2026/T1.",
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
}
