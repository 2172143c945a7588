"""Ships `resources/` and the user guide inside the package (as nlv_events/_shipped), so a wheel installed
anywhere finds its fonts, demo data and icons through importlib.resources. Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
# The catalogs' sources stay behind: they ship compiled, in nlv_events/i18n/locale.
LEFT_BEHIND = shutil.ignore_patterns("translations")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        target = Path(self.build_lib) / "nlv_events" / "_shipped"
        shutil.copytree(ROOT / "resources", target / "resources", ignore=LEFT_BEHIND, dirs_exist_ok=True)
        (target / "docs").mkdir(parents=True, exist_ok=True)
        for guide in (ROOT / "docs").glob("user-guide*.md"):
            shutil.copy2(guide, target / "docs" / guide.name)
        shutil.copytree(ROOT / "docs" / "images", target / "docs" / "images", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
