"""Entry point of the frozen Curator app (PyInstaller runs this script, not a console script).

    curator                      the window, on the default review
    curator REVIEW_FILE          the window, on that review
    curator COMMAND [ARGS...]    the command line (`curator list`, `curator demo`, ...; `curator --help`):
                                 any first argument that is not a review file
    curator --self-test          start offscreen, build the demo review, check the store and the
                                 window, print what was checked; exit 0, or 1 with the reason

``curator-cli`` (the console executable beside ``curator``; on Windows the
window executable has no console) always runs the command line.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

# The checks of the libraries the app carries, beside this script (PyInstaller bundles it with the app).
from library_checks import CHECKS as LIBRARY_CHECKS
from library_checks import SelfTestFailure

#: Written into the bundle by curator.spec: what the build carried, so the self-test can check it.
MANIFEST_NAME = "curator-build.json"
SELF_TEST = "--self-test"


def bundle_dir() -> Path | None:
    """The folder PyInstaller unpacked the app into, or None when running from an installed package."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else None


def build_manifest() -> dict | None:
    """The build manifest written by the spec (None when not frozen)."""
    root = bundle_dir()
    if root is None:
        return None
    path = root / MANIFEST_NAME
    if not path.is_file():
        raise SelfTestFailure(f"the build manifest {MANIFEST_NAME} is missing from {root}")
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- checks


def check_package(context: dict) -> str:
    import curator

    manifest = context["manifest"]
    if manifest is not None:
        for key, value in (("version", curator.__version__), ("app_id", curator.APP_ID)):
            if manifest[key] != value:
                raise SelfTestFailure(f"the build manifest says {key} {manifest[key]!r}, the package {value!r}")
    where = "frozen" if bundle_dir() else f"from {Path(curator.__file__).parent}"
    return f"{curator.APP_NAME} {curator.__version__} ({curator.APP_ID}), {where}, Python {sys.version.split()[0]}"


def check_bundle(context: dict) -> str:
    """Everything the installed package had at build time is in the frozen app and loads."""
    import importlib
    import pkgutil

    import curator.importers
    from curator.store.database import MIGRATIONS_DIR
    from resources import resource_dir

    manifest = context["manifest"]
    if manifest is None:
        return "not frozen: no build manifest to compare with (skipped)"
    problems = []
    for name in manifest["modules"]:
        try:
            importlib.import_module(name)
        except Exception as error:  # any failure to import is what this check is for
            problems.append(f"module {name} does not import: {error}")
    # The importer registry finds its formats with pkgutil at run time, so that must see them all.
    found = {module.name for module in pkgutil.iter_modules(curator.importers.__path__)}
    missing = sorted(set(manifest["importers"]) - found)
    if missing:
        problems.append(f"pkgutil does not find the importers {', '.join(missing)}")
    for relative in manifest["data_files"]:
        if not (bundle_dir() / relative).is_file():
            problems.append(f"data file {relative} is missing")
    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if versions != sorted(manifest["migrations"]):
        problems.append(f"migration scripts {versions}, expected {sorted(manifest['migrations'])}")
    if resource_dir() != bundle_dir() / "resources":
        problems.append(f"resources are looked up in {resource_dir()}, not in the bundle")
    if problems:
        raise SelfTestFailure("; ".join(problems))
    return (f"{len(manifest['modules'])} modules, {len(manifest['importers'])} importers, "
            f"{len(manifest['migrations'])} migrations, {len(manifest['data_files'])} data files")


def check_demo(context: dict) -> str:
    from curator.demo import build_demo_review
    from resources import sample_documents

    samples = sample_documents()
    if not samples:
        raise SelfTestFailure("no sample documents in the bundle")
    context["samples"] = samples
    path = build_demo_review(context["folder"] / "demo.curator.sqlite")
    context["review_path"] = path
    return f"{path.name} built from {len(samples)} sample documents"


def check_store(context: dict) -> str:
    from curator.review.listing import count_records
    from curator.store.database import current_revision, head_revision, open_review

    with open_review(context["review_path"], create=False) as review:
        revision, head = current_revision(review.engine), head_revision()
        if revision != head:
            raise SelfTestFailure(f"the demo review is at schema revision {revision}, the head is {head}")
        with review.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        if integrity != "ok":
            raise SelfTestFailure(f"SQLite integrity check: {integrity}")
        records = count_records(review)
    expected = len(context["samples"])
    if records != expected:
        raise SelfTestFailure(f"the demo review has {records} records, expected {expected} (one per sample)")
    return f"schema at head {head}, integrity ok, {records} records"


