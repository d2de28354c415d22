"""The article reader: metadata from every header style, prose regions, decoding."""

from datetime import date
from pathlib import Path

import pytest

from factcheck.articles import (SkipFile, decode, detect_language, find_files, parse_article,
                                read_article, read_articles)
from factcheck.errors import FactcheckError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def prose(article) -> str:
    return "\n".join(article.text[s:e] for s, e in article.regions)


def test_front_matter(shared_datadir):
    a = read_article(shared_datadir / "articles" / "front_matter.md")
    assert (a.title, a.outlet, a.url) == ("Alluvione in Valle: 12 vittime", "Gazzetta di Prova",
                                         "https://example.org/alluvione")
    assert (a.published, a.published_how, a.published_precision) == (date(2024, 5, 17), "metadata", "day")
    assert a.lang == "it" and not a.lang_detected
    # the title counts as prose (claims in a title are claims); the header keys do not
    assert "12 vittime" in prose(a) and "published" not in prose(a)
    assert prose(a).endswith("secondo la protezione civile.\n")


def test_header_block(shared_datadir):
    a = read_article(shared_datadir / "articles" / "header_block.txt")
    assert (a.title, a.outlet, a.published, a.lang) == ("Quake toll rises", "Example Wire",
                                                        date(2023, 2, 8), "en")
    assert "example.com" not in prose(a)
    assert "The death toll from the earthquake rose to 1,200" in prose(a)


def test_no_metadata_detects_language_and_leaves_date_unknown(shared_datadir):
    it = read_article(shared_datadir / "articles" / "no_metadata.txt")
    en = read_article(shared_datadir / "articles" / "english_no_metadata.txt")
    assert (it.lang, it.lang_detected, it.published, it.published_how) == ("it", True, None, None)
    assert (en.lang, en.lang_detected, en.published) == ("en", True, None)
    assert it.regions == ((0, len(it.text)),)


def test_seed_style_title_url_byline_date(shared_datadir):
    a = read_article(shared_datadir / "articles" / "seed_style_byline.txt")
    assert a.title == "Frana in montagna, dispersi tre escursionisti"
    assert (a.url, a.outlet) == ("example.net/notizie/frana-montagna/", "example.net")
    assert (a.published, a.published_precision) == (date(2022, 8, 12), "day")
    text = prose(a)
    assert "dispersi tre escursionisti" in text  # title kept as prose
    assert "Mario Rossi" not in text and "example.net" not in text and "12 agosto" not in text


def test_leading_date_is_month_precision(shared_datadir):
    a = read_article(shared_datadir / "articles" / "leading_date.txt")
    assert (a.published, a.published_precision) == (date(2021, 6, 1), "month")
    assert prose(a).startswith("Le piogge hanno costretto")


def test_seed_000_header():
    a = read_article(SEEDS / "000_1ebefa9cf3bc2293.txt")
    assert a.title.startswith("UE, Russia e Stati Uniti hanno avuto colloqui segreti")
    assert a.outlet == "politico.eu" and a.published == date(2023, 10, 4)
    assert "Gabriel Gavin" not in prose(a)
    assert prose(a).count("L'incontro è un raro segno") == 1


def test_seed_001_leading_date():
    a = read_article(SEEDS / "001_b1ae52b9ffe39a62.txt")
    assert (a.published, a.published_precision, a.lang) == (date(2020, 10, 1), "month", "it")
    assert prose(a).startswith("Il presidente russo Vladimir Putin")


@pytest.mark.parametrize("name", ["002_81ba2853dffa6702.txt", "003_1cd965bc780c27c3.txt",
                                  "004_937be6888e573bd5.txt"])
def test_seeds_without_metadata(name):
    a = read_article(SEEDS / name)
    assert a.published_how in (None,) and a.lang == "it"
    assert a.regions == ((0, len(a.text)),)


def test_offsets_index_the_file_text():
    for path in sorted(SEEDS.glob("*.txt")):
        a = read_article(path)
        assert a.text == path.read_text(encoding="utf-8")
        assert all(0 <= s < e <= len(a.text) for s, e in a.regions)


