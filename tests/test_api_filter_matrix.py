"""Every documented filter works on every listing (issue 13: /api/incidents
ignored `claimant` and `doc_id`): one test per filter per listing, with
the expected rows written out by hand, on the in-memory fake, SQLite and
PostgreSQL. Semantics (store/base.py `ClaimFilter`):

- claims: their own fields; agreement / verdict: in an incident assessed so;
- incidents: their own dates, countries, regions, targets; claimant
  fields: they link such a claim; agreement / verdict: assessed so;
- verdicts: agreement, verdict, party = the alleged violator, the rest
  through the assessed incident;
- documents: dates = publication day (UTC), doc_id = the document, the
  rest: the document has such a claim.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.api.sample import SAMPLE_RULESET, fill_store, sample_records
from ceasewatch.config import Settings
from ceasewatch.model import Assessment

BACKENDS = ["memory", "sqlite"] + (["postgresql"] if os.environ.get("CEASEWATCH_TEST_PG") else [])

_docs, _claims, _incidents, _ = sample_records()
DOC = {d.source_id: d.id for d in _docs}  # sample-ua, sample-ru, sample-ru-denial, sample-script
CLAIM = {  # by claimant party and stance
    f"{c.claimant.party}-{c.stance}": c.id for c in _claims
}
UA, RU_A, RU_D, OT = CLAIM["UA-asserted"], CLAIM["RU-asserted"], CLAIM["RU-denied"], CLAIM["OTHER-asserted"]
I1, I2, I3 = "inc_sample_ru_ua_0314", "inc_sample_ua_ru_0314", "inc_sample_ru_ua_0315"
# A second agreement, so that an agreement filter keeps a strict subset.
A4 = Assessment("asm_matrix_4", I2, "black-sea-2025", None, "no_violation", "matrix.rule", "test",
                ruleset=SAMPLE_RULESET)
D_UA, D_RU, D_DEN, D_SCR = DOC["sample-ua"], DOC["sample-ru"], DOC["sample-ru-denial"], DOC["sample-script"]

# filter -> {listing: expected ids}
MATRIX: dict[str, dict[str, set[str]]] = {
    "date_from=2025-03-15": {"claims": {OT}, "incidents": {I3}, "verdicts": {"asm_sample_3"}, "documents": {D_SCR}},
    "date_to=2025-03-14": {"claims": {UA, RU_A, RU_D}, "incidents": {I1, I2},
                           "verdicts": {"asm_sample_1", "asm_sample_2", "asm_matrix_4"},
                           "documents": {D_UA, D_RU, D_DEN}},
    "party=RU": {"claims": {RU_A, RU_D}, "incidents": {I1, I2}, "verdicts": {"asm_sample_1", "asm_sample_3"},
                 "documents": {D_RU, D_DEN}},
    "claimant=air+force": {"claims": {UA}, "incidents": {I1}, "verdicts": {"asm_sample_1"}, "documents": {D_UA}},
    "attacker=UA": {"claims": {RU_A}, "incidents": {I2}, "verdicts": {"asm_sample_2", "asm_matrix_4"},
                    "documents": {D_RU}},
    "target_country=UA": {"claims": {UA, RU_D, OT}, "incidents": {I1, I3},
                          "verdicts": {"asm_sample_1", "asm_sample_3"}, "documents": {D_UA, D_DEN, D_SCR}},
    "region=UA-63": {"claims": {UA, RU_D}, "incidents": {I1}, "verdicts": {"asm_sample_1"}, "documents": {D_UA, D_DEN}},
    "target=energy": {"claims": {OT}, "incidents": {I3}, "verdicts": {"asm_sample_3"}, "documents": {D_SCR}},
    "stance=denied": {"claims": {RU_D}, "incidents": {I1}, "verdicts": {"asm_sample_1"}, "documents": {D_DEN}},
    f"doc_id={D_RU}": {"claims": {RU_A}, "incidents": {I2}, "verdicts": {"asm_sample_2", "asm_matrix_4"},
                       "documents": {D_RU}},
    "agreement=black-sea-2025": {"claims": {RU_A}, "incidents": {I2}, "verdicts": {"asm_matrix_4"},
                                 "documents": {D_RU}},
    "verdict=alleged": {"claims": {OT}, "incidents": {I3}, "verdicts": {"asm_sample_3"}, "documents": {D_SCR}},
}
LISTINGS = ("claims", "incidents", "verdicts", "documents")
EVERYTHING = {
    "claims": {UA, RU_A, RU_D, OT},
    "incidents": {I1, I2, I3},
    "verdicts": {"asm_sample_1", "asm_sample_2", "asm_sample_3", "asm_matrix_4"},
    "documents": {D_UA, D_RU, D_DEN, D_SCR},
}


def _store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    if backend == "memory":
        from ceasewatch.api.memory_store import MemoryRepository

        yield MemoryRepository()
        return
    from ceasewatch.store import open_store

    if backend == "sqlite":
        store = open_store(f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'm.db'}")
        yield store
        store.close()
        return
    from test_api_filters import _scratch_pg_database

    with _scratch_pg_database(os.environ["CEASEWATCH_TEST_PG"]) as url:
        store = open_store(url)
        yield store
        store.close()


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    for store in _store(request.param, tmp_path_factory):
        fill_store(store)
        _, _, _, assessments = sample_records()
        store.replace_assessments(SAMPLE_RULESET, [*assessments, A4])
        yield TestClient(create_app(store, settings=Settings(db="sqlite://"), dashboard=False), base_url="http://127.0.0.1")


def _ids(client: TestClient, listing: str, query: str) -> set[str]:
    body = client.get(f"/api/{listing}?{query}").json()
    assert body["ok"], body
    return {item["id"] for item in body["data"]}


def test_api_filter_matrix_unfiltered_listings(client: TestClient) -> None:
    for listing in LISTINGS:
        assert _ids(client, listing, "") == EVERYTHING[listing]


@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("query", list(MATRIX))
def test_api_filter_matrix(client: TestClient, query: str, listing: str) -> None:
    expected = MATRIX[query][listing]
    assert expected and expected < EVERYTHING[listing]  # each case filters: a strict, non-empty subset
    got = _ids(client, listing, query)
    assert got == expected
    body = client.get(f"/api/{listing}?{query}").json()
    name = query.split("=")[0]
    assert name in body["meta"]["filters"]  # echoed, so a client sees what was applied


def test_api_filter_matrix_covers_every_documented_filter() -> None:
    import inspect

    from ceasewatch.api.params import filter_params

    documented = set(inspect.signature(filter_params).parameters)
    assert {q.split("=")[0] for q in MATRIX} == documented


@pytest.mark.parametrize("listing", ("claims", "incidents", "verdicts"))
def test_api_filter_matrix_csv_download_applies_the_filters(client: TestClient, listing: str) -> None:
    import csv
    import io

    text = client.get(f"/api/{listing}?format=csv&claimant=air+force").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["id"] for r in rows} == MATRIX["claimant=air+force"][listing]


def test_api_filter_matrix_documents_next_link_keeps_filters(client: TestClient) -> None:
    body = client.get("/api/documents?language=en&target_country=UA&limit=1").json()
    assert "language=en" in body["links"]["next"] and "target_country=UA" in body["links"]["next"]
    seen = {body["data"][0]["id"]}
    while body["links"]["next"]:
        body = client.get(body["links"]["next"]).json()
        seen |= {d["id"] for d in body["data"]}
    assert seen == MATRIX["target_country=UA"]["documents"]
