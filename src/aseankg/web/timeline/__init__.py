"""The events timeline: the canned query ``events-timeline`` drawn as SVG at ``/timeline``."""

from aseankg.web.timeline.views import blueprint

__all__ = ["blueprint"]
