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
