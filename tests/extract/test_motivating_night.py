"""Acceptance: the night of 18-19 March 2025 (tests/extract/data/motivating),
right after the Putin-Trump call and the energy-strike moratorium, told by a
wire, a Ukrainian site, a Russian site and a live blog.

(a) Engine v2 credits the Ukrainian President's and Air Force's claims to
party UA and the Russian Defence Ministry's to RU, and never gives a claim
of one side a claimant of the other.
(b) Assessed against the repository's agreements (as `ceasewatch assess`
does: `assess.run` over a real SQLite store), that night is two sides'
allegations: no verdict may be `corroborated`, since neither side admitted
a strike and no independent source confirmed one."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from ceasewatch.assess import RunSummary, load_agreements, run
from ceasewatch.assess.agreements import BUNDLED_DIR
from ceasewatch.extract import get_extractor
from ceasewatch.extract.engine import ENGINE_NAME
from ceasewatch.model import Claim, Document
from ceasewatch.store import open_store

NIGHT = Path(__file__).parent / "data" / "motivating"
REFS = ("mn-01-en", "mn-02-uk", "mn-03-ru", "mn-04-en")

# Words in a claimant's name or in the words the claim credits it to (lower case, any of the three languages)
RUSSIAN_NAMES = ("putin", "путін", "путин", "peskov", "пєсков", "песков", "kremlin", "кремл", "russia", "russian",
                 "росі", "росс", "рф", "минобороны", "міноборони", "moscow", "москв")
UKRAINIAN_NAMES = ("zelensky", "зеленськ", "зеленск", "air force", "повітрян", "воздушн", "ukrain", "україн",
                   "украин", "зсу", "всу")

@cache
def _document(ref: str) -> Document:
    meta = json.loads((NIGHT / f"{ref}.json").read_text(encoding="utf-8"))
    text = (NIGHT / f"{ref}.txt").read_text(encoding="utf-8")
    return Document.create(text, language=meta["language"], published=datetime.fromisoformat(meta["published"]),
                           publisher=meta["publisher"], title=meta.get("title"), source_id=ref)


@cache
def _claims(ref: str) -> tuple[Claim, ...]:
    return tuple(get_extractor(ENGINE_NAME).extract(_document(ref)))


def _credited(ref: str, claim: Claim) -> str:
    """The claimant's name and the words its evidence quotes, lower case."""
    text = _document(ref).text
    words = [text[e.start:e.end] for e in claim.evidence if e.field == "claimant"]
    return " | ".join([claim.claimant.name, *words]).lower()


def _describe(ref: str) -> str:
    return "\n".join(f"  {c.claimant.party} {_credited(ref, c)!r} {c.attacker}->{c.target_country} {c.date} "
                     f"{[(w.category, w.launched, w.intercepted, w.lost) for w in c.weapons]}" for c in _claims(ref))


@pytest.mark.parametrize("ref", ["mn-01-en", "mn-02-uk", "mn-04-en"])
def test_night_the_air_force_figures_are_a_ukrainian_claim(ref: str) -> None:
    carrying = [c for c in _claims(ref) if any(w.launched == 145 for w in c.weapons)]
    assert carrying, f"{ref}: no claim has the Air Force's 145 drones:\n{_describe(ref)}"
    assert {(c.claimant.party, c.attacker, c.target_country) for c in carrying} == {("UA", "RU", "UA")}, _describe(ref)


def test_night_the_presidents_claim_is_ukrainian() -> None:
    # the Russian site's only Ukrainian voice is Zelensky's "about 150 drones"
    ua = [c for c in _claims("mn-03-ru") if "зеленск" in _credited("mn-03-ru", c)]
    assert [(c.claimant.party, c.attacker, c.target_country) for c in ua] == [("UA", "RU", "UA")], _describe("mn-03-ru")


@pytest.mark.parametrize("ref", REFS)
def test_night_the_defence_ministry_figures_are_a_russian_claim(ref: str) -> None:
    carrying = [c for c in _claims(ref) if any(w.intercepted == 57 for w in c.weapons)]
    assert carrying, f"{ref}: no claim has the ministry's 57 drones:\n{_describe(ref)}"
    assert {(c.claimant.party, c.attacker, c.target_country) for c in carrying} == {("RU", "UA", "RU")}, _describe(ref)


@pytest.mark.parametrize("ref", REFS)
def test_night_no_claim_is_credited_to_the_other_side(ref: str) -> None:
    for c in _claims(ref):
        credited = _credited(ref, c)
        if c.claimant.party == "UA":
            assert not any(n in credited for n in RUSSIAN_NAMES), f"{ref}: UA claim credited to {credited!r}"
        if c.claimant.party == "RU":
            assert not any(n in credited for n in UKRAINIAN_NAMES), f"{ref}: RU claim credited to {credited!r}"


@pytest.mark.parametrize("ref", ["mn-01-en", "mn-02-uk", "mn-03-ru", "mn-04-en"])
def test_night_ukraine_admits_no_strike(ref: str) -> None:
    # Ukraine's military did not respond to the Russian accusation: no Ukrainian claim has Ukraine attacking
    assert not [c for c in _claims(ref) if c.claimant.party == "UA" and c.attacker == "UA"], _describe(ref)


def _assess(refs: tuple[str, ...], tmp_path: Path) -> RunSummary:
    store = open_store(f"sqlite:///{tmp_path / 'night.db'}")
    try:
        for ref in refs:
            doc = _document(ref)
            store.add_documents([doc])
            store.replace_claims(doc.id, ENGINE_NAME, list(_claims(ref)))
        return run(store, agreements=load_agreements([BUNDLED_DIR]))
    finally:
        store.close()


def _findings(summary: RunSummary) -> str:
    return "\n".join(f"  {f['date']} {f['agreement']}:{f['version']} {f['verdict']} {f['violator']} {f['rule']}: "
                     f"{f['reason']}" for f in summary.findings)


def test_night_assessed_ukraine_alleges_a_russian_energy_strike(tmp_path: Path) -> None:
    summary = _assess(REFS, tmp_path)
    assert summary.claims == sum(len(_claims(ref)) for ref in REFS) and summary.incidents >= 2
    alleged = [f for f in summary.findings if f["verdict"] == "alleged" and f["violator"] == "RU"
               and f["agreement"] == "energy-moratorium-2025" and str(f["date"]) == "2025-03-19"]
    assert alleged, _findings(summary)


def test_night_assessed_nothing_is_corroborated(tmp_path: Path) -> None:
    summary = _assess(REFS, tmp_path)
    assert "corroborated" not in summary.verdicts, f"{summary.verdicts}\n{_findings(summary)}"


@pytest.mark.parametrize("ref", ["mn-01-en", "mn-02-uk", "mn-03-ru", "mn-04-en"])
def test_night_each_report_assessed_alone_corroborates_nothing(ref: str, tmp_path: Path) -> None:
    summary = _assess((ref,), tmp_path)
    assert "corroborated" not in summary.verdicts, f"{summary.verdicts}\n{_findings(summary)}"
