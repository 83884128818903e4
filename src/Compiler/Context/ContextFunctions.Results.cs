using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

internal static partial class ContextFunctions
{
    // While parsing nothing runs and run_query gives none, as dbt's statement() skips when not executing.
    private static QueryResult? RunQuery(RenderState state, CallArguments a)
    {
        var sql = TemplateValues.Str(Args.Value(a, 0, "sql", "run_query", "run_query('select …')"));
        if (!state.Executing) return null;
        var adapter = state.Project.Adapter ?? throw ContextErrors.NoConnection("run_query()", a.CallSpan);
        return Printable(state, AtCall(a, () => adapter.Query(sql)), a);
    }

    // print_table() writes where print() does, at the call that fetched the table.
    private static QueryResult Printable(RenderState state, QueryResult table, CallArguments a)
    {
        table.Printer = text => state.Project.Log?.Invoke(new ContextMessage(ContextMessageKind.Print, text, state.Node.UniqueId, a.CallSpan));
        return table;
    }

    /// <summary>A database error raised by the adapter has no position of its own: it is the call's.</summary>
    private static T AtCall<T>(CallArguments a, Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Diagnostics.DiagnosticException e) when (e.Diagnostic.Span is null)
        {
            throw new Diagnostics.DiagnosticException(e.Diagnostic with { Span = a.CallSpan });
        }
    }

    /// <summary><c>adapter.execute(sql, auto_begin=False, fetch=False)</c> → (response, table).</summary>
    internal static object?[] Execute(RenderState state, CallArguments a)
    {
        var sql = TemplateValues.Str(Args.Value(a, 0, "sql", "adapter.execute", "adapter.execute(sql, fetch=True)"));
        var adapter = state.Project.Adapter ?? throw ContextErrors.NoConnection("adapter.execute()", a.CallSpan);
        if (Args.Bool(a, 2, "fetch", false))
        {
            var table = Printable(state, AtCall(a, () => adapter.Query(sql)), a);
            return [new AdapterResponse("OK", table.Count), table];
        }
        return [AtCall(a, () => adapter.Execute(sql)), QueryResult.Empty];
    }

    private static string StoreResult(RenderState state, CallArguments a)
    {
        var name = Args.String(a, 0, "name", "store_result", "store_result('name', response=…, agate_table=…)");
        var table = a.Get(2, "agate_table") as QueryResult ?? QueryResult.Empty;
        state.Results[name] = ResultDict(a.Get(1, "response"), table);
        return "";
    }

    private static string StoreRawResult(RenderState state, CallArguments a)
    {
        const string usage = "store_raw_result('name', message=…, code=…, rows_affected=…, agate_table=…)";
        var name = Args.String(a, 0, "name", "store_raw_result", usage);
        var response = new AdapterResponse(
            Args.OptionalString(a, 1, "message", "store_raw_result", usage) ?? "",
            Args.OptionalInt(a, 3, "rows_affected", "store_raw_result", usage),
            Args.OptionalString(a, 2, "code", "store_raw_result", usage));
        state.Results[name] = ResultDict(response, a.Get(4, "agate_table") as QueryResult ?? QueryResult.Empty);
        return "";
    }

    // dbt's shape: {'response': …, 'data': [tuples], 'table': agate table}.
    private static Dictionary<string, object?> ResultDict(object? response, QueryResult table) => new(StringComparer.Ordinal)
    {
        ["response"] = response,
        ["data"] = table.Rows.Select(r => (object?)r.ToArray()).ToList(),
        ["table"] = table,
    };

    private static object? LoadResult(RenderState state, CallArguments a)
    {
        var name = Args.String(a, 0, "name", "load_result", "load_result('name')");
        return state.Results.GetValueOrDefault(name);
    }
}
