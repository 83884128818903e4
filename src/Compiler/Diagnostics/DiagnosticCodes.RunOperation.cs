namespace ModelForge.Compiler.Diagnostics;

// Codes MF6130…MF6139: `forge run-operation` and `--empty` (issue 17).
public static partial class DiagnosticCodes
{
    internal static class RunOperation
    {
        public const string UnknownMacroCode = "MF6130";
        public const string BadArgsCode = "MF6131";
        public const string BadMacroNameCode = "MF6132";

        internal static Diagnostic UnknownMacro(string name, IEnumerable<string> known) =>
            Diagnostic.Error(UnknownMacroCode, $"run-operation: no macro named '{name}'",
                hint: (NameSuggester.Nearest(name, known) is { } near ? $"did you mean '{near}'? " : "") +
                      "give a macro of the project or `package.macro` for one of an installed package");

        internal static Diagnostic BadMacroName(string name) =>
            Diagnostic.Error(BadMacroNameCode, $"run-operation: '{name}' is not a macro name",
                hint: "give `macro_name` or `package_name.macro_name`, e.g. `forge run-operation grant_select --args '{role: reporter}'`");

        internal static Diagnostic BadArgs(Diagnostic cause) =>
            cause with
            {
                Code = BadArgsCode,
                Message = cause.Message.Replace("invalid --vars", "invalid --args", StringComparison.Ordinal),
                // The --vars parser names its argument; point at --args instead, same column.
                Span = cause.Span is { } at ? new SourceSpan(new SourceText("--args", at.Source.Text), at.Start, at.Length) : null,
                Hint = "pass a YAML or JSON mapping of the macro's arguments, e.g. --args '{table: orders, days: 3}'",
            };
    }
}
