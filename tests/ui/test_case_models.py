"""Every case-work table model passes pytest-qt's model tester, on real demo-vault data."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from brugdesk.core.model import FamilyStatus
from brugdesk.ui.models import (
    ActivityModel,
    ContactTimelineModel,
    FamilyQuery,
    FamilyTableModel,
    FollowUpModel,
    ListLabels,
    MemberModel,
    ReferralItem,
    ReferralModel,
)


def _paged_model(session, query: FamilyQuery | None = None) -> FamilyTableModel:
    model = FamilyTableModel()
    model.set_repo(session.repo)
    model.set_query(query or FamilyQuery())
    return model


def test_family_model_passes_the_model_tester(qtmodeltester, session):
    model = _paged_model(session, FamilyQuery(include_closed=True))
    qtmodeltester.check(model)
    everyone = model.total()
    assert everyone == session.repo.families.count()
    model.sort(FamilyTableModel.NAME, Qt.SortOrder.DescendingOrder)  # sorted in SQL, paged
    qtmodeltester.check(model)
    model.sort(-1)
    model.set_query(FamilyQuery(status=FamilyStatus.ACTIVE, search="fam"))
    qtmodeltester.check(model)
    assert 0 < model.rowCount() == model.total() < everyone
    assert all(model.row_at(r).status == FamilyStatus.ACTIVE for r in range(model.rowCount()))


def test_casework_models_pass_the_model_tester(qtmodeltester, session):
    repo = session.repo
    labels = ListLabels.read(repo)
    family_id = max(repo.families.rows(), key=lambda r: r.open_referrals).id
    partners = {p.id: p.name for p in repo.partners.list()}
    cases = [
        (ContactTimelineModel(), repo.contacts.list(family_id)),
        (MemberModel(), repo.members.list(family_id)),
        (ReferralModel(), [ReferralItem(r, partners[r.partner_id]) for r in repo.referrals.list(family_id)]),
        (FollowUpModel(), repo.followups.open()),
        (ActivityModel(), repo.activities.list()),
    ]
    for model, rows in cases:
        assert rows, type(model).__name__
        model.set_labels(labels)
        model.load(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)


def test_codes_are_shown_with_their_list_labels_and_dates_in_dutch(session):
    repo = session.repo
    family_id = repo.families.rows()[0].id
    model = ContactTimelineModel()
    model.set_labels(ListLabels.read(repo))
    contacts = repo.contacts.list(family_id)
    model.load(contacts)
    first = contacts[0]
    # the date the Dutch way, and the time of day beside it when the contact has one
    time = f" {first.time.hour:02d}:{first.time.minute:02d}" if first.time else ""
    assert model.index(0, model.DATE).data() == first.date.strftime("%d-%m-%Y") + time
    assert model.index(0, model.KIND).data() == repo.lists.label("contact_kind", first.kind)
    assert model.index(0, model.KIND).data() != first.kind  # a label, not the code


def test_family_list_queries_page_by_page_and_fetches_more_on_demand(qtmodeltester, session):
    rows = session.repo.families.rows()
    model = FamilyTableModel()
    model.page = 25
    model.set_repo(session.repo)
    model.set_query(FamilyQuery(include_closed=True))
    assert model.rowCount() == 25 and model.total() == len(rows)
    assert [model.family_id(r) for r in range(25)] == [r.id for r in rows[:25]]  # newest first
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 50
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.family_id(r) for r in range(model.rowCount())] == [r.id for r in rows]
    # a search is a query over every family, also those not fetched yet
    last = rows[-1]
    model.set_query(FamilyQuery(search=last.ref))
    assert model.rowCount() == 1
    assert model.family_id(0) == last.id


def _sort_key(column: int):
    """What each column is sorted by, computed here in Python from the rows (the model sorts in SQL)."""
    from brugdesk.core.text import fold

    status_order = {FamilyStatus.REGISTERED: 0, FamilyStatus.ACTIVE: 1, FamilyStatus.CLOSED: 2}
    return {
        FamilyTableModel.REF: lambda r: (r.ref[:7], int(r.ref[7:])),
        FamilyTableModel.NAME: lambda r: fold(r.display_name),
        FamilyTableModel.STATUS: lambda r: status_order[r.status],
        FamilyTableModel.SCHOOLS: lambda r: r.schools,
        FamilyTableModel.LAST_CONTACT: lambda r: r.last_contact,
        FamilyTableModel.NEXT_FOLLOWUP: lambda r: r.next_followup,
        FamilyTableModel.OPEN_REFERRALS: lambda r: r.open_referrals,
    }[column]


def _in_order(values: list, reverse: bool) -> bool:
    """Sorted, with missing values (None) last whichever the direction."""
    present = [v for v in values if v is not None]
    first_none = values.index(None) if None in values else len(values)
    return values[:first_none] == present and present == sorted(present, reverse=reverse)


@pytest.mark.parametrize("column", sorted(FamilyTableModel.SORTS))
def test_sorting_by_a_column_orders_the_whole_list_a_page_at_a_time(session, column):
    key = _sort_key(column)
    model = _paged_model(session, FamilyQuery(include_closed=True))
    model.page = 10  # sorting is SQL: the first page of the sorted list, not every family
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 10 and model.total() == session.repo.families.count()
    model.fetch_all()
    assert model.rowCount() == session.repo.families.count()
    assert _in_order([key(model.row_at(r)) for r in range(model.rowCount())], reverse=False)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    model.fetch_all()
    assert _in_order([key(model.row_at(r)) for r in range(model.rowCount())], reverse=True)
    # a new search keeps the sort; sort(-1) goes back to newest first, one page at a time
    model.set_query(FamilyQuery(search="fam", include_closed=True))
    model.fetch_all()
    assert _in_order([key(model.row_at(r)) for r in range(model.rowCount())], reverse=True)
    model.sort(-1)
    assert model.rowCount() == 10
    assert [model.family_id(r) for r in range(10)] == [r.id for r in session.repo.families.rows(search="fam", limit=10)]


def test_a_change_to_one_family_keeps_a_sorted_list_sorted(session):
    repo = session.repo
    model = _paged_model(session)
    model.sort(FamilyTableModel.NAME, Qt.SortOrder.AscendingOrder)
    row = model.row_at(model.rowCount() - 1)
    family = repo.families.get(row.id)
    family.display_name = "Fam. Aaaa"
    repo.families.update(family)
    model.family_changed(family.id)
    assert model.family_id(0) == family.id
    assert model.index(0, FamilyTableModel.NAME).data() == "Fam. Aaaa"


def test_missing_dates_sort_after_all_dates(session):
    model = _paged_model(session)
    model.sort(FamilyTableModel.NEXT_FOLLOWUP, Qt.SortOrder.AscendingOrder)
    model.fetch_all()
    values = [model.row_at(r).next_followup for r in range(model.total())]
    assert None in values and values[0] is not None
    first_none = values.index(None)
    assert all(v is None for v in values[first_none:])
    assert all(isinstance(v, dt.date) for v in values[:first_none])
