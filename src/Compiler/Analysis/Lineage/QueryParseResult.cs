using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

// A parsed query, or why there is none: Error is the parser's message (ErrorOffset its offset in
// the SQL, -1 when unknown); NotAQuery describes SQL that parsed but is no single SELECT.
internal sealed record QueryParseResult(QueryNode? Query, string? Error = null, int ErrorOffset = -1, string? NotAQuery = null)
{
    public static QueryParseResult Failed(string error, int offset = -1) => new(null, error, offset);

    public static QueryParseResult Other(string what) => new(null, NotAQuery: what);
}
