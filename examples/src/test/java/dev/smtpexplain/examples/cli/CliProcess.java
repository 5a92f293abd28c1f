package dev.smtpexplain.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code smtp-explain} jar as a real process, as a user would. */
final class CliProcess {

    record Result(int exit, String out, String err) {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("smtpexplain.jar", "target/smtp-explain.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged jar is missing: " + jar + " (run mvn verify)");
        }
        return jar;
    }

    static Result run(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), env, List.of(), args);
    }

    /** Runs with {@code stdin} given as raw bytes (invalid UTF-8 included). */
    static Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(stdin, Map.of(), List.of(), args);
    }

    /** Runs with the JVM's default locale set as LANG=gu_IN.UTF-8 would set it. */
    static Result runWithJvmLocale(String language, String country, String... args) throws IOException, InterruptedException {
        return run(null, Map.of("LANG", language + "_" + country + ".UTF-8"), List.of("-Duser.language=" + language, "-Duser.country=" + country), args);
    }

    /** Runs with extra JVM options (a small heap, for instance). */
    static Result runWithJvmOptions(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), jvmOptions, args);
    }

    /** Runs with standard input closed, as {@code <&-} in a shell closes it (some cron and daemon setups do). */
    static Result runWithStdinClosed(String... args) throws IOException, InterruptedException {
        return runWrappedBy(List.of("bash", "-c", "exec \"$@\" <&-", "bash"), args);
    }

    /** Runs the java command line through {@code wrapper} (setpriv, a shell), which runs the line it is given. */
    static Result runWrappedBy(List<String> wrapper, String... args) throws IOException, InterruptedException {
        return runWrapped(null, Map.of(), wrapper, List.of(), args);
    }

    private static Result run(byte[] stdin, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return runWrapped(stdin, env, List.of(), jvmOptions, args);
    }

    // wrapper: a command that runs the java command line it is given (a shell that first closes standard input)
    private static Result runWrapped(byte[] stdin, Map<String, String> env, List<String> wrapper, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dfile.encoding=ISO-8859-1"); // output must be UTF-8 whatever the platform default
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("smtp-explain did not finish in 180 s: " + cmd);
        }
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), args);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
