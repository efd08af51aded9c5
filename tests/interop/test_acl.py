"""ACLs and digest authentication (PROTOCOL.md 10)."""
import pytest
from kazoo.exceptions import BadVersionError, InvalidACLError, NoAuthError
from kazoo.security import (
    ACL,
    CREATOR_ALL_ACL,
    OPEN_ACL_UNSAFE,
    READ_ACL_UNSAFE,
    Id,
    Permissions,
    make_digest_acl,
    make_digest_acl_credential,
)

ALICE = ("digest", "alice:secret")
BOB = ("digest", "bob:hunter2")


def acl_set(acls):
    return {(a.perms, a.id.scheme, a.id.id) for a in acls}


def test_digest_acl_denies_others(server, zk, zk_factory, base):
    alice = zk_factory(server, auth_data=[ALICE])
    bob = zk_factory(server, auth_data=[BOB])
    path = base + "/private"
    alice.create(path, b"secret data", acl=[make_digest_acl("alice", "secret", all=True)])

    assert alice.get(path)[0] == b"secret data"
    for other in (zk, bob):
        with pytest.raises(NoAuthError):
            other.get(path)
        with pytest.raises(NoAuthError):
            other.set(path, b"x")
        with pytest.raises(NoAuthError):
            other.get_children(path)
        with pytest.raises(NoAuthError):
            other.create(path + "/child")
        with pytest.raises(NoAuthError):
            other.get_acls(path)
    # DELETE is checked on the parent, which is open
    assert alice.set(path, b"v2").version == 1
    zk.delete(path)
    assert alice.exists(path) is None


def test_add_auth_at_runtime(server, zk_factory, base):
    owner = zk_factory(server, auth_data=[ALICE])
    path = base + "/later"
    owner.create(path, b"d", acl=[make_digest_acl("alice", "secret", all=True)])
    c = zk_factory(server)
    with pytest.raises(NoAuthError):
        c.get(path)
    c.add_auth("digest", "alice:secret")
    assert c.get(path)[0] == b"d"


def test_get_acls_and_creator_acl(server, zk, zk_factory, base):
    alice = zk_factory(server, auth_data=[ALICE])
    path = base + "/mine"
    alice.create(path, b"", acl=CREATOR_ALL_ACL)
    acls, stat = alice.get_acls(path)
    # the auth scheme is expanded to the creator's digest identity
    assert acl_set(acls) == {(Permissions.ALL, "digest", make_digest_acl_credential("alice", "secret"))}
    assert stat.aversion == 0

    # CREATOR_ALL_ACL without any authenticated identity is invalid
    with pytest.raises(InvalidACLError):
        zk.create(base + "/anon", b"", acl=CREATOR_ALL_ACL)


def test_get_acls_masks_digest_for_non_admins(server, zk, zk_factory, base):
    alice = zk_factory(server, auth_data=[ALICE])
    path = base + "/masked"
    digest = make_digest_acl_credential("alice", "secret")
    alice.create(path, b"", acl=[
        ACL(Permissions.READ, Id("world", "anyone")),
        ACL(Permissions.ALL, Id("digest", digest)),
    ])
    # ZooKeeper quirk (3.8 getACL): a caller without ADMIN sees digest ids as "user:x"
    acls, _ = zk.get_acls(path)
    assert acl_set(acls) == {(Permissions.READ, "world", "anyone"), (Permissions.ALL, "digest", "alice:x")}
    acls, _ = alice.get_acls(path)
    assert acl_set(acls) == {(Permissions.READ, "world", "anyone"), (Permissions.ALL, "digest", digest)}


def test_set_acls_versions_and_permissions(server, zk, zk_factory, base):
    alice = zk_factory(server, auth_data=[ALICE])
    path = base + "/acl"
    zk.create(path, b"open")
    assert acl_set(zk.get_acls(path)[0]) == acl_set(OPEN_ACL_UNSAFE)
    before = zk.exists(path)

    with pytest.raises(BadVersionError):
        zk.set_acls(path, READ_ACL_UNSAFE, version=3)
    stat = zk.set_acls(path, READ_ACL_UNSAFE, version=0)
    assert stat.aversion == 1
    # setACL touches only aversion
    assert (stat.version, stat.mzxid, stat.mtime) == (before.version, before.mzxid, before.mtime)

    assert zk.get(path)[0] == b"open"
    with pytest.raises(NoAuthError):
        zk.set(path, b"x")
    with pytest.raises(NoAuthError):
        zk.create(path + "/child")
    with pytest.raises(NoAuthError):
        zk.set_acls(path, OPEN_ACL_UNSAFE)  # no ADMIN any more
    with pytest.raises(NoAuthError):
        alice.set(path, b"x")


def test_create_permission_only(server, zk, zk_factory, base):
    alice = zk_factory(server, auth_data=[ALICE])
    path = base + "/dropbox"
    alice.create(path, acl=[
        ACL(Permissions.CREATE, Id("world", "anyone")),
        make_digest_acl("alice", "secret", all=True),
    ])
    zk.create(path + "/letter", b"hi")       # CREATE is enough to add a child
    with pytest.raises(NoAuthError):
        zk.get_children(path)                # but not to list
    with pytest.raises(NoAuthError):
        zk.delete(path + "/letter")          # nor to delete (DELETE on the parent)
    assert alice.get_children(path) == ["letter"]
    assert zk.get(path + "/letter")[0] == b"hi"  # the child has its own open ACL


def test_reserved_config_node_is_read_only(zk):
    data, stat = zk.get("/zookeeper/config")
    assert data == b""
    assert stat.version == 0 and stat.aversion == -1
    acls, _ = zk.get_acls("/zookeeper/config")
    assert acl_set(acls) == {(Permissions.READ, "world", "anyone")}
    with pytest.raises(NoAuthError):
        zk.set("/zookeeper/config", b"x")


def test_exists_checks_no_acl_in_3_8_0(server, zk, zk_factory, base):
    # ZooKeeper 3.8.0 quirk: exists() does no READ check (FinalRequestProcessor calls
    # statNode directly; javap on the Debian 3.8.0 jar shows no checkACL). Later 3.8.x
    # releases check READ when the node exists (PROTOCOL.md 7.7 describes 3.8.6).
    alice = zk_factory(server, auth_data=[ALICE])
    path = base + "/hidden"
    alice.create(path, b"abc", acl=[make_digest_acl("alice", "secret", all=True)])
    stat = zk.exists(path)
    assert stat is not None and stat.dataLength == 3
