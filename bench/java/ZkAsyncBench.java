import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A second load driver built on the reference Java client (ZooKeeper 3.8 async API), so that AkkaZk.Bench's own
 * generator is not the only witness: N sessions, each with M requests in flight (a semaphore per session), one op
 * kind (get = getData, set = setData, create = create of new znodes) on the same layout as AkkaZk.Bench.
 * Counts replies completing inside the window after a warm-up; prints ops/s and latency percentiles (µs).
 *
 * java -cp zookeeper.jar:zookeeper-jute.jar:slf4j-api.jar:slf4j-nop.jar:. ZkAsyncBench \
 *     --connect 127.0.0.1:2181 --op get --sessions 8 --outstanding 64 --value-size 100 --znodes 10000 \
 *     --duration 10 --warmup 3 [--json out.json] [--label zookeeper]
 */
public final class ZkAsyncBench {
    private static final int LEAVES_PER_PARENT = 100;

    private final String connect;
    private final String op;
    private final int sessions;
    private final int outstanding;
    private final byte[] value;
    private final int znodes;
    private final double durationSeconds;
    private final double warmupSeconds;
    private final String root;
    private final ZooKeeper[] clients;
    private final Semaphore[] slots;
    private final Session[] stats;
    private volatile boolean stopping;
    private long windowStart;
    private long windowEnd;

    /** What one session's callbacks recorded; touched only by that session's event thread. */
    private static final class Session {
        final long[] histogram = new long[(40 + 2) * 128];
        long ok;
        long lastInWindow;
        final Map<Integer, Long> errors = new HashMap<>();
        long created;
    }

    private ZkAsyncBench(Map<String, String> args) {
        connect = args.getOrDefault("connect", "127.0.0.1:2181");
        op = args.getOrDefault("op", "get");
        sessions = Integer.parseInt(args.getOrDefault("sessions", "8"));
        outstanding = Integer.parseInt(args.getOrDefault("outstanding", "64"));
        value = new byte[Integer.parseInt(args.getOrDefault("value-size", "100"))];
        new Random(value.length).nextBytes(value);
        znodes = Integer.parseInt(args.getOrDefault("znodes", "10000"));
        durationSeconds = Double.parseDouble(args.getOrDefault("duration", "10"));
        warmupSeconds = Double.parseDouble(args.getOrDefault("warmup", "3"));
        root = "/bench-java-" + op + "-" + System.currentTimeMillis() + "-" + Integer.toHexString(new Random().nextInt(0x10000));
        clients = new ZooKeeper[sessions];
        slots = new Semaphore[sessions];
        stats = new Session[sessions];
        if (!op.equals("get") && !op.equals("set") && !op.equals("create")) throw new IllegalArgumentException("--op get|set|create");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        ZkAsyncBench bench = new ZkAsyncBench(args);
        String json = bench.run(args.getOrDefault("label", ""));
        if (args.containsKey("json")) Files.write(Paths.get(args.get("json")), json.getBytes(StandardCharsets.UTF_8));
        System.exit(0);
    }

