"""Place-value arithmetic for numbers written in words.

The builder is language-neutral: the language data (``rules/lang/<lang>/numbers.toml``)
says which word is a unit, a teen, a ten, a hundred, a thousand or a larger scale;
this module only knows how such atoms combine ("due"+"cento"+"mila" = 200000) and
which sequences are not one number ("sessanta quindici", "duemille").
"""

from __future__ import annotations

from dataclasses import dataclass

# atom classes, as read from the data file's [words] tables
UNIT, TEEN, TEN, HUNDRED, THOUSAND, SCALE, MULT, LIT = (
    "unit", "teen", "ten", "hundred", "thousand", "scale", "mult", "lit",
)


@dataclass(slots=True)
class Atom:
    """One piece of a written number: its class, value and the word as written.

    Never mutated (not ``frozen``: a frozen dataclass costs ~5x more to build, and one
    is built per figure read).
    """

    cls: str
    value: float
    word: str = ""
    needs_multiplier: bool = False  # "mila": duemila, never *unmila
    no_multiplier: bool = False  # "mille": never *duemille


@dataclass(slots=True)
class State:
    """Running value of a number being read left to right; never mutated (see :class:`Atom`).

    ``total`` holds finished scale groups (2 000 000 in "due milioni trecento"),
    ``group`` the part below the last scale (300), ``scale`` the smallest scale
    used so far (a later scale must be smaller, or multiply everything: "mille milioni").
    """

    total: float = 0
    group: float = 0
    last: str | None = None
    scale: float = float("inf")
    atoms: int = 0
    last_scale_value: float = 1  # multiplier of the last scale word, for "e mezzo"

    @property
    def value(self) -> float:
        return self.total + self.group


def add(state: State, atom: Atom) -> State | None:
    """The state after reading ``atom``, or None when it cannot continue this number."""
    last, group, v = state.last, state.group, atom.value
    cls = atom.cls
    if cls == UNIT:
        if v == 0 and last is not None:
            return None  # "fifty zero", "cinquanta zero": zero ends a number, never continues one
        if last is None or last in (THOUSAND, SCALE):
            group = v
        elif last == TEN and group % 10 == 0:
            group += v
        elif last == HUNDRED and group % 100 == 0:
            group += v
        else:
            return None
    elif cls in (TEEN, TEN):
        if last is None or last in (THOUSAND, SCALE):
            group = v
        elif last == HUNDRED and group % 100 == 0:
            group += v
        else:
            return None
    elif cls == HUNDRED:
        if last is None or last in (THOUSAND, SCALE):
            group = 100
        elif last in (UNIT, TEEN, TEN, LIT) and 1 <= group < 100 and (group == int(group) or last == LIT):
            # "eleven hundred", "twenty one hundred", "3 hundred", "2.5 hundred"
            group *= 100
        else:
            return None
    elif cls == THOUSAND:
        if atom.needs_multiplier and group < 2:
            return None
        if atom.no_multiplier and group != 0:
            return None
        if last in (HUNDRED, UNIT, TEEN, TEN, LIT) or last is None:
            mult = group if group else 1
        elif last == SCALE and group == 0:
            mult = 1  # "un milione mille"
        else:
            return None
        if state.scale <= 1000:
            return None  # "duecentomila quattordicimila" is two numbers
        return State(state.total + mult * 1000, 0, THOUSAND, 1000, state.atoms + 1, 1000)
    elif cls == SCALE:
        if last is None and group == 0:
            mult = 1  # "million" alone
        else:
            mult = group if group else (0 if last in (THOUSAND, SCALE) else 1)
        if v >= state.scale:
            # "mille milioni", "cinquantatremila milioni": the bigger scale multiplies everything
            if state.total + group == 0 or state.total + group >= v:
                return None
            return State((state.total + group) * v, 0, SCALE, v, state.atoms + 1, v)
        if mult == 0:
            return None
        return State(state.total + mult * v, 0, SCALE, v, state.atoms + 1, v)
    elif cls == MULT:
        if last is None or last == MULT:
            return None
        if last in (UNIT, TEEN, TEN) and (group >= 100 or state.total):
            # "three hundred and two dozen" is 300 + 24: the multiplier scales the words
            # right before it, not the hundreds written before those
            small = group % 100
            return State(state.total, group - small + small * v, MULT, state.scale, state.atoms + 1,
                         state.last_scale_value)
        return State(0, (state.total + group) * v, MULT, state.scale, state.atoms + 1,
                     state.last_scale_value)
    elif cls == LIT:
        if v == 0 and last is not None:
            return None  # "3 hundred and 0": as for the word zero
        if last is None:
            group = v
        elif last in (THOUSAND, SCALE) and v < min(state.scale, 1000):
            group = v
        elif last == HUNDRED and group % 100 == 0 and v < 100:
            group += v
        else:
            return None
    else:  # pragma: no cover - data error
        raise ValueError(f"unknown atom class {cls!r}")
    # built directly: dataclasses.replace costs a field walk per word read
    return State(state.total, group, cls, state.scale, state.atoms + 1, state.last_scale_value)


def read_atoms(atoms: list[Atom], start: State | None = None) -> State | None:
    """Read a whole sequence of atoms as one number; None when they are not one number."""
    state: State | None = start or State()
    for atom in atoms:
        state = add(state, atom)
        if state is None:
            return None
    return state
