using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>Parses one YAML file into a node tree; syntax errors become MF1002 at the problem's position.</summary>
internal static class YamlDocumentLoader
{
    /// <summary>
    /// False when the YAML is malformed (the error is in <paramref name="diagnostics"/>).
    /// <paramref name="root"/> is null for an empty file.
    /// </summary>
    public static bool TryLoad(SourceText source, DiagnosticBag diagnostics, out YamlNode? root)
    {
        root = null;
        var stream = new YamlStream();
        try
        {
            // MergingParser resolves `<<: *defaults`, which dbt projects use to share configs.
            stream.Load(new MergingParser(new Parser(new StringReader(source.Text))));
        }
        catch (YamlException e)
        {
            var span = SourceSpan.At(source, (int)e.Start.Line, (int)e.Start.Column);
            diagnostics.Add(DiagnosticCodes.Project.YamlSyntax(span, CleanMessage(e)));
            return false;
        }
        if (stream.Documents.Count > 0) root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) root = null;
        return true;
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
