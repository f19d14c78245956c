"""Evidence spans must SUPPORT their values, not merely lie inside the text.

Every extractor runs over the dev corpus and the demo corpus; for each
evidence span the words `text[start:end]` are checked against the value the
claim records for that field, using the extractors' own parsers (numbers,
dates, targets, weapons) and the project geocoder. A span that is in bounds
but says something else ("r energy strik", "on Thursday morning the
Ukrainian Air Force") fails here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.common.targets import find_targets, top_level
from ceasewatch.extract.common.weapons import find_weapon_models
from ceasewatch.extract.en.dates import MULTI_DAY
from ceasewatch.extract.en.dates import find_dates as en_dates
from ceasewatch.extract.en.lexicon import DENIAL_CUE
from ceasewatch.extract.en.numbers import find_numbers
from ceasewatch.model import Claim, Document

# the per-language rule extractors, whose own parsers (numbers, dates, targets) read the spans
V1 = {"en": "ceasewatch.extract.en_rules.v1", "uk": "ceasewatch.extract.uk_rules.v1", "ru": "ceasewatch.extract.ru_rules.v1"}
ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
DEMO = ROOT / "demo"

# Words a speaker phrase never starts or ends with: time adverbials, prepositions, conjunctions.
_EDGE_WORDS_EN = re.compile(
    r"^(?:on|in|at|by|late|early|earlier|later|overnight|yesterday|today|tonight|morning|evening|night|afternoon|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|also|then|and|but|while|for|so|as|that|"
    r"which|who|meanwhile|separately|however|part|said|says|to|of|according|with|from)$",
    re.I,
)
_EDGE_WORDS_SLAVIC = {
    "у", "в", "на", "з", "із", "зі", "с", "со", "по", "до", "від", "от", "і", "й", "та", "и", "а", "але", "но",
    "що", "что", "вчора", "вчера", "сьогодні", "сегодня", "вранці", "утром", "ввечері", "вечером", "вночі", "ночью",
}
_DENIAL_SLAVIC = {"не", "ні", "нет", "ни", "нібито", "якобы", "фейк", "провокація", "провокация", "неправдивий",
                  "брехня", "ложь", "інсценування", "инсценировка", "спростовує", "опровергает", "заперечує"}
_WEAPON_WORDS = re.compile(
    r"drone|uav|shahed|geran|gerbera|missile|rocket|bomb|kab|artillery|shell|mortar|mlrs|grad|howitzer|"
    r"iskander|kinzhal|kalibr|kh-|s-300|tochka|neptune|storm\s+shadow|atacms|himars|decoy|glide|"
    r"aircraft|weapon|air\s+attack|munition|projectile|ballistic|cruise|unmanned|uncrewed|aerial\s+vehicle|"
    r"boats?\b|fpv|lancet|orlan|"
    r"дрон|бпла|безпілот|беспилот|шахед|герань|ракет|бомб|каб|артилер|артиллер|снаряд|міномет|миномет|"
    r"рсзв|рсзо|град|іскандер|искандер|кинджал|кинжал|калібр|калибр|х-\d|с-300|засоб|средств|"
    r"літак|самол|боєприпас|боеприпас|крилат|крылат|балістич|баллистич|керован|управляем|імітатор|имитатор|"
    r"точка|катер",
    re.I,
)
_SEA = re.compile(r"\b(?:sea|море|моря|морі|морем|акваторі)", re.I)
_CITY_ANAPHOR = re.compile(r"^(?:the|this)\s+(?:city|town|capital)$", re.I)
# Value 0 is stated by negation ("no one was injured", "was not intercepted", "загиблих немає").
_ZERO = re.compile(r"\b(?:no|not|none|nobody|neither|nor|no\s+one|zero|немає|нема|нет|не|без|ні|жоден|никто|никого)\b",
                   re.I)
# Value 1 is stated by a single person or an ordinal ("a woman was killed", "the third one hit").
_ONE = re.compile(
    r"\b(?:one|man|woman|child|boy|girl|person|resident|driver|civilian|employee|worker|"
    r"чоловік|жінка|дитина|людина|мужчина|женщина|ребенок|ребёнок|человек|водитель|водій|постраждал\w*|пострадал\w*|"
    r"(?:перш|перв|друг|втор|трет|четверт|п'ят|пят)\w*)\b",
    re.I,
)
_ADJ_SUFFIXES = ("ьський", "ський", "цький", "ский", "цкий", "ской")
_TIME_WORDS = re.compile(r"\b(?:overnight|night|yesterday|today|morning|evening|afternoon)\b", re.I)


@cache
def _geocoder():  # type: ignore[no-untyped-def]
    from ceasewatch.geocode import default_geocoder

    return default_geocoder()


@cache
def _analyzer(lang: str):  # type: ignore[no-untyped-def]
    from ceasewatch.extract.slavic.morph import analyzer_for

    return analyzer_for(lang)


def _numbers(span: str, lang: str) -> set[int]:
    """Every number the language's own parsers read in the span ("both" is two)."""
    layered = {n.value for n in _layered(span, lang).numbers if n.value is not None}
    layered |= {2 for n in _layered(span, lang).numbers if n.quantifier == "both"}
    if lang == "en":
        return layered | {n.value for n in find_numbers(span) if n.value is not None}
    from ceasewatch.extract.slavic.numbers import number_at

    toks = _analyzer(lang).tokens(span)
    found = set(layered)
    for i in range(len(toks)):
        m = number_at(toks, i)
        if m is not None:
            found.add(m.value)
    return found


