"""Gebieden: the shared domain: focus areas, alliances, meetings, themes, kernindicatoren."""
