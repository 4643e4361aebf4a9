package org.thesenforum.discussion;

/**
 * The Markdown of one block of the paper, as written there.
 *
 * @param text  the Markdown; lines of running text joined by spaces, a {@code "\n"} where the paper breaks a line
 * @param prose whether the block is a paragraph of running text without line breaks, which may continue a
 *              sentence that the previous paragraph left open
 */
record Chunk(String text, boolean prose) {
}
