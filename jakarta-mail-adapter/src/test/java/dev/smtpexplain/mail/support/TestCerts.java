package dev.smtpexplain.mail.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed server certificates made with the JDK's keytool at test time (nothing binary in the
 * repository, nothing to expire). EC keys: generated in milliseconds.
 */
public final class TestCerts {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Path dir;

    private TestCerts() {
    }

    /** A certificate for 127.0.0.1 (SAN ip:127.0.0.1). */
    public static synchronized Path loopbackCert() {
        return make("loopback", "ip:127.0.0.1");
    }

    /** A certificate for another name: connecting to 127.0.0.1 must fail the host-name check. */
    public static synchronized Path otherNameCert() {
        return make("othername", "dns:mail.other.test");
    }

    /** A server context presenting the keystore's certificate. */
    public static SSLContext serverContext(Path keystore) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts exactly the keystore's certificate. */
    public static SSLContext clientTrusting(Path keystore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(keystore));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path p) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static Path make(String name, String san) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("smtp-explain-certs");
                Runtime.getRuntime().addShutdownHook(new Thread(TestCerts::deleteDir));
            }
            Path ks = dir.resolve(name + ".p12");
            if (Files.exists(ks)) {
                return ks;
            }
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", "2", "-dname", "CN=" + name + ".test", "-ext", "SAN=" + san, "-keystore", ks.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            return ks;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteDir() {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
