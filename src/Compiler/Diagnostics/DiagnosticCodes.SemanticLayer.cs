namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Semantic layer YAML: semantic_models, metrics, saved_queries (MF6040–MF6049).</summary>
    public static class SemanticLayer
    {
        public const string BadModelRefCode = "MF6040";
        public const string UnknownModelRefCode = "MF6041";
        public const string UnknownMeasureCode = "MF6042";
        public const string UnknownMetricCode = "MF6043";
        public const string BadValueCode = "MF6044";
        public const string MissingKeyCode = "MF6045";
        public const string DuplicateNameCode = "MF6046";
        public const string BadWindowCode = "MF6047";

        public static Diagnostic BadModelRef(SourceSpan span, string semanticModel, string? written) =>
            Diagnostic.Error(BadModelRefCode,
                written is null
                    ? $"semantic model '{semanticModel}' has no model"
                    : $"semantic model '{semanticModel}': model is not a ref(): {written}",
                span, "write model: ref('the_model'), optionally with a package or v=N, as dbt does");

        /// <summary>Re-codes the graph's unknown-ref diagnostic (whose hint names the nearest model) for a semantic model.</summary>
        public static Diagnostic UnknownModelRef(Diagnostic lookup, string semanticModel) =>
            lookup with { Code = UnknownModelRefCode, Message = $"semantic model '{semanticModel}': {lookup.Message}" };

        public static Diagnostic UnknownMeasure(SourceSpan span, string metric, string measure, string? nearest) =>
            Diagnostic.Error(UnknownMeasureCode, $"metric '{metric}' uses measure '{measure}', which no semantic model defines", span,
                nearest is not null ? $"did you mean '{nearest}'?" : "declare the measure under measures: of a semantic model");

        public static Diagnostic UnknownMetric(SourceSpan span, string owner, string metric, string? nearest) =>
            Diagnostic.Error(UnknownMetricCode, $"{owner} uses metric '{metric}', which is not defined", span,
                nearest is not null ? $"did you mean '{nearest}'?" : "declare it under metrics: in a YAML file");

        public static Diagnostic BadValue(SourceSpan span, string what, string value, IReadOnlyList<string> allowed, string? nearest) =>
            Diagnostic.Error(BadValueCode, $"{what} '{value}' is not one of: {string.Join(", ", allowed)}", span,
                nearest is not null ? $"did you mean '{nearest}'?" : $"use one of: {string.Join(", ", allowed)}");

        public static Diagnostic MissingKey(SourceSpan span, string owner, string key, string hint) =>
            Diagnostic.Error(MissingKeyCode, $"{owner} has no {key}", span, hint);

        public static Diagnostic DuplicateName(SourceSpan span, string kind, string name, SourceSpan first) =>
            Diagnostic.Error(DuplicateNameCode, $"two {kind}s are named '{name}' (first at {first})", span,
                $"rename one of them: {kind} names are unique in a project");

        public static Diagnostic BadWindow(SourceSpan span, string window) =>
            Diagnostic.Error(BadWindowCode, $"window '{window}' is not of the form '<count> <granularity>'", span,
                "write e.g. '7 days' or '1 month'");
    }
}
