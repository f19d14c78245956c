"""Ukrainian extractor (`ceasewatch.extract.uk_rules.v1`): the vocabulary of
Air Force, General Staff and oblast administration posts, and the class the
registry builds."""

from __future__ import annotations

from .extractor import SlavicExtractor
from .lexicon import Lexicon, WeaponTerm

__all__ = ["UkrainianExtractor", "UK_LEXICON"]

_DRONE = WeaponTerm("drone")
_MISSILE = WeaponTerm("missile")

UK_LEXICON = Lexicon(
    lang="uk",
    weapons={
        "бпла": _DRONE, "безпілотник": _DRONE, "дрон": _DRONE, "бла": _DRONE,
        "імітатор": WeaponTerm("drone", "decoy"), "fpv": WeaponTerm("drone", "FPV"),
        "ракета": _MISSILE,
        "авіабомба": WeaponTerm("guided_bomb"), "бомба": WeaponTerm("guided_bomb"),
        "снаряд": WeaponTerm("artillery"), "рсзв": WeaponTerm("artillery"),
        "артилерія": WeaponTerm("artillery"), "міномет": WeaponTerm("artillery"), "гармата": WeaponTerm("artillery"),
        "міна": WeaponTerm("artillery"),  # "випустили 8 мін": mortar rounds fired
        "засіб": WeaponTerm("total"),  # "засобами повітряного нападу", checked in context
    },
    missile_modifiers={
        "крилатий": "cruise_missile", "балістичний": "ballistic_missile",
        "зенітний": "missile", "керований": "missile", "протикорабельний": "missile",
    },
    weapon_adjectives={"ракетний": _MISSILE, "безпілотний": _DRONE, "артилерійський": WeaponTerm("artillery")},
    measures={
        "атакувати": "launched", "запустити": "launched", "випустити": "launched",
        "застосувати": "launched", "атака": "launched",
        # "завдали удару двома КАБами", "скинув 2 КАБи": what was used is what was launched
        "удар": "launched", "скинути": "launched", "вдарити": "launched", "ударити": "launched",
        "збити": "intercepted", "збиття": "intercepted", "знищити": "intercepted",
        "перехопити": "intercepted", "нейтралізувати": "intercepted", "подавити": "intercepted",
        "знешкодити": "intercepted", "збитий": "intercepted", "знищення": "intercepted",
        "втратити": "lost", "втрачений": "lost", "зникнути": "lost",
        "зафіксувати": "launched",  # "Усього зафіксовано 9 ракет та 45 БпЛА": the day's total
        "влучання": "hit", "влучити": "hit", "влучення": "hit", "поцілити": "hit",
    },
    vague=frozenset({"понад", "більше", "більш", "близько", "щонайменше", "приблизно", "десяток", "кілька", "майже", "до"}),
    not_weapon_units=frozenset({"локація", "людина", "особа", "рік", "км", "кілометр", "метр", "хвилина", "година", "населений", "пункт", "громада", "будинок", "об'єкт", "дитина"}),
    target_pairs={
        ("нафтопереробний", "завод"): "energy.oil_gas", ("житловий", "будинок"): "civilian.residential",
        ("приватний", "будинок"): "civilian.residential", ("багатоквартирний", "будинок"): "civilian.residential",
        ("залізничний", "вокзал"): "transport.rail", ("залізничний", "станція"): "transport.rail",
        ("енергетичний", "інфраструктура"): "energy", ("енергетичний", "об'єкт"): "energy",
        ("критичний", "інфраструктура"): "infrastructure", ("портовий", "інфраструктура"): "transport.port",
        ("морський", "порт"): "transport.port", ("морський", "термінал"): "transport.port", ("зерновий", "термінал"): "transport.port", ("цивільний", "інфраструктура"): "civilian",
        ("цивільний", "об'єкт"): "civilian", ("промисловий", "підприємство"): "industry",
        ("військовий", "аеродром"): "military", ("газовий", "конденсат"): "energy.oil_gas",
        ("лінія", "електропередача"): "energy.power", ("склад", "боєприпаси"): "military", ("склад", "боєприпас"): "military", ("склад", "бк"): "military", ("пункт", "дислокація"): "military",
        ("місце", "розміщення"): "military", ("місце", "дислокація"): "military", ("місце", "зосередження"): "military",
        ("об'єкт", "інфраструктура"): "infrastructure", ("об'єкт", "енергетика"): "energy",
        ("газовий", "інфраструктура"): "energy.oil_gas", ("енергетичний", "обладнання"): "energy",
        ("навчальний", "заклад"): "civilian.education", ("медичний", "заклад"): "civilian.medical",
        ("залізничний", "інфраструктура"): "transport.rail", ("транспортний", "інфраструктура"): "transport",
        ("об'єкт", "промисловість"): "industry",
        ("промисловий", "інфраструктура"): "industry", ("інфраструктурний", "об'єкт"): "infrastructure", ("підприємство", "промисловість"): "industry",
    },
    targets={
        "нпз": "energy.oil_gas", "нафтобаза": "energy.oil_gas", "нафтопровід": "energy.oil_gas",
        "газопровід": "energy.oil_gas", "нафтосховище": "energy.oil_gas", "газовидобування": "energy.oil_gas",
        "нафтоперекачувальний": "energy.oil_gas", "газосховище": "energy.oil_gas",
        "електростанція": "energy.power", "тес": "energy.power", "тец": "energy.power", "гес": "energy.power",
        "аес": "energy.power", "підстанція": "energy.power", "енергетика": "energy", "енергооб'єкт": "energy",
        "енергоінфраструктура": "energy", "трансформатор": "energy.power", "лeп": "energy.power",
        "будинок": "civilian.residential", "квартира": "civilian.residential", "оселя": "civilian.residential", "житло": "civilian.residential", "багатоповерхівка": "civilian.residential",
        "лікарня": "civilian.medical", "поліклініка": "civilian.medical", "амбулаторія": "civilian.medical",
        "школа": "civilian.education", "університет": "civilian.education", "садок": "civilian.education",
        "автомобіль": "civilian", "авто": "civilian", "вантажівка": "civilian", "споруда": "civilian", "автівка": "civilian", "магазин": "civilian", "автобус": "civilian",
        "вокзал": "transport.rail", "залізниця": "transport.rail", "потяг": "transport.rail",
        "вагон": "transport.rail", "локомотив": "transport.rail", "порт": "transport.port",
        "міст": "transport", "аеропорт": "transport", "судно": "shipping", "танкер": "shipping",
        "завод": "industry", "підприємство": "industry", "фабрика": "industry", "склад": "civilian",
        "будівля": "civilian", "складання": "industry", "азс": "civilian", "гараж": "civilian", "автовокзал": "transport", "автостанція": "transport",
        "зрк": "military", "аеродром": "military", "військовий": "military",
    },
    target_adjectives={
        "житловий": "civilian.residential", "енергетичний": "energy", "портовий": "transport.port",
        "залізничний": "transport.rail", "нафтопереробний": "energy.oil_gas", "промисловий": "industry",
        "дев'ятиповерховий": "civilian.residential", "багатоповерховий": "civilian.residential",
    },
    damage_cues=frozenset({
        "пошкодити", "пошкодження", "зруйнувати", "руйнування", "знищення", "влучити", "влучання", "уразити", "уражено",
        "ураження", "атакувати", "атака", "удар", "обстріл", "пожежа", "загорання", "спрямувати",
        "знищити", "зазнати", "вибух", "уламок", "падіння", "горіти",
        # participles the dictionary lemmatises as adjectives: "Понищені будинки", "пошкоджений дах"
        "понищити", "понищений", "пошкоджений", "зруйнований", "знищений", "уражений", "прилетіти", "приліт",
        "спалахнути", "загорівся", "вибити", "посікти", "посічений",
    }),
    aid_cues=frozenset({"доставити", "госпіталізувати", "надати", "шпиталізувати"}),
    killed=frozenset({"загинути", "загиблий", "вбити", "загибель", "жертва", "смерть", "убити", "померти"}),
    injured=frozenset({"поранити", "поранений", "травмувати", "травмований", "постраждати", "постраждалий", "травма", "поранення",
                       "баротравма", "контузія", "контузити"}),
    no_casualties=frozenset({"загиблий", "поранений", "постраждалий", "жертва", "травмований"}),
    person_nouns=frozenset({"людина", "чоловік", "жінка", "дитина", "хлопець", "дівчина", "пенсіонер", "водій", "працівник", "мешканець"}),
    enemy_words=frozenset({"противник", "ворог", "ворожий", "агресор", "окупант"}),
    ua_words=frozenset({"зсу", "україна", "сбс", "сбу", "гур"}),
    ru_words=frozenset({"росія", "рф", "росіянин", "рашист"}),
    ua_adjectives=frozenset({"український"}),
    ru_adjectives=frozenset({"російський"}),
    own_force_heads=frozenset({"сила", "підрозділ", "зсу", "генштаб", "сбу", "гур", "сбс"}),
    offensive_verbs=frozenset({"уразити", "уражено", "ураження", "завдати"}),
    attack_verbs=frozenset({"атакувати", "атака", "удар", "обстріл", "обстріляти", "уразити", "уражено", "ураження", "влучити"}),
    denial_cues=frozenset({"нібито", "фейк", "провокація", "неправдивий", "брехня", "спростувати", "спростовувати", "недостовірний", "хибний",
                            "заперечити", "заперечувати"}),
    negations=frozenset({"не", "ні"}),
    justification=(("у", "відповідь", "на"), ("в", "відповідь", "на")),
    direction_cues=frozenset({"напрямок", "напрям", "територія", "бік", "район", "акваторія"}),
    region_heads=frozenset({"область", "обл", "край", "республіка", "ар"}),
    sea_heads=frozenset({"море", "акваторія"}),
    district_heads=frozenset({"район", "округ", "громада"}),
    settlement_heads=frozenset({"село", "місто", "селище", "смт", "м", "с"}),
    facility_heads=frozenset({"завод", "нпз", "порт", "тец", "тес", "підприємство", "нафтобаза", "район", "аеродром", "громада"}),
    destination_preps=frozenset({"до"}),
    subclause_cues=(("серед", "них"), ("з", "них"), ("у", "тому", "числі"), ("в", "тому", "числі"), ("зокрема",)),
    # the grid operator, energy and rail companies speak for the struck side
    claimant_ua=("зсу", "повітряні сили", "ова", "ода", "генштаб", "генеральний штаб", "військова адміністрація", "україн", "дснс", "нацполіція",
                 "укренерго", "нафтогаз", "дтек", "укрзалізниця", "енергоатом", "укргазвидобування"),
    command_publishers=("генштаб", "генеральний штаб", "міноборони", "міністерство оборони"),
    claimant_ru=("мінoборони рф", "міноборони росії", "росії"),
)


class UkrainianExtractor(SlavicExtractor):
    """Air Force tallies, General Staff and oblast administration posts, Ukrainian news."""

    name = "ceasewatch.extract.uk_rules.v1"
    languages = ("uk",)
    lexicon = UK_LEXICON
