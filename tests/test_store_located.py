"""The map's SQL reads: `located_places` gives the same rows, in the same
order, as walking the filtered claims in Python (the API's fallback for
other stores), bounded by its limit; `incident_ids` names the newest
incident of a claim. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ceasewatch.api.queries import place_row
from ceasewatch.model import Claim, Claimant, Document, Incident, Place, WeaponCount
from ceasewatch.store.base import ClaimFilter

EX = "test.located.v1"
DAY0 = date(2025, 3, 1)


@pytest.fixture
def mapped(store):
    """Eight documents; claims with 0-3 places, some without coordinates,
    weapons and targets; incidents of two linkers naming some claims."""
    docs = [Document.create(f"map report {i}", publisher="p") for i in range(8)]
    store.add_documents(docs)
    claims: list[Claim] = []
    for i, d in enumerate(docs):
        for party in ("UA", "RU"):
            places = tuple(
                Place(f"place {i}-{party}-{k}", None if (i + k) % 4 == 3 else 48.0 + i / 10, 30.0 + k,
                      "UA-63" if party == "UA" else "RU-BEL", "settlement")
                for k in range(i % 4)
            )
            claims.append(Claim(
                doc_id=d.id, claimant=Claimant(f"speaker {party}", party),
                attacker="RU" if party == "UA" else "UA", target_country=party,
                date=DAY0 + timedelta(days=i % 5) if i != 6 else None,
                weapons=(WeaponCount("drone", "Shahed", 10 + i, i, None, 1), WeaponCount("cruise_missile", launched=2)),
                regions=("UA-63",) if party == "UA" else ("RU-BEL",),
                places=places, targets=("energy.power", "military")[: i % 3], extractor=EX,
            ))
    for d in docs:
        store.replace_claims(d.id, EX, [c for c in claims if c.doc_id == d.id])
    by_id = {c.id: c for c in claims}
    ids = list(by_id)
    store.replace_incidents("old.linker", [Incident("inc_old", "UA", DAY0, tuple(ids[:6]), linker="old.linker")])
    store.replace_incidents("new.linker", [
        Incident("inc_new", "UA", DAY0 + timedelta(days=1), tuple(ids[2:4]), linker="new.linker"),
        Incident("inc_other", "RU", DAY0 + timedelta(days=1), tuple(ids[8:10]), linker="new.linker"),
    ])
    return store, by_id


def _incident_by_hand(store, claim_id):
    naming = [i for i in store.list_incidents(limit=100).items if claim_id in i.claim_ids]
    return max(naming, key=lambda i: (i.date, i.id)).id if naming else None


def _by_hand(store, flt, limit):
    rows = [
        place_row(c, p, _incident_by_hand(store, c.id))
        for c in store.iter_claims(flt)
        for p in c.places
        if p.lat is not None and p.lon is not None
    ]
    return rows[:limit], len(rows) > limit


@pytest.mark.parametrize(
    "flt",
    [None, ClaimFilter(party="UA"), ClaimFilter(date_from=DAY0 + timedelta(days=1), date_to=DAY0 + timedelta(days=3)),
     ClaimFilter(region="RU-BEL"), ClaimFilter(target="energy"), ClaimFilter(claimant="speaker ru")],
)
def test_store_located_places_match_the_claims(mapped, flt) -> None:
    store, _ = mapped
    everything, more = store.located_places(flt, limit=1000)
    assert everything and not more
    assert (everything, more) == _by_hand(store, flt, 1000)
    for limit in (1, 2, 3, 5):
        assert store.located_places(flt, limit=limit) == _by_hand(store, flt, limit), limit


def test_store_located_places_carry_claim_summary(mapped) -> None:
    store, by_id = mapped
    rows, _ = store.located_places(None, limit=1000)
    assert rows and all(r["place"]["lat"] is not None for r in rows)
    multi = [r for r in rows if by_id[r["claim_id"]].weapons[0].launched == 13]
    assert multi and multi[0]["weapons"][0] == {"category": "drone", "model": "Shahed", "launched": 13,
                                                "intercepted": 3, "lost": None, "hit": 1}
    assert {r["incident_id"] for r in rows} >= {"inc_new", "inc_old"}


def test_store_incident_ids_prefer_the_newest_incident(mapped) -> None:
    store, by_id = mapped
    ids = list(by_id)
    found = store.incident_ids([*ids, "clm_nothing"])
    assert found[ids[0]] == "inc_old" and found[ids[2]] == "inc_new" and found[ids[8]] == "inc_other"
    assert "clm_nothing" not in found and ids[12] not in found
    assert found == {cid: iid for cid in ids if (iid := _incident_by_hand(store, cid))}
