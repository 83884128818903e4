using ModelForge.Compiler.Compilation;

namespace ModelForge.Runner.Execution;

/// <summary>Runs one node of one resource type; called on scheduler worker threads.</summary>
internal interface INodeExecutor
{
    NodeResult Run(ProjectNode node);
}
