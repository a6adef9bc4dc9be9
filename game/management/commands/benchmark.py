"""Print performance and quality figures. Measures; never fails on a slow machine.

Runs on a throwaway database (like the test runner's), so the real one is never touched:
- who-said-what extraction: precision, recall and speed on the labelled articles, and on PolNeAR's dev
  split and the labelled BBC articles when a local copy of them is there;
- importing seeds/: seconds and queries, first time and again;
- importing a 1 MB article of each awkward shape: seconds (the importer is linear);
- each game view with 1,000 players and 1,000 extra quotes: median milliseconds and queries;
- the teacher's class overview, item analysis and CSV export for 300 students x 50 homeworks.
"""

import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment, teardown_databases
from django.utils import timezone

from game.importer import external
from game.importer.benchmark import label_sets, load_labels, run_set
from game.querycount import data_queries
from game.models import Mode, Quote, Round, RoundItem, Speaker, Status
from game.importer.shapes import awkward_articles
from game.services.importing import article_file_import, articles_import
from game.services.rounds import Owner, round_start


def own_throwaway_database(settings_dict: dict) -> None:
    """Name the throwaway database `bench_...`, not the test runner's `test_...`: a benchmark and a test
    run in the same checkout would otherwise create and drop the same database under each other."""
    name = settings_dict["NAME"]
    settings_dict.setdefault("TEST", {})
    if "sqlite3" in settings_dict["ENGINE"]:
        settings_dict["TEST"]["NAME"] = str(Path(name).with_name(f"bench_{Path(name).name}"))
    else:
        settings_dict["TEST"]["NAME"] = f"bench_{name}"


