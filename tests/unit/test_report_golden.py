"""Golden numbers: a small vault built by hand through the service layer, whose report is
worked out by hand below (k = 3). Also the previous-term comparison, the school filter,
the "fewer than k families" notice and the V2 schema migration.

The period is 2025-2026/T1 (1 Aug - 31 Dec 2025); the previous term is 2024-2025/T3
(1 Apr - 31 Jul 2025). School A has 200 pupils, school B no known pupil count.

Families (start, school, signal source, themes, closing):
  C1 2025-03-01 A teacher  parenting+money              2 children
  C2 2025-04-10 A ib       money                        1 child
  C3 2025-05-20 A parent   parenting   closed 2025-10-15 resolved   1 child
  C4 2025-06-01 B teacher  behaviour                    1 child
  N1 2025-08-20 A teacher  parenting                    1 child
  N2 2025-09-01 A teacher  money+housing                1 child
  N3 2025-09-15 A teacher  parenting                    1 child
  N4 2025-09-20 A ib       behaviour                    1 child
  N5 2025-10-01 A ib       parenting+behaviour          1 child
  N6 2025-10-05 A ib       money                        1 child
  N7 2025-11-11 B parent   parenting   closed 2025-12-10 resolved   1 child (school B)
  N8 2025-12-01 B wijkteam safety      closed 2025-12-20 referred   1 child (school B)
  N9 2025-12-03 A wijkteam money                        1 child
  O1 2025-01-10 A teacher  money       closed 2025-07-15 moved      1 child  (before T1)
  O2 2026-01-05 A parent   money                        1 child  (after T1)
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.model import (
    Activity,
    Contact,
    Family,
    FamilyStatus,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
    School,
)
from brugdesk.core.periods import parse_period
from brugdesk.reports.aggregate import aggregate
from brugdesk.reports.pdf import render_pdf
from brugdesk.reports.report import ProtectedReport, build_report
from brugdesk.store import schema
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 2, 1)
D = dt.date.fromisoformat
T1 = "2025-2026/T1"


def _family(vault: Vault, ids: dict[str, int], key: str, start: str, school: int, source: str, themes: list[str],
            closed: tuple[str, str] | None = None, child_school: int | None = None, children: int = 1) -> None:
    fam = Family(display_name=f"Fam. {key}", start_date=D(start), status=FamilyStatus.ACTIVE, signal_source=source,
                 themes=themes, school_ids=[school])
    if closed:
        fam.status, fam.closed_date, fam.closure_outcome = FamilyStatus.CLOSED, D(closed[0]), closed[1]
    vault.repo.families.create(fam, TODAY)
    assert fam.id is not None
    ids[key] = fam.id
    vault.repo.members.add(Member(MemberRole.PARENT, "Ouder", family_id=fam.id), TODAY)
    for _i in range(children):
        vault.repo.members.add(Member(MemberRole.CHILD, "Kind", birth_year=2016, school_id=child_school or school,
                                      family_id=fam.id), TODAY)


def build_golden(vault: Vault) -> dict[str, Any]:
    repo = vault.repo
    a = repo.schools.add(School("Basisschool Het Anker", pupil_count=200)).id
    b = repo.schools.add(School("Kindcentrum De Boog")).id
    assert a is not None and b is not None
    ids: dict[str, int] = {}
    f = _family
    f(vault, ids, "C1", "2025-03-01", a, "teacher", ["parenting", "money"], children=2)
    f(vault, ids, "C2", "2025-04-10", a, "ib", ["money"])
    f(vault, ids, "C3", "2025-05-20", a, "parent", ["parenting"], closed=("2025-10-15", "resolved"))
    f(vault, ids, "C4", "2025-06-01", b, "teacher", ["behaviour"])
    f(vault, ids, "N1", "2025-08-20", a, "teacher", ["parenting"])
    f(vault, ids, "N2", "2025-09-01", a, "teacher", ["money", "housing"])
    f(vault, ids, "N3", "2025-09-15", a, "teacher", ["parenting"])
    f(vault, ids, "N4", "2025-09-20", a, "ib", ["behaviour"])
    f(vault, ids, "N5", "2025-10-01", a, "ib", ["parenting", "behaviour"])
    f(vault, ids, "N6", "2025-10-05", a, "ib", ["money"])
    f(vault, ids, "N7", "2025-11-11", b, "parent", ["parenting"], closed=("2025-12-10", "resolved"))
    f(vault, ids, "N8", "2025-12-01", b, "wijkteam", ["safety"], closed=("2025-12-20", "referred"))
    f(vault, ids, "N9", "2025-12-03", a, "wijkteam", ["money"])
    f(vault, ids, "O1", "2025-01-10", a, "teacher", ["money"], closed=("2025-07-15", "moved"))
    f(vault, ids, "O2", "2026-01-05", a, "parent", ["money"])

    contacts = [
        ("C1", "2025-08-05", "home_visit", 60), ("C2", "2025-09-10", "home_visit", 60),
        ("N1", "2025-09-12", "home_visit", 60), ("N1", "2025-10-03", "home_visit", 60),
        ("C1", "2025-09-03", "school_talk", 30), ("N2", "2025-09-08", "school_talk", 30),
        ("N3", "2025-10-14", "school_talk", 30),
        ("C4", "2025-10-01", "phone", 12), ("N4", "2025-10-02", "phone", 12), ("N5", "2025-10-20", "phone", 12),
        ("N6", "2025-11-03", "phone", 12), ("N9", "2025-12-04", "phone", 12),
        ("N7", "2025-11-20", "digital", 10), ("N8", "2025-12-02", "walk_in", 20), ("C3", "2025-08-25", "walk_in", 20),
        # outside the term: one in the previous term, one after it
        ("C1", "2025-07-20", "phone", 12), ("N1", "2026-01-10", "phone", 12),
    ]
    for key, day, kind, minutes in contacts:
        repo.contacts.add(Contact(ids[key], D(day), minutes, kind, note=f"notitie {key}"), TODAY)

    wijk = repo.partners.add(Partner("Wijkteam Zuid", "wijkteam")).id
    debt = repo.partners.add(Partner("Schuldhulp Gemeente", "debt_help")).id
    assert wijk is not None and debt is not None
    S = ReferralStatus
    referrals = [
        # family, partner, date, warm, [(status, date), ...]
        ("N2", debt, "2025-09-10", True, [(S.REFERRED, "2025-09-20"), (S.ACCEPTED, "2025-10-05"),
                                           (S.COMPLETED, "2026-01-20")]),
        ("C1", debt, "2025-09-15", True, [(S.REFERRED, "2025-09-25"), (S.ACCEPTED, "2025-11-01")]),
        ("N6", debt, "2025-11-10", False, [(S.REFERRED, "2025-11-15"), (S.ACCEPTED, "2025-11-25")]),
        ("C2", wijk, "2025-08-20", True, [(S.REFERRED, "2025-08-25"), (S.ACCEPTED, "2025-09-01"),
                                          (S.COMPLETED, "2025-12-01")]),
        ("N5", wijk, "2025-10-21", True, [(S.REFERRED, "2025-10-25"), (S.ACCEPTED, "2025-11-05"),
                                          (S.COMPLETED, "2025-12-15")]),
        ("N4", wijk, "2025-10-03", False, [(S.REFERRED, "2025-10-10"), (S.ACCEPTED, "2025-10-20"),
                                           (S.COMPLETED, "2025-12-20")]),
        ("C1", wijk, "2025-07-10", False, []),  # previous term
    ]
    for key, partner, day, warm, steps in referrals:
        ref = repo.referrals.add(Referral(ids[key], partner, D(day), warm_handover=warm), TODAY)
        assert ref.id is not None
        for status, on in steps:
            repo.referrals.change_status(ref.id, status, D(on), TODAY)

    for day, kind, parents, minutes in [
        ("2025-09-18", "coffee_morning", 8, 60), ("2025-10-16", "coffee_morning", 6, 90),
        ("2025-11-20", "coffee_morning", 10, 60), ("2025-10-09", "workshop", 12, 120),
        ("2025-11-06", "workshop", 9, 120), ("2025-12-04", "workshop", 5, 60),
        ("2026-01-15", "coffee_morning", 20, 60),  # after the term
    ]:
        repo.activities.add(Activity(D(day), kind, school_id=a, parents_count=parents, minutes=minutes), TODAY)
    return {"a": a, "b": b, "ids": ids}


@pytest.fixture
def golden(vault: Vault) -> dict[str, Any]:
    return build_golden(vault)


def _report(vault: Vault, k: int = 3, school: int | None = None, spec: str = T1) -> ProtectedReport:
    period = parse_period(spec)
    return build_report(aggregate(vault.repo, period, school), k, lang="nl", generated=dt.date(2026, 2, 1))


def _table(report: ProtectedReport, key: str) -> dict[str, tuple[str, ...]]:
    for table in report.tables():
        if table.key == key:
            return {row.label: row.values for row in table.rows}
    raise KeyError(key)


def _figures(report: ProtectedReport) -> dict[str, tuple[str, str, str]]:
    return {f.key: (f.current, f.previous, f.difference) for f in report.key_figures}


def test_raw_aggregates_match_the_hand_count(vault: Vault, golden: dict[str, Any]) -> None:
    agg = aggregate(vault.repo, parse_period(T1))
    r = agg.reach
    # in scope: C1-C4 (started before 1 Aug, open on 1 Aug) + N1-N9; O1 closed in July, O2 starts in 2026
    assert r.active == 13
    assert r.new == 9 and r.continuing == 4
    assert r.closed == 3  # C3, N7, N8
    assert r.children == 14  # C1 has 2, the other 12 one each
    assert r.children_at_counted_schools == 11 and r.pupils == 200  # all but C4, N7, N8 (school B)
    assert agg.contacts == 15 and agg.contact_minutes == 440  # 240 + 90 + 60 + 50
    assert agg.home_visits == 4 and agg.home_visit_families == 3  # C1, C2, N1 (twice)
    assert agg.referral_total == 6 and agg.warm_handovers == 4 and agg.referred_families == 6
    assert [m.contacts for m in agg.months] == [2, 4, 5, 2, 2]  # Aug..Dec
    assert agg.families_with_any(frozenset({"housing", "safety"})) == 2  # N2, N8


def test_golden_report_k3(vault: Vault, golden: dict[str, Any]) -> None:
    report = _report(vault)
    assert report.enough_families and report.notice == ""
    assert report.schools_text == "Alle scholen: Basisschool Het Anker, Kindcentrum De Boog"
    assert report.period_text == "Schooljaar 2025-2026, periode 1: augustus – december 2025"
    fig = _figures(report)
    # reach: 13 = 9 new + 4 continuing, every number >= 3 so all print
    assert fig["active"][0] == "13"
    assert fig["new"][0] == "9"
    assert fig["continuing"][0] == "4"
    assert fig["closed"][0] == "3"
    assert fig["children"][0] == "14"
    assert fig["pupil_share"][0] == "5,5%"  # 11 children at school A / 200 pupils
    assert fig["contacts"][0] == "15"
    assert fig["hours"][0] == "7,3"  # 440 min = 7.33 h
    assert fig["home_visits"][0] == "4"
    assert fig["referrals"][0] == "6"
    assert fig["warm_handovers"][0] == "4"  # R1, R2, R4, R5
    assert fig["activities"][0] == "6"
    assert fig["parents"][0] == "50"  # 8 + 6 + 10 + 12 + 9 + 5

    # signal sources of the 9 new families: teacher 3 (N1-N3), ib 3 (N4-N6); parent 1 (N7) and
    # wijkteam 2 (N8, N9) are small and merge with the list's own "Anders" row into 3, which prints
    signals = _table(report, "signal_sources")
    assert signals["Leerkracht / mentor"] == ("3",)
    assert signals["Intern begeleider / zorgcoördinator"] == ("3",)
    assert signals["Anders"] == ("3",)
    assert "Ouder zelf" not in signals and "Wijkteam" not in signals
    assert signals["Totaal nieuwe gezinnen"] == ("9",)

    # closures: resolved 2 (C3, N7) and referred 1 (N8) are small and merge into "Anders" = 3
    closures = _table(report, "closures")
    assert closures["Anders"] == ("3",)
    assert closures["Verhuisd / van school"] == ("0",)  # O1 moved, but closed before the term
    assert closures["Totaal afgesloten"] == ("3",)

    # contacts by kind (count, hours, average minutes); digital 1 + walk-in 2 merge into "Anders" = 3
    contacts = _table(report, "contacts")
    assert contacts["Huisbezoek"] == ("4", "4,0", "60")
    assert contacts["Gesprek op school"] == ("3", "1,5", "30")
    assert contacts["Telefonisch"] == ("5", "1,0", "12")
    assert contacts["Anders"] == ("3", "0,8", "17")  # 50 min: 0.83 h, 16.7 min on average
    assert contacts["Totaal"] == ("15", "7,3", "29")  # 440 / 15 = 29.3 min

    # months (contacts, hours, families): Aug 2 (C1, C3), Nov 2 (N6, N7), Dec 2 (N8, N9) are < 3.
    # If Sep and Oct printed, the hidden three would sum to 15 - 4 - 5 = 6 with each at most 2,
    # so each would be exactly 2: the cheapest other month (Sep, 4) is hidden as well ("x").
    # Families per month do not add up (non-additive), so there only the small ones are hidden.
    months = _table(report, "months")
    assert months["augustus 2025"] == ("<3", "x", "<3")
    assert months["september 2025"] == ("x", "x", "4")  # C1, C2, N1, N2
    assert months["oktober 2025"] == ("5", "2,1", "5")  # 60+30+12+12+12 = 126 min
    assert months["november 2025"] == ("<3", "x", "<3")
    assert months["december 2025"] == ("<3", "x", "<3")
    assert months["Totaal"] == ("15", "7,3", "")

    # themes (families in scope; non-additive): parenting C1 C3 N1 N3 N5 N7, money C1 C2 N2 N6 N9,
    # behaviour C4 N4 N5; housing (N2) and safety (N8) merge with "Overig" into 2 distinct families
    themes = _table(report, "themes")
    assert themes["Opvoeding"] == ("6",)
    assert themes["Geldzorgen en schulden"] == ("5",)
    assert themes["Gedrag van het kind"] == ("3",)
    assert themes["Schoolverzuim"] == ("0",)
    assert themes["Overig"] == ("<3",)
    assert "Wonen" not in themes and "Veiligheid thuis" not in themes

    # referrals by status on 31 Dec: R1 was completed only in January, so it counts as started
    referrals = _table(report, "referrals")
    assert referrals["Wijkteam"] == ("0", "0", "0", "3", "0", "3")
    assert referrals["Schuldhulpverlening"] == ("0", "0", "3", "0", "0", "3")
    assert referrals["Totaal"] == ("0", "0", "3", "3", "0", "6")

    # activities: 3 coffee mornings (24 parents, 210 min), 3 workshops (26 parents, 300 min)
    activities = _table(report, "activities")
    assert activities["Koffieochtend / ouderbijeenkomst"] == ("3", "24", "3,5")
    assert activities["Informatiebijeenkomst / workshop"] == ("3", "26", "5,0")
    assert activities["Totaal"] == ("6", "50", "8,5")


def test_previous_term_comparison(vault: Vault, golden: dict[str, Any]) -> None:
    report = _report(vault)
    assert "april" in report.previous_text and "juli 2025" in report.previous_text
    fig = _figures(report)
    # 2024-2025/T3: C1, O1 (continuing: 2), C2, C3, C4 (new: 3, their sources all merge into
    # "Anders" = 3) = 5 families, O1 closed in July. Continuing 2 is < 3 and would follow from
    # 5 - 3, so one more number is hidden: the total 5 (one cell) rather than "new" (which would
    # also need the signal-source table's cell hidden).
    assert fig["continuing"] == ("4", "<3", "")
    assert fig["active"] == ("13", "x", "")
    assert fig["new"] == ("9", "3", "+6")
    assert fig["closed"] == ("3", "<3", "")  # O1: 1 < 3, so no difference either
    assert fig["children"] == ("14", "6", "+8")  # C1 2 + C2, C3, C4, O1
    assert fig["pupil_share"][1] == "2,5%"  # 5 children at school A / 200
    assert fig["contacts"] == ("15", "<3", "")  # one phone call on 20 July
    assert fig["hours"] == ("7,3", "x", "")  # hidden with its base
    assert fig["home_visits"] == ("4", "0", "+4")
    assert fig["referrals"] == ("6", "<3", "")
    assert fig["warm_handovers"] == ("4", "0", "+4")
    assert fig["activities"] == ("6", "0", "+6")
    assert fig["parents"] == ("50", "0", "+50")

    text = _pdf_text(render_pdf(report))
    assert "Vorige periode" in text and "+50" in text and "+6" in text


def test_school_filter_and_fewer_than_k_notice(vault: Vault, golden: dict[str, Any]) -> None:
    # school B: C4, N7, N8 are in scope -> 3 families; with k = 3 that is enough
    report_b = _report(vault, k=3, school=golden["b"])
    assert report_b.enough_families
    assert _figures(report_b)["active"][0] == "3"
    assert report_b.schools_text == "Kindcentrum De Boog"
    assert _figures(report_b)["activities"][0] == "0"  # all activities were at school A

    # with k = 4 the same 3 families are too few: a notice and no family tables
    report = _report(vault, k=4, school=golden["b"])
    assert not report.enough_families
    assert "minder dan 4 gezinnen" in report.notice
    assert [t.key for t in report.tables()] == ["activities"]
    fig = _figures(report)
    assert fig["active"][0] == "<4"
    assert set(fig) == {"active", "activities", "parents"}
    text = _pdf_text(render_pdf(report))
    assert "minder dan 4 gezinnen" in " ".join(text.split())
    for family_heading in ("Contactmomenten naar soort", "Thema's", "Doorverwijzingen naar", "Verloop per maand"):
        assert family_heading not in text


def test_a_migrated_v1_vault_gets_the_report_index(vault: Vault) -> None:
    conn = vault.conn
    assert schema.SCHEMA_VERSION >= 2
    # go back to a V1 database: drop what V2 added and restore V1's index
    conn.execute("DROP INDEX contact_report")
    conn.execute("DROP INDEX referral_date")
    conn.execute("CREATE INDEX contact_date ON contact (date, kind)")
    conn.execute("PRAGMA user_version = 1")
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"contact_report", "referral_date"} <= names and "contact_date" not in names
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT kind, count(*), sum(minutes), count(DISTINCT family_id) FROM contact "
        "WHERE date BETWEEN '2025-08-01' AND '2025-12-31' GROUP BY kind"))
    assert "COVERING INDEX contact_report" in plan


def _pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_pdf_is_a4_dutch_with_page_numbers(vault: Vault, golden: dict[str, Any], tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    data = render_pdf(_report(vault))
    reader = PdfReader(io.BytesIO(data))
    n = len(reader.pages)
    assert n >= 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _pdf_text(data)
    assert f"pagina 1 van {n}" in text and f"pagina {n} van {n}" in text
    assert "Rapportage brugfunctionaris" in text and "Schooljaar 2025-2026, periode 1" in text
    assert "Hoe deze rapportage de gezinnen beschermt" in reader.pages[-1].extract_text()
    fonts = {str(f) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts  # fonts are embedded subsets of DejaVu Sans
    names = " ".join(str(page["/Resources"]["/Font"][f].get_object()["/BaseFont"]) for page in reader.pages
                     for f in page["/Resources"]["/Font"])
    assert "DejaVuSans" in names


def test_english_report(vault: Vault, golden: dict[str, Any]) -> None:
    report = build_report(aggregate(vault.repo, parse_period(T1)), 3, lang="en")
    text = _pdf_text(render_pdf(report))
    assert "Report of the bridge officer" in text and "page 1 of" in text
    assert "School year 2025-2026, term 1: August – December 2025" in text


def test_monthly_trend_stops_at_the_current_month(vault: Vault, golden: dict[str, Any]) -> None:
    agg = aggregate(vault.repo, parse_period("2025-2026"), today=dt.date(2025, 10, 15))
    assert [m.month for m in agg.months] == ["2025-08", "2025-09", "2025-10"]  # no empty months ahead
    assert [m.contacts for m in agg.months] == [2, 4, 5]


def test_long_custom_lists_still_render(vault: Vault, golden: dict[str, Any]) -> None:
    import dataclasses

    from brugdesk.reports.aggregate import Category

    agg = aggregate(vault.repo, parse_period(T1))
    many = tuple(Category(f"custom_{i}", f"Eigen thema {i}", 5 + i % 7) for i in range(70))
    agg = dataclasses.replace(agg, themes=many, theme_combinations=tuple((frozenset({c.code}), c.count)
                                                                          for c in many))
    text = _pdf_text(render_pdf(build_report(agg, 3, lang="nl")))
    assert "Eigen thema 0" in text and "Eigen thema 69" in text


def test_dutch_letters_render_in_the_pdf(vault: Vault, golden: dict[str, Any]) -> None:
    school = vault.repo.schools.get(golden["a"])
    school.name = "Basisschool De Ĳsvogel – Café Één"
    vault.repo.schools.update(school)
    report = build_report(aggregate(vault.repo, parse_period(T1), golden["a"]), 3, lang="nl")
    text = _pdf_text(render_pdf(report))
    assert "Basisschool De Ĳsvogel – Café Één" in text
    assert "zorgcoördinator" in _pdf_text(render_pdf(_report(vault)))
