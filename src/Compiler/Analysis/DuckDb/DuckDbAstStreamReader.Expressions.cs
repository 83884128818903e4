using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// Expressions: column references, stars, subqueries and lambdas by class, the rest generically
// (every nested expression, in document order, is an input).
internal sealed partial class DuckDbAstStreamReader
{
    // An expression with its alias and, when asked for, the name DuckDB gives it unaliased.
    private readonly record struct Parsed(SqlExpression Expression, string? Alias, string? Name);

    private List<SelectItem> SelectList(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var items = new List<SelectItem>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var item = ExpressionObject(ref reader, wantName: true);
            items.Add(new SelectItem(item.Expression, string.IsNullOrEmpty(item.Alias) ? item.Name : item.Alias));
        }
        return items;
    }

    // Positioned before an expression's StartObject.
    private SqlExpression Expression(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        return ExpressionObject(ref reader, wantName: false).Expression;
    }

    // Positioned on an expression's StartObject, whose first property must be its class.
    private Parsed ExpressionObject(ref Utf8JsonReader reader, bool wantName)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !NextProperty(ref reader) || !reader.ValueTextEquals("class"u8))
        {
            throw Unexpected("an expression whose first field is not its class");
        }
        return ExpressionBody(ref reader, wantName);
    }

    // Positioned on the "class" property name of an expression object.
    private Parsed ExpressionBody(ref Utf8JsonReader reader, bool wantName)
    {
        if (Next(ref reader) != JsonTokenType.String) throw Unexpected("an expression class that is no string");
        if (reader.ValueTextEquals("COLUMN_REF"u8)) return ColumnRef(ref reader);
        if (reader.ValueTextEquals("CONSTANT"u8) || reader.ValueTextEquals("PARAMETER"u8)) return Literal(ref reader);
        if (reader.ValueTextEquals("STAR"u8)) return Star(ref reader);
        if (reader.ValueTextEquals("SUBQUERY"u8)) return Subquery(ref reader);
        if (reader.ValueTextEquals("LAMBDA"u8)) return Lambda(ref reader);
        return Computed(ref reader, wantName && reader.ValueTextEquals("FUNCTION"u8));
    }

    private Parsed ColumnRef(ref Utf8JsonReader reader)
    {
        string? alias = null;
        List<string>? parts = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else if (reader.ValueTextEquals("column_names"u8)) parts = Once(parts, Strings(ref reader));
            else Skip(ref reader);
        }
        parts ??= [];
        // A lambda's own parameter (x in `x -> x + 1`) is no column.
        SqlExpression expression = parts.Count == 1 && _lambdaParameters.Contains(parts[0]) ? ComputedExpression.Literal : new ColumnReference(parts);
        return new Parsed(expression, alias, parts.Count > 0 ? parts[^1] : null);
    }

    private static Parsed Literal(ref Utf8JsonReader reader)
    {
        string? alias = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else Skip(ref reader);
        }
        return new Parsed(ComputedExpression.Literal, alias, null);
    }

    private Parsed Subquery(ref Utf8JsonReader reader)
    {
        string? alias = null;
        QueryNode? query = null;
        SqlExpression? child = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else if (reader.ValueTextEquals("subquery"u8)) query = Once(query, Statement(ref reader));
            else if (!reader.ValueTextEquals("child"u8)) Skip(ref reader);
            else if (Next(ref reader) == JsonTokenType.StartObject) child = Once(child, ExpressionObject(ref reader, wantName: false).Expression);
            else reader.Skip();
        }
        if (query is null) throw Unexpected("a subquery expression without its query");
        return new Parsed(new SubqueryExpression(query, child is null ? [] : [child]), alias, null);
    }

    // x -> body: the parameters are no columns inside the body, so they are known before it is read.
    private Parsed Lambda(ref Utf8JsonReader reader)
    {
        string? alias = null;
        SqlExpression? body = null;
        List<string>? names = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else if (reader.ValueTextEquals("lhs"u8))
            {
                if (names is not null || body is not null) throw Unexpected("lambda parameters after its body");
                var parameters = new List<SqlExpression>();
                Next(ref reader);
                CollectExpressions(ref reader, parameters);
                names = parameters.OfType<ColumnReference>().Select(c => c.Parts[^1]).ToList();
                _lambdaParameters.AddRange(names);
            }
            else if (reader.ValueTextEquals("expr"u8)) body = Once(body, Expression(ref reader));
            else Skip(ref reader);
        }
        if (names is not null) _lambdaParameters.RemoveRange(_lambdaParameters.Count - names.Count, names.Count);
        if (body is null) throw Unexpected("a lambda without its body");
        return new Parsed(new ComputedExpression([body]), alias, null);
    }

    // Any other class: its inputs are every nested expression. For a function call whose
    // unaliased name is wanted, the call as written (lower(name)) when every argument has a name.
    private Parsed Computed(ref Utf8JsonReader reader, bool nameFunction)
    {
        string? alias = null;
        string? functionName = null;
        List<string?>? argumentNames = null;
        var inputs = new List<SqlExpression>();
        while (NextProperty(ref reader))
        {
            // Strings only: DuckDbAstReader would look for expressions inside anything else.
            if (reader.ValueTextEquals("alias"u8)) alias = StringOrNull(ref reader);
            else if (nameFunction && reader.ValueTextEquals("function_name"u8)) functionName = StringOrNull(ref reader);
            else if (nameFunction && reader.ValueTextEquals("children"u8)) argumentNames = Once(argumentNames, NamedArguments(ref reader, inputs));
            else
            {
                Next(ref reader);
                CollectExpressions(ref reader, inputs);
            }
        }
        string? name = null;
        if (argumentNames is not null && argumentNames.TrueForAll(n => n is not null))
        {
            name = functionName == "count_star" ? "count_star()" : $"{functionName}({string.Join(", ", argumentNames)})";
        }
        return new Parsed(new ComputedExpression(inputs), alias, name);
    }

    // A function's children when its name is wanted: each one's name too (null for one that is no expression).
    private List<string?> NamedArguments(ref Utf8JsonReader reader, List<SqlExpression> inputs)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var names = new List<string?>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a function argument that is no object");
            if (NextProperty(ref reader) && reader.ValueTextEquals("class"u8))
            {
                var argument = ExpressionBody(ref reader, wantName: true);
                inputs.Add(argument.Expression);
                names.Add(argument.Name);
            }
            else
            {
                CollectFromProperties(ref reader, inputs);
                names.Add(null);
            }
        }
        return names;
    }

    // Positioned on any value's first token: adds every expression inside it, in document order.
    private void CollectExpressions(ref Utf8JsonReader reader, List<SqlExpression> into)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (!NextProperty(ref reader)) return;
                if (reader.ValueTextEquals("class"u8)) into.Add(ExpressionBody(ref reader, wantName: false).Expression);
                else CollectFromProperties(ref reader, into);
                break;
            case JsonTokenType.StartArray:
                while (Next(ref reader) != JsonTokenType.EndArray) CollectExpressions(ref reader, into);
                break;
        }
    }

    // Positioned on the first property name of an object that is no expression (or at its end).
    private void CollectFromProperties(ref Utf8JsonReader reader, List<SqlExpression> into)
    {
        if (reader.TokenType == JsonTokenType.EndObject) return;
        do
        {
            // "class" after the first field: DuckDbAstReader would read the object as an expression.
            if (reader.ValueTextEquals("class"u8)) throw Unexpected("an expression whose first field is not its class");
            Next(ref reader);
            CollectExpressions(ref reader, into);
        }
        while (NextProperty(ref reader));
    }
}
