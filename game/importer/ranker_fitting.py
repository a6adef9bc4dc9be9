"""Fitting the speaker ranker (`ranker.py`) from a local copy of PolNeAR's train split.

`manage.py fit_speaker_ranker` runs this and writes `ranker_weights.json`. Nothing here runs when
articles are imported: the import reads the weights file only.

1. Every labelled quotation of PolNeAR train is read by the extractor with the ranker off, and the
   ranker's candidates are recorded with their features (`polnear_ranker_records`). A candidate is
   right when it stands where PolNeAR's annotators marked the source and its speaker's last word is
   the source's (or its coreference chain's): a "he" the rules read as the wrong person is wrong.
2. The weights are fitted twice, each time on half the articles, and the other half's quotations
   that the rules left without a speaker choose the threshold: the lowest probability at which the
   ranker's choices for sources that name someone are right `TARGET_PRECISION` of the time.
3. The weights are fitted once more on all of train, and written with that threshold.

PolNeAR's dev split is for measuring, and its test split is never read.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import ranker
from .external import _brat, _chains, last_word, matches, polnear_items
from .parsing import parse_article

TARGET_PRECISION = 0.9
THRESHOLDS = [round(0.30 + 0.025 * i, 3) for i in range(27)]  # 0.300, 0.325 ... 0.950
SEED = 0


@dataclass
class RankerRecord:
    """One labelled quotation as the ranker sees it: each candidate's features, whether it is where
    the annotators marked the source (`source`), and whether its speaker would be scored right."""

    article: str
    kind: str  # the source's kind: named, pronoun, unnamed
    rules_speaker: str | None
    candidates: list[tuple[list[str], bool, bool]]
    null: list[str] = field(default_factory=list)  # the features of choosing no one
    quote: str = ""
    paragraph: str = ""  # (for reading the ranker's mistakes)
    names: list[str] = field(default_factory=list)  # each candidate's speaker

    def group(self):
        """(candidates' features, no one's features, indexes of the right candidates) for `ranker.fit`."""
        return ([f for f, _, _ in self.candidates], self.null,
                [i for i, (_, source, right) in enumerate(self.candidates) if source and right])


def _articles(root: Path, split: str):
    if split not in ("train", "dev"):
        raise ValueError("PolNeAR's test split is how the project is measured from outside: use train or dev.")
    base = root / split if (root / split).is_dir() else root / "data" / split
    chosen: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)  # an article annotated twice: the first
    for stem, ann in sorted(chosen.items()):
        text_path = base / "text" / f"{stem}.txt"
        if text_path.exists():
            yield stem, text_path, ann, base / "corenlp" / f"{stem}.txt.xml"


def polnear_ranker_records(root: Path, split: str = "train") -> list[RankerRecord]:
    """The ranker's view of every labelled quotation of a PolNeAR split."""
    records: list[RankerRecord] = []
    for stem, text_path, ann, corenlp in _articles(root, split):
        data = text_path.read_bytes()
        items = polnear_items(data.decode("utf-8"), _brat(ann), _chains(corenlp))
        article = parse_article(data, text_path.name)
        seen = _observed(article)
        for quote_text, starts, mentions, feature_lists, speaker, paragraph_text, null in seen:
            matching = [item for item in items if matches(quote_text, item.text)]
            if not matching:
                continue  # a quotation PolNeAR does not attribute: nothing to learn
            item = min(matching, key=lambda i: abs(len(i.text) - len(quote_text)))
            candidates = []
            for mention, names in zip(mentions, feature_lists):
                a, b = starts[mention.paragraph] + mention.start, starts[mention.paragraph] + mention.end
                is_source = bool(item.source_span) and a < item.source_span[1] and item.source_span[0] < b
                candidates.append((names, is_source, last_word(ranker._identity(mention.speaker)) in item.right_words))
            rules = getattr(speaker, "full_name", speaker)
            names = [f"{ranker._identity(m.speaker)} ({m.kind}: {m.text})" for m in mentions]
            records.append(RankerRecord(stem, item.kind, str(rules) if rules else None, candidates, null, quote_text,
                                        paragraph_text, names))
    return records


def _observed(article):
    """Every quotation of an article as the ranker sees it (the ranker off): (words, paragraph
    offsets, mentions, their features, the rules' speaker, the paragraph, no one's features)."""
    from .quotes import find_quotes

    seen = []

    def observe(article, paragraph, span, mentions, context, speaker, cue):
        starts = {0: paragraph.start, -1: article.paragraphs[paragraph.index - 1].start if paragraph.index else 0}
        seen.append((paragraph.text[span.start:span.end], starts, mentions,
                     [ranker.features(m, context, mentions) for m in mentions], speaker, paragraph.text,
                     ranker.null_features(context, mentions)))

    find_quotes([article], ranking=False, observe=observe)
    return seen


def choice(record: RankerRecord, model: dict) -> tuple[float, bool | None]:
    """(probability, right) of the ranker's choice for a record; (0, None) when it chooses no one."""
    if not record.candidates:
        return 0.0, None
    probabilities = ranker.choices([f for f, _, _ in record.candidates], record.null, model["weights"])
    by_speaker: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for index, (name, p) in enumerate(zip(record.names, probabilities)):
        speaker = name.rsplit(" (", 1)[0]
        by_speaker[speaker] += p
        first.setdefault(speaker, index)
    best = max(by_speaker, key=by_speaker.get)
    if by_speaker[best] <= probabilities[-1]:
        return 0.0, None
    return by_speaker[best], record.candidates[first[best]][2]


@dataclass
class Curve:
    """How the ranker's choices on quotations the rules left without a speaker fare at each threshold."""

    rows: dict[str, dict[float, tuple[int, int]]] = field(default_factory=dict)  # kind -> threshold -> (chosen, right)
    abstentions: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, probability: float, right: bool | None) -> None:
        self.abstentions[kind] = self.abstentions.get(kind, 0) + 1
        table = self.rows.setdefault(kind, {t: (0, 0) for t in THRESHOLDS})
        if right is None:
            return
        for t in THRESHOLDS:
            if probability >= t:
                chosen, good = table[t]
                table[t] = (chosen + 1, good + int(right))

    def threshold_for(self, kind: str = "named", target: float = TARGET_PRECISION) -> float:
        for t in THRESHOLDS:
            chosen, good = self.rows.get(kind, {}).get(t, (0, 0))
            if chosen and good / chosen >= target:
                return t
        return 2.0  # never


def cross_validate(records: list[RankerRecord], folds: int = 2) -> Curve:
    articles = sorted({r.article for r in records})
    random.Random(SEED).shuffle(articles)
    fold_of = {article: i % folds for i, article in enumerate(articles)}
    curve = Curve()
    for k in range(folds):
        model = ranker.fit([r.group() for r in records if fold_of[r.article] != k])
        for record in records:
            if fold_of[record.article] == k and record.rules_speaker is None:
                curve.add(record.kind, *choice(record, model))
    return curve


def fit_weights(root: Path, target: float = TARGET_PRECISION) -> tuple[dict, Curve, int]:
    """(the weights file's contents, the cross-validated curve, how many records) from PolNeAR train."""
    records = polnear_ranker_records(root, "train")
    curve = cross_validate(records)
    model = ranker.fit([r.group() for r in records])
    model["threshold"] = curve.threshold_for("named", target)
    return model, curve, len(records)
