package dev.salerush.sim.staging;

import dev.salerush.sim.config.ConfigError;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The staging's own command-line settings ({@code -Dstaging.*}), read and checked before anything starts. Relative
 * paths are relative to the current directory. A bad value is a {@link ConfigError} naming the key and what is
 * allowed.
 *
 * @param infoFile  {@value #INFO}: the JSON file written once everything is ready (required)
 * @param notifyUrl {@value #NOTIFY}: a webhook that gets every alert (Alertmanager {@code webhook_configs}); empty = none
 * @param dir       {@value #DIR}: the folder for logs and the events log; empty = {@code staging-<time>} under
 *                  {@code results.dir}
 */
record StagingSettings(Path infoFile, Optional<URI> notifyUrl, Optional<Path> dir) {
    static final String INFO = "staging.info";
    static final String NOTIFY = "staging.notify";
    static final String DIR = "staging.dir";
    static final List<String> KEYS = List.of(INFO, NOTIFY, DIR);
    static final String FOLDER_PREFIX = "staging-";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The settings among {@code properties}; relative paths resolved against {@code cwd}. */
    static StagingSettings from(Properties properties, Path cwd) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("staging.") && !KEYS.contains(key)) {
                throw new ConfigError("unknown setting '" + key + "' (-D on the command line); the staging takes "
                        + String.join(", ", KEYS));
            }
        }
        String info = properties.getProperty(INFO, "").trim();
        if (info.isEmpty()) {
            throw new ConfigError(INFO + " is missing: give the file the staging writes its URLs and pids to once it "
                    + "is ready, e.g. -D" + INFO + "=/tmp/staging/info.json");
        }
        Path infoFile = cwd.resolve(info).toAbsolutePath().normalize();
        if (Files.isDirectory(infoFile)) {
            throw new ConfigError(INFO + " names " + infoFile + ", which is a folder: give a file, e.g. -D" + INFO + "="
                    + infoFile.resolve("info.json"));
        }
        String notify = properties.getProperty(NOTIFY, "").trim();
        String dir = properties.getProperty(DIR, "").trim();
        return new StagingSettings(infoFile, notify.isEmpty() ? Optional.empty() : Optional.of(webhook(notify)),
                dir.isEmpty() ? Optional.empty() : Optional.of(cwd.resolve(dir).toAbsolutePath().normalize()));
    }

    private static URI webhook(String text) {
        String allowed = NOTIFY + " must be an http:// or https:// URL with a host (an Alertmanager webhook receiver), "
                + "e.g. -D" + NOTIFY + "=http://127.0.0.1:18099/alerts";
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // the same answer as any other bad URL
        }
        throw new ConfigError(allowed + "; got '" + text + "'");
    }

    /** Refuses an info file in a folder that cannot be created or written, before anything starts. */
    void checkInfoFolder() {
        checkWritable(INFO, infoFile.getParent());
    }

    /**
     * Creates the folder for logs and events: {@link #dir} (it may exist), or a new {@code staging-<yyyyMMdd-HHmmss>}
     * (with a suffix if that name is taken) under {@code resultsDir}.
     */
    Path createFolder(Path resultsDir, LocalDateTime now) {
        if (dir.isPresent()) {
            checkWritable(DIR, dir.get());
            return dir.get();
        }
        checkWritable("results.dir", resultsDir);
        String base = FOLDER_PREFIX + FOLDER_TIME.format(now);
        for (int attempt = 0; ; attempt++) {
            Path folder = resultsDir.resolve(attempt == 0 ? base : base + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // another staging started in the same second
            } catch (IOException e) {
                throw new ConfigError("results.dir: cannot create " + folder + " (" + e + "); give a folder this user "
                        + "can write, or -D" + DIR + "=<folder>");
            }
        }
    }

    /** The folder exists (created if missing) and this user can create a file in it. */
    private static void checkWritable(String key, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".salerush-staging-", ".probe"));
        } catch (IOException | SecurityException e) {
            throw new ConfigError(key + ": cannot write in " + folder + " (" + e + "); give a folder this user can "
                    + "write");
        }
    }
}
