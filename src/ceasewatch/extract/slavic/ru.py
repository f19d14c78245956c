"""Russian extractor (`ceasewatch.extract.ru_rules.v1`): the vocabulary of MoD
bulletins, governors' posts and news, and the class the registry builds."""

from __future__ import annotations

from .extractor import SlavicExtractor
from .lexicon import Lexicon, WeaponTerm

__all__ = ["RussianExtractor", "RU_LEXICON"]

_DRONE = WeaponTerm("drone")
_MISSILE = WeaponTerm("missile")

RU_LEXICON = Lexicon(
    lang="ru",
    weapons={
        "бпла": _DRONE, "беспилотник": _DRONE, "дрон": _DRONE, "бла": _DRONE,
        "fpv": WeaponTerm("drone", "FPV"), "имитатор": WeaponTerm("drone", "decoy"),
        "ракета": _MISSILE, "рсзо": WeaponTerm("artillery"), "снаряд": WeaponTerm("artillery"),
        "артиллерия": WeaponTerm("artillery"), "миномет": WeaponTerm("artillery"),
        "мина": WeaponTerm("artillery"),  # "выпустил восемь мин": mortar rounds fired
        "авиабомба": WeaponTerm("guided_bomb"), "бомба": WeaponTerm("guided_bomb"), "himars": WeaponTerm("artillery", "HIMARS"),
        "средство": WeaponTerm("total"),  # "средств воздушного нападения", checked in context
    },
    missile_modifiers={
        "крылатый": "cruise_missile", "баллистический": "ballistic_missile", "гиперзвуковой": "ballistic_missile",
        "зенитный": "missile", "управляемый": "missile", "противокорабельный": "missile",
    },
    weapon_adjectives={
        "ракетный": _MISSILE, "беспилотный": _DRONE, "артиллерийский": WeaponTerm("artillery"),
    },
    measures={
        "атаковать": "launched", "запустить": "launched", "выпустить": "launched",
        "применить": "launched", "атака": "launched",
        # "нанесли удар тремя ракетами", "сбросили две авиабомбы": what was used is what was launched
        "удар": "launched", "сбросить": "launched", "ударить": "launched",
        "сбить": "intercepted", "уничтожить": "intercepted", "перехватить": "intercepted",
        "нейтрализовать": "intercepted", "подавить": "intercepted", "отразить": "intercepted",
        "уничтожение": "intercepted", "перехват": "intercepted",
        "потерять": "lost", "потерянный": "lost", "исчезнуть": "lost",
        "зафиксировать": "launched",  # "всего зафиксировано 40 БПЛА": the day's total
        "попасть": "hit", "попадание": "hit", "поразить": "hit",
    },
    vague=frozenset({"более", "свыше", "около", "порядка", "почти", "несколько", "десяток", "до", "примерно", "больше"}),
    not_weapon_units=frozenset({"человек", "год", "км", "километр", "метр", "минута", "час", "дом", "объект", "ребёнок", "ребенок", "населённый", "населенный", "пункт"}),
    target_pairs={
        ("нефтеперерабатывающий", "завод"): "energy.oil_gas", ("жилой", "дом"): "civilian.residential",
        ("частный", "дом"): "civilian.residential", ("многоквартирный", "дом"): "civilian.residential",
        ("железнодорожный", "вокзал"): "transport.rail", ("железнодорожный", "станция"): "transport.rail",
        ("объект", "энергетика"): "energy", ("энергетический", "инфраструктура"): "energy",
        ("энергетический", "объект"): "energy", ("критический", "инфраструктура"): "infrastructure",
        ("гражданский", "объект"): "civilian", ("гражданский", "инфраструктура"): "civilian",
        ("промышленный", "предприятие"): "industry", ("морской", "порт"): "transport.port",
        ("оборонно-промышленный", "комплекс"): "industry", ("легковой", "автомобиль"): "civilian",
        ("военный", "аэродром"): "military", ("топливный", "инфраструктура"): "energy.oil_gas",
        ("линия", "электропередача"): "energy.power", ("склад", "боеприпас"): "military", ("склад", "бк"): "military",
        ("объект", "инфраструктура"): "infrastructure",
        ("промышленный", "инфраструктура"): "industry", ("инфраструктурный", "объект"): "infrastructure", ("учебный", "заведение"): "civilian.education",
        ("медицинский", "учреждение"): "civilian.medical", ("железнодорожный", "инфраструктура"): "transport.rail",
        ("транспортный", "инфраструктура"): "transport", ("газоизмерительный", "станция"): "energy.oil_gas",
        ("нефтеналивной", "терминал"): "energy.oil_gas", ("нефтяной", "терминал"): "energy.oil_gas", ("морской", "терминал"): "transport.port",
        ("зерновой", "терминал"): "transport.port",
        ("объект", "промышленность"): "industry", ("предприятие", "впк"): "industry",
        ("топливно-энергетический", "инфраструктура"): "energy",
        ("газовый", "инфраструктура"): "energy.oil_gas", ("газовый", "объект"): "energy.oil_gas",
        ("нефтяной", "инфраструктура"): "energy.oil_gas", ("пункт", "дислокация"): "military", ("место", "размещение"): "military",
        ("место", "дислокация"): "military", ("место", "сосредоточение"): "military",
        ("частный", "сектор"): "civilian.residential", ("жилой", "сектор"): "civilian.residential",
        ("торговый", "центр"): "civilian", ("детский", "сад"): "civilian.education",
        ("насосный", "станция"): "energy.oil_gas", ("перекачивающий", "станция"): "energy.oil_gas",
        ("нефтеперекачивающий", "станция"): "energy.oil_gas", ("компрессорный", "станция"): "energy.oil_gas",
        ("газокомпрессорный", "станция"): "energy.oil_gas", ("объект", "газодобыча"): "energy.oil_gas",
        ("тепловой", "электростанция"): "energy.power", ("электрический", "подстанция"): "energy.power",
        ("административный", "здание"): "civilian", ("социальный", "объект"): "civilian",
        ("скорый", "помощь"): "civilian.medical",
    },
    targets={
        "нпз": "energy.oil_gas", "нефтебаза": "energy.oil_gas", "нефтепровод": "energy.oil_gas",
        "газопровод": "energy.oil_gas", "нефтехранилище": "energy.oil_gas", "резервуар": "energy.oil_gas",
        "электростанция": "energy.power", "тэс": "energy.power", "тэц": "energy.power", "гэс": "energy.power",
        "аэс": "energy.power", "подстанция": "energy.power", "энергетика": "energy", "энергообъект": "energy",
        "трансформатор": "energy.power", "лэп": "energy.power",
        "дом": "civilian.residential", "квартира": "civilian.residential", "жилье": "civilian.residential", "многоэтажка": "civilian.residential",
        "больница": "civilian.medical", "поликлиника": "civilian.medical",
        "школа": "civilian.education", "университет": "civilian.education", "детсад": "civilian.education",
        "автомобиль": "civilian", "машина": "civilian", "магазин": "civilian", "автобус": "civilian", "грузовик": "civilian", "газодобыча": "energy.oil_gas",
        "вокзал": "transport.rail", "поезд": "transport.rail", "вагон": "transport.rail",
        "локомотив": "transport.rail", "порт": "transport.port", "мост": "transport",
        "аэропорт": "transport", "судно": "shipping", "танкер": "shipping",
        "завод": "industry", "предприятие": "industry", "фабрика": "industry", "опк": "industry",
        "склад": "civilian", "сборка": "industry", "здание": "civilian", "постройка": "civilian", "азс": "civilian", "гараж": "civilian",
        "автовокзал": "transport", "автостанция": "transport",
        "аэродром": "military", "впк": "industry",
        # wider everyday vocabulary of damage reports
        "цех": "industry", "комбинат": "industry", "верфь": "industry", "производство": "industry",
        "домовладение": "civilian.residential", "коттедж": "civilian.residential", "дача": "civilian.residential",
        "общежитие": "civilian.residential", "многоэтажный": "civilian.residential",
        "госпиталь": "civilian.medical", "роддом": "civilian.medical", "амбулатория": "civilian.medical",
        "медучреждение": "civilian.medical", "лицей": "civilian.education", "гимназия": "civilian.education",
        "колледж": "civilian.education", "техникум": "civilian.education", "детсадик": "civilian.education",
        "котельная": "energy", "энергоблок": "energy.power", "электросеть": "energy.power",
        "топливохранилище": "energy.oil_gas", "нефтетерминал": "energy.oil_gas",
        "депо": "transport.rail", "электричка": "transport.rail", "путепровод": "transport",
        "кафе": "civilian", "рынок": "civilian", "тц": "civilian", "офис": "civilian", "храм": "civilian",
        "зрк": "military", "казарма": "military", "арсенал": "military", "полигон": "military",
    },
    target_adjectives={
        "жилой": "civilian.residential", "энергетический": "energy", "портовый": "transport.port",
        "железнодорожный": "transport.rail", "нефтеперерабатывающий": "energy.oil_gas", "промышленный": "industry",
        "многоквартирный": "civilian.residential",
    },
    damage_cues=frozenset({
        "повредить", "повреждение", "разрушить", "разрушение", "уничтожение", "попасть", "попадание", "поразить",
        "поражение", "атаковать", "атака", "удар", "обстрел", "пожар", "возгорание", "упасть", "обломок",
        "уничтожить", "взрыв", "гореть", "загореться", "нанести", "подвергнуться",
        # participles the dictionary may lemmatise as adjectives: "повреждённые дома"
        "повреждённый", "поврежденный", "разрушенный", "уничтоженный", "выбить", "прилететь", "прилёт", "прилет",
        "посечь", "посеченный",
        # a drone "ударил по дому", "врезался в здание", "сдетонировал у входа"
        "ударить", "врезаться", "сдетонировать", "взорваться", "разорваться", "бомбить",
    }),
    aid_cues=frozenset({"доставить", "госпитализировать", "оказать", "госпитализация"}),
    killed=frozenset({"погибнуть", "погибший", "убить", "гибель", "жертва", "смерть", "скончаться", "умереть"}),
    injured=frozenset({"ранить", "раненый", "травмировать", "пострадать", "пострадавший", "травма", "ранение",
                       "баротравма", "контузия", "контузить"}),
    no_casualties=frozenset({"погибший", "раненый", "пострадавший", "жертва", "пострадать"}),
    person_nouns=frozenset({"человек", "мужчина", "женщина", "ребёнок", "ребенок", "подросток", "пенсионер", "водитель", "сотрудник", "житель", "девушка", "парень",
                            "фельдшер", "врач", "медик", "работник", "рабочий", "пенсионерка", "жительница", "сотрудница",
                            "мальчик", "девочка", "школьник", "школьница", "охранник", "пассажир", "спасатель", "волонтер"}),
    enemy_words=frozenset({"противник", "враг", "вражеский", "неонацист", "боевик"}),
    ua_words=frozenset({"всу", "вфу", "украина", "сбу", "гур"}),
    ru_words=frozenset({"россия", "рф", "вкс", "вс рф", "россиянин"}),
    ua_adjectives=frozenset({"украинский", "киевский"}),
    ru_adjectives=frozenset({"российский"}),
    own_force_heads=frozenset({"сила", "войско", "армия", "вкс", "группировка"}),
    # "заявил о поражении терминала": the noun reports a strike made, like the verb
    offensive_verbs=frozenset({"нанести", "поразить", "поражение"}),
    attack_verbs=frozenset({"атаковать", "атака", "удар", "обстрел", "обстрелять", "нанести", "поразить", "попасть", "сбросить",
                            "ударить", "бомбить"}),
    denial_cues=frozenset({"якобы", "провокация", "фейк", "инсценировка", "ложь", "опровергнуть", "опровергать", "недостоверный", "ложный",
                            "отвергнуть", "отвергать", "отрицать"}),
    negations=frozenset({"не", "ни", "никакой"}),
    justification=(("в", "ответ", "на"),),
    direction_cues=frozenset({"направление", "территория", "сторона", "район", "акватория"}),
    region_heads=frozenset({"область", "обл", "край", "республика"}),
    sea_heads=frozenset({"море", "акватория"}),
    district_heads=frozenset({"район", "округ"}),
    settlement_heads=frozenset({"село", "город", "посёлок", "поселок", "хутор", "деревня", "станица", "пгт"}),
    facility_heads=frozenset({"завод", "нпз", "порт", "тэц", "тэс", "предприятие", "нефтебаза", "округ", "район", "аэродром"}),
    destination_preps=frozenset({"до"}),
    subclause_cues=(("среди", "них"), ("из", "них"), ("в", "том", "числе"), ("в", "т.ч.")),
    claimant_ua=("всу", "украин", "воздушные силы", "генштаб всу", "ова", "ода", "укрэнерго", "нафтогаз", "дтэк", "укрзализныця"),
    command_publishers=("министерство обороны", "минобороны", "генштаб", "генеральный штаб"),
    claimant_ru=("министерство обороны росс", "минобороны", "губернатор", "оперативный штаб", "мчс", "росси", "администрац", "глава"),
)


class RussianExtractor(SlavicExtractor):
    """Russian MoD bulletins, governors' posts, Russian-language news."""

    name = "ceasewatch.extract.ru_rules.v1"
    languages = ("ru",)
    lexicon = RU_LEXICON
