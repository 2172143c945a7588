"""The settings are read from their file once per process, and again only after they are saved."""

import json

from nlv_events.core.settings import Settings, current_settings, settings_path


def test_the_settings_are_read_once_and_again_after_a_save(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"documents.signer": "Nguyễn Thị A"}), encoding="utf-8")
    first = current_settings()
    assert first.get("documents.signer") == "Nguyễn Thị A"

    path.write_text(json.dumps({"documents.signer": "Trần Văn B"}), encoding="utf-8")  # behind the program's back
    assert current_settings() is first and current_settings().get("documents.signer") == "Nguyễn Thị A"

    dialog_copy = Settings()  # what the settings dialog edits and saves
    dialog_copy.set("documents.signer", "Lê Văn C")
    dialog_copy.save()
    assert current_settings().get("documents.signer") == "Lê Văn C"


def test_another_configuration_folder_has_its_own_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "one"))
    current_settings().set("organisation.city", "Huế")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "two"))
    assert current_settings().get("organisation.city") == "Hà Nội"
