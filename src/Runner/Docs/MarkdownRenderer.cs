using System.Text;

namespace ModelForge.Runner.Docs;

/// <summary>
/// A small Markdown renderer for descriptions and docs blocks: ATX headings, paragraphs, bullet
/// and numbered lists, fenced and indented code, block quotes, pipe tables, and inline code,
/// links, bold and italics. Every piece of text is HTML-escaped; raw HTML is shown, not run.
/// </summary>
internal static partial class MarkdownRenderer
{
    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var html = new StringBuilder(markdown.Length + 64);
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0) { i++; continue; }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) { i = FencedCode(lines, i, html); continue; }
            if (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t')) { i = IndentedCode(lines, i, html); continue; }
            if (HeadingLevel(trimmed) is > 0 and var level)
            {
                html.Append("<h").Append(level).Append('>');
                Inline(trimmed[level..].Trim().TrimEnd('#').TrimEnd(), html);
                html.Append("</h").Append(level).Append(">\n");
                i++;
                continue;
            }
            if (trimmed.StartsWith('>')) { i = Quote(lines, i, html); continue; }
            if (ListMarker(line, out _, out _) is not null) { i = List(lines, i, html); continue; }
            if (trimmed.StartsWith('|') && i + 1 < lines.Length && IsTableRule(lines[i + 1])) { i = Table(lines, i, html); continue; }
            if (IsRule(trimmed)) { html.Append("<hr>\n"); i++; continue; }
            i = Paragraph(lines, i, html);
        }
        return html.ToString();
    }

    private static int HeadingLevel(string trimmed)
    {
        var level = 0;
        while (level < trimmed.Length && level < 7 && trimmed[level] == '#') level++;
        return level is >= 1 and <= 6 && (level == trimmed.Length || trimmed[level] == ' ') ? level : 0;
    }

    private static bool IsRule(string trimmed) =>
        trimmed.Length >= 3 && (trimmed.All(c => c == '-' || c == ' ') || trimmed.All(c => c == '*' || c == ' ') || trimmed.All(c => c == '_' || c == ' '))
        && trimmed.Count(c => c != ' ') >= 3;

    private static int FencedCode(string[] lines, int i, StringBuilder html)
    {
        var fence = lines[i].TrimStart()[..3];
        var language = lines[i].TrimStart()[3..].Trim();
        html.Append(language.Length > 0 ? $"<pre><code class=\"language-{Escape(language)}\">" : "<pre><code>");
        i++;
        var first = true;
        while (i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal))
        {
            if (!first) html.Append('\n');
            html.Append(Escape(lines[i]));
            first = false;
            i++;
        }
        html.Append("</code></pre>\n");
        return Math.Min(i + 1, lines.Length);
    }

    private static int IndentedCode(string[] lines, int i, StringBuilder html)
    {
        html.Append("<pre><code>");
        var first = true;
        while (i < lines.Length && (lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i].StartsWith('\t') || lines[i].Trim().Length == 0))
        {
            if (lines[i].Trim().Length == 0 && (i + 1 >= lines.Length || !(lines[i + 1].StartsWith("    ", StringComparison.Ordinal) || lines[i + 1].StartsWith('\t')))) break;
            if (!first) html.Append('\n');
            html.Append(Escape(lines[i].StartsWith('\t') ? lines[i][1..] : lines[i].Length >= 4 ? lines[i][4..] : ""));
            first = false;
            i++;
        }
        html.Append("</code></pre>\n");
        return i;
    }

    private static int Quote(string[] lines, int i, StringBuilder html)
    {
        var inner = new StringBuilder();
        while (i < lines.Length && lines[i].TrimStart().StartsWith('>'))
        {
            var text = lines[i].TrimStart()[1..];
            inner.Append(text.StartsWith(' ') ? text[1..] : text).Append('\n');
            i++;
        }
        html.Append("<blockquote>\n").Append(Render(inner.ToString())).Append("</blockquote>\n");
        return i;
    }

    /// <summary>The marker of a list item line (<c>-</c>, <c>*</c>, <c>+</c> or <c>1.</c>), or null.</summary>
    private static string? ListMarker(string line, out int indent, out int contentStart)
    {
        indent = 0;
        while (indent < line.Length && line[indent] == ' ') indent++;
        contentStart = 0;
        if (indent >= line.Length) return null;
        var c = line[indent];
        if ((c == '-' || c == '*' || c == '+') && indent + 1 < line.Length && line[indent + 1] == ' ')
        {
            contentStart = indent + 2;
            return "ul";
        }
        var digits = indent;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        if (digits > indent && digits + 1 < line.Length && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
        {
            contentStart = digits + 2;
            return "ol";
        }
        return null;
    }

    private static int List(string[] lines, int i, StringBuilder html)
    {
        var kind = ListMarker(lines[i], out var baseIndent, out _)!;
        html.Append('<').Append(kind).Append(">\n");
        while (i < lines.Length)
        {
            var marker = ListMarker(lines[i], out var indent, out var start);
            if (marker != kind || indent != baseIndent) break;
            // An item is its first line plus the lines indented under it (continuations, nested lists).
            var item = new StringBuilder(lines[i][start..]);
            i++;
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                ListMarker(lines[i], out var nextIndent, out _);
                var isSibling = ListMarker(lines[i], out _, out _) is not null && nextIndent <= baseIndent;
                if (isSibling || (nextIndent <= baseIndent && HeadingLevel(lines[i].TrimStart()) > 0)) break;
                item.Append('\n').Append(lines[i].Length > start ? lines[i][Math.Min(start, nextIndent)..] : lines[i].TrimStart());
                i++;
            }
            html.Append("<li>");
            var text = item.ToString();
            if (text.Contains('\n') && text.Split('\n').Skip(1).Any(l => ListMarker(l, out _, out _) is not null))
            {
                var firstBreak = text.IndexOf('\n');
                Inline(text[..firstBreak], html);
                html.Append('\n').Append(Render(text[(firstBreak + 1)..]));
            }
            else
            {
                Inline(text.Replace('\n', ' '), html);
            }
            html.Append("</li>\n");
            // A blank line between items keeps the list going.
            if (i + 1 < lines.Length && lines[i].Trim().Length == 0 && ListMarker(lines[i + 1], out var after, out _) == kind && after == baseIndent) i++;
        }
        html.Append("</").Append(kind).Append(">\n");
        return i;
    }

    private static bool IsTableRule(string line)
    {
        var t = line.Trim();
        return t.Length >= 3 && t.Contains('-') && t.All(c => c is '|' or '-' or ':' or ' ');
    }

    private static List<string> Cells(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|')) t = t[..^1];
        return t.Split('|').Select(c => c.Trim()).ToList();
    }

    private static int Table(string[] lines, int i, StringBuilder html)
    {
        var header = Cells(lines[i]);
        var aligns = Cells(lines[i + 1]).Select(c => c.StartsWith(':') && c.EndsWith(':') ? "center" : c.EndsWith(':') ? "right" : c.StartsWith(':') ? "left" : null).ToList();
        html.Append("<table>\n<thead><tr>");
        for (var c = 0; c < header.Count; c++) Cell("th", header[c], c < aligns.Count ? aligns[c] : null, html);
        html.Append("</tr></thead>\n<tbody>\n");
        i += 2;
        while (i < lines.Length && lines[i].TrimStart().StartsWith('|'))
        {
            var cells = Cells(lines[i]);
            html.Append("<tr>");
            for (var c = 0; c < header.Count; c++) Cell("td", c < cells.Count ? cells[c] : "", c < aligns.Count ? aligns[c] : null, html);
            html.Append("</tr>\n");
            i++;
        }
        html.Append("</tbody>\n</table>\n");
        return i;
    }

    private static void Cell(string tag, string text, string? align, StringBuilder html)
    {
        html.Append('<').Append(tag);
        if (align is not null) html.Append(" style=\"text-align:").Append(align).Append('"');
        html.Append('>');
        Inline(text, html);
        html.Append("</").Append(tag).Append('>');
    }

    private static int Paragraph(string[] lines, int i, StringBuilder html)
    {
        var text = new StringBuilder();
        while (i < lines.Length)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length == 0 || HeadingLevel(trimmed) > 0 || trimmed.StartsWith("```", StringComparison.Ordinal)
                || trimmed.StartsWith('>') || (text.Length > 0 && ListMarker(lines[i], out _, out _) is not null)
                || (trimmed.StartsWith('|') && i + 1 < lines.Length && IsTableRule(lines[i + 1]))) break;
            if (text.Length > 0) text.Append('\n');
            text.Append(lines[i].Trim());
            i++;
        }
        html.Append("<p>");
        Inline(text.ToString(), html);
        html.Append("</p>\n");
        return i;
    }
}
