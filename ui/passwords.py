"""Server passwords in the system keyring (the ``keyring`` package), never in a settings file.

A password is kept under the service "Curator" and the key ``LOGIN@HOST:PORT/DATABASE``. When the
system has no keyring (no backend: a bare server, a container), nothing is kept anywhere: the desk
asks for the password each time it opens the review, and says so.
"""

from __future__ import annotations

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError

SERVICE = "Curator"
NO_KEYRING = "No system keyring here: the password is not kept, and is asked for each time."


def available() -> bool:
    """True when a system keyring can keep passwords."""
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except KeyringError:
        return False


def stored(key: str) -> str | None:
    """The password kept for ``key`` (see the module), or None."""
    if not available():
        return None
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError:
        return None


def keep(key: str, password: str) -> bool:
    """Keep ``password`` for ``key`` in the keyring; False when there is no keyring to keep it in."""
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, key, password)
    except KeyringError:
        return False
    return True


def key_of(address: str) -> str:
    """The keyring key of a server review's address: ``LOGIN@HOST:PORT/DATABASE``."""
    from curator.store.server import describe, login_of, server_url

    return f"{login_of(address) or ''}@{describe(server_url(address))}"
