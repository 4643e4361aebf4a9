package org.thesenforum.web;

import java.util.List;
import java.util.Random;

/** Inputs for the property tests of the Markdown code: a few fragments picked at random and joined. */
final class RandomText {

    private RandomText() {
    }

    /** One to {@code maxParts} fragments, each picked at random. */
    static String of(Random random, List<String> fragments, int maxParts) {
        StringBuilder input = new StringBuilder();
        int parts = 1 + random.nextInt(maxParts);
        for (int i = 0; i < parts; i++) {
            input.append(fragments.get(random.nextInt(fragments.size())));
        }
        return input.toString();
    }
}
