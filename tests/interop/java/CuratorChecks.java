/*
 * Curator recipes and the ZooKeeper Java client against the target server, for
 * tests/interop/test_curator.py. Compiled by the test with javac against Debian's
 * libcurator-*-java and libzookeeper-java jars.
 *
 *   java CuratorChecks HOSTS recipes BASE            one "CHECK <name> OK|FAIL <detail>" line per check
 *   java CuratorChecks HOSTS containers BASE         creates container parents and a used-then-released lock
 *   java CuratorChecks HOSTS reconnect BASE [persistent]
 *       sets one-shot watches (and a persistent recursive one) with the plain ZooKeeper client,
 *       prints READY, then STATE/EVENT lines as they happen, until "quit" on stdin.
 *
 * Every wait is bounded (T seconds); a waiter that must still be blocked is checked only once the
 * server shows it queued.
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.barriers.DistributedBarrier;
import org.apache.curator.framework.recipes.barriers.DistributedDoubleBarrier;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

public class CuratorChecks {
    static final int T = 15; // seconds: the bound on every wait
    static String hosts;
    static String base;
    static final List<CuratorFramework> clients = Collections.synchronizedList(new ArrayList<>());

    static synchronized void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void check(boolean condition, String what) {
        if (!condition) throw new IllegalStateException(what);
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    static CuratorFramework client() throws InterruptedException {
        CuratorFramework c = CuratorFrameworkFactory.newClient(hosts, 10000, 10000, new RetryNTimes(50, 100));
        clients.add(c);
        c.start();
        check(c.blockUntilConnected(T, TimeUnit.SECONDS), "curator client connected");
        return c;
    }

    interface Check { String run() throws Exception; }

    static void run(String name, Check check) {
        try {
            out("CHECK " + name + " OK " + check.run());
        } catch (Throwable e) {
            out("CHECK " + name + " FAIL " + e.toString().replace('\n', ' '));
        }
    }

    public static void main(String[] args) throws Exception {
        hosts = args[0];
        String mode = args[1];
        base = args[2];
        int rc = 0;
        try {
            switch (mode) {
                case "recipes":
                    run("mutex", CuratorChecks::mutex);
                    run("leader_latch", CuratorChecks::leaderLatch);
                    run("barrier", CuratorChecks::barrier);
                    run("double_barrier", CuratorChecks::doubleBarrier);
                    run("curator_cache", CuratorChecks::curatorCache);
                    break;
                case "containers":
                    run("containers", CuratorChecks::containers);
                    break;
                case "reconnect":
                    reconnect(args.length > 3 && args[3].equals("persistent"));
                    break;
                default:
                    out("unknown mode " + mode);
                    rc = 2;
            }
        } finally {
            for (CuratorFramework c : clients) {
                try { c.close(); } catch (Throwable ignored) { }
            }
        }
        out("DONE");
        System.exit(rc);
    }

    // InterProcessMutex: two clients, one thread each, contend for the lock; inside it each does an
    // unversioned read-modify-write of a counter znode, which loses updates unless the lock excludes.
    static String mutex() throws Exception {
        String path = base + "/mutex";
        String counter = base + "/mutex-counter";
        CuratorFramework c1 = client(), c2 = client();
        c1.create().creatingParentContainersIfNeeded().forPath(counter, "0".getBytes(StandardCharsets.UTF_8));
        int perThread = 15;
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (CuratorFramework c : new CuratorFramework[] {c1, c2}) {
            InterProcessMutex m = new InterProcessMutex(c, path);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        check(m.acquire(T, TimeUnit.SECONDS), "acquire");
                        try {
                            if (!inside.compareAndSet(false, true)) overlaps.incrementAndGet();
                            int v = Integer.parseInt(new String(c.getData().forPath(counter), StandardCharsets.UTF_8));
                            c.setData().forPath(counter, Integer.toString(v + 1).getBytes(StandardCharsets.UTF_8));
                            inside.set(false);
                        } finally {
                            m.release();
                        }
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            check(!t.isAlive(), "contending thread finished");
        }
        if (error.get() != null) throw new IllegalStateException("contender failed", error.get());
        int total = Integer.parseInt(new String(c1.getData().forPath(counter), StandardCharsets.UTF_8));
        check(overlaps.get() == 0, "no two holders at once, saw " + overlaps.get());
        check(total == 2 * perThread, "counter " + total + " != " + 2 * perThread);

        // hand-off: m2 waits while m1 holds (reentrantly); it gets the lock only after the last release
        InterProcessMutex m1 = new InterProcessMutex(c1, path), m2 = new InterProcessMutex(c2, path);
        check(m1.acquire(T, TimeUnit.SECONDS), "m1 acquire");
        check(m1.acquire(T, TimeUnit.SECONDS), "m1 re-entrant acquire");
        CountDownLatch got = new CountDownLatch(1), releaseIt = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                if (m2.acquire(T, TimeUnit.SECONDS)) {
                    got.countDown();
                    releaseIt.await(T, TimeUnit.SECONDS);
                    m2.release(); // a mutex is released by the thread that holds it
                }
            } catch (Throwable e) {
                error.compareAndSet(null, e);
            }
        });
        waiter.start();
        waitFor(() -> { try { return m1.getParticipantNodes().size() == 2; } catch (Exception e) { return false; } },
                "the second contender queued");
        check(got.getCount() == 1, "m2 acquired while m1 held the lock");
        m1.release();
        check(m1.isAcquiredInThisProcess() && got.getCount() == 1, "still held after one of two releases");
        m1.release();
        check(got.await(T, TimeUnit.SECONDS), "m2 acquired after m1's release");
        Collection<String> nodes = m1.getParticipantNodes();
        releaseIt.countDown();
        waiter.join(TimeUnit.SECONDS.toMillis(T));
        if (error.get() != null) throw new IllegalStateException("waiter failed", error.get());
        check(nodes.size() == 1, "one participant while m2 holds: " + nodes);
        waitFor(() -> { try { return m1.getParticipantNodes().isEmpty(); } catch (Exception e) { return false; } },
                "no participants after the last release");
        return "counter=" + total;
    }

    // LeaderLatch: three participants, exactly one leader; closing the leader hands leadership on.
    static String leaderLatch() throws Exception {
        String path = base + "/leader";
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeaderLatch l = new LeaderLatch(client(), path, "p" + i);
            latches.add(l);
            l.start();
        }
        waitFor(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1, "one leader");
        LeaderLatch leader = latches.stream().filter(LeaderLatch::hasLeadership).findFirst().get();
        String first = leader.getId();
        for (LeaderLatch l : latches) {
            waitFor(() -> { try { return l.getLeader().getId().equals(first); } catch (Exception e) { return false; } },
                    "every participant sees " + first + " as leader");
            check(l.getParticipants().size() == 3, "3 participants");
        }
        leader.close();
        latches.remove(leader);
        waitFor(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1, "a new leader");
        LeaderLatch second = latches.stream().filter(LeaderLatch::hasLeadership).findFirst().get();
        check(!second.getId().equals(first), "the new leader is another participant");
        check(second.getParticipants().size() == 2, "2 participants after close");
        for (LeaderLatch l : latches) l.close();
        return "first=" + first + " second=" + second.getId();
    }

    static String barrier() throws Exception {
        String path = base + "/barrier";
        DistributedBarrier b1 = new DistributedBarrier(client(), path);
        DistributedBarrier b2 = new DistributedBarrier(client(), path);
        check(b2.waitOnBarrier(1, TimeUnit.MILLISECONDS), "no barrier set: passes at once");
        b1.setBarrier();
        check(!b2.waitOnBarrier(100, TimeUnit.MILLISECONDS), "barrier set: the wait times out");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try { result.set(b2.waitOnBarrier(T, TimeUnit.SECONDS)); } catch (Throwable e) { result.set(e); }
        });
        t.start();
        b1.removeBarrier();
        t.join(TimeUnit.SECONDS.toMillis(T));
        check(Boolean.TRUE.equals(result.get()), "the waiter passes once the barrier is removed: " + result.get());
        return "";
    }

    static String doubleBarrier() throws Exception {
        String path = base + "/double";
        int n = 3;
        List<Thread> threads = new ArrayList<>();
        List<String> results = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger entered = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            DistributedDoubleBarrier b = new DistributedDoubleBarrier(client(), path, n);
            Thread t = new Thread(() -> {
                try {
                    boolean in = b.enter(T, TimeUnit.SECONDS);
                    entered.incrementAndGet();
                    boolean out = b.leave(T, TimeUnit.SECONDS);
                    results.add(in + "/" + out);
                } catch (Throwable e) {
                    results.add(e.toString());
                }
            });
            threads.add(t);
        }
        // the first n-1 members wait on the barrier until the last one enters
        threads.get(0).start();
        threads.get(1).start();
        CuratorFramework c = client();
        waitFor(() -> { try { return c.getChildren().forPath(path).size() == n - 1; } catch (Exception e) { return false; } },
                "two members in");
        check(entered.get() == 0, "nobody passes the barrier before all " + n + " have entered");
        threads.get(2).start();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(2 * T));
        check(results.size() == n && results.stream().allMatch("true/true"::equals), "enter/leave " + results);
        return results.toString();
    }

    // CuratorCache keeps a persistent recursive watch (addWatch) on its root.
    static String curatorCache() throws Exception {
        String path = base + "/cache";
        CuratorFramework c1 = client(), c2 = client();
        c2.create().creatingParentsIfNeeded().forPath(path + "/pre", "p".getBytes(StandardCharsets.UTF_8));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch initialized = new CountDownLatch(1);
        CuratorCache cache = CuratorCache.build(c1, path);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(n -> events.add("created " + n.getPath()))
                .forChanges((o, n) -> events.add("changed " + n.getPath() + " " + new String(n.getData(), StandardCharsets.UTF_8)))
                .forDeletes(o -> events.add("deleted " + o.getPath()))
                .forInitialized(initialized::countDown)
                .build());
        cache.start();
        try {
            check(initialized.await(T, TimeUnit.SECONDS), "cache initialized");
            check(cache.get(path + "/pre").isPresent(), "initial content cached");
            // one change at a time: the cache reads a node after its event, so a second change made
            // before that read would be folded into the first event
            c2.create().creatingParentsIfNeeded().forPath(path + "/a/b/c", "1".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> events.contains("created " + path + "/a/b/c"), "created event, got " + events);
            c2.setData().forPath(path + "/a/b/c", "2".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> events.contains("changed " + path + "/a/b/c 2"), "changed event, got " + events);
            c2.setData().forPath(path + "/pre", "q".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> events.contains("changed " + path + "/pre q"), "changed event, got " + events);
            c2.delete().forPath(path + "/a/b/c");
            waitFor(() -> events.contains("deleted " + path + "/a/b/c"), "deleted event, got " + events);
            List<String> deep = new ArrayList<>();
            synchronized (events) {
                for (String e : events) if (e.endsWith(path + "/a/b/c") || e.contains(path + "/a/b/c ")) deep.add(e);
            }
            check(deep.equals(List.of("created " + path + "/a/b/c", "changed " + path + "/a/b/c 2", "deleted " + path + "/a/b/c")),
                    "create/update/delete of a grandchild in order: " + deep);
            check(events.contains("created " + path + "/a") && events.contains("created " + path + "/a/b"),
                    "intermediate nodes seen: " + events);
            Optional<ChildData> gone = cache.get(path + "/a/b/c");
            check(!gone.isPresent(), "deleted node gone from the cache");
            check(cache.get(path + "/a/b").isPresent(), "parent still cached");
            check(new String(cache.get(path + "/pre").get().getData(), StandardCharsets.UTF_8).equals("q"), "updated data cached");
        } finally {
            cache.close();
        }
        return events.size() + " events";
    }

    // Curator creates missing parents as containers (createContainer); a lock's parent is one too.
    static String containers() throws Exception {
        CuratorFramework c = client();
        c.create().creatingParentContainersIfNeeded().forPath(base + "/cont/parent/leaf", "x".getBytes(StandardCharsets.UTF_8));
        InterProcessMutex m = new InterProcessMutex(c, base + "/cont/lock");
        check(m.acquire(T, TimeUnit.SECONDS), "acquire");
        m.release();
        check(c.checkExists().forPath(base + "/cont/parent") != null, "container parent exists");
        // the released lock's container may already be gone: the server reaps empty containers
        return "";
    }

    // The plain ZooKeeper client: watches set before a disconnect are re-registered on reconnect
    // (SetWatches, or SetWatches2 when a persistent watch exists); the server fires the ones whose
    // node changed while the client was away.
    static void reconnect(boolean persistent) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        AtomicReference<ZooKeeper> zkRef = new AtomicReference<>();
        Watcher defaultWatcher = e -> {
            if (e.getType() == Watcher.Event.EventType.None) {
                ZooKeeper z = zkRef.get();
                out("STATE " + e.getState() + (z == null ? "" : " 0x" + Long.toHexString(z.getSessionId())));
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) connected.countDown();
            }
        };
        ZooKeeper zk = new ZooKeeper(hosts, 20000, defaultWatcher);
        zkRef.set(zk);
        check(connected.await(T, TimeUnit.SECONDS), "connected");
        Watcher w = (WatchedEvent e) -> out("EVENT " + e.getType() + " " + e.getPath());
        zk.getData(base + "/node", w, null);
        zk.getData(base + "/same", w, null);
        zk.getData(base + "/gone", w, null);
        zk.getChildren(base + "/kids", w);
        check(zk.exists(base + "/missing", w) == null, "missing is missing");
        if (persistent) zk.addWatch(base + "/tree", w, AddWatchMode.PERSISTENT_RECURSIVE);
        out("READY 0x" + Long.toHexString(zk.getSessionId()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("quit")) {
            // nothing else to do: the test drives the changes
        }
        out("SESSION 0x" + Long.toHexString(zk.getSessionId()));
        zk.close();
    }
}
