-- Trust (issue 24).
-- Settings and request boards are kept in memory by every process, which reads what changed since its
-- last look: each row says when it changed, and a cleared member's settings stay as an empty row ('{}')
-- so the clearing is seen too.
ALTER TABLE member_settings ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE request_boards ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX member_settings_changes ON member_settings (updated_at);
CREATE INDEX request_boards_changes ON request_boards (updated_at);
-- What the owner paid for jobs that delivered nothing (a result unusable after the call, a failed
-- delivery): the server it was for, so /usage server can show it.
ALTER TABLE owner_spend ADD COLUMN guild_id BIGINT;
-- Retention: rows older than EASEL_RETAIN_DAYS lose their prompt text and links, once.
ALTER TABLE jobs ADD COLUMN redacted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN redacted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE community_requests ADD COLUMN redacted BIGINT NOT NULL DEFAULT 0;
CREATE INDEX jobs_owner_state ON jobs (owner, state);
CREATE INDEX community_requests_member ON community_requests (guild_id, user_id, state);
