package dev.smtpexplain.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.smtpexplain.i18n.Explainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's command, {@code java -jar examples-spring/target/smtp-explain-spring-demo.jar}, as a real
 * process (on a free HTTP port): it starts its demo SMTP server and answers a refused recipient with a
 * Gujarati problem.
 */
@Timeout(120)
class DemoJarIT {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void theFatJarStartsAndAnswersWithALocalizedProblem() throws Exception {
        Path jar = Path.of(System.getProperty("smtpexplain.spring.demo.jar", "target/smtp-explain-spring-demo.jar"));
        assertThat(jar).as("the packaged demo (mvn verify builds it)").isRegularFile();
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=0", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        try {
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        output.add(line);
                        Matcher m = STARTED.matcher(line);
                        if (m.find()) {
                            return Integer.valueOf(m.group(1));
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            Integer httpPort = port.get(90, TimeUnit.SECONDS);
            assertThat(httpPort).as("start-up output: %s", output).isNotNull();
            // keep draining the output so the app never blocks on a full pipe
            CompletableFuture.runAsync(() -> {
                try {
                    app.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });

            HttpResponse<String> r = Http.postMessage(httpPort, "gu",
                    "{\"to\":[\"alice@example.test\",\"" + DemoSmtpServer.NOUSER + "\"],\"text\":\"Hello\"}");

            assertThat(r.statusCode()).isEqualTo(502);
            JsonNode p = JsonMapper.builder().build().readTree(r.body());
            assertThat(p.get("type").asString()).isEqualTo("urn:smtp-explain:category:recipient-unknown");
            assertThat(p.get("lang").asString()).isEqualTo("gu");
            assertThat(p.get("title").asString())
                    .isEqualTo(Explainer.standard().messages(java.util.Locale.forLanguageTag("gu")).get("category.recipient-unknown.title"));
            assertThat(Files.size(jar)).isGreaterThan(1_000_000);
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
