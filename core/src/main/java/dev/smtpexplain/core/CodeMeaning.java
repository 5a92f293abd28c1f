package dev.smtpexplain.core;

import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * What a code means, as message keys a catalog renders. A registered code has a key of its own
 * ({@code code.550}, {@code status.7.26}); any code also has the keys of its digits, so a code no list
 * knows still gets a meaning ({@code code.class.4} + {@code code.area.7} does not exist, so the area key
 * is absent for digits without a defined area).
 *
 * @param code the code as written: {@code 550} or {@code 5.7.26}
 * @param key the key of the code's own meaning, or null when the code is not registered
 * @param classKey the key of the first digit's meaning ({@code code.class.5}, {@code status.class.5})
 * @param areaKey the key of the second digit's meaning ({@code code.area.5}, {@code status.subject.7}),
 *     or null when that digit has no defined meaning
 */
public record CodeMeaning(String code, @Nullable String key, String classKey, @Nullable String areaKey) {

    /** Whether the code is in a registry or list of its own, with a specific meaning. */
    public boolean isRegistered() {
        return key != null;
    }

    /** The key of the code's own meaning, when it has one. */
    public Optional<String> specificKey() {
        return Optional.ofNullable(key);
    }

    /** The key of the second digit's meaning, when it has one. */
    public Optional<String> areaKeyIfAny() {
        return Optional.ofNullable(areaKey);
    }
}
