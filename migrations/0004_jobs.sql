-- Jobs as data: one row per admitted request, so a job outlives the process that took it. Its cost is
-- in the ledger (same job_id); `request` is what the member asked, as JSON; `token` is the interaction
-- token (a secret, blanked once the job ends); `result` what a generated job produced (files in the
-- spool). Times are Unix ms (UTC).
CREATE TABLE jobs (
    job_id           TEXT PRIMARY KEY,
    guild_id         INTEGER,
    channel_id       INTEGER NOT NULL,
    user_id          INTEGER NOT NULL,
    backend          TEXT NOT NULL,
    request          TEXT NOT NULL,
    state            TEXT NOT NULL
                     CHECK (state IN ('queued', 'running', 'generated', 'delivered', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    owner            TEXT,
    token            TEXT NOT NULL,
    token_expires_at INTEGER NOT NULL,
    result           TEXT,
    message_id       INTEGER,
    reason           TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX jobs_state ON jobs (state, guild_id);
CREATE INDEX jobs_member ON jobs (guild_id, user_id, created_at);
