"""Writes of the kennisbank that are more than a form save, one module per part (as
`kennisbank.models`). Import from the module: `from kennisbank.services.agenda import aanmelden`."""
