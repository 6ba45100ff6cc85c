"""Date rules the forms set, written once: an assessment is re-assessed within five years of its 公表日."""

from __future__ import annotations

from datetime import date

REASSESS_YEARS = 5


def add_years(d: date, years: int) -> date:
    """Same day `years` later; 29 February becomes 28 February."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def reassessment_due(published: date) -> date:
    """公表日 + REASSESS_YEARS (a month-precision 公表日 is passed as the 1st of its month)."""
    return add_years(published, REASSESS_YEARS)
