"""Dutch translations of the user-facing strings in brugdesk/keys."""

MESSAGES: dict[str, str] = {
    "brugdesk recovery key": "Herstelsleutel voor brugdesk",
    "This key opens your brugdesk vault when you have forgotten the passphrase, or when the key file is lost. "
    "Whoever has this sheet can open the vault: keep it locked away, separate from the laptop, for example in "
    "the school's safe.":
        "Met deze sleutel open je je brugdesk-kluis als je de wachtwoordzin vergeten bent of als het sleutelbestand "
        "verloren is gegaan. Wie dit blad heeft, kan de kluis openen: bewaar het achter slot en grendel, apart van "
        "de laptop, bijvoorbeeld in de kluis van de school.",
    "To use it: on the unlock screen choose 'Use recovery key' and type the 52 characters. Capitals, spaces and "
    "dashes do not matter. Then choose a new passphrase.":
        "Gebruik: kies op het ontgrendelscherm 'Herstelsleutel gebruiken' en typ de 52 tekens. Hoofdletters, "
        "spaties en streepjes maken niet uit. Kies daarna een nieuwe wachtwoordzin.",
    "When you make a new recovery key in brugdesk, this sheet stops working: destroy it.":
        "Als je in brugdesk een nieuwe herstelsleutel maakt, werkt dit blad niet meer: vernietig het dan.",
    "Made on {date}.": "Gemaakt op {date}.",
}
