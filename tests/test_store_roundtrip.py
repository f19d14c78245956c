"""Records written to the store come back identical, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ceasewatch.errors import NotFound, StoreError
from ceasewatch.model import Assessment, Claimant, Document, Evidence, Incident, Place, Review
from ceasewatch.store import Repository


def test_store_is_a_repository(store):
    assert isinstance(store, Repository)
    assert store.dialect in ("sqlite", "postgresql")


def test_store_documents_round_trip(store, store_samples):
    result = store.add_documents(store_samples.docs)
    assert result.added == [d.id for d in store_samples.docs] and result.existing == []
    for doc in store_samples.docs:
        back = store.get_document(doc.id)
        assert back == doc
        assert back.meta == doc.meta  # meta is compare=False on Document
        # The offset (or its absence) survives, not only the instant.
        assert (back.published.utcoffset() if back.published else None) == (
            doc.published.utcoffset() if doc.published else None
        )
    assert store.get_document("uaf-1") == store_samples.docs[0]  # by source id


def test_store_document_text_exact(store):
    text = "Line one\r\nline two\ttab — «quotes» 🚀 and trailing spaces   \n"
    doc = Document.create(text, publisher="p", published=datetime(2025, 1, 1, tzinfo=UTC))
    store.add_documents([doc])
    back = store.get_document(doc.id)
    assert back.text == text and len(back.text) == len(text)


def test_store_add_documents_idempotent(store, store_samples):
    store.add_documents(store_samples.docs[:1])
    again = store.add_documents(store_samples.docs)
    assert again.existing == [store_samples.docs[0].id]
    assert again.added == [d.id for d in store_samples.docs[1:]]
    assert store.info()["counts"]["documents"] == 3


def test_store_claims_round_trip(filled_store, store_samples):
    for claim in store_samples.claims.values():
        back = filled_store.get_claim(claim.id)
        assert back == claim
        doc = filled_store.get_document(back.doc_id)
        for ev in back.evidence:
            assert doc.text[ev.start : ev.end]  # offsets still point into the text
    en = filled_store.get_claim(store_samples.claims["en"].id)
    assert en.time is not None and en.time.utcoffset() == timedelta(hours=2)
    assert en.places[0].lat == 49.98081 and en.places[0].geonames_id == 706483
    assert en.evidence_for("injured")[0] == Evidence(
        "injured", *_find(store_samples.docs[0].text, "2 people")
    )


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len("2 people were injured")


def test_store_claims_listing_round_trip(filled_store, store_samples):
    assert sorted(c.id for c in filled_store.iter_claims()) == sorted(
        c.id for c in store_samples.claims.values()
    )
    assert set(filled_store.iter_claims()) == set(store_samples.claims.values())


def test_store_replace_claims_replaces(filled_store, store_samples):
    en_doc = store_samples.docs[0]
    only = store_samples.claims["en_rail"]
    assert filled_store.replace_claims(en_doc.id, store_samples.extractor, [only]) == 1
    ids = {c.id for c in filled_store.iter_claims()}
    assert store_samples.claims["en"].id not in ids and only.id in ids
    with pytest.raises(NotFound):
        filled_store.get_claim(store_samples.claims["en"].id)
    # Child rows of the replaced claim went with it.
    assert filled_store.info()["counts"]["claim_places"] == 1  # only the uk claim's place is left
    # Another extractor's claims about the same document are left alone.
    other = store_samples.claims["en"].__class__(
        **{**store_samples.claims["en"].__dict__, "extractor": "other.v1"}
    )
    filled_store.replace_claims(en_doc.id, "other.v1", [other])
    filled_store.replace_claims(en_doc.id, store_samples.extractor, [])
    assert [c.extractor for c in filled_store.iter_claims() if c.doc_id == en_doc.id] == ["other.v1"]


def test_store_replace_claims_rejects_foreign_and_duplicate_claims(filled_store, store_samples):
    from ceasewatch.errors import InputError

    c = store_samples.claims["en"]
    with pytest.raises(InputError):
        filled_store.replace_claims(store_samples.docs[1].id, store_samples.extractor, [c])
    with pytest.raises(InputError, match="same key"):
        filled_store.replace_claims(c.doc_id, c.extractor, [c, c])


def test_store_claim_for_unknown_document_is_refused(store, store_samples):
    c = store_samples.claims["en"]
    with pytest.raises(StoreError) as info:
        store.replace_claims(c.doc_id, c.extractor, [c])
    assert info.value.hint


def test_store_not_found(store):
    for call in (store.get_document, store.get_claim, store.get_incident):
        with pytest.raises(NotFound) as info:
            call("nope")
        assert info.value.source == "nope" and info.value.hint


def _incident(samples, **kw) -> Incident:
    base = dict(
        id="inc_1",
        target_country="UA",
        date=date(2025, 3, 18),
        claim_ids=(samples.claims["en"].id,),
        regions=("UA-63",),
        places=(Place("Kharkiv", 49.98, 36.25, "UA-63", "settlement", 706483),),
        targets=("energy.power",),
        attacker="RU",
        linker="ceasewatch.link.test.v1",
    )
    return Incident(**(base | kw))


def test_store_incidents_and_assessments_round_trip(filled_store, store_samples):
    inc = _incident(store_samples)
    filled_store.replace_incidents(inc.linker, [inc])
    assert filled_store.get_incident("inc_1") == inc
    claim = store_samples.claims["en"]
    a = Assessment(
        id="asm_1",
        incident_id=inc.id,
        agreement="energy-moratorium-2025",
        version="UA",
        verdict="alleged",
        rule="target.protected",
        reason="An energy facility was hit while the moratorium was in force.",
        violator="RU",
        claim_ids=(claim.id,),
        claimants=(Claimant("Air Force of Ukraine", "UA"),),
        evidence=((claim.id, claim.evidence[4]),),
        ruleset="ceasewatch.assess.test.v1",
    )
    filled_store.replace_assessments(a.ruleset, [a])
    page = filled_store.list_assessments()
    assert page.items == [a] and page.total == 1
    assert page.items[0].evidence[0] == (claim.id, claim.evidence[4])


def test_store_reviews_round_trip(filled_store, store_samples):
    cid = store_samples.claims["ru"].id
    r1 = Review(
        "rev_1", cid, "analyst", "accepted", "matches MoD post", datetime(2025, 3, 20, 10, tzinfo=UTC)
    )
    r2 = Review("rev_2", cid, "editor", "corrected", created=datetime(2025, 3, 20, 12, tzinfo=UTC))
    filled_store.add_review(r1)
    filled_store.add_review(r2)
    assert filled_store.list_reviews(cid) == [r1, r2]
    assert filled_store.list_reviews("clm_none") == []
    with pytest.raises(NotFound):
        filled_store.add_review(Review("rev_3", "clm_none", "x", "accepted"))


def test_store_ingest_failures_recorded(store):
    store.record_ingest_failure("/data/bad.html", "line 3: not UTF-8", hint="re-save as UTF-8", code="CW200")
    rows = store.list_ingest_failures()
    assert [(r["path"], r["reason"], r["hint"], r["code"]) for r in rows] == [
        ("/data/bad.html", "line 3: not UTF-8", "re-save as UTF-8", "CW200")
    ]
    assert store.info()["counts"]["ingest_failures"] == 1


def test_store_long_values_and_nul(store):
    from ceasewatch.errors import InputError

    long = Document.create("text", publisher="P" * 1000, source_id="s" * 900, language="en-Latn-x-long-tag")
    store.add_documents([long])
    assert store.get_document(long.id) == long  # same on both dialects: no length limits
    with pytest.raises(InputError, match="NUL"):
        store.add_documents([Document.create("bad\x00text")])
