"""The editor's Photos tab and the news item editor."""
