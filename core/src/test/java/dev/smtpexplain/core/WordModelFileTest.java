package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped word model is the one the documented corpus gives: a row added, relabeled or removed
 * without regenerating the file fails here. {@code -Dwords.write=true} regenerates it.
 */
class WordModelFileTest {

    private static final Path SHIPPED = Path.of("src/main/resources/dev/smtpexplain/core/words.tsv");

    @Test
    void shippedModelIsTheCorpusModel() throws IOException {
        List<String> generated = WordModelFile.lines(DocumentedCorpus.rows(), r -> true);
        if (Boolean.getBoolean("words.write")) {
            Files.write(SHIPPED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readAllLines(SHIPPED, StandardCharsets.UTF_8))
                .as("words.tsv is out of date: mvn -pl core test -Dtest=WordModelFileTest -Dwords.write=true")
                .isEqualTo(generated);
    }
}
