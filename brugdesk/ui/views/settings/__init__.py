"""Instellingen, one module per tab; :mod:`.page` puts them together."""
