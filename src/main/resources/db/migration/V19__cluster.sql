-- Several instances on one PostgreSQL database (package cluster). On H2 these tables stay empty.

-- The instances running now: each updates seen_at every few seconds; one not seen for a while counts as gone.
CREATE TABLE cluster_instances (
    id VARCHAR(40) PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A short fingerprint per shared key (session, CSRF, notifications): instances must use the same keys.
    key_fingerprints VARCHAR(400) NOT NULL,
    -- The keys this instance generated into its data folder rather than being given them.
    generated_keys VARCHAR(200) NOT NULL
);

-- Who is connected where: one row per instance, discussion, topic page (0: none) and account (0: not signed in).
CREATE TABLE cluster_presence (
    instance_id VARCHAR(40) NOT NULL,
    discussion_id BIGINT NOT NULL,
    topic_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    connections INT NOT NULL,
    PRIMARY KEY (instance_id, discussion_id, topic_id, account_id)
);
CREATE INDEX cluster_presence_discussion ON cluster_presence (discussion_id);

-- Scheduled jobs that must run once per forum, not once per instance: when each last ran (see cluster/ClusterJobs).
CREATE TABLE cluster_jobs (
    name VARCHAR(100) PRIMARY KEY,
    last_run_at TIMESTAMP WITH TIME ZONE NOT NULL
);
