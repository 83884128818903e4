using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

/// <summary>
/// A root project <c>shop</c> with a hand-written package <c>shop_utils</c> installed under
/// dbt_packages/, shaped like dbt_utils: a dispatched macro with default__/duckdb__ variants that
/// calls a sibling unqualified, a var default, a model, a seed, schema YAML with a generic test.
/// </summary>
internal sealed class PackageProject : IDisposable
{
    public const string Package = "dbt_packages/shop_utils";

    public PackageProject(string rootYaml = "name: shop\nprofile: shop\n")
    {
        Directory = new TempProjectDirectory(rootYaml);
        Directory.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      schema: main\n");
        WritePackage("dbt_project.yml", """
            name: shop_utils
            version: '1.0.0'
            config-version: 2
            require-dbt-version: [">=1.3.0", "<2.0.0"]
            vars:
              shop_utils_label: package_default
              shared: package_default
            models:
              shop_utils:
                +materialized: table
                +tags: ['from_package']
            """);
        WritePackage("macros/star.sql", """
            {% macro star(columns) %}{{ return(adapter.dispatch('star', 'shop_utils')(columns)) }}{% endmacro %}
            {% macro default__star(columns) %}{{ join_columns(columns) }}{% endmacro %}
            {% macro duckdb__star(columns) %}{{ join_columns(columns) }} /* duckdb */{% endmacro %}
            """);
        WritePackage("macros/join_columns.sql", "{% macro join_columns(columns) %}{{ columns | join(', ') }}{% endmacro %}\n");
        WritePackage("macros/generic.sql", """
            {% test is_positive(model, column_name) %}
            select * from {{ model }} where {{ column_name }} <= 0
            {% endtest %}
            """);
        WritePackage("models/staging/util_numbers.sql", "select 1 as n, '{{ var('shop_utils_label') }}' as label\n");
        WritePackage("models/schema.yml", """
            version: 2
            models:
              - name: util_numbers
                description: Numbers from the package.
                columns:
                  - name: n
                    data_tests:
                      - is_positive
            """);
        WritePackage("seeds/util_codes.csv", "code,label\n1,one\n2,two\n");
    }

    public TempProjectDirectory Directory { get; }

    public PackageProject Write(string path, string text)
    {
        Directory.Write(path, text);
        return this;
    }

    public PackageProject WritePackage(string path, string text) => Write($"{Package}/{path}", text);

    public (CompiledProject? Project, IReadOnlyList<Diagnostic> Diagnostics) Compile(IReadOnlyDictionary<string, object?>? cliVars = null)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(Directory.Options(profilesDir: Directory.Root, cliVars: cliVars), diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Environment = _ => null }, diagnostics);
        return (compiled, diagnostics.ToList());
    }

    public CompiledProject CompileOk(IReadOnlyDictionary<string, object?>? cliVars = null)
    {
        var (project, diagnostics) = Compile(cliVars);
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        return project!;
    }

    public static string Render(CompiledProject project, string uniqueId) =>
        new NodeCompiler(project).Render(project.Nodes[uniqueId]).Text.Trim();

    public void Dispose() => Directory.Dispose();
}
