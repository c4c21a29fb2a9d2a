"""Kennisbank: praktijkvoorbeelden, publicaties, leerkringen, expertpool, vraagbaak, agenda."""
