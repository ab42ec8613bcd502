-- Each member's defaults for /generate (per server), set with /settings.
CREATE TABLE member_settings (
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    settings  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
-- Where a delivered result's message is (its channel: the job's own, or a direct message), so /show can
-- find it again once the spool no longer keeps its images.
ALTER TABLE jobs ADD COLUMN delivered_channel_id INTEGER;
