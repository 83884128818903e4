using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Contracts;

/// <summary>
/// Checks every enforced contract of a compiled project at compile time, so a malformed contract
/// (no data_type, unknown constraint type, ephemeral model) stops `forge compile` with the YAML
/// position, before any connection is opened.
/// </summary>
public static class ContractValidator
{
    public static void Validate(IEnumerable<ProjectNode> nodes, DiagnosticBag diagnostics)
    {
        foreach (var node in nodes)
        {
            if (node.ResourceType == ResourceType.Model && node.Config.ContractEnforced) ContractReader.Read(node, diagnostics);
        }
    }
}
