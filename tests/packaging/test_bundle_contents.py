"""What the bundle leaves out (Qt Quick, Qt's translations, Babel's other languages…) and what it must keep."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
_spec = importlib.util.spec_from_file_location("bundle_contents", ROOT / "packaging" / "bundle_contents.py")
bundle_contents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_contents)


@pytest.mark.parametrize(
    "place",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_vi.qm",  # Windows' layout
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt6QmlModels.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/opengl32sw.dll",
        "libssl.so.3",  # Qt's TLS plugin and Python's ssl are left out
        "libcrypto-3-x64.dll",
        "babel/locale-data/fr.dat",
        "babel/locale-data/en_AU.dat",
    ],
)
def test_what_the_app_never_loads_is_left_out(place):
    assert bundle_contents.is_left_out(place, linux=True)
    assert bundle_contents.is_left_out(place, linux=False)


@pytest.mark.parametrize(
    "place",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",  # the printout preview
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",  # the tallies' chart
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the headless start of the tests
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",  # the photo thumbnails
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "babel/locale-data/vi.dat",
        "babel/locale-data/en_GB.dat",
        "babel/locale-data/en_001.dat",
        "babel/locale-data/en.dat",
        "babel/locale-data/root.dat",
        "babel/global.dat",
        "pillow.libs/libwebp-51b0b3f7.so.7.2.0",  # Pillow reads WebP photos with its own copy
        "psycopg2_binary.libs/libcrypto-fb8d5b21.so.3",  # PostgreSQL's own OpenSSL
        "psycopg2_binary.libs/libcrypto-3-x64-a1b2c3.dll",
        "libpython3.11.so.1.0",
        "libsqlite3.so.0",
        "resources/fonts/NotoSerif-Regular.ttf",
        "docx/templates/default-docx-template/_rels/.rels",
    ],
)
def test_what_the_app_loads_is_kept(place):
    assert not bundle_contents.is_left_out(place, linux=True)
    assert not bundle_contents.is_left_out(place, linux=False)


def test_the_linux_desktops_own_libraries_are_left_to_the_desktop_only_on_linux():
    for place in ("libX11.so.6", "libcups.so.2", "libglib-2.0.so.0", "libfontconfig.so.1", "libstdc++.so.6"):
        assert bundle_contents.is_left_out(place, linux=True)
        assert not bundle_contents.is_left_out(place, linux=False)
    assert not bundle_contents.is_left_out("pillow.libs/libXau-154567c4.so.6.0.0", linux=True)


def test_entries_are_filtered_by_their_place_in_the_bundle():
    entries = [("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"), ("libpython3.11.so.1.0", "", "")]
    assert bundle_contents.kept(entries, linux=True) == entries[1:]
