"""The printed cells of a report: every count a report prints, perturbed with the cell key method
(:mod:`brugdesk.reports.perturb`) and turned into text (``0``, ``<k`` or the number), and the
block of the report each count belongs to (the export rules compare reports per block)."""

from __future__ import annotations

from brugdesk.reports import perturb
from brugdesk.reports.aggregate import HOME_VISIT, SIGNAL_OUTCOMES, STATUS_GROUPS, Aggregates, Category
from brugdesk.reports.model import PublishedCell, check_k
from brugdesk.reports.wording import period_id


# ------------------------------------------------------------------- blocks
def block_of(code: str) -> str:
    head = code.split(".", 1)[0]
    return {"reach": "intake", "sources": "intake", "closures": "intake", "themes": "themes",
            "contacts": "contacts", "months": "contacts", "referrals": "referrals",
            "activities": "activities", "signals": "signals"}[head]


# ------------------------------------------------------------------- the cells
def cell_text(p: int, k: int) -> str:
    """A printed count as the report prints it: ``0``, ``<k`` or the number."""
    if p == 0:
        return "0"
    if p < k:
        return f"<{k}"
    return str(p)


def count_codes(agg: Aggregates, *, full: bool) -> list[str]:
    """Every count code a report of ``agg`` prints (``full``) or only those of the key figures."""
    codes = ["reach.active", "reach.new", "reach.continuing", "reach.closed", "reach.children",
             "reach.children_counted", "contacts.total", f"contacts.{HOME_VISIT}", "referrals.total",
             "referrals.warm", "activities.total.count", "activities.total.parents"]
    if not full:
        return codes
    cats = agg.categories
    codes += [f"sources.{c.code}" for c in cats["sources"]]
    codes += [f"closures.{c.code}" for c in cats["closures"]]
    codes += [f"contacts.{c.code}" for c in cats["contact_kinds"] if c.code != HOME_VISIT]
    codes += ["contacts.home_visit_families"]
    for m in agg.months:
        codes += [f"months.{m}.contacts", f"months.{m}.families"]
    codes += [f"themes.{c.code}" for c in cats["themes"]]
    for c in referral_rows(agg):
        codes += [f"referrals.{c.code}.{g}" for g, _label in STATUS_GROUPS] + [f"referrals.{c.code}.total"]
    codes += [f"referrals.total.{g}" for g, _label in STATUS_GROUPS] + ["referrals.families"]
    for c in signal_rows(agg):
        codes += [f"signals.{c.code}.{g}" for g, _label in SIGNAL_OUTCOMES] + [f"signals.{c.code}.total"]
    codes += [f"signals.total.{g}" for g, _label in SIGNAL_OUTCOMES] + ["signals.total"]
    for c in cats["activity_kinds"]:
        codes += [f"activities.{c.code}.count", f"activities.{c.code}.parents"]
    return list(dict.fromkeys(codes))


def referral_rows(agg: Aggregates) -> list[Category]:
    """Partner types with referrals in the period (every type would make a long, empty table)."""
    return [c for c in agg.categories["partner_types"] if agg.count(f"referrals.{c.code}.total").n]


def signal_rows(agg: Aggregates) -> list[Category]:
    """Signal sources with signals in the period (like :func:`referral_rows`)."""
    return [c for c in agg.categories["signal_sources"] if agg.count(f"signals.{c.code}.total").n]


def published_cells(agg: Aggregates, k: int) -> list[PublishedCell]:
    """Every count the report of ``agg`` would print, perturbed, before any is withheld.

    With fewer than k families (by the printed count of families) only the number of families and
    the group activities are printed; the comparison period contributes its key figures."""
    check_k(k)
    out: list[PublishedCell] = []
    for a, full in ((agg, True), (agg.previous, False)):
        if a is None:
            continue
        pid = period_id(a.period)
        active = printed(a, "reach.active")
        enough = active >= k
        for code in count_codes(a, full=full):
            if not enough and code != "reach.active" and not code.startswith("activities."):
                continue
            out.append(PublishedCell(pid, code, cell_text(printed(a, code), k)))
    return out


def printed(agg: Aggregates, code: str) -> int:
    """The count ``code`` of ``agg`` after the cell key method."""
    c = agg.count(code)
    return perturb.perturb(c.n, c.key)
