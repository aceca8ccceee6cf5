package dev.salerush.env;

import java.nio.file.Path;

/** Where the processes of the embedded environment write their logs (files of the run folder, named by the suite). */
public record RunLogs(Path shop, Path gateway) {
}
