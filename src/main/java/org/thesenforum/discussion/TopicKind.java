package org.thesenforum.discussion;

/** The kind of a discussable topic of the paper: one of its numbered theses or one of its approaches. */
public enum TopicKind { THESIS, APPROACH }
