"""Golden numbers: a small vault built by hand through the service layer, whose true counts are
worked out by hand below; every printed number is checked against the perturbation rule with the
cell keys taken from the records themselves. Also the like-with-like comparison, the school filter,
the "fewer than k families" notice, and the V2 and V5 schema migrations.

The period is 2025-2026/T1 (1 Aug - 31 Dec 2025); it is compared with 2024-2025/T1 (1 Aug -
31 Dec 2024). School A has 200 pupils, school B no known pupil count.

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
from brugdesk.core.periods import find_exportable, parse_period
from brugdesk.reports import perturb
from brugdesk.reports.aggregate import aggregate
from brugdesk.reports.export import report_for
from brugdesk.reports.pdf import render_pdf
from brugdesk.reports.report import ProtectedReport, period_id
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


def _report(vault: Vault, k: int = 3, school: int | None = None, spec: str = T1, lang: str = "nl") -> ProtectedReport:
    vault.repo.settings.set_report_threshold(k)
    return report_for(vault.repo, spec, school, today=TODAY, lang=lang)


def _table(report: ProtectedReport, key: str) -> dict[str, tuple[str, ...]]:
    for table in report.tables():
        if table.key == key:
            return {row.label: row.values for row in table.rows}
    raise KeyError(key)


def _figures(report: ProtectedReport) -> dict[str, tuple[str, str, str]]:
    return {f.key: (f.current, f.previous, f.difference) for f in report.key_figures}


def _keysum(vault: Vault, table: str, ids: list[int]) -> int:
    marks = ",".join("?" * len(ids))
    return sum(r[0] for r in vault.conn.execute(f"SELECT rkey FROM {table} WHERE id IN ({marks})", ids)) % 256


def _printed(true: int, key: int, k: int) -> str:
    p = perturb.perturb(true, key)
    return "0" if p == 0 else f"<{k}" if p < k else str(p)


IN_SCOPE = ["C1", "C2", "C3", "C4", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]


def test_true_counts_match_the_hand_count(vault: Vault, golden: dict[str, Any]) -> None:
    agg = aggregate(vault.repo, parse_period(T1))
    n = {code: c.n for code, c in agg.counts.items()}
    # in scope: C1-C4 (started before 1 Aug, open on 1 Aug) + N1-N9; O1 closed in July, O2 starts in 2026
    assert n["reach.active"] == 13
    assert n["reach.new"] == 9 and n["reach.continuing"] == 4
    assert n["reach.closed"] == 3  # C3, N7, N8
    assert n["reach.children"] == 14  # C1 has 2, the other 12 one each
    assert n["reach.children_counted"] == 11 and agg.pupils == 200  # all but C4, N7, N8 (school B)
    assert n["contacts.total"] == 15 and agg.minutes["contacts.total"] == 440
    assert n["contacts.home_visit"] == 4 and n["contacts.home_visit_families"] == 3  # C1, C2, N1 (twice)
    assert n["referrals.total"] == 6 and n["referrals.warm"] == 4 and n["referrals.families"] == 6
    assert [n.get(f"months.2025-{m:02d}.contacts", 0) for m in range(8, 13)] == [2, 4, 5, 2, 2]
    assert n["sources.teacher"] == 3 and n["sources.ib"] == 3 and n["sources.parent"] == 1
    assert n["sources.wijkteam"] == 2 and "sources.other" not in n
    assert n["closures.resolved"] == 2 and n["closures.referred"] == 1 and "closures.moved" not in n
    assert n["themes.parenting"] == 6 and n["themes.money"] == 5 and n["themes.behaviour"] == 3
    assert n["themes.housing"] == 1 and n["themes.safety"] == 1
    # by the status on 31 Dec: R1 was completed only in January, so it counts as started
    assert n["referrals.debt_help.accepted"] == 3 and n["referrals.wijkteam.completed"] == 3
    assert n["activities.coffee_morning.count"] == 3 and n["activities.coffee_morning.parents"] == 24
    assert n["activities.total.parents"] == 50


def test_cell_keys_are_the_sum_of_the_counted_records_keys(vault: Vault, golden: dict[str, Any]) -> None:
    ids = golden["ids"]
    agg = aggregate(vault.repo, parse_period(T1))
    assert agg.count("reach.active").key == _keysum(vault, "family", [ids[f] for f in IN_SCOPE])
    assert agg.count("reach.new").key == _keysum(vault, "family", [ids[f] for f in IN_SCOPE if f[0] == "N"])
    assert agg.count("themes.money").key == _keysum(vault, "family", [ids[f] for f in ("C1", "C2", "N2", "N6",
                                                                                        "N9")])
    home = [r[0] for r in vault.conn.execute(
        "SELECT id FROM contact WHERE kind = 'home_visit' AND date BETWEEN '2025-08-01' AND '2025-12-31'")]
    assert len(home) == 4 and agg.count("contacts.home_visit").key == _keysum(vault, "contact", home)
    children = [r[0] for r in vault.conn.execute(
        f"SELECT id FROM member WHERE role = 'child' AND family_id IN ({','.join('?' * 13)})",
        [ids[f] for f in IN_SCOPE])]
    assert agg.count("reach.children").key == _keysum(vault, "member", children)


def test_every_printed_count_is_the_perturbed_truth(vault: Vault, golden: dict[str, Any]) -> None:
    report = _report(vault)
    assert report.enough_families and report.notice == "" and report.exportable and not report.running
    assert report.schools_text == "Alle scholen: Basisschool Het Anker, Kindcentrum De Boog"
    assert report.period_text == "Schooljaar 2025-2026, periode 1: augustus – december 2025"
    assert report.d == perturb.D == 2
    agg = aggregate(vault.repo, parse_period(T1))
    current = [c for c in report.cells if c.period == period_id(agg.period)]
    assert len(current) > 60
    for cell in current:
        true = agg.count(cell.code)
        assert cell.value == _printed(true.n, true.key, 3), cell
        printed = perturb.perturb(true.n, true.key)
        assert abs(printed - true.n) <= 2 and (printed == 0) == (true.n == 0)
    fig = _figures(report)
    assert fig["active"][0] == _printed(13, agg.count("reach.active").key, 3)
    # no merged categories any more: every source of the list is a row, 0 included
    signals = _table(report, "signal_sources")
    assert signals["Schoolmaatschappelijk werk"] == ("0",)
    assert signals["Ouder zelf"] == (_printed(1, agg.count("sources.parent").key, 3),)
    closures = _table(report, "closures")
    assert closures["Verhuisd / van school"] == ("0",)  # O1 moved, but closed before the term
    # derived values come from printed counts: hours = printed contacts x true mean minutes
    contacts = _table(report, "contacts")
    p = perturb.perturb(4, agg.count("contacts.home_visit").key)
    assert contacts["Huisbezoek"] == (str(p), f"{p * 60 / 60:.1f}".replace(".", ","), "60") if p >= 3 else \
        contacts["Huisbezoek"] == ("<3", "x", "x")


def test_like_with_like_comparison(vault: Vault, golden: dict[str, Any]) -> None:
    report = _report(vault)
    assert report.previous_text == "Schooljaar 2024-2025, periode 1: augustus – december 2024"
    assert "dezelfde periode een jaar eerder" in report.comparison_text
    fig = _figures(report)
    # 2024-2025/T1: nothing had started yet (the first family started in January 2025); with fewer than
    # k families a period shows no family figures, also in the comparison column
    assert fig["active"][1] == "0" and fig["activities"][1] == "0"
    assert fig["contacts"][1] == "" and fig["contacts"][2] == ""
    text = " ".join(_pdf_text(render_pdf(report)).split())  # a line may break anywhere
    assert "augustus – december 2024" in text


def test_school_filter_and_fewer_than_k_notice(vault: Vault, golden: dict[str, Any]) -> None:
    # school B: C4, N7, N8 are in scope -> 3 families
    agg = aggregate(vault.repo, parse_period(T1), golden["b"])
    assert agg.count("reach.active").n == 3
    printed = perturb.perturb(3, agg.count("reach.active").key)
    for k in (3, 4, 5):
        report = _report(vault, k=k, school=golden["b"])
        assert report.schools_text == "Kindcentrum De Boog"
        # the notice is decided on the printed number, so it never contradicts it
        assert report.enough_families == (printed >= k)
        if not report.enough_families:
            assert f"minder dan {k} gezinnen" in report.notice
            assert [t.key for t in report.tables()] == ["activities"]
            assert set(_figures(report)) == {"active", "activities", "parents"}
            assert _figures(report)["active"][0] == f"<{k}"
            text = _pdf_text(render_pdf(report))
            assert f"minder dan {k} gezinnen" in " ".join(text.split())
            for family_heading in ("Contactmomenten naar soort", "Thema's", "Doorverwijzingen naar"):
                assert family_heading not in text


def test_a_migrated_v1_vault_gets_the_report_index(vault: Vault) -> None:
    conn = vault.conn
    # go back to a V1 database: drop what V2 added and restore V1's index
    conn.execute("DROP INDEX contact_report")
    conn.execute("DROP INDEX IF EXISTS referral_date")  # V2 made it, V9 replaced it
    conn.execute("CREATE INDEX contact_date ON contact (date, kind)")
    conn.execute("PRAGMA user_version = 1")
    assert schema.migrate(conn, schema.MIGRATIONS[:2]) == 2
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"contact_report", "referral_date"} <= names and "contact_date" not in names


def test_v9_replaces_the_report_indexes_and_the_counts_read_them(vault: Vault) -> None:
    conn = vault.conn
    conn.execute("DROP INDEX contact_family")
    conn.execute("DROP INDEX referral_report")
    conn.execute("DROP INDEX family_report")
    conn.execute("CREATE INDEX contact_family_date ON contact (family_id, date)")
    conn.execute("CREATE INDEX referral_date ON referral (date)")
    conn.execute("PRAGMA user_version = 8")
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"contact_family", "referral_report", "family_report"} <= names
    assert not {"contact_family_date", "referral_date"} & names
    # the counts read the covering indexes, not the wide rows
    statements: list[str] = []
    conn.set_trace_callback(statements.append)  # each statement with its values filled in
    try:
        vault.repo.reportdata.counts(dt.date(2025, 8, 1), dt.date(2026, 7, 31), None)
    finally:
        conn.set_trace_callback(None)
    plans = [row[3] for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))
             for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    text = "\n".join(plans)
    assert "COVERING INDEX referral_report" in text and "COVERING INDEX family_report" in text
    assert "contact_family" in text


def test_v5_gives_every_counted_record_a_key_and_new_records_get_one_too(vault_dir: Path) -> None:
    from brugdesk.store import connection

    db = vault_dir.parent / "v4.db"
    conn = connection.connect(db, bytes(range(32)), create=True)
    try:
        assert schema.migrate(conn, schema.MIGRATIONS[:4]) == 4
        conn.execute("INSERT INTO family (id, ref, display_name, status, start_date, created_at, updated_at) "
                     "VALUES (1, 'G-1', 'x', 'active', '2025-01-01', '', '')")
        conn.executemany("INSERT INTO member (family_id, role, first_name) VALUES (1, 'child', ?)",
                         [(f"k{i}",) for i in range(50)])
        assert schema.migrate(conn) == schema.SCHEMA_VERSION
        keys = [r[0] for r in conn.execute("SELECT rkey FROM member")]
        assert all(0 <= k < 256 for k in keys) and len(set(keys)) > 10  # random, not one value
        conn.execute("INSERT INTO member (family_id, role, first_name) VALUES (1, 'child', 'new')")
        assert 0 <= conn.execute("SELECT rkey FROM member WHERE first_name = 'new'").fetchone()[0] < 256
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT kind, count(*), sum(rkey), sum(minutes) FROM contact "
            "WHERE date BETWEEN '2025-08-01' AND '2025-12-31' GROUP BY kind"))
        assert "COVERING INDEX contact_report" in plan
        assert len(conn.execute("SELECT value FROM meta WHERE key = 'report_secret'").fetchone()[0]) == 64
    finally:
        conn.close()


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
    names = " ".join(str(page["/Resources"]["/Font"][f].get_object()["/BaseFont"]) for page in reader.pages
                     for f in page["/Resources"]["/Font"])
    assert "DejaVuSans" in names


def test_english_report(vault: Vault, golden: dict[str, Any]) -> None:
    text = _pdf_text(render_pdf(_report(vault, lang="en")))
    assert "Report of the bridge officer" in text and "page 1 of" in text
    assert "School year 2025-2026, term 1: August – December 2025" in text


def test_a_running_year_is_cut_at_the_end_of_the_last_full_month(vault: Vault, golden: dict[str, Any]) -> None:
    item = find_exportable("2025-2026", vault.repo.settings.term_starts, dt.date(2025, 10, 15))
    assert item is not None and item.running and item.period.end == dt.date(2025, 9, 30)
    vault.repo.settings.set_report_threshold(3)
    report = report_for(vault.repo, item, today=dt.date(2025, 10, 15))
    assert report.running and report.cut_text == "tussenstand t/m 30 september 2025"
    months = _table(report, "months")
    assert list(months) == ["augustus 2025", "september 2025", "Totaal"]  # no month after the cut
    assert find_exportable("2025-2026/T1", vault.repo.settings.term_starts, dt.date(2025, 8, 20)) is None


def test_dutch_letters_render_in_the_pdf(vault: Vault, golden: dict[str, Any]) -> None:
    school = vault.repo.schools.get(golden["a"])
    school.name = "Basisschool De Ĳsvogel – Café Één"
    vault.repo.schools.update(school)
    text = _pdf_text(render_pdf(_report(vault, school=golden["a"])))
    assert "Basisschool De Ĳsvogel – Café Één" in text
    assert "zorgcoördinator" in _pdf_text(render_pdf(_report(vault)))
