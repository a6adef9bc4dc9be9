"""Turning article files into quiz material: pure functions over text, no database.

- `parsing`: a file's text -> `ParsedArticle` (title, byline, date, body paragraphs with offsets)
- `quotes`: parsed articles -> direct quotations with their speakers (`FoundQuote`)
- `arguments`: parsed articles -> candidate argument sentences for teachers to review

The database side (storing, idempotent re-imports) is `game.services.importing`.
"""
