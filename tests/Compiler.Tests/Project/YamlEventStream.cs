using System.Globalization;
using ModelForge.Compiler.Project;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>Both readers' event streams as comparable text: every event's type, marks and fields.</summary>
internal static class YamlEventStream
{
    /// <summary>YamlDotNet's own parser, as <see cref="YamlDocumentLoader"/> runs it; null when it throws.</summary>
    public static List<string>? Reference(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var events = new List<string>();
        try
        {
            while (parser.MoveNext()) events.Add(Describe(parser.Current!));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        return events;
    }

    /// <summary>The fast reader's events; null when it leaves the text to YamlDotNet.</summary>
    public static List<string>? Fast(string text) =>
        YamlFastParser.TryParse(text, out var events) ? events.Select(Describe).ToList() : null;

    /// <remarks>
    /// Everything but a scalar's IsKey: YamlDotNet's parser flags (and interns) keys for its
    /// deserializer; the fast reader does not, and the node tree never reads the flag.
    /// </remarks>
    public static string Describe(ParsingEvent e)
    {
        var at = $"{Mark(e.Start)}-{Mark(e.End)}";
        return e switch
        {
            Scalar s => $"Scalar {at} anchor={s.Anchor} tag={s.Tag} style={s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} value={Quote(s.Value)}",
            MappingStart m => $"MappingStart {at} anchor={m.Anchor} tag={m.Tag} implicit={m.IsImplicit} style={m.Style}",
            SequenceStart q => $"SequenceStart {at} anchor={q.Anchor} tag={q.Tag} implicit={q.IsImplicit} style={q.Style}",
            // An implicit document's tag handles are the two defaults, which the node tree never reads
            // (the fast reader leaves them out: building them compiles a regex).
            DocumentStart { IsImplicit: true } d => $"DocumentStart {at} implicit=True version={d.Version?.Version}",
            DocumentStart d => $"DocumentStart {at} implicit={d.IsImplicit} version={d.Version?.Version} tags={string.Join(",", d.Tags?.Select(t => t.Handle + "=" + t.Prefix) ?? [])}",
            DocumentEnd d => $"DocumentEnd {at} implicit={d.IsImplicit}",
            AnchorAlias a => $"Alias {at} {a.Value}",
            _ => $"{e.GetType().Name} {at}",
        };
    }

    private static string Mark(Mark m) => string.Create(CultureInfo.InvariantCulture, $"({m.Index},{m.Line},{m.Column})");

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\"", "\\\"") + "\"";
}
