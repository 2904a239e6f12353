"""Entry script of the frozen app (PyInstaller, see ``build.spec``): the ``brugdesk`` command."""

from brugdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
