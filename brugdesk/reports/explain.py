"""The report's last page: how it protects the families, in plain language (issue 11, contract §0).

One place for the text, so the PDF, the documentation and the tests say the same. Each item is a
short lead-in and a paragraph; ``{k}``, ``{k1}`` (k - 1) and ``{d}`` are filled in from the
report. Everything here must hold for the reports brugdesk lets leave the laptop (see README,
"The anonymised report").
"""

from __future__ import annotations

from brugdesk.i18n import N_, _

__all__ = ["EXPLANATION", "explanation"]

#: (lead-in, paragraph), English source; Dutch in the catalogue (resources/translations).
EXPLANATION: tuple[tuple[str, str], ...] = (
    (N_("Who reads this report"),
     N_("School leadership and the programme's monitoring. We assume such a reader keeps every report the "
        "bridge officer shares, knows how many pupils the school has, knows how brugdesk works (it is public) "
        "and knows some families personally.")),
    (N_("What is protected"),
     N_("Even that reader cannot work out from all shared reports together how many families are behind a "
        "\u201c<{k}\u201d, and cannot learn anything with certainty about one family: not its themes, how it "
        "came in, how its support ended, its children or its contacts, also not by comparing reports.")),
    (N_("What is not protected"),
     N_("What a reader can conclude who already knows all but one of the families concerned; what a 0 says "
        "about all families together (for example that no family had a certain theme); and what the bridge "
        "officer writes in the remarks or tells in person, apart from the check that no name from the files is "
        "in the remarks.")),
    (N_("Only fixed periods"),
     N_("Only a school year, a term or a calendar year is shared. A period that is still running is counted up "
        "to the end of the last full month and says so (\u201cinterim figures\u201d). Other date ranges stay on "
        "the bridge officer's screen.")),
    (N_("Small changes"),
     N_("Every number has been changed a little, by at most {d} up or down, by a fixed rule: the same families "
        "and contacts always give the same number, so sharing a report again or comparing reports does not "
        "undo the change. 0 stays 0, and a number that is not 0 never becomes 0. Totals are changed on their "
        "own, so the rows of a table may not add up exactly to their total.")),
    (N_("\u201c<{k}\u201d and \u201cx\u201d"),
     N_("After the change, numbers from 1 to {k1} are shown as \u201c<{k}\u201d (the threshold is {k}, a setting "
        "of the bridge officer's files). Hours, averages and percentages are shown as \u201cx\u201d where the "
        "number they are based on is \u201c<{k}\u201d.")),
    (N_("\u201c\u2014\u201d"),
     N_("Left out: together with the other numbers, or with a report shared earlier, this number would have "
        "made a small number too precise, or told something about the few families that changed since then. "
        "A line under the table says why.")),
    (N_("Signals"),
     N_("Signals that school or others passed on before there was a family file are counted by who passed them "
        "on and by their status at the end of the period, with the same protection as every other number: small "
        "changes, \u201c<{k}\u201d and the comparison with reports shared earlier.")),
    (N_("Every category"),
     N_("Every category of a list is shown, also with 0; nothing is merged. The row for what fits "
        "nowhere else (\u201cOther\u201d) is the list's own item, not small categories put together.")),
    (N_("Fewer than {k} families"),
     N_("When fewer than {k} families are in the report, it shows no figures about families, only the group "
        "activities.")),
    (N_("All schools or each school"),
     N_("For one period, either a report for all schools together or reports per school are shared, never "
        "both: otherwise \u201call schools\u201d minus the other schools would give one school's numbers.")),
    (N_("No names"),
     N_("No names, family references, notes or dates finer than a month. Please do not pass this report on "
        "outside school leadership and the programme's monitoring.")),
)


def explanation(k: int, d: int, lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """The explanation items, translated, with k and D filled in."""
    def fill(text: str) -> str:
        return _(text, lang).format(k=k, k1=k - 1, d=d)

    return tuple((fill(head), fill(body)) for head, body in EXPLANATION)
