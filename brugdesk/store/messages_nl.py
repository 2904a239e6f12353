"""Dutch translations of the user-facing strings in brugdesk/store."""

MESSAGES: dict[str, str] = {
    "The vault could not be used.": "De kluis kon niet worden gebruikt.",
    "Wrong passphrase.": "Onjuiste wachtwoordzin.",
    "Check the passphrase, or use the recovery key.": "Controleer de wachtwoordzin, of gebruik de herstelsleutel.",
    "This recovery key does not open this vault.": "Deze herstelsleutel opent deze kluis niet.",
    "No passphrase or recovery key was given.": "Er is geen wachtwoordzin of herstelsleutel opgegeven.",
    "Type it at the prompt, or set BRUGDESK_PASSPHRASE, --passphrase-file or --recovery-key.":
        "Typ het bij de vraag, of gebruik BRUGDESK_PASSPHRASE, --passphrase-file of --recovery-key.",
    "The keyring (sleutelbos) is not available.": "De sleutelbos is niet beschikbaar.",
    "Unlock with your passphrase or recovery key.": "Ontgrendel met je wachtwoordzin of herstelsleutel.",
    "The key file of this vault is missing or damaged.":
        "Het sleutelbestand van deze kluis ontbreekt of is beschadigd.",
    "Open the vault with the recovery key; a new key file is written then.":
        "Open de kluis met de herstelsleutel; daarna wordt een nieuw sleutelbestand gemaakt.",
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
    "No new recovery key was made; the old recovery key and your passphrase still work.":
        "Er is geen nieuwe herstelsleutel gemaakt; de oude herstelsleutel en je wachtwoordzin werken nog.",
    "Check that the disk has free space (about the size of the vault) and try again.":
        "Controleer of de schijf vrije ruimte heeft (ongeveer zo groot als de kluis) en probeer het opnieuw.",
}
