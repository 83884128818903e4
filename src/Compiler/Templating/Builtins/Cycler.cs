using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Jinja's <c>cycler(a, b)</c>: <c>next()</c> walks the items round and round; <c>current</c> peeks.</summary>
internal sealed class Cycler(IReadOnlyList<object?> items) : ITemplateObject
{
    private int _position;

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "current":
                value = items[_position];
                return true;
            case "next":
                value = new TemplateFunction("cycler.next", _ =>
                {
                    var item = items[_position];
                    _position = (_position + 1) % items.Count;
                    return item;
                });
                return true;
            case "reset":
                value = new TemplateFunction("cycler.reset", _ =>
                {
                    _position = 0;
                    return null;
                });
                return true;
            default:
                value = null;
                return false;
        }
    }
}
