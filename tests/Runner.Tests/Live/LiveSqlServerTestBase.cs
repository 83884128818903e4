using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// Live tests against a real SQL Server. Without <see cref="LiveSqlServer.Variable"/> every test
/// is reported as ignored with <see cref="LiveSqlServer.IgnoreReason"/>; with it, the fixture
/// gets one database for all its tests.
/// </summary>
[Category("LiveSqlServer")]
[NonParallelizable]
internal abstract class LiveSqlServerTestBase
{
    private LiveSqlServer? _server;

    protected LiveSqlServer Server => _server ?? throw new InvalidOperationException("no live server: the test should have been ignored");

    [OneTimeSetUp]
    public void ConnectOnce()
    {
        if (LiveSqlServer.ConnectionString is null) return;
        _server = LiveSqlServer.Create();
    }

    [SetUp]
    public void RequireServer()
    {
        if (_server is null) Assert.Ignore(LiveSqlServer.IgnoreReason);
    }

    [OneTimeTearDown]
    public void DropDatabase() => _server?.Dispose();

    /// <summary>A schema name no other test (or run) uses.</summary>
    protected static string UniqueSchema(string stem) => $"{stem}_{Guid.NewGuid():N}"[..(stem.Length + 9)];
}
