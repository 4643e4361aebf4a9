-- Joint demands (Forderungen): proposals with numbered wordings, supports and positions per wording, the
-- moderators' pinned order, merges, rejections and dissent notes. Runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL 15.

CREATE SEQUENCE demands_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE demand_versions_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE demand_supports_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE demand_positions_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE demand_dissents_seq START WITH 1 INCREMENT BY 50;

-- The pinned list's revision: every pin, unpin or reorder of a discussion's joint demands counts it up, under the
-- discussion row's lock, so concurrent reorders are serialised and a stale order is refused.
ALTER TABLE discussions ADD COLUMN pinned_revision BIGINT NOT NULL DEFAULT 0;

CREATE TABLE demands (
    id                BIGINT PRIMARY KEY,
    discussion_id     BIGINT NOT NULL REFERENCES discussions (id),
    author_id         BIGINT NOT NULL REFERENCES accounts (id),
    origin_comment_id BIGINT REFERENCES comments (id),
    -- The current wording, copied from its row in demand_versions for lists and exports.
    wording           INTEGER NOT NULL,
    title             VARCHAR(200) NOT NULL,
    body              TEXT NOT NULL,
    rationale         TEXT,
    status            VARCHAR(20) NOT NULL,
    pin_rank          INTEGER,
    merged_into_id    BIGINT REFERENCES demands (id),
    rejected_reason   VARCHAR(500),
    voting_closed_at  TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_demands_discussion ON demands (discussion_id, status);
CREATE INDEX ix_demands_origin ON demands (origin_comment_id);

CREATE TABLE demand_topics (
    demand_id BIGINT NOT NULL REFERENCES demands (id),
    topic_id  BIGINT NOT NULL REFERENCES topics (id),
    PRIMARY KEY (demand_id, topic_id)
);
CREATE INDEX ix_demand_topics_topic ON demand_topics (topic_id);

CREATE TABLE demand_versions (
    id         BIGINT PRIMARY KEY,
    demand_id  BIGINT NOT NULL REFERENCES demands (id),
    number     INTEGER NOT NULL,
    title      VARCHAR(200) NOT NULL,
    body       TEXT NOT NULL,
    rationale  TEXT,
    editor_id  BIGINT NOT NULL REFERENCES accounts (id),
    note       VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_demand_versions_number UNIQUE (demand_id, number)
);

-- One support per account and demand, given on one wording (confirming on a new wording updates it).
CREATE TABLE demand_supports (
    id         BIGINT PRIMARY KEY,
    demand_id  BIGINT NOT NULL REFERENCES demands (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    wording    INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_demand_supports_account UNIQUE (demand_id, account_id)
);

-- One position per account and demand (AGREE, DISAGREE, PASS), given on one wording; a DISAGREE may carry a
-- serious objection ("tragbar, wenn …"), open until withdrawn or the position changes.
CREATE TABLE demand_positions (
    id             BIGINT PRIMARY KEY,
    demand_id      BIGINT NOT NULL REFERENCES demands (id),
    account_id     BIGINT NOT NULL REFERENCES accounts (id),
    wording        INTEGER NOT NULL,
    position       VARCHAR(10) NOT NULL,
    objection      VARCHAR(500),
    objection_open BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_demand_positions_account UNIQUE (demand_id, account_id)
);

-- A signed dissent note (Sondervotum) on a joint demand.
CREATE TABLE demand_dissents (
    id         BIGINT PRIMARY KEY,
    demand_id  BIGINT NOT NULL REFERENCES demands (id),
    author_id  BIGINT NOT NULL REFERENCES accounts (id),
    text       VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_demand_dissents_demand ON demand_dissents (demand_id);
