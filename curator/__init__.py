"""Curator: a desktop curation tool for systematic reviewers.

The core package never imports Qt; the GUI in ``ui/`` is a client of it.
"""

__version__ = "0.1.0"
APP_ID = "org.curator.Curator"
APP_NAME = "Curator"
