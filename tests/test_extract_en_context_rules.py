"""English rules that read a clause in the light of the rest of the report (the headline's
city, a "Source:" line, the regions already named, a source's earlier account, the day a
statement was made), each on a small hand-written report (invented sentences, not taken
from any evaluation set)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.en import EXTRACTOR_NAME, EnglishExtractor
from ceasewatch.extract.en.attribution import find_speakers
from ceasewatch.extract.en.counts import find_casualties
from ceasewatch.extract.en.numbers import find_numbers
from ceasewatch.model import Claim, Document

FRIDAY = datetime.fromisoformat("2025-06-13T16:00:00+03:00")


@pytest.fixture(scope="module")
def extractor() -> EnglishExtractor:
    return get_extractor(EXTRACTOR_NAME)


def _doc(text: str, publisher: str = "Harbour Street Press", published: datetime = FRIDAY) -> Document:
    return Document.create(text, publisher=publisher, published=published, language="en")


def _by(claims: list[Claim], party: str) -> list[Claim]:
    return [c for c in claims if c.claimant.party == party]


def test_a_dated_lead_about_a_missile_dates_the_accounts_that_follow(extractor: EnglishExtractor) -> None:
    text = (
        "Rocket attack on Poltava school\n\n"
        "The missile arrived shortly before noon on Wednesday, as pupils were sitting exams.\n\n"
        "Ukraine's air force said Russia fired one Iskander-M missile at the city. It was not intercepted."
    )
    [claim] = extractor.extract(_doc(text))
    assert claim.date == date(2025, 6, 11)  # Wednesday, not the Friday of publication
    assert [p.name for p in claim.places] == ["Poltava"]  # "the city" is the headline's city


def test_a_claim_dated_only_by_its_statement_takes_the_reports_first_dated_strike(
        extractor: EnglishExtractor) -> None:
    text = (
        "A drone hit a supermarket in Sumy on Wednesday evening, regional governor Oleh Hryhorov said.\n\n"
        "Russia's defence ministry said on Friday that its forces had struck a command post in Sumy."
    )
    ru = _by(extractor.extract(_doc(text)), "RU")
    assert [c.date for c in ru] == [date(2025, 6, 11)]


def test_a_toll_without_death_and_a_raised_number_are_casualty_updates() -> None:
    for text, expected in {
        "The mayor said the toll had risen to seven.": ("killed", 7),
        "On Friday he raised the number of injured to 24.": ("injured", 24),
    }.items():
        found = find_casualties(text, 0, len(text), find_numbers(text, 0, len(text)))
        assert [(c.kind, c.value) for c in found] == [expected], text


def test_an_adverb_before_the_verb_is_not_part_of_the_speaker_and_a_region_stem_names_the_side(
        extractor: EnglishExtractor) -> None:
    text = "Voronezh Governor Alexander Gusev initially said that 12 drones were destroyed over the region."
    assert [s.phrase for s in find_speakers(text, 0, len(text))] == ["Voronezh Governor Alexander Gusev"]
    [claim] = extractor.extract(_doc(text))
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("RU", "UA", "RU")


def test_an_infinitive_before_a_noun_reports_is_no_speaker() -> None:
    text = "The mission continued to receive reports of shelling near the plant."
    assert find_speakers(text, 0, len(text)) == []


def test_a_source_quoted_again_keeps_the_direction_of_its_own_account(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's General Staff said its drones had hit the Millerovo airfield overnight.\n\n"
        '"Explosions were recorded at an ammunition depot nearby," the General Staff said.'
    )
    ua = _by(extractor.extract(_doc(text)), "UA")
    assert {(c.attacker, c.target_country) for c in ua} == {("UA", "RU")}


def test_overnight_in_a_dated_statement_is_the_night_before_that_statement(extractor: EnglishExtractor) -> None:
    text = "Russia's defence ministry said on Thursday morning that air defences had destroyed 41 drones overnight."
    [claim] = extractor.extract(_doc(text))
    assert claim.date == date(2025, 6, 12)  # the night to Thursday, not the night to Friday


def test_an_agency_that_is_not_a_news_agency_speaks_as_a_third_party(extractor: EnglishExtractor) -> None:
    text = "A drone struck the roof of a training building near the Rivne plant overnight."
    claims = extractor.extract(_doc(text, publisher="International Atomic Energy Agency"))
    assert [c.claimant.party for c in claims] == ["OTHER"]
    claims = extractor.extract(_doc(text, publisher="Northline News Agency"))
    assert [c.claimant.party for c in claims] == ["UA"]  # an outlet: the struck side's account


def test_a_town_named_as_where_something_is_is_not_a_launch_site(extractor: EnglishExtractor) -> None:
    text = ("Smoke rose in the direction of the substation, which lies in the nearby town of Vatutine, "
            "after a drone hit it overnight, Ukrenergo said.")
    [claim] = extractor.extract(_doc(text))
    assert [p.name for p in claim.places] == ["Vatutine"]


def test_a_strike_word_that_is_negated_makes_no_claim(extractor: EnglishExtractor) -> None:
    text = "No damage to the dam in Nova Kakhovka was reported on Thursday, the mission said."
    assert extractor.extract(_doc(text, publisher="UN News")) == []


def test_a_source_line_attributes_the_lead_and_the_paragraphs_after_it(extractor: EnglishExtractor) -> None:
    text = (
        "The Defence Forces struck an oil depot in Russia's Bryansk Oblast overnight.\n\n"
        "Source: General Staff of the Armed Forces of Ukraine\n\n"
        'Quote: "A fire broke out at the depot. The results are being clarified."'
    )
    claims = extractor.extract(_doc(text, publisher="Kyiv Daily Monitor"))
    assert [(c.claimant.party, c.claimant.name, c.attacker) for c in claims] == [
        ("UA", "Ukrainian General Staff", "UA")]


def test_a_same_named_village_resolves_to_the_region_the_report_named(extractor: EnglishExtractor) -> None:
    text = (
        "Russian guided bombs hit Zaporizhzhia on Thursday, the regional governor said.\n\n"
        "The Russian-installed authorities said Ukrainian rockets had struck a depot in Vasylivka on Thursday."
    )
    ru = _by(extractor.extract(_doc(text)), "RU")
    assert [(p.name, p.region) for c in ru for p in c.places] == [("Vasylivka", "UA-23")]


def test_destinations_and_approaches_are_not_where_strikes_landed(extractor: EnglishExtractor) -> None:
    text = ("A Russian drone hit a bus to Kharkiv in Balakliia on Thursday, and two more were shot down "
            "on the approach to Izium, the governor said.")
    claims = extractor.extract(_doc(text))
    assert sorted(p.name for c in claims for p in c.places) == ["Balakliia"]


def test_installed_by_moscow_is_no_place(extractor: EnglishExtractor) -> None:
    text = ("Hours later, officials installed by Moscow in the occupied part of the region accused Kyiv of "
            "hitting a market in Nova Kakhovka on Thursday.")
    claims = extractor.extract(_doc(text))
    assert claims and all("RU-MOW" not in c.regions for c in claims)


def test_air_defence_systems_are_neither_weapons_launched_nor_places(extractor: EnglishExtractor) -> None:
    text = ("Russia's defence ministry said on Thursday that five ATACMS missiles were destroyed by S-400 "
            "and Pantsir air defence systems over the Kursk region.")
    [claim] = extractor.extract(_doc(text))
    assert [w.model for w in claim.weapons] == ["ATACMS"]
    assert claim.places == () and claim.regions == ("RU-KRS",)


def test_a_city_that_only_locates_another_is_not_a_place(extractor: EnglishExtractor) -> None:
    text = "Russian drones hit a warehouse in Brovary, about 20 km north-east of Kyiv, on Thursday, officials said."
    claims = extractor.extract(_doc(text))
    assert [p.name for c in claims for p in c.places] == ["Brovary"]


def test_reports_of_nothing_make_no_claim(extractor: EnglishExtractor) -> None:
    for text in ("Kherson and Bilozerka were not shelled on Thursday, the governor said.",
                 "The mayor of Sumy did not report any attacks on the city on Thursday."):
        assert extractor.extract(_doc(text)) == [], text


def test_the_hospital_the_wounded_were_taken_to_is_neither_target_nor_place(extractor: EnglishExtractor) -> None:
    text = ("On Thursday a Russian drone hit a house in Kutsurub, the governor said. A man was wounded and "
            "taken to hospital in Mykolaiv.")
    [claim] = extractor.extract(_doc(text))
    assert [p.name for p in claim.places] == ["Kutsurub"]
    assert "civilian.medical" not in claim.targets


def test_overnight_after_a_daytime_attack_is_the_night_before_publication(extractor: EnglishExtractor) -> None:
    text = (
        "Yesterday, 12 June, at about 15:00, the occupiers shelled Nikopol; a house was damaged.\n\n"
        "During the night the enemy attacked the region with five Shahed drones, the governor said."
    )
    days = sorted({c.date for c in extractor.extract(_doc(text))})
    assert days == [date(2025, 6, 12), date(2025, 6, 13)]


def test_the_official_ukrainian_iia_ending_meets_the_other_spellings() -> None:
    from ceasewatch.geocode.normalize import skeleton

    assert skeleton("Balakliia") == skeleton("Balakliya")
    assert skeleton("Oleksandriia") == skeleton("Oleksandriya")


def test_one_extractor_gives_the_same_claims_from_many_threads(extractor: EnglishExtractor) -> None:
    """The API and batch runners share one extractor instance; its scratch values must not leak
    between documents read at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "Ukraine's General Staff said its drones had hit the Millerovo airfield overnight.",
        "Russia's defence ministry said on Thursday morning that air defences had destroyed 41 drones overnight.",
        "A drone hit a supermarket in Sumy on Wednesday evening, regional governor Oleh Hryhorov said.",
        "Kherson and Bilozerka were not shelled on Thursday, the governor said.",
    ] * 25
    docs = [_doc(t) for t in texts]
    before = dict(vars(extractor))
    alone = [extractor.extract(d) for d in docs]
    assert vars(extractor) == before  # reading leaves the shared instance untouched
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(extractor.extract, docs))
    assert together == alone


