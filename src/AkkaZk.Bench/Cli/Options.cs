using System.CommandLine;
using AkkaZk.Bench.Net;

namespace AkkaZk.Bench.Cli;

/// <summary>Factories for the options the subcommands share, with their parsers and checks.</summary>
public static class Options
{
    public static Option<Target> Target() => new("--target")
    {
        Description = "server client address host:port, or a comma-separated list of an ensemble's (sessions spread round-robin)",
        DefaultValueFactory = _ => new Target("127.0.0.1", 2181),
        CustomParser = result =>
        {
            try { return Net.Target.Parse(result.Tokens.Single().Value); }
            catch (FormatException ex) { result.AddError(ex.Message); return null; }
        },
    };

    public static Option<TimeSpan> Duration(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description + " (e.g. 10s, 500ms, 2m)",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Durations.TryParse(text, out var value)) return value;
            result.AddError($"{name}: not a duration: '{text}'");
            return TimeSpan.Zero;
        },
    };

    public static Option<int> Positive(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0) r.AddError($"{name} must be positive");
        });
        return option;
    }

    public static Option<int?> ServerPid() => new("--server-pid")
    {
        Description = "server process id: CPU-seconds per op (/proc/<pid>/stat) and RSS (/proc/<pid>/status) are reported",
    };

    public static Option<string?> Json() => new("--json") { Description = "write the report as JSON to this file" };

    public static Option<string> Label() => new("--label")
    {
        Description = "a name for the server under test, copied into the report (e.g. zookeeper, akkazk)",
        DefaultValueFactory = _ => "",
    };

    public static Option<int> SessionTimeout(int defaultValue) => new("--session-timeout")
    {
        Description = "session timeout to ask for, ms",
        DefaultValueFactory = _ => defaultValue,
    };
}
