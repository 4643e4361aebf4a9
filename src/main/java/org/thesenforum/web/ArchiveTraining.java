package org.thesenforum.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Used only by the training run of the class-data archive ({@code src/main/launcher/train-cds.sh}), whose launcher
 * sets the system property {@code thesenforum.cds.class-log} to the JVM's class-load log: as the application stops,
 * it links every class that log names as read from a jar. The JDK 17 archive leaves out classes of Quarkus' class
 * loader that were loaded but never linked (most are loaded only to verify other classes), and every start then read
 * them from the jars again; linked here, they are written into the archive when the JVM exits. Without the property
 * (every real start) it does nothing.
 */
@Singleton
class ArchiveTraining {

    /** A system property, not a {@code forum.*} setting: it belongs to the packaging step, not to the forum. */
    static final String CLASS_LOG = "thesenforum.cds.class-log";

    void onStop(@Observes ShutdownEvent event) {
        Optional.ofNullable(System.getProperty(CLASS_LOG)).filter(path -> !path.isBlank())
                .ifPresent(path -> link(Path.of(path)));
    }

    private static void link(Path log) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int linked = 0;
        int failed = 0;
        // Linking can load further classes; a second round links those the first one loaded.
        for (int round = 0; round < 2; round++) {
            Set<String> names = new LinkedHashSet<>();
            try {
                for (String line : Files.readAllLines(log)) {
                    // "[0.123s][info][class,load] a.b.C source: file:/…" — classes from the archive say "shared".
                    int source = line.indexOf(" source: ");
                    if (source < 0 || !(line.startsWith("file:", source + 9) || line.startsWith("jrt:", source + 9))) {
                        continue;
                    }
                    int start = line.lastIndexOf("] ", source) + 2;
                    if (start < 2) {
                        continue;
                    }
                    names.add(line.substring(start, source));
                }
            } catch (IOException e) {
                Log.warnf("Class-data training: cannot read %s: %s", log, e.toString());
                return;
            }
            for (String name : names) {
                try {
                    // Reflection on the declared fields links the class (and verifies it) without initialising it.
                    Class.forName(name, false, loader).getDeclaredFields();
                    linked++;
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    failed++;
                }
            }
        }
        Log.infof("Class-data training: linked %d classes (%d could not be)", linked, failed);
    }
}
