package org.hlf.mentor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the application under test at its own database on the real PostgreSQL server, created if missing.
 * Init arg {@code database} names it. Server coordinates come from the usual libpq variables
 * ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}), by default the local server with trust auth.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("init arg 'database' must be a plain lower-case name: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        createIfMissing(host, port, user, password);
        System.out.printf("[test-postgres] Using database %s on %s:%s as %s%n", database, host, port, user);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://%s:%s/%s".formatted(host, port, database),
                "quarkus.datasource.reactive.url", "postgresql://%s:%s/%s".formatted(host, port, database),
                "quarkus.datasource.username", user));
        if (!password.isEmpty()) {
            config.put("quarkus.datasource.password", password);
        }
        return config;
    }

    @Override
    public void stop() {
        // The database is kept: tests use unique ids, and the schema is Flyway's to migrate.
    }

    private void createIfMissing(String host, String port, String user, String password) {
        String url = "jdbc:postgresql://%s:%s/postgres".formatted(host, port);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                // 42P04: a parallel build created it first
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at %s:%s is not reachable (is it running? try "
                    + "'pg_ctlcluster <version> main start'): %s".formatted(host, port, e.getMessage()), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
