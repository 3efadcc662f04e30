"""Curator's window: a Qt client of the core in ``curator/`` (which never imports Qt)."""
