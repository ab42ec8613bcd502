-- The whole schema of the SQLite migrations 0001 to 0007, for Postgres. The same tables, columns (in
-- the same order), meanings and keys, so rows copy 1:1 between the two stores: ids and times are
-- BIGINT (Discord's ids as signed 64-bit, times as Unix milliseconds, UTC), USD amounts DOUBLE
-- PRECISION, JSON documents TEXT. Counts are BIGINT too, as SQLite's INTEGER is.

-- The ledger: one row per admitted job. A job's cost is reserved when it is admitted, committed at its
-- real cost when its images are delivered, and released when it fails, so nobody pays for an image
-- they did not get. `owner` is the process holding the reservation.
CREATE TABLE ledger (
    job_id       TEXT PRIMARY KEY,
    guild_id     BIGINT,
    channel_id   BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    command      TEXT NOT NULL,
    model        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('reserved', 'committed', 'released')),
    images       BIGINT NOT NULL,
    reserved_usd DOUBLE PRECISION NOT NULL,
    cost_usd     DOUBLE PRECISION,
    created_at   BIGINT NOT NULL,
    settled_at   BIGINT,
    owner        TEXT
);
CREATE INDEX ledger_user ON ledger (guild_id, user_id, created_at);
CREATE INDEX ledger_guild ON ledger (guild_id, created_at);
CREATE INDEX ledger_time ON ledger (created_at);
CREATE INDEX ledger_reserved ON ledger (state, owner);

-- Limits set at run time by a guild's admins. No row: inherit. `value` NULL: no limit.
-- scope is 'guild' (target_id 0), 'role' or 'user'.
CREATE TABLE limit_overrides (
    guild_id  BIGINT NOT NULL,
    scope     TEXT NOT NULL CHECK (scope IN ('guild', 'role', 'user')),
    target_id BIGINT NOT NULL,
    name      TEXT NOT NULL,
    value     DOUBLE PRECISION,
    PRIMARY KEY (guild_id, scope, target_id, name)
);

-- Members blocked from Easel in a guild. `until` NULL: until unblocked.
CREATE TABLE blocks (
    guild_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    until      BIGINT,
    reason     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

-- The audit log moderators read with /moderation history: one row per job that reached a decision.
CREATE TABLE audit (
    job_id         TEXT PRIMARY KEY,
    guild_id       BIGINT,
    channel_id     BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    command        TEXT NOT NULL,
    model          TEXT NOT NULL,
    size           TEXT NOT NULL,
    quality        TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    revised_prompt TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('delivered', 'refused_provider', 'refused_rules', 'failed')),
    reason         TEXT,
    cost_usd       DOUBLE PRECISION NOT NULL,
    message_id     BIGINT,
    image_url      TEXT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX audit_user ON audit (guild_id, user_id, created_at);
CREATE INDEX audit_guild ON audit (guild_id, created_at);

-- A guild's own rules for prompts: words (matched against evasions) and regular expressions.
CREATE TABLE blocklist (
    guild_id   BIGINT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('word', 'regex')),
    pattern    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, kind, pattern)
);

-- Per-guild moderation settings.
CREATE TABLE moderation_settings (
    guild_id       BIGINT PRIMARY KEY,
    log_channel_id BIGINT
);

-- Each process's heartbeat: only the reservations and jobs of a process whose heartbeat stopped are
-- released or taken over, so processes sharing the database never touch each other's live work.
CREATE TABLE instances (
    id           TEXT PRIMARY KEY,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

-- Jobs as data: one row per admitted request, so a job outlives the process that took it. Its cost is
-- in the ledger (same job_id); `request` is what the member asked, as JSON; `token` is the interaction
-- token (a secret, blanked once the job ends); `result` what a generated job produced (files in the
-- spool); `delivered_channel_id` where its delivered message is, for /show.
CREATE TABLE jobs (
    job_id               TEXT PRIMARY KEY,
    guild_id             BIGINT,
    channel_id           BIGINT NOT NULL,
    user_id              BIGINT NOT NULL,
    backend              TEXT NOT NULL,
    request              TEXT NOT NULL,
    state                TEXT NOT NULL
                         CHECK (state IN ('queued', 'running', 'generated', 'delivered', 'failed', 'cancelled')),
    attempts             BIGINT NOT NULL DEFAULT 0,
    owner                TEXT,
    token                TEXT NOT NULL,
    token_expires_at     BIGINT NOT NULL,
    result               TEXT,
    message_id           BIGINT,
    reason               TEXT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    delivered_channel_id BIGINT
);
CREATE INDEX jobs_state ON jobs (state, guild_id);
CREATE INDEX jobs_member ON jobs (guild_id, user_id, created_at);

-- What the owner pays that no member is charged for (a job cancelled while its model call ran): it
-- counts towards the bot's monthly budget, never towards a member's or a server's limits.
CREATE TABLE owner_spend (
    job_id     TEXT PRIMARY KEY,
    usd        DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX owner_spend_time ON owner_spend (created_at);

-- Each member's defaults for /generate (per server), set with /settings, as JSON.
CREATE TABLE member_settings (
    guild_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    settings TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

-- Community requests: a member asks, moderators decide, the server's budget pays for what is approved.
CREATE TABLE community_requests (
    request_id   TEXT PRIMARY KEY,
    guild_id     BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    request      TEXT NOT NULL,
    note         TEXT,
    estimate_usd DOUBLE PRECISION NOT NULL,
    state        TEXT NOT NULL,
    card_channel BIGINT,
    card_message BIGINT,
    decided_by   BIGINT,
    reason       TEXT,
    job_id       TEXT,
    created_at   BIGINT NOT NULL,
    decided_at   BIGINT
);
CREATE INDEX community_requests_open ON community_requests (guild_id, state, created_at);
CREATE TABLE request_votes (
    request_id TEXT NOT NULL,
    user_id    BIGINT NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
-- Each server's request board (JSON): where cards and approved results go, who decides, and which
-- requests need approval.
CREATE TABLE request_boards (
    guild_id BIGINT PRIMARY KEY,
    settings TEXT NOT NULL
);
-- Spend alerts already posted: one per scope (a server, or the bot), period and threshold.
CREATE TABLE spend_alerts (
    scope     TEXT NOT NULL,
    period    TEXT NOT NULL,
    threshold BIGINT NOT NULL,
    posted_at BIGINT NOT NULL,
    PRIMARY KEY (scope, period, threshold)
);