def check_command_line(context: dict) -> str:
    from click.testing import CliRunner

    from curator.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["list", "--json", "--review", str(context["review_path"])])
    if result.exit_code != 0:
        raise SelfTestFailure(f"`curator list` exited {result.exit_code}: {result.output.strip()}"
                              + (f" ({result.exception!r})" if result.exception else ""))
    if "gui" not in cli.commands:
        raise SelfTestFailure("`curator gui` is missing: the package metadata (its entry points) was not bundled")
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    if len(rows) != len(context["samples"]):
        raise SelfTestFailure(f"`curator list` printed {len(rows)} records, expected {len(context['samples'])}")
    return f"`curator list --json` printed {len(rows)} records; commands: {', '.join(sorted(cli.commands))}"


def check_encrypted_pdf(context: dict) -> str:
    """PDFs restricted with AES open: pypdf finds the cryptography package (it imports it only if it can)."""
    import io

    from pypdf import PdfWriter

    from curator.importers.pdf import pdf_text

    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    try:
        writer.encrypt(user_password="", owner_password="self-test", algorithm="AES-256")
        encrypted = io.BytesIO()
        writer.write(encrypted)
        pdf_text(encrypted.getvalue())
    except Exception as error:  # a missing or broken cryptography package shows as any of several errors
        raise SelfTestFailure(f"a PDF encrypted with AES does not open ({error}); is the cryptography package "
                              "in the bundle?") from error
    return "a PDF with only an owner password, encrypted with AES-256, opens"


def check_window(context: dict) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtWidgets import QApplication

    from resources import resource_path

    # Settings (the registry on Windows, plists on macOS) go to the throw-away folder too.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(context["folder"] / "settings"))
    try:
        import ui.app
    except ImportError as error:
        raise SelfTestFailure(f"the window's package does not import: {error}") from error
    # The QApplication the window would make (names, icon, style), made here so the check can watch it.
    make_application = getattr(ui.app, "application", None)
    app = make_application() if callable(make_application) else None
    app = app or QApplication.instance() or QApplication([sys.argv[0]])
    if app.platformName() != "offscreen":
        raise SelfTestFailure(f"Qt platform is {app.platformName()!r}, expected 'offscreen'")
    svg = resource_path("icons", "curator.svg")
    if QImage(str(svg)).isNull() or QIcon(str(svg)).isNull():
        raise SelfTestFailure(f"Qt cannot load {svg}: the SVG image-format plugin is missing")
    return open_window_offscreen(ui.app, context["review_path"])


