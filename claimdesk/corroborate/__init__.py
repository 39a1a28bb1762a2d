"""Corroboration: near-duplicate copies, claims grouped into stories, contradictions and status."""
