"""What a real screen reader says: Orca (Debian 12's, 43) runs against the real app and its
speech is read from its debug log ("SPEECH OUTPUT: '…'"), not inferred from AT-SPI events.

One desk (:class:`Desk`: Xvfb, a private D-Bus session with the accessibility bus, the app on a
demo vault) with Orca started on it before the app, with its own settings directory (key echo off,
so the log holds what Orca says about the app, not each typed letter). No synthesizer is needed:
Orca logs each utterance before it hands it to speech-dispatcher, also when there is none.
Orca speaks English role names here (``LANG=C.UTF-8``); the app speaks Dutch.

Orca before 45 ignores Qt's announcement event (``object:announcement``); every message below
must still be spoken, once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.a11y.harness import Desk, missing_tools
from tests.a11y.test_atspi import choose_tab, focus_on, go_to, open_families, unlock

MISSING = missing_tools() + ([] if shutil.which("orca") else ["orca"])
#: Orca 43's speech is not steady enough for CI: in 2 of 16 runs on this project's machine it
#: took in the app's window a second time after the first keys and lost the focus changes between
#: (once also the search count's notification). Run it on purpose: BRUGDESK_ORCA=1.
ORCA_ASKED = os.environ.get("BRUGDESK_ORCA") == "1"
pytestmark = [
    pytest.mark.atspi,
    pytest.mark.skipif(bool(MISSING), reason="screen reader test: missing " + ", ".join(MISSING)),
    pytest.mark.skipif(not ORCA_ASKED, reason="Orca 43's speech test runs only when asked (BRUGDESK_ORCA=1): "
                                              "not steady enough for CI"),
]

#: one utterance in Orca's debug log: the text, then the voice it was given (or None)
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'\s*(?:\{.*\}|\[.*\]|None)?\s*$")


class Orca:
    """Orca on ``desk``'s display and buses; :meth:`wait_said` reads what it spoke."""

    def __init__(self, desk: Desk) -> None:
        self.log = desk.workdir / "orca-debug.out"
        prefs = Path(desk.env["XDG_DATA_HOME"]) / "orca"
        prefs.mkdir(parents=True)
        # Orca loads this after its settings, before it speaks: no key echo (each typed key would be
        # spoken), and its debug file written line by line (it is block-buffered)
        (prefs / "orca-customizations.py").write_text(
            "import orca.debug, orca.settings\n"
            "orca.settings.enableKeyEcho = False\n"
            "if orca.debug.debugFile is not None:\n"
            "    orca.debug.debugFile.reconfigure(line_buffering=True)\n", encoding="utf-8")
        env = dict(desk.env, LANG="C.UTF-8", LANGUAGE="", LC_ALL="C.UTF-8")
        self.proc = subprocess.Popen(["orca", "--debug-file", str(self.log)], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        desk.procs.append(self.proc)
        self.heard = 0  # utterances already looked at by wait_said

    def said(self) -> list[str]:
        """Everything Orca spoke so far, in order."""
        if not self.log.exists():
            return []
        out = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if "SPEECH OUTPUT: '" in line:
                found = SPEECH.search(line)
                out.append(found.group(1) if found else line.split("SPEECH OUTPUT: '", 1)[1])
        return out

    def wait_said(self, pattern: str, timeout: float = 20.0) -> str:
        """The first utterance since the last call that matches ``pattern`` (a regex); waits for it."""
        deadline = time.monotonic() + timeout
        while True:
            said = self.said()
            for i in range(self.heard, len(said)):
                if re.search(pattern, said[i]):
                    self.heard = i + 1
                    return said[i]
            assert self.proc.poll() is None, f"Orca stopped (exit {self.proc.returncode}); it said {said[-20:]}"
            assert time.monotonic() < deadline, (
                f"Orca did not say anything matching {pattern!r}; since the last check it said {said[self.heard:]}")
            time.sleep(0.1)


def assert_said_once(orca: Orca, words: str) -> None:
    """``words`` were said once in what Orca said lately (not by a notice and a description change
    both)."""
    time.sleep(1.0)  # what Orca says a second time comes within a moment
    lately = orca.said()[orca.heard - 1:]
    assert sum(words in s for s in lately) == 1, lately


@pytest.fixture(scope="module")
def orca_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, Orca]]:
    desk = Desk(tmp_path_factory.mktemp("orca"))
    try:
        desk.start()
        orca = Orca(desk)
        desk.start_app()  # meanwhile Orca starts
        orca.wait_said(r"^Screen reader on\.$", timeout=30)  # Orca listens to the accessibility bus
        # ... and has taken in the app's window (it says the window as it becomes active): a focus
        # event before that is lost to Orca 43 (seen on a quiet machine: only the frame was said)
        orca.wait_said(r"\bbrugdesk\b.* frame\.?$", timeout=30)
        yield desk, orca
    finally:
        for proc in desk.procs:  # Orca takes seconds to stop on SIGTERM; nothing of it is kept
            if proc.args[0] == "orca" and proc.poll() is None:
                proc.kill()
                proc.wait(5)
        desk.stop()
        desk.app_errors()


