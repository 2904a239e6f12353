#!/usr/bin/env python3
"""The developer's commands, for a fresh machine with only ``python3``.

    python3 dev.py app     open brugdesk (a demo vault is created when there is no vault yet)
    python3 dev.py test    install what the tests need and run the whole test suite (pytest arguments pass through;
                           the AT-SPI tests, tests/a11y, run after the rest, on two workers)
    python3 dev.py lint    ruff, mypy and the dead-code check, as tests/unit/test_lint.py runs them
    python3 dev.py i18n    extract the messages, update the Dutch .po and compile the .mo (tools/i18n.py all)
    python3 dev.py build   the frozen one-folder app, proved with --version and --selftest (tools/build_frozen.sh)

Each creates ``.venv`` beside this file and installs the project into it. On Debian/Ubuntu the
system packages Qt and the tests need are checked first; when they are missing they are
installed with apt-get when running as root, otherwise the exact ``sudo apt-get install``
line is printed. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_PASSPHRASE = "brugdesk-demo-2026"  # noqa: S105 - the published passphrase of the synthetic demo vault

#: Debian packages: what Qt needs to start at all (also offscreen)
APT_QT = ["libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3", "libfreetype6"]
#: ... for a real X11 window
APT_X11 = ["libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
           "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libxcb-xinerama0"]
#: ... for the tests: a real Secret Service, PDF text extraction, a virtual screen, fonts, AT-SPI
APT_TEST = ["gnome-keyring", "dbus", "dbus-x11", "poppler-utils", "xvfb", "xauth", "fonts-dejavu-core", "binutils",
            # the accessibility tests (tests/a11y): the AT-SPI bus and Debian's AT-SPI client for its
            # own python3, keys through the X server, a window manager that gives windows the focus
            "at-spi2-core", "python3-gi", "gir1.2-atspi-2.0", "xdotool", "openbox",
            # ... and the screen reader whose speech tests/a11y/test_orca.py reads (Debian 12: Orca 43)
            "orca"]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def fail(text: str, code: int = 1) -> int:
    print(f"[dev] {text}", file=sys.stderr, flush=True)
    return code


def _dpkg_installed(package: str) -> bool:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    except FileNotFoundError:
        return True  # not a Debian system: nothing we can check this way
    return out.returncode == 0 and "install ok installed" in out.stdout


def ensure_system_packages(packages: list[str]) -> bool:
    """Install missing Debian packages when root; otherwise print how. True when all present."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return True
    missing = [p for p in packages if not _dpkg_installed(p)]
    if not missing:
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing system packages: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        result = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)
        return result.returncode == 0
    fail("these system packages are missing: " + " ".join(missing))
    fail("install them with:  sudo apt-get install " + " ".join(missing))
    return False


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path | None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on whatever python3 the machine has
        fail(f"brugdesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        return None
    python = venv_python()
    if not python.exists():
        try:
            import ensurepip  # noqa: F401  (Debian ships venv without it unless python3-venv is installed)
        except ImportError:
            version = f"python3.{sys.version_info.minor}-venv"
            if not ensure_system_packages([version]):
                return None
        say(f"creating {VENV.name}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".installed-{extras or 'app'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        say("installing brugdesk and its dependencies into .venv (first time takes a few minutes)")
        spec = f".[{extras}]" if extras else "."
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True, cwd=ROOT)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", spec], check=True, cwd=ROOT)
        stamp.write_text(digest)
    return python


def cmd_app(argv: list[str]) -> int:
    if not ensure_system_packages(APT_QT + (APT_X11 if os.environ.get("DISPLAY") else [])):
        return 1
    python = ensure_venv("")
    if python is None:
        return 1
    vault = argv[argv.index("--vault") + 1] if "--vault" in argv else os.environ.get("BRUGDESK_VAULT", "")
    if not vault:
        vault = subprocess.run([str(python), "-c", "from brugdesk.cli import default_vault_dir as d; print(d())"],
                               capture_output=True, text=True, check=True).stdout.strip()
    if not (Path(vault) / "brugdesk.db").exists():
        say(f"no vault yet: creating a demo vault with synthetic families in {vault}")
        env = dict(os.environ, BRUGDESK_PASSPHRASE=DEMO_PASSPHRASE)
        result = subprocess.run([str(python), "-m", "brugdesk", "demo", "--vault", vault, "--families", "60"],
                                env=env)
        if result.returncode != 0:
            return result.returncode
        say(f"the demo vault's passphrase is: {DEMO_PASSPHRASE}")
    return subprocess.run([str(python), "-m", "brugdesk", "--vault", vault]).returncode


def _secret_service_wrapper(workdir: Path) -> list[str] | None:
    """Run pytest inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service)."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        return None
    script = workdir / "with-keyring.sh"
    script.write_text(
        "#!/bin/sh\n"
        "set -e\n"
        # gnome-keyring reads the password for the login keyring from stdin and unlocks it
        "eval \"$(printf %s brugdesk-test-keyring | gnome-keyring-daemon --unlock --components=secrets)\"\n"
        "export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK\n"
        "export BRUGDESK_SECRET_SERVICE=1\n"
        "exec \"$@\"\n"
    )
    script.chmod(0o700)
    return ["dbus-run-session", "--", "sh", str(script)]


def cmd_test(argv: list[str]) -> int:
    if not ensure_system_packages(APT_QT + APT_X11 + APT_TEST):
        return 1
    python = ensure_venv("test")
    if python is None:
        return 1
    with tempfile.TemporaryDirectory(prefix="brugdesk-test-") as tmp:
        workdir = Path(tmp)
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "HOME"):
            path = workdir / name.lower()
            path.mkdir(mode=0o700)
            env[name] = str(path)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        wrapper = _secret_service_wrapper(workdir) or []
        if not wrapper:
            say("no gnome-keyring/dbus here: the Secret Service tests will be skipped")
        codes = []
        for args in pytest_runs(argv):
            say("running: pytest " + " ".join(args))
            codes.append(subprocess.run([*wrapper, str(python), "-m", "pytest", *args], cwd=ROOT, env=env).returncode)
            if codes[-1] not in (0, 5) and ("-x" in argv or "--exitfirst" in argv):
                break  # (stop at the first failure, as asked)
    code = combined(codes)
    if code == 5:
        return fail("pytest collected no tests: that is a failure, not a pass.")
    return code


def combined(codes: list[int]) -> int:
    """The exit code of several pytest runs: the first failure's; 5 (no tests) only when no run
    ran a test; else 0."""
    failed = [code for code in codes if code not in (0, 5)]
    if failed:
        return failed[0]
    return 5 if all(code == 5 for code in codes) else 0


#: the AT-SPI tests: a pytest run of their own, their apps on two workers at once (pytest-xdist;
#: tests/a11y/conftest.py makes the tests that share an app one unit of work, which one worker runs in order)
A11Y = "tests/a11y"
A11Y_WORKERS = ["-n", "2", "--dist", "loadscope"]
#: pytest options whose value is the next argument (so that value is not taken for a test path)
_VALUE_OPTIONS = {"-k", "-m", "-p", "-o", "-W", "-c", "-n", "--dist", "--deselect", "--ignore", "--ignore-glob",
                  "--basetemp", "--durations", "--maxfail", "--tb", "-r", "--rootdir", "--junitxml"}


def pytest_runs(argv: list[str]) -> list[list[str]]:
    """The pytest runs that together run what ``argv`` selects: the AT-SPI tests (tests/a11y) in a
    run of their own on two workers, the rest in one run as before (a single run when only one
    part is selected, or when the arguments already choose workers or turn xdist off)."""
    if any(a.startswith(("-n", "--numprocesses", "--dist")) or a in ("no:xdist", "-pno:xdist") for a in argv):
        return [argv]
    options: list[str] = []
    paths: list[str] = []
    skip = False
    for arg in argv:
        if skip or arg.startswith("-") or not (ROOT / arg.split("::")[0]).exists():
            options.append(arg)
            skip = not skip and arg in _VALUE_OPTIONS
            continue
        paths.append(arg)
    a11y = (ROOT / A11Y).resolve()
    rest_paths: list[str] = []
    a11y_paths: list[str] = []
    both = not paths  # no path: the whole suite (testpaths), the AT-SPI tests included
    for path in paths:
        where = (ROOT / path.split("::")[0]).resolve()
        if where == a11y or a11y in where.parents:
            a11y_paths.append(path)
        elif where in a11y.parents:  # tests/ itself: everything
            rest_paths.append(path)
            both = True
        else:
            rest_paths.append(path)
    runs = []
    if rest_paths or not paths:
        runs.append([*options, *rest_paths, *(["--ignore=" + A11Y] if both else [])])
    if a11y_paths or both:
        runs.append([*options, *A11Y_WORKERS, *(a11y_paths or [A11Y])])
    return runs


#: what ``lint`` runs (as tests/unit/test_lint.py does; mypy reads its settings from pyproject.toml)
LINTERS = [["ruff", "check", "."], ["mypy"]]
#: the dead-code check: what tests, benchmarks and tools use counts as used; only brugdesk/ must be clean
DEAD_CODE = ["vulture", "brugdesk", "tests", "benchmarks", "tools", "--min-confidence", "60"]


def cmd_lint(_argv: list[str]) -> int:
    python = ensure_venv("test")
    if python is None:
        return 1
    failed = []
    for tool, *args in LINTERS:
        say("running: " + " ".join([tool, *args]))
        if subprocess.run([str(python), "-m", tool, *args], cwd=ROOT).returncode != 0:
            failed.append(tool)
    say("running: " + " ".join(DEAD_CODE) + " (reporting brugdesk/ only)")
    out = subprocess.run([str(python), "-m", *DEAD_CODE], cwd=ROOT, capture_output=True, text=True)
    dead = [line for line in out.stdout.splitlines() if line.startswith("brugdesk/")]
    if dead or out.returncode not in (0, 3):
        print("\n".join(dead) or out.stdout + out.stderr)
        failed.append("vulture")
    return fail("failed: " + ", ".join(failed)) if failed else 0


def cmd_i18n(argv: list[str]) -> int:
    python = ensure_venv("test")  # Babel, which extracts the messages, is a test dependency
    if python is None:
        return 1
    return subprocess.run([str(python), str(ROOT / "tools" / "i18n.py"), *(argv or ["all"])], cwd=ROOT).returncode


def cmd_build(argv: list[str]) -> int:
    if not ensure_system_packages(APT_QT):
        return 1
    python = ensure_venv("build")
    if python is None:
        return 1
    bash = shutil.which("bash")
    if bash is None:
        return fail("the build script needs bash (on Windows: Git Bash)")
    env = dict(os.environ, PYTHON=str(python))
    return subprocess.run([bash, str(ROOT / "tools" / "build_frozen.sh"), *argv], cwd=ROOT, env=env).returncode


COMMANDS = {"app": cmd_app, "test": cmd_test, "lint": cmd_lint, "i18n": cmd_i18n, "build": cmd_build}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
