"""Every case-work table model passes pytest-qt's model tester, on real demo-vault data."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from brugdesk.core.model import FamilyStatus
from brugdesk.ui.models import (
    SORT_ROLE,
    ActivityModel,
    ContactTimelineModel,
    FamilyFilterProxy,
    FamilyTableModel,
    FollowUpModel,
    ListLabels,
    MemberModel,
    ReferralItem,
    ReferralModel,
)


def test_family_model_and_proxy_pass_the_model_tester(qtmodeltester, session):
    model = FamilyTableModel()
    model.load(session.repo.families.rows())
    qtmodeltester.check(model)
    proxy = FamilyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("fam")
    proxy.set_status(FamilyStatus.ACTIVE)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.total()


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
    assert model.index(0, model.DATE).data() == first.date.strftime("%d-%m-%Y")
    assert model.index(0, model.KIND).data() == repo.lists.label("contact_kind", first.kind)
    assert model.index(0, model.KIND).data() != first.kind  # a label, not the code


def test_family_list_loads_lazily_and_fetches_more_on_demand(qtmodeltester, session):
    rows = session.repo.families.rows()
    model = FamilyTableModel()
    model.batch = 25
    model.load(rows)
    assert model.rowCount() == 25
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 50
    qtmodeltester.check(model)
    # a search looks at every family, also those not fetched yet
    proxy = FamilyFilterProxy()
    proxy.setSourceModel(model)
    last = rows[-1]
    proxy.set_search(last.ref)
    assert proxy.rowCount() == 1
    assert proxy.family_id(0) == last.id


@pytest.mark.parametrize("column", range(7))
def test_sorting_by_a_column_orders_by_its_sort_key(session, column):
    model = FamilyTableModel()
    proxy = FamilyFilterProxy()
    proxy.setSourceModel(model)
    model.load(session.repo.families.rows())
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    keys = [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True)


def test_missing_dates_sort_after_all_dates(session):
    model = FamilyTableModel()
    model.load(session.repo.families.rows())
    model.sort(FamilyTableModel.NEXT_FOLLOWUP, Qt.SortOrder.AscendingOrder)
    values = [model.row_at(r).next_followup for r in range(model.total())]
    assert None in values and values[0] is not None
    first_none = values.index(None)
    assert all(v is None for v in values[first_none:])
    assert all(isinstance(v, dt.date) for v in values[:first_none])