def test_orca_speaks_the_unlock_screen_and_a_wrong_passphrase(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    desk.keys("Tab")
    focus_on(desk, "password text")
    orca.wait_said(r"^Wachtwoordzin password text\b")
    desk.type("dit is niet de wachtwoordzin")
    desk.keys("Return")
    orca.wait_said(r"\bDe kluis wordt geopend")  # while the passphrase is checked (a notice)
    orca.wait_said(r"^Verkeerde wachtwoordzin\. Controleer hem")  # the field's description, changed
    assert_said_once(orca, "Verkeerde wachtwoordzin")


def test_orca_speaks_a_searchs_count(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    open_families(desk)
    desk.type("Fam. K")
    orca.wait_said(r"\b\d+ van 25 gezinnen\b")
    desk.keys("ctrl+a", "BackSpace", settle=0.3)


def test_orca_speaks_a_familys_facts(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    open_families(desk)
    desk.keys("Down")
    desk.keys("Return")
    desk.wait_for(lambda: any(n["role"] == "page tab" and n["name"] == "Gezin" for n in desk.tree()),
                  "the family's detail")
    choose_tab(desk, "Gezin")
    focus_on(desk, "", "^Gegevens van het gezin$")
    orca.wait_said(r"Startdatum: \d{2}-\d{2}-\d{4}\. Signaal van: ")


def test_orca_speaks_the_terms_numbers_on_overzicht(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    go_to(desk, "Overzicht")
    focus_on(desk, "", "^Deze periode: ")
    orca.wait_said(r"gezinnen actief: \d+\. nieuwe gezinnen: \d+\. contacten: \d+\. uur contact: [\d,]+\. "
                   r"huisbezoeken: \d+\.")


def test_orca_says_an_overdue_follow_up_is_late(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    go_to(desk, "Acties")
    choose_tab(desk, "Alle open")
    focus_on(desk, "table")
    # the oldest open follow-up comes first: the demo's are overdue
    orca.wait_said(r"^\d{2}-\d{2}-\d{4}\s+\(te laat\)$")


def test_orca_says_saved_once(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    go_to(desk, "Instellingen")
    choose_tab(desk, "Rapportage en vergrendelen")
    focus_on(desk, "push button", "^Opslaan$")
    orca.wait_said(r"^Opslaan push button")  # Orca has caught up with the Tabs
    desk.keys("space")
    orca.wait_said(r"\bOpgeslagen\.$")
    assert_said_once(orca, "Opgeslagen.")


def test_orca_says_the_backup_was_made(orca_desk: tuple[Desk, Orca]) -> None:
    desk, orca = orca_desk
    unlock(desk)
    go_to(desk, "Instellingen")
    choose_tab(desk, "Reservekopieën en privacy")
    focus_on(desk, "push button", "^Nu een reservekopie maken$")
    orca.wait_said(r"^Nu een reservekopie maken push button")
    desk.keys("space")
    start = orca.heard
    orca.wait_said(r"\bReservekopie gemaakt en gecontroleerd: ")
    # the focus stayed on the button while the backup ran: it did not hop on through the next
    # controls, each read out (Orca 43 then dropped the message in the flood of events)
    time.sleep(0.5)
    assert not [s for s in orca.said()[start:] if "button" in s or "Bewaartermijn" in s], orca.said()[start:]
