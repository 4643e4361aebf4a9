-- A discussion closed to new posts after its event: a read-only archive until a moderator reopens it. Runs unchanged
-- on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE discussions ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;
