using Xunit.Sdk;

namespace AkkaZk.TestKit;

/// <summary>An expectation of the TestKit failed; the message says what was expected and what arrived.</summary>
public sealed class TestKitAssertionException(string message) : XunitException(message);
