-- Profile and password: each person's notification settings and whether others may see them online, the mark of a
-- deleted account, and one-time links that set a new password. Runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL 15. E-mail addresses need no change here: they are stored normalised (NFKC, lower case) since V4, and
-- SkeletonBackfill normalises older rows at start-up, keeping both rows where two would collide.

-- OFF, IMMEDIATE or DIGEST; the digest goes out once a day at digest_hour (0..23, Europe/Berlin).
ALTER TABLE accounts ADD COLUMN email_notifications VARCHAR(20) DEFAULT 'IMMEDIATE' NOT NULL;
ALTER TABLE accounts ADD COLUMN digest_hour INTEGER DEFAULT 7 NOT NULL;
-- Whether the name is shown under "Wer ist da"; off until the person switches it on.
ALTER TABLE accounts ADD COLUMN show_presence BOOLEAN DEFAULT FALSE NOT NULL;
-- Set when the person deleted the account: the row stays so that comments keep their author, unsigned.
ALTER TABLE accounts ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- A link that sets a new password, sent by e-mail or created by an admin (created_by) to hand over. Only the
-- SHA-256 of the token is stored; a link works once and until expires_at.
CREATE SEQUENCE password_resets_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE password_resets (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_by BIGINT REFERENCES accounts (id),
    CONSTRAINT uk_password_resets_token UNIQUE (token_hash)
);

CREATE INDEX ix_password_resets_account ON password_resets (account_id);
