namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Project loading: forge_project.yml, profiles.yml, schema YAML, --vars (MF1001–MF1999).</summary>
    public static class Project
    {
        public const string MissingProjectFileCode = "MF1001";
        public const string YamlSyntaxCode = "MF1002";
        public const string WrongTypeCode = "MF1003";
        public const string MissingProjectNameCode = "MF1004";
        public const string InvalidProjectNameCode = "MF1005";
        public const string UnknownProjectKeyCode = "MF1006";
        public const string UnknownProfileTypeCode = "MF1010";
        public const string MissingProfileFieldCode = "MF1011";
        public const string UnknownTargetCode = "MF1012";
        public const string InvalidAuthenticationCode = "MF1013";
        public const string MissingTargetNameCode = "MF1014";
        public const string ProfileNotInFileCode = "MF1015";
        public const string InvalidProfileValueCode = "MF1016";
        public const string InvalidCliVarsCode = "MF1020";
        public const string DuplicateResourceCode = "MF1030";
        public const string DuplicateYamlEntryCode = "MF1031";
        public const string YamlEntryWithoutFileCode = "MF1032";
        public const string InvalidTestDeclarationCode = "MF1033";
        public const string MissingEntryNameCode = "MF1034";
        public const string InvalidFreshnessCode = "MF1035";
        public const string UnknownSchemaKeyCode = "MF1036";

        internal static Diagnostic MissingProjectFile(string directory) =>
            Diagnostic.Error(MissingProjectFileCode, $"no forge_project.yml or dbt_project.yml in '{directory}'",
                hint: "run `forge init NAME` to create a project, or pass --project-dir to point at one") with { FilePath = directory };

        internal static Diagnostic YamlSyntax(SourceSpan span, string message) =>
            Diagnostic.Error(YamlSyntaxCode, $"malformed YAML: {message}", span, YamlSyntaxHint(message));

        private static string YamlSyntaxHint(string message)
        {
            if (message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)) return "a key may appear only once in a mapping: remove or merge the second one";
            if (message.Contains("quoted scalar", StringComparison.Ordinal)) return "close the quote opened here";
            if (message.Contains("flow sequence", StringComparison.Ordinal) || message.Contains("flow mapping", StringComparison.Ordinal))
                return "close the '[' or '{' opened earlier and separate its items with ','";
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return "indent with spaces, not tabs";
            return "check the indentation and the ':' after each key on this line or the one above";
        }

        internal static Diagnostic WrongType(SourceSpan span, string what, string expected, string actual, string? hint) =>
            Diagnostic.Error(WrongTypeCode, $"'{what}' must be {expected}, not {actual}", span, hint);

        internal static Diagnostic MissingProjectName(SourceSpan span) =>
            Diagnostic.Error(MissingProjectNameCode, "the project file has no 'name'", span,
                "add a line such as `name: my_project` (letters, digits and underscores)");

        internal static Diagnostic InvalidProjectName(SourceSpan span, string name) =>
            Diagnostic.Error(InvalidProjectNameCode, $"invalid project name '{name}'", span,
                $"use letters, digits and underscores, not starting with a digit, e.g. '{SuggestIdentifier(name)}'");

        internal static Diagnostic UnknownProjectKey(SourceSpan span, string key, string? nearest) =>
            Diagnostic.Warning(UnknownProjectKeyCode, $"unknown key '{key}' in the project file is ignored", span,
                nearest is null ? "remove it, or check the spelling against the dbt_project.yml reference" : $"did you mean '{nearest}'?");

        internal static Diagnostic UnknownProfileType(SourceSpan span, string? type, IEnumerable<string> supported) =>
            Diagnostic.Error(UnknownProfileTypeCode, type is null ? "the target has no 'type'" : $"unsupported target type '{type}'", span,
                (type is not null && NameSuggester.Nearest(type, supported) is { } nearest ? $"did you mean '{nearest}'? " : "")
                + $"set type to one of: {string.Join(", ", supported)}");

        internal static Diagnostic MissingProfileField(SourceSpan span, string field, string target, string type, string hint) =>
            Diagnostic.Error(MissingProfileFieldCode, $"target '{target}' ({type}) has no '{field}'", span, hint);

        internal static Diagnostic UnknownTarget(SourceSpan span, string target, string profile, string path, IReadOnlyCollection<string> available) =>
            Diagnostic.Error(UnknownTargetCode, $"profile '{profile}' in {path} has no target '{target}'", span,
                available.Count == 0 ? "add it under 'outputs:'"
                    : (NameSuggester.Nearest(target, available) is { } nearest ? $"did you mean '{nearest}'? " : "") + $"available targets: {string.Join(", ", available)}");

        internal static Diagnostic InvalidAuthentication(SourceSpan span, string value, string? nearest, IEnumerable<string> valid) =>
            Diagnostic.Error(InvalidAuthenticationCode, $"unknown SQL Server authentication '{value}'", span,
                (nearest is null ? "" : $"did you mean '{nearest}'? ") + $"valid values: {string.Join(", ", valid)}");

        internal static Diagnostic MissingTargetName(SourceSpan span, string profile) =>
            Diagnostic.Error(MissingTargetNameCode, $"profile '{profile}' has no 'target'", span,
                "add `target: dev` (the name of an entry under 'outputs:') or pass --target");

        internal static Diagnostic ProfileNotInFile(string path, string profile) =>
            Diagnostic.Warning(ProfileNotInFileCode, $"{path} has no profile '{profile}'; looking further", hint:
                $"add '{profile}:' to it, or set 'profile:' in the project file to one of its profiles") with { FilePath = path };

        internal static Diagnostic InvalidProfileValue(SourceSpan span, string message, string hint) =>
            Diagnostic.Error(InvalidProfileValueCode, message, span, hint);

        internal static Diagnostic InvalidCliVars(SourceSpan span, string message) =>
            Diagnostic.Error(InvalidCliVarsCode, $"invalid --vars: {message}", span,
                "pass a YAML or JSON mapping, e.g. --vars '{start_date: 2024-01-01, days: 3}'");

        internal static Diagnostic DuplicateResource(SourceSpan span, string kind, string name, string firstPath, string secondPath) =>
            Diagnostic.Error(DuplicateResourceCode, $"two {kind}s are named '{name}': {firstPath} and {secondPath}", span,
                $"{kind} names must be unique across the project: rename or remove one of the files");

        internal static Diagnostic DuplicateYamlEntry(SourceSpan span, string kind, string name, SourceSpan first) =>
            Diagnostic.Error(DuplicateYamlEntryCode, $"{kind} '{name}' is described twice: at {first} and at {span}", span,
                "keep one entry and merge the properties of the other into it");

        internal static Diagnostic YamlEntryWithoutFile(SourceSpan span, string kind, string name, string? nearest) =>
            Diagnostic.Warning(YamlEntryWithoutFileCode, $"{kind} '{name}' is described in YAML but has no file", span,
                nearest is null ? $"create the {kind} file, or remove this entry" : $"did you mean '{nearest}'?");

        internal static Diagnostic InvalidTestDeclaration(SourceSpan span, string actual) =>
            Diagnostic.Error(InvalidTestDeclarationCode, $"a test must be a name or a mapping with one key, not {actual}", span,
                "write `- unique` or `- accepted_values: {values: [a, b]}`");

        internal static Diagnostic MissingEntryName(SourceSpan span, string kind) =>
            Diagnostic.Error(MissingEntryNameCode, $"a {kind} entry has no 'name'", span, "add `name: ...` to the entry");

        internal static Diagnostic InvalidFreshness(SourceSpan span, string message) =>
            Diagnostic.Error(InvalidFreshnessCode, message, span,
                "write e.g. `warn_after: {count: 12, period: hour}` (period: minute, hour or day)");

        internal static Diagnostic UnknownSchemaKey(SourceSpan span, string key, string? nearest) =>
            Diagnostic.Warning(UnknownSchemaKeyCode, $"unknown top-level key '{key}' in schema YAML is ignored", span,
                nearest is null ? "expected models, seeds, snapshots, sources, macros, exposures, …" : $"did you mean '{nearest}'?");

        private static string SuggestIdentifier(string name)
        {
            var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
            var text = new string(chars).Trim('_');
            if (text.Length == 0) return "my_project";
            return char.IsAsciiDigit(text[0]) ? "p_" + text : text;
        }
    }
}
