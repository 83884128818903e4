using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Analysis.Lineage;

// What ColumnLineageBuilder gives back: lineage by model unique id, and warnings for models whose
// SQL could not be analysed (their lineage is there too, with Unresolved saying why).
internal sealed record LineageResult(IReadOnlyDictionary<string, ModelLineage> Models, IReadOnlyList<Diagnostic> Diagnostics);
