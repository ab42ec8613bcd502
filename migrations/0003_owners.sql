-- Reservations have an owner: the process that made them. Each process keeps a heartbeat here, and a
-- process releases only the reservations of processes whose heartbeat stopped (crashed or killed), so
-- two processes sharing one database never release each other's live jobs. Times are Unix ms (UTC).
ALTER TABLE ledger ADD COLUMN owner TEXT;
CREATE INDEX ledger_reserved ON ledger (state, owner);

CREATE TABLE instances (
    id           TEXT PRIMARY KEY,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
);
