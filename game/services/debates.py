"""A teacher's debate from articles: make it, review what the importer found, publish it.

Everything the importer finds arrives as a draft. The teacher gives each person a side (or
neither), merges names that are one person, says who said what where the importer abstained or was
not sure (`quote_to_check`: those are not pre-ticked Keep), and ticks what to keep;
`debate_publish` then publishes, in one transaction, every kept quotation that has a speaker, a
"Sort the arguments" card for each kept quotation whose speaker has a side, every kept argument
that has a side, and the debate itself. Played content is never deleted: it is
archived, and players' rounds keep their snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Q
from django.utils.text import slugify

from game import rules
from game.importer.types import SURE
from game.models import Argument, Debate, Event, Question, Quote, RoundItem, Sentence, Side, Speaker, Status
from game.models.content import Origin
from game.models.live import LiveQuestion


class DebateError(Exception):
    """Something the teacher should be told; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


NEITHER = "neither"


def _unique_slug(text: str) -> str:
    base = slugify(text)[:40].strip("-") or "debate"
    slug, number = base, 2
    taken = set(Debate.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def debate_create(*, owner, motion: str, for_name: str = "For", against_name: str = "Against",
                  topic: str = "") -> Debate:
    """A draft debate with its two sides; students see it once it is published."""
    motion, for_name, against_name = motion.strip(), for_name.strip() or "For", against_name.strip() or "Against"
    if not motion:
        raise DebateError("Write the motion the two sides argue about.")
    if for_name.lower() == against_name.lower():
        raise DebateError("The two sides need different names.")
    debate = Debate.objects.create(
        slug=_unique_slug(topic or motion), topic=(topic or motion)[:200], motion=motion[:300], owner=owner,
        status=Status.DRAFT,
    )
    Side.objects.bulk_create([
        Side(debate=debate, slug="for", name=for_name[:100], stance=f"For: {motion}"[:200], icon=Side.Icon.SQUARE, order=0),
        Side(debate=debate, slug="against", name=against_name[:100], stance=f"Against: {motion}"[:200],
             icon=Side.Icon.CIRCLE, order=1),
    ])
    return debate


@transaction.atomic
def debate_rename(*, debate: Debate, motion: str, side_names: dict[int, str]) -> None:
    """Change the motion and the sides' names (a side keeps its cards and its people)."""
    motion = motion.strip()
    names = {pk: name.strip() for pk, name in side_names.items()}
    if not motion:
        raise DebateError("The motion cannot be empty.")
    if any(not name for name in names.values()):
        raise DebateError("Each side needs a name.")
    if len({name.lower() for name in names.values()}) != len(names):
        raise DebateError("The two sides need different names.")
    debate.motion = motion[:300]
    if debate.owner_id and not debate.rounds.exists():
        debate.topic = motion[:200]
    debate.save(update_fields=["motion", "topic"])
    for side in debate.sides.filter(pk__in=names):
        side.name = names[side.pk][:100]
        side.save(update_fields=["name"])


@transaction.atomic
def speaker_side_set(*, speaker: Speaker, choice: str) -> Speaker:
    """Put a person on a side (a side's id), on `neither` side, or back to undecided (empty)."""
    if choice == NEITHER:
        speaker.side, speaker.neutral = None, True
    elif choice == "":
        speaker.side, speaker.neutral = None, False
    else:
        side = Side.objects.filter(debate_id=speaker.debate_id, pk=int(choice) if choice.isdigit() else 0).first()
        if side is None:
            raise DebateError("That side is not one of this debate's sides.")
        speaker.side, speaker.neutral = side, False
    speaker.save(update_fields=["side", "neutral"])
    # The importer's own argument candidates suggest the side of the person who made them.
    Argument.objects.filter(speaker=speaker, origin=Origin.EXTRACTED, reviewed=False, status=Status.DRAFT).update(
        side=speaker.side)
    return speaker


@transaction.atomic
def speakers_merge(*, keep: Speaker, merge: Speaker) -> Speaker:
    """`merge` is the same person as `keep` ("Ms Marsh" and "Helen Marsh"): everything `merge` said
    is now `keep`'s, its name becomes one of `keep`'s aliases, and `merge` is gone."""
    if keep.pk == merge.pk or keep.debate_id != merge.debate_id:
        raise DebateError("Choose two different people of this debate to merge.")
    Quote.objects.filter(speaker=merge).update(speaker=keep)
    Argument.objects.filter(speaker=merge).update(speaker=keep)
    merge.articles_written.update(author_speaker=keep)
    for quote in Quote.wrong_speakers.through.objects.filter(speaker=merge).select_related("quote"):
        quote.quote.wrong_speakers.add(keep)
    Quote.wrong_speakers.through.objects.filter(speaker=merge).delete()
    aliases = keep.alias_list + [name for name in [merge.full_name, *merge.alias_list] if name not in keep.alias_list]
    keep.aliases = "\n".join(name for name in aliases if name != keep.full_name)
    if keep.side_id is None and not keep.neutral:
        keep.side, keep.neutral = merge.side, merge.neutral
    keep.role = keep.role or merge.role
    keep.organisation = keep.organisation or merge.organisation
    keep.save()
    merge.delete()
    return keep


def _editable(item) -> None:
    if item.status == Status.ARCHIVED:
        raise DebateError("That item is archived (students played it); it cannot be changed here.")


def quote_to_check(quote: Quote) -> bool:
    """Should the teacher check who said it? Yes with no speaker, and for the importer's guess below
    `SURE` until a teacher saves it. A quotation the importer did not measure (from a pack, a
    teacher, or imported before it measured) is not flagged."""
    if quote.speaker_id is None:
        return True
    return not quote.reviewed and quote.speaker_confidence is not None and quote.speaker_confidence < SURE


@transaction.atomic
def quote_review(*, quote: Quote, speaker_id: int | None, keep: bool, card: bool, card_claim: str,
                 reason: str | None = None) -> Quote:
    """Who said a quotation, whether to keep it, and whether (and in which words) it is a card;
    `reason`: the kind of evidence it rests on, now confirmed ("" for none; None leaves it)."""
    _editable(quote)
    if reason and reason not in {slug for slug, _, _ in rules.REASON_TYPES}:
        raise DebateError("That kind of evidence is not one of the five.")
    if reason is not None:
        quote.reason_type = reason
    if speaker_id is not None and not Speaker.objects.filter(pk=speaker_id, debate_id=quote.article.debate_id).exists():
        raise DebateError("That person is not in this debate.")
    claim = " ".join(card_claim.split())
    if len(claim) > 400:
        raise DebateError("A card's words can be at most 400 characters.")
    if quote.status == Status.PUBLISHED and speaker_id is None:
        raise DebateError("A published quotation needs a speaker. Untick “Keep” to take it out of play.")
    quote.speaker_id, quote.keep, quote.card = speaker_id, keep, card
    quote.card_claim = "" if claim == quote.text else claim
    quote.reviewed = True
    if not keep and quote.status == Status.PUBLISHED:
        quote.status = Status.DRAFT if not quote.round_items.exists() else Status.ARCHIVED
    quote.save()
    return quote


@transaction.atomic
def argument_review(*, argument: Argument, claim: str, side_id: int | None, keep: bool,
                    reason: str | None = None) -> Argument:
    """Save a teacher's review of an argument; `reason`: the kind of evidence it rests on, now
    confirmed ("" for none; None leaves it as it was)."""
    _editable(argument)
    if reason is not None and reason and reason not in {slug for slug, _, _ in rules.REASON_TYPES}:
        raise DebateError("That kind of evidence is not one of the five.")
    claim = " ".join(claim.split())
    if not claim:
        raise DebateError("An argument needs its words.")
    if len(claim) > 400:
        raise DebateError("An argument can be at most 400 characters.")
    if side_id is not None and not Side.objects.filter(pk=side_id, debate_id=argument.debate_id).exists():
        raise DebateError("That side is not one of this debate's sides.")
    argument.claim, argument.side_id, argument.keep, argument.reviewed = claim, side_id, keep, True
    if reason is not None:
        argument.reason_type = reason
    if not keep and argument.status == Status.PUBLISHED:
        argument.status = Status.DRAFT if not argument.round_items.exists() else Status.ARCHIVED
    argument.save()
    return argument


@dataclass
class Published:
    quotes: int = 0
    cards: int = 0
    arguments: int = 0
    questions: int = 0
    sentences: int = 0
    events: int = 0
    waiting: list[str] = field(default_factory=list)  # kept items that could not be published, and why


def _played(model, pks) -> set[int]:
    if model is Quote:
        played = RoundItem.objects.filter(quote__in=pks).values_list("quote", flat=True)
        live = LiveQuestion.objects.filter(quote__in=pks).values_list("quote", flat=True)
    else:
        played = RoundItem.objects.filter(argument__in=pks).values_list("argument", flat=True)
        live = LiveQuestion.objects.filter(argument__in=pks).values_list("argument", flat=True)
    return set(played) | set(live)


@transaction.atomic
def debate_publish(*, debate: Debate) -> Published:
    """Publish everything kept and ready, make the cards, and open the debate to students."""
    result = Published()
    quotes = list(Quote.objects.filter(article__debate=debate).exclude(status=Status.ARCHIVED)
                  .select_related("speaker", "article", "argument_card"))
    kept = [q for q in quotes if q.keep]
    no_speaker = [q for q in kept if q.speaker_id is None]
    if no_speaker:
        result.waiting.append(f"{len(no_speaker)} kept quotation{'s have' if len(no_speaker) != 1 else ' has'} no "
                              "speaker yet: choose who said it, or untick Keep")
    ready = [q for q in kept if q.speaker_id is not None]
    Quote.objects.filter(pk__in=[q.pk for q in ready]).update(status=Status.PUBLISHED)
    result.quotes = len(ready)
    dropped = [q for q in quotes if not q.keep and q.status == Status.PUBLISHED]
    if dropped:
        played = _played(Quote, [q.pk for q in dropped])
        Quote.objects.filter(pk__in=[q.pk for q in dropped if q.pk in played]).update(status=Status.ARCHIVED)
        Quote.objects.filter(pk__in=[q.pk for q in dropped if q.pk not in played]).update(status=Status.DRAFT)
    result.cards = _cards_sync(debate, quotes)

    arguments = list(Argument.objects.filter(debate=debate, quote__isnull=True).exclude(status=Status.ARCHIVED))
    kept_arguments = [a for a in arguments if a.keep]
    sideless = [a for a in kept_arguments if a.side_id is None]
    if sideless:
        result.waiting.append(f"{len(sideless)} kept argument{'s have' if len(sideless) != 1 else ' has'} no side "
                              "yet: choose the side that made it, or untick Keep")
    ready_arguments = [a.pk for a in kept_arguments if a.side_id is not None]
    Argument.objects.filter(pk__in=ready_arguments).update(status=Status.PUBLISHED)
    result.arguments = len(ready_arguments)
    dropped_arguments = [a.pk for a in arguments if not a.keep and a.status == Status.PUBLISHED]
    if dropped_arguments:
        played = _played(Argument, dropped_arguments)
        Argument.objects.filter(pk__in=[pk for pk in dropped_arguments if pk in played]).update(status=Status.ARCHIVED)
        Argument.objects.filter(pk__in=[pk for pk in dropped_arguments if pk not in played]).update(status=Status.DRAFT)

    result.questions = Question.objects.filter(debate=debate, keep=True, status=Status.DRAFT).update(
        status=Status.PUBLISHED)
    sentences = Sentence.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
    unlabelled = sentences.filter(keep=True, label="").count()
    if unlabelled:
        result.waiting.append(f"{unlabelled} kept sentence{'s have' if unlabelled != 1 else ' has'} no label yet: "
                              "choose whose words they are, or untick Keep")
    result.sentences = sentences.filter(keep=True).exclude(label="").update(status=Status.PUBLISHED)
    dropped_sentences = list(sentences.filter(keep=False, status=Status.PUBLISHED).values_list("pk", flat=True))
    if dropped_sentences:
        played = set(RoundItem.objects.filter(sentence__in=dropped_sentences).values_list("sentence", flat=True))
        Sentence.objects.filter(pk__in=[pk for pk in dropped_sentences if pk in played]).update(status=Status.ARCHIVED)
        Sentence.objects.filter(pk__in=[pk for pk in dropped_sentences if pk not in played]).update(status=Status.DRAFT)
    events = Event.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
    result.events = events.filter(keep=True).update(status=Status.PUBLISHED)
    dropped_events = list(events.filter(keep=False, status=Status.PUBLISHED).values_list("pk", flat=True))
    if dropped_events:
        played = set(RoundItem.objects.filter(event__in=dropped_events).values_list("event", flat=True))
        Event.objects.filter(pk__in=[pk for pk in dropped_events if pk in played]).update(status=Status.ARCHIVED)
        Event.objects.filter(pk__in=[pk for pk in dropped_events if pk not in played]).update(status=Status.DRAFT)
    debate.status = Status.PUBLISHED
    debate.save(update_fields=["status"])
    return result


def _cards_sync(debate: Debate, quotes: list[Quote]) -> int:
    """A card for each kept quotation whose speaker has a side; a card no longer wanted leaves play."""
    made = 0
    wanted = [q for q in quotes if q.keep and q.card and q.speaker_id and q.speaker.side_id]
    for quote in wanted:
        values = {"claim": quote.card_claim or quote.text, "side_id": quote.speaker.side_id, "speaker_id": quote.speaker_id,
                  "article_id": quote.article_id, "paragraph_id": quote.paragraph_id, "status": Status.PUBLISHED,
                  "keep": True}
        card = getattr(quote, "argument_card", None)
        if card is None:
            Argument.objects.create(debate=debate, quote=quote, origin=Origin.TEACHER, reviewed=True,
                                    reason_suggested=rules.reason_suggest(values["claim"]), **values)
        elif card.status != Status.ARCHIVED:
            Argument.objects.filter(pk=card.pk).update(**values)
        made += 1
    unwanted = [q.argument_card.pk for q in quotes if q not in wanted and getattr(q, "argument_card", None)]
    if unwanted:
        played = _played(Argument, unwanted)
        Argument.objects.filter(pk__in=[pk for pk in unwanted if pk in played]).update(status=Status.ARCHIVED)
        Argument.objects.filter(pk__in=[pk for pk in unwanted if pk not in played]).delete()
    return made


@dataclass(frozen=True)
class Readiness:
    """Whether each game can be dealt from the debate's published content, and what is missing if not."""

    who_said: str | None  # None: ready; else what is missing, in a sentence
    sort: str | None
    quiz: str | None
    reason_types: str | None = None
    direct_or_reported: str | None = None
    timeline: str | None = None

    def for_mode(self, mode: str) -> str | None:
        return getattr(self, mode, None)


def debate_readiness(debate: Debate) -> Readiness:
    """Eight queries, whatever the size of the debate."""
    people = Speaker.objects.filter(debate=debate).count()
    quoted = (Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED, speaker__isnull=False)
              .aggregate(quotes=Count("pk"), speakers=Count("speaker", distinct=True)))
    sides = {side.name: side.card_count for side in Side.objects.filter(debate=debate).annotate(
        card_count=Count("arguments", filter=Q(arguments__status=Status.PUBLISHED)))}
    questions = Question.objects.filter(debate=debate, status=Status.PUBLISHED).count()
    kinds = (Argument.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(reason_type="").count()
             + Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).exclude(reason_type="").count())
    sentences = Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(label="").count()
    dates = Event.objects.filter(debate=debate, status=Status.PUBLISHED).values("happened_on").distinct().count()
    return Readiness(
        who_said=rules.who_said_shortfall(quotes=quoted["quotes"], people=people),
        sort=rules.sort_shortfall(sides),
        quiz=None if questions else "Quiz needs at least one published question.",
        reason_types=None if kinds else ("What kind of evidence? needs at least one published argument or quotation "
                                         "with its kind of evidence set."),
        direct_or_reported=None if sentences else "Whose words? needs at least one published sentence with its label.",
        timeline=None if dates >= rules.TIMELINE_MIN else (
            f"Put the story in order needs published events on at least {rules.TIMELINE_MIN} different dates; "
            f"it has {dates}."),
    )


