"""A title in Title Case capitalises every word ("Sixth Body Found on Stricken Cruise
Ship"): its capitals tell no name apart, so it names no site of the event; a site is read
from the prose, where a name keeps its capital and a common word does not."""

from __future__ import annotations

from datetime import date

from factcheck.context.article import title_cased
from factcheck.context.examples import article_claim
from factcheck.model import Article


def _article(title: str, body: str) -> Article:
    text = title + "\n\n" + body
    return Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                   published=date(2031, 2, 3), published_how="metadata",
                   published_precision="day", lang="en", title=title)


def test_title_case_is_told_from_a_sentence_title():
    assert title_cased("Fourth Body Found on Stricken Ferry Near Port")
    assert not title_cased("Fourth body found on stricken ferry near Valcorvo")
    assert not title_cased("Valcorvo Ferry")  # too short to tell


def test_a_title_case_title_names_no_site():
    a = _article("Fourth Body Found on Stricken Ferry Wreck",
                 "Divers found a fourth body inside the stricken ferry, the coastguard said. "
                 "The ferry ran aground off the coast of Italy on Friday; 11 people have died.")
    c = article_claim(a, "11")
    assert c.event is not None and "site-" not in c.event
    assert c.event == "auto:shipwreck:italy:2031-02"