def test_a_source_that_informed_the_speaker_is_the_claimant(extractor: EnglishExtractor) -> None:
    text = ("The IAEA has been informed by the Novovoronezh Nuclear Power Plant that a drone was shot down near the "
            "site on Thursday, Director General Rafael Grossi said.")
    [claim] = extractor.extract(_doc(text, publisher="IAEA"))
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("RU", "UA", "RU")


def test_air_raid_alerts_are_no_strike(extractor: EnglishExtractor) -> None:
    text = "The teams at the Rivne and Khmelnytskyi plants reported hearing air raid alarms on Thursday."
    assert extractor.extract(_doc(text, publisher="IAEA")) == []


def test_a_governor_named_by_title_speaks_for_the_ground_the_clause_is_about(extractor: EnglishExtractor) -> None:
    text = ("Debris from a Ukrainian drone set fire to a warehouse in Russia's Kursk region early Thursday, "
            "the regional governor said.")
    [claim] = extractor.extract(_doc(text, publisher="AP"))
    assert (claim.claimant.party, claim.regions) == ("RU", ("RU-KRS",))


def test_a_speakers_surname_that_is_a_town_is_no_place(extractor: EnglishExtractor) -> None:
    text = "On Thursday a drone was shot down near Rossosh, Gusev said."
    [claim] = extractor.extract(_doc(text, publisher="Voronezh region governor"))
    assert [p.region for p in claim.places] == ["RU-VOR"] and "RU-KGD" not in claim.regions  # Rossosh


