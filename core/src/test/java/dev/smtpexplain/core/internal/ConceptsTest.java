package dev.smtpexplain.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptsTest {

    @Test
    void aWordOfAnotherLanguageAlsoCountsAsItsEnglishConcept() {
        // a pair counts as its words do, and as their concepts do too
        assertThat(WordFeatures.features("Kennwort falsch")).containsExactly("kennw", "passw", "^kenn", "falsc", "wrong", "^fals",
                "kennw falsc", "passw wrong");
        assertThat(WordFeatures.features("das Kennwort")).containsExactly("das", "kennw", "passw", "^kenn", "das kennw", "das passw");
        assertThat(WordFeatures.features("密码")).containsExactly("密码", "passw");
        assertThat(WordFeatures.features("Ваш пароль")).contains("passw");
        // the concept is the English word's own feature, so what the model learned of "password" applies
        assertThat(WordFeatures.hash("passw")).isEqualTo(WordFeatures.hash("password"));
    }

    @Test
    void anEnglishWordCountsOnlyAsItself() {
        assertThat(WordFeatures.features("password wrong")).containsExactly("passw", "^pass", "wrong", "^wron", "passw wrong");
    }

    @Test
    void aWordLeftOutTakesItsConceptWithIt() {
        String text = "Empfänger abgelehnt";
        List<Long> all = new ArrayList<>();
        WordFeatures.forEach(text, (hash, start, end) -> all.add(hash));
        List<Long> without = new ArrayList<>();
        WordFeatures.forEach(text, WordFeatures.wordHashes("abgelehnt"), (hash, start, end) -> without.add(hash));
        assertThat(all).contains(WordFeatures.hash("rejec"));
        assertThat(without).doesNotContain(WordFeatures.hash("rejec"), WordFeatures.hash("abgel")).contains(WordFeatures.hash("recip"));
    }

    @Test
    void theShippedTableReads() {
        assertThat(Concepts.standard().size()).isGreaterThan(1_000);
    }

    @Test
    void aFormThatAlreadyReadsAsItsConceptIsRefused() {
        assertThatThrownBy(() -> Concepts.parse(List.of("password\tPasswort")))
                .hasMessage("concepts line 1: 'Passwort' already reads as 'passw'; leave it out");
    }

    @Test
    void aFormThatReadsAsAnotherConceptIsRefused() {
        // Danish "forbindelse" (connection) starts as "forbidden" does
        assertThatThrownBy(() -> Concepts.parse(List.of("# two", "forbidden\tverboten", "connection\tforbindelse")))
                .hasMessage("concepts line 3: 'forbindelse' already reads as 'forbi', another concept");
    }

    @Test
    void twoFormsThatReadAlikeMustMeanAlike() {
        // Dutch "wachtwoord" (password) and "wachten" (to wait) share their first five letters
        assertThatThrownBy(() -> Concepts.parse(List.of("password\twachtwoord", "wait\twarten wachten")))
                .hasMessage("concepts line 2: 'wachten' reads as 'wachtwoord', which stands for 'passw'");
        assertThat(Concepts.parse(List.of("password\twachtwoord", "wait\twarten")).size()).isEqualTo(2);
    }

    @Test
    void aFormMustBeOneWord() {
        assertThatThrownBy(() -> Concepts.parse(List.of("server\t服务器")))
                .hasMessage("concepts line 1: '服务器' is 2 words to the model, not one");
        assertThatThrownBy(() -> Concepts.parse(List.of("server\tx")))
                .hasMessage("concepts line 1: 'x' is 0 words to the model, not one");
    }

    @Test
    void malformedLinesAreNamed() {
        assertThatThrownBy(() -> Concepts.parse(List.of("password Kennwort"))).hasMessage("concepts line 1: expected concept<TAB>forms");
        assertThatThrownBy(() -> Concepts.parse(List.of("Password\tKennwort")))
                .hasMessage("concepts line 1: the concept 'Password' is not one English word in lower case");
        assertThatThrownBy(() -> Concepts.parse(List.of("password\t "))).hasMessage("concepts line 1: no forms");
        assertThatThrownBy(() -> Concepts.parse(List.of("password\tKennwort", "passwords\tjelszó")))
                .hasMessage("concepts line 2: 'passwords' reads as the concept of line 1");
    }

    @Test
    void aWordOfNoConceptIsNone() {
        Concepts concepts = Concepts.parse(List.of("password\tKennwort"));
        assertThat(concepts.of(WordFeatures.hash("kennwort"))).isEqualTo(WordFeatures.hash("password"));
        assertThat(concepts.of(WordFeatures.hash("mailbox"))).isEqualTo(Concepts.NONE);
    }
}
