package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.examples.demo.DemoMailServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code send}, run as a real process against real SMTP servers on 127.0.0.1. */
class SendCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static DemoMailServer servers;

    @BeforeAll
    static void start() throws Exception {
        servers = DemoMailServer.start();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static CliProcess.Result send(int port, String... extra) throws Exception {
        boolean lang = java.util.Arrays.asList(extra).contains("--lang");
        String[] base = {"send", "--host", "127.0.0.1", "--port", Integer.toString(port), "--tls", "none", "--lang", lang ? "" : "en",
                "--from", "alice@example.test", "--subject", "Hello", "--body", "Hi there", "--timeout", "5"};
        if (lang) {
            base = java.util.Arrays.stream(base).filter(a -> !a.equals("--lang") && !a.isEmpty()).toArray(String[]::new);
        }
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliProcess.run(all);
    }

    @Test
    void saysWhoAcceptedTheMessage() throws Exception {
        CliProcess.Result r = send(servers.mainPort(), "--to", "bob@example.test", "--to", "carol@example.test");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("The message was sent", "2 recipients accepted the message", "✓ bob@example.test", "✓ carol@example.test");
    }

    /**
     * A delivered message whose report cannot be written (stdout on a full disk) keeps exit status 0: a wrapper that sends
     * again on a failure must not send it twice (outside tester 74); stderr says the report was not written.
     */
    @Test
    void theMessagesFateDecidesTheStatusEvenWhereTheReportCannotBeWritten() throws Exception {
        CliProcess.Result r = CliProcess.runWrappedBy(java.util.List.of("bash", "-c", "exec \"$@\" >/dev/full", "bash"), "send", "--host",
                "127.0.0.1", "--port", Integer.toString(servers.mainPort()), "--tls", "none", "--lang", "en", "--from", "alice@example.test",
                "--to", "bob@example.test", "--subject", "Hello", "--body", "Hi there", "--timeout", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().strip()).isEqualTo("smtp-explain: standard output: cannot write: no space left on device");
    }

    /** The JSON keeps every key when a text is absent: "" for no server text, no matched phrase, no transport detail. */
    @Test
    void jsonWritesAnEmptyStringForAnAbsentText() throws Exception {
        JsonNode refused = JSON.readTree(send(servers.refusedPort(), "--to", "bob@example.test", "--json").out());
        assertThat(refused.get("detail").isTextual()).isTrue();
        assertThat(refused.get("detail").asText()).contains("refused the connection");
        JsonNode e = refused.get("explanation");
        assertThat(e.get("serverText").isTextual()).isTrue();
        assertThat(e.get("serverText").asText()).isEmpty();
        assertThat(e.get("matched").isTextual()).isTrue();
        assertThat(e.get("matched").asText()).isEmpty();
        JsonNode rejected = JSON.readTree(send(servers.mainPort(), "--to", "nobody@example.test", "--json").out());
        assertThat(rejected.get("detail").isTextual()).isTrue();
        assertThat(rejected.get("detail").asText()).isEmpty();
        assertThat(rejected.get("explanation").get("serverText").asText()).startsWith("550 5.1.1");
    }

    @Test
    void permanentTemporaryAndPartialFailuresHaveTheirOwnExitStatus() throws Exception {
        CliProcess.Result permanent = send(servers.mainPort(), "--to", "nobody@example.test");
        assertThat(permanent.exit()).isEqualTo(SendCommand.PERMANENT);
        assertThat(permanent.out()).contains("The recipient’s address does not exist", "> 550 5.1.1");
        CliProcess.Result temporary = send(servers.mainPort(), "--to", "full@example.test", "--json");
        assertThat(temporary.exit()).isEqualTo(SendCommand.TEMPORARY);
        assertThat(JSON.readTree(temporary.out()).get("explanation").get("category").asText()).isEqualTo("mailbox-full");
        // one recipient refused for good and one for now, in either order: sending again unchanged fails, so permanent
        for (String[] order : new String[][] {{"full@example.test", "nobody@example.test"}, {"nobody@example.test", "full@example.test"}}) {
            CliProcess.Result mixed = send(servers.mainPort(), "--to", order[0], "--to", order[1]);
            assertThat(mixed.exit()).as(String.join(", ", order)).isEqualTo(SendCommand.PERMANENT);
        }
        CliProcess.Result partial = send(servers.mainPort(), "--to", "bob@example.test", "--to", "nobody@example.test", "--partial");
        assertThat(partial.exit()).isEqualTo(SendCommand.PARTIAL);
        assertThat(partial.out()).contains("✓ bob@example.test", "✗ nobody@example.test");
        CliProcess.Result refused = send(servers.refusedPort(), "--to", "bob@example.test");
        assertThat(refused.exit()).isEqualTo(SendCommand.TEMPORARY);
        assertThat(refused.out()).contains("refused the connection");
    }

    /**
     * A server that takes the whole message and hangs up instead of answering it: nobody knows whether it arrived, so
     * the report says so, and the exit status is not "temporary" (a script that sends again on 4 would send twice).
     */
    @Test
    void aSendTheServerNeverConfirmedHasItsOwnExitStatus() throws Exception {
        CliProcess.Result text = send(servers.hangingUpPort(), "--to", "bob@example.test");
        assertThat(text.exit()).as(text.err()).isEqualTo(SendCommand.UNCONFIRMED);
        assertThat(text.out()).contains("? Delivery was not confirmed", "It is not known whether 1 recipient got the message",
                "? bob@example.test", "Before you send the message again, find out whether it arrived").doesNotContain("not sent");
        JsonNode json = JSON.readTree(send(servers.hangingUpPort(), "--to", "bob@example.test", "--json").out());
        assertThat(json.get("outcome").asText()).isEqualTo("unconfirmed");
        assertThat(json.get("stage").asText()).isEqualTo("end-of-data");
        assertThat(json.get("unconfirmed")).hasSize(1);
        assertThat(json.get("unconfirmed").get(0).asText()).isEqualTo("bob@example.test");
        assertThat(json.get("notAttempted")).isEmpty();
        assertThat(json.get("explanation").get("retry").asText()).isEqualTo("uncertain");
        assertThat(json.get("explanation").get("acts").asText()).isEqualTo("sender");
        assertThat(CliProcess.run("send", "--help").out()).contains("6", "not confirmed");
    }

    /**
     * {@code --timeout} bounds each reply as a whole, not each read: a greeting dripped a byte a second ends the send
     * after the timeout (outside tester 64: {@code --timeout 2} waited for the library's 60 s stage deadline).
     */
    @Test
    void theTimeoutBoundsAReplyDrippedAByteAtATime() throws Exception {
        try (java.net.ServerSocket drip = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket c = drip.accept()) {
                    for (byte b : "220 slow.example.test ESMTP a greeting that never ends".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
                        c.getOutputStream().write(b);
                        c.getOutputStream().flush();
                        Thread.sleep(500);
                    }
                } catch (Exception e) {
                    // the client gave up and closed
                }
            }, "dripping-server");
            server.setDaemon(true);
            server.start();
            long start = System.nanoTime();
            CliProcess.Result r = CliProcess.run("send", "--host", "127.0.0.1", "--port", Integer.toString(drip.getLocalPort()), "--tls", "none",
                    "--from", "alice@example.test", "--to", "bob@example.test", "--body", "Hi", "--timeout", "2", "--json");
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            // no whole greeting: the server was not reached as a mail server (the adapter README's stage table)
            assertThat(JSON.readTree(r.out()).get("stage").asText()).isEqualTo("connect");
            assertThat(JSON.readTree(r.out()).get("detail").asText()).isEqualTo("The mail server 127.0.0.1 did not answer in time.");
            // the exception's own words, for whoever sets the program up
            assertThat(JSON.readTree(r.out()).get("technicalDetails").asText()).contains("Exception reading response");
            // two seconds of dripping, plus the JVM's start; 60 s before
            assertThat(seconds).isLessThan(15);
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws Exception {
        for (String port : new String[] {"0", "-1", "70000"}) {
            CliProcess.Result r = CliProcess.run("send", "--host", "127.0.0.1", "--port", port, "--tls", "none", "--from",
                    "alice@example.test", "--to", "bob@example.test", "--body", "Hi");
            assertThat(r.exit()).as(port).isEqualTo(2);
            assertThat(r.err()).as(port).contains("--port must be 1 to 65535").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndNeverShows() throws Exception {
        CliProcess.Result r = CliProcess.run(null, Map.of("DEMO_SMTP_PASSWORD", "s3cret-Passw0rd"), "send", "--host", "127.0.0.1",
                "--port", Integer.toString(servers.authenticatingPort()), "--tls", "none", "--user", "alice", "--password-env",
                "DEMO_SMTP_PASSWORD", "--from", "alice@example.test", "--to", "bob@example.test", "--lang", "en", "--json");
        assertThat(r.exit()).isEqualTo(SendCommand.PERMANENT);
        assertThat(JSON.readTree(r.out()).get("explanation").get("category").asText()).isEqualTo("authentication-failed");
        assertThat(r.out() + r.err()).doesNotContain("s3cret-Passw0rd");
        CliProcess.Result unset = CliProcess.run("send", "--host", "127.0.0.1", "--user", "a", "--password-env", "NO_SUCH_VARIABLE_X",
                "--from", "a@example.test", "--to", "b@example.test");
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("NO_SUCH_VARIABLE_X");
        CliProcess.Result help = CliProcess.run("send", "--help");
        assertThat(help.out()).contains("--password-env", "Exit status:", "permanent failure", "temporary failure", "some recipients only");
    }

    /** Real Postfix on 127.0.0.1:2525, installed and started by .ci/postfix-setup.sh. */
    @Test
    void sendsThroughRealPostfix() throws Exception {
        assumeTrue(listening(2525), "Postfix is not listening on 127.0.0.1:2525 (run .ci/postfix-setup.sh as root)");
        CliProcess.Result ok = send(2525, "--to", "bob@example.test");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        CliProcess.Result unknown = send(2525, "--to", "nouser@example.test", "--json");
        assertThat(unknown.exit()).isEqualTo(SendCommand.PERMANENT);
        assertThat(JSON.readTree(unknown.out()).get("explanation").get("category").asText()).isEqualTo("recipient-unknown");
        CliProcess.Result full = send(2525, "--to", "full@example.test", "--lang", "gu");
        assertThat(full.exit()).isEqualTo(SendCommand.TEMPORARY);
        assertThat(full.out()).contains("452 4.2.2").matches(s -> s.codePoints().anyMatch(cp -> cp >= 0x0A80 && cp <= 0x0AFF));
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
