"""Quiz content: debates, their sides and speakers, the articles they come from, and the
quotes, arguments and questions drawn from them.

Every quote and argument points at a `Paragraph` of an `Article` (with character offsets for
quotes), so play can always show the passage an item came from.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from game.rules import MISQUOTE_KINDS, REASON_TYPES


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    # Withdrawn from play: never dealt again, kept so players' history and points stay as played.
    ARCHIVED = "archived", "Archived (out of play, kept for players' history)"


class Origin(models.TextChoices):
    EXTRACTED = "extracted", "Found by the importer"
    PACK = "pack", "From the curated debate pack"
    TEACHER = "teacher", "Written by a teacher"


class Debate(models.Model):
    slug = models.SlugField(unique=True)
    owner = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="debates_made",
        help_text="The teacher who made it on the new-debate page (empty for imported packs).",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PUBLISHED,
        help_text="Students see a debate once it is published; a teacher's new debate is a draft until then.",
    )
    topic = models.CharField(max_length=200, help_text="What the debate is about, e.g. “The junior doctors’ contract, 2015–16”.")
    motion = models.CharField(max_length=300, help_text="The motion the sides argue for and against.")
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["topic"]

    def __str__(self):
        return self.topic


def icon_symbol(icon: str) -> str:
    """The shape drawn for a side's icon ("square" → ■)."""
    label = dict(Side.Icon.choices).get(icon, "")
    return label.split(" ", 1)[0] if label else ""


class Side(models.Model):
    class Icon(models.TextChoices):
        # Colour is never the only signal: each side has a name and a shape too.
        SQUARE = "square", "■ Square"
        CIRCLE = "circle", "● Circle"
        TRIANGLE = "triangle", "▲ Triangle"
        DIAMOND = "diamond", "◆ Diamond"

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="sides")
    slug = models.SlugField()
    name = models.CharField(max_length=100, help_text="e.g. “The Government”.")
    stance = models.CharField(max_length=200, help_text="e.g. “For the new contract”.")
    icon = models.CharField(max_length=12, choices=Icon.choices, default=Icon.SQUARE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["debate", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["debate", "slug"], name="side_unique_slug_per_debate")]

    def __str__(self):
        return self.name

    @property
    def icon_symbol(self) -> str:
        return icon_symbol(self.icon)


class Speaker(models.Model):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="speakers")
    full_name = models.CharField(max_length=120)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. “Health Secretary”.")
    organisation = models.CharField(max_length=200, blank=True)
    side = models.ForeignKey(
        Side, on_delete=models.SET_NULL, null=True, blank=True, related_name="speakers",
        help_text="The side this person argues for, if any.",
    )
    aliases = models.TextField(
        blank=True, help_text="Other names the articles use, one per line: “Mr Hunt”, “the Health Secretary”."
    )
    is_group = models.BooleanField(
        default=False, help_text="A group or body (“RMT union”, “Cross-party group of MPs”), not one person."
    )
    neutral = models.BooleanField(
        default=False, help_text="On neither side (a reporter, a neutral expert): quoted, never a sorting card."
    )

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["debate", "full_name"], name="speaker_unique_name_per_debate")
        ]

    def __str__(self):
        return self.full_name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Article(models.Model):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=300, blank=True)
    author = models.CharField(max_length=120, blank=True, help_text="The byline's name, if the article has one.")
    byline = models.CharField(max_length=400, blank=True, help_text="The byline as printed.")
    author_speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles_written"
    )
    published = models.DateField(null=True, blank=True)
    source_file = models.CharField(max_length=255, help_text="The file name it was imported from.")
    source_url = models.URLField(max_length=1000, blank=True, help_text="The web address it was fetched from, if any.")
    source_format = models.CharField(max_length=10, blank=True, help_text="txt, html, pdf, docx or pasted.")
    body = models.TextField(help_text="The whole text of the file, line endings made LF.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the body; re-imports compare it.")
    is_opinion = models.BooleanField(default=False, help_text="Written in the author's own voice.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(fields=["debate", "source_file"], name="article_unique_file_per_debate"),
        ]

    def __str__(self):
        return self.title or self.source_file


