package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw bytes through the packaged tool as a process: seeded random batches of hostile lines (invalid
 * UTF-8, bare CRs, NULs, escapes, bidi characters) read from standard input and from a file give the
 * same output, exit 0, and one clean JSON object per line ({@link BatchReaderFuzzTest#assertObjects}).
 */
class BatchProcessIT {

    /** A nightly job writing to a full disk must not report success (outside tester 70: exit 0, nothing said). */
    @Test
    void anOutputThatCannotBeWrittenIsAnErrorNotASuccess() throws Exception {
        for (String[] args : new String[][] {{"explain", "550 5.1.1 User unknown"}, {"codes"}}) {
            CliProcess.Result full = CliProcess.runWrappedBy(java.util.List.of("bash", "-c", "exec \"$@\" >/dev/full", "bash"), args);
            assertThat(full.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(full.err().strip()).isEqualTo("smtp-explain: standard output: cannot write: no space left on device");
            CliProcess.Result closed = CliProcess.runWrappedBy(java.util.List.of("bash", "-c", "exec \"$@\" >&-", "bash"), args);
            assertThat(closed.exit()).isEqualTo(1);
            assertThat(closed.err()).startsWith("smtp-explain: standard output: cannot write: ");
        }
    }

    /**
     * What a script over an exported log meets (outside tester 70): a '#' header line became a permanent
     * "sender-rejected", a success line slipped through a grep read "Failure", and only error objects said their line.
     */
    @Test
    void commentsGiveNothingSuccessesAreNoFailureAndEveryObjectNamesItsLine() throws Exception {
        CliProcess.Result r = CliProcess.run("# exported from maillog, 2026-12-05\n550\t5.1.1\tUser unknown\n"
                + "\t\t250 2.0.0 Ok: queued as 4F2A81C0B2\n# a note\n421 4.7.0 Try again later\n\t\t#1 mailbox full, try later\n",
                java.util.Map.of(), "explain", "--batch", "-");
        assertThat(r.exit()).isZero();
        java.util.List<JsonNode> objects = new java.util.ArrayList<>();
        for (String l : r.out().lines().toList()) {
            objects.add(new ObjectMapper().readTree(l));
        }
        // only a line whose first character is '#' is a comment: a text column that starts with one is a reply's
        assertThat(objects).extracting(o -> o.get("line").asInt()).containsExactly(2, 3, 5, 6);
        assertThat(objects.get(0).get("category").asText()).isEqualTo("recipient-unknown");
        assertThat(objects.get(1).get("error").asText()).isEqualTo("a 2xx reply is a success, not a failure: there is nothing to explain");
        assertThat(objects.get(2).get("category").asText()).isNotEmpty();
        CliProcess.Result dash = CliProcess.run("explain", "-");
        assertThat(dash.exit()).isEqualTo(2);
        assertThat(dash.err()).startsWith("smtp-explain: '-' is not a reply: to read replies from standard input, use --batch -");
        CliProcess.Result empty = CliProcess.run("explain", "--batch", "");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).startsWith("smtp-explain: --batch needs a file, or '-' for standard input");
        CliProcess.Result one = CliProcess.run("explain", "250 2.0.0 OK");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).startsWith("smtp-explain: a 2xx reply is a success, not a failure");
    }

    /** A TSV saved as "UTF-8" by a spreadsheet starts with a byte-order mark: line 1 is still a reply. */
    @Test
    void aByteOrderMarkDoesNotSpoilTheFirstLine() throws Exception {
        CliProcess.Result r = CliProcess.run("\uFEFF550\t5.1.1\tUser unknown\n\uFEFF550\t5.1.1\tUser unknown\n", java.util.Map.of(),
                "explain", "--batch", "-");
        java.util.List<String> lines = r.out().lines().toList();
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("category").asText()).isEqualTo("recipient-unknown");
        // a mark inside the input is not a file's start: that line stays an error that says where
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
    }

    /** {@code yes … | smtp-explain explain --batch - | head -1} never ended: a closed pipe now ends the run, as SIGPIPE ends a filter. */
    @Test
    void aReaderThatGoesAwayEndsAnEndlessBatch() throws Exception {
        CliProcess.Result r = CliProcess.runWrappedBy(java.util.List.of("bash", "-c",
                "yes '550 5.1.1 User unknown' | \"$@\" | head -1; echo \"exit ${PIPESTATUS[1]}\" >&2", "bash"), "explain", "--batch", "-");
        assertThat(r.err().strip()).isEqualTo("exit 141");
        assertThat(new ObjectMapper().readTree(r.out()).get("category").asText()).isEqualTo("recipient-unknown");
    }

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

    /**
     * Output is written in blocks for speed, but a line's answer still comes out as soon as no more input
     * is waiting: a program that writes one line to the tool and waits for its answer is not left hanging.
     */
    @Test
    void answersEachLineWhileTheInputStaysOpen() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CliProcess.jar().toString(), "explain", "--batch", "-");
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            ObjectMapper json = new ObjectMapper();
            String[] lines = {"550\t5.1.1\tUser unknown", "452\t4.2.2\tMailbox full"};
            String[] categories = {"recipient-unknown", "mailbox-full"};
            for (int i = 0; i < lines.length; i++) {
                in.write((lines[i] + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                // stdin stays open: the answer must come without the end of input
                String answer = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
                JsonNode node = json.readTree(answer);
                assertThat(node.path("category").asText()).as(answer).isEqualTo(categories[i]);
            }
            in.close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            // a missing answer fails the test instead of leaving a reader blocked on a live process
            p.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
