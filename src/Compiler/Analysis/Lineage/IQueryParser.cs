namespace ModelForge.Compiler.Analysis.Lineage;

// A dialect's parser seen by the lineage pass: SQL text in, neutral query out. DuckDB's needs a
// connection and lives in the Runner; the T-SQL one is ScriptDom, here in the Compiler.
internal interface IQueryParser
{
    // Result i belongs to sql[i]. Implementations may batch or parallelize; called from one thread.
    IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql);

    // What, besides forge's own build, decides this parser's output (the grammar version): part of
    // the lineage cache's stamp, so that another dialect's parses are never reused.
    string Dialect { get; }
}
