-- Community requests: a member asks, moderators decide, the server's budget pays for what is approved.
CREATE TABLE community_requests (
    request_id   TEXT PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    request      TEXT NOT NULL,
    note         TEXT,
    estimate_usd REAL NOT NULL,
    state        TEXT NOT NULL,
    card_channel INTEGER,
    card_message INTEGER,
    decided_by   INTEGER,
    reason       TEXT,
    job_id       TEXT,
    created_at   INTEGER NOT NULL,
    decided_at   INTEGER
);
CREATE INDEX community_requests_open ON community_requests (guild_id, state, created_at);
CREATE TABLE request_votes (
    request_id TEXT NOT NULL,
    user_id    INTEGER NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
-- Each server's request board: where cards and approved results go, who decides, and which requests
-- need approval.
CREATE TABLE request_boards (
    guild_id         INTEGER PRIMARY KEY,
    settings         TEXT NOT NULL
);
-- Spend alerts already posted: one per scope (a server, or the bot), period and threshold.
CREATE TABLE spend_alerts (
    scope     TEXT NOT NULL,
    period    TEXT NOT NULL,
    threshold INTEGER NOT NULL,
    posted_at INTEGER NOT NULL,
    PRIMARY KEY (scope, period, threshold)
);
