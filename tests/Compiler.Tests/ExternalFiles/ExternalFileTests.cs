using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Tests.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.ExternalFiles;

/// <summary>How an external model's config becomes a file location, a format and COPY options.</summary>
public sealed class ExternalFileTests
{
    private static readonly string Root = Path.GetFullPath("/project");
    private static readonly string ExternalRoot = Path.GetFullPath("/project/out");

    private static ExternalFile File(Dictionary<string, object?> config)
    {
        var file = ExternalFile.From(new NodeConfig(config, ResourceType.Model), "m", "orders", ExternalRoot, Root, null, out var error);
        Assert.That(error, Is.Null);
        return file!;
    }

    [Test]
    public void Without_a_location_the_file_is_the_identifier_under_external_root_as_parquet()
    {
        var file = File([]);
        Assert.That(file.Location, Is.EqualTo(Path.Combine(ExternalRoot, "orders.parquet")));
        Assert.That(file.Format, Is.EqualTo("parquet"));
        Assert.That(file.Options, Is.EqualTo(new[] { "format parquet" }));
        Assert.That(file.ReadLocation, Is.EqualTo(file.Location));
    }

    [Test]
    public void The_format_follows_the_location_extension_and_csv_gets_a_header_and_a_quoted_delimiter()
    {
        var file = File(new() { ["location"] = "exports/orders.csv", ["delimiter"] = "|" });
        Assert.That(file.Location, Is.EqualTo(Path.Combine(Root, "exports", "orders.csv")));
        Assert.That(file.Format, Is.EqualTo("csv"));
        Assert.That(file.Options, Is.EqualTo(new[] { "delimiter '|'", "format csv", "header true" }));
    }

    [Test]
    public void A_delimiter_alone_means_csv_also_for_the_default_file_name()
    {
        var file = File(new() { ["delimiter"] = "\t" });
        Assert.That(file.Location, Is.EqualTo(Path.Combine(ExternalRoot, "orders.csv")));
        Assert.That(file.Format, Is.EqualTo("csv"));
    }

    [Test]
    public void A_partitioned_model_writes_a_folder_read_through_one_glob_per_partition_column()
    {
        var file = File(new() { ["format"] = "json", ["options"] = new Dictionary<string, object?> { ["partition_by"] = "year, month", ["compression"] = "gzip" } });
        Assert.That(file.Location, Is.EqualTo(Path.Combine(ExternalRoot, "orders")));
        Assert.That(file.Partitioned, Is.True);
        Assert.That(file.Options, Is.EqualTo(new[] { "partition_by (year, month)", "compression gzip", "format json" }));
        Assert.That(file.ReadLocation, Is.EqualTo(file.Location + "/*/*/*.json"));
    }

    [Test]
    public void A_remote_location_is_kept_as_written()
    {
        var file = File(new() { ["location"] = "s3://bucket/orders.parquet" });
        Assert.That(file.IsRemote, Is.True);
        Assert.That(file.Location, Is.EqualTo("s3://bucket/orders.parquet"));
    }

    [Test]
    public void An_unknown_format_is_refused()
    {
        var file = ExternalFile.From(new NodeConfig(new() { ["format"] = "xlsx" }, ResourceType.Model), "m", "orders", ExternalRoot, Root, null, out var error);
        Assert.That(file, Is.Null);
        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ExternalFiles.InvalidFormatCode));
    }

    [Test]
    public void External_models_are_refused_at_compile_time_on_SQL_Server_at_their_config()
    {
        using var project = new PackageProject();
        project.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlserver\n      server: localhost\n      database: dw\n      schema: dbo\n      user: forge\n      password: unused\n");
        project.Write("models/export.sql", "-- export\n{{ config(materialized='external', location='out/x.parquet') }}\nselect 1 as id\n");

        var (compiled, diagnostics) = project.Compile();

        Assert.That(compiled, Is.Null);
        var error = diagnostics.Single(d => d.Code == DiagnosticCodes.ExternalFiles.ExternalNotSupportedCode);
        Assert.That((error.Span!.Value.Line, error.Span.Value.Column), Is.EqualTo((2, 11)));
        Assert.That(error.Message, Does.Contain("model 'export'"));
    }
}
