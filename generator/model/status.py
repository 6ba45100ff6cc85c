"""Status of an assessment: ended (【終了】) or published, and when it is due for re-assessment.

The re-assessment date is 公表日 + 5 years (content.REASSESS_YEARS, the rule `check` warns about).
"Due soon" depends on the build date (the BuildContext's, never the wall clock), so the home page
changes only when the content (or SOURCE_DATE_EPOCH) does.
"""

from __future__ import annotations

from datetime import date

from generator.load.content import REASSESS_YEARS, Assessment
from generator.load.wareki import WDate
from generator.model.graph import Graph

SOON_YEARS = 1


def add_years(d: date, years: int) -> date:
    """Same day `years` later; 29 February becomes 28 February."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def reassessment_due(a: Assessment) -> date | None:
    """公表日 + 5 years (a month-precision 公表日 counts from the 1st), or None without a date."""
    published = a.record["cover"].get("published")
    if not isinstance(published, WDate):
        return None
    return add_years(date(published.year, published.month, published.day or 1), REASSESS_YEARS)


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
