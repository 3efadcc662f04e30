#!/bin/sh
# Install the Curator app from this unpacked archive, for one user (default) or for everyone:
#
#   ./install.sh                 # into ~/.local  (the app in ~/.local/lib/curator, `curator` in ~/.local/bin)
#   sudo ./install.sh /usr/local # for every user of the machine
#
# Run it again to update; remove with: ./install.sh --uninstall [PREFIX]
set -eu

uninstall=no
if [ "${1:-}" = "--uninstall" ]; then uninstall=yes; shift; fi
PREFIX="${1:-$HOME/.local}"
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_ID=org.curator.Curator

if [ "$uninstall" = no ] && [ ! -x "$HERE/curator/curator" ]; then
    echo "install.sh: error: $HERE/curator/curator is missing; run this from the unpacked archive" >&2
    exit 1
fi

rm -rf "$PREFIX/lib/curator"
rm -f "$PREFIX/bin/curator" "$PREFIX/bin/curator-cli" \
      "$PREFIX/share/applications/$APP_ID.desktop" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
find "$PREFIX/share/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true

if [ "$uninstall" = no ]; then
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    cp -a "$HERE/curator" "$PREFIX/lib/curator"
    ln -s "$PREFIX/lib/curator/curator" "$PREFIX/bin/curator"
    ln -s "$PREFIX/lib/curator/curator-cli" "$PREFIX/bin/curator-cli"
    (cd "$HERE" && find share -type f) | while read -r file; do
        mkdir -p "$PREFIX/$(dirname "$file")"
        cp "$HERE/$file" "$PREFIX/$file"
    done
    # The .desktop file runs `curator`: point it at the installed binary in case bin/ is not on PATH.
    sed -i.orig "s|^Exec=curator |Exec=$PREFIX/bin/curator |; s|^TryExec=curator\$|TryExec=$PREFIX/bin/curator|" \
        "$PREFIX/share/applications/$APP_ID.desktop"
    rm -f "$PREFIX/share/applications/$APP_ID.desktop.orig"
fi

command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true

if [ "$uninstall" = yes ]; then
    echo "Curator removed from $PREFIX"
else
    echo "Curator installed in $PREFIX/lib/curator; run it from the applications menu or as $PREFIX/bin/curator"
fi
