"""The read-only web UI and JSON API over a claimdesk store (FastAPI, served by uvicorn)."""
