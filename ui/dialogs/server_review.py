"""File > Open server review: the server's address and the password of the login.

The password goes to the system keyring (see :mod:`ui.passwords`), never to a settings file; without a
keyring the dialog says it will be asked for each time. When the server cannot be reached or refuses
the login, the core's sentence is shown and the dialog stays open to correct the address or password.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from curator.store.errors import ReviewError
from curator.store.server import address_of, is_server_location, password_in, server_url, with_password
from ui import passwords

ADDRESS_HINT = "postgresql://NAME@HOST:5432/DATABASE"
CANNOT_OPEN = "Cannot open the server review"


class ServerReviewDialog(QDialog):
    """Asks for a server review's address and password; ``open_location(location)`` opens it (None) or
    says why it cannot (the sentence; empty when the reviewer cancelled). Accepted only once the review is open."""

    def __init__(self, open_location: Callable[[str], str | None], address: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = open_location
        self.setWindowTitle("Open server review")
        intro = QLabel("The review your team shares on a PostgreSQL server: its address (your login, the "
                       "server, its port and the database, as the lead gave them) and your password.")
        intro.setWordWrap(True)
        self.address = QLineEdit(address)
        self.address.setObjectName("server_address")
        self.address.setPlaceholderText(ADDRESS_HINT)
        self.password = QLineEdit()
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("password")
        self.keyring_note = QLabel("The password is kept in the system keyring." if passwords.available()
                                   else passwords.NO_KEYRING)
        self.keyring_note.setObjectName("keyring_note")
        self.keyring_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, QLabel("Address"), self.address, QLabel("Password"), self.password,
                       self.keyring_note, self.buttons):
            layout.addWidget(widget)
        (self.password if address else self.address).setFocus()
        self.resize(520, 240)

    def accept(self) -> None:
        """Open the review; on a refusal say why and stay open (the address and password as typed)."""
        typed = self.address.text().strip()
        try:
            if not is_server_location(typed):
                raise ReviewError(f"write the server's address as {ADDRESS_HINT}")
            server_url(typed)
        except ReviewError as error:
            QMessageBox.warning(self, CANNOT_OPEN, str(error))
            return
        password = password_in(typed) or self.password.text()
        address = address_of(typed)
        self.address.setText(address)  # a password written in the address moves out of sight
        self.password.setText(password)
        error = self._open(with_password(address, lambda _prompt: password or None))
        if error is not None:  # refused (say why), or the reviewer cancelled the open (the empty sentence)
            if error:
                QMessageBox.warning(self, CANNOT_OPEN, error)
            self.password.setFocus()
            self.password.selectAll()
            return
        if password:
            passwords.keep(passwords.key_of(address), password)
        super().accept()

    def chosen_address(self) -> str:
        """The address opened, without its password (for the recent reviews)."""
        return self.address.text()
