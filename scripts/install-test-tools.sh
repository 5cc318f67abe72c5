#!/bin/sh
# Installs the Debian packages the test suite drives: Chromium (browser tests), a Java runtime
# (the Nu Html Checker), python3-feedparser (a real feed reader's parser), libxml2-utils
# (xmllint) and newsboat (a terminal feed reader). Skips apt when everything is already there.
# Run as root.
set -eu

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing="$missing python3-feedparser"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
command -v newsboat >/dev/null 2>&1 || missing="$missing newsboat"

if [ -z "$missing" ]; then
	echo "test tools: all present"
	exit 0
fi

echo "test tools: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
