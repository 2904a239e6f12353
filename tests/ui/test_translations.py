"""Every UI string has its Dutch (and English) translation, and the compiled catalogues are current."""

from __future__ import annotations

import importlib.util
import subprocess
import xml.etree.ElementTree as ET  # noqa: S405 - our own files
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_in_the_ts_files_is_translated():
    tool = _i18n_tool()
    for lang in ("nl", "en"):
        missing = tool.unfinished(lang)
        assert missing == [], f"{len(missing)} unfinished [{lang}] messages, e.g. {missing[:5]}"


def test_the_dutch_catalogue_differs_from_english_and_keeps_placeholders_and_mnemonics():
    tree = ET.parse(TRANSLATIONS / "brugdesk_nl.ts")  # noqa: S314 - our own file
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 200
    same = 0
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished":
            continue  # reported by the test above
        for text in forms:
            for placeholder in ("%1", "%2", "%3"):
                assert (placeholder in source) == (placeholder in text), (source, text)
            if "&" in source.replace("&&", ""):
                assert "&" in text, (source, text)
            same += text == source
    assert same < len(messages) * 0.1  # a real translation, not the English copied over


def test_the_committed_qm_files_are_compiled_from_the_current_ts_files(tmp_path):
    lrelease = _i18n_tool()._tool("pyside6-lrelease")
    for lang in ("nl", "en"):
        qm = TRANSLATIONS / f"brugdesk_{lang}.qm"
        fresh = tmp_path / qm.name
        subprocess.run([lrelease, str(TRANSLATIONS / f"brugdesk_{lang}.ts"), "-qm", str(fresh)], check=True,
                       capture_output=True)
        assert qm.read_bytes() == fresh.read_bytes(), f"run: python tools/i18n.py release ({qm.name} is stale)"
        assert QTranslator().load(str(qm))
