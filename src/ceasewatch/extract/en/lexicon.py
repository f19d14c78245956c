"""English word lists and patterns: weapon nouns, count verbs, strike and
denial cues, actor words. Kept apart from the rules that use them so new
wording is one line here."""

from __future__ import annotations

import re

from ..common.fastre import gated

__all__ = [
    "DEFENCE_SYSTEM_AFTER",
    "MODIFIER_WORDS",
    "WEAPON_NOUNS",
    "MEASURE_VERBS",
    "STRIKE_CUE",
    "DENIAL_CUE",
    "LAUNCH_CONTEXT",
    "DEFENDER",
    "ACTOR_RU",
    "ACTOR_UA",
    "ENEMY",
    "OWN_FORCES",
    "TARGET_UA",
    "TARGET_RU",
    "ACCUSE",
    "METONYMY",
    "CAPITAL",
]

_I = re.IGNORECASE
_MOD = (
    r"(?:(?:attack|strike|combat|kamikaze|fixed-wing|long-range|reconnaissance|imitator|decoy|jet-powered|jet|"
    r"enemy|hostile|Ukrainian|Russian|Iranian-designed|Iranian-made|Shahed-type|Geran-type|Shahed|Geran|"
    r"aircraft-type|aeroplane-type|airplane-type|unmanned|uncrewed|suicide|one-way|guided|air-launched|"
    r"sea-launched|ship-launched|ground-launched|anti-ship|hypersonic|high-precision|precision|tactical|heavy|"
    r"aerial|air)\s+)*"
)
MODIFIER_WORDS = frozenset(
    w.lower() for w in re.findall(r"[A-Za-z][\w-]*", _MOD.replace("(?:y|ies)", "")) if len(w) > 1
)
# (category, pattern) in matching order: the first pattern that matches a span wins.
WEAPON_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other", gated(r"\b(?:uncrewed|unmanned|naval|sea|maritime|surface)\s+(?:boats?|surface\s+vessels?|"
                         r"vessels?|drones?|craft)\b|\bboats?\s+drones?\b|\bnaval\s+drones?\b", _I)),
    ("cruise_missile", gated(r"\bcruise\s+missiles?\b", _I)),
    ("ballistic_missile", gated(r"\b(?:ballistic|quasi-ballistic)(?:\s+missiles?)?\b", _I)),
    ("guided_bomb", gated(r"\b(?:guided\s+)?(?:aerial\s+|air\s+|glide\s+|gliding\s+)bombs?\b|"
                               r"\bguided\s+bombs?\b|\bglide\s+bombs?\b", _I)),
    ("drone", gated(r"\b(?:drones?|UAVs?|UAS|(?:unmanned|uncrewed)\s+aerial\s+(?:vehicles?|systems?)|"
                         r"(?:unmanned|uncrewed)\s+aircraft|"
                         r"loitering\s+munitions?|decoys?)\b", _I)),
    ("missile", gated(r"\b(?:missiles?|rockets?)\b", _I)),
    ("artillery", gated(r"\b(?:artillery\s+)?shells\b|\bMLRS\b|\b(?:multiple\s+)?rocket\s+launchers?\b|"
                             r"\bmortar\s+(?:rounds|shells|bombs)\b|"
                             # "73 munitions were fired" (a Russian governor's tally of shelling)
                             r"\b(?:artillery\s+)?munitions\b(?!\s+(?:from|by)\s+(?:a\s+|the\s+)?(?:drones?|UAVs?))", _I)),
)

