"""`ceasewatch.safeload`: untrusted JSON, YAML and XML parsed within limits."""

from __future__ import annotations

import pytest

from ceasewatch.errors import DocumentTooLarge, InputError, UnsafeInput
from ceasewatch.safeload import MAX_DEPTH, check_xml, load_json, load_yaml, nesting_depth


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"a": NaN}', "nan is not a json number"),
        ('{"a": -Infinity}', "-infinity is not a json number"),
        ('{"a": 1e400}', "out of range"),
        ('{"a": ' + "1" * 41 + "}", "41 characters"),
        ('{"a": 1', "expecting"),
    ],
)
def test_safeload_json_refuses_non_numbers_and_broken_text(text, words):
    with pytest.raises(InputError) as caught:
        load_json(text, source="f.json")
    assert words in caught.value.message.lower() and caught.value.source == "f.json" and caught.value.hint


def test_safeload_json_depth_limit_counts_lists_and_objects():
    at_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert nesting_depth(load_json(at_limit)) == MAX_DEPTH
    for text in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), '{"a":' * 200_000 + "1" + "}" * 200_000):
        with pytest.raises(DocumentTooLarge, match="nested more than 32"):
            load_json(text, source="f.json", location="line 4")


def test_safeload_json_keeps_ordinary_values():
    assert load_json('{"a": [1, 2.5, "x", null, true], "b": -3}') == {"a": [1, 2.5, "x", None, True], "b": -3}


def test_safeload_yaml_refuses_aliases_with_the_line():
    with pytest.raises(UnsafeInput) as caught:
        load_yaml("a: &x [1, 2]\nb: *x\n", source="f.md", location="front matter", first_line=2)
    assert caught.value.location == "front matter, line 3"


def test_safeload_yaml_anchors_without_aliases_and_plain_data_load():
    assert load_yaml("a: &x 1\nb: [2, 3]\nc: 2025-03-19\n")["b"] == [2, 3]


def test_safeload_yaml_size_depth_and_bad_values():
    with pytest.raises(DocumentTooLarge, match="over the"):
        load_yaml("a: " + "x" * 300_000)
    with pytest.raises(DocumentTooLarge, match="nested"):
        load_yaml("a: " + "[" * 2000 + "]" * 2000)
    with pytest.raises(InputError, match="month must be"):
        load_yaml("a: 2025-13-01")


def test_safeload_xml_allows_plain_feeds_and_refuses_declarations():
    check_xml(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    check_xml(b"<rss><channel>not closed")  # not well-formed: the feed parser reports it
    for data in (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>',
        b'<!DOCTYPE rss SYSTEM "http://example.org/rss.dtd"><rss/>',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r/>'.encode("utf-16"),
        b'<?xml version="1.0" encoding="x-unknown"?><!DOCTYPE r [<!ENTITY a "b">]><r/>',
    ):
        with pytest.raises(UnsafeInput):
            check_xml(data, source="feed.xml")
