package dev.salerush.sim.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dead links in Markdown files, the way GitHub renders them: a relative link must name a file or folder that exists
 * (resolved against the linking file's folder), and a {@code #anchor} must be the slug of a heading of its target.
 * Links inside fenced code blocks and inline code are text, not links. http(s) links are not fetched (no network
 * here); they must only be well-formed.
 */
final class MarkdownLinks {
    /** {@code [text](target)} and {@code ![alt](target)}; link text may hold one level of brackets. */
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^)\\s]*)"
            + "(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** A link as written: the 1-based line it is on and its target. */
    record Link(int line, String target) {
    }

    private MarkdownLinks() {
    }

    /** Every dead link of the given files as {@code file:line: target}, file relative to {@code root}. */
    static List<String> deadLinks(Path root, List<Path> files) {
        List<String> dead = new ArrayList<>();
        // each linked file's headings read once, however many links name one of its anchors
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        Function<Path, Set<String>> anchorsOf = linked -> anchorsByFile.computeIfAbsent(linked,
                target -> anchors(read(target)));
        for (Path file : files) {
            for (Link link : links(read(file))) {
                if (!resolves(file, link.target(), anchorsOf)) {
                    dead.add(root.relativize(file) + ":" + link.line() + ": " + link.target());
                }
            }
        }
        return dead;
    }

    /** The links of a Markdown text, fenced code blocks and inline code left out; link text may span lines. */
    static List<Link> links(List<String> lines) {
        List<Link> links = new ArrayList<>();
        String prose = String.join("\n", proseLines(lines).stream().map(MarkdownLinks::withoutInlineCode).toList());
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("<") && target.endsWith(">")) {
                target = target.substring(1, target.length() - 1);
            }
            int line = (int) prose.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
            links.add(new Link(line, target));
        }
        return links;
    }

    /** The anchors GitHub gives the headings of a Markdown text, duplicates numbered -1, -2, … */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(lines)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(2));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading slug: the heading's text (link targets and code marks dropped) in lower case, every character
     * but letters, digits, marks, '-', '_' and spaces removed, each space a '-'. Hangul is a letter and stays.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return text.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }

    private static boolean resolves(Path file, String target, Function<Path, Set<String>> anchorsOf) {
        if (target.isEmpty()) {
            return false;
        }
        if (SCHEME.matcher(target).find()) {
            return wellFormed(target);
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path linked = path.isEmpty() ? file : file.getParent().resolve(decode(path)).normalize();
        if (!Files.exists(linked)) {
            return false;
        }
        if (anchor == null || !linked.getFileName().toString().endsWith(".md")) {
            return true;
        }
        return anchorsOf.apply(linked).contains(decode(anchor));
    }

    private static boolean wellFormed(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Percent-escapes in a link (%20, or Hangul escaped by an editor) name the same file or anchor. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    /** The lines with every line of a fenced code block (fences included) blanked, so line numbers stay. */
    private static List<String> proseLines(List<String> lines) {
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find()) {
                fence = m.group(1);
                prose.add("");
            } else if (fence != null) {
                if (closes(fence, line.strip())) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line);
            }
        }
        return prose;
    }

    /** A closing fence: at least as long as the opening one, of the same character, nothing after it. */
    private static boolean closes(String fence, String line) {
        char mark = fence.charAt(0);
        return line.length() >= fence.length() && line.chars().allMatch(c -> c == mark);
    }

    private static String withoutInlineCode(String line) {
        return INLINE_CODE.matcher(line).replaceAll(m -> " ".repeat(m.group().length()));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
