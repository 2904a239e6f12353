"""Rapportages: :mod:`.choices` (the period, the school, the toelichting) and :mod:`.page` (the preview and
the save buttons); the worker glue is :mod:`brugdesk.ui.controllers.report_worker`."""
