"""Sharing a debate: one JSON file with its sides, speakers, articles, reviewed quotes (with their
misquotes), arguments and questions, read back on another server; and questions added in bulk (GIFT or CSV).

The file extends `seeds/debate_pack.json` with the articles themselves (their text and paragraphs),
so it imports anywhere with no other files. Importing is idempotent: the debate is found by its
slug, an article by its file name, a quote by its place, an argument by its key, a question by its
words; what is already there is left as it is, so importing twice changes nothing.
"""

from __future__ import annotations

import json
from datetime import date

from django.db import transaction

from game import rules
from game.importer import misquotes as misquote_rules
from game.importer.pack import ICONS, REASON_SLUGS
from game.importer.questions import ParsedQuestion
from game.importer.parsing import content_hash
from game.models import (
    Argument, Article, Choice, Debate, Event, Misquote, Paragraph, Question, Quote, Sentence, Side, Speaker, Status,
)
from game.models.content import Origin

FORMAT = "hustings-debate"
VERSION = 2
MAX_PACK_BYTES = 20 * 1024 * 1024


class PackImportError(ValueError):
    """The file is not a debate Hustings can import; the message says what is wrong."""


def _evidence(paragraph: Paragraph, words: str = "") -> str:
    """Words copied exactly from the paragraph, as the pack format asks (its opening, to a word boundary)."""
    if words and words in paragraph.text:
        return words
    opening = paragraph.text[:100]
    return opening.rsplit(" ", 1)[0] if len(paragraph.text) > 100 and " " in opening else opening


def reason_of(item: dict) -> str:
    """An argument's kind of evidence from a pack: a known kind, else none (a teacher sets it)."""
    return item.get("reason", "") if item.get("reason", "") in REASON_SLUGS else ""


def pack_export(debate: Debate) -> dict:
    """The debate as one JSON-ready dict: what is published, and the articles it comes from."""
    sides = list(debate.sides.all())
    side_slug = {side.pk: side.slug for side in sides}
    speakers = list(debate.speakers.all())
    articles = list(debate.articles.prefetch_related("paragraphs"))
    files = {article.pk: article.source_file for article in articles}
    quotes = list(Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).select_related("paragraph", "speaker")
                  .prefetch_related("misquotes"))
    arguments = list(Argument.objects.filter(debate=debate, status=Status.PUBLISHED).select_related("paragraph", "speaker"))
    questions = list(Question.objects.filter(debate=debate, status=Status.PUBLISHED).select_related("paragraph")
                     .prefetch_related("choices"))
    sentences = list(Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(label="")
                     .select_related("paragraph"))
    events = list(Event.objects.filter(debate=debate, status=Status.PUBLISHED).select_related("paragraph"))
    return {
        "format": FORMAT, "version": VERSION,
        "debate": {"slug": debate.slug, "topic": debate.topic, "motion": debate.motion, "summary": debate.summary},
        "sides": [{"slug": s.slug, "name": s.name, "stance": s.stance, "icon": s.icon} for s in sides],
        "speakers": [{"name": s.full_name, "role": s.role, "organisation": s.organisation,
                      "side": side_slug.get(s.side_id), "neutral": s.neutral, "group": s.is_group,
                      "aliases": s.alias_list} for s in speakers],
        "articles": [{"file": a.source_file, "title": a.title, "author": a.author, "byline": a.byline,
                      "published": a.published.isoformat() if a.published else None, "format": a.source_format,
                      "url": a.source_url, "is_opinion": a.is_opinion, "body": a.body,
                      "paragraphs": [{"start": p.start, "text": p.text} for p in a.paragraphs.all()]}
                     for a in articles],
        "arguments": [{"key": f"a{a.pk}", "side": side_slug[a.side_id], "claim": a.claim, "article": files[a.article_id],
                       "paragraph": a.paragraph.index, "evidence": _evidence(a.paragraph),
                       "speaker": a.speaker.full_name if a.speaker_id else None, "reason": a.reason_type}
                      for a in arguments],
        "quotes": [{"article": files[q.article_id], "paragraph": q.paragraph.index, "text": q.text,
                    "speaker": q.speaker.full_name, "kind": q.kind, "reason": q.reason_type,
                    "misquotes": [{"text": m.text, "kind": m.kind, "keep": m.keep} for m in q.misquotes.all()]}
                   for q in quotes],
        "questions": [{"key": f"q{q.pk}", "prompt": q.prompt, "explanation": q.explanation,
                       "article": files.get(q.article_id), "paragraph": q.paragraph.index if q.paragraph_id else None,
                       "evidence": _evidence(q.paragraph) if q.paragraph_id else "",
                       "choices": [[c.text, c.is_correct] for c in q.choices.all()]} for q in questions],
        "sentences": [{"article": files[x.article_id], "paragraph": x.paragraph.index, "text": x.text, "label": x.label}
                      for x in sentences],
        "events": [{"article": files[e.article_id], "paragraph": e.paragraph.index if e.paragraph_id else None,
                    "happened_on": e.happened_on.isoformat(), "text": e.text, "dated_by": e.dated_by} for e in events],
    }


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PackImportError(message)


