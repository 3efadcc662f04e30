"""Check the Linux desktop files against the package: names, app id, and the newest release's version.

    python packaging/linux/check_desktop_files.py [packaging/linux]

Run by packaging/build.sh and by tests/packaging. The version and app id are
read from ``curator`` (never typed twice): a release whose version is not in
the metainfo file fails here. ``desktop-file-validate`` and ``appstreamcli``
also run when they are installed (Debian: desktop-file-utils, appstream).
"""

from __future__ import annotations

import configparser
import datetime
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    import curator
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(HERE.parent.parent))
    import curator


def desktop_problems(path: Path) -> list[str]:
    """What is wrong with the .desktop file (empty when nothing)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        parser.read_string(path.read_text(encoding="utf-8"), str(path))
    except (OSError, configparser.Error) as error:
        return [f"{path.name}: cannot read it: {error}"]
    if "Desktop Entry" not in parser:
        return [f"{path.name}: no [Desktop Entry] group"]
    entry = parser["Desktop Entry"]
    expected = {"Type": "Application", "Name": curator.APP_NAME, "Icon": curator.APP_ID, "Terminal": "false"}
    problems = [f"{path.name}: {key}={entry.get(key)!r}, expected {value!r}"
                for key, value in expected.items() if entry.get(key) != value]
    if entry.get("Exec", "").split()[:1] != ["curator"]:
        problems.append(f"{path.name}: Exec should run `curator`, not {entry.get('Exec')!r}")
    for key in ("Categories", "Keywords"):
        if not entry.get(key, "").endswith(";"):
            problems.append(f"{path.name}: {key} must be a list ending in ';'")
    return problems


def metainfo_problems(path: Path) -> list[str]:
    """What is wrong with the AppStream metainfo file (empty when nothing)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        return [f"{path.name}: not well-formed XML: {error}"]
    problems = []

    def text(tag: str) -> str:
        element = root.find(tag)
        return (element.text or "").strip() if element is not None else ""

    if root.tag != "component" or root.get("type") != "desktop-application":
        problems.append(f"{path.name}: the root must be <component type=\"desktop-application\">")
    expected = {"id": curator.APP_ID, "name": curator.APP_NAME, "metadata_license": "CC0-1.0",
                "launchable": f"{curator.APP_ID}.desktop", "icon": curator.APP_ID}
    problems += [f"{path.name}: <{tag}> is {text(tag)!r}, expected {value!r}"
                 for tag, value in expected.items() if text(tag) != value]
    if not text("project_license"):
        problems.append(f"{path.name}: <project_license> is missing")
    summary = text("summary")
    if not summary or summary.endswith("."):
        problems.append(f"{path.name}: <summary> must be one short phrase without a final full stop")
    if root.find("description/p") is None:
        problems.append(f"{path.name}: <description> needs at least one <p>")
    if "curator" not in [b.text for b in root.findall("provides/binary")]:
        problems.append(f"{path.name}: <provides> must name the binary `curator`")
    releases = root.findall("releases/release")
    if not releases:
        problems.append(f"{path.name}: no <release>")
    else:
        newest = releases[0].get("version")
        if newest != curator.__version__:
            problems.append(f"{path.name}: the newest <release> is {newest!r} but curator.__version__ is "
                            f"{curator.__version__!r}: add a <release> for it (newest first)")
        dates = []
        for release in releases:
            try:
                dates.append(datetime.date.fromisoformat(release.get("date", "")))
            except ValueError:
                problems.append(f"{path.name}: release {release.get('version')} has no ISO date")
        if dates != sorted(dates, reverse=True):
            problems.append(f"{path.name}: releases must be listed newest first")
    return problems


def tool_problems(desktop: Path, metainfo: Path) -> list[str]:
    """The freedesktop validators' complaints, when they are installed."""
    problems = []
    commands = {"desktop-file-validate": [str(desktop)], "appstreamcli": ["validate", "--no-net", str(metainfo)]}
    for tool, arguments in commands.items():
        if shutil.which(tool) is None:
            print(f"(skipped {tool}: not installed)")
            continue
        result = subprocess.run([tool, *arguments], capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{tool} {' '.join(arguments)}:\n{result.stdout}{result.stderr}")
    return problems


def all_problems(folder: Path = HERE, *, tools: bool = True) -> list[str]:
    """Every problem with the .desktop and metainfo files in ``folder``."""
    desktop = folder / f"{curator.APP_ID}.desktop"
    metainfo = folder / f"{curator.APP_ID}.metainfo.xml"
    missing = [f"{p} is missing" for p in (desktop, metainfo) if not p.is_file()]
    if missing:
        return missing
    problems = desktop_problems(desktop) + metainfo_problems(metainfo)
    if tools:
        problems += tool_problems(desktop, metainfo)
    return problems


def main(arguments: list[str]) -> int:
    folder = Path(arguments[0]) if arguments else HERE
    problems = all_problems(folder)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not problems:
        print(f"ok   {curator.APP_ID}.desktop and {curator.APP_ID}.metainfo.xml (version {curator.__version__})")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