def test_impossible_date_warns_and_stays_unknown(shared_datadir):
    warnings = []
    a = read_article(shared_datadir / "articles" / "impossible_date.txt", warn=warnings.append)
    assert a.published is None and a.title == "Data impossibile"
    assert any("impossible" in w and "impossible_date.txt" in w for w in warnings)


def test_unclosed_front_matter_reads_everything_as_text(shared_datadir):
    warnings = []
    a = read_article(shared_datadir / "articles" / "unclosed_front_matter.md", warn=warnings.append)
    assert "Sono morte 7 persone" in prose(a)
    assert any("never closed" in w for w in warnings)


def test_bom_is_dropped(shared_datadir):
    a = read_article(shared_datadir / "articles" / "bom.txt")
    assert a.title == "Con BOM" and a.published == date(2021, 3, 2)


def test_decode_encodings():
    assert decode("perché 6'500".encode("cp1252")) == "perché 6'500"
    assert decode("perché".encode("utf-16")) == "perché"
    assert decode(b"\xef\xbb\xbfciao") == "ciao"
    with pytest.raises(SkipFile, match="^PDF is not supported: convert it to text first$"):
        decode(b"%PDF-1.7\n\x00\x01binary")
    with pytest.raises(SkipFile, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_parse_article_is_pure():
    a = parse_article("title: T\n---\nSono 3 i feriti.", "x.txt")
    assert a.id == "x.txt" and a.title == "T" and a.text[a.regions[-1][0]:] == "Sono 3 i feriti."


def test_find_files_recurses_and_sorts(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])] == ["a.txt", "b/2.md"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(FactcheckError, match="no such file"):
        find_files([tmp_path / "nope"])


def test_read_articles_skips_unusable_files_with_a_warning(tmp_path):
    (tmp_path / "ok.txt").write_text("Sono morte 3 persone.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.4 \x00\x00")
    warnings = []
    arts = read_articles([tmp_path], warn=warnings.append)
    assert [a.id for a in arts] == ["ok.txt"]
    assert sorted(w.split(": ")[0].rsplit("/", 1)[-1] for w in warnings) == ["empty.txt", "fake.txt"]


def test_language_detection():
    assert detect_language("The army said that at least ten soldiers were killed in the attack.") == "en"
    assert detect_language("L'esercito ha detto che almeno dieci soldati sono stati uccisi.") == "it"


def test_doc_ids_are_file_names_unless_two_files_share_one():
    from factcheck.articles import doc_ids

    files = [Path("a/x.txt"), Path("b/x.txt"), Path("c/y.txt")]
    assert doc_ids(files) == ["a/x.txt", "b/x.txt", "y.txt"]
    many = [Path(f"d{i // 1000}/{i}.md") for i in range(50_000)]  # linear: 100,000 files took
    assert doc_ids(many)[-1] == "49999.md"                        # minutes when it was not


def test_rules_copy_changes_month_names_and_stop_words(tmp_path):
    """The reader's language data comes from the rules folder passed down (``--rules``), not
    from the default one: an edited copy changes the dates and the language it reads."""
    import shutil

    from factcheck.cli import main

    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    meta = rules / "lang" / "en" / "metadata.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"november"', '"brumaire"'),
                    encoding="utf-8")
    detect = rules / "lang" / "en" / "detect.toml"
    detect.write_text(detect.read_text(encoding="utf-8").replace(
        'stopwords = [', 'stopwords = ["zorp", "blig", '), encoding="utf-8")

    header = "title: Test\ndate: 3 brumaire 2023\n---\nzorp blig zorp blig del il la.\n"
    default = parse_article(header, "a")
    edited = parse_article(header, "a", root=rules)
    assert default.published is None and default.lang == "it"
    assert edited.published == date(2023, 11, 3) and edited.lang == "en"
    assert detect_language("zorp blig di", rules) == "en" != detect_language("zorp blig di")

    # through the CLI: --rules reaches the reader of `extract`
    art = tmp_path / "a.txt"
    art.write_text("title: Flood\ndate: 3 brumaire 2023\n---\n"
                   "At least 12 people died in the flood, officials said.\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    assert main(["extract", str(art), "--rules", str(rules), "--format", "jsonl",
                 "-o", str(out)]) == 0
    assert '"2023-11-03"' in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- a date from the URL

