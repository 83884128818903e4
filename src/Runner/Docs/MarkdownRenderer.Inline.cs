using System.Text;

namespace ModelForge.Runner.Docs;

internal static partial class MarkdownRenderer
{
    /// <summary>Inline spans: `code`, [text](url), **bold**, *italic* / _italic_, line breaks.</summary>
    private static void Inline(string text, StringBuilder html)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsPunctuation(text[i + 1]))
            {
                AppendEscaped(text[i + 1], html);
                i += 2;
                continue;
            }
            if (c == '`')
            {
                var ticks = 1;
                while (i + ticks < text.Length && text[i + ticks] == '`') ticks++;
                var close = text.IndexOf(new string('`', ticks), i + ticks, StringComparison.Ordinal);
                if (close > 0)
                {
                    html.Append("<code>").Append(Escape(text[(i + ticks)..close].Trim())).Append("</code>");
                    i = close + ticks;
                    continue;
                }
            }
            if (c == '[' && TryLink(text, i, html, out var afterLink)) { i = afterLink; continue; }
            if ((c == '*' || c == '_') && i + 1 < text.Length && text[i + 1] == c && TryDelimited(text, i, new string(c, 2), "strong", html, out var afterStrong)) { i = afterStrong; continue; }
            if ((c == '*' || c == '_') && TryDelimited(text, i, c.ToString(), "em", html, out var afterEm)) { i = afterEm; continue; }
            if (c == '\n')
            {
                // Two trailing spaces mean a hard break; otherwise a newline is a space.
                if (html.Length >= 2 && i >= 2 && text[i - 1] == ' ' && text[i - 2] == ' ') html.Append("<br>");
                html.Append('\n');
                i++;
                continue;
            }
            AppendEscaped(c, html);
            i++;
        }
    }

    private static bool TryDelimited(string text, int at, string delimiter, string tag, StringBuilder html, out int after)
    {
        after = at;
        var start = at + delimiter.Length;
        // Opening delimiters are followed by text, and `_` inside words (snake_case) is never emphasis.
        if (start >= text.Length || char.IsWhiteSpace(text[start])) return false;
        if (delimiter[0] == '_' && at > 0 && char.IsLetterOrDigit(text[at - 1])) return false;
        var close = start;
        while (true)
        {
            close = text.IndexOf(delimiter, close + 1, StringComparison.Ordinal);
            if (close < 0) return false;
            if (char.IsWhiteSpace(text[close - 1])) continue;
            if (delimiter[0] == '_' && close + delimiter.Length < text.Length && char.IsLetterOrDigit(text[close + delimiter.Length])) continue;
            if (delimiter.Length == 1 && close + 1 < text.Length && text[close + 1] == delimiter[0]) { close++; continue; }
            break;
        }
        html.Append('<').Append(tag).Append('>');
        Inline(text[start..close], html);
        html.Append("</").Append(tag).Append('>');
        after = close + delimiter.Length;
        return true;
    }

    private static bool TryLink(string text, int at, StringBuilder html, out int after)
    {
        after = at;
        var depth = 0;
        var close = -1;
        for (var j = at; j < text.Length; j++)
        {
            if (text[j] == '[') depth++;
            else if (text[j] == ']' && --depth == 0) { close = j; break; }
        }
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '(') return false;
        var end = text.IndexOf(')', close + 2);
        if (end < 0) return false;
        var url = text[(close + 2)..end].Trim();
        var space = url.IndexOf(' ');
        if (space > 0) url = url[..space];
        html.Append("<a href=\"").Append(Escape(SafeUrl(url))).Append('"');
        if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase)) html.Append(" target=\"_blank\" rel=\"noopener\"");
        html.Append('>');
        Inline(text[(at + 1)..close], html);
        html.Append("</a>");
        after = end + 1;
        return true;
    }

    /// <summary>Links may go to the web, mail, or a page of the site; script URLs become inert.</summary>
    private static string SafeUrl(string url)
    {
        var colon = url.IndexOf(':');
        var slash = url.IndexOf('/');
        if (colon < 0 || (slash >= 0 && slash < colon)) return url;
        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" ? url : "#";
    }

    private static bool IsPunctuation(char c) => c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '{' or '}' or '<' or '>';

    private static void AppendEscaped(char c, StringBuilder html)
    {
        switch (c)
        {
            case '<': html.Append("&lt;"); break;
            case '>': html.Append("&gt;"); break;
            case '&': html.Append("&amp;"); break;
            case '"': html.Append("&quot;"); break;
            default: html.Append(c); break;
        }
    }

    internal static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 8);
        foreach (var c in text) AppendEscaped(c, html);
        return html.ToString();
    }
}
