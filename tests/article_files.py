"""Articles in every format a teacher has, made inside the tests on an invented topic.

The topic (a four-day week for Northfield's secondary schools) and its people are test fixtures
written for these tests, not quiz content. `html_page` wraps its article in the furniture of a
real news site; `pdf_file` prints one as a browser does (a print date and title at the top of each
page, the address and page number at the bottom); `docx_file` is a Word file whose own "author"
property is the teacher who saved it.
"""

from __future__ import annotations

import io

HTML_ARTICLE = {
    "title": "Council backs four-day week for Northfield schools",
    "author": "Priya Castellano",
    "date": "2026-10-05",
    "paragraphs": [
        "Northfield's secondary schools could move to a four-day week from next September after the county "
        "council voted in favour of a trial on Monday evening.",
        "\u201cA four-day week gives teachers time to plan and gives families a day that is their own,\u201d said "
        "Councillor Dana Whitlock, who chairs the council's education committee.",
        "\u201cWe have looked at the schools that tried it abroad, and attendance went up, not down,\u201d she added.",
        "Parents' groups were divided. Omar Feldman, who chairs the Northfield Parents' Forum, said: \u201cWorking "
        "parents cannot take every Friday off, and the poorest families will pay for the childcare.\u201d",
        "The trial would run for two years in six schools before any decision on the rest of the county.",
    ],
}

PDF_ARTICLE = {
    "title": "Heads warn four-day week would cut learning time",
    "date_line": "Published 7 October 2026",
    "paragraphs": [
        "Head teachers in Northfield have written to the county council to warn that a four-day week would "
        "cut the time pupils spend learning by a fifth, and that the hardest-hit would be those already behind.",
        "\"You cannot take a day out of the week and expect the same results, however long the other days "
        "are made,\" said Grace Okonjo, head of Riverside Academy, in an interview.",
        "Mrs Okonjo said longer days would exhaust younger pupils. \"By the last lesson of a long day, "
        "eleven-year-olds are not learning anything at all,\" she said.",
        "Councillor Dana Whitlock said the trial would be measured independently. \"If the results are "
        "worse, we will stop it, and we will publish every figure,\" she said.",
    ],
}

DOCX_ARTICLE = {
    "paragraphs": [
        "Pupils give their verdict on the four-day week",
        "By Sam Adeyemi",
        "Pupils at two Northfield schools have spent a week trying out a timetable without Fridays, and their "
        "views are as divided as their parents'.",
        "\u201cI finally had time to finish my coursework properly instead of rushing it on Sunday night,\u201d "
        "said Lena Marsh, who is in Year 11 at Hillcrest School.",
        "Her classmate Tobias Reyes disagreed. \u201cThe days were so long that I stopped listening after lunch, "
        "and I fell behind in maths,\u201d he said.",
    ],
}

FURNITURE_WORDS = ["Accept all cookies", "Most read", "Share on Facebook", "Subscribe for", "Related stories",
                   "Doctors on strike", "Picture: Council chamber", "All rights reserved"]


def html_page(article: dict = HTML_ARTICLE) -> bytes:
    """A news page as "Save page as" keeps it: menus, cookie banner, caption, share buttons, lists."""
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in article["paragraphs"][:2])
    body += "<div class='share'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a> <a href='#'>Email</a></div>\n"
    body += "".join(f"<p>{paragraph}</p>\n" for paragraph in article["paragraphs"][2:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{article["title"]} | Northfield Courier</title>
<meta property="og:title" content="{article["title"]}">
<meta property="og:site_name" content="Northfield Courier">
<meta name="author" content="{article["author"]}">
<meta property="article:published_time" content="{article["date"]}T08:30:00+01:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{article["title"]}", "datePublished": "{article["date"]}T08:30:00+01:00",
 "author": {{"@type": "Person", "name": "{article["author"]}"}}}}</script>
