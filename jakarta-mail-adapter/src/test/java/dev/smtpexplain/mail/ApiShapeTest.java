package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guice stays optional: no class outside {@code dev.smtpexplain.mail.guice} refers to it. */
class ApiShapeTest {

    @Test
    void everyStageHasACatalogPhrase() {
        var messages = dev.smtpexplain.i18n.Explainer.standard().messages(java.util.Locale.ENGLISH);
        for (SmtpStage stage : SmtpStage.values()) {
            assertThat(messages.has(stage.messageKey())).as(stage.messageKey()).isTrue();
        }
        assertThat(SmtpStage.MAIL_FROM.id()).isEqualTo("mail-from");
        assertThat(SmtpStage.END_OF_DATA.messageKey()).isEqualTo("stage.end-of-data");
    }

    @Test
    void everyBounceKindHasACatalogPhraseInEveryLanguage() {
        for (java.util.Locale l : dev.smtpexplain.i18n.Explainer.supportedLocales()) {
            var messages = dev.smtpexplain.i18n.Explainer.standard().messages(l);
            for (dev.smtpexplain.mail.bounce.BounceKind kind : dev.smtpexplain.mail.bounce.BounceKind.values()) {
                assertThat(messages.has(kind.messageKey())).as(l + " " + kind.messageKey()).isTrue();
            }
            for (String key : List.of("bounce.label.reportingMta", "bounce.label.originalMessage", "bounce.noRecipients")) {
                assertThat(messages.has(key)).as(l + " " + key).isTrue();
            }
        }
        assertThat(dev.smtpexplain.mail.bounce.BounceKind.AUTO_REPLY.messageKey()).isEqualTo("bounce.kind.auto-reply");
    }

    @Test
    void onlyTheGuicePackageRefersToGuice() throws IOException, URISyntaxException {
        Path root = Path.of(SmtpStage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path mail = root.resolve("dev/smtpexplain/mail");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(mail)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).anyMatch(p -> p.startsWith(mail.resolve("guice")));
        for (Path c : classes) {
            // class files name their referenced types in the constant pool as com/google/inject/...
            String bytes = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            boolean guice = bytes.contains("com/google/inject") || bytes.contains("jakarta/inject");
            if (!c.startsWith(mail.resolve("guice"))) {
                assertThat(guice).as(root.relativize(c) + " refers to Guice").isFalse();
            }
        }
    }
}
