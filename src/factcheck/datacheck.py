"""Check every data file of a rules folder, not only the claim rules, and run the examples
that live in data (events' and event types').

``factcheck rules test`` uses this so that a broken ``events.toml`` (or verdicts, metrics,
parties, places, language data) fails there, naming the file, instead of passing and then
making ``check`` exit 2.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import FactcheckError
from .langdata import LANGS


@dataclass(frozen=True)
class DataExample:
    """One example kept in a data file, with its problem (None when it passes)."""

    test_id: str
    problem: str | None


def toml_errors(root: Path) -> list[str]:
    """``path: invalid TOML: ... (at line L, column C)`` for every ``.toml`` file under
    ``root`` that does not parse, in path order."""
    out = []
    for path in sorted(root.rglob("*.toml")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            with path.open("rb") as fh:
                tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            out.append(f"{path}: invalid TOML: {exc}")
        except OSError as exc:
            out.append(f"{path}: cannot read: {exc.strerror or exc}")
    return out


# the loaders the pipeline calls on a rules folder, each with the file it needs: a folder
# may hold only some (a test's claim rules alone), and only the files present are checked;
# a module not present in this build is skipped
def _loaders(root: Path) -> Iterator[tuple[str, Path, Callable[[], object]]]:
    def call(module: str, name: str, *args):
        def run():
            fn = getattr(importlib.import_module(f"factcheck.{module}"), name)
            return fn(*args)
        return run

    yield "events", root / "events.toml", call("context.events", "catalog", root)
    yield ("event types", root / "event_types.toml",
           call("context.event_types", "vocabulary", root))
    yield "verdicts", root / "verdicts.toml", call("compare", "load_verdicts", root)
    yield "parties", root / "parties.toml", call("parties", "load_parties", root)
    yield "places", root / "places.toml", call("context.gazetteer", "gazetteer", root)
    for lang in LANGS:
        for path in sorted((root / "lang" / lang).glob("*.toml")):
            yield f"{lang}/{path.stem}", path, call("langdata", "load_lang", lang, path.stem, root)
        yield (f"{lang} context", root / "lang" / lang / "context.toml",
               call("context.lexicon", "lexicon", lang, root))


def loader_errors(root: Path) -> list[str]:
    """The error of every data file present that the pipeline would refuse (one line each,
    naming the file), in a fixed order; each loader runs once (they are cached per folder)."""
    out: list[str] = []
    for what, needs, load in _loaders(root):
        if not needs.is_file():
            continue
        try:
            load()
        except ModuleNotFoundError:
            continue
        except FactcheckError as exc:
            for line in str(exc).splitlines():
                if line not in out:
                    out.append(line)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # a file that parses but lacks what its loader expects: say which data it is
            out.append(f"{needs}: {what} data: unexpected content ({type(exc).__name__}: {exc})")
    return out


def data_examples(root: Path) -> list[DataExample]:
    """Run the examples of the curated events and of the event types."""
    out: list[DataExample] = []
    try:
        from .context.examples import event_examples, run_event_example
    except ModuleNotFoundError:
        event_examples = None
    if event_examples is not None and (root / "events.toml").is_file():
        for x in event_examples(root):
            out.append(DataExample(f"events/{x.label}", run_event_example(x, root)))
    try:
        from .context.event_types import run_name_example, run_type_example, vocabulary
    except ModuleNotFoundError:
        return out
    if not (root / "event_types.toml").is_file():
        return out
    for t in vocabulary(root).examples:
        out.append(DataExample(f"event_types/{t.label}", run_type_example(t, root)))
    for n in vocabulary(root).name_examples:  # a storm's own name ("Hurricane Maria")
        out.append(DataExample(f"event_types/{n.label}", run_name_example(n, root)))
    from .context.event_types import run_series_example

    for x in vocabulary(root).series_examples:  # a coordinated series of attacks
        out.append(DataExample(f"event_types/{x.label}", run_series_example(x, root)))
    return out
