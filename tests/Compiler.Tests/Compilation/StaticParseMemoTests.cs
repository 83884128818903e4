using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Golden;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Compilation.StaticParseComparison;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>
/// A compile that takes models' static parse results from the memo kept in target/ must give exactly
/// what a compile that renders every model gives (configs with their value types, refs and sources
/// with their positions, diagnostics), and must stop trusting an entry when anything it depends on changes.
/// </summary>
public sealed class StaticParseMemoTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private const string Cents = "{% macro cents(column, scale=2) -%}round({{ column }} / 100, {{ scale }}){%- endmacro %}";

    private const string RichModel = """
        {{ config(materialized=var('mat', 'view'), tags=['x', 'y'], meta={'owner': 'me', 'n': 1, 'r': 2.5, 'f': false, 'z': none, 't': (1, 'a')}) }}
        {{ config({'unique_key': 'id'}, enabled=true, materalized='typo') }}
        select {{ cents('amount') }}, '{{ var('start') }}' from {{ ref('a') }} join {{ source('raw', 'orders') }} using (id)
        {% if is_incremental() %} where ts > (select max(ts) from {{ this }}) {% endif %}
        union all select * from {{ ref('shop', 'a') }} union all select * from {{ ref('a', v=1) }}
        """;

    // A macro with a loop: the static parser leaves its callers to the render.
    private const string Pivot = "{% macro pivot(column, values) -%}{% for v in values %}sum({{ column }} = '{{ v }}'){% if not loop.last %}, {% endif %}{% endfor %}{%- endmacro %}";

    private const string RenderedModel = """
        {{ config(materialized=env_var('FORGE_TEST_MAT', 'view'), tags=[var('start')], meta={'n': 1, 'r': 2.5, 't': (1, 'a')}) }}
        select {{ pivot('kind', ['p', 'q']) }} from {{ ref('a') }} join {{ source('raw', 'orders') }} using (id)
        """;

    private TempProjectDirectory _project = null!;
    private string _memo = null!;
    private Dictionary<string, string> _environment = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProjectDirectory("name: shop\nvars:\n  start: '2020-01-01'\n");
        _memo = Path.Combine(_project.Root, "target", StaticParseMemo.FileName);
        _project.Write("macros/cents.sql", Cents);
        _project.Write("models/src.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n");
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", RichModel);
        _environment = [];
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [TestCaseSource(typeof(StaticParseComparison), nameof(StaticParseComparison.Projects))]
    public void A_compile_from_the_memo_gives_what_rendering_every_model_gives(string project)
    {
        var root = RepositoryRoot.Resolve(project);
        var memo = Path.Combine(Directory.CreateTempSubdirectory("forge-static-memo").FullName, StaticParseMemo.FileName);
        try
        {
            var rendered = Compile(root, staticParse: false, memo: null);
            var first = Compile(root, staticParse: true, memo);
            var second = Compile(root, staticParse: true, memo);

            Assert.That(first.Description, Is.EqualTo(rendered.Description));
            Assert.That(second.Description, Is.EqualTo(rendered.Description));
            Assert.That(second.Diagnostics, Is.EqualTo(rendered.Diagnostics));
            // Every model the first compile parsed statically came from the memo the second time, unparsed.
            Assert.That(second.Unparsed, Is.EqualTo(second.InMemo));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(memo)!, recursive: true);
        }
    }

    [Test]
    public void The_demo_project_has_models_the_memo_spares_a_parse()
    {
        var memo = Path.Combine(Directory.CreateTempSubdirectory("forge-static-memo").FullName, StaticParseMemo.FileName);
        try
        {
            Compile(RepositoryRoot.Path, staticParse: true, memo);
            Assert.That(Compile(RepositoryRoot.Path, staticParse: true, memo).Unparsed, Is.GreaterThan(0));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(memo)!, recursive: true);
        }
    }

    [Test]
    public void Values_of_every_kind_positions_and_warnings_come_back_from_the_memo_as_parsed()
    {
        var rendered = Compile(_project.Root, staticParse: false, memo: null);
        Compile(_project.Root, staticParse: true, _memo);
        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(File.Exists(_memo));
        Assert.That(fromMemo.Unparsed, Is.EqualTo(2));
        Assert.That(fromMemo.Description, Is.EqualTo(rendered.Description));
        Assert.That(fromMemo.Diagnostics, Is.EqualTo(rendered.Diagnostics));
        Assert.That(fromMemo.Description, Does.Contain("t: Object[][Int64:1, string:a]").And.Contain("materialized: string:view"));
    }

    [Test]
    public void An_edited_model_is_parsed_again()
    {
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("models/b.sql", RichModel.Replace("var('mat', 'view')", "'table'"));

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("materialized: string:table"));
        Assert.That(fromMemo.Unparsed, Is.EqualTo(1));
    }

    [Test]
    public void A_changed_var_is_read_again()
    {
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("forge_project.yml", "name: shop\nvars:\n  start: '2020-01-01'\n  mat: table\n");

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("materialized: string:table"));
    }

    [Test]
    public void A_macro_that_stops_being_pure_sends_its_callers_to_the_render()
    {
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("macros/cents.sql", "{% macro cents(column, scale=2) -%}{{ config(materialized='incremental') }}{{ column }}{%- endmacro %}");

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("materialized: string:incremental"));
    }

    [Test]
    public void An_edit_beside_or_inside_a_pure_macro_keeps_the_memo()
    {
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("macros/cents.sql", "{# money #}\n{% macro cents(column, scale=3) -%}({{ column }} / 1000){%- endmacro %}\n");
        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Unparsed, Is.EqualTo(2));
        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
    }

    [Test]
    public void A_pure_macro_with_other_parameters_sends_its_callers_to_the_parser()
    {
        Compile(_project.Root, staticParse: true, _memo);
        // cents('amount') no longer fits: too many positional arguments for a macro without parameters.
        _project.Write("macros/cents.sql", "{% macro cents() -%}0{%- endmacro %}");
        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Unparsed, Is.EqualTo(0));
        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
    }

    [Test]
    public void A_parse_render_comes_back_from_the_memo_as_rendered()
    {
        _project.Write("macros/pivot.sql", Pivot);
        _project.Write("models/c.sql", RenderedModel);
        var rendered = Compile(_project.Root, staticParse: false, memo: null);
        Compile(_project.Root, staticParse: true, _memo);
        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(PathsIn(_memo), Does.Contain("models/c.sql"));
        Assert.That(fromMemo.Unparsed, Is.EqualTo(3));
        Assert.That(fromMemo.Description, Is.EqualTo(rendered.Description));
        Assert.That(fromMemo.Diagnostics, Is.EqualTo(rendered.Diagnostics));
        Assert.That(fromMemo.Description, Does.Contain("materialized: string:view").And.Contain("t: Object[][Int64:1, string:a]"));
    }

    [Test]
    public void A_changed_env_var_sends_a_kept_parse_render_back_to_the_render()
    {
        _project.Write("macros/pivot.sql", Pivot);
        _project.Write("models/c.sql", RenderedModel);
        Compile(_project.Root, staticParse: true, _memo);
        _environment["FORGE_TEST_MAT"] = "table";

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Unparsed, Is.EqualTo(2));
        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("model.shop.c {materialized: string:table"));
    }

    [Test]
    public void A_changed_var_sends_a_kept_parse_render_back_to_the_render()
    {
        _project.Write("macros/pivot.sql", Pivot);
        _project.Write("models/c.sql", RenderedModel);
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("forge_project.yml", "name: shop\nvars:\n  start: '2021-01-01'\n");

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("tags: List[string:2021-01-01]"));
    }

    [Test]
    public void A_changed_macro_sends_a_kept_parse_render_back_to_the_render()
    {
        _project.Write("macros/pivot.sql", Pivot);
        _project.Write("models/c.sql", RenderedModel);
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("macros/pivot.sql", Pivot.Replace("{% for", "{{ config(materialized='incremental') }}{% for"));

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Unparsed, Is.EqualTo(2));
        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Description, Does.Contain("materialized: string:incremental"));
    }

    [Test]
    public void A_changed_macro_the_render_did_not_read_keeps_the_parse_render()
    {
        _project.Write("macros/pivot.sql", Pivot);
        _project.Write("macros/other.sql", "{% macro other() %}{% for i in [1] %}{{ i }}{% endfor %}{% endmacro %}");
        _project.Write("models/c.sql", RenderedModel);
        Compile(_project.Root, staticParse: true, _memo);
        _project.Write("macros/other.sql", "{% macro other() %}{% for i in [2] %}{{ i }}{% endfor %}{% endmacro %}");

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Unparsed, Is.EqualTo(3));
        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
    }

    [TestCase("{% set t = ['a'] %}{{ config(meta={'k': t}) }}{% do t.append('b') %}{% for i in [1] %}{% endfor %}select 1", TestName = "A value changed after config() was passed it")]
    [TestCase("{{ config(meta={'k': ['a']}) }}{% do config.get('meta')['k'].append('b') %}{% for i in [1] %}{% endfor %}select 1", TestName = "A config value changed in place")]
    [TestCase("select * from {{ ref_in_macro() }}", TestName = "A ref made inside a macro file")]
    [TestCase("{{ log('parsing', info=true) }}{% for i in [1] %}{% endfor %}select 1", TestName = "A render that logs")]
    [TestCase("{% for i in [1] %}{% endfor %}select {{ nothing_here.attribute }}", TestName = "A render stopped by an undefined name")]
    public void A_parse_render_that_cannot_be_replayed_exactly_is_not_kept(string model)
    {
        // Its position is in the macro's file, which the record (offsets into the model's text) cannot hold.
        _project.Write("macros/ref_in_macro.sql", "{% macro ref_in_macro() %}{{ ref('a') }}{% endmacro %}");
        _project.Write("models/c.sql", model);
        var rendered = Compile(_project.Root, staticParse: false, memo: null);
        Compile(_project.Root, staticParse: true, _memo);
        var again = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(PathsIn(_memo), Does.Not.Contain("models/c.sql"));
        Assert.That(again.Description, Is.EqualTo(rendered.Description));
        Assert.That(again.Diagnostics, Is.EqualTo(rendered.Diagnostics));
    }

    [TestCase(0)]
    [TestCase(40)]
    [TestCase(200)]
    [TestCase(-1)]
    public void A_memo_cut_short_is_no_memo(int keep)
    {
        Compile(_project.Root, staticParse: true, _memo);
        var bytes = File.ReadAllBytes(_memo);
        File.WriteAllBytes(_memo, bytes[..(keep < 0 ? bytes.Length + keep : Math.Min(keep, bytes.Length))]);

        var fromMemo = Compile(_project.Root, staticParse: true, _memo);

        Assert.That(fromMemo.Description, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Description));
        Assert.That(fromMemo.Diagnostics, Is.EqualTo(Compile(_project.Root, staticParse: false, memo: null).Diagnostics));
    }

    private sealed record Outcome(string Description, List<string> Diagnostics, int Unparsed, int InMemo);

    private Outcome Compile(string root, bool staticParse, string? memo)
    {
        var bag = new DiagnosticBag();
        var home = Directory.CreateTempSubdirectory("forge-static-home").FullName;
        try
        {
            var loaded = ProjectLoader.Load(new ProjectLoadOptions { ProjectDirectory = root, Environment = _ => null, HomeDirectory = home }, bag);
            var compiled = loaded is null ? null : ProjectCompiler.Compile(loaded, new CompileOptions
            {
                StaticParse = staticParse, RunStartedAt = Started, InvocationId = "static-parse-memo-test", StaticParseMemoPath = memo,
                Environment = name => _environment.GetValueOrDefault(name),
            }, bag);
            var diagnostics = bag.ToList().Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
            if (compiled is null) return new("(not compiled)", diagnostics, 0, 0);
            var models = compiled.Nodes.Values.Where(n => n.ResourceType == ResourceType.Model && n.LazyTemplate is not null).ToList();
            var unparsed = models.Count(n => !n.LazyTemplate!.IsParsed);
            var kept = PathsIn(memo);
            return new(Describe(compiled), diagnostics, unparsed, models.Count(n => kept.Contains(n.Path)));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    // The model files the memo holds (those the compile that wrote it parsed statically), read as the memo lays them out.
    private static HashSet<string> PathsIn(string? memo)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (memo is null || !File.Exists(memo)) return paths;
        using var reader = new BinaryReader(File.OpenRead(memo), Encoding.UTF8);
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadString();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            // A record: its length, then the model's path first.
            using var record = new BinaryReader(new MemoryStream(reader.ReadBytes(reader.ReadInt32())), Encoding.UTF8);
            paths.Add(record.ReadString());
        }
        return paths;
    }
}
