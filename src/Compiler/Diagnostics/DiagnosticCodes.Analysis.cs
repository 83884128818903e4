namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Static SQL analysis of compiled models, before any connection (MF4001–MF4999).</summary>
    public static class Analysis
    {
        public const string TSqlSyntaxErrorCode = "MF4001";
        public const string OrderByWithoutTopCode = "MF4002";
        public const string TooManySyntaxErrorsCode = "MF4003";
        public const string UnnamedColumnCode = "MF4004";
        public const string DuplicateColumnCode = "MF4005";
        public const string NotASingleSelectCode = "MF4006";

        // grammar: how the parser's grammar is named ("T-SQL 2019 grammar"), so a version mismatch is visible.
        internal static Diagnostic TSqlSyntaxError(SourceSpan? span, string message, string compiledPath, string grammar = "T-SQL 2022 grammar") =>
            Diagnostic.Error(TSqlSyntaxErrorCode, $"T-SQL syntax error: {message}", span,
                $"fix the SQL near this position; SQL Server ({grammar}) would reject the model as compiled",
                $"compiled SQL: {compiledPath}");

        internal static Diagnostic OrderByWithoutTop(SourceSpan? span, string compiledPath) =>
            Diagnostic.Error(OrderByWithoutTopCode,
                "ORDER BY without TOP or OFFSET: SQL Server rejects it in views, subqueries and common table expressions, and every model is built through a view",
                span,
                "remove the ORDER BY (order when you query the model), or add OFFSET 0 ROWS / TOP to keep it",
                $"compiled SQL: {compiledPath}");

        internal static Diagnostic UnnamedColumn(SourceSpan? span, int position, string compiledPath) =>
            Diagnostic.Error(UnnamedColumnCode, $"column {position} of the model has no name, and SQL Server needs one for every column of a view or table", span,
                "give the expression an alias: `count(*) as n_rows`", $"compiled SQL: {compiledPath}");

        internal static Diagnostic DuplicateColumn(SourceSpan? span, string name, string compiledPath) =>
            Diagnostic.Error(DuplicateColumnCode, $"the model has two columns named '{name}', and SQL Server needs distinct column names in a view or table", span,
                "rename one of them with an alias, e.g. `customers.id as customer_id`", $"compiled SQL: {compiledPath}");

        internal static Diagnostic NotASingleSelect(SourceSpan? span, string compiledPath) =>
            Diagnostic.Error(NotASingleSelectCode, "a model is one SELECT statement, and this is not: SQL Server builds every model through a view", span,
                "remove the other statements (or the GO separator); run statements before or after the model with pre_hook/post_hook",
                $"compiled SQL: {compiledPath}");

        internal static Diagnostic TooManySyntaxErrors(SourceSpan? span, int more) =>
            Diagnostic.Error(TooManySyntaxErrorsCode, $"{more} more T-SQL syntax errors in this model", span,
                "fix the first error; the ones after it often follow from it");
    }
}