class Command(BaseCommand):
    help = "Print extraction quality, import and page timings, and query counts."

    def add_arguments(self, parser):
        parser.add_argument("--players", type=int, default=1000)
        parser.add_argument("--repeat", type=int, default=20, help="requests per view for the median")

    def handle(self, *args, players: int, repeat: int, **options):
        root = Path(settings.BASE_DIR)
        self.section("Who said what (labelled articles)")
        labels = load_labels(root / "tests" / "extraction_corpus" / "labels.json")
        for name, together in label_sets(labels):
            total, per_file, seconds = run_set(root, labels[name], together=together)
            self.stdout.write(
                f"  {name:8} precision {total.precision:6.1%}  recall {total.recall:6.1%}  "
                f"({total.correct}/{total.attributed} attributed right, {total.labelled_with_speaker} with a speaker)  "
                f"{len(per_file) / seconds:7.0f} articles/s"
            )
        self.external_sets(root)
        setup_test_environment()
        own_throwaway_database(connection.settings_dict)
        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            self.imports(root)
            self.awkward_imports()
            self.mixed_imports()
            self.views(players, repeat)
            self.classes(repeat)
        finally:
            teardown_databases(old_config, verbosity=0)

    def external_sets(self, root):
        """Real articles labelled by others, when a local copy is there (their text is not in the repository)."""
        polnear, bbc = external.local_copies(root)
        self.section("Who said what on real news (labelled by others)")
        if polnear is None and bbc is None:
            self.stdout.write(f"  no local copy: see docs/developing.md ({external.POLNEAR_ENV}, {external.BBC_ENV})")
        if polnear is not None:
            score = external.polnear_score(polnear, "dev", external.polnear_checked_referents(root, "dev"))
            for kind, tally in score.tallies.items():
                self.stdout.write(f"  PolNeAR dev {kind:8} {tally.line()}")
            if score.checked.items:
                self.stdout.write(f"  PolNeAR dev pronoun  precision {score.checked.precision:6.1%} ({score.checked.right}/"
                                  f"{score.checked.attributed})  recall {score.checked.recall:6.1%}: referents read by hand")
            self.stdout.write(f"  PolNeAR dev sure     precision {score.sure.precision:6.1%} "
                              f"({score.sure.right}/{score.sure.attributed} pre-ticked attributions right)")
            self.stdout.write(f"  PolNeAR dev speed: {score.p50():.1f} ms per article (p50), "
                              f"{external.ms_per_10k_chars(score):.1f} ms per 10,000 characters (median)")
        if bbc is not None:
            every = {kind: external.Tally() for kind in external.KINDS}
            for set_name, labels in external.bbc_sets(root).items():
                score = external.bbc_score(bbc, labels)
                for kind, tally in score.tallies.items():
                    self.stdout.write(f"  BBC {set_name:12} {kind:8} {tally.line()}")
                    for figure in ("items", "found", "attributed", "right"):
                        setattr(every[kind], figure, getattr(every[kind], figure) + getattr(tally, figure))
                self.stdout.write(f"  BBC {set_name:12} sure     precision {score.sure.precision:6.1%} "
                                  f"({score.sure.right}/{score.sure.attributed} pre-ticked attributions right)")
            for kind in ("named", "pronoun"):
                self.stdout.write(f"  BBC {'all sets':12} {kind:8} {every[kind].line()}")

    def section(self, title):
        self.stdout.write(f"\n== {title} ==")

    def imports(self, root):
        self.section("Importing seeds/")
        for label in ("first import", "again (unchanged)"):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                report = articles_import(paths=[root / "seeds"])
                seconds = time.perf_counter() - started
            self.stdout.write(f"  {label:18} {seconds * 1000:8.1f} ms  {len(queries):4} queries  {report.summary()}")

    def awkward_imports(self, size: int = 1024 * 1024):
        """Every step of the import is linear: a 1 MB article of any shape, stored in full."""
        self.section(f"Importing one {size // 1024} KB article of each awkward shape (parse, extract, store)")
        for name, text in awkward_articles(size).items():
            started = time.perf_counter()
            report = article_file_import(name=f"shape-{name}.txt", data=text.encode())
            seconds = time.perf_counter() - started
            outcome = report.errors[0] if report.errors else f"{report.quotes} quotes, {report.arguments} arguments"
            self.stdout.write(f"  {name:32} {len(text) / 1024:7.0f} KB {seconds:6.2f} s  {outcome}")

    def mixed_imports(self):
        """A teacher's upload: 10 articles in mixed formats, about 1 MB in all, into a new debate."""
        from game.services.importing import Source, article_sources_import
        from tests.article_files import mixed_upload  # made as the tests make them (fpdf2, python-docx)
        from game.models import Debate

        files = mixed_upload()
        total = sum(len(data) for _, data in files)
        self.section(f"Importing {len(files)} articles of mixed formats ({total / 1024 / 1024:.2f} MB) into a new debate")
        for label in ("first import", "again (unchanged)"):
            debate, _ = Debate.objects.get_or_create(slug="bench-mixed", defaults={"topic": "Bench", "motion": "Bench"})
            started = time.perf_counter()
            report = article_sources_import(sources=[Source(name=n, data=d) for n, d in files], debate=debate)
            seconds = time.perf_counter() - started
            kinds = ", ".join(f"{sum(n.endswith(e) for n, _ in files)} {e}" for e in (".html", ".pdf", ".docx", ".txt"))
            self.stdout.write(f"  {label:18} {seconds:6.2f} s (target 3 s)  [{kinds}]  {report.summary()}")

    def views(self, players, repeat):
        from game.models import Debate

        debate = Debate.objects.get(slug="junior-doctors-contract")
        self.section(f"Game views with {players} players and {players} extra quotes (median of {repeat})")
        article = debate.articles.first()
        paragraph = article.paragraphs.first()
        hunt = Speaker.objects.get(debate=debate, full_name="Jeremy Hunt")
        Quote.objects.bulk_create(
            Quote(article=article, paragraph=paragraph, start=i % 50, end=i % 50 + 10 + i // 50,
                  text=paragraph.text[i % 50 : i % 50 + 10 + i // 50], speaker=hunt, status=Status.PUBLISHED)
            for i in range(players)
        )
        users = User.objects.bulk_create(User(username=f"bench{i}", password="!") for i in range(players))
        question = debate.questions.first()
        now = timezone.now()
        rounds = Round.objects.bulk_create(Round(debate=debate, mode=Mode.QUIZ, player=u, created_at=now) for u in users)
        RoundItem.objects.bulk_create(
            RoundItem(round=r, position=0, question=question, options=[], answered_at=now, correct=True,
                      points=random.Random(n).randint(0, 200))
            for n, r in enumerate(rounds)
        )
        player = User.objects.create_user("bench-player", password="x")
        client = Client(HTTP_HOST="localhost")
        client.force_login(player)
        owner = Owner(player, "")
        sort_round = round_start(debate=debate, mode=Mode.SORT, owner=owner, now=now)

        def fresh_round():
            return round_start(debate=debate, mode=Mode.WHO_SAID, owner=owner, now=timezone.now())

        played = fresh_round()
        views = [
            ("home", lambda: client.get("/")),
            ("round page", lambda: client.get(f"/rounds/{played.pk}/")),
            ("answer (htmx)", None),
            ("sort page", lambda: client.get(f"/rounds/{sort_round.pk}/")),
            ("profile", lambda: client.get("/me/")),
            ("leaderboard", lambda: client.get(f"/leaderboard/{debate.slug}/")),
        ]
        def answer_a_fresh_round():
            round_ = fresh_round()
            item = round_.items.get(position=0)
            return lambda: client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]},
                                       HTTP_HX_REQUEST="true")

        for name, call in views:
            prepare = answer_a_fresh_round if call is None else (lambda call=call: call)
            median, slowest, queries = self.timed(name, prepare, repeat)
            self.stdout.write(f"  {name:14} {median:7.1f} ms median  {slowest:7.1f} ms max  {queries:3} queries")
        self.stdout.write(f"\n  database: {connection.vendor}")

    def classes(self, repeat, students: int = 300, homeworks: int = 50, played_each: int = 5):
        from datetime import timedelta

        from game.models import Assignment, Debate
        from game.roster import NewStudent
        from game.services.classes import classroom_create, students_create
        from game.teachers import teacher_create

        self.section(f"Teacher pages: {students} students x {homeworks} homeworks, {played_each} played each "
                     f"(median of {repeat})")
        debate = Debate.objects.get(slug="junior-doctors-contract")
        teacher = teacher_create(username="bench-teacher", password="x")
        classroom = classroom_create(teacher=teacher, name="Benchmark class")
        students_create(classroom=classroom, students=[NewStudent(f"Pupil{n}", "Bench") for n in range(students)])
        now = timezone.now()
        assignments = Assignment.objects.bulk_create(
            Assignment(classroom=classroom, debate=debate, title=f"Homework {n}", mode="quiz", questions=5,
                       opens_at=now - timedelta(days=30), due_at=now - timedelta(days=29 - n // 2))
            for n in range(homeworks))
        template = list(round_start(debate=debate, mode=Mode.WHO_SAID, owner=Owner(teacher, ""), now=now).items.all())
        rng = random.Random(7)
        rounds, items = [], []
        for membership in classroom.memberships.all():
            for assignment in rng.sample(assignments, played_each):
                round_ = Round(debate=debate, mode=Mode.WHO_SAID, player_id=membership.student_id, created_at=now,
                               finished_at=now, assignment=assignment)
                rounds.append(round_)
        Round.objects.bulk_create(rounds)
        for round_ in rounds:
            for position, item in enumerate(template[:5]):
                correct = rng.random() < 0.6
                items.append(RoundItem(
                    round=round_, position=position, quote_id=item.quote_id, question_id=item.question_id,
                    asked=item.asked, options=item.options, option_labels=item.option_labels,
                    right_answer=item.right_answer, right_label=item.right_label, kind=item.kind, source=item.source,
                    answer=item.right_answer if correct else item.options[0], correct=correct,
                    answer_label=item.right_label if correct else item.option_labels[0][0],
                    points=10 if correct else 0, answered_at=now))
        RoundItem.objects.bulk_create(items, batch_size=2000)
        client = Client(HTTP_HOST="localhost")
        client.force_login(teacher)

        def csv_download():
            response = client.get(f"/teach/classes/{classroom.pk}/results.csv")
            b"".join(response.streaming_content)
            return response

        pages = [
            ("class overview", lambda: client.get(f"/teach/classes/{classroom.pk}/")),
            ("item analysis", lambda: client.get(f"/teach/homework/{assignments[0].pk}/")),
            ("CSV export", csv_download),
        ]
        for name, call in pages:
            median, _, queries = self.timed(name, lambda call=call: call, max(3, repeat // 4))
            self.stdout.write(f"  {name:16} {median:8.1f} ms median  {queries:3} queries  ({len(items)} answers in all)")

    @staticmethod
    def timed(name, prepare, repeat) -> tuple[float, float, int]:
        """(median ms, slowest ms, most queries) of `repeat` calls; `prepare()` returns each call."""
        timings, counts = [], []
        for _ in range(repeat):
            call = prepare()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = call()
                timings.append(time.perf_counter() - started)
            counts.append(len(data_queries(queries.captured_queries)))
            assert response.status_code == 200, (name, response.status_code)
        return statistics.median(timings) * 1000, max(timings) * 1000, max(counts)
