"""brugdesk.reports."""
