"""The reviewer's work on records: fields and notes, decisions, eligibility, listing, the desk, undo."""
