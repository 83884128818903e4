namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Model access, groups and versions (MF6050–MF6069).</summary>
    public static class Access
    {
        public const string BadAccessCode = "MF6050";
        public const string UnknownGroupCode = "MF6051";
        public const string PrivateRefCode = "MF6052";
        public const string ProtectedRefCode = "MF6053";
        public const string DuplicateGroupCode = "MF6054";
        public const string BadVersionCode = "MF6055";
        public const string UnknownVersionCode = "MF6056";
        public const string DeprecatedVersionCode = "MF6057";

        public static Diagnostic BadAccess(SourceSpan? span, string model, string access) =>
            Diagnostic.Error(BadAccessCode, $"model '{model}' has access '{access}', which is not private, protected or public", span,
                "use access: private (its group only), protected (its project, the default) or public");

        public static Diagnostic UnknownGroup(SourceSpan? span, string node, string group, string? nearest) =>
            Diagnostic.Error(UnknownGroupCode, $"'{node}' belongs to group '{group}', which is not defined", span,
                nearest is not null ? $"did you mean '{nearest}'?" : $"declare it under groups: in a YAML file, with a name and an owner");

        public static Diagnostic PrivateRef(SourceSpan span, string from, string? fromGroup, string target, string group) =>
            Diagnostic.Error(PrivateRefCode,
                $"'{from}' refs '{target}', which is private to group '{group}'" + (fromGroup is null ? "" : $" (the referrer is in group '{fromGroup}')"),
                span, $"put '{from}' in group '{group}', or make '{target}' protected or public (access:)");

        public static Diagnostic ProtectedRef(SourceSpan span, string from, string target, string package) =>
            Diagnostic.Error(ProtectedRefCode, $"'{from}' refs '{target}', which is protected in package '{package}' (restrict-access: true)", span,
                $"only models of '{package}' may ref it; ask for it to be made public (access: public)");

        public static Diagnostic DuplicateGroup(SourceSpan span, string name, SourceSpan first) =>
            Diagnostic.Error(DuplicateGroupCode, $"two groups are named '{name}' (first at {first})", span, "rename or remove one of them");
    

        public static Diagnostic BadVersion(SourceSpan? span, string model) =>
            Diagnostic.Error(BadVersionCode, $"model '{model}' has a versions: entry without a v", span,
                "write each version as a mapping with its version, a number or a string, e.g. - v: 2 or - v: beta");

        public static Diagnostic UnknownVersion(SourceSpan span, string model, Compilation.NodeVersion version, IEnumerable<Compilation.NodeVersion> known) =>
            Diagnostic.Error(UnknownVersionCode, $"ref '{model}' asks for version {version}, which model '{model}' does not have", span,
                $"known versions: {string.Join(", ", known.Order())}");

        public static Diagnostic DeprecatedVersion(SourceSpan span, string from, string target, DateTimeOffset date) =>
            Diagnostic.Warning(DeprecatedVersionCode,
                $"'{from}' refs '{target}', deprecated since {date:yyyy-MM-dd}", span, "move the ref to a newer version of the model");
    }
}
