using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// The one way forge reads YAML (project, schema, profiles, selectors, packages, --vars, fromyaml).
/// YamlDotNet throws more than <see cref="YamlException"/> on some malformed input (e.g.
/// InvalidOperationException for <c>": [\nv"</c>), builds its node tree recursively (deep nesting
/// overflows the stack) and expands aliases without bound. So a <see cref="YamlPreflight"/> pass
/// over the event stream bounds size, depth and alias expansion first, and any exception from
/// either pass becomes a diagnostic at the scanner's position.
/// </summary>
internal static class YamlDocumentLoader
{
    /// <summary>Creates the diagnostic for a syntax error; MF1002 unless the caller has its own (--vars).</summary>
    internal delegate Diagnostic SyntaxError(SourceSpan span, string message);

    /// <summary>
    /// False when the YAML is malformed (the error is in <paramref name="diagnostics"/>).
    /// <paramref name="root"/> is null for an empty file.
    /// </summary>
    public static bool TryLoad(SourceText source, DiagnosticBag diagnostics, out YamlNode? root) =>
        TryLoad(source, diagnostics, DiagnosticCodes.Project.YamlSyntax, out root);

    public static bool TryLoad(SourceText source, DiagnosticBag diagnostics, SyntaxError syntaxError, out YamlNode? root)
    {
        root = null;
        if (TryLoadFast(source.Text, out root)) return true;
        if (YamlPreflight.Check(source, syntaxError) is { } problem)
        {
            diagnostics.Add(problem);
            return false;
        }
        var scanner = new Scanner(new StringReader(source.Text), skipComments: true);
        var stream = new YamlStream();
        try
        {
            // MergingParser resolves `<<: *defaults`, which dbt projects use to share configs. It
            // buffers the whole event stream first, so a document with no merge key skips it.
            IParser parser = new Parser(scanner);
            stream.Load(source.Text.Contains("<<", StringComparison.Ordinal) ? new MergingParser(parser) : parser);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(ToDiagnostic(source, e, scanner.CurrentPosition, syntaxError));
            return false;
        }
        if (stream.Documents.Count > 0) root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) root = null;
        return true;
    }

    /// <summary>
    /// The common case: <see cref="YamlFastParser"/> reads the document (no alias, bounded depth,
    /// so the preflight's guarantees hold) and YamlDotNet builds the same nodes from its events.
    /// False sends the text down the full path, which also reports any error.
    /// </summary>
    private static bool TryLoadFast(string text, out YamlNode? root)
    {
        root = null;
        if (text.Length > YamlPreflight.MaxLength || text.Contains("<<", StringComparison.Ordinal)) return false;
        if (!YamlFastParser.TryParse(text, out var events)) return false;
        var stream = new YamlStream();
        try
        {
            stream.Load(new YamlEventReplay(events));
        }
        catch (YamlException)
        {
            // A duplicate key: the full path reports it where YamlDotNet's own parser puts it.
            return false;
        }
        if (stream.Documents.Count > 0) root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) root = null;
        return true;
    }

    /// <summary>For callers with no place to report (fromyaml): the root node, or false when the text is not safe YAML.</summary>
    public static bool TryLoadQuietly(string text, out YamlNode? root) =>
        TryLoad(new SourceText("<string>", text), new DiagnosticBag(), out root);

    /// <summary>A YamlException carries its own position; anything else is placed where the scanner stopped.</summary>
    internal static Diagnostic ToDiagnostic(SourceText source, Exception e, Mark scannerPosition, SyntaxError syntaxError)
    {
        var at = e is YamlException y ? y.Start : scannerPosition;
        var span = SourceSpan.At(source, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column));
        var message = e is YamlException yaml ? CleanMessage(yaml) : "unexpected text here; the YAML cannot be read";
        return syntaxError(span, message);
    }

    /// <summary>
    /// YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is
    /// already in the span, so keep only the sentence, lower-cased like our other messages.
    /// </summary>
    internal static string CleanMessage(YamlException e)
    {
        var message = e.InnerException is YamlException inner && inner.Message.Length > 0 ? inner.Message : e.Message;
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0) message = message[(cut + 3)..];
        }
        message = message.Trim().TrimEnd('.');
        if (message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]))
            message = char.ToLowerInvariant(message[0]) + message[1..];
        return message.Length == 0 ? "malformed YAML" : message;
    }
}
