package dev.smtpexplain.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer app compiled with javac and run with java against the packaged jars, as a user would: on the
 * module path (named modules, {@code requires dev.smtpexplain.swing}) and on the class path. Both must give
 * a real diagnosis and a Gujarati explanation, and a real send through Angus to a closed port must be
 * explained; on the module path the internal packages must stay out of reach.
 */
class ConsumerIT {

    static final String REPLY = "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table";
    static final Locale GUJARATI = Locale.forLanguageTag("gu-IN");
    static final Path WORK = Path.of("target", "consumer");

    static List<Path> jars;

    @BeforeAll
    static void readPath() throws IOException {
        String file = System.getProperty("smtpexplain.consumer.path");
        assertThat(file).as("set by the POM (dependency:build-classpath)").isNotNull();
        jars = Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void theLibraryJarsBringNoLoggingBindingCliOrServer() throws IOException {
        List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).anyMatch(n -> n.startsWith("smtp-explain-core-"))
                .anyMatch(n -> n.startsWith("smtp-explain-swing-"))
                .noneMatch(n -> n.startsWith("slf4j") || n.startsWith("logback") || n.startsWith("log4j"))
                .noneMatch(n -> n.startsWith("picocli") || n.startsWith("jackson") || n.startsWith("subethasmtp"))
                .as("Guice is optional").noneMatch(n -> n.startsWith("guice"))
                // the nullness annotations are for compilers: the consumer below compiles and runs without them
                .as("JSpecify is optional").noneMatch(n -> n.startsWith("jspecify"));
        // packaged jars, not target/classes: what a user gets
        assertThat(jars).allMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p));
        // each says which release it is, for an application's log (Package.getImplementationVersion())
        for (Path jar : jars.stream().filter(p -> p.getFileName().toString().startsWith("smtp-explain-")).toList()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Implementation-Version")).as(jar.toString())
                        .isEqualTo(System.getProperty("smtpexplain.version"));
            }
        }
    }

    @Test
    void runsOnTheModulePath() throws Exception {
        Path out = compile("module-path", List.of("--module-path", path()), sources(true));
        Map<String, String> result = run(List.of("--module-path", out + File.pathSeparator + path(),
                "--module", "consumer.app/consumer.app.Main", REPLY));
        assertThat(result).containsEntry("module", "dev.smtpexplain.core").containsEntry("swingModule", "dev.smtpexplain.swing");
        assertExplained(result);
    }

    @Test
    void runsOnTheClassPath() throws Exception {
        Path out = compile("class-path", List.of("--class-path", path()), sources(false));
        Map<String, String> result = run(List.of("--class-path", out + File.pathSeparator + path(), "consumer.app.Main", REPLY));
        assertThat(result).containsEntry("module", "null").containsEntry("swingModule", "null");
        assertExplained(result);
    }

    @Test
    void internalPackagesAreNotExported() throws Exception {
        Path src = WORK.resolve("internal-src");
        write(src.resolve("module-info.java"), "module consumer.internal { requires dev.smtpexplain.mail; }");
        write(src.resolve("consumer/internal/Peek.java"), """
                package consumer.internal;
                public class Peek { Object o = dev.smtpexplain.core.internal.RulesParser.class; }
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac(List.of("--module-path", path(), "-d", WORK.resolve("internal-out").toString(),
                src.resolve("module-info.java").toString(), src.resolve("consumer/internal/Peek.java").toString()), err);
        assertThat(rc).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("dev.smtpexplain.core.internal").contains("not visible");
    }

    private static void assertExplained(Map<String, String> result) {
        var expected = Explainer.standard().explain(Diagnoser.standard().diagnose(REPLY), GUJARATI);
        assertThat(result).containsEntry("category", "recipient-unknown")
                .containsEntry("locale", "gu")
                .containsEntry("title", expected.title());
        assertThat(expected.title()).as("a Gujarati title").matches(".*[\\u0A80-\\u0AFF].*");
        String connectionFailed = Category.CONNECTION_FAILED.id();
        // Jakarta Mail instantiates the installed transport by reflection: the module exports its package to it alone
        assertThat(result).containsEntry("installedTransport", "dev.smtpexplain.mail.internal.DataReplyTransport")
                .containsEntry("installedCategory", connectionFailed);
        assertThat(result).containsEntry("sendCategory", connectionFailed)
                .containsEntry("sendTitle", Explainer.standard().messages(GUJARATI).get("category." + connectionFailed + ".title"));
    }

    private static String path() {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    private static List<Path> sources(boolean withModuleInfo) throws IOException {
        Path src = WORK.resolve(withModuleInfo ? "module-src" : "class-src");
        List<Path> files = new ArrayList<>();
        for (String name : withModuleInfo ? List.of("module-info.java", "consumer/app/Main.java") : List.of("consumer/app/Main.java")) {
            try (InputStream in = ConsumerIT.class.getResourceAsStream("/consumer/src/" + name)) {
                assertThat(in).as(name).isNotNull();
                files.add(write(src.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Path compile(String name, List<String> pathOptions, List<Path> sources) {
        Path out = WORK.resolve(name + "-out");
        List<String> args = new ArrayList<>(pathOptions);
        args.addAll(List.of("-Xlint:all", "-Werror", "-d", out.toString()));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac(args, err);
        assertThat(rc).as("javac: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private static int javac(List<String> args, ByteArrayOutputStream err) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        return javac.run(null, err, err, args.toArray(String[]::new));
    }

    private static Map<String, String> run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readAllBytes();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        try (Stream<String> lines = output.lines()) {
            lines.filter(l -> l.contains("=")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        }
        return values;
    }

}
