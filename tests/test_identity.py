"""What a figure is compared as (factcheck.identity.homes): its own group's figure, a part of
a whole, or a side summed into the total."""

from __future__ import annotations

from factcheck.identity import Home, homes, whole_area


def test_a_subgroup_is_its_subgroups_own_figure_and_a_part_of_everyone():
    assert homes("total", "children", 10, "total") == (
        Home("total/children", "own"), Home("total", "part"))


def test_a_subgroup_of_one_sites_share_is_only_some_of_that_subgroup():
    # "the Riverside Hospital received 47 dead, including nine foreigners" (the 47 a share
    # of the toll): the nine are some of the foreigners, never the foreigners' count
    assert homes("total", "foreigners", 952, "total", whole_is_part=True) == (
        Home("total/foreigners", "part"), Home("total", "part"))


def test_a_subgroup_with_no_whole_stays_its_groups_figure():
    assert homes("total", "foreigners", None, "total", whole_is_part=True) == (
        Home("total/foreigners", "own"), Home("total", "part"))


def test_a_part_with_no_subgroup_is_only_a_part():
    assert homes("total", None, 0, "total") == (Home("total", "part"),)


def test_the_landmark_an_event_is_keyed_on_is_its_whole():
    # "71 died in Valcorvo Tower" of the fire keyed on that tower: the fire's toll
    assert whole_area("area:valcorvo-tower", "auto:fire:site-valcorvo-tower@borgoverde:2024-03",
                      lambda kind: 5.0, 15.0)
    assert whole_area("area:valcorvo-tower", "auto:fire:site-valcorvo-tower:2024-03",
                      lambda kind: 5.0, 15.0)
    # another place of the same event is still a part
    assert not whole_area("area:borgo", "auto:fire:site-valcorvo-tower@borgoverde:2024-03",
                          lambda kind: 5.0, 15.0)
