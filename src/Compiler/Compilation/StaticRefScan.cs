using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Lexing;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The <c>ref('…')</c> and <c>source('…', '…')</c> calls with literal arguments written in a
/// template, found from its tokens alone (dbt's static parser does the same). A parse render that
/// stops at an undefined name has recorded only the calls before it; the ones after it still order
/// the node after its parents, so they are added from here.
/// </summary>
internal static class StaticRefScan
{
    public static (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) AddMissing(
        Template template, IReadOnlyList<RefCall> refs, IReadOnlyList<SourceCall> sources)
    {
        var tokens = Lexer.Tokenize(template.Source, new DiagnosticBag(), out _);
        try
        {
            return AddMissing(template, tokens, refs, sources);
        }
        finally
        {
            Lexer.Release(tokens);
        }
    }

    private static (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) AddMissing(
        Template template, TokenList tokens, IReadOnlyList<RefCall> refs, IReadOnlyList<SourceCall> sources)
    {
        var allRefs = refs.ToList();
        var allSources = sources.ToList();
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            if (tokens[i + 1].Kind != TokenKind.LParen) continue;
            if (tokens[i].IsName("ref") && Strings(tokens, i + 2) is { Count: 1 or 2 } names)
            {
                var (package, name) = names.Count == 2 ? (names[0], names[1]) : (null, names[0]);
                if (!allRefs.Any(r => r.Name == name && r.Package == package))
                    allRefs.Add(new RefCall(package, name, null, Span(template, tokens, i, names.Count)));
            }
            else if (tokens[i].IsName("source") && Strings(tokens, i + 2) is { Count: 2 } parts
                && !allSources.Any(s => s.Source == parts[0] && s.Table == parts[1]))
            {
                allSources.Add(new SourceCall(parts[0], parts[1], Span(template, tokens, i, 2)));
            }
        }
        return (allRefs, allSources);
    }

    // 'a' ) or 'a' , 'b' ) starting at index; null for anything else (a variable, a keyword argument).
    private static List<string>? Strings(TokenList tokens, int index)
    {
        var values = new List<string>();
        while (index < tokens.Count && tokens[index].Kind == TokenKind.String)
        {
            values.Add((string)tokens[index].Value!);
            index++;
            if (index < tokens.Count && tokens[index].Kind == TokenKind.RParen) return values;
            if (index >= tokens.Count || tokens[index].Kind != TokenKind.Comma) return null;
            index++;
        }
        return null;
    }

    private static SourceSpan Span(Template template, TokenList tokens, int start, int arguments)
    {
        var close = tokens[start + 2 * arguments + 1];
        return new SourceSpan(template.Source, tokens[start].Start, close.End - tokens[start].Start);
    }
}
