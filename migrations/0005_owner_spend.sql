-- What the owner pays that no member is charged for: a job cancelled while its model call was running
-- is not charged to the member, but the provider may still bill the call. Its estimate counts towards
-- the bot's monthly budget (the owner's money), never towards a member's or a server's limits.
CREATE TABLE owner_spend (
    job_id     TEXT PRIMARY KEY,
    usd        REAL NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX owner_spend_time ON owner_spend (created_at);