    private String run(String label) throws Exception {
        for (int i = 0; i < sessions; i++) {
            CountDownLatch connected = new CountDownLatch(1);
            clients[i] = new ZooKeeper(connect, 30000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) connected.countDown();
            });
            if (!connected.await(30, TimeUnit.SECONDS)) throw new IOException("could not connect to " + connect);
            slots[i] = new Semaphore(outstanding);
            stats[i] = new Session();
        }
        try {
            System.err.println("prepare " + root);
            prepare();
            System.err.println("measure: warm-up " + warmupSeconds + "s, window " + durationSeconds + "s");
            return measure(label);
        } finally {
            System.err.println("cleanup");
            cleanup();
            for (ZooKeeper client : clients) client.close(5000);
        }
    }

    private String leaf(int i) {
        return root + "/d/p" + (i / LEAVES_PER_PARENT) + "/n" + i;
    }

    private int parents() {
        return Math.max(1, (znodes + LEAVES_PER_PARENT - 1) / LEAVES_PER_PARENT);
    }

    private void prepare() throws Exception {
        ZooKeeper zk = clients[0];
        zk.create(root, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        if (op.equals("create")) {
            zk.create(root + "/c", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int c = 0; c < sessions; c++) zk.create(root + "/c/s" + c, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            return;
        }
        zk.create(root + "/d", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int j = 0; j < parents(); j++) zk.create(root + "/d/p" + j, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < znodes; i++) leaves.add(leaf(i));
        bulk(leaves, true);
    }

    /** Creates or deletes paths pipelined over all sessions; failures are counted and reported. */
    private void bulk(List<String> paths, boolean create) throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < paths.size(); i++) {
            int c = i % sessions;
            if (!slots[c].tryAcquire(30, TimeUnit.SECONDS)) {
                System.err.println("  gave up: no reply for 30 s");
                return;
            }
            Semaphore slot = slots[c];
            if (create) {
                clients[c].create(paths.get(i), value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
                    if (rc != 0) failed.incrementAndGet();
                    slot.release();
                }, null);
            } else {
                clients[c].delete(paths.get(i), -1, (rc, p, ctx) -> {
                    if (rc != 0 && rc != KeeperException.Code.NONODE.intValue()) failed.incrementAndGet();
                    slot.release();
                }, null);
            }
        }
        for (Semaphore slot : slots) {
            if (slot.tryAcquire(outstanding, 60, TimeUnit.SECONDS)) slot.release(outstanding);
        }
        if (failed.get() > 0) System.err.println("  " + failed.get() + " " + (create ? "creates" : "deletes") + " failed");
    }

    private String measure(String label) throws Exception {
        long start = System.nanoTime();
        windowStart = start + (long) (warmupSeconds * 1e9);
        windowEnd = windowStart + (long) (durationSeconds * 1e9);
        Thread[] senders = new Thread[sessions];
        for (int c = 0; c < sessions; c++) {
            int connection = c;
            senders[c] = new Thread(() -> send(connection), "sender-" + c);
            senders[c].start();
        }
        long sleep = (windowEnd - System.nanoTime()) / 1_000_000;
        if (sleep > 0) Thread.sleep(sleep);
        stopping = true;
        for (Thread sender : senders) sender.join();
        boolean drained = true;
        for (Semaphore slot : slots) {
            if (slot.tryAcquire(outstanding, 30, TimeUnit.SECONDS)) slot.release(outstanding);
            else drained = false;
        }
        return report(label, drained);
    }

    private void send(int c) {
        ZooKeeper zk = clients[c];
        Semaphore slot = slots[c];
        Session session = stats[c];
        Random random = new Random(3000 + c);
        String parent = root + "/c/s" + c;
        long sequence = 0;
        try {
            while (!stopping) {
                if (!slot.tryAcquire(100, TimeUnit.MILLISECONDS)) continue;
                long sent = System.nanoTime();
                switch (op) {
                    case "get":
                        zk.getData(leaf(random.nextInt(znodes)), false,
                            (rc, p, ctx, data, stat) -> complete(session, slot, rc, sent), null);
                        break;
                    case "set":
                        zk.setData(leaf(random.nextInt(znodes)), value, -1,
                            (rc, p, ctx, stat) -> complete(session, slot, rc, sent), null);
                        break;
                    default:
                        zk.create(parent + "/n" + sequence++, value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                            (rc, p, ctx, name) -> complete(session, slot, rc, sent), null);
                        break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (op.equals("create")) {
            long issued = sequence;
            // Published to the cleanup through the semaphore drain that follows.
            synchronized (session) {
                session.created = issued;
            }
        }
    }

    private void complete(Session session, Semaphore slot, int rc, long sent) {
        long now = System.nanoTime();
        if (now >= windowStart && now < windowEnd) {
            if (rc == 0) {
                session.ok++;
                session.histogram[index((now - sent) / 1000)]++;
                session.lastInWindow = now;
            } else {
                session.errors.merge(rc, 1L, Long::sum);
            }
        }
        slot.release();
    }

    /** The same log-linear buckets as AkkaZk.Bench's LatencyHistogram: exact below 256 µs, then 128 per power of two. */
    private static int index(long micros) {
        if (micros < 256) return (int) Math.max(0, micros);
        int shift = Math.min(63 - Long.numberOfLeadingZeros(micros) - 7, 40);
        long top = Math.min(micros >> shift, 255);
        return shift * 128 + (int) top;
    }

    private static long highest(int index) {
        if (index < 256) return index;
        int shift = (index >> 7) - 1;
        long top = index - shift * 128L;
        return ((top + 1) << shift) - 1;
    }

    private String report(String label, boolean drained) {
        long[] merged = new long[stats[0].histogram.length];
        long ok = 0;
        Map<Integer, Long> errors = new HashMap<>();
        for (Session session : stats) {
            synchronized (session) {
                for (int i = 0; i < merged.length; i++) merged[i] += session.histogram[i];
                ok += session.ok;
                session.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            }
        }
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        double opsPerSec = ok / durationSeconds;
        long p50 = percentile(merged, ok, 50), p99 = percentile(merged, ok, 99), p999 = percentile(merged, ok, 99.9);
        System.out.printf("java client %s against %s%s: %d sessions x %d outstanding, value %d B%n", op, connect,
            label.isEmpty() ? "" : " (" + label + ")", sessions, outstanding, value.length);
        System.out.printf("ops/s %.0f  p50 %d us  p99 %d us  p99.9 %d us  errors %d%s%n", opsPerSec, p50, p99, p999, errorCount,
            drained ? "" : "  (NOT drained)");
        return String.format("{\"command\":\"java\",\"label\":\"%s\",\"target\":\"%s\",\"op\":\"%s\",\"sessions\":%d,\"outstanding\":%d,"
                + "\"valueSize\":%d,\"windowSeconds\":%.3f,\"ops\":%d,\"opsPerSec\":%.1f,\"p50Us\":%d,\"p99Us\":%d,\"p999Us\":%d,"
                + "\"errorCount\":%d,\"drained\":%b}%n",
            label, connect, op, sessions, outstanding, value.length, durationSeconds, ok, opsPerSec, p50, p99, p999, errorCount, drained);
    }

    private static long percentile(long[] histogram, long count, double percentile) {
        if (count == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) return highest(i);
        }
        return 0;
    }

    private void cleanup() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        if (op.equals("create")) {
            for (int c = 0; c < sessions; c++) {
                long created;
                synchronized (stats[c]) {
                    created = stats[c].created;
                }
                for (long k = 0; k < created; k++) paths.add(root + "/c/s" + c + "/n" + k);
            }
            bulk(paths, false);
            paths.clear();
            for (int c = 0; c < sessions; c++) paths.add(root + "/c/s" + c);
            paths.add(root + "/c");
        } else {
            for (int i = 0; i < znodes; i++) paths.add(leaf(i));
            bulk(paths, false);
            paths.clear();
            for (int j = 0; j < parents(); j++) paths.add(root + "/d/p" + j);
            paths.add(root + "/d");
        }
        paths.add(root);
        for (String path : paths) {
            try {
                clients[0].delete(path, -1);
            } catch (KeeperException e) {
                System.err.println("  cleanup: " + path + ": " + e.code());
            }
        }
    }
}
