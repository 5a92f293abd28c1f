package dev.smtpexplain.mail.bounce;

import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Prints the reports of the corpus files named in -Dbounces.debug (temporary, for development). */
class BounceDebugTest {
    @Test
    void print() throws Exception {
        String names = System.getProperty("bounces.debug", "");
        for (String n : names.split(",")) {
            if (n.isBlank()) continue;
            BounceReport r = Bounces.explain(Files.readAllBytes(SharedBounces.dir().resolve("emails").resolve(n + ".eml")), Locale.ENGLISH);
            System.out.println("== " + n + " kind=" + r.kind() + " format=" + r.format() + " problem=" + r.problem() + " mta=" + r.reportingMta());
            for (BounceRecipient x : r.recipients()) {
                System.out.println("  " + x.finalRecipient() + " | " + x.action() + " | " + x.status() + " | " + x.replyCode() + " | " + x.stage()
                        + " | " + x.categoryId() + " | " + x.diagnosis().map(d -> d.evidence().ruleId()).orElse("") + "\n     " + x.replyText().replace("\n", "\n     "));
            }
        }
    }
}
