"""Zoeken: one search service (Elasticsearch and embedded backends), views, API, indexing."""
