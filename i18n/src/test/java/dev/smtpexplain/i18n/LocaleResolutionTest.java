package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Which catalog answers a reader: the shipped catalog of the reader's language in the reader's script, else English;
 * and the explainer keeps nothing per requested locale.
 */
class LocaleResolutionTest {

    @ParameterizedTest
    @CsvSource({
        "gu-IN, gu", "gu, gu", "mr-u-nu-latn, mr", "ar-EG, ar", "de-CH, de", "ja-JP, ja", "en-GB, en", "sw-KE, en", "und, en",
        // Portuguese: every reader gets the one Portuguese catalog (CLDR's pt is Brazilian; pt-PT inherits from it)
        "pt, pt-BR", "pt-BR, pt-BR", "pt-PT, pt-BR", "pt-AO, pt-BR",
        // Chinese: Simplified readers get zh-CN, Traditional ones never do, whichever region they name
        "zh, zh-CN", "zh-CN, zh-CN", "zh-Hans, zh-CN", "zh-SG, zh-CN", "zh-Hans-HK, zh-CN",
        "zh-Hant, en", "zh-TW, en", "zh-HK, en", "zh-Hant-CN, en", "zh-Hant-TW, en",
        // a script the catalog is not written in
        "hi-Latn, en", "gu-Latn-IN, en", "ja-Latn, en"})
    void aReaderGetsTheCatalogOfTheirLanguageInTheirScript(String requested, String expected) {
        assertThat(Explainer.standard().resolve(Locale.forLanguageTag(requested)).toLanguageTag()).as(requested).isEqualTo(expected);
        assertThat(Explainer.standard().messages(Locale.forLanguageTag(requested)).locale().toLanguageTag()).isEqualTo(expected);
    }

    @Test
    void aTraditionalChineseRequestIsNeverAnsweredInSimplified() {
        Explainer e = Explainer.standard();
        String simplified = e.messages(Locale.forLanguageTag("zh-CN")).get("label.close");
        for (String tag : new String[] {"zh-Hant-CN", "zh-Hant", "zh-TW", "zh-MO"}) {
            assertThat(e.messages(Locale.forLanguageTag(tag)).get("label.close")).as(tag).isNotEqualTo(simplified).isEqualTo("Close");
        }
        assertThat(e.resolve(Locale.TRADITIONAL_CHINESE)).isEqualTo(Locale.ENGLISH);
        assertThat(e.resolve(Locale.CHINESE)).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(e.resolve(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.forLanguageTag("zh-CN"));
    }

    @Test
    void aLocaleWithAnyRegionStringStillResolves() {
        assertThat(Explainer.standard().resolve(new Locale("gu", "??"))).isEqualTo(Locale.forLanguageTag("gu"));
        assertThat(Explainer.standard().resolve(new Locale("zz!", "IN"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anOverrideForALanguageReachesEveryReaderOfThatCatalog() {
        Explainer e = Explainer.builder()
                .override(Locale.forLanguageTag("pt"), "label.close", "Fechar já")
                .override(Locale.forLanguageTag("zh"), "label.close", "关掉")
                .build();
        for (String tag : new String[] {"pt", "pt-BR", "pt-PT"}) {
            assertThat(e.messages(Locale.forLanguageTag(tag)).get("label.close")).as(tag).isEqualTo("Fechar já");
        }
        for (String tag : new String[] {"zh", "zh-CN", "zh-Hans", "zh-SG"}) {
            assertThat(e.messages(Locale.forLanguageTag(tag)).get("label.close")).as(tag).isEqualTo("关掉");
        }
        assertThat(e.messages(Locale.forLanguageTag("zh-TW")).get("label.close")).isEqualTo("Close");
    }

    @Test
    void anOverrideBundleReadsTheLanguageFileOfARegionalCatalog() {
        Explainer e = Explainer.builder().overrideBundle("dev.smtpexplain.i18n.langoverrides", getClass().getClassLoader()).build();
        LocalizedMessages pt = e.messages(Locale.forLanguageTag("pt-PT"));
        assertThat(pt.get("label.close")).isEqualTo("Dispensar (pt)");
        // the regional file wins over the language's, as override(pt-BR, …) wins over override(pt, …)
        assertThat(pt.get("label.copy")).isEqualTo("Copiar detalhes (pt-BR)");
        assertThat(e.messages(Locale.forLanguageTag("zh")).get("label.close")).isEqualTo("关掉");
        assertThat(e.messages(Locale.forLanguageTag("gu")).get("label.close")).isEqualTo(Explainer.standard().messages(Locale.forLanguageTag("gu")).get("label.close"));
    }

    /** A server that passes each request's Accept-Language in must not grow: 10,000 distinct tags share the catalogs. */
    @Test
    void tenThousandDistinctLocaleTagsKeepTheCacheBounded() throws Exception {
        Explainer e = Explainer.builder().build();
        String[] languages = {"gu", "hi", "zh", "pt", "ar", "xq", "en", "de", "qaa"};
        for (int i = 0; i < 10_000; i++) {
            String tag = languages[i % languages.length] + "-x-r" + i;
            Locale l = i % 2 == 0 ? Locale.forLanguageTag(tag) : new Locale(languages[i % languages.length], "", "v" + i);
            e.messages(l);
            e.resolve(l);
        }
        assertThat(e.cachedCatalogs()).isLessThanOrEqualTo(Explainer.supportedLocales().size());
        // and no other map of the explainer grew with them past its bound (the resolutions it remembers: MAX_RESOLVED)
        for (Field f : Explainer.class.getDeclaredFields()) {
            if (Map.class.isAssignableFrom(f.getType()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                assertThat(((Map<?, ?>) f.get(e)).size()).as(f.getName())
                        .isLessThanOrEqualTo(Math.max(Explainer.supportedLocales().size(), Explainer.MAX_RESOLVED));
            }
        }
    }
}
