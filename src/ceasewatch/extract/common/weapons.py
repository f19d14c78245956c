"""The weapon catalogue shared by every language backend.

Each entry is one canonical model with its category (spec section 1) and
every spelling seen in Ukrainian Air Force, Russian MoD and news text, in
Latin and Cyrillic script. `find_weapon_models(text)` scans any text for
model names and returns spans, so backends only add their generic words
("drones", "ракети") on top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .fastre import factored, gated

__all__ = [
    "WeaponModel", "CATALOGUE", "USED_BY", "WeaponMention", "find_weapon_models", "weapon_by_alias", "normalize_alias",
]


@dataclass(frozen=True)
class WeaponModel:
    model: str  # canonical model name written into claims
    category: str  # one of model.WEAPON_CATEGORIES
    aliases: tuple[str, ...]


def _m(model: str, category: str, *aliases: str) -> WeaponModel:
    return WeaponModel(model, category, (model, *aliases))


# Order matters only for readability; matching prefers the longest alias.
CATALOGUE: tuple[WeaponModel, ...] = (
    # Drones: Shahed family and its Russian-built Geran twins; decoys count as drones.
    _m("Shahed-136", "drone", "Shahed 136", "Shahed136", "Шахед-136", "Шахед 136"),
    _m("Shahed", "drone", "Shaheds", "Shahed-type", "Shahed-type drones", "Шахед", "Шахеди", "Шахедів", "Шахедами",
       "Шахедов", "Шахеды"),
    _m("Geran-2", "drone", "Geran 2", "Geran2", "Герань-2", "Герань 2"),
    _m("Geran", "drone", "Gerans", "Герань", "Герані", "Гераней", "Геранів"),
    _m("Gerbera", "drone", "Gerberas", "Гербера", "Гербер"),
    _m("Lancet", "drone", "Lancets", "Ланцет", "Ланцети", "Ланцеты"),
    _m("Orlan-10", "drone", "Orlan", "Орлан-10", "Орлан"),
    _m("Molniya", "drone", "Молния", "Молнія"),
    _m("decoy", "drone", "decoys", "decoy drones", "imitator drones", "imitation drones", "drone imitators",
       "дронів-імітаторів", "дрони-імітатори", "імітатори", "імітаторів", "дронов-имитаторов", "имитаторы",
       "имитаторов"),
    _m("Lyutyi", "drone", "Liutyi", "Lyuty", "Лютий"),
    _m("Bayraktar", "drone", "Bayraktar TB2", "Байрактар"),
    # Cruise missiles.
    _m("Kh-101", "cruise_missile", "Kh 101", "Kh101", "X-101", "Х-101", "Х 101", "Х101"),
    _m("Kh-555", "cruise_missile", "Kh 555", "Х-555"),
    _m("Kh-55", "cruise_missile", "Kh 55", "Х-55"),
    _m("Kh-59", "cruise_missile", "Kh-59/69", "Kh-59/Kh-69", "Kh 59", "Х-59", "Х-59/69", "Х-59/Х-69"),
    _m("Kh-69", "cruise_missile", "Kh 69", "Х-69"),
    _m("Kalibr", "cruise_missile", "Kalibrs", "Kalibr-NK", "Калібр", "Калибр", "Калібри", "Калибры", "Калібрів",
       "Калибров"),
    _m("Iskander-K", "cruise_missile", "Iskander K", "Іскандер-К", "Искандер-К"),
    _m("Storm Shadow", "cruise_missile", "Storm Shadows", "Storm Shadow/SCALP", "SCALP", "Шторм Шэдоу",
       "Storm Shadow/SCALP-EG"),
    _m("Neptune", "cruise_missile", "Neptunes", "R-360", "Нептун"),
    _m("Flamingo", "cruise_missile", "FP-5", "Фламінго", "Фламинго"),
    _m("Tomahawk", "cruise_missile", "Tomahawks", "Томагавк"),
    _m("Oniks", "cruise_missile", "Onyx", "P-800", "Онікс", "Оникс"),
    _m("Kh-22", "missile", "Kh 22", "Х-22"),
    _m("Kh-32", "missile", "Kh 32", "Х-32"),
    _m("Kh-31", "missile", "Kh-31P", "Х-31", "Х-31П"),
    _m("Kh-35", "missile", "Kh 35", "Х-35"),
    # Ballistic missiles.
    _m("Iskander-M", "ballistic_missile", "Iskander M", "Iskander-Ms", "Іскандер-М", "Искандер-М"),
    _m("Iskander", "ballistic_missile", "Iskanders", "Іскандер", "Искандер"),
    _m("KN-23", "ballistic_missile", "KN 23", "KN-23/24", "КН-23"),
    _m("Kinzhal", "ballistic_missile", "Kinzhals", "Kh-47M2", "Кинджал", "Кінджал", "Кинжал"),
    _m("Zircon", "ballistic_missile", "Tsirkon", "Циркон"),
    _m("Oreshnik", "ballistic_missile", "Орешник", "Орєшнік"),
    _m("ATACMS", "ballistic_missile", "ATACMs", "АТАКМС"),
    _m("Tochka-U", "ballistic_missile", "Tochka", "Точка-У"),
    # Other missiles (S-300 used for ground attack, anti-aircraft missiles).
    _m("S-300", "missile", "S300", "S-400", "С-300", "С-400"),
    _m("S-400", "missile", "С-400"),
    # Guided bombs.
    _m("KAB", "guided_bomb", "KABs", "КАБ", "КАБи", "КАБів", "КАБов", "КАБами", "UMPK", "УМПК", "FAB", "ФАБ"),
    _m("JDAM", "guided_bomb", "JDAM-ER", "JDAMs", "ДЖДАМ"),
    _m("GBU-39", "guided_bomb", "GBU 39", "SDB"),
    _m("Hammer", "guided_bomb", "AASM Hammer"),
    # Artillery and rocket artillery.
    _m("HIMARS", "artillery", "Хаймарс", "ХАЙМАРС", "HIMARs"),
    _m("Grad", "artillery", "Град", "BM-21"),
    _m("Uragan", "artillery", "Ураган"),
    _m("Smerch", "artillery", "Смерч"),
    _m("Vampire", "artillery", "RM-70 Vampire", "Вампір", "Вампир"),
)

# Models only one side fires in this war: naming one names the attacker ("eight Lyutyi drones reached
# the plant" is a Ukrainian strike). Models both sides use (S-300, Grad, decoys, Tochka) are left out.
USED_BY: dict[str, str] = {
    **dict.fromkeys(("Shahed-136", "Shahed", "Geran-2", "Geran", "Gerbera", "Lancet", "Orlan-10", "Molniya",
                     "Kh-101", "Kh-555", "Kh-55", "Kh-59", "Kh-69", "Kalibr", "Iskander-K", "Oniks", "Kh-22",
                     "Kh-32", "Kh-31", "Kh-35", "Iskander-M", "Iskander", "KN-23", "Kinzhal", "Zircon", "Oreshnik",
                     "KAB"), "RU"),
    **dict.fromkeys(("Lyutyi", "Bayraktar", "Storm Shadow", "Neptune", "Flamingo", "Tomahawk", "ATACMS", "JDAM",
                     "GBU-39", "Hammer", "HIMARS", "Vampire"), "UA"),
}

_DASHES = gated(r"[\u2010-\u2015\u2212\s-]+")


def normalize_alias(text: str) -> str:
    """Case-folded, dash-unified key: "Kh 101", "KH-101" and "Kh‑101" meet."""
    key = _DASHES.sub("-", text.strip()).casefold()
    # Latin/Cyrillic look-alikes in model codes (the Cyrillic "Х" in "Х-101").
    return key


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, WeaponModel]:
    table: dict[str, WeaponModel] = {}
    for entry in CATALOGUE:
        for alias in entry.aliases:
            table.setdefault(normalize_alias(alias), entry)
    return table


def weapon_by_alias(text: str) -> WeaponModel | None:
    """The catalogue entry written as `text`, or None."""
    return _alias_table().get(normalize_alias(text))


@lru_cache(maxsize=1)
def _alias_regex() -> re.Pattern[str]:
    aliases = sorted({a for e in CATALOGUE for a in e.aliases}, key=len, reverse=True)
    parts = [r"[\s\u2010-\u2015\u2212-]?".join(re.escape(ch) for ch in _DASHES.split(a)) for a in aliases]
    # Word-ish boundaries that also work next to Cyrillic letters and digits.
    # An English plural ("Kh-101s", "ATACMSs" aside) still names the model: the alias is group 1.
    return gated(r"(?<![\w-])(" + factored(parts) + r")(?:s(?=[^\w]|$))?(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class WeaponMention:
    start: int
    end: int
    weapon: WeaponModel


def find_weapon_models(text: str, start: int = 0, end: int | None = None) -> list[WeaponMention]:
    """Every catalogue model named in `text[start:end]`, with absolute offsets."""
    stop = len(text) if end is None else end
    found: list[WeaponMention] = []
    for m in _alias_regex().finditer(text, start, stop):
        entry = weapon_by_alias(m.group(1))
        if entry is None:  # separator variant not in the table: try without separators
            entry = weapon_by_alias(re.sub(r"[\s\u2010-\u2015\u2212-]", "", m.group(1)))
        if entry is None:
            continue
        # "KAB"/"FAB" in capitals only, so the English words "cab"/"fab" never match.
        if entry.model in ("KAB", "Grad", "Hammer", "Vampire", "Molniya") and not m.group(0)[:1].isupper():
            continue
        found.append(WeaponMention(m.start(), m.end(), entry))
    return found
