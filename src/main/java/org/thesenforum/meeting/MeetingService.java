package org.thesenforum.meeting;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Languages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * The live meeting of a discussion: reads its agenda with planned and actual times and the focus (the read API the
 * projector and the protocol use), and the moderators' writes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeetingService {

    private final MeetingViewer viewer;

    MeetingService(MeetingViewer viewer) {
        this.viewer = viewer;
    }

    /** The meeting of a discussion, items named in German (as the API and the live frames send them). */
    public MeetingView meeting(String slug) {
        return meeting(slug, Languages.DEFAULT);
    }

    /** The meeting of a discussion, items named in {@code locale}'s language; 404 for an unknown discussion. */
    public MeetingView meeting(String slug, Locale locale) {
        Discussion discussion = requireDiscussion(slug);
        return viewer.view(discussion, Meeting.findByDiscussion(discussion.id).orElse(null), locale);
    }

    static Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }
}
