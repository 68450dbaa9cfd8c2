"""What the tests of the server's SVG pictures share: a dataset with one more story, made
for them, and a page's pictures as XML elements to measure."""

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask

from aseankg.sources import bundle
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of

#: Story 11: an event with several figures in one unit, a month-long event with a
#: sub-event of three days, a neighbour that is not a web link, a name to escape.
PICTURES_STORY = Path(__file__).resolve().parents[1] / "fixtures" / "pictures" / "11-trade-fair.ttl"


def data_with_pictures_story(folder: Path) -> Path:
    """A copy of the bundled data folder in ``folder``, with story 11 added."""
    data = folder / "data"
    shutil.copytree(bundle.data_dir(), data)
    shutil.copy(PICTURES_STORY, data / "stories")
    return data


@contextmanager
def app_with_pictures_story(folder: Path) -> Iterator[Flask]:
    """The web app over the bundled data and story 11, in this process."""
    app = create_app(Settings(data_dir=str(data_with_pictures_story(folder))), testing=True)
    try:
        yield app
    finally:
        site_of(app).engine.close()


def pictures(html: str, css_class: str) -> list[ET.Element]:
    """Every ``<svg class="CSS_CLASS">`` of a page, parsed as XML (inline SVG is well formed)."""
    found = re.findall(rf'<svg class="{css_class}".*?</svg>', html, flags=re.DOTALL)
    return [ET.fromstring(svg) for svg in found]
