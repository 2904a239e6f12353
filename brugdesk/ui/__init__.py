"""The PySide6 desktop app. The only package that imports Qt."""

from brugdesk.ui.refcount_fix import protect_none

protect_none()  # before any Qt callback can run: see brugdesk/ui/refcount_fix.py
