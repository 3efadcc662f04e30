"""Exports of a review: the Excel workbook, records as CSV, the included set as RIS, the PRISMA2020 CSV.

Every export is written to a temporary file beside the target and renamed into place,
so a failure or a cancel leaves no half file; errors are :class:`ExportError` with a
message for the reviewer.
"""

from curator.export.output import ExportCancelled, ExportError
from curator.export.prisma_csv import export_prisma_csv
from curator.export.records_csv import export_csv
from curator.export.ris import export_ris
from curator.export.workbook import export_workbook

__all__ = ["ExportCancelled", "ExportError", "export_csv", "export_prisma_csv", "export_ris", "export_workbook"]
