using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>Every cross-database macro of dbt's global project is built in, as dbt names it.</summary>
public sealed class CrossDatabaseMacroListTests
{
    /// <summary>The dispatched macros of dbt's macros/utils and macros/adapters/timestamps.sql.</summary>
    private static readonly string[] Dispatched =
    [
        "any_value", "array_append", "array_concat", "array_construct", "bool_or", "cast", "cast_bool_to_text",
        "concat", "current_timestamp", "current_timestamp_backcompat", "current_timestamp_in_utc_backcompat",
        "date", "date_spine", "date_trunc", "dateadd", "datediff", "equals", "escape_single_quotes", "except",
        "generate_series", "get_intervals_between", "get_powers_of_two", "hash", "intersect", "last_day", "length",
        "listagg", "position", "replace", "right", "safe_cast", "snapshot_get_time", "split_part", "string_literal",
        "type_bigint", "type_boolean", "type_float", "type_int", "type_numeric", "type_string", "type_timestamp",
    ];

    private static readonly MacroRegistry Registry = MacroRegistry.WithBuiltins("shop", new TemplateEngine());

    [Test]
    public void Each_dispatched_macro_has_its_entry_point_and_a_default_variant()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in Dispatched)
            {
                Assert.That(Registry.FindInPackage(MacroRegistry.BuiltinPackage, name), Is.Not.Null, name);
                Assert.That(Registry.FindInPackage(MacroRegistry.BuiltinPackage, "default__" + name), Is.Not.Null, "default__" + name);
            }
        });
    }

    [Test]
    public void The_helpers_dbt_calls_without_dispatch_are_built_in_too()
    {
        Assert.That(Registry.FindInPackage(MacroRegistry.BuiltinPackage, "default_last_day"), Is.Not.Null);
        Assert.That(Registry.FindInPackage(MacroRegistry.BuiltinPackage, "_split_part_negative"), Is.Not.Null);
    }

    [Test]
    public void Every_target_variant_has_a_default_to_fall_back_on()
    {
        var variants = Registry.NamesIn(MacroRegistry.BuiltinPackage)
            .Where(n => n.StartsWith("duckdb__", StringComparison.Ordinal) || n.StartsWith("sqlserver__", StringComparison.Ordinal))
            .ToList();
        Assert.That(variants, Has.Count.GreaterThan(30));
        var orphans = variants.Where(v => Registry.FindInPackage(MacroRegistry.BuiltinPackage, "default__" + v[(v.IndexOf("__", StringComparison.Ordinal) + 2)..]) is null);
        Assert.That(orphans, Is.Empty);
    }
}
