package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A mail server's log line, as an operator feeds it to {@code explain --batch} (a line without tabs is read whole):
 * Postfix's {@code status=bounced (host … said: …)} and {@code status=deferred (…)}, its queue manager's expiry, Exim's
 * {@code **} (failed) and {@code ==} (deferred) lines, Sendmail's {@code stat=}. The time stamp, queue id, relay, delays
 * and DSN fields around the reply are the log's, not the server's words; a deferral is still queued, so a connection
 * that timed out there is the network, not an expiry.
 */
class LogLineTest {

    private static final Diagnoser DIAGNOSER = Diagnoser.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            recipient-unknown        | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
            sender-blocked           | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=2, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.1] said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org (in reply to RCPT TO command))
            mailbox-full             | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=2, dsn=4.2.2, status=deferred (host mx.example.org[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))
            recipient-domain-unknown | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@nonexistent.example>, relay=none, delay=0.1, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=nonexistent.example type=A: Host not found)
            network-error            | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=none, delay=0.1, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again)
            network-error            | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: Connection timed out)
            bad-reputation           | Dec  4 10:00:01 mx postfix/smtp[1234]: 4XyZ19: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, dsn=4.7.0, status=deferred (host mx.example.org[192.0.2.1] said: 421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command))
            delivery-expired         | Dec  4 10:00:01 mx postfix/qmgr[99]: 4XyZ19: from=<alice@example.net>, status=expired, returned to sender
            network-error            | 2026-12-04 10:00:01 1kXyZ9-0001Ab-3C == bob@example.org R=dnslookup T=remote_smtp defer (110): Connection timed out
            greylisted               | 2026-12-04 10:00:01 1kXyZ9-0001Ab-3C == bob@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 451 4.7.1 Greylisted, see http://postgrey.schweikert.ch/help/example.org.html
            network-error            | 2026-12-04 10:00:01 1kXyZ9-0001Ab-3C == bob@example.org routing defer (-52): retry time not reached
            delivery-expired         | 2026-12-04 10:00:01 1kXyZ9-0001Ab-3C ** bob@example.org: retry time not reached for any host after a long failure period
            message-too-big          | 2026-12-04 10:00:01 1kXyZ9-0001Ab-3C ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.1]: SMTP error from remote mail server after end of data: 552 5.3.4 Message size exceeds fixed limit
            recipient-unknown        | Dec  4 10:00:01 mx sm-mta[1234]: 0B4A01aB001234: to=<bob@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [192.0.2.1], dsn=5.1.1, stat=User unknown
            network-error            | Dec  4 10:00:02 mx sm-mta[1234]: 0B4A01aB001234: to=<bob@example.org>, delay=00:05:01, mailer=esmtp, dsn=4.0.0, stat=Deferred: Connection timed out with mx.example.org.
            network-error            | Mar  3 02:14:07 mta-out1 postfix/smtp[20001]: 4F2A81C0B2: to=<a@example.org>, relay=none, delay=30, delays=0.02/0/30/0, dsn=4.4.1, status=deferred (connect to gmail-smtp-in.l.google.com[203.0.113.5]:25: Connection timed out)
            network-error            | Mar  3 04:46:34 mx postfix/smtp[22146]: D818319478: to=<u@example.org>, relay=none, delay=358, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to mx1.mail-hosting-provider.example[2001:db8::25]:25: Connection timed out)
            mailbox-full             | Mar  3 02:14:07 mx1 postfix/virtual[3002]: 4F2A81C0B2: to=<a@app.example>, relay=virtual, delay=0.1, delays=0.05/0/0/0.05, dsn=5.2.2, status=bounced (cannot update mailbox /var/mail/vhosts/app.example/a for user a. destination file size limit exceeded)
            """)
    void aLogLineIsReadForTheReplyItRecords(String category, String line) {
        Diagnosis d = DIAGNOSER.diagnose(line);
        assertThat(d.category().id()).as(d.evidence() + " <= " + line).isEqualTo(category);
    }

    /**
     * A log's field names are not the server's words (outside tester 70: Sendmail's "relay=" read as a relaying refusal,
     * its "stat=" as a server's fault, where the reply said only "Service unavailable").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mar  3 02:14:07 mail sm-mta[12001]: 42A1B2C3D4: to=<a@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120321, relay=mx.example.org. [203.0.113.5], dsn=5.7.1, stat=Service unavailable
            Mar  3 02:14:07 mail sm-mta[12001]: 42A1B2C3D4: to=<a@example.org>, delay=00:00:01, mailer=esmtp, pri=120321, dsn=5.0.0, stat=Service unavailable
            """)
    void theLogsFieldNamesAreNotTheServersWords(String line) {
        Diagnosis d = DIAGNOSER.diagnose(line);
        assertThat(d.category()).as(d.evidence() + " <= " + line).isNotEqualTo(Category.RELAY_DENIED);
        assertThat(d.evidence().matchedPhrase().orElse("")).as(line).doesNotContain("relay").isNotEqualTo("stat");
    }

    /** Exim logs the TLS cipher with its key size after a colon ("…SHA384:256"): a number in a field, not the reply's code. */
    @org.junit.jupiter.api.Test
    void aCiphersKeySizeIsNotTheReplysCode() {
        Diagnosis d = DIAGNOSER.diagnose("2024-03-03 06:00:00 1rgDE4X-000060-60 ** jdoe@example.org R=dnslookup T=remote_smtp"
                + " H=mx.example.org [203.0.113.5] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes DN=\"CN=mx.example.org\": SMTP error from"
                + " remote mail server after RCPT TO:<jdoe@example.org>: 550 5.1.1 <jdoe@example.org>: Recipient address rejected: User"
                + " unknown in local recipient table");
        assertThat(d.reply().code()).map(ReplyCode::value).hasValue(550);
        assertThat(d.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(d.isPermanent()).isTrue();
    }
}
