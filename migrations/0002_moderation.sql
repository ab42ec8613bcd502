-- The audit log moderators read with /moderation history: one row per job that reached a decision
-- (delivered, refused by the provider, refused by the server's rules, failed). Times are Unix ms (UTC).
CREATE TABLE audit (
    job_id         TEXT PRIMARY KEY,
    guild_id       INTEGER,
    channel_id     INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    command        TEXT NOT NULL,
    model          TEXT NOT NULL,
    size           TEXT NOT NULL,
    quality        TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    revised_prompt TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('delivered', 'refused_provider', 'refused_rules', 'failed')),
    reason         TEXT,
    cost_usd       REAL NOT NULL,
    message_id     INTEGER,
    image_url      TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX audit_user ON audit (guild_id, user_id, created_at);
CREATE INDEX audit_guild ON audit (guild_id, created_at);

-- A guild's own rules for prompts: words (matched against evasions) and regular expressions.
CREATE TABLE blocklist (
    guild_id   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('word', 'regex')),
    pattern    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, kind, pattern)
);

-- Per-guild moderation settings.
CREATE TABLE moderation_settings (
    guild_id       INTEGER PRIMARY KEY,
    log_channel_id INTEGER
);
