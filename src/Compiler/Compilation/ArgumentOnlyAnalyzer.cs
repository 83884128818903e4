using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Proves from its syntax tree that a naming macro (<c>generate_schema_name(custom, node)</c> and
/// the like) returns a value that depends only on its first argument and <c>target</c>, so
/// <see cref="RelationNamer"/> can call it once per custom name instead of once per node.
/// Conservative: the body may read only its own parameters (not the second, the node), names it
/// set itself, <c>target</c> and literals, through pure filters, tests and string methods;
/// anything else (node, model, this, config, var, env_var, adapter, other macros, log,
/// exceptions, imports, call blocks) means "not proven", and the macro runs per node.
/// </summary>
internal static class ArgumentOnlyAnalyzer
{
    // Read-only and the same for every node of one compile.
    private static readonly HashSet<string> PureGlobals = new(StringComparer.Ordinal) { "target" };

    private static readonly HashSet<string> PureFilters = new(StringComparer.Ordinal)
    {
        "trim", "lower", "upper", "replace", "default", "d", "string", "length", "count", "join", "first", "last",
        "list", "title", "capitalize", "int", "float", "reverse", "truncate", "abs", "round",
    };

    private static readonly HashSet<string> PureTests = new(StringComparer.Ordinal)
    {
        "none", "defined", "undefined", "string", "number", "mapping", "sequence", "iterable", "true", "false",
        "boolean", "integer", "float", "eq", "equalto", "ne", "in", "lower", "upper", "odd", "even", "divisibleby",
        "sameas", "gt", "lt", "ge", "le", "greaterthan", "lessthan",
    };

    // Methods that read their receiver and return a new value (no mutation, no I/O).
    private static readonly HashSet<string> PureMethods = new(StringComparer.Ordinal)
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "replace", "startswith", "endswith", "split", "join",
        "format", "title", "capitalize", "get", "keys", "values", "items",
    };

    public static bool DependsOnlyOnArgument(MacroDefinition macro)
    {
        if (macro.UsesCaller || macro.UsesVarargs || macro.UsesKwargs || macro.Parameters.Count == 0) return false;
        var scope = new HashSet<string>(StringComparer.Ordinal) { macro.Parameters[0].Name };
        // The second parameter is the node: never in scope. Later ones take their defaults.
        for (var i = 1; i < macro.Parameters.Count; i++)
        {
            if (macro.Parameters[i].Default is { } value && !IsPure(value, scope)) return false;
        }
        for (var i = 2; i < macro.Parameters.Count; i++) scope.Add(macro.Parameters[i].Name);
        return ArePure(macro.Body, scope);
    }

    // Names set inside a block stay in that block's copy of the scope: a name set only on one
    // branch must not hide a context global read after the block.
    private static bool ArePure(IReadOnlyList<Statement> body, HashSet<string> outer)
    {
        var scope = new HashSet<string>(outer, StringComparer.Ordinal);
        foreach (var statement in body)
        {
            if (!IsPure(statement, scope)) return false;
        }
        return true;
    }

    private static bool IsPure(Statement statement, HashSet<string> scope)
    {
        switch (statement)
        {
            case TextStatement or BreakStatement or ContinueStatement:
                return true;
            case OutputStatement output:
                return IsPure(output.Value, scope);
            case DoStatement action:
                return IsPure(action.Value, scope);
            case SetStatement set:
                return IsPure(set.Value, scope) && Bind(set.Target, scope);
            case SetBlockStatement setBlock:
                return setBlock.Filters.All(f => IsPure(f, scope)) && ArePure(setBlock.Body, scope) && Bind(setBlock.Target, scope);
            case IfStatement branches:
                return branches.Branches.All(b => IsPure(b.Condition, scope) && ArePure(b.Body, scope))
                    && (branches.Else is null || ArePure(branches.Else, scope));
            case ForStatement loop when !loop.Recursive:
                if (!IsPure(loop.Iterable, scope)) return false;
                var inner = new HashSet<string>(scope, StringComparer.Ordinal) { "loop" };
                if (!Bind(loop.Target, inner)) return false;
                return (loop.Condition is null || IsPure(loop.Condition, inner)) && ArePure(loop.Body, inner)
                    && (loop.Else is null || ArePure(loop.Else, scope));
            case FilterBlockStatement filtered:
                return filtered.Filters.All(f => IsPure(f, scope)) && ArePure(filtered.Body, scope);
            default:
                return false;
        }
    }

    // Only plain names (and tuples of them) become locals; `set ns.attr = …` writes into an object.
    private static bool Bind(Expression target, HashSet<string> scope)
    {
        switch (target)
        {
            case NameExpression name:
                scope.Add(name.Name);
                return true;
            case TupleExpression tuple:
                return tuple.Items.All(item => Bind(item, scope));
            default:
                return false;
        }
    }

    private static bool IsPure(Expression expression, HashSet<string> scope) => expression switch
    {
        LiteralExpression => true,
        NameExpression name => scope.Contains(name.Name) || PureGlobals.Contains(name.Name),
        AttributeExpression attribute => IsPure(attribute.Target, scope),
        ItemExpression item => IsPure(item.Target, scope) && IsPure(item.Index, scope),
        SliceExpression slice => IsPure(slice.Target, scope) && IsPureOrAbsent(slice.Start, scope)
            && IsPureOrAbsent(slice.Stop, scope) && IsPureOrAbsent(slice.Step, scope),
        UnaryExpression unary => IsPure(unary.Operand, scope),
        BinaryExpression binary => IsPure(binary.Left, scope) && IsPure(binary.Right, scope),
        CompareExpression compare => IsPure(compare.First, scope) && compare.Rest.All(c => IsPure(c.Right, scope)),
        ConditionalExpression conditional => IsPure(conditional.Test, scope) && IsPure(conditional.Then, scope)
            && IsPureOrAbsent(conditional.Else, scope),
        ListExpression list => list.Items.All(i => IsPure(i, scope)),
        TupleExpression tuple => tuple.Items.All(i => IsPure(i, scope)),
        DictExpression dict => dict.Entries.All(e => IsPure(e.Key, scope) && IsPure(e.Value, scope)),
        FilterExpression filter => PureFilters.Contains(filter.Name) && IsPureOrAbsent(filter.Value, scope)
            && AreArgumentsPure(filter.Arguments, scope),
        TestExpression test => PureTests.Contains(test.Name) && IsPure(test.Value, scope) && AreArgumentsPure(test.Arguments, scope),
        CallExpression call => IsPureCallee(call.Callee, scope) && AreArgumentsPure(call.Arguments, scope),
        _ => false,
    };

    // `return(x)` (unless a local shadows it) and pure methods of a pure receiver; no other calls.
    private static bool IsPureCallee(Expression callee, HashSet<string> scope) => callee switch
    {
        NameExpression { Name: "return" } => !scope.Contains("return"),
        AttributeExpression method => PureMethods.Contains(method.Name) && IsPure(method.Target, scope),
        _ => false,
    };

    private static bool AreArgumentsPure(IReadOnlyList<Argument> arguments, HashSet<string> scope) =>
        arguments.All(a => IsPure(a.Value, scope));

    private static bool IsPureOrAbsent(Expression? expression, HashSet<string> scope) =>
        expression is null || IsPure(expression, scope);
}
