"""Team mode: a multi-user askwell server on PostgreSQL (accounts, teams, asks across people)."""
