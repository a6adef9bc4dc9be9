"""Scoring who-said-what on real articles labelled by others: PolNeAR and a hand-labelled BBC set.

Neither set's text is in this repository (both are copyrighted): the scorer reads a local copy.

The metric (issue 21), so that figures compare:
- An item is a stretch inside double quotation marks, of at least 3 words, in the content of an
  attribution (PolNeAR), or a labelled quotation (BBC).
- A found quotation matches an item when one text holds the other, after normalising quotation
  marks, case and spaces, and the shorter is at least half as long as the longer.
- The speaker is right when its last word is one of the capitalised words of the source span, or
  of a mention in the source's coreference chain (BBC: of the labelled speaker's name or source).
  An abstention (no speaker) is neither right nor wrong.
- Items are counted apart by their source: one that names someone (a capitalised word), a
  pronoun, or neither ("a source", "officials").

precision = right / attributed; recall = right / items.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import xml.etree.ElementTree as ElementTree
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from .parsing import parse_article
from .quotes import find_quotes

PRONOUNS = {"he", "she", "they", "his", "her", "their", "him", "them", "i", "we", "you", "it", "its", "our", "my"}
KINDS = ("named", "pronoun", "unnamed")
MIN_WORDS = 3
QUOTED = re.compile(r"[“\"]([^“”\"]*)(?:[”\"]|$)")


POLNEAR_ENV = "HUSTINGS_POLNEAR"  # a local copy of PolNeAR's data/ folder
BBC_ENV = "HUSTINGS_BBC"  # a local copy of the BBC News politics files (001.txt ...)


def local_copies(repo_root: Path) -> tuple[Path | None, Path | None]:
    """Where the local copies are: the environment variables, else var/external/PolNeAR/data and
    var/external/bbc/politics under the project (ignored by git)."""
    import os

    polnear = Path(os.environ.get(POLNEAR_ENV) or repo_root / "var" / "external" / "PolNeAR" / "data")
    bbc = Path(os.environ.get(BBC_ENV) or repo_root / "var" / "external" / "bbc" / "politics")
    has_polnear = (polnear / "dev" / "attributions").is_dir()
    has_bbc = (bbc / "001.txt").is_file()
    return (polnear if has_polnear else None), (bbc if has_bbc else None)


def ms_per_10k_chars(score: "SetScore") -> float:
    rates = [ms * 10_000 / size for ms, size in zip(score.milliseconds, score.sizes) if size]
    return statistics.median(rates) if rates else 0.0


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:'\"").strip().lower()
    return text


def matches(found: str, item: str) -> bool:
    a, b = normalise(found), normalise(item)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and len(shorter) * 2 >= len(longer)


def last_word(speaker: str) -> str:
    words = re.findall(r"[\w'’.-]+", speaker)
    word = words[-1] if words else ""
    return re.sub(r"['’]s?$", "", word).strip(".").lower()


def capitalised_words(text: str) -> set[str]:
    words = {re.sub(r"['’]s?$", "", w).strip(".").lower() for w in re.findall(r"[\w'’.-]+", text) if w[:1].isupper()}
    return words - {"the", "a", "an"}


def source_kind(source: str | None) -> str:
    if not source:
        return "unnamed"
    words = source.split()
    if len(words) <= 2 and words[-1].lower() in PRONOUNS:
        return "pronoun"
    # "The Post" names someone; "the source" does not. A sentence-initial capital is not a name.
    return "named" if any(w[:1].isupper() and w.lower() not in {"the", "a", "an"} for w in words) else "unnamed"


@dataclass
class Item:
    text: str
    kind: str  # named, pronoun, unnamed
    right_words: set[str]  # the last word of a right speaker is one of these
    source: str = ""
    exact: str = ""  # (BBC) the labelled speaker, normalised: "cabinet office spokeswoman" is right as labelled
    start: int = -1  # (PolNeAR) where the quoted words start in the article's text
    source_span: tuple[int, int] | None = None  # (PolNeAR) where the source is
    checked: set[str] | None = None  # (PolNeAR dev, pronoun sources) a right speaker's last words, read by hand


@dataclass
class Tally:
    items: int = 0
    found: int = 0  # matched by a found quotation
    attributed: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.attributed if self.attributed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.items if self.items else 1.0

    def line(self) -> str:
        return (f"precision {self.precision:6.1%} ({self.right}/{self.attributed})  recall {self.recall:6.1%} "
                f"({self.right}/{self.items})  found {self.found}/{self.items}")


@dataclass
class SetScore:
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    sure: Tally = field(default_factory=Tally)  # the attributions the review page pre-ticks (named and pronoun)
    # Pronoun sources scored against referents read by hand, not the automatic coreference chains.
    checked: Tally = field(default_factory=Tally)
    checked_mistakes: list[str] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    milliseconds: list[float] = field(default_factory=list)  # per article
    sizes: list[int] = field(default_factory=list)

    def p50(self) -> float:
        return statistics.median(self.milliseconds) if self.milliseconds else 0.0


def score_items(name: str, found_quotes, items: list[Item], score: SetScore) -> None:
    spoken = [q for q in found_quotes if q.kind == "spoken"]
    for item in items:
        tally = score.tallies[item.kind]
        tally.items += 1
        score.checked.items += item.checked is not None
        candidates = [q for q in spoken if matches(q.text, item.text)]
        if not candidates:
            if item.kind != "unnamed":
                score.misses.append(f"{name} [{item.kind}] missed “{item.text[:60]}” ({item.source})")
            continue
        tally.found += 1
        score.checked.found += item.checked is not None
        quote = min(candidates, key=lambda q: abs(len(q.text) - len(item.text)))
        if quote.speaker is None:
            if item.kind != "unnamed":
                score.misses.append(f"{name} [{item.kind}] no speaker for “{item.text[:60]}” ({item.source}; "
                                    f"cue {quote.cue or '-'})")
            continue
        tally.attributed += 1
        right = last_word(quote.speaker) in item.right_words or normalise(quote.speaker) == item.exact
        if item.checked is not None:
            score.checked.attributed += 1
            if last_word(quote.speaker) in item.checked:
                score.checked.right += 1
            else:
                score.checked_mistakes.append(f"{name} [pronoun, read by hand] “{item.text[:60]}” given to "
                                              f"{quote.speaker} ({quote.cue})")
        if quote.sure and item.kind != "unnamed":
            score.sure.attributed += 1
            score.sure.right += right
        if right:
            tally.right += 1
        else:
            score.mistakes.append(f"{name} [{item.kind}] “{item.text[:60]}” given to {quote.speaker} "
                                  f"({quote.cue}), source “{item.source}”")


def extract_timed(data: bytes, name: str, score: SetScore):
    article = parse_article(data, name)
    started = time.perf_counter()
    found = find_quotes([article])[0]
    score.milliseconds.append((time.perf_counter() - started) * 1000)
    score.sizes.append(len(article.body))
    return found


# --- PolNeAR -----------------------------------------------------------------------------------

def _brat(path: Path) -> list[dict]:
    """The attributions of a brat standoff file: {source: (start, end, text) | None, contents: [...]}."""
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            key, middle, text = (line.split("\t") + ["", ""])[:3]
            label, *offsets = middle.replace(";", " ").split() or [""]
            if offsets:  # (an annotation without a span is nobody's)
                spans[key] = (label, int(offsets[0]), int(offsets[-1]), text)
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            relations.append([p.split(":") for p in parts])
    attributions = []
    for relation in relations:
        roles = {}
        for role, key in relation:
            if key in spans:
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(spans[key])
        sources = roles.get("Source", [])
        attributions.append({"source": sources[0] if sources else None, "contents": roles.get("Content", [])})
    return attributions


def _chains(path: Path) -> list[tuple[list[tuple[int, int]], set[str]]]:
    """CoreNLP coreference chains: the character spans of their mentions and their capitalised words."""
    if not path.exists():
        return []
    root = ElementTree.parse(path).getroot()
    offsets = {}
    for sentence in root.iter("sentence"):
        if sentence.get("id") is None:
            continue
        for token in sentence.iter("token"):
            offsets[(int(sentence.get("id")), int(token.get("id")))] = (
                int(token.findtext("CharacterOffsetBegin")), int(token.findtext("CharacterOffsetEnd")))
    chains = []
    document = root.find("document")
    outer = document.find("coreference") if document is not None else None
    for chain in outer.findall("coreference") if outer is not None else []:
        spans, words = [], set()
        for mention in chain.findall("mention"):
            sentence = int(mention.findtext("sentence"))
            first, last = int(mention.findtext("start")), int(mention.findtext("end")) - 1
            if (sentence, first) in offsets and (sentence, last) in offsets:
                spans.append((offsets[(sentence, first)][0], offsets[(sentence, last)][1]))
            words |= capitalised_words(mention.findtext("text") or "")
        chains.append((spans, words))
    return chains


def polnear_items(text: str, attributions: list[dict], chains) -> list[Item]:
    items = []
    for attribution in attributions:
        source = attribution["source"]
        source_text = source[3] if source else ""
        right = capitalised_words(source_text)
        if source:
            for spans, words in chains:
                if any(a < source[2] and source[1] < b for a, b in spans):
                    right |= words
        kind = source_kind(source_text)
        for _, start, end, _ in attribution["contents"]:
            content = text[start:end]
            if not re.search(r"[“”\"]", content):
                continue
            for match in QUOTED.finditer(content):
                stretch = match.group(1)
                if len(stretch.split()) >= MIN_WORDS:
                    items.append(Item(stretch, kind, right, source_text, start=start + match.start(1),
                                      source_span=(source[1], source[2]) if source else None))
    return items


POLNEAR_PRONOUNS = Path("tests") / "extraction_corpus" / "polnear_dev_pronouns.json"


def polnear_checked_referents(repo_root: Path, split: str = "dev") -> dict[str, dict[int, set[str]]]:
    """{article: {offset of the quoted words: a right speaker's last words}} for the pronoun sources of
    a split, read by hand (tests/extraction_corpus/polnear_dev_pronouns.json: all of dev's, and 401 of
    train's to tune on)."""
    path = repo_root / POLNEAR_PRONOUNS
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8")).get(split, {})
    return {article: {int(start): set(label["right"]) for start, label in quotes.items()}
            for article, quotes in data.items()}


def polnear_score(root: Path, split: str = "dev", checked: dict[str, dict[int, set[str]]] | None = None) -> SetScore:
    """Score every article of PolNeAR's `split` (train or dev: never test) in a local copy at `root`
    (the repository's `data/` folder, or a folder with `dev/` and `train/`). `checked` gives the
    referents of pronoun sources read by hand (`polnear_checked_referents`), scored apart."""
    if split not in ("train", "dev"):
        raise ValueError("PolNeAR's test split is how the project is measured from outside: score train or dev.")
    base = root / split if (root / split).is_dir() else root / "data" / split
    score = SetScore()
    annotations = sorted((base / "attributions").glob("*.ann"))
    chosen: dict[str, Path] = {}
    for path in annotations:  # an article annotated by several annotators: the first of them
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    for stem, ann in sorted(chosen.items()):
        text_path = base / "text" / f"{stem}.txt"
        if not text_path.exists():
            continue
        data = text_path.read_bytes()
        text = data.decode("utf-8")
        items = polnear_items(text, _brat(ann), _chains(base / "corenlp" / f"{stem}.txt.xml"))
        for item in items:
            if item.kind == "pronoun" and item.start in (checked or {}).get(stem, {}):
                item.checked = checked[stem][item.start]
        found = extract_timed(data, text_path.name, score)
        score_items(stem, found, items, score)
    return score


# --- the BBC set ---------------------------------------------------------------------------------

BBC_LABELS = Path("tests") / "extraction_corpus" / "bbc_labels.json"


def bbc_items(labels: list[dict]) -> list[Item]:
    items = []
    for label in labels:
        if label.get("not_speech") or len(label["text"].split()) < MIN_WORDS:
            continue
        speaker, source = label.get("speaker"), label.get("source") or ""
        if speaker is None:
            kind = "unnamed"
        elif label.get("pronoun"):
            kind = "pronoun"
        else:
            kind = "named"
        right = capitalised_words(speaker or "") | (capitalised_words(source) if speaker else set())
        items.append(Item(label["text"], kind, right, source or (speaker or ""), normalise(speaker) if speaker else ""))
    return items


def bbc_score(root: Path, labels: dict[str, list[dict]]) -> SetScore:
    """Score the labelled BBC articles found in `root` (a folder of `NNN.txt`)."""
    score = SetScore()
    for name, file_labels in sorted(labels.items()):
        path = root / Path(name).name
        found = extract_timed(path.read_bytes(), path.name, score)
        score_items(name, found, bbc_items(file_labels), score)
    return score


def bbc_sets(repo_root: Path) -> dict[str, dict[str, list[dict]]]:
    path = repo_root / BBC_LABELS
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: files for name, files in data.items() if not name.startswith("_")}

