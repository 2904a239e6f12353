"""brugdesk: encrypted case notes and anonymised termly reports for the school bridge officer."""

__version__ = "0.1.0"