def sentence_review(*, sentence: Sentence, label: str, keep: bool) -> Sentence:
    """A teacher confirms (or changes) whose words a sentence is, and whether to keep it."""
    _editable(sentence)
    if label and label not in Sentence.Label.values:
        raise DebateError("That label is not one of the three.")
    sentence.label, sentence.keep, sentence.reviewed = label, keep, True
    if not keep and sentence.status == Status.PUBLISHED:
        sentence.status = Status.DRAFT if not sentence.round_items.exists() else Status.ARCHIVED
    sentence.save()
    return sentence


def event_review(*, event: Event, text: str, happened_on: str, dated_by: str, keep: bool) -> Event:
    """A teacher rewords a dated event, corrects its date or how the source dates it, and keeps it
    (published with the next Publish) or not."""
    _editable(event)
    text, dated_by = " ".join(text.split()), " ".join(dated_by.split())
    if not text:
        raise DebateError("Say what happened: the event needs its words.")
    if len(text) > 300:
        raise DebateError(f"Keep what happened to 300 characters; this is {len(text)}.")
    if len(dated_by) > 300:
        raise DebateError(f"Keep how the source dates it to 300 characters; this is {len(dated_by)}.")
    try:
        day = date.fromisoformat(happened_on.strip())
    except ValueError:
        raise DebateError("Give the date the source says it happened, as a day, month and year.") from None
    if keep and not dated_by:
        raise DebateError("Say how the source dates it, so players can check: for example "
                          "“The article is dated 25 September 2015 and says ‘Yesterday’.”")
    event.text, event.happened_on, event.dated_by, event.keep, event.reviewed = text, day, dated_by, keep, True
    if not keep and event.status == Status.PUBLISHED:
        event.status = Status.ARCHIVED if event.round_items.exists() else Status.DRAFT
    event.save()
    return event


