"""What a round item remembers of its content when it is dealt, so that play and history show it
as it was asked, whatever teachers change later, and pages need no joins to show it."""

from __future__ import annotations


def _article(article, paragraph) -> dict:
    return {
        "paragraph": paragraph.text, "paragraph_index": paragraph.index, "article_id": article.pk,
        "title": article.title, "author": article.author,
        "published": article.published.isoformat() if article.published else None,
    }


def quote_source(quote) -> dict:
    """The quote's paragraph (with where its words are), its article and its speaker's side."""
    side = quote.speaker.side if quote.speaker_id and quote.speaker.side_id else None
    return {
        **_article(quote.article, quote.paragraph), "start": quote.start, "end": quote.end,
        "side": [side.name, side.icon] if side else None,
    }


def argument_source(argument) -> dict:
    return _article(argument.article, argument.paragraph)


def question_source(question) -> dict:
    return {"explanation": question.explanation}


def sentence_source(sentence) -> dict:
    """The sentence's paragraph, with where its words are (the feedback highlights them)."""
    return {**_article(sentence.article, sentence.paragraph), "start": sentence.start, "end": sentence.end}


def event_source(event) -> dict:
    """The article (and paragraph, when one says so) that dates the event, and the date."""
    found = {"title": event.article.title, "article_id": event.article_id, "author": event.article.author,
             "published": event.article.published.isoformat() if event.article.published else None,
             "paragraph": event.paragraph.text if event.paragraph_id else "",
             "paragraph_index": event.paragraph.index if event.paragraph_id else None}
    return {**found, "date": event.happened_on.isoformat(), "dated_by": event.dated_by}
