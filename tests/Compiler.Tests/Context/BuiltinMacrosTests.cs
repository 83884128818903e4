using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

public sealed class BuiltinMacrosTests
{
    [Test]
    public void Builtin_macro_files_are_embedded_one_macro_per_file_named_after_it()
    {
        var files = BuiltinMacros.Files().ToList();
        var names = files.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToList();
        Assert.That(names, Is.SupersetOf(new[]
        {
            "generate_schema_name", "default__generate_schema_name", "generate_alias_name",
            "default__generate_alias_name", "generate_database_name", "default__generate_database_name", "statement",
        }));
        foreach (var (path, text) in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            Assert.That(text, Does.Contain("macro " + name + "("), path);
            Assert.That(text.Split("{% macro").Length + text.Split("{%- macro").Length - 2, Is.EqualTo(1), path);
        }
    }
}

public sealed class BuiltinMacroFilesTests
{
    private static readonly ModelForge.Compiler.Templating.TemplateEngine Engine = new();

    [Test]
    public void Files_are_listed_without_parsing_and_a_lookup_parses_only_its_own()
    {
        var files = new BuiltinMacroFiles();
        Assert.That(files.Names(MacroRegistry.BuiltinPackage), Does.Contain("generate_schema_name").And.Contain("statement"));
        Assert.That(files.Packages, Does.Contain(MacroRegistry.BuiltinPackage).And.Contain(TsqlShims.PackageFor("dbt_utils")));
        Assert.That(files.ParsedFiles, Is.Zero);

        var macro = files.Find(MacroRegistry.BuiltinPackage, "generate_schema_name", Engine);
        Assert.That(macro?.Name, Is.EqualTo("generate_schema_name"));
        Assert.That(files.ParsedFiles, Is.EqualTo(1));
        Assert.That(files.Find(MacroRegistry.BuiltinPackage, "generate_schema_name", Engine), Is.SameAs(macro));
        Assert.That(files.ParsedFiles, Is.EqualTo(1));
        Assert.That(files.IsBuiltin(macro!), Is.True);

        var shims = TsqlShims.PackageFor("dbt_utils");
        var shim = files.Find(shims, files.Names(shims)[0], Engine);
        Assert.That(shim, Is.Not.Null);
        Assert.That(files.ParsedFiles, Is.EqualTo(2));
        Assert.That(files.Find(MacroRegistry.BuiltinPackage, "no_such_macro", Engine), Is.Null);
        Assert.That(files.Find("no_such_package", "generate_schema_name", Engine), Is.Null);
        Assert.That(files.ParsedFiles, Is.EqualTo(2));
    }

    [Test]
    public void Parallel_lookups_and_the_whole_set_see_one_object_per_macro()
    {
        var files = new BuiltinMacroFiles();
        var seen = new ModelForge.Compiler.Templating.Macro?[32];
        Parallel.For(0, seen.Length, i => seen[i] = files.Find(MacroRegistry.BuiltinPackage, "generate_alias_name", Engine));
        Assert.That(seen.Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(1));

        var all = files.All(Engine, shims: false);
        Assert.That(all.Select(m => m.Macro), Has.Some.SameAs(seen[0]));
        Assert.That(all.Select(m => m.Macro.Name), Is.EqualTo(files.Names(MacroRegistry.BuiltinPackage)));
        Assert.That(files.ParsedFiles, Is.EqualTo(all.Count));
        Assert.That(files.All(Engine, shims: true).Select(m => m.Namespace), Is.All.Not.Null);
    }

    [Test]
    public void A_registry_finds_builtins_as_looked_up_fingerprinted_as_forge_and_overridable()
    {
        var registry = MacroRegistry.WithBuiltins("shop", Engine);
        var builtin = registry.FindInPackage(MacroRegistry.BuiltinPackage, "generate_schema_name");
        Assert.That(builtin, Is.SameAs(BuiltinMacros.Shared.Find(MacroRegistry.BuiltinPackage, "generate_schema_name", Engine)));
        Assert.That(registry.Fingerprint(builtin!), Is.EqualTo(MacroRegistry.Builtin));
        Assert.That(registry.NamesIn(MacroRegistry.BuiltinPackage), Is.EqualTo(BuiltinMacros.Shared.Names(MacroRegistry.BuiltinPackage)));
        Assert.That(registry.HasPackage(TsqlShims.PackageFor("dbt_utils")), Is.True);

        var own = new ModelForge.Compiler.Templating.TemplateEngine().Parse(
            new ModelForge.Compiler.Diagnostics.SourceText("macros/names.sql", "{% macro generate_schema_name(custom, node) %}mine{% endmacro %}"), new ModelForge.Compiler.Diagnostics.DiagnosticBag());
        registry.AddTemplate("shop", own);
        Assert.That(registry.Find("generate_schema_name", "shop")?.Package, Is.EqualTo("shop"));
        Assert.That(registry.Fingerprint(own.Macros["generate_schema_name"]), Is.Not.EqualTo(MacroRegistry.Builtin));

        // A macro added to the built-ins' package replaces the built-in and is listed once.
        registry.Add(MacroRegistry.BuiltinPackage, own.Macros["generate_schema_name"]);
        Assert.That(registry.FindInPackage(MacroRegistry.BuiltinPackage, "generate_schema_name"), Is.SameAs(own.Macros["generate_schema_name"]));
        Assert.That(registry.NamesIn(MacroRegistry.BuiltinPackage).Count(n => n == "generate_schema_name"), Is.EqualTo(1));
    }
}
