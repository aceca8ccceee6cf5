package dev.salerush.seeder.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeededSnapshotTest {

    @Test
    void aSeededDatabaseBecomesASnapshotThatStartsOnCopiesWithDurableSettings() throws Exception {
        EmbeddedDatabase seeded = EmbeddedDatabase.start();
        try (Connection c = seeded.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(id int primary key)");
            st.execute("INSERT INTO t SELECT generate_series(1, 1000)");
        }
        Path copyDir;
        try (SeededSnapshot snapshot = SeededSnapshot.take(seeded)) {
            System.out.println("snapshot prepared in " + snapshot.preparationTime().toMillis() + " ms");
            assertThat(snapshot.directory().getFileName().toString()).startsWith("salerush-pg-");
            assertThat(snapshot.directory().resolve("postmaster.pid")).doesNotExist();

            try (EmbeddedDatabase db = EmbeddedDatabase.startOnCopy(snapshot,
                    Map.of("fsync", "on", "full_page_writes", "on", "wal_level", "replica", "max_wal_senders", "4"))) {
                copyDir = db.dataDirectory();
                assertThat(copyDir).isNotEqualTo(snapshot.directory());
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copyDir)))
                        .isEqualTo("rwx------");
                try (Connection c = db.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM t), current_setting('fsync'), "
                             + "current_setting('full_page_writes'), current_setting('wal_level')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1000);
                    // zonky passes -F (fsync off) first; the explicit -c fsync=on after it wins.
                    assertThat(rs.getString(2)).isEqualTo("on");
                    assertThat(rs.getString(3)).isEqualTo("on");
                    assertThat(rs.getString(4)).isEqualTo("replica");
                }
            }
            assertThat(copyDir).doesNotExist();
            assertThat(snapshot.directory()).isDirectory();
        }
    }
}
