using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// Finds the macro a generic test calls, as dbt does: <c>dbt_utils.expression_is_true</c> is the
/// macro <c>test_expression_is_true</c> of package dbt_utils; an unqualified <c>unique</c> is looked
/// up from the package that declares the test (its own macros, then the root project's, then the
/// built-ins: dbt's MacroNamespace search order). The call text it returns resolves the same way
/// when rendered, and the macro then runs in its own package, so its unqualified helpers resolve there.
/// </summary>
internal static class TestMacroResolver
{
    /// <returns>The callee to write in the generated call, or null with a diagnostic.</returns>
    public static string? Callee(MacroRegistry macros, TestDeclaration declaration, string package, out Diagnostic? error)
    {
        error = null;
        var macroName = "test_" + declaration.Name;
        if (!IsName(declaration.Name) || (declaration.Namespace is { } n && !IsName(n)))
        {
            var written = declaration.Namespace is { } prefix ? $"{prefix}.{declaration.Name}" : declaration.Name;
            error = Diagnostic.Error(DiagnosticCodes.TestNameInvalid, string.Format(DiagnosticCodes.TestNameInvalidMessage, written),
                Span(declaration), DiagnosticCodes.TestNameInvalidHint);
            return null;
        }
        if (declaration.Namespace is { } ns)
        {
            if (!macros.HasPackage(ns))
            {
                error = NotInstalled(macros, declaration, ns);
                return null;
            }
            if (macros.FindInPackage(ns, macroName) is null)
            {
                error = Unknown(macros, declaration, [ns]);
                return null;
            }
            return $"{ns}.{macroName}";
        }
        if (macros.Find(macroName, package) is null)
        {
            error = Unknown(macros, declaration, [package, macros.RootPackage, MacroRegistry.BuiltinPackage]);
            return null;
        }
        return macroName;
    }

    private static SourceSpan Span(TestDeclaration declaration) => declaration.NameSpan ?? declaration.Span;

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static Diagnostic NotInstalled(MacroRegistry macros, TestDeclaration declaration, string ns)
    {
        // A misspelt package that has the test is the likelier mistake than a missing install.
        var withTest = macros.Packages.Where(p => macros.FindInPackage(p, "test_" + declaration.Name) is not null);
        var nearest = NameSuggester.Nearest(ns, withTest) ?? NameSuggester.Nearest(ns, macros.Packages);
        var hint = nearest is not null
            ? string.Format(DiagnosticCodes.TestPackageNotInstalledNearHint, nearest, declaration.Name, ns)
            : string.Format(DiagnosticCodes.TestPackageNotInstalledHint, ns);
        return Diagnostic.Error(DiagnosticCodes.TestPackageNotInstalled,
            string.Format(DiagnosticCodes.TestPackageNotInstalledMessage, ns, declaration.Name, declaration.AttachedTo), Span(declaration), hint);
    }

    private static Diagnostic Unknown(MacroRegistry macros, TestDeclaration declaration, IEnumerable<string> packages)
    {
        var known = packages.Distinct(StringComparer.Ordinal).SelectMany(macros.NamesIn)
            .Where(n => n.StartsWith("test_", StringComparison.Ordinal)).Select(n => n[5..]).Distinct(StringComparer.Ordinal);
        var full = declaration.Namespace is { } prefix ? $"{prefix}.{declaration.Name}" : declaration.Name;
        var nearest = NameSuggester.Nearest(declaration.Name, known);
        string hint;
        if (nearest is not null)
            hint = string.Format(DiagnosticCodes.UnknownGenericTestHint, declaration.Namespace is { } p ? $"{p}.{nearest}" : nearest);
        else if (declaration.Namespace is null && Elsewhere(macros, declaration.Name) is { } owner)
            hint = string.Format(DiagnosticCodes.UnknownGenericTestHint, $"{owner}.{declaration.Name}");
        else
            hint = string.Format(DiagnosticCodes.UnknownGenericTestNoMatchHint, declaration.Name);
        return Diagnostic.Error(DiagnosticCodes.UnknownGenericTest,
            string.Format(DiagnosticCodes.UnknownGenericTestMessage, full, declaration.AttachedTo), Span(declaration), hint);
    }

    // An installed package that defines the test: dbt needs its namespace written (dbt_utils.not_empty_string).
    private static string? Elsewhere(MacroRegistry macros, string name) =>
        macros.Packages.Order(StringComparer.Ordinal).FirstOrDefault(p => macros.FindInPackage(p, "test_" + name) is not null);
}