# Measures: verbs and phrases that say what happened to counted weapons.
MEASURE_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("lost", gated(
        r"\b(?:lost\s+locationally|locationally\s+lost|lost(?:\s+(?:on\s+radar|from\s+radar))?|"
        r"(?:vanished|disappeared)\s+(?:from|off)\s+(?:the\s+)?radar|jammed|suppressed\s+by\s+(?:electronic|EW)|"
        r"(?:were|was)\s+suppressed|suppressed\s+(?:by|with)\s+electronic\s+warfare|"
        r"(?:diverted|redirected)\s+by\s+electronic\s+warfare|neutralised\s+by\s+electronic\s+warfare)\b", _I)),
    ("intercepted", gated(
        r"\b(?:shot\s+down|destroyed|intercepted|downed|neutrali[sz]ed|brought\s+down|knocked\s+out|"
        r"taken\s+down|eliminated|repelled)\b", _I)),
    ("hit", gated(
        r"\b(?:hit|struck|reached\s+(?:their\s+)?targets?|hits|impacts?|landed|crashed\s+(?:into|onto)|"
        # "eight of them had reached the plant"
        r"reached\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:plant|facilit(?:y|ies)|refinery|depot|airfield|base|site|"
        r"enterprise|terminal|substation))\b", _I)),
    ("launched", gated(
        r"(?<![\w-])(?:launched|launching|used|using|fired|firing|sent|sending|attacked\s+(?:with|by)|attacking\s+with|"
        r"struck\s+with|dropped|dropping|deployed|detected(?:\s+and\s+tracked)?|tracked|involved|employed|"
        r"with|unleashed|hurled|targeted\s+with)\b", _I)),
)

STRIKE_CUE = gated(
    r"\b(?:attack(?:ed|s|ing)?|struck|strikes?|striking|hit(?:s|ting)?|crashed|fallen|under\s+fire|"
    # "Air defence units were working in the Zhytomyr and Rivne regions": where the attack went
    r"air\s+defen[cs]es?\s+(?:units\s+|forces\s+|systems\s+)?(?:was|were|is|are)\s+(?:working|active|operating)|shell(?:ed|ing)|bomb(?:ed|ing)|"
    r"launch(?:ed|es)?|fir(?:ed|ing)|shot\s+down|destroy(?:ed|ing)|intercept(?:ed|ing)|downed|damag(?:ed|ing|e)|"
    r"target(?:ed|ing)|kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|dead|casualties|explosions?|blasts?|"
    r"debris|fires?\s+(?:broke|at|on|in)|set\s+(?:off\s+)?(?:a\s+)?fire|caught\s+fire|blaze|affected|raid|"
    r"barrage|salvo|repelled|lost\s+locationally|recorded|suppressed|thwarted|fell|falling|dropped|"
    r"arsenal|outages?|aimed|aiming)\b",
    _I,
)

DENIAL_CUE = gated(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|fabrication|fake|false\s+claim|"
    r"not\s+(?:been\s+)?(?:attacked|struck|behind|involved|responsible|targeted)|"
    r"no\s+such\s+(?:attack|strike)|had\s+not\s+(?:attacked|struck|carried\s+out|fired\s+(?:on|at)|shelled)|"
    r"did\s+not\s+(?:attack|strike|carry\s+out|fire\s+(?:on|at)|shell|bomb)|never\s+(?:attacked|struck|took\s+place)|had\s+not\s+taken\s+place|did\s+not\s+take\s+place|"
    r"staged|provocation)\b",
    _I,
)

# Launch sites: "from the directions of Kursk", "launched from occupied Crimea", "from Tu-95MS bombers over ...".
LAUNCH_CONTEXT = gated(
    r"\b(?:(?<!far\s)(?<!away\s)(?<!km\s)(?<!miles\s)(?<!kilometres\s)(?<!kilometers\s)(?<!debris\s)(?<!fragments\s)"
    r"(?<!wreckage\s)(?<!parts\s)from|out\s+of|"
    r"launch(?:ed|ing)\s+(?:from|over|in|by)|direction(?:s)?\s+of|airspace\s+of|by\s+Tu-\w+|"
    r"area\s+of|fired\s+from|took\s+off\s+from|positions?\s+in)\b",
    _I,
)
# After a launch cue, a strike or interception word means the place is a target again.
LAUNCH_RESET = gated(
    r"\b(?:shot\s+down|destroyed|intercepted|downed|hit|struck|strikes?|attacked|damaged|were\s+recorded|"
    r"affected|fell|against|on|at|towards?|into|targeting|at\s+targets|killed|killing|injured|injuring|wounded|"
    r"wounding|damaging|exploded|landed|crashed|brought\s+down|neutrali[sz]ed)\b",
    _I,
)

