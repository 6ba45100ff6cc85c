"""URLs are computed in one place, relative, ASCII; entity names merge by normalisation + aliases."""

from __future__ import annotations

from generator.load.names import canonical, normalize, slug
from generator.model import urls


def test_relative_links_work_under_any_base_path() -> None:
    assert urls.relative("", urls.assessment("012033-3")) == "assessments/012033-3/"
    assert urls.relative(urls.assessment("012033-3"), "") == "../../"
    assert urls.relative(urls.file("012033-3", 1), urls.assessment("012033-3")) == "../../"
    assert urls.relative("contractors/", "contractors/") == "./"


def test_urls_are_ascii_and_stable() -> None:
    url = urls.entity("contractor", "日本電気株式会社北海道支社")
    assert url.isascii() and url == urls.entity("contractor", "日本電気株式会社 北海道支社")


def test_normalisation_merges_spacing_and_width_variants() -> None:
    assert normalize("株式会社 日立システムズ") == normalize("株式会社日立システムズ")
    assert normalize("ＨＢＡ") == "HBA"
    assert normalize("既存住民記録システム(以下「既存住基システム」という。)") == "既存住民記録システム"
    assert slug("株式会社 日立システムズ") == slug("株式会社日立システムズ")


def test_aliases_decide_what_normalisation_cannot() -> None:
    aliases = {"団体内統合宛名システム": "統合宛名システム"}
    assert canonical("団体内統合宛名システム(以下「統合宛名システム」という。)", aliases) == "統合宛名システム"
    assert canonical("宛名システム", aliases) == "宛名システム"
