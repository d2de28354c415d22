"""factcheck: extract numeric claims from news articles and flag conflicting figures."""

__version__ = "0.1.0"
