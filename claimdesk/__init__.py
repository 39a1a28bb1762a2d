"""claimdesk: sift reported facts from rumour, copies and contradictions.

The pipeline: ingest -> Document; audit -> Finding*; extract -> Claim*; corroborate -> Story*.
"""

__version__ = "0.1.0"
