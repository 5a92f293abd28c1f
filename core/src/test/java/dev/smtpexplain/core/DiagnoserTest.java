package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnoserTest {

    private final Diagnoser diagnoser = Diagnoser.standard();

    /** Replies written the way each provider or MTA words them; one per family. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gmail dmarc        | 550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. | sender-authentication-failed
            gmail no account   | 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address | recipient-unknown
            gmail over quota   | 452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp | mailbox-full
            gmail ptr 4.7.23   | 421 4.7.23 The sending IP does not have a PTR record that resolves to the sending domain. gsmtp | reverse-dns-missing
            gmail rate         | 421 4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. | bad-reputation
            gmail app password | 534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor | authentication-failed
            ms365 not found    | 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | recipient-unknown
            ms365 banned ip    | 550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com | sender-blocked
            ms365 basic auth   | 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. | authentication-failed
            ms365 anonymous    | 530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful | authentication-required
            yahoo ts04         | 421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints | bad-reputation
            yahoo no user      | 554 5.7.9 Message not accepted for policy reasons. | policy-violation
            icloud no user     | 550 5.1.1 <nobody@icloud.com>: user does not exist | recipient-unknown
            zoho no account    | 550 5.1.1 User does not exist - <nobody@zoho.com> | recipient-unknown
            ses suppressed     | 550 Address is on the suppression list | suppressed
            sendgrid blocked   | 550 5.7.1 Blocked by Spamhaus: listed at zen.spamhaus.org | sender-blocked
            postfix relay      | 554 5.7.1 <bob@elsewhere.test>: Relay access denied | relay-denied
            postfix sender     | 553 5.7.1 <blocked@example.test>: Sender address rejected: not owned by user alice | sender-not-permitted
            postfix tls        | 530 5.7.0 Must issue a STARTTLS command first | requires-tls
            postfix greylist   | 450 4.2.0 <bob@example.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.test.html | greylisted
            postfix size       | 552 5.3.4 Message size exceeds fixed limit | message-too-big
            exim unknown       | 550 Unrouteable address | recipient-domain-unknown
            exim rate          | 451 4.7.1 Ratelimit exceeded for example.test: please try later | rate-limited
            sendmail unknown   | 550 5.1.1 <bob@example.test>... User unknown | recipient-unknown
            qmail no mailbox   | 550 sorry, no mailbox here by that name. (#5.1.1) | recipient-unknown
            qmail per host     | 192.0.2.1 does not like recipient. Remote host said: 550 Denied by local policy Giving up on 192.0.2.1. | policy-violation
            auth user unknown  | 535 Error: user not found | authentication-failed
            auth account       | 535 unknown account | authentication-failed
            rcpt account       | 550 5.1.1 Unknown account bob@example.org | recipient-unknown
            cert not trusted   | 451 4.7.1 Recipient server TLS certificate is not trusted but authentication is required by MTA-STS | tls-handshake-failed
            auth suspended     | 535 5.7.0 Your account has been suspended | authentication-failed
            auth needs tls     | 538 5.7.11 Encryption required for requested authentication mechanism | requires-tls
            qmail expired      | Could not deliver for the last 432000 seconds. Giving up. | delivery-expired
            exchange full      | 552 5.2.2 This message is larger than the current system limit or the recipient's mailbox is full | mailbox-full
            proofpoint spam    | 554 5.7.1 Message blocked due to spam content in the message | spam-detected
            mimecast block     | 550 Rejected by header based Anti-Spoofing policy | sender-authentication-failed
            barracuda rbl      | 554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation | sender-blocked
            clamav virus       | 554 5.7.1 Your message was rejected because it contains a virus: Eicar-Test-Signature | virus-detected
            connection limit   | 421 4.7.0 Too many concurrent SMTP connections from this IP address; please try again later | too-many-connections
            null mx            | 556 5.1.10 Recipient address has null MX | domain-does-not-accept-mail
            moved              | 551 5.1.6 User has moved; please try <bob@new.example> | recipient-moved
            disabled           | 550 5.2.1 The email account that you tried to reach is disabled. | mailbox-disabled
            auth required      | 530 5.7.0 Authentication required | authentication-required
            too many rcpts     | 452 4.5.3 Too many recipients | too-many-recipients
            smtputf8           | 553 5.6.7 SMTPUTF8 is required but was not offered by the client | utf8-not-supported
            service down       | 421 4.3.2 Service not available, closing transmission channel | service-unavailable
            """)
    void recognizesProviderWordings(String family, String reply, String category) {
        Diagnosis d = diagnoser.diagnose(reply);
        assertThat(d.category().id()).as(family + " -> " + d.evidence()).isEqualTo(category);
    }

    @Test
    void textWinsOverAGenericCodeAndCarriesEvidence() {
        Diagnosis d = diagnoser.diagnose("550 5.7.1 Relay access denied");
        assertThat(d.category()).isEqualTo(Category.RELAY_DENIED);
        assertThat(d.evidence().source()).isEqualTo(Evidence.Source.TEXT_RULE);
        assertThat(d.evidence().ruleId()).isEqualTo("relay.denied");
        assertThat(d.evidence().matchedPhrase()).contains("relay access denied");
        assertThat(d.confidence()).isGreaterThan(0.8);
    }

    @Test
    void aProviderRuleWinsOverTheRegistryMeaningOfAReusedCode() {
        // registry: X.7.30 is REQUIRETLS; Gmail uses it for DKIM that did not pass
        Diagnosis gmail = diagnoser.diagnose("550 5.7.30 DKIM checks did not pass");
        assertThat(gmail.category()).isEqualTo(Category.SENDER_AUTHENTICATION_FAILED);
        Diagnosis registry = diagnoser.diagnose("550 5.7.30 ");
        assertThat(registry.category()).isEqualTo(Category.REQUIRES_TLS);
        assertThat(registry.evidence().source()).isEqualTo(Evidence.Source.ENHANCED_STATUS);
    }


    @Test
    void aStatusAboutTheSendersAddressSaysWhoseAddressIsUnknown() {
        // "no such domain" reads as an unknown recipient domain; X.1.7 says the address is the sender's
        Diagnosis sender = diagnoser.diagnose("550 5.1.7 No such domain example.invalid.");
        assertThat(sender.category()).isEqualTo(Category.SENDER_REJECTED);
        assertThat(sender.evidence().ruleId()).isEqualTo("status:X.1.7");
        // with a recipient's status, or none, the same words keep their reading
        assertThat(diagnoser.diagnose("550 5.1.2 No such domain example.invalid.").category()).isEqualTo(Category.RECIPIENT_DOMAIN_UNKNOWN);
        assertThat(diagnoser.diagnose("550 No such domain example.invalid.").category()).isEqualTo(Category.RECIPIENT_DOMAIN_UNKNOWN);
    }

    @Test
    void aStatusOfAuthRepliesBesideAnotherCodeSaysNothing() {
        // RFC 4954 registers 5.7.8 and 5.7.9 for replies to AUTH (535, 534); beside 554 a server borrowed it
        Diagnosis borrowed = diagnoser.diagnose("554 5.7.9 Header error");
        assertThat(borrowed.category()).isNotEqualTo(Category.AUTHENTICATION_FAILED);
        assertThat(borrowed.evidence().ruleId()).doesNotStartWith("status:");
        assertThat(diagnoser.diagnose("550 5.7.8 zzz").evidence().ruleId()).isEqualTo("code:550");
        // beside an AUTH reply's code, or with no code at all, it keeps its meaning
        for (String reply : List.of("535 5.7.8 zzz", "534 5.7.9 zzz", "5.7.8 zzz")) {
            Diagnosis d = diagnoser.diagnose(reply);
            assertThat(d.category()).as(reply).isEqualTo(Category.AUTHENTICATION_FAILED);
            assertThat(d.evidence().source()).as(reply).isEqualTo(Evidence.Source.ENHANCED_STATUS);
        }
        assertThat(diagnoser.diagnose("538 5.7.11 zzz").category()).isEqualTo(Category.REQUIRES_TLS);
    }

    @Test
    void aSuccessOrAnIntermediateReplyIsNoFailure() {
        // the words of "Ok", "Authentication successful", "Start mail input" once read as failures (an outside tester)
        for (String reply : List.of("250 2.1.5 Ok", "235 2.7.0 Authentication successful", "354 Start mail input; end with <CRLF>.<CRLF>",
                "220 mx.example.com ESMTP Postfix", "250 2.0.0 Ok queued as ABC123", "221 2.0.0 Bye")) {
            Diagnosis d = diagnoser.diagnose(reply);
            assertThat(d.category()).as(reply).isEqualTo(Category.UNKNOWN);
            assertThat(d.permanence()).as(reply).isNotEqualTo(Permanence.PERMANENT);
            assertThat(d.evidence().source()).as(reply).isEqualTo(Evidence.Source.DIGITS);
        }
        // what a rule reads outright stands: a 250 that says the message was thrown away as spam
        assertThat(diagnoser.diagnose("250 Spam detected; message discarded").category()).isEqualTo(Category.SPAM_DETECTED);
    }

    @Test
    void fallsBackFromStatusToCodeToDigits() {
        assertThat(diagnoser.diagnose("550 5.1.1 ").evidence().ruleId()).isEqualTo("status:X.1.1");
        assertThat(diagnoser.diagnose("535 nope").evidence().ruleId()).isEqualTo("code:535");
        Diagnosis digits = diagnoser.diagnose("599 zzz");
        assertThat(digits.category()).isEqualTo(Category.UNKNOWN);
        assertThat(digits.evidence().source()).isEqualTo(Evidence.Source.DIGITS);
        assertThat(digits.codeMeaning()).get().extracting(CodeMeaning::classKey).isEqualTo("code.class.5");
        Diagnosis nothing = diagnoser.diagnose("zzz");
        assertThat(nothing.category()).isEqualTo(Category.UNKNOWN);
        assertThat(nothing.evidence().source()).isEqualTo(Evidence.Source.NONE);
        assertThat(nothing.confidence()).isLessThan(digits.confidence());
    }

    /**
     * Wordings no rule names, paraphrased (no documented reply says them so): the words decide, quote what
     * weighed most, and never reach "high" confidence.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "550 your server is on our naughty list | sender-blocked",
        "452 this inbox cannot take more letters today, its storage allotment is used up | mailbox-full",
        "550 nobody here answers to that name | recipient-unknown"})
    void wordsDecideWhatNoRuleNames(String reply, String category) {
        Diagnosis d = diagnoser.diagnose(reply);
        assertThat(d.category().id()).as(d.evidence().toString()).isEqualTo(category);
        assertThat(d.evidence().source()).isEqualTo(Evidence.Source.WORDS);
        assertThat(d.evidence().ruleId()).isEqualTo("words:" + category);
        assertThat(reply.toLowerCase(java.util.Locale.ROOT)).contains(d.evidence().matchedPhrase().orElseThrow().toLowerCase(java.util.Locale.ROOT));
        assertThat(d.confidence()).isLessThan(0.75);
        // without the model the codes decide, as they did before it
        Diagnosis codes = Diagnoser.builder().withoutWordModel().build().diagnose(reply);
        assertThat(codes.evidence().source()).isIn(Evidence.Source.BASIC_CODE, Evidence.Source.DIGITS);
    }

    @Test
    void aDiagnoserWithoutItsWordModelKeepsItsRulesAndAddedRules() {
        Diagnoser withApp = Diagnoser.builder().addRule("app.naughty", Category.SENDER_BLOCKED, "naughty list").build();
        Diagnoser rulesOnly = withApp.withoutWordModel();
        // a weak rule ("unable to connect") that the words outweigh in a notice's prose decides again without them
        // (hMailServer's notice prose: with today's model the words read it as a client's failed connection)
        String prose = "Error Type: SMTP Connection to recipients server failed. Error: Unable to connect.";
        assertThat(withApp.diagnose(prose).evidence().source()).isEqualTo(Evidence.Source.WORDS);
        assertThat(rulesOnly.diagnose(prose).evidence().ruleId()).isEqualTo("network.connection");
        // the words never decide, and what the rules decide is the same, added rules included
        assertThat(rulesOnly.diagnose("550 nobody here answers to that name").evidence().source()).isEqualTo(Evidence.Source.BASIC_CODE);
        assertThat(rulesOnly.diagnose("550 you are on our naughty list").evidence().ruleId()).isEqualTo("app.naughty");
        assertThat(rulesOnly.diagnose("550 5.1.1 User unknown")).isEqualTo(withApp.diagnose("550 5.1.1 User unknown"));
        assertThat(rulesOnly.ruleCount()).isEqualTo(withApp.ruleCount());
        assertThat(rulesOnly.withoutWordModel()).isSameAs(rulesOnly);
    }

    @Test
    void aRelaysProseBeforeTheReplyDecidesNothing() {
        String gmail = "Technical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server"
                + " for the recipient domain example.org by mx.example.org. [192.0.2.10].\n\nThe error that the other server returned was:\n";
        for (String reply : List.of("550 Huh?", "554 Transaction failed", "550 5.7.1 Header error", "452 Too many pending emails sent")) {
            assertThat(diagnoser.diagnose(gmail + reply).category()).as(reply).isEqualTo(diagnoser.diagnose(reply).category());
        }
        // "rejected" in the prose and nothing in the reply: the code's meaning, not a bare refusal
        assertThat(diagnoser.diagnose(gmail + "550 Huh?").evidence().ruleId()).isNotEqualTo("generic.rejected");
    }

    @Test
    void aBareRefusalThatIntroducesItsReasonsLetsAReasonDecide() {
        String intro = "Your message to the news list has been denied for the following reason(s):\n";
        // a weak rule reads the reason ("header" is a header problem)
        assertThat(diagnoser.diagnose(intro + "The Subject header contains a forbidden word").category())
                .isEqualTo(diagnoser.diagnose("The Subject header contains a forbidden word").category())
                .isNotEqualTo(Category.POLICY_VIOLATION);
        // a reason no rule reads leaves the refusal as the honest answer
        assertThat(diagnoser.diagnose(intro + "The postblock flag is set for bob@example.com.").category()).isEqualTo(Category.POLICY_VIOLATION);
    }

    @Test
    void wordsTheModelIsSureOfSayMoreThanABareRefusal() {
        // "rejected" alone says the server refused, not why; the reason in other words decides
        Diagnosis d = diagnoser.diagnose("550 Rejected: your server is on our naughty list");
        assertThat(d.category()).isEqualTo(Category.SENDER_BLOCKED);
        assertThat(d.evidence().source()).isEqualTo(Evidence.Source.WORDS);
        assertThat(Diagnoser.builder().withoutWordModel().build().diagnose("550 Rejected: your server is on our naughty list")
                .evidence().ruleId()).isEqualTo("generic.rejected");
        // words that say no reason leave the refusal as the honest answer, and so does a refusal that names policy
        assertThat(diagnoser.diagnose("550 Rejected: please try again").evidence().ruleId()).isEqualTo("generic.rejected");
        assertThat(diagnoser.diagnose("550 Rejected for policy reasons").category()).isEqualTo(Category.POLICY_VIOLATION);
        assertThat(diagnoser.diagnose("554 5.7.1 Message rejected due to local policy, your server is on our naughty list").evidence()
                .ruleId()).isEqualTo("policy.generic");
    }

    @Test
    void wordsNeverOverruleASpecificStatusOrALoginReply() {
        String words = "your server is on our naughty list";
        assertThat(diagnoser.diagnose("550 " + words).evidence().source()).isEqualTo(Evidence.Source.WORDS);
        assertThat(diagnoser.diagnose("550 5.1.1 " + words).evidence().ruleId()).isEqualTo("status:X.1.1");
        // 5.7.1 alone says only "refused by policy", not why: the words may say more
        assertThat(diagnoser.diagnose("550 5.7.1 " + words).evidence().ruleId()).isEqualTo("words:sender-blocked");
        Diagnosis policy = Diagnoser.builder().withoutWordModel().build().diagnose("550 5.7.1 " + words);
        assertThat(policy.evidence().ruleId()).isEqualTo("status:X.7.1");
        // 535 answers AUTH only: whatever else its text says, the login failed
        assertThat(diagnoser.diagnose("535 " + words).category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        // the class digit bounds what the words may say: a 4xx reply is never a permanent category
        Diagnosis later = diagnoser.diagnose("451 nobody here answers to that name");
        assertThat(later.category().defaultPermanence()).isNotEqualTo(Permanence.PERMANENT);
    }

    @Test
    void appRulesWinOverBuiltInOnes() {
        Diagnoser custom = Diagnoser.builder()
                .addRule("acme.quota", Category.SENDING_QUOTA_EXCEEDED, "acme daily cap")
                .addRules("acme.vip recipient-refused code=5xx \"vip only\" + \"list\"", "acme-rules")
                .build();
        assertThat(custom.diagnose("550 5.7.1 Acme daily cap reached, user unknown").category()).isEqualTo(Category.SENDING_QUOTA_EXCEEDED);
        assertThat(custom.diagnose("550 VIP-only list").category()).isEqualTo(Category.RECIPIENT_REFUSED);
        assertThat(custom.diagnose("450 VIP-only list").category()).isNotEqualTo(Category.RECIPIENT_REFUSED);
        assertThat(custom.ruleCount()).isEqualTo(Diagnoser.standard().ruleCount() + 2);
        assertThat(Diagnoser.builder().withoutBuiltInRules().build().ruleCount()).isZero();
    }

    /**
     * addRule writes a rules-file line: an id that would turn it into a comment ("#acme") or into another rule's id
     * ("acme quota") is refused by name, not silently dropped or misreported (outside tester 62).
     */
    @Test
    void addRuleRefusesAnIdOrPhraseARulesLineCannotHold() {
        for (String id : new String[] {"#acme.quota", "acme quota", "Acme.Quota", "acme\nquota"}) {
            assertThatThrownBy(() -> Diagnoser.builder().addRule(id, Category.SENDING_QUOTA_EXCEEDED, "acme daily cap"))
                    .as(id).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rule id must be lower-case letters");
        }
        assertThatThrownBy(() -> Diagnoser.builder().addRule("acme.quota", Category.SENDING_QUOTA_EXCEEDED, "acme\ndaily cap"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rule acme.quota: a phrase cannot contain a line break");
        assertThat(Diagnoser.builder().addRule("acme_quota-2", Category.SENDING_QUOTA_EXCEEDED, "acme daily cap").build()
                .diagnose("550 acme daily cap").category()).isEqualTo(Category.SENDING_QUOTA_EXCEEDED);
    }

    @Test
    void aRuleReadsTextInEitherUnicodeForm() {
        // each phrase written in one form (composed "が" and "î", decomposed "য" + nukta), each text in the other
        Diagnoser custom = Diagnoser.builder().withoutBuiltInRules()
                .addRule("acme.full", Category.MAILBOX_FULL, "\u304Cいっぱい")
                .addRule("acme.box", Category.MAILBOX_FULL, "bo\u00EEte pleine")
                .addRule("acme.bn", Category.RECIPIENT_UNKNOWN, "\u09AC\u09BF\u09A6\u09CD\u09AF\u09AE\u09BE\u09A8 \u09A8\u09AF\u09BC")
                .addRule("acme.km", Category.SERVICE_UNAVAILABLE, "មិនមានសេវា")
                .build();
        // Khmer written with zero-width spaces between its words, as some translations do
        assertThat(custom.diagnose("មិន\u200Bមាន\u200Bសេវា បិទ\u200Bឆានែល").category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
        assertThat(custom.diagnose("552 メールボックスか\u3099いっぱいです").category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(custom.diagnose("552 Boi\u0302te pleine").category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(custom.diagnose("550 \u09AE\u09C7\u0987\u09B2 \u09AC\u09BF\u09A6\u09CD\u09AF\u09AE\u09BE\u09A8 \u09A8\u09DF")
                .category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        // what the reply says is kept in its composed form, so the explanation quotes what the rule read
        assertThat(SmtpReply.parseLenient("552 Boi\u0302te pleine").text()).isEqualTo("Bo\u00EEte pleine");
    }

    @Test
    void anAddressCountsAsOneWordBetweenTheParts() {
        Diagnoser custom = Diagnoser.builder().withoutBuiltInRules()
                .addRules("acme.sender sender-rejected - \"sender\" + \"is not welcome here\"", "acme-rules").build();
        String filler = "x".repeat(60);
        // the same reason with a short or a long address between its parts
        assertThat(custom.diagnose("550 Sender <bob@example.com> is not welcome here").category()).isEqualTo(Category.SENDER_REJECTED);
        assertThat(custom.diagnose("550 Sender <first.last+newsletter-2026@mail.department.example.co.uk> is not welcome here")
                .category()).isEqualTo(Category.SENDER_REJECTED);
        // as many characters of words are too far apart
        assertThat(custom.diagnose("550 Sender " + filler + " is not welcome here").category()).isNotEqualTo(Category.SENDER_REJECTED);
    }

    @Test
    void badRulesAreRejectedWithTheLine() {
        assertThatThrownBy(() -> Diagnoser.builder().addRules("# c\nx.y no-such-category - \"a\"", "mine"))
                .hasMessageContaining("mine line 2").hasMessageContaining("no-such-category");
        assertThatThrownBy(() -> Diagnoser.builder().addRules("x.y unknown - \"a\" \"b\"", "mine"))
                .hasMessageContaining("'+' or '|'");
        assertThatThrownBy(() -> Diagnoser.builder().addRules("x.y unknown code=5 \"a\"", "mine"))
                .hasMessageContaining("three characters");
        assertThatThrownBy(() -> Diagnoser.builder().addRule("x", Category.UNKNOWN, "!!!"))
                .hasMessageContaining("letter or digit");
    }

    @Test
    void phrasesMatchWholeWordsIgnoringCaseAndPunctuation() {
        assertThat(diagnoser.diagnose("550 USER-UNKNOWN!!").category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        Diagnoser d = Diagnoser.builder().withoutBuiltInRules().addRule("t.spam", Category.SPAM_DETECTED, "spam").build();
        assertThat(d.diagnose("554 spamhaus listed").evidence().source()).isNotEqualTo(Evidence.Source.TEXT_RULE);
        assertThat(d.diagnose("554 (SPAM)").evidence().ruleId()).isEqualTo("t.spam");
    }

    @Test
    void wordsInsideAddressesDoNotMatch() {
        Diagnosis d = diagnoser.diagnose("553 5.7.1 <blocked@example.test>: Sender address rejected: not owned by user alice");
        assertThat(d.category()).isEqualTo(Category.SENDER_NOT_PERMITTED);
        Diagnoser spamWord = Diagnoser.builder().withoutBuiltInRules().addRule("t.spam", Category.SPAM_DETECTED, "spam").build();
        assertThat(spamWord.diagnose("550 5.1.1 <spam@example.test> (\"spam@example.test\"), user@spam").evidence().source())
                .isNotEqualTo(Evidence.Source.TEXT_RULE);
        assertThat(spamWord.diagnose("550 5.7.1 spam <x@example.test>").evidence().ruleId()).isEqualTo("t.spam");
        // an address as a link's query value: the link's words count, the address's do not
        Diagnoser spfWord = Diagnoser.builder().withoutBuiltInRules().addRule("t.spf", Category.SENDER_AUTHENTICATION_FAILED, "openspf")
                .addRule("t.spam", Category.SPAM_DETECTED, "spam").build();
        assertThat(spfWord.diagnose("550 5.7.1 see http://www.openspf.org/why.html?sender=spam@example.test&ip=192.0.2.1")
                .evidence().ruleId()).isEqualTo("t.spf");
        // full-width punctuation ends an address as ASCII punctuation does: the words before it still count
        Diagnoser fullWord = Diagnoser.builder().withoutBuiltInRules().addRule("t.full", Category.MAILBOX_FULL, "空间不足").build();
        assertThat(fullWord.diagnose("552 邮箱空间不足：bob@example.test").evidence().ruleId()).isEqualTo("t.full");
        assertThat(fullWord.diagnose("552 空间不足bob@example.test").evidence().ruleId()).isNotEqualTo("t.full");
        // so does a colon that glues the address to the words before it
        Diagnoser foundWord = Diagnoser.builder().withoutBuiltInRules().addRule("t.unknown", Category.RECIPIENT_UNKNOWN, "user not found").build();
        assertThat(foundWord.diagnose("550 2f1c655f95f5cae-a1f55 User not found:bob@example.test").evidence().ruleId()).isEqualTo("t.unknown");
    }

    @Test
    void anApplicationsOwnPhrasesBeyondAsciiMatchWithoutTheBuiltInRules() {
        // with no ASCII phrase at all, a letter beyond ASCII must still send the line to the second pass
        Diagnoser han = Diagnoser.builder().withoutBuiltInRules().addRule("t.unknown", Category.RECIPIENT_UNKNOWN, "用户不存在").build();
        assertThat(han.diagnose("550 该用户不存在").evidence().ruleId()).isEqualTo("t.unknown");
        Diagnoser cyrillic = Diagnoser.builder().withoutBuiltInRules().addRule("t.full", Category.MAILBOX_FULL, "ящик переполнен").build();
        assertThat(cyrillic.diagnose("552 Почтовый ящик переполнен").evidence().ruleId()).isEqualTo("t.full");
    }

    @Test
    void phrasesInScriptsWrittenWithoutSpacesMatchInsideARunOfText() {
        // Lao, like Thai, Khmer and Myanmar, runs words together: "the address is not correct" inside a sentence
        Diagnoser lao = Diagnoser.builder().withoutBuiltInRules().addRule("t.lao", Category.RECIPIENT_UNKNOWN, "ທີ່ຢູ່ບໍ່ຖືກຕ້ອງ").build();
        assertThat(lao.diagnose("ບໍ່ສາມາດສົ່ງຂໍ້ຄວາມໄດ້ເນື່ອງຈາກທີ່ຢູ່ບໍ່ຖືກຕ້ອງ").evidence().ruleId()).isEqualTo("t.lao");
        Diagnoser thai = Diagnoser.builder().withoutBuiltInRules().addRule("t.thai", Category.MAILBOX_FULL, "กล่องจดหมายเต็ม").build();
        assertThat(thai.diagnose("552 กล่องจดหมายเต็มแล้ว").evidence().ruleId()).isEqualTo("t.thai");
    }

    @Test
    void serverTextIsNeverPartOfAPattern() {
        Diagnosis d = diagnoser.diagnose("550 5.1.1 {0} ' # | user unknown \"x\" .* (a+)+$");
        assertThat(d.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
    }

    // a bounce as a mail program saves it: its header block (with the receiving side's "dkim=pass", "spf=pass" and a
    // field name with an underscore), MIME parts, a delivery report and the returned message with folded headers
    private static final String WHOLE_BOUNCE = """

            X-Authenticated_ID: relay
            ARC-Authentication-Results: i=1; mx.example.org;
                   dkim=pass header.i=@example.net; spf=pass (domain of postmaster@example.net designates 192.0.2.9
                   as permitted sender); dmarc=pass (p=REJECT) header.from=example.net
            From: Mail Delivery Subsystem <mailer-daemon@example.net>
            To: alice@example.org
            Subject: Delivery Status Notification (Failure)
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="b1"

            --b1
            Content-Type: text/plain; charset="UTF-8"
            Content-Transfer-Encoding: quoted-printable

            Your message to bob@example.com couldn't be delivered.

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; bob@example.com
            Action: failed
            Status: %s
            %s
            --b1
            Content-Type: message/rfc822

            Received: from sender.example.org (sender.example.org [192.0.2.10])
            \tby mx.example.net with ESMTPS id abc
            \tfor <bob@example.com>; Mon, 1 Dec 2026 10:00:00 +0000
            DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s1; h=from:to:subject
            Subject: Spam filter settings and the virus scanner

            Please review the spam filter settings.
            --b1--
            """;

    @Test
    void aBouncePastedWholeIsReadByItsReportNotByItsHeaders() {
        Diagnosis d = diagnoser.diagnose(WHOLE_BOUNCE.formatted("5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n"));
        assertThat(d.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(d.evidence().source()).isEqualTo(Evidence.Source.TEXT_RULE);
        // a report whose Status says no more than its class and that has no Diagnostic-Code: the notice's words decide,
        // not the report's field names nor the returned message (its "spam filter" and "virus")
        Diagnosis general = diagnoser.diagnose(WHOLE_BOUNCE.formatted("5.0.0", "").replace("couldn't be delivered.",
                "couldn't be delivered: the recipient's mailbox is full."));
        assertThat(general.category()).isEqualTo(Category.MAILBOX_FULL);
        // the same message with old Mac line ends (CR alone): its header block ends at its blank line all the same
        assertThat(diagnoser.diagnose(WHOLE_BOUNCE.formatted("5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n").replace('\n', '\r'))
                .category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        // an mbox file's copy: its "From " line and "Status: RO" header belong to the header block
        assertThat(diagnoser.diagnose("From MAILER-DAEMON Mon Dec  1 10:00:00 2026\nStatus: RO\n" + WHOLE_BOUNCE.strip().formatted("5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n")).category())
                .isEqualTo(Category.RECIPIENT_UNKNOWN);
    }

    @Test
    void aHeadingThatAnnouncesTheReturnedHeadersEndsTheReply() {
        String ndr = """
                Your message to bob@example.com couldn't be delivered.
                bob wasn't found at example.com.
                Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

                Original Message Headers

                Authentication-Results: spf=softfail (sender IP is 192.0.2.9)
                 smtp.mailfrom=example.org; dkim=fail (body hash did not verify)
                Received: from mail.example.org (192.0.2.9) by mx.example.com
                """;
        Diagnosis d = diagnoser.diagnose(ndr);
        assertThat(d.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        // "The original message was received at …" opens a Sendmail notice; it announces no quote
        assertThat(diagnoser.diagnose("The original message was received at Mon, 1 Dec 2026 10:00:00 +0000\n"
                + "----- The following addresses had permanent fatal errors -----\n<bob@example.com>\n    (reason: 550 5.2.2 Mailbox full)")
                .category()).isEqualTo(Category.MAILBOX_FULL);
    }

    @Test
    void aLabelledReplyIsNoHeaderBlock() {
        // text that starts like a header field but labels the reply is the reply, however many lines follow it
        assertThat(diagnoser.diagnose("Error: 550 5.1.1 User unknown\nPlease check the address and send it again").evidence().ruleId())
                .isEqualTo("rcpt.unknown");
        assertThat(diagnoser.diagnose("Reason: mailbox full\nThe message could not be delivered").category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(diagnoser.diagnose("Reason: mailbox full\nResponse: 552 Requested action aborted").category()).isEqualTo(Category.MAILBOX_FULL);
        // a delivery report's fields pasted alone are read as such
        assertThat(diagnoser.diagnose("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.2.2\n"
                + "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full").category()).isEqualTo(Category.MAILBOX_FULL);
    }
}
