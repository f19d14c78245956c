"""Which side attacks which: actor words, interceptions reported by a side, the struck
ground, and claims earlier in the report that a clause points back to (a mixin of
`EnglishExtractor`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..common.builder import ClaimDraft
from ..common.weapons import USED_BY
from .counts import CountMention, WeaponPhrase
from .geo import OCCUPIED, GeoMention, is_launch_site
from .lexicon import (
    ACCUSE,
    ACTOR_RU,
    ACTOR_UA,
    DEFENDER,
    ENEMY,
    OWN_FORCES,
    TARGET_RU,
    TARGET_UA,
)
from .reading import (
    _ACTION,
    _ACTION_AFTER,
    _AIR_DEFENCE,
    _DEFENDS,
    _INTERCEPT_WORDS,
    _OTHER,
    _OWNED_BY,
    _STRUCK,
    _WEAPON_WORD,
    _BlockState,
    _DocState,
    _other,
    _source_key,
    _speaker_key,
    _Voice,
)


class DirectionRules:
    """Direction rules of `EnglishExtractor`; they read and write the `_DocState` passed in."""

    _last_strength: float
    _weak_day: bool
    geocoder: Any

    def _direction(
        self,
        text: str,
        cs: int,
        ce: int,
        voice: _Voice | None,
        geo: list[GeoMention],
        counts: list[CountMention],
        excluded: list[tuple[int, int]],
        bstate: _BlockState,
        doc_direction: tuple[str, str] | None = None,
        *,
        denial: bool = False,
        own_last: tuple[str, str] | None = None,
        phrases: Sequence[WeaponPhrase] = (),
    ) -> tuple[tuple[str, str] | None, tuple[int, int] | None]:
        """(attacker, target_country) with the span of the strongest cue; the
        cue's weight is left in `self._last_strength`. In a denial, "accusing
        Moscow of ..." is a counter-accusation and does not count."""
        self._last_strength = 0.0
        votes = {"UA": 0.0, "RU": 0.0}  # votes for the attacker
        best: tuple[float, tuple[int, int]] | None = None
        party = voice.party if voice is not None else None

        def vote(side: str | None, weight: float, span: tuple[int, int] | None) -> None:
            nonlocal best
            if side not in votes:
                return
            votes[side] += weight
            if span is not None and (best is None or weight > best[0]):
                best = (weight, span)

        def free(m: re.Match[str]) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in excluded)

        defended = []
        for m in DEFENDER.finditer(text, cs, ce):
            if not free(m):
                continue  # "the Ukrainian Air Force reported": the speaker, not a defence in action
            side = "UA" if m.group("side").lower().startswith("ukrain") else "RU"
            vote(_other(side), 2.0, (m.start(), m.end()))
            defended.append((m.start(), m.end()))
        for phrase in phrases:
            for model, (ws, we) in zip(phrase.models, phrase.model_spans, strict=True):
                side = USED_BY.get(model)
                if side is not None and all(we <= a or ws >= b for a, b in excluded):
                    vote(side, 2.0, (ws, we))  # "eight Lyutyi drones reached the plant": only Ukraine fires them
        for m in ACCUSE.finditer(text, cs, ce) if not denial else ():
            who = (m.group("who") or m.group("who2") or "").lower()
            vote("UA" if who.startswith(("ukrain", "kyiv", "the kyiv")) else "RU", 3.0, (m.start(), m.end()))
        for rx, side in ((ACTOR_RU, "RU"), (ACTOR_UA, "UA")):
            for m in rx.finditer(text, cs, ce):
                if free(m) and all(m.end() <= a or m.start() >= b for a, b in defended):
                    # "fuel to the Russian army", "against Ukrainian troops": the side is not acting;
                    # but "lists of Russian strikes", "result of the Russian aggression" still act.
                    before = text[max(cs, m.start() - 16) : m.start()]
                    passive = re.search(r"\b(?:to|for|against|of|on|at|supply|supplies|supplying|where|which|whom)"
                                        r"\s+(?:the\s+)?$", before, re.I)
                    agentive = passive is not None and passive.group(0).lower().startswith("of") and (
                        _ACTION.search(m.group(0)) or re.search(r"\b(?:strikes?|attacks?|drones?|missiles?|units?)\s+of\s+"
                                                                r"(?:the\s+)?$", text[max(cs, m.start() - 30) : m.start()], re.I)
                    )
                    if passive and not agentive:
                        continue
                    if _AIR_DEFENCE.search(m.group(0)):
                        continue  # "a Ukrainian anti-aircraft missile": a defender's interceptor, not an attack
                    if passive and _STRUCK.search(text, max(cs, m.start() - 60), m.start()):
                        continue  # "struck a deployment point of units of the Ukrainian armed forces": the target
                    if _DEFENDS.match(text, m.end(), ce):
                        # "Ukrainian forces downed 61 drones", "Russian forces repelled a Ukrainian drone attack"
                        vote(_other(side), 2.0, (m.start(), m.end()))
                        defended.append((m.start(), m.end()))
                        continue
                    vote(side, 3.0, (m.start(), m.end()))
        if party in ("UA", "RU"):
            for m in ENEMY.finditer(text, cs, ce):
                owned = _OWNED_BY.search(text, max(cs, m.start() - 12), m.start()) or text.startswith(("'s", "’s"), m.end())
                if owned and not _ACTION_AFTER.match(text, m.end()):
                    # "military infrastructure of the aggressor", "the enemy's launchers": the struck side
                    vote(party, 1.5, (m.start(), m.end()))
                    continue
                vote(_other(party), 2.0, (m.start(), m.end()))
            for m in OWN_FORCES.finditer(text, cs, ce):
                if free(m) and not _INTERCEPT_WORDS.search(m.group(0)):
                    vote(party, 2.5, (m.start(), m.end()))
            if any(c.measure in ("intercepted", "lost") for c in counts) or (
                    _INTERCEPT_WORDS.search(text, cs, ce) and _WEAPON_WORD.search(text, cs, ce)):
                # "A launcher and a radar station were destroyed" is a strike, not an interception.
                m2 = _INTERCEPT_WORDS.search(text, cs, ce)
                vote(_other(party), 1.5, (m2.start(), m2.end()) if m2 else None)  # no word to point at: no evidence
        for m in TARGET_UA.finditer(text, cs, ce):
            if free(m) and not is_launch_site(text, cs, m.start()):
                vote("RU", 1.5, (m.start(), m.end()))
        for m in TARGET_RU.finditer(text, cs, ce):
            if free(m) and not is_launch_site(text, cs, m.start()):  # "jets flying over Russia's ..."
                vote("UA", 1.5, (m.start(), m.end()))
        seen: set[str] = set()
        for g in geo:
            if g.country in ("UA", "RU") and g.region not in OCCUPIED and g.country not in seen:
                seen.add(g.country)
                vote(_other(g.country), 1.0, (g.start, g.end))
        if votes["UA"] != votes["RU"]:
            attacker = "UA" if votes["UA"] > votes["RU"] else "RU"
            self._last_strength = best[0] if best else 0.0
            return (attacker, _OTHER[attacker]), best[1] if best else None
        if bstate.direction is not None:
            return bstate.direction, None
        if own_last is not None:
            # '"Explosions were recorded at the airfield," the General Staff said' after the General
            # Staff said its drones hit the base: the source goes on with its own account.
            return own_last, None
        if party in ("UA", "RU"):
            return (_OTHER[party], party), None
        return doc_direction, None

    @staticmethod
    def _own_last_direction(state: _DocState, voice: _Voice | None) -> tuple[str, str] | None:
        """The direction of the latest claim the same source asserted earlier in the report."""
        key = _speaker_key(voice)
        if key is None or voice is None or voice.party not in ("UA", "RU"):
            return None
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.attacker and draft.party == voice.party and (
                    _source_key(draft.claimant_name) == key):
                return draft.attacker, draft.target_country  # type: ignore[return-value]
        # "A source in the SBU said ... two aircraft shelters were hit", after the General Staff claimed the
        # strike: another source of the same side, with no cue of its own, goes on about the same strike.
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.attacker and draft.party == voice.party:
                return draft.attacker, draft.target_country  # type: ignore[return-value]
        return None

    def _accusation(
        self, state: _DocState, party: str | None, direction: tuple[str, str] | None = None
    ) -> ClaimDraft | None:
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.party != party and draft.attacker:
                if direction is None or (draft.attacker, draft.target_country) == direction:
                    return draft
        return None

    def _capital_country(self, state: _DocState, bstate: _BlockState, voice: _Voice | None) -> str | None:
        """Whose capital "the capital" is: the struck side of the paragraph or report so far."""
        direction = bstate.direction or state.last_direction
        if direction is not None:
            return direction[1]
        return voice.party if voice is not None and voice.party in ("UA", "RU") else None

    @staticmethod
    def _referred_draft(state: _DocState, text: str, targets: list[Any], *, with_attacker: bool) -> ClaimDraft | None:
        """The latest earlier claim that a definite target ("the refinery") points back to:
        one naming the same target code (and an attacker, when `with_attacker`)."""
        for t in targets:
            if not re.search(r"\bthe\s+$", text[max(0, t.start - 5) : t.start], re.I):
                continue
            for draft, _stance in reversed(state.history):
                if (draft.attacker or not with_attacker) and any(code == t.code for code, _ in draft.targets):
                    return draft
        return None

    @classmethod
    def _referred_direction(cls, state: _DocState, text: str, targets: list[Any]) -> tuple[str, str] | None:
        """"the refinery had been targeted deliberately" with no side named: the definite
        article points back to the target an earlier claim of the report was about."""
        draft = cls._referred_draft(state, text, targets, with_attacker=True)
        return (draft.attacker, draft.target_country) if draft is not None else None  # type: ignore[return-value]

    @staticmethod
    def _own_earlier_attacker(state: _DocState, voice: _Voice | None) -> str | None:
        key = _speaker_key(voice)
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.party == "OTHER" and draft.attacker and key is not None and (
                    key == _source_key(draft.claimant_name)):
                return draft.attacker
        return None

    @classmethod
    def _referred_target(cls, state: _DocState, text: str, targets: list[Any]) -> str | None:
        """The struck side of the earlier claim a definite target points back to, unless
        that claim's ground is all occupied (then no side is presented)."""
        draft = cls._referred_draft(state, text, targets, with_attacker=False)
        if draft is None:
            return None
        regions = [code for code, _ in draft.regions]
        return None if regions and all(r in OCCUPIED for r in regions) else draft.target_country

    @staticmethod
    def _antecedent(state: _DocState, cs: int, ce: int, exclude: ClaimDraft | None = None
                    ) -> tuple[ClaimDraft, tuple[str, tuple[int, int]]] | None:
        """The earlier claim and target that "the terminal" / "the depot" in this clause
        points back to: a target of that claim whose last word is the same noun."""
        text = state.text
        for m in re.finditer(r"\bthe\s+(?:[\w-]+\s+)?([a-z]{4,})\b", text[cs:ce]):
            noun = m.group(1).lower().rstrip("s")
            for other, stance in reversed(state.history):
                if other is exclude or stance != "asserted" or not other.attacker:
                    continue
                hit = next(((code, span) for code, span in other.targets
                            if text[span[0] : span[1]].lower().split()[-1].rstrip("s") == noun), None)
                if hit is not None:
                    return other, hit
        return None
