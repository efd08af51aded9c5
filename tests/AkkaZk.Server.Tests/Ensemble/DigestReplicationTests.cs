using System.Text;
using AkkaZk.Server.Tests.Support;

namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>The tree digest across an in-process ensemble: proposals carry it, every member checks it.</summary>
public sealed class DigestReplicationTests
{
    [Fact]
    public async Task Every_member_keeps_the_leaders_digest_history_and_none_counts_a_mismatch()
    {
        await using var ensemble = await TestEnsemble.StartAsync();
        var followers = await ensemble.FollowersAsync();
        await using (var onLeader = await ensemble.ConnectAsync(await ensemble.LeaderAsync()))
        await using (var onFollower = await ensemble.ConnectAsync(followers[0]))
        {
            await onLeader.CreateAsync("/digest", null);
            // Pipelined writes from two members: the leader predicts each digest over many unapplied txns.
            await Task.WhenAll(Enumerable.Range(0, 60).SelectMany(i => new[]
            {
                onLeader.CreateAsync($"/digest/l{i}", Encoding.UTF8.GetBytes($"v{i}")),
                onFollower.CreateAsync($"/digest/f{i}", null),
            }));
            await Task.WhenAll(Enumerable.Range(0, 30).Select(i => onFollower.DeleteAsync($"/digest/l{i}", -1)));
            var zxid = (await onLeader.SetDataAsync("/digest", [1])).Mzxid;
            while (zxid % 0x80 != 0) zxid = (await onLeader.SetDataAsync("/digest", [2])).Mzxid;

            var expected = $"{zxid:x}: ";
            await Eventually.AssertAsync(async () =>
            {
                var hashes = new List<string>();
                foreach (var id in ensemble.Ids) hashes.Add(await RawConnection.FourLetterWordAsync(ensemble.ClientPort(id), "hash"));
                Assert.All(hashes, h => Assert.Contains(expected, h));
                Assert.All(hashes, h => Assert.Equal(hashes[0], h));
            }, TestEnsemble.Bound);
        }
        await AssertNoMismatchAsync(ensemble);

        // Recovery checks the digests the journal holds (the proposals, as sent) while it replays them.
        foreach (var id in ensemble.Ids) await ensemble.KillAsync(id);
        foreach (var id in ensemble.Ids) ensemble.Start(id);
        foreach (var id in ensemble.Ids) await ensemble.AwaitServingAsync(id);
        await AssertNoMismatchAsync(ensemble);
    }

    private static async Task AssertNoMismatchAsync(TestEnsemble ensemble)
    {
        foreach (var id in ensemble.Ids)
            Assert.Contains("zk_digest_mismatches_count\t0\n", await RawConnection.FourLetterWordAsync(ensemble.ClientPort(id), "mntr"));
    }
}
