"""``python3 dev.py test``: the AT-SPI tests (tests/a11y) run in a pytest run of their own on two
workers; everything else in one run, as before. What each selection runs; a failure in either
run fails the command, and so does no test in both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402

PARALLEL = dev.A11Y_WORKERS


@pytest.mark.parametrize(("argv", "runs"), [
    # the whole suite (the README's command, .ci/run's): the rest, then the AT-SPI tests on two workers
    (["-q"], [["-q", "--ignore=tests/a11y"], ["-q", *PARALLEL, "tests/a11y"]]),
    (["-q", "tests"], [["-q", "tests", "--ignore=tests/a11y"], ["-q", *PARALLEL, "tests/a11y"]]),
    (["-q", "-k", "page"], [["-q", "-k", "page", "--ignore=tests/a11y"],
                            ["-q", "-k", "page", *PARALLEL, "tests/a11y"]]),
    # only the AT-SPI tests, or some of them
    (["-q", "tests/a11y", "-x"], [["-q", "-x", *PARALLEL, "tests/a11y"]]),
    (["tests/a11y/test_atspi.py::test_page"], [[*PARALLEL, "tests/a11y/test_atspi.py::test_page"]]),
    # no AT-SPI test: one run as before (an option's value is no path: "-k tests")
    (["-q", "tests/unit/test_layers.py"], [["-q", "tests/unit/test_layers.py"]]),
    (["-q", "-k", "tests", "tests/unit"], [["-q", "-k", "tests", "tests/unit"]]),
    # both named
    (["tests/unit", "tests/a11y/test_scaling.py"], [["tests/unit"], [*PARALLEL, "tests/a11y/test_scaling.py"]]),
    # workers chosen, or xdist turned off: as given
    (["-n", "3", "tests/a11y"], [["-n", "3", "tests/a11y"]]),
    (["-p", "no:xdist"], [["-p", "no:xdist"]]),
])
def test_what_each_selection_runs(argv: list[str], runs: list[list[str]]) -> None:
    assert dev.pytest_runs(argv) == runs


@pytest.mark.parametrize(("codes", "code"), [
    ([0, 0], 0), ([0, 5], 0), ([5, 0], 0),  # one run had no test selected, the other passed
    ([1, 0], 1), ([0, 1], 1), ([5, 1], 1), ([2, 0], 2), ([0, 3], 3),  # a failure anywhere fails
    ([5, 5], 5), ([5], 5),  # nothing ran at all
    ([0], 0), ([1], 1),
])
def test_the_runs_exit_codes_add_up(codes: list[int], code: int) -> None:
    assert dev.combined(codes) == code


def test_no_tests_is_a_failure() -> None:
    """Selecting no test in either run fails (exit code 1) and says so: two runs never add up
    to a pass with nothing run."""
    result = subprocess.run([sys.executable, str(ROOT / "dev.py"), "test", "-q", "-k", "no_test_has_this_name_x",
                             "tests/unit/test_layers.py", "tests/a11y/test_scaling.py"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "collected no tests" in result.stderr
    assert result.stdout.count("[dev] running: pytest") == 2, result.stdout[-2000:]
