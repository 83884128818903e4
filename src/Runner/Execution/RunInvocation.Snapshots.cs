using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.Snapshots;

namespace ModelForge.Runner.Execution;

internal sealed partial class RunInvocation
{
    partial void AddSnapshotExecutor(Dictionary<ResourceType, INodeExecutor> executors, WorkerResources resources) =>
        executors[ResourceType.Snapshot] = new SnapshotExecutor(_project, resources, session.Project.Root);
}
