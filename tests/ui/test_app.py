"""Starting the window: no display, no reviewer name."""

from __future__ import annotations

import sys

import pytest

from ui import app


def test_missing_display_only_on_linux_without_one() -> None:
    assert app.missing_display({}, "linux")
    assert not app.missing_display({"DISPLAY": ":0"}, "linux")
    assert not app.missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not app.missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not app.missing_display({}, "darwin") and not app.missing_display({}, "win32")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_no_display_is_said_plainly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert app.run(None) == 2
    assert "needs a desktop session" in capsys.readouterr().err


def test_cancelling_the_name_says_why(qtbot, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(app, "ask_reviewer", lambda _settings: None)
    assert app.run(None) == 1
    assert "No reviewer name given; Curator needs one to record decisions." in capsys.readouterr().err


def test_the_window_opens_the_named_review_then_the_last_then_the_default(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path) -> None:
    from curator.store.database import default_review_path
    from ui.settings import DeskSettings

    settings = DeskSettings()
    monkeypatch.delenv("CURATOR_REVIEW", raising=False)
    assert app.where_to_open(settings) == default_review_path()
    last = tmp_path / "last.curator.sqlite"
    last.touch()
    settings.add_recent_review(last)
    assert app.where_to_open(settings) == last
    monkeypatch.setenv("CURATOR_REVIEW", str(tmp_path / "named.curator.sqlite"))
    assert app.where_to_open(settings) == tmp_path / "named.curator.sqlite"


def test_missing_x11_libraries_are_named_by_package(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from ui import system_libraries

    assert system_libraries.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not system_libraries.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not system_libraries.uses_xcb({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, "linux")
    assert not system_libraries.uses_xcb({"DISPLAY": ":0"}, "darwin")
    found = {"xcb-icccm", "EGL", "GL", "fontconfig", "xcb-image", "xcb-randr", "xcb-render-util", "xcb-shape",
             "xcb-xkb", "xcb-keysyms", "xkbcommon-x11"}
    assert system_libraries.missing_packages(lambda name: name if name in found else None) == ["libxcb-cursor0"]
    monkeypatch.setattr(app, "uses_xcb", lambda: True)
    monkeypatch.setattr(app, "missing_packages", lambda: ["libxcb-cursor0", "libxcb-icccm4"])
    assert app.run(None) == 2
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in capsys.readouterr().err
