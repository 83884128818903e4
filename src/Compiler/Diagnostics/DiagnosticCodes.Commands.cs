namespace ModelForge.Compiler.Diagnostics;

// Codes MF1170…MF1199: the dbt commands and flags of issue 17 (list, parse, retry, compile --inline,
// DBT_*/FORGE_* environment variables) and Python model files, which forge cannot run.
public static partial class DiagnosticCodes
{
    internal static class Commands
    {
        public const string PythonModelCode = "MF1170";
        public const string UnknownResourceTypeCode = "MF1171";
        public const string UnknownOutputKeyCode = "MF1172";
        public const string InlineWithSelectCode = "MF1173";
        public const string BadEnvironmentValueCode = "MF1174";
        public const string NoPreviousRunCode = "MF1175";
        public const string BadWarnErrorOptionsCode = "MF1176";
        public const string BadHostCode = "MF1177";
        public const string CannotRetryCode = "MF1178";

        internal static Diagnostic PythonModel(SourceSpan at) =>
            Diagnostic.Error(PythonModelCode, "Python models are not supported by forge", at,
                "rewrite the model in SQL (a .sql file of the same name keeps its refs working), or move the file out of the model paths");

        internal static Diagnostic UnknownResourceType(string option, string name, IReadOnlyCollection<string> known) =>
            Diagnostic.Error(UnknownResourceTypeCode, $"{option}: unknown resource type '{name}'",
                hint: (NameSuggester.Nearest(name, known) is { } near ? $"did you mean '{near}'? " : "") + $"the types are {string.Join(", ", known)}");

        internal static Diagnostic UnknownOutputKey(string key, IReadOnlyCollection<string> known) =>
            Diagnostic.Error(UnknownOutputKeyCode, $"--output-keys: unknown key '{key}'",
                hint: (NameSuggester.Nearest(key, known) is { } near ? $"did you mean '{near}'? " : "") + $"the keys are {string.Join(", ", known)}");

        internal static Diagnostic InlineWithSelect() =>
            Diagnostic.Error(InlineWithSelectCode, "--inline cannot be combined with --select, --exclude or --selector",
                hint: "compile either the inline query (`forge compile --inline \"select …\"`) or the selected nodes");

        internal static Diagnostic BadEnvironmentValue(string variable, string value, string expected) =>
            Diagnostic.Error(BadEnvironmentValueCode, $"environment variable {variable} is '{value}', expected {expected}",
                hint: $"fix or unset {variable}; a command-line flag overrides it");

        internal static Diagnostic BadWarnErrorOptions(string problem) =>
            Diagnostic.Error(BadWarnErrorOptionsCode, $"--warn-error-options: {problem}",
                hint: "e.g. --warn-error-options '{\"error\": \"all\", \"warn\": [\"MF1109\"]}' (keys error, warn, silence; values \"all\" or lists of MF codes)");

        internal static Diagnostic BadHost(string host) =>
            Diagnostic.Error(BadHostCode, $"--host '{host}' is not an IP address",
                hint: "give an address to listen on: 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or localhost");

        internal static Diagnostic NoPreviousRun(string path) =>
            Diagnostic.Error(NoPreviousRunCode, $"nothing to retry: {path} does not exist",
                hint: "run `forge run`, `forge build`, `forge test`, `forge seed` or `forge snapshot` first; retry re-runs what failed there");

        internal static Diagnostic CannotRetry(string path, string why) =>
            Diagnostic.Error(CannotRetryCode, $"cannot retry from {path}: {why}",
                hint: "run the command again yourself; retry replays run, build, test, seed and snapshot") with { FilePath = path };
    }
}
