-- When each member last had a job start on each backend: with several processes on one database, the
-- next job to start is the member's whose turn is longest past, across all of them.
CREATE TABLE lane_turns (
    backend   TEXT NOT NULL,
    guild_id  INTEGER,
    user_id   INTEGER NOT NULL,
    served_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX lane_turns_member ON lane_turns (backend, COALESCE(guild_id, 0), user_id);
CREATE INDEX jobs_backend_state ON jobs (backend, state);
