package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageLintTest {

    @Test
    void anEnglishSentenceInAKoreanPageIsListedCodeIsNot() {
        String page = "<h2>탐지</h2><p>경보 <code>High5xxRatio</code>가 2.4초 만에 울렸습니다 (p95 35 ms).</p>"
                + "<p>The payment partner answers every payment with 500.</p>";

        assertThat(LanguageLint.offences(page, ReportLocale.KO))
                .containsExactly("The payment partner answers every payment with 500.");
    }

    @Test
    void aUnitWrittenInLatinInAKoreanSentenceIsAnOffence() {
        assertThat(LanguageLint.offences("영향 시간 60 s", ReportLocale.KO)).containsExactly("영향 시간 60 s");
        assertThat(LanguageLint.offences("영향 시간 60초, p95 35 ms", ReportLocale.KO)).isEmpty();
    }

    @Test
    void hangulInAnEnglishPageIsListedMarkdownCodeSpansAreNot() {
        String markdown = "| Severity | 2등급 (SEV2) |\n| Alert | `결제 대행사` |\nDetected after 2.4 s.";

        assertThat(LanguageLint.offences(markdown, ReportLocale.EN)).containsExactly("2등급 (SEV2)");
    }

    @Test
    void scriptsStylesAttributesAndLinksAreNotProse() {
        String page = "<html lang=\"ko\"><style>body { font-family: sans-serif }</style>"
                + "<a href=\"incident-bad-deploy.html\" title=\"x\">장애보고서</a><script>var chart = 1;</script>";

        assertThat(LanguageLint.offences(page, ReportLocale.KO)).isEmpty();
    }

    @Test
    void aMarkdownTaskBoxIsSyntaxAnXInASentenceIsNot() {
        String markdown = "- [x] **운영과 같은 데이터 양** — 적재합니다\n- [ ] **배경 배치 작업 부하** — 재현하지 않습니다\n"
                + "- 상품 2 x 3개";

        assertThat(LanguageLint.offences(markdown, ReportLocale.KO)).containsExactly("- 상품 2 x 3개");
    }
}
