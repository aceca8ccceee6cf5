package dev.salerush.sim.config;

/**
 * Where the ids virtual users ask for come from (the {@code ids} section).
 *
 * @param fromDatabase true: sampled from the database with the queries; false: computed from the dataset spec
 */
public record IdSettings(boolean fromDatabase, String brandsQuery, String hotProductsQuery, String maxUserIdQuery) {
}