def open_window_offscreen(gui, review_path: Path, timeout: float = 30.0) -> str:
    """Run ``gui.run(review_path)`` as the app does; once its main window shows and paints, close it.

    ``run`` is the window's public entry point; it must reuse a QApplication that already exists
    (``QApplication.instance() or QApplication(...)``) so that this check can watch the event loop.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance()
    started = time.perf_counter()
    seen: dict = {}

    def visible_windows() -> list:
        return [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]

    def inspect() -> None:
        windows = visible_windows()
        if not windows:
            if time.perf_counter() - started > timeout:
                others = [f"{type(w).__name__} {w.windowTitle()!r}" for w in app.topLevelWidgets() if w.isVisible()]
                seen["error"] = (f"no main window within {timeout:.0f} s; visible: {', '.join(others) or 'nothing'}")
                app.exit(1)
            return
        poll.stop()
        window = windows[0]
        seen["shown_ms"] = (time.perf_counter() - started) * 1000
        app.processEvents()
        picture = window.grab()
        seen["title"], seen["size"] = window.windowTitle(), f"{window.width()}x{window.height()}"
        if picture.isNull():
            seen["error"] = "the main window did not paint"
        for each in visible_windows():
            each.close()
        app.exit(0)

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(inspect)
    poll.start()
    try:
        code = gui.run(review_path)
    except SystemExit as stop:
        code = stop.code
    except RuntimeError as error:
        raise SelfTestFailure(f"ui.app.run() failed: {error} (it must reuse an existing QApplication)") from error
    finally:
        poll.stop()
    if "error" in seen:
        raise SelfTestFailure(seen["error"])
    if "title" not in seen:
        raise SelfTestFailure(f"ui.app.run() returned {code!r} before its main window showed")
    if code not in (0, None):
        raise SelfTestFailure(f"ui.app.run() returned {code!r} after its window closed")
    from curator import APP_NAME

    if APP_NAME not in seen["title"]:
        raise SelfTestFailure(f"the main window's title {seen['title']!r} does not name {APP_NAME}")
    return f"main window {seen['title']!r} ({seen['size']}) shown and painted after {seen['shown_ms']:.0f} ms, closed"


CHECKS: list[tuple[str, Callable[[dict], str]]] = [
    ("package", check_package),
    ("bundle", check_bundle),
    ("demo review", check_demo),
    ("store", check_store),
    ("command line", check_command_line),
    ("encrypted PDF", check_encrypted_pdf),
    *LIBRARY_CHECKS,
    ("window", check_window),
]


def self_test(limit: float = 180.0) -> int:
    """Run every check in a throw-away folder; 0 when all pass, 1 at the first failure."""
    import threading

    def give_up() -> None:  # a check that hangs (a modal dialog, a dead lock) must not hang the build
        print(f"FAIL self-test: still running after {limit:.0f} s", flush=True)
        os._exit(3)

    watchdog = threading.Timer(limit, give_up)
    watchdog.daemon = True
    watchdog.start()
    try:
        return run_checks()
    finally:
        watchdog.cancel()


def run_checks() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="curator-self-test-") as folder:
        # Keep the reviewer's own settings, data and default review out of it.
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[variable] = str(Path(folder) / variable.lower())
        os.environ["CURATOR_REVIEW"] = str(Path(folder) / "default.curator.sqlite")
        os.environ.setdefault("CURATOR_REVIEWER", "self-test")
        context: dict = {"folder": Path(folder)}
        for name, check in CHECKS:
            begun = time.perf_counter()
            try:
                if name == "package":
                    context["manifest"] = build_manifest()
                detail = check(context)
            except Exception as error:
                if not isinstance(error, SelfTestFailure):
                    traceback.print_exc()
                print(f"FAIL {name}: {error}", flush=True)
                print(f"self-test failed after {time.perf_counter() - started:.1f} s", flush=True)
                return 1
            print(f"ok   {name}: {detail} [{(time.perf_counter() - begun) * 1000:.0f} ms]", flush=True)
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


# ------------------------------------------------------------------------------------------ dispatch


#: A first argument with one of these endings is a review file for the window, whether it exists yet or not.
REVIEW_ENDINGS = (".sqlite", ".db")


def wants_command_line(arguments: list[str], executable: str | None = None) -> bool:
    """True when the arguments are for the ``curator`` command line rather than the window.

    The window takes at most a review file; anything else (a command, --help, --version, a typo)
    goes to the command line, which runs it or says what is wrong.
    """
    if Path(executable or sys.executable).stem.lower().endswith("-cli"):
        return True
    if not arguments:
        return False
    first = arguments[0]
    if first.startswith("-"):
        return True
    return not (Path(first).is_file() or first.lower().endswith(REVIEW_ENDINGS))


def run_command_line(arguments: list[str]) -> int:
    from curator.cli import cli

    try:
        cli.main(arguments, prog_name="curator")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return 0


def run_window(arguments: list[str]) -> int:
    from ui.app import run

    return int(run(Path(arguments[0]) if arguments else None) or 0)


def main(arguments: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if arguments is None else arguments
    if arguments[:1] == [SELF_TEST]:
        return self_test()
    if wants_command_line(arguments):
        return run_command_line(arguments)
    return run_window(arguments)


if __name__ == "__main__":
    # A large import reads its file in worker processes (curator/importers/_shares.py): in a frozen app a
    # worker is this executable started again, and this call makes it run the worker, not the app.
    multiprocessing.freeze_support()
    if sys.stdout is None:  # Windows window executable: no console; give print() somewhere to go
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    raise SystemExit(main())
