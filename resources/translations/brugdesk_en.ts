<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Group activities</source>
            <translation>Group activities</translation>
        </message>
        <message>
            <source>&amp;New activity…</source>
            <translation>&amp;New activity…</translation>
        </message>
        <message>
            <source>New group activity (Ctrl+Shift+N)</source>
            <translation>New group activity (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Edit the selected activity (Enter)</source>
            <translation>Edit the selected activity (Enter)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>De&amp;lete</translation>
        </message>
        <message>
            <source>Delete the selected activity (Delete)</source>
            <translation>Delete the selected activity (Delete)</translation>
        </message>
        <message numerus="yes">
            <source>%n activity(ies)</source>
            <translation>
                <numerusform>%n activity(ies)</numerusform>
                <numerusform>%n activity(ies)</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete activity</source>
            <translation>Delete activity</translation>
        </message>
        <message>
            <source>Delete the activity of %1?</source>
            <translation>Delete the activity of %1?</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>e.g. Coffee morning about school costs</source>
            <translation>e.g. Coffee morning about school costs</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>The&amp;mes:</translation>
        </message>
        <message>
            <source>&amp;Parents attending:</source>
            <translation>&amp;Parents attending:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>Type a name or reference, Enter adds it</source>
            <translation>Type a name or reference, Enter adds it</translation>
        </message>
        <message>
            <source>Add a family that was present</source>
            <translation>Add a family that was present</translation>
        </message>
        <message>
            <source>Families present</source>
            <translation>Families present</translation>
        </message>
        <message>
            <source>&amp;Remove from the list</source>
            <translation>&amp;Remove from the list</translation>
        </message>
        <message>
            <source>Remove the selected family from the families present (Delete)</source>
            <translation>Remove the selected family from the families present (Delete)</translation>
        </message>
        <message>
            <source>&amp;Families present:</source>
            <translation>&amp;Families present:</translation>
        </message>
        <message>
            <source>Edit group activity</source>
            <translation>Edit group activity</translation>
        </message>
        <message>
            <source>New group activity</source>
            <translation>New group activity</translation>
        </message>
    </context>
    <context>
        <name>ActivityModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Parents</source>
            <translation>Parents</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
    </context>
    <context>
        <name>AgendaPage</name>
        <message>
            <source>← &amp;Previous week</source>
            <translation>← &amp;Previous week</translation>
        </message>
        <message>
            <source>The week before (Alt+Page Up)</source>
            <translation>The week before (Alt+Page Up)</translation>
        </message>
        <message>
            <source>&amp;This week</source>
            <translation>&amp;This week</translation>
        </message>
        <message>
            <source>Back to this week (Alt+Home)</source>
            <translation>Back to this week (Alt+Home)</translation>
        </message>
        <message>
            <source>Ne&amp;xt week →</source>
            <translation>Ne&amp;xt week →</translation>
        </message>
        <message>
            <source>The week after (Alt+Page Down)</source>
            <translation>The week after (Alt+Page Down)</translation>
        </message>
        <message>
            <source>Appointments of the week</source>
            <translation>Appointments of the week</translation>
        </message>
        <message>
            <source>&amp;New appointment…</source>
            <translation>&amp;New appointment…</translation>
        </message>
        <message>
            <source>Plan a new appointment (Ctrl+Shift+N)</source>
            <translation>Plan a new appointment (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Change the selected appointment (Enter)</source>
            <translation>Change the selected appointment (Enter)</translation>
        </message>
        <message>
            <source>It &amp;happened…</source>
            <translation>It &amp;happened…</translation>
        </message>
        <message>
            <source>Record the selected appointment as a contact moment (Ctrl+D)</source>
            <translation>Record the selected appointment as a contact moment (Ctrl+D)</translation>
        </message>
        <message>
            <source>&amp;Cancel appointment</source>
            <translation>&amp;Cancel appointment</translation>
        </message>
        <message>
            <source>Mark the selected appointment as cancelled (it is kept)</source>
            <translation>Mark the selected appointment as cancelled (it is kept)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>De&amp;lete</translation>
        </message>
        <message>
            <source>Delete the selected appointment (Delete)</source>
            <translation>Delete the selected appointment (Delete)</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>Open &amp;family</translation>
        </message>
        <message>
            <source>Week %1: %2 – %3</source>
            <translation>Week %1: %2 – %3</translation>
        </message>
        <message numerus="yes">
            <source>%n appointment(s)</source>
            <translation>
                <numerusform>%n appointment(s)</numerusform>
                <numerusform>%n appointment(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>No appointments this week. Plan one with “New appointment” (Ctrl+Shift+N).</source>
            <translation>No appointments this week. Plan one with “New appointment” (Ctrl+Shift+N).</translation>
        </message>
        <message numerus="yes">
            <source>%n earlier appointment(s) still planned: say whether it happened or cancel it.</source>
            <translation>
                <numerusform>%n earlier appointment(s) still planned: say whether it happened or cancel it.</numerusform>
                <numerusform>%n earlier appointment(s) still planned: say whether it happened or cancel it.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel appointment</source>
            <translation>Cancel appointment</translation>
        </message>
        <message>
            <source>Mark the appointment of %1 as cancelled?</source>
            <translation>Mark the appointment of %1 as cancelled?</translation>
        </message>
        <message>
            <source>&amp;Mark cancelled</source>
            <translation>&amp;Mark cancelled</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>&amp;Keep it</translation>
        </message>
        <message>
            <source>Delete appointment</source>
            <translation>Delete appointment</translation>
        </message>
        <message>
            <source>Delete the appointment of %1? A contact moment made of it stays.</source>
            <translation>Delete the appointment of %1? A contact moment made of it stays.</translation>
        </message>
    </context>
    <context>
        <name>AppointmentDialog</name>
        <message>
            <source>e.g. 10:00</source>
            <translation>e.g. 10:00</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <translation>&amp;Time:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>Type a name or reference (optional)…</source>
            <translation>Type a name or reference (optional)…</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Family:</translation>
        </message>
        <message>
            <source>What it is about, where (optional)</source>
            <translation>What it is about, where (optional)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>Change appointment</source>
            <translation>Change appointment</translation>
        </message>
        <message>
            <source>New appointment</source>
            <translation>New appointment</translation>
        </message>
        <message>
            <source>Choose a family from the list, or leave the field empty.</source>
            <translation>Choose a family from the list, or leave the field empty.</translation>
        </message>
    </context>
    <context>
        <name>AppointmentModel</name>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Happened (contact logged)</source>
            <translation>Happened (contact logged)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>(today)</source>
            <translation>(today)</translation>
        </message>
        <message>
            <source>(no family)</source>
            <translation>(no family)</translation>
        </message>
        <message>
            <source>Planned: did it happen?</source>
            <translation>Planned: did it happen?</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Concerning</source>
            <translation>Concerning</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>vault created</source>
            <translation>vault created</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>unlocked</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>viewed</translation>
        </message>
        <message>
            <source>created</source>
            <translation>created</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>changed</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>deleted</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>reopened</source>
            <translation>reopened</translation>
        </message>
        <message>
            <source>inspection export</source>
            <translation>inspection export</translation>
        </message>
        <message>
            <source>report made</source>
            <translation>report made</translation>
        </message>
        <message>
            <source>backup made</source>
            <translation>backup made</translation>
        </message>
        <message>
            <source>backup restored</source>
            <translation>backup restored</translation>
        </message>
        <message>
            <source>retention purge</source>
            <translation>retention purge</translation>
        </message>
        <message>
            <source>family erased</source>
            <translation>family erased</translation>
        </message>
        <message>
            <source>passphrase changed</source>
            <translation>passphrase changed</translation>
        </message>
        <message>
            <source>new recovery key</source>
            <translation>new recovery key</translation>
        </message>
        <message>
            <source>vault updated</source>
            <translation>vault updated</translation>
        </message>
        <message>
            <source>erased families removed again</source>
            <translation>erased families removed again</translation>
        </message>
        <message>
            <source>import from a spreadsheet</source>
            <translation>import from a spreadsheet</translation>
        </message>
        <message>
            <source>import undone</source>
            <translation>import undone</translation>
        </message>
        <message>
            <source>family overview printed</source>
            <translation>family overview printed</translation>
        </message>
        <message>
            <source>warm handover made</source>
            <translation>warm handover made</translation>
        </message>
        <message>
            <source>family</source>
            <translation>family</translation>
        </message>
        <message>
            <source>member</source>
            <translation>member</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>contact</translation>
        </message>
        <message>
            <source>referral</source>
            <translation>referral</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>follow-up</translation>
        </message>
        <message>
            <source>school</source>
            <translation>school</translation>
        </message>
        <message>
            <source>partner</source>
            <translation>partner</translation>
        </message>
        <message>
            <source>group activity</source>
            <translation>group activity</translation>
        </message>
        <message>
            <source>setting</source>
            <translation>setting</translation>
        </message>
        <message>
            <source>list</source>
            <translation>list</translation>
        </message>
        <message>
            <source>report</source>
            <translation>report</translation>
        </message>
        <message>
            <source>deletion record</source>
            <translation>deletion record</translation>
        </message>
        <message>
            <source>import</source>
            <translation>import</translation>
        </message>
        <message>
            <source>attachment</source>
            <translation>attachment</translation>
        </message>
    </context>
    <context>
        <name>BackupHooks</name>
        <message>
            <source>The automatic backup failed (%1).</source>
            <translation>The automatic backup failed (%1).</translation>
        </message>
    </context>
    <context>
        <name>BackupTableModel</name>
        <message>
            <source>Made on</source>
            <translation>Made on</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>daily</translation>
        </message>
        <message>
            <source>on closing</source>
            <translation>on closing</translation>
        </message>
        <message>
            <source>by hand</source>
            <translation>by hand</translation>
        </message>
        <message>
            <source>before an update</source>
            <translation>before an update</translation>
        </message>
    </context>
    <context>
        <name>CloseFamilyDialog</name>
        <message>
            <source>&amp;Closing date:</source>
            <translation>&amp;Closing date:</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Outcome:</translation>
        </message>
        <message>
            <source>C&amp;lose family</source>
            <translation>C&amp;lose family</translation>
        </message>
        <message>
            <source>Close family %1</source>
            <translation>Close family %1</translation>
        </message>
    </context>
    <context>
        <name>ComputerTab</name>
        <message>
            <source>&amp;Remember the vault on this computer (keyring)</source>
            <translation>&amp;Remember the vault on this computer (keyring)</translation>
        </message>
        <message>
            <source>When on, brugdesk opens without the passphrase while you are logged in to this computer. Use it only on a laptop that is yours alone.</source>
            <translation>When on, brugdesk opens without the passphrase while you are logged in to this computer. Use it only on a laptop that is yours alone.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>La&amp;nguage</source>
            <translation>La&amp;nguage</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) of this computer is not available, so the vault cannot be remembered here.</source>
            <translation>The keyring (sleutelbos) of this computer is not available, so the vault cannot be remembered here.</translation>
        </message>
        <message>
            <source>The new language is used when brugdesk starts again.</source>
            <translation>The new language is used when brugdesk starts again.</translation>
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
    </context>
    <context>
        <name>ConfirmKeyPage</name>
        <message>
            <source>Check the recovery key</source>
            <translation>Check the recovery key</translation>
        </message>
        <message>
            <source>To be sure you have kept it: type the last group of your recovery key, from the PDF or the printout.</source>
            <translation>To be sure you have kept it: type the last group of your recovery key, from the PDF or the printout.</translation>
        </message>
        <message>
            <source>Last group of the recovery key</source>
            <translation>Last group of the recovery key</translation>
        </message>
        <message>
            <source>&amp;Last group</source>
            <translation>&amp;Last group</translation>
        </message>
        <message>
            <source>That is not the last group of your recovery key.</source>
            <translation>That is not the last group of your recovery key.</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>Edit contact</source>
            <extracomment>The usual duration of each contact kind, in minutes (the officer can change it). Who is usually there, per kind. (folded "name ref", the words of it, label, id) for every open family</extracomment>
            <translation>Edit contact</translation>
        </message>
        <message>
            <source>Log a contact</source>
            <translation>Log a contact</translation>
        </message>
        <message>
            <source>Type a name or reference…</source>
            <translation>Type a name or reference…</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Family:</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>optional, e.g. 10:00</source>
            <translation>optional, e.g. 10:00</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>Time of day</translation>
        </message>
        <message>
            <source>T&amp;ime:</source>
            <translation>T&amp;ime:</translation>
        </message>
        <message>
            <source>Kind of contact</source>
            <translation>Kind of contact</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Duration in minutes</source>
            <translation>Duration in minutes</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>With: %1</source>
            <translation>With: %1</translation>
        </message>
        <message>
            <source>&amp;With:</source>
            <translation>&amp;With:</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>The&amp;mes:</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>What was discussed, what was agreed (confidential)</source>
            <translation>What was discussed, what was agreed (confidential)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>Next step (optional)</source>
            <translation>Next step (optional)</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>F&amp;ollow-up:</source>
            <translation>F&amp;ollow-up:</translation>
        </message>
        <message>
            <source>Follow-up date</source>
            <translation>Follow-up date</translation>
        </message>
        <message>
            <source>Follow-up d&amp;ate:</source>
            <translation>Follow-up d&amp;ate:</translation>
        </message>
        <message>
            <source>Choose a family from the list.</source>
            <translation>Choose a family from the list.</translation>
        </message>
    </context>
    <context>
        <name>ContactTimelineModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>With</source>
            <translation>With</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>brugdesk: unexpected error</source>
            <extracomment>benchmarks only (benchmarks/harness.py, "GUI cold start"): a file holding a vault's raw data key; the app unlocks with it, shows the main window and quits. The key itself is never logged.</extracomment>
            <translation>brugdesk: unexpected error</translation>
        </message>
        <message>
            <source>Something went wrong inside brugdesk. What was saved is safe; the last action may not have been saved. Please report the details below (they contain no personal data).</source>
            <translation>Something went wrong inside brugdesk. What was saved is safe; the last action may not have been saved. Please report the details below (they contain no personal data).</translation>
        </message>
    </context>
    <context>
        <name>DiscardChanges</name>
        <message>
            <source>Discard changes?</source>
            <translation>Discard changes?</translation>
        </message>
        <message>
            <source>What you typed here has not been saved. Throw it away?</source>
            <translation>What you typed here has not been saved. Throw it away?</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Keep editing</translation>
        </message>
    </context>
    <context>
        <name>EraseFamilyDialog</name>
        <message>
            <source>Erase family</source>
            <translation>Erase family</translation>
        </message>
        <message>
            <source>Erase %1 (%2) for good?</source>
            <translation>Erase %1 (%2) for good?</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n member(s)</numerusform>
                <numerusform>%n member(s)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) with their notes</source>
            <translation>
                <numerusform>%n contact(s) with their notes</numerusform>
                <numerusform>%n contact(s) with their notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referral(s) with their history</source>
            <translation>
                <numerusform>%n referral(s) with their history</numerusform>
                <numerusform>%n referral(s) with their history</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n follow-up(s)</numerusform>
                <numerusform>%n follow-up(s)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the family's details in %n audit log entry(ies)</source>
            <translation>
                <numerusform>the family's details in %n audit log entry(ies)</numerusform>
                <numerusform>the family's details in %n audit log entry(ies)</numerusform>
            </translation>
        </message>
        <message>
            <source>This deletes the family's file and everything in it:</source>
            <translation>This deletes the family's file and everything in it:</translation>
        </message>
        <message>
            <source>Only the date and the number of erased families are kept. Backups made before today still hold the family until they are rotated away (at most 5 weeks); restoring one erases the family again. Delete copies on USB sticks yourself.</source>
            <translation>Only the date and the number of erased families are kept. Backups made before today still hold the family until they are rotated away (at most 5 weeks); restoring one erases the family again. Delete copies on USB sticks yourself.</translation>
        </message>
        <message>
            <source>The family was erased. The list of erased families (erasures.bdledger) was missing or damaged and has been started anew: families erased before today are not erased again when an older backup is restored.</source>
            <translation>The family was erased. The list of erased families (erasures.bdledger) was missing or damaged and has been started anew: families erased before today are not erased again when an older backup is restored.</translation>
        </message>
        <message>
            <source>The parents asked for this &amp;erasure</source>
            <translation>The parents asked for this &amp;erasure</translation>
        </message>
        <message>
            <source>&amp;Erase</source>
            <translation>&amp;Erase</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>FamiliesPage</name>
        <message>
            <source>&amp;Search:</source>
            <extracomment>changes after which the whole list (and its filters) is queried again</extracomment>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>Name, child's name or reference (Ctrl+F)</source>
            <translation>Name, child's name or reference (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search families</source>
            <translation>Search families</translation>
        </message>
        <message>
            <source>Filter on status</source>
            <translation>Filter on status</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Open (registered or active)</source>
            <translation>Open (registered or active)</translation>
        </message>
        <message>
            <source>Filter on school</source>
            <translation>Filter on school</translation>
        </message>
        <message>
            <source>Filter on theme</source>
            <translation>Filter on theme</translation>
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
            <translation>Th&amp;eme:</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;New family…</translation>
        </message>
        <message>
            <source>New family (Ctrl+Shift+N)</source>
            <translation>New family (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Import from spreadsheet…</source>
            <translation>&amp;Import from spreadsheet…</translation>
        </message>
        <message>
            <source>Families</source>
            <translation>Families</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>All schools</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>All themes</translation>
        </message>
        <message>
            <source>%1 of %2 families</source>
            <translation>%1 of %2 families</translation>
        </message>
        <message>
            <source>%1 families</source>
            <translation>%1 families</translation>
        </message>
        <message>
            <source>Undo the import of %1</source>
            <translation>Undo the import of %1</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Undo import</translation>
        </message>
        <message>
            <source>Remove everything the import of %1 added: %2 families (with all that was recorded about them since), %3 members and %4 contact moments?</source>
            <translation>Remove everything the import of %1 added: %2 families (with all that was recorded about them since), %3 members and %4 contact moments?</translation>
        </message>
        <message>
            <source>&amp;Undo import</source>
            <translation>&amp;Undo import</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>FamilyDetail</name>
        <message>
            <source>← &amp;Back to the list</source>
            <extracomment>the tabs of the detail (Alt+1 … Alt+5)</extracomment>
            <translation>← &amp;Back to the list</translation>
        </message>
        <message>
            <source>&amp;Edit details…</source>
            <translation>&amp;Edit details…</translation>
        </message>
        <message>
            <source>Edit the family's details (Ctrl+E)</source>
            <translation>Edit the family's details (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Log a contact…</source>
            <translation>&amp;Log a contact…</translation>
        </message>
        <message>
            <source>Log a contact with this family</source>
            <translation>Log a contact with this family</translation>
        </message>
        <message>
            <source>&amp;Close family…</source>
            <translation>&amp;Close family…</translation>
        </message>
        <message>
            <source>Re&amp;open family</source>
            <translation>Re&amp;open family</translation>
        </message>
        <message>
            <source>Family sections</source>
            <translation>Family sections</translation>
        </message>
        <message>
            <source>Family members</source>
            <translation>Family members</translation>
        </message>
        <message>
            <source>Add &amp;parent / carer…</source>
            <translation>Add &amp;parent / carer…</translation>
        </message>
        <message>
            <source>Add c&amp;hild…</source>
            <translation>Add c&amp;hild…</translation>
        </message>
        <message>
            <source>Ed&amp;it…</source>
            <translation>Ed&amp;it…</translation>
        </message>
        <message>
            <source>Edit the selected member (Enter)</source>
            <translation>Edit the selected member (Enter)</translation>
        </message>
        <message>
            <source>Follo&amp;w-ups</source>
            <translation>Follo&amp;w-ups</translation>
        </message>
        <message>
            <source>&amp;Mark as not done</source>
            <translation>&amp;Mark as not done</translation>
        </message>
        <message>
            <source>Remove the selected member (Delete)</source>
            <translation>Remove the selected member (Delete)</translation>
        </message>
        <message>
            <source>Family &amp;members:</source>
            <translation>Family &amp;members:</translation>
        </message>
        <message>
            <source>Back to the list (Esc or Alt+Left)</source>
            <translation>Back to the list (Esc or Alt+Left)</translation>
        </message>
        <message>
            <source>Parents' re&amp;quests</source>
            <translation>Parents' re&amp;quests</translation>
        </message>
        <message>
            <source>Inspection export or erasure of this family's data</source>
            <translation>Inspection export or erasure of this family's data</translation>
        </message>
        <message>
            <source>Inspection export (PDF)…</source>
            <translation>Inspection export (PDF)…</translation>
        </message>
        <message>
            <source>Erase this family…</source>
            <translation>Erase this family…</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>Remo&amp;ve</translation>
        </message>
        <message>
            <source>&amp;Family</source>
            <translation>&amp;Family</translation>
        </message>
        <message>
            <source>Timeline of contacts</source>
            <translation>Timeline of contacts</translation>
        </message>
        <message>
            <source>Note of the selected contact</source>
            <translation>Note of the selected contact</translation>
        </message>
        <message>
            <source>&amp;New contact…</source>
            <translation>&amp;New contact…</translation>
        </message>
        <message>
            <source>Edit the selected contact (Enter)</source>
            <translation>Edit the selected contact (Enter)</translation>
        </message>
        <message>
            <source>Delete the selected contact (Delete)</source>
            <translation>Delete the selected contact (Delete)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Con&amp;tacts</source>
            <translation>Con&amp;tacts</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Status &amp;history of the selected referral:</source>
            <translation>Status &amp;history of the selected referral:</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>&amp;New referral…</source>
            <translation>&amp;New referral…</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Change &amp;status…</translation>
        </message>
        <message>
            <source>Move to the next status (Enter)</source>
            <translation>Move to the next status (Enter)</translation>
        </message>
        <message>
            <source>Delete the selected referral (Delete)</source>
            <translation>Delete the selected referral (Delete)</translation>
        </message>
        <message>
            <source>&amp;Referrals</source>
            <translation>&amp;Referrals</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>&amp;New follow-up…</source>
            <translation>&amp;New follow-up…</translation>
        </message>
        <message>
            <source>Mark the selected follow-up done (Enter)</source>
            <translation>Mark the selected follow-up done (Enter)</translation>
        </message>
        <message>
            <source>&amp;Mark done</source>
            <translation>&amp;Mark done</translation>
        </message>
        <message>
            <source>Delete the selected follow-up (Delete)</source>
            <translation>Delete the selected follow-up (Delete)</translation>
        </message>
        <message>
            <source>Group activities the family attended</source>
            <translation>Group activities the family attended</translation>
        </message>
        <message>
            <source>No group activity records this family as present. Record it in the activity (Group activities → Edit → Families present).</source>
            <translation>No group activity records this family as present. Record it in the activity (Group activities → Edit → Families present).</translation>
        </message>
        <message>
            <source>&amp;Activities</source>
            <translation>&amp;Activities</translation>
        </message>
        <message>
            <source>%1 · since %2 · %3</source>
            <translation>%1 · since %2 · %3</translation>
        </message>
        <message>
            <source>no school</source>
            <translation>no school</translation>
        </message>
        <message>
            <source>No registration consent recorded for this family.</source>
            <translation>No registration consent recorded for this family.</translation>
        </message>
        <message>
            <source>No consent to share information with %1 has been recorded.</source>
            <translation>No consent to share information with %1 has been recorded.</translation>
        </message>
        <message>
            <source>Delete contact</source>
            <translation>Delete contact</translation>
        </message>
        <message>
            <source>Delete the contact of %1? This cannot be undone.</source>
            <translation>Delete the contact of %1? This cannot be undone.</translation>
        </message>
        <message>
            <source>Remove family member</source>
            <translation>Remove family member</translation>
        </message>
        <message>
            <source>Remove %1 from this family?</source>
            <translation>Remove %1 from this family?</translation>
        </message>
        <message>
            <source>Delete referral</source>
            <translation>Delete referral</translation>
        </message>
        <message>
            <source>Delete the referral to %1 and its history?</source>
            <translation>Delete the referral to %1 and its history?</translation>
        </message>
        <message>
            <source>Delete follow-up</source>
            <translation>Delete follow-up</translation>
        </message>
        <message>
            <source>Delete the follow-up “%1”?</source>
            <translation>Delete the follow-up “%1”?</translation>
        </message>
        <message>
            <source>Reopen family</source>
            <translation>Reopen family</translation>
        </message>
        <message>
            <source>Reopen %1? Its closing date and outcome are removed.</source>
            <translation>Reopen %1? Its closing date and outcome are removed.</translation>
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation>&amp;Reopen</translation>
        </message>
    </context>
    <context>
        <name>FamilyDialog</name>
        <message>
            <source>e.g. Fam. Jansen</source>
            <translation>e.g. Fam. Jansen</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>S&amp;tart date:</source>
            <translation>S&amp;tart date:</translation>
        </message>
        <message>
            <source>St&amp;atus:</source>
            <translation>St&amp;atus:</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <source>Si&amp;gnal from:</source>
            <translation>Si&amp;gnal from:</translation>
        </message>
        <message>
            <source>Sc&amp;hools:</source>
            <translation>Sc&amp;hools:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>The&amp;mes:</translation>
        </message>
        <message>
            <source>Home &amp;language:</source>
            <translation>Home &amp;language:</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Interpreter needed</translation>
        </message>
        <message>
            <source>&amp;Interpreter:</source>
            <translation>&amp;Interpreter:</translation>
        </message>
        <message>
            <source>recorded on</source>
            <translation>recorded on</translation>
        </message>
        <message>
            <source>Registration &amp;consent:</source>
            <translation>Registration &amp;consent:</translation>
        </message>
        <message>
            <source>e.g. mother</source>
            <translation>e.g. mother</translation>
        </message>
        <message>
            <source>Consent given &amp;by:</source>
            <translation>Consent given &amp;by:</translation>
        </message>
        <message>
            <source>e.g. contact with school and wijkteam</source>
            <translation>e.g. contact with school and wijkteam</translation>
        </message>
        <message>
            <source>Consent sc&amp;ope:</source>
            <translation>Consent sc&amp;ope:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>A&amp;ddress:</translation>
        </message>
        <message>
            <source>Edit family %1</source>
            <translation>Edit family %1</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>New family</translation>
        </message>
    </context>
    <context>
        <name>FamilyFacts</name>
        <message>
            <source>Start date:</source>
            <extracomment>the value label of each fact, by key</extracomment>
            <translation>Start date:</translation>
        </message>
        <message>
            <source>Signal from:</source>
            <translation>Signal from:</translation>
        </message>
        <message>
            <source>Schools:</source>
            <translation>Schools:</translation>
        </message>
        <message>
            <source>Themes:</source>
            <translation>Themes:</translation>
        </message>
        <message>
            <source>Home language:</source>
            <translation>Home language:</translation>
        </message>
        <message>
            <source>Interpreter needed:</source>
            <translation>Interpreter needed:</translation>
        </message>
        <message>
            <source>Registration consent:</source>
            <translation>Registration consent:</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Phone:</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>E-mail:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Address:</translation>
        </message>
        <message>
            <source>Closed:</source>
            <translation>Closed:</translation>
        </message>
        <message>
            <source>Family details</source>
            <translation>Family details</translation>
        </message>
        <message>
            <source>%1, given by %2 (%3)</source>
            <translation>%1, given by %2 (%3)</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>not recorded</translation>
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
            <translation>Reference</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
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
            <translation>Last contact</translation>
        </message>
        <message>
            <source>Next follow-up</source>
            <translation>Next follow-up</translation>
        </message>
        <message>
            <source>Open referrals</source>
            <translation>Open referrals</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>brugdesk — first start</source>
            <translation>brugdesk — first start</translation>
        </message>
        <message>
            <source>&amp;Start using brugdesk</source>
            <translation>&amp;Start using brugdesk</translation>
        </message>
        <message>
            <source>The vault could not be made (%1). Nothing was saved.</source>
            <translation>The vault could not be made (%1). Nothing was saved.</translation>
        </message>
        <message>
            <source>Stop now?</source>
            <translation>Stop now?</translation>
        </message>
        <message>
            <source>Your vault has been made, but you have not yet kept the recovery key. Without it, a forgotten passphrase means losing everything. Stop anyway?</source>
            <translation>Your vault has been made, but you have not yet kept the recovery key. Without it, a forgotten passphrase means losing everything. Stop anyway?</translation>
        </message>
        <message>
            <source>&amp;Stop anyway</source>
            <translation>&amp;Stop anyway</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Go back</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>e.g. Call the wijkteam about the application</source>
            <translation>e.g. Call the wijkteam about the application</translation>
        </message>
        <message>
            <source>&amp;Follow-up:</source>
            <translation>&amp;Follow-up:</translation>
        </message>
        <message>
            <source>&amp;Due date:</source>
            <translation>&amp;Due date:</translation>
        </message>
        <message>
            <source>Edit follow-up</source>
            <translation>Edit follow-up</translation>
        </message>
        <message>
            <source>New follow-up</source>
            <translation>New follow-up</translation>
        </message>
    </context>
    <context>
        <name>FollowUpModel</name>
        <message>
            <source>(overdue)</source>
            <translation>(overdue)</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsPage</name>
        <message>
            <source>Which follow-ups</source>
            <extracomment>how far back the "done" tab looks</extracomment>
            <translation>Which follow-ups</translation>
        </message>
        <message>
            <source>&amp;Overdue</source>
            <translation>&amp;Overdue</translation>
        </message>
        <message>
            <source>Due this &amp;week</source>
            <translation>Due this &amp;week</translation>
        </message>
        <message>
            <source>All o&amp;pen</source>
            <translation>All o&amp;pen</translation>
        </message>
        <message>
            <source>Do&amp;ne</source>
            <translation>Do&amp;ne</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>Mark &amp;done</translation>
        </message>
        <message>
            <source>Mark the selected follow-up done (Ctrl+D)</source>
            <translation>Mark the selected follow-up done (Ctrl+D)</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>Open &amp;family</translation>
        </message>
        <message>
            <source>Open the family of the selected follow-up (Enter)</source>
            <translation>Open the family of the selected follow-up (Enter)</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n follow-up(s)</numerusform>
                <numerusform>%n follow-up(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Undo done</source>
            <translation>&amp;Undo done</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>Save (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>GeneralTab</name>
        <message>
            <source>Report threshold</source>
            <translation>Report threshold</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Lock after minutes without use</source>
            <translation>Lock after minutes without use</translation>
        </message>
        <message>
            <source>Report &amp;threshold</source>
            <translation>Report &amp;threshold</translation>
        </message>
        <message>
            <source>&amp;Lock after</source>
            <translation>&amp;Lock after</translation>
        </message>
        <message>
            <source>Every report shows a count from 1 up to the threshold minus one as “&lt;k”; the threshold (3 to 20) is the same for every report, and a change is recorded in the logboek. brugdesk locks itself when it has not been used for the chosen number of minutes (1 to 60), also while the laptop sleeps.</source>
            <translation>Every report shows a count from 1 up to the threshold minus one as “&lt;k”; the threshold (3 to 20) is the same for every report, and a change is recorded in the logboek. brugdesk locks itself when it has not been used for the chosen number of minutes (1 to 60), also while the laptop sleeps.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>HappenedDialog</name>
        <message>
            <source>The appointment happened</source>
            <translation>The appointment happened</translation>
        </message>
        <message>
            <source>Appointment:</source>
            <translation>Appointment:</translation>
        </message>
        <message>
            <source>Type a name or reference…</source>
            <translation>Type a name or reference…</translation>
        </message>
        <message>
            <source>&amp;Family:</source>
            <translation>&amp;Family:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>D&amp;uration:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>What was discussed, what was agreed (confidential)</source>
            <translation>What was discussed, what was agreed (confidential)</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>Next step (optional)</source>
            <translation>Next step (optional)</translation>
        </message>
        <message>
            <source>F&amp;ollow-up:</source>
            <translation>F&amp;ollow-up:</translation>
        </message>
        <message>
            <source>Follow-up d&amp;ate:</source>
            <translation>Follow-up d&amp;ate:</translation>
        </message>
        <message>
            <source>&amp;Record as contact</source>
            <translation>&amp;Record as contact</translation>
        </message>
        <message>
            <source>Record the appointment as a contact moment (Enter)</source>
            <translation>Record the appointment as a contact moment (Enter)</translation>
        </message>
        <message>
            <source>Choose the family this appointment was with.</source>
            <translation>Choose the family this appointment was with.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import from a spreadsheet</source>
            <extracomment>how many data rows the mapping step shows as examples of a column</extracomment>
            <translation>Import from a spreadsheet</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Choose the spreadsheet (.xlsx, .xls, .ods or .csv) with your families or contact moments. Nothing is saved before you confirm the import.</source>
            <translation>Choose the spreadsheet (.xlsx, .xls, .ods or .csv) with your families or contact moments. Nothing is saved before you confirm the import.</translation>
        </message>
        <message>
            <source>Spreadsheet file</source>
            <translation>Spreadsheet file</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Choose file…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>&amp;Sheet:</source>
            <translation>&amp;Sheet:</translation>
        </message>
        <message>
            <source>What the rows are</source>
            <translation>What the rows are</translation>
        </message>
        <message>
            <source>Families (one row per child or per family)</source>
            <translation>Families (one row per child or per family)</translation>
        </message>
        <message>
            <source>Contact moments (one row per contact)</source>
            <translation>Contact moments (one row per contact)</translation>
        </message>
        <message>
            <source>&amp;Rows are:</source>
            <translation>&amp;Rows are:</translation>
        </message>
        <message>
            <source>No spreadsheet yet? Save the template, fill it in and import it.</source>
            <translation>No spreadsheet yet? Save the template, fill it in and import it.</translation>
        </message>
        <message>
            <source>Save &amp;template…</source>
            <translation>Save &amp;template…</translation>
        </message>
        <message>
            <source>Check which field each column holds. brugdesk suggested a field from each header; choose another where it guessed wrong, or "(skip)" for a column you do not need.</source>
            <translation>Check which field each column holds. brugdesk suggested a field from each header; choose another where it guessed wrong, or "(skip)" for a column you do not need.</translation>
        </message>
        <message>
            <source>Row with the headers</source>
            <translation>Row with the headers</translation>
        </message>
        <message>
            <source>&amp;Headers are in row:</source>
            <translation>&amp;Headers are in row:</translation>
        </message>
        <message>
            <source>&amp;Load mapping…</source>
            <translation>&amp;Load mapping…</translation>
        </message>
        <message>
            <source>Sa&amp;ve mapping…</source>
            <translation>Sa&amp;ve mapping…</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Examples</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Columns and their fields</source>
            <translation>Columns and their fields</translation>
        </message>
        <message>
            <source>Rows of the sheet</source>
            <translation>Rows of the sheet</translation>
        </message>
        <message>
            <source>Families already in the vault:</source>
            <translation>Families already in the vault:</translation>
        </message>
        <message>
            <source>In the sheet</source>
            <translation>In the sheet</translation>
        </message>
        <message>
            <source>In the vault</source>
            <translation>In the vault</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>What to do</translation>
        </message>
        <message>
            <source>Families already in the vault</source>
            <translation>Families already in the vault</translation>
        </message>
        <message>
            <source>&amp;Open its folder</source>
            <translation>&amp;Open its folder</translation>
        </message>
        <message>
            <source>&amp;Undo this import</source>
            <translation>&amp;Undo this import</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Choose a spreadsheet</source>
            <translation>Choose a spreadsheet</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>Save template</translation>
        </message>
        <message>
            <source>brugdesk-import.xlsx</source>
            <translation>brugdesk-import.xlsx</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>The template could not be saved.</source>
            <translation>The template could not be saved.</translation>
        </message>
        <message>
            <source>Template saved: %1</source>
            <translation>Template saved: %1</translation>
        </message>
        <message>
            <source>(skip)</source>
            <translation>(skip)</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>column %1</translation>
        </message>
        <message>
            <source>Field of column %1</source>
            <translation>Field of column %1</translation>
        </message>
        <message>
            <source>Load mapping</source>
            <translation>Load mapping</translation>
        </message>
        <message>
            <source>Mapping (*.json)</source>
            <translation>Mapping (*.json)</translation>
        </message>
        <message>
            <source>The mapping file could not be read.</source>
            <translation>The mapping file could not be read.</translation>
        </message>
        <message>
            <source>Save mapping</source>
            <translation>Save mapping</translation>
        </message>
        <message>
            <source>mapping.json</source>
            <translation>mapping.json</translation>
        </message>
        <message>
            <source>The mapping could not be saved.</source>
            <translation>The mapping could not be saved.</translation>
        </message>
        <message>
            <source>Mapping saved: %1</source>
            <translation>Mapping saved: %1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>%1 rows read: %2 without an error, %3 with an error (not imported).</source>
            <translation>%1 rows read: %2 without an error, %3 with an error (not imported).</translation>
        </message>
        <message>
            <source>New families: %1, with %2 members. Already in the vault: %3.</source>
            <translation>New families: %1, with %2 members. Already in the vault: %3.</translation>
        </message>
        <message>
            <source>Contact moments: %1.</source>
            <translation>Contact moments: %1.</translation>
        </message>
        <message>
            <source>What to do with %1</source>
            <translation>What to do with %1</translation>
        </message>
        <message>
            <source>Skip (leave the family as it is)</source>
            <translation>Skip (leave the family as it is)</translation>
        </message>
        <message>
            <source>Merge (add the members it does not have yet)</source>
            <translation>Merge (add the members it does not have yet)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Imported: %1 new families, %2 members, %3 contact moments.</source>
            <translation>Imported: %1 new families, %2 members, %3 contact moments.</translation>
        </message>
        <message>
            <source>The spreadsheet %1 still holds these data unencrypted. Delete it (and empty the recycle bin) when you no longer need it.</source>
            <translation>The spreadsheet %1 still holds these data unencrypted. Delete it (and empty the recycle bin) when you no longer need it.</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>The folder could not be opened: %1</source>
            <translation>The folder could not be opened: %1</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Undo import</translation>
        </message>
        <message>
            <source>Remove everything this import added: %1 families, %2 members and %3 contact moments?</source>
            <translation>Remove everything this import added: %1 families, %2 members and %3 contact moments?</translation>
        </message>
        <message>
            <source>&amp;Undo import</source>
            <translation>&amp;Undo import</translation>
        </message>
        <message>
            <source>The import was undone: nothing of it is left in the vault.</source>
            <translation>The import was undone: nothing of it is left in the vault.</translation>
        </message>
    </context>
    <context>
        <name>InspectionExport</name>
        <message>
            <source>Inspection export</source>
            <translation>Inspection export</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be saved: %1</source>
            <translation>The PDF could not be saved: %1</translation>
        </message>
        <message>
            <source>The inspection export was saved as %1.</source>
            <translation>The inspection export was saved as %1.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Registered</source>
            <extracomment>the English source of each status and role label; translated one at a time when shown (a list of 30,000 families asks for a label per painted cell)</extracomment>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Referred</translation>
        </message>
        <message>
            <source>Accepted / started</source>
            <translation>Accepted / started</translation>
        </message>
        <message>
            <source>Waiting list</source>
            <translation>Waiting list</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>Parent / carer</source>
            <translation>Parent / carer</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Child</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
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
            <translation>List</translation>
        </message>
        <message>
            <source>Text snippets (for notes)</source>
            <translation>Text snippets (for notes)</translation>
        </message>
        <message>
            <source>&amp;List</source>
            <translation>&amp;List</translation>
        </message>
        <message>
            <source>Items of the list</source>
            <translation>Items of the list</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>La&amp;bel</source>
            <translation>La&amp;bel</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>Re&amp;name</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>&amp;Hide</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation>Move &amp;down</translation>
        </message>
        <message>
            <source>Hidden items are no longer offered for new entries; what was recorded with them keeps its label, and reports still count it.</source>
            <translation>Hidden items are no longer offered for new entries; what was recorded with them keeps its label, and reports still count it.</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Kinds of contact</source>
            <translation>Kinds of contact</translation>
        </message>
        <message>
            <source>Contact with</source>
            <translation>Contact with</translation>
        </message>
        <message>
            <source>Signal sources</source>
            <translation>Signal sources</translation>
        </message>
        <message>
            <source>Kinds of partner</source>
            <translation>Kinds of partner</translation>
        </message>
        <message>
            <source>Outcomes of closing</source>
            <translation>Outcomes of closing</translation>
        </message>
        <message>
            <source>Kinds of group activity</source>
            <translation>Kinds of group activity</translation>
        </message>
        <message>
            <source>%1 (hidden)</source>
            <translation>%1 (hidden)</translation>
        </message>
        <message>
            <source>S&amp;how again</source>
            <translation>S&amp;how again</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Overview</source>
            <extracomment>The pages in navigation order (Ctrl+1 … Ctrl+9).</extracomment>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Families</source>
            <translation>Families</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Group activities</source>
            <translation>Group activities</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Navigation</source>
            <extracomment>the first window ever (no size kept yet) is centred on its screen when shown</extracomment>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation>%1 (Ctrl+%2)</translation>
        </message>
        <message>
            <source>brugdesk (locked)</source>
            <translation>brugdesk (locked)</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>&amp;First name:</source>
            <translation>&amp;First name:</translation>
        </message>
        <message>
            <source>&amp;Last name:</source>
            <translation>&amp;Last name:</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>&amp;Birth year:</source>
            <translation>&amp;Birth year:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>e.g. groep 5 or 2B</source>
            <translation>e.g. groep 5 or 2B</translation>
        </message>
        <message>
            <source>&amp;Group / class:</source>
            <translation>&amp;Group / class:</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>&amp;Notes:</translation>
        </message>
        <message>
            <source>Add a family member</source>
            <translation>Add a family member</translation>
        </message>
        <message>
            <source>Edit family member</source>
            <translation>Edit family member</translation>
        </message>
    </context>
    <context>
        <name>MemberModel</name>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>Birth year</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Group / class</source>
            <translation>Group / class</translation>
        </message>
    </context>
    <context>
        <name>NewRecoveryKeyDialog</name>
        <message>
            <source>New recovery key</source>
            <translation>New recovery key</translation>
        </message>
        <message>
            <source>A new recovery key replaces the old one: the old key and its printed sheet stop working for this vault and for the backups on this computer. Backups on other disks or USB sticks still open with the old key only. Your passphrase stays the same.</source>
            <translation>A new recovery key replaces the old one: the old key and its printed sheet stop working for this vault and for the backups on this computer. Backups on other disks or USB sticks still open with the old key only. Your passphrase stays the same.</translation>
        </message>
        <message>
            <source>Your passphrase</source>
            <translation>Your passphrase</translation>
        </message>
        <message>
            <source>Your &amp;passphrase</source>
            <translation>Your &amp;passphrase</translation>
        </message>
        <message>
            <source>&amp;Make a new recovery key</source>
            <translation>&amp;Make a new recovery key</translation>
        </message>
        <message>
            <source>&amp;Save recovery sheet (PDF)…</source>
            <translation>&amp;Save recovery sheet (PDF)…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Type your passphrase.</translation>
        </message>
        <message>
            <source>Making the new key…</source>
            <translation>Making the new key…</translation>
        </message>
        <message>
            <source>Your new recovery key (shown only now; print it or write it down):</source>
            <translation>Your new recovery key (shown only now; print it or write it down):</translation>
        </message>
        <message>
            <source>This is not your passphrase.</source>
            <translation>This is not your passphrase.</translation>
        </message>
        <message>
            <source>The vault is also open in another brugdesk window or command. Close it there and try again; no new key was made.</source>
            <translation>The vault is also open in another brugdesk window or command. Close it there and try again; no new key was made.</translation>
        </message>
        <message>
            <source>No new recovery key was made (%1); the old one still works.</source>
            <translation>No new recovery key was made (%1); the old one still works.</translation>
        </message>
        <message>
            <source>Save recovery sheet</source>
            <translation>Save recovery sheet</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>The sheet could not be saved: %1</source>
            <translation>The sheet could not be saved: %1</translation>
        </message>
        <message>
            <source>The recovery sheet was saved.</source>
            <translation>The recovery sheet was saved.</translation>
        </message>
    </context>
    <context>
        <name>OfficerPage</name>
        <message>
            <source>Welcome to brugdesk</source>
            <translation>Welcome to brugdesk</translation>
        </message>
        <message>
            <source>brugdesk keeps your case notes encrypted on this computer. First, who are you?</source>
            <translation>brugdesk keeps your case notes encrypted on this computer. First, who are you?</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Your name</translation>
        </message>
        <message>
            <source>Bridge officer</source>
            <translation>Bridge officer</translation>
        </message>
        <message>
            <source>School social worker</source>
            <translation>School social worker</translation>
        </message>
        <message>
            <source>Parent consultant</source>
            <translation>Parent consultant</translation>
        </message>
        <message>
            <source>Your role</source>
            <translation>Your role</translation>
        </message>
        <message>
            <source>Your &amp;name</source>
            <translation>Your &amp;name</translation>
        </message>
        <message>
            <source>Your &amp;role</source>
            <translation>Your &amp;role</translation>
        </message>
        <message>
            <source>Your name is stored inside the encrypted vault only. It is never printed on reports.</source>
            <translation>Your name is stored inside the encrypted vault only. It is never printed on reports.</translation>
        </message>
        <message>
            <source>Type your name.</source>
            <translation>Type your name.</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <source>&amp;Follow-ups due today and overdue</source>
            <translation>&amp;Follow-ups due today and overdue</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Today's &amp;appointments</source>
            <translation>Today's &amp;appointments</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Today's appointments</source>
            <translation>Today's appointments</translation>
        </message>
        <message>
            <source>No appointments today.</source>
            <translation>No appointments today.</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Follow-ups due today and overdue</source>
            <translation>Follow-ups due today and overdue</translation>
        </message>
        <message>
            <source>Nothing due today. Well done.</source>
            <translation>Nothing due today. Well done.</translation>
        </message>
        <message>
            <source>&amp;Referrals waiting for an answer</source>
            <translation>&amp;Referrals waiting for an answer</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Since</translation>
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
            <translation>Referrals waiting for an answer</translation>
        </message>
        <message>
            <source>No referral is waiting for an answer.</source>
            <translation>No referral is waiting for an answer.</translation>
        </message>
        <message>
            <source>families active</source>
            <translation>families active</translation>
        </message>
        <message>
            <source>new families</source>
            <translation>new families</translation>
        </message>
        <message>
            <source>contacts</source>
            <translation>contacts</translation>
        </message>
        <message>
            <source>hours of contact</source>
            <translation>hours of contact</translation>
        </message>
        <message>
            <source>home visits</source>
            <translation>home visits</translation>
        </message>
        <message>
            <source>&amp;Log a contact…  (Ctrl+N)</source>
            <translation>&amp;Log a contact…  (Ctrl+N)</translation>
        </message>
        <message>
            <source>proposed</source>
            <translation>proposed</translation>
        </message>
        <message>
            <source>referred</source>
            <translation>referred</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>accepted</translation>
        </message>
        <message>
            <source>waiting list</source>
            <translation>waiting list</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>completed</translation>
        </message>
        <message>
            <source>declined</source>
            <translation>declined</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>stopped</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Today, %1</translation>
        </message>
        <message>
            <source>(no family)</source>
            <translation>(no family)</translation>
        </message>
        <message>
            <source>(happened)</source>
            <translation>(happened)</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>any time</translation>
        </message>
        <message>
            <source>(1 day late)</source>
            <translation>(1 day late)</translation>
        </message>
        <message>
            <source>(%1 days late)</source>
            <translation>(%1 days late)</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more: show all on Acties</source>
            <translation>
                <numerusform>… and %n more: show all on Acties</numerusform>
                <numerusform>… and %n more: show all on Acties</numerusform>
            </translation>
        </message>
        <message>
            <source>(waiting too long)</source>
            <translation>(waiting too long)</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more referral(s) waiting: show them all</source>
            <translation>
                <numerusform>… and %n more referral(s) waiting: show them all</numerusform>
                <numerusform>… and %n more referral(s) waiting: show them all</numerusform>
            </translation>
        </message>
        <message>
            <source>This term: %1 (%2 – %3)</source>
            <translation>This term: %1 (%2 – %3)</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <source>Your passphrase</source>
            <translation>Your passphrase</translation>
        </message>
        <message>
            <source>The passphrase opens your vault. Choose at least 10 characters — a short sentence you can remember works well. Nobody can reset it for you.</source>
            <translation>The passphrase opens your vault. Choose at least 10 characters — a short sentence you can remember works well. Nobody can reset it for you.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Repeat the passphrase</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>&amp;Repeat it</source>
            <translation>&amp;Repeat it</translation>
        </message>
        <message>
            <source>&amp;Create the vault</source>
            <translation>&amp;Create the vault</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <source>Making your vault…</source>
            <translation>Making your vault…</translation>
        </message>
    </context>
    <context>
        <name>PassphraseTab</name>
        <message>
            <source>Current passphrase</source>
            <translation>Current passphrase</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>New passphrase</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Repeat the new passphrase</translation>
        </message>
        <message>
            <source>C&amp;urrent passphrase</source>
            <translation>C&amp;urrent passphrase</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>&amp;New passphrase</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>&amp;Repeat</translation>
        </message>
        <message>
            <source>&amp;Change passphrase</source>
            <translation>&amp;Change passphrase</translation>
        </message>
        <message>
            <source>The recovery key stays the same. The keyring item on this computer keeps working.</source>
            <translation>The recovery key stays the same. The keyring item on this computer keeps working.</translation>
        </message>
        <message>
            <source>Type your current passphrase.</source>
            <translation>Type your current passphrase.</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>The two new passphrases are not the same.</translation>
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on.</source>
            <translation>The passphrase was changed. Use the new one from now on.</translation>
        </message>
        <message>
            <source>This is not your current passphrase.</source>
            <translation>This is not your current passphrase.</translation>
        </message>
        <message>
            <source>The passphrase could not be changed (%1); the old one still works.</source>
            <translation>The passphrase could not be changed (%1); the old one still works.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Page %1 of %2</source>
            <extracomment>never render wider than this many pixels per page (a 4K screen at full width)</extracomment>
            <translation>Page %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>PrivacyTab</name>
        <message>
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>brugdesk makes a verified, encrypted backup every day and when it locks or closes, and keeps one per day for 7 days and one per week for 4 weeks. A backup opens with your passphrase or recovery key.</source>
            <translation>brugdesk makes a verified, encrypted backup every day and when it locks or closes, and keeps one per day for 7 days and one per week for 4 weeks. A backup opens with your passphrase or recovery key.</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>Back up &amp;now</translation>
        </message>
        <message>
            <source>Back up to &amp;folder or USB stick…</source>
            <translation>Back up to &amp;folder or USB stick…</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>&amp;Restore a backup…</translation>
        </message>
        <message>
            <source>Making the backup…</source>
            <translation>Making the backup…</translation>
        </message>
        <message>
            <source>Choose a folder or USB stick for the backup</source>
            <translation>Choose a folder or USB stick for the backup</translation>
        </message>
        <message>
            <source>Backup made and verified: %1</source>
            <translation>Backup made and verified: %1</translation>
        </message>
        <message>
            <source>The backup failed (%1).</source>
            <translation>The backup failed (%1).</translation>
        </message>
        <message>
            <source>Retention period</source>
            <translation>Retention period</translation>
        </message>
        <message>
            <source> years after closing</source>
            <translation> years after closing</translation>
        </message>
        <message>
            <source>Retention period in years</source>
            <translation>Retention period in years</translation>
        </message>
        <message>
            <source>&amp;Keep a closed family's data for</source>
            <translation>&amp;Keep a closed family's data for</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Families past their retention period are listed on the Overview page; you review them and confirm before anything is deleted.</source>
            <translation>Families past their retention period are listed on the Overview page; you review them and confirm before anything is deleted.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Requests from parents</source>
            <translation>Requests from parents</translation>
        </message>
        <message>
            <source>Parents may ask to see everything stored about their family (inspection, AVG article 15) or to have it erased (article 17).</source>
            <translation>Parents may ask to see everything stored about their family (inspection, AVG article 15) or to have it erased (article 17).</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Fa&amp;mily</source>
            <translation>Fa&amp;mily</translation>
        </message>
        <message>
            <source>&amp;Inspection export…</source>
            <translation>&amp;Inspection export…</translation>
        </message>
        <message>
            <source>&amp;Erase this family…</source>
            <translation>&amp;Erase this family…</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>Lost the recovery sheet, or afraid someone saw it? Make a new recovery key: the vault is re-encrypted with a new key and the old sheet stops working.</source>
            <translation>Lost the recovery sheet, or afraid someone saw it? Make a new recovery key: the vault is re-encrypted with a new key and the old sheet stops working.</translation>
        </message>
        <message>
            <source>Make a ne&amp;w recovery key…</source>
            <translation>Make a ne&amp;w recovery key…</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Every unlock, view, change, export, report, backup, restore and purge is recorded here — without names or notes. Each entry is sealed to the one before it, so a changed or removed entry is noticed.</source>
            <translation>Every unlock, view, change, export, report, backup, restore and purge is recorded here — without names or notes. Each entry is sealed to the one before it, so a changed or removed entry is noticed.</translation>
        </message>
        <message>
            <source>&amp;Check the audit log</source>
            <translation>&amp;Check the audit log</translation>
        </message>
        <message>
            <source>The audit log is complete and unchanged.</source>
            <translation>The audit log is complete and unchanged.</translation>
        </message>
        <message>
            <source>The audit log was changed or shortened, starting at entry %1.</source>
            <translation>The audit log was changed or shortened, starting at entry %1.</translation>
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Yes</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;No</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyPage</name>
        <message>
            <source>Your recovery key</source>
            <translation>Your recovery key</translation>
        </message>
        <message>
            <source>This key opens the vault when the passphrase is forgotten. It is shown only now: save it as a PDF and print it, and keep the paper locked away.</source>
            <translation>This key opens the vault when the passphrase is forgotten. It is shown only now: save it as a PDF and print it, and keep the paper locked away.</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Save the recovery sheet</source>
            <translation>Save the recovery sheet</translation>
        </message>
        <message>
            <source>brugdesk-recovery-key.pdf</source>
            <translation>brugdesk-recovery-key.pdf</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be saved (%1). Choose another place.</source>
            <translation>The PDF could not be saved (%1). Choose another place.</translation>
        </message>
        <message>
            <source>Saved as %1. Print it, then keep the paper somewhere safe and remove the file if it is on a shared disk.</source>
            <translation>Saved as %1. Print it, then keep the paper somewhere safe and remove the file if it is on a shared disk.</translation>
        </message>
        <message>
            <source>brugdesk recovery key</source>
            <translation>brugdesk recovery key</translation>
        </message>
        <message>
            <source>This key opens your brugdesk vault when the passphrase is forgotten. Keep this paper locked away, apart from the laptop.</source>
            <translation>This key opens your brugdesk vault when the passphrase is forgotten. Keep this paper locked away, apart from the laptop.</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Sent to the printer.</translation>
        </message>
    </context>
    <context>
        <name>ReferralDialog</name>
        <message>
            <source>Choose or type a new organisation</source>
            <translation>Choose or type a new organisation</translation>
        </message>
        <message>
            <source>&amp;Partner:</source>
            <translation>&amp;Partner:</translation>
        </message>
        <message>
            <source>Kind of partner (&amp;new):</source>
            <translation>Kind of partner (&amp;new):</translation>
        </message>
        <message>
            <source>Name and phone of the person there</source>
            <translation>Name and phone of the person there</translation>
        </message>
        <message>
            <source>Con&amp;tact person:</source>
            <translation>Con&amp;tact person:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>What the family needs from the partner</source>
            <translation>What the family needs from the partner</translation>
        </message>
        <message>
            <source>Hulp&amp;vraag:</source>
            <translation>Hulp&amp;vraag:</translation>
        </message>
        <message>
            <source>The&amp;mes:</source>
            <translation>The&amp;mes:</translation>
        </message>
        <message>
            <source>recorded on</source>
            <translation>recorded on</translation>
        </message>
        <message>
            <source>Sharing &amp;consent:</source>
            <translation>Sharing &amp;consent:</translation>
        </message>
        <message>
            <source>e.g. both parents</source>
            <translation>e.g. both parents</translation>
        </message>
        <message>
            <source>Consent given &amp;by:</source>
            <translation>Consent given &amp;by:</translation>
        </message>
        <message>
            <source>Warm handover (introduced in person)</source>
            <translation>Warm handover (introduced in person)</translation>
        </message>
        <message>
            <source>&amp;Handover:</source>
            <translation>&amp;Handover:</translation>
        </message>
        <message>
            <source>&amp;Outcome note:</source>
            <translation>&amp;Outcome note:</translation>
        </message>
        <message>
            <source>Edit referral</source>
            <translation>Edit referral</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>New referral</translation>
        </message>
        <message>
            <source>Choose a partner or type the organisation's name.</source>
            <translation>Choose a partner or type the organisation's name.</translation>
        </message>
    </context>
    <context>
        <name>ReferralListModel</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day(s)</numerusform>
                <numerusform>%n day(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>(too long)</source>
            <translation>(too long)</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
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
            <translation>Since</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
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
            <translation>not recorded</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
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
            <translation>Since</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Sharing consent</source>
            <translation>Sharing consent</translation>
        </message>
        <message>
            <source>Warm handover</source>
            <translation>Warm handover</translation>
        </message>
    </context>
    <context>
        <name>ReferralStatusDialog</name>
        <message>
            <source>Change referral status</source>
            <extracomment>The order in which next statuses are offered (the usual path first).</extracomment>
            <translation>Change referral status</translation>
        </message>
        <message>
            <source>Current status:</source>
            <translation>Current status:</translation>
        </message>
        <message>
            <source>&amp;New status:</source>
            <translation>&amp;New status:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>What happened (optional), e.g. intake planned on 12-3</source>
            <translation>What happened (optional), e.g. intake planned on 12-3</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <source>&amp;Change status</source>
            <translation>&amp;Change status</translation>
        </message>
        <message>
            <source>%1 since %2</source>
            <translation>%1 since %2</translation>
        </message>
        <message>
            <source>no further status is possible</source>
            <translation>no further status is possible</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <source>Filter on status</source>
            <extracomment>status filter choices that are a group of statuses (the rest: one status each)</extracomment>
            <translation>Filter on status</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Waiting (proposed, referred, waiting list)</source>
            <translation>Waiting (proposed, referred, waiting list)</translation>
        </message>
        <message>
            <source>Open (not finished)</source>
            <translation>Open (not finished)</translation>
        </message>
        <message>
            <source>Filter on kind of partner</source>
            <translation>Filter on kind of partner</translation>
        </message>
        <message>
            <source>Filter on school</source>
            <translation>Filter on school</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>&amp;Kind of partner:</source>
            <translation>&amp;Kind of partner:</translation>
        </message>
        <message>
            <source>Sc&amp;hool:</source>
            <translation>Sc&amp;hool:</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Hulpvraag</source>
            <translation>Hulpvraag</translation>
        </message>
        <message>
            <source>Contact person at the partner</source>
            <translation>Contact person at the partner</translation>
        </message>
        <message>
            <source>Hulpvraag:</source>
            <translation>Hulpvraag:</translation>
        </message>
        <message>
            <source>Contact person:</source>
            <translation>Contact person:</translation>
        </message>
        <message>
            <source>Status hist&amp;ory:</source>
            <translation>Status hist&amp;ory:</translation>
        </message>
        <message>
            <source>Status history of the selected referral</source>
            <translation>Status history of the selected referral</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Change &amp;status…</translation>
        </message>
        <message>
            <source>Move the selected referral to its next status, with a note (Enter)</source>
            <translation>Move the selected referral to its next status, with a note (Enter)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Edit the hulpvraag, contact person and other details</source>
            <translation>Edit the hulpvraag, contact person and other details</translation>
        </message>
        <message>
            <source>Open &amp;family</source>
            <translation>Open &amp;family</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>All schools</translation>
        </message>
        <message numerus="yes">
            <source>Only those waiting too &amp;long (over %n day(s))</source>
            <translation>
                <numerusform>Only those waiting too &amp;long (over %n day(s))</numerusform>
                <numerusform>Only those waiting too &amp;long (over %n day(s))</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referral(s)</source>
            <translation>
                <numerusform>%n referral(s)</numerusform>
                <numerusform>%n referral(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>No referral selected.</source>
            <translation>No referral selected.</translation>
        </message>
        <message>
            <source>No referral matches these filters.</source>
            <translation>No referral matches these filters.</translation>
        </message>
        <message>
            <source>%1 (%2) → %3, since %4</source>
            <translation>%1 (%2) → %3, since %4</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(not recorded)</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>Appointment at %1</source>
            <extracomment>minutes before the start that an appointment reminds today's and tomorrow's planned appointments: (id, start, kind label); no family, no note</extracomment>
            <translation>Appointment at %1</translation>
        </message>
        <message>
            <source>%1. Unlock brugdesk to see the details.</source>
            <translation>%1. Unlock brugdesk to see the details.</translation>
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
            <translation>Period</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>First day</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Last day</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Only for yourself — not for sharing</source>
            <translation>Only for yourself — not for sharing</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>Printed on the first page of the report. Before saving it is checked for names from your files.</source>
            <translation>Printed on the first page of the report. Before saving it is checked for names from your files.</translation>
        </message>
        <message>
            <source>What the numbers do not say: context, developments, plans. No names.</source>
            <translation>What the numbers do not say: context, developments, plans. No names.</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>&amp;School:</source>
            <translation>&amp;School:</translation>
        </message>
        <message>
            <source>&amp;Remarks (first page of the report):</source>
            <translation>&amp;Remarks (first page of the report):</translation>
        </message>
        <message>
            <source>Only a school year, a term or a calendar year can be saved and shared; other dates are for your own screen.</source>
            <translation>Only a school year, a term or a calendar year can be saved and shared; other dates are for your own screen.</translation>
        </message>
        <message>
            <source>%1 (interim figures)</source>
            <translation>%1 (interim figures)</translation>
        </message>
        <message>
            <source>Other dates (only for yourself)…</source>
            <translation>Other dates (only for yourself)…</translation>
        </message>
        <message>
            <source>All schools</source>
            <translation>All schools</translation>
        </message>
        <message>
            <source>Small numbers: k = %1, set in Instellingen (the same for every report).</source>
            <translation>Small numbers: k = %1, set in Instellingen (the same for every report).</translation>
        </message>
        <message>
            <source>%1: the period is still running; the report counts up to and including that day.</source>
            <translation>%1: the period is still running; the report counts up to and including that day.</translation>
        </message>
        <message>
            <source>%1 of at most %2 characters</source>
            <translation>%1 of at most %2 characters</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Save as P&amp;DF…</source>
            <extracomment>the changes that alter what a report counts (not an export, a backup or a new key)</extracomment>
            <translation>Save as P&amp;DF…</translation>
        </message>
        <message>
            <source>Save as &amp;CSV…</source>
            <translation>Save as &amp;CSV…</translation>
        </message>
        <message>
            <source>Anonymised report</source>
            <translation>Anonymised report</translation>
        </message>
        <message>
            <source>Preview of the report</source>
            <translation>Preview of the report</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Busy</translation>
        </message>
        <message>
            <source>A summary for school leadership without names or notes, for a school year, a term or a calendar year; small numbers are hidden.</source>
            <translation>A summary for school leadership without names or notes, for a school year, a term or a calendar year; small numbers are hidden.</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Making the report…</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page(s)</numerusform>
                <numerusform>%n page(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>The report could not be made (%1).</source>
            <translation>The report could not be made (%1).</translation>
        </message>
        <message>
            <source>The remarks are %1 characters long; at most %2 fit on the first page.</source>
            <translation>The remarks are %1 characters long; at most %2 fit on the first page.</translation>
        </message>
        <message>
            <source>Save report as PDF</source>
            <translation>Save report as PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Save report as CSV</source>
            <translation>Save report as CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Saving the report…</source>
            <translation>Saving the report…</translation>
        </message>
        <message>
            <source>Name in the remarks</source>
            <translation>Name in the remarks</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>The report could not be saved: %1</source>
            <translation>The report could not be saved: %1</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <extracomment>the vault after a successful restore (already attached when there is a session)</extracomment>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. brugdesk first checks that it opens with this vault's key and is undamaged. The current database is then kept aside (never deleted) and replaced by the backup; changes made after the backup are not in it.</source>
            <translation>Choose the backup to go back to. brugdesk first checks that it opens with this vault's key and is undamaged. The current database is then kept aside (never deleted) and replaced by the backup; changes made after the backup are not in it.</translation>
        </message>
        <message>
            <source>Passphrase or recovery key</source>
            <translation>Passphrase or recovery key</translation>
        </message>
        <message>
            <source>This is the &amp;recovery key</source>
            <translation>This is the &amp;recovery key</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>This is a backup of &amp;another vault</source>
            <translation>This is a backup of &amp;another vault</translation>
        </message>
        <message>
            <source>Its data then replaces this vault's; it opens with this vault's passphrase and recovery key afterwards.</source>
            <translation>Its data then replaces this vault's; it opens with this vault's passphrase and recovery key afterwards.</translation>
        </message>
        <message>
            <source>Recovery key of &amp;that vault</source>
            <translation>Recovery key of &amp;that vault</translation>
        </message>
        <message>
            <source>Recovery key of the other vault</source>
            <translation>Recovery key of the other vault</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>&amp;Other file…</source>
            <translation>&amp;Other file…</translation>
        </message>
        <message>
            <source>&amp;Check this backup</source>
            <translation>&amp;Check this backup</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restore</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>There are no backups in this vault yet. Choose a backup file with 'Other file…'.</source>
            <translation>There are no backups in this vault yet. Choose a backup file with 'Other file…'.</translation>
        </message>
        <message>
            <source>Choose a backup file</source>
            <translation>Choose a backup file</translation>
        </message>
        <message>
            <source>brugdesk backups (*.bdbackup);;All files (*)</source>
            <translation>brugdesk backups (*.bdbackup);;All files (*)</translation>
        </message>
        <message>
            <source>Type the recovery key of the vault this backup comes from.</source>
            <translation>Type the recovery key of the vault this backup comes from.</translation>
        </message>
        <message>
            <source>Type your passphrase or recovery key.</source>
            <translation>Type your passphrase or recovery key.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>None of the backups in this vault can be used. Choose a backup file with 'Other file…'.</source>
            <translation>None of the backups in this vault can be used. Choose a backup file with 'Other file…'.</translation>
        </message>
        <message numerus="yes">
            <source>This backup is complete and undamaged; it holds %n family(ies).</source>
            <translation>
                <numerusform>This backup is complete and undamaged; it holds %n family(ies).</numerusform>
                <numerusform>This backup is complete and undamaged; it holds %n family(ies).</numerusform>
            </translation>
        </message>
        <message>
            <source>This backup does not open with the recovery key you typed for the other vault. Nothing was changed.</source>
            <translation>This backup does not open with the recovery key you typed for the other vault. Nothing was changed.</translation>
        </message>
        <message>
            <source>This backup does not open with this vault's key. If it is a backup of another vault, tick 'This is a backup of another vault' and type that vault's recovery key. Nothing was changed.</source>
            <translation>This backup does not open with this vault's key. If it is a backup of another vault, tick 'This is a backup of another vault' and type that vault's recovery key. Nothing was changed.</translation>
        </message>
        <message>
            <source>This backup cannot be used: it does not open with this vault's key or is damaged. Choose another one.</source>
            <translation>This backup cannot be used: it does not open with this vault's key or is damaged. Choose another one.</translation>
        </message>
        <message>
            <source>This vault's data is replaced by the data of the other vault this backup comes from. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault, with this vault's passphrase and recovery key.</source>
            <translation>This vault's data is replaced by the data of the other vault this backup comes from. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault, with this vault's passphrase and recovery key.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Restore this backup?</translation>
        </message>
        <message>
            <source>Restore &amp;anyway</source>
            <translation>Restore &amp;anyway</translation>
        </message>
        <message>
            <source>The backup was restored.</source>
            <translation>The backup was restored.</translation>
        </message>
        <message>
            <source>It came from another vault; it now opens with this vault's passphrase and recovery key.</source>
            <translation>It came from another vault; it now opens with this vault's passphrase and recovery key.</translation>
        </message>
        <message numerus="yes">
            <source>%n erased family(ies) removed again.</source>
            <translation>
                <numerusform>%n erased family(ies) removed again.</numerusform>
                <numerusform>%n erased family(ies) removed again.</numerusform>
            </translation>
        </message>
        <message>
            <source>The list of erased families has been started anew.</source>
            <translation>The list of erased families has been started anew.</translation>
        </message>
        <message>
            <source>The vault goes back to this backup. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault.</source>
            <translation>The vault goes back to this backup. The current database is kept aside in the vault folder. brugdesk locks for a moment and opens the restored vault.</translation>
        </message>
        <message>
            <source>The list of erased families is missing</source>
            <translation>The list of erased families is missing</translation>
        </message>
        <message>
            <source>The list of erased families (erasures.bdledger in the vault folder) is missing or damaged. brugdesk uses it to erase again, after a restore, the families that were erased after the backup was made. If you restore anyway, such families come back and you have to erase them again. Restore anyway?</source>
            <translation>The list of erased families (erasures.bdledger in the vault folder) is missing or damaged. brugdesk uses it to erase again, after a restore, the families that were erased after the backup was made. If you restore anyway, such families come back and you have to erase them again. Restore anyway?</translation>
        </message>
        <message>
            <source>Nothing was restored. Put erasures.bdledger back from a copy of the vault folder, or restore anyway.</source>
            <translation>Nothing was restored. Put erasures.bdledger back from a copy of the vault folder, or restore anyway.</translation>
        </message>
        <message>
            <source>The vault is still open in another brugdesk window or command. Close it there and try again; nothing was changed.</source>
            <translation>The vault is still open in another brugdesk window or command. Close it there and try again; nothing was changed.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>The backup could not be restored.</source>
            <translation>The backup could not be restored.</translation>
        </message>
        <message>
            <source>The backup was restored. The replaced database was kept as %1.</source>
            <translation>The backup was restored. The replaced database was kept as %1.</translation>
        </message>
    </context>
    <context>
        <name>RetentionPanel</name>
        <message>
            <source>Past the retention period</source>
            <translation>Past the retention period</translation>
        </message>
        <message>
            <source>Families past the retention period</source>
            <translation>Families past the retention period</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <source>Period ended on</source>
            <translation>Period ended on</translation>
        </message>
        <message>
            <source>&amp;Delete the ticked families…</source>
            <translation>&amp;Delete the ticked families…</translation>
        </message>
        <message numerus="yes">
            <source>These closed families were closed more than %n year(s) ago. Review them and untick any family whose file must be kept longer; then delete the rest. Only the date and the number of families are kept.</source>
            <translation>
                <numerusform>These closed families were closed more than %n year(s) ago. Review them and untick any family whose file must be kept longer; then delete the rest. Only the date and the number of families are kept.</numerusform>
                <numerusform>These closed families were closed more than %n year(s) ago. Review them and untick any family whose file must be kept longer; then delete the rest. Only the date and the number of families are kept.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n family(ies) for good? Every member, contact, referral and follow-up of them is deleted, also from the audit log's details. This cannot be undone.</source>
            <translation>
                <numerusform>Delete %n family(ies) for good? Every member, contact, referral and follow-up of them is deleted, also from the audit log's details. This cannot be undone.</numerusform>
                <numerusform>Delete %n family(ies) for good? Every member, contact, referral and follow-up of them is deleted, also from the audit log's details. This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete after the retention period</source>
            <translation>Delete after the retention period</translation>
        </message>
        <message>
            <source>&amp;Delete for good</source>
            <translation>&amp;Delete for good</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message numerus="yes">
            <source>%n family(ies) deleted.</source>
            <translation>
                <numerusform>%n family(ies) deleted.</numerusform>
                <numerusform>%n family(ies) deleted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SchoolsPage</name>
        <message>
            <source>Your schools</source>
            <translation>Your schools</translation>
        </message>
        <message>
            <source>Add the school or schools you work for. You can change them later in Settings.</source>
            <translation>Add the school or schools you work for. You can change them later in Settings.</translation>
        </message>
        <message>
            <source>School name</source>
            <translation>School name</translation>
        </message>
        <message>
            <source>School type</source>
            <translation>School type</translation>
        </message>
        <message>
            <source>PO – primary</source>
            <translation>PO – primary</translation>
        </message>
        <message>
            <source>VO – secondary</source>
            <translation>VO – secondary</translation>
        </message>
        <message>
            <source>SO – special</source>
            <translation>SO – special</translation>
        </message>
        <message>
            <source>BRIN code</source>
            <translation>BRIN code</translation>
        </message>
        <message>
            <source>Number of pupils</source>
            <translation>Number of pupils</translation>
        </message>
        <message>
            <source>&amp;Add this school</source>
            <translation>&amp;Add this school</translation>
        </message>
        <message>
            <source>Schools added</source>
            <translation>Schools added</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>School &amp;name</source>
            <translation>School &amp;name</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Type</translation>
        </message>
        <message>
            <source>&amp;BRIN (optional)</source>
            <translation>&amp;BRIN (optional)</translation>
        </message>
        <message>
            <source>&amp;Pupils (optional)</source>
            <translation>&amp;Pupils (optional)</translation>
        </message>
        <message>
            <source>&amp;Schools added</source>
            <translation>&amp;Schools added</translation>
        </message>
        <message>
            <source>Type a whole number, such as 240.</source>
            <translation>Type a whole number, such as 240.</translation>
        </message>
        <message>
            <source>This school is already in the list.</source>
            <translation>This school is already in the list.</translation>
        </message>
        <message>
            <source>Add at least one school.</source>
            <translation>Add at least one school.</translation>
        </message>
    </context>
    <context>
        <name>SchoolsTab</name>
        <message>
            <source>Schools</source>
            <translation>Schools</translation>
        </message>
        <message>
            <source>Sc&amp;hools you work for</source>
            <translation>Sc&amp;hools you work for</translation>
        </message>
        <message>
            <source>School name</source>
            <translation>School name</translation>
        </message>
        <message>
            <source>School type</source>
            <translation>School type</translation>
        </message>
        <message>
            <source>PO – primary</source>
            <translation>PO – primary</translation>
        </message>
        <message>
            <source>VO – secondary</source>
            <translation>VO – secondary</translation>
        </message>
        <message>
            <source>SO – special</source>
            <translation>SO – special</translation>
        </message>
        <message>
            <source>BRIN code</source>
            <translation>BRIN code</translation>
        </message>
        <message>
            <source>Number of pupils</source>
            <translation>Number of pupils</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Type</translation>
        </message>
        <message>
            <source>B&amp;RIN (optional)</source>
            <translation>B&amp;RIN (optional)</translation>
        </message>
        <message>
            <source>&amp;Pupils (optional)</source>
            <translation>&amp;Pupils (optional)</translation>
        </message>
        <message>
            <source>&amp;New school</source>
            <translation>&amp;New school</translation>
        </message>
        <message>
            <source>&amp;Save school</source>
            <translation>&amp;Save school</translation>
        </message>
        <message>
            <source>&amp;Remove school</source>
            <translation>&amp;Remove school</translation>
        </message>
        <message>
            <source>Type a whole number, such as 240.</source>
            <translation>Type a whole number, such as 240.</translation>
        </message>
        <message>
            <source>Remove school</source>
            <translation>Remove school</translation>
        </message>
        <message>
            <source>Remove this school from brugdesk?</source>
            <translation>Remove this school from brugdesk?</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Settings sections</source>
            <translation>Settings sections</translation>
        </message>
        <message>
            <source>Schools</source>
            <translation>Schools</translation>
        </message>
        <message>
            <source>School year</source>
            <translation>School year</translation>
        </message>
        <message>
            <source>Lists</source>
            <translation>Lists</translation>
        </message>
        <message>
            <source>Reports and locking</source>
            <translation>Reports and locking</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>This computer</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Backups and privacy</source>
            <translation>Backups and privacy</translation>
        </message>
    </context>
    <context>
        <name>Snippets</name>
        <message>
            <source>Text snippets</source>
            <extracomment>the letters before the cursor that a snippet is looked up by the shortcut that opens the list</extracomment>
            <translation>Text snippets</translation>
        </message>
        <message>
            <source>Ctrl+Space inserts a text snippet</source>
            <translation>Ctrl+Space inserts a text snippet</translation>
        </message>
        <message>
            <source>No text snippet matches “%1”.</source>
            <translation>No text snippet matches “%1”.</translation>
        </message>
        <message>
            <source>There are no text snippets yet (Settings → Lists).</source>
            <translation>There are no text snippets yet (Settings → Lists).</translation>
        </message>
        <message>
            <source>%n text snippet(s): arrow keys to choose, Enter to insert.</source>
            <translation>%n text snippet(s): arrow keys to choose, Enter to insert.</translation>
        </message>
        <message>
            <source>Inserted: %1</source>
            <translation>Inserted: %1</translation>
        </message>
    </context>
    <context>
        <name>SnippetsEditor</name>
        <message>
            <source>Text snippets</source>
            <translation>Text snippets</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Letters</translation>
        </message>
        <message>
            <source>e.g. hb</source>
            <translation>e.g. hb</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>e.g. Home visit: talked with both parents about …</source>
            <translation>e.g. Home visit: talked with both parents about …</translation>
        </message>
        <message>
            <source>Le&amp;tters:</source>
            <translation>Le&amp;tters:</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;xt:</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Save changes</source>
            <translation>&amp;Save changes</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Move do&amp;wn</translation>
        </message>
        <message>
            <source>In a note or follow-up, type the letters and press Ctrl+Space: the text takes their place. Ctrl+Space without letters lists every snippet.</source>
            <translation>In a note or follow-up, type the letters and press Ctrl+Space: the text takes their place. Ctrl+Space without letters lists every snippet.</translation>
        </message>
        <message>
            <source>Added: %1</source>
            <translation>Added: %1</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Delete text snippet</source>
            <translation>Delete text snippet</translation>
        </message>
        <message>
            <source>Delete the text snippet “%1”? Notes it was inserted in keep their text.</source>
            <translation>Delete the text snippet “%1”? Notes it was inserted in keep their text.</translation>
        </message>
        <message>
            <source>Deleted.</source>
            <translation>Deleted.</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <source>Passphrase strength</source>
            <translation>Passphrase strength</translation>
        </message>
        <message>
            <source>Too short: at least 10 characters.</source>
            <translation>Too short: at least 10 characters.</translation>
        </message>
        <message>
            <source>Too easy to guess: add a few words that do not belong together.</source>
            <translation>Too easy to guess: add a few words that do not belong together.</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>Strong.</translation>
        </message>
        <message>
            <source>Very strong.</source>
            <translation>Very strong.</translation>
        </message>
        <message>
            <source>Use at least 10 characters; a short sentence works well.</source>
            <translation>Use at least 10 characters; a short sentence works well.</translation>
        </message>
    </context>
    <context>
        <name>TermStartsEditor</name>
        <message>
            <source>&amp;Add a term</source>
            <translation>&amp;Add a term</translation>
        </message>
        <message>
            <source>Remove the &amp;last term</source>
            <translation>Remove the &amp;last term</translation>
        </message>
        <message>
            <source>Term %1 starts on</source>
            <translation>Term %1 starts on</translation>
        </message>
        <message>
            <source>Start of term %1</source>
            <translation>Start of term %1</translation>
        </message>
    </context>
    <context>
        <name>TermsPage</name>
        <message>
            <source>School year and terms</source>
            <translation>School year and terms</translation>
        </message>
        <message>
            <source>Your reports are made per term. These are the usual terms; change them if your schools use other ones.</source>
            <translation>Your reports are made per term. These are the usual terms; change them if your schools use other ones.</translation>
        </message>
    </context>
    <context>
        <name>TermsTab</name>
        <message>
            <source>A school year runs from 1 August to 31 July. Choose when each term starts; each term ends the day before the next one starts.</source>
            <translation>A school year runs from 1 August to 31 July. Choose when each term starts; each term ends the day before the next one starts.</translation>
        </message>
        <message>
            <source>&amp;Save terms</source>
            <translation>&amp;Save terms</translation>
        </message>
    </context>
    <context>
        <name>UnlockView</name>
        <message>
            <source>brugdesk is locked</source>
            <translation>brugdesk is locked</translation>
        </message>
        <message>
            <source>Type your passphrase to open your vault.</source>
            <translation>Type your passphrase to open your vault.</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>&amp;Recovery key</source>
            <translation>&amp;Recovery key</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>Use the recovery &amp;key instead</source>
            <translation>Use the recovery &amp;key instead</translation>
        </message>
        <message>
            <source>Use the recovery key instead of the passphrase</source>
            <translation>Use the recovery key instead of the passphrase</translation>
        </message>
        <message>
            <source>Re&amp;member on this computer</source>
            <translation>Re&amp;member on this computer</translation>
        </message>
        <message>
            <source>Keep the key in this computer's keyring, so brugdesk opens without the passphrase while you are logged in.</source>
            <translation>Keep the key in this computer's keyring, so brugdesk opens without the passphrase while you are logged in.</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>Opening the vault</source>
            <translation>Opening the vault</translation>
        </message>
        <message>
            <source>Restore a &amp;backup…</source>
            <translation>Restore a &amp;backup…</translation>
        </message>
        <message>
            <source>Go back to a verified backup of this vault</source>
            <translation>Go back to a verified backup of this vault</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Vault: %1</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>&amp;New passphrase</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>New passphrase</translation>
        </message>
        <message>
            <source>Re&amp;peat it</source>
            <translation>Re&amp;peat it</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Repeat the new passphrase</translation>
        </message>
        <message>
            <source>&amp;Set the new passphrase</source>
            <translation>&amp;Set the new passphrase</translation>
        </message>
        <message>
            <source>Type the recovery key from your recovery sheet.</source>
            <translation>Type the recovery key from your recovery sheet.</translation>
        </message>
        <message>
            <source>Type the recovery key.</source>
            <translation>Type the recovery key.</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Type your passphrase.</translation>
        </message>
        <message>
            <source>Keyring not available</source>
            <translation>Keyring not available</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) of this computer is not available, so brugdesk cannot remember the vault here. Unlock with your passphrase next time.</source>
            <translation>The keyring (sleutelbos) of this computer is not available, so brugdesk cannot remember the vault here. Unlock with your passphrase next time.</translation>
        </message>
        <message>
            <source>The key file of this vault is missing or damaged. Unlock with the recovery key and choose a new passphrase: that writes a new key file.</source>
            <translation>The key file of this vault is missing or damaged. Unlock with the recovery key and choose a new passphrase: that writes a new key file.</translation>
        </message>
        <message>
            <source>Opening the vault…</source>
            <translation>Opening the vault…</translation>
        </message>
        <message>
            <source>Choose a new passphrase</source>
            <translation>Choose a new passphrase</translation>
        </message>
        <message>
            <source>The recovery key opened your vault, but its key file was missing or damaged. Choose a new passphrase: that writes a new key file.</source>
            <translation>The recovery key opened your vault, but its key file was missing or damaged. Choose a new passphrase: that writes a new key file.</translation>
        </message>
        <message>
            <source>The recovery key opened your vault. Choose a new passphrase, so you can open it with that from now on.</source>
            <translation>The recovery key opened your vault. Choose a new passphrase, so you can open it with that from now on.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <source>Saving the new passphrase…</source>
            <translation>Saving the new passphrase…</translation>
        </message>
        <message>
            <source>Opening with the key remembered on this computer…</source>
            <translation>Opening with the key remembered on this computer…</translation>
        </message>
        <message>
            <source>Erased families</source>
            <translation>Erased families</translation>
        </message>
        <message numerus="yes">
            <source>%n erased family(ies) were in the database again and have been removed again.</source>
            <translation>
                <numerusform>%n erased family(ies) were in the database again and have been removed again.</numerusform>
                <numerusform>%n erased family(ies) were in the database again and have been removed again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrong passphrase. Check it (is Caps Lock on?) and try again, or use the recovery key.</source>
            <translation>Wrong passphrase. Check it (is Caps Lock on?) and try again, or use the recovery key.</translation>
        </message>
        <message>
            <source>This recovery key does not open this vault. Check the 52 characters on your recovery sheet.</source>
            <translation>This recovery key does not open this vault. Check the 52 characters on your recovery sheet.</translation>
        </message>
        <message>
            <source>The keyring (sleutelbos) is not available, or no longer holds the key for this vault. Type your passphrase instead.</source>
            <translation>The keyring (sleutelbos) is not available, or no longer holds the key for this vault. Type your passphrase instead.</translation>
        </message>
        <message>
            <source>The vault is damaged and was not changed. The way forward: restore the newest backup (Instellingen › Back-ups, or 'brugdesk restore' in a terminal). Your backups are in the folder 'backups' next to the vault.</source>
            <translation>The vault is damaged and was not changed. The way forward: restore the newest backup (Instellingen › Back-ups, or 'brugdesk restore' in a terminal). Your backups are in the folder 'backups' next to the vault.</translation>
        </message>
        <message>
            <source>This vault was made by a newer version of brugdesk. Install the newest version to open it; nothing was changed.</source>
            <translation>This vault was made by a newer version of brugdesk. Install the newest version to open it; nothing was changed.</translation>
        </message>
        <message>
            <source>The vault is in use by another brugdesk window or program. Close it and try again.</source>
            <translation>The vault is in use by another brugdesk window or program. Close it and try again.</translation>
        </message>
        <message>
            <source>There is no vault in this folder.</source>
            <translation>There is no vault in this folder.</translation>
        </message>
        <message>
            <source>The vault could not be opened (%1). Nothing was changed.</source>
            <translation>The vault could not be opened (%1). Nothing was changed.</translation>
        </message>
    </context>
</TS>
