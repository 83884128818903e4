using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph.Selection;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.State;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Graph.Selection;

/// <summary>
/// A small shop project on disk: sources raw.orders/raw.payments, a seed, staging and mart models,
/// a generic and a singular test. Compiles it and evaluates selectors over it.
/// </summary>
internal sealed class SelectionFixture : IDisposable
{
    public SelectionFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "forge-selection-tests", Guid.NewGuid().ToString("N")[..12]);
        Write("forge_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\ntest-paths: [tests]\n");
        Write("seeds/raw_customers.csv", "id,name\n1,a\n");
        Write("models/staging/_sources.yml", """
            version: 2
            sources:
              - name: raw
                tables:
                  - name: orders
                  - name: payments
            """);
        Write("models/staging/stg_orders.sql", "{{ config(tags=['nightly']) }}\nselect * from {{ source('raw', 'orders') }}");
        Write("models/staging/stg_payments.sql", "select * from {{ source('raw', 'payments') }}");
        Write("models/staging/stg_customers.sql", "select * from {{ ref('raw_customers') }}");
        Write("models/marts/orders.sql", "{{ config(materialized='table', tags=['finance']) }}\nselect o.*, {{ cents('p.amount') }} as amount from {{ ref('stg_orders') }} o join {{ ref('stg_payments') }} p using (id)");
        Write("models/marts/customers.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('stg_customers') }} join {{ ref('orders') }} using (id)");
        Write("models/marts/report.sql", "select * from {{ ref('customers') }}");
        Write("models/marts/_schema.yml", """
            version: 2
            models:
              - name: orders
                description: One row per order.
                columns:
                  - name: id
                    data_tests: [not_null]
            """);
        Write("macros/cents.sql", "{% macro cents(column) %}({{ column }} * 100){% endmacro %}\n\n{% macro unused() %}1{% endmacro %}\n");
        Write("tests/assert_positive.sql", "select * from {{ ref('orders') }} where amount < 0");
    }

    public string Root { get; }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    public CompiledProject Compile()
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = Root, HomeDirectory = Path.Combine(Root, ".home"), Environment = _ => null,
        }, diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Command = "build", Environment = _ => null }, diagnostics);
        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        return compiled!;
    }

    /// <summary>Names (unique ids for sources and tests) of what <paramref name="select"/> selects, sorted.</summary>
    public static IReadOnlyList<string> Names(CompiledProject project, string select, string? exclude = null,
        StateComparison? state = null, SelectorsFile? selectors = null, string? selector = null) =>
        Names(project, Select(project, select, exclude, state, selectors, selector, out _)!);

    public static IReadOnlySet<string>? Select(CompiledProject project, string select, string? exclude, StateComparison? state,
        SelectorsFile? selectors, string? selector, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var selected = NodeSelection.Select(project, new SelectionOptions
        {
            Select = select.Length == 0 ? [] : [select],
            Exclude = exclude is null ? [] : [exclude],
            State = state,
            Selectors = selectors,
            Selector = selector,
        }, bag);
        diagnostics = bag.ToList();
        return selected;
    }

    public static IReadOnlyList<string> Names(CompiledProject project, IReadOnlySet<string> ids) =>
        ids.Select(id => project.Nodes[id]).Select(n => n.ResourceType is ResourceType.Model or ResourceType.Seed ? n.Name : n.UniqueId)
            .Order(StringComparer.Ordinal).ToList();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
