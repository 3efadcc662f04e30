"""The store: tables, the database a review lives in, its migrations, the audit log, packed fields.

Everything that knows SQL or the ORM lives here (and in the services that use it through a
:class:`~curator.store.database.Review`); nothing here knows about screening or PRISMA.
"""
