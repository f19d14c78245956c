"""How sure a verdict is: which of the values it rests on the machine
inferred, and which a person confirmed.

A claim's claimant may be inferred from context (`Claim.attribution ==
"inherited"`) and its date resolved from a weekday, a relative day or the
publication date (`Claim.dating`). Such a value is *doubtful* until a
person confirms or corrects it (a `FieldReview` on "claimant" or "date").

`gate` runs after the rules: when leaving the doubtful claims out would
change a violation finding (alleged, corroborated, disputed: its verdict or
the party charged), or make one, the verdict rests on them, and it becomes
`needs_review`, keeping what the rules said as `provisional` and
the rule with "+review.needed", and naming each doubtful value. A verdict
the firm claims reach on their own stands. Either way it lists the values
of its claims a person confirmed.

`apply_overrides` puts a person's verdict (with the written reason) in
place of the rules' one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import (
    ATTRIBUTION_LABELS,
    DATING_LABELS,
    INFERRED_ATTRIBUTIONS,
    RESOLVED_DATINGS,
    Assessment,
    Claim,
    VerdictOverride,
)

if TYPE_CHECKING:
    from .rules import IncidentView

__all__ = ["REVIEW_SUFFIX", "OVERRIDE_RULE", "claim_doubts", "claim_confidence", "gate", "apply_overrides"]

REVIEW_SUFFIX = "+review.needed"
_FINDINGS = frozenset({"alleged", "corroborated", "disputed"})  # rules.VIOLATION_VERDICTS (no import cycle)
# Rules that decide before reading any claim: the same without the doubtful ones.
CLAIM_FREE_RULES = frozenset({"status.proposed", "condition.entry_into_force", "party.not_bound",
                              "condition.released_by_violation", "scope.acts"})
OVERRIDE_RULE = "review.override"


def claim_doubts(claim: Claim, confirmed: Iterable[str] = ()) -> list[str]:
    """The values of `claim` the machine inferred and no person confirmed."""
    done = set(confirmed)
    out = []
    if claim.attribution in INFERRED_ATTRIBUTIONS and "claimant" not in done:
        out.append(f"claimant {claim.claimant.name!r} {ATTRIBUTION_LABELS[claim.attribution]}")
    if claim.dating in RESOLVED_DATINGS and "date" not in done:
        day = claim.date.isoformat() if claim.date else "?"
        out.append(f"date {day} {DATING_LABELS[claim.dating]}")
    return out


def claim_confidence(claim: Claim, confirmed: Iterable[str] = ()) -> dict[str, object]:
    """What the API and the dashboard show beside a claim."""
    done = sorted(set(confirmed))
    return {
        "attribution": claim.attribution,
        "attribution_label": ATTRIBUTION_LABELS.get(claim.attribution or "", "unstated"),
        "dating": claim.dating,
        "dating_label": DATING_LABELS.get(claim.dating or "", "unstated" if claim.date else "undated"),
        "confirmed": done,
        "doubts": claim_doubts(claim, done),
    }


def gate(view: IncidentView, verdict: Assessment, judge: Callable[[IncidentView], Assessment]) -> Assessment:
    """`verdict` as it stands, or `needs_review` when it rests on doubtful
    values; `judge` re-runs the same rules on a view of fewer claims."""
    confirmed = tuple(f"{cid}:{f}" for cid in verdict.claim_ids for f in sorted(view.confirmed.get(cid, ())))
    doubtful = view.doubtful
    if doubtful and verdict.rule not in CLAIM_FREE_RULES:
        firm = judge(view.firm)
        # Material only when a violation finding (or the party charged) depends on the doubtful claims:
        # outside_scope without them being not_in_force is no finding either way.
        charged = verdict.verdict in _FINDINGS or firm.verdict in _FINDINGS
        if charged and (firm.verdict, firm.violator) != (verdict.verdict, verdict.violator):
            doubts = tuple(d for found in doubtful.values() for d in found)
            return replace(
                verdict,
                verdict="needs_review",
                rule=verdict.rule + REVIEW_SUFFIX,
                reason=f"{verdict.reason} Until a person confirms {_join(doubts)}, the firm claims alone give "
                f"{firm.verdict}.",
                provisional=verdict.verdict,
                doubts=doubts,
                confirmed=confirmed,
            )
    return replace(verdict, confirmed=confirmed) if confirmed else verdict


def _join(doubts: tuple[str, ...]) -> str:
    shown = [d.split(": ", 1)[-1] for d in doubts[:3]]
    more = f" and {len(doubts) - 3} more" if len(doubts) > 3 else ""
    return "; ".join(shown) + more


def apply_overrides(
    assessments: Iterable[Assessment], overrides: Mapping[tuple[str, str, str | None], VerdictOverride]
) -> list[Assessment]:
    """A person's verdict in place of the rules' one, keyed by (incident,
    agreement, version); the rules' verdict stays as `provisional`."""
    out = []
    for a in assessments:
        o = overrides.get((a.incident_id, a.agreement, a.version))
        if o is None:
            out.append(a)
            continue
        out.append(replace(
            a, verdict=o.verdict, rule=OVERRIDE_RULE, provisional=a.provisional or a.verdict,
            reason=f"{o.reviewer} decided {o.verdict}: {o.reason} (the rules said {a.verdict}: {a.rule}).",
            override=(o.reviewer, o.reason),
        ))
    return out
