// Runs Neo4j Community (embedded DBMS with its Bolt server) for scripts/neo4j-local.
// Usage: java [flags] -cp 'lib/*' Launcher.java HOME CONF PASSWORD_FILE
// HOME holds data/ and logs/; CONF is a neo4j.conf-style file of settings (listen address,
// memory, usage reporting off); PASSWORD_FILE holds the password to give user 'neo4j'.
// Prints "chaingraph-neo4j ready" once Bolt is listening and the password is set; a
// shutdown hook closes the store cleanly on SIGTERM.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME CONF PASSWORD_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("chaingraph-neo4j stopping");
            service.shutdown();
            System.out.println("chaingraph-neo4j stopped");
            stopped.countDown();
        }));
        setPassword(service, password);
        System.out.println("chaingraph-neo4j ready pid=" + ProcessHandle.current().pid());
        System.out.flush();
        watchOwner(System.getenv("NEO4J_LOCAL_WATCH_PID"));
        stopped.await();
    }

    // With NEO4J_LOCAL_WATCH_PID set (the test suite sets its own pid), the server stops
    // by itself once that process is gone, so a killed test run leaves no server behind.
    private static void watchOwner(String pid) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        long owner = Long.parseLong(pid.strip());
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("chaingraph-neo4j: process " + owner + " is gone; exiting");
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    // The password is set from the embedded side (no network involved) on every start,
    // so the file stays the single place it is kept. Setting the same password again is
    // refused by Neo4j, which is fine: it is already in place.
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
