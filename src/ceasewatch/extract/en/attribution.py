"""Who says it: speakers of English report sentences and their party.

`find_speakers(text, start, end)` finds "X said", "according to X",
", X said." and "said X" in a clause and returns `Speaker`s with the span
of the speaker phrase. `party_of(phrase)` maps a speaker phrase to UA / RU /
OTHER from nationality words, institutions and officials' names; the
caller resolves pronouns ("it said", "the ministry said") to the previous
speaker and regional officials ("Tver regional governor") by geocoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.fastre import gated

__all__ = ["Speaker", "find_speakers", "party_of", "canonical_name", "is_pronoun", "SPEECH_VERB"]

SPEECH_VERB = (
    r"(?:said|says|say|saying|reported|reports|reporting|wrote|writes|told|tells|announced|announces|added|"
    r"stated|states|posted|confirmed|confirms|claimed|claims|put|counted|accused|accuses|denied|denies|"
    r"dismissed|dismisses|rejected|rejects|gave|described|noted|blamed|blames|insisted|called|calls|warned|"
    r"declared|informed|updated|estimated|recorded|registered|cited|quoted|verified|documented)"
)
_BOUNDARY = gated(r"[.,;:\"“”()\[\]—–]|\b(?:that|and|but|while|as|after|where|which|when|whereas|because|what|who|whom|if)\b",
                       re.IGNORECASE)
_SPEECH = gated(r"\b" + SPEECH_VERB + r"\b", re.IGNORECASE)
_ACCORDING = gated(r"\b(?:according\s+to|citing|cited\s+by|quoted\s+by|in\s+a\s+statement\s+by|"
                         r"(?:informed|told|notified|alerted)\s+by)\s+", re.I)  # "has been informed by the plant that"
_BY_AGENT = gated(r"\b(?:highlighted|documented|verified|recorded|cited|confirmed)\s+by\s+(?P<who>(?:the\s+)?"
                  r"(?:[\w'’-]+\s+){0,3}?(?:mission|monitors|team|report|agency|inspectors|observers))\b", re.I)
_SUBJECT = gated(
    r"\s*((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:did|does|has|had|was|is|also|declined|refused|gave|offered)\b"
)
# "according to updated figures", "according to preliminary data": a source of numbers, not a speaker.
_NOT_A_SOURCE = gated(
    r"(?:(?:the|updated|preliminary|latest|initial|official|new|early|first)\s+)*"
    r"(?:figures|data|information|estimates?|reports?|results|count|tally|numbers|footage|images|videos?)",
    re.I,
)
# A speaker phrase never ends in a preposition or an article ("According to", "quoted by the").
_INFINITIVE_END = gated(r"\bto\s+[a-z]+$")
_DANGLING = gated(r"\b(?:to|by|of|for|with|from|on|in|at|the|a|an|according)$", re.I)
_INDEFINITE = gated(r"(?:one|a|an|the|another)\s+\w+", re.I)
_LEAD_TRIM = gated(r"(?:in\s+what\s+|what\s+|so\s+|also\s+|then\s+|later\s+|separately\s*|"
                        # "VIENNA - The International Atomic Energy Agency said": a dateline
                        r"(?-i:[A-Z]{3,}(?:\s+[A-Z]{3,})?)\s+[-–—]+\s+|"
                        # "Among the incidents the Mission verified": the Mission speaks
                        r"(?:among|of|from|for)\s+(?:all\s+)?(?:the\s+)?[\w-]+\s+(?=the\s)|"
                        # "In its daily briefing it said": the pronoun speaks
                        r"in\s+(?:its|his|her|their|a)\s+(?:[\w-]+\s+){0,2}?(?:briefing|statement|update|post|report|"
                        r"address|message|bulletin)\s*,?\s*)+", re.I)
# Time adverbials around a speaker are not part of it: "on Thursday morning the Ukrainian Air
# Force reported", "Ukraine's military on Wednesday said", "By early afternoon the city administration".
_WHEN = (
    r"(?:(?:on|by|in|late|early|earlier|later|overnight|yesterday|today|tonight|this|last)\s+)*"
    r"(?:(?:early|late|mid)[\s-]+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|"
    r"overnight|yesterday|today|tonight|earlier|later|the\s+(?:morning|afternoon|evening|night)|"
    r"\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
# A parenthetical between a subject and its reporting verb: "Kyiv, for its part, said".
_ASIDE = gated(
    r",\s*(?:for\s+(?:its|their|his|her)\s+part|in\s+turn|however|meanwhile|too|also|in\s+response|"
    r"by\s+contrast|in\s+(?:a|its|their|his|her)\s+(?:[\w-]+\s+)?(?:statement|update|post|summary|report|briefing|"
    r"bulletin|release|address)|on\s+the\s+other\s+hand|"
    r"speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+(?:asked|declined)\s+not\s+to\s+be\s+named|"
    r"(?:on\s+|late\s+on\s+|early\s+on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*,\s*$",
    re.I,
)
_TIME_LEAD = gated(r"(?:" + _WHEN + r")(?:\s*,)?\s+(?=\S)", re.I)
_TIME_TAIL = gated(r"\s+(?:" + _WHEN + r")\s*$", re.I)
# Lower-case only: "initially", "later", "also" qualify the verb; "Kelly" is a name.
_ADVERB_TAIL = gated(r"\s+(?:[a-z]+ly|also|later|first|earlier|again|then|too|now|still)\s*$")
_NOT_SPEAKER = gated(r"\d|\b(?:was|were|had|has|have|is|are|been|be|not|no|would|will|could|it\s+said)\b", re.I)
_PRONOUN = gated(
    r"^(?:it|he|she|they|we|the\s+(?:force|forces|ministry|service|agency|headquarters|administration|"
    r"governor|mayor|official|officials|statement|company|operator|military|source|spokesman|spokeswoman|"
    r"spokesperson|command|department|report|regional\s+governor|city\s+administration|air\s+force|"
    r"general\s+staff|navy|army|plant|authorities|president|minister|group|mission|monitors?|"
    r"regional\s+administration|ministry\s+of\s+defence|defence\s+ministry)|its\s+\w+|his\s+\w+|"
    r"the\s+same\s+(?:ministry|source|statement))$",
    re.I,
)

_RU = gated(
    r"\b(?:Russia|Russian|Russia's|Moscow|Kremlin|Lavrov|Peskov|Zakharova|Putin|Shoigu|Belousov|Medinsky|"
    r"Ushakov|Gladkov|Khinshtein|Smirnov|Bogomaz|Rudenya|Malkov|Bocharov|Sobyanin|Vorobyov|Kondratyev|"
    r"Rosatom|Rosneft|Lukoil|Transneft|Gazprom|Rosaviatsia|TASS|RIA|Saldo|Balitsky|Aksyonov|Razvozhayev|"
    r"Pushilin|Pasechnik|Roskomnadzor|Aerospace\s+Forces|Black\s+Sea\s+Fleet|emergencies\s+ministry|"
    r"operational\s+headquarters|emergency\s+headquarters|Rospotrebnadzor|Federal\s+Security\s+Service|FSB)\b",
    re.I,
)
_UA = gated(
    r"\b(?:Ukraine|Ukrainian|Ukraine's|Kyiv|Kiev|Zelensk\w*|Sybiha|Klitschko|Tkachenko|Svyrydenko|Kuleba|"
    r"Shmyhal|Syniehubov|Halushchenko|Umerov|Yermak|Ihnat|Sysyh|Fedorov|Kiper|Lysak|Terekhov|Fedorov|"
    r"Prokudin|Vilkul|Lukashuk|Ukrenergo|Naftogaz|Ukrzaliznytsia|Ukrhydroenergo|Energoatom|DTEK|Centrenergo|"
    r"SBU|HUR|GUR|Air\s+Force|General\s+Staff|military\s+administration|State\s+Emergency\s+Service|"
    r"Unmanned\s+Systems\s+Forces|Navy|Prosecutor|National\s+Police)\b",
    re.I,
)
_OTHER = gated(
    r"\b(?:U\.N\.|UN|United\s+Nations|IAEA|OSCE|ISW|NATO|EU|European|Poland|Polish|U\.S\.|US|American|"
    r"UK|U\.K\.|United\s+Kingdom|Defence\s+Intelligence|"
    r"Trump|White\s+House|Washington|Pentagon|Britain|British|France|French|Germany|German|Romania|"
    r"Romanian|Moldova|Moldovan|Turkey|Turkish|China|Chinese|monitors?|monitoring|researchers|analysts|"
    r"experts|Amnesty|Human\s+Rights\s+Watch|Red\s+Cross|ICRC|traders|independent|satellite|NASA|FIRMS|"
    r"Institute|Center|Centre|Analysis|Research|Studies|Study|Foundation|think\s+tank|observers|diplomats?|Grossi|Guterres|Kallas|von\s+der\s+Leyen|"
    r"International\s+(?:Atomic|Committee|Criminal|Monetary|Energy)|Atomic\s+Energy\s+Agency|WHO|"
    r"World\s+Health|UNICEF|UNHCR|OHCHR|UNESCO|HRMMU|Human\s+Rights\s+Monitoring|Mission|Council\s+of\s+Europe|"
    r"G7|Japan\w*|Canad\w+|Ital\w+|Spain|Spanish|Finland|Finnish|Sweden|Swedish|Norw\w+|Denmark|Danish|"
    r"Lithuania\w*|Latvia\w*|Eston\w+|Hungar\w+|Slovak\w*|Czech|Bulgaria\w*|Georgia\w*|Belarus\w*|"
    r"Kazakh\w*|Israel\w*|Ind\w+\s+government|Brazil\w*|Vatican|Pope|Swiss|Switzerland|Austria\w*|"
    r"Dutch|Netherlands|Belgi\w+|Greenpeace|Bellingcat|Oryx|OSINT|Maxar|Planet\s+Labs|Reuters|AP|AFP|BBC|CNN)\b",
    re.I,
)


_COLON_LEAD = gated(r"\s*([A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,9}?)\s*:\s+(?=\S)")
_TITLE = gated(
    r"\b(?:governor|mayor|head|chief|minister|ministry|spokes\w+|administration|Air\s+Force|General\s+Staff|MoD|"
    r"military|police|service|headquarters|commander|president|office|agency|department|council|operator)\b",
    re.I,
)


@dataclass(frozen=True)
class Speaker:
    phrase: str
    start: int
    end: int
    verb_start: int  # where the speech verb (or "according to") begins


def is_pronoun(phrase: str) -> bool:
    return bool(_PRONOUN.match(phrase.strip()))


def party_of(phrase: str) -> str | None:
    """UA, RU or OTHER from the words of a speaker phrase; None when it
    names no side ("officials", "the regional governor", a bare name).
    With several cues, the first one in the phrase wins ("Russia's
    envoy to the UN" is RU)."""
    best: tuple[int, str] | None = None
    for party, rx in (("RU", _RU), ("UA", _UA), ("OTHER", _OTHER)):
        m = rx.search(phrase)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), party)
    return best[1] if best else None


