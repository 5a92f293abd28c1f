package dev.smtpexplain.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.spring.support.RefusingSmtpServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Boot application without a web layer (a batch job with only spring-boot-starter-mail) starts and gets explained
 * exceptions: spring-web is optional here, and the problem details that need it are left out. Run in a JVM of its
 * own whose class path is this test's without spring-web, as an application that never had it would run.
 */
@Timeout(120)
class WithoutSpringWebTest {

    @Test
    void aBootApplicationWithoutSpringWebStartsAndExplains() throws Exception {
        List<String> classPath = testClassPath();
        List<String> withoutWeb = classPath.stream().filter(e -> !Path.of(e).getFileName().toString().matches("spring-web-\\d.*\\.jar")).toList();
        assertThat(withoutWeb).as("spring-web is on the test class path, so the child can be run without it").hasSize(classPath.size() - 1);
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", String.join(File.pathSeparator, withoutWeb), WithoutSpringWebApp.class.getName(),
                    String.valueOf(server.port()), RefusingSmtpServer.NOUSER)
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output.lines()).as(output).contains("spring-web=false", "exception=ExplainedMailSendException",
                    "category=recipient-unknown", "report=recipient-unknown", "problem-details-bean=0");
        }
    }

    // the class path of this JVM as entries: surefire may pass it in a manifest-only jar
    private static List<String> testClassPath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (JarFile booter = new JarFile(entries.get(0))) {
                String manifestPath = booter.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries.clear();
                    for (String url : manifestPath.trim().split(" +")) {
                        entries.add(Path.of(URI.create(url)).toString());
                    }
                }
            }
        }
        return entries;
    }
}
