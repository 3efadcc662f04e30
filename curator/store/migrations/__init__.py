"""Named, transactional schema migrations (Alembic), run when a review is opened."""
