package dev.smtpexplain.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordModelTest {

    @Test
    void wordsAreRunsOfLettersAndPairsOfNeighbours() {
        // a word longer than four letters counts by its first four too ("^deli")
        assertThat(WordFeatures.features("552 5.2.2 Can't deliver: Mailbox FULL <bob@example.com> x"))
                .containsExactly("cant", "deliv", "^deli", "cant deliv", "mailb", "^mail", "deliv mailb", "full", "mailb full");
    }

    @Test
    void aLongerWordAlsoCountsByItsFirstFourLetters() {
        assertThat(WordFeatures.features("rejected")).containsExactly("rejec", "^reje");
        // "blocage" (French) and "blocked" share the four, not the five
        assertThat(WordFeatures.features("blocage")).containsExactly("bloca", "^bloc");
        assertThat(WordFeatures.features("blocked")).containsExactly("block", "^bloc");
        assertThat(WordFeatures.features("full")).containsExactly("full");
        assertThat(WordFeatures.hash("^reje")).isNotEqualTo(WordFeatures.hash("reje"));
        // a prefix is no word to leave out, and never pairs with its neighbours
        assertThat(WordFeatures.wordHashes("rejected mail")).containsExactly(WordFeatures.hash("rejec"), WordFeatures.hash("mail"));
        assertThat(WordFeatures.features("quota exceeded")).containsExactly("quota", "^quot", "excee", "^exce", "quota excee");
    }

    @Test
    void anIdentifierReadsAsItsWords() {
        // held out by source, 6 more of 11,105 replies right than with such identifiers read as one word
        assertThat(WordFeatures.features("MailboxFull")).isEqualTo(WordFeatures.features("mailbox full"));
        assertThat(WordFeatures.quoted("QuotaExceededException")).isEqualTo("quota exceeded exception");
        // capitals in a row, or a capital after one, stay one word
        assertThat(WordFeatures.features("RESOLVER")).containsExactly("resol", "^reso");
        assertThat(WordFeatures.quoted("Mailbox iCloud SMTP")).isEqualTo("mailbox cloud smtp");
    }

    @Test
    void aWordCountsByItsFirstFiveLetters() {
        assertThat(WordFeatures.features("rejected")).isEqualTo(WordFeatures.features("Rejection"));
        assertThat(WordFeatures.features("Empfänger")).isEqualTo(WordFeatures.features("Empfängers")).containsExactly("empfa", "recip", "^empf");
        assertThat(WordFeatures.features("получателя")).isEqualTo(WordFeatures.features("получатель"));
        assertThat(WordFeatures.hash("mailbox full")).isEqualTo(WordFeatures.hash("mailb full"));
        assertThat(WordFeatures.features("rejected")).isNotEqualTo(WordFeatures.features("refused"));
    }

    @Test
    void aQuoteHasTheWholeWords() {
        assertThat(WordFeatures.quoted("Mailbox FULL, <bob@example.com> (quota exceeded)")).isEqualTo("mailbox full quota exceeded");
        assertThat(WordFeatures.quoted("")).isEmpty();
        // with its accents, and a run of Chinese once, not as its overlapping pairs
        assertThat(WordFeatures.quoted("Das Postfach ist VOLL, Empfänger: <a@b.example>")).isEqualTo("das postfach ist voll empfänger");
        assertThat(WordFeatures.quoted("邮箱已满。请清理")).isEqualTo("邮箱已满 请清理");
    }

    @Test
    void addressesAreSkippedWhole() {
        assertThat(WordFeatures.features("550 spam@example.com: (full.box@example.org) user unknown, see https://example.net/why"))
                .containsExactly("user", "unkno", "^unkn", "user unkno", "see", "unkno see", "https", "^http", "see https", "examp",
                        "^exam", "https examp", "net", "examp net", "why", "net why");
        assertThat(WordFeatures.features("reply @ noon, a@ b")).containsExactly("reply", "^repl", "noon", "reply noon");
    }

    @Test
    void accentsAndCapitalsDoNotCount() {
        assertThat(WordFeatures.features("Mail REJETÉ")).isEqualTo(WordFeatures.features("mail rejete"));
        assertThat(WordFeatures.features("Błąd")).containsExactly("blad");
    }

    @Test
    void theServersWordsLeaveOutWhatARelayWrote() {
        assertThat(RelayProse.serverText(List.of("Mailbox full (in reply to RCPT TO command)"))).isEqualTo("Mailbox full");
        assertThat(RelayProse.serverText(List.of("Your message could not be delivered.", "host mx.example.org[192.0.2.1] said:",
                "Mailbox full (in reply to end of DATA command)"))).isEqualTo("Mailbox full");
        assertThat(RelayProse.serverText(List.of("... while talking to mx.example.org.:", ">>> RCPT To:<bob@example.org>", "<<<",
                "User unknown"))).isEqualTo("<<< User unknown");
        assertThat(RelayProse.serverText(List.of("Remote Server returned '", "Mailbox full'"))).isEqualTo("Mailbox full'");
        // a quotation mark that a line closes introduces nothing; a colon on the last line introduces nothing
        assertThat(RelayProse.serverText(List.of("'Mailbox full'", "try later:"))).isEqualTo("'Mailbox full' try later:");
        assertThat(RelayProse.serverText(List.of())).isEmpty();
    }

    @Test
    void aVowelSignIsPartOfItsWord() {
        // Hindi writes most vowels as signs on a consonant: "पासवर्ड" (password) is one word, read as its concept too
        assertThat(WordFeatures.features("पासवर्ड गलत")).contains("पासवर", "passw", "wrong", "passw wrong");
        assertThat(WordFeatures.quoted("पासवर्ड गलत")).isEqualTo("पासवर्ड गलत");
        // accents any script may carry, stacked by a hostile reply, still end a word: no word here has two letters
        assertThat(WordFeatures.features("z\u0334\u0322a\u0335l\u0338g\u0337o\u0336")).isEmpty();
        // so a quote holds letters, a script's own vowel signs and spaces, whatever else the server wrote
        String quote = WordFeatures.quoted("ma\u0301il\u200b\u202e<b>पास\u0301वर्ड</b>\u0007 z\u0334\u0322ab\u0489c");
        assertThat(quote).isEqualTo("ma il पास वर्ड ab");
        assertThat(quote.codePoints()).allMatch(cp -> Character.isLetter(cp) || cp == ' '
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.DEVANAGARI);
    }

    @Test
    void scriptsWithoutSpacesCountPairsOfCharacters() {
        assertThat(WordFeatures.features("邮箱已满")).containsExactly("邮箱", "mailb", "箱已", "邮箱 箱已", "mailb 箱已", "已满", "full", "箱已 已满",
                "箱已 full");
        assertThat(WordFeatures.features("满 full")).containsExactly("满", "full", "满 full");
    }

    @Test
    void aFeatureStringHashesAsTheTextItCameFrom() {
        String text = "Das Postfach İst voll; メールボックスが一杯 — доставка невозможна, user's quota exceeded 😀 ok, पासवर्ड गलत";
        List<Long> streamed = new ArrayList<>();
        WordFeatures.forEach(text, (hash, start, end) -> streamed.add(hash));
        assertThat(WordFeatures.features(text).stream().map(WordFeatures::hash).toList()).isEqualTo(streamed);
    }

    @Test
    void onlyTheStartOfALongTextIsRead() {
        String text = "a ".repeat(WordFeatures.MAX_CHARS) + "mailbox full";
        assertThat(WordFeatures.features(text)).isEmpty();
        assertThat(WordFeatures.features("mailbox full " + "a ".repeat(WordFeatures.MAX_CHARS))).contains("mailb full");
    }

    // weights in thousandths, as a model learned from four replies might have them
    private static final List<String> TINY = List.of(
            "# a model of four replies",
            "@bias\tmailbox-full=200 recipient-unknown=-100 greylisted=-100",
            "@known\tmailbox-full=0 recipient-unknown=0 greylisted=0",
            "mailbox\tmailbox-full=800 recipient-unknown=300",
            "full\tmailbox-full=1500",
            "mailbox full\tmailbox-full=1200",
            "unknown\trecipient-unknown=2000",
            "later\tgreylisted=1800");

    @Test
    void theCategoryWhoseRepliesUsedTheWordsWins() {
        WordModel model = WordModel.parse(TINY);
        String text = "the mailbox is full";
        WordModel.Guess g = model.guess(text, 5);
        assertThat(g.category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(g.probability()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(model.quote(text, g.category())).isEqualTo("full");
        assertThat(model.guess("recipient unknown", 5).category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
    }

    @Test
    void aWordOfAnotherLanguageWeighsAsTheEnglishWordItMeans() {
        WordModel model = WordModel.parse(TINY);
        // the model knows no Finnish: "täynnä" (full) and "tuntematon" (unknown) weigh as their concepts
        assertThat(model.guess("postilaatikko on täynnä", 5).category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(model.guess("vastaanottaja tuntematon", 5).category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(model.guess("Empfänger unbekannt", 5).category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        // in Chinese, pairs of characters: 邮箱满了 ("the mailbox is full") reads "mailbox" and "full" too
        assertThat(WordFeatures.features("邮箱满了")).contains("mailb", "full");
        assertThat(model.guess("邮箱满了", 5).category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(model.guess("vastaanottaja", 5)).isNull();
        // the quote is the word the server wrote, not its concept
        assertThat(model.quote("postilaatikko on täynnä", Category.MAILBOX_FULL)).isEqualTo("täynnä");
    }

    @Test
    void theClassDigitLeavesOutWhatCannotBe() {
        WordModel model = WordModel.parse(TINY);
        // recipient-unknown is permanent: a 4xx reply cannot be it, whatever its words
        assertThat(model.guess("unknown", 4).category()).isNotEqualTo(Category.RECIPIENT_UNKNOWN);
        // greylisting is temporary: a 5xx reply cannot be it
        assertThat(model.guess("later", 5).category()).isNotEqualTo(Category.GREYLISTED);
        assertThat(model.guess("later", 4).category()).isEqualTo(Category.GREYLISTED);
    }

    @Test
    void theQuoteIsLettersOnlyWhateverTheServerPutBetweenTheWords() {
        WordModel model = WordModel.parse(TINY);
        String text = "MAILBOX\u001b[31m\u202e<b>FULL";
        String quote = model.quote(text, model.guess(text, 5).category());
        assertThat(quote).isIn("full", "mailbox", "mailbox full");
        assertThat(quote).matches("[a-z ]+");
        assertThat(model.quote("zqxj", Category.MAILBOX_FULL)).isEmpty();
    }

    @Test
    void theQuoteIsNeverWhereTheReplyCameFrom() {
        // "said" and "host" weigh for the category here, as a relay's wrapper does in real replies, but an
        // explanation that quotes them says nothing about the failure
        WordModel model = WordModel.parse(List.of(
                "@bias\tmailbox-full=0 recipient-unknown=0",
                "@known\tmailbox-full=0 recipient-unknown=0",
                "said\tmailbox-full=1000",
                "host\tmailbox-full=1000",
                "host said\tmailbox-full=1000",
                "full\tmailbox-full=300 recipient-unknown=200",
                "unknown\trecipient-unknown=1500"));
        String text = "host mx.example.org said: box full";
        assertThat(model.guess(text, 5).category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(model.quote(text, Category.MAILBOX_FULL)).isEqualTo("full");
        assertThat(model.quote("host said", Category.MAILBOX_FULL)).isEmpty();
    }

    @Test
    void aPairIsQuotedWithTheWeightOfItsWords() {
        WordModel model = WordModel.parse(List.of(
                "@bias\ttoo-many-recipients=0 mailbox-full=0",
                "@known\ttoo-many-recipients=0 mailbox-full=0",
                "too\ttoo-many-recipients=200",
                "many\ttoo-many-recipients=1000",
                "too many\ttoo-many-recipients=300",
                "full\tmailbox-full=500"));
        // "many" alone weighs most, but "too many" weighs more with its two words, and reads as the server meant it
        assertThat(model.quote("452 too many", Category.TOO_MANY_RECIPIENTS)).isEqualTo("too many");
    }

    @Test
    void aHostNameIsNeverTheQuote() {
        WordModel model = WordModel.parse(List.of(
                "@bias\tmailbox-full=0",
                "@known\tmailbox-full=0",
                "foo org\tmailbox-full=5000",
                "full\tmailbox-full=500"));
        // read alone, "foo.org" is a host name (the words skip those): the quote takes the next best words
        assertThat(model.quote("sent to relay1.foo.org: box full", Category.MAILBOX_FULL)).isEqualTo("full");
    }

    @Test
    void theCodeAndStatusAreFeaturesNoWordCanBe() {
        assertThat(WordFeatures.replyFeatures(ReplyCode.of(452), EnhancedStatus.parse("4.5.3"))).containsExactly("\u00a7452", "\u00a7x.5.3");
        assertThat(WordFeatures.replyFeatures(null, EnhancedStatus.parse("5.7.133"))).containsExactly("\u00a7x.7.133");
        assertThat(WordFeatures.replyFeatures(ReplyCode.of(550), null)).containsExactly("\u00a7550");
        assertThat(WordFeatures.replyFeatures(null, null)).isEmpty();
        // read whole, not by a stem: 5.7.13 and 5.7.133 are two features
        assertThat(WordFeatures.hash("\u00a7x.7.13")).isNotEqualTo(WordFeatures.hash("\u00a7x.7.133"));
        assertThat(WordFeatures.replyHashes(ReplyCode.of(550), null)).containsExactly(WordFeatures.hash("\u00a7550"));
        // a text that spells them out has none of them: digits and symbols only separate words
        assertThat(WordFeatures.features("\u00a7452 \u00a7x.5.3")).isEmpty();
    }

    @Test
    void theCodeAndStatusHashAsTheirStringsDo() {
        for (int code = 200; code < 600; code += 7) {
            for (String status : List.of("5.0.0", "4.7.1", "5.1.10", "5.7.133", "2.6.999")) {
                EnhancedStatus s = EnhancedStatus.parse(status);
                assertThat(WordFeatures.replyHashes(ReplyCode.of(code), s)).as(code + " " + status).containsExactly(
                        WordFeatures.replyFeatures(ReplyCode.of(code), s).stream().mapToLong(WordFeatures::hash).toArray());
            }
        }
        assertThat(WordFeatures.replyHashes(null, null)).isEmpty();
    }

    @Test
    void aCodeWeighsAsAWordDoes() {
        WordModel model = WordModel.parse(List.of(
                "@bias\ttoo-many-recipients=0 mailbox-full=0",
                "@known\ttoo-many-recipients=0 mailbox-full=0",
                "too\ttoo-many-recipients=500 mailbox-full=500",
                "many\ttoo-many-recipients=500 mailbox-full=500",
                "\u00a7452\ttoo-many-recipients=2000",
                "\u00a7x.2.2\tmailbox-full=2000"));
        assertThat(model.guess("too many", 4, WordFeatures.NO_WORDS, WordFeatures.replyHashes(ReplyCode.of(452), null)).category())
                .isEqualTo(Category.TOO_MANY_RECIPIENTS);
        assertThat(model.guess("too many", 4, WordFeatures.NO_WORDS, WordFeatures.replyHashes(null, EnhancedStatus.parse("4.2.2")))
                .category()).isEqualTo(Category.MAILBOX_FULL);
        // a code with no word the model knows is no guess: the code tables read it
        assertThat(model.guess("zqxj", 4, WordFeatures.NO_WORDS, WordFeatures.replyHashes(ReplyCode.of(452), null))).isNull();
    }

    @Test
    void noKnownWordMeansNoGuess() {
        WordModel model = WordModel.parse(TINY);
        assertThat(model.guess("zqxj frobnicate", 5)).isNull();
        assertThat(model.guess("", 0)).isNull();
        assertThat(model.guess("550 5.1.1 <1234@5678>", 5)).isNull();
    }

    @Test
    void aBrokenModelFileSaysWhereAndWhat() {
        String bias = "@bias\tmailbox-full=0";
        String known = "@known\tmailbox-full=0";
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "mailbox mailbox-full=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "mailbox\tno-such-category=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("no-such-category");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "mailbox\tmailbox-full=1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad weight");
        // thousandths in a short: a weight beyond ±32.767 is not one the learning writes
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "mailbox\tmailbox-full=40000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad weight");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "mailbox\tmailbox-full=1 mailbox-full=2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one weight per category");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, bias)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("second @bias");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "@rows\tmailbox-full=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown line @rows");
        assertThatThrownBy(() -> WordModel.parse(List.of(known, "mailbox\tmailbox-full=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no @bias line");
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, "mailbox\tmailbox-full=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no @known line");
        // a feature twice (or two whose hashes agree in the bits a slot keeps) would weigh as one: refused
        assertThatThrownBy(() -> WordModel.parse(List.of(bias, known, "full\tmailbox-full=1", "full\tmailbox-full=2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same hash");
    }

    @Test
    void aCategoryTheBiasLineLeavesOutIsNeverGuessed() {
        WordModel model = WordModel.parse(List.of("@bias\tmailbox-full=0", "@known\tmailbox-full=0",
                "unknown\tmailbox-full=100 recipient-unknown=9000"));
        assertThat(model.guess("unknown", 5).category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(model.guess("unknown", 5).probability()).isEqualTo(1.0);
    }

    @Test
    void theProbabilityIsTheSoftmaxOfTheScores() {
        // scores: mailbox-full 0.2 + 0.8 + 1.5 + 1.2 = 3.7 (three known features: "mailbox", "full", the pair), the
        // others their biases plus what "mailbox" gives recipient-unknown; @known adds nothing here
        WordModel model = WordModel.parse(TINY);
        double full = Math.exp(3.7);
        double expected = full / (full + Math.exp(-0.1 + 0.3) + Math.exp(-0.1));
        assertThat(model.guess("mailbox full", 0).probability()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        // without greylisted (temporary), which a 5xx reply cannot be
        double permanent = full / (full + Math.exp(-0.1 + 0.3));
        assertThat(model.guess("mailbox full", 5).probability()).isCloseTo(permanent, org.assertj.core.data.Offset.offset(1e-9));
        // the number of known features moves a category by its @known weight times log(1 + that number)
        WordModel counting = WordModel.parse(List.of("@bias\tmailbox-full=0 recipient-unknown=0",
                "@known\tmailbox-full=1000 recipient-unknown=0", "quota\tmailbox-full=0 recipient-unknown=0"));
        double lead = Math.exp(Math.log1p(1));
        assertThat(counting.guess("quota", 5).probability()).isCloseTo(lead / (lead + 1), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everyFeatureOfABigModelIsFoundWithItsOwnCounts() {
        // enough features that the table's probes wrap and chains form: each word still weighs for its own category
        List<String> lines = new ArrayList<>(List.of("@bias\tmailbox-full=0 recipient-unknown=0",
                "@known\tmailbox-full=0 recipient-unknown=0"));
        for (int i = 0; i < 5_000; i++) {
            // "w" and four letters: i in base 26 (a word counts by its first five letters)
            String word = "w" + (char) ('a' + i / 17576 % 26) + (char) ('a' + i / 676 % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
            lines.add(word + "\t" + (i % 2 == 0 ? "mailbox-full" : "recipient-unknown") + "=3000");
        }
        WordModel model = WordModel.parse(lines);
        for (int i = 0; i < 5_000; i += 97) {
            String word = lines.get(i + 2).substring(0, lines.get(i + 2).indexOf('\t'));
            assertThat(model.guess(word, 5).category()).as(word)
                    .isEqualTo(i % 2 == 0 ? Category.MAILBOX_FULL : Category.RECIPIENT_UNKNOWN);
        }
    }
}
