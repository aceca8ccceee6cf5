package dev.salerush.seeder.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.specseed.SpecException;
import dev.salerush.seeder.specseed.SpecPlan;
import dev.salerush.seeder.specseed.SpecSeeder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code seed --spec FILE}: seeds the target's existing schema from a declarative spec (see docs/seed-spec.md).
 * With {@code --embedded} the throwaway database first gets the DDL of {@code --schema}.
 */
final class SpecSeedCommand {

    private SpecSeedCommand() {
    }

    /** Reads a spec file; a missing or unparsable file is a usage error naming --spec. */
    static Config readSpec(CommandLine cl, Path file) {
        if (!Files.isRegularFile(file)) {
            throw SeederCli.invalidOption(cl, "--spec", file + " is not a file (allowed: a HOCON seed spec, e.g. "
                    + "team.conf)");
        }
        try {
            return ConfigFactory.parseFile(file.toFile()).resolve();
        } catch (ConfigException e) {
            throw SeederCli.invalidOption(cl, "--spec", file + " is not valid HOCON: " + e.getMessage());
        }
    }

    static int run(CommandLine cl, SeederCli.Common common, Path specFile, Path schema, boolean dryRun) throws Exception {
        Config spec = readSpec(cl, specFile);
        SeederCli.Resolved r = common.resolve(cl.getCommandSpec());
        if (schema != null && !r.embedded()) {
            throw SeederCli.invalidOption(cl, "--schema", "only with --embedded (allowed: DDL applied to the throwaway"
                    + " database; an external database already has its schema)");
        }
        if (schema != null && !Files.isRegularFile(schema)) {
            throw SeederCli.invalidOption(cl, "--schema", schema + " is not a file");
        }
        PrintWriter out = cl.getOut();
        try (SeederCli.OpenTarget t = r.open()) {
            if (schema != null) {
                try (Connection c = t.target().connect(); Statement st = c.createStatement()) {
                    st.execute(Files.readString(schema));
                }
            }
            SpecSeeder seeder = new SpecSeeder(t.target()).progress(SeederCli.progressListener());
            try {
                if (dryRun) {
                    SpecPlan plan = seeder.plan(spec);
                    out.println("dry run: spec is valid for " + r.targetDescription() + "; nothing written");
                    plan.tables().forEach(p -> out.printf("  %-16s %,12d%n", p.table(), p.rows()));
                    out.println("fingerprint " + plan.fingerprint());
                    return 0;
                }
                SeedReport report = seeder.seed(spec);
                SeederCli.printSeedReport(out, report);
                SeederCli.writeReport(r.report(), report);
            } catch (SpecException e) {
                throw new ParameterException(cl, "Invalid spec " + specFile + ": " + e.getMessage());
            }
        }
        return 0;
    }
}
