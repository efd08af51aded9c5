namespace AkkaZk.Server.Configuration;

/// <summary>How a zoo.cfg value is checked and typed when it becomes HOCON.</summary>
internal enum ZooCfgValueKind
{
    Text,
    Int,
    Boolean,

    /// <summary>A comma-separated list, e.g. 4lw.commands.whitelist.</summary>
    CommaList,
}
