"""Readers: one per fiche format, all producing `Certification`."""
