"""The AT-SPI tests run in a pytest run of their own on two workers (``python3 dev.py test``:
pytest-xdist, ``-n 2 --dist loadscope``), so that two apps are measured at once.

Tests that share an app (a module-scoped desk fixture) must run on one worker, in their order.
xdist's unit of work is therefore an app here (:func:`app_of`), not a module: test_atspi.py's
family tabs and dialogs get an app of their own beside its pages' app, and test_scaling.py has one
app per screen and one for the first-run wizard. (xdist's own ``xdist_group`` marks do not reach
its scheduler with pytest 9.2, whose node ids no longer take xdist's group suffix.) Without this
file xdist's ``loadscope`` puts each module on one worker: slower, never wrong. Without xdist
(``pytest tests/a11y``) nothing here applies and each module keeps one app.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import pytest

#: the test functions of test_atspi.py that run on its second app (when two workers run)
SECOND_APP = {"test_family_tab", "test_family_facts_are_text", "test_dialog", "test_smaller_dialog",
              "test_erase_dialog"}


def app_of(nodeid: str) -> str:
    """The app a test runs on, from its node id: test_scaling.py's screen ("200 %", the first
    parameter of its ``big`` fixture) or else its wizard, test_atspi.py's second app for the
    tests in :data:`SECOND_APP`, and otherwise its module's ``desk``."""
    path, _, rest = nodeid.partition("::")
    name, _, params = rest.partition("[")
    module = PurePosixPath(path).stem
    if module == "test_scaling":
        screen = re.match(r"\d+ %", params)
        return f"{module} {screen.group()}" if screen else f"{module} wizard"
    if module == "test_atspi" and name in SECOND_APP:
        return f"{module} second app"
    return path


@pytest.hookimpl(optionalhook=True)  # (a hook of xdist's: unknown where xdist is not loaded)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getoption("dist", "no") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # (only imported where xdist runs)

    class ByApp(LoadScopeScheduling):  # type: ignore[misc]
        """xdist's loadscope, with an app as the unit of work."""

        def _split_scope(self, nodeid: str) -> str:
            return app_of(nodeid)

    return ByApp(config, log)
