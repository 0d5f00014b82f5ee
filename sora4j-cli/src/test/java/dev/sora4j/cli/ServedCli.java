package dev.sora4j.cli;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.ledger.SqliteLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The CLI against an in-process emulator on port 0, sharing one manual clock, with what the
 * "nothing sent, nothing recorded" checks read: the emulator's POST count and the ledger's entries.
 */
final class ServedCli implements AutoCloseable {
    final Emulator emulator;
    final CliRun sora;
    private final Path home;

    private ServedCli(Emulator emulator, CliRun sora, Path home) {
        this.emulator = emulator;
        this.sora = sora;
        this.home = home;
    }

    /** An emulator with its state under {@code home/emu}, {@code config} applied, and the CLI's home in {@code home}. */
    static ServedCli start(Path home, UnaryOperator<EmulatorConfig> config) {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
        Emulator emulator = Emulator.start(
                config.apply(EmulatorConfig.defaults(home.resolve("emu")).withClock(clock)), 0);
        CliRun sora = new CliRun(
                Map.of(
                        "SORA4J_HOME",
                        home.toString(),
                        "OPENAI_API_KEY",
                        "sk-served-cli-test",
                        "OPENAI_BASE_URL",
                        emulator.baseUrl()),
                clock,
                clock::advance);
        return new ServedCli(emulator, sora, home);
    }

    /** POSTs the emulator has seen (creates, edits, extensions, remixes, characters, uploads). */
    long posts() {
        @SuppressWarnings("unchecked")
        Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
        return requests.entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Jobs the ledger recorded (sent or about to be). */
    int ledgerJobs() {
        Path file = home.resolve("ledger.db");
        if (!Files.exists(file)) {
            return 0;
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, Clock.systemUTC())) {
            return ledger.list(null, 1000).size();
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
