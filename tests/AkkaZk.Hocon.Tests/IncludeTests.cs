using AkkaZk.Hocon;

namespace AkkaZk.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "akkazk-hocon-" + Guid.NewGuid().ToString("N"));

    public IncludeTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "conf", "common"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Include_is_relative_to_the_including_file()
    {
        Write("conf/common/base.conf", "akkazk { tick-time = 2s, client-port = 2181 }\nfrom-base = ${akkazk.client-port}");
        Write("conf/node1.conf", "include \"common/base.conf\"\nakkazk.client-port = 2182");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "node1.conf"));

        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("akkazk.tick-time"));
        Assert.Equal(2182, config.GetInt("akkazk.client-port"));
        Assert.Equal(2182, config.GetInt("from-base"));
        Assert.EndsWith("base.conf:1", config.Origin("akkazk.tick-time"));
    }

    [Fact]
    public void Included_file_includes_relative_to_its_own_folder()
    {
        Write("conf/common/inner.conf", "inner = 1");
        Write("conf/common/outer.conf", "include \"inner.conf\"\nouter = 2");
        Write("conf/node.conf", "include \"common/outer\"");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "node.conf"));

        Assert.Equal((1, 2), (config.GetInt("inner"), config.GetInt("outer")));
    }

    [Fact]
    public void Include_inside_an_object_nests_the_fields()
    {
        Write("conf/admin.conf", "port = 8080");
        Write("conf/node.conf", "admin { include file(\"admin.conf\") }");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "node.conf"));

        Assert.Equal(8080, config.GetInt("admin.port"));
    }

    [Fact]
    public void Missing_plain_include_is_ignored()
    {
        Write("conf/node.conf", "include \"absent.conf\"\na = 1");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "node.conf"));

        Assert.Equal(["a"], config.Root.Keys);
    }

    [Fact]
    public void Missing_required_include_names_file_and_line()
    {
        Write("conf/node.conf", "a = 1\ninclude required(\"absent.conf\")");
        var path = Path.Combine(_directory, "conf", "node.conf");

        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Equal((path, 2), (error.File, error.Line));
        Assert.Contains("absent.conf", error.Message);
    }

    [Fact]
    public void Parse_error_in_included_file_names_that_file()
    {
        Write("conf/bad.conf", "ok = 1\nbroken = \"no end");
        Write("conf/node.conf", "include required(file(\"bad.conf\"))");

        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "node.conf")));

        Assert.EndsWith("bad.conf", error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Include_cycle_is_reported()
    {
        Write("conf/a.conf", "include \"b.conf\"");
        Write("conf/b.conf", "include \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(Path.Combine(_directory, "conf", "a.conf")));

        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void Missing_file_is_a_hocon_error_naming_it()
    {
        var path = Path.Combine(_directory, "nope.conf");

        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Resource_is_parsed_with_its_name_as_origin()
    {
        var config = ConfigurationFactory.FromResource(typeof(IncludeTests).Assembly, "AkkaZk.Hocon.Tests.sample.conf");

        Assert.Equal(3, config.GetInt("sample.value"));
        Assert.Equal(4, config.GetInt("included"));
        Assert.Equal("AkkaZk.Hocon.Tests.sample.conf:2", config.Origin("sample.value"));
    }

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_directory, relative), text);
}