PREVIEW_MODES = ("who_said", "quiz", "reason_types", "direct_or_reported")  # one question at a time


def debate_preview_deal(*, debate: Debate, mode: str = "who_said", rng=None) -> list[dict]:
    """A round of the debate as a student would be dealt it if the teacher published now, for the
    teacher to play first. Nothing is kept: publishing and dealing run in a transaction that is
    rolled back, so no Round, no answers and no points are stored, and the draft stays a draft.
    Each question is a plain dict (what was asked, the options, the right one and its source), to
    keep in the teacher's session; a `PlayError` says what is missing."""
    import random

    from game.services.rounds import items_deal

    if mode not in PREVIEW_MODES:
        raise DebateError("That game cannot be previewed here.")
    with transaction.atomic():
        # A copy: publishing changes the debate it is given, and this publishing never happened.
        debate_publish(debate=Debate.objects.get(pk=debate.pk))
        try:
            items = items_deal(debate=Debate.objects.get(pk=debate.pk), mode=mode, rng=rng or random.Random(),
                               mix_questions=False)
        finally:
            transaction.set_rollback(True)
    return [{"asked": item.asked, "kind": item.kind, "quote": bool(item.quote_id),
             "options": [list(pair) for pair in item.option_pairs], "right": item.right_answer,
             "right_label": item.right_label, "right_detail": item.right_detail, "passage": list(item.passage),
             "explanation": item.source.get("explanation", ""), "title": item.source.get("title", "")}
            for item in items]