<script>window.dataLayer = []; function track() {{ return "Accept all cookies"; }}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you the best experience.</p>
<button>Accept all cookies</button><button>Manage preferences</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe for &pound;1 a week</a></li></ul></nav></header>
<main><article>
<h1>{article["title"]}</h1>
<p class="byline">By <a href="/authors/pc">{article["author"]}</a> &middot; 5 October 2026</p>
<figure><img src="chamber.jpg" alt=""><figcaption>Picture: Council chamber in Northfield on Monday night</figcaption></figure>
{body}
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Doctors on strike again as pay talks collapse in the city</a></li>
<li><a href="/b">Weather warning for the whole county this weekend ahead of storm</a></li></ol></aside>
<section class="related"><h2>Related stories</h2><ul><li><a href="/c">Bus fares to rise across Northfield from January next year</a></li></ul></section>
<footer><p>&copy; 2026 Northfield Courier. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body></html>""".encode("utf-8")


def pdf_file(article: dict = PDF_ARTICLE, *, print_date: str = "06/11/2026, 09:41", password: str | None = None,
             scanned: bool = False) -> bytes:
    """The article printed to PDF by a browser: a header and a footer on every page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(22, 22)
    pdf.set_auto_page_break(True, margin=22)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    if scanned:
        from PIL import Image

        pdf.add_page()
        picture = io.BytesIO()
        Image.new("L", (300, 400), 230).save(picture, format="PNG")
        pdf.image(picture, x=20, y=20, w=170)
        return bytes(pdf.output())

    def header():
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, 7)
        pdf.cell(0, 5, f"{print_date}        {article['title']} | Northfield Courier")
        pdf.set_xy(22, 22)

    def footer():
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, -13)
        pdf.cell(0, 5, f"https://courier.example/news/four-day-week        {pdf.page_no()}/{{nb}}")

    pdf.header, pdf.footer = header, footer
    pdf.add_page()
    pdf.set_font("Helvetica", size=18)  # the core fonts: straight quotation marks, as many PDFs have
    pdf.multi_cell(0, 9, article["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, article["date_line"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for number, paragraph in enumerate(article["paragraphs"]):
        if number == len(article["paragraphs"]) - 1:
            pdf.set_y(262)  # the last paragraph runs over the page break
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def docx_file(article: dict = DOCX_ARTICLE, *, file_author: str = "Ms Okafor (Teacher)") -> bytes:
    """A Word document whose own author property is not the article's author; the paragraphs whose
    indexes are in `article["bold"]` are set in bold."""
    import docx

    document = docx.Document()
    document.core_properties.author = file_author
    for number, paragraph in enumerate(article["paragraphs"]):
        if number in article.get("bold", ()):
            document.add_paragraph().add_run(paragraph).bold = True
        else:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx-named zip whose document unpacks to 200 MB of one letter."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"a" * (1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    return out.getvalue()


def mixed_upload() -> list[tuple[str, bytes]]:
    """Ten articles as a teacher uploads them, about 1 MB in all: saved pages carry their scripts and
    styles (most of their bytes), PDFs and Word files their layout, and two plain-text files."""
    from pathlib import Path

    files = []
    padding = "<script>/* a news site's bundled script */ var x = '" + "a" * 320_000 + "';</script>"
    for number in range(3):
        page = html_page({**HTML_ARTICLE, "title": f"{HTML_ARTICLE['title']} ({number + 1})"})
        files.append((f"page-{number + 1}.html", page.replace(b"</head>", padding.encode() + b"</head>")))
    long_pdf = {**PDF_ARTICLE, "paragraphs": PDF_ARTICLE["paragraphs"] * 6}
    files += [(f"print-{n + 1}.pdf", pdf_file(long_pdf)) for n in range(3)]
    files += [(f"word-{n + 1}.docx", docx_file({"paragraphs": DOCX_ARTICLE["paragraphs"] * 8})) for n in range(2)]
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:2]
    files += [(path.name, path.read_bytes()) for path in seeds]
    return files


INTERVIEW = {
    "title": "Grace Okonjo: \u201cA longer day is not a better day\u201d",
    "byline": "Interview by Sam Adeyemi",
    "intro": "Grace Okonjo has been head of Riverside Academy in Northfield for nine years. She talked to us about "
             "the county's plan for a four-day week.",
    "questions": ["Why are you against the four-day week?", "What would you do instead?"],
    "answers": [
        ["Because the children who need school most would lose a fifth of it, and no longer day can give that "
         "back to them.",
         "We tried longer afternoons two years ago, and the youngest pupils were asleep on their desks by three."],
        ["I would spend the money on smaller classes and on tutors for the pupils who are behind."],
    ],
}


def interview_paragraphs(question: str = "{}", answer: str = "{}") -> list[str]:
    """The interview's paragraphs, each question and each answer's first paragraph written as given."""
    paragraphs = [INTERVIEW["intro"]]
    for asked, answers in zip(INTERVIEW["questions"], INTERVIEW["answers"]):
        paragraphs += [question.format(asked), answer.format(answers[0]), *answers[1:]]
    return paragraphs


COLUMNS_ARTICLE = {
    "title": "Four-day week trial splits Northfield staff rooms",
    "byline": "By Helen Marsh, Education Correspondent",
    "date_line": "Published 14 October 2026",
    "paragraphs": [
        "Teachers in Northfield are divided over the county's plan to close secondary schools on Fridays, "
        "a survey of more than four hundred staff published this week has found.",
        "\"Every teacher I know is exhausted by Thursday, and a long weekend to plan and mark would keep good "
        "people in the profession who would otherwise leave it for good,\" said Councillor Dana Whitlock, who "
        "chairs the council's education committee.",
        "The union's local secretary, Marcus Fenn, said members were not opposed in principle but wanted "
        "guarantees about pay and about the length of the remaining four days before any school signed up.",
        "\"Nobody has shown us a timetable that works for a child with special needs who already struggles "
        "to get through an ordinary afternoon, let alone a day that ends at half past four,\" said Grace "
        "Okonjo, head of Riverside Academy.",
        "Parents have raised the cost of childcare on Fridays, which the council says it will study during "
        "the first year of the trial with the help of the university's education department.",
        "\"If working parents have to pay for an extra day of childcare every single week, the families who "
        "can least afford it will be the ones who pay for this experiment,\" said Omar Feldman, who chairs "
        "the Northfield Parents' Forum.",
        "Pupils who took part in a week-long pilot in the spring were more positive than their teachers, "
        "with two thirds saying they would like the trial to go ahead in their own school next September.",
        "\"We have promised to publish every figure from the trial, good or bad, and to stop it at once if "
        "attendance or results fall in any of the schools taking part,\" Councillor Whitlock said.",
    ],
}
COLUMNS_HEADER = "NORTHFIELD COURIER \u00b7 EDUCATION"


def columns_pdf_file(article: dict = COLUMNS_ARTICLE, *, columns: int = 2, drawn: str = "across") -> bytes:
    """A newspaper page: the headline, byline and date line across the page, then the story in
    `columns` columns running over two pages, a running header on every page and its number below.

    Typesetting programs write a page's lines in whatever order suits them; `drawn="across"` writes
    them row by row across the columns (so the file's own order of the text is not the reading
    order), `drawn="down"` column by column.
    """
    from fpdf import FPDF

    width, height, line, gutter, top, bottom = 24 + 62 * columns, 300 / columns, 5, 7, 18, 16
    pdf = FPDF(format=(width, height))  # small pages, so the story runs over two of them
    pdf.set_margins(12, top)
    pdf.set_auto_page_break(False)
    column_width = (width - 24 - gutter * (columns - 1)) / columns

    def header():
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(12, 7)
        pdf.cell(0, 5, COLUMNS_HEADER)
        pdf.set_xy(12, top)

    def footer():
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(12, -11)
        pdf.cell(0, 5, str(pdf.page_no()), align="C")

    pdf.header, pdf.footer = header, footer
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.multi_cell(0, 8, article["title"], align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=10)
    for header_line in (article["byline"], article["date_line"]):
        pdf.multi_cell(0, 5, header_line, new_x="LMARGIN", new_y="NEXT")
    story_top = pdf.get_y() + 4
    lines: list[str] = []
    for paragraph in article["paragraphs"]:
        lines += pdf.multi_cell(column_width, line, paragraph, dry_run=True, output="LINES") + [""]
    placed: list[list[tuple[int, int, str]]] = [[]]  # per page: (row, column, text)
    page, column, row, y = 0, 0, 0, story_top
    for text in lines:
        if y + line > height - bottom:
            column, row, y = column + 1, 0, story_top if page == 0 else top
            if column == columns:
                page, column, y = page + 1, 0, top
                placed.append([])
        if text or row:  # a column never starts with the gap between two paragraphs
            placed[page].append((row, column, text))
            row, y = row + 1, y + line
    for number, page_lines in enumerate(placed):
        if number:
            pdf.add_page()
        first_y = story_top if number == 0 else top
        order = (lambda item: (item[0], item[1])) if drawn == "across" else (lambda item: (item[1], item[0]))
        for row, column, text in sorted(page_lines, key=order):
            if text:
                pdf.text(12 + column * (column_width + gutter), first_y + row * line + 3.5, text)
    return bytes(pdf.output())
