"""Status of an assessment: ended (【終了】) or published, and when it is due for re-assessment.

The re-assessment rule is forms/dates.py (the same rule `check` warns about).
"Due soon" depends on the build date (the BuildContext's, never the wall clock), so the home page
changes only when the content (or SOURCE_DATE_EPOCH) does.
"""

from __future__ import annotations

from datetime import date

from generator.forms import dates
from generator.forms.dates import add_years
from generator.load.content import Assessment
from generator.load.wareki import WDate
from generator.model.graph import Graph

SOON_YEARS = 1


def reassessment_due(a: Assessment) -> date | None:
    """公表日 + 5 years (a month-precision 公表日 counts from the 1st), or None without a date."""
    published = a.record["cover"].get("published")
    if not isinstance(published, WDate):
        return None
    return dates.reassessment_due(published.first_day())


def is_ended(a: Assessment) -> bool:
    return bool(a.record.get("ended"))


def due_soon(graph: Graph, today: date) -> list[tuple[Assessment, date]]:
    """Assessments still published whose re-assessment date is past or within a year, earliest first."""
    limit = add_years(today, SOON_YEARS)
    found = [(a, due) for a in graph.assessments if not is_ended(a) and (due := reassessment_due(a)) and due <= limit]
    return sorted(found, key=lambda p: (p[1], p[0].id))


def wareki_of(d: date) -> str:
    """和暦 text of a calendar date (令和10年4月3日)."""
    return WDate(d.year, d.month, d.day).wareki
