package org.fabrique.alliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, reachable over Bolt on the loopback interface only.
 *
 * <p>Usage: {@code java -cp 'neo4j-embedded.jar:lib/*' org.fabrique.alliance.EmbeddedNeo4j
 * --home DIR --bolt-port N --plugins DIR [--page-cache-mb N]}
 *
 * <p>Prints {@code NEO4J_READY bolt://127.0.0.1:N} on standard output once the default database
 * accepts transactions. Stops cleanly on SIGTERM/SIGINT, and also when standard input closes, so
 * that the database is shut down properly even if the Node process that started it dies.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        LauncherOptions options = LauncherOptions.parse(args);
        // Watch standard input from the first instant: if the parent dies while Neo4j is still
        // starting (a full disk can make that last), this JVM must not outlive it.
        Thread watcher = new Thread(EmbeddedNeo4j::exitWhenStdinCloses, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Files.createDirectories(options.home());

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(options.home())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.boltPort()))
                // Loopback development default: the embedded server is never exposed beyond 127.0.0.1.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.plugin_dir, options.plugins().toAbsolutePath())
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb()))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // A seed load is one transaction (all or nothing): up to 85 % of the heap may hold it,
                // rather than the default 70 % shared with everything else.
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, Runtime.getRuntime().maxMemory() / 100 * 85)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt waits 5 s twice for idle connections at shutdown by default; nobody is left by then.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        Thread shutdown = new Thread(() -> stop(service), "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("NEO4J_FAILED the default database did not become available");
            System.exit(1);
        }
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + options.boltPort());
        System.out.flush();
        watcher.join();
    }

    private static void exitWhenStdinCloses() {
        waitForStdinToClose();
        // Parent gone or asked us to stop: System.exit runs the shutdown hook, which stops Neo4j.
        System.exit(0);
    }

    private static synchronized void stop(DatabaseManagementService service) {
        System.out.println("NEO4J_STOPPING");
        System.out.flush();
        service.shutdown();
        System.out.println("NEO4J_STOPPED");
        System.out.flush();
    }

    private static void waitForStdinToClose() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Any input is ignored; only end-of-stream matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone, exactly like end-of-stream.
        }
    }

    /** Command-line options, with the defaults of the public contract. */
    record LauncherOptions(Path home, int boltPort, Path plugins, long pageCacheMb) {
        static LauncherOptions parse(String[] args) {
            Path home = Path.of(".neo4j");
            int boltPort = 7687;
            Path plugins = Path.of("plugins");
            long pageCacheMb = 128;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--home" -> home = Path.of(require(args[i], value));
                    case "--bolt-port" -> boltPort = Integer.parseInt(require(args[i], value));
                    case "--plugins" -> plugins = Path.of(require(args[i], value));
                    case "--page-cache-mb" -> pageCacheMb = Long.parseLong(require(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            return new LauncherOptions(home, boltPort, plugins, pageCacheMb);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
