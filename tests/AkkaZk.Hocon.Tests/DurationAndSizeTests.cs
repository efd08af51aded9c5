using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class DurationAndSizeTests
{
    [Theory]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("500", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("\"500\"", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("-1", -1 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2s", 2 * TimeSpan.TicksPerSecond)]
    [InlineData("2 seconds", 2 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("1m", TimeSpan.TicksPerMinute)]
    [InlineData("3 min", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("2 minutes", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("2 hours", 2 * TimeSpan.TicksPerHour)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("7 days", 7 * TimeSpan.TicksPerDay)]
    [InlineData("250us", 2500)]
    [InlineData("3 microseconds", 30)]
    [InlineData("1000ns", 10)]
    [InlineData("100 nanos", 1)]
    [InlineData("10 millis", 10 * TimeSpan.TicksPerMillisecond)]
    public void Durations(string text, long expectedTicks)
    {
        var config = ConfigurationFactory.ParseString($"d = {text}");

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), config.GetTimeSpan("d"));
    }

    [Fact]
    public void Infinite_duration()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, ConfigurationFactory.ParseString("d = infinite").GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("10", 10L)]
    [InlineData("10B", 10L)]
    [InlineData("10 bytes", 10L)]
    [InlineData("1K", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("1kB", 1000L)]
    [InlineData("1KB", 1000L)]
    [InlineData("2 kilobytes", 2000L)]
    [InlineData("1M", 1024L * 1024)]
    [InlineData("1MiB", 1024L * 1024)]
    [InlineData("1MB", 1000L * 1000)]
    [InlineData("1 mebibyte", 1024L * 1024)]
    [InlineData("1.5K", 1536L)]
    [InlineData("4G", 4L * 1024 * 1024 * 1024)]
    [InlineData("4GiB", 4L * 1024 * 1024 * 1024)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("1T", 1024L * 1024 * 1024 * 1024)]
    public void Byte_sizes(string text, long expected)
    {
        Assert.Equal(expected, ConfigurationFactory.ParseString($"s = {text}").GetByteSize("s"));
    }

    [Fact]
    public void Missing_byte_size_is_null()
    {
        Assert.Null(ConfigurationFactory.Empty.GetByteSize("s"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("5 parsecs")]
    [InlineData("1M")]
    [InlineData("s")]
    public void Bad_duration_names_key_file_and_line(string text)
    {
        var config = ConfigurationFactory.ParseString($"akkazk {{\n  client-port = 1\n  tick-time = {text}\n}}", "conf/node1.conf");

        var error = Assert.Throws<HoconException>(() => config.GetConfig("akkazk").GetTimeSpan("tick-time"));

        Assert.Equal($"akkazk.tick-time: expected a duration but got \"{text}\" (conf/node1.conf:3)", error.Message);
        Assert.Equal(("akkazk.tick-time", "conf/node1.conf", 3), (error.Key, error.File, error.Line));
    }

    [Fact]
    public void Bad_byte_size_names_key_and_line()
    {
        var config = ConfigurationFactory.ParseString("a = 1\nsize = 12 lightyears", "x.conf");

        var error = Assert.Throws<HoconException>(() => config.GetByteSize("size"));

        Assert.Equal("size: expected a size in bytes but got \"12 lightyears\" (x.conf:2)", error.Message);
    }
}
