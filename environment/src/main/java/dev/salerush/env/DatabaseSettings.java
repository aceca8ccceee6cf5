package dev.salerush.env;

import java.util.List;

/**
 * The database the seeder fills. An empty URL means the embedded PostgreSQL.
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(String url, String user, String password, List<String> allowedHosts) {

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", allowedHosts=" + allowedHosts + "]";
    }
}
