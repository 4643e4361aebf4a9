-- One row per signed-in device: logout ends this row only, "sign out everywhere", a role change or disabling
-- end all rows of the account. The cookie carries a random token; only its SHA-256 is stored.
CREATE SEQUENCE device_sessions_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE device_sessions (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    token_hash   VARCHAR(64) NOT NULL,
    device       VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_device_sessions_token UNIQUE (token_hash)
);

CREATE INDEX ix_device_sessions_account ON device_sessions (account_id);

-- Replaced by device sessions.
ALTER TABLE accounts DROP COLUMN session_version;
