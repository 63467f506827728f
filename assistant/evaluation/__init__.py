"""Evaluation: question sets, how answers are compared, and the metrics advisers and maintainers read."""
