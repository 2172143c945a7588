"""What the bundle leaves out of what PyInstaller collects: files the app never loads (read by nlv-events.spec)."""

from __future__ import annotations

import fnmatch
import posixpath

# Babel's locale data for the two languages of the app: vi, and en_GB with the locales it inherits from.
BABEL_LOCALES = frozenset({"root", "vi", "en", "en_001", "en_GB"})

# Patterns on a file's place in the bundle (forward slashes, lower case), on every system.
NEVER_LOADED = (
    # Qt's translations of its own dialogs: the app installs no QTranslator; its words come from its own catalogs.
    "pyside6/qt/translations/*",
    "pyside6/translations/*",
    # The on-screen keyboard, and Qt Quick and QML, which nothing else of the app loads.
    "*qtvirtualkeyboard*",
    "*qt6virtualkeyboard*",
    "*qt6quick*",
    "*qt6qml*",
    # Platforms of embedded devices and remote screens, with their input drivers; network status and TLS back-ends
    # (the app makes no network connection through Qt).
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",
    "*/plugins/networkinformation/*",
    "*/plugins/tls/*",
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*minimalegl*",
    "*qt6eglfs*",
    # Linux: Wayland's own platform plugin; on a Wayland desktop Qt draws through XWayland (xcb) instead.
    "*/plugins/wayland-*",
    "*/plugins/platforms/*wayland*",
    "*qt6waylandclient*",
    "*qt6wlshellintegration*",
    # GTK's look on Linux, which would bring GTK, cairo and pango: the app draws with Qt's own style.
    "*/plugins/platformthemes/*gtk3*",
    # Picture formats the window never shows: photos are read by Pillow, and the window shows its JPEG thumbnails.
    "*/plugins/imageformats/*tiff*",
    "*/plugins/imageformats/*webp*",
    "*/plugins/imageformats/*icns*",
    "*/plugins/imageformats/*tga*",
    "*/plugins/imageformats/*wbmp*",
    "*/plugins/imageformats/*pdf*",
    # Windows: Mesa's software OpenGL (20 MB), for OpenGL and Quick views; the app's views are all widgets.
    "*opengl32sw.dll",
)

# OpenSSL beside the program, which PyInstaller's QtNetwork hook adds for Qt's TLS plugin (left out above) and which
# Python's ssl and hashlib would use (left out in the spec). psycopg2 keeps its own copy in its own folder.
TOP_LEVEL_NEVER_LOADED = ("libssl*", "libcrypto*")

# Linux: libraries of the desktop itself (X11, fonts, printing, D-Bus, GLib), which PyInstaller copies from the build
# machine; the bundle uses the ones of the desktop it runs on, as a distribution's own programs do. Only the bundle's
# top folder is concerned: Pillow's and psycopg2's own copies (pillow.libs/, psycopg2_binary.libs/) stay.
LINUX_DESKTOP_LIBRARIES = (
    "libx11*", "libxcb*", "libxau.so*", "libxdmcp*", "libxext*", "libxrender*", "libxkbcommon*",
    "libfontconfig*", "libfreetype*", "libharfbuzz*", "libgraphite2*", "libpng16*", "libbrotli*",
    "libcups*", "libgnutls*", "libgcrypt*", "libgpg-error*", "libp11-kit*", "libunistring*", "libidn2*", "libnettle*",
    "libhogweed*", "libgmp*", "libtasn1*", "libavahi*", "libkrb5*", "libgssapi_krb5*", "libk5crypto*", "libcom_err*",
    "libkeyutils*", "libdbus-1*", "libsystemd*", "libglib-2*", "libgio-2*", "libgobject-2*", "libgmodule-2*",
    "libgthread-2*", "libmount*", "libblkid*", "libselinux*", "libpcre2*", "libcap.so*", "liblz4*", "libzstd*",
    "liblzma*", "libbsd*", "libmd.so*", "libexpat*", "libbz2*", "libreadline*", "libtinfo*", "libpixman*",
    "libcairo*", "libpango*", "libfribidi*", "libatk*", "libgdk*", "libgtk*", "libthai*", "libdatrie*", "libepoxy*",
    "libstdc++*", "libgcc_s*",
)  # fmt: skip


def is_left_out(place: str, linux: bool) -> bool:
    """Whether the file at `place` in the bundle is one the app never loads."""
    place = place.replace("\\", "/").lower()
    if place.startswith("babel/locale-data/"):
        return posixpath.splitext(posixpath.basename(place))[0] not in {name.lower() for name in BABEL_LOCALES}
    if any(fnmatch.fnmatchcase(place, pattern) for pattern in NEVER_LOADED):
        return True
    if "/" in place:
        return False
    top_level = TOP_LEVEL_NEVER_LOADED + (LINUX_DESKTOP_LIBRARIES if linux else ())
    return any(fnmatch.fnmatchcase(place, name) for name in top_level)


def kept(entries: list, linux: bool) -> list:
    """PyInstaller's (place, source, kind) entries without the files the app never loads."""
    return [entry for entry in entries if not is_left_out(entry[0], linux)]
