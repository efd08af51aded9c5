namespace AkkaZk.Server.Configuration;

/// <summary>One <c>key=value</c> of a Java properties file, with the line it starts on.</summary>
internal sealed record PropertyLine(string Key, string Value, int Line);
