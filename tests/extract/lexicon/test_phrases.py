"""The phrase syntax of lexicon files (lexicon/phrases.py), matched against
the tokens of real analyses: alternatives, suffix groups, optional tokens,
`=surface`, `!Exact`, `#num`, `*`, English possessives and hyphenated words
split the way the tokenizer splits them."""

from __future__ import annotations

import pytest

from ceasewatch.errors import ConfigError
from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.lexicon import Entry, Table
from ceasewatch.extract.lexicon import phrases as phrases_module
from ceasewatch.extract.lexicon.phrases import PhraseMatcher, compile_phrase, expand_forms, split_alternatives
from ceasewatch.extract.mentions.lexical import phrase_hits
from ceasewatch.model import Document


def _found(lang: str, phrase: str, text: str) -> list[str]:
    """The words each match of `phrase` (as the only entry of a table) covers in `text`."""
    probe = Table("probe", lang, {"p": Entry("p", "probe", phrases=(phrase,))})
    real = phrases_module.table
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(phrases_module, "table", lambda lang_, name: probe if name == "probe" else real(lang_, name))
        matcher = PhraseMatcher(lang, ["probe"])
    a = analyze(Document(id="t", text=text, language=lang))
    return [a.text[a.tokens[h.start].start:a.tokens[h.end - 1].end] for h in matcher.match(a.tokens)]


def test_phrases_expand_forms_and_split_alternatives() -> None:
    assert expand_forms("drone(s)") == ["drone", "drones"]
    assert sorted(expand_forms("strik(e|es|ing)")) == ["strike", "strikes", "striking"]
    assert split_alternatives("injur(ed|ing)|wound(ed)") == ["injur(ed|ing)", "wound(ed)"]


@pytest.mark.parametrize(("lang", "phrase", "text", "expected"), [
    ("en", "shot|downed", "two were shot, one downed, none hit", ["shot", "downed"]),
    ("en", "drone(s)", "a drone and 12 drones but no droness", ["drone", "drones"]),
    ("en", "hit(s|ting)? target(s)", "hit targets, hits target, hitting targets, hitter targets",
     ["hit targets", "hits target", "hitting targets"]),
    ("en", "the? air force", "The Air Force and air force", ["The Air Force", "Air Force", "air force"]),
    ("en", "#num drone(s)", "1,046 drones and twelve drones and 12 drones", ["1,046 drones", "12 drones"]),
    ("en", "shot * down", "shot them down, shot down", ["shot them down"]),
    ("en", "!KAB", "three KAB bombs, a kab, a Kab", ["KAB"]),
    ("en", "=Air force", "air force", ["air force"]),
])
def test_phrases_syntax_matches(lang: str, phrase: str, text: str, expected: list[str]) -> None:
    assert _found(lang, phrase, text) == expected


def test_phrases_slavic_words_match_by_lemma_and_surface_forms_only_as_written() -> None:
    # a plain word matches any form with that lemma
    assert _found("uk", "сила", "Сили оборони, силами ППО") == ["Сили", "силами"]
    # "=сили" is the lower-cased surface form only
    assert _found("uk", "=сили", "Сили оборони, силами ППО") == ["Сили"]
    assert _found("ru", "сбить беспилотник", "сбиты беспилотники, сбит беспилотник") == [
        "сбиты беспилотники", "сбит беспилотник"]


def test_phrases_possessives_are_two_tokens() -> None:
    text = "Ukraine's air force and the Ukrainian air force and Ukraine air force"
    assert _found("en", "ukraine's|ukrainian air force", text) == ["Ukraine's air force", "Ukrainian air force"]


def test_phrases_hyphenated_words_split_like_the_tokenizer() -> None:
    assert _found("en", "fixed-wing drone(s)", "ten fixed-wing drones") == ["fixed-wing drones"]
    assert _found("en", "russian-installed|moscow-installed official(s)",
                  "the Russian-installed official and Moscow-installed officials") == [
        "Russian-installed official", "Moscow-installed officials"]
    # a hyphen before a figure is part of one token ("S-300"), and the phrase keeps it whole
    assert _found("en", "s-300 missile(s)", "four S-300 missiles") == ["S-300 missiles"]
    assert compile_phrase("s-300") == [[("norm", frozenset({"s-300"}))]]
    assert compile_phrase("fixed-wing") == [[("norm", frozenset({"fixed"})), ("norm", frozenset({"-"})),
                                              ("norm", frozenset({"wing"}))]]


def test_phrases_compile_phrase_variants() -> None:
    # an optional token gives two variants: with it and without it
    assert compile_phrase("the? force") == [
        [("norm", frozenset({"the"})), ("norm", frozenset({"force"}))], [("norm", frozenset({"force"}))]]
    assert compile_phrase("#num *") == [[("num", frozenset()), ("any", frozenset())]]
    assert compile_phrase("!KAB") == [[("orth", frozenset({"KAB"}))]]


@pytest.mark.parametrize("bad", ["", "   ", "a||b drones"])
def test_phrases_bad_phrases_are_config_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        compile_phrase(bad)


def test_phrases_matcher_takes_tokens_not_a_spacy_doc() -> None:
    a = analyze(Document(id="t", text="drones", language="en"))
    with pytest.raises(TypeError):
        PhraseMatcher("en", [])(a.sdoc)


def test_phrases_real_lexicon_reads_hyphenated_entries() -> None:
    """The shipped data: "fixed-wing drones" is a weapon noun, "Russian-installed official" an actor."""
    a = analyze(Document(id="t", text="A Russian-installed official said 10 fixed-wing drones fell.", language="en"))
    weapons = [(a.text[a.tokens[h.start].start:a.tokens[h.end - 1].end], h.key) for h in phrase_hits(a, "weapons")]
    assert ("fixed-wing drones", "drone") in weapons
    actors = [(a.text[a.tokens[h.start].start:a.tokens[h.end - 1].end], h.key) for h in phrase_hits(a, "actors")]
    assert ("Russian-installed official", "ru_emergency") in actors


def test_phrases_a_word_matches_the_text_where_the_lemmatiser_reads_another_word() -> None:
    # pymorphy3 reads the surname "Синегубов" as a possessive of "синегуб"; the lexicon writes it as it is written
    from ceasewatch.extract.analysis.document import analyze
    from ceasewatch.extract.mentions.actors import find_actors
    from ceasewatch.model import Document

    a = analyze(Document(id="t", text="Об этом сообщил Олег Синегубов.", language="ru"))
    assert [(a.text[x.start:x.end], x.side) for x in find_actors(a)] == [("Олег Синегубов", "UA")]
