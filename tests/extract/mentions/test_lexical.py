"""Cues and targets read straight from the lexicon (mentions/lexical.py), and
how `find_mentions` files every kind of mention per sentence and drops the
ones inside other mentions (mentions/__init__.py)."""

from __future__ import annotations

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions import find_mentions
from ceasewatch.extract.mentions.lexical import find_cues, find_targets
from ceasewatch.geocode import default_geocoder
from ceasewatch.model import Document


def _targets(text: str, lang: str) -> list[tuple[str, str]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(text[t.start:t.end], t.code) for t in find_targets(a)]


def test_lexical_targets_by_spec_code_in_each_language() -> None:
    assert _targets("Drones hit an oil depot, a substation and a school.", "en") == [
        ("oil depot", "energy.oil_gas"), ("substation", "energy.power"), ("school", "civilian.education")]
    assert _targets("Уражено нафтобазу та підстанцію.", "uk") == [
        ("нафтобазу", "energy.oil_gas"), ("підстанцію", "energy.power")]
    assert _targets("Поврежден жилой дом и НПЗ.", "ru") == [
        ("жилой дом", "civilian.residential"), ("НПЗ", "energy.oil_gas")]


def test_lexical_targets_do_not_overlap() -> None:
    # "oil depot" is energy.oil_gas, not also `military` for "depot"
    assert _targets("an oil depot", "en") == [("oil depot", "energy.oil_gas")]


def test_lexical_cues_carry_their_group_and_attributes() -> None:
    a = analyze(Document(id="t", text="збито 20 БпЛА, 3 локаційно втрачено", language="uk"))
    groups = {(a.text[c.start:c.end], c.group): dict(c.attrs) for c in find_cues(a)}
    assert groups[("збито", "intercept")] == {"measure": "intercepted"}
    assert ("локаційно втрачено", "lost") in groups


def test_lexical_a_quantifier_before_a_figure_ends_no_cue() -> None:
    # "launched over 900 glide bombs": "over" belongs to the figure; "launched over Crimea" is a launch site
    a = analyze(Document(id="t", text="Russia launched over 900 glide bombs.", language="en"))
    assert [c.group for c in find_cues(a) if a.text[c.start:c.end].startswith("launched")] == ["launch"]
    a = analyze(Document(id="t", text="The drones were launched over Crimea.", language="en"))
    assert "launch_site" in {c.group for c in find_cues(a)}


def test_find_mentions_a_cue_inside_a_longer_cue_is_that_cue() -> None:
    text = "20 drones could not be intercepted."
    a = analyze(Document(id="t", text=text, language="en"))
    m = find_mentions(a, default_geocoder())
    assert [(text[c.start:c.end], c.group) for c in m.cues] == [("could not be intercepted", "hit")]


def test_find_mentions_words_of_a_weapon_name_are_no_target() -> None:
    text = "20 unmanned aerial vehicles were downed."
    a = analyze(Document(id="t", text=text, language="en"))
    m = find_mentions(a, default_geocoder())
    assert m.targets == [] and [text[w.start:w.end] for w in m.weapons] == ["unmanned aerial vehicles"]


def test_find_mentions_files_mentions_per_sentence() -> None:
    text = "Drones hit Sumy overnight. Missiles hit a school in Kyiv."
    a = analyze(Document(id="t", text=text, language="en"))
    m = find_mentions(a, default_geocoder())
    first, second = (m.in_sentence(s) for s in a.sentences)
    assert [text[w.start:w.end] for w in first.weapons] == ["Drones"]
    assert [p.region for p in first.places] == ["UA-59"] and [t.kind for t in first.times] == ["overnight"]
    assert [text[w.start:w.end] for w in second.weapons] == ["Missiles"]
    assert [t.code for t in second.targets] == ["civilian.education"] and [p.region for p in second.places] == ["UA-30"]
    assert second.has("attack", "hit") and not second.has("intercept")


def test_find_mentions_where_the_wounded_were_taken_is_no_target() -> None:
    text = "Two people were wounded and taken to a hospital in Sumy."
    a = analyze(Document(id="t", text=text, language="en"))
    m = find_mentions(a, default_geocoder())
    assert m.targets == []
