"""newsdesk.cleaning.metadata: front matter off the body, sidecar keys as scrapers write them, metadata wins."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaning_helpers import HEAD, P1, P2, article
from newsdesk.cleaning import RejectError, clean_article, prepare
from newsdesk.cleaning.metadata import (
    Metadata, MetadataError, apply_metadata, merge, metadata_from, read_sidecar, split_front_matter,
)

D = datetime.date
FRONT = """---
title: Harbour council approves quay extension
date: 2023-03-21
url: https://news.example.org/harbour/quay
publisher: The Harbour Gazette
tags: [harbour, council]
---
"""


def test_front_matter_is_read_and_taken_off_the_text():
    fields, rest = split_front_matter(FRONT + article(P1, P2))
    assert fields["title"] == "Harbour council approves quay extension" and fields["date"] == D(2023, 3, 21)
    assert rest.startswith(HEAD) and "title:" not in rest and "---" not in rest


@pytest.mark.parametrize("text", [
    article(P1, P2),  # no front matter at all
    "---\n" + article(P1, P2),  # a rule line above the article, never closed
    f"---\n{HEAD}\n---\n\n{P1}\n",  # a headline between rules: YAML reads a string, not metadata
    f"---\nLONDON: {P1}\n---\n\n{P2}\n",  # a mapping of no metadata key: article text, kept
])
def test_text_that_is_not_front_matter_is_left_alone(text):
    assert split_front_matter(text) == (None, text)


def test_front_matter_yaml_refuses_is_read_line_by_line():
    # an unquoted colon in the title is a YAML error; the block is still metadata, not body
    fields, rest = split_front_matter("---\ntitle: Breaking: council votes\ndate: 2023-03-21\n---\n" + P1)
    assert fields == {"title": "Breaking: council votes", "date": "2023-03-21"} and rest == P1


def test_toml_front_matter():
    fields, rest = split_front_matter('+++\ntitle = "Quay plan"\npublishDate = "2023-03-21"\n+++\n' + P1)
    assert metadata_from(fields, "front_matter").published_on == D(2023, 3, 21) and rest == P1


# the keys each tool writes (field names as their docs and source give them; values made up)
TRAFILATURA = {"title": "Quay plan approved", "author": "Ann Smith", "hostname": "gazette.example.org",
               "date": "2023-03-21", "source": "https://gazette.example.org/quay",
               "source-hostname": "The Harbour Gazette", "excerpt": "…", "text": "ignored", "categories": ""}
NEWSPAPER = {"url": "https://gazette.example.org/quay", "title": "Quay plan approved", "authors": ["Ann Smith"],
             "publish_date": "2023-03-21T09:30:00+00:00", "meta_site_name": "The Harbour Gazette",
             "canonical_link": "https://gazette.example.org/quay?canonical", "text": "ignored"}
NEWS_PLEASE = {"title": "Quay plan approved", "url": "https://gazette.example.org/quay",
               "date_publish": "2023-03-21 09:30:00", "source_domain": "gazette.example.org", "maintext": "…"}
NEWSAPI = {"source": {"id": None, "name": "The Harbour Gazette"}, "title": "Quay plan approved",
           "url": "https://gazette.example.org/quay", "publishedAt": "2023-03-21T09:30:00Z"}
SCHEMA_ORG = {"@type": "NewsArticle", "headline": "Quay plan approved", "datePublished": "2023-03-21",
              "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}, "mainEntityOfPage": "x"}


@pytest.mark.parametrize("fields, outlet", [
    (TRAFILATURA, "The Harbour Gazette"),  # the site name wins over the host name
    (NEWSPAPER, "The Harbour Gazette"),
    (NEWS_PLEASE, "gazette.example.org"),
    (NEWSAPI, "The Harbour Gazette"),  # {"name": …} objects are read
    (SCHEMA_ORG, "The Harbour Gazette"),
])
def test_sidecar_keys_of_common_tools(fields, outlet):
    meta = metadata_from(fields, "sidecar")
    assert meta.title == "Quay plan approved" and meta.outlet == outlet and meta.source == "sidecar"
    assert meta.published_on == D(2023, 3, 21)
    assert meta.url == (None if fields is SCHEMA_ORG else "https://gazette.example.org/quay")


def test_values_that_are_not_what_the_key_claims_are_skipped():
    meta = metadata_from({"url": "/relative/path", "link": "https://gazette.example.org/quay",
                          "outlet": "https://gazette.example.org", "sitename": "Gazette",
                          "published": "March 2023", "date": "2023-03-21"}, "sidecar")
    assert (meta.url, meta.outlet, meta.published_on) == ("https://gazette.example.org/quay", "Gazette", D(2023, 3, 21))
    assert not metadata_from({"published": "Feb 26", "author": "Ann"}, "sidecar")  # a partial date says nothing


@pytest.mark.parametrize("data, message", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "JSON list"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_read_sidecar_says_what_is_wrong(data, message):
    with pytest.raises(MetadataError, match=message):
        read_sidecar(data)


def test_front_matter_wins_field_by_field_over_the_sidecar():
    both = merge(Metadata(title="Front title", source="front_matter"),
                 Metadata(title="Side title", url="https://x.example/a", source="sidecar"))
    assert (both.title, both.url, both.source) == ("Front title", "https://x.example/a", "front_matter+sidecar")


def test_metadata_title_equal_to_the_headline_changes_nothing():
    a = clean_article(article(P1, P2))
    b = apply_metadata(a, Metadata(title=HEAD.upper() + "!", source="sidecar"))  # same words
    assert (b.title, b.title_source, b.body) == (a.title, "headline", a.body)


def test_metadata_title_becomes_the_first_line_of_a_text_without_one():
    a = clean_article(f"{P1}\n\n{P2}\n")  # no headline: the title was the first sentence
    b = apply_metadata(a, Metadata(title="Bank lifts rates", published_on=D(2024, 5, 2), source="sidecar"))
    assert b.title == "Bank lifts rates" and b.title_source == "metadata"
    assert b.body == f"Bank lifts rates\n\n{a.body}" and b.n_words == len(b.body.split())
    assert b.published_on == D(2024, 5, 2)


def test_prepare_reads_front_matter_and_sidecar():
    raw = (FRONT + article("Published: 1 January 2020", P1, P2)).encode()
    sidecar = json.dumps({"url": "https://other.example/x", "sitename": "Other"}).encode()
    a, _ = prepare(raw, sidecar)
    assert a.title == "Harbour council approves quay extension" and a.title_source == "metadata"
    assert a.published_on == D(2023, 3, 21)  # metadata wins over the stamp in the text
    assert (a.url, a.outlet, a.metadata_source) == (
        "https://news.example.org/harbour/quay", "The Harbour Gazette", "front_matter+sidecar")
    assert "title:" not in a.body and "publisher" not in a.body and HEAD in a.body


def test_front_matter_without_text_is_no_document():
    with pytest.raises(RejectError) as exc:
        prepare(FRONT.encode())
    assert exc.value.reason == "no_body" and "front matter" in exc.value.detail


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.binary(max_size=60) | st.just(b'{"title": 3, "date": [], "source": {"x": 1}}'))
def test_any_front_matter_or_sidecar_gives_an_article_or_a_reject(text, sidecar):
    # odd YAML, odd JSON values: never an exception other than a reject with a reason
    try:
        a, _ = prepare(("---\n" + text + "\n---\n" + P1).encode(), sidecar)
    except RejectError as exc:
        assert exc.reason and exc.detail  # a NUL in the text is "binary", and so on
        return
    assert a.body.strip() and a.title.strip() and a.n_words == len(a.body.split())
