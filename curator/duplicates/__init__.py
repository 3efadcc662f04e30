"""Duplicates: finding records that repeat one another (matching) and the links a reviewer keeps or undoes."""