def _ngrams(span: str) -> list[str]:
    words = re.findall(r"[\w'’-]+", span)
    grams = [span]
    for n in range(min(4, len(words)), 0, -1):
        grams += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return grams


def _resolves_to(span: str, lang: str, *, region: str | None = None, place: str | None = None) -> bool:
    """The span, or a place named within it, geocodes to the region / the place."""
    geo = _geocoder()
    for gram in _ngrams(span):
        for c in geo.lookup(gram, lang=lang, limit=8):
            if region is not None and (c.region == region or (region.startswith("SEA-") and c.kind == "sea")):
                return True
            if place is not None and c.name.casefold() == place.casefold():
                return True
    return False


@cache
def _layered(span: str, lang: str):  # type: ignore[no-untyped-def]
    """The layered engine's own mentions of the span (its lexicon's targets, times and numbers)."""
    from ceasewatch.extract.analysis.document import analyze
    from ceasewatch.extract.mentions import find_mentions

    a = analyze(Document(id="span", text=span, language=lang))
    return find_mentions(a, _geocoder())


def _dates_in(span: str, lang: str) -> bool:
    if any(t.kind != "time" for t in _layered(span, lang).times):
        return True
    if lang == "en":
        return bool(en_dates(span)) or bool(MULTI_DAY.search(span)) or bool(_TIME_WORDS.search(span))
    from ceasewatch.extract.slavic.dates import find_dates

    return bool(find_dates(_analyzer(lang).tokens(span)))


def _words(span: str, lang: str) -> list[str]:
    if lang == "en":
        return re.findall(r"[\w'’.-]+", span)
    return [t.lower for t in _analyzer(lang).tokens(span) if t.text.strip()]


def _claim_value(claim: Claim, field: str) -> object:
    parts = field.split(".")
    if parts[0] == "weapons":
        w = claim.weapons[int(parts[1])]
        return w.category if parts[2] == "category" else (w.model if parts[2] == "model" else w.count(parts[2]))
    if parts[0] in ("regions", "targets", "places"):
        return getattr(claim, parts[0])[int(parts[1])]
    return getattr(claim, field, None)


def evidence_problems(doc: Document, claims: list[Claim]) -> list[str]:
    """Human-readable descriptions of every span that does not support its value."""
    lang = doc.language or "en"
    problems: list[str] = []
    for claim in claims:
        by_field: dict[str, list[tuple[int, int]]] = {}
        for ev in claim.evidence:
            by_field.setdefault(ev.field, []).append((ev.start, ev.end))
        for field, offsets in by_field.items():
            value = _claim_value(claim, field)
            spans = [doc.text[s:e] for s, e in offsets]
            for span, (s, e) in zip(spans, offsets, strict=True):
                why = _check(field, value, span, spans, lang, doc, claim, s, e)
                if why:
                    problems.append(f"{doc.ref} [{claim.claimant.name}/{claim.stance}] {field}={value!r}: {span!r} {why}")
    return problems


