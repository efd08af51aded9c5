namespace AkkaZk.Persistence.Tests;

/// <summary>version-2/acceptedEpoch and currentEpoch as ZooKeeper writes and reads them.</summary>
public sealed class EpochFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_epoch_is_decimal_ascii_without_newline_and_replaces_the_old_one()
    {
        EpochFile.Write(_dir.Path, EpochFile.Current, 2);
        EpochFile.Write(_dir.Path, EpochFile.Current, 12);
        Assert.Equal("12", File.ReadAllText(Path.Combine(_dir.Path, "currentEpoch")));
        Assert.Equal(12, EpochFile.Read(_dir.Path, EpochFile.Current));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "currentEpoch.tmp")));
    }

    [Fact]
    public void Missing_files_are_created_from_the_last_logged_zxid()
    {
        Assert.Equal((3L, 3L), EpochFile.Load(_dir.Path, 0x300000007));
        Assert.Equal("3", File.ReadAllText(Path.Combine(_dir.Path, "acceptedEpoch")));
        Assert.Equal("3", File.ReadAllText(Path.Combine(_dir.Path, "currentEpoch")));
    }

    [Fact]
    public void An_accepted_epoch_below_the_current_one_or_a_file_that_is_not_a_number_refuses_to_start()
    {
        EpochFile.Write(_dir.Path, EpochFile.Accepted, 1);
        EpochFile.Write(_dir.Path, EpochFile.Current, 2);
        Assert.Throws<IOException>(() => EpochFile.Load(_dir.Path, 0));
        File.WriteAllText(Path.Combine(_dir.Path, "acceptedEpoch"), "two");
        Assert.Throws<IOException>(() => EpochFile.Read(_dir.Path, EpochFile.Accepted));
    }
}
