"""WijkWijzer base: settings, URLs, accounts, home page, roles and shared helpers."""