def _slavic_target_codes(span: str, lang: str) -> set[str]:
    """Target codes the Slavic extractor's own lexicon reads in the span (nouns, adjectives, pairs)."""
    from ceasewatch.extract.slavic.facts import _forms, _pair

    lex = get_extractor(V1[lang]).lexicon  # type: ignore[attr-defined]
    toks = [t for t in _analyzer(lang).tokens(span) if t.text.strip()]
    codes: set[str] = set()
    for i, tok in enumerate(toks):
        codes |= {lex.targets[f] for f in _forms(tok) if f in lex.targets}
        if tok.lemma in lex.target_adjectives:
            codes.add(lex.target_adjectives[tok.lemma])
        codes |= {c for k in range(i + 1, len(toks)) if (c := _pair(lex, tok, toks[k]))}
    return codes


def _town_adjective(span: str, lang: str, *, region: str | None = None, place: str | None = None) -> bool:
    """"Сизранський (НПЗ)", "Домодедовском (округе)": a town adjective names the town."""
    for tok in _analyzer(lang).tokens(span):
        for suffix in _ADJ_SUFFIXES:
            if tok.lemma.endswith(suffix):
                stem = tok.lemma[: -len(suffix)]
                # "Білопільська" -> Білопілля, "Запорізький" -> Запоріжжя: the town's own ending
                ends = ("", "ь", "о", "е", "ск", "а", "і") + (("ля",) if stem.endswith("л") else ()) + (
                    ("жжя",) if stem.endswith("з") else ())
                if any(_resolves_to(stem + end, lang, region=region, place=place) or (
                        stem.endswith("з") and _resolves_to(stem[:-1] + end, lang, region=region, place=place))
                       for end in ends if len(stem + end) > 3):
                    return True
    return False


def _check(field: str, value: object, span: str, spans: list[str], lang: str, doc: Document, claim: Claim,
           start: int, end: int) -> str:
    head = field.split(".")[0]
    tail = field.split(".")[-1]
    if tail in ("launched", "intercepted", "lost", "hit") or field in ("killed", "injured"):
        found = [_numbers(s, lang) for s in spans]
        if value in found[spans.index(span)]:
            return ""
        if len(spans) > 1 and all(found) and sum(max(f) for f in found) == value:
            return ""  # a breakdown summed into the total: each span holds one part
        if lang != "en" and len(_numbers(span, lang)) > 1 and sum(_numbers(span, lang)) == value:
            return ""  # "46 ... та 18": the parts of one total in one span
        if value == 0 and _ZERO.search(span):
            return ""
        if value == 1 and not found[spans.index(span)] and _ONE.search(span):
            return ""
        if not found[spans.index(span)] and re.search(r"\b(?:all|every|всі|все|усі)\b", span, re.I):
            return ""  # "all of them": as many as were launched
        return "does not contain the number"
    if head == "regions":
        if _resolves_to(span, lang, region=str(value)) or (str(value).startswith("SEA-") and _SEA.search(span)):
            return ""
        if _CITY_ANAPHOR.match(span.strip()) and any(p.region == value for p in claim.places):
            return ""  # "the city": the region of the place the report named before
        if re.fullmatch(r"(?:the|this)\s+capital", span.strip(), re.I) and value in ("UA-30", "RU-MOW"):
            return ""
        if lang != "en" and _town_adjective(span, lang, region=str(value)):
            return ""
        return "does not resolve to the region"
    if head == "places":
        name = getattr(value, "name", str(value))
        if name.casefold() in span.casefold() or _resolves_to(span, lang, place=name):
            return ""
        if _CITY_ANAPHOR.match(span.strip()) and (name.casefold() in doc.text.casefold() or "capital" in span):
            return ""  # "the city" after the report named it; "the capital"
        if lang != "en" and _town_adjective(span, lang, place=name):
            return ""
        return "does not name the place"
    if field == "claimant":
        words = _words(span, lang)
        if not words:
            return "is empty"
        for w in (words[0], words[-1]):
            bad = _EDGE_WORDS_EN.match(w) if lang == "en" else w.lower() in _EDGE_WORDS_SLAVIC
            if bad:
                return f"has the edge word {w!r}"
        return ""
    if field == "stance":
        if value != "denied":
            return ""
        if lang == "en":
            ok = DENIAL_CUE.search(span) or re.search(r"\b(?:not|no|never|denied|false|lies?)\b", span, re.I)
        else:
            ok = any(w in _DENIAL_SLAVIC or w.startswith(("запереч", "спростов", "отрица", "опроверг"))
                     for w in _words(span, lang))
        return "" if ok else "has no denial cue"
    if field == "date":
        return "" if _dates_in(span, lang) else "is not a date phrase"
    if head == "targets":
        # Some target patterns need the words after the span ("gas(?= and energy)").
        codes = {t.code for t in find_targets(doc.text, lang=lang, start=start, end=min(len(doc.text), end + 40))
                 if t.start == start}
        if lang != "en":
            codes |= _slavic_target_codes(span, lang)
        codes |= {t.code for t in _layered(span, lang).targets}
        if value in codes or top_level(str(value)) in {top_level(c) for c in codes}:
            return ""
        return "is not a target phrase for that code"
    if head == "weapons" and tail in ("model", "category"):
        if any(tail == "category" or m.weapon.model in str(value) for m in find_weapon_models(span)):
            return ""
        return "" if _WEAPON_WORDS.search(span) else "has no weapon words"
    return ""


