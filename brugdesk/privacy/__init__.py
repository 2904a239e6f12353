"""brugdesk.privacy."""
