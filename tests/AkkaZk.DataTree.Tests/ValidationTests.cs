using AkkaZk.Jute;

namespace AkkaZk.DataTree.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/a", true)]
    [InlineData("/a/b.c/..d/.e", true)]
    [InlineData("/zookeeper/quota", true)]
    [InlineData("/ünïcödé", true)]
    [InlineData("", false)]
    [InlineData("a", false)]
    [InlineData("/a/", false)]
    [InlineData("//a", false)]
    [InlineData("/a//b", false)]
    [InlineData("/.", false)]
    [InlineData("/..", false)]
    [InlineData("/a/./b", false)]
    [InlineData("/a/../b", false)]
    [InlineData("/a\0b", false)]
    [InlineData("/a\u0001", false)]
    [InlineData("/a\u007f", false)]
    [InlineData("/a\u009f", false)]
    [InlineData("/a\ud83d\ude00", false)]   // supplementary characters are surrogates
    [InlineData("/a\ue000", false)]
    [InlineData("/a\ufff0", false)]
    [InlineData("/a\uf900", true)]
    public void Path_validation_matches_path_utils(string path, bool valid)
    {
        Assert.Equal(valid, PathValidator.IsValid(path));
        Assert.Equal(valid ? null : ErrorCode.BadArguments, PathValidator.Validate(path));
    }

    [Fact]
    public void Stats_track_format_and_parse()
    {
        Assert.Equal("count=-1,bytes=-1", new StatsTrack().ToString());
        Assert.Equal("count=3,bytes=7", new StatsTrack { Count = 3, Bytes = 7 }.ToString());
        var limits = new StatsTrack("count=-1,bytes=-1=;countHardLimit=10;byteHardLimit=5"u8.ToArray());
        Assert.Equal((-1L, -1L, 10L, 5L), (limits.Count, limits.Bytes, limits.CountHardLimit, limits.ByteHardLimit));
        Assert.Equal("count=-1,bytes=-1=;byteHardLimit=5;countHardLimit=10", limits.ToString());
        var junk = new StatsTrack(",count=,bytes=x;;novalue"u8.ToArray());
        Assert.Equal((-1L, -1L), (junk.Count, junk.Bytes));
    }

    [Fact]
    public void Quota_trie_finds_deepest_prefix_and_deletes_subtries()
    {
        var trie = new QuotaPathTrie();
        trie.Add("/a");
        trie.Add("/a/b/c");
        Assert.Equal("/a", trie.FindMaxPrefix("/a/b"));
        Assert.Equal("/a/b/c", trie.FindMaxPrefix("/a/b/c/d"));
        Assert.Equal("/", trie.FindMaxPrefix("/x"));
        Assert.Equal("/", trie.FindMaxPrefix("/ab"));
        trie.Delete("/a");
        Assert.Equal("/", trie.FindMaxPrefix("/a/b/c/d"));
    }

    [Fact]
    public void Multi_rejects_set_acl_without_touching_pending_state()
    {
        var h = new Harness();
        Assert.Throws<ArgumentException>(() => h.Prep.PrepareMulti(h.Next(),
            [Harness.CreateOp("/a"), new PrepOp.SetAcl("/a", Acl.OpenAclUnsafe, -1)]));
        Assert.Equal(0, h.Prep.PendingCount);
        Assert.Throws<ArgumentException>(() => h.Prep.Prepare(h.Next(), new PrepOp.Create(OpCode.Delete, "/a", null, Acl.OpenAclUnsafe, 0)));
    }

    [Fact]
    public void Add_watch_rejects_unknown_modes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataTree().AddWatch("/", (AddWatchMode)2, new RecordingWatcher()));
}
