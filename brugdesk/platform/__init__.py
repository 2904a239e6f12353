"""One module per operating-system concern (what brugdesk does differently on Linux, Windows and macOS)."""
