-- Personal notifications (replies, mentions, new demands on followed topics, new wordings, moderation), the
-- topics a person follows, and the claims that let exactly one instance send a person's daily digest. Runs
-- unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

CREATE SEQUENCE notifications_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE topic_follows_seq START WITH 1 INCREMENT BY 50;

-- Each account numbers its notifications on its own (1, 2, 3, ...), apart from the discussions' journals, whose
-- numbers must stay gapless for every reader. The counter lives on the account row, so taking the next number
-- locks that row and concurrent notifications of one person are numbered one after the other.
ALTER TABLE accounts ADD COLUMN last_notification_seq BIGINT NOT NULL DEFAULT 0;

-- What a notification is about (discussion, topic, comment, demand) is kept as plain ids without foreign keys: a
-- notification may outlive what it points to (its sentence then says "a topic"), and no feature that removes
-- rows has to know this table.
CREATE TABLE notifications (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    seq           BIGINT NOT NULL,
    kind          VARCHAR(30) NOT NULL,
    discussion_id BIGINT,
    topic_id      BIGINT,
    comment_id    BIGINT,
    demand_id     BIGINT,
    actor_id      BIGINT REFERENCES accounts (id),
    -- A short text that goes with the notification, e.g. the reason a comment was hidden.
    summary       VARCHAR(500),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE,
    emailed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_notifications_seq UNIQUE (account_id, seq)
);
CREATE INDEX ix_notifications_unmailed ON notifications (emailed_at, account_id);
CREATE INDEX ix_notifications_comment ON notifications (comment_id);

-- Whether a person chose to follow a topic or not (the topic page's switch); without a row, one follows the
-- topics one wrote in. A row with followed = FALSE keeps that automatic follow off. The topic is a plain id, as
-- in notifications.
CREATE TABLE topic_follows (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    topic_id   BIGINT NOT NULL,
    followed   BOOLEAN NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_topic_follows UNIQUE (account_id, topic_id)
);
CREATE INDEX ix_topic_follows_topic ON topic_follows (topic_id, followed);

-- One row per person and day (in Berlin time) whose digest has been claimed: the primary key lets only one
-- instance of a cluster win the insert, so the digest goes out once.
CREATE TABLE digest_claims (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    digest_day DATE NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, digest_day)
);
