#!/bin/sh
# Install the Debian packages the test suite needs when they are missing (CI runs as root on a clean clone).
# Qt's offscreen platform still loads these libraries.
set -eu
# PostgreSQL: the store's tests also run against a real server that they start themselves.
# LibreOffice (Writer and Calc, without a GUI) lays out every DOCX and XLSX the app writes, as Word and Excel users
# see them; Liberation 2 has Times New Roman's and Arial's metrics and Vietnamese (version 1 lacks the precomposed
# letters, so LibreOffice fell back to a wider font for "ộ", "ự"). HanaMin: a Hán-Nôm font (Extension B too) found at
# run time, as SimSun-ExtB is on Windows, for the printouts of Hán-Nôm titles. Chromium: the public calendar's pages
# opened headless (screenshots at desktop and phone widths, axe-core's accessibility rules), driven by Playwright.
needed="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 postgresql
        libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2
        fonts-hanazono chromium"
missing=""
for package in $needed; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages:$missing (install them with apt-get as root)" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
