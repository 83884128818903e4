using System.Diagnostics;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>Files a project folder should not hold (pipes, dangling links, non-UTF-8 text) and templated source YAML.</summary>
public sealed class ProjectInputTests
{
    [Test]
    public void Invalid_utf8_in_a_model_is_an_error_at_the_bytes_line_and_column()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/.keep", "");
        File.WriteAllBytes(Path.Combine(dir.Root, "models", "orders.sql"), [.. "select 1 as id,\n  'caf"u8, 0xE9, .. "' as name\n"u8]);

        var (_, diagnostics) = dir.Load();

        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/orders.sql:2:7: error MF1105: models/orders.sql is not valid UTF-8: byte 0xE9 here"));
    }

    [Test]
    public void A_utf8_byte_order_mark_is_dropped_not_reported()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/.keep", "");
        File.WriteAllBytes(Path.Combine(dir.Root, "models", "orders.sql"), [0xEF, 0xBB, 0xBF, .. "select 'é' as id"u8]);

        var project = dir.LoadClean();

        Assert.That(project.Models.Single().Source.Text, Is.EqualTo("select 'é' as id"));
    }

    [Test]
    public void Files_larger_than_the_read_buffer_are_read_whole_and_the_files_after_them_exactly()
    {
        // Files are read into a buffer kept per thread: a big file grows it, the next small one must
        // not show the big one's tail.
        using var dir = new TempProjectDirectory();
        var big = "select 1 as id\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"-- line {i}\n"));
        var names = Enumerable.Range(0, 40).Select(i => $"m{i:D2}").ToList();
        foreach (var name in names) dir.Write($"models/{name}.sql", name.EndsWith('0') ? big : $"select '{name}' as id");

        var project = dir.LoadClean();

        Assert.That(big.Length, Is.GreaterThan(200_000));
        Assert.That(project.Models.Select(m => m.Source.Text),
            Is.EqualTo(names.Select(name => name.EndsWith('0') ? big : $"select '{name}' as id")));
    }

    [Test]
    public void A_file_that_reports_no_size_is_read_to_its_end()
    {
        // /proc files say they are empty; what they hold is read in chunks.
        if (!OperatingSystem.IsLinux()) Assert.Ignore("needs /proc");
        var bag = new DiagnosticBag();

        var text = SourceFileReader.Read("/proc/version", "version", bag);

        Assert.That(bag.Count, Is.Zero);
        Assert.That(new FileInfo("/proc/version").Length, Is.Zero);
        Assert.That(text!.Text, Is.EqualTo(File.ReadAllText("/proc/version")).And.StartsWith("Linux version"));
    }

    [Test]
    public void A_dangling_symlink_named_like_a_model_is_an_error_naming_its_target()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/.keep", "");
        File.CreateSymbolicLink(Path.Combine(dir.Root, "models", "x.sql"), "gone.sql");

        var (_, diagnostics) = dir.Load();

        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/x.sql:1:1: error MF1104: models/x.sql is a symbolic link to 'gone.sql', which does not exist"));
    }

    [Test]
    public void A_symlink_to_a_real_file_is_read_through()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("shared/orders.sql", "select 1 as id").Write("models/.keep", "");
        File.CreateSymbolicLink(Path.Combine(dir.Root, "models", "orders.sql"), Path.Combine(dir.Root, "shared", "orders.sql"));

        Assert.That(dir.LoadClean().Models.Single().Source.Text, Is.EqualTo("select 1 as id"));
    }

    [Test]
    public void A_fifo_under_models_is_skipped_with_a_warning_instead_of_blocking()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("no mkfifo on Windows");
        using var dir = new TempProjectDirectory();
        dir.Write("models/orders.sql", "select 1 as id");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(dir.Root, "models", "pipe.sql"))) mkfifo.WaitForExit();

        var (project, diagnostics) = dir.Load();

        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/pipe.sql:1:1: warning MF1103: models/pipe.sql is not a regular file (a pipe, socket or device) and is skipped"));
        Assert.That(project!.Models.Select(m => m.Name), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Sources_render_var_and_env_var_in_schema_and_identifier()
    {
        using var dir = new TempProjectDirectory("name: shop\nvars:\n  raw_schema: raw_shop\n");
        dir.Write("models/sources.yml", """
            sources:
              - name: shop
                database: "{{ env_var('RAW_DB', 'warehouse') }}"
                schema: "{{ var('raw_schema') }}"
                description: "{{ doc('shop') }}"
                tables:
                  - name: orders
                    identifier: "orders_{{ var('suffix', 'v1') }}"
            """);
        dir.Environment["RAW_DB"] = "lake";
        var renderer = new YamlTemplateRenderer(new Dictionary<string, object?> { ["suffix"] = "v2" }, name => dir.Environment.GetValueOrDefault(name));

        var project = dir.LoadClean(dir.Options(renderer: renderer, cliVars: new Dictionary<string, object?> { ["suffix"] = "v2" }));

        var source = project.Sources.Single();
        Assert.That((source.Database, source.Schema, source.Tables.Single().Identifier), Is.EqualTo(("lake", "raw_shop", "orders_v2")));
        Assert.That(source.Description, Is.EqualTo("{{ doc('shop') }}"), "descriptions are rendered later, with doc()");
    }

    [Test]
    public void Cli_vars_override_project_vars_in_sources()
    {
        using var dir = new TempProjectDirectory("name: shop\nvars:\n  raw_schema: raw_shop\n");
        dir.Write("models/sources.yml", "sources:\n  - name: shop\n    schema: \"{{ var('raw_schema') }}\"\n    tables: [{name: orders}]\n");
        var cliVars = new Dictionary<string, object?> { ["raw_schema"] = "raw_ci" };
        var renderer = new YamlTemplateRenderer(cliVars, _ => null);

        var project = dir.LoadClean(dir.Options(renderer: renderer, cliVars: cliVars));

        Assert.That(project.Sources.Single().Schema, Is.EqualTo("raw_ci"));
    }
}
