using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Walks the YAML event stream once, without building nodes (YamlDotNet's parser is a state
/// machine, so this pass cannot overflow the stack), and refuses documents that are too large, nest
/// too deep for the recursive node builder, or whose aliases expand to too many values (the
/// "billion laughs" bomb: nine anchors each repeating the previous one nine times).
/// </summary>
internal static class YamlPreflight
{
    /// <summary>Characters; a 2,000-model schema file is about 2 MB.</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    /// <summary>Nesting levels; dbt configs rarely go past 10, and 200 is far from the stack's limit.</summary>
    public const int MaxDepth = 200;

    /// <summary>Values added by expanding aliases (each alias counts the values its anchor holds).</summary>
    public const long MaxAliasExpansion = 1_000_000;

    /// <summary>The problem, or null when the document may be loaded.</summary>
    public static Diagnostic? Check(SourceText source, YamlDocumentLoader.SyntaxError syntaxError)
    {
        if (source.Text.Length > MaxLength)
            return DiagnosticCodes.ProjectInput.YamlTooLarge(new SourceSpan(source, 0, 0), source.Text.Length, MaxLength);
        if (IsPlainlyBounded(source.Text)) return null;
        var scanner = new Scanner(new StringReader(source.Text), skipComments: true);
        var parser = new Parser(scanner);
        // Per open collection: its anchor (if any) and the number of values inside it so far.
        var open = new Stack<(string? Anchor, long Values)>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long expansion = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        var start = (NodeEvent)parser.Current!;
                        if (open.Count >= MaxDepth) return DiagnosticCodes.ProjectInput.YamlTooDeep(At(source, start.Start), MaxDepth);
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, values) = open.Pop();
                        if (anchor is not null) anchors[anchor] = values;
                        Add(open, values);
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = 1;
                        Add(open, 1);
                        break;
                    case AnchorAlias alias:
                        var size = anchors.GetValueOrDefault(alias.Value.Value, 1);
                        expansion += size;
                        if (expansion > MaxAliasExpansion)
                            return DiagnosticCodes.ProjectInput.YamlAliasExpansion(At(source, alias.Start), MaxAliasExpansion);
                        Add(open, size);
                        break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return YamlDocumentLoader.ToDiagnostic(source, e, scanner.CurrentPosition, syntaxError);
        }
        return null;
    }

    /// <summary>
    /// A text scan that proves what the event pass checks, for the common document: with no
    /// <c>&amp;</c> or <c>*</c> there is no anchor or alias, and nesting is bounded by indentation
    /// (a block mapping and a compact sequence per column at most) plus open brackets. Schema files
    /// of thousands of models pass it, which spares them a second parse; anything else takes the full pass.
    /// </summary>
    internal static bool IsPlainlyBounded(string text)
    {
        var maxIndent = 0;
        var brackets = 0;
        var maxBrackets = 0;
        var indent = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&' or '*':
                    return false;
                case '\n':
                    atLineStart = true;
                    indent = 0;
                    continue;
                // "- - x" nests without spaces: dashes (and "?" keys) count as indentation too.
                case ' ' or '-' or '?' when atLineStart:
                    indent++;
                    if (indent > maxIndent) maxIndent = indent;
                    continue;
                case '[' or '{':
                    if (++brackets > maxBrackets) maxBrackets = brackets;
                    break;
                case ']' or '}':
                    brackets--;
                    break;
            }
            atLineStart = false;
        }
        return 2 * (maxIndent + 1) + maxBrackets < MaxDepth;
    }

    private static void Add(Stack<(string? Anchor, long Values)> open, long values)
    {
        if (open.Count == 0) return;
        var (anchor, count) = open.Pop();
        open.Push((anchor, Math.Min(count + values, long.MaxValue / 2)));
    }

    private static SourceSpan At(SourceText source, Mark mark) =>
        SourceSpan.At(source, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
}
