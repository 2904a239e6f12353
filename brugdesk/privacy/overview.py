"""Two PDFs about one family, both marked confidential, with no name in the file name or the PDF's
metadata (:func:`brugdesk.pdfbase.doc_metadata`):

* **Gezinsoverzicht** (:func:`family_overview`): for the officer or a colleague who takes over —
  the family's fields and consent, its members, open referrals with their status, open follow-ups,
  and the contact history summarised (date, kind, duration; the notes only when asked);
* **Warme overdracht** (:func:`warm_handover`): for the partner of one referral, holding only the
  parts the officer chose (:class:`HandoverParts`), and only when consent to share is recorded on
  that referral — without it :class:`NoSharingConsent` is raised, unless the officer confirmed
  (``consent_confirmed``) after the UI asked (:func:`handover_consent` tells which it is).

Long text continues on the next page (table rows split, as in the inspection export). Each PDF
made leaves an audit entry (``overview`` / ``handover``; the family, no content).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from brugdesk.core.lists import ListName
from brugdesk.core.model import Consent, MemberRole, Referral
from brugdesk.errors import VaultError
from brugdesk.fsutil import atomic_output
from brugdesk.i18n import N_, _
from brugdesk.pdfbase import MARGIN, PAGE, doc_metadata, page_number_footer, register_fonts
from brugdesk.privacy.inspection import REFERRAL_STATUS, ROLE, _fields, _p, _Styles, _table, nl_date
from brugdesk.store.audit import Action
from brugdesk.store.vault import Vault

CONFIDENTIAL = N_("Confidential: personal data. Do not pass on; destroy when no longer needed.")


class NoSharingConsent(VaultError):
    """No consent to share is recorded on the referral: the officer must confirm first."""

    message = N_("No consent to share information is recorded for this referral. Ask the parents first, record "
                 "their consent with the referral, or confirm that they agreed.")


def overview_filename(today: dt.date | None = None) -> str:
    return f"gezinsoverzicht-{(today or dt.date.today()).isoformat()}.pdf"


def handover_filename(today: dt.date | None = None) -> str:
    return f"warme-overdracht-{(today or dt.date.today()).isoformat()}.pdf"


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    return f"{hours}:{minutes:02d}" if hours else _(N_("{n} min")).format(n=minutes)


def _consent(consent: Consent) -> str:
    if not consent.recorded:
        return _(N_("not recorded"))
    text = _(N_("{date}, given by {who}")).format(date=nl_date(consent.date), who=consent.given_by or "—")
    return f"{text}: {consent.scope}" if consent.scope else text


class _Parts:
    """The sections both PDFs draw from one family's data."""

    def __init__(self, vault: Vault, family_id: int) -> None:
        repo = vault.repo
        self.repo = repo
        self.st = _Styles()
        self.family = repo.families.get(family_id)
        self.labels = {name: repo.lists.labels(name) for name in ListName}
        self.schools = {s.id: s.name for s in repo.schools.list()}
        self.partners = {p.id: p.name for p in repo.partners.list()}
        self.family_id = family_id

    def label(self, name: ListName, code: str) -> str:
        return self.labels[name].get(code, code)

    def header(self, title: str, today: dt.date) -> list[Flowable]:
        st = self.st
        return [_p(title, st.title), _p(_(CONFIDENTIAL), st.warn),
                _p(_(N_("Made on {date}.")).format(date=nl_date(today)), st.small)]

    def family_fields(self) -> list[Flowable]:
        f, st = self.family, self.st
        return [_p(_(N_("Family")), st.h2), _fields([
            (_(N_("Name")), f.display_name), (_(N_("Reference")), f.ref),
            (_(N_("Start date")), nl_date(f.start_date)),
            (_(N_("Themes")), ", ".join(self.label(ListName.THEME, t) for t in f.themes)),
            (_(N_("Schools")), ", ".join(self.schools.get(s, "") for s in f.school_ids)),
            (_(N_("Phone")), f.phone), (_(N_("E-mail")), f.email), (_(N_("Address")), f.address),
            (_(N_("Home language")), f.home_language),
            (_(N_("Consent for registration")), _consent(f.consent)),
        ], st)]

    def members(self) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [_p(_(N_("Members")), st.h2)]
        members = self.repo.members.list(self.family_id)
        if not members:
            return [*out, _p(_(N_("None recorded.")), st.body)]
        rows = [[_p(h, st.small) for h in (_(N_("Role")), _(N_("Name")), _(N_("Year of birth")), _(N_("School")),
                                            _(N_("Group")), _(N_("Phone / e-mail")))]]
        for m in members:
            rows.append([_p(_(ROLE[str(m.role)]), st.body), _p(m.full_name, st.body),
                         _p(str(m.birth_year or "—"), st.body),
                         _p(self.schools.get(m.school_id, "") if m.school_id is not None else "", st.body),
                         _p(m.group, st.body),
                         _p(" ".join(x for x in (m.phone, m.email) if x) if m.role == MemberRole.PARENT else "",
                            st.body)])
        width = PAGE[0] - 2 * MARGIN
        out.append(_table(rows, [25 * mm, 45 * mm, 20 * mm, 35 * mm, 15 * mm, width - 140 * mm]))
        return out

    def referral_row(self, r: Referral) -> list[Flowable]:
        st = self.st
        return [_p(nl_date(r.date), st.body), _p(self.partners.get(r.partner_id, ""), st.body),
                _p(_(REFERRAL_STATUS[str(r.status)]) + f" ({nl_date(r.status_date)})", st.body),
                _p(r.need or ", ".join(self.label(ListName.THEME, t) for t in r.themes), st.body)]

    def open_referrals(self) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [_p(_(N_("Open referrals")), st.h2)]
        referrals = [r for r in self.repo.referrals.list(self.family_id) if r.status.is_open]
        if not referrals:
            return [*out, _p(_(N_("None.")), st.body)]
        rows = [[_p(h, st.small) for h in (_(N_("Date")), _(N_("Partner")), _(N_("Status")), _(N_("Question")))]]
        rows += [self.referral_row(r) for r in referrals]
        out.append(_table(rows, [22 * mm, 45 * mm, 45 * mm, PAGE[0] - 2 * MARGIN - 112 * mm]))
        return out

    def open_followups(self) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [_p(_(N_("Open follow-ups")), st.h2)]
        followups = [u for u in self.repo.followups.list(self.family_id) if not u.done]
        if not followups:
            return [*out, _p(_(N_("None.")), st.body)]
        rows = [[_p(h, st.small) for h in (_(N_("Due")), _(N_("What")))]]
        rows += [[_p(nl_date(u.due_date), st.body), _p(u.text, st.body)] for u in followups]
        out.append(_table(rows, [25 * mm, PAGE[0] - 2 * MARGIN - 25 * mm]))
        return out

    def contacts(self, with_notes: bool) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [_p(_(N_("Contact history")), st.h2)]
        contacts = sorted(self.repo.contacts.list(self.family_id), key=lambda c: (c.date, c.id or 0))
        if not contacts:
            return [*out, _p(_(N_("None recorded.")), st.body)]
        kinds = Counter(c.kind for c in contacts)
        out.append(_p(_(N_("{n} contacts from {first} to {last}, {time} in all: {kinds}.")).format(
            n=len(contacts), first=nl_date(contacts[0].date), last=nl_date(contacts[-1].date),
            time=_minutes(sum(c.minutes for c in contacts)),
            kinds=", ".join(f"{self.label(ListName.CONTACT_KIND, k)} {n}×" for k, n in kinds.most_common())),
            st.body))
        headers = [_(N_("Date")), _(N_("Kind")), _(N_("Duration"))] + ([_(N_("Note"))] if with_notes else [])
        rows = [[_p(h, st.small) for h in headers]]
        for c in contacts:
            row = [_p(nl_date(c.date), st.body), _p(self.label(ListName.CONTACT_KIND, c.kind), st.body),
                   _p(_minutes(c.minutes), st.body)]
            if with_notes:
                row.append(_p(c.note, st.body))
            rows.append(row)
        rest = PAGE[0] - 2 * MARGIN - 80 * mm
        out.append(_table(rows, [25 * mm, 40 * mm, 15 * mm] + ([rest] if with_notes else [])))
        return out


