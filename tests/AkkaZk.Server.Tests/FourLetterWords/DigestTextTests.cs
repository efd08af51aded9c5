using System.Text.Json;
using AkkaZk.DataTree;
using AkkaZk.Server.Admin;
using AkkaZk.Server.FourLetterWords;

namespace AkkaZk.Server.Tests.FourLetterWords;

/// <summary>The digest history as ZooKeeper 3.8.0's hash word and AdminServer hash command print it.</summary>
public sealed class DigestTextTests
{
    private static readonly ZxidDigest[] History = [new(0x80, 2, 2130303119), new(0x100000100, 2, -5)];

    [Fact]
    public void Hash_prints_a_hex_zxid_and_a_signed_decimal_digest_per_line()
    {
        Assert.Equal("80: 2130303119\n100000100: -5\n", DigestText.Hash(History));
        Assert.Equal("", DigestText.Hash([]));
    }

    [Fact]
    public void The_admin_command_answers_each_entry_with_jackson_snake_case_names()
    {
        var json = AdminJson.Answer("hash", AdminAnswer.Of(("digests", DigestText.Entries(History))));
        using var document = JsonDocument.Parse(json);
        var first = document.RootElement.GetProperty("digests")[0];
        Assert.Equal(["zxid", "digest", "digest_version"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0x80, first.GetProperty("zxid").GetInt64());
        Assert.Equal(2130303119, first.GetProperty("digest").GetInt64());
        Assert.Equal(2, first.GetProperty("digest_version").GetInt32());
        Assert.Equal(-5, document.RootElement.GetProperty("digests")[1].GetProperty("digest").GetInt64());
    }
}
