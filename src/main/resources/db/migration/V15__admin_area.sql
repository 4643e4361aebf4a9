-- The admin area in plain words: revoking invitations, and the Impressum and privacy texts that admins write.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE invitations ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;

CREATE SEQUENCE site_texts_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE site_texts (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(40) NOT NULL,
    body       TEXT NOT NULL,
    updated_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT site_texts_name_unique UNIQUE (name)
);
