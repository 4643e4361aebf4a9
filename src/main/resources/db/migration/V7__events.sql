-- Events (Veranstaltungen) of a discussion and the registrations for them. Contact data of a registration is
-- nullable so that the retention job can remove it after the event and keep the counts. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL 15.

CREATE SEQUENCE events_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE event_registrations_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE events (
    id                     BIGINT PRIMARY KEY,
    -- An event goes with its discussion, its registrations with their event.
    discussion_id          BIGINT NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    -- Set for events taken from the paper's invitation ("invitation-1", ...), so an import stores each only once.
    paper_key              VARCHAR(40),
    title                  VARCHAR(200) NOT NULL,
    -- The day in Europe/Berlin; starts_at is null when the time is not known (an event the paper only announces).
    starts_on              DATE NOT NULL,
    starts_at              TIMESTAMP WITH TIME ZONE,
    ends_at                TIMESTAMP WITH TIME ZONE,
    venue_name             VARCHAR(200),
    street                 VARCHAR(200),
    postcode               VARCHAR(20),
    city                   VARCHAR(100),
    description            TEXT,
    organisers             VARCHAR(500),
    contact_email          VARCHAR(254),
    contact_fax            VARCHAR(60),
    -- Registration is open before this instant; no registration without one.
    registration_deadline  TIMESTAMP WITH TIME ZONE,
    capacity               INTEGER,
    -- Set when the organisers close registration early.
    registration_closed_at TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_events_paper_key UNIQUE (discussion_id, paper_key)
);
CREATE INDEX ix_events_discussion ON events (discussion_id, starts_on);

CREATE TABLE event_registrations (
    id                      BIGINT PRIMARY KEY,
    event_id                BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status                  VARCHAR(20) NOT NULL,
    -- Contact data, removed by the retention job (anonymised_at set).
    name                    VARCHAR(200),
    email                   VARCHAR(254),
    organisation            VARCHAR(200),
    note                    VARCHAR(1000),
    -- Kept after anonymisation, for the counts by field of work.
    field_of_work           VARCHAR(40),
    -- SHA-256 (hex) of the personal cancel token; the token itself is only in the person's link.
    token_hash              VARCHAR(64) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    promoted_at             TIMESTAMP WITH TIME ZONE,
    cancelled_at            TIMESTAMP WITH TIME ZONE,
    checked_in_at           TIMESTAMP WITH TIME ZONE,
    invitation_requested_at TIMESTAMP WITH TIME ZONE,
    invited_at              TIMESTAMP WITH TIME ZONE,
    invitation_code         VARCHAR(64),
    anonymised_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_event_registrations_token UNIQUE (token_hash)
);
-- One e-mail per event among registrations that are not cancelled: checked under the event row's lock.
CREATE INDEX ix_event_registrations_event ON event_registrations (event_id, status, created_at);
CREATE INDEX ix_event_registrations_email ON event_registrations (event_id, email);
