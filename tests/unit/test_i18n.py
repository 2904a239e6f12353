"""One translation mechanism: every message of brugdesk, UI and non-UI, in one gettext catalogue.

The catalogue (``resources/translations/nl/LC_MESSAGES/brugdesk.po``) must hold every message the
sources mark (and nothing else), each with finished Dutch that keeps the message's placeholders;
the committed ``.mo`` the app loads must be compiled from it. ``tools/i18n.py`` extracts with Babel;
``python3 dev.py i18n`` repairs what these tests find.
"""

from __future__ import annotations

import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from brugdesk import i18n
from brugdesk.core.lists import DEFAULT_LISTS, ListName, default_label
from brugdesk.i18n import N_, _, catalogue

ROOT = Path(__file__).resolve().parents[2]
FIX = "run: python3 dev.py i18n (and give every new message its Dutch msgstr in the .po)"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _load_tool()


def _key(message: Any) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def _forms(message: Any) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str | None, str], Any]:
    return {_key(m): m for m in TOOL.extract() if m.id}


@pytest.fixture(scope="module")
def po() -> dict[tuple[str | None, str], Any]:
    return {_key(m): m for m in TOOL.read_po() if m.id}


def test_every_extracted_message_has_finished_dutch(extracted: dict[Any, Any], po: dict[Any, Any]) -> None:
    assert len(extracted) > 1000  # the UI and the non-UI messages both
    assert sum(1 for context, _msgid in extracted if context is None) > 400  # N_/_ outside the UI
    missing = [f"{c or ''}: {m}" for c, m in extracted if (c, m) not in po]
    assert missing == [], f"{len(missing)} message(s) not in the .po, e.g. {missing[:5]}; {FIX}"
    unfinished = [f"{c or ''}: {m}" for (c, m), message in po.items()
                  if message.fuzzy or not all(_forms(message))]
    assert unfinished == [], f"{len(unfinished)} message(s) without finished Dutch, e.g. {unfinished[:5]}; {FIX}"


def test_the_catalogue_holds_no_message_the_sources_no_longer_have(extracted: dict[Any, Any],
                                                                   po: dict[Any, Any]) -> None:
    obsolete = [f"{c or ''}: {m}" for c, m in po if (c, m) not in extracted]
    assert obsolete == [], f"{len(obsolete)} vanished message(s) still in the .po, e.g. {obsolete[:5]}; {FIX}"
    assert "\n#~ " not in "\n" + TOOL.po_path().read_text(encoding="utf-8"), "obsolete (#~) entries in the .po"


def test_the_committed_mo_is_compiled_from_the_current_po() -> None:
    assert TOOL.mo_path().read_bytes() == TOOL.compiled(TOOL.read_po()), f"brugdesk.mo is stale; {FIX}"
    assert TOOL.mo_path() == i18n.mo_path("nl")  # the file the app loads is the one compiled here


def test_plural_messages_carry_the_dutch_plural_forms(po: dict[Any, Any]) -> None:
    plurals = [m for m in po.values() if not isinstance(m.id, str)]
    assert len(plurals) > 10
    for message in plurals:
        assert len(_forms(message)) == 2, message.id  # Dutch: one, other
    assert TOOL.read_po().plural_forms == "nplurals=2; plural=(n != 1);"


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_placeholders_are_named_and_the_dutch_keeps_them(po: dict[Any, Any]) -> None:
    for (context, msgid), message in po.items():
        assert not re.search(r"%[1-9n]", msgid), f"a Qt-style placeholder in {msgid!r}: use {{name}} and str.format"
        names = _fields(msgid)
        assert "" not in names, f"an unnamed placeholder in {msgid!r}"
        for form in _forms(message):
            assert _fields(form) == names, (context, msgid, form)
            if "&" in msgid.replace("&&", "") and context is not None:
                assert "&" in form.replace("&&", ""), (context, msgid, form)  # the keyboard mnemonic


def test_the_dutch_is_a_translation_not_the_english_copied(po: dict[Any, Any]) -> None:
    same = [m for (_c, m), message in po.items() if _forms(message)[0] == m]
    assert len(same) < len(po) * 0.05, same[:20]


def test_dutch_is_the_default_and_english_is_the_source() -> None:
    assert _("Wrong passphrase.") == "Onjuiste wachtwoordzin."
    assert _("Wrong passphrase.", "en") == "Wrong passphrase."
    assert catalogue("nl")["Wrong passphrase."] == "Onjuiste wachtwoordzin."
    assert catalogue("en") == {}
    message = N_("a message that is not in the catalogue")
    assert _(message) == message


def test_without_its_catalogue_brugdesk_speaks_english_rather_than_failing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(i18n, "mo_path", lambda lang: tmp_path / lang / "brugdesk.mo")
    i18n.translations.cache_clear()
    try:
        assert _("Wrong passphrase.") == "Wrong passphrase."
        assert "no nl catalogue (FileNotFoundError)" in caplog.text
        (tmp_path / "nl").mkdir()
        (tmp_path / "nl" / "brugdesk.mo").write_bytes(b"not a catalogue")
        i18n.translations.cache_clear()
        assert _("Wrong passphrase.") == "Wrong passphrase."
    finally:
        i18n.translations.cache_clear()
    monkeypatch.undo()
    assert _("Wrong passphrase.") == "Onjuiste wachtwoordzin."


