"""Language-neutral extraction helpers shared by the English and Slavic backends.

    weapons   catalogue of weapon models (Latin and Cyrillic aliases) -> category
    targets   target taxonomy and keyword rules -> target codes
    dates     date phrases (`DayExpr`) -> the spec's monitoring day
    builder   `ClaimBuilder`: values with evidence per claim key -> `model.Claim`s
"""

from __future__ import annotations

from .builder import ClaimBuilder, ClaimDraft, Span
from .dates import DAY_KINDS, TIME_ZONES, DayExpr, local_time, resolve_monitoring_day
from .targets import TARGET_PATTERNS, TargetMention, find_targets, reduce_targets, top_level
from .weapons import CATALOGUE, WeaponMention, WeaponModel, find_weapon_models, weapon_by_alias

__all__ = [
    "ClaimBuilder",
    "ClaimDraft",
    "Span",
    "DayExpr",
    "DAY_KINDS",
    "TIME_ZONES",
    "local_time",
    "resolve_monitoring_day",
    "TARGET_PATTERNS",
    "TargetMention",
    "find_targets",
    "reduce_targets",
    "top_level",
    "CATALOGUE",
    "WeaponMention",
    "WeaponModel",
    "find_weapon_models",
    "weapon_by_alias",
]
