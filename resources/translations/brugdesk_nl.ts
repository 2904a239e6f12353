<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Group activities</source>
            <translation>Groepsactiviteiten</translation>
        </message>
        <message>
            <source>&amp;New activity…</source>
            <translation>&amp;Nieuwe activiteit…</translation>
        </message>
        <message>
            <source>New group activity (Ctrl+Shift+N)</source>
            <translation>Nieuwe groepsactiviteit (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bewerken…</translation>
        </message>
        <message>
            <source>Edit the selected activity (Enter)</source>
            <translation>De gekozen activiteit bewerken (Enter)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <source>Delete the selected activity (Delete)</source>
            <translation>De gekozen activiteit verwijderen (Delete)</translation>
        </message>
        <message numerus="yes">
            <source>%n activity(ies)</source>
            <translation>
                <numerusform>%n activiteit</numerusform>
                <numerusform>%n activiteiten</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete activity</source>
            <translation>Activiteit verwijderen</translation>
        </message>
        <message>
            <source>Delete the activity of %1?</source>
            <translation>De activiteit van %1 verwijderen?</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Datum:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Soort:</translation>
        </message>
        <message>
            <source>e.g. Coffee morning about school costs</source>
            <translation>bijv. Koffieochtend over schoolkosten</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titel:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(geen)</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>Th&amp;ema's:</translation>
        </message>
        <message>
            <source>&amp;Parents attending:</source>
            <translation>&amp;Aantal ouders:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uur:</translation>
        </message>
        <message>
            <source>Type a name or reference, Enter adds it</source>
            <translation>Typ een naam of kenmerk, Enter voegt het gezin toe</translation>
        </message>
        <message>
            <source>Add a family that was present</source>
            <translation>Een gezin toevoegen dat er was</translation>
        </message>
        <message>
            <source>Families present</source>
            <translation>Aanwezige gezinnen</translation>
        </message>
        <message>
            <source>&amp;Remove from the list</source>
            <translation>Uit de lijst ha&amp;len</translation>
        </message>
        <message>
            <source>Remove the selected family from the families present (Delete)</source>
            <translation>Het gekozen gezin uit de aanwezige gezinnen halen (Delete)</translation>
        </message>
        <message>
            <source>&amp;Families present:</source>
            <translation>Aan&amp;wezige gezinnen:</translation>
        </message>
        <message>
            <source>Edit group activity</source>
            <translation>Groepsactiviteit bewerken</translation>
        </message>
        <message>
            <source>New group activity</source>
            <translation>Nieuwe groepsactiviteit</translation>
        </message>
    </context>
    <context>
        <name>ActivityModel</name>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Parents</source>
            <translation>Ouders</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duur</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Thema's</translation>
        </message>
    </context>
    <context>
        <name>AgendaPage</name>
        <message>
            <source>← &amp;Previous week</source>
            <translation>← &amp;Vorige week</translation>
        </message>
        <message>
            <source>The week before (Alt+Page Up)</source>
            <translation>De week ervoor (Alt+Page Up)</translation>
        </message>
        <message>
            <source>&amp;This week</source>
            <translation>&amp;Deze week</translation>
        </message>
        <message>
            <source>Back to this week (Alt+Home)</source>
            <translation>Terug naar deze week (Alt+Home)</translation>
        </message>
        <message>
            <source>Ne&amp;xt week →</source>
            <translation>Volgende wee&amp;k →</translation>
        </message>
        <message>
            <source>The week after (Alt+Page Down)</source>
            <translation>De week erna (Alt+Page Down)</translation>
        </message>
        <message>
            <source>Appointments of the week</source>
            <translation>Afspraken van de week</translation>
        </message>
        <message>
            <source>&amp;New appointment…</source>
            <translation>&amp;Nieuwe afspraak…</translation>
        </message>
        <message>
            <source>Plan a new appointment (Ctrl+Shift+N)</source>
            <translation>Een nieuwe afspraak plannen (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bewerken…</translation>
        </message>
        <message>
            <source>Change the selected appointment (Enter)</source>
            <translation>De gekozen afspraak wijzigen (Enter)</translation>
        </message>
        <message>
            <source>It &amp;happened…</source>
            <translation>Het is &amp;gebeurd…</translation>
        </message>
        <message>
            <source>Record the selected appointment as a contact moment (Ctrl+D)</source>
            <translation>De gekozen afspraak als contactmoment vastleggen (Ctrl+D)</translation>
        </message>
        <message>
            <source>&amp;Cancel appointment</source>
            <translation>&amp;Afzeggen</translation>
        </message>
        <message>
            <source>Mark the selected appointment as cancelled (it is kept)</source>
            <translation>De gekozen afspraak als afgezegd markeren (hij blijft bewaard)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <source>Delete the selected appointment (Delete)</source>
            <translation>De gekozen afspraak verwijderen (Delete)</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>Gezin &amp;openen</translation>
        </message>
        <message>
            <source>Week %1: %2 – %3</source>
            <translation>Week %1: %2 – %3</translation>
        </message>
        <message numerus="yes">
            <source>%n appointment(s)</source>
            <translation>
                <numerusform>%n afspraak</numerusform>
                <numerusform>%n afspraken</numerusform>
            </translation>
        </message>
        <message>
            <source>No appointments this week. Plan one with “New appointment” (Ctrl+Shift+N).</source>
            <translation>Geen afspraken deze week. Plan er een met ‘Nieuwe afspraak’ (Ctrl+Shift+N).</translation>
        </message>
        <message numerus="yes">
            <source>%n earlier appointment(s) still planned: say whether it happened or cancel it.</source>
            <translation>
                <numerusform>%n eerdere afspraak staat nog als gepland: geef aan of hij gebeurd is, of zeg hem af.</numerusform>
                <numerusform>%n eerdere afspraken staan nog als gepland: geef aan of ze gebeurd zijn, of zeg ze af.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel appointment</source>
            <translation>Afspraak afzeggen</translation>
        </message>
        <message>
            <source>Mark the appointment of %1 as cancelled?</source>
            <translation>De afspraak van %1 als afgezegd markeren?</translation>
        </message>
        <message>
            <source>&amp;Mark cancelled</source>
            <translation>&amp;Afzeggen</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>&amp;Laten staan</translation>
        </message>
        <message>
            <source>Delete appointment</source>
            <translation>Afspraak verwijderen</translation>
        </message>
        <message>
            <source>Delete the appointment of %1? A contact moment made of it stays.</source>
            <translation>De afspraak van %1 verwijderen? Een contactmoment dat ervan gemaakt is, blijft bestaan.</translation>
        </message>
    </context>
    <context>
        <name>AppointmentDialog</name>
        <message>
            <source>e.g. 10:00</source>
            <translation>bijv. 10:00</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Datum:</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <translation>&amp;Tijd:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Soort:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uur:</translation>
        </message>
        <message>
            <source>Type a name or reference (optional)…</source>
            <translation>Typ een naam of kenmerk (niet verplicht)…</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Gezin:</translation>
        </message>
        <message>
            <source>What it is about, where (optional)</source>
            <translation>Waarover, waar (niet verplicht)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Notitie:</translation>
        </message>
        <message>
            <source>Change appointment</source>
            <translation>Afspraak wijzigen</translation>
        </message>
        <message>
            <source>New appointment</source>
            <translation>Nieuwe afspraak</translation>
        </message>
        <message>
            <source>Choose a family from the list, or leave the field empty.</source>
            <translation>Kies een gezin uit de lijst, of laat het veld leeg.</translation>
        </message>
    </context>
    <context>
        <name>AppointmentModel</name>
        <message>
            <source>Planned</source>
            <translation>Gepland</translation>
        </message>
        <message>
            <source>Happened (contact logged)</source>
            <translation>Gebeurd (contact vastgelegd)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Afgezegd</translation>
        </message>
        <message>
            <source>(today)</source>
            <translation>(vandaag)</translation>
        </message>
        <message>
            <source>(no family)</source>
            <translation>(geen gezin)</translation>
        </message>
        <message>
            <source>Planned: did it happen?</source>
            <translation>Gepland: is het gebeurd?</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Dag</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tijd</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Wat</translation>
        </message>
        <message>
            <source>Concerning</source>
            <translation>Betreft</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>vault created</source>
            <translation>kluis aangemaakt</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>ontgrendeld</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>ingezien</translation>
        </message>
        <message>
            <source>created</source>
            <translation>aangemaakt</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>gewijzigd</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>verwijderd</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>afgesloten</translation>
        </message>
        <message>
            <source>reopened</source>
            <translation>heropend</translation>
        </message>
        <message>
            <source>inspection export</source>
            <translation>inzage-export</translation>
        </message>
        <message>
            <source>report made</source>
            <translation>rapportage gemaakt</translation>
        </message>
        <message>
            <source>backup made</source>
            <translation>reservekopie gemaakt</translation>
        </message>
        <message>
            <source>backup restored</source>
            <translation>reservekopie teruggezet</translation>
        </message>
        <message>
            <source>retention purge</source>
            <translation>verwijderd na bewaartermijn</translation>
        </message>
        <message>
            <source>family erased</source>
            <translation>gezin gewist</translation>
        </message>
        <message>
            <source>passphrase changed</source>
            <translation>wachtwoord gewijzigd</translation>
        </message>
        <message>
            <source>new recovery key</source>
            <translation>nieuwe herstelsleutel</translation>
        </message>
        <message>
            <source>vault updated</source>
            <translation>kluis bijgewerkt</translation>
        </message>
        <message>
            <source>erased families removed again</source>
            <translation>gewiste gezinnen opnieuw verwijderd</translation>
        </message>
        <message>
            <source>import from a spreadsheet</source>
            <translation>import uit spreadsheet</translation>
        </message>
        <message>
            <source>import undone</source>
            <translation>import ongedaan gemaakt</translation>
        </message>
        <message>
            <source>family overview printed</source>
            <translation>gezinsoverzicht afgedrukt</translation>
        </message>
        <message>
            <source>warm handover made</source>
            <translation>warme overdracht gemaakt</translation>
        </message>
        <message>
            <source>family</source>
            <translation>gezin</translation>
        </message>
        <message>
            <source>member</source>
            <translation>gezinslid</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>contactmoment</translation>
        </message>
        <message>
            <source>referral</source>
            <translation>verwijzing</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>actiepunt</translation>
        </message>
        <message>
            <source>school</source>
            <translation>school</translation>
        </message>
        <message>
            <source>partner</source>
            <translation>netwerkpartner</translation>
        </message>
        <message>
            <source>group activity</source>
            <translation>groepsactiviteit</translation>
        </message>
        <message>
            <source>setting</source>
            <translation>instelling</translation>
        </message>
        <message>
            <source>list</source>
            <translation>keuzelijst</translation>
        </message>
        <message>
            <source>report</source>
            <translation>rapportage</translation>
        </message>
        <message>
            <source>deletion record</source>
            <translation>verwijderverslag</translation>
        </message>
        <message>
            <source>import</source>
            <translation>import</translation>
        </message>
        <message>
            <source>attachment</source>
            <translation>bijlage</translation>
        </message>
    </context>
    <context>
        <name>BackupHooks</name>
        <message>
            <source>The automatic backup failed (%1).</source>
            <translation>De automatische reservekopie is mislukt (%1).</translation>
        </message>
    </context>
    <context>
        <name>BackupTableModel</name>
        <message>
            <source>Made on</source>
            <translation>Gemaakt op</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grootte</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>dagelijks</translation>
        </message>
        <message>
            <source>on closing</source>
            <translation>bij afsluiten</translation>
        </message>
        <message>
            <source>by hand</source>
            <translation>met de hand</translation>
        </message>
        <message>
            <source>before an update</source>
            <translation>vóór een update</translation>
        </message>
    </context>
    <context>
        <name>CloseFamilyDialog</name>
        <message>
            <source>&amp;Closing date:</source>
            <translation>&amp;Datum afsluiten:</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(kies)</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Uitkomst:</translation>
        </message>
        <message>
            <source>C&amp;lose family</source>
            <translation>Gezin a&amp;fsluiten</translation>
        </message>
        <message>
            <source>Close family %1</source>
            <translation>Gezin %1 afsluiten</translation>
        </message>
    </context>
    <context>
        <name>ComputerTab</name>
        <message>
            <source>&amp;Remember the vault on this computer (keyring)</source>
            <translation>&amp;Onthoud de kluis op deze computer (sleutelbos)</translation>
        </message>
        <message>
            <source>When on, brugdesk opens without the passphrase while you are logged in to this computer. Use it only on a laptop that is yours alone.</source>
            <translation>Als dit aan staat, opent brugdesk zonder wachtwoordzin zolang je op deze computer bent ingelogd. Gebruik het alleen op een laptop die alleen van jou is.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Taal</translation>
        </message>
        <message>
            <source>La&amp;nguage</source>
            <translation>&amp;Taal</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) of this computer is not available, so the vault cannot be remembered here.</source>
            <translation>De sleutelbos van deze computer is niet beschikbaar, dus de kluis kan hier niet worden onthouden.</translation>
        </message>
        <message>
            <source>The new language is used when brugdesk starts again.</source>
            <translation>De nieuwe taal wordt gebruikt als brugdesk opnieuw start.</translation>
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Verwijderen</translation>
        </message>
    </context>
    <context>
        <name>ConfirmKeyPage</name>
        <message>
            <source>Check the recovery key</source>
            <translation>Controleer de herstelsleutel</translation>
        </message>
        <message>
            <source>To be sure you have kept it: type the last group of your recovery key, from the PDF or the printout.</source>
            <translation>Om zeker te weten dat je hem bewaard hebt: typ de laatste groep van je herstelsleutel over, uit de pdf of van de afdruk.</translation>
        </message>
        <message>
            <source>Last group of the recovery key</source>
            <translation>Laatste groep van de herstelsleutel</translation>
        </message>
        <message>
            <source>&amp;Last group</source>
            <translation>&amp;Laatste groep</translation>
        </message>
        <message>
            <source>That is not the last group of your recovery key.</source>
            <translation>Dat is niet de laatste groep van je herstelsleutel.</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>Edit contact</source>
            <extracomment>The usual duration of each contact kind, in minutes (the officer can change it). Who is usually there, per kind. (folded "name ref", the words of it, label, id) for every open family</extracomment>
            <translation>Contactmoment bewerken</translation>
        </message>
        <message>
            <source>Log a contact</source>
            <translation>Contactmoment vastleggen</translation>
        </message>
        <message>
            <source>Type a name or reference…</source>
            <translation>Typ een naam of kenmerk…</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Gezin:</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Datum:</translation>
        </message>
        <message>
            <source>optional, e.g. 10:00</source>
            <translation>niet verplicht, bijv. 10:00</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>Tijdstip</translation>
        </message>
        <message>
            <source>T&amp;ime:</source>
            <translation>&amp;Tijd:</translation>
        </message>
        <message>
            <source>Kind of contact</source>
            <translation>Soort contact</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Soort:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Duration in minutes</source>
            <translation>Duur in minuten</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uur:</translation>
        </message>
        <message>
            <source>With: %1</source>
            <translation>Met: %1</translation>
        </message>
        <message>
            <source>&amp;With:</source>
            <translation>&amp;Met:</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Thema's</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>T&amp;hema's:</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <source>What was discussed, what was agreed (confidential)</source>
            <translation>Wat is besproken, wat is afgesproken (vertrouwelijk)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Notitie:</translation>
        </message>
        <message>
            <source>Next step (optional)</source>
            <translation>Volgende stap (niet verplicht)</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Vervolgactie</translation>
        </message>
        <message>
            <source>F&amp;ollow-up:</source>
            <translation>&amp;Vervolgactie:</translation>
        </message>
        <message>
            <source>Follow-up date</source>
            <translation>Datum vervolgactie</translation>
        </message>
        <message>
            <source>Follow-up d&amp;ate:</source>
            <translation>Datum v&amp;ervolg:</translation>
        </message>
        <message>
            <source>Choose a family from the list.</source>
            <translation>Kies een gezin uit de lijst.</translation>
        </message>
    </context>
    <context>
        <name>ContactTimelineModel</name>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duur</translation>
        </message>
        <message>
            <source>With</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Thema's</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>brugdesk: unexpected error</source>
            <extracomment>benchmarks only (benchmarks/harness.py, "GUI cold start"): a file holding a vault's raw data key; the app unlocks with it, shows the main window and quits. The key itself is never logged.</extracomment>
            <translation>brugdesk: onverwachte fout</translation>
        </message>
        <message>
            <source>Something went wrong inside brugdesk. What was saved is safe; the last action may not have been saved. Please report the details below (they contain no personal data).</source>
            <translation>Er ging iets mis in brugdesk. Wat opgeslagen was, is veilig; de laatste handeling is misschien niet opgeslagen. Meld de details hieronder alsjeblieft (ze bevatten geen persoonsgegevens).</translation>
        </message>
    </context>
    <context>
        <name>DiscardChanges</name>
        <message>
            <source>Discard changes?</source>
            <translation>Wijzigingen weggooien?</translation>
        </message>
        <message>
            <source>What you typed here has not been saved. Throw it away?</source>
            <translation>Wat je hier hebt getypt, is nog niet opgeslagen. Weggooien?</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Weggooien</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Verder bewerken</translation>
        </message>
    </context>
    <context>
        <name>EraseFamilyDialog</name>
        <message>
            <source>Erase family</source>
            <translation>Gezin wissen</translation>
        </message>
        <message>
            <source>Erase %1 (%2) for good?</source>
            <translation>%1 (%2) definitief wissen?</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n gezinslid</numerusform>
                <numerusform>%n gezinsleden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) with their notes</source>
            <translation>
                <numerusform>%n contactmoment met notitie</numerusform>
                <numerusform>%n contactmomenten met notities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referral(s) with their history</source>
            <translation>
                <numerusform>%n verwijzing met verloop</numerusform>
                <numerusform>%n verwijzingen met verloop</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n actiepunt</numerusform>
                <numerusform>%n actiepunten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the family's details in %n audit log entry(ies)</source>
            <translation>
                <numerusform>de gegevens van het gezin in %n regel van het auditlog</numerusform>
                <numerusform>de gegevens van het gezin in %n regels van het auditlog</numerusform>
            </translation>
        </message>
        <message>
            <source>This deletes the family's file and everything in it:</source>
            <translation>Dit verwijdert het dossier van het gezin met alles wat erin staat:</translation>
        </message>
        <message>
            <source>Only the date and the number of erased families are kept. Backups made before today still hold the family until they are rotated away (at most 5 weeks); restoring one erases the family again. Delete copies on USB sticks yourself.</source>
            <translation>Alleen de datum en het aantal gewiste gezinnen blijven bewaard. Reservekopieën van vóór vandaag bevatten het gezin nog tot ze worden opgeruimd (hooguit 5 weken); wie er een terugzet, ziet het gezin opnieuw gewist. Kopieën op USB-sticks verwijder je zelf.</translation>
        </message>
        <message>
            <source>The family was erased. The list of erased families (erasures.bdledger) was missing or damaged and has been started anew: families erased before today are not erased again when an older backup is restored.</source>
            <translation>Het gezin is gewist. De lijst van gewiste gezinnen (erasures.bdledger) ontbrak of was beschadigd en is opnieuw begonnen: gezinnen die vóór vandaag zijn gewist, worden niet opnieuw gewist als een oudere reservekopie wordt teruggezet.</translation>
        </message>
        <message>
            <source>The parents asked for this &amp;erasure</source>
            <translation>De ouders hebben om deze &amp;verwijdering gevraagd</translation>
        </message>
        <message>
            <source>&amp;Erase</source>
            <translation>&amp;Wissen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>FamiliesPage</name>
        <message>
            <source>&amp;Search:</source>
            <extracomment>changes after which the whole list (and its filters) is queried again</extracomment>
            <translation>&amp;Zoeken:</translation>
        </message>
        <message>
            <source>Name, child's name or reference (Ctrl+F)</source>
            <translation>Naam, kind of kenmerk (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search families</source>
            <translation>Gezinnen zoeken</translation>
        </message>
        <message>
            <source>Filter on status</source>
            <translation>Filter op status</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Alle statussen</translation>
        </message>
        <message>
            <source>Open (registered or active)</source>
            <translation>Lopend (aangemeld of actief)</translation>
        </message>
        <message>
            <source>Filter on school</source>
            <translation>Filter op school</translation>
        </message>
        <message>
            <source>Filter on theme</source>
            <translation>Filter op thema</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>Th&amp;eme:</source>
            <translation>Th&amp;ema:</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;Nieuw gezin…</translation>
        </message>
        <message>
            <source>New family (Ctrl+Shift+N)</source>
            <translation>Nieuw gezin (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Import from spreadsheet…</source>
            <translation>&amp;Importeren uit spreadsheet…</translation>
        </message>
        <message>
            <source>Families</source>
            <translation>Gezinnen</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>Alle scholen</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Alle thema's</translation>
        </message>
        <message>
            <source>%1 of %2 families</source>
            <translation>%1 van %2 gezinnen</translation>
        </message>
        <message>
            <source>%1 families</source>
            <translation>%1 gezinnen</translation>
        </message>
        <message>
            <source>Undo the import of %1</source>
            <translation>Import van %1 ongedaan maken</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Import ongedaan maken</translation>
        </message>
        <message>
            <source>Remove everything the import of %1 added: %2 families (with all that was recorded about them since), %3 members and %4 contact moments?</source>
            <translation>Alles verwijderen wat de import van %1 heeft toegevoegd: %2 gezinnen (met alles wat er sindsdien over is vastgelegd), %3 gezinsleden en %4 contactmomenten?</translation>
        </message>
        <message>
            <source>&amp;Undo import</source>
            <translation>Import &amp;ongedaan maken</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>FamilyDetail</name>
        <message>
            <source>← &amp;Back to the list</source>
            <extracomment>the tabs of the detail (Alt+1 … Alt+5)</extracomment>
            <translation>← Terug naar de &amp;lijst</translation>
        </message>
        <message>
            <source>&amp;Edit details…</source>
            <translation>Gegevens &amp;bewerken…</translation>
        </message>
        <message>
            <source>Edit the family's details (Ctrl+E)</source>
            <translation>De gegevens van het gezin bewerken (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Log a contact…</source>
            <translation>Contact &amp;vastleggen…</translation>
        </message>
        <message>
            <source>Log a contact with this family</source>
            <translation>Een contactmoment met dit gezin vastleggen</translation>
        </message>
        <message>
            <source>&amp;Close family…</source>
            <translation>Gezin &amp;afsluiten…</translation>
        </message>
        <message>
            <source>Re&amp;open family</source>
            <translation>Gezin her&amp;openen</translation>
        </message>
        <message>
            <source>Family sections</source>
            <translation>Onderdelen van het gezin</translation>
        </message>
        <message>
            <source>Family members</source>
            <translation>Gezinsleden</translation>
        </message>
        <message>
            <source>Add &amp;parent / carer…</source>
            <translation>O&amp;uder / verzorger toevoegen…</translation>
        </message>
        <message>
            <source>Add c&amp;hild…</source>
            <translation>&amp;Kind toevoegen…</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>Be&amp;werken…</translation>
        </message>
        <message>
            <source>Edit the selected member (Enter)</source>
            <translation>Het gekozen gezinslid bewerken (Enter)</translation>
        </message>
        <message>
            <source>Follo&amp;w-ups</source>
            <translation>A&amp;cties</translation>
        </message>
        <message>
            <source>&amp;Mark as not done</source>
            <translation>&amp;Markeer als open</translation>
        </message>
        <message>
            <source>Remove the selected member (Delete)</source>
            <translation>Het gekozen gezinslid verwijderen (Delete)</translation>
        </message>
        <message>
            <source>Family &amp;members:</source>
            <translation>Ge&amp;zinsleden:</translation>
        </message>
        <message>
            <source>Back to the list (Esc or Alt+Left)</source>
            <translation>Terug naar de lijst (Esc of Alt+Pijl links)</translation>
        </message>
        <message>
            <source>Parents' re&amp;quests</source>
            <translation>Verzo&amp;eken van ouders</translation>
        </message>
        <message>
            <source>Inspection export or erasure of this family's data</source>
            <translation>Inzage-export of wissen van de gegevens van dit gezin</translation>
        </message>
        <message>
            <source>Inspection export (PDF)…</source>
            <translation>Inzage-export (pdf)…</translation>
        </message>
        <message>
            <source>Erase this family…</source>
            <translation>Dit gezin wissen…</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <source>&amp;Family</source>
            <translation>&amp;Gezin</translation>
        </message>
        <message>
            <source>Timeline of contacts</source>
            <translation>Tijdlijn van contactmomenten</translation>
        </message>
        <message>
            <source>Note of the selected contact</source>
            <translation>Notitie bij het gekozen contactmoment</translation>
        </message>
        <message>
            <source>&amp;New contact…</source>
            <translation>&amp;Nieuw contactmoment…</translation>
        </message>
        <message>
            <source>Edit the selected contact (Enter)</source>
            <translation>Het gekozen contactmoment bewerken (Enter)</translation>
        </message>
        <message>
            <source>Delete the selected contact (Delete)</source>
            <translation>Het gekozen contactmoment verwijderen (Delete)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <source>Con&amp;tacts</source>
            <translation>Con&amp;tacten</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Doorverwijzingen</translation>
        </message>
        <message>
            <source>Status &amp;history of the selected referral:</source>
            <translation>Statusgesc&amp;hiedenis van de gekozen doorverwijzing:</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Statusgeschiedenis</translation>
        </message>
        <message>
            <source>&amp;New referral…</source>
            <translation>&amp;Nieuwe doorverwijzing…</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Stat&amp;us wijzigen…</translation>
        </message>
        <message>
            <source>Move to the next status (Enter)</source>
            <translation>Naar de volgende status (Enter)</translation>
        </message>
        <message>
            <source>Delete the selected referral (Delete)</source>
            <translation>De gekozen doorverwijzing verwijderen (Delete)</translation>
        </message>
        <message>
            <source>&amp;Referrals</source>
            <translation>&amp;Doorverwijzingen</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Acties</translation>
        </message>
        <message>
            <source>&amp;New follow-up…</source>
            <translation>&amp;Nieuwe actie…</translation>
        </message>
        <message>
            <source>Mark the selected follow-up done (Enter)</source>
            <translation>De gekozen actie als gedaan markeren (Enter)</translation>
        </message>
        <message>
            <source>&amp;Mark done</source>
            <translation>&amp;Markeer als gedaan</translation>
        </message>
        <message>
            <source>Delete the selected follow-up (Delete)</source>
            <translation>De gekozen actie verwijderen (Delete)</translation>
        </message>
        <message>
            <source>Group activities the family attended</source>
            <translation>Groepsactiviteiten waar het gezin was</translation>
        </message>
        <message>
            <source>No group activity records this family as present. Record it in the activity (Group activities → Edit → Families present).</source>
            <translation>Geen groepsactiviteit heeft dit gezin als aanwezig. Leg het vast bij de activiteit (Groepsactiviteiten → Bewerken → Aanwezige gezinnen).</translation>
        </message>
        <message>
            <source>&amp;Activities</source>
            <translation>Activ&amp;iteiten</translation>
        </message>
        <message>
            <source>%1 · since %2 · %3</source>
            <translation>%1 · sinds %2 · %3</translation>
        </message>
        <message>
            <source>no school</source>
            <translation>geen school</translation>
        </message>
        <message>
            <source>No registration consent recorded for this family.</source>
            <translation>Voor dit gezin is geen toestemming voor registratie vastgelegd.</translation>
        </message>
        <message>
            <source>No consent to share information with %1 has been recorded.</source>
            <translation>Er is geen toestemming vastgelegd om informatie te delen met %1.</translation>
        </message>
        <message>
            <source>Delete contact</source>
            <translation>Contactmoment verwijderen</translation>
        </message>
        <message>
            <source>Delete the contact of %1? This cannot be undone.</source>
            <translation>Het contactmoment van %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
        </message>
        <message>
            <source>Remove family member</source>
            <translation>Gezinslid verwijderen</translation>
        </message>
        <message>
            <source>Remove %1 from this family?</source>
            <translation>%1 uit dit gezin verwijderen?</translation>
        </message>
        <message>
            <source>Delete referral</source>
            <translation>Doorverwijzing verwijderen</translation>
        </message>
        <message>
            <source>Delete the referral to %1 and its history?</source>
            <translation>De doorverwijzing naar %1 en de geschiedenis ervan verwijderen?</translation>
        </message>
        <message>
            <source>Delete follow-up</source>
            <translation>Actie verwijderen</translation>
        </message>
        <message>
            <source>Delete the follow-up “%1”?</source>
            <translation>De actie “%1” verwijderen?</translation>
        </message>
        <message>
            <source>Reopen family</source>
            <translation>Gezin heropenen</translation>
        </message>
        <message>
            <source>Reopen %1? Its closing date and outcome are removed.</source>
            <translation>%1 heropenen? De datum van afsluiten en de uitkomst worden gewist.</translation>
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation>&amp;Heropenen</translation>
        </message>
    </context>
    <context>
        <name>FamilyDialog</name>
        <message>
            <source>e.g. Fam. Jansen</source>
            <translation>bijv. Fam. Jansen</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Naam:</translation>
        </message>
        <message>
            <source>S&amp;tart date:</source>
            <translation>Startdat&amp;um:</translation>
        </message>
        <message>
            <source>St&amp;atus:</source>
            <translation>St&amp;atus:</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(niet vastgelegd)</translation>
        </message>
        <message>
            <source>Si&amp;gnal from:</source>
            <translation>&amp;Signaal van:</translation>
        </message>
        <message>
            <source>Sc&amp;hools:</source>
            <translation>S&amp;cholen:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>Th&amp;ema's:</translation>
        </message>
        <message>
            <source>Home &amp;language:</source>
            <translation>T&amp;huistaal:</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Tolk nodig</translation>
        </message>
        <message>
            <source>&amp;Interpreter:</source>
            <translation>&amp;Tolk:</translation>
        </message>
        <message>
            <source>recorded on</source>
            <translation>vastgelegd op</translation>
        </message>
        <message>
            <source>Registration &amp;consent:</source>
            <translation>Toestemming &amp;registratie:</translation>
        </message>
        <message>
            <source>e.g. mother</source>
            <translation>bijv. moeder</translation>
        </message>
        <message>
            <source>Consent given &amp;by:</source>
            <translation>Gegeven &amp;door:</translation>
        </message>
        <message>
            <source>e.g. contact with school and wijkteam</source>
            <translation>bijv. contact met school en wijkteam</translation>
        </message>
        <message>
            <source>Consent sc&amp;ope:</source>
            <translation>Toestemming &amp;voor:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>Tele&amp;foon:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>E-&amp;mail:</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>&amp;Woonadres:</translation>
        </message>
        <message>
            <source>Edit family %1</source>
            <translation>Gezin %1 bewerken</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>Nieuw gezin</translation>
        </message>
    </context>
    <context>
        <name>FamilyFacts</name>
        <message>
            <source>Start date:</source>
            <extracomment>the value label of each fact, by key</extracomment>
            <translation>Startdatum:</translation>
        </message>
        <message>
            <source>Signal from:</source>
            <translation>Signaal van:</translation>
        </message>
        <message>
            <source>Schools:</source>
            <translation>Scholen:</translation>
        </message>
        <message>
            <source>Themes:</source>
            <translation>Thema's:</translation>
        </message>
        <message>
            <source>Home language:</source>
            <translation>Thuistaal:</translation>
        </message>
        <message>
            <source>Interpreter needed:</source>
            <translation>Tolk nodig:</translation>
        </message>
        <message>
            <source>Registration consent:</source>
            <translation>Toestemming registratie:</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Telefoon:</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>E-mail:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Adres:</translation>
        </message>
        <message>
            <source>Closed:</source>
            <translation>Afgesloten:</translation>
        </message>
        <message>
            <source>Family details</source>
            <translation>Gegevens van het gezin</translation>
        </message>
        <message>
            <source>%1, given by %2 (%3)</source>
            <translation>%1, gegeven door %2 (%3)</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>niet vastgelegd</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>FamilyTableModel</name>
        <message>
            <source>Reference</source>
            <extracomment>folding is slow-ish (unicodedata) and names repeat a lot: remember the folded texts for sorting closed families are shown in grey</extracomment>
            <translation>Kenmerk</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Laatste contact</translation>
        </message>
        <message>
            <source>Next follow-up</source>
            <translation>Volgende actie</translation>
        </message>
        <message>
            <source>Open referrals</source>
            <translation>Lopende doorverwijzingen</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>brugdesk — first start</source>
            <translation>brugdesk — eerste start</translation>
        </message>
        <message>
            <source>&amp;Start using brugdesk</source>
            <translation>&amp;Aan de slag met brugdesk</translation>
        </message>
        <message>
            <source>The vault could not be made (%1). Nothing was saved.</source>
            <translation>De kluis kon niet worden gemaakt (%1). Er is niets opgeslagen.</translation>
        </message>
        <message>
            <source>Stop now?</source>
            <translation>Nu stoppen?</translation>
        </message>
        <message>
            <source>Your vault has been made, but you have not yet kept the recovery key. Without it, a forgotten passphrase means losing everything. Stop anyway?</source>
            <translation>Je kluis is gemaakt, maar je hebt de herstelsleutel nog niet bewaard. Zonder die sleutel ben je bij een vergeten wachtwoordzin alles kwijt. Toch stoppen?</translation>
        </message>
        <message>
            <source>&amp;Stop anyway</source>
            <translation>Toch &amp;stoppen</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Terug</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>e.g. Call the wijkteam about the application</source>
            <translation>bijv. Wijkteam bellen over de aanvraag</translation>
        </message>
        <message>
            <source>&amp;Follow-up:</source>
            <translation>&amp;Actie:</translation>
        </message>
        <message>
            <source>&amp;Due date:</source>
            <translation>&amp;Uiterlijk op:</translation>
        </message>
        <message>
            <source>Edit follow-up</source>
            <translation>Actie bewerken</translation>
        </message>
        <message>
            <source>New follow-up</source>
            <translation>Nieuwe actie</translation>
        </message>
    </context>
    <context>
        <name>FollowUpModel</name>
        <message>
            <source>(overdue)</source>
            <translation>(te laat)</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Uiterlijk</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Kenmerk</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Actie</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Gedaan</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsPage</name>
        <message>
            <source>Which follow-ups</source>
            <extracomment>how far back the "done" tab looks</extracomment>
            <translation>Welke acties</translation>
        </message>
        <message>
            <source>&amp;Overdue</source>
            <translation>&amp;Te laat</translation>
        </message>
        <message>
            <source>Due this &amp;week</source>
            <translation>Deze &amp;week</translation>
        </message>
        <message>
            <source>All o&amp;pen</source>
            <translation>Alle &amp;open</translation>
        </message>
        <message>
            <source>Do&amp;ne</source>
            <translation>&amp;Gedaan</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Acties</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>&amp;Markeer als gedaan</translation>
        </message>
        <message>
            <source>Mark the selected follow-up done (Ctrl+D)</source>
            <translation>De gekozen actie als gedaan markeren (Ctrl+D)</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>Gezin o&amp;penen</translation>
        </message>
        <message>
            <source>Open the family of the selected follow-up (Enter)</source>
            <translation>Het gezin van de gekozen actie openen (Enter)</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n actie</numerusform>
                <numerusform>%n acties</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Undo done</source>
            <translation>&amp;Markeer als open</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>Opslaan (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>GeneralTab</name>
        <message>
            <source>Report threshold</source>
            <translation>Drempel voor rapportages</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Lock after minutes without use</source>
            <translation>Vergrendelen na zoveel minuten zonder gebruik</translation>
        </message>
        <message>
            <source>Report &amp;threshold</source>
            <translation>&amp;Drempel voor rapportages</translation>
        </message>
        <message>
            <source>&amp;Lock after</source>
            <translation>&amp;Vergrendelen na</translation>
        </message>
        <message>
            <source>Every report shows a count from 1 up to the threshold minus one as “&lt;k”; the threshold (3 to 20) is the same for every report, and a change is recorded in the logboek. brugdesk locks itself when it has not been used for the chosen number of minutes (1 to 60), also while the laptop sleeps.</source>
            <translation>Elke rapportage toont een aantal van 1 tot de drempel als “&lt;k”; de drempel (3 tot en met 20) geldt voor elke rapportage, en een wijziging wordt in het logboek vastgelegd. brugdesk vergrendelt zichzelf als het het gekozen aantal minuten (1 tot en met 60) niet is gebruikt, ook als de laptop slaapt.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Opslaan</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>HappenedDialog</name>
        <message>
            <source>The appointment happened</source>
            <translation>De afspraak is gebeurd</translation>
        </message>
        <message>
            <source>Appointment:</source>
            <translation>Afspraak:</translation>
        </message>
        <message>
            <source>Type a name or reference…</source>
            <translation>Typ een naam of kenmerk…</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Gezin:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uur:</translation>
        </message>
        <message>
            <source>What was discussed, what was agreed (confidential)</source>
            <translation>Wat is besproken, wat is afgesproken (vertrouwelijk)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Notitie:</translation>
        </message>
        <message>
            <source>Next step (optional)</source>
            <translation>Volgende stap (niet verplicht)</translation>
        </message>
        <message>
            <source>F&amp;ollow-up:</source>
            <translation>&amp;Vervolgactie:</translation>
        </message>
        <message>
            <source>Follow-up d&amp;ate:</source>
            <translation>Datum v&amp;ervolg:</translation>
        </message>
        <message>
            <source>&amp;Record as contact</source>
            <translation>Als &amp;contact vastleggen</translation>
        </message>
        <message>
            <source>Record the appointment as a contact moment (Enter)</source>
            <translation>De afspraak als contactmoment vastleggen (Enter)</translation>
        </message>
        <message>
            <source>Choose the family this appointment was with.</source>
            <translation>Kies het gezin waarmee deze afspraak was.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>Row</source>
            <translation>Rij</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemen</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import from a spreadsheet</source>
            <extracomment>how many data rows the mapping step shows as examples of a column</extracomment>
            <translation>Importeren uit spreadsheet</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Vorige</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Volgende &gt;</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importeren</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Choose the spreadsheet (.xlsx, .xls, .ods or .csv) with your families or contact moments. Nothing is saved before you confirm the import.</source>
            <translation>Kies de spreadsheet (.xlsx, .xls, .ods of .csv) met je gezinnen of contactmomenten. Er wordt niets opgeslagen voordat je de import bevestigt.</translation>
        </message>
        <message>
            <source>Spreadsheet file</source>
            <translation>Spreadsheetbestand</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>Bestand &amp;kiezen…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Bestand:</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Werkblad</translation>
        </message>
        <message>
            <source>&amp;Sheet:</source>
            <translation>&amp;Werkblad:</translation>
        </message>
        <message>
            <source>What the rows are</source>
            <translation>Wat de rijen zijn</translation>
        </message>
        <message>
            <source>Families (one row per child or per family)</source>
            <translation>Gezinnen (één rij per kind of per gezin)</translation>
        </message>
        <message>
            <source>Contact moments (one row per contact)</source>
            <translation>Contactmomenten (één rij per contact)</translation>
        </message>
        <message>
            <source>&amp;Rows are:</source>
            <translation>&amp;Rijen zijn:</translation>
        </message>
        <message>
            <source>No spreadsheet yet? Save the template, fill it in and import it.</source>
            <translation>Nog geen spreadsheet? Sla het sjabloon op, vul het in en importeer het.</translation>
        </message>
        <message>
            <source>Save &amp;template…</source>
            <translation>&amp;Sjabloon opslaan…</translation>
        </message>
        <message>
            <source>Check which field each column holds. brugdesk suggested a field from each header; choose another where it guessed wrong, or "(skip)" for a column you do not need.</source>
            <translation>Controleer welk veld elke kolom bevat. brugdesk heeft bij elke kop een veld voorgesteld; kies een ander waar het niet klopt, of "(overslaan)" voor een kolom die je niet nodig hebt.</translation>
        </message>
        <message>
            <source>Row with the headers</source>
            <translation>Rij met de kolomkoppen</translation>
        </message>
        <message>
            <source>&amp;Headers are in row:</source>
            <translation>&amp;Kolomkoppen staan in rij:</translation>
        </message>
        <message>
            <source>&amp;Load mapping…</source>
            <translation>Indeling &amp;laden…</translation>
        </message>
        <message>
            <source>Sa&amp;ve mapping…</source>
            <translation>Indeling &amp;opslaan…</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Voorbeelden</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Veld</translation>
        </message>
        <message>
            <source>Columns and their fields</source>
            <translation>Kolommen en hun velden</translation>
        </message>
        <message>
            <source>Rows of the sheet</source>
            <translation>Rijen van het werkblad</translation>
        </message>
        <message>
            <source>Families already in the vault:</source>
            <translation>Gezinnen die al in de kluis staan:</translation>
        </message>
        <message>
            <source>In the sheet</source>
            <translation>In het werkblad</translation>
        </message>
        <message>
            <source>In the vault</source>
            <translation>In de kluis</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>Wat te doen</translation>
        </message>
        <message>
            <source>Families already in the vault</source>
            <translation>Gezinnen die al in de kluis staan</translation>
        </message>
        <message>
            <source>&amp;Open its folder</source>
            <translation>Map &amp;openen</translation>
        </message>
        <message>
            <source>&amp;Undo this import</source>
            <translation>Import &amp;ongedaan maken</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>Choose a spreadsheet</source>
            <translation>Kies een spreadsheet</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>Sjabloon opslaan</translation>
        </message>
        <message>
            <source>brugdesk-import.xlsx</source>
            <translation>brugdesk-import.xlsx</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel-werkmap (*.xlsx)</translation>
        </message>
        <message>
            <source>The template could not be saved.</source>
            <translation>Het sjabloon kon niet worden opgeslagen.</translation>
        </message>
        <message>
            <source>Template saved: %1</source>
            <translation>Sjabloon opgeslagen: %1</translation>
        </message>
        <message>
            <source>(skip)</source>
            <translation>(overslaan)</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>kolom %1</translation>
        </message>
        <message>
            <source>Field of column %1</source>
            <translation>Veld van kolom %1</translation>
        </message>
        <message>
            <source>Load mapping</source>
            <translation>Indeling laden</translation>
        </message>
        <message>
            <source>Mapping (*.json)</source>
            <translation>Kolomindeling (*.json)</translation>
        </message>
        <message>
            <source>The mapping file could not be read.</source>
            <translation>Het indelingsbestand kon niet worden gelezen.</translation>
        </message>
        <message>
            <source>Save mapping</source>
            <translation>Indeling opslaan</translation>
        </message>
        <message>
            <source>mapping.json</source>
            <translation>kolomindeling.json</translation>
        </message>
        <message>
            <source>The mapping could not be saved.</source>
            <translation>De indeling kon niet worden opgeslagen.</translation>
        </message>
        <message>
            <source>Mapping saved: %1</source>
            <translation>Indeling opgeslagen: %1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fout</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Let op</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>%1 rows read: %2 without an error, %3 with an error (not imported).</source>
            <translation>%1 rijen gelezen: %2 zonder fout, %3 met een fout (worden niet geïmporteerd).</translation>
        </message>
        <message>
            <source>New families: %1, with %2 members. Already in the vault: %3.</source>
            <translation>Nieuwe gezinnen: %1, met %2 gezinsleden. Al in de kluis: %3.</translation>
        </message>
        <message>
            <source>Contact moments: %1.</source>
            <translation>Contactmomenten: %1.</translation>
        </message>
        <message>
            <source>What to do with %1</source>
            <translation>Wat te doen met %1</translation>
        </message>
        <message>
            <source>Skip (leave the family as it is)</source>
            <translation>Overslaan (het gezin blijft zoals het is)</translation>
        </message>
        <message>
            <source>Merge (add the members it does not have yet)</source>
            <translation>Samenvoegen (de gezinsleden toevoegen die er nog niet zijn)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>Imported: %1 new families, %2 members, %3 contact moments.</source>
            <translation>Geïmporteerd: %1 nieuwe gezinnen, %2 gezinsleden, %3 contactmomenten.</translation>
        </message>
        <message>
            <source>The spreadsheet %1 still holds these data unencrypted. Delete it (and empty the recycle bin) when you no longer need it.</source>
            <translation>De spreadsheet %1 bevat deze gegevens nog onversleuteld. Verwijder hem (en leeg de prullenbak) als je hem niet meer nodig hebt.</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Map openen</translation>
        </message>
        <message>
            <source>The folder could not be opened: %1</source>
            <translation>De map kon niet worden geopend: %1</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Import ongedaan maken</translation>
        </message>
        <message>
            <source>Remove everything this import added: %1 families, %2 members and %3 contact moments?</source>
            <translation>Alles verwijderen wat deze import heeft toegevoegd: %1 gezinnen, %2 gezinsleden en %3 contactmomenten?</translation>
        </message>
        <message>
            <source>&amp;Undo import</source>
            <translation>Import &amp;ongedaan maken</translation>
        </message>
        <message>
            <source>The import was undone: nothing of it is left in the vault.</source>
            <translation>De import is ongedaan gemaakt: er staat niets meer van in de kluis.</translation>
        </message>
    </context>
    <context>
        <name>InspectionExport</name>
        <message>
            <source>Inspection export</source>
            <translation>Inzage-export</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Pdf-bestanden (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be saved: %1</source>
            <translation>De pdf kon niet worden opgeslagen: %1</translation>
        </message>
        <message>
            <source>The inspection export was saved as %1.</source>
            <translation>De inzage-export is opgeslagen als %1.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Registered</source>
            <extracomment>the English source of each status and role label; translated one at a time when shown (a list of 30,000 families asks for a label per painted cell)</extracomment>
            <translation>Aangemeld</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Actief</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Afgesloten</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Voorgesteld</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Doorverwezen</translation>
        </message>
        <message>
            <source>Accepted / started</source>
            <translation>Geaccepteerd / gestart</translation>
        </message>
        <message>
            <source>Waiting list</source>
            <translation>Wachtlijst</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Afgerond</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Afgewezen</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Gestopt</translation>
        </message>
        <message>
            <source>Parent / carer</source>
            <translation>Ouder / verzorger</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>%n min</source>
            <translation>%n min</translation>
        </message>
    </context>
    <context>
        <name>ListsTab</name>
        <message>
            <source>List</source>
            <extracomment>the choice of the list combo that shows the text snippets</extracomment>
            <translation>Lijst</translation>
        </message>
        <message>
            <source>Text snippets (for notes)</source>
            <translation>Tekstblokken (voor notities)</translation>
        </message>
        <message>
            <source>&amp;List</source>
            <translation>&amp;Lijst</translation>
        </message>
        <message>
            <source>Items of the list</source>
            <translation>Onderdelen van de lijst</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>La&amp;bel</source>
            <translation>Na&amp;am</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Toevoegen</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>Her&amp;noemen</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>&amp;Verbergen</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Om&amp;hoog</translation>
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation>Omlaa&amp;g</translation>
        </message>
        <message>
            <source>Hidden items are no longer offered for new entries; what was recorded with them keeps its label, and reports still count it.</source>
            <translation>Verborgen onderdelen worden niet meer aangeboden bij nieuwe invoer; wat ermee is vastgelegd houdt zijn naam, en rapportages tellen het nog mee.</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Thema's</translation>
        </message>
        <message>
            <source>Kinds of contact</source>
            <translation>Soorten contact</translation>
        </message>
        <message>
            <source>Contact with</source>
            <translation>Contact met</translation>
        </message>
        <message>
            <source>Signal sources</source>
            <translation>Signaalbronnen</translation>
        </message>
        <message>
            <source>Kinds of partner</source>
            <translation>Soorten partners</translation>
        </message>
        <message>
            <source>Outcomes of closing</source>
            <translation>Uitkomsten bij afsluiten</translation>
        </message>
        <message>
            <source>Kinds of group activity</source>
            <translation>Soorten groepsactiviteiten</translation>
        </message>
        <message>
            <source>%1 (hidden)</source>
            <translation>%1 (verborgen)</translation>
        </message>
        <message>
            <source>S&amp;how again</source>
            <translation>Weer t&amp;onen</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Overview</source>
            <extracomment>The pages in navigation order (Ctrl+1 … Ctrl+9).</extracomment>
            <translation>Overzicht</translation>
        </message>
        <message>
            <source>Families</source>
            <translation>Gezinnen</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Acties</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Doorverwijzingen</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Group activities</source>
            <translation>Groepsactiviteiten</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Rapportages</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>Navigation</source>
            <extracomment>the first window ever (no size kept yet) is centred on its screen when shown</extracomment>
            <translation>Navigatie</translation>
        </message>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation>%1 (Ctrl+%2)</translation>
        </message>
        <message>
            <source>brugdesk (locked)</source>
            <translation>brugdesk (vergrendeld)</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Rol:</translation>
        </message>
        <message>
            <source>&amp;First name:</source>
            <translation>&amp;Voornaam:</translation>
        </message>
        <message>
            <source>&amp;Last name:</source>
            <translation>&amp;Achternaam:</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <source>&amp;Birth year:</source>
            <translation>Geboorte&amp;jaar:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(geen)</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>&amp;School:</translation>
        </message>
        <message>
            <source>e.g. groep 5 or 2B</source>
            <translation>bijv. groep 5 of 2B</translation>
        </message>
        <message>
            <source>&amp;Group / class:</source>
            <translation>&amp;Groep / klas:</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>&amp;Notities:</translation>
        </message>
        <message>
            <source>Add a family member</source>
            <translation>Gezinslid toevoegen</translation>
        </message>
        <message>
            <source>Edit family member</source>
            <translation>Gezinslid bewerken</translation>
        </message>
    </context>
    <context>
        <name>MemberModel</name>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>Geboortejaar</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Group / class</source>
            <translation>Groep / klas</translation>
        </message>
    </context>
    <context>
        <name>NewRecoveryKeyDialog</name>
        <message>
            <source>New recovery key</source>
            <translation>Nieuwe herstelsleutel</translation>
        </message>
        <message>
            <source>A new recovery key replaces the old one: the old key and its printed sheet stop working for this vault and for the backups on this computer. Backups on other disks or USB sticks still open with the old key only. Your passphrase stays the same.</source>
            <translation>Een nieuwe herstelsleutel vervangt de oude: de oude sleutel en het geprinte blad werken dan niet meer voor deze kluis en voor de reservekopieën op deze computer. Reservekopieën op andere schijven of USB-sticks gaan alleen nog open met de oude sleutel. Je wachtwoord blijft hetzelfde.</translation>
        </message>
        <message>
            <source>Your passphrase</source>
            <translation>Je wachtwoord</translation>
        </message>
        <message>
            <source>Your &amp;passphrase</source>
            <translation>Je &amp;wachtwoord</translation>
        </message>
        <message>
            <source>&amp;Make a new recovery key</source>
            <translation>&amp;Nieuwe herstelsleutel maken</translation>
        </message>
        <message>
            <source>&amp;Save recovery sheet (PDF)…</source>
            <translation>Herstelblad &amp;opslaan (pdf)…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Typ je wachtwoord.</translation>
        </message>
        <message>
            <source>Making the new key…</source>
            <translation>De nieuwe sleutel wordt gemaakt…</translation>
        </message>
        <message>
            <source>Your new recovery key (shown only now; print it or write it down):</source>
            <translation>Je nieuwe herstelsleutel (alleen nu zichtbaar; print hem of schrijf hem op):</translation>
        </message>
        <message>
            <source>This is not your passphrase.</source>
            <translation>Dit is niet je wachtwoord.</translation>
        </message>
        <message>
            <source>The vault is also open in another brugdesk window or command. Close it there and try again; no new key was made.</source>
            <translation>De kluis is ook geopend in een ander brugdesk-venster of -commando. Sluit hem daar en probeer het opnieuw; er is geen nieuwe sleutel gemaakt.</translation>
        </message>
        <message>
            <source>No new recovery key was made (%1); the old one still works.</source>
            <translation>Er is geen nieuwe herstelsleutel gemaakt (%1); de oude werkt nog.</translation>
        </message>
        <message>
            <source>Save recovery sheet</source>
            <translation>Herstelblad opslaan</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Pdf-bestanden (*.pdf)</translation>
        </message>
        <message>
            <source>The sheet could not be saved: %1</source>
            <translation>Het blad kon niet worden opgeslagen: %1</translation>
        </message>
        <message>
            <source>The recovery sheet was saved.</source>
            <translation>Het herstelblad is opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>OfficerPage</name>
        <message>
            <source>Welcome to brugdesk</source>
            <translation>Welkom bij brugdesk</translation>
        </message>
        <message>
            <source>brugdesk keeps your case notes encrypted on this computer. First, who are you?</source>
            <translation>brugdesk bewaart je dossiers versleuteld op deze computer. Eerst: wie ben je?</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Je naam</translation>
        </message>
        <message>
            <source>Bridge officer</source>
            <translation>Brugfunctionaris</translation>
        </message>
        <message>
            <source>School social worker</source>
            <translation>Schoolmaatschappelijk werker</translation>
        </message>
        <message>
            <source>Parent consultant</source>
            <translation>Ouderconsulent</translation>
        </message>
        <message>
            <source>Your role</source>
            <translation>Je functie</translation>
        </message>
        <message>
            <source>Your &amp;name</source>
            <translation>Je &amp;naam</translation>
        </message>
        <message>
            <source>Your &amp;role</source>
            <translation>Je &amp;functie</translation>
        </message>
        <message>
            <source>Your name is stored inside the encrypted vault only. It is never printed on reports.</source>
            <translation>Je naam wordt alleen in de versleutelde kluis bewaard. Hij komt nooit op rapportages.</translation>
        </message>
        <message>
            <source>Type your name.</source>
            <translation>Typ je naam.</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <source>&amp;Follow-ups due today and overdue</source>
            <translation>&amp;Acties voor vandaag en te laat</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Today's &amp;appointments</source>
            <translation>Vandaag in je a&amp;genda</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tijd</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Today's appointments</source>
            <translation>Vandaag in je agenda</translation>
        </message>
        <message>
            <source>No appointments today.</source>
            <translation>Geen afspraken vandaag.</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Actie</translation>
        </message>
        <message>
            <source>Follow-ups due today and overdue</source>
            <translation>Acties voor vandaag en te laat</translation>
        </message>
        <message>
            <source>Nothing due today. Well done.</source>
            <translation>Niets te doen vandaag. Goed bezig.</translation>
        </message>
        <message>
            <source>&amp;Referrals waiting for an answer</source>
            <translation>&amp;Verwijzingen die op antwoord wachten</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Sinds</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Partner</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Referrals waiting for an answer</source>
            <translation>Verwijzingen die op antwoord wachten</translation>
        </message>
        <message>
            <source>No referral is waiting for an answer.</source>
            <translation>Geen verwijzing wacht op antwoord.</translation>
        </message>
        <message>
            <source>families active</source>
            <translation>gezinnen actief</translation>
        </message>
        <message>
            <source>new families</source>
            <translation>nieuwe gezinnen</translation>
        </message>
        <message>
            <source>contacts</source>
            <translation>contacten</translation>
        </message>
        <message>
            <source>hours of contact</source>
            <translation>uur contact</translation>
        </message>
        <message>
            <source>home visits</source>
            <translation>huisbezoeken</translation>
        </message>
        <message>
            <source>&amp;Log a contact…  (Ctrl+N)</source>
            <translation>&amp;Contact vastleggen…  (Ctrl+N)</translation>
        </message>
        <message>
            <source>proposed</source>
            <translation>voorgesteld</translation>
        </message>
        <message>
            <source>referred</source>
            <translation>doorverwezen</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>geaccepteerd</translation>
        </message>
        <message>
            <source>waiting list</source>
            <translation>wachtlijst</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>afgerond</translation>
        </message>
        <message>
            <source>declined</source>
            <translation>afgewezen</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>gestopt</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Vandaag, %1</translation>
        </message>
        <message>
            <source>(no family)</source>
            <translation>(geen gezin)</translation>
        </message>
        <message>
            <source>(happened)</source>
            <translation>(gebeurd)</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>hele dag</translation>
        </message>
        <message>
            <source>(1 day late)</source>
            <translation>(1 dag te laat)</translation>
        </message>
        <message>
            <source>(%1 days late)</source>
            <translation>(%1 dagen te laat)</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more: show all on Acties</source>
            <translation>
                <numerusform>… en nog %n: alles op Acties</numerusform>
                <numerusform>… en nog %n: alles op Acties</numerusform>
            </translation>
        </message>
        <message>
            <source>(waiting too long)</source>
            <translation>(wacht te lang)</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more referral(s) waiting: show them all</source>
            <translation>
                <numerusform>… en nog %n doorverwijzing wacht: alles op Doorverwijzingen</numerusform>
                <numerusform>… en nog %n doorverwijzingen wachten: alles op Doorverwijzingen</numerusform>
            </translation>
        </message>
        <message>
            <source>This term: %1 (%2 – %3)</source>
            <translation>Deze periode: %1 (%2 – %3)</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <source>Your passphrase</source>
            <translation>Je wachtwoordzin</translation>
        </message>
        <message>
            <source>The passphrase opens your vault. Choose at least 10 characters — a short sentence you can remember works well. Nobody can reset it for you.</source>
            <translation>De wachtwoordzin opent je kluis. Kies minstens 10 tekens — een korte zin die je kunt onthouden werkt goed. Niemand kan hem voor je herstellen.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Herhaal de wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;Repeat it</source>
            <translation>&amp;Herhaal</translation>
        </message>
        <message>
            <source>&amp;Create the vault</source>
            <translation>&amp;Kluis maken</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
        <message>
            <source>Making your vault…</source>
            <translation>Je kluis wordt gemaakt…</translation>
        </message>
    </context>
    <context>
        <name>PassphraseTab</name>
        <message>
            <source>Current passphrase</source>
            <translation>Huidige wachtwoordzin</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Herhaal de nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>C&amp;urrent passphrase</source>
            <translation>H&amp;uidige wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>&amp;Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>&amp;Herhaal</translation>
        </message>
        <message>
            <source>&amp;Change passphrase</source>
            <translation>Wachtwoordzin &amp;wijzigen</translation>
        </message>
        <message>
            <source>The recovery key stays the same. The keyring item on this computer keeps working.</source>
            <translation>De herstelsleutel blijft hetzelfde. De sleutelbos op deze computer blijft werken.</translation>
        </message>
        <message>
            <source>Type your current passphrase.</source>
            <translation>Typ je huidige wachtwoordzin.</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on.</source>
            <translation>De wachtwoordzin is gewijzigd. Gebruik vanaf nu de nieuwe.</translation>
        </message>
        <message>
            <source>This is not your current passphrase.</source>
            <translation>Dit is niet je huidige wachtwoordzin.</translation>
        </message>
        <message>
            <source>The passphrase could not be changed (%1); the old one still works.</source>
            <translation>De wachtwoordzin kon niet worden gewijzigd (%1); de oude werkt nog.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Page %1 of %2</source>
            <extracomment>never render wider than this many pixels per page (a 4K screen at full width)</extracomment>
            <translation>Pagina %1 van %2</translation>
        </message>
    </context>
    <context>
        <name>PrivacyTab</name>
        <message>
            <source>Backups</source>
            <translation>Reservekopieën</translation>
        </message>
        <message>
            <source>brugdesk makes a verified, encrypted backup every day and when it locks or closes, and keeps one per day for 7 days and one per week for 4 weeks. A backup opens with your passphrase or recovery key.</source>
            <translation>brugdesk maakt elke dag en bij vergrendelen of afsluiten een gecontroleerde, versleutelde reservekopie en bewaart er één per dag voor 7 dagen en één per week voor 4 weken. Een reservekopie gaat open met je wachtwoord of herstelsleutel.</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>&amp;Nu een reservekopie maken</translation>
        </message>
        <message>
            <source>Back up to &amp;folder or USB stick…</source>
            <translation>Reservekopie naar &amp;map of USB-stick…</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>Reservekopie &amp;terugzetten…</translation>
        </message>
        <message>
            <source>Making the backup…</source>
            <translation>De reservekopie wordt gemaakt…</translation>
        </message>
        <message>
            <source>Choose a folder or USB stick for the backup</source>
            <translation>Kies een map of USB-stick voor de reservekopie</translation>
        </message>
        <message>
            <source>Backup made and verified: %1</source>
            <translation>Reservekopie gemaakt en gecontroleerd: %1</translation>
        </message>
        <message>
            <source>The backup failed (%1).</source>
            <translation>De reservekopie is mislukt (%1).</translation>
        </message>
        <message>
            <source>Retention period</source>
            <translation>Bewaartermijn</translation>
        </message>
        <message>
            <source> years after closing</source>
            <translation> jaar na afsluiten</translation>
        </message>
        <message>
            <source>Retention period in years</source>
            <translation>Bewaartermijn in jaren</translation>
        </message>
        <message>
            <source>&amp;Keep a closed family's data for</source>
            <translation>Gegevens van een afgesloten gezin &amp;bewaren tot</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>Op&amp;slaan</translation>
        </message>
        <message>
            <source>Families past their retention period are listed on the Overview page; you review them and confirm before anything is deleted.</source>
            <translation>Gezinnen die over hun bewaartermijn zijn, staan op de pagina Overzicht; je bekijkt ze en bevestigt voordat er iets wordt verwijderd.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Opgeslagen.</translation>
        </message>
        <message>
            <source>Requests from parents</source>
            <translation>Verzoeken van ouders</translation>
        </message>
        <message>
            <source>Parents may ask to see everything stored about their family (inspection, AVG article 15) or to have it erased (article 17).</source>
            <translation>Ouders mogen alles inzien wat over hun gezin is vastgelegd (inzage, AVG artikel 15) of vragen het te wissen (artikel 17).</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Fa&amp;mily</source>
            <translation>&amp;Gezin</translation>
        </message>
        <message>
            <source>&amp;Inspection export…</source>
            <translation>&amp;Inzage-export…</translation>
        </message>
        <message>
            <source>&amp;Erase this family…</source>
            <translation>Dit gezin &amp;wissen…</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <source>Lost the recovery sheet, or afraid someone saw it? Make a new recovery key: the vault is re-encrypted with a new key and the old sheet stops working.</source>
            <translation>Herstelblad kwijt, of bang dat iemand het heeft gezien? Maak een nieuwe herstelsleutel: de kluis wordt opnieuw versleuteld met een nieuwe sleutel en het oude blad werkt niet meer.</translation>
        </message>
        <message>
            <source>Make a ne&amp;w recovery key…</source>
            <translation>Nieuwe &amp;herstelsleutel maken…</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Auditlog</translation>
        </message>
        <message>
            <source>Every unlock, view, change, export, report, backup, restore and purge is recorded here — without names or notes. Each entry is sealed to the one before it, so a changed or removed entry is noticed.</source>
            <translation>Elk ontgrendelen, inzien, wijzigen, exporteren, rapporteren, elke reservekopie, elk terugzetten en verwijderen wordt hier vastgelegd — zonder namen of notities. Elke regel is verzegeld aan de vorige, zodat een gewijzigde of verwijderde regel opvalt.</translation>
        </message>
        <message>
            <source>&amp;Check the audit log</source>
            <translation>Auditlog &amp;controleren</translation>
        </message>
        <message>
            <source>The audit log is complete and unchanged.</source>
            <translation>Het auditlog is compleet en ongewijzigd.</translation>
        </message>
        <message>
            <source>The audit log was changed or shortened, starting at entry %1.</source>
            <translation>Het auditlog is gewijzigd of ingekort, vanaf regel %1.</translation>
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ja</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Nee</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyPage</name>
        <message>
            <source>Your recovery key</source>
            <translation>Je herstelsleutel</translation>
        </message>
        <message>
            <source>This key opens the vault when the passphrase is forgotten. It is shown only now: save it as a PDF and print it, and keep the paper locked away.</source>
            <translation>Deze sleutel opent de kluis als je de wachtwoordzin vergeten bent. Je ziet hem alleen nu: bewaar hem als pdf, druk hem af en berg het papier achter slot op.</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>Op&amp;slaan als pdf…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Afdrukken…</translation>
        </message>
        <message>
            <source>Save the recovery sheet</source>
            <translation>Herstelblad opslaan</translation>
        </message>
        <message>
            <source>brugdesk-recovery-key.pdf</source>
            <translation>brugdesk-herstelsleutel.pdf</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Pdf-bestanden (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be saved (%1). Choose another place.</source>
            <translation>De pdf kon niet worden opgeslagen (%1). Kies een andere plek.</translation>
        </message>
        <message>
            <source>Saved as %1. Print it, then keep the paper somewhere safe and remove the file if it is on a shared disk.</source>
            <translation>Opgeslagen als %1. Druk hem af, berg het papier veilig op en verwijder het bestand als het op een gedeelde schijf staat.</translation>
        </message>
        <message>
            <source>brugdesk recovery key</source>
            <translation>brugdesk-herstelsleutel</translation>
        </message>
        <message>
            <source>This key opens your brugdesk vault when the passphrase is forgotten. Keep this paper locked away, apart from the laptop.</source>
            <translation>Deze sleutel opent je brugdesk-kluis als je de wachtwoordzin vergeten bent. Berg dit papier achter slot op, apart van de laptop.</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Naar de printer gestuurd.</translation>
        </message>
    </context>
    <context>
        <name>ReferralDialog</name>
        <message>
            <source>Choose or type a new organisation</source>
            <translation>Kies of typ een nieuwe organisatie</translation>
        </message>
        <message>
            <source>&amp;Partner:</source>
            <translation>&amp;Netwerkpartner:</translation>
        </message>
        <message>
            <source>Kind of partner (&amp;new):</source>
            <translation>Soort partner (nie&amp;uw):</translation>
        </message>
        <message>
            <source>Name and phone of the person there</source>
            <translation>Naam en telefoon van de persoon daar</translation>
        </message>
        <message>
            <source>Con&amp;tact person:</source>
            <translation>&amp;Contactpersoon:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Datum:</translation>
        </message>
        <message>
            <source>What the family needs from the partner</source>
            <translation>Wat het gezin van de partner nodig heeft</translation>
        </message>
        <message>
            <source>Hulp&amp;vraag:</source>
            <translation>Hul&amp;pvraag:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>Th&amp;ema's:</translation>
        </message>
        <message>
            <source>recorded on</source>
            <translation>vastgelegd op</translation>
        </message>
        <message>
            <source>Sharing &amp;consent:</source>
            <translation>Toestemming om te de&amp;len:</translation>
        </message>
        <message>
            <source>e.g. both parents</source>
            <translation>bijv. beide ouders</translation>
        </message>
        <message>
            <source>Consent given &amp;by:</source>
            <translation>Gegeven doo&amp;r:</translation>
        </message>
        <message>
            <source>Warm handover (introduced in person)</source>
            <translation>ja, persoonlijk voorgesteld</translation>
        </message>
        <message>
            <source>&amp;Handover:</source>
            <translation>&amp;Warme overdracht:</translation>
        </message>
        <message>
            <source>&amp;Outcome note:</source>
            <translation>Notitie over &amp;afloop:</translation>
        </message>
        <message>
            <source>Edit referral</source>
            <translation>Doorverwijzing bewerken</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>Nieuwe doorverwijzing</translation>
        </message>
        <message>
            <source>Choose a partner or type the organisation's name.</source>
            <translation>Kies een netwerkpartner of typ de naam van de organisatie.</translation>
        </message>
    </context>
    <context>
        <name>ReferralListModel</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n dag</numerusform>
                <numerusform>%n dagen</numerusform>
            </translation>
        </message>
        <message>
            <source>(too long)</source>
            <translation>(te lang)</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Kenmerk</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Partner</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Sinds</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wacht</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
    </context>
    <context>
        <name>ReferralModel</name>
        <message>
            <source>not recorded</source>
            <translation>niet vastgelegd</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Netwerkpartner</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Sinds</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Thema's</translation>
        </message>
        <message>
            <source>Sharing consent</source>
            <translation>Toestemming delen</translation>
        </message>
        <message>
            <source>Warm handover</source>
            <translation>Warme overdracht</translation>
        </message>
    </context>
    <context>
        <name>ReferralStatusDialog</name>
        <message>
            <source>Change referral status</source>
            <extracomment>The order in which next statuses are offered (the usual path first).</extracomment>
            <translation>Status van de doorverwijzing wijzigen</translation>
        </message>
        <message>
            <source>Current status:</source>
            <translation>Huidige status:</translation>
        </message>
        <message>
            <source>&amp;New status:</source>
            <translation>&amp;Nieuwe status:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Datum:</translation>
        </message>
        <message>
            <source>What happened (optional), e.g. intake planned on 12-3</source>
            <translation>Wat er gebeurde (niet verplicht), bijv. intake gepland op 12-3</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>No&amp;titie:</translation>
        </message>
        <message>
            <source>&amp;Change status</source>
            <translation>Status &amp;wijzigen</translation>
        </message>
        <message>
            <source>%1 since %2</source>
            <translation>%1 sinds %2</translation>
        </message>
        <message>
            <source>no further status is possible</source>
            <translation>er is geen volgende status mogelijk</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <source>Filter on status</source>
            <extracomment>status filter choices that are a group of statuses (the rest: one status each)</extracomment>
            <translation>Filter op status</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Alle statussen</translation>
        </message>
        <message>
            <source>Waiting (proposed, referred, waiting list)</source>
            <translation>Wachtend (voorgesteld, doorverwezen, wachtlijst)</translation>
        </message>
        <message>
            <source>Open (not finished)</source>
            <translation>Lopend (niet afgerond)</translation>
        </message>
        <message>
            <source>Filter on kind of partner</source>
            <translation>Filter op soort partner</translation>
        </message>
        <message>
            <source>Filter on school</source>
            <translation>Filter op school</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>&amp;Kind of partner:</source>
            <translation>&amp;Soort partner:</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Doorverwijzingen</translation>
        </message>
        <message>
            <source>Hulpvraag</source>
            <translation>Hulpvraag</translation>
        </message>
        <message>
            <source>Contact person at the partner</source>
            <translation>Contactpersoon bij de partner</translation>
        </message>
        <message>
            <source>Hulpvraag:</source>
            <translation>Hulpvraag:</translation>
        </message>
        <message>
            <source>Contact person:</source>
            <translation>Contactpersoon:</translation>
        </message>
        <message>
            <source>Status hist&amp;ory:</source>
            <translation>Statusgeschie&amp;denis:</translation>
        </message>
        <message>
            <source>Status history of the selected referral</source>
            <translation>Statusgeschiedenis van de gekozen doorverwijzing</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Stat&amp;us wijzigen…</translation>
        </message>
        <message>
            <source>Move the selected referral to its next status, with a note (Enter)</source>
            <translation>De gekozen doorverwijzing naar de volgende status, met een notitie (Enter)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bewerken…</translation>
        </message>
        <message>
            <source>Edit the hulpvraag, contact person and other details</source>
            <translation>De hulpvraag, de contactpersoon en de andere gegevens bewerken</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>&amp;Gezin openen</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Alle soorten</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>Alle scholen</translation>
        </message>
        <message numerus="yes">
            <source>Only those waiting too &amp;long (over %n day(s))</source>
            <translation>
                <numerusform>Alleen wat te &amp;lang wacht (meer dan %n dag)</numerusform>
                <numerusform>Alleen wat te &amp;lang wacht (meer dan %n dagen)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referral(s)</source>
            <translation>
                <numerusform>%n doorverwijzing</numerusform>
                <numerusform>%n doorverwijzingen</numerusform>
            </translation>
        </message>
        <message>
            <source>No referral selected.</source>
            <translation>Geen doorverwijzing gekozen.</translation>
        </message>
        <message>
            <source>No referral matches these filters.</source>
            <translation>Geen doorverwijzing past bij deze filters.</translation>
        </message>
        <message>
            <source>%1 (%2) → %3, since %4</source>
            <translation>%1 (%2) → %3, sinds %4</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(niet vastgelegd)</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>Appointment at %1</source>
            <extracomment>minutes before the start that an appointment reminds today's and tomorrow's planned appointments: (id, start, kind label); no family, no note</extracomment>
            <translation>Afspraak om %1</translation>
        </message>
        <message>
            <source>%1. Unlock brugdesk to see the details.</source>
            <translation>%1. Ontgrendel brugdesk om de details te zien.</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>ReportChoices</name>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>Eerste dag</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Laatste dag</translation>
        </message>
        <message>
            <source>from</source>
            <translation>van</translation>
        </message>
        <message>
            <source>to</source>
            <translation>tot en met</translation>
        </message>
        <message>
            <source>Only for yourself — not for sharing</source>
            <translation>Alleen voor jezelf — niet om te delen</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Toelichting</translation>
        </message>
        <message>
            <source>Printed on the first page of the report. Before saving it is checked for names from your files.</source>
            <translation>Komt op de eerste pagina van de rapportage. Voor het opslaan wordt gecontroleerd of er geen namen uit je dossiers in staan.</translation>
        </message>
        <message>
            <source>What the numbers do not say: context, developments, plans. No names.</source>
            <translation>Wat de cijfers niet zeggen: achtergrond, ontwikkelingen, plannen. Geen namen.</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Periode:</translation>
        </message>
        <message>
            <source>&amp;School:</source>
            <translation>&amp;School:</translation>
        </message>
        <message>
            <source>&amp;Remarks (first page of the report):</source>
            <translation>&amp;Toelichting (eerste pagina van de rapportage):</translation>
        </message>
        <message>
            <source>Only a school year, a term or a calendar year can be saved and shared; other dates are for your own screen.</source>
            <translation>Alleen een schooljaar, een periode of een kalenderjaar kan worden opgeslagen en gedeeld; andere datums zijn voor je eigen scherm.</translation>
        </message>
        <message>
            <source>%1 (interim figures)</source>
            <translation>%1 (tussenstand)</translation>
        </message>
        <message>
            <source>Other dates (only for yourself)…</source>
            <translation>Andere datums (alleen voor jezelf)…</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>Alle scholen</translation>
        </message>
        <message>
            <source>Small numbers: k = %1, set in Instellingen (the same for every report).</source>
            <translation>Kleine aantallen: k = %1, in te stellen bij Instellingen (voor elke rapportage dezelfde).</translation>
        </message>
        <message>
            <source>%1: the period is still running; the report counts up to and including that day.</source>
            <translation>%1: de periode loopt nog; de rapportage telt tot en met die dag.</translation>
        </message>
        <message>
            <source>%1 of at most %2 characters</source>
            <translation>%1 van hoogstens %2 tekens</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Save as P&amp;DF…</source>
            <extracomment>the changes that alter what a report counts (not an export, a backup or a new key)</extracomment>
            <translation>Opslaan als P&amp;DF…</translation>
        </message>
        <message>
            <source>Save as &amp;CSV…</source>
            <translation>Opslaan als &amp;CSV…</translation>
        </message>
        <message>
            <source>Anonymised report</source>
            <translation>Geanonimiseerde rapportage</translation>
        </message>
        <message>
            <source>Preview of the report</source>
            <translation>Voorbeeld van de rapportage</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Bezig</translation>
        </message>
        <message>
            <source>A summary for school leadership without names or notes, for a school year, a term or a calendar year; small numbers are hidden.</source>
            <translation>Een overzicht voor de schoolleiding zonder namen of notities, over een schooljaar, een periode of een kalenderjaar; kleine aantallen worden verborgen.</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Rapportage wordt gemaakt…</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n pagina</numerusform>
                <numerusform>%n pagina's</numerusform>
            </translation>
        </message>
        <message>
            <source>The report could not be made (%1).</source>
            <translation>De rapportage kon niet worden gemaakt (%1).</translation>
        </message>
        <message>
            <source>The remarks are %1 characters long; at most %2 fit on the first page.</source>
            <translation>De toelichting is %1 tekens lang; er passen er hoogstens %2 op de eerste pagina.</translation>
        </message>
        <message>
            <source>Save report as PDF</source>
            <translation>Rapportage opslaan als PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-bestanden (*.pdf)</translation>
        </message>
        <message>
            <source>Save report as CSV</source>
            <translation>Rapportage opslaan als CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <source>Saving the report…</source>
            <translation>Rapportage wordt opgeslagen…</translation>
        </message>
        <message>
            <source>Name in the remarks</source>
            <translation>Naam in de toelichting</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Niet opgeslagen</translation>
        </message>
        <message>
            <source>The report could not be saved: %1</source>
            <translation>De rapportage kon niet worden opgeslagen: %1</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Opgeslagen: %1</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <extracomment>the vault after a successful restore (already attached when there is a session)</extracomment>
            <translation>Reservekopie terugzetten</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. brugdesk first checks that it opens with this vault's key and is undamaged. The current database is then kept aside (never deleted) and replaced by the backup; changes made after the backup are not in it.</source>
            <translation>Kies de reservekopie waarnaar je terug wilt. brugdesk controleert eerst of hij opengaat met de sleutel van deze kluis en onbeschadigd is. De huidige database wordt daarna apart bewaard (nooit verwijderd) en vervangen door de reservekopie; wijzigingen van na de reservekopie staan er niet in.</translation>
        </message>
        <message>
            <source>Passphrase or recovery key</source>
            <translation>Wachtwoord of herstelsleutel</translation>
        </message>
        <message>
            <source>This is the &amp;recovery key</source>
            <translation>Dit is de &amp;herstelsleutel</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Wachtwoord</translation>
        </message>
        <message>
            <source>This is a backup of &amp;another vault</source>
            <translation>Dit is een reservekopie van een andere &amp;kluis</translation>
        </message>
        <message>
            <source>Its data then replaces this vault's; it opens with this vault's passphrase and recovery key afterwards.</source>
            <translation>De gegevens ervan vervangen dan die van deze kluis; daarna gaat hij open met de wachtwoordzin en herstelsleutel van deze kluis.</translation>
        </message>
        <message>
            <source>Recovery key of &amp;that vault</source>
            <translation>Herstelsleutel van &amp;die kluis</translation>
        </message>
        <message>
            <source>Recovery key of the other vault</source>
            <translation>Herstelsleutel van de andere kluis</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Reservekopieën</translation>
        </message>
        <message>
            <source>&amp;Other file…</source>
            <translation>&amp;Ander bestand…</translation>
        </message>
        <message>
            <source>&amp;Check this backup</source>
            <translation>Deze reservekopie &amp;controleren</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Terugzetten</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>There are no backups in this vault yet. Choose a backup file with 'Other file…'.</source>
            <translation>Deze kluis heeft nog geen reservekopieën. Kies een reservekopie met 'Ander bestand…'.</translation>
        </message>
        <message>
            <source>Choose a backup file</source>
            <translation>Kies een reservekopie</translation>
        </message>
        <message>
            <source>brugdesk backups (*.bdbackup);;All files (*)</source>
            <translation>brugdesk-reservekopieën (*.bdbackup);;Alle bestanden (*)</translation>
        </message>
        <message>
            <source>Type the recovery key of the vault this backup comes from.</source>
            <translation>Typ de herstelsleutel van de kluis waar deze reservekopie vandaan komt.</translation>
        </message>
        <message>
            <source>Type your passphrase or recovery key.</source>
            <translation>Typ je wachtwoord of herstelsleutel.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Bezig met controleren…</translation>
        </message>
        <message>
            <source>None of the backups in this vault can be used. Choose a backup file with 'Other file…'.</source>
            <translation>Geen van de reservekopieën in deze kluis is bruikbaar. Kies een reservekopie met 'Ander bestand…'.</translation>
        </message>
        <message numerus="yes">
            <source>This backup is complete and undamaged; it holds %n family(ies).</source>
            <translation>
                <numerusform>Deze reservekopie is compleet en onbeschadigd; er staat %n gezin in.</numerusform>
                <numerusform>Deze reservekopie is compleet en onbeschadigd; er staan %n gezinnen in.</numerusform>
            </translation>
        </message>
        <message>
            <source>This backup does not open with the recovery key you typed for the other vault. Nothing was changed.</source>
            <translation>Deze reservekopie gaat niet open met de herstelsleutel die je voor de andere kluis hebt getypt. Er is niets veranderd.</translation>
        </message>
        <message>
            <source>This backup does not open with this vault's key. If it is a backup of another vault, tick 'This is a backup of another vault' and type that vault's recovery key. Nothing was changed.</source>
            <translation>Deze reservekopie gaat niet open met de sleutel van deze kluis. Is het een reservekopie van een andere kluis, vink dan 'Dit is een reservekopie van een andere kluis' aan en typ de herstelsleutel van die kluis. Er is niets veranderd.</translation>
        </message>
        <message>
            <source>This backup cannot be used: it does not open with this vault's key or is damaged. Choose another one.</source>
            <translation>Deze reservekopie is niet bruikbaar: hij gaat niet open met de sleutel van deze kluis of is beschadigd. Kies een andere.</translation>
        </message>
        <message>
            <source>This vault's data is replaced by the data of the other vault this backup comes from. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault, with this vault's passphrase and recovery key.</source>
            <translation>De gegevens van deze kluis worden vervangen door die van de andere kluis waar deze reservekopie vandaan komt. De huidige database wordt apart bewaard in de map van de kluis. brugdesk vergrendelt even en opent dan de teruggezette kluis, met de wachtwoordzin en herstelsleutel van deze kluis.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Deze reservekopie terugzetten?</translation>
        </message>
        <message>
            <source>Restore &amp;anyway</source>
            <translation>Toch &amp;terugzetten</translation>
        </message>
        <message>
            <source>The backup was restored.</source>
            <translation>De reservekopie is teruggezet.</translation>
        </message>
        <message>
            <source>It came from another vault; it now opens with this vault's passphrase and recovery key.</source>
            <translation>Hij kwam van een andere kluis; hij gaat nu open met de wachtwoordzin en herstelsleutel van deze kluis.</translation>
        </message>
        <message numerus="yes">
            <source>%n erased family(ies) removed again.</source>
            <translation>
                <numerusform>%n gewist gezin opnieuw verwijderd.</numerusform>
                <numerusform>%n gewiste gezinnen opnieuw verwijderd.</numerusform>
            </translation>
        </message>
        <message>
            <source>The list of erased families has been started anew.</source>
            <translation>De lijst van gewiste gezinnen is opnieuw begonnen.</translation>
        </message>
        <message>
            <source>The vault goes back to this backup. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault.</source>
            <translation>De kluis gaat terug naar deze reservekopie. De huidige database wordt apart bewaard in de map van de kluis. brugdesk vergrendelt even en opent dan de teruggezette kluis.</translation>
        </message>
        <message>
            <source>The list of erased families is missing</source>
            <translation>De lijst van gewiste gezinnen ontbreekt</translation>
        </message>
        <message>
            <source>The list of erased families (erasures.bdledger in the vault folder) is missing or damaged. brugdesk uses it to erase again, after a restore, the families that were erased after the backup was made. If you restore anyway, such families come back and you have to erase them again. Restore anyway?</source>
            <translation>De lijst van gewiste gezinnen (erasures.bdledger in de map van de kluis) ontbreekt of is beschadigd. Daarmee wist brugdesk na het terugzetten opnieuw de gezinnen die na het maken van de reservekopie zijn gewist. Zet je toch terug, dan komen zulke gezinnen terug en moet je ze opnieuw wissen. Toch terugzetten?</translation>
        </message>
        <message>
            <source>Nothing was restored. Put erasures.bdledger back from a copy of the vault folder, or restore anyway.</source>
            <translation>Er is niets teruggezet. Zet erasures.bdledger terug uit een kopie van de kluismap, of zet toch terug.</translation>
        </message>
        <message>
            <source>The vault is still open in another brugdesk window or command. Close it there and try again; nothing was changed.</source>
            <translation>De kluis is nog geopend in een ander brugdesk-venster of -commando. Sluit hem daar en probeer het opnieuw; er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Terugzetten</translation>
        </message>
        <message>
            <source>The backup could not be restored.</source>
            <translation>De reservekopie kon niet worden teruggezet.</translation>
        </message>
        <message>
            <source>The backup was restored. The replaced database was kept as %1.</source>
            <translation>De reservekopie is teruggezet. De vervangen database is bewaard als %1.</translation>
        </message>
    </context>
    <context>
        <name>RetentionPanel</name>
        <message>
            <source>Past the retention period</source>
            <translation>Over de bewaartermijn</translation>
        </message>
        <message>
            <source>Families past the retention period</source>
            <translation>Gezinnen over de bewaartermijn</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gezin</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Dossiercode</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Afgesloten op</translation>
        </message>
        <message>
            <source>Period ended on</source>
            <translation>Termijn verlopen op</translation>
        </message>
        <message>
            <source>&amp;Delete the ticked families…</source>
            <translation>Aangevinkte gezinnen &amp;verwijderen…</translation>
        </message>
        <message numerus="yes">
            <source>These closed families were closed more than %n year(s) ago. Review them and untick any family whose file must be kept longer; then delete the rest. Only the date and the number of families are kept.</source>
            <translation>
                <numerusform>Deze gezinnen zijn meer dan %n jaar geleden afgesloten. Bekijk ze en vink elk gezin uit waarvan het dossier langer bewaard moet blijven; verwijder daarna de rest. Alleen de datum en het aantal gezinnen blijven bewaard.</numerusform>
                <numerusform>Deze gezinnen zijn meer dan %n jaar geleden afgesloten. Bekijk ze en vink elk gezin uit waarvan het dossier langer bewaard moet blijven; verwijder daarna de rest. Alleen de datum en het aantal gezinnen blijven bewaard.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n family(ies) for good? Every member, contact, referral and follow-up of them is deleted, also from the audit log's details. This cannot be undone.</source>
            <translation>
                <numerusform>%n gezin definitief verwijderen? Alle gezinsleden, contactmomenten, verwijzingen en actiepunten worden verwijderd, ook uit de details van het auditlog. Dit kan niet ongedaan worden gemaakt.</numerusform>
                <numerusform>%n gezinnen definitief verwijderen? Alle gezinsleden, contactmomenten, verwijzingen en actiepunten worden verwijderd, ook uit de details van het auditlog. Dit kan niet ongedaan worden gemaakt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete after the retention period</source>
            <translation>Verwijderen na de bewaartermijn</translation>
        </message>
        <message>
            <source>&amp;Delete for good</source>
            <translation>&amp;Definitief verwijderen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message numerus="yes">
            <source>%n family(ies) deleted.</source>
            <translation>
                <numerusform>%n gezin verwijderd.</numerusform>
                <numerusform>%n gezinnen verwijderd.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SchoolsPage</name>
        <message>
            <source>Your schools</source>
            <translation>Je scholen</translation>
        </message>
        <message>
            <source>Add the school or schools you work for. You can change them later in Settings.</source>
            <translation>Voeg de school of scholen toe waarvoor je werkt. Je kunt ze later wijzigen bij Instellingen.</translation>
        </message>
        <message>
            <source>School name</source>
            <translation>Naam van de school</translation>
        </message>
        <message>
            <source>School type</source>
            <translation>Soort school</translation>
        </message>
        <message>
            <source>PO – primary</source>
            <translation>PO – primair onderwijs</translation>
        </message>
        <message>
            <source>VO – secondary</source>
            <translation>VO – voortgezet onderwijs</translation>
        </message>
        <message>
            <source>SO – special</source>
            <translation>SO – speciaal onderwijs</translation>
        </message>
        <message>
            <source>BRIN code</source>
            <translation>BRIN-code</translation>
        </message>
        <message>
            <source>Number of pupils</source>
            <translation>Aantal leerlingen</translation>
        </message>
        <message>
            <source>&amp;Add this school</source>
            <translation>Sc&amp;hool toevoegen</translation>
        </message>
        <message>
            <source>Schools added</source>
            <translation>Toegevoegde scholen</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Ver&amp;wijderen</translation>
        </message>
        <message>
            <source>School &amp;name</source>
            <translation>&amp;Naam van de school</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Soort</translation>
        </message>
        <message>
            <source>&amp;BRIN (optional)</source>
            <translation>&amp;BRIN (niet verplicht)</translation>
        </message>
        <message>
            <source>&amp;Pupils (optional)</source>
            <translation>&amp;Leerlingen (niet verplicht)</translation>
        </message>
        <message>
            <source>&amp;Schools added</source>
            <translation>T&amp;oegevoegde scholen</translation>
        </message>
        <message>
            <source>Type a whole number, such as 240.</source>
            <translation>Typ een heel getal, bijvoorbeeld 240.</translation>
        </message>
        <message>
            <source>This school is already in the list.</source>
            <translation>Deze school staat al in de lijst.</translation>
        </message>
        <message>
            <source>Add at least one school.</source>
            <translation>Voeg minstens één school toe.</translation>
        </message>
    </context>
    <context>
        <name>SchoolsTab</name>
        <message>
            <source>Schools</source>
            <translation>Scholen</translation>
        </message>
        <message>
            <source>Sc&amp;hools you work for</source>
            <translation>Sc&amp;holen waarvoor je werkt</translation>
        </message>
        <message>
            <source>School name</source>
            <translation>Naam van de school</translation>
        </message>
        <message>
            <source>School type</source>
            <translation>Soort school</translation>
        </message>
        <message>
            <source>PO – primary</source>
            <translation>PO – primair onderwijs</translation>
        </message>
        <message>
            <source>VO – secondary</source>
            <translation>VO – voortgezet onderwijs</translation>
        </message>
        <message>
            <source>SO – special</source>
            <translation>SO – speciaal onderwijs</translation>
        </message>
        <message>
            <source>BRIN code</source>
            <translation>BRIN-code</translation>
        </message>
        <message>
            <source>Number of pupils</source>
            <translation>Aantal leerlingen</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Naam</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Soort</translation>
        </message>
        <message>
            <source>B&amp;RIN (optional)</source>
            <translation>B&amp;RIN (niet verplicht)</translation>
        </message>
        <message>
            <source>&amp;Pupils (optional)</source>
            <translation>&amp;Leerlingen (niet verplicht)</translation>
        </message>
        <message>
            <source>&amp;New school</source>
            <translation>Ni&amp;euwe school</translation>
        </message>
        <message>
            <source>&amp;Save school</source>
            <translation>School &amp;opslaan</translation>
        </message>
        <message>
            <source>&amp;Remove school</source>
            <translation>School &amp;verwijderen</translation>
        </message>
        <message>
            <source>Type a whole number, such as 240.</source>
            <translation>Typ een heel getal, bijvoorbeeld 240.</translation>
        </message>
        <message>
            <source>Remove school</source>
            <translation>School verwijderen</translation>
        </message>
        <message>
            <source>Remove this school from brugdesk?</source>
            <translation>Deze school uit brugdesk verwijderen?</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Verwijderen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>Settings sections</source>
            <translation>Onderdelen van de instellingen</translation>
        </message>
        <message>
            <source>Schools</source>
            <translation>Scholen</translation>
        </message>
        <message>
            <source>School year</source>
            <translation>Schooljaar</translation>
        </message>
        <message>
            <source>Lists</source>
            <translation>Lijsten</translation>
        </message>
        <message>
            <source>Reports and locking</source>
            <translation>Rapportage en vergrendelen</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>Deze computer</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <source>Backups and privacy</source>
            <translation>Back-ups en privacy</translation>
        </message>
    </context>
    <context>
        <name>Snippets</name>
        <message>
            <source>Text snippets</source>
            <extracomment>the letters before the cursor that a snippet is looked up by the shortcut that opens the list</extracomment>
            <translation>Tekstblokken</translation>
        </message>
        <message>
            <source>Ctrl+Space inserts a text snippet</source>
            <translation>Ctrl+spatie voegt een tekstblok in</translation>
        </message>
        <message>
            <source>No text snippet matches “%1”.</source>
            <translation>Geen tekstblok past bij ‘%1’.</translation>
        </message>
        <message>
            <source>There are no text snippets yet (Settings → Lists).</source>
            <translation>Er zijn nog geen tekstblokken (Instellingen → Lijsten).</translation>
        </message>
        <message>
            <source>%n text snippet(s): arrow keys to choose, Enter to insert.</source>
            <translation>%n tekstblok: kies met de pijltjestoetsen, Enter voegt in.</translation>
        </message>
        <message>
            <source>Inserted: %1</source>
            <translation>Ingevoegd: %1</translation>
        </message>
    </context>
    <context>
        <name>SnippetsEditor</name>
        <message>
            <source>Text snippets</source>
            <translation>Tekstblokken</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Letters</translation>
        </message>
        <message>
            <source>e.g. hb</source>
            <translation>bijv. hb</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Tekst</translation>
        </message>
        <message>
            <source>e.g. Home visit: talked with both parents about …</source>
            <translation>bijv. Huisbezoek: met beide ouders gesproken over …</translation>
        </message>
        <message>
            <source>Le&amp;tters:</source>
            <translation>Lett&amp;ers:</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;kst:</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Toevoegen</translation>
        </message>
        <message>
            <source>&amp;Save changes</source>
            <translation>Wijzigingen &amp;opslaan</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>Ve&amp;rwijderen</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Om&amp;hoog</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Omlaa&amp;g</translation>
        </message>
        <message>
            <source>In a note or follow-up, type the letters and press Ctrl+Space: the text takes their place. Ctrl+Space without letters lists every snippet.</source>
            <translation>Typ in een notitie of vervolgactie de letters en druk op Ctrl+spatie: de tekst komt ervoor in de plaats. Ctrl+spatie zonder letters toont alle tekstblokken.</translation>
        </message>
        <message>
            <source>Added: %1</source>
            <translation>Toegevoegd: %1</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Opgeslagen.</translation>
        </message>
        <message>
            <source>Delete text snippet</source>
            <translation>Tekstblok verwijderen</translation>
        </message>
        <message>
            <source>Delete the text snippet “%1”? Notes it was inserted in keep their text.</source>
            <translation>Het tekstblok ‘%1’ verwijderen? Notities waarin het is ingevoegd, houden hun tekst.</translation>
        </message>
        <message>
            <source>Deleted.</source>
            <translation>Verwijderd.</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <source>Passphrase strength</source>
            <translation>Sterkte van de wachtwoordzin</translation>
        </message>
        <message>
            <source>Too short: at least 10 characters.</source>
            <translation>Te kort: minstens 10 tekens.</translation>
        </message>
        <message>
            <source>Too easy to guess: add a few words that do not belong together.</source>
            <translation>Te makkelijk te raden: voeg een paar woorden toe die niet bij elkaar horen.</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>Sterk.</translation>
        </message>
        <message>
            <source>Very strong.</source>
            <translation>Heel sterk.</translation>
        </message>
        <message>
            <source>Use at least 10 characters; a short sentence works well.</source>
            <translation>Gebruik minstens 10 tekens; een korte zin werkt goed.</translation>
        </message>
    </context>
    <context>
        <name>TermStartsEditor</name>
        <message>
            <source>&amp;Add a term</source>
            <translation>&amp;Periode toevoegen</translation>
        </message>
        <message>
            <source>Remove the &amp;last term</source>
            <translation>&amp;Laatste periode weghalen</translation>
        </message>
        <message>
            <source>Term %1 starts on</source>
            <translation>Periode %1 begint op</translation>
        </message>
        <message>
            <source>Start of term %1</source>
            <translation>Begin van periode %1</translation>
        </message>
    </context>
    <context>
        <name>TermsPage</name>
        <message>
            <source>School year and terms</source>
            <translation>Schooljaar en periodes</translation>
        </message>
        <message>
            <source>Your reports are made per term. These are the usual terms; change them if your schools use other ones.</source>
            <translation>Je rapportages worden per periode gemaakt. Dit zijn de gebruikelijke periodes; pas ze aan als je scholen andere gebruiken.</translation>
        </message>
    </context>
    <context>
        <name>TermsTab</name>
        <message>
            <source>A school year runs from 1 August to 31 July. Choose when each term starts; each term ends the day before the next one starts.</source>
            <translation>Een schooljaar loopt van 1 augustus tot en met 31 juli. Kies wanneer elke periode begint; een periode eindigt de dag voordat de volgende begint.</translation>
        </message>
        <message>
            <source>&amp;Save terms</source>
            <translation>Periodes &amp;opslaan</translation>
        </message>
    </context>
    <context>
        <name>UnlockView</name>
        <message>
            <source>brugdesk is locked</source>
            <translation>brugdesk is vergrendeld</translation>
        </message>
        <message>
            <source>Type your passphrase to open your vault.</source>
            <translation>Typ je wachtwoordzin om je kluis te openen.</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Wachtwoordzin</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;Recovery key</source>
            <translation>&amp;Herstelsleutel</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <source>Use the recovery &amp;key instead</source>
            <translation>Gebruik de herstel&amp;sleutel</translation>
        </message>
        <message>
            <source>Use the recovery key instead of the passphrase</source>
            <translation>Gebruik de herstelsleutel in plaats van de wachtwoordzin</translation>
        </message>
        <message>
            <source>Re&amp;member on this computer</source>
            <translation>Onthoud op deze &amp;computer</translation>
        </message>
        <message>
            <source>Keep the key in this computer's keyring, so brugdesk opens without the passphrase while you are logged in.</source>
            <translation>Bewaar de sleutel in de sleutelbos van deze computer, zodat brugdesk zonder wachtwoordzin opent zolang je bent ingelogd.</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Ontgrendelen</translation>
        </message>
        <message>
            <source>Opening the vault</source>
            <translation>De kluis wordt geopend</translation>
        </message>
        <message>
            <source>Restore a &amp;backup…</source>
            <translation>&amp;Back-up terugzetten…</translation>
        </message>
        <message>
            <source>Go back to a verified backup of this vault</source>
            <translation>Ga terug naar een gecontroleerde back-up van deze kluis</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Kluis: %1</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>&amp;Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>Re&amp;peat it</source>
            <translation>&amp;Herhaal hem</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Herhaal de nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>&amp;Set the new passphrase</source>
            <translation>Nieuwe wachtwoordzin &amp;instellen</translation>
        </message>
        <message>
            <source>Type the recovery key from your recovery sheet.</source>
            <translation>Typ de herstelsleutel over van je herstelblad.</translation>
        </message>
        <message>
            <source>Type the recovery key.</source>
            <translation>Typ de herstelsleutel.</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Typ je wachtwoordzin.</translation>
        </message>
        <message>
            <source>Keyring not available</source>
            <translation>Sleutelbos niet beschikbaar</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) of this computer is not available, so brugdesk cannot remember the vault here. Unlock with your passphrase next time.</source>
            <translation>De sleutelbos van deze computer is niet beschikbaar, dus brugdesk kan de kluis hier niet onthouden. Ontgrendel de volgende keer met je wachtwoordzin.</translation>
        </message>
        <message>
            <source>The key file of this vault is missing or damaged. Unlock with the recovery key and choose a new passphrase: that writes a new key file.</source>
            <translation>Het sleutelbestand van deze kluis ontbreekt of is beschadigd. Ontgrendel met de herstelsleutel en kies een nieuwe wachtwoordzin: daarmee wordt een nieuw sleutelbestand gemaakt.</translation>
        </message>
        <message>
            <source>Opening the vault…</source>
            <translation>De kluis wordt geopend…</translation>
        </message>
        <message>
            <source>Choose a new passphrase</source>
            <translation>Kies een nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <source>The recovery key opened your vault, but its key file was missing or damaged. Choose a new passphrase: that writes a new key file.</source>
            <translation>De herstelsleutel heeft je kluis geopend, maar het sleutelbestand ontbrak of was beschadigd. Kies een nieuwe wachtwoordzin: daarmee wordt een nieuw sleutelbestand gemaakt.</translation>
        </message>
        <message>
            <source>The recovery key opened your vault. Choose a new passphrase, so you can open it with that from now on.</source>
            <translation>De herstelsleutel heeft je kluis geopend. Kies een nieuwe wachtwoordzin, zodat je hem voortaan daarmee opent.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>De twee wachtwoordzinnen zijn niet hetzelfde.</translation>
        </message>
        <message>
            <source>Saving the new passphrase…</source>
            <translation>De nieuwe wachtwoordzin wordt opgeslagen…</translation>
        </message>
        <message>
            <source>Opening with the key remembered on this computer…</source>
            <translation>Openen met de sleutel die op deze computer is onthouden…</translation>
        </message>
        <message>
            <source>Erased families</source>
            <translation>Gewiste gezinnen</translation>
        </message>
        <message numerus="yes">
            <source>%n erased family(ies) were in the database again and have been removed again.</source>
            <translation>
                <numerusform>%n gewist gezin stond weer in de database en is opnieuw verwijderd.</numerusform>
                <numerusform>%n gewiste gezinnen stonden weer in de database en zijn opnieuw verwijderd.</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrong passphrase. Check it (is Caps Lock on?) and try again, or use the recovery key.</source>
            <translation>Verkeerde wachtwoordzin. Controleer hem (staat Caps Lock aan?) en probeer opnieuw, of gebruik de herstelsleutel.</translation>
        </message>
        <message>
            <source>This recovery key does not open this vault. Check the 52 characters on your recovery sheet.</source>
            <translation>Deze herstelsleutel opent deze kluis niet. Controleer de 52 tekens op je herstelblad.</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) is not available, or no longer holds the key for this vault. Type your passphrase instead.</source>
            <translation>Sleutelbos niet beschikbaar, of de sleutel van deze kluis staat er niet meer in. Typ je wachtwoordzin.</translation>
        </message>
        <message>
            <source>The vault is damaged and was not changed. The way forward: restore the newest backup (Instellingen › Back-ups, or 'brugdesk restore' in a terminal). Your backups are in the folder 'backups' next to the vault.</source>
            <translation>De kluis is beschadigd en is niet gewijzigd. Zo ga je verder: zet de nieuwste back-up terug (Instellingen › Back-ups, of 'brugdesk restore' in een terminal). Je back-ups staan in de map 'backups' naast de kluis.</translation>
        </message>
        <message>
            <source>This vault was made by a newer version of brugdesk. Install the newest version to open it; nothing was changed.</source>
            <translation>Deze kluis is gemaakt met een nieuwere versie van brugdesk. Installeer de nieuwste versie om hem te openen; er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>The vault is in use by another brugdesk window or program. Close it and try again.</source>
            <translation>De kluis is in gebruik door een ander brugdesk-venster of programma. Sluit dat en probeer opnieuw.</translation>
        </message>
        <message>
            <source>There is no vault in this folder.</source>
            <translation>Er staat geen kluis in deze map.</translation>
        </message>
        <message>
            <source>The vault could not be opened (%1). Nothing was changed.</source>
            <translation>De kluis kon niet worden geopend (%1). Er is niets gewijzigd.</translation>
        </message>
    </context>
</TS>
