"""One word per idea (issue 13 item 11): the catalogue uses the glossary's words, never a variant.

``docs/glossary.md`` lists each idea with its Dutch and English word and the variants forbidden in
each language. These tests read that file and the catalogue (``msgid`` English, ``msgstr`` Dutch:
the UI, the reports and the CLI all speak through it) and fail on every message that uses a
forbidden variant, naming each one.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool_glossary", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Rule:
    idea: str
    lang: str  # "nl" or "en": the side of the catalogue the rule reads
    word: str  # the glossary's own word: a match that contains it is allowed
    variant: str  # as written in the glossary
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Exception_:
    message: str  # the English of the message, or its start
    variants: frozenset[str]


_WORD = r"[\w-]"


def compile_variant(variant: str) -> re.Pattern[str]:
    """A glossary variant as a pattern: ``re:`` a regex; else words, ``*`` any letters or hyphens."""
    if variant.startswith("re:"):
        return re.compile(variant[3:], re.IGNORECASE)
    body = r"\s+".join(
        "".join(f"{_WORD}*" if ch == "*" else re.escape(ch) for ch in part) for part in variant.split())
    return re.compile(rf"(?<!{_WORD}){body}(?!{_WORD})", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def _variants(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell.replace("\\|", "|"))


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table in the text: its header cells and its rows' cells."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[-| ]+\|$", lines[i + 1]):
            header = [c.lower() for c in _cells(lines[i])]
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            tables.append((header, rows))
        else:
            i += 1
    return tables


def load_glossary(text: str) -> tuple[list[Rule], list[Exception_]]:
    rules: list[Rule] = []
    exceptions: list[Exception_] = []
    for header, rows in _tables(text):
        for row in rows:
            cell = dict(zip(header, row, strict=False))
            if "allowed" in cell:
                message = (_variants(cell["message (its english, or the start of it)"]) or
                           [cell["message (its english, or the start of it)"]])[0]
                exceptions.append(Exception_(message, frozenset(_variants(cell["allowed"]))))
                continue
            for column, lang in (("not in dutch", "nl"), ("not in english", "en")):
                if column not in cell:
                    continue
                word = cell.get("dutch" if lang == "nl" else "english", cell.get("write", ""))
                for variant in _variants(cell[column]):
                    rules.append(Rule(cell["idea"], lang, word.lower(), variant, compile_variant(variant)))
            if "not" in cell:  # the sentence table: Dutch
                for variant in _variants(cell["not"]):
                    rules.append(Rule(cell["idea"], "nl", cell["write"].lower(), variant, compile_variant(variant)))
    return rules, exceptions


#: not words of the UI: command-line options, environment variables, file and folder names
_NOT_WORDS = re.compile(r"--[\w-]+|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|[\w*-]*\.(?:bdledger|bdbackup|db|mo|po|xlsx|csv|pdf)\b"
                        r"|'[a-z0-9_.-]+'")


_PLACEHOLDER = re.compile(r"\{\w+\}")


def offences(text: str, rules: list[Rule]) -> list[tuple[Rule, str]]:
    """The (rule, matched text) pairs a text breaks."""
    text = _PLACEHOLDER.sub("{_}", _NOT_WORDS.sub(" ", text.replace("&", "")))  # "{audit}" is not a word
    found = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            literal = rule.variant.replace("*", "").lower()
            if (not rule.variant.startswith("re:") and literal in rule.word
                    and rule.word in match.group(0).lower()):
                continue  # "doorverwijzingen" holds the word "doorverwijzing", which holds "verwijzing"
            found.append((rule, match.group(0)))
    return found


# ----------------------------------------------------------------- the matcher itself
MATCHER_RULES, _ = load_glossary(GLOSSARY.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lang", "text", "variant"), [
    ("nl", "Verwijzingen die op antwoord wachten", "*verwijzing*"),
    ("nl", "&Back-up terugzetten…", "*back-up*"),
    ("nl", "Back-ups en privacy", "*back-up*"),
    ("nl", "Je &wachtwoord", "*wachtwoord*"),
    ("nl", "Wie deed wat (auditlog)", "*auditlog*"),
    ("nl", "Actiepunten", "actiepunt*"),  # begins with the word "actie", is still another word
    ("nl", "Het contactmoment verwijderen? Dit kan niet ongedaan worden gemaakt.", "kan niet ongedaan worden gemaakt"),
    ("nl", "Dit schooljaar heeft geen periode T{n}.", r"re:(?<![/\w])T(\{\w+\}|[1-9])(?!\w)"),
    ("en", "… and {n} more: show all on Acties", "Acties"),
    ("en", "{n} family(ies)", r"re:\w\((s|es|ies|ren)\)"),
    ("en", "Type your password", "*password*"),
    ("en", "Record the appointment as a contact moment (Enter)", "contact moment*"),
])
def test_the_check_finds_a_variant(lang: str, text: str, variant: str) -> None:
    assert variant in [rule.variant for rule, _ in offences(text, [r for r in MATCHER_RULES if r.lang == lang])]


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Lopende doorverwijzingen"),  # contains "verwijzing", is the glossary word
    ("nl", "Typ je wachtwoordzin."),  # contains "wachtwoord"
    ("nl", "Deze reservekopie terugzetten?"),
    ("nl", "--other-vault heeft de herstelsleutel nodig: zet BRUGDESK_BACKUP_RECOVERY_KEY of --backup-key-file"),
    ("nl", "Kies een periode: --period 2025-2026/T1"),  # command-line syntax, not a name
    ("nl", "Controle van het logboek"),
    ("en", "… and {n} more: show all on Follow-ups"),
    ("en", "Back up now"),  # the verb is two words
    ("en", "Restore the newest verified backup ('brugdesk restore')."),
])
def test_the_check_passes_the_glossary_words(lang: str, text: str) -> None:
    assert offences(text, [r for r in MATCHER_RULES if r.lang == lang]) == []


def test_the_glossary_forbids_what_the_design_forbids() -> None:
    """DESIGN.md §1: wachtwoordzin (never wachtwoord), reservekopie (never back-up), doorverwijzing,
    logboek; the English words referral, backup, passphrase, audit log."""
    by_word = {(r.lang, r.word) for r in MATCHER_RULES}
    for pair in (("nl", "doorverwijzing"), ("nl", "reservekopie"), ("nl", "wachtwoordzin"), ("nl", "logboek"),
                 ("en", "backup"), ("en", "passphrase"), ("en", "audit log")):
        assert pair in by_word, pair


# ----------------------------------------------------------------- the catalogue
def _catalogue() -> list[Any]:
    return [m for m in _load_tool().read_po() if m.id]


def _english(message: Any) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _dutch(message: Any) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def _report(lang: str) -> list[str]:
    rules, exceptions = load_glossary(GLOSSARY.read_text(encoding="utf-8"))
    rules = [r for r in rules if r.lang == lang]
    lines = []
    for message in _catalogue():
        english = _english(message)
        allowed = {v for e in exceptions if english[0].startswith(e.message) for v in e.variants}
        texts = english if lang == "en" else _dutch(message)
        found = sorted({(r.idea, r.variant, hit) for text in texts for r, hit in offences(text, rules)
                        if r.variant not in allowed})
        for idea, variant, hit in found:
            where = f"[{message.context}] " if message.context else ""
            shown = texts[-1] if lang == "nl" else english[0]
            lines.append(f"{where}{english[0]!r}: {hit!r} is a variant ({variant}) of {idea!r}: {shown!r}")
    return lines


def test_dutch_catalogue_uses_one_word_per_idea() -> None:
    found = _report("nl")
    assert found == [], f"{len(found)} Dutch message(s) use a variant docs/glossary.md forbids:\n" + "\n".join(found)


def test_english_sources_use_one_word_per_idea() -> None:
    found = _report("en")
    assert found == [], f"{len(found)} English message(s) use a variant docs/glossary.md forbids:\n" + "\n".join(found)


def test_every_count_has_real_english_plural_forms() -> None:
    """A number-dependent message carries its English singular and plural (English users see them)."""
    same = [m.id[0] for m in _catalogue() if isinstance(m.id, tuple | list) and m.id[0] == m.id[1]]
    assert same == [], "plural message(s) without a separate English plural: " + "; ".join(same)
