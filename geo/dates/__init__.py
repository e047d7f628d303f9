"""Dates: publication dates, date expressions anchored to them, and dates in words for readers."""
