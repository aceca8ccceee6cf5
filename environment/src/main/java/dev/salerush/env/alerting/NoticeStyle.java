package dev.salerush.env.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a drill's Slack notices are written: in one language, on one clock, on the incident report's severity scale,
 * and in a team's own words when it has some.
 *
 * <p>The body of a notice is a Go template of Alertmanager's notification data ({@code .Status}, {@code .Alerts},
 * {@code .CommonLabels}, {@code .CommonAnnotations}). The defaults are the classpath resources
 * {@code dev/salerush/env/alerting/notice/slack_ko.tmpl} and {@code slack_en.tmpl} (in this module's
 * {@code src/main/resources}), a team's starting point for its own. Before any body, default or a team's,
 * {@link AlertmanagerConfig#text()} sets two variables: {@code $severity}, the scale's label of the alerts'
 * {@code severity} ({@code sev2} → {@code 2등급 (SEV2)}; a value not on the scale as it is), and {@code $channel}, the
 * discussion channel. Alertmanager runs with {@code TZ} = {@link #zone()}, so {@code .StartsAt.Local} is on the
 * configured clock whatever offset Prometheus sent.
 *
 * @param locale         {@value #KO} or {@value #EN}: the default body, and which annotations it reads ({@code summary}
 *                       or {@code summary_en}, …)
 * @param zone           the clock every time of a notice is shown on
 * @param severityLabels the severity scale, id → what a notice prints, in order; empty: the raw label values
 * @param textOverride   a team's body in place of the locale's default; empty (or blank) = the default
 */
public record NoticeStyle(String locale, ZoneId zone, Map<String, String> severityLabels,
                          Optional<String> textOverride) {

    public static final String KO = "ko";
    public static final String EN = "en";
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final ZoneId UTC = ZoneId.of("UTC");
    /** The incident report's default scale ({@code drills.severity}): {@code sev1} … {@code sev4}. */
    public static final List<String> SEVERITY_IDS = List.of("sev1", "sev2", "sev3", "sev4");

    public NoticeStyle {
        if (!KO.equals(locale) && !EN.equals(locale)) {
            throw new IllegalArgumentException("the notice's locale must be " + KO + " or " + EN + ", got " + locale);
        }
        Objects.requireNonNull(zone, "zone");
        AlertmanagerProcess.tz(zone); // refuses a clock Alertmanager could not be started on
        Map<String, String> labels = new LinkedHashMap<>();
        (severityLabels == null ? Map.<String, String>of() : severityLabels).forEach((id, label) ->
                labels.put(oneLine("severity id", id), oneLine("severity label of " + id, label)));
        severityLabels = Collections.unmodifiableMap(labels);
        textOverride = (textOverride == null ? Optional.<String>empty() : textOverride)
                .map(text -> text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing())
                .filter(text -> !text.isBlank());
    }

    /** Korean, Korean time, the default scale's Korean labels ({@code 1등급 (SEV1)} …), the default body. */
    public static NoticeStyle defaults() {
        return of(KO);
    }

    /**
     * The locale with its own clock (Asia/Seoul for {@value #KO}, UTC for {@value #EN}), the default scale's labels in
     * it ({@code 2등급 (SEV2)} or {@code SEV2}) and the default body.
     */
    public static NoticeStyle of(String locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < SEVERITY_IDS.size(); i++) {
            String sev = "SEV" + (i + 1);
            labels.put(SEVERITY_IDS.get(i), KO.equals(locale) ? (i + 1) + "등급 (" + sev + ")" : sev);
        }
        return new NoticeStyle(locale, KO.equals(locale) ? SEOUL : UTC, labels, Optional.empty());
    }

    /** This style with a team's body; null or blank = the locale's default. */
    public NoticeStyle withTextOverride(String text) {
        return new NoticeStyle(locale, zone, severityLabels, Optional.ofNullable(text));
    }

    /** The body of a notice: the team's text, or the locale's default. */
    public String body() {
        return textOverride.orElseGet(() -> defaultBody(locale));
    }

    /** The default body of a locale ({@value #KO} or {@value #EN}), as a team would copy it. */
    public static String defaultBody(String locale) {
        String name = "notice/slack_" + locale + ".tmpl";
        try (InputStream in = NoticeStyle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no default notice for the locale " + locale + " (" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default notice " + name, e);
        }
    }

    /** A label written into a Go string literal on one line of the notice's template. */
    private static String oneLine(String what, String value) {
        if (value == null || value.isBlank() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException(what + " must be one line of text, got " + value);
        }
        return value;
    }
}
