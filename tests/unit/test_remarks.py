"""The officer's toelichting: every name in the vault is found in it as a whole word, nothing else."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from brugdesk.core.model import Family, Member, MemberRole
from brugdesk.reports.remarks import NameInRemarks, check_remarks, find_names, name_phrases
from brugdesk.store.vault import Vault

FAMILIES = ["Familie De Vries", "Fam. Yılmaz", "Gezin Pietersen-Bakker", "Bos", "Familie van der Berg",
            "Familie El Amrani"]
MEMBERS = [("Milan", "de Vries"), ("Jan", "Pietersen-Bakker"), ("Ünal", "Öztürk"), ("Anne-Marie", "van der Berg"),
           ("Roos", ""), ("M", "'t Hart"), ("Noor", "El Amrani"), ("Ben", "d'Ancona")]
PHRASES = name_phrases(FAMILIES, MEMBERS)


def found(text: str) -> list[str]:
    return find_names(text, PHRASES)


@pytest.mark.parametrize(("text", "names"), [
    # first and last names, and their combination, as written in the text
    ("Milan de Vries kwam twee keer.", ["Milan de Vries"]),
    ("Gesprek met mevrouw De Vries over geld.", ["De Vries"]),
    ("Met Milan gaat het beter.", ["Milan"]),
    ("Mevrouw vries belde terug.", ["vries"]),  # the last name without its particle
    # case and accents do not matter
    ("UNAL en ozturk waren er.", ["UNAL", "ozturk"]),
    ("Familie Yilmaz", ["Yilmaz"]),  # "Fam. Yılmaz": the label is not part of the name
    # particles: "van der Berg" whole and "Berg" alone
    ("Het gezin Van der Berg verhuist.", ["Van der Berg"]),
    ("Mevrouw Berg verhuist.", ["Berg"]),
    # hyphenated names: whole, and each part
    ("Pietersen-Bakker", ["Pietersen-Bakker"]),
    ("meneer Bakker", ["Bakker"]),
    ("Anne Marie", ["Anne Marie"]),
    ("Marie", ["Marie"]),
    # short, common words that are names are still found as whole words
    ("We liepen door het bos.", ["bos"]),
    ("Jan kwam niet.", ["Jan"]),
    ("ik ben blij", ["ben"]),
    ("Een ROOS op tafel.", ["ROOS"]),
    ("noor", ["noor"]),
    ("Hart", ["Hart"]),  # 't Hart without its particle
    ("'t Hart", ["t Hart"]),
    ("d'Ancona", ["d'Ancona"]),
    ("Ancona", ["Ancona"]),
    ("Amrani", ["Amrani"]),
])
def test_names_are_found_as_whole_words(text: str, names: list[str]) -> None:
    assert found(text) == names


@pytest.mark.parametrize("text", [
    "Jansen-Verhoeven kwam langs.",  # "Jansen" is not the name "Jan"; and no other part is a name
    "In januari en februari meer huisbezoeken.",  # "jan" inside "januari"
    "De bossen en de bosrand.",  # "Bos" inside other words
    "Een berggeit, bergen en vriesweer.",
    "Miland en Milano",  # a name inside a longer word
    "Van de school, de ouders en het team: meer contact.",  # particles alone are not names
    "De familie is blij met het gezin.",  # family labels alone are not names
    "Er waren 12 m koffiebekers; u ziet het.",  # single letters (the initial "M") are not searched
    "",
])
def test_other_words_are_not_names(text: str) -> None:
    assert found(text) == []


def test_longest_name_first_and_each_once() -> None:
    assert found("Milan de Vries en later Milan en De Vries, en weer Milan de Vries") == [
        "Milan de Vries", "Milan", "De Vries"]


def test_decomposed_accents_and_other_folds() -> None:
    assert found("U\u0308nal") == ["Ünal"]  # typed as U + combining diaeresis
    assert name_phrases(["Familie Strauß"], []) >= {("strauss",)}
    assert find_names("Meneer STRAUSS", name_phrases(["Familie Strauß"], [])) == ["STRAUSS"]
    assert find_names("De familie Dĳkstra", name_phrases([], [("Anna", "Dijkstra")])) == ["Dĳkstra"]


def test_the_name_stays_out_of_str_repr_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    exc = NameInRemarks("Milan de Vries")
    assert "Milan" not in str(exc) and "Milan" not in repr(exc)
    logging.getLogger("brugdesk").exception("export refused", exc_info=exc)
    assert "Milan" not in caplog.text
    assert exc.message("nl") == ("Je toelichting bevat een naam uit je dossiers: \u201cMilan de Vries\u201d. Haal die "
                                 "weg (of schrijf het anders) en sla opnieuw op; er is niets opgeslagen.")
    assert "Milan de Vries" in exc.message("en")


def test_check_remarks_reads_every_name_in_the_vault(vault: Vault) -> None:
    repo = vault.repo
    closed = repo.families.create(Family("Familie Özdemir", dt.date(2025, 9, 1)), today=dt.date(2026, 1, 1))
    repo.members.add(Member(MemberRole.CHILD, "Sanne", "van den Heuvel", family_id=closed.id))
    repo.families.close(closed.id, dt.date(2025, 12, 1), "goal_reached", today=dt.date(2026, 1, 1))
    other = repo.families.create(Family("Familie Bos", dt.date(2025, 10, 1)), today=dt.date(2026, 1, 1))
    repo.members.add(Member(MemberRole.PARENT, "Jan", "Bos", family_id=other.id))
    check_remarks(repo, "Meer huisbezoeken dan vorig jaar; in januari veel geldzorgen. Jansen-Verhoeven.")
    check_remarks(repo, "   ")
    for text, name in [("Met Sanne gaat het goed", "Sanne"), ("heuvel", "heuvel"), ("OZDEMIR", "OZDEMIR"),
                       ("In het bos", "bos"), ("jan", "jan"), ("Sanne van den Heuvel", "Sanne van den Heuvel")]:
        with pytest.raises(NameInRemarks) as info:
            check_remarks(repo, text)
        assert info.value.name == name
