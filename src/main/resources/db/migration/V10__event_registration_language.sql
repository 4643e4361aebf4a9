-- The language a person registered in (a language tag such as "de" or "en"); later mails to them use it.
ALTER TABLE event_registrations ADD COLUMN language VARCHAR(10);
