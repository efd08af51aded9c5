using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>
/// A member without a leader keeps its client port open and answers as ZooKeeper 3.8 does when its server is not
/// running (checked against 3.8.0): four-letter words say "not currently serving", ruok still says imok, and a
/// client's connect is closed so the client tries another server.
/// </summary>
public sealed class NotServingTests
{
    private const string NotServing = "This ZooKeeper instance is not currently serving requests";

    [Fact]
    public async Task A_member_looking_for_a_leader_answers_four_letter_words_and_closes_client_connects()
    {
        await using var ensemble = TestEnsemble.Create(realElection: true);
        ensemble.Start(1);
        await Eventually.AssertAsync(async () =>
            Assert.Equal(NotServing + "\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "srvr")), TestEnsemble.Bound);

        Assert.Equal("imok", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "ruok"));
        Assert.Equal("null", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "isro"));
        Assert.Equal("306", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "gtmk"));
        Assert.StartsWith("Environment:", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "envi"));
        Assert.Equal(NotServing, await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "hash"));
        foreach (var word in new[] { "stat", "mntr", "conf", "cons", "dump", "wchs", "wchc", "wchp", "crst", "srst", "dirs" })
            Assert.Equal(NotServing + "\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), word));
        using (var connection = await RawConnection.OpenAsync(ensemble.ClientPort(1)))
        {
            await connection.SendConnectAsync();
            Assert.Null(await connection.ReadFrameAsync());
        }

        ensemble.Start(2);
        await ensemble.AwaitServingAsync(1);
        Assert.Contains("Mode: ", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(1), "srvr"));
        await using var client = await ensemble.ConnectAsync(1);
        await client.CreateAsync("/served", null);
    }

    [Fact]
    public async Task A_member_that_loses_its_quorum_closes_its_sessions_and_stops_serving()
    {
        await using var ensemble = await TestEnsemble.StartAsync(voters: 3, realElection: true);
        var follower = (await ensemble.FollowersAsync())[0];
        using var session = await RawConnection.OpenAsync(ensemble.ClientPort(follower));
        await session.SendConnectAsync();
        Assert.NotNull(await session.ReadFrameAsync());

        foreach (var other in ensemble.Ids.Where(id => id != follower).ToList()) await ensemble.KillAsync(other);

        Assert.Null(await session.ReadFrameAsync());
        await Eventually.AssertAsync(async () =>
            Assert.Equal(NotServing + "\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(follower), "srvr")), TestEnsemble.Bound);
    }
}
