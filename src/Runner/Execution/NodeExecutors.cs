using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.DataTests;
using ModelForge.Runner.Execution.Seeds;
using ModelForge.Runner.Execution.Snapshots;
using ModelForge.Runner.Execution.UnitTests;

namespace ModelForge.Runner.Execution;

/// <summary>
/// What runs each resource type, in one table: adding a kind of node is one line here. Sources
/// and analyses have no executor (the scheduler reports them as skipped); the commands decide
/// which types are selected.
/// </summary>
internal static class NodeExecutors
{
    public static IReadOnlyDictionary<ResourceType, INodeExecutor> Create(CompiledProject project, WorkerResources resources, string projectRoot) =>
        new Dictionary<ResourceType, INodeExecutor>
        {
            [ResourceType.Model] = new ModelExecutor(project, resources, projectRoot),
            [ResourceType.Seed] = new SeedExecutor(project, resources),
            [ResourceType.Test] = new TestExecutor(project, resources, projectRoot),
            [ResourceType.Snapshot] = new SnapshotExecutor(project, resources, projectRoot),
            [ResourceType.UnitTest] = new UnitTestExecutor(project, resources, projectRoot),
        };

    /// <summary>`forge clone`: models, seeds and snapshots point at the state's relations.</summary>
    public static IReadOnlyDictionary<ResourceType, INodeExecutor> ForClone(CompiledProject project, WorkerResources resources, string projectRoot,
        Compiler.State.StateManifest state, bool fullRefresh)
    {
        var clone = new CloneExecutor(project, resources, projectRoot, state, fullRefresh);
        return new Dictionary<ResourceType, INodeExecutor>
        {
            [ResourceType.Model] = clone,
            [ResourceType.Seed] = clone,
            [ResourceType.Snapshot] = clone,
        };
    }
}
