package dev.salerush.sim.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The link checker on small fixture files: it finds what is dead and leaves alone what is not a link. */
class MarkdownLinksTest {
    @TempDir
    Path root;

    @Test
    void aLinkToAMissingFileIsDeadWithItsFileAndLine() throws IOException {
        Path readme = write("README.md", "# Title", "", "See [the guide](docs/guide.md) and [missing](docs/nope.md).");
        write("docs/guide.md", "# Guide");

        assertThat(MarkdownLinks.deadLinks(root, List.of(readme))).containsExactly("README.md:3: docs/nope.md");
    }

    @Test
    void anAnchorNoHeadingHasIsDead() throws IOException {
        Path readme = write("README.md", "# Title", "", "## Run it", "", "[here](#run-it), [there](#runit),",
                "[guide](docs/guide.md#setup), [guide](docs/guide.md#set-up)");
        write("docs/guide.md", "# Guide", "", "## Set up");

        assertThat(MarkdownLinks.deadLinks(root, List.of(readme)))
                .containsExactly("README.md:5: #runit", "README.md:6: docs/guide.md#setup");
    }

    @Test
    void hangulAndPunctuationFollowGitHubsSlugs() throws IOException {
        Path readme = write("README.md", "## Incident drills (장애 대응 훈련)", "### Mitigation before/after (적용 전후 비교)",
                "### 3. To your `salerush.conf`: the target", "",
                "[a](#incident-drills-장애-대응-훈련) [b](#mitigation-beforeafter-적용-전후-비교)",
                "[c](#3-to-your-salerushconf-the-target) [d](#incident-drills-%EC%9E%A5%EC%95%A0-%EB%8C%80%EC%9D%91-%ED%9B%88%EB%A0%A8)",
                "[e](#incident-drills)");

        assertThat(MarkdownLinks.deadLinks(root, List.of(readme))).containsExactly("README.md:7: #incident-drills");
    }

    @Test
    void duplicateHeadingsAreNumbered() throws IOException {
        Path page = write("page.md", "# Page", "## Example", "## Example", "", "[1](#example) [2](#example-1)",
                "[3](#example-2)");

        assertThat(MarkdownLinks.anchors(Files.readAllLines(page))).containsExactly("page", "example", "example-1");
        assertThat(MarkdownLinks.deadLinks(root, List.of(page))).containsExactly("page.md:6: #example-2");
    }

    @Test
    void codeFencesAndInlineCodeHoldNoLinksAndNoHeadings() throws IOException {
        Path page = write("page.md", "# Page", "", "```bash", "# not a heading", "echo [x](missing.md)", "```", "",
                "~~~", "[y](missing-too.md)", "~~~", "", "`[z](missing-inline.md)` and [real](#not-a-heading)");

        assertThat(MarkdownLinks.deadLinks(root, List.of(page))).containsExactly("page.md:12: #not-a-heading");
    }

    @Test
    void imagesFoldersAndLinksWhoseTextSpansLines() throws IOException {
        Files.createDirectories(root.resolve("docs/img"));
        Files.write(root.resolve("docs/img/report.png"), new byte[] {1});
        Path readme = write("README.md", "![shot](docs/img/report.png) ![gone](docs/img/gone.png) [folder](docs/)",
                "a link [whose text", "goes on](docs/absent.md) [with `code`](docs/img/report.png \"title\")");

        assertThat(MarkdownLinks.deadLinks(root, List.of(readme)))
                .containsExactly("README.md:1: docs/img/gone.png", "README.md:3: docs/absent.md");
    }

    @Test
    void webLinksAreNotFetchedButMustBeWellFormed() throws IOException {
        Path page = write("page.md", "[ok](https://gatling.io) [ok](https://github.com/rhysd/actionlint#install)",
                "[bad](https://exa%mple.com) [no host](https:///path)");

        assertThat(MarkdownLinks.deadLinks(root, List.of(page)))
                .containsExactly("page.md:2: https://exa%mple.com", "page.md:2: https:///path");
    }

    @Test
    void relativeLinksResolveAgainstTheLinkingFilesFolder() throws IOException {
        write("README.md", "# Salerush", "## Run it");
        Path page = write("docs/page.md", "[back](../README.md#run-it) [sibling](other.md) [wrong](docs/other.md)");
        write("docs/other.md", "# Other");

        assertThat(MarkdownLinks.deadLinks(root, List.of(page))).containsExactly("docs/page.md:1: docs/other.md");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of(lines));
    }
}
