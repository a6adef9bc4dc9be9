"""Fit the speaker ranker's weights from a local copy of PolNeAR train (never its test split)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from game.importer import ranker, ranker_fitting
from game.importer.external import local_copies


class Command(BaseCommand):
    help = ("Fit the learned ranker that chooses a speaker where the rules find none, from PolNeAR's train "
            "split, and write game/importer/ranker_weights.json.")

    def add_arguments(self, parser):
        parser.add_argument("--polnear", type=Path, default=None,
                            help="a local copy of PolNeAR's data/ folder (default: var/external/PolNeAR/data)")
        parser.add_argument("--target-precision", type=float, default=ranker_fitting.TARGET_PRECISION,
                            help="the cross-validated precision the threshold is chosen for (sources that name someone)")
        parser.add_argument("--output", type=Path, default=ranker.WEIGHTS_PATH)

    def handle(self, *args, polnear=None, target_precision=ranker_fitting.TARGET_PRECISION, output=None, **options):
        root = polnear or local_copies(Path(settings.BASE_DIR))[0]
        if root is None or not (root / "train" / "attributions").is_dir() and not (root / "data" / "train").is_dir():
            raise CommandError("No local copy of PolNeAR: docs/developing.md says where to get one (its text stays out "
                               "of the repository).")
        model, curve, count = ranker_fitting.fit_weights(root, target_precision)
        self.stdout.write(f"{count} labelled quotations of PolNeAR train read.")
        self.stdout.write("Cross-validated (2 folds by article), on the quotations the rules left without a speaker:")
        for kind, table in curve.rows.items():
            cells = "  ".join(f"{t:.3f}: {good}/{chosen}" for t, (chosen, good) in table.items() if chosen and round(t * 40) % 2 == 0)
            self.stdout.write(f"  {kind:8} ({curve.abstentions.get(kind, 0)} quotations)  right/chosen at each threshold:")
            self.stdout.write(f"    {cells}")
        self.stdout.write(f"Threshold {model['threshold']} (cross-validated precision {target_precision:.0%} or more on "
                          "sources that name someone).")
        document = {
            "about": "Weights of game/importer/ranker.py, fitted by `manage.py fit_speaker_ranker` from the train split "
                     "of PolNeAR (Newell, Margolin and Ruths, LREC 2018; github.com/networkdynamics/PolNeAR): "
                     f"{count} labelled quotations of US news articles of 2015-16. No article text is stored here.",
            "threshold": model["threshold"],
            "weights": dict(sorted(model["weights"].items())),
        }
        output.write_text(json.dumps(document, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        ranker.load_weights.cache_clear()
        self.stdout.write(f"Wrote {output} ({len(model['weights'])} weights).")
