#!/usr/bin/env bash
# Build Curator as a one-folder desktop app with PyInstaller, then smoke-test the frozen binary.
#
#   packaging/build.sh            # clean build venv, install the package (non-editable, with its
#                                 # server extra) + PyInstaller,
#                                 # build dist/curator/, run its --self-test, print size and build time
#
# Environment (all optional):
#   VENV=/path/venv         use (and update) this venv instead of a fresh one in the work folder
#   PYTHON=python3.11       the Python that makes the fresh venv (3.11 or newer)
#   CURATOR_BUILD_DIR=...   work folder: copy of the source, venv, PyInstaller's work files
#                           (default: <repo>/build/packaging, git-ignored)
#   CURATOR_DIST_DIR=...    where the app goes (default: <repo>/dist)
#   PYINSTALLER_REQUIREMENT the PyInstaller to install (default below)
#
# Exits non-zero when the build or any smoke test fails. Runs on Linux and macOS, and on Windows
# under Git Bash / MSYS2.
set -euo pipefail

PYINSTALLER_REQUIREMENT="${PYINSTALLER_REQUIREMENT:-pyinstaller>=6.10,<7}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK="${CURATOR_BUILD_DIR:-$REPO/build/packaging}"
DIST="${CURATOR_DIST_DIR:-$REPO/dist}"
PYTHON="${PYTHON:-python3}"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) OS=windows; EXE=.exe ;;
    Darwin) OS=macos; EXE= ;;
    *) OS=linux; EXE= ;;
esac

started=$(now)
mkdir -p "$WORK" "$DIST"
WORK="$(cd "$WORK" && pwd)"
DIST="$(cd "$DIST" && pwd)"

# 1. A copy of the source tree: pip's setuptools build would otherwise write build/ and *.egg-info into
#    the checkout, and a stale build/lib there can carry modules that no longer exist.
step "source: $REPO"
SRC="$WORK/src"
rm -rf "$SRC"
mkdir -p "$SRC"
(cd "$REPO" && tar -cf - --exclude=./build --exclude=./dist --exclude=./.git --exclude='*.egg-info' \
    --exclude='__pycache__' --exclude='.venv*' --exclude='.*_cache' --exclude='*.curator.sqlite*' .) \
    | (cd "$SRC" && tar -xf -)

# 2. The build venv: the project as users get it (non-editable) and PyInstaller.
if [ -n "${VENV:-}" ]; then
    step "build venv: $VENV (given)"
    [ -d "$VENV" ] || "$PYTHON" -m venv "$VENV" || fail "cannot create a venv at $VENV with $PYTHON"
else
    VENV="$WORK/venv"
    step "build venv: $VENV (fresh)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" || fail "cannot create a venv with $PYTHON (set PYTHON=...)"
fi
if [ -d "$VENV/Scripts" ]; then BIN="$VENV/Scripts"; else BIN="$VENV/bin"; fi
PY="$BIN/python$EXE"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || fail "Curator needs Python 3.11 or newer"
pip_install() {
    # pip's own output only when it fails (the local package index here prints many harmless warnings).
    if ! "$PY" -m pip install --quiet "$@" >"$WORK/pip.log" 2>&1; then
        grep -v 'is ignored: it is neither' "$WORK/pip.log" >&2 || true
        fail "pip install $* failed"
    fi
}
pip_install --upgrade "$PYINSTALLER_REQUIREMENT"
pip_install "$SRC[server]"  # the app carries the server extra: a desk can open a postgresql:// review
# A reused venv gets this tree's code even when the version number has not changed.
[ "$VENV" = "$WORK/venv" ] || pip_install --force-reinstall --no-deps "$SRC"
rm -rf "$SRC"  # installed now; a second copy of the tree in the checkout would only confuse searches
"$PY" -c 'import curator, PyInstaller' || fail "the build venv lacks curator or PyInstaller (see pip's output above)"
VERSION="$("$PY" -c 'import curator; print(curator.__version__)')"
APP_ID="$("$PY" -c 'import curator; print(curator.APP_ID)')"
echo "Curator $VERSION ($APP_ID), PyInstaller $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)')," \
     "Python $("$PY" -c 'import platform; print(platform.python_version())')"

# 3. PyInstaller, run outside the checkout so that only the installed package can be imported.
step "pyinstaller"
rm -rf "$DIST/curator" "$DIST/Curator.app"
freeze_started=$(now)
(cd "$WORK" && "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" "$HERE/pyinstaller/curator.spec") \
    || fail "PyInstaller failed (see above)"
freeze_seconds=$(( $(now) - freeze_started ))
APP="$DIST/curator"
[ -x "$APP/curator$EXE" ] || fail "PyInstaller did not make $APP/curator$EXE"

# 4. Smoke tests of the frozen binary, in a bare environment: no venv, no PYTHONPATH, no display.
step "smoke test: $APP/curator$EXE --self-test"
bare() {
    env -i HOME="$WORK/home" PATH="/usr/bin:/bin" LANG=C.UTF-8 TMPDIR="${TMPDIR:-/tmp}" \
        SYSTEMROOT="${SYSTEMROOT:-}" QT_QPA_PLATFORM=offscreen "$@"
}
mkdir -p "$WORK/home"
(cd / && bare "$APP/curator$EXE" --self-test) || fail "the frozen app's self-test failed"
shown="$(cd / && bare "$APP/curator-cli$EXE" --version)" || fail "curator-cli --version failed"
case "$shown" in
    *"$VERSION"*) echo "ok   curator-cli --version: $shown" ;;
    *) fail "curator-cli --version printed '$shown', expected version $VERSION" ;;
esac
(cd / && bare "$APP/curator$EXE" --help >/dev/null) || fail "curator --help failed"
echo "ok   curator --help"

# 5. Linux: check the desktop files and make an installable archive with them.
if [ "$OS" = linux ]; then
    step "Linux desktop files"
    "$PY" "$HERE/linux/check_desktop_files.py" "$HERE/linux" || fail "the desktop files are not right (see above)"
    STAGE="$WORK/tarball/curator-$VERSION"
    rm -rf "$WORK/tarball"
    mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" "$STAGE/share/icons/hicolor/scalable/apps"
    cp -a "$APP" "$STAGE/curator"
    cp "$HERE/linux/$APP_ID.desktop" "$STAGE/share/applications/"
    cp "$HERE/linux/$APP_ID.metainfo.xml" "$STAGE/share/metainfo/"
    cp "$HERE/linux/install.sh" "$STAGE/install.sh"
    ICONS="$APP/_internal/resources/icons"
    cp "$ICONS/curator.svg" "$STAGE/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for png in "$ICONS"/curator-*.png; do
        size="${png##*/curator-}"; size="${size%.png}"
        mkdir -p "$STAGE/share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$STAGE/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    ARCHIVE="$DIST/curator-$VERSION-linux-$(uname -m).tar.gz"
    tar -C "$WORK/tarball" -czf "$ARCHIVE" "curator-$VERSION"
    echo "ok   $ARCHIVE ($(du -sh "$ARCHIVE" | cut -f1))"
fi

total_seconds=$(( $(now) - started ))
size_kb=$(du -sk "$APP" | cut -f1)
files=$(find "$APP" -type f | wc -l | tr -d ' ')
step "done"
echo "app:        $APP"
echo "size:       $(( size_kb / 1024 )) MB ($size_kb KB, $files files)"
echo "build time: ${freeze_seconds} s (PyInstaller), ${total_seconds} s in all (venv, install, build, smoke tests)"
