package io.uflpatrace.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.lifecycle.LifecycleException;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community (embedded, Bolt on) until the JVM is told to stop.
 *
 * <p>Settings, highest precedence first: {@code --name=value} arguments, {@code -Dneo4j.launcher.name=value}
 * system properties, environment variables, defaults:
 *
 * <pre>
 *   home        NEO4J_HOME_DIR      .neo4j/data      data persisted under HOME/data, logs under HOME/logs
 *   port        NEO4J_BOLT_PORT     7687
 *   listen      NEO4J_LISTEN        127.0.0.1
 *   password    NEO4J_PASSWORD      (required)       set for user "neo4j" on every start
 *   pagecache   NEO4J_PAGECACHE     512m
 *   tx-timeout  NEO4J_TX_TIMEOUT    60s
 *   tx-logs     NEO4J_TX_LOG_RETENTION  2G size  transaction logs kept past a checkpoint (Neo4j's default keeps
 *                                                 two days: tens of GiB after a few large imports)
 *   exit-on-stdin-eof               false            stop when stdin closes (the parent process died)
 * </pre>
 *
 * <p>Prints {@code NEO4J READY bolt://HOST:PORT} on stdout once the default database is available and the
 * password is set. On failure prints one line {@code NEO4J FAILED <reason>} on stderr and exits with 1
 * (2 for bad settings). A shutdown hook (SIGTERM, SIGINT) closes the store cleanly.
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private static final String USER = "neo4j";

    private Launcher() {}

    public static void main(String[] args) {
        Map<String, String> cli = parseArgs(args);
        Path home;
        int port;
        String listen;
        String password;
        long pageCache;
        Duration txTimeout;
        String txLogRetention;
        boolean exitOnStdinEof;
        try {
            home = Path.of(setting(cli, "home", "NEO4J_HOME_DIR", ".neo4j/data")).toAbsolutePath().normalize();
            port = Integer.parseInt(setting(cli, "port", "NEO4J_BOLT_PORT", "7687"));
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            listen = setting(cli, "listen", "NEO4J_LISTEN", "127.0.0.1");
            password = setting(cli, "password", "NEO4J_PASSWORD", null);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("no password: pass --password=... or set NEO4J_PASSWORD");
            }
            pageCache = ByteUnit.parse(setting(cli, "pagecache", "NEO4J_PAGECACHE", "512m"));
            txTimeout = parseDuration(setting(cli, "tx-timeout", "NEO4J_TX_TIMEOUT", "60s"));
            txLogRetention = setting(cli, "tx-logs", "NEO4J_TX_LOG_RETENTION", "2G size");
            exitOnStdinEof = Boolean.parseBoolean(setting(cli, "exit-on-stdin-eof", "NEO4J_EXIT_ON_STDIN_EOF", "false"));
        } catch (RuntimeException e) {
            fail(2, "bad setting: " + e.getMessage());
            return;
        }

        // Clear message for a taken port before Neo4j starts (it would otherwise fail deep in its start-up).
        String portProblem = checkPortFree(listen, port);
        if (portProblem != null) {
            fail(1, portProblem);
            return;
        }

        final Object lock = new Object();
        final DatabaseManagementService[] holder = new DatabaseManagementService[1];
        final AtomicBoolean stopping = new AtomicBoolean(false);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            DatabaseManagementService dbms;
            synchronized (lock) {
                dbms = holder[0];
                holder[0] = null;
            }
            if (dbms != null) {
                ERR.println("NEO4J STOPPING");
                try {
                    dbms.shutdown();
                    ERR.println("NEO4J STOPPED");
                } catch (Throwable t) {
                    ERR.println("NEO4J FAILED during shutdown: " + oneLine(t));
                }
            }
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        long started = System.nanoTime();
        try {
            Files.createDirectories(home);
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(ERR, Level.WARN))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(listen, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(listen, port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention)
                    .setConfig(GraphDatabaseSettings.log_queries, GraphDatabaseSettings.LogQueryLevel.OFF)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(2))
                    .build();
            synchronized (lock) {
                if (stopping.get()) {
                    dbms.shutdown();
                    return;
                }
                holder[0] = dbms;
            }

            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            while (!db.isAvailable(Duration.ofSeconds(5).toMillis())) {
                if (stopping.get()) return;
                ERR.println("NEO4J waiting for database " + db.databaseName());
            }
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        } catch (Throwable t) {
            if (stopping.get()) return;
            synchronized (lock) {
                DatabaseManagementService dbms = holder[0];
                holder[0] = null;
                if (dbms != null) {
                    try {
                        dbms.shutdown();
                    } catch (Throwable ignored) {
                        // reporting the first failure matters more
                    }
                }
            }
            fail(1, describe(t, home, listen, port));
            return;
        }

        long ms = (System.nanoTime() - started) / 1_000_000;
        ERR.println("NEO4J started in " + ms + " ms, home " + home);
        OUT.println("NEO4J READY bolt://" + listen + ":" + port);
        OUT.flush();

        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; only EOF matters
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                if (!stopping.get()) {
                    ERR.println("NEO4J stdin closed (parent gone); stopping");
                    System.exit(0);
                }
            }, "neo4j-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets the password of user neo4j (creating the user if missing); no change needed on later runs. */
    private static void setPassword(GraphDatabaseService system, String password) {
        boolean exists;
        boolean changeRequired;
        try (Transaction tx = system.beginTx();
                Result r = tx.execute("SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user "
                        + "RETURN passwordChangeRequired", Map.of("user", USER))) {
            exists = r.hasNext();
            changeRequired = exists && Boolean.TRUE.equals(r.next().get("passwordChangeRequired"));
            tx.commit();
        }
        Map<String, Object> params = Map.of("user", USER, "password", password);
        if (!exists) {
            system.executeTransactionally(
                    "CREATE USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", params);
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: then it is already right.
            if (!String.valueOf(rootCause(e).getMessage()).toLowerCase(Locale.ROOT).contains("same")) throw e;
            if (changeRequired) {
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
            }
        }
    }

    private static String checkPortFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (BindException e) {
            return "Bolt port " + host + ":" + port + " is already in use (another Neo4j or program listens there)";
        } catch (IOException e) {
            return "cannot listen on " + host + ":" + port + ": " + e.getMessage();
        }
    }

    private static String describe(Throwable t, Path home, String host, int port) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (name.endsWith("FileLockException") || c instanceof OverlappingFileLockException) {
                return "store at " + home + " is locked by another process (another Neo4j uses this home folder)";
            }
            if (c instanceof BindException || name.endsWith("PortBindException")) {
                return "Bolt port " + host + ":" + port + " is already in use (another Neo4j or program listens there)";
            }
        }
        Throwable root = rootCause(t);
        String where = t instanceof LifecycleException ? "start-up failed: " : "";
        return where + oneLine(root) + " (see " + home.resolve("logs/debug.log") + ")";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }

    private static String oneLine(Throwable t) {
        String msg = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").trim();
        return t.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    private static void fail(int code, String message) {
        ERR.println("NEO4J FAILED " + message.replaceAll("\\s+", " ").trim());
        ERR.flush();
        // halt, not exit: nothing of Neo4j is left to close here and the shutdown hook must not wait.
        Runtime.getRuntime().halt(code);
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                fail(2, "bad argument " + a + " (use --home=, --port=, --listen=, --password=, --pagecache=, "
                        + "--tx-timeout=, --exit-on-stdin-eof)");
            }
            int eq = a.indexOf('=');
            if (eq < 0) m.put(a.substring(2), "true");
            else m.put(a.substring(2, eq), a.substring(eq + 1));
        }
        for (String k : m.keySet()) {
            if (!List.of("home", "port", "listen", "password", "pagecache", "tx-timeout", "exit-on-stdin-eof")
                    .contains(k)) {
                fail(2, "unknown argument --" + k);
            }
        }
        return m;
    }

    private static String setting(Map<String, String> cli, String name, String env, String def) {
        String v = cli.get(name);
        if (v == null || v.isEmpty()) v = System.getProperty("neo4j.launcher." + name);
        if ((v == null || v.isEmpty()) && env != null) v = System.getenv(env);
        return v == null || v.isEmpty() ? def : v;
    }

    /** "60s", "2m", "500ms", "1h", or a bare number of seconds. */
    private static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        if (v.endsWith("h")) return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(v));
    }
}
