package org.thesenforum.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the key that signs CSRF tokens, so that they are always signed: {@code forum.csrf-key} when configured,
 * otherwise a key generated once into {@code data-dir/csrf.key} (like the session key). The file is read or written
 * only when the key is first asked for at run time: the build, which also reads configuration, gets no value, so
 * no key is written on the build machine or recorded in the application.
 */
public class CsrfKeySource implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.rest-csrf.token-signature-key";
    static final String FILE = "csrf.key";
    /** Below application.properties (250) and environment variables (300), above defaults. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String configured = valueOf(context.getValue("forum.csrf-key"));
        String dataDir = valueOf(context.getValue("forum.data-dir"));
        return List.of(new Lazy(configured, dataDir == null ? "./data" : dataDir));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String valueOf(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
    }

    /** Reads or generates the key on first use. */
    static final class Lazy implements ConfigSource {

        private final String configured;
        private final String dataDir;
        private volatile String key;

        Lazy(String configured, String dataDir) {
            this.configured = configured;
            this.dataDir = dataDir;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(PROPERTY);
        }

        @Override
        public Map<String, String> getProperties() {
            String value = getValue(PROPERTY);
            return value == null ? Map.of() : Map.of(PROPERTY, value);
        }

        @Override
        public String getValue(String name) {
            if (!PROPERTY.equals(name)) {
                return null;
            }
            if (key == null) {
                if (ExecutionMode.current() == ExecutionMode.UNSET) {
                    return null;
                }
                key = configured != null ? configured : KeyFiles.loadOrCreate(Path.of(dataDir, FILE), 32);
            }
            return key;
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "CsrfKeySource";
        }
    }
}
