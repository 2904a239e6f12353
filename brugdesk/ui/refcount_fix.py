"""Work around PySide6 6.12.0 dropping a reference to ``None`` on every Python slot call.

With PySide6-Essentials 6.12.0 on Python 3.11, each call of a Python slot or callback from
Qt (a signal connected to a function returning ``None``, a ``QTimer.singleShot`` callback,
``processEvents``) decrements ``None``'s reference count once without having incremented it.
``None`` starts with a few thousand references, so after a few thousand events — an officer's
first minutes of clicking, or a 3,000-family list — CPython deallocates ``None`` and aborts
("Fatal Python error: none_dealloc"), typically when the app quits. PySide6 6.11 does not do
this, and from Python 3.12 on ``None`` is immortal, so the bug is harmless there.

:func:`protect_none` gives ``None`` a reference count it can never lose (what Python 3.12
does for all immortal objects). It changes nothing else and costs nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: references added to None: more than any process can drop (one per slot call)
BALLAST = 1 << 48


def protect_none() -> bool:
    """Make ``None`` effectively immortal on CPython < 3.12; True when something was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < BALLAST:
        refcount.value += BALLAST
    return True
