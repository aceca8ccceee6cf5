package dev.salerush.sim.docs;

import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's own documents: no dead link or anchor, and a README short enough to be read first. */
class DocumentLinksTest {
    private static final Path ROOT = TestConfigs.PROJECT_ROOT;

    @Test
    void noDeadLinkInTheReadmeAndTheDocs() throws IOException {
        List<Path> files = documents();

        assertThat(files).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/run-folder.md"),
                ROOT.resolve("deploy/k8s/README.md"));
        List<String> dead = MarkdownLinks.deadLinks(ROOT, files);
        assertThat(dead).as("dead links (file:line: target)\n" + String.join("\n", dead)).isEmpty();
    }

    @Test
    void theReadmeFitsIn250Lines() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(250);
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("deploy/k8s/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
