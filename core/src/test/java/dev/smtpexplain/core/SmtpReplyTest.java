package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void aWholeBounceKeepsThePartThatWasReadForDisplay() {
        String bounce = "Received: from mx.example.net by mx.example.org\n"
                + "From: Mail Delivery System <mailer-daemon@example.net>\n"
                + "Subject: Undelivered Mail Returned to Sender\n\n"
                + "<bob@example.com>: host mx.example.com[192.0.2.7] said: 550 5.1.1 <bob@example.com>: User unknown\n\n"
                + "--- Below this line is a copy of the message.\n\n"
                + "Received: from client.example.net\nSubject: quarterly figures\n\nHello\n";
        SmtpReply r = SmtpReply.parseLenient(bounce);
        assertThat(r.raw()).contains("550 5.1.1 <bob@example.com>: User unknown").doesNotContain("Received:", "quarterly figures");
        // a reply as it stands keeps its input whole
        assertThat(SmtpReply.parseLenient("550-5.1.1 no\n550 5.1.1 such user").raw()).isEqualTo("550-5.1.1 no\n550 5.1.1 such user");
    }

    @Test
    void parsesASingleLineWithEnhancedStatus() {
        SmtpReply r = SmtpReply.parse("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.status()).contains(new EnhancedStatus(5, 1, 1));
        assertThat(r.text()).isEqualTo("<bob@example.com>: Recipient address rejected: User unknown");
    }

    @Test
    void parsesAMultiLineReply() {
        SmtpReply r = SmtpReply.parse("550-5.7.26 Unauthenticated email from example.com is not accepted due\r\n"
                + "550-5.7.26 to domain's DMARC policy. Please contact the administrator of\r\n"
                + "550 5.7.26 example.com domain if this was a legitimate mail.\r\n");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.status()).map(Object::toString).contains("5.7.26");
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(1)).startsWith("to domain's DMARC policy");
    }

    @Test
    void parsesADsnDiagnosticCode() {
        SmtpReply r = SmtpReply.parse("Diagnostic-Code: smtp; 552 5.2.2 Mailbox full");
        assertThat(r.code()).contains(ReplyCode.of(552));
        assertThat(r.status()).map(Object::toString).contains("5.2.2");
        assertThat(r.text()).isEqualTo("Mailbox full");
    }

    @Test
    void parsesAReplyWithoutEnhancedCode() {
        SmtpReply r = SmtpReply.parse("421 Service not available, closing transmission channel");
        assertThat(r.code()).contains(ReplyCode.of(421));
        assertThat(r.status()).isEmpty();
        assertThat(r.text()).startsWith("Service not available");
    }

    @Test
    void takesCodeAndStatusGivenSeparately() {
        SmtpReply r = SmtpReply.of(550, "5.7.1", "Message rejected as spam");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.status()).map(Object::toString).contains("5.7.1");
        assertThat(r.text()).isEqualTo("Message rejected as spam");
        SmtpReply fromText = SmtpReply.of(null, null, "452 4.2.2 Mailbox full");
        assertThat(fromText.code()).contains(ReplyCode.of(452));
        assertThat(fromText.status()).map(Object::toString).contains("4.2.2");
    }

    @Test
    void leniencyFindsTheReplyInsideJunk() {
        SmtpReply r = SmtpReply.parseLenient("host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: User unknown (in reply to RCPT TO command)");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.status()).map(Object::toString).contains("5.1.1");
        assertThat(r.text()).contains("User unknown");
    }

    @Test
    void aPostfixParagraphWrappedInABounceReadsAsOneLine() {
        // Postfix wraps a recipient's paragraph at 76 columns: here after the code, inside "Mailbox unavailable",
        // after "IP:" and inside the stage
        SmtpReply r = SmtpReply.parseLenient("""
                This is the mail system at host mail.example.net.

                <bob@example.org>: host mx.example.org[192.0.2.1] said: 550
                    Mailbox unavailable or access denied [Nu9f9OZK  IP:
                    192.0.2.77]. (in reply
                    to end of DATA command)
                <carol@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1
                    <carol@example.org>: Recipient address rejected: User unknown (in
                    reply to RCPT TO command)
                """);
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.lines()).containsSubsequence("<bob@example.org>: host mx.example.org[192.0.2.1] said:",
                "Mailbox unavailable or access denied [Nu9f9OZK  IP: 192.0.2.77]. (in reply to end of DATA command)");
        assertThat(r.lines()).anyMatch(l -> l.endsWith("User unknown (in reply to RCPT TO command)"));
        // indented lines under anything else keep their own lines: an Exim bounce's host, stage and reply
        SmtpReply exim = SmtpReply.parseLenient("  bob@example.org\n    host mx.example.org [192.0.2.1]\n"
                + "    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n    550 5.1.1 User unknown");
        assertThat(exim.lines()).hasSize(4).endsWith("User unknown");
    }

    @Test
    void leniencyDoesNotMistakeAnAddressForACode() {
        SmtpReply r = SmtpReply.parseLenient("connect to 192.0.2.250[192.0.2.250]:25: Connection timed out");
        assertThat(r.code()).isEmpty();
        assertThat(r.text()).contains("Connection timed out");
    }

    @Test
    void leniencyDoesNotMistakeAHostsPortForACode() {
        SmtpReply r = SmtpReply.parseLenient("SMTPサーバ: smtp.example.com:587 に接続できません。");
        assertThat(r.code()).isEmpty();
        assertThat(SmtpReply.parseLenient("Can't connect to smtp.example.com:465 now").code()).isEmpty();
        // a code glued to a word that is not a host name is still a code
        assertThat(SmtpReply.parseLenient("host mx.example.com said:550 5.1.1 User unknown").code()).contains(ReplyCode.of(550));
    }

    @Test
    void midLineANumberWhoseSecondDigitNoReplyHasIsNotACode() {
        // RFC 5321's second digit is 0-5: ports 465 and 587 in any language are not codes
        assertThat(SmtpReply.parseLenient("Порт 587 открыт, но не для smtp.example.com.").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("本站与 Internet 在端口 587 之间没有路由。").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("Η θύρα 465 είναι κλειστή").code()).isEmpty();
        // one a colon introduces is a quoted reply, whatever servers made of its digits
        assertThat(SmtpReply.parseLenient("host mx.example.org said: 571 Delivery not authorized").code()).contains(ReplyCode.of(571));
        assertThat(SmtpReply.parseLenient("572 5.7.2 User has discontinued his subscription").code()).contains(ReplyCode.of(572));
        // nor is a system error's number: no server replies 1xx
        assertThat(SmtpReply.parseLenient("Verbindung zum SMTP-Server kann nicht hergestellt werden: 111 : Connection refused.").code()).isEmpty();
        // and a real code mid-line still counts
        assertThat(SmtpReply.parseLenient("Ошибка 550 почтовый ящик недоступен").code()).contains(ReplyCode.of(550));
    }

    @Test
    void aCodeGivenApartIsFoundWhereARelayQuotesItOnOneLine() {
        // a bounce flattened to one line: the relay's prose, then the reply with the code given in its own field
        SmtpReply r = SmtpReply.of(550, "5.7.1", "Google tried to deliver your message, but it was rejected by the recipient domain."
                + " The error that the other server returned was: 550 5.7.1 Access denied");
        assertThat(r.lines()).containsExactly("Google tried to deliver your message, but it was rejected by the recipient domain."
                + " The error that the other server returned was:", "Access denied");
        // the same when the logged line starts with the code: both forms read alike
        assertThat(SmtpReply.parseLenient("550 5.7.1 Delivery failed. The error that the other server returned was: 550 550 5.7.1"
                + " Access denied").lines()).containsExactly("Delivery failed. The error that the other server returned was:", "Access denied");
        // another number after a colon is not that code
        assertThat(SmtpReply.of(550, null, "Quota: 500 messages a day exceeded").lines()).containsExactly("Quota: 500 messages a day exceeded");
    }

    @Test
    void leniencyFindsACodeInBracketsAfterAWordThatNamesSmtp() {
        // a webmail client's "SMTP Error (535): …", translated: the code, and the words without the brackets
        SmtpReply r = SmtpReply.parseLenient("SMTP-Fehler (535): Authentifizierung fehlgeschlagen.");
        assertThat(r.code()).contains(ReplyCode.of(535));
        assertThat(r.lines()).containsExactly("SMTP-Fehler", "Authentifizierung fehlgeschlagen.");
        assertThat(SmtpReply.parseLenient("Błąd SMTP (550): odbiorca nieznany").code()).contains(ReplyCode.of(550));
        assertThat(SmtpReply.parseLenient("Erreur SMTP (535) : Echec").lines()).containsExactly("Erreur SMTP", "Echec");
        assertThat(SmtpReply.parseLenient("SMTP 錯誤（535）：身份核對失敗").lines()).containsExactly("SMTP 錯誤", "身份核對失敗");
        assertThat(SmtpReply.parseLenient("The message was too large (SMTP error 552).").code()).contains(ReplyCode.of(552));
        // other numbers in brackets are not codes: a count, a limit, an error number without SMTP before it
        assertThat(SmtpReply.parseLenient("Message held because send limit (500) has been reached.").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("Could not find envelope sender user bob@example.org (511)").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("Error (535): failed").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("(535)").code()).isEmpty();
    }

    @Test
    void leniencyFindsAnEnhancedCodeInTheText() {
        SmtpReply r = SmtpReply.parseLenient("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)");
        assertThat(r.status()).map(Object::toString).contains("5.1.1");
    }

    @Test
    void leniencyUnwrapsExchangesQuotationOfTheRemoteServer() {
        // the wrapper's type word (here a gateway's product name with "Virus" in it) is not the server's text
        SmtpReply r = SmtpReply.parseLenient("#< #5.0.0 X-Spam-&-Virus-Firewall; host mx.example.com[192.0.2.25] said: "
                + "550 5.1.1 User unknown (in reply to RCPT TO command)> #SMTP#");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.status()).map(Object::toString).contains("5.1.1");
        assertThat(r.text()).doesNotContain("Virus").doesNotContain("#SMTP#").contains("User unknown (in reply to RCPT TO command)");
        assertThat(Diagnoser.standard().diagnose(r).category().id()).isEqualTo("recipient-unknown");

        SmtpReply old = SmtpReply.parseLenient("<mx.example.org #5.2.2 smtp;552 5.2.2 Mailbox full>");
        assertThat(old.code()).contains(ReplyCode.of(552));
        assertThat(old.text()).isEqualTo("Mailbox full");

        // the quoted text has no status of its own: the wrapper's is kept
        SmtpReply bare = SmtpReply.parseLenient("#< #5.4.4 smtp; [example.com]: Name or service not known> #SMTP#");
        assertThat(bare.status()).map(Object::toString).contains("5.4.4");
        assertThat(bare.text()).doesNotContain("smtp;").contains("Name or service not known");

        // not a wrapper: left as it is
        assertThat(SmtpReply.parseLenient("<mail.example.org #4.4.7>").text()).isEqualTo("<mail.example.org #4.4.7>");
        assertThat(SmtpReply.parseLenient("<bob@example.com> #5.1.1 is not; a wrapper").text()).contains("is not; a wrapper");
    }

    @Test
    void leniencyReadsContinuationLines() {
        SmtpReply r = SmtpReply.parseLenient("554-5.7.1 Message rejected as spam\n554 5.7.1 See https://example.test/spam\n");
        assertThat(r.code()).contains(ReplyCode.of(554));
        assertThat(r.status()).map(Object::toString).contains("5.7.1");
        assertThat(r.lines()).containsExactly("Message rejected as spam", "See https://example.test/spam");
    }

    @Test
    void leniencyReadsATranscriptsReplyEvenWhereItsWordsCouldAnnounceAQuote() {
        // "<<<" starts the line like a separator and "message headers" can announce a quoted message; a code
        // after the marks makes it the server's reply
        SmtpReply r = SmtpReply.parseLenient("... while talking to mx.example.org.:\n>>> DATA\n<<< 554 5.6.0 Message headers fail syntax check\n");
        assertThat(r.code()).contains(ReplyCode.of(554));
        assertThat(r.status()).map(Object::toString).contains("5.6.0");
        assertThat(r.text()).endsWith("Message headers fail syntax check");
        // a separator line that announces the quote still ends the bounce's own text
        SmtpReply bounce = SmtpReply.parseLenient("550 5.1.1 User unknown\n------ This is a copy of the message headers ------\nSubject: 554 spam\n");
        assertThat(bounce.text()).isEqualTo("User unknown");
    }

    @Test
    void aServersReplyThatWritesAFieldsNameIsStillItsReply() {
        // a server may end a multi-line reply with any text (Angus takes a last line without a code): "Status: 4.2.2" or
        // "Diagnostic-Code: smtp; 250 …" there are its words, not a bounce's fields that would make a refusal a deferral
        SmtpReply status = SmtpReply.parseLenient("550-5.1.1 user unknown\nStatus: 4.2.2");
        assertThat(status.code()).contains(ReplyCode.of(550));
        assertThat(status.status()).map(Object::toString).contains("5.1.1");
        assertThat(status.lines()).containsExactly("user unknown", "Status: 4.2.2");
        assertThat(Diagnoser.standard().diagnose(status).permanence()).isEqualTo(Permanence.PERMANENT);
        SmtpReply diagnostic = SmtpReply.of(550, null, "550-5.1.1 user unknown\nDiagnostic-Code: smtp; 250 2.0.0 Ok queued");
        assertThat(diagnostic.code()).contains(ReplyCode.of(550));
        assertThat(diagnostic.text()).contains("user unknown");
        // a bounce's text pasted whole still has its fields read
        SmtpReply bounce = SmtpReply.parseLenient("Your message could not be delivered.\n\nAction: failed\nStatus: 5.2.2\n"
                + "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full\n");
        assertThat(bounce.code()).contains(ReplyCode.of(552));
        assertThat(bounce.status()).map(Object::toString).contains("5.2.2");
    }

    @Test
    void leniencyFindsACodeThatAColonIntroduces() {
        SmtpReply r = SmtpReply.parseLenient("host mx.example.org[192.0.2.10] said: 550 [SUSPEND] Mailbox currently suspended");
        assertThat(r.code()).contains(ReplyCode.of(550));
        assertThat(r.lines()).containsExactly("host mx.example.org[192.0.2.10] said:", "[SUSPEND] Mailbox currently suspended");
        assertThat(SmtpReply.parseLenient("host mx.example.org said: 554 30 Sorry, this mailbox is disabled").code()).contains(ReplyCode.of(554));
        // without the colon, a number followed by more numbers is no reply code
        assertThat(SmtpReply.parseLenient("we sent 550 30 times").code()).isEmpty();
    }

    @Test
    void leniencyNeverThrows() {
        assertThat(SmtpReply.parseLenient(null).code()).isEmpty();
        assertThat(SmtpReply.parseLenient("").lines()).isEmpty();
        assertThat(SmtpReply.parseLenient("99").code()).isEmpty();
        assertThat(SmtpReply.parseLenient("550-").code()).contains(ReplyCode.of(550));
    }

    @Test
    void strictParsingNamesTheProblem() {
        assertThatThrownBy(() -> SmtpReply.parse("")).isInstanceOf(ReplyParseException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SmtpReply.parse("User unknown"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("line 1").hasMessageContaining("three-digit");
        assertThatThrownBy(() -> SmtpReply.parse("550-5.1.1 first\n551 5.1.1 second"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("line 2").hasMessageContaining("differs");
        assertThatThrownBy(() -> SmtpReply.parse("550-5.1.1 cut off"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("cut off");
        assertThatThrownBy(() -> SmtpReply.parse("550 4.1.1 mismatch"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SmtpReply.parse("650 what"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("1-5");
        assertThatThrownBy(() -> SmtpReply.parse("550 first\n550 second"))
                .isInstanceOf(ReplyParseException.class).hasMessageContaining("more lines follow");
    }

    @Test
    void separatelyGivenPartsAreValidated() {
        assertThatThrownBy(() -> SmtpReply.of(50, null, "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three digits");
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class.subject.detail");
        assertThatThrownBy(() -> SmtpReply.of(550, "3.1.1", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2, 4 or 5");
    }
}
