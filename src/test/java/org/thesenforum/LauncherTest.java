package org.thesenforum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code src/main/launcher/thesenforum.sh}, run against a stand-in JDK whose {@code java} prints the
 * options it was given: which JVM options the forum starts with.
 */
class LauncherTest {

    private static final String TRIM = "-XX:TrimNativeHeapInterval=10000";
    private static final String UNLOCK = "-XX:+UnlockExperimentalVMOptions";

    @TempDir
    Path temp;

    @Test
    void aJdkThatKnowsNativeHeapTrimmingGetsIt() throws Exception {
        for (String version : List.of("17.0.9", "17.0.15", "21.0.1", "21.0.8", "25")) {
            List<String> options = launch(version, "");
            assertTrue(options.contains(TRIM), version + ": " + options);
            // The first updates with the option know it as experimental only, and refuse it without the unlock.
            int unlock = options.indexOf(UNLOCK);
            assertTrue(unlock >= 0 && unlock < options.indexOf(TRIM), version + ": " + options);
        }
    }

    @Test
    void anOlderOrUnknownJdkStartsWithoutTheOption() throws Exception {
        for (String version : List.of("17.0.8", "17", "21", "21.0.0", "19.0.2", "1.8.0_402", "")) {
            List<String> options = launch(version, "");
            assertFalse(options.contains(TRIM), version + ": " + options);
            assertFalse(options.contains(UNLOCK), version + ": " + options);
            assertTrue(options.contains("-jar"), version + ": the JVM starts anyway: " + options);
        }
    }

    @Test
    void memorySettingsStayAndJavaOptsComeLast() throws Exception {
        List<String> options = launch("17.0.15", "-Xmx2g -XX:+UseG1GC");
        assertTrue(options.contains("-Xms32m"), options.toString());
        assertFalse(options.contains("-XX:+UseSerialGC"), "a collector in JAVA_OPTS replaces the serial one");
        int trim = options.indexOf(TRIM);
        assertTrue(trim >= 0 && trim < options.indexOf("-Xmx2g"), "JAVA_OPTS come after the launcher's options");
        assertEquals("MALLOC_ARENA_MAX=2", options.get(options.size() - 1));

        List<String> defaults = launch("17.0.15", "");
        assertTrue(defaults.contains("-XX:+UseSerialGC"), defaults.toString());
    }

    /** Runs the launcher with JAVA_HOME at a stand-in JDK of this version; returns java's arguments and arena. */
    private List<String> launch(String version, String javaOpts) throws IOException, InterruptedException {
        Path app = Files.createTempDirectory(temp, "app");
        Path launcher = app.resolve("thesenforum.sh");
        Files.copy(Path.of("src/main/launcher/thesenforum.sh"), launcher);
        Path home = Files.createTempDirectory(temp, "jdk");
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\necho \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!version.isEmpty()) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", home.toString());
        env.put("JAVA_OPTS", javaOpts);
        env.remove("MALLOC_ARENA_MAX");
        env.remove("FORUM_CDS_TRAINING");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }
}
