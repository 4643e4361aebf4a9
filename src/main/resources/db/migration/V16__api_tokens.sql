-- Personal API tokens for scripts (Authorization: Bearer). Only the SHA-256 of a token is stored, looked up through
-- the unique index, so authenticating a request costs one indexed read instead of a bcrypt check. The prefix (the
-- token's first characters, not secret) lets a person recognise a token in the list. Deleting an account removes
-- its tokens.
CREATE SEQUENCE api_tokens_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    name         VARCHAR(60) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    prefix       VARCHAR(16) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_api_tokens_hash UNIQUE (token_hash)
);

CREATE INDEX ix_api_tokens_account ON api_tokens (account_id);
