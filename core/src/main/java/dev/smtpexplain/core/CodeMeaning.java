package dev.smtpexplain.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a code means, as message keys a catalog renders. A registered code has a key of its own
 * ({@code code.550}, {@code status.7.26}); any code also has the keys of its digits, so a code no list
 * knows still gets a meaning ({@code code.class.4} + {@code code.area.7} does not exist, so the area key
 * is absent for digits without a defined area).
 *
 * @param code the code as written: {@code 550} or {@code 5.7.26}
 * @param key the key of the code's own meaning; empty when the code is not registered
 * @param classKey the key of the first digit's meaning ({@code code.class.5}, {@code status.class.5})
 * @param areaKey the key of the second digit's meaning ({@code code.area.5}, {@code status.subject.7});
 *     empty when that digit has no defined meaning
 */
public record CodeMeaning(String code, Optional<String> key, String classKey, Optional<String> areaKey) {

    /**
     * Checks the components.
     *
     * @param code the code as written
     * @param key the key of the code's own meaning; empty when the code is not registered
     * @param classKey the key of the first digit's meaning
     * @param areaKey the key of the second digit's meaning; empty when that digit has none
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the code, the class key or a present key is empty
     */
    public CodeMeaning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(classKey, "classKey");
        Objects.requireNonNull(areaKey, "areaKey");
        if (code.isEmpty() || classKey.isEmpty() || key.map(String::isEmpty).orElse(false) || areaKey.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("empty code or key in " + code + " " + key + " " + classKey + " " + areaKey);
        }
    }

    /**
     * Whether the code is in a registry or list of its own, with a specific meaning.
     *
     * @return whether {@link #key()} is present
     */
    public boolean isRegistered() {
        return key.isPresent();
    }
}
