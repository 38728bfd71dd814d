package org.kkr4j.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed table must be exactly what the generator makes from the shared sources, so that a
 * hand edit or a changed source is caught. With {@code -Dkkr4j.elements.regenerate=true} the test
 * rewrites the resource instead (then commit it).
 */
class ElementTableResourceTest {

    private static final Path RESOURCE_FILE = Path.of("src/main/resources", Elements.RESOURCE);

    @Test
    void committedTableMatchesTheSharedSources() throws IOException {
        String generated = ElementTableGenerator.generate(
                SharedData.resolve("data/elements/periodic_table.json"),
                SharedData.resolve("data/elements/akaikkr_atomic_volumes.csv"));
        if (Boolean.getBoolean("kkr4j.elements.regenerate")) {
            Files.writeString(RESOURCE_FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(RESOURCE_FILE, StandardCharsets.UTF_8))
                .as("committed %s differs from the generator output; regenerate (README)", RESOURCE_FILE)
                .isEqualTo(generated);
    }
}
