package dev.salerush.seeder.profile;

import com.typesafe.config.ConfigUtil;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/** Small formatting helpers for the HOCON spec text. */
final class Hocon {

    private Hocon() {
    }

    /** A key as written: bare when it is a plain identifier, quoted otherwise. */
    static String key(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : ConfigUtil.quoteString(name);
    }

    static String string(String value) {
        return ConfigUtil.quoteString(value);
    }

    /** A number in plain notation with 4 significant digits (shares, means). */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A value from the statistics: a bare number when it is one, else a quoted string. */
    static String scalar(String value) {
        try {
            new BigDecimal(value);
            return value;
        } catch (NumberFormatException e) {
            return string(value);
        }
    }

    static String list(List<String> values) {
        return values.stream().map(Hocon::scalar).collect(Collectors.joining(", ", "[", "]"));
    }

    /** { "v1" = share1, "v2" = share2 } */
    static String shares(List<String> values, List<Double> shares, double factor) {
        StringBuilder sb = new StringBuilder("{ ");
        for (int i = 0; i < values.size() && i < shares.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(string(values.get(i))).append(" = ")
                    .append(number(shares.get(i) * factor));
        }
        return sb.append(" }").toString();
    }
}
