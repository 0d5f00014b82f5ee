package dev.sora4j.cli;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Copies {@code skill/sora} of this sora4j checkout into an agent's skills directory and records
 * the checkout in the copy's {@code scripts/sora.conf}, so the copied launcher finds the CLI.
 *
 * <p>The copy is built beside the target and swapped in by renames, so an agent never sees half a
 * skill. {@code scripts/sora.conf} doubles as the mark of an install made by sora4j: a directory
 * without it is someone else's and is replaced only when forced.
 */
final class SkillInstaller {
    static final String SKILL_NAME = "sora";
    static final String CONF = "scripts/sora.conf";
    private static final String ROOT_KEY = "SORA4J_ROOT";

    /** What happened: {@code installed}, {@code updated} or {@code linked} (already a link to the source). */
    record Result(String action, Path target, Path source, Path root) {}

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> system;

    SkillInstaller(UnaryOperator<String> env, UnaryOperator<String> system) {
        this.env = env;
        this.system = system;
    }

    Result install(Path skillsDir, boolean force) {
        Path root = sora4jRoot();
        Path source = root.resolve("skill").resolve(SKILL_NAME);
        Path base = skillsDir.toAbsolutePath().normalize();
        Path target = base.resolve(SKILL_NAME);
        try {
            if (Files.isRegularFile(base)) {
                throw new InvalidRequestException(
                        "dir", "--dir " + skillsDir + " is a file, not a directory; name the skills directory.");
            }
            Path realSource = source.toRealPath();
            if (Files.exists(target) && target.toRealPath().equals(realSource)) {
                return new Result("linked", target, source, root);
            }
            if (base.startsWith(realSource)
                    || (Files.exists(base) && base.toRealPath().startsWith(realSource))) {
                throw new InvalidRequestException(
                        "dir", "--dir " + skillsDir + " is inside the skill itself (" + source + "); choose another.");
            }
            boolean ours = Files.isRegularFile(target.resolve(CONF), LinkOption.NOFOLLOW_LINKS);
            boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (present && !ours && !force) {
                throw new InvalidRequestException(
                        "dir",
                        target + " exists and was not installed by sora4j (no " + CONF
                                + "); add --force to replace it, or choose another --dir.");
            }
            Files.createDirectories(base);
            Path fresh = base.resolve(".sora-install-" + UUID.randomUUID());
            copyTree(realSource, fresh);
            Files.writeString(fresh.resolve(CONF), conf(root), StandardCharsets.UTF_8);
            if (present) {
                Path old = base.resolve(".sora-old-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Result(present ? "updated" : "installed", target, source, root);
        } catch (IOException e) {
            throw new SoraException("Could not install the skill in " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sora4j checkout: {@code SORA4J_ROOT} (system property {@code sora4j.root} first), else the
     * nearest directory above this CLI's jar or classes that holds {@code skill/sora/SKILL.md}.
     */
    Path sora4jRoot() {
        String configured = Optional.ofNullable(system.apply("sora4j.root")).orElse(env.apply(ROOT_KEY));
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!hasSkill(root)) {
                throw new ConfigException(
                        "sora4j_root",
                        ROOT_KEY + "=" + configured + " has no skill/sora/SKILL.md; point it at a sora4j"
                                + " checkout, or unset it.");
            }
            return root;
        }
        for (Path p = codeLocation(); p != null; p = p.getParent()) {
            if (hasSkill(p)) {
                return p;
            }
        }
        throw new ConfigException(
                "sora4j_root",
                "cannot find skill/sora next to this sora command (" + codeLocation() + "); set " + ROOT_KEY
                        + " to your sora4j checkout.");
    }

    private static boolean hasSkill(Path root) {
        return Files.isRegularFile(root.resolve("skill").resolve(SKILL_NAME).resolve("SKILL.md"));
    }

    private static Path codeLocation() {
        CodeSource code = SkillInstaller.class.getProtectionDomain().getCodeSource();
        try {
            return code == null ? null : Path.of(code.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String conf(Path root) {
        return "# Written by `sora skill install`: the sora4j checkout whose CLI scripts/sora runs.\n"
                + "# Reinstall (or edit this line) after moving the checkout.\n" + ROOT_KEY + "=" + root + "\n";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().equals(CONF)) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a tree without following links (a link is removed, never its target). */
    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
