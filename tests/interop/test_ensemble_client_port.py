"""Sessions that move between the servers of a three-server ensemble, as ZooKeeper 3.8 does it.

A client that reattaches its session to another server is revalidated by the leader (REVALIDATE): the leader
answers valid only for a live session and makes the new server the session's owner. A write that still comes
through the old server is then logged as an error txn (SessionMoved) and the old server closes that connection
without a reply, as does the leader for any request on a connection it no longer owns. A closed or expired
session is refused everywhere (the invalid ConnectResponse: timeout 0, session 0). A client that has seen a
newer zxid than the server is refused with ZooKeeper's log line.

AKKAZK_TARGET=akkazk runs all-AkkaZk ensembles and mixes with ZooKeeper 3.8.0 (a ZooKeeper leader with AkkaZk
followers, and the reverse); AKKAZK_TARGET=apache runs an all-ZooKeeper ensemble: the oracle.
"""
import re

import pytest
from kazoo.exceptions import ConnectionLoss

import jute
from conftest import HOST, TARGET, stop_client, wait_until
from ensemble import ensemble_fixture

# With equal (empty) logs the highest sid leads, so the third kind is the leader's.
KINDS = {
    "akkazk": ("akkazk", "akkazk", "akkazk"),
    "zookeeper-leads-akkazk": ("akkazk", "apache", "apache"),
    "akkazk-leads-zookeeper": ("apache", "akkazk", "akkazk"),
} if TARGET == "akkazk" else {"zookeeper": ("apache", "apache", "apache")}
TIMEOUT_MS = 10000


ensemble = ensemble_fixture(KINDS)


def roles(ensemble):
    leader = ensemble.leader()
    followers = [i for i in ensemble.servers if i != leader]
    wait_until(lambda: all(ensemble.mode(i) == "follower" for i in followers), 60, message="the followers serve")
    return leader, followers


def raw(ensemble, i):
    return ensemble.servers[i].raw(timeout=10.0)


def new_session(ensemble, i):
    conn = raw(ensemble, i)
    response, _ = conn.connect(timeout_ms=TIMEOUT_MS)
    assert response.timeout > 0 and response.session_id != 0
    return conn, response


def moves(ensemble):
    """(from, to) pairs that cover follower→follower, leader→follower and follower→leader."""
    leader, (f1, f2) = roles(ensemble)
    return [(f1, f2), (leader, f1), (f2, leader)]


def test_a_write_through_the_old_server_closes_that_connection(ensemble):
    for n, (a, b) in enumerate(moves(ensemble)):
        old, session = new_session(ensemble, a)
        new = raw(ensemble, b)
        with old, new:
            assert old.create(f"/moved-{n}-before")[0].err == jute.OK
            moved, _ = new.connect(timeout_ms=TIMEOUT_MS, session_id=session.session_id, passwd=session.passwd)
            assert (moved.session_id, moved.timeout) == (session.session_id, TIMEOUT_MS)
            # The old server answers nothing and closes: ZooKeeper's SessionMoved is a connection-level error.
            with pytest.raises(jute.Closed):
                old.create(f"/moved-{n}-stale")
            header, created = new.create(f"/moved-{n}-after")
            assert (header.err, created) == (jute.OK, f"/moved-{n}-after")
            assert new.exists(f"/moved-{n}-stale")[0].err == jute.NO_NODE


def test_a_kazoo_multi_through_the_old_server_is_lost_with_its_connection(ensemble):
    for n, (a, b) in enumerate(moves(ensemble)):
        old = ensemble.client(a)
        session_id, passwd = old.client_id
        with raw(ensemble, b) as new:
            moved, _ = new.connect(timeout_ms=TIMEOUT_MS, session_id=session_id, passwd=passwd)
            assert moved.session_id == session_id
            tx = old.transaction()
            tx.create(f"/multi-moved-{n}")
            tx.create(f"/multi-moved-{n}-too")
            with pytest.raises(ConnectionLoss):
                tx.commit()
        # Neither op was applied (the old client reconnects and takes its session back meanwhile).
        probe, _ = new_session(ensemble, a)
        with probe:
            assert probe.exists(f"/multi-moved-{n}")[0].err == jute.NO_NODE
        stop_client(old)


