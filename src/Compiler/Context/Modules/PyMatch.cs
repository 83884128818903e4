using System.Text.RegularExpressions;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>Python's <c>re.Match</c>: group(), groups(), groupdict(), start(), end(), span().</summary>
internal sealed class PyMatch(Match match, PyPattern pattern) : ITemplateObject
{
    public Match Match { get; } = match;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "group" => new Function("group", a => a.Positional.Count <= 1
                ? GroupValue(a.Positional.Count == 0 ? 0L : a.Positional[0])
                : a.Positional.Select(GroupValue).ToArray()),
            "groups" => new Function("groups", a => Numbered().Select(g => g.Success ? g.Value : a.Get(0, "default")).ToArray()),
            "groupdict" => new Function("groupdict", a => Named().ToDictionary(n => n, n => Group(n).Success ? (object?)Group(n).Value : a.Get(0, "default"))),
            "start" => new Function("start", a => (long)Group(a.Get(0, "group", 0L)).Index),
            "end" => new Function("end", a => (long)(Group(a.Get(0, "group", 0L)).Index + Group(a.Get(0, "group", 0L)).Length)),
            "span" => new Function("span", a => new object?[] { (long)Group(a.Get(0, "group", 0L)).Index, (long)(Group(a.Get(0, "group", 0L)).Index + Group(a.Get(0, "group", 0L)).Length) }),
            "string" => Match.Result("$_"),
            "__getitem__" => new Function("__getitem__", a => GroupValue(a.Get(0, "group"))),
            _ => null,
        };
        return value is not null;
    }

    private IEnumerable<Group> Numbered() => Enumerable.Range(1, Match.Groups.Count - 1).Select(i => Match.Groups[i]);

    private IEnumerable<string> Named() => pattern.GroupNames.Keys;

    private Group Group(object? key) => key switch
    {
        long l => Match.Groups[(int)l],
        string s => Match.Groups[pattern.GroupNames.TryGetValue(s, out var n) ? n : -1],
        _ => Match.Groups[0],
    };

    private object? GroupValue(object? key)
    {
        var group = Group(key);
        return group.Success ? group.Value : null;
    }

    public override string ToString() => $"<re.Match object; span=({Match.Index}, {Match.Index + Match.Length}), match={TemplateValues.Repr(Match.Value)}>";
}
