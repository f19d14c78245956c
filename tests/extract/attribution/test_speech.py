"""Attribution by reported speech (attribution/speech.py): who speaks in each
sentence, with which side, and how that was established."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.attribution import Voice, Voices, attribute
from ceasewatch.extract.attribution.speech import publisher_voice
from ceasewatch.extract.mentions import find_mentions
from ceasewatch.geocode import default_geocoder
from ceasewatch.model import Document


def _voices(text: str, lang: str = "en", publisher: str = "Test Wire") -> tuple[str, Voices]:
    a = analyze(Document.create(text, language=lang, publisher=publisher))
    return a.text, attribute(a, find_mentions(a, default_geocoder()))


def _said(text: str, voice: Voice) -> tuple[str | None, str, str, str | None]:
    """(party, rule, basis, the speaker's words) of a voice."""
    words = text[voice.start:voice.end] if voice.start is not None and voice.end is not None else None
    return voice.party, voice.rule, voice.basis, words


SPEAKERS = [
    ("en", "The Air Force said Russia launched 40 drones overnight.",
     ("UA", "attribution.speech_before", "named", "Air Force")),
    ("en", "Russia launched 40 drones overnight, said the Air Force.",
     ("UA", "attribution.speech_after", "named", "Air Force")),
    ("en", "According to the Air Force, Russia launched 40 drones overnight.",
     ("UA", "attribution.according_to", "named", "Air Force")),
    ("en", "Zelensky: Russia launched 150 drones overnight.",
     ("UA", "attribution.heading", "named", "Zelensky")),
    ("uk", "Вночі ворог атакував Суми дронами, повідомили Повітряні сили ЗСУ.",
     ("UA", "attribution.speech_after", "named", "Повітряні сили ЗСУ")),
    ("uk", "За даними Повітряних сил, вночі ворог атакував Суми.",
     ("UA", "attribution.according_to", "named", "Повітряних сил")),
    ("ru", "Минобороны России сообщило, что ночью сбиты 12 беспилотников.",
     ("RU", "attribution.speech_before", "named", "Минобороны России")),
    ("ru", "Ночью сбиты 12 беспилотников, сообщили в Минобороны России.",
     ("RU", "attribution.speech_after", "named", "Минобороны России")),
    # a named body after the verb speaks ("наголосили в ЦПД"); what follows "що"/"что"/"that" is what was said
    ("uk", "Заяви Москви – фейк, – наголосили в ЦПД.",
     ("UA", "attribution.speech_after", "named", "ЦПД")),
    ("ru", "Владимир Зеленский утверждал, что ночью Россия запустила 150 беспилотников.",
     ("UA", "attribution.speech_before", "named", "Владимир Зеленский")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SPEAKERS,
                         ids=[f"{lang}-{exp[1].rsplit('.', 1)[1]}" for lang, _, exp in SPEAKERS])
def test_speech_speaker_before_or_after_the_verb(lang: str, text: str,
                                                 expected: tuple[str, str, str, str]) -> None:
    doc_text, voices = _voices(text, lang)
    assert _said(doc_text, voices.effective[0]) == expected


def test_speech_pronoun_continues_the_last_speaker() -> None:
    text, voices = _voices("The Air Force said Russia launched 40 drones overnight. It said 30 were shot down.")
    assert _said(text, voices.effective[1]) == ("UA", "attribution.pronoun", "named", "It")
    assert voices.effective[1].name == "Ukrainian Air Force"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A source in the SBU said drones hit the depot. According to the source, the fire is still burning."),
    ("uk", "Про це повідомило джерело в СБУ. За словами співрозмовника, уражено нафтобазу."),
    ("ru", "Об этом сообщил источник в СБУ. Нефтебаза поражена, рассказал источник."),
])
def test_speech_a_noun_pointing_back_keeps_the_source_last_named(lang: str, text: str) -> None:
    _, voices = _voices(text, lang)
    assert voices.effective[1].party == "UA"
    assert voices.effective[1].rule == "attribution.pronoun"


