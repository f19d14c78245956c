"""Turning a place name as written into lookup keys.

Three kinds of key, tried in this order by the gazetteer:

* `surface_key`: case-folded, apostrophes and dashes unified, punctuation and
  leading function words ("the", "над", "в") removed. Exact spellings.
* `lemma_keys`: Ukrainian/Russian words reduced to their dictionary form with
  pymorphy3, so "Харківській області" and "над Брянской областью" meet the
  index built from "Харківська область" and "Брянская область".
* `skeleton`: a lossy Latin spelling that merges transliteration variants
  (Kharkov/Харьков, Krasnopillya/Krasnopillia/Краснопілля); a last resort.

The same functions build the index and read queries, so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice, product
from typing import Any

__all__ = [
    "surface_key",
    "skeleton",
    "script_language",
    "has_cyrillic",
    "lemma_keys",
    "lemma_keys_of_words",
    "nominative_guesses",
    "tokens",
]

_APOSTROPHES = str.maketrans({c: "'" for c in "’ʼ`´‘ʹ′"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―"})
# Everything that is not a letter, digit, apostrophe, dash, dot or space.
_NOISE = re.compile(r"[^\w\s'\-.]", re.UNICODE)
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = re.compile(r"[іїєґ]")
_RU_ONLY = re.compile(r"[ыэъё]")

# Function words that may open a span handed to us ("over the Sea of Azov",
# "над Брянской областью", "у Сумах"): dropped from the front only.
_LEADING = frozenset(
    """the in at near over around of from on into to towards outskirts
    в у во на над под під по біля поблизу возле около район районі районе
    території территории територію территорию акваторії акватории акваторію акваторию
    небом небо над.""".split()
)

# Cyrillic letters to a Latin skeleton alphabet; see `skeleton`.
_CYR_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "e", "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a",
}  # fmt: skip
# Latin digraphs of the usual romanisations, longest first.
_LATIN_DIGRAPHS = (
    ("iia", "ia"),  # the official Ukrainian "-iia" (Balakliia, Oleksandriia) meets "-iya" and "-ia"
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("zh", "z"), ("kh", "x"), ("ch", "c"),
    ("sh", "s"), ("ts", "c"), ("tz", "c"), ("cz", "c"), ("sz", "s"),
    ("ya", "a"), ("ia", "a"), ("ja", "a"), ("yu", "u"), ("iu", "u"), ("ju", "u"),
    ("ye", "e"), ("ie", "e"), ("je", "e"), ("yo", "e"), ("yi", "i"), ("iy", "i"),
    ("yy", "i"), ("ij", "i"), ("ii", "i"),
)  # fmt: skip
_LATIN_SINGLE = str.maketrans({"y": "i", "j": "i", "h": "g", "w": "v", "q": "k"})


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def script_language(text: str, lang: str | None = None) -> str | None:
    """The language a name's letters allow: "uk", "ru", or None (either)
    for Cyrillic text; "en" for Latin.
    An explicit `lang` of uk/ru wins; letters only one alphabet has decide next."""
    if not has_cyrillic(text):
        return "en"
    if lang in ("uk", "ru"):
        return lang
    low = text.lower()
    if _UK_ONLY.search(low):
        return "uk"
    if _RU_ONLY.search(low):
        return "ru"
    return None


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = text.casefold().replace("ё", "е")
    text = _NOISE.sub(" ", text)
    # "'s" possessive and stray dots ("обл.", "м.") become plain words.
    text = re.sub(r"'s\b", "", text)
    text = text.replace(".", " ")
    return _SPACES.sub(" ", text).strip(" -'")


def tokens(text: str) -> list[str]:
    """The words of a cleaned name, leading function words dropped."""
    words = _clean(text).split(" ")
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return [w for w in words if w]


def surface_key(text: str) -> str:
    """The exact-spelling key: case-folded, unified punctuation."""
    return " ".join(tokens(text))


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """A lossy Latin form that merges the common romanisations of one name.

    "Kharkiv", "Харків" -> "xarkiv"; "Bilhorod-Dnistrovskyi",
    "Білгород-Дністровський" -> "bilgorodnistrovski". Spaces and dashes go,
    doubled letters collapse."""
    low = _clean(text)
    low = "".join(_CYR_TO_LATIN.get(ch, ch) for ch in low)
    low = unicodedata.normalize("NFKD", low)
    low = "".join(ch for ch in low if "a" <= ch <= "z")
    for old, new in _LATIN_DIGRAPHS:
        low = low.replace(old, new)
    low = low.translate(_LATIN_SINGLE)
    return re.sub(r"(.)\1+", r"\1", low)


# Oblique endings of Ukrainian and Russian place names and the nominative
# endings they may come from, longest first. A cheap first try before
# pymorphy3: a guess only counts when the guessed form is in the index.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ській", ("ська",)), ("ської", ("ська",)), ("ською", ("ська",)), ("ську", ("ська",)),
    ("цькій", ("цька",)), ("цької", ("цька",)), ("цькою", ("цька",)), ("цьку", ("цька",)),
    ("ской", ("ская",)), ("скую", ("ская",)), ("цкой", ("цкая",)), ("цкую", ("цкая",)),
    ("щині", ("щина",)), ("щину", ("щина",)), ("щиною", ("щина",)), ("щини", ("щина",)),
    ("чині", ("чина",)), ("чину", ("чина",)), ("чини", ("чина",)),
    ("щине", ("щина",)), ("щиной", ("щина",)), ("щины", ("щина",)),
    ("чине", ("чина",)), ("чиной", ("чина",)), ("чины", ("чина",)),
    ("ого", ("ий", "ый", "ой", "е", "о")), ("ому", ("ий", "ый", "ой", "е", "о")),
    ("ськім", ("ський",)), ("ским", ("ский",)), ("ськом", ("ськ",)), ("ском", ("ск", "ский", "ское")), ("ськім", ("ське",)),
    ("ями", ("і", "и", "я")), ("ами", ("и", "ы", "а")),
    ("ях", ("і", "и", "я")), ("ах", ("и", "ы", "а")),
    ("ою", ("а", "я")), ("ею", ("а", "я")), ("єю", ("я",)), ("ой", ("а", "ая")), ("ей", ("я", "ь")),
    ("ом", ("", "о")), ("ем", ("", "е", "ь")), ("єм", ("й",)), ("им", ("ий", "ый")),
    ("ій", ("а", "ий")), ("ії", ("ія",)), ("ию", ("ия",)), ("ии", ("ия",)),
    ("ля", ("ль", "ля")), ("і", ("а", "я", "", "ь", "ія")), ("и", ("а", "ы", "")), ("ы", ("а", "")),
    ("у", ("а", "", "о")), ("ю", ("я", "ь", "й")), ("е", ("а", "", "о", "я")), ("я", ("", "ь", "й")),
    ("а", ("", "о", "ь")), ("ї", ("я",)), ("ої", ("а",)),
)  # fmt: skip


def nominative_guesses(words: tuple[str, ...], *, limit: int = 24) -> list[str]:
    """Candidate nominative keys for Cyrillic words by ending rewrite
    ("харківській області" -> "харківська область", "сумах" -> "суми")."""
    options: list[list[str]] = []
    for word in words:
        forms = [word]
        if has_cyrillic(word) and len(word) > 3:
            for ending, replacements in _ENDINGS:
                if word.endswith(ending):
                    stem = word[: -len(ending)]
                    forms += [stem + r for r in replacements if stem + r != word]
        forms += _GENERIC_NOMINATIVE.get(word, [])
        options.append(forms)
    out = [" ".join(combo) for combo in islice(product(*options), limit)]
    return [k for k in out if k != " ".join(words)]


# The generic words in every case form, to their dictionary form.
_GENERIC_NOMINATIVE: dict[str, list[str]] = {
    **{f: ["область"] for f in "області областю области областью обл".split()},
    **{f: ["край"] for f in "краю краї краєм крае краем края".split()},
    **{f: ["море"] for f in "моря морю морі морем".split()},
}


class _Morph:
    """pymorphy3 analysers, loaded on first Cyrillic miss (about 0.3 s)."""

    def __init__(self) -> None:
        self._analysers: dict[str, Any] = {}

    def analyser(self, lang: str) -> Any:
        if lang not in self._analysers:
            import pymorphy3

            self._analysers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return self._analysers[lang]


_MORPH = _Morph()


@lru_cache(maxsize=100_000)
def _word_lemmas(word: str, lang: str) -> tuple[str, ...]:
    """Dictionary forms of one word, the geographic reading first."""
    if not has_cyrillic(word):
        return (word,)
    parses = _MORPH.analyser(lang).parse(word)
    # Geographic names first: "Брянском" is the city before the adjective.
    ranked = sorted(parses[:6], key=lambda p: 0 if "Geox" in p.tag.grammemes else 1)
    seen: list[str] = []
    for p in ranked:
        form = p.normal_form.replace("ё", "е")
        if form not in seen:
            seen.append(form)
    return tuple(seen[:3]) or (word,)


def lemma_keys(text: str, lang: str | None = None, *, limit: int = 6) -> list[str]:
    """Lemmatised keys for a Cyrillic name, most likely first.

    `lang` "uk"/"ru" picks the dictionary; None tries both (Ukrainian first
    when the letters do not tell)."""
    if not has_cyrillic(text):
        return []
    return list(lemma_keys_of_words(tuple(tokens(text)), lang, limit))


@lru_cache(maxsize=100_000)
def lemma_keys_of_words(words: tuple[str, ...], lang: str | None, limit: int = 6) -> tuple[str, ...]:
    """`lemma_keys` for words already through `tokens` (the lookup's path)."""
    if not words:
        return ()
    langs = [lang] if lang in ("uk", "ru") else ["uk", "ru"]
    keys: list[str] = []
    for language in langs:
        options = [_word_lemmas(w, language) for w in words]
        for combo in islice(product(*options), limit):
            key = " ".join(combo)
            if key not in keys:
                keys.append(key)
    return tuple(keys)
