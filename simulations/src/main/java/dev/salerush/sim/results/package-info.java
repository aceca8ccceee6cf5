/**
 * The run folder {@code results/<run-id>/} and everything in it: the names of its files ({@link
 * dev.salerush.sim.results.RunFiles}), the typed {@code summary.json} ({@link dev.salerush.sim.results.RunSummary})
 * and its tolerant reader, the catalog of run folders and the search for a regression baseline.
 * <p>
 * The files and every summary field are described in {@code docs/run-folder.md}: add fields freely, rename none.
 */
package dev.salerush.sim.results;