class Paragraph(models.Model):
    """One body paragraph of an article; `start` is its offset in `Article.body`."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="paragraphs")
    index = models.PositiveIntegerField(help_text="0 for the first body paragraph.")
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Character offset of the paragraph in the article body.")

    class Meta:
        ordering = ["article", "index"]
        constraints = [models.UniqueConstraint(fields=["article", "index"], name="paragraph_unique_index")]

    def __str__(self):
        opening = self.text[:70] + ("…" if len(self.text) > 70 else "")
        return f"{self.article} ¶{self.index + 1}: {opening}"


class ReviewedContent(models.Model):
    """What quotes, arguments and questions share: a status, an origin, and review state."""

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.TEACHER)
    reviewed = models.BooleanField(
        default=False, help_text="Set when a teacher saves it; the importer never overwrites reviewed items."
    )
    keep = models.BooleanField(
        default=True, help_text="Ticked on the debate's review page: published with the debate's next Publish."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class KindOfEvidence(models.Model):
    """What an argument or a quotation rests on, for "What kind of evidence?": the importer's
    suggestion, and the kind a teacher confirmed (only confirmed kinds are asked)."""

    reason_type = models.CharField(
        max_length=12, blank=True, choices=[(slug, label) for slug, label, _ in REASON_TYPES],
        help_text="The kind of evidence it rests on, as the teacher confirmed it (for \"What kind of evidence?\"). "
                  "Empty: not confirmed, and not asked.")
    reason_suggested = models.CharField(
        max_length=12, blank=True, help_text="The importer's suggestion from cue words (a number, \"a study\"...).")

    class Meta:
        abstract = True


class Quote(ReviewedContent, KindOfEvidence):
    class Kind(models.TextChoices):
        SPOKEN = "spoken", "Quoted speech or writing (who said it?)"
        WRITTEN = "written", "The author's own sentence (who wrote this?)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="quotes")
    start = models.PositiveIntegerField(help_text="Offset of the quoted words in the paragraph.")
    end = models.PositiveIntegerField(help_text="Offset just after the quoted words in the paragraph.")
    text = models.TextField(help_text="The exact words, without quotation marks.")
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes",
        help_text="Left empty by the importer when it is not sure.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SPOKEN)
    # The importer's own measure of its speaker (importer.types.FoundQuote); empty for quotations it
    # did not attribute: from a pack, written by a teacher, or imported before it was measured.
    speaker_confidence = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure the importer was of the speaker, 0 to 1 (0: it found none). Empty: not the importer's guess.",
    )
    speaker_cue = models.CharField(
        max_length=100, blank=True, help_text="The importer's rule that found the speaker, e.g. “after: who verb”.",
    )
    card = models.BooleanField(
        default=True, help_text="Also a “Sort the arguments” card when its speaker has a side."
    )
    card_claim = models.TextField(
        blank=True, help_text="The card's words, when a teacher shortened the quotation to a claim (empty: the quotation)."
    )
    wrong_speakers = models.ManyToManyField(
        Speaker, blank=True, related_name="+",
        help_text="Pin the wrong options shown for this quote (up to three); others are chosen at random.",
    )

    class Meta:
        ordering = ["article", "paragraph__index", "start"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "start", "end"], name="quote_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="quote_span_not_empty"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(speaker__isnull=False), name="quote_published_has_speaker"
            ),
        ]

    def __str__(self):
        return f"“{self.text[:60]}{'…' if len(self.text) > 60 else ''}”"


class Argument(ReviewedContent, KindOfEvidence):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="arguments")
    claim = models.TextField(help_text="The argument in plain words.")
    side = models.ForeignKey(
        Side, on_delete=models.PROTECT, null=True, blank=True, related_name="arguments",
        help_text="The side that made the argument (a suggestion until reviewed).",
    )
    speaker = models.ForeignKey(Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="arguments")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="arguments")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="arguments")
    pack_key = models.CharField(
        max_length=80, blank=True, help_text="Identifier in the curated debate pack, for re-imports."
    )
    quote = models.OneToOneField(
        Quote, on_delete=models.SET_NULL, null=True, blank=True, related_name="argument_card",
        help_text="The quotation this card was made from on the review page, if any.",
    )

    class Meta:
        ordering = ["debate", "side", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["debate", "pack_key"], condition=~Q(pack_key=""), name="argument_unique_pack_key"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(side__isnull=False), name="argument_published_has_side"
            ),
        ]

    def __str__(self):
        return self.claim[:80]


class Sentence(ReviewedContent):
    """A sentence of an article for "Whose words?": a direct quotation, reported speech, or the
    journalist's own words. Its words are the article's, at these offsets in the paragraph."""

    class Label(models.TextChoices):
        DIRECT = "direct", "A direct quotation"
        REPORTED = "reported", "Reported speech"
        OWN = "own", "The journalist's own words"

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="sentences")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="sentences")
    start = models.PositiveIntegerField(help_text="Offset of the sentence in its paragraph.")
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The sentence exactly as printed.")
    label = models.CharField(max_length=10, blank=True, choices=Label.choices,
                             help_text="As a teacher confirmed it; empty: not confirmed, not played.")
    label_suggested = models.CharField(max_length=10, blank=True, help_text="The importer's suggestion.")
    pack_key = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["article", "paragraph__index", "start"]
        constraints = [models.UniqueConstraint(fields=["paragraph", "start"], name="sentence_once_per_place")]

    def __str__(self):
        return self.text[:80]


class Event(ReviewedContent):
    """A dated event of the story, for "Put the story in order": what happened, in plain words,
    when, and the article (and paragraph) that says so."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="events")
    happened_on = models.DateField(help_text="When it happened, as the source dates it.")
    text = models.CharField(max_length=300, help_text="What happened, in plain words.")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="events",
                                help_text="The article that dates it (its headline or a paragraph).")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="events",
                                  help_text="The paragraph that says so; empty: the article's headline and date.")
    dated_by = models.CharField(
        max_length=300, blank=True,
        help_text="How the source dates it, for players to check: e.g. “The article is dated 25 September 2015 "
                  "and says ‘Yesterday’.”",
    )

    class Meta:
        ordering = ["debate", "happened_on", "pk"]

    def __str__(self):
        return f"{self.happened_on:%-d %b %Y}: {self.text[:60]}"


class Question(ReviewedContent):
    """A multiple-choice question a teacher writes."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="questions")
    prompt = models.TextField()
    explanation = models.TextField(blank=True, help_text="Shown after the player answers.")
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )

    class Meta:
        ordering = ["debate", "id"]

    def __str__(self):
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=300)
    is_correct = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["question", "order", "id"]

    def __str__(self):
        return self.text


class Misquote(models.Model):
    """A changed version of a quotation's words, for "Spot the misquote": one the importer suggested
    (a draft until a teacher keeps it) or one a teacher wrote. Only kept misquotes are played; the
    real words are always the quotation's own."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="misquotes")
    text = models.TextField(help_text="The changed words, as players see them beside the real ones.")
    kind = models.CharField(
        max_length=12, choices=[(slug, name) for slug, name in MISQUOTE_KINDS.items()],
        help_text="What was changed: the answer and the reports name it.")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    keep = models.BooleanField(default=False, help_text="Ticked by a teacher: only kept misquotes are played.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["quote", "pk"]
        indexes = [models.Index(fields=["quote", "keep"], name="misquote_quote_keep")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
