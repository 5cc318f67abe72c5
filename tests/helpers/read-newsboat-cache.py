"""Prints what newsboat stored in its cache (sqlite) as JSON: each feed's title, each item's title and author.

Usage: /usr/bin/python3 read-newsboat-cache.py CACHE_DB
"""
import json
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
json.dump(
    {
        "feeds": [{"url": url, "title": title} for url, title in db.execute("SELECT rssurl, title FROM rss_feed")],
        "items": [
            {"guid": guid, "url": url, "title": title, "author": author}
            for guid, url, title, author in db.execute("SELECT guid, url, title, author FROM rss_item")
        ],
    },
    sys.stdout,
)
