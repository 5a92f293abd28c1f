package dev.smtpexplain.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.spring.MailProblemDetails;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata IDEs complete {@code smtp-explain.*} from, as the configuration processor wrote it. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithItsDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = SmtpExplainProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json on the class path").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, JsonNode> byName = new HashMap<>();
        metadata.get("properties").forEach(p -> byName.put(p.get("name").asString(), p));

        assertThat(byName).containsOnlyKeys("smtp-explain.default-locale", "smtp-explain.native-digits", "smtp-explain.rules",
                "smtp-explain.messages-basename", "smtp-explain.wrap-mail-sender", "smtp-explain.problem-type-prefix");
        byName.values().forEach(p -> assertThat(p.path("description").asString()).as(p.get("name").asString()).hasSizeGreaterThan(30));
        assertThat(byName.get("smtp-explain.wrap-mail-sender").get("defaultValue").asBoolean()).isTrue();
        assertThat(byName.get("smtp-explain.native-digits").get("defaultValue").asBoolean()).isFalse();
        assertThat(byName.get("smtp-explain.problem-type-prefix").get("defaultValue").asString())
                .isEqualTo(MailProblemDetails.DEFAULT_TYPE_PREFIX);
        assertThat(new SmtpExplainProperties().getProblemTypePrefix()).isEqualTo(MailProblemDetails.DEFAULT_TYPE_PREFIX);
    }

    @Test
    void theAutoConfigurationIsRegistered() throws Exception {
        try (InputStream in = SmtpExplainProperties.class.getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines())
                    .contains(SmtpExplainAutoConfiguration.class.getName());
        }
    }
}
