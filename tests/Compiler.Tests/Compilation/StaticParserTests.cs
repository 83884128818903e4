using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Tests.Golden;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Compilation.StaticParseComparison;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>
/// The static parser must give what the parse render gives (config with its value types, refs and
/// sources in order, diagnostics), and leave to the render every template it cannot prove the same.
/// </summary>
public sealed class StaticParserTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TempProjectDirectory _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProjectDirectory("name: shop\nvars:\n  start: '2020-01-01'\n  days: 7\n");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [TestCaseSource(typeof(StaticParseComparison), nameof(StaticParseComparison.Projects))]
    public void Compiling_with_the_static_parser_gives_what_rendering_every_model_gives(string project)
    {
        var root = RepositoryRoot.Resolve(project);
        var (withStatic, staticDiagnostics) = Compile(root, staticParse: true);
        var (rendered, renderDiagnostics) = Compile(root, staticParse: false);

        Assert.That(staticDiagnostics, Is.EqualTo(renderDiagnostics));
        Assert.That(Describe(withStatic), Is.EqualTo(Describe(rendered)));
    }

    [Test]
    public void The_demo_project_takes_the_static_path_for_some_of_its_models()
    {
        var (parsed, total) = StaticShare(RepositoryRoot.Path);

        Assert.That(total, Is.GreaterThan(0));
        Assert.That(parsed, Is.GreaterThan(0), "no demo model was parsed statically");
    }

    [Test]
    public void Config_ref_source_var_and_incremental_blocks_are_read_without_a_render()
    {
        _project.Write("macros/cents.sql", "{% macro cents(column, scale=2) -%}round({{ column }} / 100, {{ scale }}){%- endmacro %}");
        _project.Write("models/src.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n");
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", """
            {# a comment #}
            {{ config(materialized='incremental', tags=['x', 'y'], meta={'owner': 'me', 'n': 1}, start=var('start'), days=var('days'), missing=var('nope', 3.5)) }}
            {{ config({'unique_key': 'id'}, enabled=true) }}
            select {{ cents('amount') }}, '{{ var('start') }}' from {{ ref('a') }} join {{ source('raw', 'orders') }} using (id)
            {% do config(tags=['z']) %}
            {% if is_incremental() %} where ts > (select max(ts) from {{ this }}) {{ unknown_macro() }} {% endif %}
            union all select * from {{ ref('shop', 'a') }} union all select * from {{ ref('a', v=1) }}
            """);

        var node = StaticallyParsed("models/b.sql");

        Assert.That(node, Is.Not.Null, "b.sql should be parsed statically");
        var (config, refs, sources) = node!.Value;
        Assert.That(Describe(config), Is.EqualTo(
            "{materialized: string:incremental, tags: List[string:x, string:y, string:z], meta: {owner: string:me, n: Int64:1}, start: string:2020-01-01, " +
            "days: Int64:7, missing: Double:3.5, unique_key: string:id, enabled: Boolean:True}"));
        Assert.That(refs.Select(r => $"{r.Package}.{r.Name}.{r.Version?.Text} {r.Span}"), Is.EqualTo(new[]
        {
            ".a. models/b.sql:4:60", "shop.a. models/b.sql:7:28", ".a.1 models/b.sql:7:75",
        }));
        Assert.That(sources.Select(s => $"{s.Source}.{s.Table} {s.Span}"), Is.EqualTo(new[] { "raw.orders models/b.sql:4:80" }));
        AssertSameAsRender();
    }

    [TestCase("{% set x = 1 %}select {{ ref('a') }}", TestName = "A set statement is rendered")]
    [TestCase("select {{ ref('a') | upper }}", TestName = "A filter is rendered")]
    [TestCase("{% for i in [1] %}{{ ref('a') }}{% endfor %}", TestName = "A for loop is rendered")]
    [TestCase("{% if target.name == 'dev' %}{{ ref('a') }}{% endif %}", TestName = "An if other than is_incremental is rendered")]
    [TestCase("{% if is_incremental() %}x{% elif true %}{{ ref('a') }}{% endif %}", TestName = "An is_incremental with elif is rendered")]
    [TestCase("select {{ ref(name) }}", TestName = "A ref of a variable is rendered")]
    [TestCase("select {{ var('undefined_var') }}", TestName = "A var with no value and no default is rendered")]
    [TestCase("{{ config(materialized=var('undefined_var')) }}", TestName = "A config with a var with no value is rendered")]
    [TestCase("{{ config('table') }}", TestName = "A config with a bad argument is rendered")]
    [TestCase("select {{ ref('a', v=none) }}", TestName = "A ref with an empty version is rendered")]
    [TestCase("select {{ ref('a', 'b', 'c') }}", TestName = "A ref with three names is rendered")]
    [TestCase("select {{ source('raw') }}", TestName = "A source with one name is rendered")]
    [TestCase("{{ set_config() }}select 1", TestName = "A macro that calls config is rendered")]
    [TestCase("{{ cents('a', 'b', 'c') }}select 1", TestName = "A macro call with too many arguments is rendered")]
    [TestCase("{{ cents('a', column='b') }}select 1", TestName = "A macro call with an argument given twice is rendered")]
    [TestCase("{{ log('x') }}select 1", TestName = "A context function is rendered")]
    [TestCase("{% macro m() %}x{% endmacro %}select 1", TestName = "A template defining a macro is rendered")]
    [TestCase("select {{ this }}", TestName = "A name is rendered")]
    public void Anything_else_is_left_to_the_render(string model)
    {
        _project.Write("macros/cents.sql", "{% macro cents(column, scale=2) -%}round({{ column }} / 100, {{ scale }}){%- endmacro %}");
        _project.Write("macros/set_config.sql", "{% macro set_config() %}{{ config(materialized='table') }}{% endmacro %}");
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", model);

        Assert.That(StaticallyParsed("models/b.sql"), Is.Null);
        AssertSameAsRender();
    }

    [TestCase("ref")]
    [TestCase("source")]
    [TestCase("config")]
    [TestCase("var")]
    public void A_macro_named_like_a_parse_function_turns_the_static_parser_off(string name)
    {
        _project.Write($"macros/{name}.sql", $"{{% macro {name}() %}}{{{{ return(builtins.ref('a')) }}}}{{% endmacro %}}");
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", "{{ config(materialized='table') }}select * from {{ ref('a') }}");

        Assert.That(StaticallyParsed("models/b.sql"), Is.Null);
        Assert.That(StaticallyParsed("models/a.sql"), Is.Null);
    }

    // Compiles the temp project both ways: same diagnostics, same nodes.
    private void AssertSameAsRender()
    {
        var (withStatic, staticDiagnostics) = Compile(_project.Root, staticParse: true, _project.Home);
        var (rendered, renderDiagnostics) = Compile(_project.Root, staticParse: false, _project.Home);
        Assert.That(staticDiagnostics, Is.EqualTo(renderDiagnostics));
        Assert.That(Describe(withStatic), Is.EqualTo(Describe(rendered)));
    }

    private (Dictionary<string, object?> Config, IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources)? StaticallyParsed(string path)
    {
        var bag = new DiagnosticBag();
        var loaded = ProjectLoader.Load(Options(_project.Root, _project.Home), bag);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", bag.ToList()));
        var parser = ProjectCompiler.StaticParserFor(loaded!, new CompileOptions { RunStartedAt = Started }, bag);
        var file = loaded!.Models.Single(m => m.Path == path);
        var template = new TemplateEngine().Parse(file.Source, bag);
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        var info = new NodeRenderInfo
        {
            UniqueId = $"model.shop.{file.Name}", Name = file.Name, ResourceType = "model", PackageName = "shop", FilePath = file.Path,
            Config = config, Phase = RenderPhase.Parse,
        };
        return parser.TryParse(template, info) is var (refs, sources) ? (config, refs, sources) : null;
    }

    private static (int Parsed, int Total) StaticShare(string root)
    {
        var bag = new DiagnosticBag();
        var home = Directory.CreateTempSubdirectory("forge-static-home").FullName;
        try
        {
            var loaded = ProjectLoader.Load(Options(root, home), bag)!;
            var parser = ProjectCompiler.StaticParserFor(loaded, new CompileOptions { RunStartedAt = Started }, bag);
            var engine = new TemplateEngine();
            foreach (var file in loaded.Models)
            {
                var info = new NodeRenderInfo
                {
                    UniqueId = $"model.{loaded.Name}.{file.Name}", Name = file.Name, ResourceType = "model", PackageName = loaded.Name,
                    FilePath = file.Path, Config = new Dictionary<string, object?>(StringComparer.Ordinal), Phase = RenderPhase.Parse,
                };
                parser.TryParse(engine.Parse(file.Source, bag), info);
            }
            return (parser.Parsed, parser.Parsed + parser.Rendered);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static ProjectLoadOptions Options(string root, string home) => new()
    {
        ProjectDirectory = root,
        Environment = _ => null,
        HomeDirectory = home,
    };

    private static (string Nodes, List<string> Diagnostics) Compile(string root, bool staticParse, string? home = null)
    {
        var bag = new DiagnosticBag();
        var ownHome = home ?? Directory.CreateTempSubdirectory("forge-static-home").FullName;
        try
        {
            var loaded = ProjectLoader.Load(Options(root, ownHome), bag);
            var compiled = loaded is null ? null : ProjectCompiler.Compile(loaded, new CompileOptions
            {
                StaticParse = staticParse, RunStartedAt = Started, InvocationId = "static-parser-test",
            }, bag);
            // Renders run in parallel: their diagnostics arrive in any order.
            return (Describe(compiled), bag.ToList().Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            if (home is null) Directory.Delete(ownHome, recursive: true);
        }
    }
}
