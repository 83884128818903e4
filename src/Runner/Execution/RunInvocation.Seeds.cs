using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.Seeds;

namespace ModelForge.Runner.Execution;

internal sealed partial class RunInvocation
{
    partial void AddSeedExecutor(Dictionary<ResourceType, INodeExecutor> executors, WorkerResources resources) =>
        executors[ResourceType.Seed] = new SeedExecutor(_project, resources);
}
