"""brugdesk.keys."""
