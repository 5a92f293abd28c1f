package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw bytes through the packaged tool as a process: seeded random batches of hostile lines (invalid
 * UTF-8, bare CRs, NULs, escapes, bidi characters) read from standard input and from a file give the
 * same output, exit 0, and one clean JSON object per line ({@link BatchReaderFuzzTest#assertObjects}).
 */
class BatchProcessIT {

    @Test
    void randomRawBytesGiveOneCleanObjectPerLineFromStdinAndFromAFile(@TempDir Path dir) throws Exception {
        Random random = new Random(15);
        Path file = dir.resolve("batch.tsv");
        for (int round = 0; round < 4; round++) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 25; i++) {
                all.writeBytes(BatchReaderFuzzTest.randomBatch(random, 8));
                all.write('\n');
            }
            byte[] batch = all.toByteArray();
            Files.write(file, batch);
            String lang = round % 2 == 0 ? "en" : "ar";
            CliProcess.Result stdin = CliProcess.run(batch, "explain", "--lang", lang, "--batch", "-");
            CliProcess.Result fromFile = CliProcess.run((byte[]) null, "explain", "--lang", lang, "--batch", file.toString());
            assertThat(stdin.exit()).as(stdin.err()).isZero();
            assertThat(fromFile.exit()).as(fromFile.err()).isZero();
            assertThat(fromFile.out()).isEqualTo(stdin.out());
            BatchReaderFuzzTest.assertObjects(stdin.out(), batch, Locale.forLanguageTag(lang));
        }
    }
}
