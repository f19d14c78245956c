"""Every ingest reader on small hand-written fixtures with known offsets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasewatch.errors import InputError
from ceasewatch.ingest import detect_format, load_documents, load_gold, normalize_text
from ceasewatch.ingest.common import ReadOptions, html_fragment_to_text
from ceasewatch.ingest.feeds import read_feed_url

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
KYIV_WINTER = timezone(timedelta(hours=2))


def _by_ref(paths, **kwargs):
    docs, errors = load_documents(paths, **kwargs)
    return {d.ref: d for d in docs}, errors


def test_ingest_normalize_text_once():
    raw = "\ufeffa\r\nb\rc\x00d\u0065\u0301"
    assert normalize_text(raw) == "a\nb\ncd\u00e9"
    # idempotent: normalising stored text again changes nothing
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


def test_ingest_markdown_front_matter_sets_metadata_and_offsets():
    docs, errors = _by_ref(FIXTURES / "mixed" / "governor-post.md")
    assert errors == []
    doc = docs["sumy-0320"]
    assert doc.source_kind == "markdown"
    assert doc.publisher == "Sumy Regional Military Administration"
    assert doc.published == datetime(2025, 3, 20, 8, 15, tzinfo=KYIV_WINTER)
    assert doc.language == "en"
    assert doc.url == "https://example.org/sumy/2025-03-20"
    assert doc.title == "Night attack on Shostka community"
    assert doc.meta["front_matter"] == {"channel": "website"}
    # the body starts right after the closing ---
    assert doc.text.startswith("Overnight the enemy")
    assert doc.text[56:65] == "12 drones"
    assert doc.text[69:79] == "substation"
    assert doc.id.startswith("doc_")


def test_ingest_plain_text_crlf_and_detected_language(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("Вночі ворог атакував Харків.\r\nПошкоджено будинок.\r\n".encode())
    docs, errors = load_documents(path)
    assert errors == []
    (doc,) = docs
    assert doc.text == "Вночі ворог атакував Харків.\nПошкоджено будинок.\n"
    assert doc.text[21:27] == "Харків"
    assert doc.language == "uk"
    assert doc.publisher is None and doc.published is None
    assert doc.source_kind == "text"


def test_ingest_given_language_and_publisher_fill_gaps_only(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Short note about drones.", encoding="utf-8")
    (doc,), _ = load_documents(path, language="uk", publisher="Desk")
    assert (doc.language, doc.publisher) == ("uk", "Desk")
    docs, _ = _by_ref(FIXTURES / "corpus", publisher="Desk", language="uk")
    assert docs["c-001"].publisher == "Ukrainian Air Force"
    assert docs["c-001"].language == "en"


def test_ingest_corpus_layout_uses_sidecar_and_text_equals_file():
    docs, errors = _by_ref(FIXTURES / "corpus")
    assert errors == []
    assert set(docs) == {"c-001", "c-002"}
    doc = docs["c-001"]
    assert doc.source_kind == "corpus"
    assert doc.publisher == "Ukrainian Air Force"
    assert doc.published == datetime(2025, 3, 21, 9, 0, tzinfo=KYIV_WINTER)
    assert doc.text == (FIXTURES / "corpus" / "c-001.txt").read_text(encoding="utf-8")
    assert doc.text[45:47] == "61"
    assert docs["c-002"].language == "ru"


def test_ingest_sidecar_named_alone_reads_its_document():
    docs, errors = _by_ref(FIXTURES / "corpus" / "c-002.json")
    assert errors == [] and set(docs) == {"c-002"}


def test_ingest_load_gold_reads_claims():
    gold = load_gold(FIXTURES / "corpus")
    assert set(gold) == {"c-001", "c-002"}
    assert gold["c-002"] == []
    (claim,) = gold["c-001"]
    assert claim.doc_id == "c-001"
    assert claim.claimant.party == "UA"
    assert claim.weapons[0].launched == 61 and claim.weapons[0].lost == 12


def test_ingest_dev_corpus_gold_counts():
    dev = Path("/work/shared/corpus/dev")
    if not dev.is_dir():
        pytest.skip("shared dev corpus not present")
    gold = load_gold(dev)
    assert len(gold) == 50 and sum(len(v) for v in gold.values()) == 82


def test_ingest_jsonl_bad_lines_reported_with_numbers_others_kept():
    docs, errors = _by_ref(FIXTURES / "mixed" / "wire.jsonl")
    assert set(docs) == {"w-1", "w-2", "w-6"}
    assert [e.location for e in errors] == ["line 3", "line 4", "line 6, field published"]
    assert all(isinstance(e, InputError) and e.hint for e in errors)
    assert docs["w-1"].title == "Depot hit"
    assert docs["w-1"].published == datetime(2025, 3, 22, 10, 0, tzinfo=UTC)
    assert docs["w-2"].language == "en"  # detected
    assert docs["w-6"].language == "ru"


def test_ingest_json_list_of_documents(tmp_path):
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"text": "One.", "id": "a"}, {"text": ""}, {"text": "Two.", "id": "b"}]))
    docs, errors = _by_ref(path, language="en")
    assert set(docs) == {"a", "b"}
    assert [e.location for e in errors] == ["record 2"]


def test_ingest_html_main_text_and_metadata():
    (doc,), errors = load_documents(FIXTURES / "mixed" / "page.html")
    assert errors == []
    assert doc.source_kind == "html"
    assert doc.publisher == "Dnipro Daily"
    assert doc.published == datetime(2025, 3, 26, 7, 45, tzinfo=KYIV_WINTER)
    assert doc.url == "https://example.org/dnipro/energy-facility"
    assert doc.language == "en"
    assert "attacked an energy facility" in doc.text
    assert "tracking" not in doc.text and "Copyright" not in doc.text and "Home" not in doc.text


def test_ingest_rss_entries_become_documents_html_stripped():
    docs, errors = _by_ref(FIXTURES / "mixed" / "feed.rss")
    doc = docs["kherson-1"]
    assert doc.source_kind == "feed"
    assert doc.publisher == "Kherson Regional Administration"
    assert doc.language == "uk"
    assert doc.published == datetime(2025, 3, 27, 9, 10, tzinfo=KYIV_WINTER)
    assert doc.text == "Обстріл Херсона\n\nПротягом доби ворог 34 рази обстріляв Херсон.\nПошкоджено лікарню."
    assert doc.text[37:44] == "34 рази"
    (error,) = errors
    assert error.location == "entry 2, field published"


def test_ingest_atom_feed():
    (doc,), errors = load_documents(FIXTURES / "mixed" / "atom.xml")
    assert errors == []
    assert doc.ref == "urn:example:mission:1"
    assert doc.url == "https://example.org/mission/1"
    assert doc.text.endswith("strikes on energy sites in two regions.")


def test_ingest_feed_url_through_mock_transport():
    body = (FIXTURES / "mixed" / "atom.xml").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, content=body)
        return httpx.Response(404)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    result = read_feed_url("https://example.org/feed", ReadOptions(language="en"), client=client)
    assert [d.ref for d in result.documents] == ["urn:example:mission:1"]
    with pytest.raises(InputError, match="HTTP 404"):
        read_feed_url("https://example.org/missing", ReadOptions(), client=client)
    with pytest.raises(InputError, match="over the"):
        read_feed_url("https://example.org/feed", ReadOptions(max_bytes=100), client=client)


def test_ingest_telegram_export_messages():
    docs, errors = _by_ref(FIXTURES / "telegram" / "result.json")
    assert errors == []
    assert set(docs) == {"1700000001/41", "1700000001/43"}  # service and photo-only skipped
    doc = docs["1700000001/41"]
    assert doc.source_kind == "telegram"
    assert doc.text == "Overnight the enemy attacked the region with 7 drones. No casualties."
    assert doc.text[45:53] == "7 drones"
    assert doc.publisher == "Demo Oblast Administration"
    assert doc.url == "https://t.me/demo_oblast/41"
    assert doc.published == datetime(2025, 4, 20, 6, 0, tzinfo=UTC)


def test_ingest_html_fragment_to_text_blocks_and_breaks():
    assert html_fragment_to_text("<p>a <b>b</b></p><p>c<br>d</p><script>x</script>") == "a b\nc\nd"
    assert html_fragment_to_text("no markup") == "no markup"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.txt", b"hello", "text"),
        ("a.md", b"# hi", "markdown"),
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.htm", b"<p>x</p>", "html"),
        ("a.xml", b'<?xml version="1.0"?><rss version="2.0"></rss>', "feed"),
        ("noext", b"<!DOCTYPE html><html></html>", "html"),
        ("noext", b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("noext", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("noext", b"---\ntitle: x\n---\nbody", "markdown"),
        ("noext", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("noext", b"plain words", "text"),
    ],
)
def test_ingest_detect_format(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_format(path) == kind


def test_ingest_directory_walk_skips_hidden_readme_and_sidecars(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "README.md").write_text("# about this folder")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    (tmp_path / "sub" / "r1.txt").write_text("Report one.")
    (tmp_path / "sub" / "r1.json").write_text('{"id": "r1", "publisher": "P"}')
    (tmp_path / "r2.md").write_text("Report two.")
    docs, errors = _by_ref([tmp_path], language="en")
    assert errors == []
    assert sorted(d.source_kind for d in docs.values()) == ["corpus", "markdown"]
    assert "r1" in docs


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_ingest_normalize_text_is_idempotent_and_clean(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert not {"\r", "\x00", "\ufeff"} & set(once)