def _corpus(folder: Path) -> list[Document]:
    from ceasewatch.ingest import load_documents

    docs, errors = load_documents([str(folder)])
    assert not errors, errors
    return docs


@pytest.mark.parametrize("engine", ["v1", "ceasewatch.extract.engine.v2"])
@pytest.mark.parametrize("folder", [DEV, DEMO], ids=["dev", "demo"])
def test_every_span_supports_its_value(folder: Path, engine: str) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    problems: list[str] = []
    checked = 0
    for doc in _corpus(folder):
        claims = get_extractor(V1[doc.language] if engine == "v1" else engine).extract(doc)
        checked += sum(len(c.evidence) for c in claims)
        problems += evidence_problems(doc, claims)
    assert checked > 150
    assert not problems, "\n".join(problems)


def test_the_checker_rejects_wrong_spans() -> None:
    """The checks themselves can fail: shifted or wrong spans are reported."""
    from ceasewatch.model import Claimant, Evidence, WeaponCount

    text = "On Thursday morning the Ukrainian Air Force said 12 drones were shot down over Sumy region."
    doc = Document(id="t", text=text, language="en")
    good = Claim(
        doc_id="t", claimant=Claimant("Ukrainian Air Force", "UA"), attacker="RU", target_country="UA",
        weapons=(WeaponCount("drone", intercepted=12),), regions=("UA-59",),
        evidence=(
            Evidence("claimant", text.index("the Ukr"), text.index(" said")),
            Evidence("weapons.0.intercepted", text.index("12"), text.index("12") + 2),
            Evidence("regions.0", text.index("Sumy"), text.index("Sumy") + 11),
            Evidence("weapons.0.category", text.index("drones"), text.index("drones") + 6),
        ),
    )
    assert evidence_problems(doc, [good]) == []
    bad = Claim(
        doc_id="t", claimant=Claimant("Ukrainian Air Force", "UA"), attacker="RU", target_country="UA",
        weapons=(WeaponCount("drone", intercepted=13),), regions=("UA-63",),
        evidence=(
            Evidence("claimant", 0, text.index(" said")),
            Evidence("weapons.0.intercepted", text.index("12"), text.index("12") + 2),
            Evidence("regions.0", text.index("Sumy"), text.index("Sumy") + 11),
            Evidence("weapons.0.category", text.index("shot"), text.index("shot") + 9),
        ),
    )
    fields = sorted(re.search(r"\] ([\w.]+)=", p).group(1) for p in evidence_problems(doc, [bad]))  # type: ignore[union-attr]
    assert fields == ["claimant", "regions.0", "weapons.0.category", "weapons.0.intercepted"]
