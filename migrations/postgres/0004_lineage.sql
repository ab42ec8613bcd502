-- The studio (issue 30): the job a result came from (a button under its parent's result), so
-- /moderation history can walk a chain after the log channel's messages are gone.
ALTER TABLE audit ADD COLUMN parent_job_id TEXT;
