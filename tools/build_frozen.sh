#!/usr/bin/env bash
# Build the frozen one-folder app from build.spec and prove it works.
#
#   bash tools/build_frozen.sh [--dist DIR]
#
# 1. installs PyInstaller into the venv (PYTHON, default .venv/bin/python, else python3),
# 2. builds into a temporary directory (or DIR/brugdesk with --dist DIR, kept afterwards),
# 3. runs the frozen `brugdesk --version` and, offscreen, `brugdesk --selftest`,
# 4. prints the size and what dominates it, and fails when the folder is 300 MB or more.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

PYTHON=${PYTHON:-}
if [[ -z "$PYTHON" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
LIMIT_MB=300

keep=""
if [[ "${1:-}" == "--dist" ]]; then
    keep="$2"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/brugdesk-frozen.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
dist=${keep:-$work/dist}

echo "[frozen] installing PyInstaller into $PYTHON"
"$PYTHON" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.5"

# the compiled catalogue (resources/translations/nl/LC_MESSAGES/brugdesk.mo) is committed and
# tests/unit/test_i18n.py checks that it is current; the build ships it as it is (build.spec)
test -s resources/translations/nl/LC_MESSAGES/brugdesk.mo || { echo "[frozen] missing brugdesk.mo: run python3 dev.py i18n" >&2; exit 1; }

echo "[frozen] building (PyInstaller, one folder)"
build_start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work/build" build.spec
echo "[frozen] build took $(( $(date +%s) - build_start )) s"

app="$dist/brugdesk"
exe="$app/brugdesk"
[[ -x "$exe" ]] || exe="$app/brugdesk.exe"

version=$("$exe" --version)
expected="brugdesk $("$PYTHON" -c 'import re,pathlib; print(re.search(r"__version__ = \"([^\"]+)\"", pathlib.Path("brugdesk/__init__.py").read_text()).group(1))')"
echo "[frozen] --version: $version"
if [[ "$version" != "$expected" ]]; then
    echo "[frozen] FAIL: expected '$expected'" >&2
    exit 1
fi

echo "[frozen] --selftest (offscreen)"
selftest=$(QT_QPA_PLATFORM=offscreen "$exe" --selftest)
echo "[frozen] $selftest"
if [[ "$selftest" != "selftest ok:"* ]]; then
    echo "[frozen] FAIL: the selftest did not print an ok line" >&2
    exit 1
fi

size_mb=$(du -sm "$app" | cut -f1)
echo "[frozen] size of the one-folder app: ${size_mb} MB (limit ${LIMIT_MB} MB); largest parts:"
(cd "$app/_internal" 2>/dev/null || cd "$app"; du -sm -- * | sort -rn | head -8 | sed 's/^/[frozen]   /')
if [[ -d "$app/_internal/PySide6/Qt/lib" ]]; then
    echo "[frozen]   of which Qt libraries: $(du -sm "$app/_internal/PySide6/Qt/lib" | cut -f1) MB," \
         "Qt plugins: $(du -sm "$app/_internal/PySide6/Qt/plugins" | cut -f1) MB"
fi
if (( size_mb >= LIMIT_MB )); then
    echo "[frozen] FAIL: the build is ${size_mb} MB, not under ${LIMIT_MB} MB" >&2
    exit 1
fi
echo "[frozen] ok in $(( $(date +%s) - start )) s"
