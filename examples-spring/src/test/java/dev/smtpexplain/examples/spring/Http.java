package dev.smtpexplain.examples.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts to the app's endpoint over real HTTP. */
final class Http {

    // Java 17's HttpClient is not AutoCloseable: one for all tests
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** POSTs {@code json} to /messages with {@code Accept-Language} (none when null). */
    static HttpResponse<String> postMessage(int port, String acceptLanguage, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
