package dev.salerush.seeder.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void parsesHostPortAndDatabase() {
        JdbcUrls.Parsed p = JdbcUrls.parse("jdbc:postgresql://DB.Example.com:6543/shop?sslmode=require");
        assertThat(p.hosts()).containsExactly(new JdbcUrls.HostPort("db.example.com", 6543));
        assertThat(p.database()).isEqualTo("shop");
    }

    @Test
    void noHostMeansLocalhost() {
        assertThat(JdbcUrls.parse("jdbc:postgresql:shop").hosts()).containsExactly(new JdbcUrls.HostPort("localhost", 5432));
        assertThat(JdbcUrls.parse("jdbc:postgresql:///shop").hosts()).extracting(JdbcUrls.HostPort::host).containsExactly("localhost");
    }

    @Test
    void parsesHostListsAndIpv6() {
        JdbcUrls.Parsed p = JdbcUrls.parse("jdbc:postgresql://127.0.0.1:5432,[::1]:5433,[fe80::1]/db");
        assertThat(p.hosts()).containsExactly(new JdbcUrls.HostPort("127.0.0.1", 5432), new JdbcUrls.HostPort("::1", 5433),
                new JdbcUrls.HostPort("fe80::1", 5432));
    }

    @Test
    void rejectsMalformedUrls() {
        assertThatThrownBy(() -> JdbcUrls.parse("jdbc:mysql://localhost/db")).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql://h:port/db")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql://h:99999/db")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql:/")).hasMessageContaining("not a valid");
        // pgJDBC takes no user info in the URL
        assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql://bob:s3cret@h:1/db")).hasMessageContaining("user info")
                .message().doesNotContain("s3cret");
    }

    /** The driver lets query parameters override the host: the guard must see the host the driver will use. */
    @Test
    void hostParametersInTheQueryAreTheHostsThatCount() {
        assertThat(JdbcUrls.parse("jdbc:postgresql://127.0.0.1:5432/x?host=10.0.0.5").hosts())
                .containsExactly(new JdbcUrls.HostPort("10.0.0.5", 5432));
        assertThat(JdbcUrls.parse("jdbc:postgresql://127.0.0.1/x?PGHOST=db.prod&PGPORT=6432").hosts())
                .containsExactly(new JdbcUrls.HostPort("db.prod", 6432));
    }

    @Test
    void masksPasswords() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true").doesNotContain("s3cret");
        assertThat(JdbcUrls.mask("jdbc:postgresql://bob:s3cret@h/db")).doesNotContain("s3cret");
    }
}
