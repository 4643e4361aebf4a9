package org.thesenforum.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Secret keys kept in the data folder: read when present, otherwise generated once, readable by the owner only. */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** The base64 key in {@code file}, or a new random key of {@code bytes} bytes written there first. */
    public static String loadOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            byte[] fresh = new byte[bytes];
            RANDOM.nextBytes(fresh);
            String key = Base64.getEncoder().encodeToString(fresh);
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // Written in full under another name first, then linked into place: a second process starting at the
            // same moment sees either no key file or a complete one, never an empty one.
            Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, key + "\n");
                Files.createLink(file, temporary);
                return key;
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String key = Files.readString(file).trim();
        if (key.isEmpty()) {
            throw new IllegalStateException("The key file " + file + " is empty; delete it to have a new key made");
        }
        return key;
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions: the key keeps the folder's default permissions.
        }
    }
}
