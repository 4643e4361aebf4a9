package org.thesenforum.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
                return Files.readString(file).trim();
            }
            byte[] fresh = new byte[bytes];
            RANDOM.nextBytes(fresh);
            String key = Base64.getEncoder().encodeToString(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.writeString(file, key + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                // Another process started at the same moment and wrote its key first: use that one.
                return Files.readString(file).trim();
            }
            restrictToOwner(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions: the key keeps the folder's default permissions.
        }
    }
}
