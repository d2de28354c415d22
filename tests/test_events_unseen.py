"""Events of types and regions the corpus never met, from invented reports across days
(tests/data/events_unseen: a mine blast in Turkey, a mining dam's collapse in Brazil, an
earthquake in Nepal, monsoon floods in Pakistan and in India, a temple stampede in India, a
ferry sunk off Indonesia; Italian and English). Each event's reports are one event, whatever the order of
the files, and no two events are one."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from factcheck.context.merge import merge_events
from factcheck.pipeline import extract_paths

DATA = Path(__file__).parent / "data" / "events_unseen"


@pytest.fixture(scope="module")
def claims():
    results = extract_paths([DATA], jobs=1, progress=False)
    return [c for r in results for c in r.claims]


def _story(doc: str) -> str:
    return doc.split("-")[0]  # "mine-2-it.md" -> "mine"


def _events(claims) -> dict[str, set[str | None]]:
    by_story: dict[str, set[str | None]] = defaultdict(set)
    for c in merge_events(claims):
        by_story[_story(c.doc)].add(c.event)
    return by_story


# figures told of an earlier event inside a report ("since 2018, when a ferry capsized near
# Selayar, killing 35"): never the report's own
_BACKGROUND = {("ferry-4-en.md", 35)}


def test_each_invented_event_s_reports_are_one_event(claims):
    own = [c for c in claims if (c.doc, c.quantity.value) not in _BACKGROUND]
    events = _events(own)
    assert set(events) == {"crush", "dam", "ferry", "flood", "mine", "monsoon", "quake"}
    for story, ids in events.items():
        assert len(ids) == 1 and None not in ids, (story, ids)


def test_no_two_invented_events_are_one(claims):
    events = _events([c for c in claims if (c.doc, c.quantity.value) not in _BACKGROUND])
    ids = [next(iter(v)) for v in events.values()]
    assert len(set(ids)) == len(ids), events


def test_a_trial_years_later_is_the_old_event_s(claims):
    # "the trial over the Zonguldak mine explosion of 10 May 2031, which killed 44 miners,
    # opened in Ankara": the court's city is not where it happened, nor the trial's month when
    merged = {(c.doc, c.quantity.value): c.event for c in merge_events(claims)}
    assert merged["mine-4-en.md", 44] == merged["mine-1-en.md", 28]
    assert merged["mine-4-en.md", 44].startswith("auto:explosion:zonguldak:2031-05")


def test_a_ship_s_name_links_a_report_weeks_later(claims):
    # "divers reached the wreck of the Bintang Makassar ... six weeks after": beyond a
    # shipwreck's window, the ship's name joins it
    merged = {(c.doc, c.quantity.value): c.event for c in merge_events(claims)}
    assert merged["ferry-3-en.md", 47] == merged["ferry-1-en.md", 17]


def test_a_region_the_gazetteer_cannot_bound_meets_its_town_s_event(claims):
    # "floods in Sindh" (an ISO 3166-2 region) and "floods in Larkana" (a town of it); a
    # region of another country is a place, never a site, and another event
    merged = {(c.doc, c.quantity.value): c.event for c in merge_events(claims)}
    assert merged["flood-4-en.md", 61] == merged["flood-1-en.md", 47]
    assert merged["monsoon-1-it.md", 22] != merged["flood-1-en.md", 47]
    assert "site-" not in merged["monsoon-1-it.md", 22]


def test_an_earlier_shipwreck_told_in_a_report_is_not_the_report_s(claims):
    merged = {(c.doc, c.quantity.value): c.event for c in merge_events(claims)}
    assert merged["ferry-4-en.md", 35] != merged["ferry-4-en.md", 33]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_same_ids_whatever_the_order(claims, seed):
    want = [c.event for c in merge_events(claims)]
    order = list(range(len(claims)))
    random.Random(seed).shuffle(order)
    shuffled = merge_events([claims[i] for i in order])
    got = [None] * len(claims)
    for i, c in zip(order, shuffled):
        got[i] = c.event
    assert got == want


def test_iso_regions_are_places_but_never_a_people_or_a_sea():
    from factcheck.context.gazetteer import gazetteer, name_key

    g = gazetteer()
    assert {p.country for p in g.fixed[name_key("Punjab")]} == {"IN", "PK"}
    assert g.fixed[name_key("Sindh")][0].level == "region"
    assert name_key("Somali") not in g.fixed or all(
        p.level != "region" for p in g.fixed[name_key("Somali")])
    assert name_key("Gulf") not in g.fixed
    # an area of curated regions is bounded by them: it holds no town outside them
    central = g.get("central-italy")
    assert not g.may_hold(central, g.get("genova"))
