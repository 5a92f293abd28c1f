package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.RetryAdvice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    static final Locale GU = Locale.forLanguageTag("gu");
    final Explainer explainer = Explainer.standard();

    static Diagnosis diagnose(String reply) {
        return Diagnoser.standard().diagnose(reply);
    }

    @Test
    void theServerTextIsWhatTheServerSent() {
        // a log line that quotes the reply further on: nothing is put in front of it
        String log = "Dec  4 10:00:00 mx postfix/smtp[123]: ABC: to=<bob@example.com>, status=bounced (host mx.example.com[192.0.2.1]"
                + " said: 550 5.1.1 User unknown (in reply to RCPT TO command))";
        assertThat(explainer.explain(diagnose(log), Locale.ENGLISH).serverText().orElseThrow()).startsWith("Dec 4 10:00:00 mx postfix");
        // a code and status given apart from their text come first, as a server writes them
        Diagnosis parts = Diagnoser.standard().diagnose(dev.smtpexplain.core.SmtpReply.of(550, "5.1.1", "User unknown"));
        assertThat(explainer.explain(parts, Locale.ENGLISH).serverText()).contains("550 5.1.1 User unknown");
    }

    @Test
    void explainsInEnglish() {
        Explanation e = explainer.explain(diagnose("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"), Locale.ENGLISH);
        assertThat(e.languageTag()).isEqualTo("en");
        assertThat(e.categoryId()).isEqualTo("recipient-unknown");
        assertThat(e.title()).isEqualTo("The recipient’s address does not exist");
        assertThat(e.advice()).hasSizeBetween(2, 5).allSatisfy(a -> assertThat(a).isNotBlank());
        assertThat(e.codeMeaning()).get().asString().contains("mailbox");
        assertThat(e.statusMeaning()).isPresent();
        assertThat(e.serverText()).contains("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        assertThat(e.permanenceLabel()).isEqualTo(explainer.messages(Locale.ENGLISH).get("permanence.permanent"));
    }

    @Test
    void everyCategoryHasACompleteEnglishExplanation() {
        for (Category c : Category.values()) {
            Diagnosis d = Diagnosis.of(dev.smtpexplain.core.SmtpReply.parseLenient("550 x"), c, 0.5,
                    new dev.smtpexplain.core.Evidence(dev.smtpexplain.core.Evidence.Source.NONE, "test"));
            Explanation e = explainer.explain(d, Locale.ENGLISH);
            assertThat(e.title()).as(c.id()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            assertThat(e.summary()).as(c.id()).hasSizeGreaterThan(80);
            assertThat(e.advice()).as(c.id()).hasSizeBetween(2, 5);
            assertThat(e.contact()).as(c.id()).isNotBlank();
        }
    }

    @Test
    void aMessageItsSenderStillRetriesIsToldToWaitFirstInEveryLanguage() {
        String englishStep = explainer.messages(Locale.ENGLISH).get("retry.automatic.firstStep");
        for (Locale l : Explainer.supportedLocales()) {
            for (Category c : Category.values()) {
                Diagnosis d = Diagnosis.of(dev.smtpexplain.core.SmtpReply.parseLenient("451 4.4.1 x"), c, 0.5,
                        new dev.smtpexplain.core.Evidence(dev.smtpexplain.core.Evidence.Source.NONE, "test"));
                Explanation plain = explainer.explain(d, l);
                Explanation waiting = explainer.explain(d.retriedBySender(), l);
                String step = explainer.messages(l).get("retry.automatic.firstStep");
                assertThat(waiting.retryText()).as("%s %s", l, c.id()).isEqualTo(explainer.messages(l).get("retry.automatic"));
                if (c.retryAdvice() == dev.smtpexplain.core.RetryAdvice.AUTOMATIC) {
                    // greylisting and connection limits already say to wait
                    assertThat(waiting.advice()).as("%s %s", l, c.id()).isEqualTo(plain.advice());
                } else {
                    assertThat(waiting.advice()).as("%s %s", l, c.id()).first().isEqualTo(step);
                    assertThat(waiting.advice().subList(1, waiting.advice().size())).as("%s %s", l, c.id()).isEqualTo(plain.advice());
                }
            }
            if (!l.getLanguage().equals("en")) {
                assertThat(explainer.messages(l).get("retry.automatic.firstStep")).as(l.toString()).isNotEqualTo(englishStep);
            }
        }
    }

    @Test
    void unregisteredCodesAreExplainedByTheirDigits() {
        Explanation e = explainer.explain(diagnose("526 4.9.77 odd"), Locale.ENGLISH);
        assertThat(e.codeMeaning()).get().asString()
                .startsWith("Code 526 is not a registered reply code")
                .contains(explainer.messages(Locale.ENGLISH).get("code.class.5"))
                .contains(explainer.messages(Locale.ENGLISH).get("code.area.2"));
        Explanation s = explainer.explain(diagnose("550 5.7.650 odd"), Locale.ENGLISH);
        assertThat(s.statusMeaning()).get().asString().contains("5.7.650")
                .contains(explainer.messages(Locale.ENGLISH).get("status.subject.7"));
    }

    /**
     * A failure whose every step is in the reader's own settings (a relay refused for want of a login, a server that
     * requires encryption, a connection that could not be made) names the reader first, then their provider, in every
     * language (outside tester 72: "your email provider or IT administrator" made readers wait for someone else). The
     * taxonomy's actor stays the sender's administrator.
     */
    @Test
    void aFailureFixedInTheReadersOwnSettingsNamesThemFirst() {
        Map<String, String> byCategory = Map.of(
                "554 5.7.1 <bob@example.org>: Relay access denied", "relay-denied",
                "530 5.7.0 Must issue a STARTTLS command first", "requires-tls");
        byCategory.forEach((reply, category) -> {
            Diagnosis d = diagnose(reply);
            assertThat(d.category().id()).as(reply).isEqualTo(category);
            assertThat(d.actor()).isEqualTo(Actor.SENDER_ADMIN);
            for (Locale l : Explainer.supportedLocales()) {
                LocalizedMessages m = explainer.messages(l);
                assertThat(explainer.explain(d, l).whoActsText()).as("%s in %s", category, l)
                        .isEqualTo(m.get("category." + category + ".acts")).isNotEqualTo(m.get("acts.sender-admin"));
            }
        });
        for (Locale l : Explainer.supportedLocales()) {
            assertThat(explainer.messages(l).has("category.connection-failed.acts")).as(l.toLanguageTag()).isTrue();
        }
        // an application's rule naming another actor for such a category: that actor's phrase, not the category's line
        // (outside tester 74)
        Diagnosis other = Diagnoser.builder().addRules("rule acme.relay  relay-denied  any-class\n    acts: recipient-admin\n"
                + "    \"acme relay closed\"\n", "acme").build().diagnose("554 5.7.1 acme relay closed");
        assertThat(other.actor()).isEqualTo(Actor.RECIPIENT_ADMIN);
        for (Locale l : Explainer.supportedLocales()) {
            assertThat(explainer.explain(other, l).whoActsText()).as(l.toLanguageTag()).isEqualTo(explainer.messages(l).get("acts.recipient-admin"));
        }
    }

    /**
     * An expired delivery is permanent, and nobody acts first (the taxonomy): its who-acts text says the mail system gave
     * up, never that the problem clears up by itself, in every language.
     */
    @Test
    void anExpiredDeliveryDoesNotSayTheProblemClearsUpByItself() {
        Diagnosis d = diagnose("554 5.4.7 Delivery time expired: message could not be delivered for 5 days");
        assertThat(d.category()).isEqualTo(Category.DELIVERY_EXPIRED);
        assertThat(d.isPermanent()).isTrue();
        for (Locale l : Explainer.supportedLocales()) {
            Explanation e = explainer.explain(d, l);
            assertThat(e.whoActsText()).as(l.toLanguageTag())
                    .isEqualTo(explainer.messages(l).get("category.delivery-expired.acts"))
                    .isNotEqualTo(explainer.messages(l).get("acts.nobody"));
        }
        assertThat(explainer.explain(d, Locale.ENGLISH).whoActsText()).doesNotContain("by itself").contains("given up");
        // a temporary category whose actor is nobody keeps the general phrase
        assertThat(explainer.explain(diagnose("421 4.7.0 Too many connections, slow down"), Locale.ENGLISH).whoActsText())
                .isIn(explainer.messages(Locale.ENGLISH).get("acts.nobody"), explainer.messages(Locale.ENGLISH).get("acts.sender"));
    }

    /**
     * A login refused for a reason its wording names leads with the step for that reason (the rule's {@code first-step}),
     * in every language; a plain refusal keeps the category's order (the password first). The other steps follow.
     */
    @Test
    void aLoginRefusalLeadsWithTheStepItsWordingNames() {
        Map<String, Integer> firstStep = Map.of(
                "535-5.7.8 Username and Password not accepted. For more information, go to https://support.example.com/?p=BadCredentials", 1,
                "534-5.7.9 Application-specific password required. Learn more at https://support.example.com/mail/?p=InvalidSecondFactor", 2,
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", 4,
                "504 5.7.4 Unrecognized authentication mechanism", 4,
                "534-5.7.14 Please log in via your web browser and then try again.", 5);
        firstStep.forEach((reply, step) -> {
            Diagnosis d = diagnose(reply);
            assertThat(d.category()).as(reply).isEqualTo(Category.AUTHENTICATION_FAILED);
            for (Locale l : Explainer.supportedLocales()) {
                LocalizedMessages m = explainer.messages(l);
                List<String> advice = explainer.explain(d, l).advice();
                List<String> own = new ArrayList<>();
                for (int i = 1; m.has("category.authentication-failed.advice." + i); i++) {
                    own.add(m.get("category.authentication-failed.advice." + i));
                }
                assertThat(advice).as("%s in %s", reply, l).hasSameSizeAs(own).containsExactlyInAnyOrderElementsOf(own)
                        .first().isEqualTo(own.get(step - 1));
            }
        });
    }

    /**
     * Where a wording shows that someone other than the category's usual actor must act, the report is written for them, in
     * every language (outside tester 72, reading Gujarati and Hindi as a shop owner or a school clerk would): Outlook.com
     * freezing the sender's own account is not the receiver blocking their server; a group refusing a non-member is not a
     * typo in the sender's address; SMTP AUTH switched off by the organization is not a wrong password.
     */
    @Test
    void aReportIsWrittenForWhoeverTheWordingSaysMustAct() {
        record Case(String reply, Category category, Actor actor, String texts, int steps, String acts, String contact) {
        }
        List<Case> cases = List.of(
                new Case("554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception"
                        + " with message WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade.",
                        Category.SENDER_BLOCKED, Actor.SENDER, "category.sender-blocked.by.sender", 3, "acts.sender",
                        "category.sender-blocked.by.sender.contact"),
                new Case("550 5.7.1 <parents@groups.example.org>: the group you tried to contact may not exist, or you may not have"
                        + " permission to post messages to the group.", Category.SENDER_REJECTED, Actor.RECIPIENT_ADMIN,
                        "category.sender-rejected.by.recipient-admin", 3, "category.sender-rejected.by.recipient-admin.acts",
                        "category.sender-rejected.by.recipient-admin.contact"),
                new Case("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
                        Category.AUTHENTICATION_FAILED, Actor.SENDER_ADMIN, "category.authentication-failed.by.sender-admin", 2,
                        "acts.sender-admin", "contact.sender-admin"));
        for (Case c : cases) {
            Diagnosis d = diagnose(c.reply());
            assertThat(d.category()).as(c.reply()).isEqualTo(c.category());
            assertThat(d.actor()).as(c.reply()).isEqualTo(c.actor());
            for (Locale l : Explainer.supportedLocales()) {
                LocalizedMessages m = explainer.messages(l);
                Explanation e = explainer.explain(d, l);
                String category = "category." + c.category().id();
                assertThat(e.title()).as("%s in %s", c.texts(), l).isEqualTo(m.get(c.texts() + ".title")).isNotEqualTo(m.get(category + ".title"));
                assertThat(e.summary()).isEqualTo(m.get(c.texts() + ".summary"));
                List<String> steps = new ArrayList<>();
                for (int i = 1; i <= c.steps(); i++) {
                    steps.add(m.get(c.texts() + ".advice." + i));
                }
                assertThat(e.advice()).as("%s in %s", c.texts(), l).containsExactlyElementsOf(steps);
                assertThat(e.whoActsText()).isEqualTo(m.get(c.acts()));
                assertThat(e.contact()).isEqualTo(m.get(c.contact())).isNotEqualTo(m.get(category + ".contact"));
            }
        }
    }

    /**
     * A rule of the sender's own organization (Microsoft 365's 5.7.520, a forwarding rule to outside addresses): who acts is
     * the sender's administrator, and the report says the organization's rule refused it, in every language; a rule of the
     * recipient's organization keeps the category's texts.
     */
    @Test
    void theSendersOwnOrganizationsRuleIsNotTheRecipients() {
        Diagnosis own = diagnose("550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your"
                + " administrator for further assistance. AS(7555)");
        Diagnosis theirs = diagnose("550 5.2.1 Message deleted by the transport rules agent");
        assertThat(own.category()).isEqualTo(Category.POLICY_VIOLATION).isEqualTo(theirs.category());
        assertThat(own.actor()).isEqualTo(Actor.SENDER_ADMIN);
        assertThat(theirs.actor()).isEqualTo(Actor.RECIPIENT_ADMIN);
        for (Locale l : Explainer.supportedLocales()) {
            LocalizedMessages m = explainer.messages(l);
            Explanation e = explainer.explain(own, l);
            String by = "category.policy-violation.by.sender-admin";
            assertThat(e.title()).as(l.toLanguageTag()).isEqualTo(m.get(by + ".title")).isNotEqualTo(m.get("category.policy-violation.title"));
            assertThat(e.summary()).isEqualTo(m.get(by + ".summary"));
            assertThat(e.advice()).containsExactly(m.get(by + ".advice.1"), m.get(by + ".advice.2"), m.get(by + ".advice.3"));
            assertThat(e.whoActsText()).isEqualTo(m.get("acts.sender-admin"));
            assertThat(e.contact()).isEqualTo(m.get("contact.sender-admin"));
            Explanation t = explainer.explain(theirs, l);
            assertThat(t.title()).as(l.toLanguageTag()).isEqualTo(m.get("category.policy-violation.title"));
            assertThat(t.contact()).isEqualTo(m.get("category.policy-violation.contact"));
        }
    }

    /**
     * The sender's own server's internal error (RFC 4954's temporary authentication failure at the login): its contact
     * line sends the person to their own provider, not to "the recipient", in every language; from any other server
     * the category's own line stays.
     */
    @Test
    void theSendersOwnServersFaultIsReportedToTheSendersProvider() {
        Diagnosis d = diagnose("454 4.7.0 Temporary authentication failure");
        assertThat(d.category()).isEqualTo(Category.SERVER_ERROR);
        Diagnosis own = d.fromSendersOwnServer();
        for (Locale l : Explainer.supportedLocales()) {
            LocalizedMessages m = explainer.messages(l);
            Explanation e = explainer.explain(own, l);
            assertThat(e.contact()).as(l.toLanguageTag()).isEqualTo(m.get("contact.sender-admin"))
                    .isNotEqualTo(m.get("category.server-error.contact"));
            assertThat(e.whoActsText()).as(l.toLanguageTag()).isEqualTo(m.get("acts.sender-admin"));
            assertThat(explainer.explain(d, l).contact()).as(l.toLanguageTag()).isEqualTo(m.get("category.server-error.contact"));
        }
    }

    /**
     * A 5xx sending quota is refused for good as sent: sending the same again works only once the quota has reset, which
     * is what its steps say to wait for. The retry sentence promises no later success (docs/confidence.md: a permanent
     * failure is never "later").
     */
    @Test
    void aSendingQuotaRefusedWithA5xxWaitsForTheQuotaNotForLuck() {
        Diagnosis d = diagnose("550 5.4.5 Daily user sending quota exceeded");
        assertThat(d.retry()).isEqualTo(RetryAdvice.AFTER_FIX);
        Explanation e = explainer.explain(d, Locale.ENGLISH);
        assertThat(e.categoryId()).isEqualTo("sending-quota-exceeded");
        // the fix is the limit resetting: the answer says so, in every language, and waiting stays the first step
        assertThat(e.retryText()).isEqualTo("Sending again will work once your sending limit has reset, usually within a day.");
        assertThat(e.advice().get(0)).startsWith("Wait a few hours");
        for (Locale l : Explainer.supportedLocales()) {
            LocalizedMessages m = explainer.messages(l);
            assertThat(explainer.explain(d, l).retryText()).as(l.toLanguageTag())
                    .isEqualTo(m.get("category.sending-quota-exceeded.retry.after-fix")).isNotEqualTo(m.get("retry.after-fix"));
            assertThat(explainer.explain(diagnose("550 5.7.1 Rate limit exceeded for this sender"), l).retryText()).as(l.toLanguageTag())
                    .isEqualTo(m.get("category.rate-limited.retry.after-fix"));
            // a 4xx limit keeps the general answer
            assertThat(explainer.explain(diagnose("452 4.5.3 Daily sending quota exceeded"), l).retryText()).as(l.toLanguageTag())
                    .isEqualTo(m.get("retry.later"));
            // and the label under the title does not read "blocked for ever" (outside tester 72)
            assertThat(explainer.explain(d, l).permanenceLabel()).as(l.toLanguageTag())
                    .isEqualTo(m.get("category.sending-quota-exceeded.permanence.permanent")).isNotEqualTo(m.get("permanence.permanent"));
            assertThat(explainer.explain(diagnose("550 5.7.1 Rate limit exceeded for this sender"), l).permanenceLabel())
                    .isEqualTo(m.get("category.rate-limited.permanence.permanent"));
            assertThat(explainer.explain(diagnose("452 4.5.3 Daily sending quota exceeded"), l).permanenceLabel())
                    .isEqualTo(m.get("permanence.temporary"));
            assertThat(explainer.explain(diagnose("550 5.1.1 User unknown"), l).permanenceLabel()).isEqualTo(m.get("permanence.permanent"));
        }
    }

    /**
     * A rule's first step leads whatever else reorders the steps: an application's own send, which leaves out the wait for
     * the mail system's retry, and a 5xx, which puts waiting last (outside tester 69).
     */
    @Test
    void aRulesFirstStepLeadsAfterTheOtherReorderings() {
        Diagnoser acme = Diagnoser.builder().addRules("""
                rule acme.grey  greylisted  any-class
                    first-step: 3
                    "acme grey"
                rule acme.full  mailbox-full
                    first-step: 2
                    "acme box full"
                """, "acme").build();
        for (Locale l : Explainer.supportedLocales()) {
            LocalizedMessages m = explainer.messages(l);
            List<String> grey = explainer.explain(acme.diagnose("450 4.7.1 acme grey").notRetriedBySender(), l).advice();
            assertThat(grey).as(l.toLanguageTag()).first().isEqualTo(m.get("category.greylisted.advice.3"));
            assertThat(grey).doesNotContain(m.get("category.greylisted.advice.1")).contains(m.get("category.greylisted.advice.2"));
            List<String> full = explainer.explain(acme.diagnose("552 5.2.2 acme box full"), l).advice();
            assertThat(full).as(l.toLanguageTag()).first().isEqualTo(m.get("category.mailbox-full.advice.2"));
            assertThat(full).last().isEqualTo(m.get("category.mailbox-full.advice.1"));
            // a message still retried by the sender's system: "nothing to do for now" stays first, the rule's step next
            List<String> delayed = explainer.explain(acme.diagnose("452 4.2.2 acme box full").retriedBySender(), l).advice();
            assertThat(delayed.subList(0, 2)).containsExactly(m.get("retry.automatic.firstStep"), m.get("category.mailbox-full.advice.2"));
        }
    }

    /**
     * A failure that is usually temporary, made permanent by its 5xx reply (a full mailbox the server will not wait for, a
     * sender's reputation): waiting and sending again, the category's first step, comes last, in every language; the
     * same failure as a 4xx keeps it first.
     */
    @Test
    void aPermanentReplyPutsWaitingLast() {
        for (String[] pair : List.of(new String[] {"552 5.2.2 Mailbox full", "452 4.2.2 Mailbox full"},
                new String[] {"550 5.7.1 Poor reputation of the sending IP, message rejected", "421 4.7.0 Poor reputation of the sending IP, try later"})) {
            Diagnosis permanent = diagnose(pair[0]);
            Diagnosis temporary = diagnose(pair[1]);
            assertThat(permanent.category()).as(pair[0]).isEqualTo(temporary.category());
            assertThat(permanent.retry()).isIn(RetryAdvice.AFTER_FIX, RetryAdvice.NEVER);
            for (Locale l : Explainer.supportedLocales()) {
                List<String> later = explainer.explain(temporary, l).advice();
                List<String> now = explainer.explain(permanent, l).advice();
                assertThat(now).as("%s in %s", pair[0], l).containsExactlyInAnyOrderElementsOf(later).last().isEqualTo(later.get(0));
                assertThat(now.get(0)).isEqualTo(later.get(1));
            }
        }
    }

    /** The catalog joins an unregistered code's sentence to its digits' meaning: Chinese and Japanese put no space after '：'. */
    @Test
    void anUnregisteredCodeIsJoinedToItsDigitsAsTheLanguageWritesIt() {
        Diagnosis d = diagnose("599 weird");
        for (String tag : List.of("zh-CN", "ja")) {
            String meaning = explainer.explain(d, Locale.forLanguageTag(tag)).codeMeaning().orElseThrow();
            String digits = explainer.messages(Locale.forLanguageTag(tag)).get("code.class.5");
            assertThat(meaning).as(tag).endsWith("：" + digits).doesNotContain("： ");
        }
        assertThat(explainer.explain(d, Locale.ENGLISH).codeMeaning().orElseThrow())
                .isEqualTo("Code 599 is not a registered reply code; its digits say: " + explainer.messages(Locale.ENGLISH).get("code.class.5"));
        assertThat(explainer.explain(d, Locale.forLanguageTag("fr")).codeMeaning().orElseThrow()).contains("indiquent\u00a0: ");
    }

    @Test
    void serverTextRendersVerbatimAndSanitized() {
        Explanation e = explainer.explain(diagnose("550 5.1.1 {0} it's #1 | {count, plural, other {x}}\u202E\u001B[31mred\u0007"), Locale.ENGLISH);
        assertThat(e.serverText()).contains("550 5.1.1 {0} it's #1 | {count, plural, other {x}}red");
    }

    @Test
    void pluralsFollowEnglishRules() {
        LocalizedMessages m = explainer.messages(Locale.ENGLISH);
        assertThat(m.format("report.recipients.rejected", Map.of("count", 1))).isEqualTo("1 recipient was refused");
        assertThat(m.format("report.recipients.rejected", Map.of("count", 3))).isEqualTo("3 recipients were refused");
    }

    /** What LocalizedMessages.format documents for arguments that do not fit the pattern. */
    @Test
    void formatKeepsAMissingPlaceholderAndRefusesANonNumericCount() {
        LocalizedMessages m = explainer.messages(Locale.ENGLISH);
        assertThat(m.format("connection.refused", Map.of("host", "h"))).contains("h").contains("{port}");
        assertThat(m.format("connection.refused", Map.of("host", "h", "port", "25", "unused", "x"))).doesNotContain("{").doesNotContain("x.");
        assertThat(m.get("report.recipients.rejected")).isEqualTo("{count}");
        assertThatThrownBy(() -> m.format("report.recipients.rejected", Map.of("count", "3"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.format("report.recipients.rejected", Map.of("count", 3L))).isEqualTo("3 recipients were refused");
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertThat(explainer.resolve(Locale.forLanguageTag("sw-KE"))).isEqualTo(Locale.ENGLISH);
        assertThat(explainer.resolve(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.ENGLISH);
        assertThat(Explainer.supportedLocales()).first().isEqualTo(Locale.ENGLISH);
    }

    @Test
    void regionalVariantsFallBackToTheLanguage() {
        assumeTrue(Explainer.supportedLocales().contains(GU), "Gujarati catalog not shipped");
        assertThat(explainer.resolve(Locale.forLanguageTag("gu-IN"))).isEqualTo(GU);
        Explanation e = explainer.explain(diagnose("550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy"),
                Locale.forLanguageTag("gu-IN"));
        assertThat(e.languageTag()).isEqualTo("gu");
        assertThat(e.title()).isNotEqualTo(explainer.explain(e.diagnosis(), Locale.ENGLISH).title())
                .matches(t -> t.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.GUJARATI));
    }

    @Test
    void gujaratiPluralsAndNativeDigits() {
        assumeTrue(Explainer.supportedLocales().contains(GU), "Gujarati catalog not shipped");
        String ascii = explainer.messages(GU).format("report.recipients.rejected", Map.of("count", 3));
        assertThat(ascii).contains("3");
        Explainer gujaratiDigits = Explainer.builder().nativeDigits(true).build();
        String nativeDigits = gujaratiDigits.messages(GU).format("report.recipients.rejected", Map.of("count", 3));
        assertThat(nativeDigits).contains("૩").doesNotContain("3");
        // codes stay ASCII: people search for them
        Explanation e = gujaratiDigits.explain(diagnose("550 5.1.1 User unknown"), GU);
        assertThat(e.serverText().orElseThrow()).startsWith("550 5.1.1");
        assertThat(gujaratiDigits.messages(GU).format("label.replyCode", Map.of("code", "550"))).contains("550");
    }

    @Test
    void nativeDigitsAreTheOnesALanguageWritesCountsIn() {
        Explainer nativeDigits = Explainer.builder().nativeDigits(true).build();
        // Chinese's native digits are Han numerals used positionally ("一一" for 11): its counts stay in ASCII digits
        Locale zh = Locale.forLanguageTag("zh-CN");
        assumeTrue(Explainer.supportedLocales().contains(zh), "Chinese catalog not shipped");
        assertThat(nativeDigits.messages(zh).format("report.recipients.rejected", Map.of("count", 11))).contains("11")
                .doesNotContain("一");
        // Hindi's and Arabic's are the Devanagari and Arabic-Indic digits
        assertThat(nativeDigits.messages(Locale.forLanguageTag("hi")).format("report.recipients.rejected", Map.of("count", 11)))
                .contains("११");
        assertThat(nativeDigits.messages(Locale.forLanguageTag("ar")).format("report.recipients.rejected", Map.of("count", 11)))
                .contains("١١");
    }

    @Test
    void countsUseAsciiDigitsByDefaultInEveryLocale() {
        for (Locale l : Explainer.supportedLocales()) {
            String s = explainer.messages(l).format("report.recipients.rejected", Map.of("count", 7));
            assertThat(s).as(l.toString()).contains("7");
        }
    }

    @Test
    void appsOverrideTextsWithoutForkingABundle() {
        Explainer custom = Explainer.builder()
                .override(Locale.ROOT, "category.authentication-failed.contact", "Call the IT helpdesk at x1234.")
                .build();
        Explanation e = custom.explain(diagnose("535 5.7.8 Authentication credentials invalid"), Locale.ENGLISH);
        assertThat(e.contact()).isEqualTo("Call the IT helpdesk at x1234.");
        assertThat(Explainer.standard().explain(e.diagnosis(), Locale.ENGLISH).contact()).isNotEqualTo(e.contact());
    }

    @Test
    void overridesAreValidated() {
        assertThatThrownBy(() -> Explainer.builder().override(Locale.ROOT, "no.such.key", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a catalog key");
        assertThatThrownBy(() -> Explainer.builder().override(Locale.ROOT, "report.recipient.line", "{who}: {title}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeholders");
        assertThatThrownBy(() -> Explainer.builder().override(Locale.ROOT, "label.close", "{unclosed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid ICU message pattern");
    }

    @Test
    void anOverrideNoCatalogWouldReadIsRefused() {
        // readers of gu-IN get the gu catalog, so an override for gu-IN would silently never show
        assertThatThrownBy(() -> Explainer.builder().override(Locale.forLanguageTag("gu-IN"), "label.close", "Close"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gu-IN").hasMessageContaining("Locale.ROOT");
        assertThatThrownBy(() -> Explainer.builder().override(Locale.forLanguageTag("xx"), "label.close", "Close"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xx");
        // a shipped locale, and its language, are read
        for (Locale shipped : Explainer.supportedLocales()) {
            Locale language = Locale.forLanguageTag(shipped.getLanguage());
            Explainer custom = Explainer.builder().override(language, "label.close", "Shut " + language).build();
            assertThat(custom.messages(shipped).get("label.close")).as(shipped.toLanguageTag()).isEqualTo("Shut " + language);
            Explainer exact = Explainer.builder().override(shipped, "label.close", "Shut!").build();
            assertThat(exact.messages(shipped).get("label.close")).as(shipped.toLanguageTag()).isEqualTo("Shut!");
        }
    }

    @Test
    void overrideBundlesLayerOverShippedTexts() {
        Explainer custom = Explainer.builder().overrideBundle("dev.smtpexplain.i18n.testoverrides", getClass().getClassLoader()).build();
        assertThat(custom.messages(Locale.ENGLISH).get("label.close")).isEqualTo("Dismiss");
    }

    @Test
    void rightToLeftLocalesIsolateEmbeddedLeftToRightText() {
        Locale ar = Locale.forLanguageTag("ar");
        assumeTrue(Explainer.supportedLocales().contains(ar), "Arabic catalog not shipped");
        LocalizedMessages m = explainer.messages(ar);
        assertThat(m.isRightToLeft()).isTrue();
        assertThat(m.format("report.recipient.line", Map.of("address", "bob@example.com", "title", "x")))
                .contains("\u2068bob@example.com\u2069");
        assertThat(explainer.messages(Locale.ENGLISH).format("report.recipient.line", Map.of("address", "bob@example.com", "title", "x")))
                .isEqualTo("bob@example.com: x");
    }

    @Test
    void sharedExplainerGivesTheSameTextFromEightThreads() throws Exception {
        Explainer explainer = Explainer.builder().build();
        List<String> replies = List.of("550 5.1.1 user unknown", "452 4.2.2 mailbox full", "550 5.7.26 dmarc policy", "599 x");
        List<Locale> locales = Explainer.supportedLocales();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        for (Locale l : locales) {
                            for (String r : replies) {
                                Explanation e = explainer.explain(Diagnoser.standard().diagnose(r), l);
                                out.add(e.title() + e.summary() + e.codeMeaning().orElse("")
                                        + explainer.messages(l).format("report.recipients.rejected", java.util.Map.of("count", round)));
                            }
                        }
                    }
                    return out;
                }));
            }
            List<String> first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<List<String>> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