def test_a_ground_incursion_is_no_strike_location(extractor: EnglishExtractor) -> None:
    text = ("The strikes came three weeks after Ukrainian forces crossed into Russia's Kursk region.")
    claims = extractor.extract(_doc(text, publisher="Harbour Street Press"))
    assert all("RU-KRS" not in c.regions for c in claims)


def test_a_model_only_one_side_fires_names_the_attacker(extractor: EnglishExtractor) -> None:
    text = ("A source in the security services said eight Lyutyi drones had reached the refinery in Ryazan "
            "on Thursday.")
    [claim] = extractor.extract(_doc(text))
    assert (claim.attacker, claim.target_country) == ("UA", "RU")
    assert [(w.model, w.hit) for w in claim.weapons] == [("Lyutyi", 8)]


def test_the_struck_side_disputing_what_was_hit_is_no_denial(extractor: EnglishExtractor) -> None:
    text = (
        "Russian drones hit an apartment block in Kharkiv on Thursday, Mayor Ihor Terekhov said.\n\n"
        "Russia's defence ministry said its forces had struck a drone workshop in Kharkiv.\n\n"
        "Terekhov rejected the claim. \"Families live in this building,\" he said."
    )
    stances = {(c.claimant.party, c.stance) for c in extractor.extract(_doc(text))}
    assert ("UA", "denied") not in stances


