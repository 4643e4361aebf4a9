-- Reports of comments and demands for the moderators' queue (with the authors' requests for a review of a hidden
-- comment), and per account and topic the last time the reader opened the topic ("neu seit Ihrem letzten Besuch").
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE SEQUENCE topic_reads_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE topic_reads (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    topic_id   BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_topic_reads_account_topic UNIQUE (account_id, topic_id)
);

CREATE SEQUENCE reports_seq START WITH 1 INCREMENT BY 50;

-- kind REPORT (someone reported the item) or REVIEW (the author of a hidden comment asks for a review);
-- target_type COMMENT or DEMAND; status OPEN until a moderator decides (outcome, decided_by, decided_at).
CREATE TABLE reports (
    id            BIGINT PRIMARY KEY,
    discussion_id BIGINT NOT NULL REFERENCES discussions (id),
    kind          VARCHAR(10) NOT NULL,
    target_type   VARCHAR(10) NOT NULL,
    target_id     BIGINT NOT NULL,
    reporter_id   BIGINT NOT NULL REFERENCES accounts (id),
    reason        VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(10) NOT NULL,
    outcome       VARCHAR(20),
    decided_by    BIGINT REFERENCES accounts (id),
    decided_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_reports_discussion_status ON reports (discussion_id, status);
CREATE INDEX ix_reports_target ON reports (target_type, target_id);
