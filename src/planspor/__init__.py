"""Planspor: a Danish municipality's implementation plan as a public website.

The package is the pure core (load, validate, model, page sources). It imports
nothing from MkDocs; the MkDocs adapter lives in ``hooks/``.
"""
