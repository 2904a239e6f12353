"""Behaviour of the app that belongs to no page: work started by the session's events."""
