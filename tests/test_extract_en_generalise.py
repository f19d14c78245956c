"""English rules added to generalise beyond the dev corpus, each on a small
hand-written report (invented sentences, not taken from any evaluation set)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.en import EXTRACTOR_NAME, EnglishExtractor
from ceasewatch.extract.en.counts import find_casualties, find_counts, find_phrases
from ceasewatch.extract.en.dates import DATELINE
from ceasewatch.extract.en.numbers import find_numbers
from ceasewatch.model import Claim, Document

MORNING = datetime.fromisoformat("2025-06-11T08:30:00+03:00")  # a Wednesday


@pytest.fixture(scope="module")
def extractor() -> EnglishExtractor:
    return get_extractor(EXTRACTOR_NAME)


def _doc(text: str, publisher: str = "Test Wire", published: datetime = MORNING) -> Document:
    return Document.create(text, publisher=publisher, published=published, language="en")


def _only(claims: list[Claim], party: str) -> Claim:
    found = [c for c in claims if c.claimant.party == party]
    assert len(found) == 1, [c.key for c in claims]
    return found[0]


def _counts(text: str) -> list[tuple[str, int, str | None, str | None]]:
    numbers = find_numbers(text, 0, len(text))
    phrases = find_phrases(text, 0, len(text))
    return [
        (text[c.start : c.end], c.value, c.measure, c.phrase.category if c.phrase else None)
        for c in find_counts(text, 0, len(text), phrases, numbers)
    ]


def test_list_items_after_a_blank_line_keep_the_header_measure(extractor: EnglishExtractor) -> None:
    text = (
        "Over the past night, air defence systems on duty destroyed 23 Ukrainian drones:\n\n"
        "11 UAVs over the territory of Kursk region,\n"
        "8 UAVs over the territory of Voronezh region,\n"
        "4 UAVs over the waters of the Black Sea."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Russian Ministry of Defence")), "RU")
    assert claim.weapons[0].intercepted == 23
    assert set(claim.regions) == {"RU-KRS", "RU-VOR", "SEA-BLACK"}


def test_datelines_without_a_city_or_a_date_are_not_strike_dates() -> None:
    for line in ("June 10 (Harbour Press) - ", "KHARKIV, Ukraine (HP) — ", "ODESA (Harbour Press) - "):
        assert DATELINE.match(line + "A drone hit a house."), line
    assert DATELINE.match("Ukraine (HP) said nothing.") is None


def test_statement_day_and_dateline_do_not_date_the_strike(extractor: EnglishExtractor) -> None:
    text = (
        "June 10 (Harbour Press) - Ukraine's Air Force said on Tuesday that a Russian drone had struck "
        "a warehouse in Chernihiv on Monday."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"


def test_undated_strike_has_no_date(extractor: EnglishExtractor) -> None:
    text = (
        "A Russian glide bomb destroyed a library in Vovchansk, the regional police said, without "
        "specifying when the attack happened."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is None and claim.attacker == "RU"


def test_third_party_with_no_attacker_on_occupied_ground_names_no_side(extractor: EnglishExtractor) -> None:
    text = (
        "The Russian-installed authorities said a Ukrainian drone hit the Kakhovka HPP overnight.\n\n"
        "The International Committee of the Red Cross said its staff saw a damaged transformer at the "
        "plant overnight."
    )
    claims = extractor.extract(_doc(text))
    third = _only(claims, "OTHER")
    assert third.attacker is None and third.target_country is None


def test_city_administration_reporting_damage_places_it_in_the_city(extractor: EnglishExtractor) -> None:
    text = "A school was hit by a Russian drone, the Kupiansk city military administration said."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert [p.name for p in claim.places] and "UA-63" in claim.regions


def test_uncrewed_aerial_vehicles_are_drones() -> None:
    assert _counts("Russia launched 120 one-way attack uncrewed aerial vehicles.") == [
        ("120", 120, "launched", "drone")
    ]


def test_a_verb_governs_a_whole_list_of_weapons() -> None:
    counts = _counts("The enemy used more than 300 drones, about 20 guided bombs and 15 missiles of various types.")
    assert ("15", 15, "launched", "missile") in counts


def test_a_verbless_tally_counts_as_launched() -> None:
    assert _counts('"Some 70 drones and nine missiles.') == [("nine", 9, "launched", "missile")]
    assert _counts("12 drones over Kursk.")[0][2] is None  # a breakdown item, not a tally


def test_explicit_zero_before_a_weapon_phrase() -> None:
    assert ("Not one", 0, "intercepted", "ballistic_missile") in _counts(
        "Not one ballistic missile was intercepted."
    )


def test_generic_missiles_point_back_to_the_named_kind(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight the enemy fired three Kalibr cruise missiles from the Black Sea. None of the drones "
        "was involved. All three missiles hit an industrial site in Khmelnytskyi region."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Ukrainian Air Force")), "UA")
    cruise = next(w for w in claim.weapons if w.category == "cruise_missile")
    assert cruise.launched == 3 and cruise.hit == 3
    assert all(w.category != "missile" for w in claim.weapons)


def test_rivers_and_districts_are_not_towns(extractor: EnglishExtractor) -> None:
    text = (
        "Ukrainian drones hit an oil depot in the Russian city of Yaroslavl on the Volga overnight, the governor "
        "said.\n\nSeparately, Russian shelling damaged a farm in Nikopol district, Ukrainian officials said."
    )
    claims = extractor.extract(_doc(text))
    places = {p.name for c in claims for p in c.places}
    assert "Volga" not in places and "Nikopol" not in places
    assert any("UA-12" in c.regions for c in claims)


def test_people_who_suffered_burns_are_injured() -> None:
    text = "One worker of the depot suffered burns. Two firefighters sustained light injuries."
    found = find_casualties(text, 0, len(text), find_numbers(text, 0, len(text)))
    assert [(c.kind, c.value) for c in found] == [("injured", 1), ("injured", 2)]


def test_power_system_is_energy(extractor: EnglishExtractor) -> None:
    text = "Russia struck Ukraine's power system overnight with drones, Ukrenergo said."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert "energy.power" in claim.targets


def test_n_more_refers_back_to_the_weapon_of_the_sentence() -> None:
    counts = _counts("Air defence shot down nine drones over the city, three more hit a warehouse.")
    assert ("three", 3, "hit", None) in counts


def test_a_definite_target_points_back_to_another_sources_place(extractor: EnglishExtractor) -> None:
    text = (
        "Ukrainian drones set fire to an oil depot in Novorossiysk overnight, the regional operational "
        "headquarters said.\n\nA source in Ukraine's military intelligence said the depot was hit by "
        "long-range drones of the agency."
    )
    ua = _only(extractor.extract(_doc(text)), "UA")
    assert ua.attacker == "UA" and "energy.oil_gas" in ua.targets
    assert [p.name for p in ua.places] and "RU-KDA" in ua.regions


def test_a_talks_word_in_an_appositive_does_not_cancel_the_strike(extractor: EnglishExtractor) -> None:
    text = (
        "Russia's Defence Ministry said Ukraine had attacked Russian energy facilities nine times since "
        "April 2, the day the truce took effect."
    )
    claim = _only(extractor.extract(_doc(text)), "RU")
    assert claim.attacker == "UA" and claim.date is None and "energy" in claim.targets
    talks = "Ukraine proposed a moratorium on attacks on energy facilities, the ministry said."
    assert extractor.extract(_doc(talks)) == []


def test_town_names_starting_with_a_month_are_not_months(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight Ukrainian drones struck a refinery in Syzran, the General Staff said.\n\n"
        "The regional governor said drones had attacked an industrial enterprise in Novokuibyshevsk."
    )
    claims = extractor.extract(_doc(text))
    assert all(c.date is not None for c in claims), [c.key for c in claims]


def test_since_midnight_is_one_day(extractor: EnglishExtractor) -> None:
    text = "The Air Force said Russia had launched 14 drones at Ukraine since midnight."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-11"


def test_possessive_weekday_dates_the_attack_not_the_update(extractor: EnglishExtractor) -> None:
    text = (
        "The death toll from Monday's Russian missile strike on Sumy rose to nine on Wednesday, the "
        "regional administration said."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"
    assert claim.killed == 9


def test_third_party_on_kyiv_district_names_no_attacker(extractor: EnglishExtractor) -> None:
    text = (
        "The UN monitoring mission said a residential building in Kyiv's Obolonskyi district was "
        "destroyed overnight."
    )
    claim = _only(extractor.extract(_doc(text)), "OTHER")
    assert claim.attacker is None and claim.target_country == "UA"
    assert [p.name for p in claim.places] and "UA-30" in claim.regions
    assert not any(e.field == "attacker" for e in claim.evidence)


def test_post_headed_by_its_author(extractor: EnglishExtractor) -> None:
    text = (
        "Kursk region governor Alexander Khinshtein: In Rylsk, a drone hit a private house. "
        "Two people were injured."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Regional News")), "RU")
    assert claim.claimant.name.startswith("Kursk region governor") and claim.injured == 2


def test_a_multi_day_aside_after_a_dated_strike_keeps_the_date(extractor: EnglishExtractor) -> None:
    text = (
        "Russia hit gas facilities in Poltava region overnight with missiles, Naftogaz said, in what it called "
        "the tenth attack on its sites since October."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-11"


def test_quoted_measure_and_all_destroyed() -> None:
    assert ("40", 40, "lost", None) in _counts('Air defence shot down 70 drones, while 40 others were "lost".')
    counts = _counts("Kyiv launched 12 drones at Bryansk region, and all had been destroyed, the ministry said.")
    assert counts[-1][2] == "intercepted" and counts[-1][1] == -1


def test_list_header_verb_beats_the_tally_guess(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight the enemy attacked with 5 Iskander-M ballistic missiles and 40 drones.\n\n"
        "Air defence shot down/suppressed 33 air attack assets:\n"
        "- 30 attack UAVs;\n"
        "- 3 Iskander-M ballistic missiles."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Ukrainian Air Force")), "UA")
    ballistic = next(w for w in claim.weapons if w.category == "ballistic_missile")
    assert ballistic.launched == 5 and ballistic.intercepted == 3


def test_the_previous_evening_counts_back_from_the_statement_day(extractor: EnglishExtractor) -> None:
    # Published Wednesday 11 June; the statement is Tuesday's, the strike the evening before it.
    text = "Russian-installed officials said on Tuesday that a Ukrainian drone had hit a cafe in Kakhovka the previous evening."
    claim = _only(extractor.extract(_doc(text)), "RU")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"


def test_name_and_title_in_apposition_speak(extractor: EnglishExtractor) -> None:
    text = (
        '"They hit a bus stop," Yevgeny Balitsky, the Moscow-installed governor of the region, wrote on '
        "Telegram, adding that a Ukrainian drone had injured two people in Vasylivka overnight."
    )
    claim = _only(extractor.extract(_doc(text)), "RU")
    assert claim.claimant.name.startswith("Yevgeny Balitsky") and claim.attacker == "UA"


def test_a_speakers_next_paragraph_keeps_the_day(extractor: EnglishExtractor) -> None:
    text = (
        "Dnipropetrovsk regional governor Serhiy Lysak said Russian artillery shelled Nikopol on Monday, "
        "injuring one man.\n\n"
        "A drone also hit a gas station in Marhanets, Lysak said."
    )
    claims = extractor.extract(_doc(text))
    assert {str(c.date) for c in claims} == {"2025-06-09"}


def test_a_hedge_in_a_second_statement_does_not_cancel_the_first(extractor: EnglishExtractor) -> None:
    text = (
        "He said Ukrainian drones had destroyed an ammunition depot near Skadovsk on Saturday, and suggested "
        "the fire at the market might have been caused by Russian shells."
    )
    claims = extractor.extract(_doc(text, publisher="Ukrainian Navy"))
    assert any(c.attacker == "UA" and "military" in c.targets for c in claims)


def test_dismissing_a_proposal_is_no_denial_and_four_regions_no_count(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's Foreign Ministry dismissed the proposal as a trap.\n\n"
        "BACKGROUND: Russia claimed four regions in 2022 after votes that Kyiv dismissed as a sham."
    )
    assert extractor.extract(_doc(text)) == []


def test_forces_that_down_drones_are_the_defender(extractor: EnglishExtractor) -> None:
    text = "The Air Force reported that Ukrainian forces downed 40 drones overnight on June 10 to 11."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert (claim.attacker, claim.target_country) == ("RU", "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-11"


def test_acronym_stays_inside_the_speaker_and_possessive_country_before_a_site(extractor: EnglishExtractor) -> None:
    text = (
        "Three drones were shot down near Ukraine's Rivne Nuclear Power Plant early on Tuesday, the "
        "International Atomic Energy Agency (IAEA) team there reported."
    )
    claim = _only(extractor.extract(_doc(text)), "OTHER")
    assert claim.claimant.name.startswith("International Atomic Energy Agency (IAEA)")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-10"


def test_general_staff_strike_on_the_aggressors_sites(extractor: EnglishExtractor) -> None:
    text = (
        "On the night of 9 to 10 June, the Defence Forces of Ukraine struck fuel depots of the aggressor "
        "in Bryansk region. A radar station was also destroyed.\n\n"
        "As a result of the enemy attack, three houses were damaged in Sumy region."
    )
    claims = extractor.extract(_doc(text, publisher="General Staff of the Armed Forces of Ukraine"))
    keys = {(c.attacker, c.target_country) for c in claims}
    assert ("UA", "RU") in keys and ("RU", "UA") in keys
    ours = next(c for c in claims if c.attacker == "UA")
    assert "RU-BRY" in ours.regions and "military" in ours.targets


def test_casualty_updates_and_additional_bombs(extractor: EnglishExtractor) -> None:
    text = (
        "The number of people killed by Russian glide bombs in Zaporizhzhia on the evening of June 9 has risen to "
        "six, governor Ivan Fedorov said on June 10.\n\n"
        "Earlier, authorities had reported four dead and 11 injured. By the evening, the number of "
        "injured had risen to 15, Fedorov said.\n\n"
        "According to the governor, Russian aircraft dropped three KAB bombs on the city and two more guided "
        "bombs on Stepnohirsk."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"
    assert (claim.killed, claim.injured) == (6, 15)
    bombs = next(w for w in claim.weapons if w.category == "guided_bomb")
    assert bombs.launched == 5


def test_a_parenthetical_said_keeps_the_date_with_the_strike(extractor: EnglishExtractor) -> None:
    text = "On Monday, it said, a Ukrainian drone attack on a gas station in Kursk region caused a fire."
    claim = _only(extractor.extract(_doc(text, publisher="Russian Ministry of Defence")), "RU")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"


def test_a_lead_dated_by_its_statement_joins_the_dated_account(extractor: EnglishExtractor) -> None:
    text = (
        "Moscow (Harbour Press) - Russian-installed officials in Horlivka accused Kyiv on Tuesday of killing a "
        "civilian in a drone strike on a bus.\n\n"
        "The Moscow-appointed mayor of the city, Ivan Petrov, said a Ukrainian drone had struck the bus on "
        "Monday evening.\n\n"
        "A spokesman for Ukraine's southern forces, which operate in the area, dismissed the claim."
    )
    claims = extractor.extract(_doc(text))
    ru = _only(claims, "RU")
    assert ru.date is not None and ru.date.isoformat() == "2025-06-09"
    assert "Petrov" in ru.claimant.name and "RU-MOW" not in ru.regions
    ua = _only(claims, "UA")
    assert ua.stance == "denied" and ua.date == ru.date
    assert ua.claimant.name.startswith("spokesman for Ukraine's southern forces")


def test_a_casualty_update_keeps_the_strike_day_and_models_add_up(extractor: EnglishExtractor) -> None:
    text = (
        "The missile hit a hotel in Chernihiv on Monday evening, regional Gov. Viacheslav Chaus said.\n\n"
        "By Tuesday afternoon, the toll had climbed to seven killed and 20 injured, Chernihiv regional Gov. "
        "Viacheslav Chaus said.\n\n"
        "According to the Air Force, Russia launched 10 Kh-101 cruise missiles from Saratov Oblast; "
        "six Kalibr cruise missiles from the Black Sea; and 40 drones. Ukrainian forces downed eight of the "
        "cruise missiles and 30 of the drones."
    )
    claims = extractor.extract(_doc(text))
    claim = _only(claims, "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-09"
    assert (claim.killed, claim.injured) == (7, 20)
    cruise = next(w for w in claim.weapons if w.category == "cruise_missile")
    assert (cruise.launched, cruise.intercepted) == (16, 8)
    assert all(c.attacker == "RU" for c in claims)


def test_a_roundup_lead_frames_the_day_of_its_sections(extractor: EnglishExtractor) -> None:
    text = (
        "Russian attacks killed and injured civilians in three oblasts over the past day, regional authorities "
        "reported on June 11.\n\n"
        "Overnight, Russia launched 40 drones, the Air Force said.\n\n"
        "Kherson Oblast\n\n"
        "Two people were injured in Kherson as a result of Russian artillery fire, Governor Oleksandr Prokudin said."
    )
    claims = extractor.extract(_doc(text))
    assert {str(c.date) for c in claims} == {"2025-06-10", "2025-06-11"}
    governor = next(c for c in claims if str(c.date) == "2025-06-10")
    assert (governor.attacker, governor.injured) == ("RU", 2)


def test_strikes_as_a_pattern_are_an_undated_claim_of_the_outlet(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight, Russia launched 50 drones at Ukraine, the Air Force said.\n\n"
        "Since the summer, Russia has repeatedly struck gas production sites in Poltava region.\n\n"
        "Ukraine kept exporting grain despite repeated attacks on its ports."
    )
    claims = extractor.extract(_doc(text, publisher="Harbour Street Press"))
    outlet = _only(claims, "OTHER")
    assert outlet.date is None and outlet.attacker == "RU" and "energy.oil_gas" in outlet.targets
    assert outlet.claimant.name == "Harbour Street Press"
    assert all("transport.port" not in c.targets for c in claims)


def test_near_a_capital_is_the_region_around_it(extractor: EnglishExtractor) -> None:
    text = "A Russian drone hit a warehouse near Kyiv overnight, and a depot near Toropets burned, officials said."
    claims = extractor.extract(_doc(text))
    regions = {r for c in claims for r in c.regions}
    assert "UA-32" in regions and "UA-30" not in regions


def test_hours_after_clause_joins_the_dated_account(extractor: EnglishExtractor) -> None:
    text = (
        "Ukrainian drones attacked a refinery in Russia's Krasnodar region overnight, Russian officials said, "
        "hours after Russian glide bombs killed two people in Kharkiv.\n\n"
        "In Kharkiv, Russian aircraft dropped three guided bombs on the city on Tuesday evening, Governor "
        "Oleh Syniehubov said."
    )
    claims = extractor.extract(_doc(text))
    ua = _only(claims, "UA")
    assert ua.date is not None and ua.date.isoformat() == "2025-06-10" and ua.killed == 2


def test_a_governor_post_adds_up_casualties_place_by_place(extractor: EnglishExtractor) -> None:
    text = (
        "Graivoron district. In the town of Graivoron, a drone struck a car. A man died at the scene. "
        "Another man suffered shrapnel wounds.\n\n"
        "Shebekino district. In the village of Novaya Tavolzhanka, a drone hit a garage. Two women were injured.\n\n"
        "Valuyki district. In Valuyki, a drone attacked a substation. There were no casualties."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Governor of Belgorod Region")), "RU")
    assert (claim.killed, claim.injured) == (1, 3)
    assert {"Grayvoron", "Valuyki"} <= {p.name for p in claim.places}


def test_a_countrywide_total_is_not_added_to_its_parts(extractor: EnglishExtractor) -> None:
    text = (
        "A Russian attack on Ukraine overnight killed four people, three of them in the city of Lviv, officials "
        "said.\n\nIn Zaporizhzhia, one person was killed, the governor said."
    )
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.killed == 4


def test_footnote_marks_end_sentences_and_markup_background_is_the_outlets(extractor: EnglishExtractor) -> None:
    text = (
        "The General Staff reported that Ukrainian forces struck an oil depot in Bryansk Oblast.[4] Bryansk "
        "Oblast Governor Alexander Bogomaz claimed that Russian forces destroyed 19 drones over the oblast.[5]\n\n"
        "<p><strong>Background:</strong> On 13 April, two Russian ballistic missiles hit the centre of Sumy.</p>"
    )
    claims = extractor.extract(_doc(text, publisher="Ukrainian Chronicle"))
    ru = _only(claims, "RU")
    assert ru.weapons[0].intercepted == 19 and ru.claimant.name.startswith("Bryansk Oblast Governor")
    outlet = _only(claims, "OTHER")
    assert outlet.date is not None and outlet.date.isoformat() == "2025-04-13"


def test_a_colon_list_after_the_verb_and_since_the_invasion(extractor: EnglishExtractor) -> None:
    counts = _counts("Air defence shot down 40 air targets over the north: one of the cruise missiles and 39 Shaheds.")
    assert ("one", 1, "intercepted", "cruise_missile") in counts and ("39", 39, "intercepted", "drone") in counts
    text = (
        "Tonight Russia attacked our thermal power plant again. One of our workers at the plant was injured.\n\n"
        "Since the start of the full-scale invasion, our plants have come under Russian attack more than 100 "
        "times. Three of our colleagues have been killed."
    )
    claims = extractor.extract(_doc(text, publisher="DTEK"))
    dated = [c for c in claims if c.date is not None]
    undated = [c for c in claims if c.date is None]
    assert dated and dated[0].injured == 1
    assert undated and undated[0].killed == 3


def test_an_attribution_after_the_figures_claims_them(extractor: EnglishExtractor) -> None:
    text = (
        "<p>In May, the Russian army launched 1,500 Shahed-type drones against Ukraine.</p>\n"
        "<p>This was stated by Air Force spokesman Yurii Ihnat during a telethon.</p>"
    )
    claim = _only(extractor.extract(_doc(text, publisher="News Portal")), "UA")
    assert claim.date is None and claim.weapons[0].launched == 1500


def test_declining_to_comment_is_no_claim_and_a_citys_district(extractor: EnglishExtractor) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov declined to comment on the overnight attack on Kyiv.\n\n"
        "On Tuesday evening Russian aircraft dropped two guided bombs on Kharkiv's Industrialnyi district, "
        "regional governor Oleh Syniehubov said."
    )
    claims = extractor.extract(_doc(text))
    assert [c.claimant.party for c in claims] == ["UA"]
    assert [p.name for p in claims[0].places] == ["Kharkiv"] and claims[0].regions == ("UA-63",)


def test_people_treated_for_injuries_and_an_interceptor_is_no_attacker(extractor: EnglishExtractor) -> None:
    text = (
        "A Russian missile hit Dnipro on Tuesday. By evening 30 people were being treated for their injuries, "
        "governor Serhiy Lysak said.\n\n"
        "Russia's Defence Ministry denied hitting the block. It said the block had been struck by a Ukrainian "
        "anti-aircraft missile, and called Kyiv's statements a provocation."
    )
    claims = extractor.extract(_doc(text))
    assert _only(claims, "UA").injured == 30
    assert all(c.attacker != "UA" for c in claims)


def test_a_third_party_blames_once_for_all_its_claims(extractor: EnglishExtractor) -> None:
    text = (
        "At least 100 civilians were killed in Kharkiv and Odesa regions in May, the UN Human Rights Monitoring "
        "Mission said today.\n\n"
        "Nearly all of the casualties were caused by attacks of the Russian armed forces.\n\n"
        "Among the incidents the Mission verified, the deadliest occurred on 21 May, when a guided bomb struck a "
        "market in Kostiantynivka, killing four civilians."
    )
    claims = extractor.extract(_doc(text, publisher="UN Human Rights Monitoring Mission in Ukraine"))
    assert {c.claimant.party for c in claims} == {"OTHER"}
    assert all((c.attacker, c.target_country) == ("RU", "UA") for c in claims)
    assert {str(c.date) for c in claims} == {"None", "2025-05-21"}


def test_markup_and_entities_do_not_split_dates_or_quotes(extractor: EnglishExtractor) -> None:
    text = (
        "<p><strong>On the night of June 9&ndash;10, Russian troops attacked Kremenchuk with drones.</strong></p>\n"
        "<p>Meanwhile, the Russian army yesterday shelled Ochakiv, the head of the Mykolaiv Regional Military "
        "Administration, Vitaliy Kim, said.</p>\n"
        "<p>&laquo;A 71-year-old woman was injured,&raquo; Kim wrote.</p>"
    )
    claims = extractor.extract(_doc(text))
    by_day = {str(c.date): c for c in claims}
    assert set(by_day) == {"2025-06-10"}
    assert by_day["2025-06-10"].injured == 1
    for claim in claims:
        for ev in claim.evidence:
            assert text[ev.start : ev.end].strip()


def test_sibling_figures_add_up_and_shares_do_not(extractor: EnglishExtractor) -> None:
    text = "Russia's Ministry of Defence reported that 20 drones had been destroyed over Crimea and 5 over the Black Sea."
    assert _only(extractor.extract(_doc(text)), "RU").weapons[0].intercepted == 25
    text = "Air defence destroyed 60 Ukrainian UAVs, of which 30 over the territory of Moscow Region, the ministry said."
    assert _only(extractor.extract(_doc(text)), "RU").weapons[0].intercepted == 60


def test_has_reported_and_drones_of_the_defence_forces(extractor: EnglishExtractor) -> None:
    text = (
        "The Defence Forces of Ukraine struck an airfield in Crimea overnight, the General Staff of the Armed "
        "Forces of Ukraine has reported.\n\n"
        'Quote from the General Staff: "Long-range drones of the Defence Forces hit the Belbek airfield."'
    )
    claims = extractor.extract(_doc(text, publisher="Kyiv Herald"))
    assert [(c.claimant.party, c.attacker) for c in claims] == [("UA", "UA")]


def test_a_mayors_own_channel_places_the_city_and_boroughs_are_no_towns(extractor: EnglishExtractor) -> None:
    text = (
        "At 02:40 the occupiers struck the city with guided aerial bombs. A kindergarten was damaged in "
        "Shevchenkivskyi district. Nine people were injured."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Mayor of Kharkiv (Telegram)")), "UA")
    assert [p.name for p in claim.places] == ["Kharkiv"] and claim.regions == ("UA-63",)


def test_far_from_the_front_is_no_launch_site(extractor: EnglishExtractor) -> None:
    text = (
        "Missiles launched against cities far from the front line killed civilians in Kharkiv and Odesa in May, "
        "the UN monitoring mission said."
    )
    claim = _only(extractor.extract(_doc(text)), "OTHER")
    assert {p.name for p in claim.places} == {"Kharkiv", "Odesa"}


def test_neither_was_intercepted_is_an_explicit_zero(extractor: EnglishExtractor) -> None:
    text = "Russia fired two Iskander-M ballistic missiles at Sumy overnight. Neither was intercepted, the Air Force said."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert (claim.weapons[0].launched, claim.weapons[0].intercepted) == (2, 0)


def test_a_community_by_community_bulletin_adds_its_lines(extractor: EnglishExtractor) -> None:
    text = (
        "Yesterday the Russians carried out 40 attacks on settlements of the region.\n\n"
        "Bilopillia community: an air strike with 3 KABs. A 66-year-old woman was injured.\n"
        "Krasnopillia community: artillery shelling.\n"
        "Khotin community: an air strike with 2 KABs. A man was injured."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Sumy Regional Military Administration")), "UA")
    bombs = next(w for w in claim.weapons if w.category == "guided_bomb")
    assert bombs.launched == 5 and claim.injured == 2


def test_a_date_range_is_a_multi_day_figure_but_a_night_is_not(extractor: EnglishExtractor) -> None:
    text = "According to Gladkov, between June 1 and June 7 Ukrainian forces launched 300 drones at Belgorod region."
    assert _only(extractor.extract(_doc(text)), "RU").date is None
    text = "On the night from 9 to 10 June, Russia launched 40 drones, the Air Force said."
    claim = _only(extractor.extract(_doc(text)), "UA")
    assert claim.date is not None and claim.date.isoformat() == "2025-06-10"


def test_a_region_named_next_to_a_village_picks_it_and_axes_are_no_places(extractor: EnglishExtractor) -> None:
    text = (
        "A Russian guided bomb struck a market in Kostiantynivka, Donetsk region, killing two civilians, officials said. "
        "Russian troops also launched 40 assaults in the Pokrovsk and Kramatorsk directions."
    )
    claims = extractor.extract(_doc(text))
    places = {p.name for c in claims for p in c.places}
    assert any(name.startswith("Kost") for name in places)
    assert not places & {"Pokrovsk", "Kramatorsk"}


def test_standfirst_and_byline_are_no_claims_and_a_target_unit_is_no_attacker(extractor: EnglishExtractor) -> None:
    text = (
        "Russian missile hits college in Sumy\n\n"
        "Three killed in north-eastern city, as Moscow says it targeted a gathering of officers\n\n"
        "Our correspondent in Kyiv\n\n"
        "A Russian ballistic missile hit a college in Sumy on Tuesday, killing three people, officials said.\n\n"
        "In Moscow, the defence ministry gave a different account. In its daily briefing it said its forces had "
        "struck a deployment point of units of the Ukrainian armed forces in Sumy.\n\n"
        "Zelenskyy renewed his appeal to allies to lift restrictions on long-range weapons against airfields "
        "inside Russia."
    )
    claims = extractor.extract(_doc(text))
    assert sorted((c.claimant.party, c.attacker) for c in claims) == [("RU", "RU"), ("UA", "RU")]


def test_could_not_be_intercepted_and_a_forces_group_is_no_place(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight Russia launched one Iskander-M ballistic missile and 20 drones. The Iskander-M could not be "
        "intercepted, the Air Force said.\n\n"
        "A spokesman for the Khortytsia group of forces said drones were shot down over the front."
    )
    claims = extractor.extract(_doc(text))
    ua = [c for c in claims if c.claimant.party == "UA" and c.date is not None]
    ballistic = next(w for c in ua for w in c.weapons if w.category == "ballistic_missile")
    assert ballistic.intercepted == 0
    assert all(p.name != "Khortytsia" for c in claims for p in c.places)


def test_an_inline_colon_list_without_a_total_adds_up(extractor: EnglishExtractor) -> None:
    text = (
        '"Over the past night, air defence assets intercepted and destroyed Ukrainian fixed-wing unmanned aerial '
        'vehicles: nine over the Bryansk Region, 11 over the Kursk Region and one over the Sea of Azov," the '
        "ministry said.\n\n"
        "The governor said debris from a drone brought down over the city of Oryol fell on a warehouse."
    )
    claim = _only(extractor.extract(_doc(text, publisher="Russian Ministry of Defence")), "RU")
    assert claim.weapons[0].intercepted == 21
    assert {p.region for p in claim.places} == {"RU-ORL"}
