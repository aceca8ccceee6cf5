package dev.salerush.example.goods;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The goods stand-in's logins: the test accounts it knows ({@link #ACCOUNTS}), one password for all of them, and the
 * bearer tokens it handed out. A token stays valid while the stand-in runs, as a staging service's would for the
 * length of a load test.
 */
final class GoodsLogins {
    /** The usernames the stand-in knows: shopper01 .. shopper10 (a team's accounts.csv lists such test accounts). */
    static final List<String> ACCOUNTS = IntStream.rangeClosed(1, 10).mapToObj(n -> String.format("shopper%02d", n))
            .toList();
    private static final String BEARER = "Bearer ";

    private final String password;
    /** Token handed out -> the username it was handed to. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    GoodsLogins(String password) {
        if (password.isBlank()) {
            throw new IllegalArgumentException("the stand-in's login password must not be blank");
        }
        this.password = password;
    }

    /** A fresh token for a known username with the right password; empty otherwise. */
    Optional<String> login(String username, String givenPassword) {
        if (!ACCOUNTS.contains(username) || !password.equals(givenPassword)) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, username);
        return Optional.of(token);
    }

    /** The user an {@code Authorization} header value's bearer token was handed to; empty for none or an unknown one. */
    Optional<String> userOf(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.get(authorizationHeader.substring(BEARER.length()).trim()));
    }
}