def test_the_region_is_the_one_the_report_named(extractor: EnglishExtractor) -> None:
    text = ("Ballistic missile strike on Kropyvnytskyi\n\n"
            "Ukraine's air force said Russia fired two Iskander-M missiles at the region on Thursday.")
    [claim] = extractor.extract(_doc(text))
    assert claim.regions == ("UA-35",)


def test_villages_that_came_under_fire_are_places(extractor: EnglishExtractor) -> None:
    text = ("Over the past day, Russian troops shelled Kherson region. Residential quarters of Beryslav and "
            "Antonivka came under fire.")
    claims = extractor.extract(_doc(text, publisher="Kherson Regional Military Administration"))
    assert sorted(p.name for c in claims for p in c.places) == ["Antonivka", "Beryslav"]


def test_a_facility_named_after_another_town_and_a_reservoir_are_no_places(extractor: EnglishExtractor) -> None:
    text = ("Ukrainian drones struck the Tambov gunpowder plant in the town of Kotovsk on Thursday, and Russian "
            "shells hit Nikopol, on the bank of the Kakhovka reservoir, the General Staff said.")
    places = sorted(p.name for c in extractor.extract(_doc(text)) for p in c.places)
    assert "Tambov" not in places and "Kakhovka" not in places
    assert "Kotovsk" in places and "Nikopol" in places


def test_nested_sources_datelines_and_asides(extractor: EnglishExtractor) -> None:
    text = ("VIENNA - The International Atomic Energy Agency said on Friday it had been informed by Rosatom that a "
            "drone had fallen near the Kursk nuclear power plant overnight.")
    [claim] = extractor.extract(_doc(text, publisher="Vienna Briefing"))
    assert claim.claimant.name == "Rosatom" and claim.claimant.party == "RU"
    text = ("Russia's Defence Ministry, in its weekly summary, said its air defences had shot down 300 drones over "
            "the week.")
    [claim] = extractor.extract(_doc(text))
    assert (claim.claimant.party, claim.attacker, claim.date) == ("RU", "UA", None)


def test_a_spokesman_of_the_institution_just_named_keeps_its_side(extractor: EnglishExtractor) -> None:
    text = ("Russia said Ukrainian drones hit the Novovoronezh plant on Thursday. Ukraine's Foreign Ministry "
            'rejected the account. "Ukraine did not attack the plant," ministry spokesman Heorhii Tykhyi said.')
    sides = {(c.claimant.party, c.stance) for c in extractor.extract(_doc(text))}
    assert ("UA", "denied") in sides and ("RU", "denied") not in sides


