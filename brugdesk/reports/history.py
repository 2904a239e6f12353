"""The export history: what earlier exports printed, and the rules a new export must keep (no Qt).

Every report that leaves the laptop is recorded in the vault (``store/repo/reports.py``): its scope,
threshold, periods, every number it printed, and per family and *block* (intake, themes, contacts,
referrals) a keyed hash of what the family contributed -- and per signal, in the block ``signals``, a
keyed hash of its source and outcome (``store/repo/report_signals.py``). A signal is a record of its
own (there may be no family yet), so the rules below count signals where they say families for that
block. A new export is compared with all of them:

1. **One kind of scope per period.** Reports for all schools together and reports per school of
   overlapping periods are never both shared: all schools minus the other schools would give a small
   school's numbers. The first export of a period decides; a later one of the other kind is refused.
2. **No small differences.** Two reports whose numbers for a block differ because of 1 to k-1
   families (the rest identical) would, side by side, tell the reader about those few families: a
   number that changed proves that one of them is behind it, and one that did not change proves
   that none of them is. So when 1..k-1 families contribute differently to a block than in an
   earlier export (or than in this export's comparison column), that block is withheld in the new
   export. 0 (the same numbers again) and k or more are fine.
3. Then the linked check (:mod:`brugdesk.reports.linked`) over every printed number.

The hashes are keyed BLAKE2b MACs under a random per-vault secret, so nothing about a family can be read
from them without the vault; erasure replaces a family's rows by an anonymous placeholder, and so does
deleting, erasing or purging a signal for the signal's rows: the placeholder still counts as a record
that changed, so an export after the deletion cannot be set beside one before it to single it out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from brugdesk.store.repo.reports import ExportRecord

__all__ = ["FAMILY_BLOCKS", "Difference", "ScopeConflict", "differences", "scope_conflict", "signatures"]

#: the blocks compared record by record: family by family, and the block ``signals`` signal by signal
#: (a signal may have no family yet; group activities are not about families)
FAMILY_BLOCKS = ("intake", "themes", "contacts", "referrals", "signals")

SIG_BYTES = 8


def signatures(secret: bytes, contributions: Mapping[str, Mapping[int, tuple[Any, ...]]],
               ) -> dict[str, dict[int, bytes]]:
    """Per block, each family's keyed hash (keyed BLAKE2b, a MAC) of what it contributes."""
    key = secret[:64]
    return {
        block: {fid: hashlib.blake2b(repr(value).encode(), key=key, person=block.encode()[:16],
                                     digest_size=SIG_BYTES).digest()
                for fid, value in contributions.get(block, {}).items()}
        for block in FAMILY_BLOCKS
    }


def changed_families(a: Mapping[int, bytes], b: Mapping[int, bytes]) -> int:
    """How many families contribute differently (or to only one of the two)."""
    return sum(1 for fid in a.keys() | b.keys() if a.get(fid) != b.get(fid))


@dataclass(frozen=True)
class Difference:
    """A block of this export withheld because it differs from ``other`` by 1..k-1 families."""

    period: str  # the period id of this export whose block is withheld
    block: str
    other_period: str  # the period id of the earlier export (or of this export's other column)
    other_exported_on: str  # ISO date, "" for this export's own comparison column
    families: int


def differences(k: int, new: Mapping[str, Mapping[str, frozenset[int]]],
                signatures_of: Callable[[str], Mapping[str, Mapping[int, bytes]]],
                earlier: Iterable[ExportRecord], *, comparison: str = "") -> list[Difference]:
    """The blocks of the new export to withhold.

    ``new``: period id -> block -> the families that contribute to it (cheap); ``signatures_of(pid)``
    gives the exact signatures of a new period and is only called when the family sets alone cannot
    tell (they differ in fewer than k families), because it is costly at scale. ``comparison`` names
    the period id of the export's own comparison column: it is compared with the current period too
    (both are printed side by side), and loses the block when they differ by 1..k-1 families."""
    out: list[Difference] = []
    withheld: set[tuple[str, str]] = set()
    earlier = list(earlier)

    def close(a: frozenset[int] | set[int], b: Iterable[int]) -> bool:
        return len(a.symmetric_difference(b)) < k

    for pid, blocks in new.items():
        for block in FAMILY_BLOCKS:
            ids = blocks.get(block)
            if ids is None:
                continue
            for e in earlier:
                for (epid, eblock), theirs in e.signatures.items():
                    if eblock != block or (pid, block) in withheld or not close(ids, theirs.keys()):
                        continue
                    n = changed_families(signatures_of(pid)[block], theirs)
                    if 0 < n < k:
                        withheld.add((pid, block))
                        out.append(Difference(pid, block, epid, e.exported_on.isoformat(), n))
    if comparison and comparison in new:
        current = next((p for p in new if p != comparison), None)
        if current is not None:
            for block in FAMILY_BLOCKS:
                a, b = new[current].get(block), new[comparison].get(block)
                if a is None or b is None or (comparison, block) in withheld or not close(a, b):
                    continue
                n = changed_families(signatures_of(current)[block], signatures_of(comparison)[block])
                if 0 < n < k:
                    withheld.add((comparison, block))
                    out.append(Difference(comparison, block, current, "", n))
    return out


@dataclass(frozen=True)
class ScopeConflict:
    """An earlier export of an overlapping period with the other kind of scope."""

    scope: str
    period_start: str
    period_end: str


def scope_conflict(scope: str, earlier: Sequence[tuple[str, str, str]]) -> ScopeConflict | None:
    """The first earlier export (scope, start, end) of an overlapping period whose scope is of the
    other kind ("all" against one school), or None."""
    mine_all = scope == "all"
    for other, start, end in earlier:
        if (other == "all") != mine_all:
            return ScopeConflict(other, start, end)
    return None
