using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

// Resolves a table named in FROM (that is not a CTE) to the columns it has: a project node's
// known columns, or an opaque shape saying why they are unknown.
internal interface IRelationCatalog
{
    Shape Resolve(TableSource table);
}
