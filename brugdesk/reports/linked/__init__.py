"""The report checked as one linked system, the way an attacker would: a linear program over every
number that has left the laptop (no Qt).

What the reader has: every printed number of every report the officer exported (this one and the
earlier ones in the ledger), each within :data:`~brugdesk.reports.perturb.D` of the truth; ``<k``
meaning 1 to k-1 before that change; 0 meaning none. What the reader knows: how the numbers hang
together. Both are written below as one linear model over *atoms* -- the smallest groups of records
the reports can tell apart -- and :func:`check` asks, for every number printed as ``<k``, how small
and how large its true value can be given everything else. Where that range holds fewer than k-1
values, the number is too precise, and :func:`protect` withholds (prints ``—``) one of the new
export's numbers that pins it, until nothing is too precise.

The atoms (per school scope; time is cut into *buckets* at every period start, period end + 1 and
month start of the periods involved):

* ``F[a,c]`` families that started in bucket ``a`` (or before every bucket) and closed in bucket
  ``c`` (or not, before the end); split by signal source ``S[x,a,c]`` and by closure outcome
  ``O[x,a,c]`` (each split sums to ``F``); ``T[x,a,c] <= F[a,c]`` of them have theme ``x``;
  ``C[a,c]`` children, ``CC[a,c] <= C[a,c]`` of them at a school with a known pupil count;
* ``K[x,u]`` contacts of kind ``x`` in bucket ``u``; ``FM`` families with a contact in a month;
  ``HV`` families with a home visit in a period; ``R[x,u]`` referrals to partner type ``x`` made in
  bucket ``u``, split by their status group at the end of each period ``RS``; ``W[u]`` warm handovers;
  ``RF`` families referred in a period; ``A[x,u]`` activities and ``PA[x,u]`` parents attending;
* ``G[x,u]`` signals passed on by source ``x`` dated in bucket ``u``, split like the referrals by
  their outcome (status) at the end of each period ``GS``; a period inside another with the same end
  has no more signals of any outcome, one that ends earlier no more that became a family (the only
  final status: a signal closed without action can be taken up again). Signals are records of their
  own: nothing ties them to the family atoms (a signal's family may have started in another period
  or at another school).

Every printed count is a sum of atoms (``reach.active`` of a period: the families that started
before its end and did not close before its start; ``sources.x``: those of them that started inside
it with source ``x``; …). Codes that no report prints are covered by a catch-all category, so the
model never assumes more than the reports say. The families with a contact in a month are at most
the families in the caseload that month (the family atoms tell every printed month apart), and the
cell key method's own tell is in the model too: the same records print the same number, so a number
printed differently over nested periods counts at least one record more (:func:`_consistency`).

The solver is GLPK (``swiglpk``): small, no NumPy. Each bound is found with the simplex method;
where the optimum is not a whole number, GLPK's branch-and-bound gives the integer bound.
"""

from __future__ import annotations

from brugdesk.reports.linked.check import check, protect
from brugdesk.reports.linked.model import Contradiction, Published, Violation

__all__ = ["Contradiction", "Published", "Violation", "check", "protect"]
