package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.support.ReportStrings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * Secrets in the wire forms Angus and servers put into exception messages (XOAUTH2 initial responses,
 * decoded bearer tokens, AUTH LOGIN and PLAIN base64 exchanges, {@code token=} values, AUTH commands as
 * an exception's command, close failures added as suppressed) never reach any string of a report made
 * without knowing the credentials: summary, toString, technicalDetails, detail, explanation and its
 * server text, recipient entries, in any locale.
 */
class RedactionProperties {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private static String randomOf(Random random, String chars, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** OAuth access tokens: ya29.…, JWTs, opaque strings. */
    static String token(Random random) {
        String body = randomOf(random, TOKEN_CHARS, 20, 120);
        return switch (random.nextInt(3)) {
            case 0 -> "ya29." + body;
            case 1 -> "eyJhbGciOiJSUzI1NiJ9." + body;
            default -> body;
        };
    }

    /** Printable ASCII, 8-40 characters, at least one letter or digit. */
    static String password(Random random) {
        StringBuilder printable = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            printable.append(c);
        }
        String p;
        do {
            p = randomOf(random, printable.toString(), 8, 40);
        } while (p.chars().noneMatch(Character::isLetterOrDigit));
        return p;
    }

    static String user(Random random) {
        return randomOf(random, "abcdefghijklmnopqrstuvwxyz", 1, 12) + "@example.test";
    }

    /** The places a server or Angus puts secrets, one exception per place. */
    private static List<MessagingException> carriers(String user, String token, String password) throws Exception {
        String xoauth2 = b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
        String plain = b64("\u0000" + user + "\u0000" + password);
        InternetAddress to = new InternetAddress("to@example.test");
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(to, "RCPT TO:<to@example.test>", 550,
                "550 5.7.1 after AUTH PLAIN " + plain + " you may not send to <to@example.test>\n");
        MessagingException timeout = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        timeout.addSuppressed(new MessagingException("Can't send command to SMTP host: AUTH LOGIN " + b64(user) + "\n" + b64(password)));
        return List.of(
                new AuthenticationFailedException("535 5.7.8 Authentication failed: AUTH XOAUTH2 " + xoauth2 + "\n"),
                new MessagingException("535-5.7.8 Username and Password not accepted\n535 5.7.8 AUTH XOAUTH2 " + xoauth2 + "\n"),
                new AuthenticationFailedException("535-5.7.8 AUTH LOGIN failed\n535-5.7.8 334 VXNlcm5hbWU6\n535-5.7.8 " + b64(user)
                        + "\n535-5.7.8 334 UGFzc3dvcmQ6\n535 5.7.8 " + b64(password) + "\n"),
                new AuthenticationFailedException("AUTH LOGIN\r\n" + b64(user) + "\r\n" + b64(password) + "\r\n535 5.7.8 bad credentials\n"),
                new SMTPSendFailedException("AUTH XOAUTH2 " + xoauth2, 535, "535 5.7.8 rejected AUTH XOAUTH2 " + xoauth2 + "\n", null,
                        null, null, null),
                new AuthenticationFailedException("535 5.7.8 bad token: user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001\n"),
                new AuthenticationFailedException("334 eyJzdGF0dXMiOiI0MDEifQ== then 535 5.7.8 {\"error\":\"invalid_token\"} token=" + token
                        + " access_token=\"" + token + "\"\n"),
                new SendFailedException("Invalid Addresses", rcpt, null, null, new InternetAddress[] {to}),
                timeout);
    }

    /** 200 seeded random users, tokens and passwords, each in the nine carriers, in random locales. */
    @Test
    void secretsNeverReachAReport() throws Exception {
        Random random = new Random(15);
        List<Locale> locales = Explainer.supportedLocales();
        for (int i = 0; i < 200; i++) {
            assertNoSecretInAnyReport(user(random), token(random), password(random), locales.get(random.nextInt(locales.size())));
        }
    }

    private static void assertNoSecretInAnyReport(String user, String token, String password, Locale locale) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(token, b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001"),
                b64(password), b64("\u0000" + user + "\u0000" + password)));
        for (MessagingException e : carriers(user, token, password)) {
            SendFailureReport r = SendFailureAnalyzer.standard().analyze(e, locale);
            ReportStrings.assertSanitized(r);
            for (String s : ReportStrings.all(r)) {
                for (String secret : secrets) {
                    assertThat(s).as("%s in a report of %s", secret, e.getMessage()).doesNotContain(secret);
                }
            }
        }
    }
}
