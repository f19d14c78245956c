"""Document analysis: sentences, clauses, blocks, list items under their
head, and quotations running over several sentences."""

from __future__ import annotations

from ceasewatch.extract.analysis.document import Analysis, analyze
from ceasewatch.model import Document


def _analyze(text: str, lang: str = "en") -> Analysis:
    return analyze(Document(id="t", text=text, language=lang))


def _sentences(a: Analysis) -> list[str]:
    return [a.text[s.char_start:s.char_end] for s in a.sentences]


def test_document_sentences_end_at_terminal_punctuation_not_after_abbreviations() -> None:
    a = _analyze("Lt. Gen. Ivan Petrenko said 30 drones were downed. Mr. Smith agreed! Was it 40? Yes.")
    assert _sentences(a) == ["Lt. Gen. Ivan Petrenko said 30 drones were downed.", "Mr. Smith agreed!",
                             "Was it 40?", "Yes."]


def test_document_initials_do_not_end_a_sentence() -> None:
    a = _analyze("The U.S. envoy met J. Smith in Kyiv. Drones hit Lviv.")
    assert _sentences(a) == ["The U.S. envoy met J. Smith in Kyiv.", "Drones hit Lviv."]


def test_document_sentence_offsets_quote_the_original_text() -> None:
    text = "Вночі ворог атакував Харківщину.  Збито 12 дронів."
    a = _analyze(text, "uk")
    assert _sentences(a) == ["Вночі ворог атакував Харківщину.", "Збито 12 дронів."]
    for s in a.sentences:
        assert a.text[s.char_start:s.char_end] == " ".join(t.text for t in a.sent_tokens(s)).replace(" .", ".")


def test_document_soft_wrapped_prose_is_one_sentence() -> None:
    a = _analyze("Russian drones struck Kharkiv overnight, the governor\nsaid. A school was hit.")
    assert _sentences(a) == ["Russian drones struck Kharkiv overnight, the governor\nsaid.", "A school was hit."]


def test_document_blocks_follow_blank_lines_or_lines() -> None:
    a = _analyze("First paragraph. Still first.\n\nSecond paragraph.")
    assert [len(b.sentences) for b in a.blocks] == [2, 1]
    assert a.block_of(a.sentences[2]).i == 1
    # without any blank line in the text, every line is a block of its own
    b = _analyze("Line one.\nLine two.\nLine three.")
    assert [b.text[x.char_start:x.char_end] for x in b.blocks] == ["Line one.", "Line two.", "Line three."]


def test_document_clause_breaks_split_one_sentence_into_clauses() -> None:
    a = _analyze("Strikes hit Novorossiysk, Russian officials said, while a Russian attack on Kyiv killed six people.")
    assert _sentences(a) == ["Strikes hit Novorossiysk, Russian officials said,",
                             "while a Russian attack on Kyiv killed six people."]
    second = a.sentences[1]
    assert (second.clause_of, second.joint, second.line_start) == (0, ", while", False)
    b = _analyze("Strikes hit Kyiv; the Air Force said 30 drones were downed over the capital.")
    assert [(s.clause_of, s.joint) for s in b.sentences] == [(None, ""), (0, ";")]


def test_document_list_items_point_at_the_line_that_introduces_them() -> None:
    text = ("The Air Force said the enemy attacked with 12 means:\n"
            "- 10 Shahed drones;\n"
            "- 2 Iskander-M missiles.\n"
            "\n"
            "Separately, a school was hit.")
    a = _analyze(text)
    assert [(s.head, s.is_item) for s in a.sentences] == [(None, False), (0, True), (0, True), (None, False)]
    assert _sentences(a)[1] == "- 10 Shahed drones;"


def test_document_short_lines_below_a_colon_are_items_too() -> None:
    a = _analyze("Вночі збито:\nСумщина - 10 дронів\nКиївщина - 2 дрони", "uk")
    assert [(s.head, s.is_item) for s in a.sentences] == [(None, False), (0, True), (0, True)]
    # after the colon a line in lower case is an item too; a lower-case line after it wraps that item
    b = _analyze("Вночі збито:\nна Сумщині 10 дронів\nта 2 ракети", "uk")
    assert _sentences(b) == ["Вночі збито:", "на Сумщині 10 дронів\nта 2 ракети"]
    assert [(s.head, s.is_item) for s in b.sentences] == [(None, False), (0, True)]


def test_document_numbered_list_items_keep_their_head() -> None:
    a = _analyze("The Air Force said the enemy attacked with 12 means:\n1. 10 Shahed drones;\n2. 2 Iskander-M missiles.")
    assert _sentences(a)[1:] == ["1. 10 Shahed drones;", "2. 2 Iskander-M missiles."]
    assert [(s.head, s.is_item) for s in a.sentences] == [(None, False), (0, True), (0, True)]


def test_document_quotations_over_several_sentences() -> None:
    a = _analyze('"The drone hit a school. Nobody was hurt," the governor said. The city is calm.')
    assert a.quotes == [(0, 1)]
    assert [s.quote for s in a.sentences] == [0, 0, None]
    # a quotation inside one sentence is no passage of its own
    assert _analyze('The governor called it "a cynical strike". Nothing else.').quotes == []


def test_document_token_span_and_sentence_of() -> None:
    text = "Drones hit Sumy. Missiles hit Kyiv."
    a = _analyze(text)
    start = text.index("Kyiv")
    first, last = a.token_span(start, start + 4)
    assert [t.text for t in a.tokens[first:last]] == ["Kyiv"]
    # a span starting inside a token takes the whole token
    first, last = a.token_span(start + 1, start + 2)
    assert [t.text for t in a.tokens[first:last]] == ["Kyiv"]
    assert a.sentence_of(first).i == 1 and a.sentence_of(0).i == 0


def test_document_languages_outside_the_three_are_read_as_english() -> None:
    assert analyze(Document(id="t", text="Drones hit Sumy.", language="de")).lang == "en"
    assert analyze(Document(id="t", text="", language="uk")).sentences == []