def _write(target: Path, story: list[Flowable], title: str, footer: str) -> Path:
    draw = page_number_footer(footer)
    with atomic_output(target) as fh:
        doc = SimpleDocTemplate(fh, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN + 4 * mm, **doc_metadata(title))
        doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return target


def family_overview(vault: Vault, family_id: int, target: Path, *, with_notes: bool = False,
                    today: dt.date | None = None) -> Path:
    """Gezinsoverzicht afdrukken: the family, its members, open referrals, open follow-ups and its
    contact history (notes only ``with_notes``) as a PDF at ``target``."""
    register_fonts()
    today = today or dt.date.today()
    parts = _Parts(vault, family_id)
    story = (parts.header(_(N_("Family overview")), today) + parts.family_fields() + parts.members()
             + parts.open_referrals() + parts.open_followups() + parts.contacts(with_notes))
    with vault.transaction():
        vault.repo.audit.record(Action.OVERVIEW, "family", family_id)
    return _write(Path(target), story, _(N_("brugdesk family overview")),
                  _(N_("brugdesk — family overview — confidential")))


@dataclass(frozen=True)
class HandoverParts:
    """What a warm handover holds besides the referral itself (the officer ticks each)."""

    family: bool = True  # the family's fields (address, phone, language, themes)
    members: bool = True
    contacts: bool = False  # the contact history summarised (dates, kinds, durations)
    notes: bool = False  # … with the notes
    followups: bool = False  # the open follow-ups