@pytest.mark.parametrize("url, expected", [
    ("https://news.example.com/world/2023/02/27/boat-sinks-off-coast/", (date(2023, 2, 27), "day")),
    ("https://www.example.net/news/2021/3/9/live-quake-tracker?ref=home", (date(2021, 3, 9), "day")),
    ("https://example.org/cronaca/2019-11-04/frana-in-valle", (date(2019, 11, 4), "day")),
    ("https://example.it/20200615/alluvione-in-valle", (date(2020, 6, 15), "day")),
    ("https://www.example.fr/en/europe/20220312-storm-toll-rises", (date(2022, 3, 12), "day")),
    ("https://example.pk/7-Sep-2021/floods-kill-dozens", (date(2021, 9, 7), "day")),
    ("https://example.com/14-marzo-2022/scossa-di-terremoto", (date(2022, 3, 14), "day")),
    ("https://blog.example.com/2018/10/avalanche-hits-resort/", (date(2018, 10, 1), "month")),
])
def test_url_date_forms(url, expected):
    from factcheck.articles import _month_numbers
    from factcheck.urldate import url_date
    assert url_date(url, _month_numbers()) == expected


@pytest.mark.parametrize("url", [
    "https://example.it/?p=318705",                          # a query id
    "https://example.it/news/article/20159999",              # an id that is no real day
    "https://example.it/tg/article/62577497",                # an id, not a year
    "https://www.example.com/article/us-storm-idUSKBN20221130",  # an id glued to letters
    "https://example.com/world/flood-kills-12-on-may-16-2023-officials-say",  # a headline's date
    "https://example.com/mondo/frana_48488253-202202k.shtml",   # an id and a template suffix
    "https://example.com/live/?entryId=20230227&id=5",       # dates in the query are not read
    "https://example.com/archive/2023/",                     # a year alone
    "https://example.com/2023/14/02/x",                      # no month 14
])
def test_url_date_ignores_ids_and_slugs(url):
    from factcheck.articles import _month_numbers
    from factcheck.urldate import url_date
    assert url_date(url, _month_numbers()) is None


def test_header_without_date_dated_by_url():
    text = ("---\nsource: Example\nurl: https://example.com/2023/02/27/boat-sinks/\nlang: en\n---\n"
            "At least 40 people died when the boat sank.\n")
    a = parse_article(text, "a.txt")
    assert (a.published, a.published_how, a.published_precision) == (date(2023, 2, 27), "url", "day")


def test_header_date_wins_over_url_unless_url_narrows_it():
    def dated(published, url):
        a = parse_article(f"---\nurl: {url}\npublished: {published}\n---\nTre morti nella frana.\n",
                          "a.txt")
        return a.published, a.published_how, a.published_precision
    # the header's day wins, whatever the URL says
    assert dated("2023-03-01", "https://example.it/2023/02/27/x") == (date(2023, 3, 1), "metadata", "day")
    # a header known to the month: the URL's day in that month narrows it
    assert dated("2023-05", "https://example.it/2023/05/19/x") == (date(2023, 5, 19), "url", "day")
    # ... but not a day of another month
    assert dated("2023-05", "https://example.it/2023/04/30/x") == (date(2023, 5, 1), "metadata", "month")


def test_seed_style_url_dates_an_undated_article():
    a = parse_article("Frana in valle\nexample.net/cronaca/2022/08/12/frana/\n\nTre dispersi.\n", "s.txt")
    assert (a.published, a.published_how, a.published_precision) == (date(2022, 8, 12), "url", "day")
