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
