"""Fact scoring exactly as spec section 4 says, and `ceasewatch eval` on a
hand-made corpus folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from ceasewatch.cli.app import app
from ceasewatch.extract.scoring import claim_facts, score_corpus, score_document
from ceasewatch.model import Claim, Claimant, Place, WeaponCount

AF = Claimant("Ukrainian Air Force", "UA")


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = dict(doc_id="d1", claimant=AF, attacker="RU", target_country="UA",
                                   date=date(2025, 3, 14))
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def test_facts_of_a_claim() -> None:
    c = _claim(weapons=(WeaponCount("drone", launched=27, intercepted=16, lost=None),),
               regions=("UA-59", "UA-59"), targets=("energy.power", "energy"), killed=0)
    facts = claim_facts(c)
    key = ("UA", "asserted", "RU", "UA", "2025-03-14")
    assert facts["claim"] == [("claim", key)]
    assert set(facts["count"]) == {("count", key, "drone", "launched", 27), ("count", key, "drone", "intercepted", 16)}
    assert facts["region"] == [("region", key, "UA-59")]
    assert facts["target"] == [("target", key, "energy")]  # top level, once
    assert facts["casualties"] == [("casualties", key, "killed", 0)]


def test_predicted_claims_with_one_key_are_merged_largest_count() -> None:
    gold = [_claim(weapons=(WeaponCount("drone", launched=30),))]
    pred = [_claim(weapons=(WeaponCount("drone", launched=20),)), _claim(weapons=(WeaponCount("drone", launched=30),),
                                                                          regions=("UA-63",))]
    ds = score_document("d1", pred, gold)
    assert ds.by_kind["count"].tp == 1 and ds.by_kind["count"].predicted == 1
    assert ds.by_kind["claim"].tp == 1 and ds.by_kind["region"].predicted == 1


def test_wrong_date_loses_every_fact() -> None:
    gold = [_claim(regions=("UA-63",), killed=2)]
    pred = [_claim(date=date(2025, 3, 13), regions=("UA-63",), killed=2)]
    ds = score_document("d1", pred, gold)
    assert ds.overall.tp == 0 and ds.overall.gold == 3 and len(ds.missed) == 3 and len(ds.spurious) == 3


def test_places_match_within_30_km_or_by_name() -> None:
    kyiv_gold = Place("Kyiv", 50.45, 30.52, "UA-30")
    gold = [_claim(places=(kyiv_gold, Place("Zolochiv", None, None)))]
    near = Place("Kyiv city centre", 50.60, 30.60)  # ~18 km away
    far = Place("Bila Tserkva", 49.80, 30.11)  # ~80 km away
    ds = score_document("d1", [_claim(places=(near, Place("zolochiv", 50.28, 35.98)))], gold)
    assert ds.by_kind["place"].tp == 2
    ds = score_document("d1", [_claim(places=(far,))], gold)
    assert ds.by_kind["place"].tp == 0 and ds.by_kind["place"].predicted == 1 and ds.by_kind["place"].gold == 2


def test_micro_average_over_documents() -> None:
    gold = {"a": [_claim(doc_id="a")], "b": [_claim(doc_id="b", killed=1)]}
    pred = {"a": [_claim(doc_id="a")]}
    report = score_corpus(pred, gold)
    assert report.overall.tp == 1 and report.overall.gold == 3 and report.overall.predicted == 1
    assert abs(report.overall.f1 - 0.5) < 1e-9
    assert report.to_dict()["per_document"][1]["missed"]


def _write_corpus(folder: Path) -> None:
    text = ("Overnight, the enemy attacked with 27 Shahed-type attack UAVs. 16 drones were shot down over "
            "Sumy region.")
    claim = {"doc_id": "t-1", "claimant": {"name": "Ukrainian Air Force", "party": "UA"}, "stance": "asserted",
             "attacker": "RU", "target_country": "UA", "date": "2025-03-14",
             "weapons": [{"category": "drone", "model": "Shahed", "launched": 27, "intercepted": 16, "lost": None,
                          "hit": None}], "regions": ["UA-59"], "places": [], "targets": [], "killed": None,
             "injured": None}
    (folder / "t-1.txt").write_text(text, encoding="utf-8")
    (folder / "t-1.json").write_text(json.dumps({
        "id": "t-1", "published": "2025-03-14T09:00:00+02:00", "publisher": "Ukrainian Air Force",
        "language": "en", "url": None, "claims": [claim]}), encoding="utf-8")


def test_eval_cli_on_a_user_folder(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--json", "--details", "--no-progress"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 1
    assert data["all"]["f1"] == 1.0 and data["by_kind"]["count"]["tp"] == 2
    table = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--language", "en", "--no-progress"])
    assert table.exit_code == 0 and "casualties" in table.output


def test_extract_cli_jsonl(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and rows[0]["doc_id"] == "t-1" and rows[0]["weapons"][0]["launched"] == 27
    assert all("evidence" in r for r in rows)


def test_eval_cli_rejects_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path / "nope")])
    assert result.exit_code == 1
