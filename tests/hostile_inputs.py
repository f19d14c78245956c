"""Generated batches of good and hostile ingest inputs, for
`tests/test_ingest_hostile.py` and `bench/bench_hostile_ingest.py`.

`write_batch(folder, files=N)` writes N files: about two thirds good
reports in every format ingest reads (text, Markdown with front matter,
corpus text + sidecar, JSONL, a JSON list, Telegram export, RSS), the rest
one of each kind of hostile or broken input in turn (`BAD_KINDS`). Some
files mix both: a JSONL file with a good line and a bad line, a Telegram
export with a good message and one dated in the year 3 million. It returns
what a correct ingest must do: the texts of every good document, and for
each bad record its file, where in it, and a word the reason must contain.
"""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Expected",
    "BadRecord",
    "BAD_KINDS",
    "write_batch",
    "yaml_bomb",
    "billion_laughs",
    "external_entity_feed",
    "run_measured",
]


@dataclass(frozen=True)
class BadRecord:
    file: str  # file name inside the batch folder
    location: str | None  # a substring of the error's location ("line 2"), None for the whole file
    reason: str  # a substring of the error message (lower case)


@dataclass
class Expected:
    good_texts: set[str] = field(default_factory=set)
    bad: list[BadRecord] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)  # bad kind -> files written


_EN = [
    "Russia launched {n} attack drones at Ukraine overnight; air defence shot down {m} of them over {place}.",
    "The Ukrainian Air Force said {n} Shahed drones were launched overnight and {m} were destroyed near {place}.",
    "Governor: a drone attack damaged a power substation in {place}; {m} drones were intercepted.",
]
_UK = [
    "У ніч на {d} березня ворог атакував {n} ударними БпЛА, збито {m} над {place}.",
    "Повітряні сили: противник випустив {n} дронів, знешкоджено {m}, уражено підстанцію в {place}.",
]
_RU = [
    "Минобороны России: за ночь над {place} перехвачены и уничтожены {m} украинских беспилотников.",
    "Губернатор сообщил, что в результате атаки {n} дронов повреждена подстанция в {place}.",
]
_PLACES = {"en": ["Sumy", "Kharkiv", "Odesa", "Dnipro"], "uk": ["Сумах", "Харкові", "Одесі"],
           "ru": ["Курской областью", "Брянской областью", "Белгородом"]}


def _text(rng: random.Random, i: int) -> tuple[str, str]:
    lang = ("en", "uk", "ru")[i % 3]
    template = rng.choice({"en": _EN, "uk": _UK, "ru": _RU}[lang])
    n = rng.randint(20, 200)
    body = template.format(n=n, m=rng.randint(1, n), d=rng.randint(1, 28), place=rng.choice(_PLACES[lang]))
    return lang, f"{body} (report {i})"


