"""brugdesk.store."""
