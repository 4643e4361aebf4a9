package org.thesenforum.discussion;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Why a paper was refused, for admins; German in paper_de.properties, English in paper_en.properties.
 *
 * <p>Each method but {@link #at_line} is the message key of a {@link PaperFormatException}, and its parameters are
 * the exception's arguments in order. The texts use nothing but {@code {parameter}} placeholders, so that the
 * exception can fill in the German text without the template engine (for {@link Throwable#getMessage()}).
 */
@MessageBundle(value = "paper", locale = "de")
public interface PaperMessages {

    /** A problem with the line it was found on. */
    @Message
    String at_line(int line, String problem);

    // The whole paper

    @Message
    String too_large(String chars, String max);

    // Title and subtitle

    @Message
    String title_missing();

    @Message
    String title_empty();

    @Message
    String title_without_letters(String title);

    @Message
    String date_impossible(String date);

    // Theses

    @Message
    String theses_heading_missing();

    @Message
    String theses_missing(String heading);

    @Message
    String text_before_first_thesis();

    @Message
    String theses_start(int number);

    @Message
    String thesis_repeated(int number);

    @Message
    String theses_skip(int previous, int number);

    @Message
    String thesis_empty(int number);

    @Message
    String heading_among_theses(String heading);

    // Approaches

    @Message
    String approaches_missing(String heading);

    @Message
    String approach_without_bold_title();

    @Message
    String approach_title_empty(int number);

    @Message
    String approach_empty(String title);

    @Message
    String heading_after_approaches(String heading);
}