def yaml_bomb() -> str:
    """About 1 KB of front matter that expands to 9 x 33^8 strings through aliases."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghi"
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 33) + "]")
    lines.append("publisher: *i")
    return "---\n" + "\n".join(lines) + "\n---\nRussia launched 10 drones.\n"


def billion_laughs() -> bytes:
    """The classic 1 KB "billion laughs" RSS feed."""
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{k} "' + f"&lol{k - 1 if k > 1 else ''};" * 10 + '">' for k in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n ' + "\n ".join(ents) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title>'
        "<description>Russia launched 10 drones.</description></item></channel></rss>\n"
    ).encode()


def external_entity_feed() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>'
        b"<description>Russia launched 10 drones.</description></item></channel></rss>\n"
    )


def _feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><guid>{guid}</guid><description>{text}</description>"
        "<pubDate>Wed, 19 Mar 2025 07:00:00 +0200</pubDate></item>"
        for guid, text in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Mission</title>{entries}</channel></rss>'


# Each writer: (folder, index, good text, rng) -> [BadRecord...]; it may store
# good documents too and adds their texts to `good`.
Writer = Callable[[Path, int, list[str], "random.Random", set[str]], list[BadRecord]]


def _bad_jsonl_huge_time(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-huge-time.jsonl"
    lines = [json.dumps({"text": texts[0], "id": f"j{i}"}), '{"text": "x drones", "published": 1e300}']
    good.add(texts[0])
    (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [BadRecord(name, "line 2, field published", "outside the years")]


def _bad_jsonl_nan(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-nan.jsonl"
    (d / name).write_text('{"text": "nan drones", "published": NaN}\n', encoding="utf-8")
    return [BadRecord(name, "line 1", "nan")]


def _bad_jsonl_infinity(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-inf.jsonl"
    (d / name).write_text('{"text": "inf drones", "published": 1e999}\n', encoding="utf-8")
    return [BadRecord(name, "line 1", "out of range")]


def _bad_front_matter_time(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-fm-time.md"
    (d / name).write_text("---\npublished: 1.0e+300\n---\nRussia launched 12 drones.\n", encoding="utf-8")
    return [BadRecord(name, "front matter, field published", "outside the years")]


def _bad_sidecar_time(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    stem = f"b{i:05d}-sidecar"
    (d / f"{stem}.txt").write_text("Russia launched 14 drones.\n", encoding="utf-8")
    (d / f"{stem}.json").write_text(json.dumps({"id": stem, "published": 1e300}), encoding="utf-8")
    return [BadRecord(f"{stem}.json", "field published", "outside the years")]


def _bad_telegram_time(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-telegram.json"
    export = {"name": "Channel", "type": "public_channel", "id": 100 + i, "messages": [
        {"id": 1, "type": "message", "date": "2025-03-19T07:00:00", "date_unixtime": "1742360400", "text": texts[0]},
        {"id": 2, "type": "message", "date": "2025-03-19T08:00:00", "date_unixtime": "99999999999999999",
         "text": "Russia launched 16 drones."},
    ]}
    good.add(texts[0])
    (d / name).write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return [BadRecord(name, "message 2, field date_unixtime", "outside the years")]


def _bad_deep_json(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-deep.json"
    (d / name).write_text('{"text": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return [BadRecord(name, None, "nested more than")]


def _bad_deep_jsonl(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-deep.jsonl"
    good.add(texts[0])
    deep = '{"text": "deep", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    (d / name).write_text(json.dumps({"text": texts[0]}) + "\n" + deep + "\n", encoding="utf-8")
    return [BadRecord(name, "line 2", "nested more than")]


def _bad_yaml_bomb(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-bomb.md"
    (d / name).write_text(yaml_bomb(), encoding="utf-8")
    return [BadRecord(name, "front matter", "aliases")]


def _bad_billion_laughs(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-laughs.rss"
    (d / name).write_bytes(billion_laughs())
    return [BadRecord(name, None, "document type declaration")]


def _bad_external_entity(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-xxe.xml"
    (d / name).write_bytes(external_entity_feed())
    return [BadRecord(name, None, "document type declaration")]


def _bad_publisher_list(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-publisher.jsonl"
    (d / name).write_text(json.dumps({"text": "Russia launched 18 drones.", "publisher": ["a", "b"]}) + "\n",
                          encoding="utf-8")
    return [BadRecord(name, "line 1, field publisher", "valid string")]


def _bad_language_dict(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-language.md"
    (d / name).write_text("---\nlanguage: {code: en}\n---\nRussia launched 20 drones.\n", encoding="utf-8")
    return [BadRecord(name, "front matter, field language", "valid string")]


def _bad_huge_integer(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-bigint.json"
    (d / name).write_text('{"text": "big", "published": ' + "9" * 5000 + "}", encoding="utf-8")
    return [BadRecord(name, None, "characters")]


def _bad_year_zero(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-year.jsonl"
    (d / name).write_text(json.dumps({"text": "Russia launched 22 drones.", "published": "0001-01-01T00:00:00"})
                          + "\n", encoding="utf-8")
    return [BadRecord(name, "line 1, field published", "outside the years")]


def _bad_nul_publisher(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-nul.jsonl"
    (d / name).write_text(json.dumps({"text": "Russia launched 24 drones.", "publisher": "Air\u0000Force"}) + "\n",
                          encoding="utf-8")
    return [BadRecord(name, "line 1, field publisher", "nul")]


def _bad_utf8(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-cp1251.txt"
    (d / name).write_bytes("Росія запустила 26 дронів.".encode("cp1251"))
    return [BadRecord(name, "line 1", "utf-8")]


def _bad_truncated(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-truncated.json"
    (d / name).write_text('[{"text": "Russia launched 28 drones.", "id": "t', encoding="utf-8")
    return [BadRecord(name, "line 1", "invalid json")]


def _bad_empty(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-empty.txt"
    (d / name).write_text("", encoding="utf-8")
    return [BadRecord(name, None, "empty")]


def _bad_binary(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-image.txt"
    (d / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return [BadRecord(name, None, "binary")]


def _bad_csv_count(d: Path, i: int, texts: list[str], rng: random.Random, good: set[str]) -> list[BadRecord]:
    name = f"b{i:05d}-attacks.csv"
    header = "time_start,time_end,model,launched,destroyed,not_reach_goal,target,source"
    rows = [
        "2025-03-19 00:00,2025-03-19 08:00,Shahed-136/131,1e308,10,,Sumy oblast,kpszsu/1",
    ]
    (d / name).write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return [BadRecord(name, "line 2, field launched", "not a count")]


BAD_KINDS: dict[str, Writer] = {
    "published 1e300 (JSONL)": _bad_jsonl_huge_time,
    "published NaN (JSONL)": _bad_jsonl_nan,
    "published 1e999 = infinity (JSONL)": _bad_jsonl_infinity,
    "published 1e300 (front matter)": _bad_front_matter_time,
    "published 1e300 (sidecar)": _bad_sidecar_time,
    "date_unixtime in the year 3 billion (Telegram)": _bad_telegram_time,
    "JSON nested 100,000 deep": _bad_deep_json,
    "JSONL line nested 50,000 deep": _bad_deep_jsonl,
    "YAML alias bomb (front matter)": _bad_yaml_bomb,
    "billion laughs feed": _bad_billion_laughs,
    "external entity feed": _bad_external_entity,
    "list as publisher": _bad_publisher_list,
    "dict as language": _bad_language_dict,
    "5,000-digit integer": _bad_huge_integer,
    "year 1 ISO time": _bad_year_zero,
    "NUL in publisher": _bad_nul_publisher,
    "cp1251 bytes": _bad_utf8,
    "truncated JSON": _bad_truncated,
    "empty file": _bad_empty,
    "binary file": _bad_binary,
    "count 1e308 (Massive Attacks CSV)": _bad_csv_count,
}


def _good(d: Path, i: int, texts: list[str], good: set[str]) -> None:
    """One good input; formats in turn."""
    kind = i % 7
    good.update(texts[: 2 if kind in (3, 4, 6) else 1])
    if kind == 0:
        (d / f"g{i:05d}.txt").write_text(texts[0] + "\n", encoding="utf-8")
    elif kind == 1:
        (d / f"g{i:05d}.md").write_text(
            f"---\npublisher: Mission\npublished: 2025-03-19T07:00:00+02:00\nsection: east\n---\n{texts[0]}\n",
            encoding="utf-8")
    elif kind == 2:
        (d / f"g{i:05d}.txt").write_text(texts[0] + "\n", encoding="utf-8")
        (d / f"g{i:05d}.json").write_text(json.dumps({"id": f"g{i}", "published": "2025-03-19"}), encoding="utf-8")
    elif kind == 3:
        (d / f"g{i:05d}.jsonl").write_text(
            "".join(json.dumps({"text": t, "published": 1742360400 + k}) + "\n" for k, t in enumerate(texts[:2])),
            encoding="utf-8")
    elif kind == 4:
        (d / f"g{i:05d}.json").write_text(json.dumps([{"text": t, "id": f"g{i}-{k}"} for k, t in enumerate(texts[:2])],
                                                     ensure_ascii=False), encoding="utf-8")
    elif kind == 5:
        export = {"name": "Channel", "type": "public_channel", "id": i, "messages": [
            {"id": 1, "type": "message", "date": "2025-03-19T07:00:00", "date_unixtime": "1742360400",
             "text": [{"type": "bold", "text": texts[0]}]}]}
        (d / f"g{i:05d}-telegram.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    else:
        (d / f"g{i:05d}.rss").write_text(_feed([(f"g{i}-{k}", t) for k, t in enumerate(texts[:2])]), encoding="utf-8")


def write_batch(folder: Path, *, files: int = 3000, bad_every: int = 3, seed: int = 13) -> Expected:
    """Write about `files` inputs into `folder`: every `bad_every`-th one is
    hostile (the kinds in turn), the others good. Returns what ingest must
    store and report."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    expected = Expected()
    kinds = list(BAD_KINDS.items())
    bad_index = 0
    for i in range(files):
        texts = [_text(rng, 2 * i)[1], _text(rng, 2 * i + 1)[1]]
        if i % bad_every == bad_every - 1:
            name, writer = kinds[bad_index % len(kinds)]
            bad_index += 1
            expected.bad.extend(writer(folder, i, texts, rng, expected.good_texts))
            expected.kinds[name] = expected.kinds.get(name, 0) + 1
        else:
            _good(folder, i, texts, expected.good_texts)
    return expected


_MEASURE = (
    "import resource, subprocess, sys\n"
    "status = subprocess.run(sys.argv[2:]).returncode\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(status)\n"
)


def run_measured(cmd: Sequence[str], *, timeout: float = 600) -> tuple[int, bytes, bytes, float]:
    """Run a command; (exit status, stdout, stderr, peak RSS of that process
    in MB). The command is started by a small Python process that reports
    its child's ru_maxrss: a child forked straight from a large process (a
    pytest run late in the suite, ~700 MB) has the parent's pages counted in
    its own ru_maxrss up to exec."""
    import sys
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".maxrss") as report:
        proc = subprocess.run([sys.executable, "-c", _MEASURE, report.name, *cmd], capture_output=True,
                              timeout=timeout, check=False)
        kib = int(report.read() or 0)
    return proc.returncode, proc.stdout, proc.stderr, kib / 1024
