package dev.smtpexplain.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounces and delay notices of formats the shared bounce set holds none of, about 130 servers, gateways and providers
 * in five rounds: chasquid, mox, maddy, Haraka, Stalwart, James, hMailServer; MDaemon, GroupWise, X.400 gateways,
 * Mail.Ru, Sina; Gmail in German, GMX, Exchange 2010 in Swedish, Sun ONE; AOL's sendmail, qmail with vpopmail, Coremail;
 * OpenSMTPD 7, Courier, Exchange Online, Postfix's TLS/DANE/SMTPUTF8 failures, Gromox and current refusals of the large
 * providers. Each message was written for these tests after a real notice that another project keeps as test data or
 * after the template or source of the program that writes it (its row's {@code source} cites which); where a source
 * documents only the reply, the notice around it follows that format's layout with paraphrased sentences. Addresses and
 * hosts are example ones. {@code unseen/README.md} says more about each round and the shared layouts.
 *
 * <p>Each message is a file in {@code unseen/}, the bytes the reader is given; each of its recipients is a row of
 * {@code unseen/expected.tsv}. {@link #readsAsItsRowsSay} reads every message and checks its rows; the checks a row
 * cannot state (the original's subject, reply text, action, a command or category the notice leaves open, an address
 * in any case) follow as ordinary tests that read their fixture by name.
 */
class UnseenBouncesTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final List<String> COLUMNS = List.of("file", "kind", "recipient", "reply_code", "status", "category", "stage", "source");

    /** Messages whose tests say nothing of their recipients, so they have no rows: their own methods below read them. */
    private static final Set<String> WITHOUT_ROWS = Set.of("a-read-receipt-is-no-refusal.eml", "gromox-store-auto-response-in-a-failure-report.eml",
            "a-persons-reply-quoting-a-bounce-is-no-bounce.eml", "a-person-asking-about-an-undeliverable-message-is-no-bounce.eml",
            "a-courier-notice-of-a-failed-parcel-delivery-is-no-bounce.eml", "tmda-challenge-sent-auto-replied-is-an-auto-reply.eml",
            "mailman-moderator-rejection-names-its-owner-only-as-contact.eml", "french-automatic-reply-without-rfc3834-headers.eml");

    /** One expected recipient: a cell that is empty is not checked, one that is "-" is checked to be absent. */
    record Row(int line, String file, BounceKind kind, String recipient, String replyCode, String status, String category, String stage) {}

    private static Map<String, List<Row>> rows;

    static Stream<String> messages() {
        return emlFiles().stream().filter(f -> !WITHOUT_ROWS.contains(f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readsAsItsRowsSay(String file) {
        List<Row> expected = rows().getOrDefault(file, List.of());
        assertThat(expected).as("%s: its rows in expected.tsv", file).isNotEmpty();
        BounceReport r = read(file);
        List<BounceRecipient> got = r.recipients();
        // the rows are all of the message's recipients: a recipient too many or too few fails
        assertThat(got).extracting(BounceRecipient::finalRecipient).as("%s: recipients (one row each, in order)", file)
                .hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Row w = expected.get(i);
            BounceRecipient x = got.get(i);
            String at = file + " (expected.tsv line " + w.line() + ")";
            assertThat(r.kind()).as("%s: kind", at).isEqualTo(w.kind());
            check(at, "recipient", Optional.of(x.finalRecipient()), w.recipient(), Function.identity());
            check(at, "reply_code", x.replyCode(), w.replyCode(), Integer::valueOf);
            check(at, "status", x.status(), w.status(), Function.identity());
            check(at, "category", x.categoryId(), w.category(), Function.identity());
            check(at, "stage", x.stage(), w.stage(), SmtpStage::valueOf);
        }
    }

    private static <T> void check(String at, String column, Optional<T> actual, String cell, Function<String, T> parse) {
        if (cell.isEmpty()) {
            return;
        }
        if (cell.equals("-")) {
            assertThat(actual).as("%s: %s", at, column).isEmpty();
        } else {
            assertThat(actual).as("%s: %s", at, column).contains(parse.apply(cell));
        }
    }

    @Test
    void everyMessageHasRowsAndEveryRowAMessage() {
        Set<String> files = emlFiles();
        assertThat(rows().keySet().stream().filter(f -> !files.contains(f)))
                .as("files named in expected.tsv that unseen/ does not hold").isEmpty();
        assertThat(files.stream().filter(f -> !rows().containsKey(f) && !WITHOUT_ROWS.contains(f)))
                .as("messages in unseen/ without rows in expected.tsv").isEmpty();
        assertThat(WITHOUT_ROWS).as("messages checked by their own methods").isSubsetOf(files)
                .doesNotContainAnyElementsOf(rows().keySet());
    }

    // mjl-/mox's text/rfc822-headers part, Postal's attached original, the message attached whole to Hotmail's complaint
    @Test
    void theOriginalsSubjectIsRead() {
        assertThat(read("mox-permanent-failure-carries-the-reply-in-its-status-comment-and-diagnostic-code.eml").originalSubject())
                .contains("Quarterly report");
        assertThat(read("postal-notice-names-the-recipient-after-rcpt-to-and-gives-no-reason.eml").originalSubject()).contains("Broken link");
        assertThat(read("hotmail-junk-mail-report-is-feedback-for-the-reporting-user.eml").originalSubject()).contains("Weekly digest");
    }

    // mox's delay gives no Diagnostic-Code, only its Status comment; Haraka's reply is only in the Status comment;
    // InterMail's reason is in a prose part labelled message/delivery-status
    @Test
    void theReplyTextIsTakenFromWhereTheNoticePutsIt() {
        assertThat(only(read("mox-delay-notice-is-a-delay-with-its-status.eml")).replyText()).contains("connection timed out");
        assertThat(only(read("haraka-status-comment-is-the-reply-when-there-is-no-diagnostic-code.eml")).replyText())
                .contains("No Such Domain");
        assertThat(only(read("intermail-prose-labelled-as-delivery-status.eml")).replyText())
                .containsIgnoringCase("restricted SMS e-mail");
    }

    // Stalwart's "Temporary and permanent failures" notice keeps each recipient's own action; nullmailer's delay under a
    // failure's subject says Action: delayed
    @Test
    void eachRecipientKeepsItsAction() {
        BounceReport stalwart = read("stalwart-failures-that-are-no-reply-are-read-from-their-text-lines.eml");
        assertThat(named(stalwart, "kay@example.net").action()).isEqualTo("delayed");
        assertThat(named(stalwart, "lee@nowhere.example").action()).isEqualTo("failed");
        assertThat(only(read("nullmailer-delay-notice-under-a-returned-mail-subject-is-a-delay.eml")).action()).isEqualTo("delayed");
    }

    // messages a person or a shop wrote, delivered with their own return path: a reply quoting a bounce with "> ", a
    // question naming an address beside "undeliverable" and "user unknown", a courier's "Delivery failed" with its
    // support address. None names a failed recipient; before, each blamed the address in its sentences
    @Test
    void aMessageSomeoneWroteAboutABounceIsNone() {
        for (String file : List.of("a-persons-reply-quoting-a-bounce-is-no-bounce.eml",
                "a-person-asking-about-an-undeliverable-message-is-no-bounce.eml", "a-courier-notice-of-a-failed-parcel-delivery-is-no-bounce.eml")) {
            BounceReport r = read(file);
            assertThat(r.kind()).as(file).isEqualTo(BounceKind.NOT_BOUNCE);
            assertThat(r.recipients()).as(file).isEmpty();
        }
    }

    // TMDA's challenge ("your message has been held and will not be delivered until you confirm it", Auto-Submitted:
    // auto-replied) and a French mail program's "Réponse automatique :" without RFC 3834 headers answer the message;
    // neither reports a failed delivery
    @Test
    void automaticRepliesThatSoundLikeFailuresAreAutoReplies() {
        assertThat(read("tmda-challenge-sent-auto-replied-is-an-auto-reply.eml").kind()).isEqualTo(BounceKind.AUTO_REPLY);
        assertThat(read("french-automatic-reply-without-rfc3834-headers.eml").kind()).isEqualTo(BounceKind.AUTO_REPLY);
    }

    // Mailman's rejection comes from the list's "-owner" address and names it as the contact for questions: the notice's
    // own sender is never a failed recipient
    @Test
    void aNoticesOwnSenderIsNoRecipient() {
        BounceReport r = read("mailman-moderator-rejection-names-its-owner-only-as-contact.eml");
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).doesNotContain("sales-list-owner@lists.example.org");
    }

    // the reply as the server gave it, without the wrapping and the lines the reporting MTA adds around it
    @Test
    void theReplyLeavesOutTheNoticesOwnWords() {
        assertThat(only(read("exchange2007-plain-notice-hashes-around-the-reply.eml")).replyText()).isEqualTo("552 5.2.2 mailbox over quota");
        assertThat(named(read("exchange2003-plain-notice-angle-brackets-around-the-reply.eml"), "bob@example.org").replyText())
                .endsWith("User unknown");
        assertThat(only(read("qmail-remote-reply-before-giving-up-on.eml")).replyText()).doesNotContain("Giving up");
        assertThat(only(read("mdaemon-transcript-reply-before-quit.eml")).replyText()).endsWith("User unknown");
    }

    @Test
    void aCommandTheNoticeDoesNotNameIsNotMailFrom() {
        // "MAIL+RCPT" names both commands: the bounce does not say which one the reply answered
        assertThat(only(read("chasquid-names-the-recipient-twice-and-quotes-the-reply-under-technical-details.eml")).stage())
                .isNotEqualTo(Optional.of(SmtpStage.MAIL_FROM));
        assertThat(only(read("tiscali-aborted-delivery-with-its-dsn.eml")).stage()).isNotEqualTo(Optional.of(SmtpStage.MAIL_FROM));
    }

    // where the notice does not settle one category, the test holds only what it does settle
    @Test
    void aCategoryTheNoticeLeavesOpen() {
        // "Can't connect to host" with 4.4.1 ("no answer from host"): the taxonomy's network-error names "no answer", its
        // connection-failed "connection refused or timed out"; either tells the person the same thing
        assertThat(only(read("mailsweeper-delay-notice-is-a-delay-with-the-connection-failure.eml")).categoryId().orElseThrow())
                .isIn("connection-failed", "network-error");
        // 5.1.6 is "mailbox has moved, no forwarding address"
        assertThat(only(read("icloud-recipient-no-longer-on-server.eml")).categoryId().orElse(""))
                .isIn("recipient-unknown", "recipient-moved");
        // "content restrictions" does not say whether a spam filter or a content rule refused it (rules.txt reads a
        // generic 5.7.1 content refusal as a spam verdict, content.rejected-weak): the notice does not settle the category
        assertThat(only(read("gmail-message-blocked-content-restrictions.eml")).categoryId()).isPresent();
        // Courier's network error (" *** ") is not the other recipient's 452 mailbox-full block
        assertThat(named(read("courier-delay-two-recipients-each-with-its-own-block.eml"), "ben@example.com").categoryId())
                .isNotEqualTo(Optional.of("mailbox-full"));
    }

    // Exchange 5.5 IMS names the recipient only inside its X.400 address, "dda:SMTP=IVAN@EXAMPLE.COM"
    @Test
    void anX400AddressGivesTheRecipientInAnyCase() {
        assertThat(only(read("exchange55-ims-names-the-recipient-inside-its-x400-address.eml")).finalRecipient())
                .isEqualToIgnoringCase("ivan@example.com");
    }

    // RFC 8098: the same report type as a Sieve reject, with the disposition "displayed", is a read receipt, which refuses nothing
    @Test
    void aReadReceiptIsNoRefusal() {
        BounceReport r = read("a-read-receipt-is-no-refusal.eml");
        assertThat(r.kind()).isNotIn(BounceKind.FAILED, BounceKind.DELAYED);
        assertThat(r.failures()).isEmpty();
    }

    // grommunio/gromox:data/mail_bounce/ascii/BOUNCE_AUTO_RESPONSE (exch/exmdb/message.cpp, a store rule's automatic
    // reply): "I have received your mail", "(this is an auto-response)", sent by the same producer, so with a
    // delivery-status group that says Action failed: the text says it is an auto-response, and nothing failed
    @Test
    void gromoxStoreAutoResponseInAFailureReportIsAnAutoReply() {
        assertThat(read("gromox-store-auto-response-in-a-failure-report.eml").kind()).isEqualTo(BounceKind.AUTO_REPLY);
    }

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    private static BounceRecipient named(BounceReport r, String address) {
        return r.recipients().stream().filter(x -> x.finalRecipient().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not among " + r.recipients()));
    }

    private static BounceReport read(String file) {
        try (InputStream in = UnseenBouncesTest.class.getResourceAsStream("unseen/" + file)) {
            assertThat(in).as("unseen/%s", file).isNotNull();
            return Bounces.explain(in.readAllBytes(), EN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> emlFiles() {
        try (Stream<Path> s = Files.list(Path.of(UnseenBouncesTest.class.getResource("unseen").toURI()))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** expected.tsv by file, in its order; a malformed line fails with its number. */
    private static synchronized Map<String, List<Row>> rows() {
        if (rows != null) {
            return rows;
        }
        List<String> lines;
        try (InputStream in = UnseenBouncesTest.class.getResourceAsStream("unseen/expected.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Row>> byFile = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            String where = "expected.tsv line " + (i + 1);
            if (!header) {
                assertThat(cells).as("%s: the header", where).isEqualTo(COLUMNS);
                header = true;
                continue;
            }
            assertThat(cells).as("%s: its cells", where).hasSize(COLUMNS.size());
            assertThat(cells.get(0)).as("%s: file", where).endsWith(".eml");
            BounceKind kind = parse(where, "kind", cells.get(1), BounceKind::valueOf);
            String code = cells.get(3);
            if (!code.isEmpty() && !code.equals("-")) {
                parse(where, "reply_code", code, Integer::valueOf);
            }
            String stage = cells.get(6);
            if (!stage.isEmpty() && !stage.equals("-")) {
                parse(where, "stage", stage, SmtpStage::valueOf);
            }
            byFile.computeIfAbsent(cells.get(0), f -> new ArrayList<>())
                    .add(new Row(i + 1, cells.get(0), kind, cells.get(2), code, cells.get(4), cells.get(5), stage));
        }
        rows = byFile;
        return rows;
    }

    private static <T> T parse(String where, String column, String cell, Function<String, T> parse) {
        try {
            return parse.apply(cell);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": " + column + " '" + cell + "' is not one", e);
        }
    }
}
