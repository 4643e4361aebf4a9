-- Foundation schema: discussions from the paper, accounts and invitations, threaded comments, audit log.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

CREATE SEQUENCE discussions_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE topics_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE guiding_questions_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE accounts_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE invitations_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE comments_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE audit_entries_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE discussions (
    id                      BIGINT PRIMARY KEY,
    slug                    VARCHAR(120) NOT NULL,
    title                   VARCHAR(300) NOT NULL,
    subtitle                VARCHAR(500),
    paper_date              DATE,
    introduction            TEXT,
    invitation              TEXT,
    theses_heading          VARCHAR(300),
    approaches_heading      VARCHAR(300),
    approaches_introduction TEXT,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_discussions_slug UNIQUE (slug)
);

CREATE TABLE topics (
    id            BIGINT PRIMARY KEY,
    discussion_id BIGINT NOT NULL REFERENCES discussions (id),
    kind          VARCHAR(20) NOT NULL,
    number        INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    title         VARCHAR(500) NOT NULL,
    body          TEXT NOT NULL,
    locked        BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT uk_topics_kind_number UNIQUE (discussion_id, kind, number)
);

CREATE TABLE guiding_questions (
    id            BIGINT PRIMARY KEY,
    discussion_id BIGINT NOT NULL REFERENCES discussions (id),
    position      INTEGER NOT NULL,
    text          VARCHAR(500) NOT NULL,
    CONSTRAINT uk_guiding_questions_position UNIQUE (discussion_id, position)
);

CREATE TABLE accounts (
    id              BIGINT PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(80) NOT NULL,
    organisation    VARCHAR(200),
    place           VARCHAR(200),
    password_hash   VARCHAR(100) NOT NULL,
    role            VARCHAR(20) NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    session_version INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_accounts_email UNIQUE (email)
);

CREATE TABLE invitations (
    id         BIGINT PRIMARY KEY,
    code       VARCHAR(64) NOT NULL,
    created_by BIGINT NOT NULL REFERENCES accounts (id),
    max_uses   INTEGER NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMP WITH TIME ZONE,
    note       VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_invitations_code UNIQUE (code)
);

CREATE TABLE comments (
    id            BIGINT PRIMARY KEY,
    topic_id      BIGINT NOT NULL REFERENCES topics (id),
    parent_id     BIGINT REFERENCES comments (id),
    author_id     BIGINT NOT NULL REFERENCES accounts (id),
    question_id   BIGINT REFERENCES guiding_questions (id),
    body          TEXT NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at     TIMESTAMP WITH TIME ZONE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    hidden        BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_reason VARCHAR(500),
    hidden_by     BIGINT REFERENCES accounts (id),
    hidden_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_comments_topic ON comments (topic_id, created_at);
CREATE INDEX ix_comments_author ON comments (author_id);

CREATE TABLE audit_entries (
    id          BIGINT PRIMARY KEY,
    actor_id    BIGINT REFERENCES accounts (id),
    action      VARCHAR(40) NOT NULL,
    target_type VARCHAR(40),
    target_id   BIGINT,
    detail      VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audit_entries_created ON audit_entries (created_at);
