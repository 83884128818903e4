namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Hostile or broken project input: YAML limits, unreadable files, clashing names (MF1100–MF1149).</summary>
    public static class ProjectInput
    {
        public const string YamlTooDeepCode = "MF1100";
        public const string YamlAliasExpansionCode = "MF1101";
        public const string YamlTooLargeCode = "MF1102";
        public const string NotARegularFileCode = "MF1103";
        public const string DanglingSymlinkCode = "MF1104";
        public const string InvalidUtf8Code = "MF1105";
        public const string UnreadableFileCode = "MF1106";
        public const string DuplicateRelationCode = "MF1107";
        public const string DuplicateMacroCode = "MF1108";
        public const string MisspelledKeyCode = "MF1109";
        public const string FileTooLargeCode = "MF1110";

        internal static Diagnostic YamlTooDeep(SourceSpan span, int limit) =>
            Diagnostic.Error(YamlTooDeepCode, $"YAML nests more than {limit} levels deep", span,
                "flatten the structure; no dbt project needs this many nested lists or mappings");

        internal static Diagnostic YamlAliasExpansion(SourceSpan span, long limit) =>
            Diagnostic.Error(YamlAliasExpansionCode, $"YAML aliases expand to more than {limit:N0} values", span,
                "aliases (*name) that refer to anchors holding further aliases multiply; copy the values or use fewer levels");

        internal static Diagnostic YamlTooLarge(SourceSpan span, long length, long limit) =>
            Diagnostic.Error(YamlTooLargeCode, $"YAML document is {length:N0} characters, more than the {limit:N0} allowed", span,
                "split it into several files");

        internal static Diagnostic NotARegularFile(string path) =>
            Diagnostic.Warning(NotARegularFileCode, $"{path} is not a regular file (a pipe, socket or device) and is skipped", hint:
                "remove it from the project folder, or rename it so it does not end in a project file extension") with { Span = WholeFile(path) };

        internal static Diagnostic DanglingSymlink(string path, string? target) =>
            Diagnostic.Error(DanglingSymlinkCode, $"{path} is a symbolic link to '{target}', which does not exist", hint:
                "restore the file it points at, or delete the link") with { Span = WholeFile(path) };

        internal static Diagnostic InvalidUtf8(SourceSpan span, byte value) =>
            Diagnostic.Error(InvalidUtf8Code, $"{span.Path} is not valid UTF-8: byte 0x{value:X2} here", span,
                "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)");

        internal static Diagnostic UnreadableFile(string path, string reason) =>
            Diagnostic.Error(UnreadableFileCode, $"cannot read {path}: {reason}", hint: "check the file's permissions") with { Span = WholeFile(path) };

        internal static Diagnostic FileTooLarge(string path, long limit) =>
            Diagnostic.Error(FileTooLargeCode, $"{path} is larger than {limit / (1024 * 1024)} MB", hint:
                "project files are source text; keep large data out of the project folders") with { Span = WholeFile(path) };

        internal static Diagnostic DuplicateRelation(SourceSpan? span, string relation, string firstKind, string firstPath, string secondKind, string secondPath) =>
            Diagnostic.Error(DuplicateRelationCode, $"{firstKind} {firstPath} and {secondKind} {secondPath} both build the relation {relation}", span,
                "give one of them another alias, schema or database in its config, or rename it");

        internal static Diagnostic DuplicateMacro(SourceSpan span, string package, string name, string firstPath, string secondPath) =>
            Diagnostic.Error(DuplicateMacroCode, $"macro '{name}' is defined twice in package '{package}': {firstPath} and {secondPath}", span,
                "rename or remove one of the definitions");

        /// <summary>Errors about a whole file still print as <c>path:1:1</c>, as every other diagnostic does.</summary>
        private static SourceSpan WholeFile(string path) => new(new SourceText(path, ""), 0, 0);

        internal static Diagnostic MisspelledKey(SourceSpan span, string key, string where, string nearest) =>
            Diagnostic.Warning(MisspelledKeyCode, $"unknown {where} key '{key}' is ignored", span, $"did you mean '{nearest}'?");
    }
}