def handover_consent(vault: Vault, referral_id: int) -> Consent | None:
    """The consent to share recorded on the referral, None when none is (the UI asks the officer then)."""
    consent = vault.repo.referrals.get(referral_id).sharing_consent
    return consent if consent.recorded else None


def warm_handover(vault: Vault, referral_id: int, target: Path, parts: HandoverParts, *,
                  consent_confirmed: bool = False, today: dt.date | None = None) -> Path:
    """Warme overdracht: the referral (partner, date, question, status, consent) and the ``parts`` chosen,
    as a PDF at ``target``. Without recorded consent to share it raises :class:`NoSharingConsent` unless
    ``consent_confirmed`` (the officer confirmed after being asked)."""
    today = today or dt.date.today()
    referral = vault.repo.referrals.get(referral_id)
    if not referral.sharing_consent.recorded and not consent_confirmed:
        raise NoSharingConsent()
    register_fonts()
    p = _Parts(vault, referral.family_id)
    st = p.st
    consent = (_consent(referral.sharing_consent) if referral.sharing_consent.recorded
               else _(N_("not recorded; the officer confirmed that the parents agreed")))
    story = p.header(_(N_("Warm handover")), today) + [
        _p(_(N_("Referral")), st.h2),
        _fields([(_(N_("To")), p.partners.get(referral.partner_id, "")),
                 (_(N_("Contact person")), referral.contact_person),
                 (_(N_("Date")), nl_date(referral.date)),
                 (_(N_("Question")), referral.need),
                 (_(N_("Themes")), ", ".join(p.label(ListName.THEME, t) for t in referral.themes)),
                 (_(N_("Status")), _(REFERRAL_STATUS[str(referral.status)])),
                 (_(N_("Consent to share")), consent)], st),
    ]
    if parts.family:
        story += p.family_fields()
    if parts.members:
        story += p.members()
    if parts.followups:
        story += p.open_followups()
    if parts.contacts or parts.notes:
        story += p.contacts(parts.notes)
    with vault.transaction():
        vault.repo.audit.record(Action.HANDOVER, "referral", referral_id)
    return _write(Path(target), story, _(N_("brugdesk warm handover")),
                  _(N_("brugdesk — warm handover — confidential")))


__all__ = ["HandoverParts", "NoSharingConsent", "family_overview", "handover_consent", "handover_filename",
           "overview_filename", "warm_handover"]
