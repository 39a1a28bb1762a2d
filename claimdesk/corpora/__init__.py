"""Readers for the annotated development corpora (ECB+, PAC) used by evaluations and tests.

They turn a corpus' own format into claimdesk `Document` records plus the gold labels that go with
them; they never copy the texts anywhere.
"""
