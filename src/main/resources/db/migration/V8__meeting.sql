-- The live meeting of a discussion: one meeting per discussion with its agenda, the item now being discussed and
-- the planned against the actual times. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

CREATE SEQUENCE meetings_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE agenda_items_seq START WITH 1 INCREMENT BY 50;

-- Counted up by every meeting write under the discussion row's lock, so that two moderators cannot race.
ALTER TABLE discussions ADD COLUMN meeting_revision BIGINT NOT NULL DEFAULT 0;

CREATE TABLE meetings (
    id            BIGINT PRIMARY KEY,
    discussion_id BIGINT NOT NULL REFERENCES discussions (id),
    started_at    TIMESTAMP WITH TIME ZONE,
    ended_at      TIMESTAMP WITH TIME ZONE,
    -- The agenda item now being discussed ("jetzt im Gespräch"); null when none is.
    focus_item_id BIGINT,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_meetings_discussion UNIQUE (discussion_id)
);

CREATE TABLE agenda_items (
    id              BIGINT PRIMARY KEY,
    meeting_id      BIGINT NOT NULL REFERENCES meetings (id),
    position        INTEGER NOT NULL,
    -- QUESTION (a guiding question), TOPIC (a thesis or approach), DEMAND or FREE (e.g. a lunch break).
    kind            VARCHAR(20) NOT NULL,
    -- The guiding question, topic or demand of the same discussion; null for FREE.
    ref_id          BIGINT,
    -- Required for FREE; for the other kinds an optional title shown instead of the referenced one's.
    title           VARCHAR(200),
    planned_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    planned_minutes INTEGER NOT NULL,
    actual_start    TIMESTAMP WITH TIME ZONE,
    actual_end      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_agenda_items_minutes CHECK (planned_minutes BETWEEN 1 AND 600)
);
CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, position);

ALTER TABLE meetings ADD CONSTRAINT fk_meetings_focus FOREIGN KEY (focus_item_id) REFERENCES agenda_items (id);
