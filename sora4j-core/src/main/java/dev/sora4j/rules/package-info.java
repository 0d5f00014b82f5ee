/**
 * Client-side validation profiles ({@link dev.sora4j.rules.Profile}: guide, spec, open), their limits
 * ({@link dev.sora4j.rules.VideoRules}) and the price table behind cost estimates
 * ({@link dev.sora4j.rules.PriceTable}).
 */
package dev.sora4j.rules;
