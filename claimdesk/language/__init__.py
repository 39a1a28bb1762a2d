"""English news wording that several stages read: calendar words, number words and the date
grammar. Below ingest, audit and extract, it imports nothing of claimdesk but `models`."""
