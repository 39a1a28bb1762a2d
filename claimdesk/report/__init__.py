"""Everything claimdesk hands to readers: ledger exports (JSON, CSV, ClaimReview, GeoJSON) and the
static HTML report. Stories are read from the store in pages, so exports of any size stream."""
