package dev.salerush.seeder.specseed;

import java.util.Random;
import net.datafaker.Faker;

/**
 * datafaker expressions in the spec's locale. One Faker per thread (Faker is not thread-safe); its Random is
 * re-seeded from the row's stream before every value, so the value depends only on (seed, table, column, row).
 */
final class FakerGenerator {

    private FakerGenerator() {
    }

    static ValueGenerator of(ColumnContext ctx) {
        if (ctx.type().kind != PgType.Kind.TEXT) {
            throw ctx.cfg().error("generator", "faker makes text values, but column " + ctx.column() + " is "
                    + ctx.type().name().toLowerCase());
        }
        String expression = ctx.cfg().string("expression");
        ThreadLocal<Random> randoms = ThreadLocal.withInitial(Random::new);
        ThreadLocal<Faker> fakers = ThreadLocal.withInitial(() -> new Faker(ctx.locale(), randoms.get()));
        String probe;
        try {
            probe = fakers.get().expression(expression);
        } catch (RuntimeException e) {
            throw ctx.cfg().error("expression", "'" + expression + "' does not evaluate: " + e.getMessage()
                    + " (allowed: a datafaker expression such as #{Name.fullName})");
        }
        if (probe == null || probe.contains("#{")) {
            throw ctx.cfg().error("expression", "'" + expression + "' does not evaluate (got '" + probe
                    + "'; allowed: a datafaker expression such as #{Name.fullName})");
        }
        return (row, r) -> {
            randoms.get().setSeed(r.nextLong());
            return fakers.get().expression(expression);
        };
    }
}
