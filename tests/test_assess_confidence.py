"""Conservative verdicts (rules v2): corroboration needs an official
admission matched by the other side at the same time and place, both quoted,
from different passages; a verdict resting on an inferred claimant or a
resolved date waits for a person; reviews and overrides apply over it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from ceasewatch.assess import RULESET_V1, apply_overrides, assess_incidents, load_agreements, reviewed_claims
from ceasewatch.assess.confidence import claim_confidence
from ceasewatch.assess.reviewed import apply_reviews, check_value
from ceasewatch.errors import InvalidField
from ceasewatch.link import link_claims
from ceasewatch.model import Claim, Claimant, Evidence, FieldReview, VerdictOverride, WeaponCount

MORATORIUM = [a for a in load_agreements() if a.id == "energy-moratorium-2025"]
PUTIN = Claimant("Putin", "RU")
UAF = Claimant("Ukrainian Air Force", "UA")


def claim(claimant: Claimant, *, doc: str = "wire", span: tuple[int, int] = (0, 40), attacker: str = "RU",
          target: str = "UA", region: str = "UA-59", attribution: str | None = "named", dating: str = "explicit",
          day: str = "2025-03-19", quoted: bool = True) -> Claim:
    return Claim(
        doc_id=doc, claimant=claimant, attacker=attacker, target_country=target, date=date.fromisoformat(day),
        regions=(region,) if region else (), targets=("energy.power",), weapons=(WeaponCount("drone", launched=10),),
        evidence=(Evidence("claimant", span[0], span[0] + 5), Evidence("targets.0", span[1] - 6, span[1]))
        if quoted else (),
        extractor="test.v1", attribution=attribution, dating=dating,
    )


def ru_version(claims: list[Claim], confirmed: dict[str, frozenset[str]] | None = None, ruleset: str | None = None):
    kw = {"ruleset": ruleset} if ruleset else {}
    rows = assess_incidents(link_claims(claims), {c.id: c for c in claims}, MORATORIUM, confirmed=confirmed, **kw)
    [row] = [a for a in rows if a.version == "RU"]
    return row


def test_assess_misattributed_claim_corroborates_until_corrected() -> None:
    # The motivating night: Ukraine's president's claim credited to "Putin (RU)", in another
    # paragraph of the wire than the Air Force's report.
    misread = claim(PUTIN, span=(400, 460))
    air_force = claim(UAF, span=(0, 60))
    row = ru_version([misread, air_force])
    assert (row.verdict, row.rule) == ("corroborated", "evidence.admission")
    assert set(row.claim_ids) == {misread.id, air_force.id}
    fix = FieldReview("rv1", misread.id, "claimant", "correct", misread.to_spec()["claimant"],
                      {"name": "Zelensky", "party": "UA"}, "analyst", "the president of Ukraine speaks")
    claims, ids, confirmed = reviewed_claims([misread, air_force], [misread.id, air_force.id], {misread.id: [fix]})
    assert claims[0].claimant == Claimant("Zelensky", "UA") and ids[0] == misread.id
    by_id = dict(zip(ids, claims, strict=True))
    incidents = link_claims(claims)
    rows = assess_incidents([replace(incidents[0], claim_ids=tuple(ids))], by_id, MORATORIUM, confirmed=confirmed)
    after = next(a for a in rows if a.version == "RU")
    assert (after.verdict, after.rule) == ("alleged", "evidence.one_side")
    assert f"{misread.id}:claimant" in after.confirmed


def test_assess_one_passage_never_corroborates() -> None:
    # One sentence that mentions both sides: the two claims quote overlapping words of one report.
    own = claim(PUTIN, span=(10, 80))
    other = claim(UAF, span=(30, 90))
    row = ru_version([own, other])
    assert (row.verdict, row.rule) == ("alleged", "evidence.admission_unmatched")
    assert "one passage" in row.reason
    # The same two claims from two reports corroborate; v1 corroborated the single passage too.
    assert ru_version([own, replace(other, doc_id="other-report")]).verdict == "corroborated"
    assert ru_version([own, other], ruleset=RULESET_V1).verdict == "corroborated"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"attribution": "inherited"}, "no official voice"),
        ({"attribution": "outlet"}, "no official voice"),
        ({"quoted": False}, "not both quoted"),
        ({"region": ""}, "same time and place"),  # linked through the target, but no shared place
    ],
)
def test_assess_admission_unmatched(change: dict[str, object], why: str) -> None:
    own = claim(PUTIN, span=(400, 460), **change)  # type: ignore[arg-type]
    other = claim(UAF, span=(0, 60))
    row = ru_version([own, other])
    assert row.verdict in ("alleged", "needs_review") and row.verdict != "corroborated"
    assert why in row.reason, row.reason


def test_assess_admission_alone_is_alleged() -> None:
    row = ru_version([claim(PUTIN)])
    assert (row.verdict, row.rule) == ("alleged", "evidence.admission_unmatched")


def test_assess_inferred_claimant_needs_review_until_confirmed() -> None:
    inferred = claim(UAF, attribution="inherited")
    row = ru_version([inferred])
    assert row.verdict == "needs_review" and row.provisional == "alleged"
    assert row.rule == "evidence.one_side+review.needed"
    assert row.doubts == (f"{inferred.id}: claimant 'Ukrainian Air Force' inferred from context",)
    done = ru_version([inferred], confirmed={inferred.id: frozenset({"claimant"})})
    assert (done.verdict, done.provisional, done.doubts) == ("alleged", None, ())
    assert done.confirmed == (f"{inferred.id}:claimant",)


def test_assess_resolved_date_needs_review_unless_firm_claims_agree() -> None:
    weekday = claim(UAF, dating="weekday")
    row = ru_version([weekday])
    assert row.verdict == "needs_review" and "resolved from a weekday" in row.doubts[0]
    assert ru_version([weekday], confirmed={weekday.id: frozenset({"date"})}).verdict == "alleged"
    # A firm claim of the same night gives the same verdict on its own: it stands.
    firm = claim(Claimant("Sumy regional administration", "UA"), doc="ova")
    assert ru_version([weekday, firm]).verdict == "alleged"
    # Unknown attribution and dating (gold, imports, older extractors) are no doubt.
    assert ru_version([claim(UAF, attribution=None, dating="night")]).verdict == "alleged"


def test_assess_doubt_that_changes_no_finding_needs_no_review() -> None:
    # An inferred claim about a strike outside the moratorium's scope: outside_scope with it,
    # not_in_force (no claim) without it; neither charges anyone.
    homes = replace(claim(UAF, attribution="inherited"), targets=("civilian.residential",))
    assert ru_version([homes]).verdict == "outside_scope"


def test_assess_confidence_labels() -> None:
    c = claim(UAF, attribution="inherited", dating="publication")
    shown = claim_confidence(c, ["date"])
    assert shown["attribution_label"] == "inferred from context"
    assert shown["dating_label"] == "resolved from the publication date"
    assert shown["confirmed"] == ["date"] and len(shown["doubts"]) == 1


def test_review_decisions_apply_latest_and_reject() -> None:
    c = claim(UAF)
    spec = c.to_spec()

    def rv(i: int, field: str, decision: str, value: object = None) -> FieldReview:
        return FieldReview(f"r{i}", c.id, field, decision, spec[field], value, "analyst",
                           created=datetime(2026, 1, 1, i, tzinfo=UTC))

    out, fields = apply_reviews(c, [rv(1, "attacker", "correct", "UA"), rv(2, "attacker", "confirm", spec["attacker"])])
    assert out is not None and out.attacker == "RU" and fields == {"attacker"}  # the later decision wins
    out, fields = apply_reviews(c, [rv(1, "targets", "reject"), rv(2, "weapons", "correct",
                                                                   [{"category": "drone", "launched": 3}])])
    assert out is not None and out.targets == () and out.weapons[0].launched == 3 and fields == {"weapons"}
    assert apply_reviews(c, [rv(1, "claimant", "reject")]) == (None, frozenset())


@pytest.mark.parametrize(
    ("field", "value"),
    [("claimant", {"name": "x", "party": "XX"}), ("claimant", {"name": "", "party": "UA"}),
     ("date", "19 March"), ("targets", ["power"]), ("regions", ["<script>"]), ("killed", -1),
     ("weapons", [{"category": "drone", "launched": 1, "extra": 1}]), ("nope", 1), ("regions", ["UA-51"] * 51)],
)
def test_review_values_are_validated(field: str, value: object) -> None:
    with pytest.raises(InvalidField):
        check_value(field, value)


def test_assess_override_replaces_the_rules_verdict() -> None:
    row = ru_version([claim(UAF)])
    o = VerdictOverride("ov1", row.incident_id, row.agreement, row.version, "no_violation",
                        "the station was hit by debris of an intercepted drone", "lead")
    [out] = apply_overrides([row], {(row.incident_id, row.agreement, row.version): o})
    assert (out.verdict, out.rule, out.provisional) == ("no_violation", "review.override", "alleged")
    assert out.override == ("lead", o.reason) and "debris" in out.reason
    assert apply_overrides([row], {}) == [row]
