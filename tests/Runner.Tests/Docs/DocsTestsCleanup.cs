using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>Removes the demo project copy shared by the docs browser tests once they are done.</summary>
[SetUpFixture]
public sealed class DocsTestsCleanup
{
    [OneTimeTearDown]
    public void DeleteDemoCopy()
    {
        DemoSite.Dispose();
        LargeSite.Dispose();
    }
}
