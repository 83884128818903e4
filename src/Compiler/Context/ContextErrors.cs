using System.Globalization;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context;

/// <summary>Builds the context's diagnostics from the texts in DiagnosticCodes.Context.cs.</summary>
internal static partial class ContextErrors
{
    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    private static DiagnosticException Error(string code, string message, SourceSpan span, string hint) =>
        new(Diagnostic.Error(code, message, span, hint));

    public static DiagnosticException VarNotFound(string name, IEnumerable<string> known, SourceSpan span)
    {
        var names = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var nearest = NameSuggester.Nearest(name, names);
        var extra = nearest is not null ? $"; did you mean '{nearest}'?" : "";
        extra += names.Count == 0 ? " (no vars are defined)" : $" (known vars: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", …" : "")})";
        return Error(DiagnosticCodes.RequiredVarNotFound, F(DiagnosticCodes.RequiredVarNotFoundMessage, name), span,
            F(DiagnosticCodes.RequiredVarNotFoundHint, name, extra));
    }

    public static DiagnosticException EnvVarNotProvided(string name, SourceSpan span) =>
        Error(DiagnosticCodes.EnvVarNotProvided, F(DiagnosticCodes.EnvVarNotProvidedMessage, name), span,
            F(DiagnosticCodes.EnvVarNotProvidedHint, name));

    public static DiagnosticException SecretEnvVar(string name, string where, SourceSpan span) =>
        Error(DiagnosticCodes.SecretEnvVarNotAllowed, F(DiagnosticCodes.SecretEnvVarNotAllowedMessage, name, where), span,
            DiagnosticCodes.SecretEnvVarNotAllowedHint);

    public static DiagnosticException CompilerError(string where, string message, SourceSpan span) =>
        Error(DiagnosticCodes.CompilerErrorRaised, F(DiagnosticCodes.CompilerErrorRaisedMessage, where, message), span,
            DiagnosticCodes.CompilerErrorRaisedHint);

    public static Diagnostic UserWarning(string where, string message, SourceSpan span) =>
        Diagnostic.Warning(DiagnosticCodes.UserWarningRaised, F(DiagnosticCodes.UserWarningRaisedMessage, where, message), span,
            DiagnosticCodes.UserWarningRaisedHint);

    public static DiagnosticException ConfigMissing(string key, string where, SourceSpan span) =>
        Error(DiagnosticCodes.RequiredConfigMissing, F(DiagnosticCodes.RequiredConfigMissingMessage, key, where), span,
            F(DiagnosticCodes.RequiredConfigMissingHint, key));

    public static DiagnosticException DispatchNotFound(string macro, IReadOnlyList<string> candidates, SourceSpan span) =>
        Error(DiagnosticCodes.DispatchMacroNotFound,
            F(DiagnosticCodes.DispatchMacroNotFoundMessage, macro, string.Join(", ", candidates.Select(c => $"'{c}'"))), span,
            F(DiagnosticCodes.DispatchMacroNotFoundHint, candidates.Count > 1 ? candidates[^1] : "default__" + macro, candidates[0]));

    public static DiagnosticException NoConnection(string what, SourceSpan span) =>
        Error(DiagnosticCodes.DatabaseConnectionRequired, F(DiagnosticCodes.DatabaseConnectionRequiredMessage, what), span,
            DiagnosticCodes.DatabaseConnectionRequiredHint);

    public static DiagnosticException RegexInvalid(string pattern, string reason, SourceSpan span) =>
        Error(DiagnosticCodes.RegexPatternInvalid, F(DiagnosticCodes.RegexPatternInvalidMessage, pattern, reason), span,
            DiagnosticCodes.RegexPatternInvalidHint);

    public static DiagnosticException DateParse(string text, string format, SourceSpan span) =>
        Error(DiagnosticCodes.DateParseFailed, F(DiagnosticCodes.DateParseFailedMessage, text, format), span,
            DiagnosticCodes.DateParseFailedHint);

    public static DiagnosticException DateValue(string what, SourceSpan span) =>
        Error(DiagnosticCodes.DateValueInvalid, F(DiagnosticCodes.DateValueInvalidMessage, what), span,
            DiagnosticCodes.DateValueInvalidHint);

    public static DiagnosticException SetFailed(string what, SourceSpan span) =>
        Error(DiagnosticCodes.SetConversionFailed, F(DiagnosticCodes.SetConversionFailedMessage, what), span,
            DiagnosticCodes.SetConversionFailedHint);

    public static DiagnosticException RelationType(string type, SourceSpan span) =>
        Error(DiagnosticCodes.RelationTypeInvalid, F(DiagnosticCodes.RelationTypeInvalidMessage, type), span,
            DiagnosticCodes.RelationTypeInvalidHint);

    public static DiagnosticException AdapterUnavailable(string what, string why, SourceSpan span) =>
        Error(DiagnosticCodes.AdapterMethodUnavailable, F(DiagnosticCodes.AdapterMethodUnavailableMessage, what, why), span,
            DiagnosticCodes.AdapterMethodUnavailableHint);
}
