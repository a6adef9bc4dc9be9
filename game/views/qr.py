"""QR codes for joining, drawn on the server (no CDN, no script)."""

import io

import segno
from django.http import HttpResponse


def qr_response(url: str) -> HttpResponse:
    """A standalone SVG (with its namespace), so an <img> can show it."""
    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", scale=8, border=2, dark="#14213d", xmldecl=False)
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")
