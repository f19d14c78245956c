"""Imported dataset events (ACLED, UCDP GED) are third-party sources: they
sit beside the parties' claims in the incident of their night and, where
they match, the verdict names them as independent support
("evidence.third_party"; under rules v2 only the attacker's own side
corroborates, issue 14); under rules v1 they corroborate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ceasewatch.assess import RULESET_V1, assess_incidents, load_agreements, run
from ceasewatch.ingest import ingest_paths
from ceasewatch.model import Claim, Claimant, Document, Evidence, WeaponCount
from ceasewatch.store.base import ClaimFilter

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
UA_TEXT = "Overnight Russian drones hit a power substation in Poltava region."


def _ua_claim(store) -> Claim:
    doc = Document.create(UA_TEXT, publisher="Air Force of Ukraine", language="en")
    store.add_documents([doc])
    claim = Claim(doc_id=doc.id, claimant=Claimant("Air Force of Ukraine", "UA"), attacker="RU", target_country="UA",
                  date=date(2025, 3, 27), weapons=(WeaponCount("drone"),), regions=("UA-53",),
                  targets=("energy.power",), extractor="tests.third_party.v1",
                  evidence=(Evidence("targets.0", UA_TEXT.index("power"), UA_TEXT.index(" in Poltava")),))
    store.replace_claims(doc.id, claim.extractor, [claim])
    return claim


@pytest.mark.parametrize("dataset", ["acled/acled_2023_layout.csv", "ucdp/ged_current_layout.csv"])
def test_assess_imported_events_corroborate_a_party_claim(store, dataset: str) -> None:
    report = ingest_paths([str(FIXTURES / dataset)], store)
    assert report.claims >= 2
    ua = _ua_claim(store)
    run(store)
    (imported,) = [c for c in store.iter_claims(ClaimFilter(date_from=date(2025, 3, 27), date_to=date(2025, 3, 27)))
                   if c.claimant.party == "OTHER"]
    incidents = [i for i in store.list_incidents(limit=100).items if ua.id in i.claim_ids]
    (incident,) = incidents
    assert imported.id in incident.claim_ids  # side by side with the party's claim
    verdicts = [a for a in store.list_assessments(limit=1000).items
                if a.incident_id == incident.id and a.agreement == "energy-moratorium-2025"]
    assert verdicts and all(a.verdict == "alleged" and a.rule.startswith("evidence.third_party") for a in verdicts)
    assert all(imported.claimant.name in a.reason and imported.id in a.claim_ids for a in verdicts)
    # The first rules counted an independent source as corroboration.
    claims = {c.id: c for c in store.iter_claims()}
    v1 = assess_incidents([incident], claims, [a for a in load_agreements() if a.id == "energy-moratorium-2025"],
                          ruleset=RULESET_V1)
    assert v1 and all(a.verdict == "corroborated" and a.rule.startswith("evidence.independent") for a in v1)


def test_assess_without_the_import_the_claim_stays_alleged(store) -> None:
    ua = _ua_claim(store)
    run(store)
    verdicts = {a.verdict for a in store.list_assessments(limit=1000).items
                if a.agreement == "energy-moratorium-2025" and ua.id in a.claim_ids}
    assert verdicts == {"alleged"}
    rules = {a.rule for a in store.list_assessments(limit=1000).items
             if a.agreement == "energy-moratorium-2025" and ua.id in a.claim_ids}
    assert rules == {"evidence.one_side"}