def _load(raw: bytes) -> dict:
    _require(len(raw) <= MAX_PACK_BYTES, f"the file is larger than {MAX_PACK_BYTES // 1024 // 1024} MB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PackImportError("not a debate file (it is not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise PackImportError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    _require(isinstance(data, dict) and data.get("format") == FORMAT,
             "not a Hustings debate file (export one from a debate's page)")
    _require(isinstance(data.get("version"), int) and data["version"] <= VERSION,
             "this debate file comes from a newer Hustings; update this server first")
    for key in ("debate", "sides", "speakers", "articles", "arguments", "quotes", "questions"):
        _require(key in data, f"the file has no {key!r}")
    _require(all(data["debate"].get(k) for k in ("slug", "topic", "motion")), "the debate needs a slug, topic and motion")
    _require(len(data["sides"]) >= 2, "a debate needs at least two sides")
    return data


@transaction.atomic
def pack_import(raw: bytes, *, owner, name: str = "") -> tuple[Debate, bool]:
    """Import a debate file; (debate, whether anything was added). Nothing is stored if it is refused."""
    data = _load(raw)
    try:
        return _apply(data, owner)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        if isinstance(error, PackImportError):
            raise
        raise PackImportError(f"the file is malformed ({error.__class__.__name__}: {error})") from None


def _apply(data: dict, owner) -> tuple[Debate, bool]:
    info = data["debate"]
    debate, added = Debate.objects.get_or_create(slug=info["slug"], defaults={
        "topic": info["topic"][:200], "motion": info["motion"][:300], "summary": info.get("summary", ""),
        "owner": owner, "status": Status.PUBLISHED})
    sides = {s.slug: s for s in debate.sides.all()}
    for order, side in enumerate(data["sides"]):
        if side["slug"] not in sides:
            _require(side.get("icon", "square") in ICONS, f"side {side['slug']}: unknown icon")
            sides[side["slug"]] = Side.objects.create(debate=debate, slug=side["slug"], name=side["name"][:100],
                                                      stance=side.get("stance", "")[:200],
                                                      icon=side.get("icon", "square"), order=order)
            added = True
    people = {s.full_name: s for s in debate.speakers.all()}
    for person in data["speakers"]:
        if person["name"] not in people:
            _require(not person.get("side") or person["side"] in sides, f"speaker {person['name']}: unknown side")
            people[person["name"]] = Speaker.objects.create(
                debate=debate, full_name=person["name"][:120], role=person.get("role", "")[:200],
                organisation=person.get("organisation", "")[:200], side=sides.get(person.get("side") or ""),
                neutral=bool(person.get("neutral")), is_group=bool(person.get("group")),
                aliases="\n".join(person.get("aliases", [])))
            added = True
    paragraphs: dict[tuple[str, int], Paragraph] = {
        (p.article.source_file, p.index): p for p in Paragraph.objects.filter(article__debate=debate).select_related("article")}
    stored_files = {file for file, _ in paragraphs}
    for item in data["articles"]:
        if item["file"] in stored_files:
            continue
        body = item["body"]
        article = Article.objects.create(
            debate=debate, source_file=item["file"][:255], title=item.get("title", "")[:300],
            author=item.get("author", "")[:120], byline=item.get("byline", "")[:400],
            published=date.fromisoformat(item["published"]) if item.get("published") else None,
            source_format=item.get("format", "")[:10], source_url=item.get("url", "")[:1000],
            is_opinion=bool(item.get("is_opinion")), body=body, content_hash=content_hash(body),
            author_speaker=people.get(item.get("author", "")))
        for index, paragraph in enumerate(item["paragraphs"]):
            _require(body[paragraph["start"] : paragraph["start"] + len(paragraph["text"])] == paragraph["text"],
                     f"article {item['file']}: paragraph {index} is not where the file says in its text")
            paragraphs[(article.source_file, index)] = Paragraph.objects.create(
                article=article, index=index, text=paragraph["text"], start=paragraph["start"])
        added = True

    def where(item, what: str) -> Paragraph:
        paragraph = paragraphs.get((item["article"], int(item["paragraph"])))
        _require(paragraph is not None, f"{what}: article {item['article']} has no paragraph {item['paragraph']}")
        return paragraph

    existing_quotes = {(q.paragraph_id, q.start, q.end): q for q in Quote.objects.filter(article__debate=debate)}
    misquoted = []
    for item in data["quotes"]:
        paragraph = where(item, f"quote “{item['text'][:30]}”")
        _require(item["text"] in paragraph.text, f"quote “{item['text'][:30]}”: the words are not in its paragraph")
        _require(item["speaker"] in people, f"quote “{item['text'][:30]}”: unknown speaker {item['speaker']!r}")
        start = paragraph.text.index(item["text"])
        quote = existing_quotes.get((paragraph.pk, start, start + len(item["text"])))
        if quote is not None:
            misquoted.append((quote, item.get("misquotes", [])))
            continue
        quote = Quote.objects.create(article=paragraph.article, paragraph=paragraph, start=start, end=start + len(item["text"]),
                             text=item["text"], speaker=people[item["speaker"]], status=Status.PUBLISHED,
                             origin=Origin.PACK, reviewed=True, card=False,
                             kind=Quote.Kind.WRITTEN if item.get("kind") == "written" else Quote.Kind.SPOKEN,
                             reason_type=reason_of(item), reason_suggested=rules.reason_suggest(item["text"]))
        misquoted.append((quote, item.get("misquotes", [])))  # files before misquotes have none
        added = True
    added = _misquotes_add(misquoted) or added
    keys = set(Argument.objects.filter(debate=debate).exclude(pack_key="").values_list("pack_key", flat=True))
    for item in data["arguments"]:
        if item["key"] in keys:
            continue
        paragraph = where(item, f"argument {item['key']}")
        _require(item["side"] in sides, f"argument {item['key']}: unknown side {item['side']!r}")
        _require(item.get("evidence", "") in paragraph.text, f"argument {item['key']}: the evidence is not in its paragraph")
        Argument.objects.create(debate=debate, claim=item["claim"], side=sides[item["side"]],
                                speaker=people.get(item.get("speaker") or ""), article=paragraph.article,
                                paragraph=paragraph, pack_key=item["key"][:80], status=Status.PUBLISHED,
                                origin=Origin.PACK, reviewed=True, reason_type=reason_of(item),
                                reason_suggested=rules.reason_suggest(item["claim"]))
        added = True
    prompts = set(Question.objects.filter(debate=debate).values_list("prompt", flat=True))
    for item in data["questions"]:
        if item["prompt"] in prompts:
            continue
        paragraph = where(item, f"question {item['key']}") if item.get("article") else None
        choices = [(str(text), bool(right)) for text, right in item["choices"]]
        _require(len(choices) >= 2 and sum(r for _, r in choices) == 1,
                 f"question {item['key']}: needs two or more choices with exactly one right")
        _question_create(debate, ParsedQuestion(0, item["prompt"], tuple(choices), item.get("explanation", "")),
                         paragraph=paragraph, status=Status.PUBLISHED, origin=Origin.PACK)
        prompts.add(item["prompt"])
        added = True
    placed = {(x.paragraph_id, x.start) for x in Sentence.objects.filter(debate=debate)}
    for item in data.get("sentences", []):  # version 2 files have none: nothing to add
        where_text = f"sentence “{str(item.get('text', ''))[:30]}”"
        paragraph = where(item, where_text)
        _require(item["text"] in paragraph.text, f"{where_text}: the words are not in its paragraph")
        _require(item.get("label") in Sentence.Label.values, f"{where_text}: unknown label {item.get('label')!r}")
        start = paragraph.text.index(item["text"])
        if (paragraph.pk, start) in placed:
            continue
        Sentence.objects.create(debate=debate, article=paragraph.article, paragraph=paragraph, start=start,
                                end=start + len(item["text"]), text=item["text"], label=item["label"],
                                label_suggested=item["label"], status=Status.PUBLISHED, origin=Origin.PACK,
                                reviewed=True)
        placed.add((paragraph.pk, start))
        added = True
    articles = {a.source_file: a for a in debate.articles.defer("body")}
    dated = {(e.article_id, e.paragraph_id, e.happened_on) for e in Event.objects.filter(debate=debate)}
    for item in data.get("events", []):  # files before events have none: nothing to add
        where_text = f"event “{str(item.get('text', ''))[:30]}”"
        _require(item["article"] in articles, f"{where_text}: the file has no article {item['article']}")
        paragraph = where(item, where_text) if item.get("paragraph") is not None else None
        happened_on = date.fromisoformat(item["happened_on"])
        _require(0 < len(str(item["text"]).strip()) <= 300, f"{where_text}: say what happened in 1 to 300 characters")
        article = articles[item["article"]]
        if (article.pk, paragraph.pk if paragraph else None, happened_on) in dated:
            continue
        Event.objects.create(debate=debate, article=article, paragraph=paragraph, happened_on=happened_on,
                             text=str(item["text"]).strip(), dated_by=str(item.get("dated_by", ""))[:300],
                             status=Status.PUBLISHED, origin=Origin.PACK, reviewed=True)
        dated.add((article.pk, paragraph.pk if paragraph else None, happened_on))
        added = True
    return debate, added


def _misquotes_add(misquoted: list[tuple[Quote, list[dict]]]) -> bool:
    """Each quotation's misquotes from the file, in one query and one insert: those whose words it
    has not got already. One the rules here would not play (the file came from another server) comes
    as a draft for a teacher to fix, never lost and never played."""
    have = set(Misquote.objects.filter(quote__in=[quote for quote, _ in misquoted]).values_list("quote_id", "text"))
    created = []
    for quote, items in misquoted:
        for item in items:
            text = " ".join(str(item["text"]).split())
            _require(item.get("kind") in misquote_rules.KINDS,
                     f"quote “{quote.text[:30]}”: unknown kind of misquote {item.get('kind')!r}")
            if (quote.pk, text) in have:
                continue
            have.add((quote.pk, text))
            playable = misquote_rules.problem(quote.text, text) is None
            created.append(Misquote(quote=quote, text=text, kind=item["kind"], origin=Origin.PACK,
                                    keep=bool(item.get("keep", True)) and playable))
    Misquote.objects.bulk_create(created)
    return bool(created)


def _question_create(debate: Debate, parsed: ParsedQuestion, *, paragraph=None, status=Status.DRAFT,
                     origin=Origin.TEACHER) -> Question:
    question = Question.objects.create(debate=debate, prompt=parsed.prompt, explanation=parsed.explanation,
                                       article=paragraph.article if paragraph else None, paragraph=paragraph,
                                       status=status, origin=origin, reviewed=True)
    Choice.objects.bulk_create(Choice(question=question, text=text[:300], is_correct=right, order=order)
                               for order, (text, right) in enumerate(parsed.choices))
    return question


@transaction.atomic
def questions_add(*, debate: Debate, questions: list[ParsedQuestion]) -> int:
    """Add parsed questions to a debate: published at once if the debate is, else with its next Publish."""
    status = Status.PUBLISHED if debate.status == Status.PUBLISHED else Status.DRAFT
    existing = set(Question.objects.filter(debate=debate).values_list("prompt", flat=True))
    added = 0
    for parsed in questions:
        if parsed.prompt in existing:
            continue  # the same list sent twice adds nothing the second time
        _question_create(debate, parsed, status=status)
        existing.add(parsed.prompt)
        added += 1
    return added
