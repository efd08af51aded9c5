"""Read-only mode (readonlymode.enabled): a member cut off from its quorum serves reads to clients that asked for
read-only, refuses their writes with NotReadOnly, refuses clients that did not ask, reports `ro`, and hands its
clients back to a read-write server once the quorum returns.

Runs on a 3-node AkkaZk ensemble; with AKKAZK_TARGET=apache on Apache ZooKeeper 3.8.0 (the oracle).
"""
import pytest
from kazoo.client import KazooClient
from kazoo.exceptions import NotReadOnlyCallError
from kazoo.protocol.states import KeeperState

from conftest import TARGET, stop_client, wait_until
from ensemble import Ensemble

KIND = ("akkazk",) * 3 if TARGET == "akkazk" else ("apache",) * 3


@pytest.fixture
def ensemble():
    # ZooKeeper 3.8.0 creates new read-only sessions only as local sessions: without localSessionsEnabled it answers
    # a read-only connect with a bare NotReadOnly reply header, which clients cannot parse. AkkaZk serves them either way.
    ens = Ensemble(KIND, extra_cfg={"readonlymode.enabled": "true", "localSessionsEnabled": "true"})
    try:
        ens.start()
        yield ens
    finally:
        ens.cleanup()


def test_a_member_without_quorum_serves_read_only_clients_until_the_quorum_returns(ensemble):
    writer = ensemble.client(1)
    writer.create("/ro-data", b"before the partition")
    leader = ensemble.leader()
    survivor = next(i for i in ensemble.servers if i != leader)
    stop_client(writer)
    reader = ensemble.client(survivor)
    reader.sync("/ro-data")
    assert reader.exists("/ro-data") is not None
    stop_client(reader)
    down = [i for i in ensemble.servers if i != survivor]
    for i in down:
        ensemble.servers[i].kill9()
    wait_until(lambda: ensemble.mode(survivor) == "read-only", 30, message="the survivor in read-only mode")
    assert ensemble.servers[survivor].four_letter("isro", timeout=2) == "ro"

    # A client that did not ask for read-only is refused.
    plain = KazooClient(hosts=ensemble.servers[survivor].hosts, timeout=4.0, connection_retry=dict(max_tries=0))
    with pytest.raises(Exception):
        plain.start(timeout=2)
    stop_client(plain)

    states = []
    ro = KazooClient(hosts=ensemble.servers[survivor].hosts, read_only=True, timeout=10.0,
                     connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
    ro.add_listener(lambda state: states.append(state))
    ro.start(timeout=30)
    try:
        assert ro.client_state == KeeperState.CONNECTED_RO
        assert ro.get("/ro-data")[0] == b"before the partition"
        with pytest.raises(NotReadOnlyCallError):
            ro.create("/ro-write", b"x")
        with pytest.raises(NotReadOnlyCallError):
            ro.set("/ro-data", b"x")

        for i in down:
            ensemble.servers[i].launch()
        # The quorum is back: the survivor leaves read-only mode and the client ends up read-write.
        wait_until(lambda: ro.client_state == KeeperState.CONNECTED, 60, message="the client connected read-write")
        ro.create("/ro-after", b"y")
        assert ro.get("/ro-data")[0] == b"before the partition"
    finally:
        stop_client(ro)
