package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.Verdict;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTextTest {
    @TempDir
    Path templates;
    private Messages messages;

    @BeforeEach
    void teamBundle() throws IOException {
        Files.writeString(templates.resolve("messages_ko.properties"), """
                test.identifier=`{0}` 요청의 p95가 {1} ms입니다
                test.nested=판정: {0}
                """);
        messages = Messages.of(Messages.RUN_PAGES, new ReportSettings(ReportLocale.KO, ReportSettings.SEOUL, templates,
                List.of()));
    }

    @Test
    void onAPageBackticksAreCodeAndEveryArgumentIsEscaped() {
        PageText html = new PageText(messages, true);

        Object worded = html.say(Sentence.of("test.identifier", "<b>list</b>", "4"));

        assertThat(worded).isInstanceOf(SafeString.class);
        assertThat(worded.toString()).isEqualTo("<code>&lt;b&gt;list&lt;/b&gt;</code> 요청의 p95가 4 ms입니다");
    }

    @Test
    void inMarkdownTheMessageStaysAsWritten() {
        PageText markdown = new PageText(messages, false);

        assertThat(markdown.say(Sentence.of("test.identifier", "list", "4"))).isEqualTo("`list` 요청의 p95가 4 ms입니다");
        assertThat(markdown.record("no responses")).isEqualTo("`no responses`");
    }

    @Test
    void placeholdersAreFilledOnceSoAnArgumentCannotFillAnother() {
        PageText markdown = new PageText(messages, false);

        assertThat(markdown.say(Sentence.of("test.identifier", "{1}", "4"))).isEqualTo("`{1}` 요청의 p95가 4 ms입니다");
    }

    @Test
    void aSentenceMayBeTheArgumentOfAnother() {
        PageText html = new PageText(messages, true);

        assertThat(html.say(Sentence.of("test.nested", VerdictBanner.label(Verdict.FAIL)))
                .toString()).isEqualTo("판정: 실패");
    }

    @Test
    void aMessageTheBundleLacksFailsThePage() {
        PageText html = new PageText(messages, true);

        assertThatThrownBy(() -> html.messages().get("test.missing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.missing");
    }
}