def test_what_a_side_did_in_the_past_is_background(extractor: EnglishExtractor) -> None:
    text = "Russia has in the past accused Ukraine of attacking the Kursk plant, allegations Kyiv denies."
    assert extractor.extract(_doc(text)) == []


def test_a_date_after_reported_on_the_morning_of_is_the_statements(extractor: EnglishExtractor) -> None:
    text = ("Russian forces attacked 12 settlements in Sumy Oblast on June 11, the regional military administration "
            "reported on the morning of June 12.")
    [claim] = extractor.extract(_doc(text))
    assert claim.date == date(2025, 6, 11)


def test_a_comment_on_the_event_and_an_anonymous_source(extractor: EnglishExtractor) -> None:
    text = ("Ukraine's General Staff says its forces struck the Morozovsk airfield in Russia's Rostov region on the "
            "night of June 11 to 12, in what would be the fourth attack on the base since the invasion.\n\n"
            "A source in the Security Service of Ukraine, speaking on condition of anonymity, told Harbour Street "
            "Press that three aircraft shelters were hit.")
    claims = extractor.extract(_doc(text))
    assert {(c.claimant.party, c.attacker, c.target_country, c.date) for c in claims} == {
        ("UA", "UA", "RU", date(2025, 6, 12))}
    assert "Harbour Street Press" not in {c.claimant.name for c in claims}


def test_a_toll_update_belongs_to_the_strike_just_told(extractor: EnglishExtractor) -> None:
    text = ("The governor said on Wednesday night that Russia had struck Sloviansk with two Iskander-M missiles, "
            "killing three people. By Thursday afternoon the toll had risen to five dead.")
    [claim] = extractor.extract(_doc(text))
    assert claim.killed == 5 and claim.date != date(2025, 6, 12)


def test_a_think_tank_publisher_speaks_as_a_third_party_and_the_capitals_pair_is_no_place(
        extractor: EnglishExtractor) -> None:
    text = "Russian forces conducted a drone strike against Odesa on the night of June 11 to 12."
    [claim] = extractor.extract(_doc(text, publisher="Conflict Assessment Institute (daily update)"))
    assert claim.claimant.party == "OTHER"
    text = "Kyiv and Moscow have exchanged heavy long-range strikes in recent weeks."
    assert all(not c.places for c in extractor.extract(_doc(text)))


def test_an_outlet_quoted_in_a_story_is_a_third_party_but_a_press_service_is_not(
        extractor: EnglishExtractor) -> None:
    text = ("Drone debris fell on an oil terminal in Novorossiysk overnight, the regional headquarters said. "
            "The Telegram channel Astra reported that three workers were injured.")
    parties = {c.claimant.party for c in extractor.extract(_doc(text))}
    assert "OTHER" in parties
    text = "The ministry's press service said 12 Ukrainian drones were destroyed over the Kursk region overnight."
    [claim] = extractor.extract(_doc(text, publisher="Russian Ministry of Defence"))
    assert claim.claimant.party == "RU"


def test_a_denial_of_past_accusations_is_background(extractor: EnglishExtractor) -> None:
    text = ("Russia said Ukrainian drones hit the Novovoronezh plant on Thursday.\n\n"
            "Russia has in the past accused Ukraine of attacking the Kursk and Zaporizhzhia plants, allegations "
            "Kyiv denies.")
    claims = extractor.extract(_doc(text))
    assert all("Kursk" not in {p.name for p in c.places} for c in claims)


def test_a_strike_on_a_power_line_is_read_but_not_the_outage_after_it(extractor: EnglishExtractor) -> None:
    text = ("The governor said the Ukrainian army had attacked a power line near Glushkovo with a drone on Thursday, "
            "leaving Tetkino and Popovo-Lezhachi without electricity.")
    [claim] = extractor.extract(_doc(text))
    assert "energy.power" in claim.targets
    assert [p.name for p in claim.places] == ["Glushkovo"]