@pytest.mark.parametrize(("first", "party", "name"), [
    ("Ukraine's General Staff", "UA", "General Staff of the Armed Forces of Ukraine"),
    ("Russia's General Staff", "RU", "Russian Ministry of Defence"),
])
def test_speech_a_description_resolves_to_the_body_last_named_by_it(first: str, party: str, name: str) -> None:
    text, voices = _voices(f"{first} said its forces hit a depot. The General Staff said the strike caused a fire.")
    second = voices.effective[1]
    assert _said(text, second) == (party, "attribution.antecedent", "named", "The General Staff")
    assert second.name == name


def test_speech_a_body_named_later_in_full_gives_the_headline_its_side() -> None:
    # the headline's "the Defense Ministry" is the "Russian Defense Minister" the story names below
    text, voices = _voices("Strikes hit Ukraine's energy facilities, the Defense Ministry has said. "
                           "Russian Defense Minister Andrey Belousov said on Friday that the strikes hit their targets.")
    assert voices.effective[0].party == "RU"
    assert voices.effective[0].rule == "attribution.antecedent"


def test_speech_a_source_after_the_verb_told_the_outlet_before_it() -> None:
    # "Про це РБК-Україна повідомило джерело в українських спецслужбах": the source speaks, to the outlet
    _, voices = _voices("Вночі дрони атакували аеродром. Про це РБК-Україна повідомило джерело в українських "
                        "спецслужбах.", "uk")
    assert voices.own[1].party == "UA"


def test_speech_a_bare_governor_is_the_governor_named_before() -> None:
    # the story's places are mostly Ukrainian, but "the governor" is the Voronezh governor named just before
    _, voices = _voices("У Воронезькій області Росії вночі сталася пожежа на нафтобазі, повідомив губернатор регіону "
                        "Олександр Гусєв. Харків і Суми теж атакували. «Постраждалих немає», – заявив губернатор у "
                        "телеграмі.", "uk")
    assert voices.own[0].party == "RU"
    assert voices.own[2].party == "RU" and voices.own[2].rule == "attribution.anaphora"


def test_speech_said_on_telegram_names_no_speaker() -> None:
    # where it was said is not who said it: with nobody else named, the outlet speaks
    text, voices = _voices("Ночью беспилотники атаковали Белгородскую область, сообщили в телеграм-канале.", "ru")
    assert _said(text, voices.effective[0]) == ("OTHER", "attribution.outlet_voice", "outlet", None)
    # and the speaker after the channel is found past it
    text, voices = _voices("Ночью беспилотники атаковали Белгородскую область, сообщил в телеграм-канале "
                           "губернатор Вячеслав Гладков.", "ru")
    assert _said(text, voices.effective[0]) == ("RU", "attribution.speech_after", "named", "губернатор")
    text, voices = _voices("Russian drones hit Sumy overnight, the governor said on Telegram.")
    assert _said(text, voices.effective[0]) == ("UA", "attribution.speech_before", "named", "governor")


def test_speech_a_governor_takes_the_side_of_the_region_beside_it() -> None:
    text, voices = _voices("A drone hit a house, the governor of Sumy region said.")
    assert _said(text, voices.effective[0])[:2] == ("UA", "attribution.speech_before")
    text, voices = _voices("A drone hit a house, the governor of Kursk region said.")
    assert _said(text, voices.effective[0])[:2] == ("RU", "attribution.speech_before")


def test_speech_an_outlet_naming_itself_speaks_in_its_own_voice() -> None:
    text, voices = _voices("By Meridiana's count, Russia launched at least 40 drones at Kharkiv overnight.",
                           publisher="Meridiana News")
    voice = voices.effective[0]
    assert (voice.party, voice.name, voice.rule, voice.basis) == (
        "OTHER", "Meridiana News", "attribution.publisher_named", "named")


def test_speech_a_source_line_gives_the_story_its_voice() -> None:
    text, voices = _voices("Russian drones struck Kharkiv overnight, damaging a school.\n\n"
                           "Source: General Staff of the Armed Forces of Ukraine", publisher="Meridiana News")
    assert _said(text, voices.default) == ("UA", "attribution.source_line", "publisher",
                                           "General Staff of the Armed Forces of Ukraine")
    assert voices.effective[0].party == "UA"


