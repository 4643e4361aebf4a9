package org.thesenforum.account;

/** Whether and how a person gets e-mail about replies and news: never, at once, or once a day as a digest. */
public enum EmailNotifications {
    OFF, IMMEDIATE, DIGEST
}
