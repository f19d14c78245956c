"""Tokens: spaCy's tokenizer over the folded text, with the norm the lexicon
matches (the pymorphy3 lemma in Ukrainian and Russian, the lower case in
English)."""

from __future__ import annotations

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.analysis.tokens import lemmatizer, tokenize
from ceasewatch.model import Document


def _tokens(text: str, lang: str) -> list[tuple[str, str]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(t.text, t.norm) for t in a.tokens]


def test_tokens_english_norm_is_lower_case_and_hyphens_between_letters_split() -> None:
    toks = _tokens("Russian-installed officials saw fixed-wing drones and S-300 and Kh-101/Kh-555 missiles", "en")
    assert [t for t, _ in toks] == ["Russian", "-", "installed", "officials", "saw", "fixed", "-", "wing", "drones",
                                     "and", "S-300", "and", "Kh-101", "/", "Kh-555", "missiles"]
    assert toks[0] == ("Russian", "russian") and toks[10] == ("S-300", "s-300")


def test_tokens_a_dash_glued_to_a_word_is_a_token_of_its_own() -> None:
    # "(Reuters) -Ukraine's military said": the wire's dash is no part of the speaker's name
    assert [t for t, _ in _tokens("(Reuters) -Ukraine's military", "en")][3:5] == ["-", "Ukraine"]
    # a negative figure keeps its sign
    assert "-5" in [t for t, _ in _tokens("at -5 degrees", "en")]


def test_tokens_slash_splits_words_but_not_figures() -> None:
    assert [t for t, _ in _tokens("збито/подавлено 14/15 березня", "uk")] == ["збито", "/", "подавлено", "14/15", "березня"]


def test_tokens_english_possessive_is_a_token_of_its_own() -> None:
    assert [t for t, _ in _tokens("Ukraine's Air Force", "en")] == ["Ukraine", "'s", "Air", "Force"]
    # a typographic apostrophe folds first, so it splits the same way
    assert [t for t, _ in _tokens("Ukraine\u2019s Air Force", "en")] == ["Ukraine", "'s", "Air", "Force"]


def test_tokens_slavic_norm_is_the_lemma() -> None:
    assert _tokens("Сили ППО збили ракети", "uk") == [("Сили", "сила"), ("ППО", "ппо"), ("збили", "збити"),
                                                      ("ракети", "ракета")]
    assert _tokens("сбиты беспилотники над Курской областью", "ru") == [
        ("сбиты", "сбить"), ("беспилотники", "беспилотник"), ("над", "над"), ("Курской", "курский"),
        ("областью", "область")]


def test_tokens_acronyms_are_not_lemmatised() -> None:
    # "БПЛА", "РСЗО" would be guessed as verbs or other words; they keep their lower case
    assert _tokens("БПЛА и РСЗО", "ru") == [("БПЛА", "бпла"), ("и", "и"), ("РСЗО", "рсзо")]


def test_tokens_lemma_overrides_from_the_data_files() -> None:
    # pymorphy3's likeliest reading of "п'яти" is a heel; lemmas.yaml makes it the numeral
    assert _tokens("п'яти БпЛА", "uk") == [("п'яти", "п'ять"), ("БпЛА", "бпла")]
    assert lemmatizer("uk")("п'яти")[0] == "п'ять"
    assert lemmatizer("en") is None


def test_tokens_slavic_tokens_carry_grammemes() -> None:
    a = analyze(Document(id="t", text="Вячеслав Гладков", language="ru"))
    assert "Name" in a.tokens[0].tags


def test_tokens_whitespace_runs_join_the_previous_token() -> None:
    sdoc, tokens, spmap = tokenize("one  two\n\nthree", "en")
    assert [t.text for t in tokens] == ["one", "two", "three"]
    assert tokens[1].space == "\n\n" and tokens[1].paragraph_after and tokens[1].newline_after
    assert not tokens[0].newline_after
    # one entry per spaCy token plus one for exclusive ends
    assert len(spmap) == len(sdoc) + 1 and spmap[-1] == len(tokens)


def test_tokens_only_ascii_digits_are_digits() -> None:
    a = analyze(Document(id="t", text="12 x\u00b2 \u277a", language="en"))
    assert [t.is_digits for t in a.tokens] == [True, False, False]