def test_a_ui_message_is_read_from_the_same_catalogue_in_its_context() -> None:
    found = i18n.translations("nl")
    assert found is not None
    assert found.find("&Save", "FormDialog") == "&Opslaan"
    assert found.find("&Save", "NoSuchContext") is None  # Qt then asks the next translator
    assert found.find("{n} family deleted.", "RetentionPanel", 1) == "{n} gezin verwijderd."
    assert found.find("{n} family deleted.", "RetentionPanel", 3) == "{n} gezinnen verwijderd."


def test_list_defaults_keep_their_codes_and_their_dutch_and_english_labels() -> None:
    """The defaults a new vault gets; codes are stored in vaults and must never change meaning."""
    codes = {name: [code for code, _label in items] for name, items in DEFAULT_LISTS.items()}
    assert codes[ListName.THEME][:3] == ["parenting", "money", "behaviour"] and codes[ListName.THEME][-1] == "other"
    assert all(len(set(c)) == len(c) for c in codes.values())
    # the same English needs different Dutch in one list than in the others: the list's context wins
    assert default_label(ListName.THEME, "Other", "nl") == "Overig"
    assert default_label(ListName.CONTACT_KIND, "Other", "nl") == "Anders"
    assert default_label(ListName.PARTNER_TYPE, "Youth health care", "nl") == "Jeugdgezondheidszorg (JGZ)"
    assert default_label(ListName.SIGNAL_SOURCE, "Youth health care", "nl") == "Jeugdgezondheidszorg"
    assert default_label(ListName.CONTACT_KIND, "Phone", "nl") == "Telefonisch"
    assert _("Phone") == "Telefoon"  # the same English elsewhere keeps its own Dutch
    assert default_label(ListName.THEME, "Other", "en") == "Other"
    for name, items in DEFAULT_LISTS.items():
        for _code, english in items:
            assert default_label(name, english, "nl") != english or english in {"Veilig Thuis"}, (name, english)


def test_a_command_line_error_is_dutch(tmp_path: Path) -> None:
    """The CLI's one-line error in Dutch by default, in English with --lang en (a real process)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}

    def check(*lang: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "brugdesk", *lang, "check", "--vault", str(tmp_path)],
                              capture_output=True, text=True, env=env, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL)

    dutch, english = check(), check("--lang", "en")
    assert dutch.returncode == english.returncode == 3
    assert dutch.stderr.startswith("brugdesk: Er is geen wachtwoordzin of herstelsleutel opgegeven."), dutch.stderr
    assert english.stderr.startswith("brugdesk: No passphrase or recovery key was given."), english.stderr


# ----------------------------------------------------------------- the checks find what they must
def test_the_extractor_finds_qt_and_non_ui_messages_with_their_context(tmp_path: Path) -> None:
    import io

    source = (
        "class Page(QWidget):\n"
        "    def f(self, n):\n"
        "        self.tr('Save {name}').format(name=x)\n"
        "        self.tr('{n} file', '{n} files', n).format(n=n)\n"
        "        QCoreApplication.translate('Other', 'Open')\n"
        "        return N_('Plain'), NC_('theme', 'Other'), QT_TRANSLATE_NOOP('Model', 'Header'), _(variable)\n"
        "    def g(self, n):\n"
        "        return ngettext('{n} problem', '{n} problems', n)\n"
    )
    found = list(TOOL.extract_python(io.BytesIO(source.encode()), TOOL.KEYWORDS, (), {}))
    assert [(kind, msg) for _line, kind, msg, _c in found] == [
        ("pgettext", ("Page", "Save {name}")), ("npgettext", ("Page", "{n} file", "{n} files")),
        ("pgettext", ("Other", "Open")), ("gettext", "Plain"), ("pgettext", ("theme", "Other")),
        ("pgettext", ("Model", "Header")), ("ngettext", ("{n} problem", "{n} problems"))]


def test_check_reports_an_untranslated_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``tools/i18n.py check`` (and the first test above) fail on a new message without Dutch."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="nl", domain="brugdesk")
    catalog.add("Done", "Klaar")
    catalog.add("New message", "")
    catalog.add("Fuzzy", "Vaag", flags=["fuzzy"])
    monkeypatch.setattr(TOOL, "LOCALE", tmp_path)
    TOOL.write_po(catalog)
    assert TOOL.unfinished() == ["Fuzzy", "New message"]  # sorted
    assert TOOL.main(["check"]) == 1


def test_a_decimal_number_is_written_as_the_language_writes_it() -> None:
    """Overzicht's hours, a backup's size: "2347,5" in Dutch, "2347.5" in English (not "2347,5")."""
    assert i18n.decimal(2347.46, lang="nl") == "2347,5"
    assert i18n.decimal(2347.46, lang="en") == "2347.5"
    assert i18n.decimal(0.25, 2, lang="en") == "0.25"


def test_a_number_dependent_message_outside_the_ui_has_both_forms_in_both_languages() -> None:
    assert i18n.ngettext("{n} problem", "{n} problems", 1, lang="en") == "{n} problem"
    assert i18n.ngettext("{n} problem", "{n} problems", 3, lang="en") == "{n} problems"
    assert i18n.ngettext("{n} problem", "{n} problems", 1, lang="nl") == "{n} probleem"
    assert i18n.ngettext("{n} problem", "{n} problems", 3, lang="nl") == "{n} problemen"
