namespace AkkaZk.Server.Tests.Ensemble;

/// <summary>An async AwaitAssert: retries the assertion until it passes or the bound runs out (then its failure is thrown).</summary>
public static class Eventually
{
    public static async Task AssertAsync(Func<Task> assertion, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