def test_any_request_on_the_leader_after_the_session_moved_away_closes_it(ensemble):
    leader, followers = roles(ensemble)
    old, session = new_session(ensemble, leader)
    new = raw(ensemble, followers[0])
    with old, new:
        assert old.exists("/")[0].err == jute.OK
        moved, _ = new.connect(timeout_ms=TIMEOUT_MS, session_id=session.session_id, passwd=session.passwd)
        assert moved.session_id == session.session_id
        # The leader checks the owner for reads too (PrepRequestProcessor.checkSession); a follower would not.
        with pytest.raises(jute.Closed):
            old.exists("/")
        assert new.exists("/")[0].err == jute.OK


def test_a_session_moved_back_works_on_its_first_server_again(ensemble):
    leader, (f1, f2) = roles(ensemble)
    first, session = new_session(ensemble, f1)
    first.close()
    again = None
    for i in (f2, f1):
        again = raw(ensemble, i)
        response, _ = again.connect(timeout_ms=TIMEOUT_MS, session_id=session.session_id, passwd=session.passwd)
        assert response.session_id == session.session_id
        header, _ = again.create(f"/moved-back-{i}")
        assert header.err == jute.OK
        again.close()


def invalid(response):
    return response.timeout == 0 and response.session_id == 0


def reattach_refused(ensemble, i, session):
    with raw(ensemble, i) as conn:
        try:
            response, _ = conn.connect(timeout_ms=TIMEOUT_MS, session_id=session.session_id, passwd=session.passwd)
        except jute.Closed:
            raise AssertionError(f"node {i} closed without a ConnectResponse\n" + ensemble.servers[i].log_tail(40))
        assert invalid(response), f"node {i} accepted {response}"
        assert conn.read_until_close() == b""


def last_zxid(ensemble, i):
    for line in ensemble.servers[i].four_letter("srvr", timeout=5).splitlines():
        if line.startswith("Zxid: "):
            return int(line[6:], 16)
    raise AssertionError(f"no Zxid in node {i}'s srvr")


def wait_applied(ensemble, zxid):
    """Every node has applied zxid: a follower that has not yet applied a session's close would close a reattaching
    connection without an answer when it does (ZooKeeper's closeSession closes every connection of the session)."""
    for i in ensemble.servers:
        wait_until(lambda: last_zxid(ensemble, i) >= zxid, 10, message=f"node {i} at 0x{zxid:x}")


def test_a_closed_session_is_refused_on_every_other_server(ensemble):
    leader, followers = roles(ensemble)
    for home in (followers[0], leader):
        conn, session = new_session(ensemble, home)
        with conn:
            header, _ = conn.close_session()
            assert header.err == jute.OK
        wait_applied(ensemble, header.zxid)
        for i in ensemble.servers:
            if i != home:
                reattach_refused(ensemble, i, session)


def test_an_expired_session_is_refused_on_every_other_server(ensemble):
    leader, followers = roles(ensemble)
    home = followers[0]
    conn = raw(ensemble, home)
    with conn:
        response, _ = conn.connect(timeout_ms=1000)
        session = response
        assert conn.create("/expiring", flags=1)[0].err == jute.OK  # ephemeral: gone once the session expires
    watcher = ensemble.client(leader)
    wait_until(lambda: watcher.exists("/expiring") is None, 30, message="the session expired")
    stop_client(watcher)
    wait_applied(ensemble, last_zxid(ensemble, leader))
    for i in ensemble.servers:
        if i != home:
            reattach_refused(ensemble, i, session)


def test_a_client_ahead_of_the_server_is_refused_with_zookeepers_log_line(ensemble):
    leader, followers = roles(ensemble)
    for i in (followers[0], leader):
        probe, _ = new_session(ensemble, i)
        with probe:
            last = probe.exists("/")[0].zxid
        ahead = last + 0x1000
        with raw(ensemble, i) as conn:
            conn.send_frame(jute.connect_request(last_zxid=ahead, timeout_ms=TIMEOUT_MS))
            assert conn.read_until_close() == b""
        line = re.compile(
            rf"Refusing session request for client /{re.escape(HOST)}:\d+ as it has seen zxid 0x{ahead:x} "
            rf"our last zxid is 0x[0-9a-f]+ client must try another server")
        server = ensemble.servers[i]
        wait_until(lambda: line.search(open(server.log_path, errors="replace").read()), 10,
                   message=f"the refusal in node {i}'s log")
