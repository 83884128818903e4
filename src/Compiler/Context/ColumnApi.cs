using System.Text.RegularExpressions;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// <c>api.Column</c>: the target's Column class. Calling it builds a column
/// (<c>api.Column('id', 'integer')</c>, or with char_size/numeric_precision/numeric_scale); its class
/// methods are <c>create</c>, <c>translate_type</c>, <c>string_type</c>, <c>numeric_type</c> and
/// <c>from_description</c>, also reachable on every column.
/// </summary>
internal sealed partial class ColumnApi(ColumnFlavor flavor, RelationQuoting quoting) : ICallable, ITemplateObject
{
    private const string Usage = "api.Column('name', 'varchar', char_size=…, numeric_precision=…, numeric_scale=…)";

    public object? Call(CallArguments a)
    {
        var name = a.Get(0, "column", out var found);
        if (!found) name = Args.Value(a, 0, "name", "api.Column", Usage);
        return New(TemplateValues.Str(name), Args.String(a, 1, "dtype", "api.Column", Usage),
            Args.OptionalInt(a, 2, "char_size", "api.Column", Usage),
            Args.OptionalInt(a, 3, "numeric_precision", "api.Column", Usage),
            Args.OptionalInt(a, 4, "numeric_scale", "api.Column", Usage));
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = ClassMember(flavor, quoting, name);
        return value is not null;
    }

    private Column New(string name, string dtype, long? charSize = null, long? precision = null, long? scale = null) =>
        new(name, dtype, charSize, precision, scale) { Flavor = flavor, Quoting = quoting };

    /// <summary>The class-level methods, for <c>api.Column.x</c> and <c>column.x</c> alike; null for other names.</summary>
    internal static object? ClassMember(ColumnFlavor flavor, RelationQuoting quoting, string name)
    {
        var api = new ColumnApi(flavor, quoting);
        return name switch
        {
            "translate_type" => new Function("translate_type", a => flavor.TranslateType(Args.String(a, 0, "dtype", "translate_type", "api.Column.translate_type('string')"))),
            "create" => new Function("create", a => api.New(
                Args.String(a, 0, "name", "api.Column.create", "api.Column.create('name', 'string')"),
                flavor.TranslateType(Args.String(a, 1, "label_or_dtype", "api.Column.create", "api.Column.create('name', 'string')")))),
            "string_type" => new Function("string_type", a => flavor.StringType(Args.OptionalInt(a, 0, "size", "string_type", "api.Column.string_type(255)") ?? 0)),
            "numeric_type" => new Function("numeric_type", a => Column.NumericType(
                Args.String(a, 0, "dtype", "numeric_type", "api.Column.numeric_type('numeric', 18, 2)"), a.Get(1, "precision"), a.Get(2, "scale"))),
            "from_description" => new Function("from_description", api.FromDescription),
            _ => null,
        };
    }

    // 'varchar(20)' → char_size 20; 'numeric(18,2)' → precision 18, scale 2; the dtype is the part before '('.
    private Column FromDescription(CallArguments a)
    {
        const string usage = "api.Column.from_description('name', 'varchar(20)')";
        var name = Args.String(a, 0, "name", "from_description", usage);
        var raw = Args.String(a, 1, "raw_data_type", "from_description", usage);
        var match = Description().Match(raw);
        if (!match.Success || !match.Groups[2].Success) return New(name, match.Success ? match.Groups[1].Value : raw);
        var parts = match.Groups[2].Value.Split(',');
        long? Part(int i) => long.TryParse(parts[i].Trim(), out var n) ? n : throw Args.WrongType(a, "from_description", "raw_data_type", "a type with integer sizes", raw, usage);
        return parts.Length switch
        {
            1 => New(name, match.Groups[1].Value, charSize: Part(0)),
            2 => New(name, match.Groups[1].Value, precision: Part(0), scale: Part(1)),
            _ => New(name, match.Groups[1].Value),
        };
    }

    [GeneratedRegex(@"^([^(]+)(?:\(([^)]+)\))?")]
    private static partial Regex Description();

    public override string ToString() => $"<class '{flavor.ClassName}'>";
}
