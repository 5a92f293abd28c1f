package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.core.testing.HostileText;
import dev.smtpexplain.i18n.Explainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch reader against raw bytes: {@code explain --batch FILE} (in process) prints exactly one
 * valid JSON object per input line, numbered in order; lines end at LF only (CRLF accepted, a bare CR is
 * data); a line of invalid UTF-8 is one error object and the run goes on; every text field is free of
 * controls, escapes and bidi characters, and error messages are capped. The fuzz target's first byte
 * picks the locale. Seed corpus: {@code BatchReaderFuzzTestInputs/}. {@code BatchProcessIT} feeds raw
 * bytes through the packaged tool as a process.
 */
class BatchReaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Locale> LOCALES = Explainer.supportedLocales();
    private static Path file;

    @BeforeAll
    static void createFile() throws Exception {
        file = Files.createTempFile("batch", ".tsv");
    }

    @AfterAll
    static void deleteFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @FuzzTest
    void everyLineGivesOneCleanJsonObject(byte[] input) throws Exception {
        Locale locale = input.length == 0 ? Locale.ENGLISH : LOCALES.get((input[0] & 0xFF) % LOCALES.size());
        byte[] batch = input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
        check(batch, locale);
    }

    /** 300 seeded random batches of up to 12 hostile lines, some with invalid UTF-8 and bare CRs, in random locales. */
    @Test
    void seededRandomBatches() throws Exception {
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            check(randomBatch(random, 12), LOCALES.get(random.nextInt(LOCALES.size())));
        }
    }

    /** Raw batch bytes: lines of hostile text, tab-separated fields, invalid UTF-8, bare CRs, CRLF and LF endings. */
    static byte[] randomBatch(Random random, int maxLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(maxLines + 1);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes(((100 + random.nextInt(900)) + "\t" + (random.nextBoolean() ? "5.1.1" : HostileText.random(random, 3))
                        + "\t").getBytes(StandardCharsets.UTF_8));
                case 1 -> out.writeBytes((HostileText.random(random, 2) + "\t").getBytes(StandardCharsets.UTF_8));
                default -> { }
            }
            String text = HostileText.random(random, 20).replace("\n", " ");
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                byte[] junk = {(byte) 0xFF, (byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x00, 0x0D};
                out.write(junk[random.nextInt(junk.length)]);
            }
            out.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        }
        if (random.nextBoolean()) {
            out.writeBytes("550 5.1.1 last line without an end".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** How many lines the batch holds: one per LF, plus an unterminated last line. */
    static int lineCount(byte[] batch) {
        int n = 0;
        for (byte b : batch) {
            n += b == '\n' ? 1 : 0;
        }
        return batch.length > 0 && batch[batch.length - 1] != '\n' ? n + 1 : n;
    }

    private static void check(byte[] batch, Locale locale) throws Exception {
        Files.write(file, batch);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("explain", "--lang", locale.toLanguageTag(), "--batch", file.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertObjects(out.toString(), batch, locale);
    }

    /** One valid, clean JSON object per line of {@code batch}, numbered 1, 2, 3… */
    static void assertObjects(String output, byte[] batch, Locale locale) throws Exception {
        // Jackson escapes every control character, so the output's only line breaks end objects
        List<String> lines = output.lines().toList();
        List<Integer> expected = new java.util.ArrayList<>();
        for (int n = 1; n <= lineCount(batch); n++) {
            if (!isComment(batch, n)) {
                expected.add(n);
            }
        }
        assertThat(lines).as("one object per input line but comments").hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode j = JSON.readTree(lines.get(i));
            assertThat(j.get("line").asInt()).isEqualTo(expected.get(i));
            if (j.has("error")) {
                HostileText.assertSafe("error", j.get("error").asText(), ExplainCommand.ERROR_MAX, false);
            } else {
                JsonHostileTextTest.assertClean(j, locale);
            }
        }
    }

    // line n (from 1) is valid UTF-8 whose first character that is not white space is '#': a comment, which gives no object
    private static boolean isComment(byte[] batch, int n) {
        int start = 0;
        for (int line = 1; line < n; line++) {
            while (batch[start] != '\n') {
                start++;
            }
            start++;
        }
        int end = start;
        while (end < batch.length && batch[end] != '\n') {
            end++;
        }
        int kept = end < batch.length && end > start && batch[end - 1] == '\r' ? end - 1 : end;
        if (n == 1 && kept - start >= 3 && (batch[0] & 0xFF) == 0xEF && (batch[1] & 0xFF) == 0xBB && (batch[2] & 0xFF) == 0xBF) {
            start += 3; // the byte-order mark starting the input is skipped
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(batch, start, kept - start)).toString();
            return !text.replace('\t', ' ').isBlank() && text.startsWith("#");
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
