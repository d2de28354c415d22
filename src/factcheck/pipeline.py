"""The pipeline, one way: read -> sentences -> numbers -> claims -> context -> compare.

Each stage is a pure function in its own module; this module only wires them and
fans articles out over processes for large folders. Only the CLI touches stdout,
files and exit codes.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .articles import SkipFile, doc_ids, find_files, has_body, read_article
from .model import Analysis, Article, Claim, Quantity, Sentence, Unclaimed
from .progress import FileProgress, Progress

if TYPE_CHECKING:  # imported where a pool is made: a draft check never needs one (15 ms)
    import multiprocessing.pool

    from .config import Config

# below this many files a process pool costs more than it saves
PARALLEL_MIN_FILES = 64


@dataclass(frozen=True)
class ArticleResult:
    """What extraction makes of one article."""

    article: Article
    claims: tuple[Claim, ...]
    unclaimed: tuple[Unclaimed, ...]


def load_ruleset(rules_dir: str | os.PathLike | None = None):
    """The validated claim rules (raises RuleError listing every problem).

    Loaded once per process while the files are unchanged: a draft check reads the draft
    and its archive with the same rules.
    """
    from .paths import rules_dir as default_rules_dir
    from .rules import load_rules

    root = Path(rules_dir) if rules_dir else default_rules_dir()
    key = (str(root.resolve()), _files_stamp(root))
    if _loaded_rules.get("key") != key:
        _loaded_rules["ruleset"] = load_rules(Path(rules_dir) if rules_dir else None)
        _loaded_rules["key"] = key
    return _loaded_rules["ruleset"]


_loaded_rules: dict = {}


def _files_stamp(root: Path) -> tuple:
    """Name, size and modification time of every data file under ``root``."""
    try:
        return tuple(sorted((str(p), st.st_size, st.st_mtime_ns)
                            for p in root.rglob("*.toml") if (st := p.stat())))
    except OSError:
        return ()


def find_article_quantities(article: Article, rules_root: Path | None = None
                            ) -> list[Quantity]:
    """Every quantity in the article's prose, with offsets into ``article.text``, read with
    the number words of ``rules_root`` (default: the rules folder in use)."""
    from .numbers import find_quantities

    out: list[Quantity] = []
    for start, end in article.regions:
        found = find_quantities(article.text[start:end], article.lang, rules_root)
        if start:
            found = [_shifted(q, start) for q in found]
        out.extend(found)
    return out


# every field of a Quantity after its offsets, read at C speed (dataclasses.replace
# costs twice a plain construction, for every figure of every article)
_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))
assert _QUANTITY_FIELDS[:2] == ("start", "end"), _QUANTITY_FIELDS
_QUANTITY_REST = attrgetter(*_QUANTITY_FIELDS[2:])


def _shifted(q: Quantity, by: int) -> Quantity:
    """``q`` with its offsets moved ``by`` characters."""
    return Quantity(q.start + by, q.end + by, *_QUANTITY_REST(q))


def by_sentence(sentences: Sequence[Sentence],
                quantities: Sequence[Quantity]) -> Iterator[tuple[Sentence, list[Quantity]]]:
    """Pair each sentence with the quantities inside it (both sorted by offset)."""
    i = 0
    for s in sentences:
        while i < len(quantities) and quantities[i].start < s.start:
            i += 1
        j = i
        while j < len(quantities) and quantities[j].end <= s.end:
            j += 1
        yield s, list(quantities[i:j])
        i = j


# what the loop does with one sentence and its quantities: the claims it makes and the
# counts it leaves (the pipeline runs the claim rules; explain also keeps their trace)
SentenceStep = Callable[[Sentence, list[Quantity]], tuple[Sequence[Claim], Sequence[Unclaimed]]]


def claim_sentences(article: Article, pairs: Iterable[tuple[Sentence, list[Quantity]]], ruleset,
                    step: SentenceStep | None = None, every: bool = False,
                    tick: Callable[[], None] | None = None) -> tuple[list[Claim], list[Unclaimed]]:
    """The claim half of the extraction loop: each sentence's quantities (``pairs``, from
    :func:`by_sentence`) through ``step`` (default: the claim rules of ``ruleset``).
    Sentences without a number are skipped unless ``every``; ``tick`` is called once per
    sentence."""
    from . import claims_lists
    from .claims import extract_claims

    if step is None:
        def step(sentence: Sentence, qs: list[Quantity]):
            return extract_claims(article.id, article.lang, sentence, qs, ruleset)
    claims: list[Claim] = []
    unclaimed: list[Unclaimed] = []
    lists = ruleset.lists.get(article.lang) if ruleset is not None else None
    before = None  # what the sentence before ends with, for a list that points back to it
    for sentence, qs in pairs:
        if tick:
            tick()
        if not qs and not every:
            # a sentence with no figure may still name the toll a next one restates
            before = claims_lists.Antecedent(None, text=sentence.text) if lists else None
            continue
        made, missed = step(sentence, qs)
        if lists is not None:
            made, missed = _read_lists(article, lists, ruleset, sentence, qs, made, missed,
                                       before)
            before = claims_lists.antecedent(made, qs, lists, sentence)
        claims.extend(made)
        unclaimed.extend(missed)
    return claims, unclaimed


def _read_lists(article: Article, lists, ruleset, sentence: Sentence, qs: list[Quantity],
                made: Sequence[Claim], missed: Sequence[Unclaimed], before
                ) -> tuple[Sequence[Claim], Sequence[Unclaimed]]:
    """The sentence's claims with its lists' items read (:mod:`factcheck.claims_lists`):
    only where a count no rule matched is left."""
    if not any(u.reason == "no rule matched" for u in missed):
        return made, missed  # the common case: no count left for a list, a part or a toll
    from . import claims_lists
    from .claims import mask, token_start

    masked = mask(sentence.text, sentence.start, qs)
    by_start = {token_start(sentence.text, sentence.start, q): q for q in qs}
    return claims_lists.read_lists(lists, ruleset.backoff.get(article.lang), masked, sentence,
                                   by_start, made, missed, before, article.id)


def article_sentences(article: Article, rules_root: Path | None = None) -> list[Sentence]:
    """The sentences of the article's prose, with offsets into ``article.text`` (with the
    abbreviations of ``rules_root``, default: the rules folder in use)."""
    from .sentences import split_sentences

    return split_sentences(article.text, article.lang, article.regions, rules_root)


def extract_article(article: Article, ruleset, rules_root: Path | None = None,
                    progress: FileProgress | None = None, step: SentenceStep | None = None,
                    every: bool = False) -> ArticleResult:
    """Claims (with period, event, side and source) and unclaimed counts of one article:
    the one extraction loop, sentence -> numbers -> claims -> context, that ``check``,
    ``explain``, the rules' examples and the archive all run (``step`` and ``every``: see
    :func:`claim_sentences`; ``progress``: told each stage and each sentence and claim
    done, for a long file)."""
    from .context import add_context
    from .pubdate import infer_published

    bar = progress or FileProgress(article.id, 0, enabled=False)
    sentences = article_sentences(article, rules_root)
    article = infer_published(article, sentences, rules_root)
    bar.start("numbers")
    pairs = by_sentence(sentences, find_article_quantities(article, rules_root))
    bar.start("claims", len(sentences), "sentences")
    claims, unclaimed = claim_sentences(article, pairs, ruleset, step, every, bar.step)
    bar.start("context", len(claims), "claims")
    claims = add_context(article, sentences, claims, rules_root, step=bar.step)
    bar.done()
    return ArticleResult(article, tuple(claims), tuple(unclaimed))


def claims_in_text(text: str, lang: str, ruleset, doc: str = "<text>"
                   ) -> tuple[list[Claim], list[Unclaimed]]:
    """The claim half of the loop on a bare text (no context): what a rule's examples
    check."""
    article = Article(doc, doc, text, ((0, len(text)),), lang=lang)
    pairs = by_sentence(article_sentences(article, ruleset.root),
                        find_article_quantities(article, ruleset.root))
    return claim_sentences(article, pairs, ruleset)


# ---------------------------------------------------------------- many files

# each process's validated rules: set once by init_worker, in the main process and in every
# worker of the one pool (check's extraction and the archive's ingest share both)
_worker_state: dict = {}


def init_worker(rules_dir: str | None, worker: bool = False) -> None:
    """Load (and validate) the rules folder once per process (:func:`factcheck.config.load_config`);
    ``worker``: a pool's worker, which leaves Ctrl-C to the main process (workers are
    terminated, not interrupted)."""
    from .config import load_config

    if worker:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    config = load_config(rules_dir)
    _worker_state["ruleset"] = config.ruleset
    _worker_state["rules_root"] = config.root


def extract_loaded(article: Article) -> ArticleResult | str:
    """Worker: extract one article already read (the archive's stored text); an unexpected
    error comes back as its message, so one bad article does not stop an archive-wide
    ingest."""
    from .errors import FactcheckError

    try:
        return extract_article(article, _worker_state["ruleset"], _worker_state["rules_root"])
    except FactcheckError:
        raise  # bad rules or data: every article would fail, stop now
    except Exception as exc:  # noqa: BLE001
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _extract_file(job: tuple[str, str], progress: bool | None = False
                  ) -> tuple[ArticleResult, list[str]] | str:
    """Worker: read and extract one file, with the reader's warnings; a skip comes back
    as its warning text. ``progress``: show the file's own progress (None: if it is long)."""
    path, doc = job
    warnings: list[str] = []
    try:
        art = read_article(Path(path), doc, warnings.append, _worker_state["rules_root"])
    except SkipFile as exc:
        return f"{path}: skipped: {exc}"
    if not has_body(art):
        return f"{path}: skipped: no text after the header"
    ruleset = _worker_state["ruleset"]
    before = dict(ruleset.timeouts)
    bar = FileProgress(path, len(art.text), enabled=progress) if progress is not False else None
    result = extract_article(art, ruleset, _worker_state["rules_root"], bar)
    warnings += timeout_warnings(path, ruleset, before)
    # nothing after extraction reads the article's text (claims quote their sentence):
    # not sending it back halves what the main process pickles and holds
    result = replace(result, article=replace(result.article, text=""))
    return result, warnings


def timeout_warnings(path: str, ruleset, before: dict) -> list[str]:
    """One line per rule pattern the per-match timeout stopped while reading ``path``."""
    out = []
    for (rule, pattern), n in sorted(ruleset.timeouts.items()):
        if n != before.get((rule, pattern), 0):
            out.append(f"{path}: rule {rule} {pattern} stopped after {ruleset.timeout:g} s "
                       f"(catastrophic backtracking?) in {n - before.get((rule, pattern), 0)} "
                       "sentence(s): no claim from it there; the other rules went on")
    return out


def extract_paths(paths: Iterable[str | os.PathLike], rules_dir: str | os.PathLike | None = None,
                  jobs: int | None = None, warn: Callable[[str], None] | None = None,
                  progress: bool | None = None) -> list[ArticleResult]:
    """Read and extract every article under ``paths``, in file order.

    The results' articles carry their metadata but not their text (``text`` is empty):
    nothing downstream needs it, and at 100,000 articles it is 300 MB.
    ``jobs`` processes (default: all cores) for folders of many files; unusable
    files are skipped with a warning naming them.
    """
    warn = warn or (lambda msg: print(f"factcheck: warning: {msg}", file=sys.stderr))
    files = find_files(list(paths))
    jobs_list = [(str(f), d) for f, d in zip(files, doc_ids(files))]
    rules = str(rules_dir) if rules_dir else None
    init_worker(rules)  # validates the rules once, up front, before any work
    n_jobs = jobs or os.cpu_count() or 1
    bar = Progress(len(jobs_list), "extracting", enabled=progress)
    results: list[ArticleResult] = []
    if n_jobs > 1 and len(jobs_list) >= PARALLEL_MIN_FILES:
        with worker_pool(n_jobs, init_worker, (rules, True)) as pool:
            for outcome in pool.imap(_extract_file, jobs_list, chunksize=16):
                _collect(outcome, results, warn)
                bar.step()
    else:
        # one process reads the files in turn: a long one shows its own progress (the
        # bar counts files, and one file of 20 MB takes minutes)
        for job in jobs_list:
            _collect(_extract_file(job, False if progress is False else None), results, warn)
            bar.step()
    bar.done()
    return results


@contextmanager
def worker_pool(n_jobs: int, initializer: Callable[..., None], initargs: tuple
                ) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``n_jobs`` processes. On any exception, Ctrl-C included, the workers are
    terminated at once instead of finishing the queued work (the initializer should make
    them ignore SIGINT: Ctrl-C is the parent's to handle)."""
    import multiprocessing

    pool = multiprocessing.Pool(n_jobs, initializer=initializer, initargs=initargs)
    try:
        yield pool
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _collect(outcome, results: list[ArticleResult], warn: Callable[[str], None]) -> None:
    if isinstance(outcome, str):
        warn(outcome)
        return
    result, warnings = outcome
    for w in warnings:
        warn(w)
    results.append(result)


def analyze(results: Sequence[ArticleResult], draft: str | None = None,
            rules: Config | Path | None = None, *, merged: bool = False) -> Analysis:
    """Group and judge the claims of extracted articles (the draft's findings only, if given),
    with the configuration ``rules`` (a folder is loaded; default: the one in use). With
    ``merged``, the claims' automatic events are already merged (a draft joined to an
    archive's events, :func:`factcheck.archive.draft_events`) and are not merged again."""
    from .compare import compare
    from .config import load_config
    from .context.merge import merge_events
    from .context.undated import undated_periods
    from .pubdate import date_by_events

    config = load_config(rules)
    articles = [r.article for r in results]
    claims = [c for r in results for c in r.claims]
    # one event reported by several articles gets one id: the only stage that sees them all
    if not merged:
        claims = merge_events(claims, config.root)
    # an undated article's figure is about the event the merge joined it to (a draft joined
    # to an archive's events too): its period is that event's span
    claims = undated_periods(claims, config.root)
    # ... and the event's dates fix the year of the days its text states: a lower bound
    articles, claims = date_by_events(articles, claims, config.root)
    analysis = compare(claims, articles, draft=draft, rules=config)
    unclaimed = tuple(u for r in results for u in r.unclaimed
                      if draft is None or u.doc == draft)
    return replace(analysis, unclaimed=unclaimed)
