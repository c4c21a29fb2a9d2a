"""Participatie: processen, inbreng, reacties, steun, vragenlijsten, moderatie, antwoorden."""
