package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.examples.demo.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo, run as a real process: every scenario fails the way it should, in English and Gujarati. */
class DemoCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("unknown-recipient", "recipient-unknown");
        EXPECTED.put("mailbox-full", "mailbox-full");
        EXPECTED.put("greylisting", "greylisted");
        EXPECTED.put("message-too-big", "message-too-big");
        EXPECTED.put("dmarc-rejection", "sender-authentication-failed");
        EXPECTED.put("spam-block", "spam-detected");
        EXPECTED.put("blocklisted-ip", "sender-blocked");
        EXPECTED.put("authentication-failure", "authentication-failed");
        EXPECTED.put("starttls-required", "requires-tls");
        EXPECTED.put("relay-denied", "relay-denied");
        EXPECTED.put("partial-delivery", "recipient-unknown");
        EXPECTED.put("connection-refused", "connection-failed");
        EXPECTED.put("bounce-later", "recipient-unknown");
    }

    @Test
    void everyScenarioFailsAsARealServerWouldAndIsExplained() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "en", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(Scenario.all().size()).hasSize(EXPECTED.size());
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            String id = j.get("scenario").asText();
            assertThat(j.get("explanation").get("category").asText()).as(id).isEqualTo(EXPECTED.get(id));
            assertThat(j.get("explanation").get("title").asText()).as(id).isNotBlank();
        }
        JsonNode partial = JSON.readTree(lines[10]);
        assertThat(partial.get("outcome").asText()).isEqualTo("partially-delivered");
        assertThat(partial.get("accepted")).extracting(JsonNode::asText).containsExactly("bob@example.test", "dave@example.test");
        assertThat(partial.get("recipients").get(0).get("address").asText()).isEqualTo("nobody.else@example.test");
        JsonNode grey = JSON.readTree(lines[2]);
        assertThat(grey.get("recipients").get(0).get("kind").asText()).isEqualTo("deferred");
        JsonNode refused = JSON.readTree(lines[11]);
        assertThat(refused.get("stage").asText()).isEqualTo("connect");
        assertThat(refused.get("notAttempted")).extracting(JsonNode::asText).containsExactly("bob@example.test");
        JsonNode bounce = JSON.readTree(lines[12]);
        assertThat(bounce.get("kind").asText()).isEqualTo("failed");
        assertThat(bounce.get("recipients").get(0).get("recipient").asText()).isEqualTo("kim@example.test");
        assertThat(bounce.get("recipients").get(0).get("status").asText()).isEqualTo("5.1.1");
        assertThat(bounce.get("recipients").get(0).get("command").asText()).isEqualTo("rcpt-to");
    }

    @Test
    void printsGujaratiReportsWithSections() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "gu");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("━━ 1/13", "━━ 13/13", "ડિલિવરી નિષ્ફળ ગઈ", "શું થયું", "તમે શું કરી શકો", "ટેકનિકલ વિગતો",
                "> 550 5.1.1 <nobody@example.test>");
        assertThat(r.out()).doesNotContain("\u001B[").doesNotContain("What happened");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void rejectsAnUnknownScenario() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--only", "unknown-recipient,no-such-thing");
        assertThat(r.exit()).isEqualTo(2);
        // the one wrong id is named, not the whole list
        assertThat(r.err()).contains("unknown scenario in --only: no-such-thing;").doesNotContain("--only: unknown-recipient");
    }

    @Test
    void aRepeatedIdOrASpaceAfterTheCommaStillNamesAScenario() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--json", "--only", "greylisting, greylisting,unknown-recipient");
        assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> ran = new java.util.ArrayList<>();
        for (String line : r.out().split("\n")) {
            ran.add(JSON.readTree(line).get("scenario").asText());
        }
        assertThat(ran).containsExactly("unknown-recipient", "greylisting");
    }

    /**
     * dialog-demo --png lays out and paints on the event dispatch thread: run again and again, it never
     * prints an exception and always writes the image (off the EDT it failed in some runs).
     */
    @Test
    void dialogDemoWritesThePngEveryTime() throws Exception {
        for (int i = 0; i < 4; i++) {
            java.nio.file.Path png = java.nio.file.Path.of("target", "dialog-demo", "gu-" + i + ".png").toAbsolutePath();
            java.nio.file.Files.createDirectories(png.getParent());
            java.nio.file.Files.deleteIfExists(png);
            CliProcess.Result r = CliProcess.run("dialog-demo", "--lang", "gu", "--scenario", i % 2 == 0 ? "dmarc-rejection" : "greylisting",
                    "--details", "--png", png.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).doesNotContain("Exception");
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            assertThat(img).isNotNull();
            assertThat(img.getWidth()).isGreaterThan(600);
        }
    }
}
