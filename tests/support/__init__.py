"""Helpers shared by the tests: a fast embedder double and indexes built with it."""
