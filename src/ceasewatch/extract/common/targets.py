"""Target taxonomy of the spec (section 1) and keyword rules that map the
words of a report to target codes.

`find_targets(text, lang=)` returns `TargetMention`s with offsets. English
patterns are word phrases; Ukrainian and Russian patterns are stems, since
the Slavic backends see inflected forms. `top_level` and `reduce_targets`
help scoring and claim building treat "energy" and "energy.power" sanely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import TARGET_CODES
from .fastre import dispatched, first_chars, gated, split_alternatives

__all__ = ["TargetMention", "find_targets", "top_level", "reduce_targets", "TARGET_PATTERNS", "is_target_code"]

# (code, pattern) per language. Patterns are regex fragments matched
# case-insensitively at word starts; the most specific code wins on overlap
# because longer matches are preferred.
TARGET_PATTERNS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("energy.power", r"(?:thermal |hydro(?:electric)? |nuclear |combined heat and )?power (?:plants?|stations?|station|facilit(?:y|ies)|lines?|grid|generation|infrastructure|supply facilities)"),
        ("energy.power", r"(?:electrical |electric |power )?substations?|transformers?|power grid|electricity (?:grid|infrastructure|facilit(?:y|ies))|hydro ?(?:electric )?dams?|hydroelectric|(?:HPP|TPP|NPP|CHP)s?|thermal power|nuclear plant|heating plant|energy generation|power facilit(?:y|ies)|power infrastructure|(?:power )?generation (?:facilit(?:y|ies)|capacity)|transmission (?:infrastructure|facilit(?:y|ies)|lines?|networks?)|high-voltage|power (?:system|network|sector|engineering)|electricity (?:network|system|sector|supply)|energy grid|grid (?:facilit(?:y|ies)|infrastructure)"),
        ("energy.oil_gas", r"(?:oil )?refiner(?:y|ies)|oil (?:depots?|terminals?|facilit(?:y|ies)|storage|infrastructure|pumping stations?|installations?|pipelines?|platforms?)|fuel (?:depots?|storage|facilit(?:y|ies)|and energy)|pipelines?|pumping stations?|metering stations?|gas (?:production|storage|facilit(?:y|ies)|infrastructure|pipelines?|compressor stations?|processing plants?|fields?|distribution stations?|transport)|compressor stations?|tank farms?|petroleum|oil and gas|gas plant|gas(?= and energy)"),
        ("energy", r"(?:critical )?energy (?:infrastructure facilit(?:y|ies)|facilit(?:y|ies)|infrastructure|sites?|objects?|system|installations?|enterprises?|sector|targets)|boiler (?:houses?|rooms?|plants?)"),
        ("civilian.residential", r"(?:residential|apartment|multi-storey|multistorey|high-rise|five-storey|nine-storey|private|country) (?:buildings?|blocks?|houses?|homes?|complex)|apartment blocks?|apartments?|homes|houses|private house|residential (?:areas?|district|neighbou?rhoods?|sector)|dwellings?|housing|tower blocks?|dormitor(?:y|ies)"),
        ("civilian.medical", r"hospitals?|clinics?|ambulances?|maternity (?:ward|hospital)|medical (?:facilit(?:y|ies)|centres?|centers?|institutions?)|polyclinic"),
        ("civilian.education", r"schools?|universit(?:y|ies)|kindergartens?|nurser(?:y|ies)|lyceums?|colleges?|educational (?:institutions?|facilit(?:y|ies))"),
        ("civilian", r"civilian (?:infrastructure|objects?|facilit(?:y|ies)|buildings?|targets|enterprises?|vehicles?)|shops?|supermarkets?|shopping (?:centres?|centers?|mall)|offices|office buildings?|cars?|vehicles|churche?s?|cafes?|restaurants?|hotels?|markets?|businesses|warehouses?|administrative buildings?|garages?|post office|stores?|(?:petrol|gas|filling) stations?|(?:mini|trolley)?bus(?:es)?|trams?|delegation|government buildings?|(?<!station )(?<!terminal )buildings?(?! of)|residences?"),
        ("transport.rail", r"rail(?:way)? (?:infrastructure|stations?|lines?|tracks?|facilit(?:y|ies)|depots?|junctions?|bridges?|network)|railways?|railroads?|trains?|locomotives?|stations? of the railway"),
        ("transport.port", r"(?:sea |river )?ports?(?: infrastructure| facilit(?:y|ies))?(?! of [A-Z])|terminals? at the port|harbou?rs?|grain terminals?|berths?|piers?(?: infrastructure)?|quays?|jett(?:y|ies)|moorings?|docks?"),
        ("transport", r"bridges?|roads?|highways?|airports?|bus (?:stations?|depots?)|logistics|transport (?:infrastructure|facilit(?:y|ies)|hub)"),
        ("shipping", r"(?:civilian |cargo |merchant )?(?:vessels?|ships?)|tankers?|bulk carriers?|container ships?|ferr(?:y|ies)|boats?"),
        ("industry", r"(?:military-)?industrial (?:facilit(?:y|ies)|enterprises?|sites?|complex|zone|plants?|objects?)|military-industrial|defen[cs]e (?:plants?|enterprises?|industry|factor(?:y|ies)|industrial)|factor(?:y|ies)|plants? producing|enterprises?|manufacturing|production (?:facilit(?:y|ies)|sites?)|workshops?|plant that (?:makes|produces)|chemical plant|assembly (?:plant|shops?)"),
        ("military", r"military (?:units?|bases?|airfields?|targets|facilit(?:y|ies)|objects?|sites?|infrastructure|equipment|installations?)|air ?(?:bases?|fields?)|air force bases?|airfields?|ammunition (?:depots?|dumps?|warehouses?)|depots? of|command posts?|training (?:grounds?|centres?|centers?)|barracks|arsenals?|warships?|(?:naval|navy) base|places of (?:deployment|storage)|deployment sites?|military-industrial sites?|(?:rocket |missile |HIMARS |Patriot )?launchers?|radars?|radar stations?|Patriot (?:batter(?:y|ies)|systems?)|air[ -]defen[cs]e (?:batter(?:y|ies)|positions?|launchers?|radars?)|armou?red vehicles|military equipment|fuel depots? of the (?:army|military)"),
        ("infrastructure", r"critical infrastructure|(?:key |vital |civil |municipal |public )?infrastructure(?: facilit(?:y|ies)| objects?)?|utilit(?:y|ies)|water (?:supply|facilit(?:y|ies))|telecom"),
    ),
    "uk": (
        ("energy.power", r"електростанці|підстанці|ТЕС|ТЕЦ|ГЕС|АЕС|енергоблок|лінії електропередач|трансформатор"),
        ("energy.oil_gas", r"НПЗ|нафтопереробн|нафтобаз|нафтосховищ|газов|газопровід|нафтопровід|компресорн"),
        ("energy", r"енергетичн|енергооб|енергоінфраструктур|об.єкт\w* енергетики"),
        ("civilian.residential", r"житлов|багатоповерх|приватн\w* будин|будинк"),
        ("civilian.medical", r"лікарн|медичн|поліклінік|швидк\w* допомог"),
        ("civilian.education", r"школ|університет|дитяч\w* садок|дитсадок|навчальн"),
        ("civilian", r"цивільн\w* інфраструктур|магазин|автомобіл|торгов|офіс|склад"),
        ("transport.rail", r"залізниц|залізнич|потяг|поїзд|вокзал"),
        ("transport.port", r"порт"),
        ("transport", r"міст|аеропорт|транспортн"),
        ("shipping", r"судн|корабл|танкер"),
        ("industry", r"промислов|підприємств|завод|фабрик|ОПК|ВПК"),
        ("military", r"військов\w* об.єкт|аеродром|склад\w* боєприпас|військов\w* частин|пункт\w* управління"),
        ("infrastructure", r"критичн\w* інфраструктур|інфраструктур"),
    ),
    "ru": (
        ("energy.power", r"электростанци|подстанци|ТЭС|ТЭЦ|ГЭС|АЭС|энергоблок|ЛЭП|линии электропередач|трансформатор"),
        ("energy.oil_gas", r"НПЗ|нефтеперераб|нефтебаз|нефтехранилищ|газов|газопровод|нефтепровод|компрессорн|топливн"),
        ("energy", r"энергетическ|энергообъект|энергоинфраструктур|объект\w* энергетики|ТЭК|топливно-энергетическ"),
        ("civilian.residential", r"жил|многоквартирн|многоэтаж|частн\w* дом|дом"),
        ("civilian.medical", r"больниц|медицинск|поликлиник|скор\w* помощ"),
        ("civilian.education", r"школ|университет|детск\w* сад|детсад|учебн"),
        ("civilian", r"гражданск\w* инфраструктур|магазин|автомобил|торгов|офис"),
        ("transport.rail", r"железн\w* дорог|железнодорожн|поезд|вокзал"),
        ("transport.port", r"порт"),
        ("transport", r"мост|аэропорт|транспортн"),
        ("shipping", r"судн|корабл|танкер"),
        ("industry", r"промышлен|предприяти|завод|фабрик|ОПК|ВПК|военно-промышленн"),
        ("military", r"военн\w* объект|аэродром|склад\w* боеприпас|пункт\w* управлени|военн\w* част|мест\w* хранения|пункт\w* временной дислокации|дислокаци"),
        ("infrastructure", r"критическ\w* инфраструктур|инфраструктур"),
    ),
}


@dataclass(frozen=True)
class TargetMention:
    start: int
    end: int
    code: str


def is_target_code(code: str) -> bool:
    return code in TARGET_CODES


def top_level(code: str) -> str:
    """"energy.power" -> "energy" (the level the spec scores at)."""
    return code.split(".", 1)[0]


def reduce_targets(codes: list[str] | tuple[str, ...]) -> list[str]:
    """Distinct codes in first-seen order, dropping a bare top level
    ("energy") when a more specific code of the same level is present."""
    seen: list[str] = []
    for code in codes:
        if code not in seen:
            seen.append(code)
    specific_tops = {top_level(c) for c in seen if "." in c}
    return [c for c in seen if "." in c or c not in specific_tops]


@lru_cache(maxsize=8)
def _compiled(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    # Cased acronyms (ТЕС, НПЗ, HPP) must stay cased; the rest is case-insensitive.
    out = []
    for code, pattern in TARGET_PATTERNS.get(lang, TARGET_PATTERNS["en"]):
        tail = r"\b" if lang == "en" else ""
        out.append((code, gated(r"(?<!\w)(?:" + pattern + ")" + tail, re.IGNORECASE)))
    return out


@lru_cache(maxsize=8)
def _by_first_char(lang: str) -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """First character -> the (code, pattern) pairs that can start with it, in pattern order;
    under "" the patterns that can start with anything."""
    pairs = [((code, rx), first_chars(rx.pattern, rx.flags)) for code, rx in _compiled(lang)]
    anywhere = tuple(p for p, chars in pairs if chars is None)
    letters = set().union(*(chars for _, chars in pairs if chars is not None))
    table = {c: tuple(p for p, chars in pairs if chars is None or c in chars) for c in letters}
    table[""] = anywhere
    return table


@lru_cache(maxsize=8)
def _any(lang: str) -> re.Pattern[str]:
    """One scan finds where some pattern may match; the per-code patterns then
    run only at those positions."""
    tail = r"\b" if lang == "en" else ""
    # every alternative of every code, grouped by first letter: the scan tries only those that can start
    alts = [a for _, p in TARGET_PATTERNS.get(lang, TARGET_PATTERNS["en"]) for a in split_alternatives(p)]
    return gated(r"(?<!\w)(?:" + dispatched(alts, re.IGNORECASE) + ")" + tail, re.IGNORECASE)


def find_targets(text: str, *, lang: str = "en", start: int = 0, end: int | None = None) -> list[TargetMention]:
    """Target mentions in `text[start:end]`, leftmost-longest, no overlaps."""
    stop = len(text) if end is None else end
    hits: list[TargetMention] = []
    by_first = _by_first_char(lang)
    anywhere = by_first.get("", ())
    for m in _any(lang).finditer(text, start, stop):
        # only the patterns that can start with this letter are tried here
        for code, rx in by_first.get(text[m.start()], anywhere):
            hit = rx.match(text, m.start(), stop)
            if hit:
                hits.append(TargetMention(hit.start(), hit.end(), code))
    # Leftmost-longest, like a regex alternation over all codes: "gas production facilities" is
    # oil and gas, not "production facilities" (industry).
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[TargetMention] = []
    for hit in hits:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
