"""The packaging files agree with the package: app id, version, icons, entry point (fast; no build)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import curator

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def desktop_files():
    return load(PACKAGING / "linux" / "check_desktop_files.py", "curator_check_desktop_files")


@pytest.fixture(scope="module")
def icon_formats():
    return load(PACKAGING / "pyinstaller" / "icon_formats.py", "curator_icon_formats")


@pytest.fixture(scope="module")
def app_entry():
    folder = str(PACKAGING / "pyinstaller")  # the entry point imports its self-test's checks from beside it
    sys.path.insert(0, folder)
    try:
        yield load(PACKAGING / "pyinstaller" / "curator_app.py", "curator_frozen_entry")
    finally:
        sys.path.remove(folder)


def test_desktop_and_metainfo_files_match_the_package(desktop_files) -> None:
    assert desktop_files.all_problems(PACKAGING / "linux") == []


def test_a_release_missing_from_the_metainfo_is_reported(desktop_files, tmp_path: Path, monkeypatch) -> None:
    for suffix in (".desktop", ".metainfo.xml"):
        source = PACKAGING / "linux" / f"{curator.APP_ID}{suffix}"
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(curator, "__version__", "99.0.0")
    problems = desktop_files.all_problems(tmp_path, tools=False)
    assert any("newest <release>" in problem and "99.0.0" in problem for problem in problems), problems


def test_a_wrong_icon_name_in_the_desktop_file_is_reported(desktop_files, tmp_path: Path) -> None:
    text = (PACKAGING / "linux" / f"{curator.APP_ID}.desktop").read_text(encoding="utf-8")
    broken = tmp_path / f"{curator.APP_ID}.desktop"
    broken.write_text(text.replace(f"Icon={curator.APP_ID}", "Icon=curator"), encoding="utf-8")
    assert any("Icon=" in problem for problem in desktop_files.desktop_problems(broken))


def test_version_and_app_id_are_never_typed_in_the_packaging_scripts() -> None:
    checked = [PACKAGING / "pyinstaller" / "curator.spec", PACKAGING / "pyinstaller" / "curator_app.py",
               PACKAGING / "build.sh"]
    for path in checked:
        text = path.read_text(encoding="utf-8")
        assert f'"{curator.__version__}"' not in text, f"{path.name} types the version"
        assert curator.APP_ID not in text, f"{path.name} types the app id"


def test_png_icon_sizes_exist_with_their_sizes(icon_formats) -> None:
    make_icons = load(PACKAGING / "make_icons.py", "curator_make_icons")
    assert (ICONS / "curator.svg").is_file()
    for size in make_icons.SIZES:
        data = (ICONS / f"curator-{size}.png").read_bytes()
        assert icon_formats.png_size(data) == (size, size)


def test_ico_and_icns_are_made_from_the_pngs(icon_formats, tmp_path: Path) -> None:
    ico = icon_formats.write_ico(ICONS, tmp_path / "curator.ico")
    assert icon_formats.read_ico(ico) == [(s, s) for s in icon_formats.ICO_SIZES]
    icns = icon_formats.write_icns(ICONS, tmp_path / "curator.icns")
    elements = dict(icon_formats.read_icns(icns))
    assert elements[b"ic09"] == (512, 512) and elements[b"icp4"] == (16, 16) and elements[b"ic13"] == (256, 256)
    assert len(elements) == sum(len(kinds) for kinds in icon_formats.ICNS_TYPES.values())


def test_a_png_of_the_wrong_size_stops_the_icon_build(icon_formats, tmp_path: Path) -> None:
    for size in icon_formats.ICO_SIZES:
        (tmp_path / f"curator-{size}.png").write_bytes((ICONS / f"curator-{size}.png").read_bytes())
    (tmp_path / "curator-32.png").write_bytes((ICONS / "curator-16.png").read_bytes())
    with pytest.raises(ValueError, match="curator-32.png"):
        icon_formats.write_ico(tmp_path, tmp_path / "curator.ico")


@pytest.mark.parametrize(("arguments", "executable", "command_line"), [
    ([], "curator", False),
    (["review.curator.sqlite"], "curator", False),
    (["list", "--json"], "curator", True),
    (["--version"], "curator", True),
    (["--help"], "curator", True),
    (["lst"], "curator", True),  # a typo gets the command line's "No such command"
    ([], "curator-cli", True),
    ([], "curator-cli.exe", True),
])
def test_the_frozen_entry_point_tells_commands_from_review_files(app_entry, arguments, executable,
                                                                 command_line) -> None:
    assert app_entry.wants_command_line(arguments, executable) is command_line


def test_an_existing_file_without_the_review_suffix_opens_in_the_window(app_entry, tmp_path: Path) -> None:
    review = tmp_path / "mine.review"
    review.write_bytes(b"")
    assert app_entry.wants_command_line([str(review)], "curator") is False


def test_the_command_line_runs_through_the_entry_point(tmp_path: Path) -> None:
    script = PACKAGING / "pyinstaller" / "curator_app.py"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run([sys.executable, str(script), "--version"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert shown.returncode == 0 and curator.__version__ in shown.stdout, shown.stderr
    wrong = subprocess.run([sys.executable, str(script), "no-such-command"], capture_output=True, text=True,
                           env=env, timeout=120)
    assert wrong.returncode == 2 and "no-such-command" in wrong.stderr


def test_the_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    if importlib.util.find_spec("ui.app") is None:
        pytest.skip("ui.app (the window) is not written yet")
    script = PACKAGING / "pyinstaller" / "curator_app.py"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(script), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("package", "demo review", "store", "command line", "encrypted PDF", "RIS import and duplicates",
                  "ranking", "PDF pages", "server", "keyring", "window"):
        assert f"ok   {check}:" in result.stdout
    assert "self-test passed" in result.stdout
