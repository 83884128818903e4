using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// `forge compile` keeps, in target/, what each node's render read; the next compile renders
/// again exactly the nodes whose template or recorded inputs changed (FORGE_CACHE_TRACE=1 names them).
/// </summary>
public sealed class CompileCacheTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("cache")
        .WithProjectFile("vars:\n  threshold: 10\n")
        .WithEnvironment("FORGE_CACHE_TRACE", "1")
        .With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}")
        .With("macros/other.sql", "{% macro other() %}42{% endmacro %}")
        .With("models/plain.sql", "select 1 as id")
        .With("models/uses_macro.sql", "select {{ cents('amount') }} as dollars from {{ ref('plain') }}")
        .With("models/uses_other.sql", "select {{ other() }} as answer")
        .With("models/uses_var.sql", "select {{ var('threshold') }} as threshold")
        .With("models/uses_env.sql", "select '{{ env_var('FORGE_CACHE_TEST_REGION', 'eu') }}' as region")
        .With("models/uses_target.sql", "select '{{ target.schema }}' as schema_name");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private List<string> Rendered(params string[] args)
    {
        // These tests are about the compile cache: the invocation memo, which a slow machine lets the
        // first compile write (its inputs are then old enough to vouch for), must not replay instead.
        if (_project.Exists("target/forge_compile_memo.bin")) _project.Without("target/forge_compile_memo.bin");
        return RenderedBy(["compile", .. args]);
    }

    private List<string> RenderedBy(string[] command)
    {
        var result = _project.Forge(command);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result.Traced("compile cache: rendered ");
    }

    [Test]
    public void A_second_compile_with_nothing_changed_renders_nothing()
    {
        Assert.That(Rendered(), Has.Count.EqualTo(6));

        Assert.That(Rendered(), Is.Empty);
        Assert.That(_project.Read("target/compiled/cache/models/uses_macro.sql"), Is.EqualTo("select (amount / 100.0) as dollars from \"cache\".\"main\".\"plain\""));
    }

    [Test]
    public void Editing_a_macro_renders_again_only_the_models_that_call_it()
    {
        Rendered();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.00){% endmacro %}");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_macro" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_macro.sql"), Does.Contain("(amount / 100.00)"));
    }

    [Test]
    public void Editing_a_dispatched_macro_renders_again_only_the_models_that_dispatch_to_it()
    {
        _project.With("macros/first.sql", "{% macro first() %}{{ return(adapter.dispatch('first')()) }}{% endmacro %}{% macro default__first() %}1{% endmacro %}")
            .With("macros/second.sql", "{% macro second() %}{{ return(adapter.dispatch('second')()) }}{% endmacro %}{% macro default__second() %}2{% endmacro %}")
            .With("models/dispatch_first.sql", "select {{ first() }} as n")
            .With("models/dispatch_second.sql", "select {{ second() }} as n");
        Rendered();
        _project.With("macros/second.sql", "{% macro second() %}{{ return(adapter.dispatch('second')()) }}{% endmacro %}{% macro default__second() %}22{% endmacro %}");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.dispatch_second" }));
        Assert.That(_project.Read("target/compiled/cache/models/dispatch_second.sql"), Is.EqualTo("select 22 as n"));

        // A new candidate (duckdb__ wins over default__) changes what dispatch finds: every dispatching model renders again.
        _project.With("macros/third.sql", "{% macro duckdb__first() %}11{% endmacro %}");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.dispatch_first", "model.cache.dispatch_second" }));
        Assert.That(_project.Read("target/compiled/cache/models/dispatch_first.sql"), Is.EqualTo("select 11 as n"));
    }

    [Test]
    public void Editing_a_model_renders_again_only_that_model()
    {
        Rendered();
        _project.With("models/uses_other.sql", "select {{ other() }} as answer, 2 as two");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_other" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_other.sql"), Is.EqualTo("select 42 as answer, 2 as two"));
    }

    [Test]
    public void Changing_a_models_config_or_relation_in_yaml_renders_again_only_that_model()
    {
        // A node's own globals (config, this) are checked against the node itself, not a render's copy of them.
        _project.With("models/uses_config.sql", "select '{{ config.get('color') }}' as color, '{{ this }}' as me")
            .With("models/_models.yml", "models:\n  - name: uses_config\n    config:\n      color: red\n");
        Rendered();

        _project.With("models/_models.yml", "models:\n  - name: uses_config\n    config:\n      color: blue\n");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_config" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_config.sql"), Is.EqualTo("select 'blue' as color, '\"cache\".\"main\".\"uses_config\"' as me"));

        _project.With("models/_models.yml", "models:\n  - name: uses_config\n    config:\n      color: blue\n      alias: renamed\n");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_config" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_config.sql"), Is.EqualTo("select 'blue' as color, '\"cache\".\"main\".\"renamed\"' as me"));
        Assert.That(Rendered(), Is.Empty);
    }

    [Test]
    public void Changing_a_var_renders_again_only_the_models_that_read_it()
    {
        Rendered();

        Assert.That(Rendered("--vars", "{threshold: 20}"), Is.EqualTo(new[] { "model.cache.uses_var" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_var.sql"), Is.EqualTo("select 20 as threshold"));
        Assert.That(Rendered("--vars", "{threshold: 20}"), Is.Empty);
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_var" }));
    }

    [Test]
    public void Changing_an_env_var_a_template_reads_renders_again_only_that_model()
    {
        Rendered();
        _project.WithEnvironment("FORGE_CACHE_TEST_REGION", "us");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_env" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_env.sql"), Is.EqualTo("select 'us' as region"));
    }

    [Test]
    public void Switching_target_renders_again_the_models_that_see_the_target_or_a_relation_in_it()
    {
        _project.With("profiles.yml",
            "cache:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      schema: main\n" +
            "    prod:\n      type: duckdb\n      path: target/prod.duckdb\n      schema: prod\n");
        Rendered();

        // uses_macro refs plain, whose relation moves to the prod schema; the others read neither target nor a relation.
        Assert.That(Rendered("--target", "prod"), Is.EqualTo(new[] { "model.cache.uses_macro", "model.cache.uses_target" }));
        Assert.That(_project.Read("target/compiled/cache/models/uses_target.sql"), Is.EqualTo("select 'prod' as schema_name"));
        Assert.That(_project.Read("target/compiled/cache/models/uses_macro.sql"), Does.EndWith("from \"prod\".\"prod\".\"plain\""));
    }

    [Test]
    public void Adding_a_macro_that_a_model_looked_up_in_vain_renders_that_model_again()
    {
        _project.With("models/maybe.sql", "select {{ 'yes' if shout is defined else 'no' }} as has_shout");
        Rendered();
        _project.With("macros/shout.sql", "{% macro shout() %}!{% endmacro %}");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.maybe" }));
        Assert.That(_project.Read("target/compiled/cache/models/maybe.sql"), Is.EqualTo("select yes as has_shout"));
    }

    [Test]
    public void A_compiled_file_edited_or_deleted_by_hand_is_written_again()
    {
        Rendered();
        _project.With("target/compiled/cache/models/plain.sql", "tampered");
        _project.Without("target/compiled/cache/models/uses_var.sql");

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.plain", "model.cache.uses_var" }));
        Assert.That(_project.Read("target/compiled/cache/models/plain.sql"), Is.EqualTo("select 1 as id"));
        Assert.That(_project.Read("target/compiled/cache/models/uses_var.sql"), Is.EqualTo("select 10 as threshold"));
    }

    [Test]
    public void A_render_is_tied_to_the_flags_it_reads_and_not_to_the_others()
    {
        // flags.WHICH differs between `compile` and `docs generate`; flags.FULL_REFRESH does not, and
        // the built-in not_null test reads flags.STORE_FAILURES.
        _project.With("models/which.sql", "select '{{ flags.WHICH }}' as command")
            .With("models/full.sql", "select {{ flags.FULL_REFRESH }} as full_refresh")
            .With("models/schema.yml", "models:\n  - name: full\n    columns:\n      - name: full_refresh\n        data_tests: [not_null]\n");
        Rendered();
        Assert.That(_project.Read("target/compiled/cache/models/which.sql"), Is.EqualTo("select 'compile' as command"));

        Assert.That(RenderedBy(["docs", "generate", "--empty-catalog"]), Is.EqualTo(new[] { "model.cache.which" }));
        Assert.That(_project.Read("target/compiled/cache/models/which.sql"), Is.EqualTo("select 'docs' as command"));
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.which" }));
        Assert.That(Rendered(), Is.Empty);
    }

    [Test]
    public void A_render_that_queries_the_database_is_never_reused()
    {
        _project.With("models/queried.sql", "{% set r = run_query('select 7 as n') %}select {{ r.columns[0].values()[0] if execute else 0 }} as n");
        Rendered();

        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.queried" }));
    }

    [Test]
    public void An_incremental_model_is_reused_while_is_incremental_answers_the_same_and_rendered_when_it_changes()
    {
        const string compiled = "target/compiled/cache/models/events.sql";
        _project.With("models/events.sql",
            "{{ config(materialized='incremental') }}select 1 as id\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        Assert.That(Rendered(), Does.Contain("model.cache.events"));
        Assert.That(Rendered(), Is.Empty, "no table yet: is_incremental() still answers false");

        Database.Execute(_project.DatabasePath, "create table main.events as select 1 as id");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.events" }), "the table exists now");
        Assert.That(_project.Read(compiled), Does.Contain("where id >"));
        Assert.That(Rendered(), Is.Empty);

        Database.Execute(_project.DatabasePath, "drop table main.events; create view main.events as select 1 as id");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.events" }), "a view is not an incremental model's table");
        Assert.That(_project.Read(compiled), Does.Not.Contain("where id >"));
    }

    [Test]
    public void A_database_that_cannot_be_opened_fails_no_compile_that_does_not_query_it()
    {
        // The compile opens the database ahead of need (no memo says it will not need it); that open
        // failing is not the compile's error when no template asks the database anything.
        Directory.CreateDirectory(Path.GetDirectoryName(_project.DatabasePath)!);
        File.WriteAllText(_project.DatabasePath, "not a DuckDB database");

        Assert.That(Rendered(), Has.Count.EqualTo(6));
        Assert.That(File.ReadAllText(_project.DatabasePath), Is.EqualTo("not a DuckDB database"));
    }

    [Test]
    public void A_compile_that_reuses_every_node_leaves_the_cache_file_as_it_was()
    {
        Rendered();
        var path = Path.Combine(_project.Root, "target/forge_compile_cache.bin");
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);

        Assert.That(Rendered(), Is.Empty);
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(longAgo), "nothing changed, so nothing is written");

        _project.With("models/plain.sql", "select 2 as id");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.plain" }));
        Assert.That(File.GetLastWriteTimeUtc(path), Is.Not.EqualTo(longAgo));
        Assert.That(Rendered(), Is.Empty, "the rewritten cache holds both the reused entries and the new ones");
    }

    [Test]
    public void A_var_scoped_to_a_package_is_checked_for_that_package_alone()
    {
        // The same var name reads differently in the root project and in the package; the check
        // looks each input up once per package, so the two must not share an answer.
        _project.With("dbt_packages/shop_utils/dbt_project.yml", "name: shop_utils\nversion: '1.0'\n")
            .With("dbt_packages/shop_utils/models/package_var.sql", "select {{ var('threshold') }} as threshold")
            .WithProjectFile("vars:\n  threshold: 10\n  shop_utils:\n    threshold: 99\n");
        Rendered();
        Assert.That(_project.Read("target/compiled/shop_utils/models/package_var.sql"), Is.EqualTo("select 99 as threshold"));

        _project.WithProjectFile("vars:\n  threshold: 10\n  shop_utils:\n    threshold: 98\n");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.shop_utils.package_var" }));
        Assert.That(_project.Read("target/compiled/shop_utils/models/package_var.sql"), Is.EqualTo("select 98 as threshold"));

        _project.WithProjectFile("vars:\n  threshold: 11\n  shop_utils:\n    threshold: 98\n");
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.uses_var" }));
    }

    [Test]
    public void Nodes_that_recorded_different_values_of_one_input_are_each_checked_against_it()
    {
        // Once one node's record of an input matched, others with the same record compare by index:
        // a node that recorded another value (here, left out of the last compile) must still be rendered.
        _project.With("models/also_uses_var.sql", "select {{ var('threshold') }} + 1 as above");
        Rendered();

        Assert.That(Rendered("--select", "uses_var", "--vars", "{threshold: 20}"), Is.EqualTo(new[] { "model.cache.uses_var" }));
        Assert.That(Rendered("--vars", "{threshold: 20}"), Is.EqualTo(new[] { "model.cache.also_uses_var" }));
        Assert.That(_project.Read("target/compiled/cache/models/also_uses_var.sql"), Is.EqualTo("select 20 + 1 as above"));
        Assert.That(Rendered("--vars", "{threshold: 20}"), Is.Empty);
        Assert.That(Rendered(), Is.EqualTo(new[] { "model.cache.also_uses_var", "model.cache.uses_var" }));
    }

    [TestCase("garbage that is not a cache")]
    [TestCase("")]
    public void A_corrupt_cache_is_ignored_and_rebuilt(string contents)
    {
        Rendered();
        _project.With("target/forge_compile_cache.bin", contents);

        Assert.That(Rendered(), Has.Count.EqualTo(6));
        Assert.That(Rendered(), Is.Empty);
    }

    [Test]
    public void A_cache_cut_short_is_ignored_and_rebuilt()
    {
        // Entries carry the compiled SQL: a cache that ends inside one must not hand on a part of it.
        Rendered();
        var path = Path.Combine(_project.Root, "target/forge_compile_cache.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);

        Assert.That(Rendered(), Has.Count.EqualTo(6));
        Assert.That(Rendered(), Is.Empty);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes), "rebuilt as it was");
    }

    [Test]
    public void A_cache_written_by_another_build_of_forge_is_ignored()
    {
        Rendered();
        var path = Path.Combine(_project.Root, "target/forge_compile_cache.bin");
        var bytes = File.ReadAllBytes(path);
        // The stamp (forge's build ids) follows the magic and format: change one character of it.
        var at = Array.IndexOf(bytes, (byte)'|');
        bytes[at - 1] = (byte)(bytes[at - 1] == (byte)'0' ? '1' : '0');
        File.WriteAllBytes(path, bytes);

        Assert.That(Rendered(), Has.Count.EqualTo(6));
    }
}
