"""The command line and the window do the same things the same way: the database named in the settings, the
TCVN3 question on import, and import and export that run in the background and can be cancelled."""

import json

from nlv_events.core import database
from nlv_events.core.settings import Settings
from tests.integration.cli_runner import run

LEGACY = {
    "format": "nlv-events/1",
    "events": [{"ref": "legacy-1", "kind": "talk", "title": "Täa ®µm v¨n hãa ®äc", "start": "2023-03-03"}],
}


def test_the_cli_uses_the_database_named_in_the_settings(capsys, tmp_path):
    chosen = tmp_path / "phong-truyen-thong.sqlite3"
    settings = Settings()
    settings.set("database", str(chosen))
    settings.save()
    try:
        code, _, err = run(capsys, "demo")
        assert code == 0, err
        assert chosen.exists()
        assert not database.default_database_path().exists()
        code, out, _ = run(capsys, "events", "--year", "2022", "--format", "json")
        assert len(json.loads(out)) == 32
    finally:
        settings.set("database", "")
        settings.save()


def test_the_cli_names_the_option_that_converts_tcvn3_text(capsys, tmp_path):
    source = tmp_path / "cu.json"
    source.write_text(json.dumps(LEGACY, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "--db", str(tmp_path / "x.sqlite3"))
    assert code == 1 and "--convert-legacy" in err and "TCVN3" in err
    code, _, err = run(capsys, "import", str(source), "--db", str(tmp_path / "x.sqlite3"), "--convert-legacy")
    assert code == 0, err
