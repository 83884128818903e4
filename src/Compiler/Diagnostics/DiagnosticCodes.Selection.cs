namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Node selection, selectors.yml and --state (MF3400–MF3499); hooks and run control (MF5700–MF5799).</summary>
    public static class Selection
    {
        public const string UnknownMethodCode = "MF3401";
        public const string NothingMatchedCode = "MF3402";
        public const string StateRequiredCode = "MF3403";
        public const string EmptyCriterionCode = "MF3404";
        public const string AtWithPlusCode = "MF3405";
        public const string EmptyValueCode = "MF3406";
        public const string UnknownStateValueCode = "MF3407";
        public const string UnknownSelectorCode = "MF3410";
        public const string BadSelectorDefinitionCode = "MF3411";
        public const string SelectorCycleCode = "MF3412";
        public const string StateUnreadableCode = "MF3420";
        public const string UnknownResourceTypeCode = "MF3408";
        public const string DeferWithoutStateCode = "MF3421";
        public const string HookFailedCode = "MF5701";

        internal static Diagnostic UnknownMethod(SourceSpan span, string method, string? nearest) =>
            Diagnostic.Error(UnknownMethodCode, $"unknown selector method '{method}'", span,
                nearest is not null ? $"did you mean '{nearest}:'?" : $"use one of: {string.Join(", ", SelectorMethodNames)}");

        internal static Diagnostic NothingMatched(SourceSpan span, string criterion, string method) =>
            Diagnostic.Warning(NothingMatchedCode, $"the selection criterion '{criterion}' does not match any enabled nodes", span,
                method is "state" or "result"
                    ? "nothing differs from the --state artifacts in that way"
                    : "check the spelling; `forge ls` lists every node with its selector");

        internal static Diagnostic StateRequired(SourceSpan span, string method) =>
            Diagnostic.Error(StateRequiredCode, $"'{method}:' compares with a previous run, but no --state was given", span,
                "pass --state DIR with the manifest.json (and run_results.json) of the run to compare with, e.g. --state prod-artifacts/");

        internal static Diagnostic EmptyCriterion(SourceSpan span) =>
            Diagnostic.Error(EmptyCriterionCode, "empty selector", span, "remove the extra comma or '+', or write a selector such as tag:nightly");

        internal static Diagnostic AtWithPlus(SourceSpan span) =>
            Diagnostic.Error(AtWithPlusCode, "'@' cannot be combined with '+'", span, "write @x (x, its children and their parents) or +x+, not both");

        internal static Diagnostic EmptyValue(SourceSpan span, string method) =>
            Diagnostic.Error(EmptyValueCode, $"selector method '{method}:' has no value", span, $"write a value after the colon, e.g. {method}:name");

        internal static Diagnostic UnknownStateValue(SourceSpan span, string method, string value, IEnumerable<string> known) =>
            Diagnostic.Error(UnknownStateValueCode, $"unknown {method} selector value '{value}'", span, $"use one of: {string.Join(", ", known)}");

        internal static Diagnostic UnknownResourceType(SourceSpan span, string value) =>
            Diagnostic.Error(UnknownResourceTypeCode, $"unknown resource type '{value}'", span, "use model, seed, snapshot, test, source or analysis");

        internal static Diagnostic UnknownSelector(SourceSpan? span, string name, IEnumerable<string> known, string? nearest) =>
            Diagnostic.Error(UnknownSelectorCode, $"no selector named '{name}'", span,
                nearest is not null ? $"did you mean '{nearest}'?" : known.Any() ? $"selectors.yml defines: {string.Join(", ", known)}" : "define it under selectors: in selectors.yml");

        internal static Diagnostic BadSelectorDefinition(SourceSpan span, string problem) =>
            Diagnostic.Error(BadSelectorDefinitionCode, $"invalid selector definition: {problem}", span,
                "a definition is a selector string, {method: tag, value: x}, {union: [...]} or {intersection: [...]}");

        internal static Diagnostic SelectorCycle(SourceSpan? span, string name) =>
            Diagnostic.Error(SelectorCycleCode, $"selector '{name}' refers to itself", span, "break the cycle between the selectors.yml definitions");

        internal static Diagnostic StateUnreadable(string path, string problem) =>
            Diagnostic.Error(StateUnreadableCode, $"cannot read the state artifact: {problem}",
                hint: "point --state at the target/ folder of a previous forge or dbt run (it holds manifest.json)") with { FilePath = path };

        internal static Diagnostic DeferWithoutState() =>
            Diagnostic.Error(DeferWithoutStateCode, "--defer needs --state",
                hint: "pass --state DIR with the manifest.json of the run whose relations unselected refs should read");

        internal static Diagnostic HookFailed(SourceSpan? span, string which, string message) =>
            Diagnostic.Error(HookFailedCode, $"{which} failed: {message}", span, "fix the hook's SQL in the config that declares it");

        private static readonly string[] SelectorMethodNames =
            ["fqn", "tag", "path", "file", "config.KEY", "resource_type", "test_type", "test_name", "source", "package", "state", "result", "selector"];
    }
}
