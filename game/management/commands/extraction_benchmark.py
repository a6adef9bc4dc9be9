"""Print the quote extractor's precision and recall on the labelled articles."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from game.importer import external
from game.importer.benchmark import label_sets, load_labels, run_set, score_events, score_fields

DEFAULT_LABELS = Path("tests") / "extraction_corpus" / "labels.json"
EVENT_LABELS = Path("tests") / "extraction_corpus" / "events.json"


class Command(BaseCommand):
    help = "Measure who-said-what extraction on the labelled seed and test articles."

    def add_arguments(self, parser):
        parser.add_argument("--labels", type=Path, default=None, help="labels.json (default: the test corpus)")
        parser.add_argument("--verbose", action="store_true", help="list every mistake")
        parser.add_argument("--polnear", type=Path, default=None,
                            help="a local copy of PolNeAR's data/ folder: score its dev split (or --split train)")
        parser.add_argument("--split", choices=["dev", "train"], default="dev")
        parser.add_argument("--bbc", type=Path, default=None,
                            help="a local copy of the BBC News politics files (NNN.txt): score the labelled ones")
        parser.add_argument("--misses", action="store_true", help="with --polnear or --bbc: list the misses too")

    def handle(self, *args, labels=None, verbose=False, polnear=None, split="dev", bbc=None, misses=False, **options):
        root = Path(settings.BASE_DIR)
        if polnear or bbc:
            missing = [path for path in (polnear, bbc) if path and not path.is_dir()]
            for path in missing:
                self.stdout.write(f"No local copy at {path}: docs/developing.md says where to get one (its text "
                                  "stays out of the repository).")
            if polnear and polnear not in missing:
                checked = external.polnear_checked_referents(root, split)
                self.external(f"PolNeAR {split}", external.polnear_score(polnear, split, checked), verbose, misses)
            if bbc and bbc not in missing:
                for set_name, set_labels in external.bbc_sets(root).items():
                    self.external(f"BBC {set_name}", external.bbc_score(bbc, set_labels), verbose, misses)
            return
        data = load_labels(labels or root / DEFAULT_LABELS)
        for set_name, together in label_sets(data):
            total, per_file, seconds = run_set(root, data[set_name], together=together)
            self.stdout.write(f"\n== {set_name} ({'one debate' if together else 'each article alone'}) ==")
            self.stdout.write(f"{'file':58} {'labelled':>8} {'found':>6} {'attrib':>6} {'right':>6}")
            for name, score in per_file.items():
                self.stdout.write(
                    f"{name[-58:]:58} {score.labelled:>8} {score.found:>6} {score.attributed:>6} {score.correct:>6}"
                )
            self.stdout.write(
                f"precision {total.precision:.1%} ({total.correct}/{total.attributed} attributed quotations right)  "
                f"recall {total.recall:.1%} ({total.correct}/{total.labelled_with_speaker} quotations with a known "
                f"speaker)  found {total.found}/{total.labelled}  "
                f"speed {len(per_file) / seconds if seconds else 0:.0f} articles/s"
            )
            for mistake in total.mistakes if verbose else total.mistakes[:10]:
                self.stdout.write(f"  - {mistake}")
        if "meta" in data:
            fields = score_fields(root, data["meta"])
            self.stdout.write(f"\n== headline, author and date ==\n{fields.right}/{fields.total} fields read as labelled")
            for mistake in fields.mistakes:
                self.stdout.write(f"  - {mistake}")
        events_path = root / EVENT_LABELS
        if labels is None and events_path.exists():
            events = load_labels(events_path)
            for set_name in (name for name in events if not name.startswith("_")):
                score = score_events(root, events[set_name])
                self.stdout.write(f"\n== dated events: {set_name} ==\nprecision {score.precision:.1%} ({score.right}/"
                                  f"{score.suggested} suggestions right)  recall {score.recall:.1%} ({score.right}/"
                                  f"{score.labelled} labelled events found)")
                for mistake in score.mistakes:
                    self.stdout.write(f"  - {mistake}")

    def external(self, title: str, score, verbose: bool, misses: bool) -> None:
        self.stdout.write(f"\n== {title}: {len(score.milliseconds)} articles, {score.p50():.1f} ms per article (p50) ==")
        for kind, tally in score.tallies.items():
            self.stdout.write(f"  {kind:8} {tally.line()}")
        if score.checked.items:
            self.stdout.write(f"  pronoun  precision {score.checked.precision:6.1%} ({score.checked.right}/"
                              f"{score.checked.attributed})  recall {score.checked.recall:6.1%}: scored against "
                              "referents read by hand, not the automatic chains")
        self.stdout.write(f"  sure     precision {score.sure.precision:6.1%} ({score.sure.right}/{score.sure.attributed}): "
                          "the attributions pre-ticked Keep, named and pronoun sources")
        for mistake in score.mistakes if verbose else score.mistakes[:10]:
            self.stdout.write(f"  - {mistake}")
        for mistake in score.checked_mistakes if verbose else []:
            self.stdout.write(f"  - {mistake}")
        for miss in score.misses if misses else []:
            self.stdout.write(f"  . {miss}")
