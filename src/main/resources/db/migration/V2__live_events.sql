-- Live layer: an append-only log of changes per discussion, the single source for live push and replay.
-- seq is gapless per discussion: it is taken from discussions.last_event_seq under that row's lock, so
-- events become visible in seq order. Rows older than the retention are pruned; pruned_through_seq
-- remembers how far, so a client asking for older events is told to reload.

ALTER TABLE discussions ADD COLUMN last_event_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discussions ADD COLUMN pruned_through_seq BIGINT NOT NULL DEFAULT 0;

CREATE SEQUENCE live_events_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE live_events (
    id             BIGINT PRIMARY KEY,
    discussion_id  BIGINT NOT NULL REFERENCES discussions (id),
    seq            BIGINT NOT NULL,
    type           VARCHAR(40) NOT NULL,
    topic_id       BIGINT,
    entity_id      BIGINT,
    data           TEXT NOT NULL,
    html           TEXT,
    moderator_data TEXT,
    moderator_html TEXT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_live_events_seq UNIQUE (discussion_id, seq)
);
CREATE INDEX ix_live_events_created ON live_events (created_at);
CREATE INDEX ix_live_events_entity ON live_events (discussion_id, entity_id);