DEFENDER = gated(
    r"\b(?P<side>Ukrainian|Ukraine's|Russian|Russia's)\s+(?:air\s+defen[cs]es?|air\s+force|forces\s+shot|"
    r"mobile\s+fire\s+groups|fighter\s+jets?|interceptors?)\b",
    _I,
)
_RU_WEAPON = r"(?:drones?|UAVs?|missiles?|strikes?|attacks?|air\s+(?:attack|strike|raid)s?|bombs?|forces|troops|army|" \
    r"military|armed\s+forces|shelling|aircraft|bombers|barrage|assault|aviation|artillery|aggression)"
_RU_VERB = r"(?:launched|attacked|struck|fired|sent|hit|pounded|targeted|used|shelled|bombed|carried\s+out|" \
    r"unleashed|again|continued|has\s+(?:launched|attacked|struck|hit)|had\s+(?:launched|attacked|struck|fired|hit))"
ACTOR_RU = gated(
    r"\bRussia\s+(?:\w+\s+){0,2}?" + _RU_VERB + r"\b|"
    r"\b(?:Russian|Russia's|Moscow's)\s+(?:[\w-]+\s+){0,2}?" + _RU_WEAPON + r"\b|\boccupiers?\b|\binvaders?\b|"
    r"\bRussian\s+Armed\s+Forces\b|\bRussian\s+Federation\s+(?:launched|attacked)\b|"
    r"\b(?:armed\s+forces|troops|army)\s+of\s+(?:Russia|the\s+Russian\s+Federation)\b",
    _I,
)
ACTOR_UA = gated(
    r"\b(?:Ukraine(?:'s)?(?=\s+(?:\w+\s+){0,3}?(?:launched|attacked|struck|fired|sent|hit|targeted|used|"
    r"carried\s+out|had\s+(?:launched|attacked|struck)))|(?:Ukrainian|Kyiv's)\s+(?:\w+[\s-]+){0,2}?"
    r"(?:drones?|UAVs?|missiles?|strikes?|attacks?|forces|troops|army|military|armed\s+forces|unmanned|"
    r"naval\s+drones|boats|saboteurs|shelling|aircraft|artillery)|"
    r"Kyiv\s+regime|Kiev\s+regime|Ukrainian\s+armed\s+formations|Ukrainian\s+Armed\s+Forces|"
    r"(?:armed\s+forces|troops|army|defen[cs]e\s+forces)\s+of\s+Ukraine|Ukraine's\s+(?:defen[cs]e|armed)\s+forces|"
    r"Special\s+Operations\s+Forces|Unmanned\s+Systems\s+Forces|SBU|HUR|GUR|"
    r"Security\s+Service\s+of\s+Ukraine)\b",
    _I,
)
ENEMY = gated(r"\b(?:the\s+enemy|enemy|adversary|aggressor)\b", _I)
# "its drones", "our forces": the speaker's own side is the attacker.
OWN_FORCES = gated(
    r"\b(?:its|our|their)\s+(?:\w+\s+){0,2}?(?:forces|drones|units|troops|army|military|missiles|strikes?|"
    r"aviation|navy|fleet)\b|\b(?:units|drones|forces|troops|missiles)\s+of\s+(?:its|our|the\s+(?:defen[cs]e|armed)\s+forces)\b|"
    r"\b(?:we|it|they)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:struck|hit|attacked|carried\s+out|launched|delivered|conducted|targeted)\b|\bbeen\s+behind\b",
    _I,
)
TARGET_UA = gated(
    r"\b(?:against|at|on|across|into|over|of|throughout)\s+(?:\w+\s+){0,2}?(?:Ukraine|Ukrainian)\b|"
    r"\bUkraine's\s+(?:energy|power|gas|grid|cities|capital|infrastructure|defence|military|air\s+force|"
    r"railway|ports?)\b|\bUkrainian\s+(?:cities|energy|infrastructure|defence\s+(?:industry|plants)|"
    r"military|territory|air\s+(?:force\s+)?bases|ports?|positions|armed\s+forces)\b",
    _I,
)
TARGET_RU = gated(
    r"\b(?:against|at|on|across|into|over|in|of|throughout|inside)\s+(?:\w+\s+){0,2}?(?:Russia|Russian)\b|"
    r"\bRussia's\s+(?:\w+\s+){0,2}?(?:region|port|refiner\w*|city|territory|oil|energy|regions)\b|"
    r"\bRussian\s+(?:city|town|territory|regions?|refiner\w*|port|oil|energy|airfield|village)\b|"
    r"\bRussian\s+Federation\b",
    _I,
)
ACCUSE = gated(
    r"\baccus(?:ed|es|ing)\s+(?P<who>Ukraine|Kyiv|Russia|Moscow|the\s+Kyiv\s+regime|Ukrainian\s+forces|"
    r"Russian\s+forces)\b|\bblam(?:ed|es|ing)\s+(?P<who2>Ukraine|Kyiv|Russia|Moscow|Ukrainian|Russian)\b",
    _I,
)
# "Kyiv said", "Moscow's war": capitals standing for governments are not places.
METONYMY = gated(
    r"\b(?:accus\w+|blam\w+|urg\w+|criticism\s+of|pressure\s+on|sanctions\s+on|talks\s+with|relations\s+with)\s+"
    r"(?:Moscow|Kyiv|Kiev)\b|"
    r"\b(?:installed|appointed|backed|controlled|run|sent)\s+by\s+(?:Moscow|Kyiv|Kiev|the\s+Kremlin)\b|"
    r"\b(?:Kyiv|Kiev|Moscow)\s+and\s+(?:Kyiv|Kiev|Moscow)\b|"  # "Kyiv and Moscow have exchanged ...": the two sides
    r"\b(?:Moscow|Kyiv|Kiev|Kremlin)-(?:installed|appointed|backed|controlled|run)\b|"
    r"\b(?:Kyiv|Kiev|Moscow|the\s+Kremlin)(?:\s+[a-z]+ly)?(?:'s\s+(?:account|war|delegation|position|head|allies|forces|"
    r"military|government|officials|version|claims?|regime)|\s+(?:said|says|has|had|regime|calls|called|"
    r"accused|denied|blamed|urged|urges|asked|vowed|declined|wants|claims|claimed|is|was|would|will|"
    r"reported|described|insists|rejected))\b",
    _I,
)
CAPITAL = gated(r"\b(?:the\s+)?capital(?:'s)?\b", _I)

HYPOTHETICAL = gated(
    r"\b(?:would|will|could|might|plans?\s+to|planning|preparing|pretext|threaten\w*|vow(?:ed|s)|promis\w+|"
    r"ready\s+to|going\s+to|intends?|if\s+|unless|ceasefire|truce|talks|negotiat\w+|memorandum|sanctions|"
    r"agreement|moratorium|proposal|proposed|summit|elections?)\b",
    _I,
)
__all__.append("HYPOTHETICAL")

# Names of weapons followed by "air defence systems" ("S-400 and Pantsir air defence systems") are
# the defender's; the words are not a weapon launched nor, for the gazetteer, a place.
DEFENCE_SYSTEM_AFTER = gated(r"(?:\s*(?:,|and|or)\s*[\w-]+)*\s+(?:air[\s-]+defen[cs]e|anti-aircraft|surface-to-air|"
                             r"SAM)\b", re.I)
