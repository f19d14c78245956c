"""Weapons: catalogue models ("Kh-101", "Шахед") and generic nouns
("drones", "крилаті ракети", "беспилотники"), merged where one phrase names
both ("Iskander-M ballistic missiles", "БпЛА типу Shahed").

The catalogue (`lexicon/data/common/weapons.yaml`) is matched by one regular
expression over the folded text, since model codes are written with any
dash, space or plural; generic nouns come from each language's
`weapons.yaml` through the lemma matcher, longest phrase first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..analysis.document import Analysis
from ..lexicon import table
from .base import WeaponMention
from .lexical import phrase_hits

__all__ = ["find_weapons", "Model", "catalogue", "model_by_name"]

_SEP = r"[\s-]?"


@dataclass(frozen=True)
class Model:
    name: str
    category: str
    used_by: str | None
    exact_case: bool
    aliases: tuple[str, ...]


@cache
def catalogue() -> tuple[Model, ...]:
    return tuple(
        Model(e.key, str(e.get("category")), e.get("used_by"), e.get("case") == "exact",
              (e.key, *(str(a) for a in e.get("aliases") or ())))
        for e in table("common", "weapons")
    )


def model_by_name(name: str) -> Model | None:
    return next((m for m in catalogue() if m.name == name), None)


def _key(alias: str) -> str:
    return re.sub(r"[\s-]+", "", alias).casefold()


@cache
def _index() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Model]]:
    by_key: dict[str, Model] = {}
    loose: list[str] = []
    exact: list[str] = []
    for model in catalogue():
        for alias in model.aliases:
            by_key.setdefault(_key(alias), model)
            parts = [re.escape(p) for p in re.split(r"[\s-]+", alias) if p]
            (exact if model.exact_case else loose).append(_SEP.join(parts))

    def compile_(alts: list[str], flags: int) -> re.Pattern[str]:
        body = "|".join(sorted(alts, key=len, reverse=True)) or "(?!)"
        # whole words; an English plural "s" or "-s" still names the model
        return re.compile(r"(?<![\w-])(" + body + r")(?:-?s)?(?![\w])", flags)

    return compile_(loose, re.IGNORECASE), compile_(exact, 0), by_key


def _models(a: Analysis) -> list[WeaponMention]:
    loose, exact, by_key = _index()
    found: list[WeaponMention] = []
    for pattern in (loose, exact):
        for m in pattern.finditer(a.view.norm):
            model = by_key.get(_key(m.group(1)))
            if model is None:
                continue
            ts, te = a.token_span(m.start(), m.end())
            found.append(WeaponMention(m.start(), m.end(), ts, te, model.category, model.name, model.used_by,
                                       generic=False))
    found.sort(key=lambda w: (w.start, -w.end))
    kept: list[WeaponMention] = []
    for w in found:
        if kept and w.start < kept[-1].end:
            continue
        kept.append(w)
    return kept


def _generics(a: Analysis) -> list[WeaponMention]:
    nouns = table(a.lang, "weapons")
    hits = phrase_hits(a, "weapons")
    out: list[WeaponMention] = []
    last_end = -1
    for h in hits:  # sorted by start, longest first
        start, end = h.start, h.end
        if start < last_end or end <= start or "category" not in nouns[h.key].attrs:
            continue
        last_end = end
        category = str(nouns[h.key].get("category"))
        out.append(WeaponMention(a.tokens[start].start, a.tokens[end - 1].end, start, end, category))
    return out


_MISSILES = frozenset({"missile", "cruise_missile", "ballistic_missile"})
_TYPE_WORDS = frozenset({"type", "типу", "типа", "тип", "-type", "class", "family"})


def find_weapons(a: Analysis) -> list[WeaponMention]:
    models = _models(a)
    generics = [g for g in _generics(a) if not any(m.start < g.end and g.start < m.end for m in models)]
    merged: list[WeaponMention] = []
    used_generic: set[int] = set()
    for m in models:
        # "Shahed attack UAVs", "Iskander-M ballistic missiles": a noun right after the model
        nxt = next((g for g in generics if 0 <= g.tok_start - m.tok_end <= 2 and id(g) not in used_generic
                    and _only_modifiers(a, m.tok_end, g.tok_start)), None)
        # "БпЛА типу Shahed", "drones of the Shahed type": the noun before the model
        prv = next((g for g in generics if 0 <= m.tok_start - g.tok_end <= 3 and id(g) not in used_generic
                    and any(a.tokens[k].lower in _TYPE_WORDS for k in range(g.tok_end, m.tok_start))), None)
        partner = nxt or prv
        if partner is None:
            merged.append(m)
            continue
        used_generic.add(id(partner))
        category = m.category if m.category != "drone" or partner.category == "drone" else partner.category
        # "Kh-59 guided missiles": a class the text names in words wins over the catalogue's
        if category in _MISSILES and partner.category in _MISSILES and partner.tok_end - partner.tok_start > 1:
            category = partner.category
        start, end = min(m.start, partner.start), max(m.end, partner.end)
        merged.append(WeaponMention(start, end, min(m.tok_start, partner.tok_start), max(m.tok_end, partner.tok_end),
                                    category, m.model, m.used_by, generic=False))
    merged.extend(g for g in generics if id(g) not in used_generic)
    merged.sort(key=lambda w: w.start)
    return merged


@cache
def _modifiers(lang: str) -> frozenset[str]:
    entry = table(lang, "weapons").entries.get("modifiers")
    return frozenset(p.lower() for p in entry.phrases) if entry else frozenset()


def _only_modifiers(a: Analysis, start: int, end: int) -> bool:
    words = _modifiers(a.lang)
    return all(a.tokens[k].norm in words or a.tokens[k].text in ('"', "-") for k in range(start, end))
