"""Dutch translations of the report's strings (English source -> Dutch)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "audit log check code {code}": "controlecode logboek {code}",
    # aggregate
    "Proposed": "Voorgesteld",
    "Referred / waiting list": "Verwezen / wachtlijst",
    "Started": "Gestart",
    "Completed": "Afgerond",
    "Declined / stopped": "Afgewezen / gestopt",
    "Not recorded": "Niet vastgelegd",
    # cli
    "Give either --period or --from and --to, not both.": "Geef --period óf --from en --to, niet allebei.",
    "Choose a period: --period 2025-2026, --period 2025-2026/T1 or --period 2026 (--from and --to only for your "
    "own screen).":
        "Kies een periode: --period 2025-2026, --period 2025-2026/T1 of --period 2026 (--from en --to alleen voor "
        "je eigen scherm).",
    "The remarks file is not UTF-8 text.": "Het bestand met de toelichting is geen UTF-8-tekst.",
    "The remarks file cannot be read: {error}": "Het bestand met de toelichting kan niet worden gelezen: {error}",
    "The remarks are {n} characters long; at most {max} fit on the first page.":
        "De toelichting is {n} tekens lang; er passen er hoogstens {max} op de eerste pagina.",
    "interim figures": "tussenstand",
    "The threshold is a setting of the vault (now {k}), the same for every report; change it in the app under "
    "Instellingen.":
        "De drempel is een instelling van de kluis (nu {k}), voor elke rapportage dezelfde; je wijzigt hem in de "
        "app onder Instellingen.",
    "Only a fixed period can be shared; --from and --to are for your own screen. Use --period with one of: "
    "{periods}.":
        "Alleen een vaste periode kan worden gedeeld; --from en --to zijn voor je eigen scherm. Gebruik --period "
        "met een van: {periods}.",
    "Periods you can share now: {periods}.": "Periodes die je nu kunt delen: {periods}.",
    "{period} is still running: the report counts up to the end of the last full month ({cut}).":
        "{period} loopt nog: de rapportage telt tot het eind van de laatste volle maand ({cut}).",
    "Only for yourself \u2014 not for sharing: a date range that is not a school year, term or calendar year is "
    "never exported.":
        "Alleen voor jezelf \u2014 niet om te delen: andere datums dan een schooljaar, periode of kalenderjaar "
        "worden nooit geëxporteerd.",
    "Give both --from and --to.": "Geef zowel --from als --to.",
    "Report written to {path}.": "Rapportage opgeslagen in {path}.",
    "Unknown school '{name}'. Schools in this vault: {known}.":
        "Onbekende school '{name}'. Scholen in deze kluis: {known}.",
    "The report could not be written: {error}": "De rapportage kon niet worden opgeslagen: {error}",
    # csv
    "Report": "Rapportage",
    "Key figures": "Kerncijfers",
    "This period": "Deze periode",
    "Previous period": "Vorige periode",
    "Change": "Verschil",
    "Period": "Periode",
    "School(s)": "School/scholen",
    "Made in": "Gemaakt in",
    "Threshold": "Drempel",
    "section": "onderdeel",
    "row": "rij",
    "column": "kolom",
    "value": "waarde",
    "Notice": "Let op",
    "Interim figures": "Tussenstand",
    "Scope": "Bereik",
    "Largest change (D)": "Grootste verandering (D)",
    "Comparison": "Vergelijking",
    "Not shown": "Niet getoond",
    "Families with a home visit": "Gezinnen met een huisbezoek",
    "Families referred": "Doorverwezen gezinnen",
    "Warm handovers": "Warme overdrachten",
    "Children at schools with a known pupil count": "Kinderen op scholen met een bekend leerlingaantal",
    # pdf
    "Anonymised report": "Geanonimiseerde rapportage",
    "How this report protects the families": "Hoe deze rapportage de gezinnen beschermt",
    "page {page} of {pages}": "pagina {page} van {pages}",
    "Made with brugdesk in {month}. Small numbers: \u201c<{k}\u201d; every number may differ from the true count "
    "by at most {d}.":
        "Gemaakt met brugdesk in {month}. Kleine aantallen: \u201c<{k}\u201d; elk getal kan hoogstens {d} afwijken "
        "van het echte aantal.",
    "the period is still running": "de periode loopt nog",
    "Only for yourself \u2014 not for sharing": "Alleen voor jezelf \u2014 niet om te delen",
    "A year earlier": "Een jaar eerder",
    "Remarks by the bridge officer": "Toelichting van de brugfunctionaris",
    "\u201c<{k}\u201d means: between 1 and {k1}. \u201cx\u201d: hidden with the small number it is based on. "
    "\u201c\u2014\u201d: left out, see the line under the table. Every number may differ from the true count by at "
    "most {d}, so rows may not add up exactly. The last page explains how this report protects the families.":
        "\u201c<{k}\u201d betekent: tussen 1 en {k1}. \u201cx\u201d: verborgen, samen met het kleine aantal waarop "
        "het berust. \u201c\u2014\u201d: weggelaten, zie de regel onder de tabel. Elk getal kan hoogstens {d} "
        "afwijken van het echte aantal, dus rijen tellen niet altijd precies op. Op de laatste pagina staat hoe "
        "deze rapportage de gezinnen beschermt.",
    "Compared with the previous period: {period}.": "Vergeleken met de vorige periode: {period}.",
    # months
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
    "Jan": "jan",
    "Feb": "feb",
    "Mar": "mrt",
    "Apr": "apr",
    "Jun": "jun",
    "Jul": "jul",
    "Aug": "aug",
    "Sep": "sep",
    "Oct": "okt",
    "Nov": "nov",
    "Dec": "dec",
    # key figures
    "Families supported": "Gezinnen in begeleiding",
    "newly registered": "nieuw aangemeld",
    "continuing from before": "doorlopend van eerder",
    "Support ended": "Begeleiding afgesloten",
    "Children in these families": "Kinderen in deze gezinnen",
    "Share of pupils reached": "Bereik: aandeel van de leerlingen",
    "Contacts": "Contactmomenten",
    "Hours of contact": "Uren contact",
    "Home visits": "Huisbezoeken",
    "Referrals": "Doorverwijzingen",
    "of which warm handovers": "waarvan warme overdracht",
    "Group activities": "Groepsactiviteiten",
    "Parents attending group activities": "Ouders bij groepsactiviteiten",
    "Other": "Overig",
    "Continuing from before the period": "Doorlopend van vóór de periode",
    # explanation
    "This report contains no names, reference codes, notes or exact dates: only numbers per month or per "
    "period, counted by brugdesk from the officer's encrypted files.":
        "Deze rapportage bevat geen namen, dossiernummers, notities of precieze datums: alleen aantallen per "
        "maand of per periode, door brugdesk geteld uit de versleutelde dossiers van de brugfunctionaris.",
    "Small numbers can still point to a family, especially at a small school. That is why every number from "
    "1 to {k1} is shown as \u201c<{k}\u201d (the threshold is {k}). A 0 is shown as 0.":
        "Kleine aantallen kunnen toch naar een gezin wijzen, zeker op een kleine school. Daarom staat elk "
        "aantal van 1 tot en met {k1} er als \u201c<{k}\u201d (de drempel is {k}). Een 0 staat er gewoon als 0.",
    "Before that, small categories are merged into \u201cOther\u201d where that makes them large enough. So "
    "that a hidden number cannot be worked out from the totals, some other numbers in the same table are "
    "hidden as well; they are shown as \u201cx\u201d.":
        "Kleine categorieën worden eerst samengevoegd tot \u201cOverig\u201d als ze daarmee groot genoeg worden. "
        "Zodat een verborgen aantal niet uit de totalen terug te rekenen is, worden in dezelfde tabel soms ook "
        "andere aantallen verborgen; die staan er als \u201cx\u201d.",
    "Hours, averages and percentages are hidden (\u201cx\u201d) wherever the number they are based on is "
    "hidden. Themes do not add up, because a family can have several themes.":
        "Uren, gemiddelden en percentages zijn verborgen (\u201cx\u201d) waar het aantal waarop ze berusten "
        "verborgen is. De thema's tellen niet op, omdat een gezin meer dan één thema kan hebben.",
    "When fewer than {k} families are in the report, it shows no figures about families at all.":
        "Gaat de rapportage over minder dan {k} gezinnen, dan staan er helemaal geen cijfers over gezinnen in.",
    "Please do not combine this report with other sources to find out who the families are, and do not pass "
    "it on outside school leadership and the programme's monitoring.":
        "Combineer deze rapportage niet met andere bronnen om te achterhalen om welke gezinnen het gaat, en geef "
        "haar niet door buiten de schoolleiding en de monitoring van het programma.",
    # sections
    "report": "rapportage",
    "Reach": "Bereik",
    "Families and children": "Gezinnen en kinderen",
    "Families supported are those with an open file at some moment in the period; a family can have several "
    "children at school.":
        "Gezinnen in begeleiding: gezinnen met een open dossier op enig moment in de periode; een gezin kan "
        "meer kinderen op school hebben.",
    "How new families came in": "Hoe nieuwe gezinnen binnenkwamen",
    "Signal source": "Signaal / aanmelding door",
    "Support ended, by outcome": "Afgesloten begeleiding, naar uitkomst",
    "Outcome": "Uitkomst",
    "Intake and closure": "Aanmelding en afsluiting",
    "Where the signals about new families came from, and how the support of families ended.":
        "Waar de signalen over nieuwe gezinnen vandaan kwamen, en hoe de begeleiding van gezinnen afliep.",
    "Contacts by kind": "Contactmomenten naar soort",
    "Kind of contact": "Soort contact",
    "Every logged contact with or about a family: home visits, talks at school, calls and more.":
        "Elk vastgelegd contact met of over een gezin: huisbezoeken, gesprekken op school, telefoontjes en meer.",
    "Contacts per month": "Contactmomenten per maand",
    "Month": "Maand",
    "Monthly trend": "Verloop per maand",
    "Contacts per month, and the number of different families with at least one contact that month (a family "
    "can count in several months).":
        "Contactmomenten per maand, en het aantal verschillende gezinnen met minstens één contact in die maand "
        "(een gezin kan in meer maanden meetellen).",
    "Themes": "Thema's",
    "Theme": "Thema",
    "What the families' questions were about. A family can have several themes, so the numbers do not add up "
    "to the number of families.":
        "Waar de vragen van de gezinnen over gingen. Een gezin kan meer thema's hebben, dus de aantallen tellen "
        "niet op tot het aantal gezinnen.",
    "Referrals by partner type and status": "Doorverwijzingen naar soort netwerkpartner en status",
    "Partner type": "Soort netwerkpartner",
    "Kind of activity": "Soort activiteit",
    "Report of the bridge officer": "Rapportage brugfunctionaris",
    "School year {year}, term {n}: {months}": "Schooljaar {year}, periode {n}: {months}",
    "School year {year}: {months}": "Schooljaar {year}: {months}",
    "New": "Nieuw",
    "Continuing": "Doorlopend",
    "Total": "Totaal",
    "Families by theme": "Gezinnen per thema",
    "Referrals made in the period, by the status they had at the end of the period.":
        "Doorverwijzingen die in de periode zijn gedaan, met de status die ze aan het eind van de periode hadden.",
    "Activities for groups of parents, such as coffee mornings and information sessions. Parents attending are "
    "counted per activity (a parent who came twice counts twice).":
        "Activiteiten voor groepen ouders, zoals koffieochtenden en informatiebijeenkomsten. Aanwezige ouders "
        "zijn per activiteit geteld (wie twee keer kwam, telt twee keer).",
    "Fewer than {k} families of this school were supported in this period. To protect them, this report shows "
    "no figures about families; only group activities are reported.":
        "In deze periode zijn minder dan {k} gezinnen van deze school begeleid. Om hen te beschermen staan er in "
        "deze rapportage geen cijfers over gezinnen; alleen de groepsactiviteiten worden gerapporteerd.",
    "Fewer than {k} families were supported in this period. To protect them, this report shows no figures about "
    "families; only group activities are reported.":
        "In deze periode zijn minder dan {k} gezinnen begeleid. Om hen te beschermen staan er in deze rapportage "
        "geen cijfers over gezinnen; alleen de groepsactiviteiten worden gerapporteerd.",
    "Threshold: counts from 1 to {k1} are shown as <{k}.":
        "Drempel: aantallen van 1 tot en met {k1} staan er als <{k}.",
    "Previous": "Vorige",
    "Number": "Aantal",
    "Families supported in the period": "Gezinnen in begeleiding in de periode",
    "of which newly registered": "waarvan nieuw aangemeld",
    "of which continuing from before": "waarvan doorlopend van eerder",
    "Families whose support ended": "Gezinnen van wie de begeleiding is afgesloten",
    "Total new families": "Totaal nieuwe gezinnen",
    "Families": "Gezinnen",
    "Total closed": "Totaal afgesloten",
    "Hours": "Uren",
    "Average minutes": "Gem. minuten",
    "Home visits: {visits}, with {families} families.": "Huisbezoeken: {visits}, bij {families} gezinnen.",
    "Families reached": "Gezinnen bereikt",
    "Warm handovers (the officer introduced the family to the partner in person): {n}. Families referred: "
    "{families}.":
        "Warme overdrachten (de brugfunctionaris bracht het gezin persoonlijk in contact met de partner): {n}. "
        "Doorverwezen gezinnen: {families}.",
    "Activities": "Activiteiten",
    "Parents attending": "Aanwezige ouders",
    "Children in these families registered at the school(s) with a known pupil count: {percent} of the pupils.":
        "Kinderen uit deze gezinnen op de school/scholen waarvan het leerlingaantal bekend is: {percent} van "
        "de leerlingen.",
    "All schools ({n})": "Alle scholen ({n})",
    "All schools: {names}": "Alle scholen: {names}",
    # remarks
    "The remarks contain a name from the vault; nothing was written.":
        "De toelichting bevat een naam uit de kluis; er is niets opgeslagen.",
    "Your remarks contain a name from your files: \u201c{name}\u201d. Take it out (or rephrase it) and save again; "
    "nothing was written.":
        "Je toelichting bevat een naam uit je dossiers: \u201c{name}\u201d. Haal die weg (of schrijf het anders) "
        "en sla opnieuw op; er is niets opgeslagen.",
    'Only a school year (2025-2026), a term (2025-2026/T1) or a calendar year (2026) can be exported; '
    '--from and --to are for your own screen.':
        'Alleen een schooljaar (2025-2026), een periode (2025-2026/T1) of een kalenderjaar (2026) kan worden '
        'uitgevoerd; --from en --to zijn alleen voor je eigen scherm.',
    'Choose a period: --period 2025-2026, --period 2025-2026/T1 or --period 2026.':
        'Kies een periode: --period 2025-2026, --period 2025-2026/T1 of --period 2026.',
    'Only for yourself: a date range that is not a school year, term or calendar year is not for sharing.':
        'Alleen voor jezelf: een datumbereik dat geen schooljaar, periode of kalenderjaar is, is niet om te '
        'delen.',
    "The threshold is a setting of the vault ({k}); change it in the app's settings, not per report.":
        'De drempel is een instelling van de kluis ({k}); je wijzigt hem in de instellingen van de app, niet '
        'per rapportage.',
    'intake and closure': 'aanmelding en afsluiting',
    'themes': "thema's",
    'contacts': 'contactmomenten',
    'referrals': 'doorverwijzingen',
    'For {period} you have already shared a report for all schools together. A report per school next to '
    'it would make small numbers traceable; share this period only for all schools.':
        'Over {period} heb je al een rapportage voor alle scholen samen gedeeld. Een rapportage per school '
        'ernaast zou kleine aantallen herleidbaar maken; deel deze periode alleen voor alle scholen samen.',
    'For {period} you have already shared a report per school. A report for all schools together next to '
    "it would make a small school's numbers traceable; share this period only per school.":
        'Over {period} heb je al een rapportage per school gedeeld. Een rapportage voor alle scholen samen '
        'ernaast zou de aantallen van een kleine school herleidbaar maken; deel deze periode alleen per '
        'school.',
    'Compared with the same period one year earlier: {period}.':
        'Vergeleken met dezelfde periode een jaar eerder: {period}.',
    'Numbers shown as “—” were left out: together with the other numbers they would have made a small '
    'number too precise.':
        'Getallen met “—” zijn weggelaten: samen met de andere getallen zouden ze een klein aantal te precies'
        ' maken.',
    'Only a school year, a term or a calendar year can be shared; another date range is for your own '
    'screen.':
        'Alleen een schooljaar, een periode of een kalenderjaar kun je delen; een ander datumbereik is alleen'
        ' voor je eigen scherm.',
    'This period cannot be shared yet: it has not started, or no full month of it has passed.':
        'Deze periode kun je nog niet delen: hij is nog niet begonnen, of er is nog geen hele maand van '
        'voorbij.',
    'interim figures up to and including {date}': 'tussenstand t/m {date}',
    'Not shown ({part}): compared with a report you shared earlier, the numbers differ because of fewer '
    'families than the threshold; side by side they would tell something about those families.':
        'Niet getoond ({part}): ten opzichte van een rapportage die je eerder deelde, verschillen de getallen'
        ' door minder gezinnen dan de drempel; naast elkaar zouden ze iets over die gezinnen verraden.',
    'Calendar year {year}: {months}': 'Kalenderjaar {year}: {months}',
    'Threshold: counts from 1 to {k1} are shown as <{k}; every number is changed by at most {d}.':
        'Drempel: aantallen van 1 t/m {k1} staan er als <{k}; elk getal is met hoogstens {d} veranderd.',
    "Who reads it, and what it protects against: school leadership and the programme's monitoring. Even a"
    ' reader who keeps every report the officer shares, knows the number of pupils and knows some '
    'families personally cannot work out from these numbers how many families are behind a small number, '
    'or what applies to one particular family.':
        'Voor wie, en waartegen: deze rapportage is voor de schoolleiding en de monitoring van het programma.'
        ' Ook wie elke gedeelde rapportage bewaart, het aantal leerlingen kent en sommige gezinnen '
        'persoonlijk kent, kan uit deze getallen niet afleiden hoeveel gezinnen achter een klein aantal '
        'zitten, of wat voor één bepaald gezin geldt.',
    'Only whole periods are shared: a school year, a term or a calendar year. A period that is not over '
    'yet is counted up to the end of the last full month (a “tussenstand”).':
        'Alleen hele periodes worden gedeeld: een schooljaar, een periode of een kalenderjaar. Een periode '
        'die nog loopt, telt tot het einde van de laatste hele maand (een “tussenstand”).',
    'Every number has been changed a little, by at most {d} up or down; 0 always means none. The same '
    'families always give the same number, so comparing reports does not undo the change. That is why '
    'rows do not always add up exactly to their total.':
        'Elk getal is een klein beetje veranderd, hoogstens {d} omhoog of omlaag; 0 betekent altijd geen. '
        'Dezelfde gezinnen geven altijd hetzelfde getal, dus rapportages vergelijken maakt de verandering '
        'niet ongedaan. Daarom tellen rijen niet altijd precies op tot hun totaal.',
    'Numbers from 1 to {k1} are shown as “<{k}” (the threshold is {k}). Hours, averages and percentages '
    'are hidden (“x”) where the number they are based on is shown as “<{k}”.':
        'Aantallen van 1 t/m {k1} staan er als “<{k}” (de drempel is {k}). Uren, gemiddelden en percentages '
        'zijn verborgen (“x”) waar het aantal waarop ze berusten als “<{k}” staat.',
    'A number shown as “—” was left out: together with the other numbers, or with a report shared '
    'earlier, it would have made a small number too precise.':
        'Een getal met “—” is weggelaten: samen met de andere getallen, of met een eerder gedeelde '
        'rapportage, zou het een klein aantal te precies maken.',
    'Not protected: what a reader already knows about almost all of the families involved, and a 0 says '
    'for all families together (for example that no family had a certain theme).':
        'Niet beschermd: wat een lezer al weet over bijna alle betrokken gezinnen, en wat een 0 over alle '
        'gezinnen samen zegt (bijvoorbeeld dat geen enkel gezin een bepaald thema had).',
    "Please do not pass this report on outside school leadership and the programme's monitoring.":
        'Geef deze rapportage niet door buiten de schoolleiding en de monitoring van het programma.',
    # explanation page (explain.py)
    "Who reads this report": "Wie deze rapportage leest",
    "School leadership and the programme's monitoring. We assume such a reader keeps every report the bridge "
    "officer shares, knows how many pupils the school has, knows how brugdesk works (it is public) and knows some "
    "families personally.":
        "De schoolleiding en de monitoring van het programma. We gaan ervan uit dat zo'n lezer elke rapportage "
        "bewaart die de brugfunctionaris deelt, weet hoeveel leerlingen de school heeft, weet hoe brugdesk werkt "
        "(dat is openbaar) en sommige gezinnen persoonlijk kent.",
    "What is protected": "Wat beschermd is",
    "Even that reader cannot work out from all shared reports together how many families are behind a "
    "\u201c<{k}\u201d, and cannot learn anything with certainty about one family: not its themes, how it came in, "
    "how its support ended, its children or its contacts, also not by comparing reports.":
        "Ook die lezer kan uit alle gedeelde rapportages samen niet afleiden hoeveel gezinnen er achter een "
        "\u201c<{k}\u201d zitten, en niets met zekerheid te weten komen over één gezin: niet de thema's, niet hoe "
        "het binnenkwam, niet hoe de begeleiding afliep, niet de kinderen of de contactmomenten, ook niet door "
        "rapportages naast elkaar te leggen.",
    "What is not protected": "Wat niet beschermd is",
    "What a reader can conclude who already knows all but one of the families concerned; what a 0 says about all "
    "families together (for example that no family had a certain theme); and what the bridge officer writes in the "
    "remarks or tells in person, apart from the check that no name from the files is in the remarks.":
        "Wat iemand kan concluderen die op één na alle betrokken gezinnen al kent; wat een 0 zegt over alle "
        "gezinnen samen (bijvoorbeeld dat geen enkel gezin een bepaald thema had); en wat de brugfunctionaris in "
        "de toelichting schrijft of mondeling vertelt, behalve de controle dat er geen naam uit de dossiers in de "
        "toelichting staat.",
    "Only fixed periods": "Alleen vaste periodes",
    "Only a school year, a term or a calendar year is shared. A period that is still running is counted up to the "
    "end of the last full month and says so (\u201cinterim figures\u201d). Other date ranges stay on the bridge "
    "officer's screen.":
        "Alleen een schooljaar, een periode of een kalenderjaar wordt gedeeld. Een periode die nog loopt, is geteld "
        "tot het eind van de laatste volle maand en zegt dat (\u201ctussenstand\u201d). Andere datums blijven op "
        "het scherm van de brugfunctionaris.",
    "Small changes": "Kleine veranderingen",
    "Every number has been changed a little, by at most {d} up or down, by a fixed rule: the same families and "
    "contacts always give the same number, so sharing a report again or comparing reports does not undo the "
    "change. 0 stays 0, and a number that is not 0 never becomes 0. Totals are changed on their own, so the rows "
    "of a table may not add up exactly to their total.":
        "Elk getal is een beetje veranderd, hoogstens {d} omhoog of omlaag, volgens een vaste regel: dezelfde "
        "gezinnen en contactmomenten geven altijd hetzelfde getal, dus een rapportage opnieuw delen of "
        "rapportages vergelijken maakt de verandering niet ongedaan. 0 blijft 0, en een getal dat geen 0 is, wordt "
        "nooit 0. Totalen zijn apart veranderd; daarom tellen de rijen van een tabel niet altijd precies op tot "
        "hun totaal.",
    "\u201c<{k}\u201d and \u201cx\u201d": "\u201c<{k}\u201d en \u201cx\u201d",
    "After the change, numbers from 1 to {k1} are shown as \u201c<{k}\u201d (the threshold is {k}, a setting of "
    "the bridge officer's files). Hours, averages and percentages are shown as \u201cx\u201d where the number they "
    "are based on is \u201c<{k}\u201d.":
        "Na de verandering staan getallen van 1 tot en met {k1} er als \u201c<{k}\u201d (de drempel is {k}, een "
        "instelling van de dossiers van de brugfunctionaris). Uren, gemiddelden en percentages staan er als "
        "\u201cx\u201d waar het getal waarop ze berusten \u201c<{k}\u201d is.",
    "\u201c\u2014\u201d": "\u201c\u2014\u201d",
    "Left out: together with the other numbers, or with a report shared earlier, this number would have made a "
    "small number too precise, or told something about the few families that changed since then. A line under "
    "the table says why.":
        "Weggelaten: samen met de andere getallen, of met een eerder gedeelde rapportage, zou dit getal een klein "
        "aantal te precies maken, of iets vertellen over de paar gezinnen die sindsdien veranderd zijn. Een regel "
        "onder de tabel zegt waarom.",
    "Every category": "Elke categorie",
    "Every category of a list is shown, also with 0; nothing is merged. The row for what fits nowhere else "
    "(\u201cOther\u201d) is the list's own item, not small categories put together.":
        "Elke categorie van een lijst staat erin, ook met 0; er wordt niets samengevoegd. De rij voor wat nergens "
        "anders past (\u201cOverig\u201d of \u201cAnders\u201d) is het eigen onderdeel van de lijst, geen "
        "samenvoeging van kleine categorieën.",
    "Fewer than {k} families": "Minder dan {k} gezinnen",
    "When fewer than {k} families are in the report, it shows no figures about families, only the group "
    "activities.":
        "Gaat de rapportage over minder dan {k} gezinnen, dan staan er geen cijfers over gezinnen in, alleen de "
        "groepsactiviteiten.",
    "All schools or each school": "Alle scholen of per school",
    "For one period, either a report for all schools together or reports per school are shared, never both: "
    "otherwise \u201call schools\u201d minus the other schools would give one school's numbers.":
        "Voor één periode wordt óf een rapportage voor alle scholen samen gedeeld, óf rapportages per school, "
        "nooit allebei: anders zou \u201calle scholen\u201d min de andere scholen de getallen van één school geven.",
    "No names": "Geen namen",
    "No names, reference codes, notes or dates finer than a month. Please do not pass this report on outside "
    "school leadership and the programme's monitoring.":
        "Geen namen, dossiernummers, notities of datums preciezer dan een maand. Geef deze rapportage niet door "
        "buiten de schoolleiding en de monitoring van het programma.",
}
