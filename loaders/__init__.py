"""Loaders: turn environmental-policy documents into raw Parquet tables.

Stages, one module each: reading (bytes -> clean text), metadata, items
(hierarchy and sentences), measures (quantified targets and outcomes),
domains, writing (atomic Parquet), pipeline (a folder -> tables), cli.
"""
