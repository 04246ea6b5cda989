"""In the built book, each chart's stored image is a file of its own, loaded lazily, not base64 in the page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from coursekit.book import CHART_IMAGES
from coursekit.charts.core import IMAGE_CLASS
from helpers import built_pages

IMAGE = re.compile(r'<img class="' + IMAGE_CLASS + r'"([^>]*)>')


def test_every_chart_image_is_a_lazy_file_beside_the_book_with_its_description(built_book: Path):
    seen = 0
    for name in built_pages():
        page = built_book / name
        html = page.read_text(encoding="utf-8")
        assert "data:image/svg+xml;base64" not in html, f"{name}: a chart image left inline"
        charts = html.count('<div id="altair-viz-')
        images = IMAGE.findall(html)
        assert len(images) == charts, f"{name}: {len(images)} images for {charts} charts"
        for attributes in images:
            assert 'loading="lazy"' in attributes and re.search(r' alt="[^"]{40,}"', attributes), f"{name}: {attributes[:120]}"
            src = re.search(r' src="([^"]+)"', attributes).group(1)
            assert f"{CHART_IMAGES}/chart-" in src
            svg = (page.parent / src).resolve()
            assert svg.is_file() and ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg", f"{name}: {src}"
            seen += 1
    assert seen >= 40, "the English and French charts"
