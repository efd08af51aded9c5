using System.Globalization;

namespace AkkaZk.Server.FourLetterWords;

/// <summary>
/// java.util.Date.toString ("EEE MMM dd HH:mm:ss zzz yyyy"), as dump prints expiry times. Always in UTC, as a JVM
/// whose default time zone is UTC prints it.
/// </summary>
public static class JavaDate
{
    public static string Format(long unixMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMillis).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
