"""Names the dead-code check (vulture, run by tests/unit/test_lint.py) cannot see being used.

Each entry says who uses the name. Keep this list short: code nothing uses is deleted, not listed.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Qt calls these overrides (and the D-Bus signal slots connected by name) itself
_.validatePage
_.initializePage
_.isComplete
_.eventFilter
_.headerData
_.screensaver_active
_.prepare_for_sleep
_.session_lock

# column numbers of table models, named for the reader (range() unpacking)
_.BIRTH_YEAR
_.STATUS_DATE
_.WARM_HANDOVER
_.MADE
_.WHEN
_.WHAT
_.CONCERNING

# the Windows keyring backend's setting, read by keyring (platform/oskeyring.py)
_.persist

# GLPK's solver options, read by the C library (reports/linked/solver.py)
_.msg_lev
_.presolve

# reportlab chart properties, read by reportlab when it draws (reports/pdf.py)
_.categoryNames
_.boxAnchor
_.dx
_.dy
_.angle
_.valueMin
_.valueMax
_.visibleGrid
_.strokeColor
_.visibleTicks
_.fontName
_.fontSize
_.fillColor
_.barSpacing
_.groupSpacing
_.barLabelFormat
_.barLabelArray

# openpyxl workbook properties, read by openpyxl when it saves the import template (importing/template.py)
_.freeze_panes
_.creator

# fields of the report model and its export history that describe a report for its readers
_.comparison_id
_.scope_id
_.other_period
_.other_exported_on
_.key_figure  # a report's key figure by its key, for the tests of the report and its CSV
