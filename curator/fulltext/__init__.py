"""Full texts: the reports (PDFs) of a review's records, stored in the review, matched, read and extracted.

- :mod:`curator.fulltext.reading` — a PDF's text page by page, chrome dropped, paragraphs joined;
  evidence of the joined text mapped back to pages;
- :mod:`curator.fulltext.storage` — attaching, detaching and finding the stored file of a record;
- :mod:`curator.fulltext.matching` — which record a PDF reports (identifiers, else its title);
- :mod:`curator.fulltext.filling` — extraction from an attached full text into the record's form.

The package never imports Qt; this ``__init__`` imports nothing, so the importers may read PDFs
through :mod:`curator.fulltext.reading` without loading the review's modules.
"""
