/**
 * Spring Boot auto-configuration and its {@code smtp-explain.*} properties.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
