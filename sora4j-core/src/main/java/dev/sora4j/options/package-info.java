/**
 * How a {@link dev.sora4j.SoraClient} waits, authenticates, remembers extension chains, hears responses and sends
 * paid calls: {@link dev.sora4j.options.PollOptions}, {@link dev.sora4j.options.SendOptions},
 * {@link dev.sora4j.options.Budget}, {@link dev.sora4j.options.Sleeper} and friends.
 */
package dev.sora4j.options;
