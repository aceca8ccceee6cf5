package dev.salerush.seeder.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void startsWithLoadTestSettingsAndCloseStopsTheServerAndRemovesTheDataDirectory() throws Exception {
        Path dataDir;
        String url;
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            url = db.jdbcUrl();
            dataDir = db.dataDirectory();
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/salerush");
            assertThat(Files.isDirectory(dataDir)).isTrue();
            try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('max_connections'), "
                         + "current_setting('shared_buffers'), current_setting('server_version_num')::int")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("200");
                assertThat(rs.getString(2)).isEqualTo("256MB");
                assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(180000);
            }
        }
        assertThat(Files.exists(dataDir)).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void explainsTheRootProblem() {
        EmbeddedDatabaseException e = EmbeddedDatabase.explain(
                new java.io.IOException("initdb: cannot be run as root"));
        assertThat(e.getMessage()).contains("non-root", "unshare -U", "db.url");
    }
}
