package dev.salerush.seeder.specseed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.cli.SeederCli;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad specs: each is the shipped marketplace spec with one value replaced (or removed). The seeder must refuse it
 * with one message naming exactly that key, exit 2 on the CLI, and write nothing (no marker, tables empty, keys and
 * indexes untouched).
 */
class BadSpecTableTest {

    static EmbeddedDatabase db;
    static DbTarget target;
    static long definitionsBefore;

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() throws Exception {
        db = EmbeddedDatabase.start();
        target = Marketplace.freshSchema(db);
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            // two tables referencing each other: a foreign-key cycle the spec cannot order
            st.execute("CREATE TABLE cyc_a (id bigint PRIMARY KEY, b_id bigint); "
                    + "CREATE TABLE cyc_b (id bigint PRIMARY KEY, a_id bigint REFERENCES cyc_a (id)); "
                    + "ALTER TABLE cyc_a ADD FOREIGN KEY (b_id) REFERENCES cyc_b (id)");
        }
        definitionsBefore = definitions();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static long definitions() throws Exception {
        return Marketplace.scalar(target, "SELECT (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON "
                + "n.oid = c.connamespace WHERE n.nspname = 'public') + (SELECT count(*) FROM pg_indexes "
                + "WHERE schemaname = 'public')");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "REMOVE", textBlock = """
            # path replaced in the marketplace spec         | new value (REMOVE: key removed)            | key the message must name
            spec.tables.nosuch                               | { rows = 1 }                               | spec.tables.nosuch
            spec.tables.item.columns.colour                  | { generator = constant, value = red }      | spec.tables.item.columns.colour
            spec.tables.item.columns.title.generator         | lorem                                      | spec.tables.item.columns.title.generator
            spec.seed                                        | REMOVE                                     | spec.seed
            spec.tables.tag.rows                             | -1                                         | spec.tables.tag.rows
            spec.tables.item_tag.rows                        | 5                                          | spec.tables.item_tag
            spec.tables.item_tag.rowsPer.parent              | customer                                   | spec.tables.item_tag.rowsPer.parent
            spec.tables.item.columns.title.nulls             | 0.1                                        | spec.tables.item.columns.title.nulls
            spec.tables.customer.columns.city.nulls          | 1.5                                        | spec.tables.customer.columns.city.nulls
            spec.tables.item.columns.price.min               | 5000000                                    | spec.tables.item.columns.price.min
            spec.tables.item.columns.price.stddev            | 0                                          | spec.tables.item.columns.price.stddev
            spec.tables.purchase.columns.quantity.exponent   | 0                                          | spec.tables.purchase.columns.quantity.exponent
            spec.tables.purchase.columns.status.values       | {}                                         | spec.tables.purchase.columns.status.values
            spec.tables.purchase.columns.status.values       | { PAID = -1 }                              | spec.tables.purchase.columns.status.values.PAID
            spec.tables.review.columns.rating.values         | { five = 1 }                               | spec.tables.review.columns.rating.values.five
            spec.tables.purchase.columns.ordered_at.hourWeights | [1, 2, 3]                               | spec.tables.purchase.columns.ordered_at.hourWeights
            spec.tables.purchase.columns.ordered_at.from     | "2026-13-01"                               | spec.tables.purchase.columns.ordered_at.from
            spec.tables.customer.columns.email               | { generator = enum, values { a = 1 } }     | spec.tables.customer.columns.email.generator
            spec                                             | { seed = 1, tables { cyc_a { rows = 1 }, cyc_b { rows = 1 } } } | spec.tables
            spec.tables.item.columns.title                   | { generator = reference }                  | spec.tables.item.columns.title.generator
            spec.tables.seller.columns.name.expression       | "#{Nope.nothing}"                          | spec.tables.seller.columns.name.expression
            spec.tables.item.columns.price                   | { generator = pattern, pattern = "p-%d" }  | spec.tables.item.columns.price.generator
            spec.tables.item.columns.title                   | REMOVE                                     | spec.tables.item.columns.title
            spec.locale                                      | xx-nope                                    | spec.locale
            spec.tables.tag                                  | REMOVE                                     | spec.tables.item_tag.columns.tag_id
            spec.tables.item_tag.rowsPer.max                 | 600                                        | spec.tables.item_tag.rowsPer.max
            spec.tables.review.rowsPer.max                   | 3                                          | spec.tables.review.rowsPer.max
            spec.tables.item.columns.category_id.skew.mostCommon | { "17" = 0.7, "4" = 0.6 }              | spec.tables.item.columns.category_id.skew.mostCommon
            spec.tables.item.columns.category_id.skew.mostCommon | { "999999" = 0.1 }                     | spec.tables.item.columns.category_id.skew.mostCommon.999999
            spec.tables.seller.columns.joined_on.to          | "2017-01-01"                               | spec.tables.seller.columns.joined_on.from
            spec.tables.purchase.columns.quantity            | { generator = uniform, min = 1, max = 100000 } | spec.tables.purchase.columns.quantity.max
            spec.tables.tag.columns.id                       | { generator = sequence, start = 10 }       | spec.tables.item_tag.columns.tag_id.generator
            """)
    void refusedNamingTheKeyAndNothingWritten(String path, String value, String key) throws Exception {
        Config spec = value == null ? Marketplace.spec().withoutPath(path)
                : Marketplace.spec().withValue(path, ConfigFactory.parseString("v = " + value).getValue("v"));

        assertThatThrownBy(() -> new SpecSeeder(target).seed(spec))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");

        Path file = dir.resolve("bad.conf");
        Files.writeString(file, spec.root().render(ConfigRenderOptions.concise()));
        StringWriter err = new StringWriter();
        int code = SeederCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "seed",
                "--spec", file.toString(), "--db-url", target.jdbcUrl(), "--user", target.user());
        System.out.println("MSG " + err.toString().lines().findFirst().orElse(""));
        assertThat(code).as(err.toString()).isEqualTo(SeederCli.EXIT_USAGE);
        assertThat(err.toString()).contains(key + ": ");

        assertThat(Marketplace.scalar(target, "SELECT count(*) FROM pg_tables WHERE tablename = 'salerush_dataset'"))
                .as("marker").isZero();
        assertThat(Marketplace.scalar(target, "SELECT (SELECT count(*) FROM category) + (SELECT count(*) FROM seller)"
                + " + (SELECT count(*) FROM customer) + (SELECT count(*) FROM item) + (SELECT count(*) FROM tag)"
                + " + (SELECT count(*) FROM item_tag) + (SELECT count(*) FROM purchase) + (SELECT count(*) FROM review)"))
                .as("rows").isZero();
        assertThat(definitions()).as("keys and indexes").isEqualTo(definitionsBefore);
    }
}
