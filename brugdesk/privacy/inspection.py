"""Inspection export (inzage, AVG art. 15): everything stored about one family, as a PDF.

The PDF holds the family's fields and registration consent, its members, every contact
with its note, follow-ups, referrals with their status history and sharing consent, and
who-did-what from the audit log for the family and its rows. Nothing about any other
family. Every page's footer carries the audit log's *check code* (the number of entries and the
first 16 hex digits of the newest entry's hash, after the entry that records this export); the
same anchor goes into the key file, and the last page says what comparing it shows.
Long notes and table cells continue on the next page (a table row may split), a word longer than a
line is broken. The family's name is in the body (the PDF is for the parents) but never in the
file's metadata (:func:`brugdesk.pdfbase.doc_metadata`) nor in the suggested file name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle

from brugdesk import i18n
from brugdesk.core.lists import ListName
from brugdesk.core.model import MemberRole
from brugdesk.fsutil import atomic_output
from brugdesk.i18n import N_, _
from brugdesk.pdfbase import (
    FONT,
    FONT_BOLD_NAME,
    MARGIN,
    PAGE,
    doc_metadata,
    page_number_footer,
    register_fonts,
)
from brugdesk.store.audit import Action
from brugdesk.store.changes import Change, What
from brugdesk.store.vault import Vault

STATUS = {
    "registered": N_("registered"), "active": N_("active"), "closed": N_("closed"),
}
REFERRAL_STATUS = {
    "proposed": N_("proposed"), "referred": N_("referred"), "accepted": N_("accepted / started"),
    "completed": N_("completed"), "declined": N_("declined"), "stopped": N_("stopped"),
    "waiting_list": N_("waiting list"),
}
ROLE = {"parent": N_("parent / carer"), "child": N_("child")}
ACTION = {
    str(Action.CREATE): N_("created"), str(Action.UPDATE): N_("changed"), str(Action.DELETE): N_("deleted"),
    str(Action.VIEW): N_("viewed"), str(Action.CLOSE): N_("closed"), str(Action.REOPEN): N_("reopened"),
    str(Action.EXPORT): N_("inspection export made"), str(Action.OVERVIEW): N_("family overview printed"),
    str(Action.HANDOVER): N_("warm handover made"),
}
ENTITY = {
    "family": N_("family"), "member": N_("member"), "contact": N_("contact"), "referral": N_("referral"),
    "followup": N_("follow-up"), "signal": N_("signal"), "appointment": N_("appointment"),
    "attachment": N_("attachment"),
}
SIGNAL_STATUS = {
    "new": N_("new"), "taken_up": N_("taken up"), "family_created": N_("family created"),
    "no_action": N_("no action needed"),
}
AUTHORITY = {"yes": N_("parental authority: yes"), "no": N_("parental authority: no"),
             "unknown": N_("parental authority: unknown")}
APPOINTMENT_STATUS = {"planned": N_("planned"), "done": N_("happened"), "cancelled": N_("cancelled")}


def suggested_filename(today: dt.date | None = None) -> str:
    """``inzage-<date>.pdf``: no name or reference code in the file name."""
    return f"{_(N_('inspection'))}-{(today or dt.date.today()).isoformat()}.pdf"


def nl_date(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "—"


class _Styles:
    def __init__(self) -> None:
        self.body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
        self.small = ParagraphStyle("small", fontName=FONT, fontSize=8.5, leading=11)
        self.title = ParagraphStyle("title", fontName=FONT_BOLD_NAME, fontSize=17, leading=22, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", fontName=FONT_BOLD_NAME, fontSize=12.5, leading=16, spaceBefore=10,
                                 spaceAfter=4, keepWithNext=1)
        self.h3 = ParagraphStyle("h3", fontName=FONT_BOLD_NAME, fontSize=10.5, leading=14, spaceBefore=6,
                                 spaceAfter=2)
        self.warn = ParagraphStyle("warn", parent=self.body, textColor=colors.HexColor("#9a3412"))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    # splitInRow: a row taller than what is left of the page (a long note in a cell) continues on the
    # next page; without it reportlab raised LayoutError for a note of about 4,000 characters
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(style))
    return table


def _fields(pairs: list[tuple[str, str]], st: _Styles) -> Table:
    rows = [[_p(k, st.small), _p(v or "—", st.body)] for k, v in pairs]
    return _table(rows, [48 * mm, PAGE[0] - 2 * MARGIN - 48 * mm], header=False)


def audit_check_section(code: str, st: _Styles) -> list[Flowable]:
    """The audit log's check code and, briefly, what comparing it does and does not show."""
    entries, _sep, digest = code.partition(":")
    return [
        _p(_(N_("Check of the audit log")), st.h2),
        _p(_(N_("Audit log check code: {code}")).format(code=code), st.body),
        _p(_(N_("brugdesk keeps a log of every action, each entry linked to the one before it. When this overview "
                "was made, the log had {entries} entries and the newest one began with {digest}. The same code is "
                "kept in the vault's key file. 'brugdesk check' (or 'brugdesk check --anchor {code}') shows whether "
                "the first {entries} entries are still unchanged. It does not show changes made after this moment, "
                "nor a rewrite by someone who holds the key and also rewrote the key file, unless this printed code "
                "is compared.")).format(entries=entries, digest=digest, code=code), st.small),
    ]


