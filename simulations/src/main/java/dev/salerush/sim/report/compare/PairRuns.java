package dev.salerush.sim.report.compare;

import dev.salerush.sim.results.RunRecord;

import java.nio.file.Path;

/**
 * One comparison as its two runs left it: the run without the mitigation and the one with it, each read from its run
 * folder (its figures are its summary.json's), and the settings file each ran with.
 *
 * @param name             the comparison's name ({@code compare.pairs}), e.g. {@code instance-crash}
 * @param drill            the drill both runs performed
 * @param withoutSettings  the file of settings the run without the mitigation added; null when unknown
 * @param withSettings     the same for the run with it
 */
public record PairRuns(String name, String drill, RunRecord without, RunRecord with, Path withoutSettings,
                       Path withSettings) {
}