_CANON = (
    (gated(r"\bair\s+force\b", re.I), "UA", "Ukrainian Air Force"),
    (gated(r"\bgeneral\s+staff\b", re.I), "UA", "Ukrainian General Staff"),
    (gated(r"\b(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD)\b", re.I), "RU",
     "Russian Ministry of Defence"),
)


def canonical_name(phrase: str, party: str | None) -> str:
    """Shared names for the sources that speak most ("Ukraine's Air Force"
    and "the force" are both "Ukrainian Air Force")."""
    for rx, canon_party, name in _CANON:
        if rx.search(phrase) and (party in (None, canon_party)):
            return name
    cleaned = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    return cleaned[:120] or phrase


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".'" and not (
            text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    m = _LEAD_TRIM.match(text, start, end)
    if m:
        start = m.end()
    aux = re.search(r"\s+(?:has|have|had)$", text[start:end])
    if aux:  # "the General Staff has reported": the auxiliary belongs to the verb
        end = start + aux.start()
    for _ in range(2):  # "Late on Thursday, officials" and "officials late on Thursday"
        lead = _TIME_LEAD.match(text, start, end)
        if lead and lead.end() < end:
            start = lead.end()
        tail = _TIME_TAIL.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()
        adverb = _ADVERB_TAIL.search(text, start, end)
        if adverb and adverb.start() > start:
            end = adverb.start()  # "Governor Yury Slyusar initially said": the adverb is the verb's
    return start, end


_APPOSITIVE = gated(
    r"(?:[,\"”]\s*|\b)([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s+((?:the|a|an)\s+[^,;.\"“”]{3,90}),\s*$"
)
_TITLE_NAME = gated(
    r"(?:^|[.;:\"”]\s*|\b)((?:[Tt]he|[Aa]n?)\s+[^,;.\"“”]{3,90}?),\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s*$"
)
_RELATIVE = gated(r"(?:^|(?<=[.;:\"”]\s)|\b)([A-Z][^,;.\"“”]{2,100}?),\s+(?:which|who)\s+[^,;\"“”]{1,90},\s*$")
# (not "told": in "..., told Free Airwaves that" the name after the verb is who was told)
_SAY = gated(r"said|says|say|wrote|writes|added|stated|states|reported|reports|posted|announced|"
                  r"noted|declared|confirmed|continued|insisted|warned", re.I)
_TITLE_ABBREV = gated(r"\b(?:Gov|Lt|Gen|Col|Maj|Capt|Sgt|Sen|Rep|Mr|Mrs|Ms|Dr|St|Adm|Cmdr|Rev)$")
_ACRONYM = gated(r"\([A-Z][A-Za-z]{1,7}\)")


def _boundaries(window: str) -> list[re.Match[str]]:
    """Clause boundaries in `window`, except the brackets of an acronym: "the
    International Atomic Energy Agency (IAEA) team reported" is one speaker."""
    acronyms = [(m.start(), m.end()) for m in _ACRONYM.finditer(window)]
    return [b for b in _BOUNDARY.finditer(window) if not any(a <= b.start() < e for a, e in acronyms)
            and not (b.group(0) == "." and _TITLE_ABBREV.search(window, 0, b.start()))]


def find_speakers(text: str, start: int, end: int) -> list[Speaker]:
    """Speakers attributed in `text[start:end]`, in text order."""
    found: list[Speaker] = []
    lead = _COLON_LEAD.match(text, start, end)
    if lead and _TITLE.search(lead.group(1)) and not _NOT_SPEAKER.search(lead.group(1)):
        # "Belgorod region governor Vyacheslav Gladkov: In the Belgorod district, ...": a post headed by its author.
        found.append(Speaker(lead.group(1), lead.start(1), lead.end(1), lead.end(1)))
    for m in _BY_AGENT.finditer(text, start, end):
        # "Among the incidents highlighted by the mission was an attack ...": the agent is the source
        found.append(Speaker(m.group("who"), m.start("who"), m.end("who"), m.start()))
    for m in _ACCORDING.finditer(text, start, end):
        stop = end
        b = _BOUNDARY.search(text, m.end(), end)
        if b:
            stop = b.start()
        s, e = _trim(text, m.end(), min(stop, m.end() + 90))
        if e > s and not _NOT_A_SOURCE.fullmatch(text[s:e]):
            found.append(Speaker(text[s:e], s, e, m.start()))
    for m in _SPEECH.finditer(text, start, end):
        if re.match(r"\s+by\b", text[m.end() : m.end() + 4]):
            continue  # "the incident verified by the Mission": passive, the speaker follows "by"
        # The speaker precedes the verb back to the nearest clause boundary...
        left = max(start, m.start() - 90)
        window = text[left : m.start()]
        cut = None
        for b in _boundaries(window):
            cut = b.end()
        s, e = _trim(text, left + (cut or 0), m.start())
        phrase = text[s:e]
        if e > s and _INFINITIVE_END.search(phrase):
            continue  # "the team continued to receive reports of ...": "reports" is a noun here
        if e > s and _DANGLING.search(phrase):
            continue  # "According to updated figures": "updated" is no speech verb here
        if e > s and len(phrase.split()) <= 13 and not _NOT_SPEAKER.search(phrase):
            found.append(Speaker(phrase, s, e, m.start()))
            continue
        appos = None
        if e <= s:
            appos = (_APPOSITIVE.search(text, max(start, m.start() - 130), m.start())
                     or _TITLE_NAME.search(text, max(start, m.start() - 130), m.start()))
        if appos is not None and not _NOT_SPEAKER.search(appos.group(0)):
            # '"...," Vladimir Saldo, the Moscow-appointed head of the region, wrote' and "The mayor of
            # Horlivka, Ivan Prikhodko, said": name and title speak together.
            found.append(Speaker(text[appos.start(1) : appos.end(2)], appos.start(1), appos.end(2), m.start()))
            continue
        rel = _RELATIVE.search(text, max(start, m.start() - 200), m.start()) if e <= s else None
        if rel is not None:
            # "A spokesman for the Khortytsia group, which operates in the area, dismissed the claim"
            rs, re_ = _trim(text, rel.start(1), rel.end(1))
            if re_ > rs and len(text[rs:re_].split()) <= 12 and not _NOT_SPEAKER.search(text[rs:re_]):
                found.append(Speaker(text[rs:re_], rs, re_, m.start()))
                continue
        aside = _ASIDE.search(text, max(start, m.start() - 60), m.start()) if e <= s else None
        if aside is not None:
            # "Kyiv, for its part, said ...": the speaker stands before the aside.
            left = max(start, aside.start() - 90)
            window = text[left : aside.start()]
            cut = None
            for b in _boundaries(window):
                cut = b.end()
            s, e = _trim(text, left + (cut or 0), aside.start())
            phrase = text[s:e]
            if e > s and len(phrase.split()) <= 10 and not _NOT_SPEAKER.search(phrase):
                found.append(Speaker(phrase, s, e, m.start()))
                continue
        if e <= s and re.search(r"\b(?:but|and)\s*$", text[max(start, m.start() - 6) : m.start()]):
            # "X did not comment on Engels, but said ...": the sentence's subject speaks.
            subj = _SUBJECT.match(text, start, m.start())
            if subj and not _SPEECH.search(subj.group(1)):  # "It said the block had ..., and called": "It" spoke
                found.append(Speaker(subj.group(1), subj.start(1), subj.end(1), m.start()))
                continue
        # ...or follows it: "..., said Vladimir Medinsky, the head of ..."
        b = _BOUNDARY.search(text, m.end(), end)
        s, e = _trim(text, m.end(), b.start() if b else min(end, m.end() + 60))
        phrase = text[s:e]
        # Inversion only follows a quote or an aside: '"...," said X' -- not "said Russian drones hit".
        inverted = re.search(r"[,\"”’'—–:(]\s*$", text[max(start, m.start() - 3) : m.start()]) is not None and (
            _SAY.fullmatch(m.group(0)) is not None)  # '"...," said X' -- but "..., dismissed the claim" is no inversion
        if inverted and e > s and len(phrase.split()) <= 8 and (
            phrase[:1].isupper() or _INDEFINITE.match(phrase)
        ) and not _NOT_SPEAKER.search(phrase):
            found.append(Speaker(phrase, s, e, m.start()))
    found.sort(key=lambda sp: sp.start)
    return found
