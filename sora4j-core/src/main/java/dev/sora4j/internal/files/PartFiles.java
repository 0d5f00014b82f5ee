package dev.sora4j.internal.files;

import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.model.Variant;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where partial downloads live: {@code DIR/.sora4j-parts/}, a directory created with mode 0700 (set at
 * creation, never by a later chmod), so no other user can plant a symlink where a part file will be
 * opened. Part names are a hash of the job id, variant and target name: a raw server id (LiteLLM's are
 * ~300-character base64 strings) never becomes part of a file name, and one video's bytes are never
 * resumed into another's part.
 */
public final class PartFiles {
    /** The private directory's name inside the output directory. */
    public static final String DIR_NAME = ".sora4j-parts";

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private PartFiles() {}

    /** The part file a download of {@code target} writes to until it is complete. */
    public static Path partFile(Path target, String videoId, Variant variant) {
        Path out = target.toAbsolutePath().normalize();
        String name = Sha256.of(videoId + "\n" + variant.wireName() + "\n" + out.getFileName())
                .substring(0, 24);
        return out.resolveSibling(DIR_NAME).resolve(name + "-" + variant.wireName() + ".part");
    }

    /**
     * Opens (creating if needed) the part file for writing and reading, never through a symlink. A
     * concurrent download that just finished may remove the (then empty) directory between its
     * creation and this open: it is made again and the open retried.
     */
    public static FileChannel open(Path target, Path part) throws IOException {
        for (int attempt = 1; ; attempt++) {
            privateDir(target);
            if (Files.isSymbolicLink(part)) {
                throw new SoraException("Refusing to download through the symbolic link " + part
                        + " (someone planted it); remove it and run the download again.");
            }
            try {
                // The file's mode comes from the umask at creation; the directory keeps others out.
                return FileChannel.open(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Removes the private directory beside {@code target} if no part is left in it. */
    public static void removeIfEmpty(Path target) {
        try {
            Files.deleteIfExists(target.toAbsolutePath().normalize().resolveSibling(DIR_NAME));
        } catch (IOException notEmptyOrGone) {
            // Another download's part is there (or it is already gone): leave it.
        }
    }

    /**
     * Creates the private directory for parts beside {@code target} if needed, and checks an existing one:
     * it must be a real directory (not a symlink), owned by this user, closed to group and others.
     */
    public static Path privateDir(Path target) throws IOException {
        Path dir = target.toAbsolutePath().normalize().resolveSibling(DIR_NAME);
        Files.createDirectories(dir.getParent());
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // Made earlier (or by a concurrent download): check it below rather than trust it.
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new SoraException(dir + " is not a directory (a symlink or a file was put there); "
                    + "remove it and run the download again.");
        }
        if (posix) {
            PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path probe = dir.getParent();
            boolean ours = attrs.owner()
                            .equals(Files.readAttributes(probe, PosixFileAttributes.class)
                                    .owner())
                    || attrs.owner().getName().equals(System.getProperty("user.name"));
            if (!ours || !PRIVATE.containsAll(attrs.permissions())) {
                throw new SoraException(dir + " is not private to you (owner "
                        + attrs.owner().getName() + ", mode "
                        + PosixFilePermissions.toString(attrs.permissions()) + "); remove it and run the download "
                        + "again.");
            }
        }
        return dir;
    }
}
