"""A small hand-made dataset for the API and dashboard tests, screenshots
and `ceasewatch serve --sample`: four documents (one carrying a <script>
tag), claims from both sides of one night with evidence at exact offsets,
two incidents and their verdicts.

Offsets are found with `str.index` on fixed phrases, so a test can check
`text[start:end]` against the phrase it expects.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..model import (
    Assessment,
    Claim,
    Claimant,
    Document,
    Evidence,
    Incident,
    Place,
    WeaponCount,
)
from ..store.base import Repository

__all__ = ["SAMPLE_LINKER", "SAMPLE_RULESET", "SAMPLE_AGREEMENT", "sample_records", "fill_store", "sample_store"]

SAMPLE_LINKER = "ceasewatch.sample.linker.v1"
SAMPLE_RULESET = "ceasewatch.sample.rules.v1"
SAMPLE_EXTRACTOR = "ceasewatch.sample.extractor.v1"
SAMPLE_AGREEMENT = "energy-moratorium-2025"
KYIV = timezone(timedelta(hours=2))
MOSCOW = timezone(timedelta(hours=3))

UA_TEXT = (
    "Overnight on 14 March Russia attacked Ukraine with 27 Shahed drones, the Ukrainian Air Force said. "
    "Air defence shot down 16 drones; 9 were lost locationally. "
    "In Zolochiv, Kharkiv region, a hospital was damaged and 1 person was injured."
)
RU_TEXT = (
    "The Russian Ministry of Defence said air defence systems destroyed 30 Ukrainian drones "
    "overnight over the Kursk and Belgorod regions. No damage was reported in Kursk."
)
RU_DENIAL_TEXT = (
    "The Russian Ministry of Defence said its forces struck only military targets in the Kharkiv region "
    "on 14 March and denied striking any hospital."
)
SCRIPT_TEXT = (
    "A monitoring group posted <script>alert('x')</script> next to its note that 3 drones hit "
    "a substation in Sumy on 15 March."
)


def _span(text: str, phrase: str, field: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(field=field, start=start, end=start + len(phrase))


def sample_records() -> tuple[list[Document], list[Claim], list[Incident], list[Assessment]]:
    d_ua = Document.create(UA_TEXT, publisher="Ukrainian Air Force", language="en", source_kind="corpus",
                           published=datetime(2025, 3, 14, 9, 8, tzinfo=KYIV), source_id="sample-ua",
                           title="Air Force: 27 drones overnight")
    d_ru = Document.create(RU_TEXT, publisher="Russian Ministry of Defence", language="en", source_kind="corpus",
                           published=datetime(2025, 3, 14, 8, 0, tzinfo=MOSCOW), source_id="sample-ru",
                           title="MoD: 30 drones destroyed")
    d_deny = Document.create(RU_DENIAL_TEXT, publisher="TASS", language="en", source_kind="corpus",
                             published=datetime(2025, 3, 14, 15, 0, tzinfo=MOSCOW), source_id="sample-ru-denial",
                             title="MoD denies hospital strike")
    d_script = Document.create(SCRIPT_TEXT, publisher="Example Monitor", language="en", source_kind="corpus",
                               published=datetime(2025, 3, 15, 12, 0, tzinfo=KYIV), source_id="sample-script",
                               title="Note with <b>markup</b>", url="javascript:alert('url')")
    day = date(2025, 3, 14)
    c_ua = Claim(
        doc_id=d_ua.id, claimant=Claimant("Ukrainian Air Force", "UA"), attacker="RU", target_country="UA",
        date=day, weapons=(WeaponCount("drone", "Shahed-136", launched=27, intercepted=16, lost=9),),
        regions=("UA-63",), places=(Place("Zolochiv", 50.28, 35.98, "UA-63", "settlement"),),
        targets=("civilian.medical",), injured=1, extractor=SAMPLE_EXTRACTOR,
        evidence=(
            _span(UA_TEXT, "Ukrainian Air Force", "claimant"),
            _span(UA_TEXT, "Overnight on 14 March", "date"),
            _span(UA_TEXT, "27", "weapons.0.launched"),
            _span(UA_TEXT, "16", "weapons.0.intercepted"),
            _span(UA_TEXT, "9 were lost locationally", "weapons.0.lost"),
            _span(UA_TEXT, "Zolochiv", "places.0"),
            _span(UA_TEXT, "a hospital was damaged", "targets.0"),
            _span(UA_TEXT, "1 person was injured", "injured"),
        ),
    )
    c_ru = Claim(
        doc_id=d_ru.id, claimant=Claimant("Russian Ministry of Defence", "RU"), attacker="UA", target_country="RU",
        date=day, weapons=(WeaponCount("drone", None, intercepted=30),), regions=("RU-KRS", "RU-BEL"),
        places=(Place("Kursk", 51.73, 36.19, "RU-KRS", "settlement"),
                Place("Belgorod", 50.60, 36.59, "RU-BEL", "settlement")),
        extractor=SAMPLE_EXTRACTOR,
        evidence=(
            _span(RU_TEXT, "Russian Ministry of Defence", "claimant"),
            _span(RU_TEXT, "30", "weapons.0.intercepted"),
            _span(RU_TEXT, "Kursk", "regions.0"),
            _span(RU_TEXT, "Belgorod", "regions.1"),
        ),
    )
    c_deny = Claim(
        doc_id=d_deny.id, claimant=Claimant("Russian Ministry of Defence", "RU"), stance="denied",
        attacker="RU", target_country="UA", date=day, regions=("UA-63",), targets=("military",),
        places=(Place("Kharkiv", 49.99, 36.23, "UA-63", "settlement"),),
        extractor=SAMPLE_EXTRACTOR,
        evidence=(
            _span(RU_DENIAL_TEXT, "denied striking any hospital", "stance"),
            _span(RU_DENIAL_TEXT, "Kharkiv region", "regions.0"),
        ),
    )
    c_script = Claim(
        doc_id=d_script.id, claimant=Claimant("Example Monitor", "OTHER"), attacker="RU", target_country="UA",
        date=date(2025, 3, 15), weapons=(WeaponCount("drone", None, hit=3),), regions=("UA-59",),
        places=(Place("Sumy", 50.91, 34.80, "UA-59", "settlement"),), targets=("energy.power",),
        extractor=SAMPLE_EXTRACTOR,
        evidence=(_span(SCRIPT_TEXT, "3 drones hit", "weapons.0.hit"), _span(SCRIPT_TEXT, "a substation", "targets.0")),
    )
    inc_ua = Incident("inc_sample_ru_ua_0314", "UA", day, (c_ua.id, c_deny.id), ("UA-63",),
                      (Place("Zolochiv", 50.28, 35.98, "UA-63", "settlement"),), ("civilian.medical", "military"),
                      attacker="RU", linker=SAMPLE_LINKER)
    inc_ru = Incident("inc_sample_ua_ru_0314", "RU", day, (c_ru.id,), ("RU-KRS", "RU-BEL"),
                      (Place("Kursk", 51.73, 36.19, "RU-KRS", "settlement"),), (), attacker="UA", linker=SAMPLE_LINKER)
    inc_sumy = Incident("inc_sample_ru_ua_0315", "UA", date(2025, 3, 15), (c_script.id,), ("UA-59",),
                        (Place("Sumy", 50.91, 34.80, "UA-59", "settlement"),), ("energy.power",),
                        attacker="RU", linker=SAMPLE_LINKER)
    verdicts = [
        Assessment("asm_sample_1", inc_ua.id, SAMPLE_AGREEMENT, None, "disputed", "claims.contradict",
                   "Ukraine reports a hospital hit; Russia denies striking it.", violator="RU",
                   claim_ids=(c_ua.id, c_deny.id), claimants=(c_ua.claimant, c_deny.claimant),
                   evidence=((c_ua.id, c_ua.evidence[6]),), ruleset=SAMPLE_RULESET),
        Assessment("asm_sample_2", inc_ru.id, SAMPLE_AGREEMENT, None, "outside_scope", "target.not_protected",
                   "No energy target is claimed.", violator="UA", claim_ids=(c_ru.id,),
                   claimants=(c_ru.claimant,), ruleset=SAMPLE_RULESET),
        Assessment("asm_sample_3", inc_sumy.id, SAMPLE_AGREEMENT, None, "alleged", "target.protected",
                   "A substation is an energy target the moratorium protects.", violator="RU",
                   claim_ids=(c_script.id,), claimants=(c_script.claimant,), ruleset=SAMPLE_RULESET),
    ]
    return [d_ua, d_ru, d_deny, d_script], [c_ua, c_ru, c_deny, c_script], [inc_ua, inc_ru, inc_sumy], verdicts


def fill_store(store: Repository) -> Repository:
    """Write the sample records into any store (SQLite, PostgreSQL, memory)."""
    docs, claims, incidents, assessments = sample_records()
    store.add_documents(docs)
    for doc in docs:
        store.replace_claims(doc.id, SAMPLE_EXTRACTOR, [c for c in claims if c.doc_id == doc.id])
    store.replace_incidents(SAMPLE_LINKER, incidents)
    store.replace_assessments(SAMPLE_RULESET, assessments)
    return store


def sample_store(url: str | None = None) -> Repository:
    """The sample data in the in-memory fake, or in the real store at `url`
    (migrated first)."""
    if url is None:
        from .memory_store import MemoryRepository

        return fill_store(MemoryRepository())
    from ..store import open_store

    store = open_store(url)
    store.migrate()
    return fill_store(store)
