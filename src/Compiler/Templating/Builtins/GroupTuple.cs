using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>One group of <c>|groupby</c>: a (grouper, list) tuple that also has those two attributes.</summary>
internal sealed class GroupTuple : List<object?>, ITemplateObject
{
    public GroupTuple(object? grouper, List<object?> list)
        : base(2)
    {
        Add(grouper);
        Add(list);
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "grouper" => this[0],
            "list" => this[1],
            _ => null,
        };
        return name is "grouper" or "list";
    }
}
