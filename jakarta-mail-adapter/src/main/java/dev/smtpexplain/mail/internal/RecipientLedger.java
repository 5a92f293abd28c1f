package dev.smtpexplain.mail.internal;

import static dev.smtpexplain.mail.internal.ExceptionChain.orEmpty;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.jspecify.annotations.Nullable;

/**
 * Where each recipient of one send ended up: refused or deferred (with the server's reply, diagnosed at
 * RCPT), accepted, or never tried. The recipients are the caller's, the exception's address arrays (else
 * the transport event's) and every address Angus reported on. Built for one analysis and then read;
 * not shared between threads.
 */
final class RecipientLedger {

    private final Set<String> all = new LinkedHashSet<>();
    private final Map<String, RecipientFailure> failures = new LinkedHashMap<>();
    private final Set<String> accepted = new LinkedHashSet<>();

    private RecipientLedger() {
    }

    /** The ledger of a failed or partial send, from the chain and what the sender knew. */
    static RecipientLedger of(ExceptionChain links, @Nullable SendFailedException arrays, Finding f, Attempt a,
                              Diagnoser diagnoser, Explainer explainer, Locale locale) {
        Redactor r = a.redactor();
        RecipientLedger ledger = new RecipientLedger();
        // address lists: the exception's arrays, else the event's
        List<String> sent = arrays != null ? orEmpty(Attempt.addresses(arrays.getValidSentAddresses()))
                : a.event() != null ? orEmpty(a.event().sent()) : List.of();
        // a set: looked up once per refusal, and a send may have thousands
        Set<String> invalid = new LinkedHashSet<>(arrays != null ? orEmpty(Attempt.addresses(arrays.getInvalidAddresses()))
                : a.event() != null ? orEmpty(a.event().invalid()) : List.of());
        List<String> unsent = arrays != null ? orEmpty(Attempt.addresses(arrays.getValidUnsentAddresses()))
                : a.event() != null ? orEmpty(a.event().unsent()) : List.of();
        ledger.all.addAll(a.recipients());
        ledger.all.addAll(sent);
        ledger.all.addAll(unsent);
        ledger.all.addAll(invalid);

        // one entry per recipient the server refused at RCPT: from the exception, else from what the transport kept
        List<SMTPAddressFailedException> refusals = new ArrayList<>(links.all(SMTPAddressFailedException.class));
        refusals.addAll(a.refusedAtRcpt());
        for (SMTPAddressFailedException e : refusals) {
            if (!FailureClassifier.isFailureCode(e) || e.getAddress() == null) {
                continue;
            }
            String address = Attempt.address(e.getAddress());
            ledger.all.add(address);
            SmtpReply reply = Replies.read(r.redact(ExceptionChain.message(e)));
            Diagnosis d = Replies.diagnose(diagnoser, reply, SmtpStage.RCPT_TO);
            if (a.sendersOwnServer(SmtpStage.RCPT_TO)) {
                d = d.fromSendersOwnServer();
            }
            RecipientFailure.Kind kind = switch (reply.classDigit()) {
                case 5 -> RecipientFailure.Kind.REJECTED;
                case 4 -> RecipientFailure.Kind.DEFERRED;
                default -> invalid.contains(address) ? RecipientFailure.Kind.REJECTED : RecipientFailure.Kind.DEFERRED;
            };
            ledger.failures.putIfAbsent(address, RecipientFailure.of(address, kind, explainer.explain(d, locale)));
        }
        if (f.delivered()) {
            ledger.accepted.addAll(sent);
            for (SMTPAddressSucceededException e : links.all(SMTPAddressSucceededException.class)) {
                if (e.getAddress() != null) {
                    ledger.accepted.add(Attempt.address(e.getAddress()));
                }
            }
            ledger.accepted.removeAll(ledger.failures.keySet());
        }
        return ledger;
    }

    boolean hasFailures() {
        return !failures.isEmpty();
    }

    /**
     * The failure that speaks for all: a 421 ended the session; else the first permanent refusal in RCPT order, as
     * sending again unchanged fails for that recipient whatever the others' temporary refusals say (and whether the
     * report reads "temporary" must not depend on the order of the recipients); else the first in RCPT order.
     */
    RecipientFailure representative() {
        Collection<RecipientFailure> values = failures.values();
        for (RecipientFailure f : values) {
            if (f.reply().code().map(c -> c.value() == 421).orElse(false)) {
                return f;
            }
        }
        for (RecipientFailure f : values) {
            if (f.diagnosis().permanence() == Permanence.PERMANENT) {
                return f;
            }
        }
        return values.iterator().next();
    }

    /** A refusal of the message itself (at DATA or after it) applies to every recipient not yet accounted for. */
    void refuseForEveryoneElse(Explanation explanation) {
        RecipientFailure.Kind kind = explanation.diagnosis().reply().classDigit() == 5 ? RecipientFailure.Kind.REJECTED : RecipientFailure.Kind.DEFERRED;
        for (String address : all) {
            if (!failures.containsKey(address) && !accepted.contains(address)) {
                failures.put(address, RecipientFailure.of(address, kind, explanation));
            }
        }
    }

    /** Failed unless the message was delivered to someone; partial when someone was also refused. */
    Outcome outcome(boolean delivered) {
        return !delivered || accepted.isEmpty() ? Outcome.FAILED : failures.isEmpty() ? Outcome.DELIVERED : Outcome.PARTIALLY_DELIVERED;
    }

    List<RecipientFailure> failures() {
        return List.copyOf(failures.values());
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The recipients neither refused nor accepted, in the order they were named. */
    List<String> notTried() {
        List<String> out = new ArrayList<>();
        for (String address : all) {
            if (!failures.containsKey(address) && !accepted.contains(address)) {
                out.add(address);
            }
        }
        return out;
    }
}
