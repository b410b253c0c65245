"""Hardening tests: hostile input, network faults, crashes and interrupted writes (issue 7)."""
