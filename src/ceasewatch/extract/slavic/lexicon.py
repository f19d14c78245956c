"""Lemma lexicons of the Ukrainian and Russian strike-report vocabulary.

Everything is keyed by pymorphy3 lemma (or lower-cased surface form for
abbreviations and Latin model names), so one entry covers every case form.
The two languages share one `Lexicon` shape; `uk.py` and
`ru.py` fill it. Party conventions live here too: for a Ukrainian
source "противник/ворог" is Russia, for the Russian MoD "противник", "ВСУ",
"киевский режим" are Ukraine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["WeaponTerm", "Lexicon"]


@dataclass(frozen=True)
class WeaponTerm:
    category: str  # one of model.WEAPON_CATEGORIES, or "total" for "засобів повітряного нападу"
    model: str | None = None


@dataclass(frozen=True)
class Lexicon:
    lang: str
    # weapon heads: lemma or lower surface -> term
    weapons: dict[str, WeaponTerm]
    # modifiers that refine a missile: lemma -> category
    missile_modifiers: dict[str, str]
    # adjectives that make a weapon of the following head ("ракетний удар")
    weapon_adjectives: dict[str, WeaponTerm]
    # count triggers: lemma -> measure
    measures: dict[str, str]
    # words that make the following number vague ("понад 20")
    vague: frozenset[str]
    # words after a number that say it counts something else
    not_weapon_units: frozenset[str]
    # target nouns (lemma) -> code; adjective+noun pairs checked first
    target_pairs: dict[tuple[str, str], str]
    targets: dict[str, str]
    target_adjectives: dict[str, str]
    # words that say damage or a strike happened in the sentence
    damage_cues: frozenset[str]
    # sentences with these lemmas talk about aid, not damage ("доставили в больницу")
    aid_cues: frozenset[str]
    killed: frozenset[str]
    injured: frozenset[str]
    no_casualties: frozenset[str]  # "без пострадавших", "жертв немає": the nouns
    person_nouns: frozenset[str]  # "погибла женщина" -> 1
    # party conventions
    enemy_words: frozenset[str]  # lemma: the other side, whoever is speaking
    ua_words: frozenset[str]  # lemmas/lower forms that name Ukraine's forces
    ru_words: frozenset[str]
    ua_adjectives: frozenset[str]  # "украинских беспилотников"
    ru_adjectives: frozenset[str]
    own_force_heads: frozenset[str]  # "Сили оборони", "Вооружённые силы": subject of own strikes
    offensive_verbs: frozenset[str]  # "уразили", "нанесли удар"
    attack_verbs: frozenset[str]  # attacked / struck, any direction
    denial_cues: frozenset[str]
    negations: frozenset[str]
    justification: tuple[tuple[str, ...], ...]  # "в ответ на": the rest is someone else's strike
    direction_cues: frozenset[str]  # "з напрямку", "с территории": launch sites follow
    region_heads: frozenset[str]
    sea_heads: frozenset[str]
    district_heads: frozenset[str]  # "район", "округ": a settlement's district
    settlement_heads: frozenset[str]  # "село", "місто": a settlement name follows
    facility_heads: frozenset[str]  # "завод" after a town adjective: "Сизранський НПЗ"
    destination_preps: frozenset[str]  # "потяг до Києва": not a struck place
    subclause_cues: tuple[tuple[str, ...], ...]  # "серед них": a subset, not the total
    claimant_ua: tuple[str, ...]  # publisher words -> party
    claimant_ru: tuple[str, ...]
    # publishers that are a side's military command: their impersonal strike reports are their own
    command_publishers: tuple[str, ...] = ()
    and_words: frozenset[str] = field(default_factory=lambda: frozenset({"і", "й", "та", "и", ","}))
