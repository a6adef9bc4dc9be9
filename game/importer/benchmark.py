"""Scoring the extractor against labelled articles: precision and recall of attributions.

- attributed: quotations the extractor gave a speaker
- correct: attributed quotations whose speaker is the labelled one
- precision = correct / attributed; recall = correct / labelled quotations that have a speaker

A quotation the extractor attributes but the labels leave without a speaker (a group, an
anonymous source) or do not list at all counts against precision.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .parsing import parse_article
from .quotes import find_quotes


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().strip(".,").lower()


@dataclass
class Score:
    labelled: int = 0  # labelled quotations
    labelled_with_speaker: int = 0
    found: int = 0  # labelled quotations the extractor found at all
    attributed: int = 0
    correct: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.attributed if self.attributed else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled_with_speaker if self.labelled_with_speaker else 1.0

    def add(self, other: "Score") -> None:
        for name in ("labelled", "labelled_with_speaker", "found", "attributed", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.mistakes += other.mistakes


def score_article(name: str, found_quotes, labels: list[dict]) -> Score:
    score = Score(labelled=len(labels), labelled_with_speaker=sum(1 for label in labels if label["speaker"]))
    # The labels list quotations of four words or more: shorter fragments found are out of their scope.
    spoken = [quote for quote in found_quotes if quote.kind == "spoken" and len(quote.text.split()) >= 4]
    matched_labels = set()
    for quote in spoken:
        text = normalise(quote.text)
        candidates = [
            i for i, label in enumerate(labels)
            if normalise(label["text"]) in text or text in normalise(label["text"])
        ]
        # A long quotation may contain a short labelled one: take the closest in length.
        label_index = min(candidates, key=lambda i: abs(len(labels[i]["text"]) - len(quote.text)), default=None)
        if label_index is not None:
            matched_labels.add(label_index)
        if quote.speaker is None:
            continue
        score.attributed += 1
        wanted = labels[label_index]["speaker"] if label_index is not None else None
        wanted_group = bool(labels[label_index].get("group")) if label_index is not None else False
        if wanted and normalise(wanted) == normalise(quote.speaker) and wanted_group == quote.speaker_is_group:
            score.correct += 1
        else:
            score.mistakes.append(f"{name}: “{quote.text[:50]}…” given to {quote.speaker}, labelled {wanted}")
    score.found = len(matched_labels)
    for i, label in enumerate(labels):
        if label["speaker"] and i not in matched_labels:
            score.mistakes.append(f"{name}: missed “{label['text'][:50]}…” ({label['speaker']})")
    return score


def run_set(root: Path, labels: dict[str, list[dict]], *, together: bool) -> tuple[Score, dict[str, Score], float]:
    """Extract every labelled file (as one debate when `together`) and score it.

    Returns the total, the per-file scores and the seconds the extraction took.
    """
    names = sorted(labels)
    articles = [parse_article((root / name).read_bytes(), name) for name in names]
    started = time.perf_counter()
    if together:
        results = find_quotes(articles)
    else:
        results = [find_quotes([article])[0] for article in articles]
    seconds = time.perf_counter() - started
    total, per_file = Score(), {}
    for name, found in zip(names, results):
        per_file[name] = score_article(name, found, labels[name])
        total.add(per_file[name])
    return total, per_file, seconds


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def label_sets(labels: dict) -> list[tuple[str, bool]]:
    """(set name, read together as one debate?) for every labelled set, in the file's order."""
    return [(name, name == "seeds") for name in labels if not name.startswith("_") and name != "meta"]


@dataclass
class FieldScore:
    """Headline, byline name and date found, against the labels of the articles that have them."""

    right: int = 0
    total: int = 0
    mistakes: list[str] = field(default_factory=list)


def score_fields(root: Path, meta: dict[str, dict]) -> FieldScore:
    """How many title, author and date fields the parser reads exactly as labelled (empty included)."""
    score = FieldScore()
    for name, wanted in sorted(meta.items()):
        article = parse_article((root / name).read_bytes(), name)
        found = {"title": article.title, "author": article.author,
                 "date": article.published.isoformat() if article.published else None}
        for key in ("title", "author", "date"):
            score.total += 1
            if found[key] == wanted[key]:
                score.right += 1
            else:
                score.mistakes.append(f"{name}: {key} read as {found[key]!r}, labelled {wanted[key]!r}")
    return score


@dataclass
class EventScore:
    """Dated events suggested (headline or paragraph, with a date) against the labelled ones.

    precision = right / suggested; recall = right / labelled. A suggestion is right when its
    paragraph (None: the headline) and date are both as labelled."""

    labelled: int = 0
    suggested: int = 0
    right: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def score_events(root: Path, labels: dict[str, list[dict]]) -> EventScore:
    from .events import event_candidates

    score = EventScore()
    for name, wanted in sorted(labels.items()):
        article = parse_article((root / name).read_bytes(), name)
        expected = {(label["paragraph"], label["date"]) for label in wanted}
        found = {(c.paragraph_index, c.happened_on.isoformat()) for c in event_candidates(article, limit=99)}
        score.labelled += len(expected)
        score.suggested += len(found)
        score.right += len(found & expected)
        score.mistakes += [f"{name}: suggested paragraph {p} on {d}, not labelled" for p, d in sorted(found - expected,
                                                                                                          key=str)]
        score.mistakes += [f"{name}: missed paragraph {p} on {d}" for p, d in sorted(expected - found, key=str)]
    return score
