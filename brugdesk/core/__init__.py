"""brugdesk.core."""
