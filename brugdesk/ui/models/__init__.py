"""Table models of the case-work screens (Gezinnen, family detail, Acties, Groepsactiviteiten)."""

from brugdesk.ui.models.base import ID_ROLE, ROW_ROLE, SORT_ROLE, Column, ListLabels, RowTableModel
from brugdesk.ui.models.casework import (
    ActivityModel,
    ContactTimelineModel,
    FollowUpModel,
    MemberModel,
    ReferralItem,
    ReferralModel,
)
from brugdesk.ui.models.families import FamilyQuery, FamilyTableModel

__all__ = [
    "ID_ROLE", "ROW_ROLE", "SORT_ROLE", "ActivityModel", "Column", "ContactTimelineModel", "FamilyQuery",
    "FamilyTableModel", "FollowUpModel", "ListLabels", "MemberModel", "ReferralItem", "ReferralModel",
    "RowTableModel",
]