def test_speech_an_official_publisher_speaks_as_itself() -> None:
    text, voices = _voices("Вночі противник атакував 40 ударними БпЛА. Збито 30.", "uk",
                           publisher="Повітряні сили ЗСУ")
    assert [(v.party, v.basis) for v in voices.effective] == [("UA", "publisher"), ("UA", "publisher")]
    assert publisher_voice("Губернатор Белгородской области", "ru").party == "RU"
    # any other publisher is an outlet: party OTHER
    assert (publisher_voice("Meridiana News", "en").party, publisher_voice("Meridiana News", "en").basis) == (
        "OTHER", "outlet")


def test_speech_a_signature_line_tells_who_posts() -> None:
    text, voices = _voices("Ночью беспилотники атаковали Белгород. Пострадавших нет.\n\nВячеслав Гладков", "ru")
    assert _said(text, voices.default) == ("RU", "attribution.signature", "publisher", "Вячеслав Гладков")


def test_speech_about_this_gives_the_sentences_before_their_speaker() -> None:
    text, voices = _voices("Вночі ворог атакував Суми. Пошкоджено будинок. "
                           "Про це повідомив начальник ОВА Іван Федоров.", "uk")
    assert [(v.party, v.rule) for v in voices.effective] == [
        ("UA", "attribution.about_this"), ("UA", "attribution.about_this"), ("UA", "attribution.speech_after")]


def test_speech_a_quotation_speaks_with_the_voice_named_at_its_end() -> None:
    text, voices = _voices('"The drone hit a school. Nobody was hurt," the governor of Sumy region said. '
                           'The city is calm.')
    assert [(v.party, v.rule) for v in voices.effective] == [
        ("UA", "attribution.quotation"), ("UA", "attribution.speech_before"), ("UA", "attribution.continued")]


def test_speech_list_items_speak_with_their_head() -> None:
    text, voices = _voices("The Air Force said the enemy attacked with 12 means:\n- 10 Shahed drones;\n"
                           "- 2 Iskander-M missiles.")
    assert [(v.party, v.rule) for v in voices.effective] == [
        ("UA", "attribution.speech_before"), ("UA", "attribution.list_head"), ("UA", "attribution.list_head")]


def test_speech_a_clause_after_while_is_the_outlet_speaking() -> None:
    text, voices = _voices("Strikes hit Novorossiysk, Russian officials said, "
                           "while a Russian attack on Kyiv killed six people.")
    assert [(v.party, v.basis) for v in voices.effective] == [("RU", "named"), ("OTHER", "outlet")]


def test_speech_an_unknown_private_person_is_a_witness() -> None:
    text, voices = _voices("A drone hit the building, said Natalya, who lives nearby.")
    assert _said(text, voices.effective[0]) == ("OTHER", "attribution.unknown_person", "named", "Natalya")


def test_speech_a_speaker_continues_for_two_paragraphs_then_the_outlet_speaks() -> None:
    text, voices = _voices("The Air Force said drones were downed.\n\nLater, drones hit Kyiv.\n\n"
                           "A school was damaged.\n\nA shop was damaged.")
    assert [(v.party, v.basis) for v in voices.effective] == [
        ("UA", "named"), ("UA", "inherited"), ("UA", "inherited"), ("OTHER", "outlet")]


def test_speech_a_city_in_the_publishers_name_is_not_the_outlet_speaking() -> None:
    text, voices = _voices("Russian drones hit Kyiv overnight.", publisher="Kyiv Herald")
    assert voices.effective[0].basis == "outlet"


def test_speech_the_outlet_naming_itself_speaks_in_its_own_name() -> None:
    text, voices = _voices("Kyiv Herald counted 14 refineries hit since August.", publisher="Kyiv Herald")
    assert (voices.effective[0].basis, voices.effective[0].rule) == ("named", "attribution.publisher_named")
