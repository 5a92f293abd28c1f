package dev.smtpexplain.examples.spring;

import dev.smtpexplain.spring.MailFailureExplainer;
import dev.smtpexplain.spring.MailProblemDetails;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /messages} with {@code {"to": [...], "subject": "...", "text": "..."}} sends one message.
 * A mail failure becomes a problem in the request's {@code Accept-Language}.
 */
@RestController
class MessageController {

    /** What to send. */
    record SendRequest(List<String> to, String subject, String text) {
    }

    /** Who the message was sent to. */
    record SendResponse(List<String> sentTo) {
    }

    private final JavaMailSender mailSender;
    private final MailFailureExplainer explainer;
    private final MailProblemDetails problems;

    MessageController(JavaMailSender mailSender, MailFailureExplainer explainer, MailProblemDetails problems) {
        this.mailSender = mailSender;
        this.explainer = explainer;
        this.problems = problems;
    }

    @PostMapping("/messages")
    SendResponse send(@RequestBody SendRequest request) {
        if (request.to() == null || request.to().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"to\" needs at least one address");
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("demo@smtp-explain.test");
        m.setTo(request.to().toArray(String[]::new));
        m.setSubject(request.subject() == null ? "" : request.subject());
        m.setText(request.text() == null ? "" : request.text());
        mailSender.send(m);
        return new SendResponse(request.to());
    }

    @ExceptionHandler(MailException.class)
    ProblemDetail mailFailed(MailException e) {
        return problems.from(explainer.report(e));
    }
}
