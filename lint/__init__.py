"""seedlint: a data-quality linter for scraped articles."""

__version__ = "0.1.0"
