"""Parses RSS files with feedparser, a real feed reader's parser, and prints what it read as JSON.

Usage: /usr/bin/python3 parse-feeds.py FILE...   (Debian's python3-feedparser)
"""
import calendar
import json
import sys

import feedparser


def when(parsed):
    return calendar.timegm(parsed) if parsed else None


def entry(item):
    return {
        "title": item.get("title"),
        "link": item.get("link"),
        "id": item.get("id"),
        "guidislink": item.get("guidislink"),
        "published": when(item.get("published_parsed")),
        "summary": item.get("summary"),
        "content": [c.get("value") for c in item.get("content", [])],
        "tags": [t.get("term") for t in item.get("tags", [])],
        "author": item.get("author"),
        "source": {"title": item.get("source", {}).get("title"), "href": item.get("source", {}).get("href")},
        "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in item.get("links", [])],
    }


result = {}
for path in sys.argv[1:]:
    parsed = feedparser.parse(path)
    feed = parsed.feed
    result[path] = {
        "bozo": bool(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": feed.get("title"),
        "link": feed.get("link"),
        "language": feed.get("language"),
        "updated": when(feed.get("updated_parsed")),
        "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in feed.get("links", [])],
        "entries": [entry(item) for item in parsed.entries],
    }
json.dump(result, sys.stdout)
