using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.DataTests;

namespace ModelForge.Runner.Execution;

internal sealed partial class RunInvocation
{
    partial void AddTestExecutor(Dictionary<ResourceType, INodeExecutor> executors, WorkerResources resources) =>
        executors[ResourceType.Test] = new TestExecutor(_project, resources, session.Project.Root);
}
