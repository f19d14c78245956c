"""Filters, keyset pagination and the timeline aggregate, on both dialects."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date, timedelta

import pytest

from ceasewatch.errors import InputError
from ceasewatch.model import Assessment, Claim, Claimant, Document, Incident, WeaponCount
from ceasewatch.store import ClaimFilter


def _ids(store, flt: ClaimFilter | None) -> set[str]:
    return {c.id for c in store.iter_claims(flt)}


FILTER_CASES = [
    (ClaimFilter(), {"en", "en_rail", "ru", "uk"}),
    (ClaimFilter(date_from=date(2025, 3, 18)), {"en", "ru"}),
    (ClaimFilter(date_to=date(2025, 3, 18)), {"en", "en_rail"}),  # inclusive; undated never match
    (ClaimFilter(date_from=date(2025, 3, 18), date_to=date(2025, 3, 18)), {"en"}),
    (ClaimFilter(party="RU"), {"ru"}),
    (ClaimFilter(claimant="air force"), {"en", "en_rail"}),
    (ClaimFilter(claimant="ПОВІТРЯНІ"), {"uk"}),  # case-insensitive beyond ASCII
    (ClaimFilter(claimant="%"), set()),  # LIKE wildcards are literal
    (ClaimFilter(attacker="UA"), {"ru"}),
    (ClaimFilter(target_country="UA"), {"en", "en_rail", "uk"}),
    (ClaimFilter(region="UA-63"), {"en"}),
    (ClaimFilter(target="energy"), {"en"}),  # top level matches energy.power
    (ClaimFilter(target="energy.power"), {"en"}),
    (ClaimFilter(target="energy.oil_gas"), set()),
    (ClaimFilter(target="civilian"), {"uk"}),
    (ClaimFilter(target="civ"), set()),  # a prefix is not a top level
    (ClaimFilter(stance="denied"), {"uk"}),
    (ClaimFilter(extractor="nope"), set()),
    (ClaimFilter(party="UA", target_country="UA", date_from=date(2025, 3, 1)), {"en", "en_rail"}),
    # Region and target filters go through claim_facets; combined with each other and the rest.
    (ClaimFilter(region="UA-63", target="energy"), {"en"}),
    (ClaimFilter(region="UA-63", target="civilian"), set()),
    (ClaimFilter(region="UA-51", party="UA", stance="denied"), {"uk"}),
    (ClaimFilter(target="energy", date_to=date(2025, 3, 17)), set()),
    (
        ClaimFilter(target="transport", date_from=date(2025, 3, 17), date_to=date(2025, 3, 17)),
        {"en_rail"},
    ),
    (ClaimFilter(region="RU-KRS", claimant="минобороны"), {"ru"}),
]


def test_store_claim_filters(filled_store, store_samples):
    # One filled store for all cases: filling one per case made this the slowest test.
    names = {c.id: k for k, c in store_samples.claims.items()}
    for flt, expected in FILTER_CASES:
        got = {names[i] for i in _ids(filled_store, flt)}
        assert got == expected, flt
        assert filled_store.list_claims(flt).total == len(expected), flt


def test_store_claim_filter_by_doc(filled_store, store_samples):
    doc = store_samples.docs[0]
    assert _ids(filled_store, ClaimFilter(doc_id=doc.id)) == {
        store_samples.claims["en"].id,
        store_samples.claims["en_rail"].id,
    }


def _many(store, n: int = 23) -> list[Claim]:
    """n documents with one claim each, several on the same day and some undated."""
    docs, claims = [], []
    for i in range(n):
        doc = Document.create(f"report {i}", publisher="p")
        docs.append(doc)
        day = None if i % 7 == 0 else date(2025, 3, 1) + timedelta(days=i % 5)
        claims.append(
            Claim(
                doc_id=doc.id,
                claimant=Claimant("Air Force", "UA"),
                attacker="RU",
                target_country="UA",
                date=day,
                weapons=(WeaponCount("drone", launched=i, intercepted=i // 2),),
                extractor="x.v1",
            )
        )
    store.add_documents(docs)
    store.replace_claims_bulk((c.doc_id, "x.v1", [c]) for c in claims)
    return claims


def test_store_claims_pagination_is_complete_and_ordered(store):
    claims = _many(store)
    seen, cursor, pages = [], None, 0
    while True:
        page = store.list_claims(cursor=cursor, limit=5)
        assert page.total == len(claims)
        assert len(page.items) <= 5
        seen += page.items
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == 5
    assert sorted(c.id for c in seen) == sorted(c.id for c in claims)
    # Newest date first, undated last, ties broken by id (descending).
    keys = [((c.date.toordinal() if c.date else 0), c.id) for c in seen]
    assert keys == sorted(keys, reverse=True)


def test_store_pagination_stable_under_inserts(store):
    claims = _many(store, 12)
    first = store.list_claims(limit=6)
    # New, older rows arriving between page requests do not shift the next page.
    doc = Document.create("late report", publisher="p")
    store.add_documents([doc])
    late = Claim(doc_id=doc.id, claimant=Claimant("x", "UA"), date=date(2024, 1, 1), extractor="x.v1")
    store.replace_claims(doc.id, "x.v1", [late])
    rest = list(store.iter_claims())[6:]
    second = store.list_claims(cursor=first.next_cursor, limit=100)
    assert second.items == rest
    assert {c.id for c in first.items + second.items} == {c.id for c in claims} | {late.id}


def test_store_pagination_with_filter(store):
    claims = _many(store)
    flt = ClaimFilter(date_from=date(2025, 3, 2), date_to=date(2025, 3, 4))
    want = {c.id for c in claims if c.date and date(2025, 3, 2) <= c.date <= date(2025, 3, 4)}
    got, cursor = [], None
    while True:
        page = store.list_claims(flt, cursor=cursor, limit=3)
        got += [c.id for c in page.items]
        if not (cursor := page.next_cursor):
            break
    assert len(got) == len(set(got)) and set(got) == want


@pytest.mark.parametrize(
    "bad",
    [
        "not-base64!!",
        base64.urlsafe_b64encode(b'["documents",1,"x"]').decode(),  # another listing's cursor
        base64.urlsafe_b64encode(b'["claims","1","x"]').decode(),  # wrong types
        base64.urlsafe_b64encode(b"{}").decode(),
    ],
)
def test_store_bad_cursor_is_input_error(store, bad):
    with pytest.raises(InputError) as info:
        store.list_claims(cursor=bad)
    assert info.value.location == "cursor"


def test_store_documents_listing(filled_store, store_samples):
    page = filled_store.list_documents(limit=2)
    assert page.total == 3 and len(page.items) == 2 and page.next_cursor
    rest = filled_store.list_documents(cursor=page.next_cursor, limit=2)
    assert rest.next_cursor is None
    # Newest publication first; the undated document last.
    assert [d.source_id for d in page.items + rest.items] == ["mod-7", "uaf-1", "uk-3"]
    assert [d.source_id for d in filled_store.iter_documents(language="ru")] == ["mod-7"]
    assert filled_store.list_documents(language="xx").items == []


def test_store_timeline(filled_store):
    rows = filled_store.timeline()
    assert rows == [
        {
            "date": "2025-03-17",
            "party": "UA",
            "attacker": "RU",
            "target_country": "UA",
            "claims": 1,
            "launched": 2,
            "intercepted": 0,
            "lost": 1,
            "hit": 1,
        },
        {
            "date": "2025-03-18",
            "party": "UA",
            "attacker": "RU",
            "target_country": "UA",
            "claims": 1,
            "launched": 40,
            "intercepted": 30,
            "lost": 0,
            "hit": 0,
        },
        {
            "date": "2025-03-19",
            "party": "RU",
            "attacker": "UA",
            "target_country": "RU",
            "claims": 1,
            "launched": 0,
            "intercepted": 12,
            "lost": 0,
            "hit": 0,
        },
    ]
    assert [r["date"] for r in filled_store.timeline(ClaimFilter(party="UA"))] == ["2025-03-17", "2025-03-18"]
    assert filled_store.timeline(ClaimFilter(target="energy"))[0]["launched"] == 40


def test_store_timeline_groups_and_sums(store):
    claims = _many(store)
    rows = filled = store.timeline()
    dated = [c for c in claims if c.date]
    assert sum(r["claims"] for r in rows) == len(dated)
    assert sum(r["launched"] for r in filled) == sum(c.weapons[0].launched for c in dated)
    assert [r["date"] for r in rows] == sorted({c.date.isoformat() for c in dated})


def _incidents(samples) -> list[Incident]:
    c = samples.claims
    return [
        Incident(
            "inc_a", "UA", date(2025, 3, 18), (c["en"].id,), ("UA-63",), (), ("energy.power",), "RU", "l.v1"
        ),
        Incident("inc_b", "RU", date(2025, 3, 19), (c["ru"].id,), ("RU-KRS",), (), (), "UA", "l.v1"),
        Incident("inc_c", "UA", None, (c["uk"].id,), ("UA-51",), (), ("civilian.residential",), None, "l.v1"),
    ]


def test_store_incident_filters_and_replace(filled_store, store_samples):
    incs = _incidents(store_samples)
    filled_store.replace_incidents("l.v1", incs)
    ids = lambda flt: [i.id for i in filled_store.list_incidents(flt).items]  # noqa: E731
    assert ids(None) == ["inc_b", "inc_a", "inc_c"]
    assert ids(ClaimFilter(region="UA-63")) == ["inc_a"]
    assert ids(ClaimFilter(target="civilian")) == ["inc_c"]
    assert ids(ClaimFilter(date_from=date(2025, 3, 19))) == ["inc_b"]
    assert ids(ClaimFilter(target_country="UA", attacker="RU")) == ["inc_a"]
    # Replacing one linker's incidents leaves another linker's alone.
    other = replace(incs[0], id="inc_other", linker="l.v2")
    filled_store.replace_incidents("l.v2", [other])
    filled_store.replace_incidents("l.v1", incs[:1])
    assert ids(None) == ["inc_other", "inc_a"] or ids(None) == ["inc_a", "inc_other"]


def test_store_assessment_filters(filled_store, store_samples):
    filled_store.replace_incidents("l.v1", _incidents(store_samples))

    def asm(
        i: str, inc: str, verdict: str, violator: str | None, agreement: str = "energy-2025"
    ) -> Assessment:
        return Assessment(i, inc, agreement, None, verdict, "r", "reason", violator, ruleset="rs.v1")

    items = [
        asm("a1", "inc_a", "alleged", "RU"),
        asm("a2", "inc_b", "alleged", "UA"),
        asm("a3", "inc_c", "no_violation", None),
        asm("a4", "inc_gone", "disputed", "RU", "black-sea-2025"),  # incident not stored
    ]
    filled_store.replace_assessments("rs.v1", items)
    ids = lambda flt: [a.id for a in filled_store.list_assessments(flt).items]  # noqa: E731
    assert ids(None) == ["a4", "a3", "a2", "a1"]
    assert ids(ClaimFilter(verdict="alleged")) == ["a2", "a1"]
    assert ids(ClaimFilter(agreement="black-sea-2025")) == ["a4"]
    assert ids(ClaimFilter(party="RU")) == ["a4", "a1"]
    # Incident filters apply through the assessed incident (kept when it is unknown).
    assert ids(ClaimFilter(region="UA-63")) == ["a4", "a1"]
    page = filled_store.list_assessments(limit=3)
    assert page.total == 4 and filled_store.list_assessments(cursor=page.next_cursor).items[0].id == "a1"


def test_store_facet_pagination(store):
    """Region-filtered pages walk claim_facets; same guarantees as plain pages."""
    docs, claims = [], []
    for i in range(17):
        doc = Document.create(f"regional report {i}", publisher="p")
        docs.append(doc)
        claims.append(
            Claim(
                doc_id=doc.id,
                claimant=Claimant("Air Force", "UA" if i % 3 else "RU"),
                date=date(2025, 4, 1) + timedelta(days=i % 4),
                regions=("UA-63", "UA-63") if i % 2 else ("UA-63", "UA-32"),  # a repeated region counts once
                targets=("energy.power", "energy.oil_gas") if i % 2 else ("civilian",),
                extractor="x.v1",
            )
        )
    store.add_documents(docs)
    store.replace_claims_bulk((c.doc_id, "x.v1", [c]) for c in claims)
    for flt, want in [
        (ClaimFilter(region="UA-63"), claims),
        (ClaimFilter(target="energy"), [c for c in claims if "energy.power" in c.targets]),
        (ClaimFilter(region="UA-63", party="UA"), [c for c in claims if c.claimant.party == "UA"]),
    ]:
        got, cursor = [], None
        while True:
            page = store.list_claims(flt, cursor=cursor, limit=4)
            assert page.total == len(want)
            got += page.items
            if not (cursor := page.next_cursor):
                break
        assert sorted(c.id for c in got) == sorted(c.id for c in want)
        keys = [(c.date.toordinal(), c.id) for c in got]
        assert keys == sorted(keys, reverse=True)
    assert sum(r["claims"] for r in store.timeline(ClaimFilter(target="energy"))) == 8