def build_story(vault: Vault, family_id: int, today: dt.date) -> list[Flowable]:
    repo = vault.repo
    st = _Styles()
    family = repo.families.get(family_id)
    labels = {name: repo.lists.labels(name) for name in ListName}
    schools = {s.id: s.name for s in repo.schools.list()}

    def label(name: ListName, code: str) -> str:
        return labels[name].get(code, code)

    story: list[Flowable] = [
        _p(_(N_("Inspection: what brugdesk stores about your family")), st.title),
        _p(_(N_("Made on {date}. This overview holds everything the bridge officer keeps about this family "
                "in brugdesk (AVG article 15).")).format(date=nl_date(today)), st.body),
        _p(_(N_("Family")), st.h2),
        _fields([
            (_(N_("Name")), family.display_name),
            (_(N_("Reference")), family.ref),
            (_(N_("Status")), _(STATUS.get(str(family.status), str(family.status)))),
            (_(N_("Start date")), nl_date(family.start_date)),
            (_(N_("Signal from")), label(ListName.SIGNAL_SOURCE, family.signal_source) if family.signal_source else ""),
            (_(N_("Themes")), ", ".join(label(ListName.THEME, t) for t in family.themes)),
            (_(N_("Schools")), ", ".join(schools.get(s, "") for s in family.school_ids)),
            (_(N_("Home language")), family.home_language),
            (_(N_("Interpreter needed")), _(N_("yes")) if family.interpreter_needed else _(N_("no"))),
            (_(N_("Phone")), family.phone),
            (_(N_("E-mail")), family.email),
            (_(N_("Address")), family.address),
            (_(N_("Closed on")), nl_date(family.closed_date) if family.closed_date else ""),
            (_(N_("Outcome")), label(ListName.CLOSURE_OUTCOME, family.closure_outcome)
             if family.closure_outcome else ""),
        ], st),
        _p(_(N_("Consent for registration")), st.h2),
    ]
    consent = family.consent
    if consent.date is None:
        story.append(_p(_(N_("No consent for registration has been recorded.")), st.warn))
    else:
        story.append(_fields([
            (_(N_("Date")), nl_date(consent.date)),
            (_(N_("Given by")), consent.given_by),
            (_(N_("For")), consent.scope),
        ], st))

    members = repo.members.list(family_id)
    story.append(_p(_(N_("Members")), st.h2))
    if members:
        rows: list[list[Any]] = [[_p(h, st.small) for h in (
            _(N_("Role")), _(N_("Name")), _(N_("Birth year")), _(N_("School / group")), _(N_("Notes")))]]
        for m in members:
            school = ", ".join(x for x in (schools.get(m.school_id, "") if m.school_id else "", m.group) if x)
            rows.append([_p(_(ROLE.get(str(m.role), str(m.role))), st.body),
                         _p(f"{m.first_name} {m.last_name}".strip(), st.body),
                         _p(str(m.birth_year or ""), st.body), _p(school, st.body), _p(m.notes, st.body)])
        story.append(_table(rows, [22 * mm, 50 * mm, 20 * mm, 34 * mm, PAGE[0] - 2 * MARGIN - 126 * mm]))
        # a parent's own contact details and gezag, under the table
        for m in members:
            details = [m.phone, m.email, m.address]
            if m.role == MemberRole.PARENT:
                details.append(_(AUTHORITY.get(str(m.authority), str(m.authority))))
            if any(details[:3]) or m.role == MemberRole.PARENT:
                story.append(_fields([(f"{m.first_name} {m.last_name}".strip(),
                                       "\n".join(d for d in details if d))], st))
    else:
        story.append(_p(_(N_("None recorded.")), st.body))

    contacts = sorted(repo.contacts.list(family_id), key=lambda c: (c.date, c.id or 0))
    story.append(_p(_(N_("Contacts")), st.h2))
    if not contacts:
        story.append(_p(_(N_("None recorded.")), st.body))
    for c in contacts:
        head = _(N_("{date} — {kind}, {minutes} minutes")).format(
            date=nl_date(c.date), kind=label(ListName.CONTACT_KIND, c.kind), minutes=c.minutes)
        pairs = [
            (_(N_("With")), ", ".join(label(ListName.WITH_WHOM, w) for w in c.with_whom)),
            (_(N_("Themes")), ", ".join(label(ListName.THEME, t) for t in c.themes)),
            (_(N_("Note")), c.note),
        ]
        story.append(KeepTogether([_p(head, st.h3), _fields(pairs, st)]))

    followups = repo.followups.list(family_id)
    story.append(_p(_(N_("Follow-ups")), st.h2))
    if followups:
        rows = [[_p(h, st.small) for h in (_(N_("To do")), _(N_("Due")), _(N_("Done")))]]
        rows += [[_p(f.text, st.body), _p(nl_date(f.due_date), st.body),
                  _p(nl_date(f.done_date) if f.done_date else "", st.body)] for f in followups]
        story.append(_table(rows, [PAGE[0] - 2 * MARGIN - 50 * mm, 25 * mm, 25 * mm]))
    else:
        story.append(_p(_(N_("None recorded.")), st.body))

    referrals = sorted(repo.referrals.list(family_id), key=lambda r: (r.date, r.id or 0))
    story.append(_p(_(N_("Referrals")), st.h2))
    if not referrals:
        story.append(_p(_(N_("None recorded.")), st.body))
    for r in referrals:
        partner = repo.partners.get(r.partner_id)
        head = _(N_("{date} — to {partner} ({type})")).format(
            date=nl_date(r.date), partner=partner.name, type=label(ListName.PARTNER_TYPE, partner.type))
        sharing = (_(N_("given on {date} by {who}")).format(date=nl_date(r.sharing_consent.date),
                                                          who=r.sharing_consent.given_by or "—")
                   if r.sharing_consent.date else _(N_("not recorded")))
        history = "\n".join(f"{nl_date(h.date)}: {_(REFERRAL_STATUS.get(str(h.status), str(h.status)))}"
                            + (f" — {h.note}" if h.note else "") for h in r.history)
        pairs = [
            (_(N_("What the family needs")), r.need),
            (_(N_("Contact person")), r.contact_person),
            (_(N_("Themes")), ", ".join(label(ListName.THEME, t) for t in r.themes)),
            (_(N_("Consent to share")), sharing),
            (_(N_("Warm handover")), _(N_("yes")) if r.warm_handover else _(N_("no"))),
            (_(N_("Status")), _(REFERRAL_STATUS.get(str(r.status), str(r.status)))),
            (_(N_("History")), history),
            (_(N_("Outcome")), r.outcome_note),
        ]
        story.append(KeepTogether([_p(head, st.h3), _fields(pairs, st)]))

    signals = repo.signals.of_family(family_id)
    story.append(_p(_(N_("Signals")), st.h2))
    if not signals:
        story.append(_p(_(N_("None recorded.")), st.body))
    for g in signals:
        head = _(N_("{date} — from {source}")).format(date=nl_date(g.date),
                                                      source=label(ListName.SIGNAL_SOURCE, g.source))
        where = ", ".join(x for x in (schools.get(g.school_id, "") if g.school_id else "", g.group) if x)
        history = "\n".join(f"{nl_date(h.date)}: {_(SIGNAL_STATUS.get(str(h.status), str(h.status)))}"
                            for h in g.history)
        story.append(KeepTogether([_p(head, st.h3), _fields([
            (_(N_("School / group")), where), (_(N_("What was seen")), g.seen), (_(N_("History")), history)], st)]))

    appointments = sorted(repo.appointments.of_family(family_id), key=lambda a: (a.date, a.id))
    story.append(_p(_(N_("Appointments")), st.h2))
    if appointments:
        rows = [[_p(h, st.small) for h in (_(N_("When")), _(N_("What")), _(N_("Status")), _(N_("Note")))]]
        for a in appointments:
            moment = nl_date(a.date) + (f" {a.time:%H:%M}" if a.time else "")
            rows.append([_p(moment, st.body), _p(_(N_("{kind}, {minutes} minutes")).format(
                kind=label(ListName.CONTACT_KIND, a.kind), minutes=a.minutes), st.body),
                _p(_(APPOINTMENT_STATUS.get(str(a.status), str(a.status))), st.body), _p(a.note, st.body)])
        story.append(_table(rows, [30 * mm, 45 * mm, 25 * mm, PAGE[0] - 2 * MARGIN - 100 * mm]))
    else:
        story.append(_p(_(N_("None recorded.")), st.body))

    attended = repo.activities.of_family(family_id)
    story.append(_p(_(N_("Group activities attended")), st.h2))
    if attended:
        rows = [[_p(h, st.small) for h in (_(N_("When")), _(N_("What")))]]
        rows += [[_p(nl_date(a.date), st.body), _p(", ".join(x for x in (
            label(ListName.ACTIVITY_KIND, a.kind), a.title) if x), st.body)] for a in attended]
        story.append(_table(rows, [30 * mm, PAGE[0] - 2 * MARGIN - 30 * mm]))
    else:
        story.append(_p(_(N_("None recorded.")), st.body))

    story.append(_p(_(N_("Attachments")), st.h2))
    attachments = repo.attachments.list(family_id)
    if attachments:
        rows = [[_p(h, st.small) for h in (_(N_("File")), _(N_("Added")), _(N_("Kind and size")),
                                            _(N_("Delivered as")))]]
        for number, att in enumerate(attachments, start=1):
            rows.append([_p(att.name, st.body), _p(nl_date(att.added_at.date() if att.added_at else None), st.body),
                         _p(f"{att.media_type}, {_size(att.size)}", st.body),
                         _p(attachment_filename(number, att.name), st.body)])
        story.append(_table(rows, [60 * mm, 25 * mm, 50 * mm, PAGE[0] - 2 * MARGIN - 135 * mm]))
        story.append(_p(_(N_("A copy of each file is delivered beside this PDF when the officer chose to, under "
                             "the name in the last column.")), st.small))
    else:
        story.append(_p(_(N_("None recorded.")), st.body))

    story.append(_p(_(N_("Who did what (audit log)")), st.h2))
    story.append(_p(_(N_("Every time the file was viewed or changed, brugdesk recorded it (without content).")),
                    st.small))
    entries = vault.repo.audit.about_family(family_id)
    officer = vault.meta("officer") or _(N_("the bridge officer"))
    rows = [[_p(h, st.small) for h in (_(N_("When")), _(N_("Who")), _(N_("What")), _(N_("Concerning")))]]
    for e in entries:
        when = dt.datetime.fromisoformat(e.ts).astimezone()
        rows.append([_p(when.strftime("%d-%m-%Y %H:%M"), st.body), _p(officer, st.body),
                     _p(_(ACTION.get(e.action, e.action)), st.body), _p(_(ENTITY.get(e.entity, e.entity)), st.body)])
    story.append(_table(rows, [32 * mm, 50 * mm, 45 * mm, PAGE[0] - 2 * MARGIN - 127 * mm]))
    return story


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{i18n.decimal(size / 1024 / 1024)} MB"
    return f"{max(1, round(size / 1024))} kB"


