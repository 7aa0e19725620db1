"""The Standard Safeguarding Dataset (SSD) as a layout of the case system's extract.

An authority whose case system builds the SSD drops one CSV per `ssd_*` table in `landing/ssd/` (or points
`CLA_SSD_URL` at the database that holds them). The adapter here maps SSD rows into our own case-system
entities (`schemas/extracts/case_system.yaml`) *before* the contract check, so the same contract, quarantine,
staging and everything downstream apply; one module per idea (people, periods of care, legal statuses, ...).
"""
