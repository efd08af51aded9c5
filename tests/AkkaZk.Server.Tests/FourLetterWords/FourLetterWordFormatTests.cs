using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using AkkaZk.Jute;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.FourLetterWords;

/// <summary>The four-letter words' texts against ZooKeeper 3.8.0's (checked on the Debian build) and client parsers.</summary>
public sealed partial class FourLetterWordFormatTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();
    public async Task DisposeAsync() => await _node.DisposeAsync();

    // go-zookeeper's FLWSrvr and FLWCons regular expressions (flw.go).
    [GeneratedRegex(@"(?m:\AZookeeper version: ([A-Za-z0-9\.\-]+), built on ((\d\d/\d\d/\d\d\d\d|\d\d\d\d-\d\d-\d\d) \d\d:\d\d [A-Za-z0-9:\+\-]+).*\n^Latency min/avg/max: (\d+)/([0-9.]+)/(\d+).*\n^Received: (\d+).*\n^Sent: (\d+).*\n^Connections: (\d+).*\n^Outstanding: (\d+).*\n^Zxid: (0x[A-Za-z0-9]+).*\n^Mode: (\w+).*\n^Node count: (\d+))")]
    private static partial Regex GoSrvr();

    [GeneratedRegex(@"^ /((?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?):(?:\d+))\[\d+\]\(queued=(\d+),recved=(\d+),sent=(\d+),sid=(0x[A-Za-z0-9]+),lop=(\w+),est=(\d+),to=(\d+),lcxid=(0x[A-Za-z0-9]+),lzxid=(0x[A-Za-z0-9]+),lresp=(\d+),llat=(\d+),minlat=(\d+),avglat=(\d+),maxlat=(\d+)\)")]
    private static partial Regex GoCons();

    [Fact]
    public async Task Srvr_matches_go_zookeepers_parser()
    {
        var text = await WordAsync("srvr");
        var match = GoSrvr().Match(text);
        Assert.True(match.Success, text);
        Assert.Equal("standalone", match.Groups[12].Value);
    }

    [Fact]
    public async Task Cons_shows_every_field_of_a_session_and_the_asking_connection_briefly()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/a", null);
        await client.GetDataAsync("/a");
        var text = await WordAsync("cons");
        var lines = text.Split('\n');
        Assert.Equal(["", ""], lines[^2..]);
        var session = Assert.Single(lines, l => l.Contains("sid="));
        var match = GoCons().Match(session);
        Assert.True(match.Success, session);
        Assert.Equal($"0x{client.SessionId:x}", match.Groups[5].Value);
        Assert.Equal("GETD", match.Groups[6].Value);
        Assert.Equal("0x2", match.Groups[9].Value);
        Assert.Contains(" /127.0.0.1:", session);
        Assert.Contains("[1](queued=0,recved=3,sent=3,", session);
        // The connection asking: no session, not reading, its word counted as one packet.
        Assert.Single(lines, l => l.EndsWith("[0](queued=0,recved=1,sent=0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_write_leaves_lop_NA_as_zookeeper()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/dup", null);
        var reply = await client.SendAsync(OpCode.Create, new CreateRequest("/dup", null, Acl.OpenAclUnsafe.ToList(), 0));
        Assert.Equal(ErrorCode.NodeExists, reply.Err);
        var session = (await WordAsync("cons")).Split('\n').Single(l => l.Contains("sid="));
        Assert.Contains(",lop=NA,", session);
        Assert.Contains($",lzxid=0x{reply.Header.Zxid:x},", session);
    }

    [Fact]
    public async Task Stat_lists_clients_in_brief_form()
    {
        await using var client = await _node.ConnectAsync();
        await client.ExistsAsync("/");
        var text = await WordAsync("stat");
        Assert.Matches(@"Clients:\n( /127\.0\.0\.1:\d+\[[01]\]\(queued=\d+,recved=\d+,sent=\d+\)\n)+\nLatency min/avg/max: ", text);
        Assert.Contains("[1](queued=0,recved=2,sent=2)\n", text);
    }

    [Fact]
    public async Task Wchc_and_wchp_list_data_watches_by_session_and_by_path()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/w", null);
        await client.GetDataAsync("/w", watch: true);
        await client.GetChildrenAsync("/", watch: true);
        var sid = $"0x{client.SessionId:x}";
        Assert.Equal($"{sid}\n\t/w\n\n", await WordAsync("wchc"));
        Assert.Equal($"/w\n\t{sid}\n\n", await WordAsync("wchp"));
        Assert.Equal("1 connections watching 1 paths\nTotal watches:1\n", await WordAsync("wchs"));
    }

    [Fact]
    public async Task Dump_shows_session_buckets_ephemerals_and_connections()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/e", null, CreateMode.Ephemeral);
        var text = await WordAsync("dump");
        var sid = $"0x{client.SessionId:x}";
        const string date = @"\w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}";
        Assert.Matches(
            $"^SessionTracker dump:\nSession Sets \\(1\\)/\\(1\\):\n1 expire at {date}:\n\t{sid}\n" +
            $"ephemeral nodes dump:\nSessions with Ephemerals \\(1\\):\n{sid}:\n\t/e\n" +
            $"Connections dump:\nConnections Sets \\(\\d\\)/\\(2\\):\n(\\d expire at {date}:\n(\tip: /127\\.0\\.0\\.1:\\d+ sessionId: 0x[0-9a-f]+\n)*)+$",
            text);
        Assert.Contains($" sessionId: {sid}\n", text);
        Assert.Contains(" sessionId: 0x0\n", text);
    }

    [Fact]
    public async Task Stmk_reads_a_mask_that_gtmk_then_shows()
    {
        Assert.Equal("306", await WordAsync("gtmk"));
        var bytes = new byte[12];
        Encoding.ASCII.GetBytes("stmk", bytes);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), 16);
        using (var connection = await RawConnection.OpenAsync(_node.Port))
        {
            // The mask may arrive after the word: the server waits for its 8 bytes.
            await connection.SendRawAsync(bytes[..6]);
            await connection.SendRawAsync(bytes[6..]);
            Assert.Equal("16", Encoding.ASCII.GetString(await connection.ReadToEndAsync()));
        }
        Assert.Equal("16", await WordAsync("gtmk"));
    }

    [Fact]
    public async Task Crst_and_srst_reset_the_counters()
    {
        await using var client = await _node.ConnectAsync();
        await client.ExistsAsync("/");
        Assert.Equal("Connection stats reset.\n", await WordAsync("crst"));
        var session = (await WordAsync("cons")).Split('\n').Single(l => l.Contains("sid="));
        Assert.Contains("(queued=0,recved=0,sent=0,", session);
        Assert.Contains(",lop=NA,", session);
        Assert.DoesNotContain("lcxid", session);
        Assert.Contains(",lzxid=0xffffffffffffffff,", session);

        Assert.Equal("Server stats reset.\n", await WordAsync("srst"));
        var srvr = await WordAsync("srvr");
        Assert.Contains("Latency min/avg/max: 0/0.0/0\n", srvr);
        Assert.Contains("Received: 1\n", srvr);
        Assert.Contains("Sent: 0\n", srvr);
    }

    [Fact]
    public async Task Telnet_close_answers_nothing_and_hash_lists_zxid_digest_lines()
    {
        using (var connection = await RawConnection.OpenAsync(_node.Port))
        {
            await connection.SendRawAsync([0xFF, 0xF4, 0xFF, 0xFD]);
            Assert.Empty(await connection.ReadToEndAsync());
        }
        // Empty until the zxid reaches 0x80 (tests/interop/test_digest.py checks the values).
        Assert.Matches("^([0-9a-f]+: -?[0-9]+\n)*$", await WordAsync("hash"));
    }

    [Fact]
    public async Task Mntr_prints_gauges_counters_and_summaries_once_each()
    {
        await using var client = await _node.ConnectAsync();
        await client.CreateAsync("/m", null);
        await client.GetDataAsync("/m");
        var lines = (await WordAsync("mntr")).TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToList();
        Assert.All(lines, l => Assert.Equal(2, l.Length));
        Assert.Equal(["zk_version", "zk_server_state"], lines.Take(2).Select(l => l[0]));
        var values = lines.ToDictionary(l => l[0], l => l[1]);
        Assert.Equal(lines.Count, values.Count);
        Assert.False(values.ContainsKey("zk_peer_state") || values.ContainsKey("zk_quorum_size"), "a standalone server has no quorum lines");
        Assert.All(lines.Skip(2), l => Assert.Matches(@"^-?\d+(\.\d+)?$", l[1]));
        Assert.Equal("2", values["zk_cnt_updatelatency"]);   // createSession and create
        Assert.Equal("1", values["zk_cnt_readlatency"]);
        Assert.True(values.ContainsKey("zk_p999_readlatency"));
        Assert.Equal("0", values["zk_proposal_count"]);
        Assert.Equal("0.0", values["zk_avg_fsynctime"]);
        Assert.Equal("0", values["zk_auth_failed_count"]);
        Assert.NotEqual("-1", values["zk_max_client_response_size"]);
        Assert.True(values.Count > 300, $"{values.Count} keys");
    }

    private Task<string> WordAsync(string word) => RawConnection.FourLetterWordAsync(_node.Port, word);
}