def attachment_filename(number: int, name: str) -> str:
    """The name a delivered copy of an attachment gets: its number and the original's extension only
    (the original name may hold a name; it is listed inside the PDF)."""
    return f"bijlage-{number:02d}{Path(name).suffix.lower()}"


def attachments_folder(target: Path) -> Path:
    """Where the copies of the attachments go beside the PDF ``target``."""
    return target.with_name(target.stem + "-bijlagen")


def export_family(vault: Vault, family_id: int, target: Path, *, today: dt.date | None = None,
                  with_attachments: bool = False) -> Path:
    """Write the inspection PDF for one family to ``target`` (atomically) and log it in the audit log.

    With ``with_attachments`` a copy of each attachment goes into :func:`attachments_folder` beside
    the PDF, named :func:`attachment_filename` (the PDF lists which is which)."""
    register_fonts()
    today = today or dt.date.today()
    target = Path(target)
    vault.repo.families.get(family_id)  # NotFound before anything is logged or written
    with vault.transaction():
        vault.repo.audit.record(Action.EXPORT, "family", family_id)
        vault.changes.emit(Change.of(What.EXPORT, family_id))
    code = vault.anchor_audit(today=today)  # the head after the export's own entry, kept in the key file
    story = build_story(vault, family_id, today) + audit_check_section(code, _Styles())
    title = _(N_("brugdesk inspection export"))
    footer = page_number_footer(_(N_("brugdesk — inspection export — confidential")),
                                _(N_("audit log check code {code}")).format(code=code))
    with atomic_output(target) as fh:
        doc = SimpleDocTemplate(fh, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN + 4 * mm, **doc_metadata(title))
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    if with_attachments:
        attachments = vault.repo.attachments.list(family_id)
        if attachments:
            folder = attachments_folder(target)
            folder.mkdir(mode=0o700, exist_ok=True)
            for number, att in enumerate(attachments, start=1):
                assert att.id is not None
                vault.repo.attachments.export(att.id, folder / attachment_filename(number, att.name))
    return target


def family_id_for_ref(vault: Vault, ref: str) -> int:
    family = vault.repo.families.by_ref(ref)
    assert family.id is not None
    return family.id


__all__ = ["export_family", "suggested_filename", "build_story", "family_id_for_ref"]
