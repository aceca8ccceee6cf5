package dev.salerush.env;

/** Base URLs as configured ("http://host:8080" or "http://host:8080/") joined with the suite's absolute paths. */
public final class Urls {
    private Urls() {
    }

    public static String withoutTrailingSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code base} + {@code path}, where path starts with '/', without a double slash. */
    public static String join(String baseUrl, String path) {
        return withoutTrailingSlash(baseUrl) + path;
    }
}
